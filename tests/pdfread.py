"""Read finished PDFs back for the tests, independently of the code that wrote them."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

MM = 72 / 25.4


def mm(box) -> list[float]:
    return [round(float(v) / MM, 2) for v in box]


def streams_with_resources(pdf: pikepdf.Pdf):
    """(where, stream owner) for every page, Form XObject, tiling pattern and annotation appearance."""
    seen = set()

    def visit(where, owner):
        if owner.objgen != (0, 0):
            if owner.objgen in seen:
                return
            seen.add(owner.objgen)
        yield where, owner
        resources = owner.get("/Resources", pikepdf.Dictionary())
        for name, xobject in resources.get("/XObject", pikepdf.Dictionary()).items():
            if xobject.get("/Subtype") == "/Form":
                yield from visit(f"{where} {name}", xobject)
        for name, pattern in resources.get("/Pattern", pikepdf.Dictionary()).items():
            if int(pattern.get("/PatternType", 0)) == 1:
                yield from visit(f"{where} {name}", pattern)

    for number, page in enumerate(pdf.pages, start=1):
        yield from visit(f"page {number}", page.obj)
        for annot in page.obj.get("/Annots", []):
            for appearance in annot.get("/AP", pikepdf.Dictionary()).values():
                if isinstance(appearance, pikepdf.Stream):
                    yield from visit(f"page {number} annotation", appearance)


def rgb_uses(pdf: pikepdf.Pdf) -> list[str]:
    """Every RGB colour: operators, colour spaces (anywhere in the file) and images."""
    found = []
    for where, owner in streams_with_resources(pdf):
        for operands, operator in pikepdf.parse_content_stream(owner):
            if str(operator) in ("rg", "RG"):
                found.append(f"{where}: {operator} operator")
            if str(operator) in ("cs", "CS") and operands[0] in ("/DeviceRGB", "/CalRGB"):
                found.append(f"{where}: {operator} {operands[0]}")
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image":
            space = obj.get("/ColorSpace")
            if space in ("/DeviceRGB", "/CalRGB") or (isinstance(space, pikepdf.Array) and space[0] == "/ICCBased"
                                                       and int(space[1].N) == 3):
                found.append(f"image {obj.objgen}: {space}")
        text = repr(obj) if not isinstance(obj, pikepdf.Stream) else repr(dict(obj.items()))
        if "/DeviceRGB" in text or "/CalRGB" in text:
            found.append(f"object {obj.objgen} names an RGB colour space")
    return found


def fill_colours_of_text(pdf: pikepdf.Pdf) -> list[tuple[str, tuple[float, ...]]]:
    """(colour space, fill colour) in force for each text-showing operator on the pages."""
    found = []
    for _, owner in streams_with_resources(pdf):
        space, colour, stack = "/DeviceGray", (0.0,), []
        for operands, operator in pikepdf.parse_content_stream(owner):
            op = str(operator)
            if op == "q":
                stack.append((space, colour))
            elif op == "Q" and stack:
                space, colour = stack.pop()
            elif op == "cs":
                space = str(operands[0])
            elif op in ("sc", "scn") and all(isinstance(o, (int, float)) or hasattr(o, "as_integer_ratio")
                                            for o in operands):
                colour = tuple(float(o) for o in operands)
            elif op == "k":
                space, colour = "/DeviceCMYK", tuple(float(o) for o in operands)
            elif op == "g":
                space, colour = "/DeviceGray", (float(operands[0]),)
            elif op in ("Tj", "TJ", "'", '"'):
                found.append((space, colour))
    return found


def cmyk_colours(pdf: pikepdf.Pdf) -> set[tuple[float, ...]]:
    """Every DeviceCMYK colour set by an operator (k, K, or sc/scn after a DeviceCMYK cs/CS)."""
    found = set()
    for _, owner in streams_with_resources(pdf):
        fill = stroke = ""
        for operands, operator in pikepdf.parse_content_stream(owner):
            op = str(operator)
            if op in ("k", "K"):
                found.add(tuple(float(o) for o in operands))
            elif op == "cs":
                fill = str(operands[0])
            elif op == "CS":
                stroke = str(operands[0])
            elif op in ("sc", "scn", "SC", "SCN") and (fill if op.islower() else stroke) == "/DeviceCMYK":
                found.add(tuple(float(o) for o in operands))
    return found


def page_texts(path: Path) -> list[str]:
    document = pdfium.PdfDocument(str(path))
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def text_in_halves(path: Path) -> list[tuple[str, str]]:
    """(left half, right half) text of each page, for imposed sheets."""
    document = pdfium.PdfDocument(str(path))
    try:
        halves = []
        for page in document:
            width, height = page.get_size()
            text = page.get_textpage()
            halves.append((text.get_text_bounded(0, 0, width / 2, height),
                           text.get_text_bounded(width / 2, 0, width, height)))
        return halves
    finally:
        document.close()


def smallest_font_sizes(path: Path) -> list[float]:
    """The smallest font size (points, as drawn) of the printable characters on each page."""
    document = pdfium.PdfDocument(str(path))
    try:
        sizes = []
        for page in document:
            text = page.get_textpage()
            page_sizes = [pdfium_c.FPDFText_GetFontSize(text.raw, i) for i in range(text.count_chars())
                          if chr(pdfium_c.FPDFText_GetUnicode(text.raw, i)).strip()]
            sizes.append(min(page_sizes) if page_sizes else float("inf"))
        return sizes
    finally:
        document.close()


def bottom_number(text: str) -> int | None:
    """The page number printed at the foot of a page (the last line that is only digits)."""
    numbers = [line.strip() for line in text.splitlines() if re.fullmatch(r"\s*\d{1,3}\s*", line)]
    return int(numbers[-1]) if numbers else None


# The structure tree, read without booklet's own tagging code.

def structure_elements(node):
    """Every structure element below `node` (a StructTreeRoot or element), parents first."""
    for kid in structure_kids(node):
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from structure_elements(kid)


def structure_kids(node) -> list:
    kids = node.get("/K")
    return [] if kids is None else list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def roles(node) -> list[str]:
    """The structure types of `node`'s element kids, in order ("LBody", "P" ...)."""
    return [str(kid.S)[1:] for kid in structure_kids(node) if isinstance(kid, pikepdf.Dictionary) and "/S" in kid]


