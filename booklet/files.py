"""Write output files whole, and a build's set of files all together or not at all, through a journal;
say why a path cannot be read as a file."""

from __future__ import annotations

import json
import os
import secrets
import signal
import stat
from dataclasses import dataclass
from pathlib import Path

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


def publish(files: list[tuple[Path, bytes]], journal_folder: Path) -> None:
    """Replace every target with its new bytes, all or none, even if the process is killed.

    1. Each file is written whole (and synced) under a temporary name beside its target. A failure
       here (a full disk, a read-only folder) removes the temporary files and changes nothing.
    2. A journal listing every (temporary, target) pair is written and renamed into place: this
       one rename is the moment the new set is chosen.
    3. The temporary files are renamed over their targets, then the journal is removed.
    A kill before 2 leaves the old set and stray temporary files; a kill after 2 leaves a journal
    that `recover` (run first by every build) plays to the end. Either way one whole set remains.
    """
    steps = _Steps()
    recover(journal_folder, [target.parent for target, _ in files])
    staged: list[Staged] = []
    try:
        for target, data in files:
            staged.append(_stage(target, data))
            steps.step()
        journal = _stage(journal_folder / f"{JOURNAL_PREFIX}{secrets.token_hex(6)}.json",
                         json.dumps([[str(s.temporary), str(s.target)] for s in staged]).encode())
        steps.step()
    except BaseException:
        for item in staged:
            item.temporary.unlink(missing_ok=True)
        raise
    os.replace(journal.temporary, journal.target)
    _sync_folder(journal_folder)
    steps.step()
    _play(journal.target, steps)


def _play(journal: Path, steps: _Steps | None = None) -> None:
    """Finish a committed journal: rename what is still waiting, then forget the journal."""
    try:
        pairs = json.loads(journal.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pairs = []           # never completed its own rename, so never committed: nothing to play
    # Only renames this module would have written: within the output folder, from its temporary names.
    output = journal.parent.parent.resolve()
    pairs = [(temporary, target) for temporary, target in pairs if isinstance(temporary, str) and
             isinstance(target, str) and temporary.endswith(TEMPORARY_SUFFIX) and
             all(Path(p).resolve().is_relative_to(output) for p in (temporary, target))] \
        if isinstance(pairs, list) and all(isinstance(p, list) and len(p) == 2 for p in pairs) else []
    for temporary, target in pairs:
        if os.path.lexists(temporary):
            os.replace(temporary, target)
        if steps:
            steps.step()
    for folder in sorted({Path(target).parent for _, target in pairs}):
        _sync_folder(folder)
    journal.unlink(missing_ok=True)


def recover(journal_folder: Path, folders: list[Path] = ()) -> None:
    """Play to the end any journal a killed build committed, then remove its stray temporary files
    (in the journal's folder, the given folders, and the output folders beside the journal's)."""
    if not journal_folder.is_dir():
        return
    for journal in sorted(journal_folder.glob(f"{JOURNAL_PREFIX}*.json")):
        try:
            _play(journal)
        except OSError:
            pass      # a read-only folder: this build's own publish will fail and say where
    output = journal_folder.parent
    candidates = {journal_folder, *folders, *(p for p in output.iterdir() if p.is_dir() and not p.is_symlink())}
    for folder in candidates:
        for stray in folder.glob(f".*{TEMPORARY_SUFFIX}") if folder.is_dir() else ():
            try:
                stray.unlink(missing_ok=True)
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
