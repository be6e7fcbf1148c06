"""Split the composed booklet into the EPUB's content documents: one per top-level section, with links
across documents rewritten, pictures gathered and the download PDF's page breaks marked."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path
from urllib.request import url2pathname

import tinyhtml5

from booklet.epub.xhtml import EPUB_TYPE, H, local
from booklet.files import CONTENT_TYPES, build_file_refusal
from booklet.urls import urlsplit

# Where a page-break marker cannot stand before its element (a list's or table's own children),
# it goes first inside the element instead; a row's goes into its first cell.
CONTAINERS = {"ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "colgroup", "select", "menu"}
PICTURE_TYPES = {k: v for k, v in CONTENT_TYPES.items() if v.startswith("image/")}


class EpubRefusal(Exception):
    """A picture the EPUB would carry is outside the sources and the package, or is not a file."""

    def __init__(self, url: str, reason: str):
        super().__init__(f"{url}: {reason}")
        self.url, self.reason = url, reason


@dataclass
class Part:
    """One content document: its file name, title, what kind of part it is, and its top element."""

    name: str
    title: str
    kind: str                 # cover, toc, body (a numbered section), back (related, credits, back cover)
    element: object
    before: list              # page-break markers standing before the element, in the body


@dataclass(frozen=True)
class Picture:
    name: str                 # inside the EPUB: images/NAME
    media_type: str
    data: bytes


def parse_parts(html: str) -> tuple[list[Part], str | None]:
    """The top-level <section>/<nav> elements of the composed document, in reading order, and the
    document's writing direction (`dir`), if it gives one."""
    document = tinyhtml5.parse(html)
    body = document.find(f"{H}body")
    parts, names = [], set()
    for element in body:
        if local(element.tag) not in ("section", "nav"):
            continue
        classes = element.get("class", "").split()
        stem = (element.get("id") or (classes[0] if classes else "part")).removeprefix("sec-")
        name = _unique(f"{stem}.xhtml", names)
        heading = next((e for e in element.iter() if local(e.tag) in ("h1", "h2")), None)
        title = " ".join("".join(heading.itertext()).split()) if heading is not None else stem
        kind = "cover" if "cover" in classes else "toc" if local(element.tag) == "nav" else \
            "body" if "chapter" in classes else "back"
        parts.append(Part(name, title, kind, element, []))
    return parts, document.get("dir")


def link_across(parts: list[Part]) -> dict[str, str]:
    """Rewrite every `#id` link to the document holding that id; return where each id lives."""
    where = {e.get("id"): part.name for part in parts for e in part.element.iter() if e.get("id")}
    for part in parts:
        for link in part.element.iter(f"{H}a"):
            href = link.get("href", "")
            if href.startswith("#") and where.get(href[1:], part.name) != part.name:
                link.set("href", f"{where[href[1:]]}{href}")
    return where


def gather_pictures(parts: list[Part], roots: tuple[Path, ...]) -> list[Picture]:
    """Copy each picture (file: URIs inside the allowed folders) under images/ and point the <img> at it."""
    roots = tuple(root.resolve() for root in roots)
    named: dict[Path, str] = {}
    pictures: list[Picture] = []
    for part in parts:
        for img in part.element.iter(f"{H}img"):
            src = img.get("src", "")
            path = _allowed(src, roots)
            if path not in named:
                name = _unique(path.name, set(named.values()))
                named[path] = name
                pictures.append(Picture(name, PICTURE_TYPES[path.suffix.lower()], path.read_bytes()))
            img.set("src", f"images/{named[path]}")
    return pictures


def _allowed(src: str, roots: tuple[Path, ...]) -> Path:
    parts = urlsplit(src)
    if parts.scheme.lower() != "file":
        raise EpubRefusal(src, "an EPUB carries only pictures from the sources")
    try:
        path = Path(url2pathname(parts.path)).resolve()
    except (OSError, RuntimeError, ValueError):
        raise EpubRefusal(src, "this name cannot be read as a file (a loop of links, or a NUL)") from None
    refusal = build_file_refusal(path, roots)
    if refusal is None and path.suffix.lower() not in PICTURE_TYPES:
        refusal = "this is not a picture type an EPUB carries"
    if refusal:
        raise EpubRefusal(src, refusal)
    return path


def mark_pages(parts: list[Part], page_starts, where: dict[str, str]) -> list[tuple[str, str]]:
    """Put a page-break marker where each page of the download PDF starts; return (label, href) for the
    page list, in page order. A page whose element is not in the EPUB is left out."""
    by_name = {part.name: part for part in parts}
    listed = []
    for label, anchor in page_starts:
        if anchor not in where or any(href.endswith(f"#page-{label}") for _, href in listed):
            continue
        part = by_name[where[anchor]]
        marker = etree.Element(f"{H}span", {EPUB_TYPE: "pagebreak", "role": "doc-pagebreak",
                                            "id": f"page-{label}", "aria-label": label})
        _place(marker, part, anchor)
        listed.append((label, f"{part.name}#page-{label}"))
    return listed


def _place(marker, part: Part, anchor: str) -> None:
    if part.element.get("id") == anchor:
        part.before.append(marker)
        return
    parents = {child: parent for parent in part.element.iter() for child in parent}
    target = next(e for e in part.element.iter() if e.get("id") == anchor)
    parent = parents[target]
    if local(parent.tag) in CONTAINERS:
        while local(target.tag) in ("tr", "thead", "tbody", "tfoot", "table") and len(target):
            target = target[0]               # a row's marker goes into its first cell
        _insert_first(target, marker)
        return
    # Before the element, after any marker already there, so the pages stay in order.
    marker.tail = None
    parent.insert(list(parent).index(target), marker)


def _insert_first(element, marker) -> None:
    """First inside the element, after any marker already there, before its own text."""
    count = _markers_at_start(element)
    if count:
        marker.tail, element[count - 1].tail = element[count - 1].tail, None
    else:
        marker.tail, element.text = element.text, None
    element.insert(count, marker)


def _markers_at_start(element) -> int:
    count = 0
    for child in element:
        if child.get(EPUB_TYPE) != "pagebreak":
            break
        count += 1
    return count


def _unique(name: str, used: set[str]) -> str:
    stem, dot, suffix = name.rpartition(".")
    candidate, n = name, 2
    while candidate in used:
        candidate, n = f"{stem}-{n}{dot}{suffix}", n + 1
    used.add(candidate)
    return candidate
