"""A second publisher builds in its own colours and font: sRGB on screen, CMYK in print, its font embedded."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pikepdf
import pytest

from booklet.build import BuildRequest, build
from booklet.check import CheckRequest, check
from booklet.problems import ContentError
from booklet.render.colour import CmykConverter
from tests.theme.test_css import PROFILE
from tests.theme.test_reader import HARBOUR

TODAY = dt.date(2026, 11, 21)
BRAND_RGB = (0x0b / 255, 0x55 / 255, 0x63 / 255)
SECTION_TITLE_PX = 20 * 4 / 3          # h1 is 20 pt; WeasyPrint sets sizes in CSS px


@pytest.fixture(scope="module")
def harbour(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("harbour")
    build(BuildRequest(root=HARBOUR, output=output, today=TODAY))
    return output / "heart-health"


def text_colours_at(path: Path, size: float) -> set[tuple[str, tuple[float, ...]]]:
    """(colour space, fill colour) of the text shown at one font size, on every page."""
    found = set()
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            colour, font_size, stack = ("", ()), 0.0, []
            for operands, operator in pikepdf.parse_content_stream(page.obj):
                op = str(operator)
                if op == "q":
                    stack.append(colour)
                elif op == "Q" and stack:
                    colour = stack.pop()
                elif op == "rg":
                    colour = ("rgb", tuple(round(float(v), 4) for v in operands))
                elif op == "k" or (op in ("sc", "scn") and len(operands) == 4):
                    colour = ("cmyk", tuple(round(float(v), 4) for v in operands))
                elif op == "Tf":
                    font_size = float(operands[1])
                elif op in ("Tj", "TJ") and abs(font_size - size) < 0.01:
                    found.add(colour)
    return found


def embedded_fonts(path: Path) -> set[str]:
    """Every font in the file, the DRAFT mark's (a Form XObject) included, without its subset tag."""
    with pikepdf.open(path) as pdf:
        return {str(obj.BaseFont).split("+")[-1] for obj in pdf.objects
                if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font" and "/BaseFont" in obj
                and obj.get("/Subtype") != "/CIDFontType2"}


def test_all_four_variants_are_written(harbour):
    assert sorted(p.name for p in harbour.glob("*.pdf")) == [
        f"heart-health-{v}.pdf" for v in ("download", "handout", "large-print", "print")]


def test_the_download_paints_section_titles_in_the_srgb_brand(harbour):
    colours = text_colours_at(harbour / "heart-health-download.pdf", SECTION_TITLE_PX)
    assert colours == {("rgb", tuple(round(v, 4) for v in BRAND_RGB))}


def test_the_print_file_paints_them_in_the_brand_converted_through_its_profile(harbour):
    expected = tuple(round(v, 4) for v in CmykConverter(PROFILE).colour(*BRAND_RGB))
    assert text_colours_at(harbour / "heart-health-print.pdf", SECTION_TITLE_PX) == {("cmyk", expected)}
    assert expected != (0.3, 1.0, 0.2, 0.45)                        # not the house's purple


@pytest.mark.parametrize("variant", ["download", "print", "large-print"])
def test_its_own_font_is_embedded_and_not_the_house_font(harbour, variant):
    assert embedded_fonts(harbour / f"heart-health-{variant}.pdf") == {"Lato", "Lato-Bold"}


@pytest.fixture(scope="module")
def draft_with_stylesheet(tmp_path_factory) -> Path:
    """The booklet as a draft, with a theme stylesheet that colours h2 in the note blue: its download PDF."""
    work = tmp_path_factory.mktemp("harbour-draft")
    root = work / "harbour"
    shutil.copytree(HARBOUR, root)
    manifest = root / "heart-health" / "booklet.yml"
    manifest.write_text(manifest.read_text().replace("status: approved", "status: draft"))
    (root / "_shared" / "house.css").write_text("h2 { color: var(--note-edge); }\n")
    with open(root / "_shared" / "theme.yml", "a") as theme:
        theme.write("stylesheet: house.css\n")
    build(BuildRequest(root=root, output=work / "out", variants=("download",), today=TODAY))
    return work / "out" / "heart-health" / "heart-health-download.pdf"


def test_a_draft_sets_its_draft_mark_in_the_publishers_font_too(draft_with_stylesheet):
    with pikepdf.open(draft_with_stylesheet) as pdf:
        assert any("/XObject" in page.obj.Resources for page in pdf.pages)      # the mark is there
    assert embedded_fonts(draft_with_stylesheet) == {"Lato", "Lato-Bold"}


def test_the_themes_stylesheet_is_applied_after_the_house_style(draft_with_stylesheet):
    h2 = text_colours_at(draft_with_stylesheet, 15 * 4 / 3)
    note_blue = ("rgb", (round(0x1f / 255, 4), round(0x4e / 255, 4), round(0x79 / 255, 4)))
    assert note_blue in h2 and ("rgb", tuple(round(v, 4) for v in BRAND_RGB)) not in h2   # white: the subtitle


def test_a_low_contrast_brand_is_an_error_at_its_line_in_theme_yml(tmp_path):
    root = tmp_path / "harbour"
    shutil.copytree(HARBOUR, root)
    theme = root / "_shared" / "theme.yml"
    theme.write_text(theme.read_text().replace('brand: "#0b5563"', 'brand: "#7fb8c0"'))
    report = check(CheckRequest(root=root, today=TODAY))
    contrast = [p for p in report.problems if p.rule == "contrast"]
    assert [(p.path, p.line, p.severity) for p in contrast] == [(theme, 3, "error")]
    assert "the theme's brand (#7fb8c0)" in contrast[0].message and "has a contrast of 2.2:1" in contrast[0].message
    with pytest.raises(ContentError) as stopped:
        build(BuildRequest(root=root, output=tmp_path / "out", variants=("download",), today=TODAY))
    assert (theme, 3) in {(p.path, p.line) for p in stopped.value.problems}
    assert not (tmp_path / "out" / "heart-health").exists()


def test_its_download_passes_the_pdf_ua_validator(harbour):
    import page
    report = page.validate_pdf(str(harbour / "heart-health-download.pdf"), profile="ua1")
    assert report.is_compliant, "\n".join(f"{f.rule_id}: {f.message}" for f in report.failures)


def test_a_rule_for_print_alone_is_a_warning_at_its_line(tmp_path):
    """Print is the download's layout: `.variant-print` would silently style nothing."""
    root = tmp_path / "harbour"
    shutil.copytree(HARBOUR, root)
    (root / "_shared" / "house.css").write_text("h2 { color: var(--brand); }\n.variant-print h2 { color: black; }\n")
    with open(root / "_shared" / "theme.yml", "a") as theme:
        theme.write("stylesheet: house.css\n")
    found = [p for p in check(CheckRequest(root=root, today=TODAY)).problems if p.path.name == "house.css"]
    assert [(p.line, p.severity) for p in found] == [(2, "warning")]
    assert "'.variant-print' matches nothing" in found[0].message
    result = build(BuildRequest(root=root, output=tmp_path / "out", variants=("download",), today=TODAY))
    assert [(w.path.name, w.line) for w in result.warnings if w.path.name == "house.css"] == [("house.css", 2)]
