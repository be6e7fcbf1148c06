"""Read the text a PDF draws back out of its content streams, tied to the marked content it is drawn in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

import pikepdf
from pikepdf import Dictionary, Name, String

from booklet.render.tagging.content import PageInstructions, ParsedPages, mcid_of, parse
from booklet.render.tagging.tree import owners, reachable

TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}
RESOURCES, SUBTYPE, MCID, ACTUAL_TEXT = Name.Resources, Name.Subtype, Name.MCID, Name.ActualText


class Mark(NamedTuple):
    """One open marked-content sequence: `serial` tells sequences with the same tag apart."""

    serial: int
    tag: str
    mcid: int | None
    actual: str | None = None      # its /ActualText: what a reader gets in place of the glyphs inside


# Reading the text back. Decoding through each font's /ToUnicode CMap keeps the
# text tied to the marked content it is drawn in, which pypdfium2's page text is not;
# tests cross-check the two.

def marked_content(pdf: pikepdf.Pdf, wanted: set[tuple[int, int]] | None = None,
                   parsed: ParsedPages | None = None) -> Iterator[tuple[int, tuple[Mark, ...], str, str]]:
    """Yield (page index, open marks, operator, decoded text or "") for every operator drawn,
    following Form XObjects with the marks open where they are drawn. With `wanted`, text is
    decoded only inside those (page index, MCID) sequences; with `parsed`, the pages' content
    is read from the instructions the repair passes share rather than parsed again."""
    return _drawn(pdf, wanted, parsed, every=True)


def _drawn(pdf: pikepdf.Pdf, wanted: set[tuple[int, int]] | None, parsed: ParsedPages | None, every: bool
           ) -> Iterator[tuple[int, tuple[Mark, ...], str, str]]:
    """marked_content; unless `every`, only the operators that draw text (and only on pages
    holding a `wanted` sequence), which is all the text readers below need."""
    serial = iter(range(1 << 62))
    cmaps: dict = {}          # one decoder per font for the whole document: pages share fonts
    forms: dict = {}          # each Form XObject parsed once, however many pages draw it
    pages = None if every or wanted is None else {index for index, _ in wanted}
    for index, page in enumerate(pdf.pages):
        if pages is not None and index not in pages:
            continue
        content = parsed.page(index) if parsed is not None else parse(page.obj)
        yield from _operators(index, content, page.obj.get(RESOURCES, Dictionary()), (), serial, cmaps, forms,
                              wanted, every)


def _operators(index, content: PageInstructions, resources, marks, serial, cmaps, forms, wanted, every, depth=0):
    stack, font = [], None
    # The innermost open MCID, kept in step with `marks` rather than searched for at each operator.
    mcids = [m.mcid for m in marks if m.mcid is not None]
    for instruction, op in zip(content.instructions, content.operators):
        text = ""
        if op in TEXT_OPERATORS:
            if font is not None and (wanted is None or (index, mcids[-1] if mcids else None) in wanted):
                operands = instruction.operands
                key = font.objgen if font.is_indirect else id(font)
                if key not in cmaps:
                    cmaps[key] = _decoder(font)
                decode = cmaps[key]
                strings = operands[-1] if op == "TJ" else [operands[-1]]
                text = "".join(decode(bytes(s)) for s in strings if isinstance(s, String))
        elif op == "BDC" or op == "BMC":
            operands = instruction.operands
            mcid = mcid_of(op, operands)
            actual = operands[1].get(ACTUAL_TEXT) if op == "BDC" and isinstance(operands[1], Dictionary) else None
            marks += (Mark(next(serial), str(operands[0])[1:], mcid, None if actual is None else str(actual)),)
            if mcid is not None:
                mcids.append(mcid)
        elif op == "EMC":
            if marks and marks[-1].mcid is not None:
                mcids.pop()
            marks = marks[:-1]
        elif op == "q":
            stack.append(font)
        elif op == "Q" and stack:
            font = stack.pop()
        elif op == "Tf":
            font = resources.Font[instruction.operands[0]]
        elif op == "Do" and depth < 8:
            xobject = resources.XObject[instruction.operands[0]]
            if xobject.get(SUBTYPE) == Name.Form:
                key = xobject.objgen if xobject.is_indirect else id(xobject)
                if key not in forms:
                    forms[key] = parse(xobject)
                yield from _operators(index, forms[key], xobject.get(RESOURCES, resources), marks, serial, cmaps,
                                      forms, wanted, every, depth + 1)
        if text or every:
            yield index, marks, op, text


def _decoder(font: Dictionary):
    """A bytes -> str function built from the font's /ToUnicode CMap (bfchar and bfrange)."""
    if "/ToUnicode" not in font:
        return lambda data: data.decode("latin-1")
    cmap = font.ToUnicode.read_bytes().decode("latin-1")
    width = len(bytes.fromhex(re.search(r"begincodespacerange\s*<(\w+)>", cmap).group(1)))
    table = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for src, dst in re.findall(r"<(\w+)>\s*<(\w*)>", block):
            table[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for lo, hi, dst in re.findall(r"<(\w+)>\s*<(\w+)>\s*(<\w*>|\[[^\]]*\])", block):
            targets = re.findall(r"<(\w*)>", dst)
            for offset, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                if dst.startswith("["):
                    table[code] = bytes.fromhex(targets[offset]).decode("utf-16-be")
                else:
                    first = bytes.fromhex(targets[0]).decode("utf-16-be")
                    table[code] = first[:-1] + chr(ord(first[-1]) + offset)
    return lambda data: "".join(table.get(int.from_bytes(data[i:i + width], "big"), "\ufffd")
                                for i in range(0, len(data), width))


def mcid_text(pdf: pikepdf.Pdf, wanted: set[tuple[int, int]] | None = None,
              parsed: ParsedPages | None = None) -> dict[tuple[int, int], str]:
    """Text drawn in each tagged marked-content sequence (or just the `wanted` ones), keyed by
    (page index, MCID), as a reader gets it: a sequence with an /ActualText gives that, once."""
    texts: dict[tuple[int, int], str] = {}
    replaced: set[int] = set()
    for index, marks, _, text in _drawn(pdf, wanted, parsed, every=False):
        if not text:
            continue
        outer = next((m for m in marks if m.actual is not None), None)
        if outer is not None:
            text = "" if outer.serial in replaced else outer.actual
            replaced.add(outer.serial)
        mcid = next((m.mcid for m in reversed(marks) if m.mcid is not None), None)
        if mcid is not None:
            texts[index, mcid] = texts.get((index, mcid), "") + text
    return texts


def artifact_text(pdf: pikepdf.Pdf) -> list[str]:
    """Text drawn inside Artifact marked content, one string per Artifact sequence."""
    runs: dict[tuple[int, int], str] = {}
    for index, marks, _, text in _drawn(pdf, None, None, every=False):
        artifact = next((m for m in marks if m.tag == "Artifact"), None)
        if text and artifact:
            runs[index, artifact.serial] = runs.get((index, artifact.serial), "") + text
    return list(runs.values())


def untagged_text_outside_artifacts(pdf: pikepdf.Pdf) -> list[str]:
    """Text an assistive reader would meet outside the structure: drawn outside any
    marked content, or tagged with an MCID that no reachable structure element owns."""
    has_tree = "/StructTreeRoot" in pdf.Root
    owned, live = (owners(pdf), reachable(pdf)) if has_tree else ({}, set())
    runs: dict[tuple[int, int], str] = {}
    for index, marks, _, text in _drawn(pdf, None, None, every=False):
        if not text or any(m.tag == "Artifact" for m in marks):
            continue
        mark = next((m for m in reversed(marks) if m.mcid is not None), Mark(-1, "", None))
        owner = owned.get((index, mark.mcid))
        if owner is None or owner.objgen not in live:
            runs[index, mark.serial] = runs.get((index, mark.serial), "") + text
    return list(runs.values())
