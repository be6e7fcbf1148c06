"""A phrase in another language, `[Croeso]{lang=cy}`: a span with its tag; a tag CLDR does not know is
an error at its line."""

from __future__ import annotations

import re

from tests.markdown.test_refusals import run


def test_a_phrase_becomes_a_span_with_its_language_and_its_words_are_still_markdown() -> None:
    html, problems = run("Say [**Croeso**]{lang=cy} or [Fáilte]{lang=\"ga\"};"
                         " [a link](https://www.example.org) stays.\n")
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


def test_in_a_section_in_another_language_the_booklets_own_words_are_marked_as_its_language() -> None:
    import dataclasses

    from booklet.markdown.convert import convert
    from booklet.problems import Problems
    from tests.markdown.test_golden import GOLDEN, context
    welsh = dataclasses.replace(context(GOLDEN / "welsh.md"), text_language="cy", organisation_language="en-GB")
    html = convert("::: note\nGeiriau.\n:::\n\n::: warning Pwysig\nGeiriau.\n:::\n\n::: contact helpline\n",
                   welsh, Problems())
    labels = re.findall(r'<p class="box-label"[^>]*>[^<]*</p>', html)
    assert [re.sub(r' id="[^"]*"', "", label) for label in labels] == [
        '<p class="box-label" lang="en-IE">Note</p>',                     # the booklet's word, not Welsh
        '<p class="box-label">Pwysig</p>']                                # the editor's own, in Welsh
    assert re.search(r'<aside [^>]*class="contact-panel" lang="en-IE">', html)   # Phone, Hours: the booklet's words
    assert '<p class="contact-title" lang="en-GB">Helpline</p>' in html    # organisation.yml's language
