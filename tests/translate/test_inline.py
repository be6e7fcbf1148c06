"""Placeholders: markup a translator must keep, found, checked and put back."""

import pytest

from booklet.translate.inline import problem, rebuild, tokenize

PASSAGES = [
    "**Bone marrow** is the *soft*, spongy tissue. Call 1800 200 700 or see https://www.cancer.ie/x.",
    "Read [our booklet on *bones*](booklet:secondary-bones) now.[^1] Use `code` and [Croeso]{lang=cy}.",
    "Email help@example.org today<br>or write {braces} in words",
]


@pytest.mark.parametrize("raw", PASSAGES)
def test_a_passage_comes_back_as_written(raw):
    text, codes = tokenize(raw)
    assert problem(text, codes) is None
    assert rebuild(text, codes) == raw


def test_words_are_text_and_markup_addresses_and_numbers_are_placeholders():
    text, codes = tokenize(PASSAGES[0])
    assert text == "{1}Bone marrow{/1} is the {2}soft{/2}, spongy tissue. Call {3/} or see {4/}."
    assert [c.kind for c in codes.values()] == ["bold", "italic", "phone", "url"]


def test_a_translator_may_move_placeholders_but_not_break_them():
    _, codes = tokenize("**a** and *b*")
    assert problem("{2}b{/2} ac {1}a{/1}", codes) is None
    assert "missing" in problem("{1}a{/1} b", codes)
    assert "not a placeholder" in problem("{1}a{/1} {3}b{/3} {2}c{/2}", codes)
    assert "out of order" in problem("{1}a {2}b{/1}{/2}", codes)
    assert "twice" in problem("{1}a{/1}{1}b{/1}{2}c{/2}", codes)
    assert "never closed" in problem("{1}a {2}b{/2}", codes)


def test_a_translation_cannot_make_a_new_block():
    from booklet.translate.inline import at_line_start
    _, codes = tokenize("**a** b")
    assert rebuild("{1}a{/1}\n\n# b", codes) == "**a** # b"
    assert at_line_start(rebuild("# b {1}a{/1}", codes)) == "\\# b **a**"
    assert at_line_start(rebuild("1. b {1}a{/1}", codes)) == "1\\. b **a**"
    assert at_line_start(rebuild("- b {1}a{/1}", codes)) == "\\- b **a**"
