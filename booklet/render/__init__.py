"""Render composed HTML to PDF for each variant, and finish the PDF for its standard."""
