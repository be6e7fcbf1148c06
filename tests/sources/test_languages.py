"""A booklet's language: any tag CLDR knows, its words from the package's catalogues and the sources' own."""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path

import pytest

from booklet.build import BuildRequest, build
from booklet.cache import booklet_inputs
from booklet.compose.strings import strings_for
from booklet.render.variants import VARIANTS
from booklet.sources.folders import booklet_folders
from booklet.sources.library import read_library
from tests.conftest import MANIFEST, ORGANISATION, PROJECT
from tests.pdfread import page_texts
from tests.sources.test_validation import problems


def language(tag: str) -> str:
    return MANIFEST.replace("language: en-IE", f"language: {tag}")


def words_of(root: Path) -> dict:
    library, _ = read_library(root, booklet_folders(root), variants=tuple(VARIANTS))
    return library.booklets["demo"].words


def test_an_unknown_tag_is_an_error_at_the_language_line(sources):
    assert problems(sources(demo__booklet_yml=language("xx-Latn"))) == [
        "demo/booklet.yml:2: error: 'language: xx-Latn' is not a language tag CLDR knows; use one like en-IE,"
        " ga, cy or pl (a BCP 47 tag: language, then script or region)"]


def test_a_language_with_no_catalogue_is_an_error_saying_how_to_add_one(sources):
    assert problems(sources(demo__booklet_yml=language("de-AT"))) == [
        "demo/booklet.yml:2: error: there are no words for 'de-AT' yet: run `booklet strings de-AT`, translate"
        " what it prints and save it as _shared/strings/de.yml"]


def test_the_sources_own_catalogue_adds_a_language(sources, tmp_path):
    german = (PROJECT / "booklet" / "strings" / "en.yml").read_text().replace('contents: "Contents"',
                                                                            'contents: "Inhalt"')
    root = sources(demo__booklet_yml=language("de-AT"), _shared__strings__de_yml=german)
    assert words_of(root)["contents"] == "Inhalt"
    # The catalogue is an input of the build cache: rewording it rebuilds the booklet.
    inputs = booklet_inputs(root / "demo", root, PROJECT / "booklet" / "styles", "download", ())
    assert root / "_shared" / "strings" / "de.yml" in inputs.files


def test_the_sources_own_catalogue_rewords_keys_over_the_packages(sources):
    root = sources(demo__booklet_yml=language("cy"),
                   _shared__strings__cy_yml='contents: "Cynnwys y llyfryn"\nphone: "Rhif ffôn"\n')
    words = words_of(root)
    assert (words["contents"], words["phone"], words["notes"]) == ("Cynnwys y llyfryn", "Rhif ffôn", "Nodiadau")


def test_missing_keys_are_all_named_at_the_language_line(sources):
    english = (PROJECT / "booklet" / "strings" / "en.yml").read_text()
    partial = "\n".join(line for line in english.splitlines()
                        if not line.startswith(("phone:", "tip:", "  few:")))
    partial = partial.replace("pages:", "pages:\n  many: \"{n} Seiten\"")  # Polish-like categories, for de
    root = sources(demo__booklet_yml=language("de"), _shared__strings__de_yml=partial)
    assert problems(root) == [
        "demo/booklet.yml:2: error: the words for 'de' lack phone, tip: add them to _shared/strings/de.yml"
        " (counted words need each of one, other; `booklet strings de` prints them all)"]
    # A rewording of a counted key replaces all its forms: one lacking a Polish category is named.
    root = sources(demo__booklet_yml=language("pl-PL"),
                   _shared__strings__pl_yml='pages:\n  one: "{n} strona"\n  many: "{n} stron"\n  other: "{n} strony"\n')
    assert problems(root) == [
        "demo/booklet.yml:2: error: the words for 'pl-PL' lack pages.few: add them to _shared/strings/pl.yml"
        " (counted words need each of one, few, many, other; `booklet strings pl-PL` prints them all)"]


def test_an_unknown_key_in_the_sources_catalogue_is_an_error_at_its_line(sources):
    root = sources(demo__booklet_yml=language("cy"), _shared__strings__cy_yml='contents: "Cynnwys"\ncontnets: "x"\n')
    assert problems(root) == ["_shared/strings/cy.yml:2: error: 'contnets' is not one of the booklet's fixed"
                              " words; `booklet strings en` lists them all"]


def written_in(tag: str, title: str, evidence: str, one: str, two: str) -> dict[str, str]:
    """The small test booklet in another language: its title, evidence line and two sections' bodies."""
    return {"demo/booklet.yml": language(tag).replace("Understanding tests", title)
            .replace("References are available on request.", evidence),
            "demo/one.md": one, "demo/two.md": two}


