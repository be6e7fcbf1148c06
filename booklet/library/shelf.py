"""Read every booklet's manifest under a sources root, without converting its Markdown, for the library views."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from booklet.model import Manifest, Organisation
from booklet.problems import Problem
from booklet.render.variants import VARIANTS
from booklet.sources.folders import booklet_folders
from booklet.sources.reader import read_sources


@dataclass(frozen=True)
class Shelf:
    """The publisher and the booklets whose manifests could be read, with every problem met on the way."""

    root: Path
    organisation: Organisation | None
    manifests: tuple[Manifest, ...]
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")


def read_shelf(root: Path) -> Shelf:
    """Every booklet under the root, read by the one reader a build uses; a booklet with errors is left
    out and its errors reported (warnings are `booklet check`'s business, not the library views')."""
    reading = read_sources(root, booklet_folders(root), variants=tuple(VARIANTS))
    manifests = tuple(b.manifest for b in reading.booklets if b.manifest is not None)
    errors = sorted(p for p in reading.all_problems() if p.severity == "error")
    return Shelf(root, reading.organisation, manifests, tuple(errors))
