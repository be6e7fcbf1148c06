"""Write output files whole, and a build's set of files (each booklet's folder in one step) all together or
not at all, through a journal; say why a path cannot be read as a file."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import stat
from dataclasses import dataclass
from pathlib import Path

from booklet import trees

# Every temporary file this module makes ends so; the next build removes any a kill left behind.
TEMPORARY_SUFFIX = ".booklet.tmp"
JOURNAL_PREFIX = "journal-"
# Tests set this to N to have the process killed (SIGKILL) after the Nth step of a publish.
KILL_AFTER = "BOOKLET_TEST_KILL_AFTER"
# Generous: a full A3 page at 600 ppi is 70 million pixels; decoding 100 million takes ~400 MB.
MAX_PIXELS = 100_000_000
# Our own table, not the mimetypes module's: that reads the system's /etc/mime.types.
CONTENT_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
                 ".gif": "image/gif", ".webp": "image/webp", ".css": "text/css", ".ttf": "font/ttf",
                 ".otf": "font/otf", ".woff": "font/woff", ".woff2": "font/woff2", ".icc": "application/vnd.iccprofile"}


@dataclass(frozen=True)
class Staged:
    """A file written whole under a temporary name beside the file it will replace."""

    target: Path
    temporary: Path


def write_atomically(target: Path, data: bytes) -> None:
    """Write beside the target and rename over it, so a reader never sees half a file."""
    staged = _stage(target, data)
    try:
        os.replace(staged.temporary, target)
    except BaseException:
        staged.temporary.unlink(missing_ok=True)
        raise


def _stage(target: Path, data: bytes) -> Staged:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}{TEMPORARY_SUFFIX}")
    try:
        # O_EXCL: never write through a file (or symbolic link) that is already there.
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return Staged(target, temporary)


class _Steps:
    """Counts a publish's steps, so a test can kill the process between any two of them."""

    def __init__(self) -> None:
        limit = os.environ.get(KILL_AFTER, "")
        self.limit = int(limit) if limit.isdigit() else None
        self.done = 0

    def step(self) -> None:
        self.done += 1
        if self.limit is not None and self.done >= self.limit:
            os.kill(os.getpid(), signal.SIGKILL)


def publish(files: list[tuple[Path, bytes]], journal_folder: Path, keep: dict[Path, set[str]] | None = None) -> None:
    """Replace every target with its new bytes, all or none, even if the process is killed; a
    booklet's folder (output/<slug>/, a tree of files) changes in one step.

    1. Each booklet folder's new set is built whole beside it (output/.<slug>.*.new.booklet.tmp):
       the files not replaced are linked in from the old folder (only those `keep` names for it, when
       given: what the cache records, so a file no build owns any more is left behind), the new
       ones written and synced.
       Every other file (the cache records) is written under a temporary name beside its target.
       A failure here removes what was staged and changes nothing.
    2. A journal listing every swap and rename is written and renamed into place: this one rename
       is the moment the new set is chosen.
    3. Each new folder is swapped with the old in one rename (Linux's RENAME_EXCHANGE; elsewhere the
       old folder is renamed aside first, and for that moment the folder is absent, never mixed),
       the other files are renamed over their targets, the old trees removed, then the journal.
    A kill before 2 leaves the old set and strays; a kill after 2 leaves a journal that `recover`
    (run first by every build) plays to the end. Either way one whole set remains.
    """
    steps = _Steps()
    recover(journal_folder, [target.parent for target, _ in files])
    output = journal_folder.parent
    booklets: dict[Path, list[tuple[Path, bytes]]] = {}
    loose: list[tuple[Path, bytes]] = []
    for target, data in files:
        parts = target.relative_to(output).parts if target.is_relative_to(output) else ()
        inside = len(parts) > 1 and output / parts[0] != journal_folder
        (booklets.setdefault(output / parts[0], []) if inside else loose).append((target, data))
    swaps: list[tuple[Path, Path, Path]] = []
    staged: list[Staged] = []
    try:
        for folder, written in booklets.items():
            token = secrets.token_hex(6)
            new = output / f".{folder.name}.{token}.new{TEMPORARY_SUFFIX}"
            new.mkdir(parents=True)
            swaps.append((new, folder, output / f".{folder.name}.{token}.old{TEMPORARY_SUFFIX}"))
            replaced = {target.relative_to(folder).as_posix() for target, _ in written}
            if folder.is_dir():
                trees.link_tree(folder, new, skip=replaced, suffix=TEMPORARY_SUFFIX,
                                only=None if keep is None else keep.get(folder, set()))
            for target, data in written:
                _write_new(new / target.relative_to(folder), data)
                steps.step()
            for here, _, _ in os.walk(new):
                _sync_folder(Path(here))
        for target, data in loose:
            staged.append(_stage(target, data))
            steps.step()
        plan = {"folders": [[str(n), str(f), str(o), trees.identity(n)] for n, f, o in swaps],
                "files": [[str(s.temporary), str(s.target)] for s in staged]}
        journal = _stage(journal_folder / f"{JOURNAL_PREFIX}{secrets.token_hex(6)}.json", json.dumps(plan).encode())
        steps.step()
    except BaseException:
        for item in staged:
            item.temporary.unlink(missing_ok=True)
        for new, _, _ in swaps:
            shutil.rmtree(new, ignore_errors=True)
        raise
    _sync_folder(output)
    os.replace(journal.temporary, journal.target)
    _sync_folder(journal_folder)
    steps.step()
    _play(journal.target, steps)


