"""Turn `:::` directive blocks into contact panels, highlighted boxes and shared passages."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.blockprocessors import BlockProcessor

from booklet.compose.strings import other_language, strings_for
from booklet.compose.templates import render_contact
from booklet.markdown.context import Locator, MarkdownContext

OPENER = re.compile(r"^:::[ \t]*(?P<name>[A-Za-z][\w-]*)?[ \t]*(?P<arg>.*?)[ \t]*$")
BOXES = ("note", "tip", "warning")
# A box longer than this rarely fits on one page: it may break across pages (its continuation
# labelled), rather than be pushed whole to the next page, leaving a near-empty one.
LONG_BOX_CHARACTERS = 900
LONG_BOX_LINES = 16


class DirectiveProcessor(BlockProcessor):
    """`::: contact ID` and `::: snippet ID` stand alone; `::: note|tip|warning` open a box closed by `:::`."""

    def __init__(self, parser, ctx: MarkdownContext, locator: Locator, convert_snippet):
        super().__init__(parser)
        self.ctx, self.locator, self.convert_snippet = ctx, locator, convert_snippet

    def test(self, parent, block) -> bool:
        return block.startswith(":::")

    def run(self, parent, blocks) -> None:
        first, _, rest = blocks.pop(0).partition("\n")
        match = OPENER.match(first.strip())
        name, arg = (match["name"] or "", match["arg"]) if match else ("", first)
        if name in BOXES:
            self._box(parent, name, arg, rest, blocks, first)
            return
        if rest.strip():
            blocks.insert(0, rest)
        if name == "contact":
            self._contact(parent, arg, first)
        elif name == "snippet":
            self._snippet(parent, arg, first)
        elif not name:
            self.locator.error(first, "this ':::' closes nothing: a box opens with '::: note', '::: tip' or"
                               " '::: warning' and closes with ':::'")
        else:
            self.locator.error(first, f"unknown directive '::: {name}'; use one of '::: contact ID',"
                               f" '::: snippet ID', {', '.join(f'::: {b}' for b in BOXES)}")

    def _stash(self, parent, html: str) -> None:
        paragraph = etree.SubElement(parent, "p")
        paragraph.text = self.parser.md.htmlStash.store(html)

    def _contact(self, parent, contact_id: str, first: str) -> None:
        contact = self.ctx.contacts.get(contact_id)
        if contact is None:
            known = ", ".join(self.ctx.contacts) or "none yet"
            self.locator.error(first, f"there is no contact '{contact_id}' in _shared/organisation.yml"
                               f" (there is: {known})", rule="unknown-contact")
            return
        self.locator.line(first)
        # The panel's words are the booklet's and the publisher's: each marked as such in a section in another language.
        lang = other_language(self.ctx.organisation_language, self.ctx.language)
        self._stash(parent, render_contact(contact, strings_for(self.ctx.language, self.ctx.words), self.ctx.region,
                                           lang, other_language(self.ctx.language, self.ctx.written_in)))

    def _snippet(self, parent, snippet_id: str, first: str) -> None:
        if snippet_id not in self.ctx.snippets:
            self.locator.error(first, f"there is no shared snippet '{snippet_id}'"
                               f" (looked for _shared/snippets/{snippet_id}.md)", rule="unknown-snippet")
            return
        if self.ctx.depth >= 3:
            self.locator.error(first, f"the snippet '{snippet_id}' includes snippets too deeply"
                               " (does it include itself?)")
            return
        self.locator.line(first)
        self._stash(parent, self.convert_snippet(snippet_id))

    def _box(self, parent, name: str, arg: str, rest: str, blocks, first: str) -> None:
        # The box runs until a line that is only ':::', across blank lines (separate blocks).
        pieces, text = [], rest
        while True:
            lines = text.split("\n") if text else []
            closing = next((i for i, line in enumerate(lines) if line.strip() == ":::"), None)
            if closing is not None:
                pieces.append("\n".join(lines[:closing]))
                after = "\n".join(lines[closing + 1:])
                if after.strip():
                    blocks.insert(0, after)
                break
            pieces.append(text)
            if not blocks:
                self.locator.error(first, f"the '::: {name}' box is never closed: add a line ':::' where it ends")
                break
            text = blocks.pop(0)
        self.locator.line(first)
        body = "\n\n".join(pieces)
        long = len(body) > LONG_BOX_CHARACTERS or body.count("\n") >= LONG_BOX_LINES
        label_text = arg or strings_for(self.ctx.language, self.ctx.words)[name]
        box = etree.SubElement(parent, "aside", {"class": f"box box-{name}" + (" box-long" if long else "")})
        if long:
            # Printed in the page header of each page the box continues on (see booklet.css).
            box.set("data-continued", f"{label_text} (continued)")
        label = etree.SubElement(box, "p", {"class": "box-label"})
        label.text = label_text
        if not arg and (lang := other_language(self.ctx.language, self.ctx.written_in)):
            label.set("lang", lang)            # the booklet's own word for it, in a section in another language
        self.parser.parseChunk(box, body)
