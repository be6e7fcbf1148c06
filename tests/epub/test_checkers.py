"""EPUBCheck finds no error or warning and DAISY Ace no violation in the sample and the corpus EPUBs;
each checker, as run here, does report a broken EPUB (so a pass means something)."""

from __future__ import annotations

import io
import zipfile

import pytest

from tests.corpus.generate import CONSTRUCTS
from tests.epub.checkers import ace, epubcheck, needs_ace, needs_epubcheck
from tests.epub.conftest import make


@needs_epubcheck
@pytest.mark.parametrize("name", ["sample_epub", "mixed_epub"])
def test_epubcheck_finds_nothing(name, request) -> None:
    assert epubcheck(request.getfixturevalue(name).path) == []


@needs_ace
@pytest.mark.parametrize("name", ["sample_epub", "mixed_epub"])
def test_ace_finds_no_violation(name, request) -> None:
    assert ace(request.getfixturevalue(name).path) == []


@needs_epubcheck
@pytest.mark.corpus
def test_epubcheck_finds_nothing_in_the_epub_of_each_construct(epub_corpus, tmp_path) -> None:
    from concurrent.futures import ThreadPoolExecutor
    root, _ = epub_corpus
    paths = {c.name: make(root, c.name, tmp_path, with_pdf=False).path for c in CONSTRUCTS}
    with ThreadPoolExecutor(2) as pool:            # each check is a Java process of its own
        found = dict(zip(paths, pool.map(epubcheck, paths.values())))
    assert {name: messages for name, messages in found.items() if messages} == {}


def broken(made, tmp_path):
    """The sample with its picture's alt text and one link's target taken away."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(made.epub)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith(".xhtml"):
                data = data.replace(b'<img alt="', b'<img data-alt="')
                data = data.replace(b'href="s-about.xhtml#', b'href="gone.xhtml#')
            target.writestr(info, data)
    path = tmp_path / "broken.epub"
    path.write_bytes(out.getvalue())
    return path


@needs_epubcheck
def test_epubcheck_as_run_here_reports_a_broken_link(sample_epub, tmp_path) -> None:
    assert any("RSC-007" in m for m in epubcheck(broken(sample_epub, tmp_path)))


@needs_ace
def test_ace_as_run_here_reports_a_picture_without_alt_text(sample_epub, tmp_path) -> None:
    assert any("image-alt" in v for v in ace(broken(sample_epub, tmp_path)))


@needs_epubcheck
def test_epubcheck_finds_nothing_with_a_publishers_font_and_logo(tmp_path) -> None:
    from tests.theme.test_reader import HARBOUR
    assert epubcheck(make(HARBOUR, "heart-health", tmp_path, with_pdf=False).path) == []
