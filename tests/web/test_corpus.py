"""Every construct of the corpus on its web page: its words there, the page valid and accessible in a browser.

The booklet mixing every construct runs by default; one booklet per construct runs under the
`corpus` marker (--corpus, or CI), as in tests/corpus.
"""

from __future__ import annotations

import pytest

from tests.browser import audit, needs_browser, needs_vnu, nu_errors, reflow_widths
from tests.corpus.generate import CONSTRUCTS, MIXED
from tests.corpus.readback import squeeze
from tests.corpus.test_corpus import ALL, expected_words
from tests.web.conftest import page_of


@pytest.mark.parametrize("slug", ALL)
def test_every_word_is_on_the_web_page(corpus, corpus_outputs, slug):
    folder = corpus_outputs(slug) / slug
    text = squeeze(page_of(folder).text)
    alts = " ".join(a.get("alt", "") for a in page_of(folder).all("img"))
    # A list's first number ("5.") is the browser's marker, drawn from <ol start>: not text of the page.
    starts = {f"{a['start']}." for a in page_of(folder).all("ol") if "start" in a}
    missing = [w for w in expected_words(corpus[1][slug])
               if squeeze(w) not in text and squeeze(w) not in squeeze(alts) and w not in starts]
    assert missing == []


@needs_browser
@pytest.mark.parametrize("slug", [MIXED, *[pytest.param(c.name, marks=pytest.mark.corpus) for c in CONSTRUCTS
                                            if c.name in ("table", "wide-table", "long-words", "long-code-line", "pictures")]])
def test_axe_and_reflow_on_the_corpus_page(corpus_outputs, slug, tmp_path):
    folder = corpus_outputs(slug) / slug
    for width in (320, 1280):
        assert audit(folder / "index.html", width, tmp_path / "profile")["violations"] == []
    assert reflow_widths(folder, {"page": "index.html"}, (320,), tmp_path / "profile") == {"page 320": 320}


@needs_vnu
def test_the_nu_checker_finds_no_error_in_the_corpus_pages(corpus, corpus_outputs):
    folder = corpus_outputs(MIXED) / MIXED
    assert nu_errors(folder / "index.html") == []
