"""Check and rewrite links, and give every id inside a section the section's prefix."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from markdown.treeprocessors import Treeprocessor

from booklet.markdown.context import Locator, MarkdownContext

SCHEMES = ("http", "https", "mailto", "tel")


class LinkProcessor(Treeprocessor):
    """`booklet:SLUG` becomes the other booklet's address; unsafe or local-file links are errors."""

    def __init__(self, md, ctx: MarkdownContext, locator: Locator):
        super().__init__(md)
        self.ctx, self.locator = ctx, locator

    def run(self, root) -> None:
        for link in root.iter("a"):
            href = link.get("href", "")
            if "footnote" in link.get("class", ""):
                continue
            self._check(link, href)

    def _check(self, link, href: str) -> None:
        scheme = urlsplit(href).scheme.lower()
        needle = f"]({href}" if href else (link.text or "")
        if href.startswith("#"):
            return
        if scheme == "booklet":
            self._booklet(link, href[len("booklet:"):], needle)
        elif scheme in ("http", "https") and not urlsplit(href).netloc:
            self.locator.error(needle, f"the web address '{href}' is incomplete: write it like https://www.example.org/page",
                               stream="link", rule="web-address")
        elif scheme not in SCHEMES:
            what = "a file on this computer" if not scheme or scheme == "file" else f"a '{scheme}:' address"
            self.locator.error(needle, f"the link '{href}' points to {what}, which a reader of the PDF cannot"
                               " open; link to a web address (https://...), an email (mailto:), a phone"
                               " number (tel:) or another booklet (booklet:SLUG)", stream="link")

    def _booklet(self, link, slug: str, needle: str) -> None:
        target = self.ctx.booklets.get(slug)
        if target is None:
            known = ", ".join(sorted(self.ctx.booklets)) or "none"
            self.locator.error(needle, f"there is no booklet '{slug}' in the sources (there is: {known})",
                               stream="link", rule="unknown-booklet")
            return
        self.ctx.reads.add(self.ctx.root / slug / "booklet.yml")
        link.set("class", "booklet-link")
        link.set("data-title", target.title)
        if target.url:
            link.set("href", target.url)
            link.set("data-url", target.url.removeprefix("https://").removeprefix("http://"))
        else:
            # No web address yet: it prints as text with the title, and is not a live link.
            del link.attrib["href"]
            link.tag = "span"


class IdProcessor(Treeprocessor):
    """Ids must be unique in the whole booklet, so each carries its section's anchor."""

    def __init__(self, md, ctx: MarkdownContext):
        super().__init__(md)
        self.ctx = ctx

    def run(self, root) -> None:
        used: set[str] = set()
        prefix = self.ctx.anchor
        for element in root.iter():
            if re.fullmatch(r"h[2-6]", element.tag) and not element.get("id"):
                element.set("id", _unique(f"{prefix}-{slugify(''.join(element.itertext()))}", used))
            elif element.get("id", "").startswith(("fn-", "fnref-")):  # footnotes, SEPARATOR "-"
                element.set("id", f"{prefix}-{element.get('id')}")
            if element.tag == "a" and element.get("href", "").startswith(("#fn-", "#fnref-")):
                element.set("href", f"#{prefix}-{element.get('href')[1:]}")
        for parent in list(root.iter()):
            for child in list(parent):
                # Footnote back-links ("↩") say nothing alone and are noise to a screen reader.
                if child.tag == "a" and "footnote-backref" in child.get("class", ""):
                    parent.remove(child)


def slugify(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "part"


def _unique(candidate: str, used: set[str]) -> str:
    name, n = candidate, 2
    while name in used:
        name, n = f"{candidate}-{n}", n + 1
    used.add(name)
    return name
