"""Decide which variants must be rebuilt: a content-addressed key over every input of each booklet variant."""

from __future__ import annotations

import functools
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import booklet
from booklet import STYLES
from booklet.files import write_atomically
from booklet.sources.safe import Refusal, refusal

PACKAGE = Path(booklet.__file__).resolve().parent
CACHE_FOLDER = ".booklet-cache"


@dataclass(frozen=True)
class Inputs:
    """The files one variant of one booklet is made from, and the settings that change its bytes."""

    files: tuple[Path, ...]
    settings: str


def _digest(path: Path, memo: dict[Path, str], root: Path | None = None) -> str:
    """The file's hash; a file that may not be read (outside the root, a pipe...) is never opened."""
    if path not in memo:
        # Files named from the sources root must stay in it; the styles and the tool are the package's.
        reason = refusal(path, root) if root is not None and path.is_relative_to(root) else None
        if reason is None and not path.is_file():
            reason = "missing"
        memo[path] = reason or hashlib.sha256(path.read_bytes()).hexdigest()
    return memo[path]


def _files_under(folder: Path, root: Path | None = None) -> list[Path]:
    """Every file under the folder (hidden folders included, hidden files and __pycache__ not), sorted;
    with a root, only those `refusal` allows. One scandir walk: a file reached without passing a
    symbolic link is where its path says, inside the folder, so only links need `refusal`'s full check."""
    if root is not None and refusal(folder, root) is not Refusal.FOLDER:
        return []
    found: list[Path] = []
    stack = [folder]
    while stack:
        here = stack.pop()
        try:
            with os.scandir(here) as entries:
                listed = list(entries)
        except (FileNotFoundError, NotADirectoryError):
            continue                           # removed while walking, as rglob allows
        for entry in listed:
            path = here / entry.name
            try:
                link = entry.is_symlink()
                if not link and entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":    # nothing under it is ever listed
                        stack.append(path)     # a link to a folder is listed, not followed, as rglob does
                    continue
                if "__pycache__" in path.parts or entry.name.startswith("."):
                    continue
                if root is not None and link:
                    allowed = refusal(path, root) is None
                else:
                    allowed = entry.is_file()  # a link with no root: followed, like Path.is_file
            except OSError:
                continue
            if allowed:
                found.append(path)
    return sorted(found)


@functools.cache
def _package_files() -> tuple[Path, ...]:
    """Walked once a process: the code that runs is the code loaded when it started."""
    return tuple(p for p in _files_under(PACKAGE) if p.suffix in (".py", ".html"))


def tool_files() -> list[Path]:
    """The tool's own code and templates: a new version of booklet rebuilds everything (their contents
    are hashed each build; only the listing is kept)."""
    return list(_package_files())


def booklet_inputs(folder: Path, root: Path, styles: Path, variant_name: str, reads: tuple[Path, ...]) -> Inputs:
    """Everything the variant is made from: the booklet's folder, the shared YAML files, the files the
    reader recorded as read for it (snippets at any depth, pictures, the logo, the profile, booklets
    it links to), the styles of the variant (or of the variant it is made from), and the tool itself."""
    from booklet.render.variants import VARIANTS, lineage
    chain = lineage(variant_name)
    laid_out = chain[-1]
    # The shared YAML files, and what a theme.yml names (its font files, its stylesheet): everything in
    # _shared/ but the snippets and pictures, which are recorded in `reads` by the booklets that use them.
    shared_folder = root / "_shared"
    shared = [p for p in _files_under(shared_folder, root)
              if p.suffix == ".yml" or p.relative_to(shared_folder).parts[0] not in ("snippets", "images")]
    # The house theme's colours are package data beside the stylesheets.
    style_files = [styles / name for name in laid_out.stylesheets] + [STYLES / "theme.yml"]
    style_files += _files_under(styles / "fonts")
    if any(v.press for v in chain):         # print, and the handout made from it
        style_files += _files_under(styles / "icc")
    if chain[0].edition:
        # An edition says what the PDFs are (the web page their sizes and pages, the EPUB the download's
        # page numbers): whatever changes them changes it.
        style_files += [styles / name for v in VARIANTS.values() for name in v.stylesheets]
        style_files += _files_under(styles / "icc")
        style_files = list(dict.fromkeys(style_files))
    files = _files_under(folder, root) + shared + sorted(set(reads)) + style_files + tool_files()
    return Inputs(tuple(files), json.dumps({"variant": variant_name}))


