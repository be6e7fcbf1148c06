"""Join the fragments WeasyPrint makes of one HTML element split over pages into one structure element,
so a section, list, table or paragraph is one element however many pages it spans."""

from __future__ import annotations

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from booklet.render.tagging.origins import DEFINITION, ORIGIN
from booklet.render.tagging.tree import K, S, Walked, is_element, kids, move_kids, parent_tree, walk_elements

ORIGIN_KEY = Name("/" + ORIGIN)
DEFINITION_KEY = Name("/" + DEFINITION)
TABLE = Name.Table


def stitch_pages(pdf: pikepdf.Pdf) -> None:
    """Merge each run of sibling fragments of one HTML box, outermost first, dropping the
    header rows a table repeats on each page (their content becomes an Artifact: it is out of the tree)."""
    tree = parent_tree(pdf)
    _stitch(tree, pdf.Root.StructTreeRoot)


def forget_origins(elements: list[Walked]) -> None:
    """The origin numbers (and definition-list marks) are for this pass only: none is left in the file."""
    for walked in elements:
        if ORIGIN_KEY in walked.elem:
            del walked.elem[ORIGIN_KEY]
        if DEFINITION_KEY in walked.elem:
            del walked.elem[DEFINITION_KEY]


def _stitch(tree: pikepdf.NumberTree, node: Dictionary) -> None:
    if node.get(S) == TABLE:
        _drop_repeated_headers(node)
    found = node.get(K)
    as_array = isinstance(found, Array)
    node_kids = list(found) if as_array else [] if found is None else [found]
    merged, elements = [], []
    last_box = None         # the box merged[-1] is a fragment of: joining one to it leaves that as it was
    for kid in node_kids:
        element = is_element(kid)
        # Which HTML box the kid is a fragment of (its origin and role); None for anything else.
        box = (int(kid[ORIGIN_KEY]), kid.get(S)) if element and ORIGIN_KEY in kid else None
        if merged and box is not None and box == last_box:
            move_kids(tree, kid, merged[-1])
        else:
            merged.append(kid)
            last_box = box
            if element:
                elements.append(kid)
    if not as_array or len(merged) != len(node_kids):
        node.K = Array(merged)      # every element's kids an Array from here on, as later passes expect
    for kid in elements:
        _stitch(tree, kid)


def _drop_repeated_headers(table: Dictionary) -> None:
    """A table split over pages repeats its header row on each page (so the reader of the printed
    page sees the headings); in the structure the header is read once. Cells that named the
    repeated header cells name the first ones instead."""
    first_heads: dict[int, Dictionary] = {}
    kept, renamed = [], {}
    for kid in kids(table):
        origin = int(kid[ORIGIN_KEY]) if is_element(kid) and ORIGIN_KEY in kid else None
        if is_element(kid) and kid.get("/S") in (Name.THead, Name.TFoot) and origin is not None:
            if origin in first_heads:
                renamed.update(zip(_header_ids(kid), _header_ids(first_heads[origin])))
                continue
            first_heads[origin] = kid
        kept.append(kid)
    table.K = Array(kept)
    if not renamed:
        return
    for cell in walk_elements(table):
        attributes = cell.get("/A")
        if cell.get("/S") == Name.TD and isinstance(attributes, Dictionary) and "/Headers" in attributes:
            attributes.Headers = Array(String(renamed.get(str(h), str(h))) for h in attributes.Headers)


def _header_ids(head: Dictionary) -> list[str]:
    return [str(cell.ID) for cell in walk_elements(head) if cell.get("/S") == Name.TH and "/ID" in cell]
