"""Find a composed booklet's passages (section titles, paragraphs, list items, table cells, captions), each with its words and its source file and line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from booklet.model import Construct, Kind, Manifest

TEXT_BLOCKS = {"p", "li", "h2", "h3", "h4", "h5", "h6", "td", "th", "figcaption", "dt", "dd", "pre"}
HOLDERS = {"p", "ul", "ol", "table", "div", "aside", "pre", "blockquote", "dl", "figure"}
TEXT_KINDS = (Kind.PARAGRAPH, Kind.ITEM, Kind.HEADING, Kind.LABEL, Kind.CODE)


@dataclass(frozen=True)
class Passage:
    """One passage of the booklet as a reader meets it: its words, where it was written, and (in the
    document it was found in) its element, for the proof to mark."""

    path: Path                # the file it was written in (a section, or a shared snippet)
    line: int
    kind: str                 # the element's tag, or "title" for a section title
    text: str                 # its words, spaces made single
    element: object = None    # the lxml element, in the tree it was found in

    def where(self, root: Path) -> str:
        try:
            name = self.path.relative_to(root).as_posix()
        except ValueError:
            name = self.path.name
        return f"{name}:{self.line}"


def words_of(element, skip=()) -> str:
    """The element's words as read, without a nested list's (an item's own words only)."""
    parts = []

    def walk(node):
        if node is not element and (node.tag in skip or "proof-note" in (node.get("class") or "")):
            if node.tail:
                parts.append(node.tail)
            return
        if node.tag == "sup":                                  # a footnote mark is no word
            parts.append(node.tail or "")
            return
        parts.append(node.text or "")
        for child in node:
            walk(child)
        if node is not element:
            parts.append(node.tail or "")
    walk(element)
    return " ".join("".join(parts).split())


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def passages_of(tree, manifest: Manifest) -> list[Passage]:
    """Every passage of the sections, in reading order. Each section's HTML is laid in a
    `section.chapter` with the id `sec-<anchor>` (templates/booklet.html)."""
    found = []
    for section in manifest.sections:
        chapter = next(iter(tree.xpath(f"//section[@id='sec-{section.anchor}']")), None)
        if chapter is None:
            continue
        title = next(iter(chapter.xpath("./h1")), None)
        found.append(Passage(section.path, section.title_line, "title", section.title, title))
        found.extend(_section_passages(chapter, section))
    return found


def _section_passages(chapter, section) -> list[Passage]:
    locate = _Locator(section.outline, section.path, section.body_line)
    found = []
    for element in chapter.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "table":
            locate.table()
        if tag not in TEXT_BLOCKS or _in_panel(element):
            continue
        if "box-label" in (element.get("class") or ""):
            locate.block(words_of(element))             # the tool's word for the box ("Important"): no passage
            continue
        if tag == "li" and not (element.text or "").strip() and all(c.tag in HOLDERS for c in element):
            continue                                    # a loose item: its paragraphs are the passages
        text = words_of(element, skip=("ul", "ol", "table") if tag == "li" else ())
        if not text:
            continue
        path, line = locate.cell(element) if tag in ("td", "th") else \
            locate.caption() if tag == "figcaption" else locate.block(text)
        found.append(Passage(path, line, tag, text, element))
    return found


def _in_panel(element) -> bool:
    """A contact panel is the publisher's, from organisation.yml: not a passage of this section."""
    node = element
    while node is not None:
        if "contact-panel" in (node.get("class") or ""):
            return True
        node = node.getparent()
    return False


class _Locator:
    """Walks the section's outline (markdown/positions.py) in step with its HTML, giving each block its line."""

    def __init__(self, outline: tuple[Construct, ...], path: Path, first: int):
        self.blocks = [c for c in outline if c.kind in TEXT_KINDS]
        self.tables = [c for c in outline if c.kind is Kind.TABLE]
        self.figures = [c for c in outline if c.kind is Kind.IMAGE and c.alone and c.text]
        self.cursor, self.table_at, self.figure_at = 0, -1, 0
        self.path, self.last = path, first

    def block(self, text: str) -> tuple[Path, int]:
        key = _key(text)
        for index in range(self.cursor, len(self.blocks)):
            known = _key(self.blocks[index].text)
            if known and (key.startswith(known[:40]) or known.startswith(key[:40])):
                self.cursor = index + 1
                self.path, self.last = self.blocks[index].path, self.blocks[index].line
                return self.path, self.last
        return self.path, self.last                     # not found: the line of the one before

    def table(self) -> None:
        self.table_at += 1

    def cell(self, element) -> tuple[Path, int]:
        if not 0 <= self.table_at < len(self.tables):
            return self.path, self.last
        table = self.tables[self.table_at]
        row = element.getparent()
        rows = [r for r in row.getparent().getparent().iter("tr")] if row is not None else []
        index = rows.index(row) if row in rows else 0
        # The header row, then the |---| rule, then one line a row.
        self.path, self.last = table.path, table.line + index + (1 if index else 0)
        return self.path, self.last

    def caption(self) -> tuple[Path, int]:
        if self.figure_at < len(self.figures):
            figure = self.figures[self.figure_at]
            self.figure_at += 1
            self.path, self.last = figure.path, figure.line
        return self.path, self.last
