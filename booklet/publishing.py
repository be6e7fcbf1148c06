"""Ask the build cache what is still up to date, and publish what a build made together with the cache
records that describe it."""

from __future__ import annotations

from pathlib import Path

from booklet.cache import BuildCache, booklet_inputs, key_of
from booklet.files import publish
from booklet.problems import Problem
from booklet.render.variants import VARIANTS
from booklet.request import BuildRequest, BuildResult, Built, today_of


def run_key(request: BuildRequest, folders: list[Path], keys: dict) -> str | None:
    """One key for the whole request: every variant's key and every option that changes the outcome."""
    import hashlib
    if not keys:
        return None
    options = (request.check, request.allow_overdue, request.strict, tuple(request.variants),
               tuple(str(f) for f in sorted(folders)))
    return hashlib.sha256(repr((options, sorted(keys.items()))).encode()).hexdigest()


def up_to_date(request: BuildRequest, folders: list[Path], memo: dict[Path, str]) -> BuildResult | None:
    """When nothing has changed since the last complete build, checked today, the same result again
    without reading, checking or rendering anything. None when anything might differ."""
    cache, keys, built = BuildCache(request.output), {}, []
    summary = cache.summary()
    if summary.get("day") != today_of(request).isoformat():
        return None                        # review dates are checked against today: check again
    covered = summary.get("variants", {})
    for folder in folders:
        names = covered.get(folder.name) if isinstance(covered, dict) else None
        if not isinstance(names, list) or not all(name in VARIANTS for name in names):
            return None                    # every key is checked again below, so these names are the last build's
        for name in names:
            reads = cache.reads(folder.name, name, request.root)
            keys[folder.name, name], done, _ = recorded(request, cache, memo, folder, name, reads)
            if done is None:
                return None
            built.append(done)
    if summary.get("key") != run_key(request, folders, keys):
        return None
    return BuildResult(tuple(built), tuple(Problem.from_row(row) for row in summary.get("warnings", [])))


def recorded(request: BuildRequest, cache: BuildCache, memo: dict, folder: Path, name: str,
             reads: tuple[Path, ...]) -> tuple[str, Built | None, list[Problem]]:
    """The variant's key, and what the cache recorded for it (the result and the warnings it
    found) if that is still true; None to rebuild."""
    key = key_of(booklet_inputs(folder, request.root, request.styles, name, reads), memo, request.root)
    entry = None if request.force else cache.fresh_entry(folder.name, name, key, request.output / folder.name)
    if entry is None:
        return key, None, []
    target = request.output / folder.name / VARIANTS[name].file_name(folder.name)
    return (key, Built(folder.name, name, target, 0.0, entry.get("pages", 0), fresh=True),
            [Problem.from_row(row) for row in entry.get("warnings", [])])


def write(made: list, cache: BuildCache) -> None:
    """Every file and the cache records that describe them, in one transaction: all change or none."""
    by_booklet: dict[str, dict] = {}
    files: list[tuple[Path, bytes]] = []
    for slug, written, entry in made:
        files.extend(written)
        by_booklet.setdefault(slug, {}).update(entry)
    files.extend(cache.staged(slug, entries) for slug, entries in by_booklet.items())
    # Into each booklet's new folder go only the files its record names (a variant's files, kept
    # while that variant is recorded); anything else left there by an older build is dropped.
    keep = {cache.folder.parent / slug: cache.recorded_files(slug, entries) for slug, entries in by_booklet.items()}
    if files:
        publish(files, cache.folder, keep)
