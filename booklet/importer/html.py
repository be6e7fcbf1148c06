"""Read a saved web page's main content (as a main-content extractor finds it) into an imported Document."""

from __future__ import annotations

import base64
import binascii
import re
from urllib.parse import unquote, urljoin

import lxml.html
from lxml import etree
from readability import Document as Readable

from booklet.importer.charset import decoded_page
from booklet.importer.model import (Break, Document, Heading, Kind, Link, ListBlock, Omission, Paragraph, Picture,
                                    Table, Text, Where, plain)
from booklet.importer.wordxml import SHORT, _short

SKIP = {"script", "style", "noscript", "template", "head", "meta", "link", "title"}
CONTAINERS = {"div", "section", "article", "main", "blockquote", "figure", "body", "html", "center", "details",
              "header", "footer", "aside", "nav", "summary", "form", "fieldset", "address"}
BLOCKS = CONTAINERS | {"p", "ul", "ol", "li", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "dl", "dt", "dd",
                       "figcaption", "hr", "tr", "td", "th", "caption", "button", "label"}
EMBEDDED = {"iframe", "video", "audio", "object", "embed", "canvas", "svg", "math", "input", "select",
            "textarea", "button"}
DATA_PICTURE = re.compile(r"data:image/(png|jpe?g);base64,(.*)", re.S | re.I)


def _words(text: str) -> str:
    return " ".join(text.split())


