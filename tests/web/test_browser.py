"""Every web page the build writes, in a real browser: axe-core, reflow at 320 px, no script, the Nu checker."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from tests.browser import (audit, needs_browser, needs_vnu, nu_errors, reflow_widths,
                           violations_of_a_spoilt_copy)
from tests.devtools import DevTools
from tests.web.conftest import page_of

SHOWN = "document.body.innerText"


def shown_text(page, profile, *, script: bool) -> str:
    """What a reader sees of the page opened from disk in a real Chromium, with script on or off."""
    browser = DevTools(profile)
    try:
        browser.call("Emulation.setScriptExecutionDisabled", value=not script)
        browser.open(page.as_uri())
        return browser.evaluate(SHOWN)
    finally:
        browser.close()


@pytest.fixture(params=["sample", "harbour"])
def folder(request, sample_outputs, harbour_web):
    return {"sample": sample_outputs, "harbour": harbour_web}[request.param]


@needs_browser
@pytest.mark.parametrize("width", [320, 1280])
def test_axe_core_finds_no_violation(folder, width, tmp_path):
    assert audit(folder / "index.html", width, tmp_path / "profile")["violations"] == []


@needs_browser
def test_the_probe_would_say_so(sample_outputs, tmp_path):
    """The same audit on a spoilt copy: pictures without alt text, pale text. It must find both."""
    found = violations_of_a_spoilt_copy(sample_outputs / "index.html", lambda text: re.sub(
        r' alt="[^"]*"', "", text).replace("</head>", "<style>p { color: #bbb }</style></head>"), tmp_path / "profile")
    assert {"image-alt", "color-contrast"} <= found


@needs_browser
def test_a_phone_needs_no_sideways_scrolling(folder, tmp_path):
    found = reflow_widths(folder, {"page": "index.html"}, (320, 390), tmp_path / "profile")
    assert found == {"page 320": 320, "page 390": 390}


def test_the_page_has_no_script_to_run(folder):
    """Nothing to read depends on script: the only script element is the JSON-LD data, no handlers."""
    page = page_of(folder)
    assert [a.get("type") for a in page.all("script")] == ["application/ld+json"]
    assert not [a for _, attrs in page.elements for a in attrs if a.startswith("on")]
    assert "javascript:" not in (folder / "index.html").read_text()


@needs_browser
def test_with_script_off_the_whole_text_is_there(folder, tmp_path):
    """The page opened with script disabled (the DevTools protocol's switch, in a real Chromium) shows
    the same text as with script on, every section of it."""
    import tinyhtml5
    off = shown_text(folder / "index.html", tmp_path / "off", script=False)
    assert off == shown_text(folder / "index.html", tmp_path / "on", script=True)
    main = tinyhtml5.parse((folder / "index.html").read_text()).find(".//{http://www.w3.org/1999/xhtml}main")
    written = re.findall(r"\w+", " ".join(main.itertext()))
    assert len(written) > 300 and Counter(written) <= Counter(re.findall(r"\w+", off))


@needs_browser
def test_script_off_is_really_off(sample_outputs, tmp_path):
    """A copy whose last section is written by a script: with script off that text is missing."""
    page = sample_outputs / "probe-script.html"
    page.write_text((sample_outputs / "index.html").read_text().replace(
        "</main>", '<script>document.write("<p>Written by a script</p>")</script></main>'))
    try:
        assert "Written by a script" in shown_text(page, tmp_path / "on", script=True)
        assert "Written by a script" not in shown_text(page, tmp_path / "off", script=False)
    finally:
        page.unlink()


@needs_vnu
def test_the_nu_checker_finds_no_error(folder):
    assert nu_errors(folder / "index.html", folder / "assets" / "booklet.css") == []
