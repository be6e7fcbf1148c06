"""Turn `[Croeso]{lang=cy}` into a phrase marked as another language: `<span lang="cy">Croeso</span>`."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.inlinepatterns import InlineProcessor

from booklet.compose.strings import supported_language
from booklet.markdown.context import Locator

# The words in brackets (escaped brackets allowed), then {lang=TAG}, the tag quoted or not.
PHRASE_PATTERN = r"\[((?:\\.|[^\[\]\\])+)\](\{\s*lang\s*=\s*([\"']?)([^\"'\s}]*)\3\s*\})"
PRIORITY = 175      # after backticks and escapes, before links: `[words]` alone is not a link here


class PhraseProcessor(InlineProcessor):
    """A phrase in another language; its words are read as Markdown too (bold, links). A tag CLDR
    does not know is an error at its line."""

    def __init__(self, pattern: str, md, locator: Locator):
        super().__init__(pattern, md)
        self.locator = locator

    def handleMatch(self, m, data):
        tag = m.group(4)
        if not supported_language(tag):
            self.locator.error(m.group(2), f"'{m.group(2)}' does not name a language CLDR knows: write a BCP 47"
                               " tag such as {lang=cy}, {lang=ga} or {lang=en-GB}", stream="phrase-lang")
        span = etree.Element("span")
        span.set("lang", tag)
        span.text = m.group(1)
        return span, m.start(0), m.end(0)
