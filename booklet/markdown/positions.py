"""Record where each construct of the parse that renders lies in its file: text blocks, headings, links,
reference definitions, images and tables, for the rules to walk instead of a second parse."""

from __future__ import annotations

import html
import re

from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from booklet.markdown.context import Locator, MarkdownContext
from booklet.model import Construct, Kind

STASHED = re.compile("\x02(?:wzxhzdk:(\\d+)|[^\x03]*)\x03")    # Python-Markdown's placeholders (stash, back-links)
ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|\w+);")
SKIPPED_LINKS = ("footnote-ref", "footnote-backref")


class PositionProcessor(Treeprocessor):
    """Runs after attr_list and before the figures and links are rewritten, so it sees what was written."""

    def __init__(self, md, ctx: MarkdownContext, locator: Locator):
        super().__init__(md)
        self.ctx, self.locator = ctx, locator

    def run(self, root) -> None:
        self._walk(root, in_item=False)
        for ref_id, (url, _title) in self.md.references.items():
            line = self._find(rf"^\s{{0,3}}\[{re.escape(ref_id)}\]:", "reference", flags=re.IGNORECASE)
            self._add(Kind.REFERENCE, line, text=ref_id, target=url)

    def _walk(self, element, in_item: bool) -> None:
        for child in element:
            tag = child.tag
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                self._block(Kind.HEADING, child, level=int(tag[1]))
                if tag == "h1":
                    self.locator.problems.error(self.ctx.path, self._last_line, "headings inside a section start"
                                                " at '##' (the section title is the '#' heading)", "heading-levels")
            elif tag == "p":
                image = _only_image(child)
                kind = Kind.LABEL if "box-label" in child.get("class", "") else \
                    Kind.IMAGE if image is not None else Kind.ITEM if in_item else Kind.PARAGRAPH
                self._block(kind, child, image=image)
            elif tag == "li":
                if (child.text or "").strip() or any(c.tag not in ("p", "ul", "ol", "pre", "blockquote",
                                                                  "table", "div") for c in child):
                    self._block(Kind.ITEM, child, skip=("ul", "ol", "p", "pre", "blockquote", "table", "div"))
                self._walk(child, in_item=True)
            elif tag == "table":
                self._table(child)
            elif tag == "pre":
                self._add(Kind.CODE, self._locate("".join(child.itertext())))
            else:
                self._walk(child, in_item)

    def _block(self, kind: Kind, element, *, level: int = 0, image=None, skip=()) -> None:
        visible, plain, own = _texts(element, skip, self.md.htmlStash.rawHtmlBlocks, self.ctx.written_in)
        line = self._find(re.escape(f"]({image.get('src')}"), "block") if image is not None else None
        line = line or self._locate(visible)
        self._last_line = line
        lines = tuple(part.strip() for part in visible.split("\n"))
        if kind in (Kind.PARAGRAPH, Kind.ITEM) and not any(lines):
            self._inline(element, line, alone=False)
            return                                   # a placeholder for a panel or a snippet: no words
        own_lines = tuple(_same_cut(v, o) for v, o in zip(visible.split("\n"), own.split("\n"))) \
            if own != visible else ()
        self._add(kind, line, text=" ".join(p for p in lines if p), level=level, lines=lines,
                  plain=tuple(part.strip() for part in plain.split("\n")), own=own_lines)
        self._inline(element, line, alone=image is not None)

    def _table(self, table) -> None:
        rows = [row for row in table.iter("tr")]
        cells = [[_texts(cell, (), self.md.htmlStash.rawHtmlBlocks)[0].strip() for cell in row] for row in rows]
        header = " ".join(cells[0]) if cells else ""
        line = self._find(_pattern(header) or r"\|", "block") or self._locate(header)
        visible = ["   ".join(row) for row in cells]
        visible.insert(1, "")                              # the |---| rule under the header
        self._add(Kind.TABLE, line, text=" ".join(v for v in visible if v), lines=tuple(visible),
                  plain=tuple(visible), attrs=tuple(("header", c) for c in (cells[0] if cells else ())))
        for row in table.iter("tr"):
            for cell in row:
                self._inline(cell, line, alone=False)

    def _inline(self, element, line: int, alone: bool) -> None:
        for node in element.iter():
            if node.tag == "a" and node.get("class", "") not in SKIPPED_LINKS and node.get("href") is not None:
                href, words = node.get("href"), "".join(node.itertext()).strip()
                found, form = self._find(re.escape(f"]({href}"), "link", start=line), "inline"
                if found is None:
                    found, form = self._find(re.escape(f"<{href}>"), "link", start=line), "auto"
                if found is None:                  # [words][id]: its address is checked at the definition
                    found, form = self._find(_pattern(words), "link", start=line) or line, "reference"
                self._add(Kind.LINK, found, text=words, target=href, attrs=(("form", form),))
            elif node.tag == "img":
                src = node.get("src", "")
                found = self._find(re.escape(f"]({src}") if src else r"!\[", "image", start=line) or line
                attrs = tuple((k, v) for k, v in node.attrib.items() if k not in ("src", "alt"))
                self._add(Kind.IMAGE, found, text=node.get("alt", ""), target=src, attrs=attrs, alone=alone)

    def _locate(self, visible: str) -> int:
        """The line of a block, found by its first words; one without words follows the last one found."""
        after = self.locator.first_line + self.locator.cursor.get("outline-block", 0)
        return self._find(_pattern(visible), "block") or min(after, self.locator.first_line
                                                             + max(0, len(self.locator.lines) - 1))

    def _find(self, pattern: str | None, stream: str, *, start: int | None = None, flags=0) -> int | None:
        """The file line of the first match at or after the stream's last match (or `start`)."""
        if not pattern:
            return None
        lines, key = self.locator.lines, f"outline-{stream}"
        first = (start - self.locator.first_line) if start is not None else self.locator.cursor.get(key, 0)
        first = max(0, min(first, len(lines)))
        for index in [*range(first, len(lines)), *range(0, first)]:
            if re.search(pattern, lines[index], flags):
                if start is None:
                    self.locator.cursor[key] = index + 1
                return self.locator.first_line + index
        return None

    def _add(self, kind: Kind, line: int, **fields) -> None:
        self.ctx.outline.append(Construct(kind, self.ctx.path, line, depth=self.ctx.depth,
                                          language=self.ctx.written_in, **fields))


