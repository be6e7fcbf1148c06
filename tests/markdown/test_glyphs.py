"""Characters no shipped font can draw are errors at their line; text of common characters opens no font."""

from __future__ import annotations

from pathlib import Path

from booklet.markdown import glyphs
from booklet.problems import Problems


def test_the_common_characters_are_in_the_shipped_fonts():
    assert glyphs.COMMON <= glyphs.shipped_characters()


def test_common_text_opens_no_font_and_uncommon_text_is_still_checked(monkeypatch):
    opened = []
    monkeypatch.setattr(glyphs, "shipped_characters", lambda: opened.append(1) or frozenset(glyphs.COMMON))
    problems = Problems()
    glyphs.check_glyphs("Plain words – with ‘quotes’, café, → and\u00ad a soft hyphen.\n", Path("a.md"), 1, problems)
    assert opened == [] and problems.items == []
    glyphs.check_glyphs("One line.\nA tick ✓ here.\n", Path("a.md"), 5, problems)
    assert opened == [1]
    assert [(p.line, "'✓' (U+2713" in p.message) for p in problems.items] == [(6, True)]


def test_a_control_character_is_named_as_one_at_its_line() -> None:
    problems = Problems()
    glyphs.check_glyphs("Fine words.\nAnd so it was.\u00e2\u0080\u0094Most miserable", Path("demo/one.md"), 5, problems)
    assert [(p.line, p.severity) for p in problems.items] == [(6, "error")]
    assert "'\u0080' (U+0080)" in problems.items[0].message and "control character" in problems.items[0].message
