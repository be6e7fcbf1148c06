"""Gather what the rules read from the positions the renderer's own parse recorded: blocks of visible text and constructs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from booklet.model import Construct, Kind, Section

TEXT_KINDS = (Kind.PARAGRAPH, Kind.ITEM, Kind.HEADING, Kind.TABLE, Kind.LABEL, Kind.IMAGE, Kind.CODE)


@dataclass(frozen=True)
class Block:
    """A run of Markdown lines that reads as one unit, with the visible text of each line."""

    kind: Kind
    path: Path
    line: int                      # the file line of its first line
    visible: tuple[str, ...]       # the words a reader sees, line by line
    section: int                   # which section of the booklet it belongs to (0 is the first)
    level: int = 0                 # for headings: 2 for ##
    plain: tuple[str, ...] = ()    # the visible words outside links and code, line by line
    own: tuple[str, ...] = ()      # `visible` with phrases in another language blanked out (empty: none)
    language: str = ""             # the language it is written in (its section's)

    @property
    def text(self) -> str:
        return " ".join(part for part in self.visible if part)

    @property
    def own_text(self) -> str:
        """The text without its phrases in another language, aligned with `text` character for character."""
        own = self.own or self.visible
        return " ".join(o for o, part in zip(own, self.visible) if part)

    def line_at(self, offset: int) -> int:
        """The file line holding a character of `text`."""
        position = 0
        for index, part in enumerate(self.visible):
            if not part:
                continue
            position += len(part) + 1
            if offset < position:
                return self.line + index
        return self.line + len(self.visible) - 1


def section_blocks(sections: tuple[Section, ...]) -> tuple[Block, ...]:
    """Every block of a booklet, section by section; a snippet placed inline is read where it is placed."""
    return tuple(Block(c.kind, c.path, c.line, c.lines, index, c.level, c.plain, c.own, c.language)
                 for index, section in enumerate(sections) for c in section.outline if c.kind in TEXT_KINDS)


def constructs(sections: tuple[Section, ...], *kinds: Kind) -> list[tuple[int, Construct]]:
    """Each construct of the given kinds, with the index of its section."""
    return [(index, c) for index, section in enumerate(sections) for c in section.outline if c.kind in kinds]
