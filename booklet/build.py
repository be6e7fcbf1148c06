"""Build booklets: read and check every source first, then render each variant and write it atomically."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from booklet import STYLES
from booklet.cache import CACHE_FOLDER, BuildCache, booklet_inputs, key_of
from booklet.files import publish, recover
from booklet.problems import ContentError, Problem, UsageError
from booklet.render.variants import VARIANTS, layout_of
from booklet.sources.folders import booklet_folders

if TYPE_CHECKING:           # the readers load it; a build with nothing to do never needs it
    from booklet.model import Manifest



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
    unchanged = None if request.force else _unchanged(request, folders, memo)
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
    for manifest in library.booklets.values():
        names = [v for v in manifest.variants if not request.variants or v in request.variants]
        stale = []
        for name in names:
            keys[manifest.slug, name], done, replayed = _recorded(request, cache, memo, manifest.folder, name,
                                                                  manifest.reads)
            if done is None:
                stale.append(name)
                continue
            built.append(done)
            warnings.extend(replayed)
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
            files = {f"{manifest.slug}-{item.variant}.pdf": item.pdf, **dict(item.sidecars)}
            failures.extend(item.problems)          # a picture or font the renderer could not use
            found = adjusted([_picture_problem(manifest, low, item.variant) for low in item.low_resolution],
                             settings[manifest.slug])          # the booklet's `checks:` apply here too
            failures.extend(p for p in found if p.severity == "error")
            warnings.extend(p for p in found if p.severity != "error")
            if request.check:                       # read back below, once the files are written
                measured.append((item.variant, item.pdf))
            entry = cache.record(item.variant, keys[manifest.slug, item.variant], files, pages=item.pages,
                                 warnings=[w.as_row() for w in found],
                                 reads=[p.relative_to(request.root).as_posix() for p in manifest.reads])
            made.append((manifest.slug, [(folder / name, data) for name, data in files.items()], entry))
            built.append(Built(manifest.slug, item.variant, folder / f"{manifest.slug}-{item.variant}.pdf",
                               outcome.seconds / max(1, len(outcome.produced)), item.pages))
            if request.progress:
                request.progress(len(built) - fresh, total, f"{manifest.slug} {item.variant}")
        if request.eager and not request.strict:
            _write(made, cache)
        else:
            pending.extend(made)
        # A watch writes the new PDF first and reads its text size back after: an error found there
        # stops the round (and is reported, in place: ContentError sorts) all the same, and the
        # editor sees the PDF sooner.
        for variant, pdf in measured:
            failures.extend(_text_size_problem(manifest, variant, pdf))

    fresh, total = len(built), sum(len(job.variants) for job in jobs)
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
    # Nothing is written until every variant has rendered: a failed build changes no file.
    _write(pending, cache)
    key = _run_key(request, folders, keys)
    if key is not None:
        covered: dict[str, list[str]] = {}
        for slug, name in keys:
            covered.setdefault(slug, []).append(name)
        try:
            cache.save_summary(key, _today(request).isoformat(), [w.as_row() for w in warnings], covered)
        except OSError:
            pass                 # only a shortcut for the next build: without it, that build checks again
    return BuildResult(tuple(built), tuple(warnings))


def _workers(request: BuildRequest, folders: list[Path]) -> int:
    """Processes to render in: no more than asked for, nor than there may be layouts to make; 0: this
    process (a watch keeps its engine loaded between rounds)."""
    if request.eager or request.jobs <= 1:
        return 0
    layouts = {layout_of(name).name for name in request.variants or VARIANTS}
    return min(request.jobs, len(folders) * len(layouts))


def _as_errors(warnings: list[Problem]) -> list[Problem]:
    return [Problem(w.path, w.line, w.message + " (--strict makes this an error)") for w in warnings]


def _today(request: BuildRequest) -> dt.date:
    return request.today or dt.date.today()


def _run_key(request: BuildRequest, folders: list[Path], keys: dict) -> str | None:
    """One key for the whole request: every variant's key and every option that changes the outcome."""
    import hashlib
    if not keys:
        return None
    options = (request.check, request.allow_overdue, request.strict, tuple(request.variants),
               tuple(str(f) for f in sorted(folders)))
    return hashlib.sha256(repr((options, sorted(keys.items()))).encode()).hexdigest()


