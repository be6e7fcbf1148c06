"""theme.yml is read over the house theme: derived tints, given CMYK, and every mistake at its line."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from booklet.problems import ContentError, Problems
from booklet.theme.model import Role
from booklet.theme.reader import HOUSE_THEME, load_theme, read_theme
from booklet.theme.model import Origin

HARBOUR = Path(__file__).resolve().parent / "fixtures" / "harbour"


def root_with(tmp_path: Path, theme: str, *, fonts: bool = True) -> Path:
    shared = tmp_path / "sources" / "_shared"
    shared.mkdir(parents=True)
    if fonts:
        shutil.copytree(HARBOUR / "_shared" / "fonts", shared / "fonts")
    (shared / "theme.yml").write_text(textwrap.dedent(theme), encoding="utf-8")
    return tmp_path / "sources"


def problems_of(root: Path) -> list[tuple[int, str]]:
    problems = Problems()
    read_theme(root, problems)
    return [(p.line, p.message) for p in problems.items if p.path.name == "theme.yml"]


def test_without_a_theme_the_house_colours_and_print_colours():
    theme = load_theme(None)
    assert theme.colour(Role.BRAND).hex == "#6b1d55"
    assert theme.print_colour(Role.BRAND).cmyk == (0.3, 1.0, 0.2, 0.45)
    assert {c.origin for c in theme.colours} == {Origin.HOUSE}
    assert all(c.path == HOUSE_THEME for c in theme.colours)


def test_a_publishers_brand_makes_its_tint_and_drops_the_house_cmyk(tmp_path):
    theme = load_theme(root_with(tmp_path, 'colours:\n  brand: "#0B5563"\n'))
    brand, tint = theme.colour(Role.BRAND), theme.colour(Role.TINT)
    assert (brand.hex, brand.line, brand.origin) == ("#0b5563", 2, Origin.GIVEN)
    assert (tint.origin, tint.line) == (Origin.DERIVED, 2)
    assert tint.hex == "#ebf1f3"                         # 8 % of the brand on white
    assert theme.print_colour(Role.BRAND) is None        # converted through the press profile
    assert theme.print_colour(Role.NOTE).path == HOUSE_THEME    # untouched colours keep the house CMYK


def test_given_print_colours_are_kept_in_ink_fractions(tmp_path):
    theme = load_theme(root_with(tmp_path, 'colours:\n  brand: "#0b5563"\nprint_colours:\n  brand: [90, 30, 35, 30]\n'))
    assert theme.print_colour(Role.BRAND).cmyk == (0.9, 0.3, 0.35, 0.3)
    assert theme.print_colour(Role.BRAND).line == 4


@pytest.mark.parametrize("text, line, words", [
    ('colours:\n  brnd: "#0b5563"\n', 2, "unknown key 'brnd' in colours; did you mean 'brand'?"),
    ('colors:\n  brand: "#0b5563"\n', 1, "unknown key 'colors' in theme.yml; did you mean 'colours'?"),
    ('colours:\n  brand: #0b5563\n', 2, "write the colour in quotes"),
    ('colours:\n  brand: "teal"\n', 2, "should be an sRGB colour written #RRGGBB"),
    ('print_colours:\n  brand: [40, 100, 0]\n', 2, "four percentages"),
    ('print_colours:\n  brand: [100, 100, 100, 40]\n', 2, "340 % ink"),
    ('print_colours:\n  text: [0, 0, 0, 90]\n', 2, "always 100 % black"),
    ('font:\n  family: Lato\n  regular: fonts/Lato-Regular.ttf\n  bold: fonts/Lato-Bold.ttf\n', 1,
     "'font' is missing 'licence'"),
    ('font:\n  family: Lato\n  regular: fonts/Missing.ttf\n  bold: fonts/Lato-Bold.ttf\n  licence: fonts/OFL.txt\n',
     3, "there is no file at _shared/fonts/Missing.ttf"),
    ('font:\n  family: Lato\n  regular: fonts/OFL.txt\n  bold: fonts/Lato-Bold.ttf\n  licence: fonts/OFL.txt\n',
     3, "should be a .ttf or .otf or .woff or .woff2 file"),
    ('font:\n  family: Lato\n  regular: ../../x.ttf\n  bold: fonts/Lato-Bold.ttf\n  licence: fonts/OFL.txt\n',
     3, "must be a file inside _shared/"),
    ('stylesheet: house.css\n', 1, "there is no file at _shared/house.css"),
])
def test_mistakes_are_reported_at_their_line(tmp_path, text, line, words):
    found = problems_of(root_with(tmp_path, text))
    assert any(at == line and words in message for at, message in found), found


def test_a_file_that_is_not_a_font_is_refused(tmp_path):
    root = root_with(tmp_path, 'font:\n  family: X\n  regular: fonts/fake.ttf\n  bold: fonts/Lato-Bold.ttf\n'
                               '  licence: fonts/OFL.txt\n')
    (root / "_shared" / "fonts" / "fake.ttf").write_text("not a font")
    assert (3, "_shared/fonts/fake.ttf is not a font file (TrueType, OpenType or WOFF)") in problems_of(root)


def test_load_theme_raises_every_mistake_at_once(tmp_path):
    root = root_with(tmp_path, 'colours:\n  brand: "teal"\n  tint: "#zzz"\nstylesheet: none.css\n')
    with pytest.raises(ContentError) as raised:
        load_theme(root)
    assert [p.line for p in raised.value.problems] == [2, 3, 4]
