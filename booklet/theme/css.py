"""Turn a Theme into the CSS a variant lays out with: colour custom properties (sRGB, or CMYK for print), the font."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from booklet.theme.model import CMYK, Role, Theme
from booklet.theme.scripts import family_list, quoted, stack_css

BLACK_INK: CMYK = (0.0, 0.0, 0.0, 1.0)


@dataclass(frozen=True)
class ThemeProperty:
    """One generated custom property and the theme line it comes from (for contrast messages)."""

    role: Role
    value: str              # the CSS value: #6b1d55 or device-cmyk(0.3 1 0.2 0.45)
    path: Path
    line: int
    label: str              # `brand`, or how a derived or converted colour was made


def properties(theme: Theme, *, press_profile: Path | None = None) -> tuple[ThemeProperty, ...]:
    """Each colour of the theme as a custom property: sRGB on screen; for print (with the press's
    ICC profile) the CMYK given in print_colours, else the sRGB converted through that profile."""
    if press_profile is None:
        return tuple(ThemeProperty(c.role, c.hex, c.path, c.line, c.label) for c in theme.colours)
    return tuple(ThemeProperty(colour.role, cmyk_css(cmyk), path, line, label)
                 for colour, cmyk, path, line, label in _printed(theme, press_profile))


def print_inks(theme: Theme, press_profile: Path) -> tuple[tuple[tuple[int, int, int], CMYK], ...]:
    """Each theme colour's sRGB and the CMYK it prints in: the print file is the download's layout
    with these colours put back to the inks the theme asks for (render/colour.py)."""
    return tuple((colour.rgb, cmyk) for colour, cmyk, *_ in _printed(theme, press_profile))


def _printed(theme: Theme, press_profile: Path):
    """(colour, CMYK, the line it comes from, how it was made) for each theme colour, in print."""
    from booklet.render.colour import converter_for
    for colour in theme.colours:
        given = theme.print_colour(colour.role)
        if colour.role is Role.TEXT:
            # Print body text is black ink alone (standards: no registration trouble at small sizes).
            yield colour, BLACK_INK, colour.path, colour.line, "text (100 % K)"
        elif given is not None:
            yield colour, given.cmyk, given.path, given.line, f"{colour.role.key} in print_colours"
        else:
            cmyk = converter_for(press_profile).colour(*(v / 255 for v in colour.rgb))
            yield colour, cmyk, colour.path, colour.line, f"{colour.label}, converted to CMYK for print"


def cmyk_css(cmyk: CMYK) -> str:
    return "device-cmyk(" + " ".join(f"{v:g}" for v in cmyk) + ")"


def theme_css(theme: Theme, *, press_profile: Path | None = None) -> str:
    """The stylesheet applied after the house style: the publisher's stylesheet (imported first,
    so the theme's colours still win), the colours, then the font."""
    parts = []
    if theme.stylesheet is not None:
        # The digest makes an edited stylesheet a new string, so cached layouts are not reused.
        parts.append(f'@import url("{theme.stylesheet.as_uri()}"); /* {_digest(theme.stylesheet)} */')
    lines = "".join(f"\n  {p.role.prop}: {p.value};" for p in properties(theme, press_profile=press_profile))
    parts.append(":root {" + lines + "\n}")
    if theme.font is not None:
        parts.extend(_faces(theme.font))
    # The font stack by language, the publisher's font first (the margin boxes inherit it).
    parts.append(stack_css(first=_own(theme)))
    return "\n".join(parts) + "\n"


def stamp_font_css(theme: Theme) -> str:
    """The DRAFT mark in the publisher's font too, so a draft embeds no font but theirs."""
    if theme.font is None:
        return ""
    return "\n".join([*_faces(theme.font), f"p {{ font-family: {family_list('', first=_own(theme))} !important; }}"])


def _faces(font) -> list[str]:
    faces = [(font.regular, 400, "normal"), (font.bold, 700, "normal")]
    if font.italic is not None:
        faces.append((font.italic, 400, "italic"))
    # Each file's digest makes a replaced font file a new string, so a cached layout is not reused.
    return [f"@font-face {{ font-family: {quoted(font.family)}; src: url(\"{path.as_uri()}\"); font-weight: {weight};"
            f" font-style: {style}; }} /* {_digest(path)} */" for path, weight, style in faces]


def _own(theme: Theme) -> tuple[str, ...]:
    """The publisher's family, before the shipped fonts that draw what it lacks."""
    return (theme.font.family,) if theme.font is not None else ()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


