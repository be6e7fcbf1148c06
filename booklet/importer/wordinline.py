"""Read a Word paragraph's runs (text, links, note marks, pictures, tracked changes and comments) into inlines."""

from __future__ import annotations

import io

from lxml import etree
from PIL import Image

from booklet.importer.model import Break, Kind, Link, NoteRef, Omission, Picture, Text, Where, plain
from booklet.importer.wordxml import (KEPT_PICTURES, NS, R, W, _HYPERLINK_FIELD, _IGNORED, _all_text, _local, _ns,
                                      _on, _short, _tidy)


class InlineReader:
    """The half of DocxReader that reads inside a paragraph; the state (notes, pictures, where) is DocxReader's."""

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
        for _, result in fields:        # a field that ends in a later paragraph (a table of contents): its words here
            out.extend(result or [])
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
                    if fields[-1][0].strip().upper().startswith("TOC") and not self.toc:
                        self.toc = self.toc_touched = True
                        self.note(Kind.LEFT_OUT, child, "the document's table of contents, left out: the booklet"
                                  " makes its own contents page, with its own page numbers")
                elif kind == "end" and not fields and self.toc:        # a table of contents' last paragraph
                    self.toc, self.toc_touched = False, True
                elif kind == "end" and fields:
                    instruction, result = fields.pop()
                    if instruction.strip().upper().startswith("TOC"):
                        self.toc, self.toc_touched = False, True
                    parent = fields[-1][1] if fields and fields[-1][1] is not None else top
                    link = _HYPERLINK_FIELD.match(instruction)
                    if link:
                        internal = link.group(2) is not None       # HYPERLINK \l "bookmark"
                        parent.append(Link(f"#{link.group(3)}" if internal else link.group(1),
                                           tuple(_tidy(result or [])), str(self.where) if internal else None))
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
        if element.get(f"{{{W}}}anchor"):        # a bookmark: a link if it marks a heading (markdown.py decides)
            out.append(Link("#" + element.get(f"{{{W}}}anchor"), words, str(self.where)))
            return
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
