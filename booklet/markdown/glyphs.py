"""Find the characters of a section that none of the shipped fonts can draw, and name each at its line."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from booklet import STYLES
from booklet.problems import Problems

FONTS = STYLES / "fonts"
# Scripts whose fonts are many megabytes: drawn from the publisher's or an installed font (eastasian.py).
EAST_ASIAN = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO", "IDEOGRAPHIC", "HALFWIDTH", "FULLWIDTH")
# Characters every shipped font set covers (a test holds this against the fonts): text made only of
# these needs no font opened, which spares each `booklet check` reading five character maps.
COMMON = frozenset([*range(0x20, 0x7F), *range(0xA0, 0x250), *range(0x2010, 0x2028), *range(0x2030, 0x205F),
                    *range(0x2190, 0x2200)])


@lru_cache(maxsize=4)
def shipped_characters(folder: Path = FONTS) -> frozenset[int]:
    """Every code point some shipped font maps to a glyph and is used for (WeasyPrint falls back
    font by font; a script font serves only its unicode-range in fonts.css)."""
    from fontTools.ttLib import TTFont
    covered: set[int] = set()
    for face in font_faces(folder.parent / "fonts.css"):
        with TTFont(face.path, lazy=True) as font:
            covered.update(c for c in font.getBestCmap() if face.serves(c))
    return frozenset(covered)


@dataclass(frozen=True)
class ShippedFace:
    """One @font-face of styles/fonts.css: its family, weight, file and unicode-range (None: all)."""

    family: str
    weight: int
    path: Path
    ranges: tuple[tuple[int, int], ...] | None

    def serves(self, code: int) -> bool:
        return self.ranges is None or any(a <= code <= b for a, b in self.ranges)


def font_faces(stylesheet: Path = STYLES / "fonts.css") -> list[ShippedFace]:
    """Each @font-face of the stylesheet, in its order."""
    import tinycss2
    faces = []
    for rule in tinycss2.parse_stylesheet(stylesheet.read_text(encoding="utf-8"), skip_comments=True):
        if rule.type != "at-rule" or rule.lower_at_keyword != "font-face":
            continue
        found = {d.lower_name: d.value for d in tinycss2.parse_blocks_contents(rule.content) if d.type == "declaration"}
        source = next(t for t in found["src"] if t.type in ("url", "function"))
        url = source.value if source.type == "url" else source.arguments[0].value
        family = next(t.value for t in found["font-family"] if t.type in ("string", "ident"))
        weight = next((t.value for t in found.get("font-weight", []) if t.type == "number"), 400)
        ranges = tuple((t.start, t.end) for t in found.get("unicode-range", []) if t.type == "unicode-range")
        faces.append(ShippedFace(family, int(weight), stylesheet.parent / url, ranges or None))
    return faces


def needs_no_glyph(char: str) -> bool:
    """Line ends, tabs and invisible format characters (soft hyphen, joiners) draw nothing. Other
    control characters are not text at all (check_glyphs names them)."""
    return char.isspace() or unicodedata.category(char) == "Cf"


def check_glyphs(text: str, path: Path, first_line: int, problems: Problems, *, root: Path | None = None,
                 language: str = "en") -> None:
    """One error per line (two when it has both Chinese, Japanese or Korean and other characters),
    naming each character, its code point and what to do. Chinese, Japanese and Korean are drawn
    from the publisher's font or an installed one (eastasian.py): an error only when neither has them."""
    if all(ord(c) in COMMON or needs_no_glyph(c) for c in set(text)):
        return
    covered = shipped_characters()
    found = [c for c in dict.fromkeys(text) if ord(c) not in covered and not needs_no_glyph(c)]
    east = "".join(c for c in found if unicodedata.name(c, "").startswith(EAST_ASIAN))
    if east:
        from booklet.markdown.eastasian import font_for
        if font_for(east, root, language) is not None:
            covered = covered | frozenset(map(ord, east))
    for offset, line in enumerate(text.split("\n")):
        missing = list(dict.fromkeys(c for c in line if ord(c) not in covered and not needs_no_glyph(c)))
        controls = [c for c in missing if unicodedata.category(c) == "Cc"]
        east_asian = [c for c in missing if unicodedata.name(c, "").startswith(EAST_ASIAN)]
        others = [c for c in missing if c not in east_asian and c not in controls]
        if controls:
            problems.error(path, first_line + offset, f"{_named(controls)} {'a control character' if len(controls) == 1 else 'control characters'}, not text (often"
                           " left where a file saved in one encoding was read in another, as 'â' before it"
                           " shows): delete it, or type the character that was meant")
        if east_asian:
            from booklet.markdown.eastasian import ADVICE
            problems.error(path, first_line + offset, f"{_named(east_asian)} Chinese, Japanese or Korean, which"
                           " no font shipped with booklet has (they are too large to ship), nor the publisher's"
                           f" font, nor any font installed on this computer: {ADVICE}")
        if others:
            symbols = all(unicodedata.category(c) == "So" for c in others)
            advice = ("write it in words, or use a symbol the fonts have (such as ✓, ✗, →, •)" if symbols
                      else "replace it or write it in words")
            problems.error(path, first_line + offset, f"{_named(others)} in none of the booklet's fonts, so it"
                           f" cannot be printed; {advice}")


def _named(chars: list[str]) -> str:
    """'the character 'x' (U+0078 NAME) is' or 'the characters ... are', at most five named."""
    shown = [f"'{c}' (U+{ord(c):04X}{' ' + unicodedata.name(c, '') if unicodedata.name(c, '') else ''})"
             for c in chars[:5]]
    more = f" and {len(chars) - 5} more" if len(chars) > 5 else ""
    if len(chars) == 1:
        return f"the character {shown[0]} is"
    return f"the characters {', '.join(shown)}{more} are"
