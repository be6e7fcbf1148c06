"""Approve a booklet: check it, write the sign-off into booklet.yml, archive the edition and the sums of the PDFs built from it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from booklet.approval.archive import (SAFE_NAME, Record, archive_folder, archived_sums, current_sums,
                                      edition_files, settle, sha256, write_archive, write_record)
from booklet.approval.signoff import SignOff, SignOffError, signed
from booklet.problems import ContentError, Problem, UsageError
from booklet.render.variants import VARIANTS


@dataclass(frozen=True)
class Approval:
    """What `booklet approve` did: the archive it wrote and the record in it."""

    folder: Path
    record: Record
    unchanged: bool = False        # the same edition was already archived: nothing new was kept


def booklet_folder(root: Path, slug: str) -> Path:
    """The booklet's folder under the root, or a UsageError naming the booklets there are."""
    from booklet.sources.folders import booklet_folders
    folders = booklet_folders(root) if root.is_dir() else []
    folder = next((f for f in folders if f.name == slug), None)
    if folder is None:
        known = ", ".join(f.name for f in folders) or "none"
        raise UsageError(f"there is no booklet '{slug}' in {root} (the booklets there: {known})")
    return folder


def approve(root: Path, slug: str, sign_off: SignOff, output: Path, *, replace: bool = False) -> Approval:
    """The recipe. Nothing is written when the booklet has errors or the sign-off does not fit it; a
    failure after booklet.yml is written puts it back, and the archive goes in whole or not at all."""
    root = root.resolve()
    folder = booklet_folder(root, slug)
    _refuse_errors(root, folder)
    manifest_path = folder / "booklet.yml"
    before = manifest_path.read_bytes()
    try:
        after, reviewers = signed(before.decode("utf-8"), sign_off)
    except SignOffError as exc:
        raise ContentError([Problem(manifest_path, _line_of(before, "reviewers"), str(exc))]) from None
    manifest = _manifest(root, folder)
    if not SAFE_NAME.fullmatch(manifest.reference):
        raise ContentError([Problem(manifest_path, _line_of(before, "reference"),
                                    f"the reference '{manifest.reference}' cannot name the archive's folder: use"
                                    " letters, digits, '.', '-' and '_' (like HHT-2026-04)")])
    target = archive_folder(root, slug, manifest.reference)
    manifest_path.write_bytes(after.encode("utf-8"))
    try:
        files = edition_files(root, manifest)
        sums = current_sums(root, files)
        unchanged = target.is_dir() and archived_sums(target) == sums
        if target.exists() and not unchanged and not replace:
            raise ContentError([Problem(manifest_path, _line_of(before, "reference"),
                                        f"an edition approved as {manifest.reference} is already archived in"
                                        f" {target.relative_to(root)} with other content: give this edition a"
                                        " new 'reference:', or replace that archive with --replace")])
        old, written = None, False
        if not unchanged:
            old, written = write_archive(root, files, target), True
        try:
            pdfs = _built_pdfs(root, folder, output, manifest)
            record = Record(slug, manifest.reference, sign_off.date.isoformat(), reviewers, sums, pdfs)
            write_record(target, record)
        except BaseException:
            if written:
                settle(target, old, done=False)
            raise
        if written:
            settle(target, old, done=True)
    except BaseException:
        manifest_path.write_bytes(before)
        raise
    return Approval(target, record, unchanged)


def _refuse_errors(root: Path, folder: Path) -> None:
    """The booklet as `booklet check` sees it: any error refuses the approval (warnings do not), but
    for its drift from the edition approved before: approving again is what settles that."""
    from booklet.check import CheckRequest, check
    report = check(CheckRequest(root=root, folders=(folder,)))
    errors = [p for p in report.problems if p.severity == "error" and p.rule != "approved-edition"]
    if errors:
        raise ContentError(errors)


def _manifest(root: Path, folder: Path):
    """The booklet as read now (checked: no errors); its reference, files and variants are those
    the sign-off keeps, which changes only its status, date and names."""
    from booklet.sources.library import read_library
    library, _ = read_library(root, [folder], variants=tuple(VARIANTS))
    return library.booklets[folder.name]


def _built_pdfs(root: Path, folder: Path, output: Path, manifest) -> dict[str, str]:
    """Build the booklet's PDFs as `booklet build` does (so the sums are those of what it writes),
    and return each file's sha256."""
    from booklet.build import build
    from booklet.request import BuildRequest
    names = tuple(v for v in manifest.variants if not VARIANTS[v].edition)
    result = build(BuildRequest(root=root, output=output.resolve(), folders=(folder,), variants=names))
    return {item.path.name: sha256(item.path.read_bytes()) for item in result.built if item.path.suffix == ".pdf"}


def _line_of(text: bytes, key: str) -> int:
    for number, line in enumerate(text.decode("utf-8", "replace").splitlines(), start=1):
        if line.lstrip().startswith(f"{key}:"):
            return number
    return 1

