"""Describe one booklet as the catalogue lists it: its files' facts, its cover picture and that picture's text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from booklet.library.thumbnails import Thumbnail
    from booklet.model import Manifest


@dataclass(frozen=True)
class FileFacts:
    variant: str
    href: str                 # relative to index.html
    label: str                # "Download"
    details: str              # "PDF, A5, 78 KB, 28 pages"
    size: int
    pages: int
    sha256: str
    media_type: str = "application/pdf"


def human_size(size: int) -> str:
    """A file's size as a reader weighs a download: 312 KB, 1.4 MB."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


@dataclass(frozen=True)
class Entry:
    manifest: Manifest
    files: tuple[FileFacts, ...]
    thumbnail_href: str
    thumbnail: Thumbnail
    thumbnail_source: str     # sha256 of the download PDF the thumbnail was rendered from


def cover_alt(manifest: Manifest) -> str:
    return f"Cover of the booklet {manifest.title}"
