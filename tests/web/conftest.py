"""Web editions built once a session: the sample (every variant) and a second publisher's approved booklet."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from booklet.build import BuildRequest, build
from tests.conftest import PROJECT
from tests.corpus.conftest import corpus, corpus_outputs  # noqa: F401  (the corpus, shared with tests/corpus)

HARBOUR = PROJECT / "tests" / "theme" / "fixtures" / "harbour"


@pytest.fixture(scope="session")
def harbour_web(tmp_path_factory) -> Path:
    """Harbour Heart Trust: its own font, logo and colours, an approved booklet with named reviewers."""
    root = tmp_path_factory.mktemp("harbour") / "sources"
    shutil.copytree(HARBOUR, root)
    output = root.parent / "output"
    build(BuildRequest(root=root, output=output, variants=("web",)))
    return output / "heart-health"


class Page(HTMLParser):
    """What a test asks of a page: its elements with their attributes, in order, and its text."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.texts: list[str] = []
        self.skipping = 0
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        if tag in ("script", "style", "title"):
            self.skipping += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "title"):
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping:
            self.texts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.texts).split())

    def all(self, tag: str) -> list[dict[str, str]]:
        return [attrs for name, attrs in self.elements if name == tag]


def page_of(folder: Path) -> Page:
    return Page((folder / "index.html").read_text())