def _write_new(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)           # a file linked in from the old set is never written through
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


def _ours(path, output: Path) -> bool:
    """A temporary name this module makes, within the output folder: a journal may name nothing else."""
    return isinstance(path, str) and path.endswith(TEMPORARY_SUFFIX) and Path(path).resolve().is_relative_to(output)


def _within(path, output: Path) -> bool:
    return isinstance(path, str) and Path(path).resolve().is_relative_to(output)


def _play(journal: Path, steps: _Steps | None = None) -> None:
    """Finish a committed journal: swap in each staged folder, rename what is still waiting, remove
    the old trees, then forget the journal. Each step can be played again after a kill."""
    try:
        plan = json.loads(journal.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        plan = []            # never completed its own rename, so never committed: nothing to play
    output = journal.parent.parent.resolve()
    if isinstance(plan, list):                      # a journal of files alone, as earlier versions wrote
        plan = {"files": plan}
    if not isinstance(plan, dict):
        plan = {}
    pairs = plan.get("files") if isinstance(plan.get("files"), list) else []
    pairs = [(t, target) for t, target in (p for p in pairs if isinstance(p, list) and len(p) == 2)
             if _ours(t, output) and _within(target, output)]
    swaps = plan.get("folders") if isinstance(plan.get("folders"), list) else []
    swaps = [(Path(n), Path(f), Path(o), i) for n, f, o, i in (s for s in swaps if isinstance(s, list) and len(s) == 4)
             if _ours(n, output) and _ours(o, output) and _within(f, output) and isinstance(i, list)]
    for new, folder, old, identity in swaps:
        _swap(new, folder, old, identity, steps)
    for temporary, target in pairs:
        if os.path.lexists(temporary):
            os.replace(temporary, target)
        if steps:
            steps.step()
    for folder in sorted({Path(target).parent for _, target in pairs} | {f.parent for _, f, _, _ in swaps}):
        _sync_folder(folder)
    for new, _, old, _ in swaps:          # the old sets, under the staging or the aside name
        trees.remove_tree(new)
        trees.remove_tree(old)
    journal.unlink(missing_ok=True)


def _swap(new: Path, folder: Path, old: Path, identity: list, steps: _Steps | None) -> None:
    """Put the staged folder (known by its identity, whatever its name now) at the folder's name."""
    if trees.identity(folder) == identity or trees.identity(new) != identity:
        return                        # swapped in already (or never staged): nothing left to move
    if not os.path.lexists(folder):
        os.rename(new, folder)        # a first build, or killed between the two renames below
    elif not trees.exchange(new, folder):
        os.rename(folder, old)        # no one-step swap here: the old set aside, then the new in
        if steps:
            steps.step()
        os.rename(new, folder)
    if steps:
        steps.step()


def recover(journal_folder: Path, folders: list[Path] = ()) -> None:
    """Play to the end any journal a killed build committed, then remove its stray temporary files and
    staged folders (in the journal's folder, the given folders, and the output folders beside the
    journal's)."""
    if not journal_folder.is_dir():
        return
    for journal in sorted(journal_folder.glob(f"{JOURNAL_PREFIX}*.json")):
        try:
            _play(journal)
        except OSError:
            pass      # a read-only folder: this build's own publish will fail and say where
    output = journal_folder.parent
    candidates = {journal_folder, output, *folders,
                  *(p for p in output.iterdir() if p.is_dir() and not p.is_symlink())}
    for folder in candidates:
        for stray in folder.glob(f".*{TEMPORARY_SUFFIX}") if folder.is_dir() else ():
            try:
                trees.remove_tree(stray)
            except OSError:
                pass


def _sync_folder(folder: Path) -> None:
    """Make the renames in a folder durable (where the system allows opening a folder)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def build_file_refusal(path: Path, roots: tuple[Path, ...]) -> str | None:
    """Why a build may not read this (resolved) path: outside the allowed folders, or not a file."""
    if not any(path.is_relative_to(root) for root in roots):
        return "this file is outside the sources and styles folders"
    return file_refusal(path)


def file_refusal(path: Path) -> str | None:
    """Why this path cannot be read as a file (a folder, a pipe, a device...), before anything opens it."""
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):
        return "there is no such file"
    if stat.S_ISREG(mode):
        return None
    kind = "a folder" if stat.S_ISDIR(mode) else "a named pipe" if stat.S_ISFIFO(mode) else \
        "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode) else "not a file"
    return f"this is {kind}, not a file"
