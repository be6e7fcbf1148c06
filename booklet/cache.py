"""Decide which variants must be rebuilt: a content-addressed key over every input of each booklet variant."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import booklet
from booklet.files import write_atomically

PACKAGE = Path(booklet.__file__).resolve().parent
CACHE_FOLDER = ".booklet-cache"
SNIPPET = re.compile(r"^\s*(?:-\s*)?(?:snippet:|:::\s*snippet)\s+([\w.-]+)", re.M)
BOOKLET_LINK = re.compile(r"booklet:([\w-]+)")
SLUG_ENTRY = re.compile(r"^\s*-?\s*slug:\s*([\w-]+)", re.M)


@dataclass(frozen=True)
class Inputs:
    """The files one variant of one booklet is made from, and the settings that change its bytes."""

    files: tuple[Path, ...]
    settings: str


def _digest(path: Path, memo: dict[Path, str]) -> str:
    if path not in memo:
        memo[path] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "missing"
    return memo[path]


def _files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                  and not p.name.startswith("."))


def tool_files() -> list[Path]:
    """The tool's own code and templates: a new version of booklet rebuilds everything."""
    return [p for p in _files_under(PACKAGE) if p.suffix in (".py", ".html")]


def booklet_inputs(folder: Path, root: Path, styles: Path, variant_name: str) -> Inputs:
    """Everything the variant reads: the booklet's folder, the shared files it uses, the styles of the
    variant (or of the variant it is made from), and the tool itself. Nothing else. Read from the
    files as they are, so an unchanged library is recognised without parsing it."""
    from booklet.render.variants import VARIANTS
    variant = VARIANTS[variant_name]
    laid_out = VARIANTS[variant.made_from] if variant.made_from else variant
    own = _files_under(folder)
    text = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in own if p.suffix in (".md", ".yml"))
    shared = root / "_shared"
    snippets = sorted({shared / "snippets" / f"{name}.md" for name in SNIPPET.findall(text)})
    others = sorted({root / slug / "booklet.yml" for slug in BOOKLET_LINK.findall(text) + SLUG_ENTRY.findall(text)
                     if slug != folder.name})
    shared_files = [p for p in _files_under(shared) if "snippets" not in p.relative_to(shared).parts]
    style_files = [styles / name for name in laid_out.stylesheets] + _files_under(styles / "fonts")
    if laid_out.press:
        style_files += _files_under(styles / "icc")
    files = own + shared_files + snippets + others + style_files + tool_files()
    return Inputs(tuple(files), json.dumps({"variant": variant_name}))


def declared_variants(folder: Path) -> tuple[str, ...] | None:
    """The manifest's `variants:` list read quickly (None if it cannot be read: the full read will say why)."""
    import yaml
    from booklet.render.variants import VARIANTS
    try:
        data = yaml.load((folder / "booklet.yml").read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader",
                                                                                              yaml.SafeLoader))
    except (OSError, yaml.YAMLError, ValueError, RecursionError):    # ValueError: a date like 2026-02-30
        return None
    if not isinstance(data, dict):
        return None
    names = data.get("variants", list(VARIANTS))
    if not isinstance(names, list) or not all(name in VARIANTS for name in names):
        return None
    return tuple(names)


def key_of(inputs: Inputs, memo: dict[Path, str]) -> str:
    """One hash over the inputs' paths and contents: equal keys mean equal PDFs."""
    h = hashlib.sha256(inputs.settings.encode())
    for path in inputs.files:
        h.update(f"{path}\0{_digest(path, memo)}\n".encode())
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
    def record(variant: str, key: str, files: dict[str, bytes], *, pages: int, warnings: list) -> dict:
        """The new entry for this variant (written by `save` once every file is in place)."""
        return {variant: {"key": key, "pages": pages, "warnings": warnings,
                          "files": {name: hashlib.sha256(data).hexdigest() for name, data in sorted(files.items())}}}

    def summary(self) -> dict:
        """The last complete build: its combined key, the day it was checked, and its warnings."""
        try:
            return json.loads((self.folder / "last-build.json").read_text())
        except (OSError, ValueError):
            return {}

    def save_summary(self, key: str, day: str, warnings: list) -> None:
        write_atomically(self.folder / "last-build.json",
                         json.dumps({"key": key, "day": day, "warnings": warnings}).encode())

    def save(self, slug: str, entries: dict) -> None:
        write_atomically(*self.staged(slug, entries))

    def staged(self, slug: str, entries: dict) -> tuple[Path, bytes]:
        """The booklet's record with these entries merged in, as the file to write and its bytes,
        so the build can write it in one transaction with the files it describes."""
        merged = {**self._load(slug), **entries}
        return self._file(slug), (json.dumps(merged, indent=1, sort_keys=True) + "\n").encode()
