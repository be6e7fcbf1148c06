"""The frozen form of a translation file as read back (XLIFF or PO alike), and the hash that ties a passage to its source."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum

from booklet.translate.inline import Code, plain


class State(StrEnum):
    """Where a unit stands: XLIFF 2's segment states (a PO entry is fuzzy when initial)."""

    INITIAL = "initial"            # not translated, or its source changed since it was
    TRANSLATED = "translated"
    REVIEWED = "reviewed"
    FINAL = "final"


@dataclass(frozen=True)
class Entry:
    """One unit of a translation file: its source with placeholders and the translator's target."""

    id: str
    where: str                      # the source's file (relative to the sources root) and line, "slug/about.md:5"
    line: int                       # its line in the translation file, for problems
    source: str
    target: str | None
    codes: dict[str, Code] = field(default_factory=dict, compare=False)
    state: State = State.INITIAL


@dataclass(frozen=True)
class Document:
    """A translation file: which booklet, from and to which language, and its units in order."""

    slug: str
    source_language: str
    target_language: str
    entries: tuple[Entry, ...]


def fingerprint(text: str) -> str:
    """A short hash of a passage's words and placeholders, spacing aside: what 'the same source' means."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def legend(codes: dict[str, Code]) -> str:
    """What each placeholder stands for, in words a translator can use."""
    parts = []
    for number, code in codes.items():
        shape = f"{{{number}}}…{{/{number}}}" if code.paired else f"{{{number}/}}"
        what = {"bold": "bold", "italic": "italics", "link": f"a link ({code.close[2:-1] if code.close else ''})",
                "span": f"marked words {code.close[1:] if code.close else ''}", "code": f"code {code.open}",
                "footnote": "a footnote mark", "break": "a line break", "image": "a picture"}.get(
            code.kind, code.open)
        parts.append(f"{shape} {what}")
    return "Placeholders (keep each one; you may move them): " + "; ".join(parts) if parts else ""


__all__ = ["Code", "Document", "Entry", "State", "fingerprint", "legend", "plain"]