POLISH = written_in(
    "pl", "Badania krwi", "Źródła są dostępne na życzenie.",
    "---\ntitle: Po co są badania\n---\n\nLekarz pobierze trochę krwi z ramienia.\n\n"
    "## Przed badaniem\n\nMożesz normalnie jeść i pić.\n",
    "---\ntitle: Wyniki\n---\n\n::: contact helpline\n\nWyniki będą gotowe po tygodniu.[^1]\n\n"
    "[^1]: Czasem trwa to dłużej.\n")
WELSH = written_in(    # ŵ and ŷ too: the shipped fonts have them
    "cy", "Profion gwaed", "Mae’r cyfeiriadau ar gael ar gais.",
    "---\ntitle: Pam cael prawf\n---\n\nBydd y meddyg yn cymryd ychydig o waed o’ch braich.\n\n"
    "## Cyn y prawf\n\nGallwch fwyta ac yfed dŵr fel arfer, a mynd adref i’ch tŷ wedyn.\n",
    "---\ntitle: Y canlyniadau\n---\n\n::: contact helpline\n\nBydd y canlyniadau’n barod"
    " ymhen wythnos.[^1]\n\n[^1]: Weithiau mae’n cymryd mwy o amser.\n")
CASES = {
    "pl": (POLISH, ["Spis treści", "Telefon", "Kontakt", "Ostatnia weryfikacja", "WERSJA ROBOCZA",
                    "listopad 2026", "1 października 2026"],
           ["Pobierz lub wydrukuj tę broszurę", "Przejdź do broszury", "stron"]),
    "cy": (WELSH, ["Cynnwys", "Ffôn", "Cysylltwch â ni", "Adolygwyd ddiwethaf", "DRAFFT",
                   "Tachwedd 2026", "1 Hydref 2026"],
           ["Lawrlwytho neu argraffu’r llyfryn hwn", "Neidio i’r llyfryn", "tudalen"]),
}
ENGLISH = ["Contents", "Phone", "Contact us", "Last reviewed", "Next review due", "DRAFT", "November"]


@pytest.mark.parametrize("tag", sorted(CASES))
def test_a_booklet_in_the_language_builds_with_its_own_words(sources, tmp_path, tag):
    files, printed, web_only = CASES[tag]
    root = sources(**{k.replace("/", "__").replace(".", "_"): v for k, v in files.items()},
                   _shared__organisation_yml=ORGANISATION + "country: IE\n")     # the helpline is Irish
    output = tmp_path / "output"
    build(BuildRequest(root=root, output=output, variants=("download", "web", "epub")))
    pdf = " ".join(page_texts(output / "demo" / "demo-download.pdf"))
    pdf = " ".join(pdf.replace("\r", " ").replace("\u00ad", "").replace("\ufffe", "").split())
    page = (output / "demo" / "index.html").read_text(encoding="utf-8")
    for text in printed:
        assert text in pdf, text
        assert text.casefold() in page.casefold(), text
    for text in web_only:
        assert text in page, text
    for text in files["demo/one.md"].splitlines()[-1:]:      # the booklet's own letters print and read back
        assert text in pdf and text in page, text
    for text in ENGLISH:
        assert text not in pdf, text
    assert f'lang="{tag}"' in page
    # The EPUB's metadata too: its accessibility summary is the language's own.
    with zipfile.ZipFile(output / "demo" / "demo.epub") as epub:
        package = epub.read("EPUB/package.opf").decode()
    summary = re.search(r'<meta property="schema:accessibilitySummary">([^<]+)</meta>', package).group(1)
    assert html.unescape(summary) == strings_for(tag)["accessibility_summary"] and "publication" not in summary


def test_a_section_in_another_language_is_read_and_an_unknown_one_is_an_error_at_its_line(sources):
    welsh = "---\ntitle: Yr ail adran\nlanguage: cy\n---\n\nGeiriau.\n"
    root = sources(demo__two_md=welsh)
    library, _ = read_library(root, booklet_folders(root), variants=tuple(VARIANTS))
    assert [s.language for s in library.booklets["demo"].sections] == [None, "cy"]
    assert problems(sources(demo__two_md=welsh.replace("language: cy", "language: welsh"))) == [
        "demo/two.md:3: error: 'language: welsh' is not a language tag CLDR knows; use one like cy, ga, en-IE"
        " or pl (a BCP 47 tag: language, then script or region)"]
