"""Gather every passage a reader sees in one booklet (manifest text, section titles, the sections' Markdown) with its file and line.

Read straight from the files (booklet.yml, the section files, the shared snippets it uses),
so export, import and `check` all see the same passages under the same ids: an id is the
file's name and the passage's kind and count in that file (`about.p3`, `booklet.title`),
never random, so the same sources give the same ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from booklet.problems import Problems
from booklet.sources.entries import snippet_as_section
from booklet.sources.sections import read_markdown_file, read_snippets, read_yaml
from booklet.sources.yamlnodes import line_of, written
from booklet.translate.blocks import Passage, Slot, Walk, walk_body

MANIFEST_TEXT = {"title": "The booklet's title, on the cover", "subtitle": "The line under the title, on the cover",
                 "based_on": "The earlier edition this one updates (an 'updated from' line)",
                 "evidence": "Where readers can get the references (printed near the end)"}


@dataclass(frozen=True)
class Page:
    """One section file of the translated booklet: its name and its line templates."""

    name: str
    lines: tuple[tuple, ...]


@dataclass(frozen=True)
class Extraction:
    """A booklet's passages in reading order, the templates to write a translation with, and its manifest."""

    slug: str
    folder: Path
    passages: tuple[Passage, ...]
    pages: tuple[Page, ...]
    manifest: dict                     # booklet.yml as plain values
    node: yaml.Node | None             # booklet.yml as parsed, for lines

    def by_id(self) -> dict[str, Passage]:
        return {p.id: p for p in self.passages}


def _entries(node: yaml.Node | None, key: str) -> list[yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        return []
    value = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)
    if isinstance(value, yaml.SequenceNode):
        return value.value
    return [value] if value is not None else []


def _scalar(node: yaml.Node | None, key: str) -> yaml.ScalarNode | None:
    found = _entries(node, key)
    return found[0] if found and isinstance(found[0], yaml.ScalarNode) else None


def manifest_nodes(node: yaml.Node | None) -> dict[str, tuple[yaml.ScalarNode, str]]:
    """The translatable values of a booklet.yml by passage key (title, role1, related2...), with their notes."""
    found = {}
    for key, note in MANIFEST_TEXT.items():
        found[key] = (_scalar(node, key), note)
    for review in _entries(node, "review"):
        for number, reviewer in enumerate(_entries(review, "reviewers"), 1):
            found[f"role{number}"] = (_scalar(reviewer, "role"), "A reviewer's job title")
    for number, related in enumerate(_entries(node, "related"), 1):
        if _scalar(related, "slug") is None:
            found[f"related{number}"] = (_scalar(related, "title"),
                                         "The title of a related booklet published elsewhere")
    return {key: (scalar, note) for key, (scalar, note) in found.items() if scalar is not None and written(scalar)}


def extract(folder: Path, root: Path, snippets: dict | None = None) -> Extraction:
    """The passages of the booklet in `folder`, read as far as it can be (problems are the reader's to report)."""
    problems = Problems()
    path = folder / "booklet.yml"
    node = read_yaml(path, root, problems)
    snippets = read_snippets(root, problems) if snippets is None else snippets
    manifest = Walk("booklet", path, {})
    for key, (scalar, note) in manifest_nodes(node).items():
        _manifest_passage(manifest, key, written(scalar), line_of(scalar), note)
    passages, pages = list(manifest.passages), []
    for entry in _entries(node, "sections"):
        page = _page(entry, folder, root, snippets, problems, path)
        if page is not None:
            passages.extend(page[0])
            pages.append(page[1])
    data = yaml.safe_load(yaml.serialize(node)) if node is not None else {}
    return Extraction(folder.name, folder, tuple(passages), tuple(pages), data if isinstance(data, dict) else {},
                      node)


def _manifest_passage(walk: Walk, key: str, text: str, line: int, note: str) -> None:
    walk.slot(key, text, line, how="yaml")
    walk.passages[-1] = Passage(f"booklet.{key}", key, walk.path, line, text, walk.passages[-1].text, {}, note)


def _page(entry: yaml.Node, folder: Path, root: Path, snippets: dict, problems: Problems, manifest: Path):
    """One section entry: its passages and its page (a placed snippet becomes a file of its own)."""
    if isinstance(entry, yaml.ScalarNode):
        name = written(entry) or ""
        target = folder / name
        if not name.endswith(".md") or not target.resolve().is_relative_to(folder.resolve()):
            return None
        text = read_markdown_file(target, root, problems, title_required=True)
        if text is None:
            return None
        walk = Walk(Path(name).stem, target, snippets)
        title = walk.slot("title", text.title or "", text.title_line, how="yaml")
        raw = target.read_text(encoding="utf-8").split("\n") if target.is_file() else []
        matter = _front_matter(walk, raw, text, title)
        return _finish(walk, name, matter, text)
    snippet = _scalar(entry, "snippet")
    snippet_id = written(snippet) if snippet is not None else None
    if snippet_id not in snippets:
        return None
    given = _scalar(entry, "title")
    text = snippet_as_section(snippets[snippet_id], snippet_id, written(given) if given is not None else None)
    walk = Walk(f"snippet-{snippet_id}", text.path, snippets)
    if given is not None:
        walk.path = manifest
        title = walk.slot("title", text.title, line_of(given), how="yaml")
        walk.path = text.path
    else:
        title = walk.slot("title", text.title, text.title_line, how="yaml")
    matter: list[tuple] = [("---",), ("title: ", title)]
    if text.short_title:
        matter.append(("short_title: ", walk.slot("short", text.short_title, text.title_line, how="yaml")))
    matter.append(("---",))
    return _finish(walk, f"snippet-{snippet_id}.md", matter, text)


def _front_matter(walk: Walk, raw: list[str], text, title: Slot | str) -> list[tuple]:
    """The front matter's template: title and short title to translate, any other key kept."""
    matter: list[tuple] = [("---",)]
    end = text.body_line - 1
    for number, line in enumerate(raw[1:max(end - 1, 1)], 2):
        if line.startswith("title:"):
            matter.append(("title: ", title))
        elif line.startswith("short_title:") and text.short_title:
            matter.append(("short_title: ", walk.slot("short", text.short_title, number, how="yaml")))
        else:
            matter.append((line,))
    if not any(len(m) > 1 and m[0] == "title: " for m in matter):
        matter.insert(1, ("title: ", title))
    matter.append(("---",))
    return matter


def _finish(walk: Walk, name: str, matter: list[tuple], text) -> tuple[list[Passage], Page]:
    walk.lines.extend(matter)
    body_start = len(walk.lines)
    # Blank lines keep the body where it was in the source, so the first lines match in both files.
    walk_body(walk, text.body.split("\n"), text.body_line)
    lines = walk.lines[:body_start] + walk.lines[body_start:]
    return list(walk.passages), Page(name, tuple(lines))

