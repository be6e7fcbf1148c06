"""The EPUB's page list follows the download PDF: each page's marker stands where that page begins."""

from __future__ import annotations

from types import SimpleNamespace

import pypdfium2
import pytest

from booklet.render.pages import page_starts
from tests.epub.reading import read_epub


def pdf_pages(pdf: bytes) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [" ".join(page.get_textpage().get_text_range().replace("\u00ad", "").split()) for page in document]
    finally:
        document.close()


# Pages where nothing with an id starts: the mixed corpus's contents run on to a second page (its
# entries have no ids: the navigation document allows no marker inside them).
RUNNING_ON = {"sample_epub": set(), "mixed_epub": {"3"}}


@pytest.mark.parametrize("name", ["sample_epub", "mixed_epub"])
def test_each_listed_page_starts_where_that_page_of_the_download_starts(name, request) -> None:
    made = request.getfixturevalue(name)
    book, pages = read_epub(made.epub), pdf_pages(made.pdf)
    listed = book.page_list()
    assert [label for label, _ in listed] == [str(n) for n in range(1, len(pages) + 1)]
    elsewhere = set()
    for label, href in listed:
        number, words = int(label), book.words_after(href, 3)
        assert words, label
        if words not in pages[number - 1]:
            elsewhere.add(label)
            # ...marked at the element that runs on to it, which starts on the page before.
            assert words in pages[number - 2], (label, words)
        elif number > 1:
            assert not pages[number - 2].endswith(words), (label, words)
    assert elsewhere == RUNNING_ON[name]


def test_a_page_where_nothing_new_starts_maps_to_the_element_running_on_to_it() -> None:
    def page(**anchors):
        return SimpleNamespace(anchors={k: (x, y, x + 10, y + 10) for k, (x, y) in anchors.items()})
    document = SimpleNamespace(pages=[
        page(title=(0, 50), sub=(0, 10)),            # top-most first, whatever the dict's order
        page(long=(0, 0), tail=(0, 200)),
        page(long=(0, 0)),                           # `long` seen already: nothing new starts here
        page(long=(5, 0), after=(0, 30))])
    assert page_starts(document) == (("1", "sub"), ("2", "long"), ("3", "tail"), ("4", "after"))
