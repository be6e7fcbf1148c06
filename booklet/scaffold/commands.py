"""Run `booklet init` and `booklet new` for the command line: write the files, then say what to do next."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from booklet.scaffold.create import ScaffoldError, init_sources, new_booklet


def run_init(directory: Path) -> None:
    _run(lambda: init_sources(directory), directory,
         f"Next: `booklet check --sources {directory}` and `booklet build --sources {directory}`;"
         f" then put your details in {directory / '_shared' / 'organisation.yml'}.")


def run_new(slug: str, sources: Path) -> None:
    _run(lambda: new_booklet(sources, slug), sources,
         f"Next: write the sections in {sources / slug}, then `booklet build {sources / slug}`.")


def _run(create, root: Path, next_step: str) -> None:
    try:
        written = create()
    except ScaffoldError as refused:
        click.echo(f"error: {refused}", err=True)
        sys.exit(1)
    except OSError as exc:
        click.echo(f"error: {exc.strerror or exc}: {exc.filename or root}; nothing more was written", err=True)
        sys.exit(1)
    for path in written:
        click.echo(f"wrote {_display(path)}")
    click.echo(next_step)


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
