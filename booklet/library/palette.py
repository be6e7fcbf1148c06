"""The catalogue page's colours and typeface in one place: the house style's, until a publisher theme supplies them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FONTS = Path(__file__).resolve().parent.parent / "styles" / "fonts"


@dataclass(frozen=True)
class Palette:
    """sRGB colours for the catalogue page; each text colour meets WCAG AA on the background it is used on.

    The defaults are the house style's (booklet/styles/booklet.css). To follow a publisher's
    theme.yml, build a Palette from its `colours:` and pass it to `render_page`."""

    brand: str = "#6b1d55"        # headings, links, the header band: 10.6:1 on white
    brand_tint: str = "#f6e9f1"   # card and table-head backgrounds: brand on it 9.1:1, ink 15.6:1
    ink: str = "#1a1a1a"          # body text: 17.4:1 on white
    muted: str = "#4a4a4a"        # facts' labels: 8.9:1 on white
    paper: str = "#ffffff"        # page background, and text on the brand band
    warning: str = "#8a4b00"      # overdue / due-soon words: 6.6:1 on white, 5.8:1 on the tint
    rule: str = "#8c8c8c"         # borders only, never text
    font_family: str = "Atkinson Hyperlegible"
    font_regular: Path = FONTS / "AtkinsonHyperlegible-Regular.ttf"
    font_bold: Path = FONTS / "AtkinsonHyperlegible-Bold.ttf"
    font_licence: Path = FONTS / "OFL.txt"     # a font is published only with its licence

    def font_files(self) -> dict[str, Path]:
        """What the page needs beside it, by the name it links: fonts/<file name>."""
        return {f"fonts/{path.name}": path for path in (self.font_regular, self.font_bold, self.font_licence)}


HOUSE = Palette()
