"""Render one composed HTML document to the PDF bytes of one variant."""

from __future__ import annotations

import functools
import io
from pathlib import Path
from typing import Callable

import pikepdf

from booklet.render.engine import reproducible_fonts, weasyprint
from booklet.render.fetcher import SafeFetcher
from booklet.render.finish import FinishContext
from booklet.render.linkguard import guard_links
from booklet.render.tagging.actualtext import writing_actual_text
from booklet.render.tagging.origins import recording_origins
from booklet.theme.scripts import direction, family_list
from weasyprint.text.fonts import FontConfiguration

DRAFT_STAMP_HTML = """<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><style>
@page {{ size: {width} {height}; margin: 0 }}
p {{ margin: 0; height: {height}; display: flex; align-items: center; justify-content: center;
     font: bold 64pt {family}; letter-spacing: {spacing};
     color: {colour}; transform: rotate(-40deg) }}
</style></head><body><p>{text}</p></body></html>"""


_STYLESHEETS: dict[tuple, tuple[FontConfiguration, list]] = {}


def _stylesheets(styles: Path, names: tuple[str, ...], extra_css: str, roots: tuple[Path, ...]):
    """Parse each set of stylesheets (and load its fonts) once per process: every booklet and
    every rebuild in watch mode reuses them. A stylesheet edited on disk is parsed again."""
    stamps = tuple((name, (styles / name).stat().st_mtime_ns, (styles / name).stat().st_size) for name in names)
    key = (styles, stamps, extra_css, roots)
    if key not in _STYLESHEETS:
        fetcher = SafeFetcher(roots)
        fonts = FontConfiguration()
        sheets = [weasyprint.CSS(filename=styles / name, url_fetcher=fetcher, font_config=fonts) for name in names]
        if extra_css:
            sheets.append(weasyprint.CSS(string=extra_css, url_fetcher=fetcher, font_config=fonts))
        if fetcher.refused:
            raise fetcher.refused[0]
        _STYLESHEETS[key] = (fonts, sheets)
    return _STYLESHEETS[key]


def lay_out(html: str, *, stylesheets: tuple[str, ...], extra_css: str, pdf_variant: str | None, base: Path,
            roots: tuple[Path, ...], styles: Path) -> weasyprint.document.Document:
    """Lay the HTML out into pages with the variant's stylesheets (and any per-booklet CSS)."""
    fonts, sheets = _stylesheets(styles, stylesheets, extra_css, roots)
    fetcher = SafeFetcher(roots)
    document = weasyprint.HTML(string=html, base_url=base.as_uri() + "/", url_fetcher=fetcher)
    images: dict = {}
    rendered = document.render(stylesheets=sheets, font_config=fonts, pdf_variant=pdf_variant, cache=images)
    name_images_by_content(images)
    if fetcher.refused:
        raise fetcher.refused[0]
    rendered.booklet_fetcher = fetcher      # drawing SVGs fetches too: checked again after writing
    return rendered


def name_images_by_content(images: dict) -> None:
    """Name each raster picture after its bytes, not its file's address: WeasyPrint names a picture's
    XObject after the md5 of its URL, so the same sources built in another folder gave another PDF.
    (`images`: WeasyPrint's picture cache, URL -> image, and the pixel streams it keeps by name.)"""
    import hashlib
    from weasyprint.images import RasterImage
    for url, image in list(images.items()):
        if isinstance(image, RasterImage):
            # Its encoded bytes (as WeasyPrint will embed them) and form: two copies of one file share one XObject.
            made = hashlib.md5(f"{image.mode} {image.width}x{image.height} {image.format}".encode(),
                               usedforsecurity=False)
            made.update(image.image_data.data)
            image.id = made.hexdigest()


def write_raw(rendered, *, pdf_variant: str | None) -> bytes:
    """Write the laid-out pages as WeasyPrint's PDF, before any variant's finishing."""
    # The structure pass joins what page breaks split; font subsets carry no clock time; text in
    # Arabic or an Indic script carries its own text (the glyphs' ToUnicode cannot say it).
    with reproducible_fonts(), recording_origins(), writing_actual_text():
        raw = rendered.write_pdf(pdf_variant=pdf_variant)
    if rendered.booklet_fetcher.refused:
        raise rendered.booklet_fetcher.refused[0]
    return raw


def finish_pdf(raw: bytes, *, finish: Callable[[pikepdf.Pdf, FinishContext], dict], context: FinishContext) -> bytes:
    """Post-process WeasyPrint's PDF with pikepdf and save it reproducibly."""
    with pikepdf.open(io.BytesIO(raw)) as pdf:
        options = finish(pdf, context) or {}
        if direction(context.language) == "rtl":
            # A booklet in Arabic or Urdu opens on the right: viewers show its spreads right to left.
            if "/ViewerPreferences" not in pdf.Root:
                pdf.Root.ViewerPreferences = pikepdf.Dictionary()
            pdf.Root.ViewerPreferences.Direction = pikepdf.Name.R2L
        guard_links(pdf)
        if "/ID" in pdf.trailer:
            del pdf.trailer.ID      # WeasyPrint's own ID differs per run; qpdf makes one from the content
        out = io.BytesIO()
        # deterministic_id: the same sources give byte-identical files.
        pdf.save(out, deterministic_id=True, compress_streams=True,
                 **{"object_stream_mode": pikepdf.ObjectStreamMode.generate, **options})
    return out.getvalue()


STAMP_TRANSLUCENT = "rgba(176, 0, 90, 0.22)"
STAMP_OPAQUE = "rgb(246, 208, 226)"      # for standards without transparency: drawn under the text


@functools.lru_cache(maxsize=8)      # the same mark for every variant of the same page size
def render_draft_stamp(text: str, *, language: str, size_mm: tuple[float, float], styles: Path,
                       opaque: bool = False, font_css: str = "", roots: tuple[Path, ...] = ()) -> bytes:
    """A one-page, untagged PDF of the DRAFT mark, the size of a booklet page; `font_css` (a theme's
    @font-face rules, its files under `roots`) sets it in the publisher's font."""
    fetcher = SafeFetcher((styles, *roots))
    fonts = FontConfiguration()
    sheets = [weasyprint.CSS(filename=styles / "fonts.css", url_fetcher=fetcher, font_config=fonts)]
    if font_css:
        sheets.append(weasyprint.CSS(string=font_css, url_fetcher=fetcher, font_config=fonts))
    # Spaced letters would break the joins of Arabic and the headline of Devanagari: Latin-like text only.
    spacing = "0.1em" if all(ord(c) < 0x590 for c in text) else "normal"
    html = DRAFT_STAMP_HTML.format(lang=language, text=text, colour=STAMP_OPAQUE if opaque else STAMP_TRANSLUCENT,
                                   width=f"{size_mm[0]}mm", height=f"{size_mm[1]}mm",
                                   family=family_list(language), spacing=spacing)
    with reproducible_fonts():
        return weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf(stylesheets=sheets, font_config=fonts)