class HtmlReader:
    def __init__(self, base: str | None):
        self.base, self.where = base, Where()
        self.omissions: list[Omission] = []
        self.pictures: dict[str, bytes] = {}
        self.sources: set[str] = set()

    def note(self, kind: Kind, detail: str) -> None:
        self.omissions.append(Omission(kind, str(self.where), detail))

    def blocks(self, element) -> list:
        out: list = []
        loose: list = []             # inline content met between blocks, kept as a paragraph

        def flush():
            words = _tidy(loose)
            if plain(words).strip() or any(isinstance(i, Picture) for i in words):
                self.where.paragraph += 1
                out.append(Paragraph(tuple(words)))
            loose.clear()

        if element.text:
            loose.append(Text(element.text))
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in BLOCKS:
                flush()
                out.extend(self.block(child, tag))
            elif tag:
                loose.extend(self.inlines(child))
            if child.tail:
                loose.append(Text(child.tail))
        flush()
        return out

    def block(self, element, tag: str) -> list:
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            words = tuple(i for i in _tidy(self.inline_children(element)) if not isinstance(i, Picture))
            if not plain(words).strip():
                return []
            self.where.paragraph += 1
            self.where.heading = _words(plain(words))
            return [Heading(int(tag[1]), tuple(Text(i.text) if isinstance(i, Text) else i for i in words),
                            _anchors(element))]
        if tag in ("p", "dd", "figcaption", "caption", "label"):
            words = _tidy(self.inline_children(element))
            if not plain(words).strip() and not any(isinstance(i, Picture) for i in words):
                return []
            self.where.paragraph += 1
            return [Paragraph(tuple(words))]
        if tag == "dt":
            words = _tidy(self.inline_children(element, bold=True))
            self.where.paragraph += 1
            return [Paragraph(tuple(words))] if plain(words).strip() else []
        if tag == "pre":
            self.where.paragraph += 1
            lines = [Text(line) for line in element.text_content().splitlines() if line.strip()]
            return [Paragraph(tuple(_join(lines)))] if lines else []
        if tag in ("ul", "ol"):
            return [self.listing(element, tag == "ol")]
        if tag == "table":
            return [self.table(element)]
        if tag == "button":
            if element.text_content().strip():
                self.note(Kind.LEFT_OUT, f"a button, left out: {_short(element.text_content())}")
            return []
        if tag == "hr":
            return []
        return self.blocks(element)       # containers, and stray li/tr/td outside their parents

    def listing(self, element, ordered: bool) -> ListBlock:
        items = []
        for li in element:
            if not isinstance(li.tag, str) or li.tag != "li":
                continue
            self.where.paragraph += 1
            blocks = self.blocks(li)
            items.append(tuple(blocks) or (Paragraph(()),))
        start = element.get("start", "1")
        return ListBlock(ordered, tuple(items), int(start) if start.isdigit() else 1)

    def table(self, element) -> Table:
        self.where.paragraph += 1
        rows = []
        for tr in element.iter("tr"):
            cells = []
            for cell in tr:
                if isinstance(cell.tag, str) and cell.tag in ("td", "th"):
                    cells.append(tuple(_tidy(self.inline_children(cell))))
                    span = cell.get("colspan", "1")
                    cells.extend(() for _ in range(min(int(span), 10) - 1 if span.isdigit() else 0))
            rows.append(tuple(cells))
        width = max((len(r) for r in rows), default=0)
        return Table(tuple(r + ((),) * (width - len(r)) for r in rows))

    def inline_children(self, element, bold=False, italic=False) -> list:
        out = [Text(element.text, bold, italic)] if element.text else []
        for child in element:
            out.extend(self.inlines(child, bold, italic))
            if child.tail:
                out.append(Text(child.tail, bold, italic))
        return out

    def inlines(self, element, bold=False, italic=False) -> list:
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or tag in SKIP:
            return []
        if tag in ("strong", "b"):
            bold = True
        elif tag in ("em", "i", "cite"):
            italic = True
        if tag == "br":
            return [Break()]
        if tag == "img":
            return [self.picture(element)]
        if tag in EMBEDDED:
            self.note(Kind.EMBEDDED_OBJECT, f"an embedded <{tag}>, left out"
                      + (f": {_short(element.text_content())}" if element.text_content().strip() else ""))
            return []
        if tag == "a" and element.get("href"):
            href = element.get("href").strip()
            words = tuple(_tidy(self.inline_children(element, bold, italic)))
            if href.startswith("#") and len(href) > 1:      # a place in the page: a link if it is a heading
                return [Link(unquote(href), words, str(self.where))]
            if not href.startswith("#"):
                return [Link(urljoin(self.base, href) if self.base else href, words)]
            return list(words)                  # "#" alone: a script's button, its words only
        if tag in BLOCKS:                  # a block inside running text: its words, run on
            return [Text(" ")] + [i for b in self.blocks(element) for i in _block_words(b)] + [Text(" ")]
        return self.inline_children(element, bold, italic)

    def picture(self, img) -> Picture:
        src, alt = (img.get("src") or "").strip(), (img.get("alt") or "").strip()
        self.sources.add(src)
        data = DATA_PICTURE.fullmatch(src)
        if data:
            try:
                blob = base64.b64decode(data.group(2), validate=False)
            except (binascii.Error, ValueError):
                blob = b""
            if blob:
                name = f"picture-{len(self.pictures) + 1}.{'png' if data.group(1).lower() == 'png' else 'jpg'}"
                self.pictures[name] = blob
                if not alt:
                    self.note(Kind.PICTURE, f"images/{name} has no alt text: describe it")
                return Picture(name, alt)
        where = src if not src.startswith("data:") else src[:40] + "…"
        self.note(Kind.PICTURE, f"a picture not brought in ({where or 'no address'}): the importer reads only the"
                  " page itself and fetches nothing; save the picture into images/ and add it"
                  + (f" (alt text: '{alt}')" if alt else ""))
        return Picture(None, alt)


def _anchors(heading) -> tuple:
    """The names a link may give a heading: its id, its own and its words' ids and names (<a name>), and the id
    of the part of the page it heads (<section id="..."><h2>)."""
    names = [e.get(key) for e in heading.iter() if isinstance(e.tag, str) for key in ("id", "name")]
    parent = heading.getparent()
    first = next((c for c in parent if isinstance(c.tag, str)), None) if parent is not None else None
    if first is heading:
        names.append(parent.get("id"))
    return tuple(dict.fromkeys(n.strip() for n in names if n and n.strip()))


def _block_words(block) -> list:
    if isinstance(block, (Paragraph, Heading)):
        return [*block.inlines, Text(" ")]
    if isinstance(block, ListBlock):
        return [i for item in block.items for b in item for i in _block_words(b)]
    if isinstance(block, Table):
        return [i for row in block.rows for cell in row for i in [*cell, Text(" ")]]
    return []


