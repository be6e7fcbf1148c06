"""Read a Word file's XML (body, notes, comments, numbering, pictures) into an imported Document."""

from __future__ import annotations

import io

import docx
from lxml import etree

from booklet.importer.model import (Break, Document, Heading, Kind, NoteRef, Omission, Paragraph, Picture, Table,
                                    Text, Where, plain)

from booklet.importer.wordinline import InlineReader
from booklet.importer.wordxml import (NS, W, _HEADING, _IGNORED, _LIST_STYLE, _Item, _all_text, _gather_lists,
                                      _local, _short, _tidy)


_TITLE = object()        # where the document's Title-style paragraph was


class DocxReader(InlineReader):
    """One pass over the body; notes are read the same way when a reference to them is met."""

    def __init__(self, package: docx.document.Document, changes: str | None):
        self.doc, self.part, self.changes = package, package.part, changes
        self.part_rels: dict = {}
        self.rels = package.part.rels             # the relationships of the part being read
        self.omissions: list[Omission] = []
        self.tracked: list[Omission] = []
        self.pictures: dict[str, bytes] = {}
        self.notes: dict[str, tuple] = {}
        self.where = Where()
        self.styles = {s.style_id: s for s in package.styles}
        self.numbering = self._numbering()
        self.note_parts = {kind: self._part_xml(kind) for kind in ("footnotes", "endnotes")}
        self.comments = self._comments()
        self.seen_comments: set[str] = set()
        self.title: str | None = None
        self.carried: list = []     # a paragraph whose end was taken out, run on into the next
        self.bookmarks: list[str] = []   # bookmarks met between paragraphs, for the next one
        self.toc = self.toc_touched = False     # inside Word's table of contents; this paragraph was

    # the package's other parts
    def _part_xml(self, kind: str):
        for rel in self.part.rels.values():
            if rel.reltype.endswith("/" + kind) and not rel.is_external:
                self.part_rels[kind] = rel.target_part.rels      # a note's links are the notes part's own
                return etree.fromstring(rel.target_part.blob)
        return None

    def _comments(self) -> dict[str, str]:
        root = self._part_xml("comments")
        found = {}
        for comment in root.iterfind("w:comment", NS) if root is not None else ():
            author = comment.get(f"{{{W}}}author")
            words = " ".join(" ".join(p.xpath(".//w:t/text()", namespaces=NS)) for p in comment.iterfind(".//w:p", NS))
            found[comment.get(f"{{{W}}}id")] = (f"{author}: " if author else "") + _short(words)
        return found

    def _numbering(self) -> dict[tuple[str, str], tuple[bool, int]]:
        """(numId, ilvl) -> (ordered, start)."""
        root = self._part_xml("numbering")
        if root is None:
            return {}
        abstract = {}
        for node in root.iterfind("w:abstractNum", NS):
            levels = {}
            for lvl in node.iterfind("w:lvl", NS):
                fmt = lvl.find("w:numFmt", NS)
                start = lvl.find("w:start", NS)
                levels[lvl.get(f"{{{W}}}ilvl")] = (
                    fmt is not None and fmt.get(f"{{{W}}}val") not in ("bullet", "none"),
                    int(start.get(f"{{{W}}}val")) if start is not None else 1)
            abstract[node.get(f"{{{W}}}abstractNumId")] = levels
        result = {}
        for num in root.iterfind("w:num", NS):
            ref = num.find("w:abstractNumId", NS)
            for ilvl, value in abstract.get(ref.get(f"{{{W}}}val") if ref is not None else None, {}).items():
                result[(num.get(f"{{{W}}}numId"), ilvl)] = value
        return result

    def note(self, kind: Kind, element, detail: str) -> None:
        self.omissions.append(Omission(kind, str(self.where), detail))

    # paragraphs' styles
    def _style_chain(self, style_id):
        style = self.styles.get(style_id) if style_id else self.doc.styles.default(docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
        seen = 0
        while style is not None and seen < 20:
            yield style
            style, seen = style.base_style, seen + 1

    def _heading_level(self, p, style_id) -> int | None:
        """1-9 for a heading, 0 for the document's title style, None for body text."""
        own = p.find("w:pPr/w:outlineLvl", NS)
        if own is not None and own.get(f"{{{W}}}val", "9").isdigit() and int(own.get(f"{{{W}}}val")) < 9:
            return int(own.get(f"{{{W}}}val")) + 1
        for style in self._style_chain(style_id):
            name = style.name or ""
            if name.lower() == "title":
                return 0
            match = _HEADING.fullmatch(name.strip())
            if match:
                return int(match.group(1))
            level = style.element.find("w:pPr/w:outlineLvl", NS)
            if level is not None and level.get(f"{{{W}}}val", "9").isdigit() and int(level.get(f"{{{W}}}val")) < 9:
                return int(level.get(f"{{{W}}}val")) + 1
        return None

    def _list_level(self, p, style_id) -> tuple[int, bool, int] | None:
        """(depth, ordered, start) of a list paragraph."""
        num = p.find("w:pPr/w:numPr", NS)
        if num is None:
            for style in self._style_chain(style_id):
                num = style.element.find("w:pPr/w:numPr", NS)
                if num is not None:
                    break
        if num is None:
            return None
        num_id, ilvl = num.find("w:numId", NS), num.find("w:ilvl", NS)
        num_id = num_id.get(f"{{{W}}}val") if num_id is not None else None
        ilvl = ilvl.get(f"{{{W}}}val") if ilvl is not None else "0"
        if num_id in (None, "0"):
            return None
        ordered, start = self.numbering.get((num_id, ilvl), (False, 1))
        depth = int(ilvl) if ilvl.isdigit() else 0
        named = _LIST_STYLE.fullmatch(self.styles[style_id].name or "") if style_id in self.styles else None
        if depth == 0 and named:           # Word's "List Bullet 2": a level of its own, one numbering per style
            depth = int(named.group(1)) - 1
        return depth, ordered, start

    # blocks
    def blocks(self, container) -> list:
        """The blocks of a body, a note or a text box, with list paragraphs gathered into nested lists."""
        out: list = []
        for child in container:
            name = _local(child)
            if self.carried and name not in ("p", *_IGNORED):   # a table next, or a part: nothing to run on into
                out.append(Paragraph(tuple(self.carried)))
                self.carried = []
            if name == "bookmarkStart":          # between paragraphs: it marks the next one
                self.bookmarks.append(child.get(f"{{{W}}}name", ""))
            if name == "p":
                out.extend(self._paragraph(child))
            elif name == "tbl":
                self.where.paragraph += 1
                out.append(self._table(child))
            elif name in ("sdt", "customXml"):
                content = child.find("w:sdtContent", NS) if name == "sdt" else child
                out.extend(self.blocks(content) if content is not None else [])
            elif name in ("ins", "moveTo", "del", "moveFrom"):
                if self._tracked(child, name):
                    out.extend(self.blocks(child))
            elif name in _IGNORED or not name:
                continue
            elif _all_text(child).strip():
                self.note(Kind.OTHER, child, f"a {name} element: {_short(_all_text(child))}")
        if self.carried:                  # the last paragraph's end taken out: it stays a paragraph
            out.append(Paragraph(tuple(self.carried)))
            self.carried = []
        return _gather_lists(out)

    def _paragraph(self, p) -> list:
        self.where.paragraph += 1
        style = p.find("w:pPr/w:pStyle", NS)
        style_id = style.get(f"{{{W}}}val") if style is not None else None
        if p.find("w:pPr/w:pPrChange", NS) is not None:
            self._change("the paragraph's formatting was changed (the new formatting is kept)")
        carried, self.carried = self.carried, []
        self.toc_touched = self.toc
        own = self.inlines(p)
        if self.toc_touched:                   # a paragraph of Word's table of contents: reported once, left out
            return [Paragraph(tuple(carried))] if carried else []
        if carried and not plain(carried)[-1:].isspace() and not plain(own)[:1].isspace():
            carried.append(Text(" "))            # a paragraph's end parted words: joined, they stay apart
        inlines = _tidy(carried + own)
        mark = next((m for m in ("ins", "del") if p.find(f"w:pPr/w:rPr/w:{m}", NS) is not None), None)
        if mark is not None:
            # The paragraph's end was typed or deleted as a change: where it goes, this paragraph runs on into
            # the next (whose style the joined paragraph keeps, as in Word).
            joined = (mark == "del") == (self.changes != "reject")
            self._change(f"the break after {_short(plain(inlines))} was {'inserted' if mark == 'ins' else 'deleted'}"
                         + (" (the paragraphs are joined)" if joined and self.changes else ""))
            if joined and self.changes:
                self.carried = inlines
                return []
        if not plain(inlines).strip() and not any(isinstance(i, (Picture, NoteRef)) for i in inlines):
            return []
        level = self._heading_level(p, style_id)
        if level is not None and plain(inlines).strip():
            words = tuple(Text(i.text) if isinstance(i, Text) else i for i in inlines
                          if not isinstance(i, Picture))
            if level == 0 and self.title is None:
                self.title = plain(words).strip()
                return [_TITLE]                # where it was: kept there unless it is the booklet's title
            self.where.heading = plain(words).strip()
            names = (*self.bookmarks, *p.xpath(".//w:bookmarkStart/@w:name", namespaces=NS))
            self.bookmarks = []
            return [Heading(max(level, 1), words, tuple(n for n in names if n))]
        self.bookmarks = []                    # they marked body text: a link to them stays words
        listed = self._list_level(p, style_id)
        if listed is not None:
            return [_Item(listed[0], listed[1], listed[2], Paragraph(inlines))]
        return [Paragraph(inlines)]

    def _table(self, tbl) -> Table:
        rows = []
        for tr in tbl.iterfind("w:tr", NS):
            cells = []
            for tc in tr.iterfind("w:tc", NS):
                merged = tc.find("w:tcPr/w:vMerge", NS)
                span = tc.find("w:tcPr/w:gridSpan", NS)
                content: list = []
                if merged is None or merged.get(f"{{{W}}}val") == "restart":
                    for block in tc:
                        if _local(block) == "tbl":
                            self.note(Kind.OTHER, block, "a table inside a table cell, brought in as its text: "
                                      + _short(_all_text(block)))
                            content.extend([Text(_all_text(block)), Break()])
                        elif _local(block) == "p":
                            words = _tidy(self.inlines(block))
                            if words:
                                content.extend([*words, Break()])
                cells.append(tuple(content[:-1]))
                cells.extend(() for _ in range(int(span.get(f"{{{W}}}val", "1")) - 1 if span is not None else 0))
            rows.append(tuple(cells))
        width = max((len(r) for r in rows), default=0)
        return Table(tuple(r + ((),) * (width - len(r)) for r in rows))



def _parts_text(reader: DocxReader, kinds) -> None:
    for rel in reader.part.rels.values():
        if any(rel.reltype.endswith("/" + k) for k in kinds) and not rel.is_external:
            words = _all_text(etree.fromstring(rel.target_part.blob)).strip()
            if words:
                reader.omissions.append(Omission(Kind.HEADER_FOOTER, rel.target_part.partname.split("/")[-1],
                                                 "not brought in (a booklet prints its own): " + _short(words)))


def read_docx(data: bytes, changes: str | None) -> Document:
    """The document in a Word file; `changes` is None (keep the list only), "accept" or "reject"."""
    package = docx.Document(io.BytesIO(data))
    reader = DocxReader(package, changes)
    body = etree.fromstring(package.part.blob).find("w:body", NS)   # plain lxml: python-docx's own xpath differs
    blocks = reader.blocks(body)
    _parts_text(reader, ("header", "footer"))
    props = package.core_properties
    title = (props.title or "").strip() or reader.title
    at = blocks.index(_TITLE) if _TITLE in blocks else None
    if at is not None:                      # a Title-style paragraph that is not the title stays, as words
        blocks[at:at + 1] = [Paragraph((Text(reader.title, bold=True),))] if title != reader.title else []
    language = (props.language or "").strip() or _default_language(package)
    return Document(title=title, language=language or None, blocks=tuple(blocks), notes=reader.notes,
                    pictures=reader.pictures, omissions=tuple(reader.omissions), changes=tuple(reader.tracked))


def _default_language(package) -> str | None:
    try:
        styles = package.styles.element
    except (KeyError, AttributeError):
        return None
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    return lang.get(f"{{{W}}}val") if lang is not None else None
