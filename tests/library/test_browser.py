"""The catalogue page in a real browser: headless Chromium loads it from disk and axe-core finds no violation."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import PROJECT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# .ci/run installs axe-core here (git-ignored); AXE_CORE_JS may name another copy.
AXE = Path(os.environ.get("AXE_CORE_JS", PROJECT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"))
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars")
# WCAG 2.0, 2.1 and 2.2 A and AA, and axe's best practices (landmarks, one h1, headings in order...).
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

PROBE = """
<script src="axe.min.js"></script>
<script>
axe.run(document, {runOnly: {type: "tag", values: %s}, resultTypes: ["violations"]}).then(function (r) {
  var out = document.createElement("pre");
  out.id = "axe-result";
  out.textContent = JSON.stringify({
    violations: r.violations.map(function (v) {
      return {id: v.id, help: v.help, nodes: v.nodes.map(function (n) { return n.html; })}; }),
  });
  document.body.appendChild(out);
});
</script>
"""

pytestmark = pytest.mark.skipif(not (Path(CHROMIUM).is_file() and AXE.is_file()),
                                reason="needs Debian's chromium and axe-core (.ci/run installs both)")


def chromium(url: str, width: int, profile: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},1200",
                           *extra, url], capture_output=True, text=True, timeout=120, check=True)


def audit(page: Path, width: int, profile: Path) -> dict:
    """Run axe-core inside a copy of the page, beside it so its relative pictures load, and read its verdict."""
    probe = page.with_name("_axe-probe.html")
    shutil.copy(AXE, page.with_name("axe.min.js"))
    probe.write_text(page.read_text().replace("</body>", PROBE % json.dumps(TAGS) + "</body>"))
    try:
        dom = chromium(probe.as_uri(), width, profile, "--dump-dom", "--virtual-time-budget=20000").stdout
    finally:
        probe.unlink()
        page.with_name("axe.min.js").unlink()
    found = re.search(r'<pre id="axe-result">(.*?)</pre>', dom, re.S)
    assert found, "axe-core did not report (did the page load?)"
    return json.loads(html.unescape(found.group(1)))


FRAMES = """<!DOCTYPE html><html><body>%s<script>
var widths = {}, frames = document.querySelectorAll("iframe");
frames.forEach(function (frame) { frame.onload = function () {
  widths[frame.name] = frame.contentDocument.documentElement.scrollWidth;
  if (Object.keys(widths).length === frames.length) {
    var out = document.createElement("pre"); out.id = "widths"; out.textContent = JSON.stringify(widths);
    document.body.appendChild(out); } }; });
</script></body></html>"""


def reflow_widths(folder: Path, pages: dict[str, str], widths: tuple[int, ...], profile: Path) -> dict:
    """Each page's scroll width in frames of the given widths: wider than the frame means sideways scrolling."""
    holder = folder / "_frames.html"
    holder.write_text(FRAMES % "".join(f'<iframe src="{page}" name="{name} {w}" width="{w}" height="800"></iframe>'
                                       for name, page in pages.items() for w in widths))
    try:
        dom = chromium(holder.as_uri(), 1280, profile, "--allow-file-access-from-files", "--dump-dom",
                       "--virtual-time-budget=10000").stdout
    finally:
        holder.unlink()
    found = re.search(r'<pre id="widths">(.*?)</pre>', dom, re.S)
    assert found, "the frames did not load"
    return json.loads(html.unescape(found.group(1)))


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
    spoilt = pages["public"].with_name("_spoilt.html")
    text = pages["public"].read_text()
    spoilt.write_text(re.sub(r' alt="[^"]*"', "", text).replace("--ink: #1a1a1a", "--ink: #b0b0b0"))
    try:
        found = {v["id"] for v in audit(spoilt, 1280, tmp_path / "profile")["violations"]}
    finally:
        spoilt.unlink()
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
