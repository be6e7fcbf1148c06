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
    # Make only the editions asked for (the web page), linking the other files as they are on disk,
    # and keep no cache record of them, so the next build makes them again: `booklet serve` shows a
    # saved edit on the page before the PDFs are made again.
    editions_only: bool = False
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


def request_for(paths, variants, sources, output) -> BuildRequest:
    """The build request a command line names: booklet folders or a sources root, checked."""
    from booklet.problems import UsageError
    from booklet.render.variants import VARIANTS
    unknown = [v for v in variants if v not in VARIANTS]
    if unknown:
        raise UsageError(f"unknown variant '{unknown[0]}'; choose from: {', '.join(VARIANTS)}")
    folders = []
    for path in paths:
        if not path.is_dir():
            raise UsageError(f"'{path}' is not a folder: name a booklet folder like sources/<slug>")
        if (path / "_shared").is_dir() and not (path / "booklet.yml").is_file():
            sources = sources or path          # a sources root: build all its booklets
            continue
        if not (path / "booklet.yml").is_file():
            raise UsageError(f"'{path}' has no booklet.yml, so it is not a booklet folder")
        folders.append(path.resolve())
    if sources is None:
        sources = folders[0].parent if folders else Path("sources")
    root = sources.resolve()
    if not root.is_dir():
        raise UsageError(f"there is no sources folder '{sources}' (use --sources DIR)")
    outside = [f for f in folders if f.parent != root]
    if outside:
        raise UsageError(f"'{outside[0]}' is not a booklet folder directly inside {sources}")
    return BuildRequest(root=root, output=output.resolve(), folders=tuple(folders), variants=tuple(variants))
