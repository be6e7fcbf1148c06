"""Read the download PDF's content streams back: what a screen reader meets, and what is an Artifact."""

from __future__ import annotations

import io
import re

import pikepdf
import pypdfium2 as pdfium
import pytest

from booklet.build import BuildRequest, build
from booklet.render.pdftext import artifact_text, marked_content, mcid_text, untagged_text_outside_artifacts
from booklet.render.tagging.repair import make_accessible
from tests.conftest import SAMPLE_SLUG
from tests.pdfread import painting_order_mismatches, structure_kids



def _square_png() -> bytes:
    from PIL import Image
    out = io.BytesIO()
    Image.new("RGB", (40, 40), (107, 29, 85)).save(out, format="PNG")
    return out.getvalue()


def _pdfium_texts(path) -> list[str]:
    document = pdfium.PdfDocument(str(path))
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def _letters(text: str) -> str:
    # A hyphen the layout added is drawn as U+2010 and read as a soft hyphen (its /ActualText), which
    # pdfium gives as U+FFFE: the same character, two spellings.
    return "".join(sorted(re.sub(r"[\s\u2010\ufffe]", "", text)))


@pytest.mark.parametrize("variant", ["download", "large-print"])
def test_every_page_paints_in_the_order_the_structure_reads_it(sample_outputs, variant):
    """ORD-001: the contents page painted its entries' links in another order than its tags."""
    with pikepdf.open(sample_outputs / f"{SAMPLE_SLUG}-{variant}.pdf") as pdf:
        assert painting_order_mismatches(pdf) == []


def test_our_reading_of_the_content_streams_agrees_with_pdfium(sample_build):
    """The decoder the other tests rely on sees every character a PDF viewer sees."""
    with pikepdf.open(sample_build) as pdf:
        ours = [""] * len(pdf.pages)
        for index, _, _, text in marked_content(pdf):
            ours[index] += text
    theirs = _pdfium_texts(sample_build)
    assert [_letters(t) for t in ours] == [_letters(t) for t in theirs]


def test_no_text_is_outside_the_structure_or_an_artifact(sample_build):
    with pikepdf.open(sample_build) as pdf:
        assert untagged_text_outside_artifacts(pdf) == []


def test_page_numbers_running_headers_and_draft_mark_are_artifacts(sample_build):
    with pikepdf.open(sample_build) as pdf:
        artifacts = [" ".join(t.split()) for t in artifact_text(pdf)]
        tagged = " ".join(" ".join(mcid_text(pdf).values()).split())
        pages = len(pdf.pages)
    for number in range(2, pages):            # the covers carry no number
        assert str(number) in artifacts, f"page number {number} is not an Artifact"
    assert "What it is" in artifacts                  # a running header (short title)
    assert artifacts.count("DRAFT") == pages
    assert "DRAFT" not in tagged


def test_contents_leader_dots_are_not_read_out(sample_build):
    with pikepdf.open(sample_build) as pdf:
        assert not any(re.fullmatch(r"[.\s]{3,}", text) for text in mcid_text(pdf).values())


def test_link_annotations_describe_their_text(sample_build):
    with pikepdf.open(sample_build) as pdf:
        contents = [str(a.Contents) for page in pdf.pages for a in page.get("/Annots", [])
                    if a.Subtype == "/Link"]
    assert "1 About this booklet 3" in contents
    assert not any(text.startswith(("tel:", "s-", "#")) for text in contents)


def test_each_contents_entry_is_one_annotation_held_by_its_link(sample_build):
    """WeasyPrint writes one annotation for each box in a link (five for a contents line); a screen
    reader's list of links met each. Now: one a line, each in its Link and in the parent tree."""
    with pikepdf.open(sample_build) as pdf:
        contents = [a for a in pdf.pages[1].obj.get("/Annots", []) if a.Subtype == "/Link"]
        entries = [str(a.Contents) for a in contents]
        assert len(entries) == len(set(entries)) and "1 About this booklet 3" in entries
        tree = pikepdf.NumberTree(pdf.Root.StructTreeRoot.ParentTree)
        listed = {a.objgen for page in pdf.pages for a in page.get("/Annots", []) if a.Subtype == "/Link"}
        held = [kid.Obj.objgen for link in _elements(pdf.Root.StructTreeRoot) if link.get("/S") == "/Link"
                for kid in structure_kids(link) if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR"]
        assert sorted(held) == sorted(listed)
        for page in pdf.pages:
            for annot in page.get("/Annots", []):
                if annot.Subtype == "/Link":
                    assert tree[int(annot.StructParent)].get("/S") == "/Link"


def test_a_decorative_picture_is_an_artifact_and_not_a_figure(sources, tmp_path):
    root = sources(demo__one_md="---\ntitle: One\n---\n\n![](images/square.png){decorative}\n\nWords.\n")
    (root / "demo" / "images").mkdir()
    (root / "demo" / "images" / "square.png").write_bytes(_square_png())
    build(BuildRequest(root=root, output=tmp_path / "out"))
    with pikepdf.open(tmp_path / "out" / "demo" / "demo-download.pdf") as pdf:
        pages = len(pdf.pages)
        drawn = [marks for _, marks, op, _ in marked_content(pdf) if op == "Do"]
        figures = [e for e in _elements(pdf.Root.StructTreeRoot) if e.get("/S") == "/Figure"]
    assert len(drawn) > pages, "the picture should be drawn, besides a DRAFT mark on each page"
    assert all(any(m.tag == "Artifact" for m in marks) for marks in drawn)
    assert figures == []


def test_fixing_twice_changes_nothing_more(sample_build):
    with pikepdf.open(sample_build) as pdf:
        make_accessible(pdf, title="Understanding metastatic breast cancer", language="en-IE")
        once = io.BytesIO()
        pdf.save(once, deterministic_id=True)
    with pikepdf.open(io.BytesIO(once.getvalue())) as pdf:
        make_accessible(pdf, title="Understanding metastatic breast cancer", language="en-IE")
        twice = io.BytesIO()
        pdf.save(twice, deterministic_id=True)
    assert once.getvalue() == twice.getvalue()


def test_an_untagged_pdf_is_refused():
    pdf = pikepdf.new()
    pdf.add_blank_page()
    with pytest.raises(ValueError, match="not tagged"):
        make_accessible(pdf, title="T", language="en-IE")


def _elements(node):
    kids = node.get("/K")
    for kid in ([] if kids is None else kids if isinstance(kids, pikepdf.Array) else [kids]):
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from _elements(kid)