def _join(lines: list) -> list:
    out = []
    for line in lines:
        out.extend([line, Break()])
    return out[:-1]


def _tidy(inlines: list) -> list:
    """Whitespace collapsed as a browser does; adjacent runs with the same formatting joined."""
    out: list = []
    for item in inlines:
        if isinstance(item, Text):
            text = re.sub(r"\s+", " ", item.text)
            if not text:
                continue
            if out and isinstance(out[-1], Text) and (out[-1].bold, out[-1].italic) == (item.bold, item.italic):
                out[-1] = Text(re.sub(r"\s+", " ", out[-1].text + text), item.bold, item.italic)
                continue
            item = Text(text, item.bold, item.italic)
        out.append(item)
    while out and isinstance(out[0], (Text, Break)) and not getattr(out[0], "text", "").strip():
        out.pop(0)
    while out and isinstance(out[-1], (Text, Break)) and not getattr(out[-1], "text", "").strip():
        out.pop()
    return out


def read_html(data: bytes) -> Document:
    """The main content of a saved web page; whatever the extractor left out is reported, block by block."""
    page = lxml.html.document_fromstring(decoded_page(data))
    base = _base(page)
    readable = Readable(etree.tostring(page, encoding="unicode"), url=base)
    summary = readable.summary(html_partial=True)
    main = lxml.html.fragment_fromstring(summary, create_parent="div") if summary.strip() else lxml.html.Element("div")
    reader = HtmlReader(base)
    blocks = reader.blocks(main)
    left_out = _left_out(page, main, reader.sources)
    title = _words(readable.short_title() or "") or None
    language = page.get("lang") or page.get("{http://www.w3.org/XML/1998/namespace}lang")
    for meta in page.iter("meta"):
        if not language and (meta.get("http-equiv") or "").lower() == "content-language":
            language = meta.get("content")
    return Document(title=title, language=(language or "").strip() or None, blocks=tuple(blocks),
                    pictures=reader.pictures, omissions=tuple(reader.omissions + left_out))


def _base(page) -> str | None:
    for element in page.iter("base", "link"):
        if element.tag == "base" and element.get("href", "").startswith("http"):
            return element.get("href")
        if element.tag == "link" and "canonical" in (element.get("rel") or "") \
                and element.get("href", "").startswith("http"):
            return element.get("href")
    return None


def _landmark(element) -> str:
    """The nearest part of the page that says what it is: <nav>, <footer>, a cookie banner's id or class."""
    node = element
    while node is not None:
        tag = node.tag if isinstance(node.tag, str) else ""
        names = " ".join(filter(None, [node.get("id"), node.get("class"), node.get("role"), node.get("aria-label")]))
        if tag in ("nav", "header", "footer", "aside", "form") or names:
            return f"<{tag}{f' {names.strip()!r}' if names.strip() else ''}>"
        node = node.getparent()
    return "the page"


def _left_out(page, main, sources: set[str]) -> list[Omission]:
    """Every block of the page whose words are not in the main content, grouped by the part it was in."""
    kept = _words(" ".join(main.itertext()))      # a cell's or an item's words stay apart
    groups: dict[str, list[str]] = {}
    body = page.find("body")
    for element in (body.iter() if body is not None else ()):
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or any(a.tag in SKIP for a in element.iterancestors()) or tag in SKIP:
            continue
        if tag == "img" and (element.get("src") or "").strip() not in sources:
            groups.setdefault(_landmark(element), []).append(
                f"picture {(element.get('alt') or element.get('src') or '').strip()[:SHORT]!r}")
            continue
        own = [element.text or ""] + [child.tail or "" for child in element if child.tag in BLOCKS or
                                      not isinstance(child.tag, str)]
        if tag in BLOCKS and not any(d.tag in BLOCKS for d in element.iterdescendants() if isinstance(d.tag, str)):
            words = _words(" ".join(element.itertext()))
        else:
            words = _words(" ".join(own))
        if words and f" {words} " not in f" {kept} ":
            groups.setdefault(_landmark(element), []).append(_short(words))
    return [Omission(Kind.LEFT_OUT, f"in {where}", "not main content, left out: " + "; ".join(dict.fromkeys(texts)))
            for where, texts in groups.items()]
