"""Import a Word file or a saved web page as a new draft booklet: `booklet import FILE`."""

from booklet.importer.create import ImportError_, import_document

__all__ = ["ImportError_", "import_document"]
