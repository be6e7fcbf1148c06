"""Build booklets: read and check every source first, then render each variant and write it atomically."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from booklet import STYLES  # noqa: F401  (the house styles, imported from here by callers)
from booklet.cache import CACHE_FOLDER, BuildCache
from booklet.editions import Finished
from booklet.plan import as_on_disk, finished_file, make_editions, selected
from booklet.files import recover
from booklet.problems import ContentError, Problem, UsageError
from booklet.publishing import recorded, run_key, up_to_date, write
from booklet.render.variants import VARIANTS, layout_of
from booklet.rendered import picture_problem, text_size_problem
from booklet.request import BuildRequest, BuildResult, Built, today_of
from booklet.sources.folders import booklet_folders

if TYPE_CHECKING:           # the readers load it; a build with nothing to do never needs it
    from booklet.model import Manifest

__all__ = ["STYLES", "BuildRequest", "BuildResult", "Built", "build"]


def build(request: BuildRequest) -> BuildResult:
    """The recipe: choose booklets, read them all (or report every error), find what changed, render
    that (in parallel if asked), and write it all at once."""
    folders = list(request.folders) or booklet_folders(request.root)
    if not folders:
        raise UsageError(f"there are no booklets in {request.root} (a booklet is a folder with a booklet.yml)")
    unknown = [name for name in request.variants if name not in VARIANTS]
    if unknown:
        raise UsageError(f"unknown variant {', '.join(unknown)}; the variants are: {', '.join(VARIANTS)}")
    # A build killed while publishing left a journal: finish it first, so the files agree with the cache.
    recover(request.output / CACHE_FOLDER)
    # Each input is hashed once a build: the digests taken to see whether anything changed serve the
    # keys below (taken before the sources are read, a file saved meanwhile is simply made again next time).
    memo: dict[Path, str] = {}
    unchanged = None if request.force else up_to_date(request, folders, memo)
    if unchanged is not None:
        return unchanged

    from booklet.parallel import Renderers
    # A single worker starts now and loads the engine while this process reads and checks the sources.
    with Renderers(_workers(request, folders)) as renderers:
        return _build(request, folders, memo, renderers)


def _build(request: BuildRequest, folders: list[Path], memo: dict[Path, str], renderers) -> BuildResult:
    # Loaded here, not above: a build with nothing to do never needs them.
    from booklet.check import gate_build
    from booklet.parallel import Job, ThemeJob
    from booklet.sources.library import library_of
    from booklet.sources.reader import read_sources
    from booklet.theme.reader import with_theme
    reading = read_sources(request.root, folders, variants=tuple(VARIANTS))
    # The reader's problems and the rules of `booklet check` that need no PDF, as `booklet check`
    # reports them, with the theme's mistakes; errors stop here, before anything is rendered.
    remember = request.output / CACHE_FOLDER
    warnings, used_theme = with_theme(request.root, lambda: gate_build(
        reading, styles=request.styles, check=request.check, allow_overdue=request.allow_overdue,
        today=request.today, remember=remember, theme=request.eager))
    library = library_of(reading)
    from booklet.check.settings import adjusted
    settings = {b.folder.name: b.settings for b in reading.booklets}

    cache = BuildCache(request.output)
    built, jobs, keys = [], [], {}
    editions: dict[str, list[str]] = {}              # by slug: the web page and EPUB to make, after the PDFs
    made_files: dict[str, dict[str, Finished]] = {}    # by slug and variant: each main file the build leaves
    for manifest in library.booklets.values():
        stale = []
        if request.editions_only:
            made_files[manifest.slug] = as_on_disk(cache, request.output / manifest.slug, manifest,
                                                   list(request.variants))
        for name in selected(manifest, request.variants, alone=request.editions_only):
            keys[manifest.slug, name], done, replayed = recorded(request, cache, memo, manifest.folder, name,
                                                                 manifest.reads)
            if done is None:
                (editions.setdefault(manifest.slug, []) if VARIANTS[name].edition else stale).append(name)
                continue
            built.append(done)
            warnings.extend(replayed)
            made_files.setdefault(manifest.slug, {})[name] = finished_file(cache, done)
        # Composed here, so that a worker only renders: it need not load the templates meanwhile.
        jobs += [Job(manifest, library.organisation, group, request.root, request.styles, used_theme,
                     _composed(manifest, library.organisation, group)) for group in _job_groups(stale)]

    if request.strict and warnings:
        raise ContentError(_as_errors(warnings))
    failures, pending = [], []

    def finished(outcome) -> None:
        if isinstance(outcome.job, ThemeJob):
            theme.extend(outcome.problems)
            return
        manifest = outcome.job.manifest
        if outcome.refused:
            from booklet.check.resources import refusal_problem
            problem = refusal_problem(manifest, library.organisation, *outcome.refused)
            if problem not in failures:          # each variant meets it: report it once
                failures.append(problem)
            return
        made, measured = [], []
        for item in outcome.produced:
            folder = request.output / manifest.slug
            main = VARIANTS[item.variant].file_name(manifest.slug)
            files = {main: item.pdf, **dict(item.sidecars)}
            starts = tuple(getattr(item, "page_starts", ()))
            made_files.setdefault(manifest.slug, {})[item.variant] = Finished(item.variant, main, len(item.pdf),
                                                                            item.pages, starts)
            failures.extend(item.problems)          # a picture or font the renderer could not use
            found = adjusted([picture_problem(manifest, low, item.variant) for low in item.low_resolution],
                             settings[manifest.slug])          # the booklet's `checks:` apply here too
            failures.extend(p for p in found if p.severity == "error")
            warnings.extend(p for p in found if p.severity != "error")
            if request.check:                       # read back below, once the files are written
                measured.append((item.variant, item.pdf))
            entry = cache.record(item.variant, keys[manifest.slug, item.variant], files, pages=item.pages,
                                 warnings=[w.as_row() for w in found],
                                 reads=[p.relative_to(request.root).as_posix() for p in manifest.reads],
                                 page_starts=starts)
            made.append((manifest.slug, [(folder / name, data) for name, data in files.items()], entry))
            built.append(Built(manifest.slug, item.variant, folder / main,
                               outcome.seconds / max(1, len(outcome.produced)), item.pages))
            if request.progress:
                request.progress(len(built) - fresh, total, f"{manifest.slug} {item.variant}")
        if request.eager and not request.strict:
            write(made, cache)
        else:
            pending.extend(made)
        # A watch writes the new PDF first and reads its text size back after: an error found there
        # stops the round (and is reported, in place: ContentError sorts) all the same, and the
        # editor sees the PDF sooner.
        for variant, pdf in measured:
            failures.extend(text_size_problem(manifest, variant, pdf))

    fresh = len(built)
    total = sum(len(job.variants) for job in jobs) + sum(map(len, editions.values()))
    # Eager (watch) builds run in order, the download first: it is the PDF an editor looks at.
    order = sorted(jobs, key=_first_variant) if request.eager else sorted(jobs, key=_weight, reverse=True)
    # The theme's contrast (a check, like those above) is measured beside the rendering, not
    # before it; like them, its errors stop the build before anything is written.
    theme: list[Problem] = []
    if request.check and not request.eager:      # eager (watch) builds measured it above, first
        from booklet.check.run import known_theme_problems
        known = known_theme_problems(request.styles, remember, root=request.root)
        if known is None:
            order.append(ThemeJob(request.styles, remember, request.root))
        else:
            theme.extend(known)        # remembered: no job
    renderers.run(order, finished)
    failures.extend(p for p in theme if p.severity == "error")
    warnings.extend(p for p in theme if p.severity != "error")
    if request.strict and any(w.severity == "warning" for w in warnings):
        failures.extend(_as_errors(warnings))
    if failures:
        raise ContentError(failures)
    # The editions, from the same model and the PDFs just made (or up to date): no layout engine.
    web_slugs = frozenset(slug for slug, m in library.booklets.items() if "web" in m.variants)
    for slug, names in editions.items():
        manifest = library.booklets[slug]
        made = make_editions(manifest, library.organisation, names, made_files.setdefault(slug, {}),
                             root=request.root, styles=request.styles, theme=used_theme, web_slugs=web_slugs,
                             store=remember / "fonts")
        for name, files, seconds in made:
            entry = {} if request.editions_only else cache.record(
                name, keys[slug, name], files, pages=0, warnings=[],
                reads=[p.relative_to(request.root).as_posix() for p in manifest.reads])
            folder = request.output / slug
            pending.append((slug, [(folder / n, data) for n, data in files.items()], entry))
            built.append(Built(slug, name, folder / VARIANTS[name].file_name(slug), seconds))
            if request.progress:
                request.progress(len(built) - fresh, total, f"{slug} {name}")
    # Nothing is written until every variant has rendered: a failed build changes no file.
    write(pending, cache)
    key = None if request.editions_only else run_key(request, folders, keys)
    if key is not None:
        covered: dict[str, list[str]] = {}
        for slug, name in keys:
            covered.setdefault(slug, []).append(name)
        try:
            cache.save_summary(key, today_of(request).isoformat(), [w.as_row() for w in warnings], covered)
        except OSError:
            pass                 # only a shortcut for the next build: without it, that build checks again
    return BuildResult(tuple(built), tuple(warnings))


def _workers(request: BuildRequest, folders: list[Path]) -> int:
    """Processes to render in: no more than asked for, nor than there may be layouts to make; 0: this
    process (a watch keeps its engine loaded between rounds)."""
    if request.eager or request.jobs <= 1:
        return 0
    asked = request.variants or tuple(VARIANTS)
    if any(VARIANTS[name].edition for name in asked):
        asked = tuple(VARIANTS)              # an edition is made from the booklet's PDFs
    layouts = {layout_of(name).name for name in asked if not VARIANTS[name].edition}
    return min(request.jobs, len(folders) * len(layouts))


def _as_errors(warnings: list[Problem]) -> list[Problem]:
    return [Problem(w.path, w.line, w.message + " (--strict makes this an error)") for w in warnings]


def _job_groups(names: list[str]) -> list[tuple[str, ...]]:
    """Variants grouped by the layout they share (download, print and handout: the A5 pages), so a
    layout is made once, in one process."""
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(layout_of(name).name, []).append(name)
    return [tuple(group) for group in groups.values()]


def _composed(manifest: Manifest, organisation, group: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The HTML of the group's layout, by the name of the variant that lays it out."""
    from booklet.compose.document import compose_html
    layout = layout_of(group[0]).name
    return ((layout, compose_html(manifest, organisation, variant=layout)),)


def _weight(job) -> int:
    """Longest first keeps the processes evenly busy: each layout costs the most, each finish a little."""
    return 3 + len(job.variants)


def _first_variant(job) -> int:
    return min(list(VARIANTS).index(name) for name in job.variants)


