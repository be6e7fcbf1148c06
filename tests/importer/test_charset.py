"""A saved page's bytes read as a browser reads them, whatever it declares or leaves out."""

from __future__ import annotations

import codecs

from booklet.importer.charset import decoded_page
from booklet.importer.html import read_html


def test_a_utf8_page_that_declares_nothing_is_read_as_utf8() -> None:
    page = "<html><body><h1>Moby-Dick</h1><p>And so it was.—Most miserable</p></body></html>".encode()
    assert "was.—Most" in decoded_page(page)
    assert "â" not in "".join(str(getattr(b, "text", "")) for b in read_html(page).blocks)


def test_a_page_labelled_latin_1_is_read_as_windows_1252_as_browsers_do() -> None:
    page = b'<meta charset="iso-8859-1"><p>\x93Quoted\x94 caf\xe9</p>'
    assert "\u201cQuoted\u201d café" in decoded_page(page)


def test_undeclared_bytes_that_are_not_utf8_are_read_as_windows_1252() -> None:
    assert "café – open" in decoded_page(b"<p>caf\xe9 \x96 open</p>")


def test_a_byte_order_mark_wins_and_an_xml_declaration_is_dropped() -> None:
    page = codecs.BOM_UTF16_LE + '<?xml version="1.0" encoding="utf-16"?><p>Cúram</p>'.encode("utf-16-le")
    assert decoded_page(page) == "<p>Cúram</p>"
