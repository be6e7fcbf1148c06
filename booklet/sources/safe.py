"""Decide whether a path the sources name may be read, and read it as text within the limits."""

from __future__ import annotations

import enum
import os
import stat
from pathlib import Path

from booklet.problems import Problems

MAX_TEXT_BYTES = 1_000_000          # a section, snippet or YAML file: about 150,000 words
MAX_PICTURE_BYTES = 50_000_000      # a picture file
UTF8 = "this file is not saved as UTF-8 text (byte {start}); save it as UTF-8"


class Refusal(enum.StrEnum):
    """Why a path may not be read; each reads as the end of a sentence naming the file."""

    NUL = "has a NUL character in its name"
    NOWHERE = "is a symbolic link that leads nowhere"
    OUTSIDE = "is outside the sources folder"
    MISSING = "does not exist"
    FOLDER = "is a folder, not a file"
    SPECIAL = "is not an ordinary file (a pipe or a device)"


def refusal(path: Path, root: Path) -> Refusal | None:
    """Why `path` may not be read, or None when it is a regular file inside root.

    Checked before anything opens or hashes it: symbolic links are followed only when their
    target stays inside the root, and pipes, devices and folders are never opened.
    """
    if "\0" in str(path):
        return Refusal.NUL
    try:
        target = path.resolve()
    except (OSError, RuntimeError):          # a loop of symbolic links
        return Refusal.NOWHERE
    if not target.is_relative_to(root.resolve()):
        return Refusal.OUTSIDE
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return Refusal.MISSING
    if stat.S_ISDIR(mode):
        return Refusal.FOLDER
    if not stat.S_ISREG(mode):
        return Refusal.SPECIAL
    return None


def readable(path: Path, root: Path) -> bool:
    return refusal(path, root) is None


def read_text(path: Path, root: Path, problems: Problems, *, named_in: Path | None = None, line: int = 1,
              limit: int = MAX_TEXT_BYTES) -> str | None:
    """The file's text, or None with one problem: at the line that named it, or at the file itself."""
    where = (named_in or path, line if named_in else 1)
    reason = refusal(path, root)
    if reason is not None:
        problems.error(*where, f"'{_shown(path, root)}' {reason}")
        return None
    size = path.stat().st_size
    if size > limit:
        problems.error(*where, f"'{_shown(path, root)}' is {size:,} bytes; files over {limit:,} bytes are"
                       " refused (split a long section into several)")
        return None
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.error(*where, f"'{_shown(path, root)}' cannot be read: {exc.strerror}")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.error(path, line_at(data, exc.start), UTF8.format(start=exc.start))
        return None
    return normal_newlines(text.removeprefix("\ufeff"))


def normal_newlines(text: str) -> str:
    """Every line ending as LF: a file saved on Windows (CRLF) or an old Mac (CR alone), or a mix of
    them, reads as the same lines, so every reader after this one splits and counts lines on LF alone."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def line_at(data: bytes, offset: int) -> int:
    """The line of the byte at `offset`, counting CRLF, CR and LF as one line ending each, as read_text does."""
    before = data[:offset]
    return before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
