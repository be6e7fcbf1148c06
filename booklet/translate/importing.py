"""Turn a filled translation file into the translated booklet's files (sections, booklet.yml, memory), or refuse it whole.

Every unit is checked before anything is written: a missing target or a damaged placeholder
is an error naming the unit, its line in the translation file and its source's file and line.
An update keeps a passage an editor changed by hand in the translated booklet unless the
unit itself changed in the new file.
"""

from __future__ import annotations

import dataclasses
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from booklet.compose.strings import supported_language
from booklet.problems import ContentError, Problems
from booklet.scaffold.create import SLUG
from booklet.sources.safe import readable
from booklet.translate.blocks import Passage, Slot
from booklet.translate.exchange import Document, Entry, State, fingerprint
from booklet.translate.inline import at_line_start, problem, rebuild
from booklet.translate.manifestfile import new_manifest, updated_manifest, yaml_value
from booklet.translate.memory import MEMORY, Memory, Remembered, current_passages, edited, memory_text, read_memory
from booklet.translate.units import Extraction, extract, manifest_nodes

UNTRANSLATED = ""                  # the source hash of a unit imported still marked as needing translation


@dataclass(frozen=True)
class Imported:
    folder: Path                   # the translated booklet
    files: tuple[tuple[Path, str], ...]
    kept: tuple[str, ...]          # passages an editor changed by hand, kept
    copied: tuple[tuple[Path, Path], ...]


def plan_import(document: Document, path: Path, root: Path, slug: str | None = None) -> Imported:
    """The files the import writes; raises ContentError listing every problem (nothing is written)."""
    problems = Problems()
    source_folder = root / document.slug
    if slug is not None and not SLUG.fullmatch(slug):
        problems.error(path, 1, f"'--slug {slug}' is not a booklet name: use lower-case letters, digits and"
                       " hyphens, like heart-failure-cy")
        raise ContentError(problems.items)
    if not SLUG.fullmatch(document.slug) or not readable(source_folder / "booklet.yml", root):
        problems.error(path, 1, f"this file translates '{document.slug}', which is not a booklet in {root}"
                       " (no booklet.yml there): give the sources root with --sources")
        raise ContentError(problems.items)
    if not supported_language(document.target_language):
        problems.error(path, 1, f"the file's target language '{document.target_language}' is not a language"
                       " tag CLDR knows (trgLang in XLIFF, Language in PO)")
    folder = root / (slug or f"{document.slug}-{document.target_language.lower()}")
    memory = read_memory(folder, root, problems) if folder.exists() else None
    if folder.exists() and readable(folder / "booklet.yml", root) and (memory is None or
                                                                       memory.translation_of != document.slug):
        problems.error(folder / "booklet.yml", 1, f"{folder.name} is a booklet that is not a translation of"
                       f" {document.slug} imported before: give another --slug")
    source = extract(source_folder, root)
    entries = {e.id: e for e in document.entries}
    absent: list[str] = []
    for passage in source.passages:
        entry = entries.get(passage.id)
        where = f"{_shown(passage.path, root)}:{passage.line}"
        if entry is None:
            absent.append(f"{passage.id} ({where})")
        elif not (entry.target or "").strip():
            problems.error(path, entry.line, f"unit {passage.id} ({entry.where or where}) has no translation")
        else:
            wrong = problem(entry.target, entry.codes)
            if wrong:
                problems.error(path, entry.line, f"unit {passage.id} ({entry.where or where}): {wrong}")
    if absent:
        shown = ", ".join(absent[:3]) + (f" and {len(absent) - 3} more" if len(absent) > 3 else "")
        many = len(absent) > 1
        problems.error(path, 1, f"{len(absent)} unit{'s' * many} of the source {'are' if many else 'is'}"
                       f" not in this file: {shown}; the source has changed since the export (or the file is"
                       " not all of it): export again (translations already made are kept)")
    if problems.errors:
        raise ContentError([p for p in problems.items])
    return _compose(source, entries, folder, root, memory, document.target_language)


