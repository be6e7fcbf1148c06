"""The document as read from Word or HTML, before it is written as Markdown: frozen blocks and inlines."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


@dataclass(frozen=True)
class Text:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Link:
    href: str               # an address, or "#name" for a place in the document (a bookmark, an element's id)
    children: tuple  # of Text
    where: str | None = None   # for a place in the document: where the link was, should it lead nowhere


@dataclass(frozen=True)
class Picture:
    name: str | None        # the file written under images/, or None when it could not be brought in
    alt: str


@dataclass(frozen=True)
class NoteRef:
    key: str                # the note's key in Document.notes


@dataclass(frozen=True)
class Break:
    """A line break inside a paragraph (a table cell keeps it as <br>)."""


@dataclass(frozen=True)
class Heading:
    level: int
    inlines: tuple
    anchors: tuple = ()     # the names a link inside the document may give it (bookmarks, ids)


@dataclass(frozen=True)
class Paragraph:
    inlines: tuple


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    items: tuple            # each item a tuple of blocks (paragraphs and nested lists)
    start: int = 1


@dataclass(frozen=True)
class Table:
    rows: tuple             # each row a tuple of cells, each cell a tuple of inlines; the first row heads


class Kind(Enum):
    """What could not be brought in, as the report names it."""

    TRACKED_CHANGE = "tracked change"
    COMMENT = "comment"
    TEXT_BOX = "text box"
    SHAPE = "shape"
    EMBEDDED_OBJECT = "embedded object"
    EQUATION = "equation"
    PICTURE = "picture"
    HEADER_FOOTER = "header or footer"
    LANGUAGE = "language"
    LEFT_OUT = "left out"
    OTHER = "other"


@dataclass(frozen=True)
class Omission:
    kind: Kind
    where: str              # "paragraph 12, under 'Side effects'"
    detail: str


@dataclass(frozen=True)
class Document:
    title: str | None
    language: str | None
    blocks: tuple
    notes: dict = field(default_factory=dict)        # key -> tuple of blocks
    pictures: dict = field(default_factory=dict)     # file name -> bytes
    omissions: tuple = ()
    changes: tuple = ()     # tracked changes found, as Omissions (refused unless decided)


class Where:
    """Counts paragraphs and remembers the last heading, to say where each thing was."""

    def __init__(self) -> None:
        self.paragraph = 0
        self.heading: str | None = None

    def __str__(self) -> str:
        under = f", under '{self.heading}'" if self.heading else ", before the first heading"
        return f"paragraph {self.paragraph}{under}"


def plain(inlines) -> str:
    """The words of some inlines, without formatting."""
    out = []
    for item in inlines:
        if isinstance(item, Text):
            out.append(item.text)
        elif isinstance(item, Link):
            out.append(plain(item.children))
        elif isinstance(item, Break):
            out.append(" ")
    return "".join(out)
