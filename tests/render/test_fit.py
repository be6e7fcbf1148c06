"""A tall picture after a few short paragraphs shrinks into the space left rather than leave a mostly
blank page, keeping its alt text and caption; a booklet that lays out well is laid out once."""

from __future__ import annotations

import io

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from PIL import Image

import booklet.render.produce as produce
from booklet.build import BuildRequest, build
from tests.conftest import MANIFEST, ORGANISATION, write_tree
from tests.pdfread import MM, page_texts, structure_elements, structure_kids
from tests.render.test_structure import text

FILLER = " ".join(["This line of words is here to fill some of the page before the picture."] * 6)
SECTION = f"""---
title: The first section
---

{FILLER}

A short paragraph.

Another short paragraph.

![A tall blue panel with a yellow circle](images/tall.png "A tall picture")

The words after the picture.
"""


def _tall_png() -> bytes:
    picture = Image.new("RGB", (600, 1200), (58, 110, 165))
    out = io.BytesIO()
    picture.save(out, format="PNG", dpi=(300, 300))
    return out.getvalue()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = write_tree(tmp_path_factory.mktemp("fit") / "sources", {
        "_shared/organisation.yml": ORGANISATION,
        "demo/booklet.yml": MANIFEST.replace("  - two.md\n", ""),
        "demo/one.md": SECTION})
    (root / "demo" / "images" / "tall.png").parent.mkdir()
    (root / "demo" / "images" / "tall.png").write_bytes(_tall_png())
    output = root.parent / "out"
    build(BuildRequest(root=root, output=output, variants=("download", "large-print")))
    return output / "demo"


def _pictures(path) -> list[tuple[int, float, float]]:
    """(page index, top, height) of each picture, in mm from the top of its page."""
    document = pdfium.PdfDocument(str(path))
    try:
        found = []
        for index, page in enumerate(document):
            height = page.get_size()[1]
            for item in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
                left, bottom, right, top = item.get_bounds()
                found.append((index, (height - top) / MM, (top - bottom) / MM))
        return found
    finally:
        document.close()


@pytest.mark.parametrize("variant, natural_mm", [("download", 95), ("large-print", 160)])
def test_the_picture_shrinks_onto_the_page_of_the_words_before_it(built, variant, natural_mm):
    path = built / f"demo-{variant}.pdf"
    texts = page_texts(path)
    words = next(index for index, page in enumerate(texts) if "Another short paragraph." in page)
    ((page, top, height),) = _pictures(path)
    assert page == words, "the picture left the rest of the page before it blank"
    assert "A tall picture" in texts[words], "its caption goes with it"
    assert height >= 0.55 * natural_mm - 0.5, "shrunk no further than its smallest share"
    assert height < natural_mm - 1, "it would not have fitted at its full height"


def test_the_shrunk_picture_keeps_its_alt_text_and_caption(built):
    with pikepdf.open(built / "demo-download.pdf") as pdf:
        figures = [e for e in structure_elements(pdf.Root.StructTreeRoot) if e.S == "/Figure"]
        assert [str(f.Alt) for f in figures] == ["A tall blue panel with a yellow circle"]
        caption = structure_kids(figures[0])[-1]
        assert "A tall picture" in text(pdf, caption)


def test_a_booklet_that_lays_out_well_is_laid_out_once(sources, tmp_path, monkeypatch):
    layouts = []
    real = produce.lay_out
    monkeypatch.setattr(produce, "lay_out", lambda html, **kw: layouts.append(1) or real(html, **kw))
    build(BuildRequest(root=sources(), output=tmp_path / "out", variants=("download",)))
    assert len(layouts) == 1
