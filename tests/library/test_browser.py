"""The catalogue page in a real browser: headless Chromium loads it from disk and axe-core finds no violation."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from tests.browser import audit, chromium, needs_browser, reflow_widths, violations_of_a_spoilt_copy

pytestmark = needs_browser


@pytest.fixture(scope="module")
def pages(built_library, tmp_path_factory):
    """The public page and the internal (--drafts) page, each in its own copy of the output."""
    from click.testing import CliRunner
    from booklet.cli import main
    root, built = built_library
    made = {}
    for name, extra in (("public", []), ("internal", ["--drafts", "--today", "2027-06-01"])):
        output = tmp_path_factory.mktemp(name) / "output"
        shutil.copytree(built, output)
        result = CliRunner().invoke(main, ["catalogue", "--sources", str(root), "--output", str(output), *extra])
        assert result.exit_code == 0, result.output
        made[name] = output / "index.html"
    return made


@pytest.mark.parametrize("name", ["public", "internal"])
def test_axe_core_finds_no_violation(pages, name, tmp_path):
    assert audit(pages[name], 1280, tmp_path / "profile")["violations"] == []


def test_the_probe_reports_what_it_finds(pages, tmp_path):
    """The same probe on a spoilt copy (a cover without alt text, grey on white): axe must say so."""
    found = violations_of_a_spoilt_copy(pages["public"], lambda text: re.sub(
        r' alt="[^"]*"', "", text).replace("--ink: #1a1a1a", "--ink: #b0b0b0"), tmp_path / "profile")
    assert {"image-alt", "color-contrast"} <= found


def test_a_phone_needs_no_sideways_scrolling(pages, tmp_path):
    """WCAG 1.4.10 reflow: laid out 320 and 390 CSS px wide (in frames: a headless window is 500 px or more)."""
    internal = pages["public"].with_name("_internal.html")      # beside the same pictures and fonts
    shutil.copy(pages["internal"], internal)
    try:
        found = reflow_widths(pages["public"].parent, {"public": "index.html", "internal": internal.name},
                              (320, 390), tmp_path / "profile")
    finally:
        internal.unlink()
    assert found == {f"{name} {w}": w for name in ("public", "internal") for w in (320, 390)}


@pytest.mark.skipif("BOOKLET_SCREENSHOTS" not in os.environ, reason="set BOOKLET_SCREENSHOTS=DIR to take them")
def test_screenshots_at_phone_and_desktop_widths(pages, tmp_path):
    """Pictures for a person to look at before a change to the page is called done, kept in BOOKLET_SCREENSHOTS."""
    folder = Path(os.environ["BOOKLET_SCREENSHOTS"])
    folder.mkdir(parents=True, exist_ok=True)
    shots = []
    for width in (390, 1280):
        shot = folder / f"catalogue-{width}.png"
        chromium(pages["public"].as_uri(), width, tmp_path / "profile", f"--screenshot={shot}")
        shots.append(shot.read_bytes())
    assert all(s[:8] == b"\x89PNG\r\n\x1a\n" for s in shots) and shots[0] != shots[1]
