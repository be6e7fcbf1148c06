"""Split a section's Markdown into translatable passages at their lines, and the skeleton that holds them.

Each line of a section becomes a template: literal Markdown (list markers, table pipes,
directives, picture addresses, blank lines) and slots, each slot one passage to translate.
Writing the templates with the translations in the slots gives the translated section with
the same structure as its source, so it renders the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from booklet.translate.inline import Code, tokenize

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
DIRECTIVE = re.compile(r"^(\s*:::[ \t]*)(note|tip|warning|snippet|contact)?([ \t]*)(.*?)\s*$")
HEADING = re.compile(r"^(#{1,6}[ \t]+)(.*?)([ \t]*\{[^}]*\})?([ \t]*#*[ \t]*)$")
ITEM = re.compile(r"^(\s*(?:[-*+]|\d{1,9}[.)])[ \t]+)(.*)$")
FOOTNOTE = re.compile(r"^(\[\^[^\]]+\]:[ \t]*)(.*)$")
ABBREVIATION = re.compile(r"^(\*\[([^\]]+)\]:[ \t]*)(.*)$")
REFERENCE = re.compile(r"^\s{0,3}\[[^\]^][^\]]*\]:\s*\S")
DEFINITION = re.compile(r"^(:[ \t]+)(.*)$")
QUOTE = re.compile(r"^(\s*>[ \t]?)(.*)$")
IMAGE = re.compile(r'^(\s*!\[)(.*)(\]\()([^)\s]*)((?:\s+"(.*)")?)(\))(\{[^}]*\})?\s*$')
CREDIT = re.compile(r'(credit=")([^"]*)(")')
DELIMITER = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-*:?\s*)*\|?\s*$")
HR = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
NOTES = {"alt": "Alt text: what a screen reader says instead of the picture ({target}); describe what it shows",
         "caption": "Caption printed under the picture ({target})", "credit": "Picture credit ({target})",
         "label": "The label of a highlighted box", "fn": "A footnote", "td": "A table cell",
         "th": "A table's header cell", "abbr": "The spelled-out form of the abbreviation {target}",
         "h": "A heading", "dd": "A definition in a list of terms", "q": "A quotation"}


@dataclass(frozen=True)
class Slot:
    """Where a passage goes in a line, and how its text is written there."""

    unit: str
    how: str = "md"               # md: inline Markdown; attr: inside "quotes"; yaml: a YAML value


@dataclass(frozen=True)
class Passage:
    """One piece of text to translate, as the source has it."""

    id: str
    kind: str
    path: Path
    line: int
    raw: str                       # the Markdown as written
    text: str                      # with placeholders
    codes: dict[str, Code] = field(default_factory=dict, compare=False)
    note: str = ""


@dataclass
class Walk:
    """The passages and line templates of one section file, gathered as its lines are read."""

    prefix: str
    path: Path
    snippets: dict                 # id -> SourceText, for `::: snippet ID` placed inline
    depth: int = 0
    passages: list[Passage] = field(default_factory=list)
    lines: list[tuple] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def slot(self, kind: str, raw: str, line: int, how: str = "md", target: str = "") -> Slot | str:
        """A passage of this kind at this line, or the raw text itself when there is nothing to translate."""
        if not raw.strip():
            return raw
        self.counts[kind] = self.counts.get(kind, 0) + 1
        once = kind in ("title", "short") and self.counts[kind] == 1       # a file has one title
        unit = f"{self.prefix}.{kind}" + ("" if once else str(self.counts[kind]))
        if how == "md":
            text, codes = tokenize(raw)
            text = text.replace("\n", " ")
        else:
            text, codes = raw.replace("{", "{{").replace("}", "}}"), {}
        note = NOTES.get(kind, "").format(target=target)
        self.passages.append(Passage(unit, kind, self.path, line, raw, text, codes, note))
        return Slot(unit, how)


def walk_body(walk: Walk, lines: list[str], first_line: int) -> None:
    """Read a Markdown body line by line into the walk's passages and templates."""
    i = 0
    while i < len(lines):
        line, number = lines[i], first_line + i
        i += 1
        if not line.strip() or REFERENCE.match(line) or HR.match(line):
            walk.lines.append((line,))
        elif FENCE.match(line):
            fence = FENCE.match(line)[1]
            walk.lines.append((line,))
            while i < len(lines):
                walk.lines.append((lines[i],))
                i += 1
                if lines[i - 1].strip().startswith(fence):
                    break
        elif DIRECTIVE.match(line):
            _directive(walk, DIRECTIVE.match(line), line, number)
        elif HEADING.match(line):
            m = HEADING.match(line)
            walk.lines.append((m[1], walk.slot("h", m[2], number), m[3] or "", m[4]))
        elif "|" in line and i < len(lines) and DELIMITER.match(lines[i]) and "-" in lines[i]:
            i = _table(walk, lines, i - 1, first_line)
        elif IMAGE.match(line):
            _image(walk, IMAGE.match(line), number)
        else:
            i = _text_block(walk, lines, i - 1, first_line)


