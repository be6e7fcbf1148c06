"""Helpers for the check tests: the fixture sources, a fixed "today", and problems as (file, line, severity, rule)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from booklet.check import CheckRequest, check

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = dt.date(2026, 11, 21)        # every check test names its day: none depends on the clock


def run_check(root: Path, **options):
    options.setdefault("today", TODAY)
    return check(CheckRequest(root=root, **options))


def found(report, root: Path, rule: str | None = None) -> list[tuple[str, int, str, str]]:
    """Each problem as (path relative to root, line, severity, rule), optionally of one rule."""
    return [(p.path.relative_to(root).as_posix() if p.path.is_relative_to(root) else p.path.as_posix(),
             p.line, p.severity, p.rule) for p in report.problems if rule is None or p.rule == rule]


@pytest.fixture(scope="session")
def broken_report():
    return run_check(FIXTURES / "broken")


@pytest.fixture(scope="session")
def clean_report():
    return run_check(FIXTURES / "clean")
