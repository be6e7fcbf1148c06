"""Run rendering jobs one after another or spread over processes, reporting each as it finishes."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:           # loaded by the readers; a build with nothing to render never needs them
    from booklet.model import Manifest, Organisation


@dataclass(frozen=True)
class Job:
    """The variants of one booklet rendered together: a variant and those made from it share one layout."""

    manifest: Manifest
    organisation: Organisation
    variants: tuple[str, ...]
    root: object            # Path; kept plain so the job pickles cheaply
    styles: object
    theme: object = None    # booklet.theme.Theme; None: read it from root
    html: tuple[tuple[str, str], ...] = ()     # (variant, HTML) of the layout, composed by the build


@dataclass(frozen=True)
class ThemeJob:
    """The contrast of the house style, measured on a specimen: independent of every booklet,
    so it runs beside them rather than before them."""

    styles: object
    remember: object
    root: object = None     # the sources root whose theme.yml is measured


@dataclass(frozen=True)
class Outcome:
    job: Job | ThemeJob
    produced: tuple = ()                  # of booklet.render.variants.Produced
    refused: tuple[str, str] | None = None   # (url, reason) when a resource was refused
    seconds: float = 0.0
    problems: tuple = ()                  # a ThemeJob's findings


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def run_job(job: Job | ThemeJob) -> Outcome:
    """Render one job in this process (a worker's entry point, so it lives at module level)."""
    outcomes = list(run_job_stepwise(job))
    produced = tuple(item for outcome in outcomes for item in outcome.produced)
    return Outcome(job, produced, outcomes[-1].refused, sum(o.seconds for o in outcomes), outcomes[-1].problems)


def run_job_stepwise(job: Job | ThemeJob) -> Iterator[Outcome]:
    """The job's outcome a variant at a time, each as soon as it is made (the download first, in watch mode)."""
    import time
    started = time.perf_counter()
    if isinstance(job, ThemeJob):
        from booklet.check.run import theme_problems
        yield Outcome(job, problems=tuple(theme_problems(job.styles, job.remember, root=job.root)),
                      seconds=time.perf_counter() - started)
        return
    from booklet.render.fetcher import RefusedResource
    from booklet.render.produce import Setting, produce
    made = produce(job.manifest, job.organisation, list(job.variants), Setting(job.root, job.styles, job.theme),
                   dict(job.html))
    while True:
        try:
            item = next(made)
        except StopIteration:
            return
        except RefusedResource as refused:
            yield Outcome(job, refused=(refused.url, refused.reason), seconds=time.perf_counter() - started)
            return
        yield Outcome(job, (item,), seconds=time.perf_counter() - started)
        started = time.perf_counter()


def _start_worker() -> None:
    """A worker's first task, begun as it starts: it will end with the build that started it (killed,
    the build leaves no process behind), and it loads the engine."""
    import threading
    threading.Thread(target=_end_with, args=(os.getppid(),), daemon=True).start()
    _load_engine()


def _end_with(parent: int) -> None:
    import time
    while os.getppid() == parent:       # a process whose parent dies gets another one
        time.sleep(0.2)
    os._exit(1)


def _load_engine() -> None:
    """WeasyPrint, its fonts and the finishing code."""
    import booklet.render.produce  # noqa: F401


def _fork():
    import multiprocessing
    return multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None


class Renderers:
    """Where jobs render. One worker starts at once, so that it loads the engine while this process
    reads and checks the sources (a quarter of a second sooner done); several start when the jobs
    are known, forked once this process has loaded the engine, so that they need not load it each
    at once on few cores. With no worker (a watch keeps its engine loaded, a test has it, or there
    is no fork), or several allowed but one job to do, this process renders."""

    def __init__(self, workers: int):
        self.workers = workers          # 0: this process
        self._pool = None

    def __enter__(self) -> Renderers:
        if self.workers == 1 and _fork() is not None and _engine_not_loaded():
            self._start(1)
            self._pool.submit(_load_engine)     # a fork pool starts its workers at its first task: now
        return self

    def __exit__(self, stopped_by, *_) -> None:
        if self._pool is None:
            return
        if stopped_by is not None:
            # Stopped by its checks (or Ctrl+C): what the workers are doing is of no use now.
            end = getattr(self._pool, "terminate_workers", None)        # Python 3.14
            if end is not None:
                end()
            else:
                for process in list((getattr(self._pool, "_processes", None) or {}).values()):
                    process.terminate()
        self._pool.shutdown(wait=True, cancel_futures=stopped_by is not None)

    def _start(self, workers: int) -> None:
        from concurrent.futures import ProcessPoolExecutor
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=_fork(), initializer=_start_worker)

    def run(self, jobs: list[Job | ThemeJob], done: Callable[[Outcome], None]) -> None:
        """Run every job; `done` hears of each outcome as soon as it is ready (in this process, of
        each variant as soon as it is made)."""
        if self._pool is None and self.workers > 1 and len(jobs) > 1:
            _load_engine()              # before forking, so that each worker starts with it in memory
            self._start(min(self.workers, len(jobs)))
        if self._pool is None:
            here, there = jobs, []
        elif self.workers == 1:
            # The worker renders the booklets; this process, idle meanwhile, measures the theme.
            here, there = [j for j in jobs if isinstance(j, ThemeJob)], [j for j in jobs if isinstance(j, Job)]
        else:
            here, there = [], jobs
        futures = [self._pool.submit(run_job, job) for job in there]
        for job in here:
            for outcome in run_job_stepwise(job):
                done(outcome)
        if futures:
            from concurrent.futures import as_completed
            for future in as_completed(futures):
                done(future.result())
        self._stop()

    def _stop(self) -> None:
        """No worker outlives the rendering: the build then writes its files alone."""
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None


def _engine_not_loaded() -> bool:
    """A process that has the engine already (a test, a second build in one process) renders at once."""
    import sys
    return "weasyprint" not in sys.modules
