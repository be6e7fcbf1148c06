"""The Word XML vocabulary the importer reads: namespaces, the elements passed over, small readers of
attributes and text, and the gathering of numbered paragraphs into nested lists."""

from __future__ import annotations

import re

from lxml import etree

from booklet.importer.model import ListBlock, Text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R, "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
      "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
      "v": "urn:schemas-microsoft-com:vml", "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"}
KEPT_PICTURES = {"png": "png", "jpeg": "jpg", "jpg": "jpg"}
SHORT = 80
_HEADING = re.compile(r"heading\s*([1-9])", re.I)
_LIST_STYLE = re.compile(r"List(?: Bullet| Number| Continue)? ?([2-9])")
_HYPERLINK_FIELD = re.compile(r'^\s*HYPERLINK\s+(?:"([^"]+)"|(\\l)\s+"([^"]+)")', re.I)
_IGNORED = {"bookmarkStart", "bookmarkEnd", "proofErr", "lastRenderedPageBreak", "rPr", "pPr", "permStart",
            "permEnd", "commentRangeEnd", "footnoteRef", "endnoteRef", "annotationRef", "sectPr", "tblPr",
            "tblGrid", "trPr", "tcPr", "separator", "continuationSeparator", "noProof", "moveFromRangeStart",
            "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd", "customXmlPr", "sdtPr", "sdtEndPr",
            "fldData", "tblPrEx"}



def _local(element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _ns(element) -> str:
    return etree.QName(element).namespace if isinstance(element.tag, str) else ""


def _on(element) -> bool:
    """A w:b or w:i toggle: present and not switched off."""
    return element is not None and element.get(f"{{{W}}}val", "true") not in ("0", "false", "off", "none")


def _short(text: str) -> str:
    text = " ".join(text.split())
    return f"'{text[:SHORT]}…'" if len(text) > SHORT else f"'{text}'"


def _all_text(element) -> str:
    return "".join(element.xpath(".//w:t/text() | .//w:delText/text() | .//m:t/text()", namespaces=NS))


class _Item:
    """A list paragraph, before the paragraphs around it are gathered into a nested ListBlock."""

    def __init__(self, depth, ordered, start, block):
        self.depth, self.ordered, self.start, self.block = depth, ordered, start, block


def _gather_lists(blocks: list) -> list:
    out, run = [], []
    for block in blocks + [None]:
        if isinstance(block, _Item) and not (run and block.depth <= run[0].depth and block.ordered != run[0].ordered):
            run.append(block)
            continue
        if run:
            out.append(_nest(run, run[0].depth))
            run = []
        if isinstance(block, _Item):        # a bullet list after a numbered one: a list of its own
            run.append(block)
        elif block is not None:
            out.append(block)
    if run:
        out.append(_nest(run, run[0].depth))
    return out


def _nest(items: list, depth: int) -> ListBlock:
    """Items at `depth` become entries; deeper ones nest under the entry before them."""
    entries: list[list] = []
    i = 0
    while i < len(items):
        item = items[i]
        j = i + 1
        while j < len(items) and items[j].depth > depth:
            j += 1
        if item.depth > depth and not entries:          # a list that starts deeper than it goes on
            entries.append([_nest(items[i:j + (1 if j == i else 0)], item.depth)])
            i = j
            continue
        entry = [item.block]
        if j > i + 1:
            entry.append(_nest(items[i + 1:j], items[i + 1].depth))
        entries.append(entry)
        i = j
    first = items[0]
    return ListBlock(first.ordered, tuple(tuple(e) for e in entries), first.start)


def _tidy(inlines: list) -> list:
    """Adjacent runs with the same formatting joined; empty runs dropped."""
    out: list = []
    for item in inlines:
        if isinstance(item, Text):
            if not item.text:
                continue
            if out and isinstance(out[-1], Text) and (out[-1].bold, out[-1].italic) == (item.bold, item.italic):
                out[-1] = Text(out[-1].text + item.text, item.bold, item.italic)
                continue
        out.append(item)
    return out
