"""Read and write a translated booklet's memory (translation.yml): each passage, the source text it was translated from.

The memory sits in the translated booklet's folder, beside booklet.yml, so it travels with
the sources and survives every build. For each passage it keeps the translated file, the
source's file and line, a hash of the source text the translator saw (with its placeholders),
the translation as imported, and a hash of it as written, so `check` can find the passage
again after an editor moved it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

from booklet.problems import Problems
from booklet.sources.safe import readable, read_text
from booklet.translate.exchange import fingerprint
from booklet.translate.units import extract

MEMORY = "translation.yml"
HEADER = ("# Written by `booklet translate import`: the source passage each translated passage was made from.\n"
          "# `booklet check` compares it with the source to find passages out of step; do not edit it by hand.\n")


@dataclass(frozen=True)
class Remembered:
    """One translated passage and what it was translated from."""

    file: str                # in the translated booklet: about.md, booklet.yml
    line: int                # where it was written
    source: str              # the source's file, relative to the sources root
    source_line: int
    source_hash: str         # of the source text with placeholders, as the translator saw it
    target: str              # the translation with placeholders, as imported
    written: str             # hash of the Markdown written for it


@dataclass(frozen=True)
class Memory:
    translation_of: str
    language: str
    passages: dict[str, Remembered]

    def order(self) -> dict[str, list[str]]:
        """The passage ids of each translated file, in the order they were written."""
        files: dict[str, list[str]] = {}
        for uid, passage in self.passages.items():
            files.setdefault(passage.file, []).append(uid)
        return files


def memory_path(folder: Path) -> Path:
    return folder / MEMORY


def read_memory(folder: Path, root: Path, problems: Problems | None = None) -> Memory | None:
    """The memory, or None when there is none (or it cannot be read: noted in problems when given)."""
    path = memory_path(folder)
    if not readable(path, root):
        return None
    found = Problems()
    text = read_text(path, root, found)
    try:
        data = yaml.safe_load(text or "") or {}
        passages = {str(uid): Remembered(**entry) for uid, entry in (data.get("passages") or {}).items()}
        return Memory(str(data["translation_of"]), str(data.get("language", "")), passages)
    except (yaml.YAMLError, AttributeError, KeyError, TypeError) as exc:
        if problems is not None:
            problems.error(path, getattr(getattr(exc, "problem_mark", None), "line", 0) + 1,
                           f"{MEMORY} cannot be read ({exc.__class__.__name__}): import the translation again"
                           " to rewrite it")
        return None


def memory_text(memory: Memory) -> str:
    body = {"translation_of": memory.translation_of, "language": memory.language,
            "passages": {uid: asdict(p) for uid, p in memory.passages.items()}}
    return HEADER + yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=100)


def current_passages(folder: Path, root: Path, memory: Memory) -> dict[str, object]:
    """The translated booklet's passages as they are now, by source id: each file's passages are paired
    with the ids written there, in order, when an editor kept their number (else that file is left out)."""
    now = extract(folder, root)
    by_file: dict[str, list] = {}
    for passage in now.passages:
        name = "booklet.yml" if passage.path.name == "booklet.yml" and passage.path.parent == folder \
            else passage.path.name
        by_file.setdefault(name, []).append(passage)
    found = {}
    for name, ids in memory.order().items():
        passages = by_file.get(name, [])
        if len(passages) == len(ids):
            found.update(zip(ids, passages))
    return found


def edited(remembered: Remembered, now) -> bool:
    """Has an editor changed this passage by hand since it was imported?"""
    return now is not None and fingerprint(now.raw) != remembered.written
