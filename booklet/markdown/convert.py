"""Convert one section's Markdown to HTML with the Markdown the format supports and our directives.

Supported beyond core Markdown (docs/markdown.md): tables, attribute lists, footnotes,
fenced code (also inside lists), definition lists, abbreviations, ordered lists that keep
their first number, `<br>` line breaks, phrases in another language
(`[Croeso]{lang=cy}`). Any other raw HTML is printed as text.
"""

from __future__ import annotations

import dataclasses

import markdown
from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrExtension
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.def_list import DefListExtension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from pymdownx.highlight import HighlightExtension
from pymdownx.superfences import SuperFencesCodeExtension

from booklet.markdown.addresses import AddressProcessor
from booklet.markdown.context import Locator, MarkdownContext
from booklet.markdown.directives import DirectiveProcessor
from booklet.markdown.figures import FigureProcessor
from booklet.markdown.footnotes import FootnoteProcessor
from booklet.markdown.glyphs import check_glyphs
from booklet.markdown.inline import BR_PATTERN, LineBreakProcessor, MailtoProcessor
from booklet.markdown.nesting import MAX_NESTING, NestingProcessor, first_too_deep, too_deep
from booklet.markdown.links import IdProcessor, LinkProcessor
from booklet.markdown.languages import PHRASE_PATTERN, PRIORITY, PhraseProcessor
from booklet.markdown.lists import OrderedStartProcessor
from booklet.markdown.positions import PositionProcessor
from booklet.markdown.tables import TableScopeProcessor, TableWidthProcessor
from booklet.problems import Problems


class BookletExtension(Extension):
    """Register our processors by name and priority, and switch raw HTML off."""

    def __init__(self, ctx: MarkdownContext, locator: Locator):
        super().__init__()
        self.ctx, self.locator = ctx, locator

    def extendMarkdown(self, md) -> None:
        # Raw HTML could carry scripts, frames or remote resources: it is printed as text instead.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.inlinePatterns.register(LineBreakProcessor(BR_PATTERN, md), "booklet-br", 95)
        md.inlinePatterns.register(PhraseProcessor(PHRASE_PATTERN, md, self.locator), "booklet-phrase", PRIORITY)
        md.parser.blockprocessors.register(
            DirectiveProcessor(md.parser, self.ctx, self.locator, self._snippet), "booklet-directive", 75)
        # attr_list runs at 8: figures need its attributes; ids come last, after footnotes.
        md.treeprocessors.register(NestingProcessor(md, self.locator), "booklet-nesting", 30)
        # Indented code stays a <pre><code> element, not highlight's stashed HTML, so that the
        # parse the rules walk still sees it (fenced code is stashed by superfences either way).
        if "indent-highlight" in md.treeprocessors:
            md.treeprocessors.deregister("indent-highlight")
        # An autolinked email address is scrambled by Python-Markdown against spam: decoded before the
        # positions are taken, so the rules see the address as written.
        md.treeprocessors.register(MailtoProcessor(md), "booklet-mailto", 7.5)
        md.treeprocessors.register(PositionProcessor(md, self.ctx, self.locator), "booklet-positions", 7)
        md.treeprocessors.register(FigureProcessor(md, self.ctx, self.locator), "booklet-figure", 6)
        md.treeprocessors.register(LinkProcessor(md, self.ctx, self.locator), "booklet-link", 5)
        md.treeprocessors.register(OrderedStartProcessor(md), "booklet-ordered-start", 4.6)
        md.treeprocessors.register(TableScopeProcessor(md), "booklet-table-scope", 4.5)
        md.treeprocessors.register(TableWidthProcessor(md, self.locator), "booklet-table-width", 4.45)
        md.treeprocessors.register(FootnoteProcessor(md, self.ctx), "booklet-footnotes", 4.4)
        md.treeprocessors.register(IdProcessor(md, self.ctx), "booklet-ids", 4)
        md.treeprocessors.register(AddressProcessor(md), "booklet-addresses", 3.9)

    def _snippet(self, snippet_id: str) -> str:
        """A shared passage placed inline is converted on its own, so its problems name its file."""
        text = self.ctx.snippets[snippet_id]
        self.ctx.reads.add(text.path)
        ctx = dataclasses.replace(self.ctx, path=text.path, body_line=text.body_line,
                                  anchor=f"{self.ctx.anchor}-{snippet_id}", depth=self.ctx.depth + 1)
        return convert(text.body, ctx, self.locator.problems)


def convert(text: str, ctx: MarkdownContext, problems: Problems) -> str:
    check_glyphs(text, ctx.path, ctx.body_line, problems, root=ctx.root, language=ctx.language)
    locator = Locator(ctx.path, ctx.body_line, text.split("\n"), problems)
    md = markdown.Markdown(
        extensions=[TableExtension(), AttrListExtension(), DefListExtension(), AbbrExtension(),
                    SaneListExtension(),
                    # Fences work inside list items too; no colouring, and the language word
                    # (```python) is kept only as a class, never printed.
                    HighlightExtension(use_pygments=False), SuperFencesCodeExtension(),
                    FootnoteExtension(BACKLINK_TEXT="", SEPARATOR="-"), BookletExtension(ctx, locator)],
        output_format="html")
    deep = first_too_deep(text)
    if deep is not None:
        problems.error(ctx.path, ctx.body_line + deep, too_deep(MAX_NESTING + 1))
        return ""
    try:
        return md.convert(text)
    except RecursionError:          # nesting the source scan could not see
        problems.error(ctx.path, ctx.body_line, too_deep(MAX_NESTING + 1))
        return ""
