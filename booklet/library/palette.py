"""Take the catalogue page's colours and typeface from the theme the booklets are built with."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from booklet import STYLES
from booklet.problems import Problems
from booklet.theme.model import Role, Theme

FONTS = STYLES / "fonts"


@dataclass(frozen=True)
class Palette:
    """sRGB colours for the catalogue page, from the house theme or the publisher's theme.yml. Text colours
    pass the contrast rule against white and their tints, as the booklets' do."""

    brand: str                    # headings, links, the header band
    brand_tint: str               # card and table-head backgrounds
    ink: str                      # body text
    muted: str                    # facts' labels
    warning: str                  # overdue / due-soon words
    rule: str                     # borders only, never text
    paper: str = "#ffffff"        # page background, and text on the brand band
    font_family: str = "Atkinson Hyperlegible"
    font_regular: Path = FONTS / "AtkinsonHyperlegible-Regular.ttf"
    font_bold: Path = FONTS / "AtkinsonHyperlegible-Bold.ttf"
    font_licence: Path = FONTS / "OFL.txt"     # a font is published only with its licence

    @classmethod
    def of(cls, theme: Theme) -> "Palette":
        def hex_of(role: Role) -> str:
            return theme.colour(role).hex
        font = {}
        if theme.font is not None:
            font = dict(font_family=theme.font.family, font_regular=theme.font.regular,
                        font_bold=theme.font.bold, font_licence=theme.font.licence)
        return cls(brand=hex_of(Role.BRAND), brand_tint=hex_of(Role.TINT), ink=hex_of(Role.TEXT),
                   muted=hex_of(Role.MUTED), warning=hex_of(Role.WARNING), rule=hex_of(Role.RULE), **font)

    def font_files(self) -> dict[str, Path]:
        """What the page needs beside it, by the name it links: fonts/<file name>."""
        return {f"fonts/{path.name}": path for path in (self.font_regular, self.font_bold, self.font_licence)}


def palette_for(root: Path | None) -> Palette:
    """The palette of the sources root's theme (None: the house theme). A mistake in theme.yml is build's
    and check's to report; the house colour stands in for it here, as it does while they report it."""
    from booklet.theme.reader import read_theme
    return Palette.of(read_theme(root, Problems()))
