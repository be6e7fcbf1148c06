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


class _Collector(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if FAILED.search(message):
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
    for message in dict.fromkeys(messages):
        url = URL.search(message)
        construct = placed.get(_file_of(url.group() if url else None))
        if construct is not None:
            problems.append(Problem(construct.path, construct.line, f"the picture '{construct.target}' could not"
                                    f" be drawn: {message}"))
        else:
            problems.append(Problem(manifest.folder / "booklet.yml", 1, f"the renderer could not use a"
                                    f" resource: {message}"))
    return problems
