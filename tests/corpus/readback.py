"""Read a built corpus PDF back: where each character is drawn, the tagged text, and the fonts embedded."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

from booklet.render.pdftext import mcid_text

STYLES_FONTS = Path(__file__).resolve().parents[2] / "booklet" / "styles" / "fonts"
MM = 72 / 25.4
CLEAR = 5 * MM          # standards.md: keep text at least 5 mm inside the trim


def squeeze(text: str) -> str:
    """Without white space (and the soft line ends pdfium adds), so a word broken over two lines is found."""
    return re.sub(r"[\s\u00ad\ufffe\uffff]+", "", text)


def page_text(path: Path) -> str:
    document = pdfium.PdfDocument(str(path))
    try:
        return "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def characters_outside_trim(path: Path) -> list[str]:
    """Every drawn character whose box is not at least 5 mm inside its page's trim box
    (the page itself when there is no bleed), as 'page N: 'c' at x, y'."""
    found = []
    document = pdfium.PdfDocument(str(path))
    try:
        for number, page in enumerate(document, start=1):
            left, bottom, right, top = page.get_trimbox()
            text = page.get_textpage()
            for index in range(text.count_chars()):
                char = text.get_text_range(index, 1)
                if not char.strip():
                    continue
                x0, y0, x1, y1 = text.get_charbox(index)
                if x0 < left + CLEAR - 0.5 or x1 > right - CLEAR + 0.5 or y0 < bottom + CLEAR - 0.5 \
                        or y1 > top - CLEAR + 0.5:
                    found.append(f"page {number}: {char!r} at {x0 / MM:.1f}, {y0 / MM:.1f} mm")
    finally:
        document.close()
    return found


def objects_outside_page(path: Path) -> list[str]:
    """Every drawn object (text, path, picture, form) reaching beyond its page: cut off when printed
    or viewed. A print page's bleed is part of its page (the cover's colour runs into it)."""
    found = []
    document = pdfium.PdfDocument(str(path))
    try:
        for number, page in enumerate(document, start=1):
            left, bottom, right, top = page.get_mediabox()
            for obj in page.get_objects(max_depth=1):
                x0, y0, x1, y1 = obj.get_bounds()
                if x0 < left - 1 or y0 < bottom - 1 or x1 > right + 1 or y1 > top + 1:
                    found.append(f"page {number}: object type {obj.type} at {x0 / MM:.0f}, {y0 / MM:.0f}"
                                 f" to {x1 / MM:.0f}, {y1 / MM:.0f} mm")
    finally:
        document.close()
    return found


def tagged_text(path: Path) -> str:
    """The text of every marked-content sequence the structure tree can reach (with an MCID)."""
    with pikepdf.open(path) as pdf:
        return "".join(mcid_text(pdf).values())


def shipped_font_names() -> set[str]:
    from fontTools.ttLib import TTFont
    names = set()
    for path in STYLES_FONTS.glob("*.ttf"):
        with TTFont(path, lazy=True) as font:
            names.add(font["name"].getDebugName(6))
    return names


def embedded_fonts(path: Path) -> dict[str, bool]:
    """Each font's PostScript name (subset tag removed) and whether its program is embedded."""
    fonts: dict[str, bool] = {}
    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor":
                name = str(obj.get("/FontName", "")).lstrip("/").split("+", 1)[-1]
                embedded = any(key in obj for key in ("/FontFile", "/FontFile2", "/FontFile3"))
                fonts[name] = fonts.get(name, True) and embedded
    return fonts


def built_pdf(output_for, slug: str, variant: str) -> Path:
    """The PDF of one booklet and variant, built on first use by the `corpus_outputs` fixture."""
    return output_for(slug) / slug / f"{slug}-{variant}.pdf"