def _compose(source: Extraction, entries: dict[str, Entry], folder: Path, root: Path, memory: Memory | None,
             language: str) -> Imported:
    now = current_passages(folder, root, memory) if memory else {}
    passages = source.by_id()
    texts, remembered, kept = {}, {}, []
    for uid, passage in passages.items():
        entry = entries[uid]
        before = memory.passages.get(uid) if memory else None
        if before is not None and edited(before, now.get(uid)) and entry.target == before.target:
            texts[uid], record = now[uid].raw, before
            kept.append(uid)
        else:
            same = " ".join(entry.source.split()) == " ".join(passage.text.split())
            texts[uid] = _written(passage, entry.target, passage.codes if same else entry.codes)
            hash_ = fingerprint(entry.source)
            if entry.state is State.INITIAL and before is not None and entry.target == before.target:
                hash_ = before.source_hash         # left as it was: still out of step
            record = Remembered("", 0, _shown(passage.path, root), passage.line, hash_, entry.target,
                                fingerprint(texts[uid]))
        remembered[uid] = record
    files, positions = [], {}
    for page in source.pages:
        text, lines = _page_text(page.lines, texts)
        files.append((folder / page.name, text))
        positions.update({uid: (page.name, line) for uid, line in lines.items()})
    words = {uid.split(".", 1)[1]: texts[uid] for uid in passages if uid.startswith("booklet.")}
    manifest = folder / "booklet.yml"
    pages = [page.name for page in source.pages]
    old = manifest.read_text(encoding="utf-8") if manifest.is_file() and memory else None
    changed = {k: v for k, v in words.items() if memory is None or f"booklet.{k}" not in kept}
    text = (updated_manifest(old, changed, pages, language) if old is not None else None) or \
        new_manifest(source, language, words, pages)
    files.insert(0, (manifest, text))
    for key, (scalar, _) in manifest_nodes(yaml.compose(text)).items():
        positions[f"booklet.{key}"] = ("booklet.yml", scalar.start_mark.line + 1)
    for uid in passages:
        positions.setdefault(uid, ("booklet.yml", passages[uid].line))
    final = {uid: dataclasses.replace(r, file=positions[uid][0], line=positions[uid][1])
             for uid, r in remembered.items()}
    files.append((folder / MEMORY, memory_text(Memory(source.slug, language, final))))
    return Imported(folder, tuple(files), tuple(kept), tuple(_copies(source.folder, folder)))


def _written(passage: Passage, target: str, codes) -> str:
    if passage.kind in ("title", "short", "caption", "credit") or passage.path.name == "booklet.yml":
        return target.replace("{{", "{").replace("}}", "}")
    return at_line_start(rebuild(target, codes))


def _page_text(lines: tuple[tuple, ...], texts: dict[str, str]) -> tuple[str, dict[str, int]]:
    """A page's Markdown from its templates, and the line each passage landed on."""
    out, where, number = [], {}, 1
    for parts in lines:
        line = ""
        for part in parts:
            if isinstance(part, Slot):
                where[part.unit] = number + line.count("\n")
                value = texts[part.unit]
                line += yaml_value(value) if part.how == "yaml" else \
                    value.replace('"', "&quot;") if part.how == "attr" else value
            else:
                line += part
        out.append(line)
        number += line.count("\n") + 1
    return "\n".join(out).rstrip("\n") + "\n", where


def _copies(source: Path, folder: Path) -> list[tuple[Path, Path]]:
    """The source's pictures and other files (a print profile): the translation shows the same ones."""
    skip = {"booklet.yml", MEMORY}
    return [(path, folder / path.relative_to(source)) for path in sorted(source.rglob("*"))
            if path.is_file() and path.suffix != ".md" and path.name not in skip and not path.is_symlink()
            and ".booklet" not in path.parts]


def write_import(imported: Imported) -> list[Path]:
    imported.folder.mkdir(parents=True, exist_ok=True)
    written = []
    for path, text in imported.files:
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    for source, target in imported.copied:
        if not target.exists() or target.read_bytes() != source.read_bytes():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            written.append(target)
    return written


def _shown(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)
