"""Every web page the build writes, in a real browser: axe-core, reflow at 320 px, no script, the Nu checker."""

from __future__ import annotations

import re

import pytest

from tests.browser import (audit, needs_browser, needs_vnu, nu_errors, reflow_widths,
                           violations_of_a_spoilt_copy)
from tests.web.conftest import page_of


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
    """Nothing to read depends on script: the only script element is the JSON-LD data, no handlers.
    (Headless Chromium cannot be made to draw with script off: its screenshot and print paths run
    script themselves, so the page is held to having none.)"""
    page = page_of(folder)
    assert [a.get("type") for a in page.all("script")] == ["application/ld+json"]
    assert not [a for _, attrs in page.elements for a in attrs if a.startswith("on")]
    assert "javascript:" not in (folder / "index.html").read_text()


@needs_vnu
def test_the_nu_checker_finds_no_error(folder):
    assert nu_errors(folder / "index.html", folder / "assets" / "booklet.css") == []
