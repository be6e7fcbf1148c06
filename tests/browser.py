"""Drive Debian's headless Chromium for the tests: axe-core audits, reflow widths, the Nu HTML checker."""

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


def violations_of_a_spoilt_copy(page: Path, spoil, profile: Path) -> set[str]:
    """The ids axe-core finds in a copy of the page changed by `spoil` (text -> text), written beside it
    so its pictures and stylesheets load: a probe that can fail must find what was spoilt."""
    spoilt = page.with_name("_spoilt.html")
    spoilt.write_text(spoil(page.read_text()))
    try:
        return {v["id"] for v in audit(spoilt, 1280, profile)["violations"]}
    finally:
        spoilt.unlink()


# .ci/run installs the Nu HTML Checker (vnu-jar) here; it needs Java.
VNU = Path(os.environ.get("VNU_JAR", PROJECT / ".cache" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"))
needs_browser = pytest.mark.skipif(not (Path(CHROMIUM).is_file() and AXE.is_file()),
                                   reason="needs Debian's chromium and axe-core (.ci/run installs both)")
needs_vnu = pytest.mark.skipif(not (VNU.is_file() and shutil.which("java")),
                               reason="needs the Nu HTML Checker and Java (.ci/run installs both)")


def nu_errors(*files: Path) -> list[dict]:
    """The Nu HTML Checker's errors (and fatal messages) for HTML or CSS files."""
    css = [f for f in files if f.suffix == ".css"]
    pages = [f for f in files if f.suffix != ".css"]
    messages = []
    for group, extra in ((pages, []), (css, ["--css"])):
        if not group:
            continue
        done = subprocess.run(["java", "-jar", str(VNU), *extra, "--format", "json", *map(str, group)],
                              capture_output=True, text=True, timeout=300)
        messages += json.loads(done.stderr or done.stdout)["messages"]
    return [m for m in messages if m.get("type") in ("error", "non-document-error") or m.get("subType") == "fatal"]
