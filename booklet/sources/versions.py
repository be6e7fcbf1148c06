"""Find each booklet's other language versions: the booklets under the root that translate it, or that it translates, and their translations."""

from __future__ import annotations

import yaml

from booklet.model import Version
from booklet.sources.yamlnodes import written



def _values(node) -> dict:
    if not isinstance(node, yaml.MappingNode):
        return {}
    values = {}
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        if isinstance(value, yaml.ScalarNode):
            values[key.value] = written(value)
        elif isinstance(value, yaml.SequenceNode):
            values[key.value] = [written(v) for v in value.value if isinstance(v, yaml.ScalarNode)]
    return values


def language_versions(nodes: dict[str, yaml.Node | None]) -> dict[str, tuple[Version, ...]]:
    """slug -> every version of the same booklet (itself included, the source first), when it has others."""
    found = {}
    for slug, node in nodes.items():
        values = _values(node)
        if values.get("language") and values.get("title"):
            variants = values.get("variants")
            found[slug] = (Version(slug, values["language"], values["title"],
                                   web=not isinstance(variants, list) or "web" in variants),
                           values.get("translation_of"))
    families: dict[str, list[Version]] = {}
    for slug, (version, source) in found.items():
        family = source if source in found and source != slug else slug
        families.setdefault(family, []).append(version)
    versions = {}
    for family, members in families.items():
        if len(members) > 1:
            ordered = tuple(sorted(members, key=lambda v: (v.slug != family, v.language, v.slug)))
            versions.update({v.slug: ordered for v in members})
    return versions
