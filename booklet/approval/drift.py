"""Compare an approved booklet's sources with its archived approved edition: each changed, added or removed file is named."""

from __future__ import annotations

from pathlib import Path

from booklet.approval.archive import APPROVED, archive_folder, archived_sums, current_sums, edition_files
from booklet.check.subject import Finding, Subject


def _archive(subject: Subject) -> Path | None:
    """The approved booklet's archive (for its reference), if it has one inside the sources root."""
    manifest = subject.manifest
    if manifest is None or manifest.draft:
        return None
    root = subject.root.resolve()
    folder = archive_folder(root, manifest.slug, manifest.reference)
    return folder if folder.is_dir() and folder.resolve().is_relative_to(root) else None


def approval_archive(subject: Subject):
    """One approved by hand (before `booklet approve`, say) has nothing to keep it from drifting: a
    warning, not an error, so an existing library still builds; it says how to record it."""
    manifest = subject.manifest
    if manifest is None or manifest.draft or _archive(subject) is not None:
        return
    yield Finding(subject.manifest_path, subject.line_of("status"),
                  f"this booklet is approved but no approved edition is kept under {APPROVED}/{manifest.slug}/"
                  f"{manifest.reference}/, so nothing shows if it changes: record the sign-off with"
                  f" `booklet approve {manifest.slug} --reviewer ROLE=NAME ... --date YYYY-MM-DD`")


def approved_edition(subject: Subject):
    """An approved booklet must be the edition its reviewers signed: an error at `status:` naming each
    file that differs, until it is approved again or set back to draft."""
    folder = _archive(subject)
    if folder is None:
        return
    manifest, root, where = subject.manifest, subject.root.resolve(), subject.line_of("status")
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
