"""Turn an unexpected exception into one line saying what the tool was doing and on which file."""

from __future__ import annotations

import traceback
from contextlib import contextmanager
from pathlib import Path

import booklet
from booklet.sources.safe import UTF8, line_at

PACKAGE = Path(booklet.__file__).resolve().parent
ATTRIBUTE = "booklet_doing"          # (what, file) set on an exception by the innermost `doing`
# What each part of the package does, for a failure no `doing` block named.
STAGES = {"sources": "reading the sources", "markdown": "converting Markdown", "compose": "composing the pages",
          "render": "rendering", "check": "checking", "cache.py": "reading the build cache",
          "files.py": "writing the output", "watch.py": "watching"}


@contextmanager
def doing(what: str, path: Path | str | None = None):
    """Name the work inside the block, so a failure in it can say what was going on."""
    try:
        yield
    except BaseException as exc:
        if not hasattr(exc, ATTRIBUTE):
            try:
                setattr(exc, ATTRIBUTE, (what, str(path) if path is not None else ""))
            except AttributeError:
                pass             # a few built-in exceptions take no attributes
        raise


def describe(exc: BaseException, command: str) -> str:
    """One line for the user: the command, what it was doing, the file, and the exception's own words."""
    what, path = getattr(exc, ATTRIBUTE, ("", ""))
    stage, frame_path = _innermost(exc)
    what = what or stage or f"running {command}"
    path = getattr(exc, "filename", None) or frame_path or path
    if isinstance(exc, UnicodeDecodeError) and path and isinstance(exc.object, bytes):
        # Not a fault: a source saved in another encoding. Said as compilers do, at its line.
        line = line_at(exc.object, exc.start)
        return f"{path}:{line}: error: {UTF8.format(start=exc.start)}"
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    reason = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    where = f" on {path}" if path else ""
    return (f"error: booklet {command} failed while {what}{where}: {reason}"
            " (this is a fault in booklet, not in your files; run `booklet --debug "
            f"{command} ...` to see where, and report it)")


def _innermost(exc: BaseException) -> tuple[str, str]:
    """The stage of the deepest frame inside the package, and the source file it was working on."""
    stage, path = "", ""
    for frame, _ in traceback.walk_tb(exc.__traceback__):
        filename = Path(frame.f_code.co_filename)
        if not filename.is_relative_to(PACKAGE) or filename.name in ("cli.py", "failure.py"):
            continue
        relative = filename.relative_to(PACKAGE).parts
        stage = STAGES.get(relative[0], stage)
        for name in ("path", "source", "section", "manifest"):
            value = frame.f_locals.get(name)
            value = getattr(value, "path", None) or getattr(value, "folder", None) or value
            if isinstance(value, Path):
                path = str(value)
                break
    return stage, path
