"""Run `booklet serve`: build, serve, and on each save make the web page first, then everything else."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path
from typing import Callable

from booklet.build import BuildRequest, build
from booklet.problems import ContentError, UsageError
from booklet.serving.server import HOST, start_server
from booklet.serving.status import Status
from booklet.watch import Watcher


@dataclasses.dataclass(frozen=True)
class Outcome:
    ok: bool
    problems: tuple[str, ...]
    seconds: float


class Session:
    """One editor's preview. Each save gets two rounds: the web pages alone (linking the PDFs as they
    are), which the open page reloads to at once, then every variant through the cache, after which
    the page reloads again with the new PDFs' sizes. A round with errors keeps the last good files
    and shows its problems on the page and in the terminal."""

    def __init__(self, request: BuildRequest, echo: Callable[[str], None]):
        self.full = dataclasses.replace(request, eager=True, jobs=1)
        self.quick = dataclasses.replace(self.full, variants=("web",), editions_only=True)
        self.echo = echo
        self.status = Status()
        self.watcher = Watcher(self.full, echo)

    def round(self, request: BuildRequest) -> Outcome:
        started, cwd = time.perf_counter(), Path.cwd()
        try:
            result = build(request)
        except ContentError as exc:
            problems = tuple(p.format(cwd) for p in exc.problems)
        except UsageError as exc:
            problems = (f"error: {exc}",)
        else:
            for line in (p.format(cwd) for p in result.warnings):
                self.echo(line)
            return Outcome(True, (), time.perf_counter() - started)
        for line in problems:
            self.echo(line)
        return Outcome(False, problems, time.perf_counter() - started)

    def saved(self) -> tuple[Outcome, Outcome | None]:
        """After a save: the page first, then the rest (not tried when the page's round failed: the
        same sources fail the same checks)."""
        first = self.round(self.quick)
        self.status.publish(first.problems)
        if not first.ok:
            self.echo(f"{len(first.problems)} problem(s); the last good page stays up.")
            return first, None
        self.echo(f"page rebuilt in {first.seconds:.2f} s; now the other files")
        rest = self.round(self.full)
        self.status.publish(rest.problems)
        self.echo(f"all rebuilt in {rest.seconds:.1f} s" if rest.ok else f"{len(rest.problems)} problem(s)")
        return first, rest


def serve(request: BuildRequest, echo: Callable[[str], None], *, port: int, watched: tuple[Path, ...]) -> None:
    """Build, serve on 127.0.0.1, and rebuild after every save until Ctrl+C."""
    import watchfiles
    session = Session(request, echo)
    first = session.round(session.full)
    session.status.publish(first.problems)
    request.output.mkdir(parents=True, exist_ok=True)
    server = start_server(request.output, session.status, port)
    address = f"http://{HOST}:{server.server_address[1]}/"
    slugs = sorted(p.parent.name for p in request.output.glob("*/index.html"))
    echo(f"serving {request.output} at {address}" + (f" (open {address}{slugs[0]}/)" if slugs else ""))
    echo("rebuilding on every save (Ctrl+C to stop)")
    try:
        for changes in watchfiles.watch(*watched, debounce=100, step=25, raise_interrupt=False):
            if session.watcher.relevant(path for _, path in changes):
                session.saved()
    finally:
        session.status.close()
        server.shutdown()
        server.server_close()
