"""Say who approved a booklet's edition and when, from its archive, and whether that edition is still intact."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from booklet.approval.archive import (archive_folder, archived_sums, current_sums, edition_files, latest_archive,
                                      read_record)
from booklet.model import Manifest


class Kept(enum.Enum):
    """How an approved edition stands now, in the words the register and catalogue print."""

    INTACT = "intact"                      # the archive matches its sums, and the sources match the archive
    CHANGED = "changed since"              # the sources differ from the approved edition
    ALTERED = "archive altered"            # the archive no longer matches the sums recorded at approval
    NOT_KEPT = "not archived"              # approved by hand: no archive to compare with


@dataclass(frozen=True)
class Signed:
    reference: str
    approved: str                          # YYYY-MM-DD, or "" when not archived
    reviewers: tuple[tuple[str, str], ...]   # (role, name)
    kept: Kept

    def as_dict(self) -> dict:
        return {"reference": self.reference, "approved": self.approved or None,
                "reviewers": [{"role": r, "name": n} for r, n in self.reviewers], "edition": self.kept.value}

    def in_words(self) -> str:
        who = "; ".join(f"{name} ({role})" for role, name in self.reviewers)
        when = f" on {self.approved}" if self.approved else ""
        return f"{self.reference}{when} by {who or 'nobody named'}: {self.kept.value}"


def signed_edition(root: Path, manifest: Manifest) -> Signed | None:
    """An approved booklet's edition (by its reference); a draft's last approved one, if any."""
    root = root.resolve()
    folder = latest_archive(root, manifest.slug) if manifest.draft else \
        archive_folder(root, manifest.slug, manifest.reference)
    if folder is None or not folder.is_dir() or not folder.resolve().is_relative_to(root):
        if manifest.draft:
            return None
        names = tuple((r.role, r.name or "") for r in manifest.review.reviewers)
        return Signed(manifest.reference, "", names, Kept.NOT_KEPT)
    record = read_record(folder)
    if record is None:
        return Signed(folder.name, "", (), Kept.ALTERED)
    held = archived_sums(folder)
    if held != record.files:
        kept = Kept.ALTERED
    elif current_sums(root, edition_files(root, manifest)) != held:
        kept = Kept.CHANGED
    else:
        kept = Kept.INTACT
    return Signed(record.reference, record.approved, record.reviewers, kept)


def signed_editions(root: Path, manifests) -> dict[str, Signed]:
    return {m.slug: s for m in manifests if (s := signed_edition(root, m)) is not None}
