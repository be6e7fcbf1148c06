"""booklet import on Word files made here with python-docx: structure, formatting, pictures and the report."""

from __future__ import annotations

import docx
import pytest

from booklet.importer import ImportError_, import_document
from booklet.importer.report import REPORT
from tests.importer.helpers import (TODAY, add_hyperlink, built_text, describe_pictures, docx_text, missing_words, png,
                                    sources_root)


def sample(path):
    d = docx.Document()
    d.core_properties.title = "Living with asthma"
    d.core_properties.language = "en-IE"
    d.add_paragraph("This leaflet explains asthma.")
    d.add_heading("What is asthma?", 1)
    p = d.add_paragraph("Asthma is ")
    p.add_run("common").bold = True
    p.add_run(" and ")
    p.add_run("treatable").italic = True
    p.add_run(".")
    d.add_heading("Signs", 2)
    d.add_paragraph("Cough", style="List Bullet")
    d.add_paragraph("Wheeze at night", style="List Bullet 2")
    d.add_paragraph("Tight chest", style="List Bullet")
    d.add_paragraph("See your doctor", style="List Number")
    d.add_paragraph("Take your inhaler", style="List Number")
    d.add_heading("Medicines", 1)
    table = d.add_table(rows=2, cols=2)
    for cell, words in zip(table._cells, ["Medicine", "When", "Reliever", "When you need it"]):
        cell.text = words
    d.add_picture(png())
    d.inline_shapes[0]._inline.docPr.set("descr", "A blue inhaler with a cap")
    d.add_picture(png(colour="navy"))
    p = d.add_paragraph("Read more on ")
    add_hyperlink(p, "https://www.example.org/asthma", "our asthma pages")
    d.save(path)
    return d


def test_a_word_file_becomes_sections_with_lists_tables_pictures_and_links(tmp_path):
    root = sources_root(tmp_path)
    sample(tmp_path / "asthma.docx")
    result = import_document(tmp_path / "asthma.docx", root, today=TODAY)
    folder = root / "living-with-asthma"
    assert result.folder == folder
    names = sorted(p.name for p in folder.glob("*.md"))
    assert names == ["01-living-with-asthma.md", "02-what-is-asthma.md", "03-medicines.md", REPORT]
    first = (folder / "01-living-with-asthma.md").read_text()
    assert first.startswith("---\ntitle: Living with asthma\n---\n") and "This leaflet explains asthma." in first
    second = (folder / "02-what-is-asthma.md").read_text()
    assert "Asthma is **common** and *treatable*." in second
    assert "## Signs\n\n- Cough\n    - Wheeze at night\n- Tight chest\n\n1. See your doctor\n2. Take your inhaler" in second
    third = (folder / "03-medicines.md").read_text()
    assert "| Medicine | When |\n|---|---|\n| Reliever | When you need it |" in third
    assert "![A blue inhaler with a cap](images/picture-1.png)" in third
    assert "![](images/picture-2.png)" in third             # left for the editor: check reports it
    assert "[our asthma pages](https://www.example.org/asthma)" in third
    assert (folder / "images" / "picture-1.png").read_bytes()[:4] == b"\x89PNG"
    manifest = (folder / "booklet.yml").read_text()
    assert "language: en-IE" in manifest and "reference: TO FILL IN" in manifest and "status: draft" in manifest
    report = (folder / REPORT).read_text()
    assert "images/picture-2.png has no alt text" in report and "under 'Medicines'" in report


def test_the_imported_booklet_checks_with_only_the_missing_alt_and_builds_with_all_its_text(tmp_path):
    from booklet.check import CheckRequest, check
    root = sources_root(tmp_path)
    document = sample(tmp_path / "asthma.docx")
    folder = import_document(tmp_path / "asthma.docx", root, today=TODAY).folder
    report = check(CheckRequest(root=root, folders=(folder,), output=tmp_path / "out", today=TODAY))
    errors = [p for p in report.problems if p.severity == "error"]
    assert {p.rule for p in errors} == {"missing-alt"}
    describe_pictures(folder)
    text = built_text(root, folder, tmp_path / "out")
    assert missing_words(docx_text(document), text) == []


