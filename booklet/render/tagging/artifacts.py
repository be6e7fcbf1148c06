"""Turn tagged content that carries no meaning (margin boxes, decorative pictures, leader dots,
repeated table headers) into Artifacts, and drop the structure elements left empty."""

from __future__ import annotations

import re

import pikepdf
from pikepdf import Array, ContentStreamInstruction, Dictionary, Name, Operator

from booklet.render.tagging.content import ParsedPages, mcid_of
from booklet.render.tagging.tree import (MCID, S, STRUCT_PARENTS, TYPE, Key, Walked, is_element, kids, owners,
                                         parent_tree)

# Characters CSS leader() repeats; a run of them carries no meaning for a reader.
LEADER = re.compile(r"[\s.\u00b7\u2024\u2026_]+")

ARTIFACT, FIGURE, ALT, BDC = Name.Artifact, Name.Figure, Name.Alt, Operator("BDC")
STRUCT_TREE_ROOT = Name.StructTreeRoot

# An empty table cell is still a cell: dropping it would break the table's grid.
KEEP_EMPTY = {Name.TD, Name.TH, Name.TR, Name.THead, Name.TBody, Name.TFoot, Name.Table}


def artifact_keys(pdf: pikepdf.Pdf, texts: dict[Key, str], elements: list[Walked], direct: list[list[Key]]
                  ) -> tuple[dict[Key, Dictionary], dict[Key, Dictionary]]:
    """(owners, artifacts): which element owns each MCID, and the MCIDs that should be Artifacts.
    `elements` is the whole tree, walked; `direct` the keys each of them holds itself."""
    owned, live = owners(pdf), {walked.elem.objgen for walked in elements}
    artifacts: dict[Key, Dictionary] = {}
    for key, elem in owned.items():
        if elem.objgen not in live:
            # Content whose element is out of the tree: margin boxes (running header, page
            # number), which WeasyPrint leaves out, and repeated table headers dropped by
            # the stitching. ISO 14289-1 wants Artifacts there.
            artifacts[key] = Dictionary(Type=Name.Pagination)
        elif elem.get(S) == FIGURE and ALT not in elem:
            # <img alt=""> is HTML's decorative image; WeasyPrint makes it a Figure
            # without /Alt, which PDF/UA forbids. (booklet.markdown rejects a missing alt.)
            artifacts[key] = Dictionary(Type=Name.Layout)
    for keys in direct:
        if len(keys) > 1 and all(LEADER.fullmatch(texts.get(k, "")) for k in keys):
            # leader('.') draws each dot as its own text box, so the contents
            # would read out "dot dot dot"; they are layout, not content.
            artifacts.update((k, Dictionary(Type=Name.Layout)) for k in keys)
    return owned, artifacts


def mark_as_artifacts(parsed: ParsedPages, artifacts: dict[Key, Dictionary]) -> None:
    """Turn each `/Tag <</MCID n>> BDC` into `/Artifact <</Type ...>> BDC`, keeping what it draws."""
    by_page: dict[int, dict[int, Dictionary]] = {}
    for (index, mcid), props in artifacts.items():
        by_page.setdefault(index, {})[mcid] = props
    for index, wanted in sorted(by_page.items()):
        content = parsed.page(index)
        for position, op in enumerate(content.operators):
            if op != "BDC":
                continue
            mcid = mcid_of(op, content.instructions[position].operands)
            if mcid in wanted:
                content.replace(position, ContentStreamInstruction([ARTIFACT, wanted[mcid]], BDC))


def detach_mcids(pdf: pikepdf.Pdf, owned: dict[Key, Dictionary], artifacts: dict[Key, Dictionary]) -> None:
    """Drop artifact MCIDs from their elements and from the ParentTree (null entries are allowed)."""
    tree = parent_tree(pdf)
    by_element: dict[tuple[int, int], tuple[Dictionary, set[int]]] = {}
    by_page: dict[int, list[int]] = {}
    for index, mcid in artifacts:
        elem = owned[index, mcid]
        by_element.setdefault(elem.objgen, (elem, set()))[1].add(mcid)
        by_page.setdefault(index, []).append(mcid)
    # Each element rewritten once, however many of its MCIDs go (a line of leader dots has dozens).
    for elem, mcids in by_element.values():
        elem.K = Array(kid for kid in kids(elem) if not (
            (isinstance(kid, int) and int(kid) in mcids)
            or (isinstance(kid, Dictionary) and kid.get(MCID) in mcids)))
    for index, mcids in by_page.items():
        numbers = tree[int(pdf.pages[index].obj[STRUCT_PARENTS])]
        for mcid in mcids:
            numbers[mcid] = None


def prune_empty(node: Dictionary) -> bool:
    """Remove elements left with no content (a decorative Figure, its wrappers); True if `node` is empty."""
    found = kids(node)
    kept = [kid for kid in found if not (is_element(kid) and prune_empty(kid))]
    if len(kept) != len(found):     # unchanged kids stay as they are (the stitching made each an Array)
        node.K = Array(kept)
    return not kept and node.get(TYPE) != STRUCT_TREE_ROOT and node.get(S) not in KEEP_EMPTY
