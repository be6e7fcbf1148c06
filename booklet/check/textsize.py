"""Read the smallest body text size from each built PDF of a booklet and compare it with clear-print minimums.

Sizes are read from the page content itself (the font size times the text and page
matrices), so what is measured is what is printed. Running headers, page numbers and
other page furniture are marked as artifacts in tagged PDFs and are left out, and so
are the words drawn inside a picture (an SVG's labels: the picture's alt text carries
them). An untagged PDF cannot tell these from body text, so it is not measured.
"""

from __future__ import annotations

import math
from pathlib import Path


from booklet.check.subject import Finding, Subject

MINIMUM_PT = 12.0                          # RNIB / UKAAF clear print
MINIMUM_PT_BY_VARIANT = {"large-print": 16.0}
SHOW_TEXT = {"Tj", "TJ", "'", '"'}
NOT_BODY = {"/Artifact", "/Figure"}


def minimum_for(variant: str) -> float:
    return MINIMUM_PT_BY_VARIANT.get(variant, MINIMUM_PT)


def smallest_body_text(path: Path) -> tuple[float, int] | None:
    """The smallest size (pt) of text that is not an artifact, and the first page (1-based) it is on.

    None when the PDF has no such text. Raises ValueError for an untagged PDF.
    """
    import pikepdf                    # here, not at the top: every check loads this module, few read a PDF
    with pikepdf.open(path) as pdf:
        mark_info = pdf.Root.get("/MarkInfo")
        if "/StructTreeRoot" not in pdf.Root or not (mark_info is not None and mark_info.get("/Marked")):
            raise ValueError("untagged")
        smallest = None
        for number, page in enumerate(pdf.pages, start=1):
            size = _page_smallest(page)
            if size is not None and (smallest is None or size < smallest[0] - 1e-6):
                smallest = (size, number)
        return smallest


def _linear(a, b):
    """The linear part (a b c d) of the product of two PDF matrices: sizes do not depend on where
    text is moved to, so translations (and the Td/TD moves) are never needed."""
    return (a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3])


def _page_smallest(page) -> float | None:
    import pikepdf
    identity = (1.0, 0.0, 0.0, 1.0)
    ctm, stack, marks, hidden = identity, [], [], 0      # hidden: open marks that are not body text
    text_c, text_d, font_size, smallest = 0.0, 1.0, 0.0, None
    # Each instruction's operands are read only where the operator needs them: unpacking every
    # instruction costs more than all the arithmetic.
    for instruction in pikepdf.parse_content_stream(page):
        op = str(instruction.operator)
        if op in SHOW_TEXT:
            # The text matrix's (c d) through the CTM: the height of an em on the page.
            size = abs(font_size) * math.hypot(text_c * ctm[0] + text_d * ctm[2], text_c * ctm[1] + text_d * ctm[3])
            if size > 0 and (smallest is None or size < smallest) and not hidden \
                    and _has_glyphs(instruction.operands):
                smallest = size
        elif op == "Tm":
            operands = instruction.operands
            text_c, text_d = float(operands[2]), float(operands[3])
        elif op == "BT":
            text_c, text_d = 0.0, 1.0
        elif op == "Tf":
            font_size = float(instruction.operands[1])
        elif op == "BDC" or op == "BMC":
            not_body = str(instruction.operands[0]) in NOT_BODY
            marks.append(not_body)
            hidden += not_body
        elif op == "EMC":
            if marks:
                hidden -= marks.pop()
        elif op == "q":
            stack.append(ctm)
        elif op == "Q":
            ctm = stack.pop() if stack else identity
        elif op == "cm":
            ctm = _linear(tuple(map(float, instruction.operands)), ctm)
    return round(smallest, 2) if smallest is not None else None


def _has_glyphs(operands) -> bool:
    import pikepdf
    for operand in operands:
        if isinstance(operand, pikepdf.Array):
            if any(isinstance(item, pikepdf.String) and len(bytes(item)) for item in operand):
                return True
        elif isinstance(operand, pikepdf.String) and len(bytes(operand)):
            return True
    return False


def body_text_size(subject: Subject):
    """The rule: each built variant's smallest body text; a note for what could not be measured."""
    output = subject.context.output
    if output is None or subject.manifest is None:
        return                  # a build checks its sources before there is a PDF; a broken manifest, first
    import pikepdf
    names = subject.manifest.variants
    missing, untagged = [], []
    for name in names:
        path = output / subject.slug / f"{subject.slug}-{name}.pdf"
        if not path.is_file():
            missing.append(name)
            continue
        try:
            found = smallest_body_text(path)
        except ValueError:
            untagged.append(name)
            continue
        except pikepdf.PdfError as exc:
            yield Finding(path, 0, f"this PDF cannot be read to measure its text ({exc}); build it again")
            continue
        if found is not None and found[0] < minimum_for(name) - 0.05:
            size, page = found
            yield Finding(path, 0, f"body text on page {page} is {size:g} pt; the {name} variant needs at least"
                          f" {minimum_for(name):g} pt (set font-size in the variant's stylesheet)")
        if _stale(path, subject):
            yield Finding(path, 0, "this PDF is older than its sources, so its text sizes may have changed:"
                          " build it again to measure them", severity="note")
    if missing:
        yield Finding(subject.manifest_path, 0, f"text sizes not measured: no built PDF of {', '.join(missing)}"
                      f" in {output} (run booklet build first)", severity="note")
    if untagged:
        yield Finding(subject.manifest_path, 0, f"text sizes not measured for {', '.join(untagged)}: an untagged"
                      " PDF cannot tell body text from running headers (the same styles are measured in the"
                      " tagged variants)", severity="note")


def _stale(pdf: Path, subject: Subject) -> bool:
    built = pdf.stat().st_mtime
    inputs = [*subject.folder.rglob("*"), *(subject.root / "_shared").rglob("*"),
              *subject.context.styles.glob("*.css"), *subject.context.styles.glob("fonts/*")]
    return any(p.is_file() and p.stat().st_mtime > built for p in inputs)
