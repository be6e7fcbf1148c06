"""Read a Word file's XML (body, notes, comments, numbering, pictures) into an imported Document."""

from __future__ import annotations

import io
import re

import docx
from lxml import etree
from PIL import Image

from booklet.importer.model import (Break, Document, Heading, Kind, Link, ListBlock, NoteRef, Omission, Paragraph,
                                    Picture, Table, Text, Where, plain)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R, "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
      "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
      "v": "urn:schemas-microsoft-com:vml", "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"}
KEPT_PICTURES = {"png": "png", "jpeg": "jpg", "jpg": "jpg"}
SHORT = 80
_HEADING = re.compile(r"heading\s*([1-9])", re.I)
_LIST_STYLE = re.compile(r"List(?: Bullet| Number| Continue)? ?([2-9])")
_HYPERLINK_FIELD = re.compile(r'^\s*HYPERLINK\s+"([^"]+)"', re.I)
_IGNORED = {"bookmarkStart", "bookmarkEnd", "proofErr", "lastRenderedPageBreak", "rPr", "pPr", "permStart",
            "permEnd", "commentRangeEnd", "footnoteRef", "endnoteRef", "annotationRef", "sectPr", "tblPr",
            "tblGrid", "trPr", "tcPr", "separator", "continuationSeparator", "noProof", "moveFromRangeStart",
            "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd", "customXmlPr", "sdtPr", "sdtEndPr",
            "fldData", "tblPrEx"}


