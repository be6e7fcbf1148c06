"""Run `booklet import` for the command line: import, print the report, say what to do next."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from booklet.importer.create import ImportError_, import_document
from booklet.importer.report import REPORT, report_lines


def run_import(path: Path, sources: Path, slug: str | None, changes: str | None, force: bool) -> None:
    try:
        result = import_document(path, sources, slug=slug, changes=changes, force=force)
    except ImportError_ as refused:
        click.echo(str(refused), err=True)
        sys.exit(1)
    except OSError as exc:
        click.echo(f"{exc.filename or path}: error: {exc.strerror or exc}; nothing was written", err=True)
        sys.exit(1)
    for line in report_lines(str(path), [*result.tracked, *result.omissions]):
        click.echo(line, err=True)
    for written in result.written:
        click.echo(f"wrote {_display(written)}")
    left = len(result.omissions)
    click.echo(f"{left} thing{'s' * (left != 1)} to check, listed in {_display(result.folder / REPORT)}."
               f" Next: fill in each 'TO FILL IN' in {_display(result.folder / 'booklet.yml')}, then"
               f" `booklet check {_display(result.folder)}`.")


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
