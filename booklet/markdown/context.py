"""What a section's Markdown may refer to, and where in its file each problem lies."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from booklet.model import Contact, SourceText
from booklet.problems import SOURCE, Problems


@dataclass(frozen=True)
class BookletLink:
    """How a `booklet:SLUG` link prints: the other booklet's title and its web address."""

    title: str
    url: str | None


@dataclass(frozen=True)
class MarkdownContext:
    """Everything one section's conversion may look up; nothing in it changes."""

    path: Path                      # the file the Markdown came from, for problems
    body_line: int                  # the file line of the body's first line
    root: Path                      # the sources root: images must lie inside it
    anchor: str                     # the section's id, prefixed to the ids inside it
    language: str
    region: str | None              # for reading local phone numbers
    contacts: dict[str, Contact]
    snippets: dict[str, SourceText]
    booklets: dict[str, BookletLink]
    depth: int = 0                  # snippet nesting, to stop a snippet including itself
    text_language: str | None = None    # the section's own language (`language:`), when not the booklet's
    organisation_language: str | None = None    # the language of the publisher's texts, when it says
    reads: set[Path] = field(default_factory=set, compare=False)   # files read, for the cache's key
    outline: list = field(default_factory=list, compare=False)     # constructs and their lines (positions.py)
    words: dict | None = field(default=None, compare=False)        # the booklet's fixed words, when resolved

    @property
    def written_in(self) -> str:
        """The language the section's text is in."""
        return self.text_language or self.language


@dataclass
class Locator:
    """Find the file line of a piece of text, moving forward through the body as it is read.

    Python-Markdown keeps no line numbers; the processors meet the text in document
    order, so searching forward from the last match finds the right occurrence.
    One Locator serves one conversion and is dropped with it.
    """

    path: Path
    first_line: int
    lines: list[str]
    problems: Problems
    cursor: dict[str, int] = field(default_factory=dict)

    def line(self, needle: str, *, stream: str = "block") -> int:
        start = self.cursor.get(stream, 0)
        for index in [*range(start, len(self.lines)), *range(0, start)]:
            if needle in self.lines[index]:
                self.cursor[stream] = index + 1
                return self.first_line + index
        return self.first_line

    def error(self, needle: str, message: str, *, stream: str = "block", rule: str = SOURCE) -> None:
        self.problems.error(self.path, self.line(needle, stream=stream), message, rule)

    def warning(self, needle: str, message: str, *, stream: str = "block", rule: str = SOURCE) -> None:
        self.problems.warning(self.path, self.line(needle, stream=stream), message, rule)