def _local(element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _ns(element) -> str:
    return etree.QName(element).namespace if isinstance(element.tag, str) else ""


def _on(element) -> bool:
    """A w:b or w:i toggle: present and not switched off."""
    return element is not None and element.get(f"{{{W}}}val", "true") not in ("0", "false", "off", "none")


def _short(text: str) -> str:
    text = " ".join(text.split())
    return f"'{text[:SHORT]}…'" if len(text) > SHORT else f"'{text}'"


def _all_text(element) -> str:
    return "".join(element.xpath(".//w:t/text() | .//w:delText/text() | .//m:t/text()", namespaces=NS))


class DocxReader:
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
        return _gather_lists(out)

    def _paragraph(self, p) -> list:
        self.where.paragraph += 1
        style = p.find("w:pPr/w:pStyle", NS)
        style_id = style.get(f"{{{W}}}val") if style is not None else None
        if p.find("w:pPr/w:rPr/w:del", NS) is not None or p.find("w:pPr/w:rPr/w:ins", NS) is not None:
            self._change("a paragraph break was inserted or deleted (the paragraphs are kept apart)")
        if p.find("w:pPr/w:pPrChange", NS) is not None:
            self._change("the paragraph's formatting was changed (the new formatting is kept)")
        inlines = _tidy(self.inlines(p))
        if not plain(inlines).strip() and not any(isinstance(i, (Picture, NoteRef)) for i in inlines):
            return []
        level = self._heading_level(p, style_id)
        if level is not None and plain(inlines).strip():
            words = tuple(Text(i.text) if isinstance(i, Text) else i for i in inlines
                          if not isinstance(i, Picture))
            if level == 0 and self.title is None:
                self.title = plain(words).strip()
                return []
            self.where.heading = plain(words).strip()
            return [Heading(max(level, 1), words)]
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

    # tracked changes
    def _change(self, detail: str) -> None:
        self.tracked.append(Omission(Kind.TRACKED_CHANGE, str(self.where), detail))

    def _tracked(self, element, name: str) -> bool:
        """Note a tracked insertion or deletion; True when its content is to be kept."""
        inserted = name in ("ins", "moveTo")
        author = element.get(f"{{{W}}}author")
        self._change(f"{'inserted' if inserted else 'deleted'}{f' by {author}' if author else ''}: "
                     + _short(_all_text(element)))
        return inserted == (self.changes != "reject")

    # inlines
    def inlines(self, parent, bold=False, italic=False) -> list:
        out: list = []
        fields: list[list] = []      # complex fields: [instruction, result inlines or None]
        for child in parent:
            name, ns = _local(child), _ns(child)
            target = fields[-1][1] if fields and fields[-1][1] is not None else out
            if fields and fields[-1][1] is None and name == "r":      # inside a field's instruction
                char = child.find("w:fldChar", NS)
                if char is None:
                    fields[-1][0] += "".join(child.xpath("w:instrText/text()", namespaces=NS))
                    continue
            if name == "r":
                self._run(child, target, bold, italic, fields, out)
            elif name == "hyperlink":
                self._hyperlink(child, target, bold, italic)
            elif name in ("ins", "moveTo", "del", "moveFrom"):
                if self._tracked(child, name):
                    target.extend(self.inlines(child, bold, italic))
            elif name in ("smartTag", "customXml", "fldSimple", "dir", "bdo"):
                target.extend(self.inlines(child, bold, italic))
            elif name == "sdt":
                content = child.find("w:sdtContent", NS)
                if content is not None:
                    target.extend(self.inlines(content, bold, italic))
            elif name == "commentRangeStart":
                self._comment(child)
            elif ns == NS["m"]:
                self.note(Kind.EQUATION, child, "an equation, left out: " + _short(_all_text(child)))
            elif name in _IGNORED or not name:
                continue
            elif _all_text(child).strip() or len(child):
                self.note(Kind.OTHER, child, f"a {name} element, left out: {_short(_all_text(child))}")
        return out

    def _comment(self, element) -> None:
        key = element.get(f"{{{W}}}id")
        if key in self.seen_comments:
            return
        self.seen_comments.add(key)
        self.note(Kind.COMMENT, element, "a comment, left out: " + self.comments.get(key, "(its text is missing)"))

    def _run(self, r, out, bold, italic, fields, top) -> None:
        props = r.find("w:rPr", NS)
        if props is not None:
            bold = bold or _on(props.find("w:b", NS))
            italic = italic or _on(props.find("w:i", NS))
            if props.find("w:rPrChange", NS) is not None:
                self._change("the formatting of " + _short(_all_text(r)) + " was changed (the new formatting is kept)")
        for child in r:
            name = _local(child)
            if name == "t" or (name == "delText" and self.changes == "reject"):
                out.append(Text(child.text or "", bold, italic))
            elif name in ("tab", "ptab"):
                out.append(Text(" ", bold, italic))
            elif name in ("br", "cr"):
                if child.get(f"{{{W}}}type") not in ("page", "column"):
                    out.append(Break())
            elif name == "noBreakHyphen":
                out.append(Text("\u2011", bold, italic))
            elif name == "sym":
                code = int(child.get(f"{{{W}}}char", "0"), 16)
                if 0xF000 <= code <= 0xF0FF or code == 0:
                    self.note(Kind.OTHER, child, f"a symbol from the font {child.get(f'{{{W}}}font')!r}, left out")
                else:
                    out.append(Text(chr(code), bold, italic))
            elif name in ("footnoteReference", "endnoteReference"):
                out.append(self._note_ref(child, name[:-len("Reference")]))
            elif name == "commentReference":
                self._comment(child)
            elif name == "fldChar":
                kind = child.get(f"{{{W}}}fldCharType")
                if kind == "begin":
                    fields.append(["", None])
                elif kind == "separate" and fields:
                    fields[-1][1] = []
                elif kind == "end" and fields:
                    instruction, result = fields.pop()
                    parent = fields[-1][1] if fields and fields[-1][1] is not None else top
                    link = _HYPERLINK_FIELD.match(instruction)
                    if link:
                        parent.append(Link(link.group(1), tuple(_tidy(result or []))))
                    else:
                        parent.extend(result or [])
            elif name == "drawing":
                self._drawing(child, out)
            elif name == "pict":
                self._vml(child, out)
            elif name == "object":
                self.note(Kind.EMBEDDED_OBJECT, child, "an embedded object (a spreadsheet, a chart...), left out:"
                          " paste it as a picture with alt text")
            elif name == "AlternateContent":
                choice = child.find("mc:Choice", NS)
                if choice is not None:
                    wrapper = etree.Element(f"{{{W}}}r")
                    wrapper.extend(list(choice))
                    self._run(wrapper, out, bold, italic, fields, top)
            elif name in ("softHyphen", "delText", "instrText") or name in _IGNORED:
                continue
            elif _all_text(child).strip() or len(child):
                self.note(Kind.OTHER, child, f"a {name} element, left out: {_short(_all_text(child))}")

    def _hyperlink(self, element, out, bold, italic) -> None:
        words = tuple(_tidy(self.inlines(element, bold, italic)))
        key = element.get(f"{{{R}}}id")
        rel = self.rels.get(key) if key else None
        if rel is not None and rel.is_external and rel.target_ref:
            anchor = element.get(f"{{{W}}}anchor")
            out.append(Link(rel.target_ref + (f"#{anchor}" if anchor else ""), words))
            return
        if element.get(f"{{{W}}}anchor"):
            self.note(Kind.OTHER, element, f"a link to a place inside the document ('{element.get(f'{{{W}}}anchor')}'),"
                      f" kept as plain text: {_short(plain(words))}")
        out.extend(words)

    def _note_ref(self, element, kind: str):
        number = element.get(f"{{{W}}}id")
        key = f"{kind[0]}{number}"
        root = self.note_parts.get(f"{kind}s")
        found = root.xpath(f"w:{kind}[@w:id='{number}']", namespaces=NS) if root is not None else []
        if not found:
            self.note(Kind.OTHER, element, f"a {kind} mark whose {kind} is missing from the file, left out")
            return Text("")
        where, rels, self.where = self.where, self.rels, Where()
        self.where.heading, self.where.paragraph = f"{kind} {number}", 0
        self.rels = self.part_rels.get(f"{kind}s", rels)
        self.notes[key] = tuple(self.blocks(found[0]))
        self.where, self.rels = where, rels
        return NoteRef(key)

    def _drawing(self, drawing, out) -> None:
        doc_pr = drawing.find(".//wp:docPr", NS)
        alt = (doc_pr.get("descr") or "").strip() if doc_pr is not None else ""
        blip = drawing.find(".//a:blip", NS)
        if drawing.xpath(".//w:txbxContent", namespaces=NS):
            self._text_box(drawing)
        elif blip is not None:
            out.append(self._picture(blip.get(f"{{{R}}}embed"), blip.get(f"{{{R}}}link"), alt, doc_pr))
        else:
            self.note(Kind.SHAPE, drawing, "a shape or chart (" + (doc_pr.get("name") if doc_pr is not None else "no name")
                      + "), left out" + (f": {_short(_all_text(drawing))}" if _all_text(drawing).strip() else ""))

    def _vml(self, pict, out) -> None:
        if pict.xpath(".//w:txbxContent", namespaces=NS):
            self._text_box(pict)
            return
        image = pict.find(".//v:imagedata", NS)
        if image is not None:
            shape = image.getparent()
            alt = (shape.get("alt") or "").strip()
            out.append(self._picture(image.get(f"{{{R}}}id"), None, alt, None))
        else:
            self.note(Kind.SHAPE, pict, "a drawn shape, left out")

    def _text_box(self, element) -> None:
        words = " / ".join(_all_text(box) for box in element.xpath(".//w:txbxContent", namespaces=NS))
        self.note(Kind.TEXT_BOX, element, "a text box, left out (copy its text into the section if it matters): "
                  + _short(words))

    def _picture(self, embed, link, alt, doc_pr) -> Picture:
        if link and not embed:
            self.note(Kind.PICTURE, None, "a picture linked from outside the file, not fetched: "
                      + str(self.rels[link].target_ref if link in self.rels else link))
            return Picture(None, alt)
        rel = self.rels.get(embed)
        if rel is None or rel.is_external:
            self.note(Kind.PICTURE, None, "a picture whose file is not inside the document, left out")
            return Picture(None, alt)
        blob, ext = rel.target_part.blob, rel.target_part.partname.ext.lower()
        if ext not in KEPT_PICTURES:
            try:
                with Image.open(io.BytesIO(blob)) as image:
                    buffer = io.BytesIO()
                    image.save(buffer, "PNG")
                blob, ext = buffer.getvalue(), "png"
            except (OSError, ValueError):
                self.note(Kind.PICTURE, None, f"a picture in a format this tool cannot draw ({ext.upper()}), left"
                          " out: save it as PNG, JPEG or SVG and add it" + (f" (alt text: '{alt}')" if alt else ""))
                return Picture(None, alt)
        name = f"picture-{len(self.pictures) + 1}.{KEPT_PICTURES.get(ext, ext)}"
        self.pictures[name] = blob
        if not alt:
            decorative = doc_pr is not None and doc_pr.xpath(".//*[local-name()='decorative']/@val") in (["1"], ["true"])
            self.note(Kind.PICTURE, None, f"images/{name} has no alt text: describe it"
                      + (" (Word marks it decorative: write {decorative} after it if so)" if decorative else ""))
        return Picture(name, alt)


class _Item:
    """A list paragraph, before the paragraphs around it are gathered into a nested ListBlock."""

    def __init__(self, depth, ordered, start, block):
        self.depth, self.ordered, self.start, self.block = depth, ordered, start, block


def _gather_lists(blocks: list) -> list:
    out, run = [], []
    for block in blocks + [None]:
        if isinstance(block, _Item) and not (run and block.depth <= run[0].depth and block.ordered != run[0].ordered):
            run.append(block)
            continue
        if run:
            out.append(_nest(run, run[0].depth))
            run = []
        if isinstance(block, _Item):        # a bullet list after a numbered one: a list of its own
            run.append(block)
        elif block is not None:
            out.append(block)
    if run:
        out.append(_nest(run, run[0].depth))
    return out


def _nest(items: list, depth: int) -> ListBlock:
    """Items at `depth` become entries; deeper ones nest under the entry before them."""
    entries: list[list] = []
    i = 0
    while i < len(items):
        item = items[i]
        j = i + 1
        while j < len(items) and items[j].depth > depth:
            j += 1
        if item.depth > depth and not entries:          # a list that starts deeper than it goes on
            entries.append([_nest(items[i:j + (1 if j == i else 0)], item.depth)])
            i = j
            continue
        entry = [item.block]
        if j > i + 1:
            entry.append(_nest(items[i + 1:j], items[i + 1].depth))
        entries.append(entry)
        i = j
    first = items[0]
    return ListBlock(first.ordered, tuple(tuple(e) for e in entries), first.start)


def _tidy(inlines: list) -> list:
    """Adjacent runs with the same formatting joined; empty runs dropped."""
    out: list = []
    for item in inlines:
        if isinstance(item, Text):
            if not item.text:
                continue
            if out and isinstance(out[-1], Text) and (out[-1].bold, out[-1].italic) == (item.bold, item.italic):
                out[-1] = Text(out[-1].text + item.text, item.bold, item.italic)
                continue
        out.append(item)
    return out


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
