"""Turn the theme into the EPUB's stylesheet and fonts: reflowable, in the theme's colours and typeface."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from booklet.files import CONTENT_TYPES, build_file_refusal
from booklet.theme.scripts import HOUSE_FAMILY
from booklet.theme.model import Role, Theme


@dataclass(frozen=True)
class FontFile:
    name: str                 # inside the EPUB: fonts/NAME
    media_type: str
    data: bytes


# The faces font_files returns, in its order: regular, bold, then italic if the theme has one.
FACES = ((400, "normal"), (700, "normal"), (400, "italic"))

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
    """The stylesheet: the font's faces (under fonts/), then the rules in the theme's screen colours."""
    colours = {role.key: theme.colour(role).hex for role in Role}
    family = theme.font.family if theme.font is not None else HOUSE_FAMILY
    faces = "".join(f'@font-face {{ font-family: "{_escaped(family)}"; src: url("../fonts/{f.name}");'
                    f" font-weight: {weight}; font-style: {style}; }}\n"
                    for f, (weight, style) in zip(font, FACES))
    stack = f'"{_escaped(family)}", sans-serif'
    return faces + RULES.format(stack=stack, **colours)


def font_files(theme: Theme, styles: Path, roots: tuple[Path, ...]) -> tuple[FontFile, ...]:
    """The theme's font files (inside the sources), or the house font shipped in styles/fonts/."""
    if theme.font is not None:
        paths = [theme.font.regular, theme.font.bold] + ([theme.font.italic] if theme.font.italic else [])
    else:
        paths = [styles / "fonts" / f"AtkinsonHyperlegible-{face}.ttf" for face in ("Regular", "Bold")]
    allowed = tuple(root.resolve() for root in (*roots, styles))
    files = []
    for path in paths:
        resolved = path.resolve()
        refusal = build_file_refusal(resolved, allowed)
        if refusal:
            from booklet.epub.split import EpubRefusal
            raise EpubRefusal(path.as_uri(), refusal)
        name = f"{len(files) + 1}-{resolved.name}"
        files.append(FontFile(name, CONTENT_TYPES.get(resolved.suffix.lower(), "font/ttf"), resolved.read_bytes()))
    return tuple(files)


def _escaped(name: str) -> str:
    return name.replace("\\", "\\\\").replace('"', '\\"')
