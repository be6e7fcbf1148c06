"""Draw the DRAFT mark on every page as a Pagination Watermark Artifact."""

from __future__ import annotations

import pikepdf
from pikepdf import Dictionary, Name

STAMP = Name("/BookletDraftStamp")


def stamp_artifact_overlay(pdf: pikepdf.Pdf, stamp: pikepdf.Pdf, *, underneath: bool = False) -> None:
    """Draw `stamp`'s first page, centred on the trim, on every page as a Pagination Watermark
    Artifact: on top (translucent), or `underneath` the page's content where transparency is barred."""
    form = pdf.copy_foreign(stamp.pages[0].as_form_xobject())
    x0, y0, x1, y1 = (float(v) for v in form.BBox)
    for page in pdf.pages:
        # A fixed name, not add_resource's random one: the same sources give the same bytes.
        # WeasyPrint shares one resource dictionary between pages, so this is set, not added.
        if Name.Resources not in page.obj:
            page.obj.Resources = Dictionary()
        if Name.XObject not in page.obj.Resources:
            page.obj.Resources.XObject = Dictionary()
        page.obj.Resources.XObject[STAMP] = form
        px0, py0, px1, py1 = (float(v) for v in page.trimbox)
        dx, dy = (px0 + px1 - x0 - x1) / 2, (py0 + py1 - y0 - y1) / 2
        drawing = (b"q 1 0 0 1 %.4f %.4f cm\n/Artifact <</Type /Pagination /Subtype /Watermark>> BDC\n"
                   b"%s Do\nEMC\nQ\n" % (dx, dy, str(STAMP).encode()))
        # q ... Q around the page's own content: WeasyPrint leaves its y-flip `cm` open.
        if underneath:
            page.contents_add(pdf.make_stream(drawing + b"q\n"), prepend=True)
            page.contents_add(pdf.make_stream(b"Q\n"))
        else:
            page.contents_add(pdf.make_stream(b"q\n"), prepend=True)
            page.contents_add(pdf.make_stream(b"Q\n" + drawing))
