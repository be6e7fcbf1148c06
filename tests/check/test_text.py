"""Markdown read into blocks of visible text with their file lines; sentences and readability measures."""

from __future__ import annotations

from pathlib import Path

import pytest

from booklet.check.readability import Readability, measure, sentences
from booklet.check.text import section_blocks, visible_text
from booklet.model import Section, SourceText

BODY = """\
First paragraph, with a [link](https://www.example.org) and **bold** words.
It goes on here.

## A heading

- an item
  that wraps
- another item

| Head | Head |
|---|---|
| a | b |

::: note Ask us
Inside a box.
:::

::: snippet shared

```
code is not text
```
"""


def blocks():
    section = Section(path=Path("s.md"), title="S", short_title="S", body=BODY, body_line=5)
    snippet = SourceText(path=Path("shared.md"), title=None, short_title=None, body="Shared words.", body_line=1)
    return section_blocks((section,), {"shared": snippet})


def test_blocks_know_their_kind_and_file_line():
    assert [(b.kind, b.path.name, b.line) for b in blocks()] == [
        ("paragraph", "s.md", 5), ("heading", "s.md", 8), ("item", "s.md", 10), ("item", "s.md", 12),
        ("table", "s.md", 14), ("label", "s.md", 18), ("paragraph", "s.md", 19), ("paragraph", "shared.md", 1),
        ("code", "s.md", 24)]
    assert blocks()[0].text == "First paragraph, with a link and bold words. It goes on here."
    assert blocks()[2].text == "an item that wraps"


def test_visible_text_drops_markup():
    assert visible_text("![A](a.png) See [our *site*](https://x.org){.c}[^1] &amp; `code`") == "See our site & code"


def test_sentences_start_on_their_own_line():
    found = sentences(blocks()[0])
    assert [(s.words, s.line) for s in found] == [(8, 5), (4, 6)]


@pytest.mark.parametrize("text, count", [
    ("Dr A. Person said so. Then she left.", 2),
    ("Ask, e.g. a nurse. Or a doctor!", 2),
    ("It costs 2.5 euro. Really? Yes.", 3),
    ("a list item with no full stop", 1),
])
def test_sentence_splitting(text, count):
    from booklet.check.text import Block
    block = Block("paragraph", Path("x.md"), 1, (text,), (text,), 0)
    assert len(sentences(block)) == count


def test_flesch_formulas():
    r = Readability("x", Path("x"), 1, sentences=2, words=20, syllables=26)
    assert r.reading_ease == pytest.approx(206.835 - 1.015 * 10 - 84.6 * 1.3)
    assert r.grade == pytest.approx(0.39 * 10 + 11.8 * 1.3 - 15.59)
    assert measure("x", Path("x"), 1, list(blocks())).words > 0


@pytest.mark.parametrize("line, shouting", [
    ("DO NOT STOP taking your tablets.", ["DO NOT STOP"]),
    ("This is IMPORTANT for you.", ["IMPORTANT"]),
    ("You may have a CT, MRI or PET scan.", []),
    ("Ask the HSE or your GP.", []),
])
def test_capitals_that_shout_and_abbreviations_that_do_not(line, shouting):
    from booklet.check.plain import _shouting
    assert [line[a:b] for a, b in _shouting(line)] == shouting
