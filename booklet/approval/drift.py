"""Compare an approved booklet's sources with its archived approved edition: each changed, added or removed file is named."""

from __future__ import annotations

from booklet.approval.archive import APPROVED, archive_folder, archived_sums, current_sums, edition_files
from booklet.check.subject import Finding, Subject


def approved_edition(subject: Subject):
    """An approved booklet must be the edition its reviewers signed: an error at `status:` until it
    is approved again or set back to draft. One approved before `booklet approve` existed has no
    archive: a warning, so an existing library still builds, saying how to record it."""
    manifest = subject.manifest
    if manifest is None or manifest.draft:
        return
    root = subject.root.resolve()
    folder = archive_folder(root, manifest.slug, manifest.reference)
    where = subject.line_of("status")
    if not folder.is_dir() or not folder.resolve().is_relative_to(root):
        yield Finding(subject.manifest_path, where,
                      f"this booklet is approved but no approved edition is kept under {APPROVED}/{manifest.slug}/"
                      f"{manifest.reference}/: record the sign-off with `booklet approve {manifest.slug}"
                      " --reviewer ROLE=NAME ...`", severity="warning")
        return
    now = current_sums(root, edition_files(root, manifest))
    then = archived_sums(folder)
    changed = sorted(name for name in now.keys() & then.keys() if now[name] != then[name])
    added = sorted(now.keys() - then.keys())
    removed = sorted(then.keys() - now.keys())
    if not (changed or added or removed):
        return
    parts = [f"{label} {', '.join(names)}" for label, names in
             (("changed:", changed), ("added:", added), ("removed:", removed)) if names]
    yield Finding(subject.manifest_path, where,
                  f"this booklet is approved but its sources differ from the edition approved as"
                  f" {manifest.reference} ({'; '.join(parts)}): have it reviewed (`booklet proof"
                  f" {manifest.slug}`) and approved again, or set 'status: draft'")
