"""The catalogue page takes its colours and font from the theme the booklets are built with."""

from __future__ import annotations

from booklet.library.palette import palette_for
from tests.conftest import PROJECT

HARBOUR = PROJECT / "tests" / "theme" / "fixtures" / "harbour"


def test_the_house_palette_is_the_house_theme():
    palette = palette_for(None)
    assert (palette.brand, palette.ink, palette.font_family) == ("#6b1d55", "#1a1a1a", "Atkinson Hyperlegible")


def test_a_publishers_theme_gives_its_brand_colour_and_font():
    palette = palette_for(HARBOUR)
    assert palette.brand == "#0b5563"
    assert palette.font_family == "Lato"
    assert {name.split("/")[-1] for name in palette.font_files()} >= {"Lato-Regular.ttf", "Lato-Bold.ttf"}
