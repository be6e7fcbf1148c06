"""Mark a composed booklet for its reviewer: each passage's file and line in the margin, and each change in the text.

Marks are words and lines, never colour alone, so they survive black-and-white printing: a bar beside
a changed passage, inserted words underlined, deleted words struck through, each run labelled.
"""

from __future__ import annotations

from typing import Callable

from lxml import etree

from booklet.approval.diff import Change, Edit, Run
from booklet.approval.passages import HOLDERS, Passage

NOTE, TAG, CHANGED = "proof-note", "proof-tag", "proof-changed"


def mark(passages: list[Passage], found: list[Change], where: Callable[[Passage], str],
         where_old: Callable[[Passage], str]) -> None:
    """Change the tree the passages were found in, in place; `where` names a passage's file and line."""
    edits = {id(c.new): c for c in found if c.new is not None}
    for passage in passages:
        change = edits.get(id(passage))
        element = passage.element
        if element is None:
            continue
        if change is not None:
            _classes(element, CHANGED, f"proof-{change.edit.value}")
            runs = change.runs if change.edit is Edit.CHANGED else (Run(passage.text, Edit.INSERTED),)
            _rewrite(element, runs)
        if passage.kind == "title":
            element.set("data-proof-title", passage.text)          # the bookmark: without the note
        if passage.kind in ("td", "th") and element.getnext() is not None:
            continue                                              # a row's note goes in its last cell
        label = where(passage)
        row_change = _row_change(element, edits) if passage.kind in ("td", "th") else change
        if row_change is not None:
            label += f" · {row_change.edit.value}"
        _note(element, label)
    places: dict[int, object] = {}
    for change in found:
        if change.edit is Edit.DELETED:
            places[id(change.after)] = _deleted(change, places.get(id(change.after)), passages, where_old)


def _row_change(cell, edits: dict) -> Change | None:
    """A row is changed when any of its cells is."""
    changed = [c for c in edits.values() if c.new is not None and c.new.element is not None
               and c.new.element.getparent() is cell.getparent()]
    return changed[0] if changed else None


def _classes(element, *names: str) -> None:
    element.set("class", " ".join([*(element.get("class") or "").split(), *names]))


def _note(element, text: str) -> None:
    # A space before it, so that a screen reader (and a copied text) reads the place as a word of its own.
    if len(element):
        element[-1].tail = (element[-1].tail or "").rstrip() + " "
    else:
        element.text = (element.text or "").rstrip() + " "
    note = etree.SubElement(element, "span")
    note.set("class", NOTE)
    note.text = text


def _runs_into(element, runs, index: int = 0) -> None:
    """Each run as words: deleted ones struck through, inserted ones underlined, each after its label."""
    for run in runs:
        if run.edit is None:
            span = etree.Element("span")
            span.text = run.words + " "
            element.insert(index, span)
            index += 1
            continue
        label = etree.Element("span")
        label.set("class", f"{TAG} {TAG}-{run.edit.value}")
        label.text = run.edit.value
        label.tail = " "
        element.insert(index, label)
        words = etree.Element("del" if run.edit is Edit.DELETED else "ins")
        words.text = run.words
        words.tail = " "
        element.insert(index + 1, words)
        index += 2


def _rewrite(element, runs: tuple[Run, ...]) -> None:
    """The passage's own words replaced by the marked runs; nested lists, a section number and the
    like are kept where they are."""
    element.text = None
    index = 0
    for child in list(element):
        if child.tag in HOLDERS or "section-number" in (child.get("class") or ""):
            if "section-number" in (child.get("class") or ""):
                child.tail = " "
                index = list(element).index(child) + 1
            continue
        element.remove(child)
    _runs_into(element, runs, index)


def _deleted(change: Change, previous, passages: list[Passage], where_old: Callable[[Passage], str]):
    """A deleted passage is shown where it was, after the passage it followed (or the deletion shown
    just before): returns the element it is shown in, for the next deletion to follow."""
    anchor = previous if previous is not None else (change.after.element if change.after else None)
    before = anchor is None                        # deleted from the very start: before the first passage
    if before:
        anchor = next((p.element for p in passages if p.element is not None), None)
        if anchor is None:
            return None
    if anchor.tag == "figcaption":
        anchor = anchor.getparent()                # after the whole figure
    if anchor.tag in ("td", "th"):                 # a cell: the words go into it, so the grid stays whole
        _classes(anchor, CHANGED, "proof-deleted")
        _runs_into(anchor, (Run(change.old.text, Edit.DELETED),), len(anchor))
        return previous
    element = etree.Element("li" if anchor.tag == "li" else "p")
    _classes(element, CHANGED, "proof-deleted")
    _runs_into(element, (Run(change.old.text, Edit.DELETED),))
    _note(element, f"was {where_old(change.old)} · deleted")
    (anchor.addprevious if before else anchor.addnext)(element)
    return element