def test_tracked_changes_are_refused_until_accepted_or_rejected(tmp_path):
    root = sources_root(tmp_path)
    d = docx.Document()
    d.add_heading("Treatment", 1)
    p = d.add_paragraph("Chemotherapy is given in cycles")
    body = p._p
    W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    from lxml import etree
    ins = etree.SubElement(body, f"{{{W}}}ins", {f"{{{W}}}id": "1", f"{{{W}}}author": "Nurse"})
    etree.SubElement(etree.SubElement(ins, f"{{{W}}}r"), f"{{{W}}}t").text = " of three weeks"
    dele = etree.SubElement(body, f"{{{W}}}del", {f"{{{W}}}id": "2", f"{{{W}}}author": "Nurse"})
    etree.SubElement(etree.SubElement(dele, f"{{{W}}}r"), f"{{{W}}}delText").text = " sometimes"
    d.add_paragraph("A second paragraph.")
    path = tmp_path / "changes.docx"
    d.save(path)
    with pytest.raises(ImportError_) as refused:
        import_document(path, root, today=TODAY)
    assert "2 tracked changes" in str(refused.value) and "inserted by Nurse: 'of three weeks'" in str(refused.value)
    assert not (root / "treatment").exists()
    accepted = import_document(path, root, changes="accept", today=TODAY)
    assert "cycles of three weeks" in (accepted.folder / "01-treatment.md").read_text()
    assert "sometimes" not in (accepted.folder / "01-treatment.md").read_text()
    rejected = import_document(path, root, slug="rejected", changes="reject", today=TODAY)
    assert "cycles sometimes" in (rejected.folder / "01-treatment.md").read_text()
    assert "Tracked changes (2, all rejected)" in (rejected.folder / REPORT).read_text()


@pytest.mark.parametrize("make, message", [
    (lambda p: p.write_bytes(b""), "the file is empty"),
    (lambda p: p.write_bytes(b"%PDF-1.7 not a word file"), "not a Word file"),
    (lambda p: None, "there is no such file"),
])
def test_bad_files_get_one_error_naming_them_and_nothing_is_written(tmp_path, make, message):
    root = sources_root(tmp_path)
    before = sorted(root.rglob("*"))
    path = tmp_path / "leaflet.docx"
    make(path)
    with pytest.raises(ImportError_) as refused:
        import_document(path, root, slug="leaflet", today=TODAY)
    assert str(path) in str(refused.value) and message in str(refused.value)
    assert sorted(root.rglob("*")) == before


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    import zipfile
    root = sources_root(tmp_path)
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", b"\0" * 200_000_000)
    assert path.stat().st_size < 1_000_000
    with pytest.raises(ImportError_, match="would expand to 200,000,"):
        import_document(path, root, today=TODAY)


def test_an_unknown_kind_is_refused(tmp_path):
    root = sources_root(tmp_path)
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ImportError_, match=r"not a '\.doc' file \(save it from Word as \.docx\)"):
        import_document(tmp_path / "old.doc", root, today=TODAY)


def test_an_existing_booklet_is_kept_unless_forced(tmp_path):
    root = sources_root(tmp_path)
    sample(tmp_path / "asthma.docx")
    (root / "living-with-asthma").mkdir()
    (root / "living-with-asthma" / "booklet.yml").write_text("title: mine\n")
    with pytest.raises(ImportError_, match="already exists"):
        import_document(tmp_path / "asthma.docx", root, today=TODAY)
    assert (root / "living-with-asthma" / "booklet.yml").read_text() == "title: mine\n"
    import_document(tmp_path / "asthma.docx", root, force=True, today=TODAY)
    assert "TO FILL IN" in (root / "living-with-asthma" / "booklet.yml").read_text()
    assert not [p for p in root.iterdir() if p.name.startswith(".import")]


def test_the_command_prints_the_report_and_exits_1_on_bad_input(tmp_path):
    from click.testing import CliRunner
    from booklet.cli import main
    root = sources_root(tmp_path)
    sample(tmp_path / "asthma.docx")
    runner = CliRunner()
    ok = runner.invoke(main, ["import", str(tmp_path / "asthma.docx"), "--sources", str(root)])
    assert ok.exit_code == 0, ok.output
    assert "warning: picture" in ok.output and "wrote" in ok.output
    bad = runner.invoke(main, ["import", str(tmp_path / "none.docx"), "--sources", str(root)])
    assert bad.exit_code == 1 and "none.docx: error: there is no such file" in bad.output


def test_a_title_style_paragraph_that_is_not_the_documents_title_is_kept_as_words(tmp_path):
    d = docx.Document()
    d.core_properties.title = "Living with asthma"
    d.add_paragraph("A guide for families", style="Title")
    d.add_paragraph("Asthma is common.")
    d.save(tmp_path / "titled.docx")
    result = import_document(tmp_path / "titled.docx", sources_root(tmp_path), today=TODAY)
    assert "**A guide for families**\n\nAsthma is common." in (result.folder / "01-living-with-asthma.md").read_text()


def test_a_language_whose_fixed_words_are_not_translated_yet_is_named_in_the_report(tmp_path):
    d = docx.Document()
    d.core_properties.language = "de-CH"
    d.add_paragraph("Asthma ist häufig.")
    d.save(tmp_path / "de.docx")
    result = import_document(tmp_path / "de.docx", sources_root(tmp_path), slug="de", today=TODAY)
    assert "language: de-CH" in (result.folder / "booklet.yml").read_text()
    assert "no translation into 'de-CH' yet, so it cannot build until they do: run `booklet strings de-CH`" \
        in (result.folder / REPORT).read_text()
