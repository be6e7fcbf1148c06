"""`booklet approve` on a library it was not written for: the sign-off recorded, the edition archived with its sums,
and every mistake refused in one line with nothing written."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from booklet.approval.archive import intact
from booklet.cli import main
from booklet.sources.folders import booklet_folders
from tests.approval.conftest import MANIFEST, SLUG, write_library

REFERENCE = "HHT-MED-2027-01"
SIGNERS = ("--reviewer", "Consultant Cardiologist=Dr R. Okafor", "--reviewer", "Cardiology Pharmacist=M. Quinn")


def approve(root: Path, *args: str, output: Path | None = None):
    output = output or root.parent / "output"
    return CliRunner().invoke(main, ["approve", *args, "--sources", str(root), "--output", str(output)],
                              catch_exceptions=False)


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def approved(tmp_path_factory) -> Path:
    """The library with the medicines booklet approved once (its download PDF built on the way)."""
    root = write_library(tmp_path_factory.mktemp("approved") / "harbour")
    result = approve(root, SLUG, *SIGNERS, "--date", "2026-12-07")
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def copy(approved, tmp_path) -> Path:
    """A copy of the approved library, to change."""
    shutil.copytree(approved, tmp_path / "harbour")
    return tmp_path / "harbour"


def test_the_sign_off_is_in_booklet_yml_and_its_comments_are_kept(approved):
    text = (approved / SLUG / "booklet.yml").read_text()
    assert "status: approved                # approved once the pharmacist signs it off\n" in text
    assert "  reviewed: 2026-12-07\n" in text
    assert "    - role: Consultant Cardiologist      # the lead clinician\n      name: Dr R. Okafor\n" in text
    assert "    - role: Cardiology Pharmacist\n      name: M. Quinn\n" in text
    signed = {"status: approved                # approved once the pharmacist signs it off", "  reviewed: 2026-12-07",
              "      name: Dr R. Okafor", "      name: M. Quinn"}
    kept = [line for line in text.splitlines() if line not in signed]
    assert kept == [line for line in MANIFEST.splitlines() if not line.startswith(("status:", "  reviewed:"))]


def test_the_archive_holds_the_edition_byte_for_byte_and_matches_its_sums(approved):
    archive = approved / "_approved" / SLUG / REFERENCE
    record = json.loads((archive / "approval.json").read_text())
    assert record["approved"] == "2026-12-07" and record["reference"] == REFERENCE
    assert record["reviewers"] == [{"role": "Consultant Cardiologist", "name": "Dr R. Okafor"},
                                   {"role": "Cardiology Pharmacist", "name": "M. Quinn"}]
    # The booklet's own files, and the shared ones it uses: publisher, theme, font, logo, snippet.
    assert sorted(record["files"]) == [
        "_shared/fonts/Lato-Bold.ttf", "_shared/fonts/Lato-Regular.ttf", "_shared/fonts/OFL.txt",
        "_shared/images/logo.svg", "_shared/organisation.yml", "_shared/snippets/side-effects.md",
        "_shared/theme.yml", f"{SLUG}/booklet.yml", f"{SLUG}/images/pillbox.png", f"{SLUG}/questions.md",
        f"{SLUG}/taking.md"]
    for name, digest in record["files"].items():
        assert (archive / name).read_bytes() == (approved / name).read_bytes(), name
        assert hashlib.sha256((archive / name).read_bytes()).hexdigest() == digest, name
    # Nothing of the other booklet, heart-health, is part of this edition.
    assert not (archive / "heart-health").exists()
    sums = (archive / "SHA256SUMS").read_text().splitlines()
    assert sums == [f"{digest}  {name}" for name, digest in record["files"].items()]
    assert intact(archive) is True


def test_the_pdf_sums_are_those_of_the_pdfs_a_build_writes(approved):
    record = json.loads((approved / "_approved" / SLUG / REFERENCE / "approval.json").read_text())
    pdf = approved.parent / "output" / SLUG / f"{SLUG}-download.pdf"
    assert record["pdfs"] == {pdf.name: hashlib.sha256(pdf.read_bytes()).hexdigest()}
    import pikepdf
    with pikepdf.open(pdf) as document:          # built as approved: no DRAFT mark on any page
        assert not [page for page in document.pages if "/BookletDraftStamp" in page.obj.Resources.get("/XObject", {})]


def test_an_altered_archive_is_no_longer_intact(copy):
    archive = copy / "_approved" / SLUG / REFERENCE
    (archive / SLUG / "taking.md").write_text("---\ntitle: Taking your medicines\n---\n\nOther words.\n")
    assert intact(archive) is False


def test_approved_is_not_a_booklet_to_the_library_reader(approved):
    assert [f.name for f in booklet_folders(approved)] == ["heart-health", SLUG]
    result = CliRunner().invoke(main, ["reviews", "--sources", str(approved)], catch_exceptions=False)
    assert "_approved" not in result.output and SLUG in result.output


def test_the_same_edition_approved_again_is_kept_once(copy):
    before = tree(copy / "_approved")
    result = approve(copy, SLUG, "--date", "2026-12-07")          # the names are in booklet.yml now
    assert result.exit_code == 0, result.output
    assert "already kept, unchanged" in result.output
    after = tree(copy / "_approved")
    record = f"{SLUG}/{REFERENCE}/approval.json"
    assert {k: v for k, v in after.items() if k != record} == {k: v for k, v in before.items() if k != record}
    # The record is written again with the sums of the PDFs built here (this copy's own folder).
    assert json.loads(after[record])["files"] == json.loads(before[record])["files"]


def test_another_edition_under_the_same_reference_needs_replace(copy):
    (copy / SLUG / "questions.md").write_text((copy / SLUG / "questions.md").read_text() + "\n- Can I drive?\n")
    manifest_before, archive_before = (copy / SLUG / "booklet.yml").read_bytes(), tree(copy / "_approved")
    refused = approve(copy, SLUG, "--date", "2026-12-09")
    assert refused.exit_code == 1
    assert f"an edition approved as {REFERENCE} is already archived" in refused.output
    assert "--replace" in refused.output
    assert (copy / SLUG / "booklet.yml").read_bytes() == manifest_before and tree(copy / "_approved") == archive_before
    replaced = approve(copy, SLUG, "--date", "2026-12-09", "--replace")
    assert replaced.exit_code == 0, replaced.output
    archive = copy / "_approved" / SLUG / REFERENCE
    assert "Can I drive?" in (archive / SLUG / "questions.md").read_text()
    assert json.loads((archive / "approval.json").read_text())["approved"] == "2026-12-09"
    assert sorted(p.name for p in (copy / "_approved" / SLUG).iterdir()) == [REFERENCE]     # nothing left aside


def test_a_booklet_with_errors_is_refused_and_nothing_is_written(tmp_path):
    root = write_library(tmp_path / "harbour")
    taking = root / SLUG / "taking.md"
    taking.write_text(taking.read_text().replace("![A weekly pill box with seven compartments]", "![]"))
    before = tree(root)
    result = approve(root, SLUG, *SIGNERS)
    assert result.exit_code == 1
    assert f"{SLUG}/taking.md:8: error:" in result.output and "not approved: nothing was written." in result.output
    assert tree(root) == before and not (tmp_path / "output").exists()


@pytest.mark.parametrize("args, message", [
    (("nowhere", *SIGNERS), "error: there is no booklet 'nowhere' in"),
    ((SLUG, *SIGNERS, "--date", "2026-13-01"), "error: --date '2026-13-01' is not a date: write it as YYYY-MM-DD"),
    ((SLUG, *SIGNERS, "--date", "7/12/2026"), "error: --date '7/12/2026' is not a date"),
    ((SLUG, "--reviewer", "Consultant Cardiologist"), "error: --reviewer 'Consultant Cardiologist' is not ROLE=NAME"),
    ((SLUG, "--reviewer", "Nurse=S. Byrne"), "error: 'Nurse' is not a reviewer of this booklet; its reviewers are:"
                                             " 'Consultant Cardiologist', 'Cardiology Pharmacist'"),
    ((SLUG, "--reviewer", "Consultant Cardiologist=Dr R. Okafor"), "'Cardiology Pharmacist' has no name"),
])
def test_bad_input_is_one_clear_line_and_nothing_is_written(tmp_path, args, message):
    root = write_library(tmp_path / "harbour")
    before = tree(root)
    result = approve(root, *args)
    assert result.exit_code in (1, 2)
    lines = [line for line in result.output.splitlines() if line and line != "not approved: nothing was written."]
    assert len(lines) == 1 and message in lines[0], result.output
    assert "Traceback" not in result.output
    assert tree(root) == before and not (tmp_path / "output").exists()
