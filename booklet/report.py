"""Print problems for a person at a terminal: one `FILE:LINE: SEVERITY: MESSAGE` line each on stderr."""

from __future__ import annotations

from pathlib import Path

import click


def echo_problems(problems) -> None:
    """Each problem on its own line of stderr, its path relative to where the command runs."""
    cwd = Path.cwd()
    for problem in problems:
        click.echo(problem.format(cwd), err=True)


def os_error(exc: OSError) -> str:
    """A file the tool could not read or write, named first as compilers do."""
    reason = exc.strerror or str(exc)
    if isinstance(exc, (FileExistsError, NotADirectoryError)):
        reason = "this is a file where booklet needs a folder: move it away"
    return f"{exc.filename}: error: {reason}" if exc.filename else f"error: {reason}"
