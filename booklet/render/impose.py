"""Impose A5 booklet pages two-up on A4 landscape sheets in saddle-stitch order, as vector content."""

from __future__ import annotations

import io

import pikepdf
from pikepdf import Array, Dictionary, Name, String

MM = 72 / 25.4
SHEET = (297 * MM, 210 * MM)       # A4 landscape
EDGE_MM = 5.0                      # office printers cannot print to the edge


def saddle_stitch_order(pages: int, *, right_to_left: bool = False) -> list[tuple[int, int]]:
    """(left, right) page numbers for each printed side: N,1 | 2,N-1 | N-2,3 | 4,N-3 ...
    A booklet in Arabic or Urdu opens on the right (its spine is on the right, its cover the left
    half of the first side): every side's two pages change places, 1,N | N-1,2 | 3,N-2 ..."""
    if pages % 4:
        raise ValueError(f"a saddle-stitched booklet needs a multiple of 4 pages, not {pages}")
    sides = []
    for side in range(pages // 2):
        outer, inner = pages - side, side + 1
        pair = (outer, inner) if side % 2 == 0 else (inner, outer)
        sides.append(pair[::-1] if right_to_left else pair)
    return sides


def impose_handout(booklet: bytes, *, title: str, right_to_left: bool = False) -> bytes:
    """A4 landscape sides, each with two trimmed A5 pages meeting at the fold, shrunk to keep the edges clear."""
    with pikepdf.open(io.BytesIO(booklet)) as source, pikepdf.new() as sheets:
        forms = [_trimmed_form(sheets, page) for page in source.pages]
        width, height = _trim_size(source.pages[0])
        scale = min((SHEET[1] - 2 * EDGE_MM * MM) / height, (SHEET[0] / 2 - EDGE_MM * MM) / width)
        placed_w, placed_h = width * scale, height * scale
        for left, right in saddle_stitch_order(len(forms), right_to_left=right_to_left):
            page = sheets.add_blank_page(page_size=SHEET)
            page.obj.Resources = Dictionary(XObject=Dictionary(L=forms[left - 1], R=forms[right - 1]))
            y = (SHEET[1] - placed_h) / 2
            middle = SHEET[0] / 2
            page.obj.Contents = sheets.make_stream(
                (f"q {scale:.6f} 0 0 {scale:.6f} {middle - placed_w:.3f} {y:.3f} cm /L Do Q\n"
                 f"q {scale:.6f} 0 0 {scale:.6f} {middle:.3f} {y:.3f} cm /R Do Q\n").encode())
        sheets.docinfo.Title = String(title)
        for key in ("/Author", "/CreationDate", "/ModDate"):
            if key in source.docinfo:
                sheets.docinfo[key] = source.docinfo[key]
        sheets.docinfo.Producer = String("booklet")
        sheets.Root.ViewerPreferences = Dictionary(Duplex=Name.DuplexFlipShortEdge, PrintScaling=Name("/None"),
                                                   DisplayDocTitle=True)
        if right_to_left:
            sheets.Root.ViewerPreferences.Direction = Name.R2L
        out = io.BytesIO()
        sheets.save(out, deterministic_id=True, compress_streams=True,
                    object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


def _trim_size(page: pikepdf.Page) -> tuple[float, float]:
    x0, y0, x1, y1 = (float(v) for v in page.obj.get("/TrimBox", page.obj.MediaBox))
    return x1 - x0, y1 - y0


def _trimmed_form(target: pikepdf.Pdf, page: pikepdf.Page) -> pikepdf.Object:
    """The page as a Form XObject clipped to its trim and moved to the origin: bleed and marks fall away."""
    form = target.copy_foreign(page.as_form_xobject())
    x0, y0, x1, y1 = (float(v) for v in page.obj.get("/TrimBox", page.obj.MediaBox))
    form.BBox = Array([x0, y0, x1, y1])
    form.Matrix = Array([1, 0, 0, 1, -x0, -y0])
    return form
