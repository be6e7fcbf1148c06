"""booklet import on other projects' real Word files with tracked changes and comments (fetched by .ci/run).

Refused until decided, with each change listed where it is; accepted or rejected, the booklet builds as a draft and
its PDF reads as the document does after the decision: pandoc's expected readings (its .native files) where it has
them, else the document's own XML read here. Comments are reported with the paragraph they were on.
"""

from __future__ import annotations

import re
import zipfile

import pytest
from lxml import etree

from booklet.importer import ImportError_, import_document
from booklet.importer.report import REPORT
from tests.importer.helpers import CACHE, TODAY, built_text, normal, sources_root

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
CHANGES = ("ins", "del", "moveFrom", "moveTo")
PANDOC = CACHE / "pandoc"
# Those whose body has changes (only a change carries w:author there): one of docx-revisions' files has none.
TRACKED = [p for p in sorted([*PANDOC.glob("track_changes_*.docx"), *PANDOC.glob("paragraph_insertion_deletion.docx"),
                              *(CACHE / "docx-revisions").rglob("*.docx")])
           if b"w:author=" in zipfile.ZipFile(p).read("word/document.xml")]
COMMENTED = sorted([*PANDOC.glob("comments*.docx"), PANDOC / "track_changes_scrubbed_metadata.docx",
                    CACHE / "mammoth" / "comments.docx",
                    *(CACHE / "python-docx").rglob("comments-rich-para.docx")])
COMMENTED = [p for p in COMMENTED if p.is_file()]
ABSENT = "other projects' test files are fetched by .ci/run into .cache/importer (absent here)"


def _body(path):
    return etree.fromstring(zipfile.ZipFile(path).read("word/document.xml")).find("w:body", NS)


def _blocks(body) -> list:
    """The body's paragraphs and tables in order, as the report counts them (a table is one)."""
    return [e for e in body.iter(f"{{{W}}}p", f"{{{W}}}tbl")
            if not any(a.tag == f"{{{W}}}tbl" for a in e.iterancestors())]


def _paragraph_of(blocks, element) -> int:
    holder = next(a for a in [element, *element.iterancestors()] if a in blocks)
    return blocks.index(holder) + 1


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", normal(text).lower())


def _native(path) -> list[str]:
    """pandoc's reading of a document (its .native test file): each block's words."""
    decode = lambda s: re.sub(r"\\(\d+)", lambda m: chr(int(m.group(1))), s.replace("\\&", ""))    # noqa: E731
    blocks = re.split(r"^[\[,]", path.read_text(encoding="utf-8"), flags=re.M)
    return [" ".join(decode(w) for w in re.findall(r'Str "((?:[^"\\]|\\.)*)"', b)) for b in blocks if "Str" in b]


def _xml_reading(path, decision: str) -> list[str]:
    """Each paragraph's words with the changes accepted or rejected, read from the XML: what is inside the changes
    taken out is left out, and deleted text (w:delText) is read back in when the changes are rejected."""
    dropped = ("del", "moveFrom") if decision == "accept" else ("ins", "moveTo")
    out = []
    for p in _body(path).iter(f"{{{W}}}p"):
        words = [t.text or "" for t in p.iter(f"{{{W}}}t", f"{{{W}}}delText")
                 if not any(etree.QName(a).localname in dropped for a in t.iterancestors())
                 and (decision == "reject" or etree.QName(t).localname == "t")]
        if "".join(words).strip():
            out.append("".join(words))
    return out


def _reading(path, decision: str) -> list[str]:
    native = path.with_name(f"{path.stem}_{decision}.native")
    return _native(native) if native.is_file() else _xml_reading(path, decision)


def _runs_in(words: list[str], have: list[str]) -> bool:
    n = len(words)
    return any(have[i:i + n] == words for i in range(len(have) - n + 1))


