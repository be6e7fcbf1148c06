"""The web edition: one self-contained folder per booklet (index.html, its pictures, CSS and fonts)."""
