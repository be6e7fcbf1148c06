"""The frozen objects passed from reading the sources to composing and rendering a booklet."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


@dataclass(frozen=True)
class Contact:
    """A contact panel: a helpline, a service, a place; printed as written."""

    id: str
    title: str
    phone: str | None = None
    phone_note: str | None = None
    email: str | None = None
    website: str | None = None
    hours: str | None = None
    text: str | None = None
    address: str | None = None


@dataclass(frozen=True)
class Feedback:
    """How readers tell the publisher what they think."""

    text: str | None = None
    url: str | None = None
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Organisation:
    name: str
    website: str
    feedback: Feedback
    contacts: dict[str, Contact]
    logo: Path | None = None
    country: str | None = None     # ISO 3166 region for local phone numbers, like IE
    language: str | None = None    # the language its texts (contacts, feedback) are in; None: each booklet's


@dataclass(frozen=True)
class PartialDate:
    """A publication date written YYYY-MM or YYYY-MM-DD."""

    year: int
    month: int
    day: int | None = None

    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, self.day or 1)


@dataclass(frozen=True)
class Reviewer:
    role: str
    name: str | None = None


@dataclass(frozen=True)
class Review:
    reviewed: dt.date
    next: dt.date
    reviewers: tuple[Reviewer, ...]


@dataclass(frozen=True)
class Related:
    """Another booklet readers may want: by slug (one of ours) or by title and address."""

    title: str
    url: str | None = None
    slug: str | None = None


@dataclass(frozen=True)
class Version:
    """One language version of a booklet: the source or a translation of it (`translation_of:`)."""

    slug: str
    language: str
    title: str
    web: bool = True                 # it has a web edition to link to


@dataclass(frozen=True)
class SourceText:
    """A Markdown file after its front matter is read: fields plus body with its first line."""

    path: Path
    title: str | None
    short_title: str | None
    body: str
    body_line: int
    title_line: int = 1      # the line of `title:` in the front matter
    language: str | None = None      # `language:` in the front matter: the text is in another language


class Kind(StrEnum):
    """What a construct of a section's Markdown is (markdown/positions.py records them)."""

    PARAGRAPH = "paragraph"
    ITEM = "item"
    HEADING = "heading"
    TABLE = "table"
    LABEL = "label"
    IMAGE = "image"
    CODE = "code"
    LINK = "link"
    REFERENCE = "reference"          # a reference definition: [id]: address


@dataclass(frozen=True)
class Construct:
    """One thing in a section's Markdown, at its file and line."""

    kind: Kind
    path: Path
    line: int
    text: str = ""                   # the words a reader sees (link words, alt text, heading words)
    target: str = ""                 # a link's address or a picture's file, as written
    level: int = 0                   # a heading's level
    lines: tuple[str, ...] = ()      # a text block's visible words, line by line from `line`
    plain: tuple[str, ...] = ()      # the same without links and code: what a reader sees as typed
    attrs: tuple[tuple[str, str], ...] = ()   # an image's attributes ({decorative}, width=...)
    own: tuple[str, ...] = ()        # `lines` with phrases in another language blanked out (empty: none)
    language: str = ""               # the language the block is written in
    alone: bool = False              # an image on a line of its own (a figure)
    depth: int = 0                   # snippet nesting: 0 is the section's own file


@dataclass(frozen=True)
class Section:
    """One section: its title, its Markdown body and where that body starts in its file."""

    path: Path
    title: str
    short_title: str
    body: str
    body_line: int
    number: int | None = None
    anchor: str = ""
    html: str = ""           # the body as HTML, once the Markdown is converted
    outline: tuple[Construct, ...] = ()      # what the conversion met, each at its file and line
    title_line: int = 1      # the line of `title:` in the front matter
    language: str | None = None      # the section's own language (`language:`), when not the booklet's


class PdfxStandard(StrEnum):
    """The PDF/X standards a print file can meet: the word in `print: standard:`, its name and PDF version."""

    X4 = "pdf/x-4"
    X1A = "pdf/x-1a"

    @property
    def title(self) -> str:
        return {"pdf/x-4": "PDF/X-4", "pdf/x-1a": "PDF/X-1a:2003"}[self.value]

    @property
    def pdf_version(self) -> str:
        return {"pdf/x-4": "1.6", "pdf/x-1a": "1.4"}[self.value]

    @property
    def transparency(self) -> bool:
        """X-1a allows none: the DRAFT mark is drawn opaque, under the text."""
        return self is not PdfxStandard.X1A


@dataclass(frozen=True)
class PrintSettings:
    """How the print shop's file is made: `print:` in booklet.yml, every key optional."""

    bleed_mm: float = 3.0
    crop_marks: bool = True
    standard: PdfxStandard = PdfxStandard.X4
    profile: Path | None = None            # the printer's own CMYK ICC profile, if they sent one
    qr: bool = True                        # a QR code to the `online:` address on the back cover


@dataclass(frozen=True)
class Manifest:
    """A booklet as its manifest declares it, with the sections read and ordered."""

    slug: str
    folder: Path
    title: str
    language: str
    reference: str
    status: str
    published: PartialDate
    review: Review
    evidence: str
    contacts: tuple[str, ...]
    numbered: bool
    sections: tuple[Section, ...]
    variants: tuple[str, ...]
    subtitle: str | None = None
    based_on: str | None = None
    online: str | None = None
    related: tuple[Related, ...] = ()
    printing: PrintSettings = PrintSettings()
    translation_of: str | None = None      # the slug of the booklet this one translates
    versions: tuple[Version, ...] = ()     # every language version, itself included (source first); () alone
    reads: tuple[Path, ...] = ()           # files outside its folder it is made from (snippets, pictures...)
    # Its fixed words, from the package's catalogue and the sources' own (booklet/sources/strings.py).
    words: Mapping[str, object] = field(default_factory=dict, compare=False)

    @property
    def draft(self) -> bool:
        return self.status == "draft"


@dataclass(frozen=True)
class Library:
    """Everything under one sources root that a build needs: read once, then rendered."""

    root: Path
    organisation: Organisation
    snippets: dict[str, SourceText]
    booklets: dict[str, Manifest]
