"""Wrap a web or email address written as plain text in a span that is never hyphenated."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

# An address a reader may type: a scheme or www., or name@domain. A hyphen the layout adds inside
# one ("tzorvjd-jzeptcuml.onion") is a character nobody should type, so it moves to the next line
# whole, or breaks without a hyphen where it is wider than the line.
# A full stop, comma or bracket after it ends the sentence, not the address.
ADDRESS = re.compile(r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>]*[^\s<>.,;:!?)\]'\"]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
                     re.I)
WITHIN_ADDRESS = ("a", "code", "pre", "kbd", "samp")   # links and code are never hyphenated already


class AddressProcessor(Treeprocessor):
    """`<span class="address">` around each address in text (styles: `.address { hyphens: manual }`)."""

    def run(self, root) -> None:
        for parent in [e for e in root.iter() if e.tag not in WITHIN_ADDRESS and not _is_address(e)]:
            if parent.text and ADDRESS.search(parent.text):
                spans, parent.text = _split(parent.text)
                for index, span in enumerate(spans):
                    parent.insert(index, span)
            for child in list(parent):
                if child.tail and ADDRESS.search(child.tail):
                    spans, child.tail = _split(child.tail)
                    at = list(parent).index(child) + 1
                    for offset, span in enumerate(spans):
                        parent.insert(at + offset, span)


def _is_address(element) -> bool:
    return element.tag == "span" and element.get("class") == "address"


def _split(text: str) -> tuple[list, str]:
    """The spans for `text`'s addresses (each carrying the words after it as its tail), and the words before the first."""
    found = list(ADDRESS.finditer(text))
    spans = []
    for number, match in enumerate(found):
        span = etree.Element("span", {"class": "address"})
        span.text = match.group(0)
        end = found[number + 1].start() if number + 1 < len(found) else len(text)
        span.tail = text[match.end():end]
        spans.append(span)
    return spans, text[:found[0].start()]
