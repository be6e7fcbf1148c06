"""A phrase in another language, `[Croeso]{lang=cy}`: a span with its tag; a tag CLDR does not know is an error at its line."""

from __future__ import annotations

from tests.markdown.test_refusals import run


def test_a_phrase_becomes_a_span_with_its_language_and_its_words_are_still_markdown() -> None:
    html, problems = run("Say [**Croeso**]{lang=cy} or [Fáilte]{lang=\"ga\"}; [a link](https://www.example.org) stays.\n")
    assert problems == []
    assert '<span lang="cy"><strong>Croeso</strong></span>' in html and '<span lang="ga">Fáilte</span>' in html
    assert '<a href="https://www.example.org"' in html and "{lang" not in html


def test_brackets_without_a_language_are_left_as_written() -> None:
    html, problems = run("Brackets [like these] and {braces} stay.\n")
    assert problems == [] and "[like these] and {braces}" in html


def test_a_language_tag_cldr_does_not_know_is_an_error_at_its_line() -> None:
    _, problems = run("First line.\n\nSecond [words]{lang=xx-99} here.\n", body_line=10)
    assert [(p.line, p.severity) for p in problems] == [(12, "error")]
    assert "'{lang=xx-99}' does not name a language CLDR knows" in problems[0].message
