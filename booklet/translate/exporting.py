"""Gather a booklet's passages for a translation file, with the targets a translated booklet already has and each one's state.

A passage whose source is unchanged since it was translated is `translated` with its target;
one whose source changed keeps its old target but is `initial` (PO: fuzzy), so a translator
sees just those; a new passage has no target.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from booklet.translate.blocks import Passage, Slot
from booklet.translate.exchange import State, fingerprint
from booklet.translate.inline import Code, _tokens
from booklet.translate.memory import current_passages, edited, read_memory
from booklet.translate.units import Extraction


@dataclass(frozen=True)
class Outgoing:
    passage: Passage
    where: str                     # the source's file (relative to the root) and line
    target: str | None
    state: State


def outgoing(source: Extraction, root: Path, translated: Path | None) -> list[tuple[str, list[Outgoing]]]:
    """The passages grouped by the file of the translated booklet they go in, in reading order."""
    memory = read_memory(translated, root) if translated is not None and translated.exists() else None
    now = current_passages(translated, root, memory) if memory else {}
    page_of = {"booklet.yml": []}
    for page in source.pages:
        page_of[page.name] = [part.unit for parts in page.lines for part in parts if isinstance(part, Slot)]
    found = source.by_id()
    groups = []
    for name, ids in page_of.items():
        ids = [p.id for p in source.passages if p.id.startswith("booklet.")] if name == "booklet.yml" else ids
        items = []
        for uid in ids:
            passage = found[uid]
            target, state = None, State.INITIAL
            before = memory.passages.get(uid) if memory else None
            if before is not None:
                target = before.target
                if edited(before, now.get(uid)):
                    target = remapped(now[uid], passage.codes) or target
                if before.source_hash == fingerprint(passage.text):
                    state = State.TRANSLATED
            items.append(Outgoing(passage, f"{_shown(passage.path, root)}:{passage.line}", target, state))
        groups.append((name, items))
    return groups


def remapped(now: Passage, codes: dict[str, Code]) -> str | None:
    """An editor's passage in placeholder text numbered as the source's: each of its pieces of markup
    matched to the source's same markup; None when they do not match one to one."""
    free = dict(codes)
    numbers = {}
    for number, code in now.codes.items():
        match = next((n for n, c in free.items() if (c.open, c.close) == (code.open, code.close)), None)
        if match is None:
            return None
        numbers[number] = match
        free.pop(match)
    if free:
        return None
    out, i = [], 0
    for token in _tokens(now.text):
        out.append(now.text[i:token.start()])
        out.append("{%s%s%s}" % (token[1], numbers[token[2]], token[3]))
        i = token.end()
    return "".join(out) + now.text[i:]


def _shown(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)
