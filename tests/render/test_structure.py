"""The structure tree of the download and large-print PDFs, read back, for every Markdown construct."""

from __future__ import annotations

import pikepdf
import pytest

from booklet.build import BuildRequest, build
from booklet.render.pdftext import mcid_text
from tests.conftest import MANIFEST, ORGANISATION, write_tree
from tests.pdfread import (content_keys, link_annotations, page_texts, painting_order_mismatches, roles,
                           structure_elements, structure_kids)

ACCESSIBLE = ("download", "large-print")
LONG = " ".join(["This sentence makes the section long enough to run over onto another page."] * 12)

NOTES_AND_LISTS = """\
---
title: Notes and lists
---

Your doctor may suggest a scan.[^scan] Then a blood test.[^test]

[^scan]: A scan takes a picture of the inside of your body.
[^test]: A blood test checks how your liver is working.

- First item.

    Second paragraph of the first item.

- Second item, with code:

        dose = 2

- Third item, with a box:

    ::: note
    Ask your nurse.
    :::

- Fourth item, with a nested list:
    - Nested one.
    - Nested two.

You may have an MRI scan.

*[MRI]: Magnetic resonance imaging

Some `inline code` here. See [our website](https://www.example.org/help).
"""

LONG_THINGS = "---\ntitle: Long things\n---\n\n" + "\n".join(
    f"- Item number {i} of the long list." for i in range(1, 31)) + """

| Day | Morning | Evening |
|-----|---------|---------|
""" + "\n".join(f"| Day {i} | Morning tablet {i} | Evening tablet {i} |" for i in range(1, 41)) + "\n"

PICTURES = f"""\
---
title: Pictures and long text
---

![A blue square](images/square.png "A square caption"){{credit="Drawing: our team"}}

{LONG}

{LONG}

{LONG}

{LONG}

Last words of the long section.
"""


DEFINITIONS = """\
---
title: Words we use
---

Scan
:   A picture of the inside of your body.

Biopsy
:   A small sample of tissue.
:   It is looked at under a microscope.

Oncologist
Oncology doctor
:   A doctor who treats cancer.

Stage
:   How big the cancer is.

    Whether it has spread.

Read them all at [`https://www.example.org/words/`](https://www.example.org/words/) or
<https://www.example.org/glossary>; type `https://www.example.org/typed` to find them.
"""


def write_booklet(root, sections: dict[str, str]):
    manifest = MANIFEST.split("sections:")[0] + "variants: [download, large-print]\nsections:\n" + \
        "".join(f"  - {name}\n" for name in sections)
    write_tree(root, {"_shared/organisation.yml": ORGANISATION, "demo/booklet.yml": manifest,
                      **{f"demo/{name}": text for name, text in sections.items()}})
    from PIL import Image
    (root / "demo" / "images").mkdir(exist_ok=True)
    Image.new("RGB", (40, 40), (16, 32, 160)).save(root / "demo" / "images" / "square.png")
    return root


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """Every construct in one booklet, built once in both accessible variants: variant -> PDF path."""
    base = tmp_path_factory.mktemp("structure")
    root = write_booklet(base / "sources", {"one.md": NOTES_AND_LISTS, "two.md": LONG_THINGS,
                                            "three.md": PICTURES, "four.md": DEFINITIONS})
    build(BuildRequest(root=root, output=base / "out"))
    return {variant: base / "out" / "demo" / f"demo-{variant}.pdf" for variant in ACCESSIBLE}


@pytest.fixture(params=ACCESSIBLE)
def pdf(request, mixed):
    with pikepdf.open(mixed[request.param]) as document:
        document.booklet_path = mixed[request.param]
        yield document


def pdfua_failures(path) -> list[str]:
    import page
    report = page.validate_pdf(str(path), profile="ua1")
    return [f"{failure.rule_id}: {failure.message}" for failure in report.failures]


