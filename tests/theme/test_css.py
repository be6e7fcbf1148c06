"""The theme as CSS: sRGB custom properties on screen; for print the given CMYK, else the profile's conversion."""

from __future__ import annotations


from booklet.render.colour import CmykConverter
from booklet.theme.css import properties, theme_css
from booklet.theme.model import Role
from booklet.theme.reader import load_theme
from tests.conftest import PROJECT
from tests.theme.test_reader import HARBOUR, root_with

PROFILE = PROJECT / "booklet" / "styles" / "icc" / "ISOcoated_v2_300_bas.icc"


def by_role(theme, **options) -> dict[Role, str]:
    return {p.role: p.value for p in properties(theme, **options)}


def test_screen_colours_are_the_srgb_written():
    css = theme_css(load_theme(HARBOUR))
    assert "--brand: #0b5563;" in css and "--ink: #202124;" in css


def test_print_converts_an_srgb_brand_through_the_press_profile():
    printed = by_role(load_theme(HARBOUR), press_profile=PROFILE)
    c, m, y, k = CmykConverter(PROFILE).colour(0x0b / 255, 0x55 / 255, 0x63 / 255)
    assert printed[Role.BRAND] == f"device-cmyk({c:g} {m:g} {y:g} {k:g})"
    assert printed[Role.TEXT] == "device-cmyk(0 0 0 1)"           # print body text: black ink alone
    assert printed[Role.NOTE] == "device-cmyk(1 0.6 0 0.45)"      # the house's CMYK where nothing changed


def test_print_uses_the_brand_books_cmyk_when_given(tmp_path):
    root = root_with(tmp_path, 'colours:\n  brand: "#0b5563"\nprint_colours:\n  brand: [90, 30, 35, 30]\n')
    assert by_role(load_theme(root), press_profile=PROFILE)[Role.BRAND] == "device-cmyk(0.9 0.3 0.35 0.3)"


def test_the_house_theme_gives_todays_print_colours_exactly():
    printed = by_role(load_theme(None), press_profile=PROFILE)
    assert printed[Role.BRAND] == "device-cmyk(0.3 1 0.2 0.45)"
    assert printed[Role.TINT] == "device-cmyk(0 0.09 0 0.02)"


def test_the_font_and_stylesheet_follow_the_house_style(tmp_path):
    root = root_with(tmp_path, 'font:\n  family: Lato\n  regular: fonts/Lato-Regular.ttf\n'
                               '  bold: fonts/Lato-Bold.ttf\n  licence: fonts/OFL.txt\nstylesheet: house.css\n')
    (root / "_shared" / "house.css").write_text(".cover-publisher .logo { height: 20mm; }")
    css = theme_css(load_theme(root))
    assert css.startswith('@import url("file://')                 # before the colours, which still win
    assert 'font-family: "Lato"; src: url("file://' in css and "font-weight: 700" in css
    # The publisher's font, then the shipped ones (never a machine's own), the language's script first.
    assert ('html { font-family: "Lato", "Atkinson Hyperlegible", "Booklet Devanagari", "Booklet Bengali",'
            ' "Booklet Gurmukhi", "Booklet Arabic", "Booklet Fallback"; }') in css
    assert ('html:lang(bn) { font-family: "Lato", "Atkinson Hyperlegible", "Booklet Bengali", "Booklet Devanagari",'
            ' "Booklet Gurmukhi", "Booklet Arabic", "Booklet Fallback"; }') in css
    before = css
    (root / "_shared" / "house.css").write_text(".cover-publisher .logo { height: 24mm; }")
    assert theme_css(load_theme(root)) != before                   # an edited stylesheet is laid out again
