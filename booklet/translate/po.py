"""Write a booklet's passages as a gettext PO file (polib), and read one back into a Document.

Each passage is one entry: its id as msgctxt, its source file and line as the `#:` reference,
its note and what each numbered placeholder stands for as `#.` comments; a passage whose
source changed since it was translated is fuzzy. The placeholders' markup is kept in a
`#.` line too, so the import rebuilds the Markdown from the file alone.
"""

from __future__ import annotations

import json
from pathlib import Path

import polib

from booklet.problems import Problems
from booklet.translate.exchange import Document, Entry, State, legend
from booklet.translate.inline import Code

MARKUP = "markup:"   # then JSON without spaces, so a tool that rewraps comments cannot change it


def write_po(groups, slug: str, source_language: str, target_language: str) -> bytes:
    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Project-Id-Version": slug, "Language": target_language, "MIME-Version": "1.0",
                   "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit",
                   "X-Source-Language": source_language, "X-Booklet": slug}
    for _, items in groups:
        for item in items:
            passage = item.passage
            comments = [c for c in (passage.note, legend(passage.codes)) if c]
            if passage.codes:
                markup = json.dumps({n: [c.kind, c.open, c.close] for n, c in passage.codes.items()},
                                    ensure_ascii=False, separators=(",", ":"))
                comments.append(MARKUP + markup.replace(" ", "\\u0020"))
            where, _, line = item.where.rpartition(":")
            entry = polib.POEntry(msgctxt=passage.id, msgid=passage.text, msgstr=item.target or "",
                                  occurrences=[(where, line)], comment="\n".join(comments))
            if item.target is not None and item.state == State.INITIAL:
                entry.flags.append("fuzzy")
            po.append(entry)
    return str(po).encode("utf-8")


def read_po(path: Path, problems: Problems) -> Document | None:
    try:
        po = polib.pofile(str(path), wrapwidth=0)
    except (OSError, ValueError) as exc:
        problems.error(path, 1, f"this is not a readable PO file: {exc}")
        return None
    entries = []
    for item in po:
        if item.obsolete:
            continue
        if not item.msgctxt:
            problems.error(path, item.linenum, "this entry has no msgctxt (the unit's id): export the file again")
            continue
        codes: dict[str, Code] = {}
        comment = item.comment or ""
        if MARKUP in comment:
            markup = comment[comment.index(MARKUP) + len(MARKUP):].replace("\n", "")
            if markup:
                try:
                    codes = {n: Code(k, o, c) for n, (k, o, c) in json.loads(markup).items()}
                except (ValueError, TypeError):
                    problems.error(path, item.linenum, f"unit {item.msgctxt}: its '#. markup:' comment is damaged;"
                                   " export the file again")
        where = ":".join(item.occurrences[0]) if item.occurrences else ""
        state = State.INITIAL if "fuzzy" in item.flags or not item.msgstr else State.TRANSLATED
        entries.append(Entry(item.msgctxt, where, item.linenum, item.msgid, item.msgstr or None, codes, state))
    meta = po.metadata
    return Document(meta.get("X-Booklet", ""), meta.get("X-Source-Language", ""), meta.get("Language", ""),
                    tuple(entries))
