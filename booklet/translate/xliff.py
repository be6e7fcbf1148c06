"""Write a booklet's passages as an XLIFF 2.0 file, and read one back (any CAT tool's) into a Document.

One <file> per file of the translated booklet, one <unit> per passage, its source location and
notes in <notes>, inline markup as <pc>/<ph> whose markup is kept in <originalData>, so a
translator moves placeholders but cannot break them. Reading accepts what tools write
besides: <sc>/<ec> pairs, <mrk> annotations, a unit split into several segments.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from booklet.problems import Problems
from booklet.translate.exchange import Document, Entry, State
from booklet.translate.inline import Code, _tokens

NS = "urn:oasis:names:tc:xliff:document:2.0"
Q = "{%s}" % NS
TYPES = {"bold": ("fmt", "xlf:b"), "italic": ("fmt", "xlf:i"), "link": ("link", None), "image": ("image", None),
         "code": ("fmt", "xlf:code"), "break": ("fmt", "xlf:lb")}


def write_xliff(units: list[tuple[str, list]], slug: str, source_language: str, target_language: str) -> bytes:
    """units: (file name in the translated booklet, [(passage, where, target text or None, state)])."""
    root = etree.Element(Q + "xliff", nsmap={None: NS}, version="2.0", srcLang=source_language,
                         trgLang=target_language)
    for number, (name, passages) in enumerate(units, 1):
        file = etree.SubElement(root, Q + "file", id=f"f{number}", original=f"{slug}/{name}")
        for passage, where, target, state in passages:
            unit = etree.SubElement(file, Q + "unit", id=passage.id)
            notes = etree.SubElement(unit, Q + "notes")
            etree.SubElement(notes, Q + "note", category="location").text = where
            if passage.note:
                etree.SubElement(notes, Q + "note", category="description").text = passage.note
            if passage.codes:
                data = etree.SubElement(unit, Q + "originalData")
                for cid, code in passage.codes.items():
                    etree.SubElement(data, Q + "data", id=f"d{cid}").text = code.open
                    if code.paired:
                        etree.SubElement(data, Q + "data", id=f"d{cid}e").text = code.close
            segment = etree.SubElement(unit, Q + "segment", state=str(state))
            _fill(etree.SubElement(segment, Q + "source"), passage.text, passage.codes)
            if target is not None:
                _fill(etree.SubElement(segment, Q + "target"), target, passage.codes)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _fill(element, text: str, codes: dict[str, Code]) -> None:
    """Placeholder text into XLIFF inline content: words as text, each placeholder a <pc> or <ph>."""
    stack, i = [element], 0

    def add_text(words: str) -> None:
        words, container = words.replace("{{", "{").replace("}}", "}"), stack[-1]
        if len(container):
            container[-1].tail = (container[-1].tail or "") + words
        else:
            container.text = (container.text or "") + words

    for match in _tokens(text):
        add_text(text[i:match.start()])
        i = match.end()
        if match[1] == "/":
            if len(stack) > 1:
                stack.pop()
            continue
        number, code = match[2], codes.get(match[2])
        type_, sub = TYPES.get(code.kind if code else "other", ("other", None))
        attrs = {"id": number, "canDelete": "no", "canCopy": "no", "type": type_, **({"subType": sub} if sub else {})}
        if code is not None and not code.paired:
            etree.SubElement(stack[-1], Q + "ph", {**attrs, "dataRef": f"d{number}", "disp": code.open})
        else:
            stack.append(etree.SubElement(stack[-1], Q + "pc", {**attrs, "dataRefStart": f"d{number}",
                                                                 "dataRefEnd": f"d{number}e"}))
    add_text(text[i:])


def read_xliff(path: Path, problems: Problems) -> Document | None:
    """The file's units, or None with its problems noted (not XML, not XLIFF 2, a unit with no id)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.parse(str(path), parser).getroot()
    except (etree.XMLSyntaxError, OSError) as exc:
        line = getattr(exc, "lineno", None) or 1
        problems.error(path, line, f"this is not a readable XLIFF file: {getattr(exc, 'msg', exc)}")
        return None
    if root.tag != Q + "xliff":
        problems.error(path, root.sourceline or 1, "this is not an XLIFF 2 file (its root should be <xliff> in"
                       f" {NS}); export it again with `booklet translate export`")
        return None
    entries, slug = [], None
    for file in root.iter(Q + "file"):
        slug = slug or (file.get("original") or "").split("/")[0]
        for unit in file.iter(Q + "unit"):
            entry = _entry(unit, path, problems)
            if entry is not None:
                entries.append(entry)
    return Document(slug or "", root.get("srcLang") or "", root.get("trgLang") or "", tuple(entries))


def _entry(unit, path: Path, problems: Problems) -> Entry | None:
    uid = unit.get("id")
    if not uid:
        problems.error(path, unit.sourceline, "this <unit> has no id: export the file again")
        return None
    where = next((n.text or "" for n in unit.iter(Q + "note") if n.get("category") == "location"), "")
    data = {d.get("id"): d.text or "" for d in unit.iter(Q + "data")}
    segments = [s for s in unit if s.tag in (Q + "segment", Q + "ignorable")]
    sources = [s.find(Q + "source") for s in segments]
    targets = [s.find(Q + "target") for s in segments]
    codes: dict[str, Code] = {}
    source = "".join(_text(s, data, codes) for s in sources if s is not None)
    target = None
    if any(t is not None for t in targets):
        target = "".join(_text(t, {}, None) if t is not None else _text(s, {}, None)
                         for s, t in zip(sources, targets) if s is not None or t is not None)
    states = {s.get("state", "initial") for s in segments if s.tag == Q + "segment"}
    state = State.INITIAL if "initial" in states or not states else \
        State.TRANSLATED if "translated" in states else State(min(states, key=list(State).index))
    return Entry(uid, where, unit.sourceline or 1, source, target, codes, state)


def _text(element, data: dict, codes: dict | None) -> str:
    """XLIFF inline content as placeholder text; gathers each placeholder's markup into `codes`."""
    out = [_words(element.text)]
    for child in element:
        tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
        cid = child.get("id") or child.get("startRef") or ""
        if tag == "pc":
            if codes is not None:
                codes[cid] = Code(_kind(child), data.get(child.get("dataRefStart"), ""),
                                  data.get(child.get("dataRefEnd"), ""))
            out.append("{%s}%s{/%s}" % (cid, _text(child, data, codes), cid))
        elif tag == "ph":
            if codes is not None:
                codes[cid] = Code(_kind(child), data.get(child.get("dataRef"), child.get("disp") or ""))
            out.append("{%s/}" % cid)
        elif tag == "sc":
            out.append("{%s}" % cid)
        elif tag == "ec":
            out.append("{/%s}" % cid)
        elif tag == "mrk" or tag == "sm":
            out.append(_text(child, data, codes))
        out.append(_words(child.tail))
    return "".join(out)


def _kind(element) -> str:
    found = {v: k for k, v in TYPES.items()}.get((element.get("type"), element.get("subType")))
    return found or {"link": "link", "image": "image"}.get(element.get("type"), "other")


def _words(text: str | None) -> str:
    """Literal braces doubled, so words never read as placeholders."""
    return (text or "").replace("{", "{{").replace("}", "}}")


__all__ = ["NS", "read_xliff", "write_xliff"]
