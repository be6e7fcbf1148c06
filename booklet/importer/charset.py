"""Decode a saved web page's bytes as a browser would: its byte-order mark, its declared charset, else UTF-8 if it reads as UTF-8, else windows-1252."""

from __future__ import annotations

import codecs
import re

DECLARED = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def decoded_page(data: bytes) -> str:
    """The page as text. A page that declares no charset was read as Latin-1 by the HTML parser, so a
    UTF-8 page's dash "—" came in as "â" and two control characters no font draws."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _without_declaration(data[len(bom):].decode(codec, errors="replace"))
    declared = DECLARED.search(data[:4096])
    codec = _known(declared.group(1).decode("ascii")) if declared else None
    if codec is None:
        try:
            return _without_declaration(data.decode("utf-8"))
        except UnicodeDecodeError:
            codec = "cp1252"
    # As HTML does: a page labelled Latin-1 is read as windows-1252 (its 0x80-0x9F are letters and quotes).
    if codec in ("latin-1", "iso8859-1", "ascii"):
        codec = "cp1252"
    return _without_declaration(data.decode(codec, errors="replace"))


def _known(label: str) -> str | None:
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _without_declaration(text: str) -> str:
    """lxml refuses text that still declares its bytes' encoding (an XHTML page's `<?xml ... ?>`)."""
    return XML_DECLARATION.sub("", text, count=1)