def _unchanged(request: BuildRequest, folders: list[Path], memo: dict[Path, str]) -> BuildResult | None:
    """When nothing has changed since the last complete build, checked today, the same result again
    without reading, checking or rendering anything. None when anything might differ."""
    cache, keys, built = BuildCache(request.output), {}, []
    summary = cache.summary()
    if summary.get("day") != _today(request).isoformat():
        return None                        # review dates are checked against today: check again
    covered = summary.get("variants", {})
    for folder in folders:
        names = covered.get(folder.name) if isinstance(covered, dict) else None
        if not isinstance(names, list) or not all(name in VARIANTS for name in names):
            return None                    # every key is checked again below, so these names are the last build's
        for name in names:
            reads = cache.reads(folder.name, name, request.root)
            keys[folder.name, name], done, _ = _recorded(request, cache, memo, folder, name, reads)
            if done is None:
                return None
            built.append(done)
    if summary.get("key") != _run_key(request, folders, keys):
        return None
    return BuildResult(tuple(built), tuple(Problem.from_row(row) for row in summary.get("warnings", [])))


def _recorded(request: BuildRequest, cache: BuildCache, memo: dict, folder: Path, name: str,
              reads: tuple[Path, ...]) -> tuple[str, Built | None, list[Problem]]:
    """The variant's key, and what the cache recorded for it (the result and the warnings it
    found) if that is still true; None to rebuild."""
    key = key_of(booklet_inputs(folder, request.root, request.styles, name, reads), memo, request.root)
    entry = None if request.force else cache.fresh_entry(folder.name, name, key, request.output / folder.name)
    if entry is None:
        return key, None, []
    target = request.output / folder.name / f"{folder.name}-{name}.pdf"
    return (key, Built(folder.name, name, target, 0.0, entry.get("pages", 0), fresh=True),
            [Problem.from_row(row) for row in entry.get("warnings", [])])


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


def _write(made: list, cache: BuildCache) -> None:
    """Every file and the cache records that describe them, in one transaction: all change or none."""
    by_booklet: dict[str, dict] = {}
    files: list[tuple[Path, bytes]] = []
    for slug, written, entry in made:
        files.extend(written)
        by_booklet.setdefault(slug, {}).update(entry)
    files.extend(cache.staged(slug, entries) for slug, entries in by_booklet.items())
    if files:
        publish(files, cache.folder)


def _text_size_problem(manifest: Manifest, variant: str, pdf: bytes) -> list[Problem]:
    """What `booklet check` would call a body-text-size error stops the build too (tagged variants:
    an untagged PDF cannot tell page furniture from body text)."""
    import io
    from booklet.check.textsize import minimum_for, smallest_body_text
    if not VARIANTS[variant].accessible:
        return []
    found = smallest_body_text(io.BytesIO(pdf))
    if found is None or found[0] >= minimum_for(variant) - 0.05:
        return []
    size, page = found
    return [Problem(manifest.folder / "booklet.yml", 1, f"body text on page {page} of the {variant} PDF is"
                    f" {size:g} pt; the {variant} variant needs at least {minimum_for(variant):g} pt (a"
                    " stylesheet sets it smaller: set font-size in the variant's or the theme's stylesheet)",
                    rule="body-text-size")]


def _picture_problem(manifest: Manifest, low, variant: str) -> Problem:
    """Point at the Markdown line that places the picture, so the editor can find it."""
    from urllib.parse import unquote
    from booklet.render.resolution import MIN_PPI
    from booklet.urls import urlsplit
    from booklet.model import Kind
    path, line = manifest.folder / "booklet.yml", 1
    source = Path(unquote(urlsplit(low.src).path)) if low.src.startswith("file:") else manifest.folder / low.src
    name = source.relative_to(manifest.folder).as_posix() if source.is_relative_to(manifest.folder) else low.src
    for construct in (c for section in manifest.sections for c in section.outline if c.kind == Kind.IMAGE):
        if (construct.path.parent / unquote(construct.target)).resolve() == source.resolve():
            path, line, name = construct.path, construct.line, construct.target
            break
    return Problem(path, line, f"the picture '{name}' prints at {low.ppi} ppi at {low.width_mm:g} mm wide"
                   f" in the {variant} PDF (page {low.page}); print needs {MIN_PPI} ppi: use a larger image"
                   " or show it smaller", severity="warning", rule="image-resolution")
