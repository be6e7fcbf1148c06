"""booklet import on other projects' real test files (fetched by .ci/run into .cache/importer, never committed).

Each imported booklet builds as a draft with all the document's text, and the report names what was left out.
"""

from __future__ import annotations

import re
from collections import Counter

import docx
from docx.oxml.ns import qn
import lxml.html
import pytest
from readability import Document as Readable

from booklet.importer import ImportError_, import_document
from booklet.importer.html import EMBEDDED
from booklet.problems import ContentError
from booklet.importer.report import REPORT
from booklet.markdown.tables import MAX_COLUMNS
from tests.importer.helpers import (CACHE, TODAY, built_text, describe_pictures, docx_text, missing_words, normal,
                                    sources_root)

WORD = sorted([*(CACHE / "mammoth").glob("*.docx"), *(CACHE / "python-docx").rglob("test_files/*.docx")])
# pandoc's 70 Word test files: a minute and more of builds, so with the slow ones (--corpus, and always in CI).
PANDOC = [pytest.param(p, marks=pytest.mark.corpus, id=f"pandoc-{p.name}") for p in sorted((CACHE / "pandoc").glob("*.docx"))]
PAGES = sorted((CACHE / "trafilatura" / "tests" / "resources").glob("*.html"))
ABSENT = "other projects' test files are fetched by .ci/run into .cache/importer (absent here)"
# Refused, each with its reason in the error: no text at all, or only a text box; Strict Open XML.
REFUSED = {"empty.docx": "no text", "text-box.docx": "text box", "strict-format.docx": "not a Word document",
           "doc-coreprops.docx": "no text", "doc-default.docx": "no text", "doc-no-coreprops.docx": "no text",
           "doc-word-default-blank.docx": "no text", "set-no-settings-part.docx": "no text",
           "sty-behav-props.docx": "no text", "sty-having-no-styles-part.docx": "no text",
           "sty-having-styles-part.docx": "no text", "default.docx": "no text",
           "normalize.docx": "not a Word document that can be read"}       # malformed XML: <w:i/ >
# Word files whose text no shipped font has (Chinese, a symbol font's private characters; issue 21 brings fonts):
# imported faithfully, and check stops the build for the editor.
WORD_EDITOR_DECIDES = {name: ["Chinese, Japanese or Korean", "in none of the booklet's fonts"] for name in
                       ("empty_field.docx", "instrText_hyperlink.docx", "nested_instrText.docx", "unicode.docx")}
# Pages whose content a booklet cannot print as it is: the import keeps it and check tells the editor. A Unicode
# test page's scripts no shipped font has (issue 21 brings fonts): its figures are not taken for phone numbers.
EDITOR_DECIDES = {"utf8.html": ["in none of the booklet's fonts", "Chinese, Japanese or Korean"]}
# Pages whose tables' narrow cells break words (booklet.css: overflow-wrap: anywhere in cells, so the table fits):
# a two-column legend prints 'Conn' as 'Con n'. Their tables are read letter by letter.
BROKEN_IN_CELLS = {"apache.html"}
# What the report must name, per file.
REPORTED = {"comments.docx": ["comment", "A tachyon walks into a bar."],
            "comments-rich-para.docx": ["comment"],
            "external-picture.docx": ["linked from outside the file"],
            "hdr-header-footer.docx": ["header or footer"],
            "doc-odd-even-hdrs.docx": ["header or footer"]}
KEPT = {"footnotes.docx": ["[^1]: A tachyon walks into a bar.", "[^2]: Fin."],
        "endnotes.docx": ["[^1]: A tachyon walks into a bar."],
        "footnote-hyperlink.docx": ["[^1]:", "](http"],
        "tables.docx": ["|---|"],
        "tiny-picture.docx": ["](images/picture-1.png)"],
        "par-hyperlinks.docx": ["](http"]}


def _in_tables_of_contents(document) -> list:
    """The paragraphs a TOC field (a table of contents or of figures) runs through, read from the XML: the
    booklet makes its own contents, so the import leaves them out."""
    fields, found = [], []
    for paragraph in document.element.body.iter(qn("w:p")):
        touched = any(fields)
        for node in paragraph.iter(qn("w:fldChar"), qn("w:instrText")):
            kind = node.get(qn("w:fldCharType"))
            if kind == "begin":
                fields.append(False)
            elif node.tag == qn("w:instrText") and fields and node.text and node.text.strip().upper().startswith("TOC"):
                fields[-1] = touched = True
            elif kind == "end" and fields:
                touched = fields.pop() or touched
        if touched:
            found.append(paragraph)
    return found


def _slug(path):
    return "t-" + "".join(c if c.isalnum() else "-" for c in path.stem.lower()).strip("-")


