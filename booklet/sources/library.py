"""Read a whole sources root for a build: the library when it has no errors, else every problem at once."""

from __future__ import annotations

from pathlib import Path

from booklet.model import Library
from booklet.problems import ContentError, Problem
from booklet.sources.reader import Reading, read_sources


def library_of(reading: Reading) -> Library | None:
    """The booklets that could be read whole; None when the publisher's details could not be."""
    if reading.organisation is None:
        return None
    return Library(root=reading.root, organisation=reading.organisation, snippets=reading.snippets,
                   booklets={b.manifest.slug: b.manifest for b in reading.booklets if b.manifest is not None})


def read_library(root: Path, folders: list[Path], *, variants: tuple[str, ...]) -> tuple[Library, list[Problem]]:
    """Read everything the chosen booklets need; raise ContentError listing all errors found.

    Returns the library and the warnings, which do not stop a build.
    """
    reading = read_sources(root, folders, variants=variants)
    problems = reading.all_problems()
    library = library_of(reading)
    if library is None or any(p.severity == "error" for p in problems):
        raise ContentError(problems)
    return library, [p for p in problems if p.severity == "warning"]
