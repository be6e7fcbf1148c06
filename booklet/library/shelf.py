"""Read every booklet's manifest under a sources root, without converting its Markdown, for the library views."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from booklet.model import Manifest, Organisation
from booklet.problems import Problem, Problems
from booklet.render.variants import VARIANTS
from booklet.sources.folders import booklet_folders
from booklet.sources.library import read_snippets
from booklet.sources.manifest import read_manifest
from booklet.sources.organisation import read_organisation


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
    """Each booklet.yml under the root, checked as a build checks it; a broken one is left out and reported."""
    problems = Problems()
    organisation = read_organisation(root / "_shared" / "organisation.yml", problems)
    snippets = read_snippets(root / "_shared", problems)
    contacts = organisation.contacts if organisation else {}
    manifests = []
    for folder in booklet_folders(root):
        manifest, _ = read_manifest(folder, problems, contacts=contacts, snippets=snippets,
                                    variants=tuple(VARIANTS))
        if manifest is not None:
            manifests.append(manifest)
    return Shelf(root, organisation, tuple(manifests), tuple(sorted(problems.items)))