def key_of(inputs: Inputs, memo: dict[Path, str], root: Path | None = None) -> str:
    """One hash over the inputs' paths and contents: equal keys mean equal PDFs."""
    h = hashlib.sha256(inputs.settings.encode())
    for path in inputs.files:
        h.update(f"{path}\0{_digest(path, memo, root)}\n".encode())
    return h.hexdigest()


class BuildCache:
    """What was last written for each booklet variant, kept beside the output as one JSON file per booklet."""

    def __init__(self, output: Path):
        self.folder = output / CACHE_FOLDER

    def _file(self, slug: str) -> Path:
        return self.folder / f"{slug}.json"

    def _load(self, slug: str) -> dict:
        try:
            return json.loads(self._file(slug).read_text())
        except (OSError, ValueError):
            return {}

    def fresh_entry(self, slug: str, variant: str, key: str, folder: Path) -> dict | None:
        """The recorded entry when the variant's key is unchanged and the files it wrote are still
        there, unaltered; otherwise None, and the variant is rebuilt."""
        entry = self._load(slug).get(variant)
        if not entry or entry.get("key") != key:
            return None
        memo: dict[Path, str] = {}
        if any(_digest(folder / name, memo) != digest for name, digest in entry.get("files", {}).items()):
            return None
        return entry

    @staticmethod
    def record(variant: str, key: str, files: dict[str, bytes], *, pages: int, warnings: list,
               reads: list[str] = (), page_starts: tuple = ()) -> dict:
        """The new entry for this variant (written by `save` once every file is in place). The download's
        page starts are kept for an EPUB made later from the same, still up-to-date, layout."""
        entry = {"key": key, "pages": pages, "warnings": warnings, "reads": sorted(reads),
                 "files": {name: hashlib.sha256(data).hexdigest() for name, data in sorted(files.items())}}
        if page_starts:
            entry["page_starts"] = [list(start) for start in page_starts]
        return {variant: entry}

    def entry(self, slug: str, variant: str) -> dict:
        """What was last recorded for the variant, fresh or not ({} when nothing was)."""
        entry = self._load(slug).get(variant)
        return entry if isinstance(entry, dict) else {}

    def page_starts(self, slug: str, variant: str) -> tuple[tuple[str, str], ...]:
        starts = self.entry(slug, variant).get("page_starts", [])
        return tuple((str(label), str(anchor)) for label, anchor in starts if isinstance(anchor, str))

    def reads(self, slug: str, variant: str, root: Path) -> tuple[Path, ...]:
        """The files outside the booklet's folder its last build read, as recorded then."""
        entry = self._load(slug).get(variant) or {}
        return tuple(root / name for name in entry.get("reads", []) if isinstance(name, str))

    def summary(self) -> dict:
        """The last complete build: its combined key, the day it was checked, and its warnings."""
        try:
            return json.loads((self.folder / "last-build.json").read_text())
        except (OSError, ValueError):
            return {}

    def save_summary(self, key: str, day: str, warnings: list, variants: dict[str, list[str]]) -> None:
        """`variants`: the variants of each booklet the build covered, so the next build can check them
        all without reading (or parsing) any booklet.yml."""
        write_atomically(self.folder / "last-build.json",
                         json.dumps({"key": key, "day": day, "warnings": warnings, "variants": variants}).encode())

    def recorded_files(self, slug: str, entries: dict) -> set[str]:
        """The names (relative to output/<slug>/) of every file the booklet's record names once these
        entries are merged in."""
        merged = {**self._load(slug), **entries}
        return {name for entry in merged.values() for name in entry.get("files", {})}

    def staged(self, slug: str, entries: dict) -> tuple[Path, bytes]:
        """The booklet's record with these entries merged in, as the file to write and its bytes,
        so the build can write it in one transaction with the files it describes."""
        merged = {**self._load(slug), **entries}
        return self._file(slug), (json.dumps(merged, indent=1, sort_keys=True) + "\n").encode()
