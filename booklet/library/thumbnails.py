"""Render a PDF's first page (the cover) to a small PNG, and read a PDF's page count, with PDFium."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

THUMBNAIL_WIDTH_PX = 240      # shown 120 CSS px wide: sharp on a phone's 2x screen


@dataclass(frozen=True)
class Thumbnail:
    png: bytes
    width: int
    height: int


def page_count(pdf: Path) -> int:
    document = pdfium.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def cover_thumbnail(pdf: Path, width_px: int = THUMBNAIL_WIDTH_PX) -> Thumbnail:
    """The cover as a PNG `width_px` wide; the same PDF always gives the same bytes (no dates in the PNG)."""
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        width_pt, _ = page.get_size()
        image = page.render(scale=width_px / width_pt, draw_annots=False).to_pil().convert("RGB")
        page.close()
    finally:
        document.close()
    stream = io.BytesIO()
    image.save(stream, format="PNG", optimize=True)
    return Thumbnail(stream.getvalue(), image.width, image.height)
