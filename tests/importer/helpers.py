"""Shared by the importer's tests: a sources root, Word files made with python-docx, and reading a build back."""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from pathlib import Path

import docx
from PIL import Image

from booklet.build import BuildRequest, build
from booklet.scaffold import init_sources
from booklet.urls import display_url
from tests.pdfread import page_texts

TODAY = dt.date(2026, 12, 1)
PROJECT = Path(__file__).resolve().parents[2]
CACHE = PROJECT / ".cache" / "importer"


def sources_root(tmp_path: Path) -> Path:
    root = tmp_path / "sources"
    init_sources(root, today=TODAY)
    return root


def png(width=400, height=300, colour="teal") -> io.BytesIO:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "PNG")
    buffer.seek(0)
    return buffer


def add_hyperlink(paragraph, url: str, text: str) -> None:
    part = paragraph.part
    key = part.relate_to(url, docx.opc.constants.RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = docx.oxml.OxmlElement("w:hyperlink")
    link.set(docx.oxml.ns.qn("r:id"), key)
    run = docx.oxml.OxmlElement("w:r")
    words = docx.oxml.OxmlElement("w:t")
    words.text = text
    run.append(words)
    link.append(run)
    paragraph._p.append(link)


def built_text(root: Path, folder: Path, output: Path) -> str:
    """The download PDF's text, built as a draft, read back with pypdfium2."""
    result = build(BuildRequest(root=root, output=output, folders=(folder,), variants=("download",), jobs=1))
    pdf = next(item.path for item in result.built if item.path.suffix == ".pdf")
    return normal(" ".join(page_texts(pdf)))


def normal(text: str) -> str:
    """Words only: whitespace, soft hyphens, quotes and dashes made alike, as PDF text extraction varies."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "").replace("\x02", "-")
    # PDFium joins a line ending in a hyphen to the next with U+FFFE, whether the hyphen was typed
    # ("self-management") or added by the layout ("disguise-ment", read whole through its ActualText):
    # it cannot tell them apart, so neither can we. A hyphen between letters is dropped on both
    # sides of a comparison: "self-management" and "selfmanagement" read alike.
    text = re.sub(r"(?<=\w)[\ufffe\u2010-](?=\w)", "", text).replace("\ufffe", "-")
    # A link whose words are its address prints the address as read aloud (example.org/help).
    text = re.sub(r"https?://\S+", lambda found: display_url(found.group(0)), text)
    text = re.sub(r"[\u2018\u2019\u201c\u201d'\"]", "", text)
    text = re.sub(r"[\u2010-\u2015-]", "-", text)
    return " ".join(text.split())


def missing_words(expected: str, actual: str) -> list[str]:
    """The document's words the PDF lacks, in order (a subsequence, so headers and page numbers between are fine)."""
    words = re.findall(r"[^\W\d_]+|\d+", normal(expected).lower())     # a footnote's mark runs on: Ouch1
    have = re.findall(r"[^\W\d_]+|\d+", actual.lower())
    missing, at = [], 0
    for word in words:
        try:
            at = have.index(word, at) + 1
        except ValueError:
            missing.append(word)
    return missing


def describe_pictures(folder: Path) -> None:
    """What an editor does after the report: give each picture without alt text its description."""
    for path in folder.glob("*.md"):
        path.write_text(path.read_text(encoding="utf-8").replace("![](", "![A picture from the document]("),
                        encoding="utf-8")


def docx_text(document) -> str:
    """A Word document's text in reading order, read with python-docx (paragraphs and table cells)."""
    parts = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            cells = {id(cell._tc): cell for row in block.rows for cell in row.cells}   # a merged cell once
            parts.extend(cell.text for cell in cells.values())
        else:
            parts.append(block.text)
    return " ".join(parts)
