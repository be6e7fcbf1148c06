"""Make a booklet's editions (the web page, the EPUB) from its model and its other variants' finished files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from booklet.model import Manifest, Organisation
from booklet.theme.model import Theme


@dataclass(frozen=True)
class Finished:
    """A variant's main file as this build leaves it: made now, or up to date from an earlier build."""

    variant: str
    name: str                                   # its name in output/<slug>/
    size: int
    pages: int = 0
    page_starts: tuple[tuple[str, str], ...] = ()   # the download: (page label, id of the first block on it)


@dataclass(frozen=True)
class EditionContext:
    manifest: Manifest
    organisation: Organisation
    root: Path
    styles: Path
    theme: Theme
    finished: tuple[Finished, ...]              # the booklet's other variants, in registry order
    file_name: str                              # the edition's main file in output/<slug>/
    web_slugs: frozenset[str] = frozenset()     # booklets of the library with a web page, for related links
    store: Path | None = None                   # where font subsets are kept between builds (web/fonts.py)

    def of(self, variant: str) -> Finished | None:
        return next((f for f in self.finished if f.variant == variant), None)


def make_web_edition(context: EditionContext) -> dict[str, bytes]:
    from booklet.web.edition import Linked, make_web
    linked = tuple(Linked(f.name, f.variant, f.size, f.pages) for f in context.finished)
    return make_web(context.manifest, context.organisation, root=context.root, styles=context.styles,
                    theme=context.theme, linked=linked, web_slugs=context.web_slugs, store=context.store)


def make_epub_edition(context: EditionContext) -> dict[str, bytes]:
    from booklet.epub import make_epub
    download = context.of("download")
    return {context.file_name: make_epub(context.manifest, context.organisation, root=context.root, styles=context.styles,
                            theme=context.theme, page_starts=download.page_starts if download else (),
                            store=context.store)}
