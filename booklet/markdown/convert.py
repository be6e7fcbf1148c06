"""Convert one section's Markdown to HTML with tables, attribute lists, footnotes and our directives."""

from __future__ import annotations

import dataclasses

import markdown
from markdown.extensions import Extension
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.extensions.tables import TableExtension

from booklet.markdown.context import Locator, MarkdownContext
from booklet.markdown.directives import DirectiveProcessor
from booklet.markdown.figures import FigureProcessor
from booklet.markdown.nesting import NestingProcessor, too_deep_message
from booklet.markdown.links import IdProcessor, LinkProcessor
from booklet.markdown.tables import TableScopeProcessor
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
        md.parser.blockprocessors.register(
            DirectiveProcessor(md.parser, self.ctx, self.locator, self._snippet), "booklet-directive", 75)
        # attr_list runs at 8: figures need its attributes; ids come last, after footnotes.
        md.treeprocessors.register(NestingProcessor(md, self.locator), "booklet-nesting", 30)
        md.treeprocessors.register(FigureProcessor(md, self.ctx, self.locator), "booklet-figure", 6)
        md.treeprocessors.register(LinkProcessor(md, self.ctx, self.locator), "booklet-link", 5)
        md.treeprocessors.register(TableScopeProcessor(md), "booklet-table-scope", 4.5)
        md.treeprocessors.register(IdProcessor(md, self.ctx), "booklet-ids", 4)

    def _snippet(self, snippet_id: str) -> str:
        """A shared passage placed inline is converted on its own, so its problems name its file."""
        text = self.ctx.snippets[snippet_id]
        ctx = dataclasses.replace(self.ctx, path=text.path, body_line=text.body_line,
                                  anchor=f"{self.ctx.anchor}-{snippet_id}", depth=self.ctx.depth + 1)
        return convert(text.body, ctx, self.locator.problems)


def convert(text: str, ctx: MarkdownContext, problems: Problems) -> str:
    locator = Locator(ctx.path, ctx.body_line, text.split("\n"), problems)
    md = markdown.Markdown(
        extensions=[TableExtension(), AttrListExtension(),
                    FootnoteExtension(BACKLINK_TEXT="", SEPARATOR="-"), BookletExtension(ctx, locator)],
        output_format="html")
    try:
        return md.convert(text)
    except RecursionError:
        problems.error(ctx.path, ctx.body_line, too_deep_message())
        return ""
