"""Make each link one Link element holding its annotations, described by its text and printable."""

from __future__ import annotations

import re

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from booklet.render.tagging.tree import (OBJR, S, TYPE, Key, ReadingOrder, is_element, kids, move_kids, parent_tree,
                                         walk)

LINK, ALT = Name.Link, Name.Alt
ADDRESS_BREAK = re.compile(r"[/\-_.?&=#]$")  # where a web address may break over lines
PRINT = 4       # annotation flag bit 3: printed with the page (PDF/UA wants annotations visible)


def adopt_annotations(pdf: pikepdf.Pdf) -> None:
    """Hand each link annotation that WeasyPrint filed under an inner Span to the Link
    around it: PDF/UA-1 (7.18.5) wants every link annotation inside a Link element."""
    tree = parent_tree(pdf)
    for page in pdf.pages:
        for annot in page.obj.get("/Annots", Array()):
            if annot.get("/Subtype") != Name.Link or "/StructParent" not in annot:
                continue
            key = int(annot.StructParent)
            elem = tree[key] if key in tree else None
            if not isinstance(elem, Dictionary) or elem.get("/S") == Name.Link:
                continue
            link = elem.get("/P")
            while isinstance(link, Dictionary) and link.get("/S") not in (Name.Link, None):
                link = link.get("/P")
            if not isinstance(link, Dictionary) or link.get("/S") != Name.Link:
                continue
            objrs = [kid for kid in kids(elem) if _annotation_of(kid) == annot.objgen]
            elem.K = Array(kid for kid in kids(elem) if _annotation_of(kid) != annot.objgen)
            link.K = Array(kids(link) + (objrs or [Dictionary(Type=Name.OBJR, Obj=annot, Pg=page.obj)]))
            tree[key] = link


def order_annotations(pdf: pikepdf.Pdf) -> None:
    """List each page's annotations in the order the structure tree reads them: a viewer paints
    them, and a reader without /Tabs meets them, in /Annots order. Merging the Links WeasyPrint
    splits (a contents entry, its number, its title, its leader and page number) leaves a Link's
    annotations in tree order but not in page order, so the contents page read out of order."""
    position: dict[tuple[int, int], int] = {}
    pending = [iter(kids(pdf.Root.StructTreeRoot))]
    while pending:              # the tree in reading order, each kid where it is read
        for kid in pending[-1]:
            if is_element(kid):
                pending.append(iter(kids(kid)))
                break
            if isinstance(kid, Dictionary) and kid.get(TYPE) == OBJR:
                position.setdefault(kid.Obj.objgen, len(position))
        else:
            pending.pop()
    unread = len(position)      # an annotation the tree does not hold keeps its place after the rest
    for page in pdf.pages:
        listed = list(page.obj.get("/Annots", Array()))
        ordered = sorted(listed, key=lambda annot: position.get(annot.objgen, unread)
                         if annot.is_indirect else unread)
        if [a.objgen for a in ordered] != [a.objgen for a in listed]:
            page.obj.Annots = Array(ordered)


def join_annotations(pdf: pikepdf.Pdf) -> None:
    """One annotation for each line of a Link: WeasyPrint writes one for each box inside the link
    (a contents entry's whole line, its number, title, leader and page number: five for one line),
    and a screen reader's list of links, or a tab through the page, meets each of them. Those of
    one Link on one page, to one target, whose rectangles share a line become one covering them
    all; a link broken over two lines keeps one for each line."""
    tree = parent_tree(pdf)
    dropped: set[tuple[int, int]] = set()
    for walked in walk(pdf.Root.StructTreeRoot):
        if walked.elem.get(S) != LINK:
            continue
        kept: list = []
        for kid in walked.kids:
            annot = kid.Obj if isinstance(kid, Dictionary) and kid.get(TYPE) == OBJR else None
            joined = next((k for k in kept if annot is not None and _same_line(k, kid)), None)
            if joined is None:
                kept.append(kid)
                continue
            joined.Obj.Rect = Array(_union(joined.Obj.Rect, annot.Rect))
            dropped.add(annot.objgen)
            if "/StructParent" in annot and int(annot.StructParent) in tree:
                del tree[int(annot.StructParent)]
        if len(kept) != len(walked.kids):
            walked.elem.K = Array(kept)
    if not dropped:
        return
    for page in pdf.pages:
        listed = list(page.obj.get("/Annots", Array()))
        if any(a.objgen in dropped for a in listed):
            page.obj.Annots = Array(a for a in listed if a.objgen not in dropped)


