"""The bare reference: import WeasyPrint, compose the booklet's HTML and render each laid-out variant once.

Run as a whole process by benchmarks/whole.py: `python -m benchmarks.bare SOURCES OUT [VARIANT...]`.
No post-processing, no PDF/UA repairs, no imposition, no checks: what WeasyPrint alone costs
for the same documents with the same stylesheets: print laid out on its own, as a plain
WeasyPrint user would (the A5 stylesheets, CMYK colours and a bleed; booklet itself finishes
the download's pages instead). The handout is made from the print pages, so it is not a
layout of its own and is not rendered here.
"""

from __future__ import annotations

import sys
from pathlib import Path

LAID_OUT = ("download", "print", "large-print")


def main(sources: Path, out: Path, variants: tuple[str, ...]) -> None:
    import weasyprint

    from booklet.build import STYLES
    from booklet.compose.document import compose_html
    from booklet.render.variants import VARIANTS, layout_of
    from booklet.sources.library import library_of
    from booklet.sources.reader import read_sources
    from booklet.theme.css import theme_css
    from booklet.theme.reader import load_theme

    folders = sorted(p for p in sources.iterdir() if (p / "booklet.yml").is_file())
    library = library_of(read_sources(sources, folders, variants=tuple(VARIANTS)))
    theme = load_theme(sources)
    out.mkdir(parents=True, exist_ok=True)
    for manifest in library.booklets.values():
        for name in variants:
            variant = VARIANTS[name]
            press = STYLES / "icc" / "ISOcoated_v2_300_bas.icc" if variant.press else None
            extra = theme_css(theme, press_profile=press) + ("@page { bleed: 3mm; marks: none }" if press else "")
            sheets = [weasyprint.CSS(filename=STYLES / sheet) for sheet in layout_of(name).stylesheets]
            sheets.append(weasyprint.CSS(string=extra))
            html = compose_html(manifest, library.organisation, variant=name)
            document = weasyprint.HTML(string=html, base_url=manifest.folder.as_uri() + "/")
            pdf_variant = "pdf/x-4" if variant.press else variant.pdf_variant
            document.write_pdf(out / f"{manifest.slug}-{name}.pdf", stylesheets=sheets, pdf_variant=pdf_variant)


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve(), tuple(sys.argv[3:]) or LAID_OUT)
