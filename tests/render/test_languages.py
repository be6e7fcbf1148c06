"""A phrase and a section in another language carry their own language in every variant: /Lang on
their structure elements in the PDFs (PDF/UA-1 7.2), `lang` in the web page and the EPUB; and each
language is hyphenated as Pyphen's dictionary for it says, or not at all when it has none."""

from __future__ import annotations

import re
import zipfile

import pikepdf
import pypdfium2
import pyphen
import pytest

from booklet.build import BuildRequest, build
from booklet.render.pdftext import mcid_text
from tests.conftest import MANIFEST, ORGANISATION, SECTION_ONE, write_tree
from tests.pdfread import content_keys, structure_elements

PHRASE = "Croeso i bawb"
# Long words, again and again, so that some fall at a line's end: English has a dictionary, Welsh none.
LONG_ENGLISH = " ".join(["Characteristically, internationalisation responsibilities are overwhelmingly"
                         " uncharacteristic."] * 4)
LONG_WELSH = " ".join(["Mae gwasanaethau cynhwysfawr a gweithdrefnau cyfrinachedd yn bwysig."] * 5)
ENGLISH_WITH_A_PHRASE = SECTION_ONE.replace(
    "Some words about the first thing.",
    f"Some words about the first thing. We say [{PHRASE}]{{lang=cy}} to all.\n\n"
    f"{LONG_ENGLISH}\n\nIn Welsh: [{LONG_WELSH}]{{lang=cy}}")
WELSH_SECTION = ("---\ntitle: Yr ail adran\nlanguage: cy\n---\n\n::: contact helpline\n\n"
                 "Geiriau am yr ail beth. Mae croeso i chi ofyn cwestiwn.\n\n" + LONG_WELSH + "\n")


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
    assert [text for _, lang, text in found if lang == "en-IE"] == [
        "HelplineTalk to a nurse.Phone:1800 200 700(Freephone)"]
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


def broken_words(path) -> list[tuple[str, str]]:
    """The words the layout hyphenated at a line's end, as pdfium reads the download's text layer:
    (the part before the break, the whole word). pdfium marks a soft hyphen with U+FFFE and joins
    the word; the hyphen it is drawn with (U+2010) would be a character of its own."""
    document = pypdfium2.PdfDocument(path)
    try:
        text = " ".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()
    assert "\u2010" not in text
    return [(token.split("\ufffe")[0].strip(",."), token.replace("\ufffe", "").strip(",."))
            for token in text.split() if "\ufffe" in token]


def test_english_is_hyphenated_as_its_dictionary_says_and_welsh_which_has_none_is_not(bilingual):
    broken = broken_words(bilingual / "demo-download.pdf")
    assert broken, "no English word was hyphenated at a line's end"
    english, long_words = pyphen.Pyphen(lang="en"), {w.strip(",.") for w in LONG_ENGLISH.split()}
    for part, word in broken:
        assert word in long_words, word          # whole in the text layer, and English (never Welsh)
        assert len(part) in english.positions(word) and len(part) >= 4 and len(word) - len(part) >= 4, part
    assert pyphen.language_fallback("cy") is None                 # Pyphen has no Welsh dictionary


def test_a_hyphen_the_layout_adds_is_a_soft_hyphen_in_the_text_layer(bilingual):
    """Drawn as a hyphen, read as a soft one (/ActualText): copied or read aloud, the word is whole."""
    with pikepdf.open(bilingual / "demo-download.pdf") as pdf:
        marks = [instruction.operands for page in pdf.pages for instruction in pikepdf.parse_content_stream(page)
                 if str(instruction.operator) == "BDC" and "/ActualText" in instruction.operands[1]]
    actual = [str(properties.ActualText) for _, properties in marks]
    assert {str(tag) for tag, _ in marks} == {"/Span"}                    # ISO 32000-1 14.9.4: a Span's
    assert actual and all(text.endswith("\u00ad") and "\u2010" not in text for text in actual)
    assert len(actual) == len(broken_words(bilingual / "demo-download.pdf"))


def test_each_language_of_a_booklet_is_hyphenated_only_with_its_dictionary():
    from types import SimpleNamespace

    from booklet.render.hyphens import hyphenation_css
    sections = (SimpleNamespace(language=None, html='<p>A <span lang="pl">phrase</span>.</p>'),
                SimpleNamespace(language="cy",
                                html='<p><span lang="ga">Fáilte</span> and <span lang="pl">x</span></p>'))
    css = hyphenation_css(SimpleNamespace(language="en-IE", sections=sections))
    assert css.splitlines() == ['[lang="en-IE"] { hyphens: auto }', '[lang="pl"] { hyphens: auto }',
                                '[lang="cy"] { hyphens: manual }', '[lang="ga"] { hyphens: manual }']


IRISH = "ceisteanna-foireann-churaim"


def test_the_irish_sample_builds_in_every_variant_and_tags_its_english(sample_outputs):
    """The sample library's Irish booklet: every variant written (the sample's build raises on any error);
    its English section and the publisher's English words are marked en-IE, in the PDF and the web page."""
    folder = sample_outputs.parent / IRISH
    assert sorted(p.name.removeprefix(IRISH) for p in folder.glob(f"{IRISH}*")) == [
        "-download.pdf", "-handout.pdf", "-handout.txt", "-large-print.pdf", "-print.json", "-print.pdf",
        "-print.txt", ".epub"]
    with pikepdf.open(folder / f"{IRISH}-download.pdf") as pdf:
        assert str(pdf.Root.Lang) == "ga"
    found = tagged(folder / f"{IRISH}-download.pdf")
    assert {lang for _, lang, _ in found} == {"en-IE"}
    assert [text[:30] for role, _, text in found if role == "/Sect"] == ["4 In EnglishThis booklet is in"]
    assert ("/Span", "en-IE", "In English") in found                      # the phrase naming it, in Irish text
    assert ("/P", "en-IE", "Support Line") in found                        # organisation.yml: language: en-IE
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ga"' in page and '<span lang="en-IE">In English</span>' in page
