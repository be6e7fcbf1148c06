"""Gather an approved edition's files and keep them, byte for byte with their sha256, under _approved/<slug>/<reference>/.

An archive is itself a small sources root (`_shared/...` and `<slug>/...` as in the sources), so the
edition it holds can be read again by the one reader, for the proof's comparison.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from booklet.model import Manifest
from booklet.sources.safe import readable

APPROVED = "_approved"
RECORD = "approval.json"            # who approved, when, and the sha256 of every file and PDF
SUMS = "SHA256SUMS"                 # the archived files' sums, for `sha256sum -c SHA256SUMS`
SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


@dataclass(frozen=True)
class Record:
    """An archive's approval.json: what was approved, by whom, and the checksums."""

    slug: str
    reference: str
    approved: str                                  # YYYY-MM-DD
    reviewers: tuple[tuple[str, str], ...]         # (role, name)
    files: dict[str, str]                          # sources-root path -> sha256
    pdfs: dict[str, str]                           # file name -> sha256 of the PDF built from them

    def as_json(self) -> bytes:
        return (json.dumps({"slug": self.slug, "reference": self.reference, "approved": self.approved,
                            "reviewers": [{"role": r, "name": n} for r, n in self.reviewers],
                            "files": self.files, "pdfs": self.pdfs}, indent=2, ensure_ascii=False) + "\n").encode()

    @classmethod
    def from_json(cls, data: bytes) -> "Record":
        raw = json.loads(data)
        return cls(raw["slug"], raw["reference"], raw["approved"],
                   tuple((r["role"], r["name"]) for r in raw["reviewers"]), dict(raw["files"]), dict(raw["pdfs"]))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def archive_folder(root: Path, slug: str, reference: str) -> Path:
    return root / APPROVED / slug / reference


def edition_files(root: Path, manifest: Manifest) -> list[str]:
    """The files an edition is made of, as paths under the sources root: everything in the booklet's
    folder, and the shared files it uses (publisher, theme and its font and stylesheet, snippets,
    pictures, its language's words). Another booklet's manifest, read for a related link's title,
    is not part of this one: approving that booklet must not change this one's edition."""
    folder = manifest.folder
    own = [p for p in sorted(folder.rglob("*")) if p.is_file()
           and not any(part.startswith(".") for part in p.relative_to(folder).parts)]
    shared = [root / "_shared" / "organisation.yml", root / "_shared" / "theme.yml"]
    shared += [p for p in manifest.reads if p.is_relative_to(root / "_shared")]
    shared += _theme_files(root)
    language = manifest.language.split("-")[0]
    shared += [p for p in sorted((root / "_shared" / "strings").glob("*.yml"))
               if p.stem == manifest.language or p.stem.split("-")[0] == language]
    files = {p.relative_to(root).as_posix() for p in [*own, *shared] if readable(p, root)}
    return sorted(files)


def _theme_files(root: Path) -> list[Path]:
    from booklet.problems import Problems
    from booklet.theme.reader import read_theme
    theme = read_theme(root, Problems())
    return [p for p in theme.files if p is not None and p.is_relative_to(root)]


def current_sums(root: Path, files: list[str]) -> dict[str, str]:
    return {name: sha256((root / name).read_bytes()) for name in files}


def archived_sums(folder: Path) -> dict[str, str]:
    """The sha256 of every file the archive holds, as read now (approval.json and SHA256SUMS aside)."""
    return {p.relative_to(folder).as_posix(): sha256(p.read_bytes()) for p in sorted(folder.rglob("*"))
            if p.is_file() and readable(p, folder) and p.relative_to(folder).as_posix() not in (RECORD, SUMS)}


def read_record(folder: Path) -> Record | None:
    try:
        return Record.from_json((folder / RECORD).read_bytes())
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_archive(root: Path, files: list[str], target: Path) -> Path | None:
    """Copy the files into a fresh folder beside `target`, then put it in place whole: a failure
    halfway leaves no half archive. An archive already there is moved aside, not deleted: its
    folder is returned, for `settle` to delete once the approval is done, or to put back."""
    staging = target.with_name(f".{target.name}.new")
    if staging.exists():
        shutil.rmtree(staging)
    for name in files:
        path = staging / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes((root / name).read_bytes())
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old")
        if old.exists():
            shutil.rmtree(old)
        target.rename(old)
    staging.rename(target)
    return old


def settle(target: Path, old: Path | None, *, done: bool) -> None:
    """Done: the archive moved aside goes. Not done: the new archive goes and the old one comes back."""
    if done:
        if old is not None:
            shutil.rmtree(old)
        return
    shutil.rmtree(target, ignore_errors=True)
    if old is not None:
        old.rename(target)


def write_record(folder: Path, record: Record) -> None:
    from booklet.files import write_atomically
    write_atomically(folder / RECORD, record.as_json())
    write_atomically(folder / SUMS, "".join(f"{digest}  {name}\n" for name, digest in record.files.items()).encode())


def latest_archive(root: Path, slug: str) -> Path | None:
    """The last approved edition of a booklet: the archive with the latest approval date (then name)."""
    base = root / APPROVED / slug
    if not base.is_dir() or not base.resolve().is_relative_to(root.resolve()):
        return None
    found = []
    for folder in base.iterdir():
        if folder.is_dir() and not folder.name.startswith(".") and folder.resolve().is_relative_to(root.resolve()):
            record = read_record(folder)
            found.append(((record.approved if record else ""), folder.name, folder))
    return max(found)[2] if found else None


def intact(folder: Path) -> bool | None:
    """Whether an archive's files still match the sums recorded when it was approved (None: no record)."""
    record = read_record(folder)
    return None if record is None else archived_sums(folder) == record.files
