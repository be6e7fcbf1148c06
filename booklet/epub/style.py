"""Turn the theme into the EPUB's stylesheet and fonts: reflowable, in the theme's colours and typeface."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from booklet.files import build_file_refusal
from booklet.theme.model import Role, Theme
from booklet.theme.scripts import quoted


@dataclass(frozen=True)
class FontFile:
    name: str                 # inside the EPUB: fonts/NAME
    media_type: str
    data: bytes
    family: str = ""
    weight: int = 400
    style: str = "normal"

# Relative sizes only (em, %): the reader's own text size and margins win. Colours are written out,
# not custom properties, which older reading systems ignore.
RULES = """\
html {{ font-family: {stack}; line-height: 1.5; color: {text}; }}
body {{ margin: 0 1em; overflow-wrap: break-word; }}
h1, h2, h3, h4, h5, h6 {{ color: {brand}; line-height: 1.25; font-weight: 700; }}
h1 {{ font-size: 1.6em; }} h2 {{ font-size: 1.3em; }} h3 {{ font-size: 1.15em; }}
h4, h5, h6 {{ font-size: 1em; }}
em, i {{ font-style: normal; font-weight: 700; }}
a {{ color: {brand}; font-weight: 700; }}
abbr[title] {{ text-decoration: none; }}
sup {{ font-size: 0.8em; }}
pre {{ white-space: pre-wrap; border-left: 0.25em solid {rule}; padding: 0.25em 0.5em; }}
img {{ max-width: 100%; height: auto; }}
figure {{ margin: 1em 0; }}
figcaption {{ color: {muted}; }}
figcaption .caption {{ display: block; font-weight: 700; color: {text}; }}
figcaption .credit {{ display: block; }}
table {{ border-collapse: collapse; margin: 1em 0; display: block; overflow-x: auto; max-width: 100%; }}
th, td {{ border: 1px solid {rule}; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }}
th {{ background: {tint}; }}
.box {{ display: block; margin: 1em 0; padding: 0.5em 0.75em; border-left: 0.4em solid {note};
  background: {note_tint}; }}
.box-label {{ font-weight: 700; color: {note}; }}
.box-tip {{ border-left-color: {brand}; background: {tint}; }}
.box-tip .box-label {{ color: {brand}; }}
.box-warning {{ border-left-color: {warning}; background: {warning_tint}; }}
.box-warning .box-label {{ color: {warning}; }}
.contact-panel {{ display: block; margin: 1em 0; padding: 0.5em 0.75em; border: 2px solid {brand}; }}
.box > :first-child, .contact-panel > :first-child {{ margin-top: 0; }}
.box > :last-child, .contact-panel > :last-child {{ margin-bottom: 0; }}
.contact-title, .credit-label, .contact-label {{ font-weight: 700; }}
.toc {{ list-style: none; padding-left: 0; }}
.toc-number {{ display: inline-block; min-width: 1.5em; }}
.cover-title {{ font-size: 2em; }}
.cover-subtitle {{ font-size: 1.2em; }}
.logo {{ max-height: 4em; }}
.draft-notice {{ font-weight: 700; border: 2px solid {warning}; padding: 0.5em; }}
"""


def epub_css(theme: Theme, font: tuple[FontFile, ...]) -> str:
    """The stylesheet: the fonts' faces (under fonts/), then the rules in the theme's screen colours;
    the stack names only the families the EPUB carries, in their order, then the reader's sans-serif."""
    colours = {role.key: theme.colour(role).hex for role in Role}
    faces = "".join(f'@font-face {{ font-family: {quoted(f.family)}; src: url("../fonts/{f.name}");'
                    f" font-weight: {f.weight}; font-style: {f.style}; }}\n" for f in font)
    stack = ", ".join([*(quoted(family) for family in dict.fromkeys(f.family for f in font)), "sans-serif"])
    return faces + RULES.format(stack=stack, **colours)


def epub_fonts(theme: Theme, styles: Path, roots: tuple[Path, ...], language: str, shown: str,
               store: Path | None = None) -> tuple[FontFile, ...]:
    """The fonts cut to the characters the EPUB shows, as WOFF (web/fonts.py: the web page's faces,
    their subsets kept in `store`); a publisher's font outside the sources is refused."""
    from booklet.web.fonts import faces, subsets
    allowed = tuple(root.resolve() for root in (*roots, styles))
    found = faces(theme, styles, language)
    for face in found:
        refusal = build_file_refusal(face.source.resolve(), allowed)
        if refusal:
            from booklet.epub.split import EpubRefusal
            raise EpubRefusal(face.source.as_uri(), refusal)
    return tuple(FontFile(f"{number}-{face.source.stem}.woff", "font/woff", data, face.family, face.weight, face.style)
                 for number, (face, data) in enumerate(subsets(found, shown, store), start=1))
