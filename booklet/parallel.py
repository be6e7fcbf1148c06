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
    produced: tuple = ()                  # of booklet.render.produce.Produced
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
    made = produce(job.manifest, job.organisation, list(job.variants), Setting(job.root, job.styles, job.theme))
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


def run_jobs(jobs: list[Job | ThemeJob], workers: int, done: Callable[[Outcome], None]) -> None:
    """Run every job; `done` hears of each outcome as soon as it is ready (in one process, of each
    variant as soon as it is made)."""
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            for outcome in run_job_stepwise(job):
                done(outcome)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed
    # Load the engine before forking so each worker starts with it (and its fonts) already in memory.
    import booklet.render.produce  # noqa: F401
    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context) as pool:
        for future in as_completed([pool.submit(run_job, job) for job in jobs]):
            done(future.result())
