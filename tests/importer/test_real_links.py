"""booklet import on pandoc's real Word files with links to places inside the document (fetched by .ci/run).

pandoc's own readings (its .native files) say which links lead to a heading and which to a bookmark in the text:
the first become links in the booklet that land on the heading's page in the PDF, the others stay words and are
reported where they were. Word's own table of contents is left out (the booklet makes its own), reported.
"""

from __future__ import annotations

import re

import pikepdf
import pytest

from booklet.importer import import_document
from booklet.importer.report import REPORT
from tests.importer.helpers import CACHE, TODAY, built_text, normal, sources_root
from tests.pdfread import page_texts

PANDOC = CACHE / "pandoc"
INTERNAL = sorted(p.with_suffix(".docx") for p in PANDOC.glob("*.native")
                  if p.with_suffix(".docx").is_file() and '("#' in p.read_text(encoding="utf-8"))
ABSENT = "pandoc's test files are fetched by .ci/run into .cache/importer (absent here)"
LINK = re.compile(r"\]\(#([^)\s]+)\)")


def _pandoc_links(path) -> tuple[set[str], int]:
    """The headings pandoc's reading links to (by its ids), and how many links lead to a place that is no heading."""
    native = path.with_suffix(".native").read_text(encoding="utf-8")
    headings = set(re.findall(r'Header \d+ \("([^"]*)"', native))
    targets = re.findall(r'\("#([^"]*)",""\)', native)
    return {t for t in targets if t in headings}, sum(1 for t in targets if t not in headings)


def _goto_pages(pdf_path, after: int) -> list[tuple[int, int]]:
    """(page, target page) of each link inside the PDF on the pages after `after` (the contents page's own links
    come before)."""
    found = []
    with pikepdf.open(pdf_path) as pdf:
        pages = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
        names = pikepdf.NameTree(pdf.Root.Names.Dests) if "/Names" in pdf.Root and "/Dests" in pdf.Root.Names else {}
        for index, page in enumerate(pdf.pages):
            for link in page.obj.get("/Annots", []):
                dest = link.get("/Dest") or (link.A.get("/D") if "/A" in link else None)
                if index > after and link.get("/Subtype") == "/Link" and dest is not None:
                    dest = names[str(dest)] if isinstance(dest, pikepdf.String) else dest
                    found.append((index, pages[dest[0].objgen]))
    return found


@pytest.mark.skipif(not INTERNAL, reason=ABSENT)
@pytest.mark.parametrize("path", INTERNAL, ids=lambda p: p.name)
def test_a_link_to_a_heading_lands_on_it_and_a_link_to_a_bookmark_in_the_text_is_reported(tmp_path, path):
    root = sources_root(tmp_path)
    result = import_document(path, root, slug="linked", changes="accept", today=TODAY)
    manifest = result.folder / "booklet.yml"       # what the editor does for a language with no words yet
    manifest.write_text(re.sub(r"^language: .*$", "language: en-GB", manifest.read_text(), flags=re.M))
    headings, to_text = _pandoc_links(path)
    sections = {p: p.read_text() for p in sorted(result.folder.glob("0*.md"))}
    ours = {target for text in sections.values() for target in LINK.findall(text)}
    report = (result.folder / REPORT).read_text()
    if "the document's table of contents, left out" in report:     # its entries' links go with it
        assert len(ours) <= len(headings) and not any(re.search(r"\]\(#[^)]+\)\s*\d+\s*$", t, re.M)
                                                      for t in sections.values())
    else:
        assert len(ours) == len(headings)
    assert report.count("a link to a place inside the document that is not a heading") == to_text
    assert all(re.search(r"- other, paragraph \d+, ", line) for line in report.splitlines() if "not a heading" in line)
    built_text(root, result.folder, tmp_path / "output")
    pdf = tmp_path / "output" / "linked" / "linked-download.pdf"
    texts = [normal(t) for t in page_texts(pdf)]
    contents = next(i for i, t in enumerate(texts) if t.startswith("Contents"))
    landed = {target for _, target in _goto_pages(pdf, contents)}
    for target in ours:                 # each link lands on the page with its heading's words
        stem = next(p.stem for p in sections if f"s-{p.stem}" == target) if target.startswith("s-") else None
        text = sections[result.folder / f"{stem}.md"].split("\n")[1][len("title: "):] if stem else \
            next(line for text in sections.values() for line in text.splitlines() if line.endswith(f"{{#{target}}}"))
        words = normal(re.sub(r"^#+ | \{#.*\}$", "", text))[:30]
        assert any(words in texts[page].replace("\r\n", " ") for page in landed), (target, words)
    assert len(landed) >= 1 if ours else not landed
