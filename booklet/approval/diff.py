"""Compare two editions' passages: which passages were changed, inserted or deleted, and within a changed one, which words."""

from __future__ import annotations

import difflib
import enum
import re
from dataclasses import dataclass

from booklet.approval.passages import Passage

SAME_PASSAGE = 0.4          # below this likeness, an old and a new passage are two edits, not one


class Edit(enum.StrEnum):
    """What happened to a passage, in the word the proof prints beside it."""

    CHANGED = "changed"
    INSERTED = "inserted"
    DELETED = "deleted"


@dataclass(frozen=True)
class Run:
    """A run of words in a changed passage: kept, inserted or deleted."""

    words: str
    edit: Edit | None = None        # None: the same in both


@dataclass(frozen=True)
class Change:
    edit: Edit
    old: Passage | None             # None when inserted
    new: Passage | None             # None when deleted
    runs: tuple[Run, ...] = ()      # a changed passage's words
    after: Passage | None = None    # a deleted passage: the new passage it came after (None: at the start)

    @property
    def before_text(self) -> str:
        return self.old.text if self.old else ""

    @property
    def after_text(self) -> str:
        return self.new.text if self.new else ""


def changes(old: list[Passage], new: list[Passage]) -> list[Change]:
    """Passage by passage (the same words in the same order match), then word by word within the
    passages that take one another's place; in the order of the new edition."""
    found: list[Change] = []
    matcher = difflib.SequenceMatcher(None, [p.text for p in old], [p.text for p in new], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        before = new[j1 - 1] if j1 else None
        gone, came = old[i1:i2], new[j1:j2]
        paired = min(len(gone), len(came)) if op == "replace" else 0
        for k in range(paired):
            if _likeness(gone[k].text, came[k].text) >= SAME_PASSAGE:
                found.append(Change(Edit.CHANGED, gone[k], came[k], word_runs(gone[k].text, came[k].text)))
            else:
                found.append(Change(Edit.DELETED, gone[k], None, after=came[k - 1] if k else before))
                found.append(Change(Edit.INSERTED, None, came[k]))
        last = came[paired - 1] if paired else before
        found.extend(Change(Edit.DELETED, p, None, after=last) for p in gone[paired:])
        found.extend(Change(Edit.INSERTED, None, p) for p in came[paired:])
    return found


def _likeness(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def word_runs(old: str, new: str) -> tuple[Run, ...]:
    """The new passage's words with the old one's deleted words in place: runs of kept, deleted and
    inserted words (punctuation stays with its word, as it is read)."""
    a, b = re.findall(r"\S+", old), re.findall(r"\S+", new)
    runs = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            runs.append(Run(" ".join(b[j1:j2])))
            continue
        if i2 > i1:
            runs.append(Run(" ".join(a[i1:i2]), Edit.DELETED))
        if j2 > j1:
            runs.append(Run(" ".join(b[j1:j2]), Edit.INSERTED))
    return tuple(runs)


def shortened(text: str, limit: int = 90) -> str:
    """A passage in short, for the list of changes: its first words, then an ellipsis."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def summary(run_list: tuple[Run, ...], limit: int = 90, lead_words: int = 4) -> tuple[str, str]:
    """(before, after) of a changed passage in short: from a few words before its first edit."""
    first = next((i for i, r in enumerate(run_list) if r.edit is not None), 0)
    lead = ""
    if first:
        kept = run_list[first - 1].words.split()
        lead = ("… " if len(kept) > lead_words or first > 1 else "") + " ".join(kept[-lead_words:]) + " "
    rest = run_list[first:]
    old = lead + " ".join(r.words for r in rest if r.edit is not Edit.INSERTED)
    new = lead + " ".join(r.words for r in rest if r.edit is not Edit.DELETED)
    return shortened(old, limit), shortened(new, limit)