def elements(pdf, role: str) -> list:
    return [e for e in structure_elements(pdf.Root.StructTreeRoot) if e.get("/S") == "/" + role]


def text(pdf, node) -> str:
    texts = mcid_text(pdf)
    return " ".join("".join(texts.get(key, "") for key in content_keys(pdf, node)).split())


def test_page_validation_passes_pdf_ua_1(pdf):
    assert pdfua_failures(pdf.booklet_path) == []
    assert not [e for e in structure_elements(pdf.Root.StructTreeRoot) if "/BookletOrigin" in e]


def test_footnotes_are_notes_read_at_the_section_end_and_linked_both_ways(pdf):
    notes = elements(pdf, "Note")
    assert [text(pdf, note) for note in notes] == [
        "1 A scan takes a picture of the inside of your body.", "2 A blood test checks how your liver is working."]
    ids = [str(note.ID) for note in notes]
    annots = link_annotations(pdf)
    marks = [a for a in annots if str(a.get("/Dest", "")) in ids]
    assert [str(a.Contents) for a in marks] == ["Note 1", "Note 2"]        # not "link 1"
    backs = [a for a in annots if str(a.get("/Dest", "")).endswith(("fnref-scan", "fnref-test"))]
    assert [str(a.Contents) for a in backs] == ["Note 1, back to the text", "Note 2, back to the text"]
    marks_links = [e for e in elements(pdf, "Link") if e.get("/Alt") in ("Note 1", "Note 2")]
    assert [text(pdf, link) for link in marks_links] == ["1", "2"]
    section = notes[0].P.P                          # Note < Div (the notes) < Sect
    assert section.S == "/Sect" and notes[1].P.P.objgen == section.objgen
    order = [str(k.S) for k in structure_kids(section) if "/S" in k]
    assert order[-1] == "/Div" and "/L" in order[:-1]   # after everything the section says


def test_each_list_item_is_a_label_and_one_body_holding_all_its_blocks(pdf):
    items = elements(pdf, "LI")
    assert items and all(roles(item) in (["Lbl", "LBody"], ["LBody"]) for item in items)
    bodies = {text(pdf, item)[:14]: item for item in items}
    assert roles(next(structure_kids(i)[-1] for k, i in bodies.items() if k.startswith("• First"))) == ["P", "P"]
    code_body = structure_kids(next(i for k, i in bodies.items() if k.startswith("• Second")))[-1]
    assert any(e.S == "/Code" for e in structure_elements(code_body))
    box_body = structure_kids(next(i for k, i in bodies.items() if k.startswith("• Third")))[-1]
    assert "Ask your nurse." in text(pdf, box_body)
    nested_body = structure_kids(next(i for k, i in bodies.items() if k.startswith("• Fourth")))[-1]
    assert roles(nested_body)[-1] == "L"
    assert [text(pdf, li) for li in structure_kids(structure_kids(nested_body)[-1])] == ["◦ Nested one.", "◦ Nested two."]


def test_a_definition_list_is_a_list_of_terms_each_with_its_definitions(pdf):
    lists = [e for e in elements(pdf, "L") if text(pdf, e).startswith("Scan")]
    assert len(lists) == 1
    items = structure_kids(lists[0])
    assert [roles(item) for item in items] == [["Lbl", "LBody"]] * 4
    terms = [text(pdf, structure_kids(item)[0]) for item in items]
    assert terms == ["Scan", "Biopsy", "OncologistOncology doctor", "Stage"]
    bodies = [structure_kids(item)[1] for item in items]
    assert text(pdf, bodies[0]) == "A picture of the inside of your body."
    # Two definitions of one term: one body, each definition read as a paragraph of its own.
    assert roles(bodies[1]) == ["P", "P"]
    assert [text(pdf, p) for p in structure_kids(bodies[1])] == [
        "A small sample of tissue.", "It is looked at under a microscope."]
    # Two terms sharing a definition: one label, each term an element of its own in it.
    assert roles(structure_kids(items[2])[0]) == ["Span", "Span"]
    assert text(pdf, bodies[2]) == "A doctor who treats cancer."
    assert roles(bodies[3]) == ["P", "P"] and text(pdf, bodies[3]) == "How big the cancer is.Whether it has spread."
    assert not [e for e in structure_elements(lists[0]) if "/BookletDefinition" in e]
    # Every word of the list is marked content of the list, read in the order it is printed.
    printed = " ".join(page_texts(pdf.booklet_path)[content_keys(pdf, lists[0])[0][0]].split())
    assert "Scan A picture of the inside of your body. Biopsy A small sample of tissue." in printed