@pytest.mark.skipif(not WORD, reason=ABSENT)
@pytest.mark.parametrize("path", [*WORD, *PANDOC], ids=lambda p: p.name)
def test_a_real_word_file_imports_and_builds_with_all_its_text(tmp_path, path):
    root = sources_root(tmp_path)
    if path.name in REFUSED:
        with pytest.raises(ImportError_) as refused:
            import_document(path, root, slug="refused", changes="accept", today=TODAY)
        assert str(path) in str(refused.value) and REFUSED[path.name] in str(refused.value)
        assert not (root / "refused").exists()
        return
    result = import_document(path, root, slug=_slug(path), changes="accept", today=TODAY)
    sections = "\n".join(p.read_text() for p in sorted(result.folder.glob("0*.md")))
    report = (result.folder / REPORT).read_text()
    key = path.name if path.parent.name != "pandoc" else None     # pandoc has a comments.docx of its own
    for words in KEPT.get(key, []):
        assert words in sections
    for words in REPORTED.get(key, []):
        assert words in report
    describe_pictures(result.folder)
    manifest = result.folder / "booklet.yml"       # what the editor does for a language with no words yet
    if path.parent.name == "pandoc":                # de-CH, ru-RU...: the booklet's fixed words are not translated
        manifest.write_text(re.sub(r"^language: .*$", "language: en-GB", manifest.read_text(), flags=re.M))
    if path.name in WORD_EDITOR_DECIDES:
        with pytest.raises(ContentError) as stopped:
            built_text(root, result.folder, tmp_path / "output")
        errors = [p for p in stopped.value.problems if p.severity == "error"]
        assert errors and all(any(w in p.message for w in WORD_EDITOR_DECIDES[path.name]) for p in errors)
        return
    text = built_text(root, result.folder, tmp_path / "output")
    document = docx.Document(str(path))
    if "the document's table of contents, left out" in report:
        for paragraph in _in_tables_of_contents(document):
            paragraph.getparent().remove(paragraph)
    title = document.core_properties.title
    styled = next((p for p in document.paragraphs if p.style.name == "Title" and p.text.strip()), None)
    if not title and styled is not None:           # the Title-style paragraph is the title, on the cover
        title = styled.text
        styled._p.getparent().remove(styled._p)
    expected = (title or "") + " " + docx_text(document)
    assert missing_words(expected, text) == []


@pytest.mark.skipif(not PAGES, reason=ABSENT)
def as_written(path):
    """The page's text as its author wrote it: these pages are UTF-8, some without saying so (and an
    HTML parser given such bytes reads Latin-1: "—" as "â" and two control characters)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data                 # the parser reads the charset the page declares


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_a_real_web_page_imports_its_main_content_and_builds_with_it(tmp_path, path):
    root = sources_root(tmp_path)
    result = import_document(path, root, slug=_slug(path), today=TODAY)
    describe_pictures(result.folder)
    if path.name in EDITOR_DECIDES:      # imported faithfully; check then stops the build for the editor
        with pytest.raises(ContentError) as stopped:
            built_text(root, result.folder, tmp_path / "output")
        errors = [p for p in stopped.value.problems if p.severity == "error"]
        assert errors and all(any(w in p.message for w in EDITOR_DECIDES[path.name]) for p in errors)
        return
    text = built_text(root, result.folder, tmp_path / "output")
    main = lxml.html.fragment_fromstring(Readable(as_written(path)).summary(html_partial=True), create_parent="div")
    report = (result.folder / REPORT).read_text()
    for embedded in [e for e in main.iter() if e.tag in EMBEDDED]:     # reported, not brought in
        assert f"an embedded <{embedded.tag}>" in report
        embedded.drop_tree()
    for table in [t for t in main.iter("table") if path.name in BROKEN_IN_CELLS
                  or max((len(r) for r in t.iter("tr")), default=0) > MAX_COLUMNS]:
        if max(len(r) for r in table.iter("tr")) > MAX_COLUMNS:
            assert f"columns are more than a page holds ({MAX_COLUMNS}): split into" in report
        # All its letters and digits are printed, split tables in another order, words broken in narrow cells.
        assert not Counter(re.findall(r"[^\W_]", normal(" ".join(table.itertext())).lower())) \
            - Counter(re.findall(r"[^\W_]", text.lower()))
        table.drop_tree()
    words = " ".join(main.itertext())
    assert missing_words(words, text) == []
    page = lxml.html.document_fromstring(path.read_bytes())
    for hidden in page.xpath("//noscript | //script | //style | //template"):     # never shown: not content
        hidden.drop_tree()
    for nav in page.iter("nav", "footer"):       # what the extractor left out is named in the report
        for line in filter(None, (" ".join(t.split()) for t in nav.itertext())):
            if f" {line} " not in f" {' '.join(words.split())} ":
                assert line[:40] in report, line
