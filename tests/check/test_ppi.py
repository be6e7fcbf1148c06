"""Effective resolution of pictures at their printed size: the sums the print variant can share."""

from __future__ import annotations

import pytest

from booklet.check.ppi import effective_ppi, length_mm, page_geometry, printed_width_mm
from tests.check.conftest import found, run_check
from tests.conftest import PROJECT


def test_the_text_block_comes_from_the_house_style():
    width, height = page_geometry(PROJECT / "booklet" / "styles")
    assert width == pytest.approx(148 - 14 - 14)      # A5 less the @page side margins of booklet.css
    assert height == pytest.approx(95)


def test_effective_ppi():
    assert effective_ppi(1417, 120) == pytest.approx(299.9, abs=0.1)
    assert effective_ppi(600, 50.8) == pytest.approx(300)


@pytest.mark.parametrize("pixels, figure, width, expected", [
    ((1200, 300), True, None, 120.0),            # a figure fills the text block
    ((1000, 1000), True, None, 95.0),            # ...unless its height is capped at 95 mm
    ((96, 96), False, None, 25.4),               # inline: natural size, 96 px an inch
    ((1200, 300), True, "60mm", 60.0),           # a width given in the source wins
    ((1200, 300), True, "50%", 60.0),
])
def test_printed_width(pixels, figure, width, expected):
    assert printed_width_mm(pixels, figure=figure, text_block_mm=120, figure_height_mm=95,
                            width=width) == pytest.approx(expected)


def test_lengths():
    assert length_mm("1in") == pytest.approx(25.4)
    assert length_mm("72pt") == pytest.approx(25.4)
    assert length_mm("auto") is None


def test_a_small_picture_given_a_small_width_passes(sources):
    from PIL import Image
    root = sources(demo__one_md="---\ntitle: One\n---\n\n![A grey box](images/box.png){width=\"30mm\"}\n\n"
                                "![A grey box](images/box.png)\n")
    (root / "demo" / "images").mkdir()
    Image.new("RGB", (400, 40)).save(root / "demo" / "images" / "box.png")
    assert found(run_check(root), root, "image-resolution") == [("demo/one.md", 7, "warning", "image-resolution")]


def test_vector_pictures_are_not_measured(sources):
    root = sources(demo__one_md="---\ntitle: One\n---\n\n![A grey box](images/box.svg)\n")
    (root / "demo" / "images").mkdir()
    (root / "demo" / "images" / "box.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>')
    assert found(run_check(root), root, "image-resolution") == []
