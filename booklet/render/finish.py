"""Finish a rendered PDF for its variant's standard: accessibility repairs and the DRAFT mark."""

from __future__ import annotations

from dataclasses import dataclass

import pikepdf


@dataclass(frozen=True)
class FinishContext:
    """What post-processing needs to know about the booklet; nothing here changes."""

    title: str
    language: str
    draft_stamp: bytes | None = None      # a one-page PDF of the DRAFT mark, for draft booklets


def stamp_draft(pdf: pikepdf.Pdf, ctx: FinishContext) -> None:
    if ctx.draft_stamp is None:
        return
    from booklet.render.pdfua import stamp_artifact_overlay
    with pikepdf.open(__import__("io").BytesIO(ctx.draft_stamp)) as stamp:
        stamp_artifact_overlay(pdf, stamp)


def finish_accessible(pdf: pikepdf.Pdf, ctx: FinishContext) -> None:
    """PDF/UA-1: repair WeasyPrint's tagging, then add the DRAFT mark as an Artifact."""
    from booklet.render.pdfua import make_accessible
    stamp_draft(pdf, ctx)
    make_accessible(pdf, title=ctx.title, language=ctx.language)
