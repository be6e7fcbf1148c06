"""Turn a passage's inline Markdown into text with numbered placeholders ({1}…{/1}, {2/}) and back.

Markup a translator must not break (bold, italics, links, language spans, code, footnote
references, line breaks, web and email addresses, phone numbers) becomes a placeholder; the
words inside bold, italics and link text stay translatable. The markup each placeholder stands
for travels with the unit (XLIFF originalData, a PO comment), so a target is rebuilt from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TOKEN = re.compile(r"\{(/?)(\d+)(/?)\}")
_CODE = re.compile(r"(`+)(.+?)\1", re.S)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")
_BREAK = re.compile(r"<br\s*/?>| {2,}\n|\\\n")
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)?[^<>\s]+[@:][^<>\s]*>")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w/])\+?\(?\d[\d ()-]{5,}\d(?![\w/])")
_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)(?:\{[^}]*\})?")
_STRONG = ("**", "__")
_EMPHASIS = ("*", "_")
SPECIAL = re.compile(r"([\\`*\[\]])")


@dataclass(frozen=True)
class Code:
    """What one placeholder stands for: a pair of markup around words ({1}…{/1}), or one piece ({1/})."""

    kind: str           # bold, italic, link, span, code, footnote, break, url, email, phone, image
    open: str
    close: str | None = None     # None: a standalone placeholder

    @property
    def paired(self) -> bool:
        return self.close is not None


class _Scanner:
    def __init__(self) -> None:
        self.codes: dict[str, Code] = {}

    def add(self, code: Code) -> str:
        number = str(len(self.codes) + 1)
        self.codes[number] = code
        return number

    def scan(self, raw: str) -> str:
        out, i = [], 0
        while i < len(raw):
            piece, i = self._at(raw, i)
            out.append(piece)
        return "".join(out)

    def _at(self, raw: str, i: int) -> tuple[str, int]:
        for pattern, kind in ((_CODE, "code"), (_BREAK, "break"), (_AUTOLINK, "url"), (_IMAGE, "image"),
                              (_FOOTNOTE, "footnote"), (_URL, "url"), (_EMAIL, "email"), (_PHONE, "phone")):
            match = pattern.match(raw, i)
            if match and (kind != "phone" or sum(c.isdigit() for c in match[0]) >= 7):
                if kind in ("url", "email", "phone") and i and (raw[i - 1].isalnum() or raw[i - 1] == "@"):
                    continue
                return "{%s/}" % self.add(Code(kind, match[0])), match.end()
        escape = _ESCAPE.match(raw, i)
        if escape:
            return _literal(escape[1]), escape.end()
        if raw[i] == "[":
            found = self._link(raw, i)
            if found:
                return found
        for marks, kind in ((_STRONG, "bold"), (_EMPHASIS, "italic")):
            found = self._emphasis(raw, i, marks, kind)
            if found:
                return found
        return _literal(raw[i]), i + 1

    def _link(self, raw: str, i: int):
        end = _matching(raw, i, "[", "]")
        if end is None or end + 1 >= len(raw) or raw[end + 1] not in "([{":
            return None
        pairs = {"(": ")", "[": "]", "{": "}"}
        tail = _matching(raw, end + 1, raw[end + 1], pairs[raw[end + 1]])
        if tail is None:
            return None
        kind = "span" if raw[end + 1] == "{" else "link"
        number = self.add(Code(kind, "[", raw[end:tail + 1]))
        return "{%s}%s{/%s}" % (number, _Scanner._inner(self, raw[i + 1:end]), number), tail + 1

    def _inner(self, raw: str) -> str:
        return self.scan(raw)

    def _emphasis(self, raw: str, i: int, marks: tuple[str, ...], kind: str):
        for mark in marks:
            if not raw.startswith(mark, i) or i + len(mark) >= len(raw) or raw[i + len(mark)].isspace():
                continue
            if mark[0] == "_" and i and raw[i - 1].isalnum():
                continue
            if len(mark) == 1 and raw.startswith(mark * 2, i):
                continue
            close = _closing(raw, i + len(mark), mark)
            if close is None:
                continue
            number = self.add(Code(kind, mark, mark))
            return "{%s}%s{/%s}" % (number, self.scan(raw[i + len(mark):close]), number), close + len(mark)
        return None


def _matching(raw: str, i: int, opening: str, closing: str) -> int | None:
    depth, j = 0, i
    while j < len(raw):
        c = raw[j]
        if c == "\\":
            j += 2
            continue
        if c == "`":
            code = _CODE.match(raw, j)
            if code:
                j = code.end()
                continue
        if c == opening:
            depth += 1
        elif c == closing:
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return None


def _closing(raw: str, start: int, mark: str) -> int | None:
    j = start
    while True:
        j = raw.find(mark, j)
        if j < 0:
            return None
        escaped = j and raw[j - 1] == "\\"
        doubled = len(mark) == 1 and (raw.startswith(mark * 2, j) or (j and raw[j - 1] == mark))
        if not escaped and not doubled and not raw[j - 1].isspace() and \
                not (mark[0] == "_" and j + len(mark) < len(raw) and raw[j + len(mark)].isalnum()):
            return j
        j += len(mark)


def _literal(char: str) -> str:
    """A brace in the words is doubled, so it can never be read as a placeholder."""
    return {"{": "{{", "}": "}}"}.get(char, char)


def tokenize(raw: str) -> tuple[str, dict[str, Code]]:
    """A passage's Markdown as text with placeholders, and what each placeholder stands for."""
    scanner = _Scanner()
    text = scanner.scan(raw)
    return text, scanner.codes