def test_a_link_written_as_its_address_reads_as_the_address_said_aloud(pdf):
    links = {str(a.A.URI): a for a in link_annotations(pdf) if "/A" in a and "/words/" in str(a.A.get("/URI", ""))
             or "/A" in a and str(a.A.get("/URI", "")).endswith("glossary")}
    assert sorted(str(a.Contents) for a in links.values()) == ["example.org/glossary", "example.org/words"]
    for link in elements(pdf, "Link"):
        assert not text(pdf, link).lower().startswith(("http:", "https:")), text(pdf, link)
    # An address written as code is printed as written, and is code, not a link.
    typed = [e for e in elements(pdf, "Code") if text(pdf, e) == "https://www.example.org/typed"]
    assert len(typed) == 1
    parent = typed[0].P
    while "/S" in parent:
        assert parent.S != "/Link"
        parent = parent.P
    assert not [a for a in link_annotations(pdf) if "typed" in str(a.get("/A", {}).get("/URI", ""))]


def test_a_list_over_pages_is_one_list(pdf):
    lists = [e for e in elements(pdf, "L") if "Item number 1 of" in text(pdf, e)]
    assert len(lists) == 1
    keys = content_keys(pdf, lists[0])
    assert len({page for page, _ in keys}) >= 2, "the test needs the list to span pages"
    assert len(roles(lists[0])) == 30


def test_a_table_over_pages_is_one_table_with_its_header_read_once_and_printed_on_each_page(pdf):
    tables = elements(pdf, "Table")
    assert len(tables) == 1
    table = tables[0]
    pages = sorted({page for page, _ in content_keys(pdf, table)})
    assert len(pages) >= 2, "the test needs the table to span pages"
    assert roles(table).count("THead") == 1 and roles(table).count("TBody") == 1
    headers = [e for e in structure_elements(table) if e.S == "/TH"]
    assert [text(pdf, th) for th in headers] == ["Day", "Morning", "Evening"]
    assert all(th.A.Scope == "/Column" for th in headers)
    ids = {str(th.ID) for th in headers}
    cells = [e for e in structure_elements(table) if e.S == "/TD"]
    assert len(cells) == 120 and all({str(h) for h in cell.A.Headers} <= ids for cell in cells)
    printed = page_texts(pdf.booklet_path)
    assert all("Morning" in printed[page] for page in pages)


def test_each_section_is_one_sect_however_many_pages_it_spans(pdf):
    sects = elements(pdf, "Sect")
    long_one = [s for s in sects if "Pictures and long text" in text(pdf, s)]
    assert len(long_one) == 1
    assert len({page for page, _ in content_keys(pdf, long_one[0])}) >= 2
    assert "Last words of the long section." in text(pdf, long_one[0])
    assert all(roles(s)[0] == "H1" for s in sects[1:]), "a Sect without its heading is a page's fragment"


def test_a_caption_is_inside_its_figure(pdf):
    figures = elements(pdf, "Figure")
    assert len(figures) == 1 and str(figures[0].Alt) == "A blue square"
    assert roles(figures[0]) == ["Caption"]
    caption = text(pdf, structure_kids(figures[0])[-1])
    assert "A square caption" in caption and "Drawing: our team" in caption
    assert any(isinstance(kid, int) or kid.get("/Type") == "/MCR" for kid in structure_kids(figures[0]))


