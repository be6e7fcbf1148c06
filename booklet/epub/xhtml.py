"""Serialise parsed HTML elements as well-formed XHTML, and wrap a body in an EPUB content document."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

HTML = "http://www.w3.org/1999/xhtml"
OPS = "http://www.idpf.org/2007/ops"         # epub:type
XML = "http://www.w3.org/XML/1998/namespace"
SVG = "http://www.w3.org/2000/svg"
H = "{" + HTML + "}"
EPUB_TYPE = "{" + OPS + "}type"

PREFIXES = {OPS: "epub", XML: "xml", "http://www.w3.org/1999/xlink": "xlink"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _name(name: str) -> str:
    if name.startswith("{"):
        namespace, bare = name[1:].split("}", 1)
        return f"{PREFIXES[namespace]}:{bare}" if namespace in PREFIXES else bare
    return name


def serialise(element) -> str:
    """One element and its children as XHTML (the tail is the caller's)."""
    parts: list[str] = []
    _write(element, parts, HTML)
    return "".join(parts)


def _write(element, parts: list[str], namespace: str) -> None:
    tag = element.tag
    own = tag[1:].split("}", 1)[0] if tag.startswith("{") else HTML
    name = local(tag)
    attrs = "".join(f" {_name(k)}={quoteattr(v)}" for k, v in element.attrib.items())
    if "lang" in element.attrib and "{" + XML + "}lang" not in element.attrib:
        attrs += f" xml:lang={quoteattr(element.attrib['lang'])}"     # XHTML: both, the same (as the root has)
    if own != namespace:                 # an SVG or MathML island declares its namespace
        attrs = f' xmlns="{own}"' + attrs
    if own == HTML and name in VOID:
        parts.append(f"<{name}{attrs}/>")
    else:
        parts.append(f"<{name}{attrs}>")
        if element.text:
            parts.append(escape(element.text))
        for child in element:
            _write(child, parts, own)
            if child.tail:
                parts.append(escape(child.tail))
        parts.append(f"</{name}>")


def content_document(body: str, *, title: str, language: str, direction: str | None = None,
                     stylesheet: str = "css/booklet.css") -> bytes:
    """An EPUB 3 XHTML content document: the epub namespace, lang and xml:lang (and dir), a title, the stylesheet."""
    lang = quoteattr(language)
    way = f" dir={quoteattr(direction)}" if direction else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
            f'<html xmlns="{HTML}" xmlns:epub="{OPS}" lang={lang} xml:lang={lang}{way}>\n'
            f'<head>\n<meta charset="utf-8"/>\n<title>{escape(title)}</title>\n'
            f'<link rel="stylesheet" type="text/css" href="{stylesheet}"/>\n</head>\n'
            f'<body>\n{body}\n</body>\n</html>\n').encode("utf-8")
