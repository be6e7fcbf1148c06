"""Run rendering jobs one after another or spread over processes, reporting each as it finishes."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

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
    import time
    if isinstance(job, ThemeJob):
        from booklet.check.run import theme_problems
        started = time.perf_counter()
        return Outcome(job, problems=tuple(theme_problems(job.styles, job.remember, root=job.root)),
                       seconds=time.perf_counter() - started)
    from booklet.render.fetcher import RefusedResource
    from booklet.render.produce import Setting, produce
    started = time.perf_counter()
    try:
        setting = Setting(job.root, job.styles, job.theme)
        produced = produce(job.manifest, job.organisation, list(job.variants), setting)
    except RefusedResource as refused:
        return Outcome(job, refused=(refused.url, refused.reason), seconds=time.perf_counter() - started)
    return Outcome(job, tuple(produced), seconds=time.perf_counter() - started)


def run_jobs(jobs: list[Job | ThemeJob], workers: int, done: Callable[[Outcome], None]) -> list[Outcome]:
    """Every job's outcome, in the order given; `done` hears of each as soon as it is ready."""
    if workers <= 1 or len(jobs) <= 1:
        outcomes = []
        for job in jobs:
            outcomes.append(run_job(job))
            done(outcomes[-1])
        return outcomes
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed
    # Load the engine before forking so each worker starts with it (and its fonts) already in memory.
    import booklet.render.produce  # noqa: F401
    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    results: dict[int, Outcome] = {}
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context) as pool:
        futures = {pool.submit(run_job, job): index for index, job in enumerate(jobs)}
        for future in as_completed(futures):
            results[futures[future]] = future.result()
            done(results[futures[future]])
    return [results[i] for i in range(len(jobs))]
