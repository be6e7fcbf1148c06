"""Build booklets: read and check every source first, then render each variant and write it atomically."""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from booklet.compose.document import compose_html
from booklet.compose.strings import strings_for
from booklet.model import Manifest
from booklet.problems import ContentError, Problem, UsageError
from booklet.render.fetcher import RefusedResource
from booklet.render.finish import FinishContext
from booklet.render.pdf import render_draft_stamp, render_pdf
from booklet.render.variants import VARIANTS
from booklet.sources.library import booklet_folders, read_library

STYLES = Path(__file__).resolve().parent.parent / "styles"


@dataclass(frozen=True)
class BuildRequest:
    root: Path                          # the sources root (holds _shared/)
    output: Path                        # output/<slug>/<slug>-<variant>.pdf
    folders: tuple[Path, ...] = ()      # the booklets to build; empty means all under root
    variants: tuple[str, ...] = ()      # empty means each booklet's own list
    styles: Path = STYLES


@dataclass(frozen=True)
class Built:
    slug: str
    variant: str
    path: Path
    seconds: float


@dataclass(frozen=True)
class BuildResult:
    built: tuple[Built, ...]
    warnings: tuple[Problem, ...]


def build(request: BuildRequest) -> BuildResult:
    """The recipe: choose booklets, read them all (or report every error), then render each variant."""
    folders = list(request.folders) or booklet_folders(request.root)
    if not folders:
        raise UsageError(f"there are no booklets in {request.root} (a booklet is a folder with a booklet.yml)")
    unknown = [name for name in request.variants if name not in VARIANTS]
    if unknown:
        raise UsageError(f"unknown variant {', '.join(unknown)}; the variants are: {', '.join(VARIANTS)}")
    library, warnings = read_library(request.root, folders, variants=tuple(VARIANTS))

    built, failures, pending = [], [], []
    for manifest in library.booklets.values():
        for name in [v for v in manifest.variants if not request.variants or v in request.variants]:
            started = time.perf_counter()
            try:
                pdf = _render(manifest, name, library, request)
            except RefusedResource as refused:
                failures.append(Problem(manifest.folder / "booklet.yml", 1,
                                        f"the {name} variant needs '{refused.url}': {refused.reason}"))
                continue
            target = request.output / manifest.slug / f"{manifest.slug}-{name}.pdf"
            pending.append((target, pdf))
            built.append(Built(manifest.slug, name, target, time.perf_counter() - started))
    if failures:
        raise ContentError(failures)
    # Nothing is written until every variant has rendered: a failed build changes no file.
    for target, pdf in pending:
        write_atomically(target, pdf)
    return BuildResult(tuple(built), tuple(warnings))


def _render(manifest: Manifest, name: str, library, request: BuildRequest) -> bytes:
    variant = VARIANTS[name]
    html = compose_html(manifest, library.organisation, variant=name)
    stamp = None
    if manifest.draft:
        stamp = render_draft_stamp(str(strings_for(manifest.language)["draft"]), language=manifest.language,
                                   size_mm=(148, 210), styles=request.styles)
    finish = FinishContext(title=manifest.title, language=manifest.language, draft_stamp=stamp)
    return render_pdf(html, variant=variant, base=manifest.folder, roots=(request.root, request.styles),
                      styles=request.styles, finish=finish)


def write_atomically(target: Path, data: bytes) -> None:
    """Write beside the target and rename over it, so a reader never sees half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        # mkstemp makes the file private (0600); a published PDF should be readable like any other.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
