"""Recording where each structure element comes from: scoped to one write, and loud if WeasyPrint changes."""

from __future__ import annotations

import io

import pikepdf
import pytest
import weasyprint
from weasyprint.pdf import tags

from booklet.render.tagging.origins import TaggerChanged, recording_origins
from tests.pdfread import structure_elements


def test_the_tree_builder_is_wrapped_only_while_recording_and_restored_after_an_error():
    original = tags._build_box_tree
    with pytest.raises(ZeroDivisionError):
        with recording_origins():
            assert tags._build_box_tree is not original
            1 / 0
    assert tags._build_box_tree is original


def test_elements_carry_their_html_roles():
    html = ('<html lang="en"><body><p>An <abbr title="Magnetic resonance imaging">MRI</abbr> and <code>x</code>.'
            '<a href="#n" role="doc-noteref" aria-label="Note 1">1</a></p>'
            '<div id="n" role="doc-footnote"><p>A note.</p></div>'
            '<table><thead><tr><th scope="col">Day</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>'
            '</body></html>')
    with recording_origins():
        raw = weasyprint.HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
    with pikepdf.open(io.BytesIO(raw)) as pdf:
        found = list(structure_elements(pdf.Root.StructTreeRoot))
        of_role = lambda role: [e for e in found if e.S == role]  # noqa: E731
        assert [(str(e.S), str(e.E)) for e in found if "/E" in e] == [("/Span", "Magnetic resonance imaging")]
        assert len(of_role("/Code")) == 1
        assert [str(e.ID) for e in of_role("/Note")] == ["n"]
        assert [str(e.Alt) for e in of_role("/Link")] == ["Note 1"]
        assert [e.A.Scope for e in of_role("/TH")] == ["/Column"]
        assert all("/BookletOrigin" in e for e in of_role("/P") + of_role("/Table"))


def test_a_weasyprint_without_the_tree_builder_is_a_clear_error(monkeypatch):
    monkeypatch.delattr(tags, "_build_box_tree")
    with pytest.raises(TaggerChanged, match="_build_box_tree"):
        with recording_origins():
            pass
