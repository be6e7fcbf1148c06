"""The repair passes share one parse of each page: parsed once, changed pages written once, the rest untouched."""

from __future__ import annotations

import io

import pikepdf
from pikepdf import ContentStreamInstruction, Dictionary, Name, Operator

from booklet.render.engine import weasyprint
from booklet.render.tagging.content import ParsedPages
from booklet.render.tagging.origins import recording_origins
from booklet.render.tagging.repair import make_accessible
from tests.pdfread import page_texts

# Three pages holding what every content pass works on: list bullets (reordered), running
# page numbers (turned into Artifacts), a link (its text read back) and leader dots.
HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><style>
@page { size: A6; margin: 15mm 10mm; @bottom-center { content: counter(page) } }
h1 { break-before: page }
.toc a::after { content: leader('.') target-counter(attr(href), page) }
</style></head><body>
<p class="toc"><a href="#one">First</a></p>
<h1 id="one">One</h1><ul><li>First item.</li><li>Second item.</li></ul>
<p>Read <a href="https://www.example.org/">our website</a> for more.</p>
<h1>Two</h1><ol><li>Only item.</li></ol>
</body></html>"""


def _raw_tagged_pdf() -> bytes:
    with recording_origins():
        return weasyprint.HTML(string=HTML).write_pdf(pdf_variant="pdf/ua-1")


def test_the_repairs_parse_each_page_once(monkeypatch, tmp_path):
    raw = _raw_tagged_pdf()
    parsed = []
    parse = pikepdf.parse_content_stream

    def counting(stream, *args):
        parsed.append(getattr(stream, "obj", stream).objgen)
        return parse(stream, *args)

    monkeypatch.setattr(pikepdf, "parse_content_stream", counting)
    with pikepdf.open(io.BytesIO(raw)) as pdf:
        pages = len(pdf.pages)
        make_accessible(pdf, title="T", language="en")
        assert pages == 3
        assert len(parsed) == len(set(parsed)) <= pages
        pdf.save(tmp_path / "repaired.pdf")
    # ... and the pages still draw what they did.
    texts = page_texts(tmp_path / "repaired.pdf")
    assert "Second item." in texts[1] and "our website" in texts[1] and "Only item." in texts[2]


def _page(pdf: pikepdf.Pdf, content: bytes) -> None:
    pdf.add_blank_page()
    pdf.pages[-1].obj.Contents = pdf.make_stream(content)


def _stream(pdf: pikepdf.Pdf, index: int) -> bytes:
    return pdf.pages[index].obj.Contents.read_bytes()


def test_only_changed_pages_get_a_new_stream_and_edited_ones_write_numbers_as_before():
    pdf = pikepdf.new()
    drawing = b"q 1 0 0 1 0. 0. cm /P <</MCID 0>> BDC 0 0 m 1 1 l S EMC BI /W 1 /H 1 /BPC 8 /CS /G ID \x80 EI Q\n"
    for _ in range(3):
        _page(pdf, drawing)
    untouched = pdf.pages[2].obj.Contents.objgen
    parsed = ParsedPages(pdf)
    for index in range(3):
        parsed.page(index)
    edited, moved = parsed.page(0), parsed.page(1)
    position = edited.operators.index("BDC")
    edited.replace(position, ContentStreamInstruction([Name.Artifact, Dictionary(Type=Name.Layout)],
                                                      Operator("BDC")))
    moved.reorder(list(reversed(moved.instructions)))
    parsed.write_back()
    # An edited page is written in pikepdf's own form, as the artifact pass always wrote it ...
    assert b"/Artifact <<" in _stream(pdf, 0) and b"1 0 0 1 0 0 cm" in _stream(pdf, 0)
    assert b"ID\n\x80 EI" in _stream(pdf, 0)         # an inline image comes through as it was
    # ... a page whose instructions only moved keeps each as it was ...
    assert _stream(pdf, 1).startswith(b"Q\nBI\n") and b"1 0 0 1 0. 0. cm" in _stream(pdf, 1)
    # ... and a page no pass changed keeps its own stream.
    assert pdf.pages[2].obj.Contents.objgen == untouched and _stream(pdf, 2) == drawing
