"""Walk and edit a PDF structure tree: elements, their marked content, and the ParentTree that points back."""

from __future__ import annotations

from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary, Name

Key = tuple[int, int]          # (page index, MCID)

# Made once: `Name.X` builds a new object on each use, which tree walks would pay for every kid.
K, S, PG, TYPE, MCID = Name.K, Name.S, Name.Pg, Name.Type, Name.MCID
MCR, OBJR, STRUCT_ELEM, STRUCT_PARENTS = Name.MCR, Name.OBJR, Name.StructElem, Name.StructParents


def kids(elem: Dictionary) -> list:
    found = elem.get(K)
    return [] if found is None else list(found) if isinstance(found, Array) else [found]


def is_element(kid) -> bool:
    if not isinstance(kid, Dictionary):
        return False
    kind = kid.get(TYPE)
    return kind is None or kind == STRUCT_ELEM or (kind != MCR and kind != OBJR)     # the common case first


@dataclass(frozen=True)
class Walked:
    """One structure element as a walk met it: the element and its kids, read once for every
    pass that only reads the tree until the next one changes it."""

    elem: Dictionary
    kids: list


def walk(node: Dictionary) -> list[Walked]:
    """Every structure element below `node`, parents before children, each with its kids."""
    found: list[Walked] = []
    pending = [iter(kids(node))]
    while pending:
        for kid in pending[-1]:
            if is_element(kid):
                its_kids = kids(kid)
                found.append(Walked(kid, its_kids))
                pending.append(iter(its_kids))
                break
        else:
            pending.pop()
    return found


def walk_elements(node: Dictionary) -> list[Dictionary]:
    """Every structure element below `node`, parents before children."""
    return [walked.elem for walked in walk(node)]


def reachable(pdf: pikepdf.Pdf) -> set[tuple[int, int]]:
    return {elem.objgen for elem in walk_elements(pdf.Root.StructTreeRoot)}


def parent_tree(pdf: pikepdf.Pdf) -> pikepdf.NumberTree:
    return pikepdf.NumberTree(pdf.Root.StructTreeRoot.ParentTree)


def owners(pdf: pikepdf.Pdf) -> dict[Key, Dictionary]:
    """Map (page index, MCID) to the structure element the ParentTree names for it."""
    tree = parent_tree(pdf)
    found = {}
    for index, page in enumerate(pdf.pages):
        if "/StructParents" not in page.obj or int(page.obj.StructParents) not in tree:
            continue
        for mcid, elem in enumerate(tree[int(page.obj.StructParents)]):
            if isinstance(elem, Dictionary):
                found[index, mcid] = elem
    return found


def page_numbers(pdf: pikepdf.Pdf) -> dict[tuple[int, int], int]:
    """Page object -> page index, made once: looking each page up in the page list is quadratic."""
    return {page.obj.objgen: index for index, page in enumerate(pdf.pages)}


def mcid_keys(pages: dict[tuple[int, int], int], elem: Dictionary, elem_kids: list | None = None) -> list[Key]:
    """The (page index, MCID) pairs that `elem` holds directly, as integers or MCR dictionaries
    (`elem_kids`: its kids, if already read)."""
    return [key for kid in (kids(elem) if elem_kids is None else elem_kids)
            if (key := _key(pages, elem, kid)) is not None]


@dataclass(frozen=True)
class ReadingOrder:
    """Every MCID below a node in the order the structure reads them, and the run of them that
    each element of the roles asked for holds (its own and its descendants')."""

    keys: list[Key]
    spans: list[tuple[Dictionary, int, int]]        # (element, first, end) into keys, parents first


def reading_order(pages, node: Dictionary, roles: tuple[Name, ...] = ()) -> ReadingOrder:
    """One walk for the (page index, MCID) pairs of `node` and everything below it, in tree order,
    and for the run of them each element of `roles` holds."""
    keys: list[Key] = []
    spans: list = []

    def visit(elem: Dictionary, top: bool = False) -> None:
        at = None
        if not top and roles and elem.get(S) in roles:
            at = len(spans)
            spans.append(None)      # filled in below: parents stay before their children
        first = len(keys)
        for kid in kids(elem):
            if is_element(kid):
                visit(kid)
            elif (key := _key(pages, elem, kid)) is not None:
                keys.append(key)
        if at is not None:
            spans[at] = (elem, first, len(keys))

    visit(node, top=True)           # the node's own MCIDs count; its role makes no span
    return ReadingOrder(keys, spans)


def _key(pages, elem: Dictionary, kid) -> Key | None:
    """The (page index, MCID) of one kid of `elem` that is marked content, else None."""
    if isinstance(kid, int):
        return pages[elem[PG].objgen], int(kid)
    if isinstance(kid, Dictionary) and kid.get(TYPE) == MCR:
        page = kid.get(PG)
        return pages[(page if page is not None else elem[PG]).objgen], int(kid[MCID])
    return None


def new_element(pdf: pikepdf.Pdf, tag: Name, parent: Dictionary) -> Dictionary:
    """An empty structure element under `parent` (not yet among its kids)."""
    elem = Dictionary(Type=Name.StructElem, S=tag, P=parent, K=Array())
    if "/Pg" in parent:
        elem.Pg = parent.Pg
    return pdf.make_indirect(elem)


def move_kids(tree: pikepdf.NumberTree, source: Dictionary, target: Dictionary, into: list | None = None) -> None:
    """Re-home every kid of `source` under `target` (at its end, or onto `into`), keeping the
    ParentTree and /P in step; an MCID moved off its page becomes an MCR naming the page."""
    moved = []
    for kid in kids(source):
        if isinstance(kid, int):
            if "/Pg" not in target or source.Pg.objgen != target.Pg.objgen:
                kid = Dictionary(Type=Name.MCR, MCID=kid, Pg=source.Pg)
                tree[int(pikepdf.Page(source.Pg).obj.StructParents)][int(kid.MCID)] = target
            else:
                tree[int(pikepdf.Page(source.Pg).obj.StructParents)][int(kid)] = target
        elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.OBJR:
            tree[int(kid.Obj.StructParent)] = target
        elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR:
            tree[int(pikepdf.Page(kid.Pg).obj.StructParents)][int(kid.MCID)] = target
        else:
            kid.P = target
        moved.append(kid)
    if into is None:
        target.K = Array(kids(target) + moved)
    else:
        into.extend(moved)
    source.K = Array()


def adopt(elem: Dictionary, kid) -> None:
    """Append an element to `elem`'s kids, making `elem` its parent."""
    if is_element(kid):
        kid.P = elem
    elem.K = Array(kids(elem) + [kid])
