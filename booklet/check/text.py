"""Split a section's Markdown into blocks of visible text (paragraphs, list items, headings, tables), each knowing its file lines."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from booklet.model import Section, SourceText

IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]*)(?:\s+\"(?P<title>[^\"]*)\")?\)(?:\{(?P<attrs>[^}]*)\})?")
LINK = re.compile(r"(?<!!)\[(?P<text>(?:[^\]\[]|\[[^\]]*\])*)\]\((?P<href>[^)\s]*)(?:\s+\"[^\"]*\")?\)")
AUTOLINK = re.compile(r"<(?P<href>(?:https?://|mailto:)[^>\s]+)>")
FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^(?P<marks>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
ITEM = re.compile(r"^(?P<indent>\s*)(?:[-*+]|\d{1,3}[.)])\s+(?P<text>.*)$")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
FOOTNOTE_DEF = re.compile(r"^\[\^[^\]]+\]:\s*")
DIRECTIVE = re.compile(r"^:::[ \t]*(?P<name>[A-Za-z][\w-]*)?[ \t]*(?P<arg>.*?)[ \t]*$")
IMAGE_LINE = re.compile(rf"^\s*{IMAGE.pattern}\s*$")


@dataclass(frozen=True)
class Block:
    """A run of Markdown lines that reads as one unit, with the visible text of each line."""

    kind: str                      # paragraph | item | heading | table | image | label | code
    path: Path
    line: int                      # the file line of its first line
    raw: tuple[str, ...]           # the Markdown as written
    visible: tuple[str, ...]       # the words a reader sees, line by line
    section: int                   # which section of the booklet it belongs to (0 is the first)
    level: int = 0                 # for headings: 2 for ##

    @property
    def text(self) -> str:
        return " ".join(part for part in self.visible if part)

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

    def raw_lines(self):
        """Each Markdown line with its file line number."""
        return ((self.line + index, text) for index, text in enumerate(self.raw))


def visible_text(markdown: str) -> str:
    """What a reader sees of one line of Markdown: link words kept, markup and pictures dropped."""
    text = IMAGE.sub("", markdown)
    text = LINK.sub(lambda m: m["text"], text)
    text = AUTOLINK.sub(lambda m: m["href"].removeprefix("mailto:"), text)
    text = re.sub(r"\[\^[^\]]+\]", "", text)                  # footnote references
    text = re.sub(r"\{\s*[:#.]?[\w-]+(?:=\S*)?(?:\s+[^}]*)?\}", "", text)  # attribute lists
    text = re.sub(r"`+", "", text)
    text = re.sub(r"\*\*|__|(?<![\w*])[*_](?=\S)|(?<=\S)[*_](?![\w*])", "", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return html.unescape(text).strip()


def section_blocks(sections: tuple[Section, ...], snippets: dict[str, SourceText]) -> tuple[Block, ...]:
    """Every block of a booklet in reading order; a snippet placed inline is read where it is placed."""
    blocks: list[Block] = []
    for index, section in enumerate(sections):
        blocks.extend(_blocks(section.body, section.path, section.body_line, index, snippets, depth=0))
    return tuple(blocks)


def _blocks(body: str, path: Path, first_line: int, section: int, snippets, depth: int) -> list[Block]:
    lines = body.split("\n")
    blocks: list[Block] = []
    current: dict | None = None

    def flush() -> None:
        nonlocal current
        if current is not None:
            blocks.append(Block(current["kind"], path, current["line"], tuple(current["raw"]),
                                tuple(current["visible"]), section, current.get("level", 0)))
        current = None

    def start(kind: str, number: int, raw: str, visible: str, **extra) -> None:
        nonlocal current
        flush()
        current = {"kind": kind, "line": number, "raw": [raw], "visible": [visible], **extra}

    fenced = False
    for index, line in enumerate(lines):
        number = first_line + index
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if FENCE.match(line):
            if fenced:
                current["raw"].append(line)
                current["visible"].append("")
                flush()
            else:
                start("code", number, line, "")
            fenced = not fenced
            continue
        if fenced:
            current["raw"].append(line)
            current["visible"].append("")
            continue
        if not line.strip():
            flush()
            continue
        if line.startswith(":::"):
            flush()
            match = DIRECTIVE.match(line.strip())
            name, arg = (match["name"] or "", match["arg"]) if match else ("", "")
            if name == "snippet" and arg in snippets and depth < 3:
                snippet = snippets[arg]
                blocks.extend(_blocks(snippet.body, snippet.path, snippet.body_line, section, snippets, depth + 1))
            elif name in ("note", "tip", "warning") and arg:
                start("label", number, line, visible_text(arg))
                flush()
            continue
        heading = HEADING.match(line)
        if heading:
            start("heading", number, line, visible_text(heading["text"]), level=len(heading["marks"]))
            flush()
            continue
        if current is not None and current["kind"] == "paragraph" and re.fullmatch(r"\s*(=+|-+)\s*", line):
            current.update(kind="heading", level=1 if "=" in line else 2)   # a setext heading
            current["raw"].append(line)
            current["visible"].append("")
            flush()
            continue
        if re.fullmatch(r"\s*([-*_])(\s*\1){2,}\s*", line):          # a rule (---), no text
            flush()
            continue
        if line.lstrip().startswith("|") or ("|" in line and TABLE_RULE.match(following)):
            cells = "   ".join(visible_text(cell) for cell in table_cells(line)) if not TABLE_RULE.match(line) else ""
            if current is not None and current["kind"] == "table":
                current["raw"].append(line)
                current["visible"].append(cells)
            else:
                start("table", number, line, cells)
            continue
        if IMAGE_LINE.match(line):
            image = IMAGE.search(line)
            start("image", number, line, visible_text(image["title"] or ""))
            flush()
            continue
        item = ITEM.match(line)
        if item:
            start("item", number, line, visible_text(item["text"]))
            continue
        footnote = FOOTNOTE_DEF.match(line)
        if footnote:
            start("paragraph", number, line, visible_text(line[footnote.end():]))
            continue
        text = visible_text(line.lstrip().removeprefix(">"))
        if current is not None and current["kind"] in ("paragraph", "item"):
            current["raw"].append(line)
            current["visible"].append(text)
        else:
            start("paragraph", number, line, text)
    flush()
    return blocks


def table_cells(row: str) -> list[str]:
    """The cells of one Markdown table row, as written."""
    row = row.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", row)]
