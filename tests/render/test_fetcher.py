"""WeasyPrint may read only files inside the sources root and styles/; everything else is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from booklet.render.fetcher import RefusedResource, SafeFetcher


@pytest.fixture
def fetcher(tmp_path: Path) -> SafeFetcher:
    (tmp_path / "sources" / "demo").mkdir(parents=True)
    (tmp_path / "sources" / "demo" / "a.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (tmp_path / "secret.txt").write_text("not for the PDF")
    return SafeFetcher((tmp_path / "sources",))


def test_a_file_inside_the_root_is_served(fetcher, tmp_path):
    response = fetcher.fetch((tmp_path / "sources" / "demo" / "a.svg").as_uri())
    assert response.content_type == "image/svg+xml"
    assert response.read().startswith(b"<svg")


@pytest.mark.parametrize("url", ["https://example.org/picture.png", "http://127.0.0.1/x.css",
                                 "ftp://example.org/x", "//example.org/x.png"])
def test_network_addresses_are_refused(fetcher, url):
    with pytest.raises(RefusedResource, match="network|outside"):
        fetcher.fetch(url)


def test_a_dot_dot_escape_is_refused(fetcher, tmp_path):
    url = (tmp_path / "sources" / "demo").as_uri() + "/../../secret.txt"
    with pytest.raises(RefusedResource, match="outside the sources and styles folders"):
        fetcher.fetch(url)


def test_a_file_elsewhere_is_refused(fetcher):
    with pytest.raises(RefusedResource, match="outside"):
        fetcher.fetch("file:///etc/passwd")


def test_data_urls_are_inline_and_allowed(fetcher):
    assert fetcher.fetch("data:text/plain,hello").read() == b"hello"
