"""Turn what WeasyPrint logs during a render (a picture, font or stylesheet it could not load) into problems
at the Markdown line that placed the resource."""

from __future__ import annotations

import logging
import re
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote

from booklet.urls import urlsplit

from booklet.model import Kind, Manifest
from booklet.problems import Problem

FAILED = re.compile(r"Failed to (?:load|read)\b")
URL = re.compile(r"(?:file|data|https?):[^\s'\"]+")
# No font at all has the character (the Markdown's glyph check catches most before): a fixed word
# in a language no installed font writes, say. A booklet with a missing glyph must not go out.
NOTDEF = re.compile(r'\.notdef glyph rendered for Unicode string unsupported by fonts: "(.*)" \(U\+([0-9A-F]+)\)')


class _Collector(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if FAILED.search(message) or NOTDEF.search(message):
            self.messages.append(message)


@contextmanager
def listening():
    """While rendering, collect the messages of resources WeasyPrint could not use (it would carry on without)."""
    logger = logging.getLogger("weasyprint")
    collector = _Collector()
    logger.addHandler(collector)
    try:
        yield collector.messages
    finally:
        logger.removeHandler(collector)


def _placed(manifest: Manifest) -> dict[Path, object]:
    """Each picture file the Markdown places, with the construct that placed it first."""
    placed = {}
    for section in manifest.sections:
        for construct in section.outline:
            if construct.kind == Kind.IMAGE and construct.target and not urlsplit(construct.target).scheme:
                placed.setdefault((construct.path.parent / unquote(construct.target)).resolve(), construct)
    return placed


def _file_of(url: str | None) -> Path | None:
    return Path(unquote(urlsplit(url).path)).resolve() if url and url.startswith("file:") else None


def render_problems(messages: list[str], manifest: Manifest) -> list[Problem]:
    """Each message as an error at the line of the picture it names, else at the booklet's manifest."""
    placed, problems = _placed(manifest), []
    unprintable = list(dict.fromkeys(f"'{m.group(1)}' (U+{m.group(2)})" for m in map(NOTDEF.search, messages) if m))
    if unprintable:
        from booklet.markdown.eastasian import ADVICE
        more = f" and {len(unprintable) - 5} more" if len(unprintable) > 5 else ""
        manifest_file = manifest.folder / "booklet.yml"
        problems.append(Problem(manifest_file, _language_line(manifest_file), "no font has the characters"
                                f" {', '.join(unprintable[:5])}{more} of this booklet's title or fixed words in"
                                f" its language, so they would print as empty boxes: {ADVICE}"))
    for message in dict.fromkeys(m for m in messages if not NOTDEF.search(m)):
        url = URL.search(message)
        construct = placed.get(_file_of(url.group() if url else None))
        if construct is not None:
            problems.append(Problem(construct.path, construct.line, f"the picture '{construct.target}' could not"
                                    f" be drawn: {message}"))
        else:
            problems.append(Problem(manifest.folder / "booklet.yml", 1, f"the renderer could not use a"
                                    f" resource: {message}"))
    return problems


def _language_line(path: Path) -> int:
    """The line of `language:` in the manifest (1 if it cannot be found)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((n for n, line in enumerate(lines, 1) if line.startswith("language:")), 1)
