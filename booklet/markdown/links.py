"""Check and rewrite links, and give every id inside a section the section's prefix."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote

from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from booklet.compose.phones import tel_uri
from booklet.markdown.context import Locator, MarkdownContext
from booklet.problems import SOURCE
from booklet.urls import RAW_WEB_ADDRESS, SCHEMES, display_url, link_scheme, urlsplit

class LinkProcessor(Treeprocessor):
    """`booklet:SLUG` becomes the other booklet's address, `tel:` numbers become E.164; any element
    with a link (whatever its class, or however the link was written) is checked against SCHEMES."""

    def __init__(self, md, ctx: MarkdownContext, locator: Locator):
        super().__init__(md)
        self.ctx, self.locator = ctx, locator

    def run(self, root) -> None:
        for element in root.iter():
            if "href" in element.attrib:
                self._check(element, element.get("href", ""))
                _readable_address(element)

    def _check(self, link, href: str) -> None:
        if href.startswith("#"):
            return
        scheme = link_scheme(href)
        needle = f"]({href}" if href else (link.text or "")
        if href and not any(needle in line for line in self.locator.lines):
            needle = href                # a reference-style link or an attribute list: find the address
        if scheme == "booklet":
            self._booklet(link, href.strip()[len("booklet:"):], needle)
        elif scheme == "tel":
            self._phone(link, href, needle)
        elif scheme in ("http", "https") and not urlsplit(href.strip()).netloc:
            self._refuse(link, needle, f"the web address '{href}' is incomplete: write it like"
                         " https://www.example.org/page", rule="web-address")
        elif scheme not in SCHEMES:
            what = "a file on this computer" if not scheme or scheme == "file" else f"a '{scheme}:' address"
            self._refuse(link, needle, f"the link '{href}' points to {what}, which a reader of the PDF cannot"
                         " open; link to a web address (https://...), an email (mailto:), a phone"
                         " number (tel:) or another booklet (booklet:SLUG)")

    def _refuse(self, link, needle: str, message: str, rule: str = SOURCE) -> None:
        self.locator.error(needle, message, stream="link", rule=rule)
        del link.attrib["href"]          # never passed on, even to a build that goes on to fail

    def _phone(self, link, href: str, needle: str) -> None:
        """`tel:1800200700` dials only at home; the PDF carries the international form. A number that
        cannot be read stays as written: `booklet check`'s phone-number rule reports it, once."""
        uri = tel_uri(unquote(href.strip()[len("tel:"):]), self.ctx.region)
        if uri is not None:
            link.set("href", uri)

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
        if target.url and link_scheme(target.url) not in ("https", "http"):
            self._refuse(link, needle, f"the booklet '{slug}' gives 'online: {target.url}', which is not a web"
                         " address: write it like https://www.example.org/page", rule="web-address")
            return
        if target.url:
            link.set("href", target.url)
            link.set("data-url", display_url(target.url))   # the address as read aloud, as for raw links
        else:
            # No web address yet: it prints as text with the title, and is not a live link.
            del link.attrib["href"]
            link.tag = "span"


def _readable_address(link) -> None:
    """A link whose words are a raw web address (`<https://...>`, or `` [`https://...`](...) ``) shows
    it as people read it aloud, "example.org/help": a screen reader lists links by their words, and
    "h t t p s colon slash slash" says nothing. The address it goes to is unchanged."""
    holder = link
    if not (link.text or "").strip() and len(link) == 1 and link[0].tag == "code" and not (link[0].tail or "").strip():
        holder = link[0]            # the address written as code: it stays code, shortened
    elif len(link):
        return
    if holder.text and RAW_WEB_ADDRESS.fullmatch(holder.text):
        holder.text = display_url(holder.text.strip())


# The blocks a page can start at: each gets an id (render/pages.py, epub/).
BLOCKS = ("p", "li", "table", "tr", "figure", "aside", "pre", "dl", "dt", "dd", "blockquote", "div")


class IdProcessor(Treeprocessor):
    """Ids must be unique in the whole booklet, so each carries its section's anchor."""

    def __init__(self, md, ctx: MarkdownContext):
        super().__init__(md)
        self.ctx = ctx

    def run(self, root) -> None:
        prefix = self.ctx.anchor
        used: set[str] = {e.get("id") for e in root.iter() if e.get("id")}
        blocks = 0
        for element in root.iter():
            if re.fullmatch(r"h[2-6]", element.tag) and not element.get("id"):
                element.set("id", _unique(f"{prefix}-{slugify(''.join(element.itertext()))}", used))
            elif element.get("id", "").startswith(("fn-", "fnref-")):  # footnotes, SEPARATOR "-"
                element.set("id", f"{prefix}-{element.get('id')}")
            elif element.tag in BLOCKS and not element.get("id") and element is not root:
                # Every block has a name, so the EPUB's page list can say where each PDF page starts.
                blocks += 1
                name = _unique(f"{prefix}-b{blocks}", used)
                if not self._name_stashed(element, name):
                    element.set("id", name)
            if element.tag == "a" and element.get("href", "").startswith(("#fn-", "#fnref-")):
                element.set("href", f"#{prefix}-{element.get('href')[1:]}")
        for parent in list(root.iter()):
            for child in list(parent):
                # Footnote back-links ("↩") say nothing alone and are noise to a screen reader.
                if child.tag == "a" and "footnote-backref" in child.get("class", ""):
                    parent.remove(child)

    def _name_stashed(self, element, name: str) -> bool:
        """A paragraph holding only stashed HTML (a contact panel, fenced code, a snippet) is unwrapped by
        Python-Markdown only while it has no attributes: its block is named inside the stash instead.
        True when the paragraph is such a placeholder (named or, for a snippet, already named)."""
        found = HTML_PLACEHOLDER_RE.fullmatch((element.text or "").strip()) if element.tag == "p" \
            and not len(element) else None
        if found is None:
            return False
        stash = self.md.htmlStash.rawHtmlBlocks
        index = int(found.group(1))
        raw = stash[index] if index < len(stash) else None
        if isinstance(raw, str):
            stash[index] = STASHED_BLOCK.sub(lambda m: f'{m.group(0)} id="{name}"', raw, count=1)
        return True


# The opening tag of a stashed block without an id of its own.
STASHED_BLOCK = re.compile(r"^\s*<(?:aside|pre|div|table)\b(?![^>]*\bid=)")


def slugify(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "part"


def _unique(candidate: str, used: set[str]) -> str:
    name, n = candidate, 2
    while name in used:
        name, n = f"{candidate}-{n}", n + 1
    used.add(name)
    return name
