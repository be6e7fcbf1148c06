"""A phrase and a section in another language carry their own language in every variant: /Lang on
their structure elements in the PDFs (PDF/UA-1 7.2), `lang` in the web page and the EPUB."""

from __future__ import annotations

import re
import zipfile

import pikepdf
import pytest

from booklet.build import BuildRequest, build
from booklet.render.pdftext import mcid_text
from tests.conftest import MANIFEST, ORGANISATION, SECTION_ONE, write_tree
from tests.pdfread import content_keys, structure_elements

PHRASE = "Croeso i bawb"
ENGLISH_WITH_A_PHRASE = SECTION_ONE.replace("Some words about the first thing.",
                                            f"Some words about the first thing. We say [{PHRASE}]{{lang=cy}} to all.")
WELSH_SECTION = ("---\ntitle: Yr ail adran\nlanguage: cy\n---\n\n::: contact helpline\n\n"
                 "Geiriau am yr ail beth. Mae croeso i chi ofyn cwestiwn.\n")


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory):
    root = write_tree(tmp_path_factory.mktemp("bilingual") / "sources", {
        "_shared/organisation.yml": ORGANISATION, "demo/booklet.yml": MANIFEST,
        "demo/one.md": ENGLISH_WITH_A_PHRASE, "demo/two.md": WELSH_SECTION})
    output = root.parent / "output"
    build(BuildRequest(root=root, output=output, variants=("download", "web", "epub"), jobs=1))
    return output / "demo"


def tagged(path) -> list[tuple[str, str, str]]:
    """(role, /Lang, text) of every structure element with a /Lang of its own."""
    with pikepdf.open(path) as pdf:
        found = []
        for elem in structure_elements(pdf.Root.StructTreeRoot):
            if "/Lang" in elem:
                texts = mcid_text(pdf, set(keys := content_keys(pdf, elem)))
                found.append((str(elem.S), str(elem.Lang), " ".join("".join(texts.get(k, "") for k in keys).split())))
        return found


def test_the_phrase_and_the_section_have_their_own_lang_in_the_pdf_structure(bilingual):
    with pikepdf.open(bilingual / "demo-download.pdf") as pdf:
        assert str(pdf.Root.Lang) == "en-IE"
    found = tagged(bilingual / "demo-download.pdf")
    assert ("/Span", "cy", PHRASE) in found                                  # the phrase, in its paragraph
    assert ("/Span", "cy", "Yr ail adran") in found                          # the section's title in the contents
    section = [text for role, lang, text in found if role == "/Sect"]
    assert len(section) == 1 and section[0].startswith("2 Yr ail adran") and "Mae croeso i chi ofyn" in section[0]
    # The contact panel in the Welsh section has the booklet's words and the publisher's: English, and so marked.
    assert [text for _, lang, text in found if lang == "en-IE"] == ["HelplineTalk to a nurse.Phone:1800 200 700(Freephone)"]
    assert {lang for _, lang, _ in found} == {"cy", "en-IE"}                  # nothing else is marked


def test_the_web_page_and_the_epub_mark_the_phrase_and_the_section(bilingual):
    page = (bilingual / "index.html").read_text(encoding="utf-8")
    assert f'<span lang="cy">{PHRASE}</span>' in page
    assert re.search(r'<section class="chapter" id="sec-s-two"[^>]* lang="cy">', page)
    assert re.search(r'class="contact-panel" lang="en-IE"', page)           # English words in the Welsh section
    with zipfile.ZipFile(bilingual / "demo.epub") as epub:
        one, two = (epub.read(f"EPUB/{name}").decode() for name in ("s-one.xhtml", "s-two.xhtml"))
    assert f'<span lang="cy" xml:lang="cy">{PHRASE}</span>' in one
    assert re.search(r'<section class="chapter" id="sec-s-two" lang="cy" xml:lang="cy">', two)
