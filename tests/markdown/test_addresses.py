"""An address written as plain text is one span the layout never hyphenates, read back whole from the PDF."""

from __future__ import annotations

import re

import pypdfium2 as pdfium

from booklet.build import BuildRequest, build
from tests.markdown.test_refusals import run

ONIONS = " ".join(f"Shop {n} http://{name}.onion/ and" for n, name in enumerate(
    ["tzorvjdjzeptcuml", "bhn3ix7r2cn7kof7", "fojx2pxitg4bgb3q", "akljupibygoil3kg", "ijhzdznyckodabcd",
     "ywcvwtxwibvbly", "piqnihtqffnnhu", "vemftcqyjbkn"] * 3))


def test_web_and_email_addresses_in_text_become_address_spans() -> None:
    html, problems = run("Write to help@example.org or see www.example.org/help, or https://example.org/a_b today.\n")
    assert not problems
    assert re.findall(r'<span class="address">([^<]+)</span>', html) == [
        "help@example.org", "www.example.org/help", "https://example.org/a_b"]
    assert ">Write to <span" in html and "</span>, or <span" in html and "</span> today.</p>" in html


def test_an_address_inside_a_link_or_code_is_left_alone() -> None:
    html, _ = run("See <https://example.org/help> and `www.example.org`.\n")
    assert 'class="address"' not in html


def test_no_address_is_split_by_a_layout_hyphen(sources, tmp_path) -> None:
    root = sources(demo__one_md=f"---\ntitle: One\n---\n\n{ONIONS}\n")
    build(BuildRequest(root=root, output=tmp_path / "out", variants=("download",)))
    document = pdfium.PdfDocument(str(tmp_path / "out" / "demo" / "demo-download.pdf"))
    text = "".join(page.get_textpage().get_text_range() for page in document)
    document.close()
    # PDFium writes U+FFFE where a line ends in a hyphen: never inside an address.
    names = re.findall(r"http://(\S+?)\.onion", ONIONS)
    for name in names:
        assert name in text, name
    assert not re.search(r"http://\w*\ufffe", text)
