"""Write an imported Document's blocks as booklet sections: Markdown split at the top-level headings."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import yaml

from booklet.importer.model import (Break, Heading, Kind, Link, ListBlock, NoteRef, Omission, Paragraph, Picture,
                                    Table, Text, plain)
from booklet.markdown.links import slugify as heading_slug
from booklet.markdown.tables import MAX_COLUMNS
from booklet.sources.entries import _anchor as section_anchor

LINK_SCHEMES = ("http://", "https://", "mailto:", "tel:")
_ESCAPE = re.compile(r"([\\`*_\[\]{}])")
_LINE_START = re.compile(r"^(\s*)([#>+\-=:]|\d+[.)])")


@dataclass(frozen=True)
class SectionFile:
    name: str               # 01-about.md
    title: str
    text: str


def slugify(text: str, limit: int = 40) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > limit and slug:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug


def sections(blocks, notes: dict, fallback_title: str) -> tuple[list[SectionFile], list[Omission]]:
    """The section files, and what writing them changed (links kept as plain text, tables split), for the report."""
    top = min((b.level for b in blocks if isinstance(b, Heading)), default=1)
    groups: list[tuple[str, tuple, list]] = []
    for block in blocks:
        if isinstance(block, Heading) and block.level == top:
            groups.append((" ".join(plain(block.inlines).split()), block.anchors, []))
        else:
            if not groups:
                groups.append((fallback_title, (), []))
            groups[-1][2].append(block)
    stems: list[str] = []
    for number, (title, _, _) in enumerate(groups, start=1):
        stem = f"{number:02d}-{slugify(title) or 'section'}"
        while stem in stems:
            stem += "-2"
        stems.append(stem)
    writer = _Writer(notes, top)
    writer.place(groups, stems, [*blocks, *(b for note in notes.values() for b in note)])
    files = []
    for stem, (title, _, body) in zip(stems, groups):
        front = yaml.safe_dump({"title": title}, allow_unicode=True, width=10_000, sort_keys=False)
        writer.title = title
        files.append(SectionFile(f"{stem}.md", title, f"---\n{front}---\n\n" + writer.section(body)))
    return files, writer.changed


class _Writer:
    def __init__(self, notes: dict, top: int):
        self.notes, self.top, self.number = notes, top, 0
        self.changed: list[Omission] = []
        self.title = ""
        self.targets: dict[str, str] = {}       # a bookmark's or an element's name -> the booklet's id for it
        self.heading_ids: dict[int, str] = {}   # id() of a heading below a section's title -> its {#id}

    def place(self, groups, stems, blocks) -> None:
        """Where each link inside the document leads: a section's title is #s-FILE; a heading inside a section
        linked to is given its own {#id}, from its words."""
        wanted = {link.href[1:] for link in _links(blocks) if link.href.startswith("#")}
        used = {section_anchor(stem) for stem in stems}
        for stem, (_, anchors, body) in zip(stems, groups):
            self.targets.update({name: section_anchor(stem) for name in anchors if name in wanted})
            for heading in (b for b in body if isinstance(b, Heading) and wanted.intersection(b.anchors)):
                base = heading_slug(plain(heading.inlines))
                chosen, n = base, 2
                while chosen in used:
                    chosen, n = f"{base}-{n}", n + 1
                used.add(chosen)
                self.heading_ids[id(heading)] = chosen
                self.targets.update({a: chosen for a in heading.anchors if a in wanted})

    def section(self, body) -> str:
        self.pending: list[tuple[int, str]] = []
        self.level = 1
        parts = [self.block(b, "") for b in body]
        text = "\n\n".join(p for p in parts if p)
        while self.pending:               # notes may hold notes' marks
            number, key = self.pending.pop(0)
            note = [self.block(b, "    ") for b in self.notes.get(key, ())]
            note = [n for n in note if n] or [""]
            text += f"\n\n[^{number}]: " + note[0].lstrip() + "".join(f"\n\n{n}" for n in note[1:])
        return text.rstrip() + "\n"

    def block(self, block, indent: str) -> str:
        if isinstance(block, Heading):
            level = min(block.level - self.top + 1, self.level + 1, 6)   # never skip a level
            self.level = max(level, 2)
            own = f" {{#{self.heading_ids[id(block)]}}}" if id(block) in self.heading_ids else ""
            return indent + "#" * self.level + " " + self.inline(block.inlines).strip() + own
        if isinstance(block, Paragraph):
            return indent + _line_start(self.inline(block.inlines).strip())
        if isinstance(block, ListBlock):
            return self.listing(block, indent)
        if isinstance(block, Table):
            return self.table(block, indent)
        return ""

    def listing(self, block: ListBlock, indent: str) -> str:
        lines = []
        for number, item in enumerate(block.items, start=block.start):
            marker = f"{number}. " if block.ordered else "- "
            first, rest = True, []
            head = ""
            for part in item:
                if first and isinstance(part, Paragraph):
                    head = _line_start(self.inline(part.inlines).strip())
                else:
                    rest.append(self.block(part, indent + "    "))
                first = False
            lines.append(indent + marker + head)
            lines.extend(r for r in rest if r)
        return "\n".join(lines)

    def table(self, block: Table, indent: str) -> str:
        rows = [[self.inline(cell, table=True).strip() for cell in row] for row in block.rows]
        rows = [row for row in rows if any(row)]      # an empty row carries nothing, and cannot head the table
        if not rows or not rows[0]:
            return ""
        width = len(rows[0])
        if width <= MAX_COLUMNS:
            return _pipe_table(rows, indent)
        # Too wide for a page at the minimum text size: the rule's own advice, split, each part led by the first
        # column (what each row is about).
        parts = -(-(width - 1) // (MAX_COLUMNS - 1))
        size = -(-(width - 1) // parts)
        spans = [range(1 + i * size, min(width, 1 + (i + 1) * size)) for i in range(parts)]
        self.changed.append(Omission(Kind.OTHER, f"a table under '{self.title}'", f"its {width} columns are more than"
                                     f" a page holds ({MAX_COLUMNS}): split into {parts} tables, each led by its first"
                                     f" column ({', '.join(f'columns 1 and {s[0] + 1}-{s[-1] + 1}' for s in spans)})"))
        return "\n\n".join(_pipe_table([[row[0], *(row[c] for c in span)] for row in rows], indent) for span in spans)

    def inline(self, inlines, table: bool = False) -> str:
        out = []
        for item in inlines:
            if isinstance(item, Text):
                out.append(_emphasis(_escape(item.text, table), item.bold, item.italic))
            elif isinstance(item, Break):
                out.append("<br>")
            elif isinstance(item, Link):
                words = self.inline(item.children, table).strip()
                if item.href.startswith("#") and item.href[1:] in self.targets:
                    out.append(f"[{words}](#{self.targets[item.href[1:]]})")
                elif item.href.startswith("#"):
                    self.changed.append(Omission(Kind.OTHER, item.where or "a link", "a link to a place inside the"
                                                 f" document that is not a heading ('{item.href[1:]}'), kept as plain"
                                                 f" text: '{plain(item.children).strip()}'"))
                    out.append(words)
                elif item.href.lower().startswith(LINK_SCHEMES):
                    out.append(f"[{words or _escape(item.href, table)}]({_address(item.href)})")
                else:
                    self.changed.append(Omission(Kind.OTHER, "a link", "not a web, email or phone address, kept as"
                                                 f" plain text: {item.href} ({plain(item.children).strip() or 'no words'})"))
                    out.append(words)
            elif isinstance(item, Picture) and item.name:
                out.append(f"![{_escape(' '.join(item.alt.split()), table)}](images/{item.name})")
            elif isinstance(item, NoteRef):
                self.number += 1
                self.pending.append((self.number, item.key))
                out.append(f"[^{self.number}]")
        return "".join(out)


def _links(blocks):
    """Every link in some blocks, in lists, tables and links' words too."""
    for block in blocks:
        if isinstance(block, ListBlock):
            yield from _links(b for item in block.items for b in item)
            continue
        inlines = [i for row in block.rows for cell in row for i in cell] if isinstance(block, Table) else \
            getattr(block, "inlines", ())
        for item in inlines:
            if isinstance(item, Link):
                yield item
                yield from _links([Paragraph(item.children)])


def _pipe_table(rows: list[list[str]], indent: str) -> str:
    out = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    out += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(indent + line for line in out)


def _escape(text: str, table: bool) -> str:
    text = text.replace("\u00ad", "").replace("\t", " ").replace("\n", " ")
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    text = _ESCAPE.sub(r"\\\1", text)
    return text.replace("|", "\\|") if table else text


def _emphasis(text: str, bold: bool, italic: bool) -> str:
    if not (bold or italic) or not text.strip():
        return text
    core = text.strip()
    lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    mark = "***" if bold and italic else "**" if bold else "*"
    return f"{lead}{mark}{core}{mark}{trail}"


def _line_start(text: str) -> str:
    """A paragraph that would start a heading, list, quote or box is kept as words."""
    match = _LINE_START.match(text)
    if not match:
        return text
    mark = match.group(2)
    escaped = mark.replace(".", "\\.").replace(")", "\\)") if mark[0].isdigit() else \
        "&#58;" if mark == ":" else "&#61;" if mark == "=" else "\\" + mark
    return text[:match.start(2)] + escaped + text[match.end(2):]


def _address(href: str) -> str:
    return href.strip().replace(" ", "%20").replace("(", "%28").replace(")", "%29")
