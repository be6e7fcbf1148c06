"""Turn `<br>` into a line break and autolinked email addresses back into plain, readable links."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

BR_PATTERN = r"<br\s*/?>"
# Python-Markdown hides an autolinked address (<name@example.org>) from spam robots as
# character references written with a placeholder for '&'; a PDF has no robots to fool.
OBFUSCATED = re.compile(re.escape(AMP_SUBSTITUTE) + r"#(\d+);")


class LineBreakProcessor(InlineProcessor):
    """`<br>` (also `<br/>`, `<br />`) is the one piece of HTML kept: a line break, as editors
    use it in table cells. Any other HTML is printed as text."""

    def handleMatch(self, m, data):
        return etree.Element("br"), m.start(0), m.end(0)


class MailtoProcessor(Treeprocessor):
    """Decode the character references of autolinked email addresses in hrefs and link text."""

    def run(self, root) -> None:
        for link in root.iter("a"):
            href = link.get("href", "")
            if AMP_SUBSTITUTE in href:
                link.set("href", decode(href))
            if link.text and AMP_SUBSTITUTE in link.text:
                link.text = decode(link.text)


def decode(text: str) -> str:
    return OBFUSCATED.sub(lambda m: chr(int(m.group(1))), text)
