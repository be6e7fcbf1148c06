"""The `booklet approve` and `booklet proof` commands: turn their options into an approval or a proof, and their outcome into messages."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import click

SOURCES = dict(type=click.Path(path_type=Path, file_okay=False), default=Path("sources"), show_default=True,
               help="The sources root: the folder holding _shared/ and one folder per booklet.")
OUTPUT = dict(type=click.Path(path_type=Path, file_okay=False), default=Path("output"), show_default=True,
              help="Where the PDFs are written, as OUTPUT/<slug>/<slug>-<variant>.pdf.")


def _refuse(message: str, status: int = 2):
    """A mistake on the command line: one line, nothing written."""
    click.echo(f"error: {message}", err=True)
    sys.exit(status)


def _date(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()          # the one clock reading: approving is something a person does today
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value)
    except ValueError:
        pass
    _refuse(f"--date '{value}' is not a date: write it as YYYY-MM-DD, like 2026-12-07")


@click.command("approve")
@click.argument("slug")
@click.option("--reviewer", "reviewers", multiple=True, metavar="ROLE=NAME",
              help="A reviewer who signed it off, by the role booklet.yml lists (repeat for each).")
@click.option("--date", "date", default=None, metavar="YYYY-MM-DD", help="The date of the sign-off. Default: today.")
@click.option("--sources", **SOURCES)
@click.option("--output", **OUTPUT)
@click.option("--replace", is_flag=True,
              help="Replace an archived edition of the same reference that holds other content.")
def approve_command(slug: str, reviewers: tuple[str, ...], date: str | None, sources: Path, output: Path,
                    replace: bool) -> None:
    """Record the clinical sign-off of SLUG and keep the approved edition.

    Refuses a booklet with errors (as `booklet check` lists them). Otherwise sets `status: approved`,
    `review: reviewed:` and each reviewer's name in booklet.yml (its comments and layout kept),
    copies the edition's files to SOURCES/_approved/SLUG/REFERENCE/ and builds its PDFs, recording
    the sha256 of each file and PDF there (approval.json, SHA256SUMS).
    """
    from booklet.approval.approve import approve
    from booklet.approval.signoff import SignOff, SignOffError, parse_reviewer
    when = _date(date)
    try:
        names = tuple(parse_reviewer(value) for value in reviewers)
    except SignOffError as exc:
        _refuse(str(exc))
    done = _carried_out(sources, lambda: approve(sources, slug, SignOff(when, names), output, replace=replace),
                        "not approved: nothing was written.")
    record = done.record
    who = "; ".join(f"{role}: {name}" for role, name in record.reviewers)
    click.echo(f"approved {slug} ({record.reference}) on {record.approved} by {who}")
    kept = "already kept, unchanged, in" if done.unchanged else "kept"
    click.echo(f"{kept} {_shown(done.folder)}: {len(record.files)} files and {len(record.pdfs)} PDFs"
               " with their sha256")


@click.command("proof")
@click.argument("slug")
@click.option("--sources", **SOURCES)
@click.option("--output", **OUTPUT)
def proof_command(slug: str, sources: Path, output: Path) -> None:
    """Write OUTPUT/SLUG/SLUG-proof.pdf for the clinical reviewer.

    A4 pages with a wide margin for comments, PROOF on every page, each passage's source file and
    line in the margin, what changed since the last approved edition marked in the text and listed
    on the first page, and a sign-off table on the last.
    """
    from booklet.approval.proof import write_proof
    path, changes = _carried_out(sources, lambda: write_proof(sources, slug, output),
                                 "no proof was written: fix the sources first.")
    click.echo(f"wrote {_shown(path)} ({changes})")


def _carried_out(sources: Path, action, refused: str):
    """The action's result; its refusals as the other commands give them: a usage mistake in one
    line (exit 2), the sources' problems as FILE:LINE lines (exit 1), a file that cannot be written."""
    from booklet.problems import ContentError, UsageError
    from booklet.report import echo_problems, os_error
    if not sources.is_dir():
        _refuse(f"there is no sources folder '{sources}' (use --sources DIR)")
    try:
        return action()
    except UsageError as exc:
        _refuse(str(exc))
    except ContentError as exc:
        echo_problems(exc.problems)
        click.echo(refused, err=True)
        sys.exit(1)
    except OSError as exc:
        click.echo(os_error(exc), err=True)
        sys.exit(1)


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
