"""Turn a checked booklet into an EPUB 3.3 file made from the same composed document as the PDFs."""

from __future__ import annotations

from pathlib import Path

from booklet.compose.document import compose_html
from booklet.compose.strings import strings_for
from booklet.epub.archive import epub_zip
from booklet.epub.package import add_navigation, package_document
from booklet.epub.split import EpubRefusal, gather_pictures, link_across, mark_pages, parse_parts
from booklet.epub.style import epub_css, epub_fonts
from booklet.epub.xhtml import content_document, serialise
from booklet.model import Manifest, Organisation
from booklet.theme.model import Theme

__all__ = ["EpubRefusal", "make_epub"]


def make_epub(manifest: Manifest, organisation: Organisation, *, root: Path, styles: Path, theme: Theme,
              page_starts=(), store: Path | None = None) -> bytes:
    """The whole EPUB: one XHTML document per part of the booklet (cover, contents, each section, related,
    credits, back cover), the contents as its navigation document with landmarks and a page list of
    the download PDF's pages (`page_starts`: render/pages.py), the pictures, the font (its subsets kept
    in `store`) and a stylesheet."""
    words = strings_for(manifest.language, manifest.words)
    parts, direction = parse_parts(compose_html(manifest, organisation, variant="epub"))
    where = link_across(parts)
    pictures = gather_pictures(parts, (root, styles))
    pages = mark_pages(parts, page_starts, where)
    # Each font cut to the characters the EPUB shows, as WOFF: a publisher's font is often over 1 MB whole.
    shown = "".join("".join(part.element.itertext()) for part in parts) + "0123456789" + "".join(
        str(words[key]) for key in ("cover", "page_list", "landmarks"))     # the navigation's own words
    # The same faces as the web page (the publisher's, the house font, each script's, the fallback),
    # each cut to what no face before it draws: an Arabic or Bengali EPUB carries its script's font.
    fonts = epub_fonts(theme, styles, (root,), manifest.language, shown, store)

    toc = next(part for part in parts if part.kind == "toc")
    body = next((part for part in parts if part.kind == "body"), None)
    back = next((part for part in parts if part.kind == "back"), None)
    landmarks = [(kind, label, href) for kind, label, href in (
        ("cover", str(words["cover"]), parts[0].name if parts[0].kind == "cover" else None),
        ("toc", toc.title, f"{toc.name}#{toc.element.get('id')}"),
        ("bodymatter", body.title if body else None, body.name if body else None),
        ("backmatter", back.title if back else None, back.name if back else None)) if href]
    extra = add_navigation(toc.element, landmarks, pages, words)

    files: list[tuple[str, bytes]] = []
    items: list[tuple[str, str, str, str]] = []
    for number, part in enumerate(parts, start=1):
        elements = [*part.before, part.element, *(extra if part is toc else [])]
        text = "\n".join(serialise(e) for e in elements)
        files.append((f"EPUB/{part.name}", content_document(text, title=part.title, language=manifest.language,
                                                                 direction=direction)))
        items.append((f"doc-{number}", part.name, "application/xhtml+xml", "nav" if part is toc else ""))
    spine = [item[0] for item in items]
    files.append(("EPUB/css/booklet.css", epub_css(theme, fonts).encode("utf-8")))
    items.append(("css", "css/booklet.css", "text/css", ""))
    for number, font in enumerate(fonts, start=1):
        files.append((f"EPUB/fonts/{font.name}", font.data))
        items.append((f"font-{number}", f"fonts/{font.name}", font.media_type, ""))
    for number, picture in enumerate(pictures, start=1):
        files.append((f"EPUB/images/{picture.name}", picture.data))
        items.append((f"img-{number}", f"images/{picture.name}", picture.media_type, ""))
    opf = package_document(manifest, organisation, items=items, spine=spine, pictures=bool(pictures),
                           direction=direction, summary=str(words["accessibility_summary"]),
                           draft_notice=str(words["draft_notice"]) if manifest.draft else None)
    return epub_zip([("EPUB/package.opf", opf), *files])
