"""Translations that stay in step with their source: export to XLIFF 2 or PO, import back, and find passages out of step."""
