"""Shape a definition list as a list PDF/UA readers know: one LI per term, its term the Lbl and
its definitions the LBody.

WeasyPrint tags <dl> as L and makes each <dt> and each <dd> an LI of its own holding one LBody,
so a reader meets "Scan" and "A picture of the inside of your body" as two unrelated items.
Here the dd's after a term join the term's LI: the term's LBody becomes the Lbl, the definition's
LBody the item's LBody. A term with several definitions gets one LBody holding each as a P (or a
Div when it holds blocks); several terms sharing definitions share one Lbl, each later term a
Span in it. Nothing is repainted: a term is painted before its definitions, as it is read.
"""

from __future__ import annotations

import pikepdf
from pikepdf import Array, Dictionary, Name

from booklet.render.tagging.origins import DEFINITION
from booklet.render.tagging.tree import S, adopt, is_element, kids, move_kids, new_element, parent_tree

DEFINITION_KEY = Name("/" + DEFINITION)
TERM, MEANING = Name("/dt"), Name("/dd")
L, LBL, LBODY, P, DIV, SPAN = Name.L, Name.Lbl, Name.LBody, Name.P, Name.Div, Name.Span
# What a definition may hold and still be read as one paragraph.
INLINE = {Name.Span, Name.Link, Name.Code, Name.Quote, Name.NonStruct, Name.Reference, Name.Note}


def shape_definition_lists(pdf: pikepdf.Pdf, elements: list[Dictionary]) -> None:
    """`elements`: the tree's elements in walk order, after the stitching (a dd split over pages is one LI)."""
    tree = parent_tree(pdf)
    for elem in elements:
        if elem.get(S) == L and any(_mark(kid) is not None for kid in kids(elem)):
            _shape(pdf, tree, elem)


def _mark(kid) -> Name | None:
    return kid.get(DEFINITION_KEY) if is_element(kid) else None


def _shape(pdf: pikepdf.Pdf, tree: pikepdf.NumberTree, dl: Dictionary) -> None:
    kept: list = []
    item, meanings = None, []       # the LI of the term being defined, and its dd's LIs
    for kid in kids(dl):
        mark = _mark(kid)
        if mark == TERM and item is not None and not meanings:
            _add_term(tree, kid, _label(item))      # another term for the same definitions
            continue
        if mark == MEANING and item is not None:
            meanings.append(kid)
            continue
        _define(pdf, tree, item, meanings)
        item, meanings = (kid, []) if mark == TERM else (None, [])
        if mark == TERM:
            for part in kids(kid):
                if is_element(part) and part.get(S) == LBODY:
                    part.S = LBL
        kept.append(kid)            # a dd with no term before it stays an LI of its own
    _define(pdf, tree, item, meanings)
    dl.K = Array(kept)


def _label(item: Dictionary) -> Dictionary:
    return next(kid for kid in kids(item) if is_element(kid) and kid.get(S) == LBL)


def _add_term(tree: pikepdf.NumberTree, term: Dictionary, label: Dictionary) -> None:
    """The term of the LI `term` joins `label` as a Span of its own, read apart from the one before."""
    for part in kids(term):
        if is_element(part) and part.get(S) == LBODY:
            part.S = SPAN
            adopt(label, part)
        else:
            _move_all(tree, Dictionary(K=Array([part]), Pg=term.get("/Pg")), label)
    term.K = Array()


def _define(pdf: pikepdf.Pdf, tree: pikepdf.NumberTree, item: Dictionary | None, meanings: list) -> None:
    """Put the definitions' content into `item`'s LBody, after its Lbl."""
    if item is None or not meanings:
        return
    if len(meanings) == 1:
        only = kids(meanings[0])
        if len(only) == 1 and is_element(only[0]) and only[0].get(S) == LBODY:
            adopt(item, only[0])
            return
    body = new_element(pdf, LBODY, item)
    adopt(item, body)
    if len(meanings) == 1:
        _move_all(tree, meanings[0], body)
        return
    for meaning in meanings:       # each definition its own paragraph, so they are read apart
        parts = kids(meaning)
        if len(parts) == 1 and is_element(parts[0]) and parts[0].get(S) == LBODY:
            part = parts[0]
            part.S = P if all(not is_element(k) or k.get(S) in INLINE for k in kids(part)) else DIV
            adopt(body, part)
        else:
            wrapper = new_element(pdf, DIV, body)
            adopt(body, wrapper)
            _move_all(tree, meaning, wrapper)


def _move_all(tree: pikepdf.NumberTree, source: Dictionary, target: Dictionary) -> None:
    """Every kid of `source` (an LI) to `target`: an LBody's (or Lbl's) kids, anything else as it is."""
    for kid in kids(source):
        if is_element(kid) and kid.get(S) in (LBODY, LBL):
            move_kids(tree, kid, target)
        elif is_element(kid):
            adopt(target, kid)
        else:       # marked content or an annotation held by the LI itself
            move_kids(tree, Dictionary(K=Array([kid]), Pg=source.get("/Pg")), target)
    source.K = Array()
