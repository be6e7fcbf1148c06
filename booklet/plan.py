"""Decide which variants a build makes of each booklet, and make its editions once its PDFs are finished."""

from __future__ import annotations

from pathlib import Path

from booklet.editions import EditionContext, Finished
from booklet.model import Manifest, Organisation
from booklet.render.variants import VARIANTS
from booklet.theme.model import Theme


def selected(manifest: Manifest, requested: tuple[str, ...], *, alone: bool = False) -> list[str]:
    """The variants of a booklet a build makes: those asked for (or all the booklet's own), and the
    booklet's variants an asked-for edition is made from (the EPUB's page list comes from the download;
    the web page links every file with its size and pages, so those files must be what it says)."""
    own = manifest.variants
    names = {v for v in own if not requested or v in requested}
    while not alone:
        more = set()
        for name in names:
            variant = VARIANTS[name]
            more |= {v for v in own if v != name} if variant.links_others else set(variant.needs) & set(own)
        if more <= names:
            return [v for v in VARIANTS if v in names]
        names |= more
    return [v for v in VARIANTS if v in names]


def make_editions(manifest: Manifest, organisation: Organisation, names: list[str],
                  finished: dict[str, Finished], *, root: Path, styles: Path, theme: Theme,
                  web_slugs: frozenset[str], store: Path | None = None) -> list[tuple[str, dict[str, bytes], float]]:
    """Each named edition's files, in registry order, so the web page can link the EPUB made before it.
    `finished`: the booklet's other variants, made in this build or up to date; each edition joins it."""
    import time
    made = []
    for name in (v for v in VARIANTS if v in names):
        start = time.perf_counter()
        variant = VARIANTS[name]
        others = tuple(finished[v] for v in VARIANTS if v in finished and v != name)
        main = variant.file_name(manifest.slug)
        files = variant.edition(EditionContext(manifest, organisation, root, styles, theme, others, main,
                                               web_slugs, store))
        finished[name] = Finished(name, main, len(files[main]))
        made.append((name, files, time.perf_counter() - start))
    return made


def finished_file(cache, done) -> Finished:
    """An up-to-date variant as an edition sees it: its file's size, pages and (the download) page starts."""
    return Finished(done.variant, done.path.name, done.path.stat().st_size, done.pages,
                    cache.page_starts(done.slug, done.variant))


def as_on_disk(cache, folder: Path, manifest: Manifest, skip: list[str]) -> dict[str, Finished]:
    """The booklet's other variants as the output folder holds them now, whatever made them (the
    pages and page starts the cache recorded for them)."""
    found = {}
    for name in manifest.variants:
        path = folder / VARIANTS[name].file_name(manifest.slug)
        if name not in skip and path.is_file():
            entry = cache.entry(manifest.slug, name)
            found[name] = Finished(name, path.name, path.stat().st_size, int(entry.get("pages", 0) or 0),
                                   cache.page_starts(manifest.slug, name))
    return found
