"""Name each picture a booklet shows by where it goes in a self-contained edition (web folder or EPUB)."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from booklet.model import Kind, Manifest, Organisation

MEDIA_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
               ".gif": "image/gif", ".webp": "image/webp"}


@dataclass(frozen=True)
class Picture:
    """A picture file in the sources, the URI the composed HTML names it by, and its name in the edition."""

    source: Path
    uri: str
    name: str

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.source.suffix.lower()]


def pictures_of(manifest: Manifest, organisation: Organisation, root: Path) -> tuple[Picture, ...]:
    """Every picture the sections place (as the Markdown reader recorded them) and the logo: the
    booklet's own under their path in its folder (images/body.svg), shared ones under shared/."""
    found: dict[Path, Picture] = {}
    sources = [(c.path.parent / unquote(c.target)).resolve()
               for section in manifest.sections for c in section.outline if c.kind == Kind.IMAGE and c.target]
    if organisation.logo is not None:
        sources.append(organisation.logo.resolve())
    folder, base = manifest.folder.resolve(), root.resolve()
    for source in sources:
        if source in found or not source.is_file() or source.suffix.lower() not in MEDIA_TYPES:
            continue                # the reader reported it already; the build stops before this
        if source.is_relative_to(folder):
            name = source.relative_to(folder).as_posix()
        else:
            name = "shared/" + source.relative_to(base).as_posix()
        found[source] = Picture(source, source.as_uri(), name)
    return tuple(sorted(found.values(), key=lambda p: p.name))


def relink(markup: str, pictures: tuple[Picture, ...], prefix: str = "") -> str:
    """The composed HTML names pictures by their file URIs (the layout engine reads them there);
    an edition names them by where they are copied, relative to the page."""
    for picture in pictures:
        markup = markup.replace(f'src="{html.escape(picture.uri)}"', f'src="{prefix}{html.escape(picture.name)}"')
    return markup
