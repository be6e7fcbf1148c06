"""Blocks longer than a page start where they are, without a near-empty page before them, and a long
box's continuation pages say so; read back from the mixed corpus booklet's download PDF."""

from __future__ import annotations

import re

from tests.corpus.generate import MIXED
from tests.corpus.readback import built_pdf, tagged_text
from tests.pdfread import page_texts


def _pages_with(texts: list[str], word: str) -> list[int]:
    """The pages holding `word`, the contents pages (leader dots) left out."""
    return [number for number, text in enumerate(texts, start=1) if word in text and "....." not in text]


def test_a_long_table_starts_on_its_headings_page_and_repeats_its_header(corpus_outputs):
    texts = page_texts(built_pdf(corpus_outputs, MIXED, "download"))
    heading = _pages_with(texts, "Long table")[0]
    assert re.search(r"Bloodwork number 1\b", texts[heading - 1]), "no near-empty page before the table"
    last = _pages_with(texts, "Bloodwork number 32")[0]
    assert last > heading, "the long table should run over several pages"
    for number in range(heading + 1, last + 1):
        assert re.search(r"Visit\s+Test\s+Room", texts[number - 1]), f"page {number} lacks the header row"


def test_a_long_box_breaks_and_each_continuation_page_is_labelled(corpus_outputs):
    texts = page_texts(built_pdf(corpus_outputs, MIXED, "download"))
    pages = sorted({n for k in range(1, 31) for n in _pages_with(texts, f"Boxpara{k} ")})
    assert len(pages) > 1, "the long box should run over several pages"
    assert "Long box" in texts[pages[0] - 1] and "Note" in texts[pages[0] - 1]   # no empty page before it
    assert "(continued)" not in texts[pages[0] - 1]
    for number in pages[1:]:
        assert "Note (continued)" in texts[number - 1], number
    assert "continued" not in tagged_text(built_pdf(corpus_outputs, MIXED, "download")), "the label is page furniture"
    after = _pages_with(texts, "Dahliaword")[0]
    assert all("(continued)" not in text for text in texts[after:]), "the label outlives the box"

