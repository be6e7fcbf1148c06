"""Write the translated booklet's booklet.yml: a new one from the source's, or the editor's own with changed passages replaced."""

from __future__ import annotations

import json

import yaml

from booklet.translate.units import Extraction, manifest_nodes

KEY_ORDER = ("title", "subtitle", "language", "translation_of", "reference", "status", "published", "based_on",
             "review", "evidence", "contacts", "numbered", "sections", "related", "variants", "print", "checks",
             "target_grade")


def yaml_value(text: str) -> str:
    """A value as YAML writes it: plain when that reads back the same, else in double quotes."""
    try:
        if text.strip() == text and yaml.safe_load(f"k: {text}") == {"k": text} and "#" not in text:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)


def new_manifest(source: Extraction, language: str, words: dict[str, str], pages: list[str]) -> str:
    """booklet.yml for a first import: the source's keys, its text translated, its own language and edition."""
    data, out = source.manifest, {}
    for key in KEY_ORDER:
        if key in words:
            out[key] = words[key]
        elif key == "language":
            out[key] = language
        elif key == "translation_of":
            out[key] = source.slug
        elif key == "reference":
            out[key] = f"{data.get('reference', source.slug)}-{language.upper()}"
        elif key == "status":
            out[key] = "draft"
        elif key == "review" and isinstance(data.get("review"), dict):
            review = {k: v for k, v in data["review"].items() if k != "reviewers"}
            review["reviewers"] = [{"role": words.get(f"role{n}", (r or {}).get("role", ""))}
                                   for n, r in enumerate(data["review"].get("reviewers") or [], 1)]
            out[key] = review
        elif key == "sections":
            out[key] = list(pages)
        elif key == "related" and isinstance(data.get("related"), list):
            out[key] = [{**item, "title": words.get(f"related{n}", item.get("title"))} if "title" in item else item
                        for n, item in enumerate(data["related"], 1) if isinstance(item, dict)]
        elif key in data:
            out[key] = data[key]
    header = (f"# A translation of {source.slug} ({language}), written by `booklet translate import`.\n"
              "# Check the edition code (reference) with your print team, give this edition its own\n"
              "# web address (online:) and have the translation reviewed before it is approved.\n")
    return header + yaml.safe_dump(out, sort_keys=False, allow_unicode=True, width=1000)


def updated_manifest(text: str, words: dict[str, str], pages: list[str], language: str) -> str | None:
    """The editor's booklet.yml with each changed passage replaced in place (comments and all kept);
    None when a passage to replace is no longer there, so the caller writes it anew."""
    node = yaml.compose(text)
    edits = []
    found = manifest_nodes(node)
    for key, value in words.items():
        if key not in found:
            return None
        scalar = found[key][0]
        edits.append((scalar.start_mark.index, scalar.end_mark.index, yaml_value(value)))
    data = yaml.safe_load(text) or {}
    if list(data.get("sections") or []) != list(pages):
        sections = next((v for k, v in node.value if k.value == "sections"), None)
        if sections is None:
            return None
        edits.append((sections.start_mark.index, sections.end_mark.index,
                      "[" + ", ".join(yaml_value(p) for p in pages) + "]\n"))
    if data.get("language") != language:
        scalar = next((v for k, v in node.value if k.value == "language"), None)
        if scalar is not None:
            edits.append((scalar.start_mark.index, scalar.end_mark.index, yaml_value(language)))
    for start, end, value in sorted(edits, reverse=True):
        text = text[:start] + value + text[end:]
    return text
