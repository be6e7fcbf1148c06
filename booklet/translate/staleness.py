"""Compare a translated booklet's memory with its source as it is now: which translated passages are out of step.

A passage is in step when the source passage it was translated from still says the same
(at its id, or moved elsewhere in the same file). Each one out of step is reported at its
line in the translated booklet, with the source's file and line: a warning in a draft, an
error once the translation is approved (a changed clinical fact must not be printed).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from booklet.translate.exchange import fingerprint
from booklet.translate.memory import Memory, current_passages, read_memory
from booklet.translate.units import extract


@dataclass(frozen=True)
class Stale:
    id: str
    path: Path                      # the translated file
    line: int
    source: str                     # "slug/about.md:7", as it is now
    new: bool = False               # a source passage with no translation at all


def out_of_step(folder: Path, root: Path, memory: Memory | None = None) -> list[Stale]:
    """Every passage of the translated booklet in `folder` whose source changed since it was translated."""
    memory = memory or read_memory(folder, root)
    source_folder = root / memory.translation_of if memory else None
    if memory is None or not (source_folder / "booklet.yml").is_file():
        return []
    source = extract(source_folder, root)
    by_id = source.by_id()
    hashes: dict[Path, set[str]] = {}
    for passage in source.passages:
        hashes.setdefault(passage.path, set()).add(fingerprint(passage.text))
    now = current_passages(folder, root, memory)
    found = []
    for uid, remembered in memory.passages.items():
        current = by_id.get(uid)
        if current is not None and fingerprint(current.text) == remembered.source_hash:
            continue
        moved = root / remembered.source
        if current is None and remembered.source_hash in hashes.get(moved, set()):
            continue
        line = now[uid].line if uid in now else remembered.line
        where = f"{_shown(current.path, root)}:{current.line}" if current is not None else \
            f"{remembered.source}:{remembered.source_line} (since removed)"
        found.append(Stale(uid, folder / remembered.file, line, where))
    for passage in source.passages:
        if passage.id not in memory.passages:
            found.append(Stale(passage.id, folder / "booklet.yml", 1,
                               f"{_shown(passage.path, root)}:{passage.line}", new=True))
    return found


def stale_translation(subject):
    """The check rule: each translated passage whose source changed since, at its line."""
    from booklet.check.subject import Finding
    manifest = subject.manifest
    if manifest is None or manifest.translation_of is None:
        return
    memory = read_memory(subject.folder, subject.root)
    if memory is None:
        yield Finding(subject.manifest_path, subject.line_of("translation_of"),
                      "this translation has no translation.yml, so nothing tells which passages are in step"
                      " with the source: import it with `booklet translate import`", severity="warning")
        return
    severity = "warning" if manifest.draft else "error"
    for stale in out_of_step(subject.folder, subject.root, memory):
        if stale.new:
            yield Finding(subject.manifest_path, subject.line_of("translation_of"),
                          f"the source has a passage not yet translated: {stale.id} at {stale.source};"
                          " export again and translate it", severity=severity)
        else:
            yield Finding(stale.path, stale.line, f"this passage ({stale.id}) was translated from a source that"
                          f" has changed since: {stale.source}; export again and update it", severity=severity)


def _shown(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def standing(manifest) -> str:
    """How a translated booklet stands with its source, in the register's words ('' for one that is not)."""
    if getattr(manifest, "translation_of", None) is None:
        return ""
    found = out_of_step(manifest.folder, manifest.folder.parent)
    if not (manifest.folder / "translation.yml").is_file():
        return f"translation of {manifest.translation_of}: not imported"
    return f"translation of {manifest.translation_of}: " + (
        "in step" if not found else f"{len(found)} passage{'s' * (len(found) != 1)} out of step")


def beside_sources(manifests: list) -> list:
    """The same manifests, each translation right after the booklet it translates."""
    slugs = {m.slug for m in manifests}
    order = [m for m in manifests if getattr(m, "translation_of", None) not in slugs]
    for m in [m for m in manifests if m not in order]:
        at = max(i for i, o in enumerate(order) if o.slug == m.translation_of or o.translation_of == m.translation_of)
        order.insert(at + 1, m)
    return order
