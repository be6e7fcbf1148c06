"""booklet: turn Markdown patient-information booklets into accessible and print-ready PDFs."""

from pathlib import Path

__version__ = "0.1.0"

# The house style (stylesheets, fonts, ICC profiles, the house theme and their licences) ships inside the package.
STYLES = Path(__file__).resolve().parent / "styles"
