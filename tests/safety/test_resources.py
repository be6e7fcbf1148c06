"""Resources refused inside an SVG, the logo or a style attribute: reported once, at the line naming them,
by `booklet check` and by `booklet build`, which then writes nothing."""

from __future__ import annotations


from click.testing import CliRunner

from booklet.cli import main
from tests.conftest import ORGANISATION, SECTION_ONE

EVIL_SVG = """<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">
<image xlink:href="file:///etc/passwd" width="10" height="10"/></svg>
"""


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_an_svg_picture_loading_a_file_outside_is_reported_once_at_the_picture_line(sources, tmp_path):
    root = sources(demo__one_md=SECTION_ONE + "\n![A diagram](evil.svg)\n")
    (root / "demo" / "evil.svg").write_text(EVIL_SVG)
    checked = run("check", str(root / "demo"), "--today", "2026-11-20")
    lines = [line for line in checked.output.splitlines() if "/etc/passwd" in line]
    assert checked.exit_code == 1
    assert len(lines) == 1 and "one.md:11: error: the picture 'evil.svg' loads 'file:///etc/passwd'" in lines[0], \
        checked.output
    built = run("build", str(root / "demo"), "--output", str(tmp_path / "out"), "--variant", "download",
                "--today", "2026-11-20")
    assert built.exit_code == 1
    assert [line for line in built.output.splitlines() if "/etc/passwd" in line] == lines
    assert not (tmp_path / "out" / "demo").exists()


def test_a_logo_and_a_style_attribute_are_reported_at_their_own_lines(sources):
    organisation = ORGANISATION.replace("website:", "logo: logo.svg\nwebsite:", 1)
    root = sources(_shared__organisation_yml=organisation,
                   demo__one_md=SECTION_ONE + '\nA word{style="background: url(file:///etc/hostname)"}.\n')
    (root / "_shared" / "logo.svg").write_text(EVIL_SVG)
    checked = run("check", str(root / "demo"), "--today", "2026-11-20")
    assert checked.exit_code == 1
    assert "organisation.yml:2: error: the logo 'logo.svg' loads 'file:///etc/passwd'" in checked.output, checked.output
    assert "one.md:11: error: the style attribute loads 'file:///etc/hostname'" in checked.output, checked.output


def test_with_no_check_the_renderer_refuses_it_and_names_the_picture_line_once(sources, tmp_path):
    root = sources(demo__one_md=SECTION_ONE + "\n![A diagram](evil.svg)\n")
    (root / "demo" / "evil.svg").write_text(EVIL_SVG)
    built = run("build", str(root / "demo"), "--output", str(tmp_path / "out"), "--no-check", "--today", "2026-11-20")
    assert built.exit_code == 1
    lines = [line for line in built.output.splitlines() if "/etc/passwd" in line]
    assert len(lines) == 1 and "one.md:11: error: a picture there loads 'file:///etc/passwd'" in lines[0], built.output
    assert not (tmp_path / "out" / "demo").exists()
