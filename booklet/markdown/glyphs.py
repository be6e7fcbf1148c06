"""Find the characters of a section that none of the shipped fonts can draw, and name each at its line."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont

from booklet.problems import Problems

FONTS = Path(__file__).resolve().parent.parent / "styles" / "fonts"
# Scripts whose fonts are many megabytes: refused with their own explanation.
EAST_ASIAN = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO", "IDEOGRAPHIC", "HALFWIDTH", "FULLWIDTH")


@lru_cache(maxsize=4)
def shipped_characters(folder: Path = FONTS) -> frozenset[int]:
    """Every code point some shipped font maps to a glyph (WeasyPrint falls back font by font)."""
    covered: set[int] = set()
    for path in sorted(folder.glob("*.ttf")):
        with TTFont(path, lazy=True) as font:
            covered.update(font.getBestCmap())
    return frozenset(covered)


def needs_no_glyph(char: str) -> bool:
    """Line ends, tabs and invisible format characters (soft hyphen, joiners) draw nothing."""
    return char.isspace() or unicodedata.category(char) in ("Cc", "Cf")


def check_glyphs(text: str, path: Path, first_line: int, problems: Problems) -> None:
    """One error per character per line, naming the character, its code point and what to do."""
    covered = shipped_characters()
    for offset, line in enumerate(text.split("\n")):
        missing = dict.fromkeys(c for c in line if ord(c) not in covered and not needs_no_glyph(c))
        for char in missing:
            problems.error(path, first_line + offset, _message(char))


def _message(char: str) -> str:
    name = unicodedata.name(char, "")
    shown = f"'{char}' (U+{ord(char):04X}{' ' + name if name else ''})"
    if name.startswith(EAST_ASIAN):
        return (f"the character {shown} is Chinese, Japanese or Korean, which the booklet's fonts do not"
                " include; booklets in these languages are not supported yet")
    if unicodedata.category(char) == "So":
        return (f"the character {shown} is a symbol none of the booklet's fonts can print; write it in"
                " words, or use one the fonts have (such as ✓, ✗, →, •)")
    return (f"the character {shown} is in none of the booklet's fonts, so it cannot be printed;"
            " replace it or write it in words")
