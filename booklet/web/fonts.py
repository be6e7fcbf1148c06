"""Subset the edition's fonts to the characters its page uses and write them as WOFF."""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path

from booklet.theme.model import Theme
from booklet.theme.scripts import family_list

# Subsets kept between builds (about 20 KB each): enough for every font of a large library, twice over.
KEPT_SUBSETS = 400


@dataclass(frozen=True)
class Face:
    """One font file of the page: its family, weight and style, and the name it is written under."""

    family: str
    source: Path
    weight: int
    style: str = "normal"
    ranges: tuple[tuple[int, int], ...] | None = None     # a script font's unicode-range (fonts.css)

    @property
    def name(self) -> str:
        return f"fonts/{self.source.stem}.woff"


def faces(theme: Theme, styles: Path, language: str = "") -> tuple[Face, ...]:
    """The publisher's font when the theme gives one, then the shipped faces of fonts.css (the house
    font, each script's, the fallback) in the order the language wants them, as the PDFs have them."""
    from booklet.markdown.glyphs import font_faces
    found = []
    if theme.font is not None:
        found += [Face(theme.font.family, theme.font.regular, 400), Face(theme.font.family, theme.font.bold, 700)]
        if theme.font.italic is not None:
            found.append(Face(theme.font.family, theme.font.italic, 400, "italic"))
    order = [name.strip('"') for name in family_list(language).split(", ")]
    shipped = [f for f in font_faces(styles / "fonts.css") if f.family in order]
    for face in sorted(shipped, key=lambda f: order.index(f.family)):
        found.append(Face(face.family, face.path, face.weight, ranges=face.ranges))
    return tuple(found)


def family_stack(theme: Theme, language: str = "") -> str:
    own = (theme.font.family,) if theme.font is not None else ()
    return family_list(language, first=own, last=("sans-serif",))


def subsets(found: tuple[Face, ...], text: str, store: Path | None = None) -> list[tuple[Face, bytes]]:
    """Each face cut down to the characters of `text` that no face before it (of its weight and
    style) has, as WOFF; a face with nothing left to draw is left out, so the page never loads it.
    `store`: a folder keeping each subset by its font and characters, so that an edit that brings
    no new character (most edits) cuts no font again."""
    from fontTools.ttLib import TTFont
    wanted = {ord(c) for c in text if not c.isspace()}
    covered: dict[tuple[int, str], set[int]] = {}
    made = []
    for face in found:
        data = face.source.read_bytes()
        font = TTFont(io.BytesIO(data), recalcTimestamp=False)
        done = covered.setdefault((face.weight, face.style), set())
        mine = {c for c in (wanted - done) & set(font.getBestCmap())
                if face.ranges is None or any(a <= c <= b for a, b in face.ranges)}
        if mine:
            done |= mine
            made.append((face, _kept(store, data, mine | {0x20}, lambda: _subset(font, mine | {0x20}))))
    return made


def _kept(store: Path | None, font: bytes, unicodes: set[int], make) -> bytes:
    """The subset from the store when it holds it (its name is the digest of what it is made from)."""
    if store is None:
        return make()
    import hashlib
    from fontTools import version
    key = hashlib.sha256(font + repr((sorted(unicodes), version, "woff")).encode()).hexdigest()
    kept = store / f"{key}.woff"
    try:
        data = kept.read_bytes()
        if data[:4] == b"wOFF":
            os.utime(kept)                    # used now: the last to go when the store is pruned
            return data
    except OSError:
        pass
    data = make()
    try:
        from booklet.files import write_atomically
        store.mkdir(parents=True, exist_ok=True)
        write_atomically(kept, data)
        _prune(store)
    except OSError:
        pass                 # only a shortcut for the next build
    return data


def _prune(store: Path, keep: int = KEPT_SUBSETS) -> None:
    """Remove the subsets used longest ago beyond the newest `keep`: every edit that brings a new
    character adds one, so without this the store only grows."""
    found = sorted(store.glob("*.woff"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in found[keep:]:
        old.unlink(missing_ok=True)


def _subset(font, unicodes: set[int]) -> bytes:
    """The same font and characters give the same bytes (no timestamps)."""
    import logging
    from fontTools import subset
    logging.getLogger("fontTools").setLevel(logging.ERROR)   # "FFTM not subset": a table nobody needs
    options = subset.Options()
    # WOFF (zlib), not WOFF2: Brotli at its only quality here costs 0.2 s a font, a fifth of a web
    # build, for 2.5 KB less a font; every browser that reads WOFF2 reads WOFF.
    options.flavor = "woff"
    options.layout_features = ["*"]         # kerning and ligatures as in print
    options.name_IDs = ["*"]                 # keep the copyright and licence records
    options.name_languages = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(unicodes))
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff"
    font.save(out, reorderTables=False)
    return out.getvalue()


def face_css(face: Face) -> str:
    return (f'@font-face {{ font-family: "{face.family}"; src: url("{face.name}") format("woff");'
            f" font-weight: {face.weight}; font-style: {face.style}; font-display: swap; }}")
