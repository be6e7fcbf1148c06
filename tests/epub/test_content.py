"""The EPUB carries everything the download PDF's composed document carries, links that resolve, the
accessibility metadata, and the same bytes for the same sources."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from collections import Counter

import pytest
import tinyhtml5

from booklet.compose.document import compose_html
from booklet.compose.strings import strings_for
from booklet.epub import EpubRefusal, make_epub
from booklet.epub.split import gather_pictures, parse_parts
from booklet.theme.model import Role
from booklet.theme.reader import load_theme
from tests.corpus.generate import CONSTRUCTS
from tests.epub.conftest import STYLES
from tests.epub.reading import H, read_epub, words


def composed_words(made) -> tuple[Counter, list[str]]:
    """The words and alt texts of the document the download PDF is laid out from."""
    body = tinyhtml5.parse(compose_html(made.manifest, made.organisation, variant="download")).find(f"{H}body")
    return Counter(words(" ".join(body.itertext()))), [i.get("alt") for i in body.iter(f"{H}img")
                                                      if "online-qr" not in i.get("class", "")]


@pytest.mark.parametrize("name", ["sample_epub", "mixed_epub"])
def test_every_word_and_alt_text_of_the_download_is_in_the_epub(name, request) -> None:
    made = request.getfixturevalue(name)
    book = read_epub(made.epub)
    expected, alts = composed_words(made)
    got = Counter(words(book.text()))
    assert expected - got == Counter() and got - expected == Counter()
    assert book.alts() == alts and any(alts)


def test_the_sample_keeps_its_caption_credit_panels_and_review_details(sample_epub) -> None:
    text = read_epub(sample_epub.epub).text()
    m, org = sample_epub.manifest, sample_epub.organisation
    for needed in ("Common places where breast cancer can spread", "Drawing: Booklet project",
                   *(r.role for r in m.review.reviewers), "Next review due", "Last reviewed", m.reference,
                   m.evidence, *(org.contacts[c].title for c in m.contacts), m.based_on, "To be reviewed by"):
        assert needed in text, needed


def test_each_construct_of_the_corpus_keeps_its_words(mixed_epub) -> None:
    book = read_epub(mixed_epub.epub)
    text = book.text().replace(" ", "")
    # A list's numbers are the reader's to draw (5., 6.): the list keeps its first number instead.
    missing = [w for c in CONSTRUCTS for w in c.words if not re.fullmatch(r"\d+\.", w)
               and w.replace(" ", "") not in text]
    assert missing == []
    assert b'<ol start="5"' in book.files["EPUB/s-ordered-start.xhtml"]


def test_every_link_inside_the_epub_reaches_a_document_and_an_id_in_it(mixed_epub) -> None:
    book = read_epub(mixed_epub.epub)
    ids = {name: {e.get("id") for e in book.document(name).iter() if e.get("id")} for name in book.spine}
    links = [(name, a.get("href")) for name in book.spine for a in book.document(name).iter(f"{H}a")
             if a.get("href") and ":" not in a.get("href")]
    targets = [(href.split("#")[0] or name, href.partition("#")[2]) for name, href in links]
    broken = [(doc, anchor) for doc, anchor in targets if doc not in ids or anchor and anchor not in ids[doc]]
    assert broken == [] and len(links) > 40
    notes = book.document("s-footnotes.xhtml")
    marks = [a for a in notes.iter(f"{H}a") if a.get("role") == "doc-noteref"]
    backs = [a for a in notes.iter(f"{H}a") if a.get("role") == "doc-backlink"]
    assert len(marks) == len(backs) == 2
    marked = {sup.get("id") for sup in notes.iter(f"{H}sup") for a in sup if a in marks}
    assert {a.get("href")[1:] for a in backs} == marked and len(marked) == 2
    assert {a.get("id") for a in notes.iter() if a.get("role") == "doc-footnote"} == \
        {a.get("href")[1:] for a in marks}


def test_the_package_makes_its_accessibility_claims_and_names_the_download(sample_epub) -> None:
    book = read_epub(sample_epub.epub)
    m = sample_epub.manifest
    assert book.dc("identifier")[0].startswith("urn:uuid:") and book.dc("language") == [m.language]
    assert book.dc("title") == [m.title] and book.dc("publisher") == [sample_epub.organisation.name]
    assert book.metadata("dcterms:modified") == [f"{m.published.first_day().isoformat()}T00:00:00Z"]
    assert book.metadata("schema:accessMode") == ["textual", "visual"]
    assert book.metadata("schema:accessModeSufficient") == ["textual"]
    assert {"tableOfContents", "readingOrder", "structuralNavigation", "alternativeText", "pageNavigation",
            "printPageNumbers"} <= set(book.metadata("schema:accessibilityFeature"))
    assert book.metadata("schema:accessibilityHazard") == ["none"]
    assert book.metadata("dcterms:conformsTo") == ["EPUB Accessibility 1.1 - WCAG 2.2 Level AA"]
    assert book.metadata("pageBreakSource") == [f"{m.slug}-download.pdf"]
    nav = book.document(book.nav)
    landmarks = next(n for n in nav.iter(f"{H}nav") if n.get("id") == "landmarks")
    kinds = [a.get("{http://www.idpf.org/2007/ops}type") for a in landmarks.iter(f"{H}a")]
    assert kinds == ["cover", "toc", "bodymatter", "backmatter"]


def test_a_draft_says_so_and_an_approved_booklet_does_not(sample_epub) -> None:
    notice = str(strings_for("en")["draft_notice"])
    book = read_epub(sample_epub.epub)
    assert sample_epub.manifest.draft and notice in book.text() and book.dc("description") == [notice]
    approved = dataclasses.replace(sample_epub.manifest, status="approved")
    data = make_epub(approved, sample_epub.organisation, root=sample_epub.root, styles=STYLES,
                     theme=load_theme(sample_epub.root), page_starts=sample_epub.page_starts)
    assert notice not in read_epub(data).text() and notice.encode() not in data


def test_the_same_sources_give_the_same_bytes_zipped_as_epub_readers_expect(sample_epub) -> None:
    again = make_epub(sample_epub.manifest, sample_epub.organisation, root=sample_epub.root, styles=STYLES,
                      theme=load_theme(sample_epub.root), page_starts=sample_epub.page_starts)
    assert again == sample_epub.epub
    with zipfile.ZipFile(io.BytesIO(again)) as archive:
        first, *rest = archive.infolist()
    assert (first.filename, first.compress_type, first.extra) == ("mimetype", zipfile.ZIP_STORED, b"")
    assert again[30:38] == b"mimetype" and again[38:58] == b"application/epub+zip"
    assert {i.date_time for i in rest} == {(1980, 1, 1, 0, 0, 0)}
    assert any(i.filename.endswith(".woff") for i in rest) and any(i.filename.endswith(".svg") for i in rest)


def test_a_picture_outside_the_sources_is_refused(tmp_path) -> None:
    outside = tmp_path / "outside.png"
    outside.write_bytes(b"\x89PNG")
    (tmp_path / "root").mkdir()
    parts, _ = parse_parts(f'<section class="chapter" id="sec-a"><img src="{outside.as_uri()}" alt="x"></section>')
    with pytest.raises(EpubRefusal, match="outside the sources"):
        gather_pictures(parts, (tmp_path / "root",))
    parts, _ = parse_parts('<section class="chapter"><img src="https://www.example.org/a.png" alt="x"></section>')
    with pytest.raises(EpubRefusal, match="only pictures from the sources"):
        gather_pictures(parts, (tmp_path / "root",))


def test_a_publishers_theme_gives_its_font_and_colours(tmp_path) -> None:
    from tests.epub.conftest import make
    from tests.theme.test_reader import HARBOUR
    made = make(HARBOUR, "heart-health", tmp_path, with_pdf=False)
    book, theme = read_epub(made.epub), load_theme(HARBOUR)
    fonts = sorted(name for name in book.files if name.startswith("EPUB/fonts/"))
    # The publisher's own faces, cut to the characters the EPUB shows: each is WOFF, far smaller than
    # its file (Lato is over 1 MB whole), and draws every letter of the text.
    from fontTools.ttLib import TTFont
    assert len(fonts) == 2
    shown = {ord(c) for c in book.text() if not c.isspace()}
    for name, source in zip(fonts, (theme.font.regular, theme.font.bold)):
        data = book.files[name]
        assert data[:4] == b"wOFF" and len(data) < source.stat().st_size / 10
        whole = set(TTFont(source).getBestCmap())
        assert shown & whole <= set(TTFont(io.BytesIO(data)).getBestCmap())
    css = book.files["EPUB/css/booklet.css"].decode()
    assert f'font-family: "{theme.font.family}"' in css and theme.colour(Role.BRAND).hex in css
    assert "Atkinson" not in css


def test_a_right_to_left_document_keeps_its_direction() -> None:
    from booklet.epub.xhtml import content_document
    parts, direction = parse_parts('<html dir="rtl" lang="ar"><body><section class="chapter" id="sec-a">'
                                   '<h1 id="a">عنوان</h1></section></body></html>')
    assert direction == "rtl" and [(p.name, p.title, p.kind) for p in parts] == [("a.xhtml", "عنوان", "body")]
    assert b' lang="ar" xml:lang="ar" dir="rtl">' in content_document("", title="t", language="ar", direction="rtl")
    assert parse_parts("<section class='cover'></section>")[1] is None
