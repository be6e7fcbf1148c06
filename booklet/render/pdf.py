"""Render one composed HTML document to the PDF bytes of one variant."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pikepdf
import weasyprint
from weasyprint.text.fonts import FontConfiguration

from booklet.render.fetcher import SafeFetcher
from booklet.render.finish import FinishContext
from booklet.render.variants import Variant

# fontTools stamps each font subset's 'head' table with the clock unless this is set;
# a fixed value keeps the same sources giving byte-identical PDFs.
os.environ["SOURCE_DATE_EPOCH"] = "0"

DRAFT_STAMP_HTML = """<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><style>
@page {{ size: {width} {height}; margin: 0 }}
p {{ margin: 0; height: {height}; display: flex; align-items: center; justify-content: center;
     font: bold 64pt "Atkinson Hyperlegible", sans-serif; letter-spacing: 0.1em;
     color: rgba(176, 0, 90, 0.22); transform: rotate(-40deg) }}
</style></head><body><p>{text}</p></body></html>"""


def render_pdf(html: str, *, variant: Variant, base: Path, roots: tuple[Path, ...], styles: Path,
               finish: FinishContext) -> bytes:
    """Lay out the HTML with the variant's stylesheets, write the PDF, then finish it."""
    fetcher = SafeFetcher(roots)
    fonts = FontConfiguration()
    stylesheets = [weasyprint.CSS(filename=styles / name, url_fetcher=fetcher, font_config=fonts)
                   for name in variant.stylesheets]
    document = weasyprint.HTML(string=html, base_url=base.as_uri() + "/", url_fetcher=fetcher)
    rendered = document.render(stylesheets=stylesheets, font_config=fonts,
                               pdf_variant=variant.pdf_variant)
    raw = rendered.write_pdf(pdf_variant=variant.pdf_variant)
    if fetcher.refused:
        raise fetcher.refused[0]
    with pikepdf.open(io.BytesIO(raw)) as pdf:
        variant.finish(pdf, finish)
        out = io.BytesIO()
        # deterministic_id: the same sources give byte-identical files.
        pdf.save(out, deterministic_id=True, compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


def render_draft_stamp(text: str, *, language: str, size_mm: tuple[float, float], styles: Path) -> bytes:
    """A one-page, untagged PDF of the DRAFT mark, the size of a booklet page."""
    fetcher = SafeFetcher((styles,))
    fonts = FontConfiguration()
    css = weasyprint.CSS(filename=styles / "fonts.css", url_fetcher=fetcher, font_config=fonts)
    html = DRAFT_STAMP_HTML.format(lang=language, text=text, width=f"{size_mm[0]}mm", height=f"{size_mm[1]}mm")
    return weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf(stylesheets=[css], font_config=fonts)
