"""Read a sources root leniently for checking: every booklet as far as it can be read, and the reader's problems.

A build stops at the first booklet with errors; a check goes on, so an editor sees the
reader's errors and the rules' findings in one pass. The same reading functions as a
build are used, so the problems are the same.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from booklet.check.settings import read_settings
from booklet.check.subject import Context, Subject
from booklet.model import Library
from booklet.problems import Problem, Problems
from booklet.render.variants import VARIANTS
from booklet.sources.library import convert_sections, link_targets, read_snippets, resolve_related
from booklet.sources.manifest import read_manifest
from booklet.sources.organisation import read_organisation


def read_subjects(root: Path, folders: list[Path], context: Context) -> tuple[list[Subject], list[Problem]]:
    """A Subject for each booklet folder, and every problem met while reading (settings included)."""
    shared = Problems()
    try:
        organisation = read_organisation(root / "_shared" / "organisation.yml", shared)
    except UnicodeDecodeError as exc:
        shared.error(root / "_shared" / "organisation.yml", 1, f"this file is not saved as UTF-8 text"
                     f" (byte {exc.start}); save it as UTF-8")
        organisation = None
    snippets = read_snippets(root / "_shared", shared)
    contacts = organisation.contacts if organisation else {}
    links = link_targets(root)
    problems, subjects = list(shared.items), []
    for folder in folders:
        found = Problems()
        try:
            manifest, unused = read_manifest(folder, found, contacts=contacts, snippets=snippets,
                                             variants=tuple(VARIANTS))
        except UnicodeDecodeError as exc:
            found.error(folder / "booklet.yml", 1, f"this file is not saved as UTF-8 text (byte {exc.start});"
                        " save it as UTF-8")
            manifest, unused = None, ()
        sections = manifest.sections if manifest else unused
        language = manifest.language if manifest else "en"
        converted = convert_sections(sections, language, organisation, snippets, root, links, found)
        if manifest is not None:
            manifest = dataclasses.replace(resolve_related(manifest, links), sections=converted)
        subject = Subject(slug=folder.name, folder=folder, root=root, manifest=manifest, sections=converted,
                          organisation=organisation, snippets=snippets, context=context)
        settings, settings_problems = read_settings(subject.node, subject.manifest_path)
        subjects.append(dataclasses.replace(subject, settings=settings))
        problems.extend(found.items)
        problems.extend(settings_problems)
    return subjects, problems


def library_subjects(library: Library, context: Context) -> tuple[list[Subject], list[Problem]]:
    """Subjects for booklets a build has already read (and found without reading errors)."""
    subjects, problems = [], []
    for manifest in library.booklets.values():
        subject = Subject(slug=manifest.slug, folder=manifest.folder, root=library.root, manifest=manifest,
                          sections=manifest.sections, organisation=library.organisation,
                          snippets=library.snippets, context=context)
        settings, settings_problems = read_settings(subject.node, subject.manifest_path)
        subjects.append(dataclasses.replace(subject, settings=settings))
        problems.extend(settings_problems)
    return subjects, problems