def _same_line(kept, kid) -> bool:
    """Both OBJRs are annotations on one page, to one target, their rectangles on one line."""
    if not (isinstance(kept, Dictionary) and kept.get(TYPE) == OBJR and isinstance(kid, Dictionary)
            and kid.get(TYPE) == OBJR):
        return False
    first, second = kept.Obj, kid.Obj
    if kept.get("/Pg") != kid.get("/Pg") or repr(first.get("/Dest")) != repr(second.get("/Dest")) \
            or repr(first.get("/A")) != repr(second.get("/A")):
        return False
    (_, low1, _, high1), (_, low2, _, high2) = _normal(first.Rect), _normal(second.Rect)
    overlap = min(high1, high2) - max(low1, low2)
    return overlap > 0.5 * min(high1 - low1, high2 - low2)


def _normal(rect) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = (float(v) for v in rect)
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _union(one, two) -> list[float]:
    a, b = _normal(one), _normal(two)
    return [min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])]


def _annotation_of(kid) -> tuple[int, int] | None:
    if isinstance(kid, Dictionary) and kid.get("/Type") == Name.OBJR:
        return kid.Obj.objgen
    return None


def _link_target(elem: Dictionary):
    annots = [kid.Obj for kid in kids(elem) if isinstance(kid, Dictionary) and kid.get(TYPE) == OBJR]
    if not annots:
        return None
    action = annots[0].get("/A")
    return repr(action.get("/URI") if action is not None else annots[0].get("/Dest"))


def merge_links(pdf: pikepdf.Pdf) -> None:
    """Make one Link of a link WeasyPrint split into several: nested (a::after,
    leader) or one per line box, each with its own annotation."""
    tree = parent_tree(pdf)
    root = pdf.Root.StructTreeRoot
    # Deepest first: a Link nested two deep must reach the outer Link, not a husk. The kids the
    # walk read are still each element's own when its turn comes: handling an element changes
    # only its kids and theirs, and its parent comes after it.
    for parent, parent_kids in reversed([(root, kids(root)), *((w.elem, w.kids) for w in walk(root))]):
        in_link, changed = parent.get(S) == LINK, False
        merged: list = []
        for kid in parent_kids:
            previous = merged[-1] if merged else None
            if is_element(kid) and kid.get(S) == LINK and (
                    in_link
                    or (is_element(previous) and previous.get(S) == LINK
                        and _link_target(previous) == _link_target(kid))):
                target = parent if in_link else previous
                move_kids(tree, kid, target, merged if target is parent else None)
                changed = True
            else:
                merged.append(kid)
        if changed:             # unchanged kids stay as they are (the stitching made each an Array)
            parent.K = Array(merged)


def _joined(pieces: list[str]) -> str:
    """The pieces of a link's text (one per line it is printed on) as one line: a space where a line
    broke between words, none where it broke inside a web address ("example.org/" "help")."""
    text = ""
    for piece in (" ".join(piece.split()) for piece in pieces):
        if not piece:
            continue
        word = text.rsplit(" ", 1)[-1]
        text += piece if not text or (ADDRESS_BREAK.search(word) and ("/" in word or "@" in word)) \
            else " " + piece
    return text


def describe_links(texts: dict[Key, str], order: ReadingOrder) -> None:
    """Give each link annotation its visible text (or the Link's /Alt, as a footnote mark has)
    as /Contents (7.18.5), where WeasyPrint writes the raw target ("sec-1", "tel:+353..."),
    and the Print flag, so the link is printed like the text it lies on. `order` spans the Links."""
    for elem, first, end in order.spans:
        if elem.get(S) != LINK:
            continue
        text = str(elem.Alt) if ALT in elem else _joined([texts.get(k, "") for k in order.keys[first:end]])
        for kid in kids(elem):
            if isinstance(kid, Dictionary) and kid.get(TYPE) == OBJR:
                kid.Obj.F = PRINT
                if text:
                    kid.Obj.Contents = String(text)
