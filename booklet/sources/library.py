"""Read a whole sources root (the publisher, shared snippets and the chosen booklets) or report every problem."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import yaml

from booklet.compose.strings import region_of
from booklet.markdown.context import BookletLink, MarkdownContext
from booklet.markdown.convert import convert
from booklet.sources.folders import booklet_folders  # noqa: F401  (re-exported)
from booklet.model import Library, Manifest, Organisation, Section
from booklet.problems import ContentError, Problem, Problems
from booklet.sources.manifest import read_manifest
from booklet.sources.organisation import read_organisation
from booklet.model import SourceText
from booklet.sources.sections import read_markdown_file


def read_snippets(shared: Path, problems: Problems) -> dict[str, SourceText]:
    snippets = {}
    for path in sorted((shared / "snippets").glob("*.md")):
        text = read_markdown_file(path, problems, title_required=False)
        if text is not None:
            snippets[path.stem] = text
    return snippets


def link_targets(root: Path) -> dict[str, BookletLink]:
    """Title and address of every booklet under the root, for `booklet:SLUG` links.

    Read leniently: a broken manifest is reported when that booklet itself is built.
    """
    targets = {}
    for folder in booklet_folders(root):
        try:
            data = yaml.safe_load((folder / "booklet.yml").read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError, ValueError):
            continue
        if isinstance(data, dict) and isinstance(data.get("title"), str):
            online = data.get("online") if isinstance(data.get("online"), str) else None
            targets[folder.name] = BookletLink(title=data["title"], url=online)
    return targets


def convert_sections(sections, language: str, organisation: Organisation | None,
                     snippets: dict[str, SourceText], root: Path, links: dict[str, BookletLink],
                     problems: Problems) -> tuple[Section, ...]:
    """Each section with its body converted to HTML (problems noted as they are met)."""
    contacts = organisation.contacts if organisation else {}
    region = (organisation.country if organisation else None) or region_of(language)
    converted = []
    for section in sections:
        ctx = MarkdownContext(path=section.path, body_line=section.body_line, root=root,
                              anchor=section.anchor, language=language, region=region,
                              contacts=contacts, snippets=snippets, booklets=links)
        converted.append(dataclasses.replace(section, html=convert(section.body, ctx, problems)))
    return tuple(converted)


def resolve_related(manifest: Manifest, links: dict[str, BookletLink]) -> Manifest:
    """A related entry naming one of our booklets prints that booklet's own title and address."""
    related = tuple(dataclasses.replace(item, title=links[item.slug].title, url=item.url or links[item.slug].url)
                    if item.slug in links else item for item in manifest.related)
    return dataclasses.replace(manifest, related=related)


def read_library(root: Path, folders: list[Path], *, variants: tuple[str, ...]) -> tuple[Library, list[Problem]]:
    """Read everything the chosen booklets need; raise ContentError listing all errors found.

    Returns the library and the warnings, which do not stop a build.
    """
    problems = Problems()
    organisation = read_organisation(root / "_shared" / "organisation.yml", problems)
    snippets = read_snippets(root / "_shared", problems)
    contacts = organisation.contacts if organisation else {}
    links = link_targets(root)
    booklets = {}
    for folder in folders:
        manifest, unused = read_manifest(folder, problems, contacts=contacts, snippets=snippets, variants=variants)
        if manifest is None:  # still check the sections' Markdown, so every problem shows at once
            convert_sections(unused, "en", organisation, snippets, root, links, problems)
            continue
        sections = convert_sections(manifest.sections, manifest.language, organisation, snippets, root,
                                    links, problems)
        booklets[manifest.slug] = dataclasses.replace(resolve_related(manifest, links), sections=sections)
    if problems.errors or organisation is None:
        raise ContentError(problems.items)
    library = Library(root=root, organisation=organisation, snippets=snippets, booklets=booklets)
    return library, [p for p in problems.items if p.severity == "warning"]
