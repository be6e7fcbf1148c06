"""Finish a rendered PDF for its variant's standard: accessibility or print repairs, and the DRAFT mark."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:                       # loaded when a PDF is finished, not when variants are listed
    import pikepdf
    from booklet.render.pdfx import PrintFinish


@dataclass(frozen=True)
class FinishContext:
    """What post-processing needs to know about the booklet; nothing here changes."""

    title: str
    language: str
    draft_stamp: bytes | None = None      # a one-page PDF of the DRAFT mark, for draft booklets
    press: PrintFinish | None = None      # print variants: standard, bleed, marks, profile


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
    stamp_draft(pdf, ctx, underneath=not ctx.press.standard.transparency)
    return finish_for_press(pdf, ctx.press, title=ctx.title)