def test_code_is_code_and_an_abbreviation_carries_its_expansion(pdf):
    assert "inline code" in [text(pdf, e) for e in elements(pdf, "Code")]
    expanded = [e for e in elements(pdf, "Span") if "/E" in e]
    assert [(text(pdf, e), str(e.E)) for e in expanded] == [("MRI", "Magnetic resonance imaging")]


def test_link_annotations_are_printed(pdf):
    annots = link_annotations(pdf)
    assert annots and all(int(a.get("/F", 0)) & 4 for a in annots)


def test_content_is_painted_in_the_order_the_structure_reads_it(pdf):
    assert painting_order_mismatches(pdf) == []


def test_a_long_contents_page_is_painted_in_the_order_it_is_read(tmp_path):
    """Contents entries over two pages, some titles over two lines: every page of both variants
    paints its words and its links in the order the structure reads them (ORD-001)."""
    sections = {f"s{i}.md": f"---\ntitle: Section {i} about {'a thing' if i % 3 else LONG[:90]}\n---\n\nWords {i}.\n"
                for i in range(1, 24)}
    root = write_booklet(tmp_path / "sources", sections)
    build(BuildRequest(root=root, output=tmp_path / "out"))
    for variant in ACCESSIBLE:
        with pikepdf.open(tmp_path / "out" / "demo" / f"demo-{variant}.pdf") as document:
            toc = next(e for e in elements(document, "L") if "Section 23 about" in text(document, e))
            assert len({page for page, _ in content_keys(document, toc)}) >= 2, "the contents must span pages"
            assert painting_order_mismatches(document) == [], variant


CONSTRUCTS = {
    "footnotes": "Words.[^a]\n\n[^a]: A note.\n\n    Its second paragraph.\n",
    "footnote-in-item": "- An item.[^b]\n- Another.\n\n[^b]: A note on the item.\n",
    "multi-paragraph-item": "- One.\n\n    Two.\n\n- Three.\n",
    "nested-list": "- Outer.\n    - Inner one.\n    - Inner two.\n- Last.\n",
    "code-in-item": "- Code:\n\n        x = 1\n",
    "box-in-item": "- Box:\n\n    ::: note\n    Inside.\n    :::\n",
    "table-over-pages": LONG_THINGS.split("---\n\n", 1)[1].split("\n\n", 1)[1],
    "thirty-item-list": "\n".join(f"- Item {i}." for i in range(1, 31)) + "\n",
    "long-section": f"{LONG}\n\n{LONG}\n\n{LONG}\n\n{LONG}\n",
    "figure-with-caption": '![A blue square](images/square.png "Caption"){credit="Credit"}\n',
    "code": "Some `code`.\n\n    block\n    code\n",
    "abbreviation": "An MRI scan.\n\n*[MRI]: Magnetic resonance imaging\n",
    "links": "See [our website](https://www.example.org/help) and [below](#s-one).\n",
    "definition-list": DEFINITIONS.split("---\n\n", 1)[1],
}


@pytest.mark.corpus
@pytest.mark.parametrize("construct", sorted(CONSTRUCTS))
def test_each_construct_alone_passes_pdf_ua_1(construct, tmp_path):
    root = write_booklet(tmp_path / "sources", {"one.md": f"---\ntitle: {construct}\n---\n\n{CONSTRUCTS[construct]}"})
    build(BuildRequest(root=root, output=tmp_path / "out"))
    for variant in ACCESSIBLE:
        path = tmp_path / "out" / "demo" / f"demo-{variant}.pdf"
        assert pdfua_failures(path) == [], f"{construct} in {variant}"
        with pikepdf.open(path) as document:
            for item in elements(document, "LI"):
                assert roles(item) in (["Lbl", "LBody"], ["LBody"])
            assert painting_order_mismatches(document) == [], f"{construct} in {variant}"