@pytest.mark.skipif(not TRACKED, reason=ABSENT)
@pytest.mark.parametrize("path", TRACKED, ids=lambda p: p.name)
def test_a_real_file_with_tracked_changes_is_refused_with_each_change_where_it_is(tmp_path, path):
    root = sources_root(tmp_path)
    with pytest.raises(ImportError_) as refused:
        import_document(path, root, slug="refused", today=TODAY)
    assert not (root / "refused").exists()
    message = str(refused.value)
    listed = [line for line in message.splitlines()[1:] if line.startswith(f"{path}: paragraph ")]
    body = _body(path)
    blocks = _blocks(body)
    outermost = [e for e in body.iter(*(f"{{{W}}}{c}" for c in CHANGES))
                 if not any(etree.QName(a).localname in CHANGES for a in e.iterancestors())]
    assert outermost and f"has {len(listed)} tracked change" in message and len(listed) >= len(outermost)
    for change in outermost:
        words = "".join(change.xpath(".//w:t/text() | .//w:delText/text()", namespaces=NS)).split()
        at = f": paragraph {_paragraph_of(blocks, change)}, "
        assert any(at in line and " ".join(words[:3]) in line for line in listed), (at, words, listed)


@pytest.mark.skipif(not TRACKED, reason=ABSENT)
@pytest.mark.parametrize("decision", ["accept", "reject"])
@pytest.mark.parametrize("path", TRACKED, ids=lambda p: p.name)
def test_a_real_file_with_tracked_changes_decided_builds_and_reads_as_decided(tmp_path, path, decision):
    root = sources_root(tmp_path)
    result = import_document(path, root, slug="decided", changes=decision, today=TODAY)
    assert f"all {decision}ed)" in (result.folder / REPORT).read_text()
    sections = "\n".join(p.read_text() for p in sorted(result.folder.glob("0*.md")))
    paragraphs = [_words(re.sub(r"^title: |^---$", "", block, flags=re.M))
                  for block in sections.split("\n\n") if block.strip() and block.strip() != "---"]
    have = _words(built_text(root, result.folder, tmp_path / "output"))
    other = "reject" if decision == "accept" else "accept"
    expected, unwanted = _reading(path, decision), _reading(path, other)
    for text in expected:                        # each paragraph as decided, whole, in the PDF
        assert _runs_in(_words(text), have), text
    stream = _words(" ".join(expected))
    for text in unwanted:             # nor any paragraph as the other decision reads it (where its words differ)
        if not _runs_in(_words(text), stream):
            assert not _runs_in(_words(text), have), text
    if path.with_name(f"{path.stem}_{decision}.native").is_file():     # pandoc's paragraphs, joined or parted
        assert [w for w in paragraphs if w][-len(expected):] == [_words(t) for t in expected]


@pytest.mark.skipif(not COMMENTED, reason=ABSENT)
@pytest.mark.parametrize("path", COMMENTED, ids=lambda p: f"{p.parent.name}-{p.name}")
def test_a_real_file_with_comments_reports_each_comment_where_it_was(tmp_path, path):
    root = sources_root(tmp_path)
    result = import_document(path, root, slug="commented", changes="accept", today=TODAY)
    report = (result.folder / REPORT).read_text()
    comments = etree.fromstring(zipfile.ZipFile(path).read("word/comments.xml"))
    body = _body(path)
    blocks = _blocks(body)
    for comment in comments.iterfind("w:comment", NS):
        key = comment.get(f"{{{W}}}id")
        marks = body.xpath(f".//w:commentRangeStart[@w:id='{key}'] | .//w:commentReference[@w:id='{key}']",
                           namespaces=NS)
        words = " ".join(" ".join(p.xpath(".//w:t/text()", namespaces=NS)) for p in comment.iterfind(".//w:p", NS))
        line = next(line for line in report.splitlines() if " ".join(words.split())[:40] in line)
        assert line.startswith(f"- comment, paragraph {_paragraph_of(blocks, marks[0])}, "), line
