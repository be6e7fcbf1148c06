"""Describe a finished print file for the people who print it: the print shop's job sheet, the nurse's handout note."""

from __future__ import annotations

import hashlib
import io
import json

import pikepdf

from booklet.model import Manifest

MM = 72 / 25.4


def _facts(pdf: bytes) -> tuple[int, tuple[float, float], tuple[float, float]]:
    """Page count, trim size and sheet (media) size in millimetres, read back from the file itself."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[0].obj
        x0, y0, x1, y1 = (float(v) for v in page.get("/TrimBox", page.MediaBox))
        m0, n0, m1, n1 = (float(v) for v in page.MediaBox)
        return len(doc.pages), (round((x1 - x0) / MM, 1), round((y1 - y0) / MM, 1)), \
            (round((m1 - m0) / MM, 1), round((n1 - n0) / MM, 1))


def print_job_sheet(manifest: Manifest, pdf: bytes, ctx) -> dict[str, bytes]:
    """`<slug>-print.json` and the same facts as text, for the print shop."""
    press = ctx.press
    pages, trim, media = _facts(pdf)
    standard = press.standard.title
    sheet = {
        "title": manifest.title,
        "reference": manifest.reference,
        "file": f"{manifest.slug}-print.pdf",
        "sha256": hashlib.sha256(pdf).hexdigest(),
        "pages": pages,
        "trim_mm": {"width": trim[0], "height": trim[1]},
        "bleed_mm": press.bleed_mm,
        "media_mm": {"width": media[0], "height": media[1]},
        "crop_marks": press.crop_marks,
        "binding": "saddle stitch" + (", spine on the right (opens right to left)" if _rtl(manifest) else ""),
        "sheets": pages // 4,
        "colour": "CMYK process (4/4); body text 100% K; total ink at most 300%",
        "pdf_standard": standard,
        "output_intent": {
            "identifier": press.profile.identifier,
            "condition": press.profile.condition,
            "profile": press.profile.path.name,
        },
        "draft": manifest.draft,
    }
    lines = [
        f"Print job: {manifest.title}",
        f"Reference:      {manifest.reference}" + ("  (DRAFT: not for release)" if manifest.draft else ""),
        f"File:           {sheet['file']}",
        f"SHA-256:        {sheet['sha256']}",
        f"Pages:          {pages} ({pages // 4} sheets folded), {sheet['binding']}",
        f"Trim size:      {trim[0]:g} x {trim[1]:g} mm (A5 portrait)",
        f"Bleed:          {press.bleed_mm:g} mm on every side",
        f"Crop marks:     {'yes, outside the bleed' if press.crop_marks else 'none'}",
        f"Colour:         {sheet['colour']}",
        f"PDF standard:   {standard}",
        f"Output intent:  {press.profile.identifier} ({press.profile.condition}), profile {press.profile.path.name}",
    ]
    return {
        f"{manifest.slug}-print.json": (json.dumps(sheet, indent=2, ensure_ascii=False) + "\n").encode(),
        f"{manifest.slug}-print.txt": ("\n".join(lines) + "\n").encode(),
    }


def handout_sheet(manifest: Manifest, pdf: bytes, ctx) -> dict[str, bytes]:
    """`<slug>-handout.txt`: how to print and fold the handout on an office printer."""
    sides, _, _ = _facts(pdf)
    text = f"""\
How to print "{manifest.title}" as a folded A5 booklet

File: {manifest.slug}-handout.pdf ({sides} A4 pages, {sides // 2} sheets of paper per booklet)

1. Open the file and choose Print.
2. Paper: A4. Orientation: landscape.
3. Size: "Actual size" or 100 %. Do not choose "Fit to page" or "Booklet":
   the pages are already in booklet order.
4. Two-sided (duplex): on, "Flip on short edge".
5. Print. Keep the sheets in the order they come out.
6. Fold the pile in half, with the cover on the outside, and staple twice on the fold.
"""
    if _rtl(manifest):
        text += "   The booklet reads right to left: the fold (the spine) is on the right of the cover.\n"
    if manifest.draft:
        text += "\nThis is a DRAFT: do not give it to patients.\n"
    return {f"{manifest.slug}-handout.txt": text.encode()}


def _rtl(manifest: Manifest) -> bool:
    from booklet.theme.scripts import direction
    return direction(manifest.language) == "rtl"
