"""Finish a rendered PDF for its variant's standard: accessibility or print repairs, and the DRAFT mark."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:                       # loaded when a PDF is finished, not when variants are listed
    import pikepdf
    from booklet.render.pdfx import PrintFinish


@dataclass(frozen=True)
class Padding:
    """Pages laid out on their own (the Notes pages of a print file): the first `pages` of them are put
    in at page index `before`, with blank pages after them if the layout gave fewer."""

    pdf: bytes
    before: int
    pages: int


@dataclass(frozen=True)
class FinishContext:
    """What post-processing needs to know about the booklet; nothing here changes."""

    title: str
    language: str
    draft_stamp: bytes | None = None      # a one-page PDF of the DRAFT mark, for draft booklets
    press: PrintFinish | None = None      # print variants: standard, bleed, marks, profile
    padding: Padding | None = None        # pages to add to the shared layout's (print: to a multiple of 4)


def stamp_draft(pdf: pikepdf.Pdf, ctx: FinishContext, *, underneath: bool = False) -> None:
    if ctx.draft_stamp is None:
        return
    from booklet.render.stamp import stamp_artifact_overlay
    import pikepdf
    with pikepdf.open(io.BytesIO(ctx.draft_stamp)) as stamp:
        stamp_artifact_overlay(pdf, stamp, underneath=underneath)


def finish_accessible(pdf: pikepdf.Pdf, ctx: FinishContext) -> dict:
    """PDF/UA-1: repair WeasyPrint's tagging, then add the DRAFT mark as an Artifact."""
    from booklet.render.tagging.repair import make_accessible
    stamp_draft(pdf, ctx)
    make_accessible(pdf, title=ctx.title, language=ctx.language)
    return {}


def finish_press(pdf: pikepdf.Pdf, ctx: FinishContext) -> dict:
    """PDF/X: the DRAFT mark (under the text where transparency is not allowed), then CMYK, boxes, intent."""
    from booklet.render.pdfx import finish_for_press
    assert ctx.press is not None, "a print variant needs its press settings"
    if ctx.padding is not None:
        _insert_pages(pdf, ctx.padding)
    stamp_draft(pdf, ctx, underneath=not ctx.press.standard.transparency)
    return finish_for_press(pdf, ctx.press, title=ctx.title)


def _insert_pages(pdf: pikepdf.Pdf, padding: Padding) -> None:
    """A stylesheet may make the Notes run long (the rest is left off) or vanish (blank pages stand
    in): the page count must still come out a multiple of four."""
    import pikepdf
    size = pdf.pages[max(0, padding.before - 1)].obj.MediaBox
    with pikepdf.open(io.BytesIO(padding.pdf)) as extra:
        for offset in range(padding.pages):
            if offset < len(extra.pages):
                page = extra.pages[offset]       # copied: nothing refers back to `extra`
            else:
                page = pikepdf.Page(pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=size,
                                                       Resources=pikepdf.Dictionary(),
                                                       Contents=pdf.make_stream(b"")))
            pdf.pages.insert(padding.before + offset, page)
