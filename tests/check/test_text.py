"""The renderer's parse read into blocks of visible text and constructs with their file lines; sentences and readability."""

from __future__ import annotations

from pathlib import Path

import pytest

from booklet.check.readability import Readability, measure, sentences
from booklet.check.text import constructs, section_blocks
from booklet.markdown.context import MarkdownContext
from booklet.markdown.convert import convert
from booklet.model import Kind, Section, SourceText
from booklet.problems import Problems

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

    code is not text
"""


def converted(body: str = BODY, problems: Problems | None = None) -> tuple[Section, ...]:
    """The body converted as a build converts it, with what the parse recorded."""
    root = Path("/sources")
    snippet = SourceText(path=root / "_shared/snippets/shared.md", title=None, short_title=None,
                         body="Shared words.", body_line=1)
    ctx = MarkdownContext(path=root / "demo/s.md", body_line=5, root=root, anchor="s-s", language="en",
                          region="IE", contacts={}, snippets={"shared": snippet}, booklets={})
    html = convert(body, ctx, Problems() if problems is None else problems)
    return (Section(path=ctx.path, title="S", short_title="S", body=body, body_line=5, html=html,
                    outline=tuple(ctx.outline)),)


def blocks():
    return section_blocks(converted())


def test_blocks_know_their_kind_and_file_line():
    found = [(b.kind, b.path.name, b.line) for b in blocks()]
    # The inline snippet is converted (and recorded) where its directive is met, before the rest.
    assert found == [
        ("paragraph", "shared.md", 1), ("paragraph", "s.md", 5), ("heading", "s.md", 8), ("item", "s.md", 10),
        ("item", "s.md", 12), ("table", "s.md", 14), ("label", "s.md", 18), ("paragraph", "s.md", 19),
        ("code", "s.md", 24)]
    assert blocks()[1].text == "First paragraph, with a link and bold words. It goes on here."
    assert blocks()[3].text == "an item that wraps"


def test_visible_text_drops_markup_and_plain_text_drops_links_and_code():
    block, = section_blocks(converted("![A](a.png) See [our *site*](https://x.org){.c}[^1] &amp; `code`\n\n"
                                      "[^1]: A note.\n"))[:1]
    assert block.text == "See our site & code"
    assert block.plain == ("See  &",)


def test_reference_links_and_definitions_are_found_at_their_own_lines():
    body = "Some words.\n\nPlease [click here][help] or [see][gone].\n\n[help]: https://www.example.org/help\n" \
           "[gone]: #s-nowhere\n"
    found = [(c.kind, c.line, c.text, c.target) for _, c in constructs(converted(body), Kind.LINK, Kind.REFERENCE)]
    assert found == [(Kind.LINK, 7, "click here", "https://www.example.org/help"),
                     (Kind.LINK, 7, "see", "#s-nowhere"),
                     (Kind.REFERENCE, 9, "help", "https://www.example.org/help"),
                     (Kind.REFERENCE, 10, "gone", "#s-nowhere")]


def test_a_top_level_heading_is_found_by_the_parse_not_inside_an_indented_code_block():
    problems = Problems()
    converted("Words.\n\n    # a comment in code\n\n# A title\n", problems)
    assert [(p.line, p.rule) for p in problems.items] == [(9, "heading-levels")]


def test_sentences_start_on_their_own_line():
    found = sentences(blocks()[1])
    assert [(s.words, s.line) for s in found] == [(8, 5), (4, 6)]


@pytest.mark.parametrize("text, count", [
    ("Dr A. Person said so. Then she left.", 2),
    ("Ask, e.g. a nurse. Or a doctor!", 2),
    ("It costs 2.5 euro. Really? Yes.", 3),
    ("a list item with no full stop", 1),
])
def test_sentence_splitting(text, count):
    from booklet.check.text import Block
    block = Block("paragraph", Path("x.md"), 1, (text,), 0)
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