def _directive(walk: Walk, m: re.Match, line: str, number: int) -> None:
    name, arg = m[2] or "", m[4]
    if name in ("note", "tip", "warning") and arg:
        walk.lines.append((m[1] + name + m[3], walk.slot("label", arg, number)))
    elif name == "snippet" and arg in walk.snippets and walk.depth < 3:
        text = walk.snippets[arg]
        walk.counts["snippet"] = walk.counts.get("snippet", 0) + 1
        inner = Walk(f"{walk.prefix}.{arg}-{walk.counts['snippet']}", text.path, walk.snippets, walk.depth + 1)
        walk_body(inner, text.body.split("\n"), text.body_line)
        walk.passages.extend(inner.passages)
        walk.lines.extend(inner.lines)
    else:
        walk.lines.append((line,))


def _image(walk: Walk, m: re.Match, number: int) -> None:
    target = m[4]
    alt = walk.slot("alt", m[2], number, target=target)
    parts = [m[1], alt, m[3], m[4]]
    if m[5]:
        title_at = m[5].index('"')
        parts += [m[5][:title_at + 1], walk.slot("caption", m[6], number, "attr", target), '"']
    parts.append(m[7])
    attrs = m[8] or ""
    credit = CREDIT.search(attrs)
    if credit:
        parts += [attrs[:credit.start(2)], walk.slot("credit", credit[2], number, "attr", target),
                  attrs[credit.end(2):]]
    else:
        parts.append(attrs)
    walk.lines.append(tuple(parts))


def _cells(row: str) -> list[str]:
    """A table row's cells, split at pipes outside code and escapes."""
    body = row.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    cells, current, code = [], "", False
    for j, c in enumerate(body):
        if c == "`":
            code = not code
        if c == "|" and not code and (j == 0 or body[j - 1] != "\\"):
            cells.append(current)
            current = ""
        else:
            current += c
    return [*cells, current]


def _table(walk: Walk, lines: list[str], start: int, first_line: int) -> int:
    i = start
    while i < len(lines) and lines[i].strip() and "|" in lines[i]:
        number = first_line + i
        if i == start + 1:
            walk.lines.append((lines[i],))
        else:
            parts: list = ["|"]
            for cell in _cells(lines[i]):
                parts += [" ", walk.slot("th" if i == start else "td", cell.strip(), number), " |"] \
                    if cell.strip() else [" |"]
            walk.lines.append(tuple(parts))
        i += 1
    return i


def _starts_block(line: str) -> bool:
    return bool(not line.strip() or FENCE.match(line) or DIRECTIVE.match(line) or HEADING.match(line)
                or ITEM.match(line) or FOOTNOTE.match(line) or ABBREVIATION.match(line) or IMAGE.match(line)
                or DEFINITION.match(line) or REFERENCE.match(line) or HR.match(line))


def _text_block(walk: Walk, lines: list[str], start: int, first_line: int) -> int:
    """A paragraph, list item, footnote, definition or quotation, with the lines that continue it."""
    line = lines[start]
    kind, target = "p", ""
    for pattern, name in ((ITEM, "li"), (FOOTNOTE, "fn"), (ABBREVIATION, "abbr"), (DEFINITION, "dd"),
                          (QUOTE, "q")):
        m = pattern.match(line)
        if m:
            kind, lead, words = name, m[1], m[m.lastindex]
            target = m[2] if name == "abbr" else ""
            break
    else:
        stripped = line.lstrip()
        lead, words = line[:len(line) - len(stripped)], stripped
    gathered, i = [words], start + 1
    while i < len(lines) and not _starts_block(lines[i]) and not (kind != "q" and QUOTE.match(lines[i])) \
            and not ("|" in lines[i] and i + 1 < len(lines) and DELIMITER.match(lines[i + 1])):
        following = lines[i]
        if kind == "q":
            following = QUOTE.sub(r"\2", following)
        gathered.append(following.strip() if not following.endswith("  ") else following.lstrip())
        i += 1
    walk.lines.append((lead, walk.slot(kind, "\n".join(gathered), first_line + start, target=target)))
    return i
