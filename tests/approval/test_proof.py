"""`booklet proof` read back: a draft approved then edited gives a proof showing exactly that edit, tagged as the
download is, with PROOF on every page, each passage's file and line, the marks, and the sign-off table."""

from __future__ import annotations

import re
import shutil

import pikepdf
import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner

from booklet.approval.proof import make_proof
from booklet.cli import main
from booklet.render.pdftext import artifact_text, mcid_text, untagged_text_outside_artifacts
from tests.approval.conftest import SLUG, write_library
from tests.approval.test_approve import REFERENCE, approved  # noqa: F401  (a fixture)
from tests.pdfread import content_keys, structure_elements

MM = 72 / 25.4


def proof_of(root, tmp_path):
    result = CliRunner().invoke(main, ["proof", SLUG, "--sources", str(root), "--output", str(tmp_path / "out")],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return tmp_path / "out" / SLUG / f"{SLUG}-proof.pdf", result.output


@pytest.fixture(scope="module")
def edited(approved, tmp_path_factory):
    """The approved booklet with one word changed, its proof written: (sources root, proof path, output)."""
    base = tmp_path_factory.mktemp("edited")
    root = base / "harbour"
    shutil.copytree(approved, root)
    taking = root / SLUG / "taking.md"
    taking.write_text(taking.read_text().replace("three or four medicines", "three or more medicines"))
    path, said = proof_of(root, base)
    return root, path, said


@pytest.fixture(scope="module")
def unapproved(tmp_path_factory):
    base = tmp_path_factory.mktemp("unapproved")
    root = write_library(base / "harbour")
    path, said = proof_of(root, base)
    return root, path, said


def page_texts(path) -> list[str]:
    document = pdfium.PdfDocument(str(path))
    try:
        return [" ".join(page.get_textpage().get_text_range().split()) for page in document]
    finally:
        document.close()


def tagged(pdf, role: str) -> list[str]:
    texts = mcid_text(pdf)
    return [" ".join("".join(texts.get(k, "") for k in content_keys(pdf, e)).split())
            for e in structure_elements(pdf.Root.StructTreeRoot) if e.get("/S") == "/" + role]


def bar_pixels(path, page_index: int) -> int:
    """Dark pixels in the strip left of the text column, where a change bar is drawn (the text starts
    20 mm in; the bar sits 2.5 to 3.7 mm before it)."""
    document = pdfium.PdfDocument(str(path))
    try:
        image = document[page_index].render(scale=2).to_pil().convert("L")
    finally:
        document.close()
    scale = 2 * MM
    left, right = int(16.5 * scale), int(17.6 * scale)
    return sum(1 for x in range(left, right) for y in range(int(20 * scale), int(277 * scale))
               if image.getpixel((x, y)) < 80)


def test_it_says_what_it_wrote(edited):
    assert f"{SLUG}-proof.pdf (1 change since {REFERENCE})" in edited[2]


def test_the_first_page_lists_exactly_the_edit(edited):
    first = page_texts(edited[1])[0]
    assert f"Compared with the edition approved as {REFERENCE} on 2026-12-07 by Dr R. Okafor (Consultant" \
           " Cardiologist); M. Quinn (Cardiology Pharmacist)." in first
    assert "1 change (1 changed):" in first
    assert "taking.md:5 changed" in first
    assert "… failure take three or four medicines each day." in first
    assert "… failure take three or more medicines each day." in first
    assert f"Files that differ from the approved edition: {SLUG}/taking.md." in first


def test_the_edit_is_marked_in_the_text_and_nothing_else(edited):
    root, path, _ = edited
    proof = make_proof(root.resolve(), (root / SLUG).resolve())
    assert [(c.edit.value, c.new.line, [(r.edit and r.edit.value, r.words) for r in c.runs if r.edit])
            for c in proof.changes] == [("changed", 5, [("deleted", "four"), ("inserted", "more")])]
    pages = page_texts(path)
    marked = [i for i, text in enumerate(pages[1:], start=1) if re.search(r"\b(INSERTED|DELETED)\b", text)]
    assert len(marked) == 1
    text = pages[marked[0]]
    assert "take three or DELETED four INSERTED more medicines each day" in text
    assert "taking.md:5 · changed" in text
    with pikepdf.open(path) as pdf:           # the labels and words are in the structure, in reading order
        assert any("threeorDELETEDfourINSERTEDmoremedicines" in p.replace(" ", "") for p in tagged(pdf, "P"))
    # A bar beside the changed passage, none on a page that has no change (questions.md's).
    questions = next(i for i, t in enumerate(pages) if t.startswith("Questions to ask"))
    assert bar_pixels(path, marked[0]) > 50
    assert bar_pixels(path, questions) == 0


def test_each_passage_names_the_line_it_is_written_at(edited):
    root, path, _ = edited
    text = " ".join(page_texts(path))
    notes = re.findall(r"((?:_shared/snippets/)?[a-z-]+\.md):(\d+)", text)
    assert len(notes) >= 15
    lines = {}
    for name, number in notes:
        file = root / name if name.startswith("_shared") else root / SLUG / name
        lines[(name, int(number))] = file.read_text().splitlines()[int(number) - 1]
    assert lines[("questions.md", 9)] == "- Why do I need it?"
    assert lines[("questions.md", 7)] == "## Before you start a new medicine"
    assert lines[("taking.md", 12)] == "| Water tablet | Helps your body lose extra fluid |"
    assert lines[("_shared/snippets/side-effects.md", 8)] == "Call the Heart Line if your ankles swell quickly."
    assert all(line.strip() for line in lines.values())       # never a blank line


def test_the_last_page_is_the_sign_off_table(edited):
    last = page_texts(edited[1])[-1]
    assert last.startswith("Clinical sign-off")
    assert "Role Name Signature Date Consultant Cardiologist Dr R. Okafor Cardiology Pharmacist M. Quinn" in last
    with pikepdf.open(edited[1]) as pdf:
        assert tagged(pdf, "TH")[-4:] == ["Role", "Name", "Signature", "Date"]


@pytest.mark.parametrize("which", ["edited", "unapproved"])
def test_it_is_tagged_and_passes_pdf_ua_1_as_the_download_does(which, request):
    import page
    path = request.getfixturevalue(which)[1]
    report = page.validate_pdf(str(path), profile="ua1")
    assert report.is_compliant, "\n".join(f"{f.rule_id}: {f.message}" for f in report.failures)
    with pikepdf.open(path) as pdf:
        assert untagged_text_outside_artifacts(pdf) == []
        artifacts = [" ".join(t.split()) for t in artifact_text(pdf)]
        assert artifacts.count("PROOF") == len(pdf.pages)           # on every page, never read out
        assert "PROOF" not in " ".join(mcid_text(pdf).values())
        assert str(pdf.Root.Lang) == "en-GB"
        with pdf.open_outline() as outline:                         # bookmarks without the margin notes
            titles = [item.title for item in outline.root]
        assert "Taking your medicines" in titles and not any(".md:" in t for t in titles)
        assert all(tuple(round(float(v) / MM) for v in page.mediabox[2:]) == (210, 297) for page in pdf.pages)


def test_with_no_approved_edition_it_says_so_and_marks_nothing(unapproved):
    root, path, said = unapproved
    assert "no approved edition yet: nothing marked" in said
    pages = page_texts(path)
    assert "There is no approved edition of this booklet yet" in pages[0]
    assert not any(re.search(r"\b(INSERTED|DELETED)\b|· (changed|inserted|deleted)", t) for t in pages[1:])
    assert "taking.md:5" in " ".join(pages)
    assert sum(bar_pixels(path, i) for i in range(2, len(pages))) == 0          # after the cover, all brand colour


def test_an_unknown_booklet_is_one_line(tmp_path):
    root = write_library(tmp_path / "harbour")
    result = CliRunner().invoke(main, ["proof", "nowhere", "--sources", str(root), "--output", str(tmp_path / "o")])
    assert result.exit_code == 2 and result.output.count("\n") == 1
    assert result.output.startswith("error: there is no booklet 'nowhere'") and not (tmp_path / "o").exists()


def test_several_kinds_of_edit_each_listed_once_at_its_line(approved, tmp_path):
    """A changed paragraph, a new one, a changed table cell, a removed list item, a changed snippet."""
    root = tmp_path / "harbour"
    shutil.copytree(approved, root)
    taking = root / SLUG / "taking.md"
    text = taking.read_text().replace("even when you feel well.", "even on days when you feel well.\n\n"
                                      "A pharmacist can put your tablets in a pill box for you.")
    text = text.replace("so it pumps better", "so that it fills and pumps better")
    taking.write_text(text.replace("- Bring the list to every appointment.\n", ""))
    snippet = root / "_shared" / "snippets" / "side-effects.md"
    snippet.write_text(snippet.read_text().replace("Stand up slowly.", "Stand up slowly and hold on to something."))
    proof = make_proof(root.resolve(), (root / SLUG).resolve())
    where = [(c.edit.value, (c.new or c.old).path.name, (c.new or c.old).line) for c in proof.changes]
    assert where == [("changed", "taking.md", 5), ("inserted", "taking.md", 8), ("changed", "taking.md", 15),
                     ("deleted", "taking.md", 16), ("changed", "side-effects.md", 5)]
    assert proof.files == ("_shared/snippets/side-effects.md", f"{SLUG}/taking.md")
    path = tmp_path / "proof.pdf"
    path.write_bytes(proof.pdf)
    text = " ".join(page_texts(path))
    assert "5 changes (3 changed, 1 inserted, 1 deleted):" in text
    assert "INSERTED A pharmacist can put your tablets in a pill box for you. taking.md:8 · inserted" in text
    assert "DELETED Bring the list to every appointment. was taking.md:16 · deleted" in text
    assert "so INSERTED that it INSERTED fills and pumps better" in text


def test_a_build_after_the_proof_keeps_it(unapproved, tmp_path):
    """The proof is published with the booklet's record naming it, so the next build's new folder
    (which takes over only recorded files) still holds it, and `proof` again replaces it whole."""
    root, path, _ = unapproved
    output = path.parent.parent
    proof = path.read_bytes()
    built = CliRunner().invoke(main, ["build", str(root / SLUG), "--output", str(output), "--variant", "download"])
    assert built.exit_code == 0, built.output
    assert path.read_bytes() == proof and (path.parent / f"{SLUG}-download.pdf").is_file()
