"""Chinese, Japanese and Korean: drawn from the publisher's font or an installed one, else an error saying what to install."""

from __future__ import annotations

from pathlib import Path

import pytest

from booklet.build import BuildRequest, build
from booklet.markdown import eastasian, glyphs
from booklet.problems import ContentError, Problems
from tests.conftest import MANIFEST, ORGANISATION, PROJECT

CHINESE = "医生会从您的手臂抽一点血。"
HARBOUR = PROJECT / "tests" / "theme" / "fixtures" / "harbour"      # a publisher's theme with Lato


def _check(text: str, root: Path | None = None, language: str = "zh-Hans") -> list[tuple[int, str]]:
    problems = Problems()
    glyphs.check_glyphs(text, Path("a.md"), 3, problems, root=root, language=language)
    return [(p.line, p.message) for p in problems.items]


def test_with_no_font_for_them_the_line_says_what_to_install(monkeypatch):
    monkeypatch.setattr(eastasian, "installed_families", lambda wanted: ())
    found = _check(f"Plain words.\n{CHINESE}\n")
    assert len(found) == 1 and found[0][0] == 4
    assert "'医' (U+533B" in found[0][1] and "Chinese, Japanese or Korean" in found[0][1]
    assert "apt-get install fonts-noto-cjk" in found[0][1] and "Noto Sans CJK SC" in found[0][1]


def test_an_installed_font_that_has_them_all_draws_them(monkeypatch):
    asked = []
    monkeypatch.setattr(eastasian, "installed_families",
                        lambda wanted: asked.append(wanted) or ("Noto Sans CJK JP", "Noto Sans CJK SC"))
    assert _check(f"{CHINESE}\n") == []
    assert asked == [frozenset(map(ord, CHINESE)) - glyphs.shipped_characters()]   # only what no shipped font has
    # The language's own variant first when several fonts have the characters.
    assert eastasian.font_for(CHINESE, None, "zh-Hans") == "Noto Sans CJK SC"
    assert eastasian.font_for("日本", None, "ja") == "Noto Sans CJK JP"


def test_the_publishers_font_is_used_before_an_installed_one(monkeypatch):
    monkeypatch.setattr(eastasian, "installed_families", lambda wanted: ())
    monkeypatch.setattr(eastasian, "_characters", lambda path: frozenset(map(ord, CHINESE)))
    assert eastasian.font_for(CHINESE, HARBOUR, "zh-Hans") == "the publisher's font (Lato-Regular.ttf)"
    assert _check(CHINESE, root=HARBOUR) == []


def test_fontconfig_is_asked_for_characters_it_can_answer():
    """The real lookup: the shipped DejaVu has Cyrillic, so does some installed font on any machine
    that has fontconfig at all; a private-use character is in none."""
    if not eastasian.installed_families(frozenset(map(ord, "abc"))):
        pytest.skip("no fontconfig or no installed fonts here")
    assert eastasian.installed_families(frozenset([0xF0000])) == ()


def test_a_fixed_word_no_font_has_is_an_error_at_the_language_line(sources, tmp_path):
    """The title and the fixed words are not Markdown: a character no font has there is caught while
    the PDF is drawn (WeasyPrint's .notdef), and nothing is written."""
    if eastasian.installed_families(frozenset(map(ord, "目录"))):
        pytest.skip("this computer has a Chinese font: the words would be drawn")
    root = sources(demo__booklet_yml=MANIFEST.replace("language: en-IE", "language: zh-Hans"),
                   _shared__organisation_yml=ORGANISATION + "country: IE\n")      # the helpline is Irish
    with pytest.raises(ContentError) as caught:
        build(BuildRequest(root=root, output=tmp_path / "out", variants=("download",)))
    problem = next(p for p in caught.value.problems if "no font has the characters" in p.message)
    assert (problem.path.name, problem.line) == ("booklet.yml", 2)
    assert "'目' (U+76EE)" in problem.message and "fonts-noto-cjk" in problem.message
    assert not (tmp_path / "out" / "demo" / "demo-download.pdf").exists()
