"""The smallest body text of each built PDF, read from its pages: 12 pt (16 pt in large print); notes when unmeasured."""

from __future__ import annotations

import shutil

from booklet.build import BuildRequest, build
from booklet.check.textsize import smallest_body_text
from tests.check.conftest import found, run_check
from tests.conftest import PROJECT, SAMPLE_SLUG


def test_the_sample_download_body_text_is_12_pt(sample_build):
    size, page = smallest_body_text(sample_build)
    assert size == 12.0


def test_the_sample_large_print_body_text_is_at_least_16_pt(sample_outputs):
    size, _ = smallest_body_text(sample_outputs / f"{SAMPLE_SLUG}-large-print.pdf")
    assert size >= 16


def test_small_body_text_in_a_built_pdf_is_an_error(sources, tmp_path):
    styles = tmp_path / "styles"
    shutil.copytree(PROJECT / "booklet" / "styles", styles)
    css = (styles / "booklet.css").read_text()
    (styles / "booklet.css").write_text(css.replace("  font-size: 12pt;\n  line-height: 1.5;",
                                                    "  font-size: 10pt;\n  line-height: 1.5;", 1))
    root, output = sources(), tmp_path / "out"
    # build refuses such a PDF (body-text-size) unless told not to check: make one for check to read
    build(BuildRequest(root=root, output=output, styles=styles, variants=("download",), check=False))
    report = run_check(root, output=output, styles=styles)
    pdf = output / "demo" / "demo-download.pdf"
    errors = [p for p in report.problems if p.rule == "body-text-size" and p.severity == "error"]
    assert [(p.path, p.line) for p in errors] == [(pdf, 0)]
    assert "body text on page 2 is 10 pt; the download variant needs at least 12 pt" in errors[0].message
    assert errors[0].format(tmp_path) .startswith("out/demo/demo-download.pdf: error: body text on page 2")


def test_a_pdf_at_12_pt_passes_and_missing_variants_are_a_note(sources, tmp_path):
    root, output = sources(), tmp_path / "out"
    build(BuildRequest(root=root, output=output, variants=("download",)))
    report = run_check(root, output=output)
    assert [p for p in report.problems if p.severity != "note"] == []
    notes = found(report, root, "body-text-size")
    assert notes == [("demo/booklet.yml", 0, "note", "body-text-size")]
    assert "no built PDF of print, large-print, handout" in report.problems[0].message


def test_without_an_output_folder_nothing_is_measured(sources):
    root = sources()
    assert found(run_check(root), root, "body-text-size") == []


def _tagged_pdf(tmp_path, *pages: bytes):
    import pikepdf
    pdf = pikepdf.new()
    for content in pages:
        pdf.add_blank_page()
        pdf.pages[-1].obj.Contents = pdf.make_stream(content)
    pdf.Root.StructTreeRoot = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
    pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
    pdf.save(tmp_path / "sizes.pdf")
    return tmp_path / "sizes.pdf"


def test_sizes_follow_the_matrices_and_leave_out_artifacts_pictures_and_empty_runs(tmp_path):
    first = (b"q 0.5 0 0 0.5 0 0 cm BT /F1 20 Tf 2 0 0 2 10 10 Tm 5 5 Td (a) Tj 0 -20 TD [(b) 3 (c)] TJ ET Q\n"
             b"/Artifact BMC BT /F1 4 Tf (page 1) Tj ET EMC\n"
             b"/Figure <</MCID 0>> BDC BT /F1 5 Tf (label) Tj ET EMC\n"
             b"BT /F1 3 Tf () Tj [()] TJ ET\n")
    # 20 pt scaled by the text matrix (2) and the CTM (0.5): 20 pt; a move never changes it.
    assert smallest_body_text(_tagged_pdf(tmp_path, first)) == (20.0, 1)
    second = b"q 0 1.5 -1.5 0 0 0 cm BT /F1 9 Tf (turned) Tj ET Q BT /F1 14 Tf (plain) Tj ET\n"
    # Text turned a quarter and scaled 1.5 is 13.5 pt, the smallest in the document, on page 2.
    assert smallest_body_text(_tagged_pdf(tmp_path, first, second)) == (13.5, 2)
