"""Find the characters of a section that none of the shipped fonts can draw, and name each at its line."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

from booklet import STYLES
from booklet.problems import Problems

FONTS = STYLES / "fonts"
# Scripts whose fonts are many megabytes: refused with their own explanation.
EAST_ASIAN = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO", "IDEOGRAPHIC", "HALFWIDTH", "FULLWIDTH")
# Characters every shipped font set covers (a test holds this against the fonts): text made only of
# these needs no font opened, which spares each `booklet check` reading five character maps.
COMMON = frozenset([*range(0x20, 0x7F), *range(0xA0, 0x250), *range(0x2010, 0x2028), *range(0x2030, 0x205F),
                    *range(0x2190, 0x2200)])


@lru_cache(maxsize=4)
def shipped_characters(folder: Path = FONTS) -> frozenset[int]:
    """Every code point some shipped font maps to a glyph (WeasyPrint falls back font by font)."""
    from fontTools.ttLib import TTFont
    covered: set[int] = set()
    for path in sorted(folder.glob("*.ttf")):
        with TTFont(path, lazy=True) as font:
            covered.update(font.getBestCmap())
    return frozenset(covered)


def needs_no_glyph(char: str) -> bool:
    """Line ends, tabs and invisible format characters (soft hyphen, joiners) draw nothing."""
    return char.isspace() or unicodedata.category(char) in ("Cc", "Cf")


def check_glyphs(text: str, path: Path, first_line: int, problems: Problems) -> None:
    """One error per line (two when it has both Chinese, Japanese or Korean and other characters),
    naming each character, its code point and what to do."""
    if all(ord(c) in COMMON or needs_no_glyph(c) for c in set(text)):
        return
    covered = shipped_characters()
    for offset, line in enumerate(text.split("\n")):
        missing = list(dict.fromkeys(c for c in line if ord(c) not in covered and not needs_no_glyph(c)))
        east_asian = [c for c in missing if unicodedata.name(c, "").startswith(EAST_ASIAN)]
        others = [c for c in missing if c not in east_asian]
        if east_asian:
            problems.error(path, first_line + offset, f"{_named(east_asian)} Chinese, Japanese or Korean, which"
                           " the booklet's fonts do not include; booklets in these languages are not supported yet")
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
