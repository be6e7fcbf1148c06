"""Repair WeasyPrint's tagged PDF so that it meets PDF/UA-1 (ISO 14289-1)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

import pikepdf
from pikepdf import Array, Dictionary, Name, Operator, String

# Characters CSS leader() repeats; a run of them carries no meaning for a reader.
LEADER = re.compile(r"[\s.\u00b7\u2024\u2026_]+")
TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}


class Mark(NamedTuple):
    """One open marked-content sequence: `serial` tells sequences with the same tag apart."""

    serial: int
    tag: str
    mcid: int | None


def make_accessible(pdf: pikepdf.Pdf, *, title: str, language: str) -> None:
    """Apply every fix in place; running it twice changes nothing more."""
    _set_document_properties(pdf, title, language)
    if "/StructTreeRoot" not in pdf.Root:
        raise ValueError("the PDF is not tagged: render it with pdf_variant='pdf/ua-1'")
    owners, reachable = _owners(pdf), _reachable(pdf)
    pages = _page_numbers(pdf)
    # Only the text of links and of runs that may be leader dots is needed: decode no more.
    wanted = set()
    for elem in _walk_elements(pdf.Root.StructTreeRoot):
        keys = _all_mcid_keys(pages, elem) if elem.get("/S") == Name.Link else _mcid_keys(pages, elem)
        if elem.get("/S") == Name.Link or len(keys) > 1:
            wanted.update(keys)
    texts = mcid_text(pdf, wanted)
    artifacts: dict[tuple[int, int], Dictionary] = {}
    for key, elem in owners.items():
        if elem.objgen not in reachable:
            # WeasyPrint tags margin boxes (running header, page number) but leaves their
            # elements out of the tree: orphaned content, where ISO 14289-1 wants Artifacts.
            artifacts[key] = Dictionary(Type=Name.Pagination)
        elif elem.get("/S") == Name.Figure and "/Alt" not in elem:
            # <img alt=""> is HTML's decorative image; WeasyPrint makes it a Figure
            # without /Alt, which PDF/UA forbids. (booklet.markdown rejects a missing alt.)
            artifacts[key] = Dictionary(Type=Name.Layout)
    for elem in _walk_elements(pdf.Root.StructTreeRoot):
        keys = _mcid_keys(pages, elem)
        if len(keys) > 1 and all(LEADER.fullmatch(texts.get(k, "")) for k in keys):
            # leader('.') draws each dot as its own text box, so the contents
            # would read out "dot dot dot"; they are layout, not content.
            artifacts.update((k, Dictionary(Type=Name.Layout)) for k in keys)
    _mark_as_artifacts(pdf, artifacts)
    _detach_mcids(pdf, owners, artifacts)
    _prune_empty(pdf.Root.StructTreeRoot)
    _merge_links(pdf)
    _adopt_annotations(pdf)
    _describe_links(pdf, texts, pages)
    for page in pdf.pages:
        page.obj.Tabs = Name.S  # tab order follows the structure tree (7.18.3)


def _set_document_properties(pdf: pikepdf.Pdf, title: str, language: str) -> None:
    """Catalog entries and XMP that PDF/UA-1 requires; nothing time-dependent is written."""
    pdf.Root.Lang = String(language)
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    if "/ViewerPreferences" not in pdf.Root:
        pdf.Root.ViewerPreferences = Dictionary()
    pdf.Root.ViewerPreferences.DisplayDocTitle = True
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:title"] = title
        meta["dc:language"] = [language]
        meta["pdfuaid:part"] = "1"
    pdf.docinfo.Title = String(title)


def _owners(pdf: pikepdf.Pdf) -> dict[tuple[int, int], Dictionary]:
    """Map (page index, MCID) to the structure element the ParentTree names for it."""
    tree = pikepdf.NumberTree(pdf.Root.StructTreeRoot.ParentTree)
    owners = {}
    for index, page in enumerate(pdf.pages):
        if "/StructParents" not in page.obj or int(page.obj.StructParents) not in tree:
            continue
        for mcid, elem in enumerate(tree[int(page.obj.StructParents)]):
            if isinstance(elem, Dictionary):
                owners[index, mcid] = elem
    return owners


def _kids(elem: Dictionary) -> list:
    kids = elem.get("/K")
    return [] if kids is None else list(kids) if isinstance(kids, Array) else [kids]


def _is_element(kid) -> bool:
    return isinstance(kid, Dictionary) and kid.get("/Type") not in (Name.MCR, Name.OBJR)


def _walk_elements(node: Dictionary) -> Iterator[Dictionary]:
    """Every structure element below `node`, parents before children."""
    for kid in _kids(node):
        if _is_element(kid):
            yield kid
            yield from _walk_elements(kid)


def _reachable(pdf: pikepdf.Pdf) -> set[tuple[int, int]]:
    return {elem.objgen for elem in _walk_elements(pdf.Root.StructTreeRoot)}


def _page_numbers(pdf: pikepdf.Pdf) -> dict[tuple[int, int], int]:
    """Page object -> page index, made once: looking each page up in the page list is quadratic."""
    return {page.obj.objgen: index for index, page in enumerate(pdf.pages)}


def _mcid_keys(pages: dict[tuple[int, int], int], elem: Dictionary) -> list[tuple[int, int]]:
    """The (page index, MCID) pairs that `elem` holds directly, as integers or MCR dictionaries."""
    keys = []
    for kid in _kids(elem):
        if isinstance(kid, int):
            keys.append((pages[elem.Pg.objgen], int(kid)))
        elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR:
            keys.append((pages[kid.get("/Pg", elem.get("/Pg")).objgen], int(kid.MCID)))
    return keys


def _mark_as_artifacts(pdf: pikepdf.Pdf, artifacts: dict[tuple[int, int], Dictionary]) -> None:
    """Turn each `/Tag <</MCID n>> BDC` into `/Artifact <</Type ...>> BDC`, keeping what it draws."""
    by_page: dict[int, dict[int, Dictionary]] = {}
    for (index, mcid), props in artifacts.items():
        by_page.setdefault(index, {})[mcid] = props
    for index, page in enumerate(pdf.pages):
        wanted = by_page.get(index)
        if not wanted:
            continue
        instructions = []
        for operands, operator in pikepdf.parse_content_stream(page):
            if str(operator) == "BDC" and isinstance(operands[1], Dictionary) \
                    and int(operands[1].get("/MCID", -1)) in wanted:
                operands = [Name.Artifact, wanted[int(operands[1].MCID)]]
            instructions.append(pikepdf.ContentStreamInstruction(operands, operator))
        page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(instructions))


def _detach_mcids(pdf, owners, artifacts) -> None:
    """Drop artifact MCIDs from their elements and from the ParentTree (null entries are allowed)."""
    tree = pikepdf.NumberTree(pdf.Root.StructTreeRoot.ParentTree)
    for index, mcid in artifacts:
        elem = owners[index, mcid]
        elem.K = Array(kid for kid in _kids(elem) if not (
            (isinstance(kid, int) and int(kid) == mcid)
            or (isinstance(kid, Dictionary) and kid.get("/MCID") == mcid)))
        tree[int(pdf.pages[index].obj.StructParents)][mcid] = None


# An empty table cell is still a cell: dropping it would break the table's grid.
KEEP_EMPTY = {Name.TD, Name.TH, Name.TR, Name.THead, Name.TBody, Name.TFoot, Name.Table}


def _prune_empty(node: Dictionary) -> bool:
    """Remove elements left with no content (a decorative Figure, its wrappers); True if `node` is empty."""
    kept = [kid for kid in _kids(node) if not (_is_element(kid) and _prune_empty(kid))]
    node.K = Array(kept)
    return not kept and node.get("/Type") != Name.StructTreeRoot and node.get("/S") not in KEEP_EMPTY


def _adopt_annotations(pdf: pikepdf.Pdf) -> None:
    """Hand each link annotation that WeasyPrint filed under an inner Span to the Link
    around it: PDF/UA-1 (7.18.5) wants every link annotation inside a Link element."""
    tree = pikepdf.NumberTree(pdf.Root.StructTreeRoot.ParentTree)
    for page in pdf.pages:
        for annot in page.obj.get("/Annots", Array()):
            if annot.get("/Subtype") != Name.Link or "/StructParent" not in annot:
                continue
            key = int(annot.StructParent)
            elem = tree[key] if key in tree else None
            if not isinstance(elem, Dictionary) or elem.get("/S") == Name.Link:
                continue
            link = elem.get("/P")
            while isinstance(link, Dictionary) and link.get("/S") not in (Name.Link, None):
                link = link.get("/P")
            if not isinstance(link, Dictionary) or link.get("/S") != Name.Link:
                continue
            objrs = [kid for kid in _kids(elem) if isinstance(kid, Dictionary)
                     and kid.get("/Type") == Name.OBJR and kid.Obj.objgen == annot.objgen]
            elem.K = Array(kid for kid in _kids(elem) if not any(kid is o for o in objrs)
                           and not (isinstance(kid, Dictionary) and kid.get("/Type") == Name.OBJR
                                    and kid.Obj.objgen == annot.objgen))
            link.K = Array(_kids(link) + (objrs or [Dictionary(Type=Name.OBJR, Obj=annot, Pg=page.obj)]))
            tree[key] = link


def _link_target(pdf: pikepdf.Pdf, elem: Dictionary):
    annots = [kid.Obj for kid in _kids(elem) if isinstance(kid, Dictionary) and kid.get("/Type") == Name.OBJR]
    if not annots:
        return None
    action = annots[0].get("/A")
    return repr(action.get("/URI") if action is not None else annots[0].get("/Dest"))


def _merge_links(pdf: pikepdf.Pdf) -> None:
    """Make one Link of a link WeasyPrint split into several: nested (a::after,
    leader) or one per line box, each with its own annotation."""
    tree = pikepdf.NumberTree(pdf.Root.StructTreeRoot.ParentTree)
    # Deepest first: a Link nested two deep must reach the outer Link, not a husk.
    for parent in reversed([pdf.Root.StructTreeRoot, *_walk_elements(pdf.Root.StructTreeRoot)]):
        kids, merged = _kids(parent), []
        for kid in kids:
            previous = merged[-1] if merged else None
            if _is_element(kid) and kid.get("/S") == Name.Link and (
                    parent.get("/S") == Name.Link
                    or (_is_element(previous) and previous.get("/S") == Name.Link
                        and _link_target(pdf, previous) == _link_target(pdf, kid))):
                target = parent if parent.get("/S") == Name.Link else previous
                _move_kids(pdf, tree, kid, target, merged if target is parent else None)
            else:
                merged.append(kid)
        parent.K = Array(merged)


def _move_kids(pdf, tree, source: Dictionary, target: Dictionary, into: list | None) -> None:
    """Re-home every kid of `source` under `target`, keeping ParentTree and /P in step."""
    moved = []
    for kid in _kids(source):
        if isinstance(kid, int):
            if source.Pg.objgen != target.Pg.objgen:
                kid = Dictionary(Type=Name.MCR, MCID=kid, Pg=source.Pg)
            tree[int(pikepdf.Page(source.Pg).obj.StructParents)][int(kid)] = target
        elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.OBJR:
            tree[int(kid.Obj.StructParent)] = target
        elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR:
            tree[int(pikepdf.Page(kid.Pg).obj.StructParents)][int(kid.MCID)] = target
        else:
            kid.P = target
        moved.append(kid)
    if into is None:
        target.K = Array(_kids(target) + moved)
    else:
        into.extend(moved)


def _describe_links(pdf: pikepdf.Pdf, texts: dict[tuple[int, int], str],
                    pages: dict[tuple[int, int], int]) -> None:
    """Give each link annotation its visible text as /Contents (7.18.5); WeasyPrint
    writes the raw target there, which reads as "sec-1" or "tel:+353..."."""
    for elem in _walk_elements(pdf.Root.StructTreeRoot):
        if elem.get("/S") != Name.Link:
            continue
        text = " ".join(" ".join(texts.get(k, "") for k in _all_mcid_keys(pages, elem)).split())
        for kid in _kids(elem):
            if text and isinstance(kid, Dictionary) and kid.get("/Type") == Name.OBJR:
                kid.Obj.Contents = String(text)


def _all_mcid_keys(pages, elem) -> list[tuple[int, int]]:
    keys = []
    for kid in _kids(elem):
        keys += _all_mcid_keys(pages, kid) if _is_element(kid) else _mcid_keys(pages, Dictionary(K=Array([kid]),
                                                                                               Pg=elem.get("/Pg")))
    return keys


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


# Reading the text back. Decoding through each font's /ToUnicode CMap keeps the
# text tied to the marked content it is drawn in, which pypdfium2's page text is not;
# tests cross-check the two.

def marked_content(pdf: pikepdf.Pdf, wanted: set[tuple[int, int]] | None = None
                   ) -> Iterator[tuple[int, tuple[Mark, ...], str, str]]:
    """Yield (page index, open marks, operator, decoded text or "") for every operator drawn,
    following Form XObjects with the marks open where they are drawn. With `wanted`, text is
    decoded only inside those (page index, MCID) sequences."""
    serial = iter(range(1 << 62))
    cmaps: dict = {}          # one decoder per font for the whole document: pages share fonts
    for index, page in enumerate(pdf.pages):
        yield from _operators(index, page.obj, page.obj.get("/Resources", Dictionary()), (), serial, cmaps,
                              wanted)


def _operators(index, stream, resources, marks, serial, cmaps, wanted=None, depth=0):
    stack, font = [], None
    for operands, operator in pikepdf.parse_content_stream(stream):
        op = str(operator)
        if op in ("BDC", "BMC"):
            props = operands[1] if op == "BDC" and isinstance(operands[1], Dictionary) else {}
            marks += (Mark(next(serial), str(operands[0])[1:], int(props["/MCID"]) if "/MCID" in props else None),)
        elif op == "EMC":
            marks = marks[:-1]
        elif op == "q":
            stack.append(font)
        elif op == "Q" and stack:
            font = stack.pop()
        elif op == "Tf":
            font = resources.Font[operands[0]]
        elif op == "Do" and depth < 8:
            xobject = resources.XObject[operands[0]]
            if xobject.get("/Subtype") == Name.Form:
                yield from _operators(index, xobject, xobject.get("/Resources", resources), marks, serial, cmaps,
                                     wanted, depth + 1)
        text = ""
        if op in TEXT_OPERATORS and font is not None and (wanted is None or (index, next(
                (m.mcid for m in reversed(marks) if m.mcid is not None), None)) in wanted):
            key = font.objgen if font.is_indirect else id(font)
            if key not in cmaps:
                cmaps[key] = _decoder(font)
            decode = cmaps[key]
            strings = operands[-1] if op == "TJ" else [operands[-1]]
            text = "".join(decode(bytes(s)) for s in strings if isinstance(s, String))
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


def mcid_text(pdf: pikepdf.Pdf, wanted: set[tuple[int, int]] | None = None) -> dict[tuple[int, int], str]:
    """Text drawn in each tagged marked-content sequence (or just the `wanted` ones), keyed by
    (page index, MCID)."""
    texts: dict[tuple[int, int], str] = {}
    for index, marks, _, text in marked_content(pdf, wanted):
        mcid = next((m.mcid for m in reversed(marks) if m.mcid is not None), None)
        if text and mcid is not None:
            texts[index, mcid] = texts.get((index, mcid), "") + text
    return texts


def artifact_text(pdf: pikepdf.Pdf) -> list[str]:
    """Text drawn inside Artifact marked content, one string per Artifact sequence."""
    runs: dict[tuple[int, int], str] = {}
    for index, marks, _, text in marked_content(pdf):
        artifact = next((m for m in marks if m.tag == "Artifact"), None)
        if text and artifact:
            runs[index, artifact.serial] = runs.get((index, artifact.serial), "") + text
    return list(runs.values())


def untagged_text_outside_artifacts(pdf: pikepdf.Pdf) -> list[str]:
    """Text an assistive reader would meet outside the structure: drawn outside any
    marked content, or tagged with an MCID that no reachable structure element owns."""
    has_tree = "/StructTreeRoot" in pdf.Root
    owners, reachable = (_owners(pdf), _reachable(pdf)) if has_tree else ({}, set())
    runs: dict[tuple[int, int], str] = {}
    for index, marks, _, text in marked_content(pdf):
        if not text or any(m.tag == "Artifact" for m in marks):
            continue
        mark = next((m for m in reversed(marks) if m.mcid is not None), Mark(-1, "", None))
        owner = owners.get((index, mark.mcid))
        if owner is None or owner.objgen not in reachable:
            runs[index, mark.serial] = runs.get((index, mark.serial), "") + text
    return list(runs.values())
