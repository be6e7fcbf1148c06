"""The frozen objects a theme is read into: each colour with where it was written, the font and the extra stylesheet."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

RGB = tuple[int, int, int]                       # sRGB, 0..255 each
CMYK = tuple[float, float, float, float]         # ink, 0..1 each


class Role(enum.Enum):
    """A colour of the house style: its key in theme.yml and the CSS custom property that carries it."""

    BRAND = ("brand", "--brand")
    TINT = ("tint", "--brand-tint")
    TEXT = ("text", "--ink")
    MUTED = ("muted", "--muted")
    NOTE = ("note", "--note-edge")
    NOTE_TINT = ("note_tint", "--note-tint")
    WARNING = ("warning", "--warning-edge")
    WARNING_TINT = ("warning_tint", "--warning-tint")
    RULE = ("rule", "--rule")

    def __init__(self, key: str, prop: str):
        self.key, self.prop = key, prop

    @property
    def tint_of(self) -> "Role | None":
        """The colour a background tint is made from, when the publisher gives that colour but not the tint."""
        return {Role.TINT: Role.BRAND, Role.NOTE_TINT: Role.NOTE, Role.WARNING_TINT: Role.WARNING}.get(self)

    @classmethod
    def by_key(cls) -> dict[str, "Role"]:
        return {role.key: role for role in cls}


class Origin(enum.Enum):
    HOUSE = "house"             # the tool's own theme (booklet/styles/theme.yml)
    GIVEN = "given"             # written in the publisher's theme.yml
    DERIVED = "derived"         # a tint made from a colour the publisher gave


@dataclass(frozen=True)
class Colour:
    """One screen colour of the theme, and the line an editor must change to change it."""

    role: Role
    rgb: RGB
    path: Path
    line: int
    origin: Origin

    @property
    def hex(self) -> str:
        return "#" + "".join(f"{v:02x}" for v in self.rgb)

    @property
    def label(self) -> str:
        """How messages name it: `brand`, or `tint (made from brand; give 'tint:' to choose it)`."""
        if self.origin is Origin.DERIVED:
            return f"{self.role.key} (made from {self.role.tint_of.key}; give '{self.role.key}:' to choose it)"
        return self.role.key


@dataclass(frozen=True)
class PrintColour:
    """A print colour given in CMYK; a role without one is converted from its screen colour."""

    role: Role
    cmyk: CMYK
    path: Path
    line: int


@dataclass(frozen=True)
class Font:
    """The publisher's typeface: its family name, files (inside _shared/) and licence."""

    family: str
    regular: Path
    bold: Path
    licence: Path
    italic: Path | None = None

    @property
    def files(self) -> tuple[Path, ...]:
        return tuple(p for p in (self.regular, self.bold, self.italic, self.licence) if p is not None)


@dataclass(frozen=True)
class Theme:
    """The theme a build uses: the house colours with the publisher's choices laid over them."""

    colours: tuple[Colour, ...]               # one per Role, in Role order
    print_colours: tuple[PrintColour, ...]    # only those given (house or publisher)
    font: Font | None = None
    stylesheet: Path | None = None
    path: Path | None = None                  # the publisher's theme.yml, when there is one

    def colour(self, role: Role) -> Colour:
        return next(c for c in self.colours if c.role is role)

    def print_colour(self, role: Role) -> PrintColour | None:
        return next((c for c in self.print_colours if c.role is role), None)

    @property
    def files(self) -> tuple[Path, ...]:
        """Every file of the publisher's theme, for cache keys."""
        own = (self.path,) if self.path else ()
        return own + (self.font.files if self.font else ()) + ((self.stylesheet,) if self.stylesheet else ())
