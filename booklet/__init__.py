"""booklet: turn Markdown patient-information booklets into accessible and print-ready PDFs."""

__version__ = "0.1.0"
