"""The bodies of `booklet catalogue` and `booklet reviews`: turn their options into files or a register, and an exit status."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from booklet.library.register import (DEFAULT_WITHIN_DAYS, Standing, any_approved_overdue, as_csv, as_json,
                                      as_text, review_rows)
from booklet.library.shelf import Shelf, read_shelf
from booklet.report import echo_problems

ROW_COLOURS = {Standing.OVERDUE: "red", Standing.DUE_SOON: "yellow"}


def _shelf(sources: Path) -> Shelf:
    root = sources.resolve()
    if not (root / "_shared").is_dir():
        raise click.UsageError(f"'{sources}' is not a sources folder (it has no _shared/); use --sources DIR")
    return read_shelf(root)


def catalogue(sources: Path, output: Path, drafts: bool, today: dt.date | None) -> None:
    from booklet.library.catalogue import NotBuilt, make_catalogue
    shelf = _shelf(sources)
    if shelf.errors or shelf.organisation is None:
        echo_problems(shelf.problems)
        click.echo("the catalogue was not written: fix the sources first (`booklet check` lists the same)", err=True)
        sys.exit(1)
    try:
        outcome = make_catalogue(shelf, output.resolve(), drafts=drafts, today=today,
                                 command=_build_command(sources, output))
    except NotBuilt as missing:
        echo_problems(missing.problems)
        click.echo("the catalogue was not written: build the booklets first", err=True)
        sys.exit(1)
    echo_problems(outcome.problems)
    index = output / "index.html"
    listed = f"{outcome.entries} booklet{'s' * (outcome.entries != 1)}"
    if outcome.drafts_left_out:
        listed += f"; {outcome.drafts_left_out} draft{'s' * (outcome.drafts_left_out != 1)} left out (--drafts lists them)"
    if not outcome.written:
        click.echo(f"up to date {index} ({listed})")
        return
    changed = len(outcome.written)
    click.echo(f"wrote {index} and catalogue.json ({listed}; {changed} file{'s' * (changed != 1)} changed)")


def _build_command(sources: Path, output: Path) -> str:
    """`booklet build` with the user's own folders, so the command can be pasted as it is."""
    command = f"booklet build {sources / '{slug}'}"
    if output.resolve() != Path("output").resolve():
        command += f" --output {output}"
    return command


def reviews(sources: Path, output_format: str, today: dt.date | None, within: int | None) -> None:
    shelf = _shelf(sources)
    echo_problems(shelf.problems)
    today = today or dt.date.today()
    within = DEFAULT_WITHIN_DAYS if within is None else within
    from booklet.approval.records import signed_editions
    rows = review_rows(shelf.manifests, today=today, within=within,
                       approvals=signed_editions(shelf.root, shelf.manifests))
    if output_format == "csv":
        click.echo(as_csv(rows), nl=False)
    elif output_format == "json":
        click.echo(as_json(rows, today=today, within=within), nl=False)
    else:
        colour = sys.stdout.isatty()

        def paint(text: str, standing: Standing) -> str:
            return click.style(text, fg=ROW_COLOURS[standing]) if colour and standing in ROW_COLOURS else text
        click.echo(as_text(rows, today=today, within=within, paint=paint))
    if any_approved_overdue(rows):
        click.echo("an approved booklet is overdue for review: have it reviewed, then update its 'review:'",
                   err=True)
    sys.exit(1 if any_approved_overdue(rows) or shelf.errors else 0)