def content_keys(pdf: pikepdf.Pdf, node) -> list[tuple[int, int]]:
    """(page index, MCID) of every marked-content sequence below `node`, in structure order."""
    pages = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
    keys = []

    def visit(elem, page):
        page = elem.get("/Pg", page)
        for kid in structure_kids(elem):
            if isinstance(kid, int):
                keys.append((pages[page.objgen], int(kid)))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                keys.append((pages[kid.get("/Pg", page).objgen], int(kid.MCID)))
            elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                visit(kid, page)
    visit(node, node.get("/Pg"))
    return keys


def painted_keys(pdf: pikepdf.Pdf) -> list[tuple[int, int]]:
    """(page index, MCID) of each page's marked-content sequences in the order they are painted."""
    keys = []
    for index, page in enumerate(pdf.pages):
        for operands, operator in pikepdf.parse_content_stream(page):
            if str(operator) == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]:
                keys.append((index, int(operands[1].MCID)))
    return keys


def link_annotations(pdf: pikepdf.Pdf) -> list:
    return [annot for page in pdf.pages for annot in page.obj.get("/Annots", []) if annot.get("/Subtype") == "/Link"]


def painting_order_mismatches(pdf: pikepdf.Pdf) -> list[str]:
    """Each page that paints in another order than the structure tree reads it (ORD-001): the
    MCIDs its content stream opens, in stream order, must be exactly the MCIDs the tree holds on
    that page, in tree order; and its annotations (painted after the content, in /Annots order)
    must come in the order the tree holds them. Empty when every page agrees."""
    tree: dict[int, list[int]] = {}
    for index, mcid in content_keys(pdf, pdf.Root.StructTreeRoot):
        tree.setdefault(index, []).append(mcid)
    painted: dict[int, list[int]] = {}
    for index, mcid in painted_keys(pdf):
        painted.setdefault(index, []).append(mcid)
    annotations = annotation_keys(pdf.Root.StructTreeRoot)
    found = []
    for index, page in enumerate(pdf.pages):
        for what, read, drawn in (
                ("MCIDs", tree.get(index, []), painted.get(index, [])),
                ("annotations", *_annotation_orders(page, annotations))):
            if read != drawn:
                at = next((i for i, (a, b) in enumerate(zip(read, drawn)) if a != b), min(len(read), len(drawn)))
                found.append(f"page {index + 1}: the tree reads {what} {read[at:at + 4]} where the page paints"
                             f" {drawn[at:at + 4]} (position {at} of {len(read)} read, {len(drawn)} painted)")
    return found


def annotation_keys(node) -> list[tuple[int, int]]:
    """The object numbers of the annotations below `node`, in structure order."""
    found = []
    for kid in structure_kids(node):
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
            found.append(kid.Obj.objgen)
        elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            found.extend(annotation_keys(kid))
    return found


def _annotation_orders(page, in_tree: list[tuple[int, int]]) -> tuple[list, list]:
    listed = [annot.objgen for annot in page.obj.get("/Annots", [])]
    on_page = set(listed)
    return [key for key in in_tree if key in on_page], [key for key in listed if key in set(in_tree)]
