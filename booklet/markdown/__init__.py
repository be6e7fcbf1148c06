"""Turn section Markdown into HTML with the booklet's Python-Markdown extensions."""
