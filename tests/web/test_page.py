"""The web page carries everything the download PDF does, in one self-contained folder, read back from the files."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from booklet.compose.document import compose_html
from booklet.sources.folders import booklet_folders
from booklet.sources.library import library_of
from booklet.sources.reader import read_sources
from booklet.render.variants import VARIANTS
from tests.conftest import PROJECT, SAMPLE_SLUG
from tests.web.conftest import Page, page_of


def _library(root: Path):
    return library_of(read_sources(root, booklet_folders(root), variants=tuple(VARIANTS)))


def test_every_words_of_the_download_are_on_the_page(sample_outputs):
    """The same booklet, not a summary: each piece of text the PDF's document holds is on the page."""
    library = _library(PROJECT / "sources")
    manifest = library.booklets[SAMPLE_SLUG]
    printed = Page(compose_html(manifest, library.organisation, variant="download"))
    web = page_of(sample_outputs).text
    missing = [t.strip() for t in printed.texts if t.strip() and " ".join(t.split()) not in web]
    assert missing == []
    # Alt text is no text node: every picture's alt is on the page too.
    alts = {a["alt"] for a in printed.all("img") if a.get("alt")}
    assert alts and alts <= {a.get("alt") for a in page_of(sample_outputs).all("img")}


def test_one_h1_and_headings_in_order(sample_outputs):
    levels = [int(tag[1]) for tag, _ in page_of(sample_outputs).elements if re.fullmatch(r"h[1-6]", tag)]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels


def test_the_folder_is_self_contained(sample_outputs):
    """Relative links only, every one of them to a file in the folder; nothing from another site."""
    page = page_of(sample_outputs)
    local = [a["src"] for a in page.all("img")] + [a["href"] for a in page.all("link")]
    local += [a["href"] for a in page.all("a") if not re.match(r"(https?|mailto|tel):|#", a["href"])]
    assert local and all(not re.match(r"[a-z]+:|/", ref) for ref in local), local
    for ref in local:
        assert (sample_outputs / ref).is_file(), ref
    css = (sample_outputs / "assets" / "booklet.css").read_text()
    fonts = re.findall(r'url\("([^"]+)"\)', css)
    assert fonts and all((sample_outputs / "assets" / f).is_file() and f.endswith(".woff") for f in fonts)
    assert "http" not in css and "file:" not in (sample_outputs / "index.html").read_text()


def test_what_the_page_needs_before_pictures_is_under_250_kb(sample_outputs):
    needed = [sample_outputs / "index.html", *sorted((sample_outputs / "assets").iterdir())]
    assert sum(p.stat().st_size for p in needed) <= 250_000


def test_each_file_of_the_booklet_is_linked_with_its_size_and_pages(sample_outputs):
    page = page_of(sample_outputs)
    linked = {a["href"] for a in page.all("a") if a["href"].endswith((".pdf", ".epub"))}
    on_disk = {p.name for p in sample_outputs.iterdir() if p.suffix in (".pdf", ".epub")}
    assert linked == on_disk
    import pypdfium2
    download = sample_outputs / f"{SAMPLE_SLUG}-download.pdf"
    pages = len(pypdfium2.PdfDocument(download))
    from booklet.library.listing import human_size
    assert f"PDF, {pages} pages, {human_size(download.stat().st_size)}" in page.text


def test_a_draft_says_so_and_is_not_indexed(sample_outputs):
    page = page_of(sample_outputs)
    robots = [m for m in page.all("meta") if m.get("name") == "robots"]
    assert robots and "noindex" in robots[0]["content"]
    assert "This is a draft" in page.text
    data = json.loads(next(re.finditer(r'<script type="application/ld\+json">(.*?)</script>',
                                       (sample_outputs / "index.html").read_text(), re.S)).group(1))
    assert data["@type"] == "MedicalWebPage" and "reviewedBy" not in data
    assert (data["datePublished"], data["lastReviewed"], data["inLanguage"]) == ("2026-11", "2026-10-01", "en-IE")
    assert data["publisher"]["name"] == "Irish Cancer Society"


def test_an_approved_booklet_names_its_reviewers_and_may_be_indexed(harbour_web):
    page = page_of(harbour_web)
    assert not [m for m in page.all("meta") if m.get("name") == "robots"]
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>',
                                (harbour_web / "index.html").read_text(), re.S).group(1))
    assert [r["name"] for r in data["reviewedBy"]] == ["Dr R. Okafor", "S. Byrne"]
    assert "Dr R. Okafor, Consultant Cardiologist" in page.text


def test_review_dates_come_before_the_first_section(sample_outputs):
    text = page_of(sample_outputs).text
    assert text.index("Next review due") < text.index("About this booklet This booklet")


def test_phone_numbers_are_tel_links_in_e164(sample_outputs, harbour_web):
    for folder, number in ((sample_outputs, "tel:+3531800200700"), (harbour_web, "tel:+441614960000")):
        assert number in {a["href"] for a in page_of(folder).all("a")}


def test_a_publishers_font_logo_and_colours(harbour_web):
    css = (harbour_web / "assets" / "booklet.css").read_text()
    assert '"Lato"' in css.split("--family:")[1].split(";")[0]
    assert (harbour_web / "assets" / "Lato-Regular.woff").read_bytes()[:4] == b"wOFF"
    logo = [a for a in page_of(harbour_web).all("img") if a.get("class") == "logo"]
    assert logo and logo[0]["alt"] == "Harbour Heart Trust" and (harbour_web / logo[0]["src"]).is_file()


def test_the_same_sources_give_the_same_files(tmp_path, sample_outputs):
    from booklet.build import BuildRequest, build
    build(BuildRequest(root=PROJECT / "sources", output=tmp_path, variants=("web",)))
    again = tmp_path / SAMPLE_SLUG

    def digests(folder: Path) -> dict:
        return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in folder.rglob("*") if p.is_file()}
    assert digests(again) == digests(sample_outputs)
