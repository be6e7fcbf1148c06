"""Make the rules' subjects from the one reading of the sources: every booklet as far as it could be read."""

from __future__ import annotations

from booklet.check.subject import Context, Subject
from booklet.sources.reader import Reading


def subjects_of(reading: Reading, context: Context) -> list[Subject]:
    """A Subject for each booklet read, with its `checks:` settings and its parsed booklet.yml."""
    return [Subject(slug=b.folder.name, folder=b.folder, root=reading.root, manifest=b.manifest,
                    sections=b.sections, organisation=reading.organisation, snippets=reading.snippets,
                    context=context, settings=b.settings, manifest_node=b.node,
                    organisation_node=reading.organisation_node)
            for b in reading.booklets]
