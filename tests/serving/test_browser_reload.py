"""`booklet serve` as an editor uses it: the real command, a file saved, the open page in a real Chromium following it."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.browser import CHROMIUM
from tests.conftest import PROJECT
from tests.devtools import DevTools

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).is_file(), reason="needs Debian's chromium (.ci/run installs it)")


@pytest.fixture
def serving(sources, tmp_path):
    """`booklet serve --port 0` on a small library, running; its address, the sources, and what it prints."""
    root = sources(demo__booklet_yml=(Path(sources().joinpath("demo", "booklet.yml")).read_text()
                                      + "variants: [download, web]\n"))
    log = tmp_path / "serve.log"
    with log.open("w") as printed:
        process = subprocess.Popen([sys.executable, "-m", "booklet", "serve", "--sources", str(root), "--output",
                                    str(tmp_path / "output"), "--port", "0"], cwd=PROJECT, stdout=printed,
                                   stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 120
        while not (found := re.search(r"at (http://127\.0\.0\.1:\d+/)", log.read_text())):
            assert process.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.1)
        while "rebuilding on every save" not in log.read_text():
            time.sleep(0.05)
        yield found.group(1), root, log
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert process.returncode in (0, -15), log.read_text()


@pytest.fixture
def browser(tmp_path):
    opened = DevTools(tmp_path / "profile")
    yield opened
    opened.close()


def test_the_open_page_follows_a_save(serving, browser):
    address, root, log = serving
    browser.open(address + "demo/")
    assert "The first section" in browser.shown()
    browser.evaluate("window.beforeTheSave = true")
    section = root / "demo" / "one.md"
    section.write_text("---\ntitle: The first section\n---\n\nFreshly saved words.\n")
    seconds = browser.wait_for(lambda: "Freshly saved words." in browser.shown(), timeout=60)
    # The page was reloaded (its script state is gone), not patched, and reloads are announced.
    assert browser.evaluate("window.beforeTheSave") is None
    print(f"save to the reloaded page in the browser: {seconds:.2f} s")
    browser.wait_for(lambda: "all rebuilt" in log.read_text(), timeout=60)
    assert "Freshly saved words." in browser.shown()       # still, after the PDFs' round


def test_a_broken_save_shows_on_the_open_page_and_a_mended_one_clears_it(serving, browser):
    address, root, log = serving
    browser.open(address + "demo/")
    (root / "demo" / "two.md").write_text("---\ntitle: Two\n---\n\n::: contact nobody\n")
    browser.wait_for(lambda: "two.md:5" in browser.shown(), timeout=60)
    shown = browser.shown()
    assert "nobody" in shown and "The first section" in shown            # the last good page, under it
    assert browser.evaluate("document.querySelector('[role=alert]') !== null")
    assert "two.md:5" in log.read_text()                                  # and in the terminal
    (root / "demo" / "two.md").write_text("---\ntitle: Two\n---\n\nMended.\n")
    browser.wait_for(lambda: "Mended." in browser.shown(), timeout=60)
    assert browser.evaluate("document.querySelector('[role=alert]')") is None
