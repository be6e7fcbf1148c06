"""Shape each list item as PDF/UA wants it: LI = Lbl + one LBody holding all of the item's blocks,
a nested list inside its parent item's LBody."""

from __future__ import annotations

import pikepdf
from pikepdf import Array, Dictionary, Name

from booklet.render.tagging.tree import S, adopt, is_element, kids, move_kids, new_element, parent_tree

L, LI = Name.L, Name.LI


def shape_lists(pdf: pikepdf.Pdf, elements: list[tuple[Dictionary, Name | None]]) -> None:
    """`elements`: the tree's (element, role) pairs in walk order."""
    tree = parent_tree(pdf)
    for elem, role in elements:
        if role == L:
            _nest_sublists(elem)
    # The items in the order a walk after the nesting would meet them: a list moves to the end
    # of the item before it, which is where the walk met it already.
    for elem, role in elements:
        if role == LI:
            _one_body(pdf, tree, elem)


def _nest_sublists(list_elem: Dictionary) -> None:
    """WeasyPrint files a nested list beside the item that holds it in HTML; put it back inside."""
    kept: list = []
    for kid in kids(list_elem):
        previous = kept[-1] if kept else None
        if is_element(kid) and kid.get(S) == L and is_element(previous) and previous.get(S) == LI:
            adopt(previous, kid)
        else:
            kept.append(kid)
    list_elem.K = Array(kept)


def _one_body(pdf: pikepdf.Pdf, tree: pikepdf.NumberTree, item: Dictionary) -> None:
    """Gather every kid but the label into one LBody, in order, reusing an LBody that comes first."""
    labels, rest = [], []
    for kid in kids(item):
        (labels if is_element(kid) and kid.get("/S") == Name.Lbl else rest).append(kid)
    if len(rest) == 1 and is_element(rest[0]) and rest[0].get("/S") == Name.LBody:
        return
    if not rest:
        return
    first = rest[0]
    body = first if is_element(first) and first.get("/S") == Name.LBody else new_element(pdf, Name.LBody, item)
    for kid in rest:
        if kid is first and body is first:
            continue
        if is_element(kid) and kid.get("/S") == Name.LBody:
            move_kids(tree, kid, body)
        elif is_element(kid):
            adopt(body, kid)
        else:       # marked content or an annotation held by the item itself: the body holds it now
            holder = Dictionary(K=Array([kid]), Pg=item.get("/Pg"))
            move_kids(tree, holder, body)
    item.K = Array(labels + [body])
