"""Write a booklet's web edition: index.html, its stylesheet, font subsets and pictures, as one folder."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from booklet.compose.strings import counted, strings_for
from booklet.library.listing import human_size
from booklet.model import Manifest, Organisation
from booklet.theme.css import properties
from booklet.theme.model import Theme
from booklet.web.fonts import face_css, faces, family_stack, subsets
from booklet.web.page import Download, RelatedLink, compose_web
from booklet.web.pictures import pictures_of, relink

STYLESHEET = "assets/booklet.css"
KINDS = {".pdf": ("PDF", "application/pdf"), ".epub": ("EPUB", "application/epub+zip")}


@dataclass(frozen=True)
class Linked:
    """A file of another variant the page offers: its name in the folder, variant, size and pages."""

    name: str
    variant: str
    size: int
    pages: int = 0


def make_web(manifest: Manifest, organisation: Organisation, *, root: Path, styles: Path, theme: Theme,
             linked: tuple[Linked, ...] = (), web_slugs: frozenset[str] = frozenset(),
             store: Path | None = None) -> dict[str, bytes]:
    """Every file of the edition by its path in the booklet's output folder. `web_slugs`: the booklets
    of the library that have a web edition, which related booklets link to beside this one."""
    words = strings_for(manifest.language, manifest.words)
    pictures = pictures_of(manifest, organisation, root)
    logo = next((p.name for p in pictures if organisation.logo and p.source == organisation.logo.resolve()), None)
    page = compose_web(manifest, organisation, downloads=tuple(_download(f, words, manifest.language) for f in linked),
                       logo=logo, related=tuple(_related(r, web_slugs) for r in manifest.related),
                       stylesheet=STYLESHEET)
    page = relink(page, pictures)
    files = {"index.html": page.encode()}
    fonts = subsets(faces(theme, styles, manifest.language), _visible_text(page), store)
    css = [face_css(face).replace('url("fonts/', 'url("') for face, _ in fonts]
    colours = "".join(f"\n  {p.role.prop}: {p.value};" for p in properties(theme))
    css.append(":root {" + colours + f"\n  --family: {family_stack(theme, manifest.language)};\n}}")
    css.append((styles / "web.css").read_text())
    files[STYLESHEET] = ("\n".join(css) + "\n").encode()
    for face, data in fonts:
        files[f"assets/{face.name.removeprefix('fonts/')}"] = data
    for picture in pictures:
        files[picture.name] = picture.source.read_bytes()
    return dict(sorted(files.items()))


def _visible_text(page: str) -> str:
    """The characters a reader can see, for the font subsets (markup and entities decoded)."""
    body = page.split("<body", 1)[-1]
    return html.unescape(re.sub(r"<[^>]*>", " ", body)) + "0123456789"


def _download(file: Linked, words: Mapping[str, object], language: str) -> Download:
    kind, media_type = KINDS[Path(file.name).suffix]
    facts = [kind]
    if file.pages:
        facts.append(counted(words, "pages", file.pages, language))
    facts.append(human_size(file.size))
    label = str(words[f"file_{file.variant.replace('-', '_')}"])
    return Download(file.name, label, ", ".join(facts), media_type)


def _related(item, web_slugs: frozenset[str]) -> RelatedLink:
    """A booklet of the same library links to its web edition beside this one; others to their address."""
    if item.slug and item.slug in web_slugs:
        return RelatedLink(item.title, f"../{item.slug}/index.html")
    return RelatedLink(item.title, item.url)