def problem(text: str, codes: dict[str, Code]) -> str | None:
    """What is wrong with a target's placeholders (missing, extra, repeated, unknown, badly nested), or None."""
    stack, seen = [], set()
    for match in _tokens(text):
        closing, number, single = match[1] == "/", match[2], match[3] == "/"
        code = codes.get(number)
        written = match[0]
        if code is None:
            return f"{written} is not a placeholder of the source (it has: {_listing(codes) or 'none'})"
        if single != (not code.paired) or (closing and not code.paired):
            return f"{written} should be written {_shape(number, code)}"
        if closing:
            if not stack or stack[-1] != number:
                return f"{written} closes {'{' + number + '}'} out of order" + \
                    (f": close {'{/' + stack[-1] + '}'} first" if stack else " before it is opened")
            stack.pop()
            continue
        if number in seen:
            return f"{written} appears twice"
        seen.add(number)
        if code.paired:
            stack.append(number)
    if stack:
        return f"{{{stack[-1]}}} is never closed with {{/{stack[-1]}}}"
    missing = [number for number in codes if number not in seen]
    if missing:
        return "placeholder" + "s" * (len(missing) > 1) + " missing: " + \
            ", ".join(_shape(n, codes[n]) for n in missing) + " (keep every placeholder of the source)"
    return None


def _tokens(text: str):
    """The placeholders of a text, skipping doubled braces (literal ones)."""
    i = 0
    while i < len(text):
        if text.startswith("{{", i) or text.startswith("}}", i):
            i += 2
            continue
        match = TOKEN.match(text, i)
        if match:
            yield match
            i = match.end()
        else:
            i += 1


def _shape(number: str, code: Code) -> str:
    return f"{{{number}}}…{{/{number}}}" if code.paired else f"{{{number}/}}"


def _listing(codes: dict[str, Code]) -> str:
    return ", ".join(_shape(n, c) for n, c in codes.items())


def rebuild(text: str, codes: dict[str, Code]) -> str:
    """The Markdown a valid target stands for: its words escaped, each placeholder its markup again."""
    out, i = [], 0
    for match in _tokens(text):
        out.append(_escaped(text[i:match.start()]))
        code = codes[match[2]]
        out.append(code.close if match[1] == "/" else code.open)
        i = match.end()
    out.append(_escaped(text[i:]))
    return "".join(out)


def _escaped(words: str) -> str:
    # A line break a translator typed would split the passage into blocks: a passage is one line of words.
    words = re.sub(r"\s*\n\s*", " ", words.replace("{{", "{").replace("}}", "}"))
    return SPECIAL.sub(r"\\\1", words)


BLOCK_START = re.compile(r"^(\s*)(#|[-+*](?=\s)|\d+(?=[.)]\s)|>|=+\s*$|\|)")


def at_line_start(markdown: str) -> str:
    """A passage starting a line must not start a block of its own: '# ', '- ', '1. ', '> ' are escaped."""
    return BLOCK_START.sub(lambda m: m[1] + ("\\" + m[2] if not m[2][0].isdigit() else m[2] + "\\"), markdown,
                           count=1)


def plain(text: str) -> str:
    """The words alone, placeholders removed: what a reader sees of a passage, near enough."""
    return re.sub(r"\s+", " ", TOKEN.sub("", text)).replace("{{", "{").replace("}}", "}").strip()
