"""Fills painted up to the trim edge grow into the bleed; everything else is left as drawn."""

from __future__ import annotations

import pikepdf
import pytest

from booklet.render.bleed import grower

A5 = (419.53, 595.28)
BLEED = 3 * 72 / 25.4


def page_with(content: bytes) -> tuple[pikepdf.Pdf, pikepdf.Page]:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=A5)
    page = pdf.pages[0]
    page.obj.Contents = pdf.make_stream(content)
    return pdf, page


def grown(content: bytes) -> list[list[float]] | None:
    """The operands of each `re` after growing, or None when nothing changed."""
    _, page = page_with(content)
    instructions = pikepdf.parse_content_stream(page)
    if not grower(page, BLEED)(instructions):
        return None
    return [[float(v) for v in operands] for operands, operator in instructions if str(operator) == "re"]


def test_a_page_background_in_weasyprints_flipped_pixels_grows_on_every_side():
    # WeasyPrint's page: y flipped, then CSS pixels (0.75 pt); the background fills the page.
    content = (b"1 0 0 -1 0 595.28 cm q 0.75 0 0 0.75 0 0 cm 0.4 0.1 0.3 rg "
               b"0 0 559.373 793.707 re W n 0 0 559.373 793.707 re f Q")
    rects = grown(content)
    assert rects is not None and len(rects) == 2
    for x, y, w, h in rects:
        # Back in points: from -bleed to the page size + bleed on both axes.
        assert x * 0.75 == pytest.approx(-BLEED, abs=0.01) and y * 0.75 == pytest.approx(-BLEED, abs=0.01)
        assert w * 0.75 == pytest.approx(A5[0] + 2 * BLEED, abs=0.01)
        assert h * 0.75 == pytest.approx(A5[1] + 2 * BLEED, abs=0.01)


def test_a_band_along_the_top_grows_only_past_the_edges_it_reaches():
    rects = grown(b"0 1 0 rg 0 545.28 419.53 50 re f")       # full width, touching the top edge
    assert rects == [[pytest.approx(-BLEED, abs=1e-3), 545.28, pytest.approx(419.53 + 2 * BLEED, abs=1e-3),
                      pytest.approx(50 + BLEED, abs=1e-3)]]


@pytest.mark.parametrize("content", [
    b"0 0 1 rg 20 20 100 100 re f",                          # inside the page
    b"0 0 0 RG 0 0 419.53 595.28 re S",                      # a frame stroked, not filled
    b"q 0 1 -1 0 419.53 0 cm 0 0 595.28 419.53 re f Q",      # rotated: left as drawn
    b"0 0 m 419.53 0 l 419.53 595.28 l h f",                 # a path that is not one rectangle
    b"0 0 419.53 595.28 re 10 10 20 20 re f*",               # two rectangles in one path
])
def test_what_does_not_fill_a_rectangle_to_the_edge_is_left_alone(content):
    assert grown(content) is None
