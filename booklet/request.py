"""Describe a build: what is asked of it and what came of it, the records passed between its stages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from booklet import STYLES
from booklet.problems import Problem


@dataclass(frozen=True)
class BuildRequest:
    root: Path                          # the sources root (holds _shared/)
    output: Path                        # output/<slug>/<slug>-<variant>.pdf
    folders: tuple[Path, ...] = ()      # the booklets to build; empty means all under root
    variants: tuple[str, ...] = ()      # empty means each booklet's own list
    styles: Path = STYLES
    strict: bool = False                # warnings (like low-resolution pictures) stop the build
    check: bool = True                  # run `booklet check`'s rules first; errors stop the build
    allow_overdue: bool = False         # release an approved booklet past its next-review date
    today: dt.date | None = None        # for the review-date rules; None: the clock's date
    force: bool = False                 # rebuild even what the cache says is up to date
    jobs: int = 1                       # processes to render in
    eager: bool = False                 # write each job's files as soon as they are made (watch mode)
    progress: Callable[[int, int, str], None] | None = None   # (done, total, what) per finished variant


@dataclass(frozen=True)
class Built:
    slug: str
    variant: str
    path: Path
    seconds: float
    pages: int = 0
    fresh: bool = False                 # already up to date: nothing was rendered


@dataclass(frozen=True)
class BuildResult:
    built: tuple[Built, ...]
    warnings: tuple[Problem, ...]


def today_of(request: BuildRequest) -> dt.date:
    return request.today or dt.date.today()
