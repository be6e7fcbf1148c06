"""The back cover is exactly one page, the last, in every variant: contacts that do not fit on it move
to a numbered "Contact us" page before it. Read back from the PDFs."""

from __future__ import annotations

import re

import pikepdf
import pytest

from booklet.build import BuildRequest, build
from tests.conftest import write_tree
from tests.pdfread import bottom_number, page_texts, text_in_halves

IMPRINT = "Reference TST-01"
TITLE = "Understanding contacts"


def _organisation(panels: int, feedback: bool) -> str:
    route = ("feedback:\n  text: Tell us what you think of this booklet by calling us or through our website.\n"
             "  url: https://www.example.org/feedback\n  email: feedback@example.org\n  phone: 1800 200 799\n"
             if feedback else "feedback:\n  url: https://www.example.org/feedback\n")
    contacts = "".join(
        f"  c{n}:\n    title: Service number {n}\n    phone: 1800 200 70{n}\n    phone_note: Freephone\n"
        f"    hours: Monday to Friday, 9am to 5pm\n    email: help{n}@example.org\n"
        f"    website: https://www.example.org/service{n}\n"
        "    text: Talk to a nurse in confidence about anything that worries you, your family or your friends.\n"
        for n in range(1, panels + 1))
    return f"name: Example Health Charity\nwebsite: https://www.example.org\n{route}contacts:\n{contacts}"


def _manifest(panels: int, online: bool) -> str:
    return (f"title: {TITLE}\nlanguage: en-IE\nreference: TST-01\nstatus: draft\npublished: 2026-11\n"
            "review:\n  reviewed: 2026-10-01\n  reviewers:\n    - role: Consultant\n"
            "evidence: References are available on request.\n"
            + ("online: https://www.example.org/booklets/contacts\n" if online else "")
            + f"contacts: [{', '.join(f'c{n}' for n in range(1, panels + 1))}]\nsections:\n  - one.md\n")


CASES = [(1, False, False), (1, True, True), (3, True, True), (6, True, True), (6, False, True)]


@pytest.fixture(scope="module", params=CASES, ids=lambda case: "{}-panels{}{}".format(
    case[0], "-online" if case[1] else "", "-feedback" if case[2] else ""))
def built(request, tmp_path_factory):
    panels, online, feedback = request.param
    root = write_tree(tmp_path_factory.mktemp("back") / "sources", {
        "_shared/organisation.yml": _organisation(panels, feedback),
        "demo/booklet.yml": _manifest(panels, online),
        "demo/one.md": "---\ntitle: The first section\n---\n\nSome words.\n"})
    output = root.parent / "out"
    build(BuildRequest(root=root, output=output))
    return panels, output / "demo"


def _check_contacts(texts: list[str], panels: int) -> None:
    """Every panel and the feedback route printed once; the back cover (the last page, not numbered)
    holds the imprint and nothing of it runs on to another page; every other inside page is numbered."""
    for n in range(1, panels + 1):
        assert sum(f"Service number {n}\r" in text for text in texts) == 1, f"panel {n}"
    assert sum("Tell us what you think" in text for text in texts) == 1
    flat = [re.sub(r"\s+", " ", text) for text in texts]      # a line may break inside the imprint
    assert [IMPRINT in text for text in flat].count(True) == 1 and IMPRINT in flat[-1]
    assert texts[-1].lstrip().startswith("Contact us"), "the back cover opens with its heading"
    assert bottom_number(texts[-1]) is None
    contents = texts[1]
    inside = [number for number, text in enumerate(texts[:-1], start=1)
              if text.lstrip().startswith("Contact us")]
    if inside:          # the contents name the inside page, and the back cover with it
        assert re.search(rf"Contact us[ .\xa0]*{inside[0]} and back cover", contents), contents
    else:
        assert re.search(r"Contact us[ .\xa0]*Back cover", contents), contents


@pytest.mark.parametrize("variant", ["download", "large-print"])
def test_the_back_cover_is_one_page_the_last(built, variant):
    panels, folder = built
    texts = page_texts(folder / f"demo-{variant}.pdf")
    _check_contacts(texts, panels)
    for number, text in enumerate(texts[1:-1], start=2):
        assert bottom_number(text) == number, f"page {number} of {len(texts)} is not numbered"


def test_the_contents_link_to_the_first_contacts_page(built):
    panels, folder = built
    texts = page_texts(folder / "demo-download.pdf")
    first = next(n for n, text in enumerate(texts) if n and text.lstrip().startswith("Contact us"))
    with pikepdf.open(folder / "demo-download.pdf") as pdf:
        pages = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
        contents_links = [a for a in pdf.pages[1].obj.get("/Annots", []) if a.get("/Subtype") == "/Link"]
        named = pikepdf.NameTree(pdf.Root.Names.Dests)
        targets = []
        for link in contents_links:
            dest = link.get("/Dest") or link.A.D
            dest = named[str(dest)] if isinstance(dest, pikepdf.String) else dest
            targets.append(pages[dest[0].objgen])
    assert targets[-1] == first


def test_print_pads_before_the_back_cover_and_numbers_every_inside_page(built):
    panels, folder = built
    texts = page_texts(folder / "demo-print.pdf")
    assert len(texts) % 4 == 0
    _check_contacts(texts, panels)
    download = page_texts(folder / "demo-download.pdf")
    padding = len(texts) - len(download)
    assert [bottom_number(text) for text in texts[1:len(download) - 1]] == list(range(2, len(download)))
    notes = texts[len(download) - 1:-1]
    assert len(notes) == padding
    for offset, text in enumerate(notes):
        if "Notes" in text:
            assert bottom_number(text) == len(download) + offset, "a Notes page is numbered from where it goes"
        else:
            assert offset == padding - 1 and not text.replace("DRAFT", "").strip(), "only the last is blank"


def test_the_handout_folds_to_the_print_pages_with_the_back_cover_outside(built):
    panels, folder = built
    print_pages = len(page_texts(folder / "demo-print.pdf"))
    halves = text_in_halves(folder / "demo-handout.pdf")
    assert len(halves) * 2 == print_pages
    back, front = halves[0]
    assert IMPRINT in re.sub(r"\s+", " ", back) and back.lstrip().startswith("Contact us") and TITLE in front


def test_the_contacts_pages_pass_pdf_ua_1(built):
    from tests.render.test_structure import pdfua_failures
    panels, folder = built
    assert pdfua_failures(folder / "demo-download.pdf") == []
    assert pdfua_failures(folder / "demo-large-print.pdf") == []
