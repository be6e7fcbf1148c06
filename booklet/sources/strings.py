"""Read a sources root's own word catalogues (`_shared/strings/LANG.yml`) and resolve a booklet's words from them."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import yaml

from booklet.compose.strings import COUNTED, catalogue_names, english_keys, merged, missing_keys, plural_categories
from booklet.problems import Problems
from booklet.sources.safe import Refusal, read_text, refusal
from booklet.sources.yamlnodes import line_of, parse


def read_catalogues(root: Path, problems: Problems) -> dict[str, dict[str, object]]:
    """Each `_shared/strings/NAME.yml` as {key: wording}; a key English does not have, or a wording
    that is not text, is an error at its line and is left out."""
    folder = root / "_shared" / "strings"
    catalogues = {}
    for path in sorted(folder.glob("*.yml")) if refusal(folder, root) is Refusal.FOLDER else ():
        text = read_text(path, root, problems)
        node = None if text is None else parse(text, path, problems)
        if node is None:
            continue
        if not isinstance(node, yaml.MappingNode):
            problems.error(path, line_of(node), "a word catalogue is a list of 'key: wording' lines"
                           " (see `booklet strings en`)")
            continue
        catalogues[path.stem] = _entries(node, path, problems)
    return catalogues


def _entries(node: yaml.MappingNode, path: Path, problems: Problems) -> dict[str, object]:
    known = english_keys()
    entries: dict[str, object] = {}
    for key_node, value_node in node.value:
        key, line = str(key_node.value), line_of(key_node)
        if key not in known:
            problems.error(path, line, f"'{key}' is not one of the booklet's fixed words;"
                           " `booklet strings en` lists them all")
        elif key in COUNTED and isinstance(value_node, yaml.MappingNode):
            entries[key] = {str(k.value): str(v.value) for k, v in value_node.value
                            if isinstance(k, yaml.ScalarNode) and isinstance(v, yaml.ScalarNode)}
        elif isinstance(value_node, yaml.ScalarNode) and value_node.value.strip():
            entries[key] = value_node.value
        else:
            problems.error(path, line, f"'{key}' should be the wording, as text on the same line")
    return entries


def booklet_words(tag: str, catalogues: Mapping[str, Mapping[str, object]]) -> tuple[dict[str, object], str | None]:
    """The words of a booklet in this language, and None; or what is wrong with its catalogue."""
    words = merged(tag, catalogues)
    file = f"_shared/strings/{catalogue_names(tag)[0]}.yml"
    if not words:
        return {}, (f"there are no words for '{tag}' yet: run `booklet strings {tag}`, translate what it"
                    f" prints and save it as {file}")
    missing = missing_keys(words, tag)
    if missing:
        categories = ", ".join(plural_categories(tag))
        return {}, (f"the words for '{tag}' lack {', '.join(missing)}: add them to {file}"
                    f" (counted words need each of {categories}; `booklet strings {tag}` prints them all)")
    return words, None
