"""Reshape Python-Markdown's footnotes into notes a screen reader can follow both ways.

Each footnote becomes `<div role="doc-footnote" id=...>` (a PDF Note with that /ID, read at the
end of its section, where it is printed), opening with its number as a link back to the mark
that cites it; each mark is a link to its note whose accessible name says "Note 1", not "1".
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

from booklet.compose.strings import strings_for
from booklet.markdown.context import MarkdownContext


class FootnoteProcessor(Treeprocessor):
    """Runs after the footnotes extension has built its list, before ids get their section prefix."""

    def __init__(self, md, ctx: MarkdownContext):
        super().__init__(md)
        self.words = strings_for(ctx.language, ctx.words)

    def run(self, root) -> None:
        for mark in root.iter("a"):
            if "footnote-ref" in mark.get("class", ""):
                mark.set("role", "doc-noteref")
                mark.set("aria-label", str(self.words["footnote_mark"]).format(n=(mark.text or "").strip()))
        for container in root.iter("div"):
            if container.get("class") == "footnote":
                self._reshape(container)

    def _reshape(self, container) -> None:
        container.set("role", "doc-endnotes")
        for listing in [child for child in container if child.tag == "ol"]:
            position = list(container).index(listing)
            for number, item in enumerate(listing.findall("li"), start=1):
                container.insert(position + number - 1, self._note(item, number))
            container.remove(listing)

    def _note(self, item, number: int):
        note = etree.Element("div", {"class": "footnote-note", "id": item.get("id", ""), "role": "doc-footnote"})
        note.tail = "\n"
        backrefs = [a for a in item.iter("a") if "footnote-backref" in a.get("class", "")]
        target = backrefs[0].get("href", "") if backrefs else ""
        for parent in list(item.iter()):
            for child in list(parent):
                if child in backrefs:
                    parent.remove(child)
        note.extend(list(item))
        if not len(note) or note[0].tag != "p":
            note.insert(0, etree.Element("p"))
        first = note[0]
        link = etree.Element("a", {"class": "footnote-number", "href": target, "role": "doc-backlink",
                                   "aria-label": str(self.words["footnote_back"]).format(n=number)})
        link.text, link.tail = str(number), " " + (first.text or "")
        first.text = ""
        first.insert(0, link)
        return note
