"""Every text colour of the theme against its background: 4.5:1, or 3:1 for large text, reported at the `color:` line."""

from __future__ import annotations

import shutil

import pytest

from booklet.check.contrast import contrast
from booklet.check.wcag import ratio
from booklet.check.stylesheets import parse_colour
from tests.conftest import PROJECT

STYLES = PROJECT / "booklet" / "styles"


def copy_styles(tmp_path, old: str, new: str):
    styles = tmp_path / "styles"
    shutil.copytree(STYLES, styles, ignore=shutil.ignore_patterns("icc"))
    css = (styles / "booklet.css").read_text()
    assert css.count(old) == 1, old
    (styles / "booklet.css").write_text(css.replace(old, new))
    line = css[:css.index(old)].count("\n") + 1
    return styles, line


def test_wcag_ratios():
    assert ratio((0, 0, 0, 1), (1, 1, 1, 1)) == pytest.approx(21.0)
    assert ratio(parse_colour("#767676"), parse_colour("#ffffff")) == pytest.approx(4.54, abs=0.01)
    # Inks as they look printed: 100 % K on coated paper is a very dark grey, not the screen's black.
    black = parse_colour("device-cmyk(0 0 0 1)")
    assert black[3] == 1 and all(0.1 < v < 0.25 for v in black[:3]) and ratio(black, (1, 1, 1, 1)) > 14


def test_the_house_theme_passes():
    assert list(contrast(STYLES)) == []


def test_a_pale_caption_colour_fails_at_its_line(tmp_path):
    styles, line = copy_styles(tmp_path, "figcaption { font-size: 12pt; color: var(--muted);",
                               "figcaption { font-size: 12pt; color: #aaaaaa;")
    findings = {(f.path.name, f.line) for f in contrast(styles)}
    assert ("booklet.css", line) in findings
    message = next(f.message for f in contrast(styles) if f.line == line)
    assert message.startswith("color: #aaaaaa (#aaaaaa) on #ffffff has a contrast of 2.3:1; text under 18 pt")
    assert "needs at least 4.5:1" in message


def test_a_custom_property_is_followed_to_its_value(tmp_path):
    styles, _ = copy_styles(tmp_path, "--paper: #ffffff;", "--paper: #9b6a88;")
    findings = list(contrast(styles))
    assert any("color: var(--paper) (#9b6a88)" in f.message and f.path.name == "booklet.css"
               for f in findings), findings


def test_large_text_needs_only_3_to_1(tmp_path):
    # 4:1 on white: fails for body text but passes for the 20 pt section titles.
    styles, line = copy_styles(tmp_path, "h1 { font-size: 20pt;", "h1 { color: #7a7a7a; font-size: 20pt;")
    assert not [f for f in contrast(styles) if f.line == line]
    styles, line = copy_styles(tmp_path / "small", "h4 { font-size: 12pt;", "h4 { color: #7a7a7a; font-size: 12pt;")
    assert [f for f in contrast(styles) if f.line == line]


def test_print_is_measured_in_the_inks_its_theme_gives(tmp_path):
    """Print shares the download's layout: its specimen is the download's, in the theme's CMYK. A pale
    print_colours brand fails in print only, at its print_colours line."""
    from booklet.theme.reader import load_theme
    (tmp_path / "_shared").mkdir()
    (tmp_path / "_shared" / "theme.yml").write_text(
        'colours:\n  brand: "#2a6f77"\nprint_colours:\n  brand: [10, 10, 10, 20]\n')
    findings = list(contrast(STYLES, load_theme(tmp_path)))
    assert findings and all(f.path.name == "theme.yml" and f.line == 4 for f in findings), findings
    assert all("print variant" in f.message and "brand in print_colours" in f.message for f in findings)


def test_a_dark_brand_is_measured_as_it_prints_and_passes(tmp_path):
    """#0B6E4F converts to about C89 M26 Y77 K30; seen through the press's profile that prints as about
    #0F6E4F (6.3:1 on white), not the #148528 (4.3:1) that ignoring the profile would estimate."""
    from booklet.render.colour import converter_for
    from booklet.render.softproof import PRESS_PROFILE, proofed
    from booklet.theme.reader import load_theme
    inks = converter_for(PRESS_PROFILE).colour(0x0B / 255, 0x6E / 255, 0x4F / 255)
    shown = proofed(*inks)
    assert [round(v * 255) for v in shown] == pytest.approx([0x0F, 0x6E, 0x4F], abs=3)
    assert ratio((*shown, 1), (1, 1, 1, 1)) > 6
    (tmp_path / "_shared").mkdir()
    (tmp_path / "_shared" / "theme.yml").write_text('colours:\n  brand: "#0B6E4F"\n')
    assert list(contrast(STYLES, load_theme(tmp_path))) == []


def test_a_pale_brand_is_still_refused_at_its_line_and_prints_pale_too(tmp_path):
    """Reported once, at its line (the download meets it first); its inks, proofed, are as pale."""
    from booklet.render.colour import converter_for
    from booklet.render.softproof import PRESS_PROFILE, proofed
    from booklet.theme.reader import load_theme
    (tmp_path / "_shared").mkdir()
    (tmp_path / "_shared" / "theme.yml").write_text('# our colours\ncolours:\n  brand: "#8FD3B6"\n')
    findings = list(contrast(STYLES, load_theme(tmp_path)))
    assert findings and all(f.path.name == "theme.yml" and f.line == 3 for f in findings), findings
    assert any("#8fd3b6" in f.message and "contrast of 1.7:1" in f.message for f in findings)
    inks = converter_for(PRESS_PROFILE).colour(0x8F / 255, 0xD3 / 255, 0xB6 / 255)
    assert ratio((1, 1, 1, 1), (*proofed(*inks), 1)) < 3
