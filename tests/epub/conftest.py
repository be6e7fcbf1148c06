"""The sample booklet and the corpus of every construct made into EPUBs once per test session, with
the download PDF whose pages the EPUB's page list follows."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from booklet.model import Manifest, Organisation
from tests.conftest import PROJECT, SAMPLE_SLUG
from tests.corpus.generate import MIXED, write_corpus

STYLES = PROJECT / "booklet" / "styles"


@dataclass(frozen=True)
class Made:
    manifest: Manifest
    organisation: Organisation
    root: Path
    epub: bytes
    path: Path                     # the EPUB written to disk, for the checkers
    pdf: bytes | None              # the download PDF, when asked for
    page_starts: tuple


def make(root: Path, slug: str, folder: Path, *, with_pdf: bool) -> Made:
    from booklet.epub import make_epub
    from booklet.render.variants import VARIANTS
    from booklet.sources.library import read_library
    from booklet.theme.reader import load_theme
    library, _ = read_library(root, [root / slug], variants=tuple(VARIANTS))
    manifest, theme = library.booklets[slug], load_theme(root)
    pdf, starts = None, ()
    if with_pdf:
        from booklet.render.produce import Setting, produce
        [download] = produce(manifest, library.organisation, ["download"], Setting(root, STYLES, theme))
        pdf, starts = download.pdf, download.page_starts
    epub = make_epub(manifest, library.organisation, root=root, styles=STYLES, theme=theme, page_starts=starts)
    path = folder / f"{slug}.epub"
    path.write_bytes(epub)
    return Made(manifest, library.organisation, root, epub, path, pdf, starts)


@pytest.fixture(scope="session")
def sample_epub(tmp_path_factory) -> Made:
    return make(PROJECT / "sources", SAMPLE_SLUG, tmp_path_factory.mktemp("epub"), with_pdf=True)


@pytest.fixture(scope="session")
def epub_corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("epub-corpus") / "sources"
    return root, write_corpus(root)


@pytest.fixture(scope="session")
def mixed_epub(epub_corpus, tmp_path_factory) -> Made:
    root, _ = epub_corpus
    return make(root, MIXED, tmp_path_factory.mktemp("epub"), with_pdf=True)
