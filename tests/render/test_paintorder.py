"""A drawing painted after the content the structure reads after it moves, whole, to just before that content."""

from __future__ import annotations

import pikepdf

from booklet.render.tagging.paintorder import _reorder


def _reordered(content: bytes, position: dict[int, int]) -> bytes | None:
    pdf = pikepdf.new()
    instructions = pikepdf.parse_content_stream(pdf.make_stream(content))
    result = _reorder(instructions, [str(i.operator) for i in instructions], position)
    return None if result is None else pikepdf.unparse_content_stream(result)


def _lines(data: bytes) -> list[str]:
    return data.decode().replace("<< ", "<<").replace(" >>", ">>").splitlines()


def test_a_marker_moves_with_its_own_group_but_not_the_group_it_shares():
    content = (b"q\n1 0 0 1 10 10 cm\n/P <</MCID 1>> BDC\nBT\nET\nEMC\n"
               b"q\n2 0 0 2 0 0 cm\n/Lbl <</MCID 0>> BDC\n0 0 m\nEMC\nQ\nQ\n")
    # The outer q also holds the item's text: only the inner q ... Q is the marker's own.
    assert _lines(_reordered(content, {0: 0, 1: 1})) == [
        "q", "1 0 0 1 10 10 cm",
        "q", "2 0 0 2 0 0 cm", "/Lbl <</MCID 0>> BDC", "0 0 m", "EMC", "Q",
        "/P <</MCID 1>> BDC", "BT", "ET", "EMC", "Q"]


def test_a_group_drawn_under_another_transformation_carries_a_correction():
    content = b"/P <</MCID 1>> BDC\nEMC\n1 0 0 1 10 20 cm\nq\n/Figure <</MCID 0>> BDC\n0 0 m\nEMC\nQ\n"
    assert _lines(_reordered(content, {0: 0, 1: 1})) == [
        "q", "1 0 0 1 10 20 cm", "q", "/Figure <</MCID 0>> BDC", "0 0 m", "EMC", "Q", "Q",
        "/P <</MCID 1>> BDC", "EMC", "1 0 0 1 10 20 cm"]


def test_nothing_moves_into_text_or_when_the_order_is_already_right():
    inside_text = b"BT\n/P <</MCID 1>> BDC\nEMC\nET\nq\n/Lbl <</MCID 0>> BDC\nEMC\nQ\n"
    assert _reordered(inside_text, {0: 0, 1: 1}) is None
    in_order = b"q\n/Lbl <</MCID 0>> BDC\nEMC\nQ\n/P <</MCID 1>> BDC\nEMC\n"
    assert _reordered(in_order, {0: 0, 1: 1}) is None
