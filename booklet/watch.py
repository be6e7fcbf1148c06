"""Rebuild what each saved file affects, report problems without stopping, until interrupted."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path
from typing import Callable, Iterable

from booklet.build import BuildRequest, build
from booklet.problems import ContentError, UsageError

IGNORED_SUFFIXES = (".tmp", ".swp", ".swx", "~", ".part")


@dataclasses.dataclass(frozen=True)
class Round:
    """What one rebuild did: the PDFs written, the problems found, how long it took."""

    written: tuple[Path, ...]
    problems: tuple[str, ...]
    seconds: float
    ok: bool


class Watcher:
    """One editor's session: each round rebuilds through the cache, so only what changed is rendered,
    in this process, so stylesheets and fonts stay loaded between rounds."""

    def __init__(self, request: BuildRequest, echo: Callable[[str], None]):
        self.request = dataclasses.replace(request, eager=True, jobs=1)
        self.echo = echo

    def relevant(self, changed: Iterable[Path]) -> list[Path]:
        """The changed files that can affect a booklet: not the output, not editors' temporary files."""
        output = self.request.output.resolve()
        return sorted(p for p in map(Path, changed) if not p.resolve().is_relative_to(output)
                      and not p.name.startswith((".", "#")) and not p.name.endswith(IGNORED_SUFFIXES))

    def rebuild(self, changed: Iterable[Path] = ()) -> Round:
        started = time.perf_counter()
        cwd = Path.cwd()
        try:
            result = build(self.request)
        except ContentError as exc:
            problems = tuple(p.format(cwd) for p in exc.problems)
            for line in problems:
                self.echo(line)
            self.echo(f"{len(problems)} problem(s); waiting for the next save.")
            return Round((), problems, time.perf_counter() - started, ok=False)
        except UsageError as exc:
            self.echo(f"error: {exc}")
            return Round((), (str(exc),), time.perf_counter() - started, ok=False)
        problems = tuple(p.format(cwd) for p in result.warnings)
        for line in problems:
            self.echo(line)
        written = tuple(item.path for item in result.built if not item.fresh)
        seconds = time.perf_counter() - started
        if written:
            self.echo(f"rebuilt {len(written)} PDF(s) in {seconds:.1f} s: "
                      + ", ".join(p.name for p in written))
        return Round(written, problems, seconds, ok=True)


def watch(request: BuildRequest, echo: Callable[[str], None], *, watched: tuple[Path, ...]) -> None:
    """Build once, then again after every save, until Ctrl+C."""
    import watchfiles
    watcher = Watcher(request, echo)
    watcher.rebuild()
    echo(f"watching {', '.join(str(p) for p in watched)} (Ctrl+C to stop)")
    for changes in watchfiles.watch(*watched, debounce=200, step=50, raise_interrupt=False):
        changed = watcher.relevant(path for _, path in changes)
        if changed:
            watcher.rebuild(changed)
