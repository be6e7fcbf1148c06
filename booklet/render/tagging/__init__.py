"""Repair WeasyPrint's tagged PDF so that its structure tree meets PDF/UA-1 and reads as the HTML does."""