def _texts(element, skip, stash=(), language: str = "") -> tuple[str, str, str]:
    """The visible text of an element, the same without the words of links and code, and the same
    with each phrase in a language other than `language` blanked out, character for character (so
    offsets into it stay those of the visible text, and the rules of one language skip the phrase).

    Entities (&amp;) come back from the stash as their characters; stashed panels are not words."""
    visible, plain, own = [], [], []
    primary = language.split("-")[0].lower()

    def unstash(text: str) -> str:
        def character(match) -> str:
            index = match.group(1)
            raw = stash[int(index)] if index is not None and int(index) < len(stash) else ""
            return html.unescape(raw) if ENTITY.fullmatch(raw) else ""
        return STASHED.sub(character, text.replace(AMP_SUBSTITUTE, "&"))

    def blank(text: str) -> str:
        return re.sub(r"[^\n]", " ", text)

    def walk(node, hidden: bool, foreign: bool) -> None:
        if node.tag in skip and node is not element:
            return
        if node.tag == "sup" or "footnote-ref" in node.get("class", ""):
            return                                           # footnote marks are not words
        hide = hidden or node.tag in ("a", "code")
        other = foreign or bool(node.get("lang")) and node.get("lang").split("-")[0].lower() != primary
        for text, inside in ((node.text, True), *(((c, None) for c in node))):
            if inside is True and text:
                visible.append(unstash(text))
                plain.append("" if hide else unstash(text))
                own.append(blank(visible[-1]) if other else visible[-1])
            elif inside is None:
                walk(text, hide, other)
                if text.tail:
                    visible.append(unstash(text.tail))
                    plain.append("" if hidden else unstash(text.tail))
                    own.append(blank(visible[-1]) if foreign else visible[-1])

    walk(element, False, False)
    return "".join(visible), "".join(plain), "".join(own)


def _same_cut(visible: str, own: str) -> str:
    """`own` cut where stripping cuts `visible`, so that the two stay aligned character for character."""
    start = len(visible) - len(visible.lstrip())
    return own[start:start + len(visible.strip())]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)[:4]


def _pattern(text: str) -> str | None:
    """A pattern finding the first words of `text` in the Markdown, whatever markup lies between them."""
    words = _words(text.split("\n")[0]) or _words(text)
    return r"[\W_]+".join(re.escape(w) for w in words) if words else None


def _only_image(paragraph):
    children = list(paragraph)
    if len(children) == 1 and children[0].tag == "img" and not (paragraph.text or "").strip() \
            and not (children[0].tail or "").strip():
        return children[0]
    return None
