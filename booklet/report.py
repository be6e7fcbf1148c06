"""Print problems for a person at a terminal: one `FILE:LINE: SEVERITY: MESSAGE` line each on stderr."""

from __future__ import annotations

from pathlib import Path

import click


def echo_problems(problems) -> None:
    """Each problem on its own line of stderr, its path relative to where the command runs."""
    cwd = Path.cwd()
    for problem in problems:
        click.echo(problem.format(cwd), err=True)
