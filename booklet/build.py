"""Build booklets: read and check every source first, then render each variant and write it atomically."""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from booklet.problems import ContentError, Problem, UsageError
from booklet.render.fetcher import RefusedResource
from booklet.model import Manifest
from booklet.render.produce import Setting, produce
from booklet.render.resolution import MIN_PPI, LowResolution
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
    strict: bool = False                # warnings (like low-resolution pictures) stop the build


@dataclass(frozen=True)
class Built:
    slug: str
    variant: str
    path: Path
    seconds: float
    pages: int = 0


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
    warnings = list(warnings)

    built, failures, pending = [], [], []
    setting = Setting(root=request.root, styles=request.styles)
    for manifest in library.booklets.values():
        names = [v for v in manifest.variants if not request.variants or v in request.variants]
        started = time.perf_counter()
        try:
            produced = produce(manifest, library.organisation, names, setting)
        except RefusedResource as refused:
            failures.append(Problem(manifest.folder / "booklet.yml", 1,
                                    f"a picture, font or style needs '{refused.url}': {refused.reason}"))
            continue
        seconds = (time.perf_counter() - started) / max(1, len(produced))
        for item in produced:
            folder = request.output / manifest.slug
            target = folder / f"{manifest.slug}-{item.variant}.pdf"
            pending.append((target, item.pdf))
            pending.extend((folder / name, data) for name, data in item.sidecars)
            built.append(Built(manifest.slug, item.variant, target, seconds, item.pages))
            warnings.extend(_picture_problem(manifest, low, item.variant) for low in item.low_resolution)
    if request.strict:
        failures.extend(Problem(w.path, w.line, w.message + " (--strict makes this an error)") for w in warnings)
    if failures:
        raise ContentError(failures)
    # Nothing is written until every variant has rendered: a failed build changes no file.
    for target, data in pending:
        write_atomically(target, data)
    return BuildResult(tuple(built), tuple(warnings))


def _picture_problem(manifest: Manifest, low: LowResolution, variant: str) -> Problem:
    """Point at the Markdown line that places the picture, so the editor can find it."""
    path, line = manifest.folder / "booklet.yml", 1
    source = Path(url2pathname(urlsplit(low.src).path)) if low.src.startswith("file:") else manifest.folder / low.src
    name = source.relative_to(manifest.folder).as_posix() if source.is_relative_to(manifest.folder) else low.src
    for section in manifest.sections:
        for offset, text in enumerate(section.body.splitlines()):
            if name in text:
                path, line = section.path, section.body_line + offset
                break
        else:
            continue
        break
    return Problem(path, line, f"the picture '{name}' prints at {low.ppi} ppi at {low.width_mm:g} mm wide"
                   f" in the {variant} PDF (page {low.page}); print needs {MIN_PPI} ppi: use a larger image"
                   " or show it smaller", severity="warning")


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
