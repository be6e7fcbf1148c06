"""Build whole booklets and read the PDFs back: structure, metadata, contents, safety, reproducibility."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pikepdf
import pytest

from booklet.build import BuildRequest, build
from booklet.problems import ContentError
from booklet.sources.library import read_library
from booklet.render.variants import VARIANTS
from tests.conftest import PROJECT, SAMPLE_SLUG
from tests.pdfread import page_texts


@pytest.fixture(scope="module")
def sample_manifest():
    root = PROJECT / "sources"
    library, _ = read_library(root, [root / SAMPLE_SLUG], variants=tuple(VARIANTS))
    return library.booklets[SAMPLE_SLUG]


def test_sample_metadata(sample_build, sample_manifest):
    with pikepdf.open(sample_build) as pdf:
        assert 12 <= len(pdf.pages) <= 40
        assert str(pdf.Root.Lang) == "en-IE"
        assert str(pdf.docinfo.Title) == sample_manifest.title
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert pdf.Root.MarkInfo.Marked is True
        with pdf.open_metadata() as xmp:
            assert xmp["dc:title"] == sample_manifest.title
            assert xmp["pdfuaid:part"] == "1"


def test_bookmarks_match_sections(sample_build, sample_manifest):
    with pikepdf.open(sample_build) as pdf:
        with pdf.open_outline() as outline:
            titles = [item.title for item in outline.root]
            children = {item.title: [c.title for c in item.children] for item in outline.root}
    for section in sample_manifest.sections:
        assert f"{section.number} {section.title}" in titles
    # sub-headings are bookmarked under their section
    assert any(children[t] for t in titles if t[0].isdigit())


def test_contents_page_numbers_are_the_pages_the_headings_are_on(sample_build, sample_manifest):
    texts = page_texts(sample_build)
    contents_page = next(i for i, t in enumerate(texts) if t.lstrip().startswith("Contents"))
    contents = texts[contents_page]
    for section in sample_manifest.sections:
        match = re.search(re.escape(section.title) + r"[ .\u00a0\r\n]*?(\d+)\s*$", contents, re.M)
        assert match, f"{section.title!r} is not in the contents:\n{contents}"
        printed = int(match.group(1))
        page_text = texts[printed - 1]          # printed numbers are physical page positions
        assert f"{section.number} {section.title}" in " ".join(page_text.split()), \
            f"contents says {section.title!r} is on page {printed}, but it is not there"


def test_contents_entries_link_to_their_headings(sample_build, sample_manifest):
    texts = page_texts(sample_build)
    contents_page = next(i for i, t in enumerate(texts) if t.lstrip().startswith("Contents"))
    with pikepdf.open(sample_build) as pdf:
        pages = {page.obj.objgen: number for number, page in enumerate(pdf.pages, start=1)}
        names = pikepdf.NameTree(pdf.Root.Names.Dests)
        links = [a for a in pdf.pages[contents_page].get("/Annots", []) if a.Subtype == "/Link"]
        assert links, "the contents page has no links"
        targets = {}
        for link in links:
            destination = link.get("/Dest") or link.A.get("/D")
            if isinstance(destination, pikepdf.String):
                destination = names[str(destination)]
            targets[str(link.Contents)] = pages[destination[0].objgen]
    for section in sample_manifest.sections:
        label = next(text for text in targets if f"{section.number} {section.title}" in text)
        page = targets[label]
        assert label.endswith(f" {page}"), f"{label!r} links to page {page}"
        assert f"{section.number} {section.title}" in " ".join(texts[page - 1].split())


def test_contacts_and_credits_are_printed(sample_build):
    text = " ".join(" ".join(page_texts(sample_build)).split())
    assert "1800 200 700" in text
    assert "To be reviewed by" in text
    for role in ("Consultant Medical Oncologist", "Medical Oncology Clinical Nurse Specialist", "Daffodil Centre Nurse"):
        assert role in text
    assert "Last reviewed: 1 October 2026" in text
    assert "Next review due: 1 October 2029" in text
    assert "Updated from: Understanding Metastatic Breast Cancer (2023)" in text
    assert "MBC-2026-01" in text


def test_phone_number_is_a_live_tel_link(sample_build):
    with pikepdf.open(sample_build) as pdf:
        uris = {str(a.A.URI) for page in pdf.pages for a in page.get("/Annots", [])
                if a.Subtype == "/Link" and "/A" in a and "/URI" in a.A}
    assert "tel:+3531800200700" in uris
    assert "https://www.cancer.ie" in uris


def test_every_figure_has_alt_text(sample_build):
    with pikepdf.open(sample_build) as pdf:
        figures = [e for e in _struct_elements(pdf.Root.StructTreeRoot) if e.get("/S") == "/Figure"]
    assert figures, "the sample's body diagram should be a tagged Figure"
    assert all(str(e.get("/Alt", "")).strip() for e in figures)


def _struct_elements(node):
    kids = node.get("/K")
    if kids is None:
        return
    for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from _struct_elements(kid)


def test_pdf_ua_validator_passes(sample_build):
    import page
    report = page.validate_pdf(str(sample_build), profile="ua1")
    failures = [f"{f.rule_id}: {f.message}" for f in report.failures]
    assert report.is_compliant, "\n".join(failures)


def test_two_builds_give_identical_bytes(sources, tmp_path):
    root = sources()
    first, second = tmp_path / "one", tmp_path / "two"
    build(BuildRequest(root=root, output=first))
    build(BuildRequest(root=root, output=second))
    files = sorted(p.relative_to(first / "demo").as_posix() for p in (first / "demo").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second / "demo").as_posix() for p in (second / "demo").rglob("*")
                           if p.is_file())
    # four PDFs, the print job sheet twice, the handout note, the EPUB, and the web page (index.html)
    # with its stylesheet and two font subsets
    assert len(files) == 12, files
    for name in files:
        assert (first / "demo" / name).read_bytes() == (second / "demo" / name).read_bytes(), name


def test_the_same_sources_in_another_folder_give_the_same_bytes(sources, tmp_path):
    """A picture's name inside the PDF comes from its bytes, not its file's address (WeasyPrint's own
    name is the md5 of the URL): a checkout elsewhere, or CI, gives the same files."""
    import io
    import shutil

    from PIL import Image
    root = sources(demo__one_md="---\ntitle: One\n---\n\n![A blue square](images/blue.png \"A square\")\n\nWords.\n")
    (root / "demo" / "images").mkdir()
    picture = io.BytesIO()
    Image.new("RGB", (900, 600), (20, 60, 160)).save(picture, "PNG", dpi=(300, 300))
    (root / "demo" / "images" / "blue.png").write_bytes(picture.getvalue())
    elsewhere = tmp_path / "somewhere" / "else" / "sources"
    shutil.copytree(root, elsewhere)
    variants = ("download", "print", "large-print", "handout", "web", "epub")
    build(BuildRequest(root=root, output=tmp_path / "one", variants=variants, today=dt.date(2026, 11, 20)))
    build(BuildRequest(root=elsewhere, output=tmp_path / "two", variants=variants, today=dt.date(2026, 11, 20)))
    made = sorted(p.relative_to(tmp_path / "one").as_posix() for p in (tmp_path / "one" / "demo").rglob("*")
                  if p.is_file())
    assert "demo/images/blue.png" in made
    for name in made:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name


def test_a_failed_build_leaves_the_previous_files_unchanged(sources, tmp_path):
    root = sources()
    output = tmp_path / "out"
    build(BuildRequest(root=root, output=output))
    folder = output / "demo"
    before = {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert Path("demo-download.pdf") in before and Path("demo-print.pdf") in before
    (root / "demo" / "two.md").write_text("---\ntitle: Two\n---\n\n::: contact nobody\n")
    with pytest.raises(ContentError):
        build(BuildRequest(root=root, output=output))
    after = {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}   # no temporary file left either
    assert after == before


def test_a_remote_resource_inside_an_svg_is_refused(sources, tmp_path):
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">'
           '<image xlink:href="https://example.org/tracker.png" width="10" height="10"/></svg>')
    root = sources(demo__one_md="---\ntitle: One\n---\n\n![A square](images/a.svg)\n")
    (root / "demo" / "images").mkdir()
    (root / "demo" / "images" / "a.svg").write_text(svg)
    with pytest.raises(ContentError) as caught:
        build(BuildRequest(root=root, output=tmp_path / "out"))
    assert "https://example.org/tracker.png" in str(caught.value)
    assert not (tmp_path / "out" / "demo" / "demo-download.pdf").exists()


def test_an_image_outside_the_sources_is_refused(sources, tmp_path):
    (tmp_path / "outside.png").write_bytes(b"\x89PNG")
    root = sources(demo__one_md="---\ntitle: One\n---\n\n![A map of the ward](../../outside.png)\n")
    with pytest.raises(ContentError) as caught:
        build(BuildRequest(root=root, output=tmp_path / "out"))
    assert [p.format(root) for p in caught.value.problems] == [
        "demo/one.md:5: error: the image '../../outside.png' is outside the sources folder; keep pictures in images/"
        " [source]"]
