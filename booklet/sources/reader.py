"""Read a sources root once (publisher, snippets, chosen booklets) into frozen readings with every problem found.

The one reader of build, check, watch and the cache: it never raises on content. Each
problem carries its rule and severity from where it was found, and a booklet's `checks:`
is applied to the problems found while reading it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import yaml

from booklet.check.settings import adjusted, read_settings
from booklet.check.subject import Settings
from booklet.compose.strings import region_of
from booklet.markdown.context import BookletLink, MarkdownContext
from booklet.markdown.convert import convert
from booklet.model import Manifest, Organisation, Section, SourceText
from booklet.problems import Problem, Problems
from booklet.sources.folders import booklet_folders
from booklet.sources.manifest import read_manifest
from booklet.sources.organisation import read_organisation
from booklet.sources.safe import Refusal, refusal
from booklet.sources.sections import read_snippets, read_yaml
from booklet.sources.strings import read_catalogues
from booklet.sources.versions import language_versions
from booklet.sources.yamlnodes import is_empty, written


@dataclass(frozen=True)
class BookletReading:
    """One booklet as far as it could be read: the manifest is None when it has errors."""

    folder: Path
    manifest: Manifest | None
    sections: tuple[Section, ...]          # converted to HTML, even when the manifest could not be read
    node: yaml.Node | None                 # booklet.yml as parsed, for the rules' line numbers
    settings: Settings
    problems: tuple[Problem, ...]          # `checks:` applied
    reads: tuple[Path, ...]                # files outside its folder it was made from, found as read


@dataclass(frozen=True)
class Reading:
    root: Path
    organisation: Organisation | None
    organisation_node: yaml.Node | None
    snippets: dict[str, SourceText]
    booklets: tuple[BookletReading, ...]
    problems: tuple[Problem, ...]          # those of the shared files

    def all_problems(self) -> list[Problem]:
        return [*self.problems, *(p for b in self.booklets for p in b.problems)]


def link_targets(nodes: dict[str, yaml.Node | None]) -> dict[str, BookletLink]:
    """Title and address of every booklet under the root, for `booklet:SLUG` links."""
    targets = {}
    for slug, node in nodes.items():
        if isinstance(node, yaml.MappingNode):
            values = {k.value: written(v) for k, v in node.value if isinstance(k, yaml.ScalarNode)}
            if values.get("title"):
                targets[slug] = BookletLink(title=values["title"], url=values.get("online"))
    return targets


def read_sources(root: Path, folders: list[Path], *, variants: tuple[str, ...]) -> Reading:
    shared = Problems()
    organisation_path = root / "_shared" / "organisation.yml"
    organisation_node, organisation, shared_reads = None, None, set()
    if refusal(organisation_path, root) is Refusal.MISSING:
        shared.error(organisation_path, 1, "the publisher's details are missing: create this file with at"
                     " least 'name:', 'website:' and 'feedback:' (see docs/keys.md)")
    else:
        organisation_node = read_yaml(organisation_path, root, shared)
    if not shared.items:                     # unreadable or not YAML: already reported
        organisation = read_organisation(organisation_node, organisation_path, root, shared, shared_reads)
    snippets = read_snippets(root, shared)
    catalogues = read_catalogues(root, shared)
    nodes = {}
    for folder in sorted(set(booklet_folders(root)) | set(folders)):
        found = Problems()                   # kept only for the booklets chosen
        nodes[folder.name] = (read_yaml(folder / "booklet.yml", root, found), found)
    links = link_targets({slug: node for slug, (node, _) in nodes.items()})
    versions = language_versions({slug: node for slug, (node, _) in nodes.items()})
    booklets = tuple(_read_booklet(folder, root, nodes[folder.name], organisation, snippets, links, variants,
                                   shared_reads, catalogues, versions.get(folder.name, ()))
                     for folder in folders)
    return Reading(root=root, organisation=organisation, organisation_node=organisation_node,
                   snippets=snippets, booklets=booklets, problems=tuple(shared.items))


def _read_booklet(folder: Path, root: Path, parsed, organisation: Organisation | None,
                  snippets: dict[str, SourceText], links: dict[str, BookletLink],
                  variants: tuple[str, ...], shared_reads: set[Path], catalogues: dict,
                  versions: tuple = ()) -> BookletReading:
    node, problems = parsed
    reads: set[Path] = set(shared_reads)
    contacts = organisation.contacts if organisation else {}
    if node is None and not problems.items:
        node = yaml.ScalarNode("tag:yaml.org,2002:null", "")       # an empty file
    manifest, unused = (None, ()) if node is None and problems.items else read_manifest(
        node, folder, root, problems, contacts=contacts, snippets=snippets, variants=variants, reads=reads,
        catalogues=catalogues)
    language = manifest.language if manifest else "en"
    sections = convert_sections(manifest.sections if manifest else unused, language, organisation, snippets,
                                root, links, problems, reads, words=manifest.words if manifest else None)
    settings, settings_problems = read_settings(node, folder / "booklet.yml") if not is_empty(node) \
        else (Settings(), [])
    if manifest is not None:
        # The web page links its other language versions, so their manifests are among what it is made from.
        reads.update(root / v.slug / "booklet.yml" for v in versions if v.slug != folder.name)
        manifest = dataclasses.replace(resolve_related(manifest, links), sections=sections, versions=versions,
                                       reads=tuple(sorted(reads)))
    found = adjusted([*problems.items, *settings_problems], settings)
    return BookletReading(folder=folder, manifest=manifest, sections=sections, node=node, settings=settings,
                          problems=tuple(found), reads=tuple(sorted(reads)))


def convert_sections(sections, language: str, organisation: Organisation | None,
                     snippets: dict[str, SourceText], root: Path, links: dict[str, BookletLink],
                     problems: Problems, reads: set[Path], *, words=None) -> tuple[Section, ...]:
    """Each section with its body converted to HTML (problems and files read noted as they are met)."""
    contacts = organisation.contacts if organisation else {}
    region = (organisation.country if organisation else None) or region_of(language)
    converted = []
    for section in sections:
        ctx = MarkdownContext(path=section.path, body_line=section.body_line, root=root,
                              anchor=section.anchor, language=language, region=region,
                              text_language=section.language,
                              organisation_language=organisation.language if organisation else None,
                              contacts=contacts, snippets=snippets, booklets=links, reads=reads,
                              words=words)
        if section.path.parent.name == "snippets":
            reads.add(section.path)
        html = convert(section.body, ctx, problems)
        converted.append(dataclasses.replace(section, html=html, outline=tuple(ctx.outline)))
    return tuple(converted)


def resolve_related(manifest: Manifest, links: dict[str, BookletLink]) -> Manifest:
    """A related entry naming one of our booklets prints that booklet's own title and address."""
    related = tuple(dataclasses.replace(item, title=links[item.slug].title, url=item.url or links[item.slug].url)
                    if item.slug in links else item for item in manifest.related)
    return dataclasses.replace(manifest, related=related)
