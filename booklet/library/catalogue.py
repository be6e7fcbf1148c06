"""Turn the library's manifests and built PDFs into the catalogue: index.html, catalogue.json and cover thumbnails."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from booklet import STYLES
from booklet.cache import BuildCache, booklet_inputs, key_of
from booklet.files import write_atomically
from booklet.library.listing import Entry, FileFacts, cover_alt, human_size
from booklet.library.page import render_page
from booklet.library.palette import Palette, palette_for
from booklet.library.register import review_rows
from booklet.library.shelf import Shelf
from booklet.library.thumbnails import Thumbnail, cover_thumbnail, page_count
from booklet.model import Manifest
from booklet.problems import Problem
from booklet.render.variants import VARIANTS

VARIANT_LABELS = {      # what a reader needs to choose a file, in the order listed; the size and pages are added
    "web": ("Read on the web", "web page"),
    "download": ("Download", "PDF, A5"),
    "large-print": ("Large print", "PDF, A4"),
    "handout": ("Handout to print and fold", "PDF, A4 landscape, print double-sided"),
    "print": ("Print-shop file", "PDF/X, A5 with bleed and crop marks"),
    "epub": ("EPUB", "EPUB 3, for e-readers"),
}
MEDIA_TYPES = {".pdf": "application/pdf", ".html": "text/html", ".epub": "application/epub+zip"}
LISTED_ORDER = tuple(VARIANT_LABELS)


@dataclass(frozen=True)
class Outcome:
    written: tuple[Path, ...]       # files whose bytes changed
    entries: int
    problems: tuple[Problem, ...]   # warnings (a PDF older than its sources)
    drafts_left_out: int = 0


class NotBuilt(Exception):
    """Some booklet's PDFs are missing: the catalogue would link to nothing."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(p.format() for p in problems))
        self.problems = tuple(problems)


def make_catalogue(shelf: Shelf, output: Path, *, drafts: bool = False, today: dt.date | None = None,
                   palette: Palette | None = None, command: str = "booklet build sources/{slug}") -> Outcome:
    """Write index.html, catalogue.json and one cover PNG a booklet into `output`, only where bytes change.

    `today` dates the register shown with --drafts; the public page shows no date of making, so
    the same PDFs give the same page. `command` is how to build one booklet, shown when a PDF is missing."""
    palette = palette or palette_for(shelf.root)
    from booklet.translate.staleness import beside_sources
    chosen = beside_sources(sorted((m for m in shelf.manifests if drafts or not m.draft),
                                   key=lambda m: (m.title.casefold(), m.slug)))
    missing, stale, memo = [], [], {}
    for manifest in chosen:
        for variant in manifest.variants:
            pdf = output / manifest.slug / VARIANTS[variant].file_name(manifest.slug)
            if not pdf.is_file():
                missing.append(Problem(pdf, 0, f"'{manifest.title}' has no {variant} {_kind(pdf)} yet: run"
                                       f" `{command.format(slug=manifest.slug)}` first"))
            elif not _fresh(shelf.root, output, manifest, variant, memo):
                stale.append(Problem(pdf, 0, f"this {variant} {_kind(pdf)} was made from other sources (or by another"
                                     " version of booklet); the catalogue lists it as it is (run"
                                     f" `{command.format(slug=manifest.slug)}` to update it)", "warning"))
        if "download" not in manifest.variants:
            missing.append(Problem(manifest.folder / "booklet.yml", 0, "the catalogue's cover picture is made from"
                                   " the download PDF: add download to 'variants:'"))
    if missing:
        raise NotBuilt(missing)

    previous = _previous_thumbnails(output / "catalogue.json")
    entries = tuple(_entry(output, m, previous) for m in chosen)
    from booklet.approval.records import signed_editions
    approvals = signed_editions(shelf.root, chosen)
    register = review_rows(tuple(chosen), today=today or dt.date.today(), approvals=approvals) if drafts else ()
    files = {output / e.thumbnail_href: e.thumbnail.png for e in entries}
    files.update({output / name: path.read_bytes() for name, path in palette.font_files().items()})
    files[output / "catalogue.json"] = catalogue_json(shelf, entries, drafts, approvals)
    files[output / "index.html"] = render_page(shelf.organisation, entries, register=register, drafts=drafts,
                                               palette=palette, approvals=approvals).encode("utf-8")
    written = []
    for path, data in files.items():
        if not path.is_file() or path.read_bytes() != data:
            write_atomically(path, data)
            written.append(path)
    left_out = 0 if drafts else sum(m.draft for m in shelf.manifests)
    return Outcome(tuple(written), len(entries), tuple(stale), left_out)


def _kind(path: Path) -> str:
    return {".pdf": "PDF", ".epub": "EPUB"}.get(path.suffix, "web page")


def _fresh(root: Path, output: Path, manifest: Manifest, variant: str, memo: dict) -> bool:
    """The build cache's own test: the PDF was made from the sources (and tool) as they are now."""
    key = key_of(booklet_inputs(manifest.folder, root, STYLES, variant, manifest.reads), memo, root)
    return BuildCache(output).fresh_entry(manifest.slug, variant, key, output / manifest.slug) is not None


def _entry(output: Path, manifest: Manifest, previous: dict[str, dict]) -> Entry:
    facts = []
    for variant in sorted(manifest.variants, key=lambda v: (LISTED_ORDER.index(v) if v in LISTED_ORDER else 99, v)):
        name = VARIANTS[variant].file_name(manifest.slug)
        data = (output / manifest.slug / name).read_bytes()
        label, paper = VARIANT_LABELS.get(variant, (variant.capitalize(), "PDF"))
        details = [paper] if VARIANTS[variant].edition else [paper, human_size(len(data))]
        pages = 0
        if name.endswith(".pdf"):
            pages = page_count(output / manifest.slug / name)
            details.append(f"{pages} page{'s' * (pages != 1)}")
        if variant == "handout":          # two pages a sheet, printed on both sides
            details[-1] += f", {(pages + 1) // 2} sheet{'s' * (pages > 2)}"
        if variant == "epub":
            details.append(human_size(len(data)))
        facts.append(FileFacts(variant, f"{manifest.slug}/{name}", label, ", ".join(details),
                               len(data), pages, hashlib.sha256(data).hexdigest(), MEDIA_TYPES[Path(name).suffix]))
    download = next(f for f in facts if f.variant == "download")
    href = f"{manifest.slug}/{manifest.slug}-cover.png"
    thumbnail = _reuse(output / href, previous.get(manifest.slug), download.sha256) \
        or cover_thumbnail(output / download.href)
    return Entry(manifest, tuple(facts), href, thumbnail, download.sha256)


def _previous_thumbnails(path: Path) -> dict[str, dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {b["slug"]: b["thumbnail"] for b in data["booklets"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _reuse(png: Path, recorded: dict | None, source: str) -> Thumbnail | None:
    """Rendering is the slow part: keep the last cover if it came from the same download PDF, untouched."""
    if not recorded or recorded.get("made_from") != source or not png.is_file():
        return None
    data = png.read_bytes()
    if hashlib.sha256(data).hexdigest() != recorded.get("sha256"):
        return None
    return Thumbnail(data, int(recorded["width"]), int(recorded["height"]))


def _translation(manifest: Manifest) -> dict:
    """A translation names its source and whether it is in step with it."""
    if manifest.translation_of is None:
        return {}
    from booklet.translate.staleness import out_of_step
    stale = out_of_step(manifest.folder, manifest.folder.parent)
    return {"translation_of": manifest.translation_of, "in_step": not stale, "passages_out_of_step": len(stale)}


def catalogue_json(shelf: Shelf, entries: tuple[Entry, ...], drafts: bool, approvals: dict | None = None) -> bytes:
    """The page's facts for a website's content system, plus each file's size, pages and sha256."""
    org = shelf.organisation
    document = {
        "publisher": {"name": org.name, "website": org.website},
        "drafts_included": drafts,
        "booklets": [{
            "slug": e.manifest.slug, "title": e.manifest.title, "subtitle": e.manifest.subtitle,
            "publisher": org.name, "reference": e.manifest.reference, "status": e.manifest.status,
            "language": e.manifest.language, "published": e.manifest.published.iso(),
            "last_reviewed": e.manifest.review.reviewed.isoformat(),
            "next_review": e.manifest.review.next.isoformat(), "online": e.manifest.online,
            "approval": approvals[e.manifest.slug].as_dict() if e.manifest.slug in (approvals or {}) else None,
            **_translation(e.manifest),
            "thumbnail": {"href": e.thumbnail_href, "width": e.thumbnail.width, "height": e.thumbnail.height,
                          "alt": cover_alt(e.manifest), "sha256": hashlib.sha256(e.thumbnail.png).hexdigest(),
                          "made_from": e.thumbnail_source},
            "files": [{"variant": f.variant, "href": f.href, "label": f.label, "details": f.details,
                       "media_type": "application/pdf", "size": f.size, "pages": f.pages, "sha256": f.sha256}
                      for f in e.files],
        } for e in entries],
    }
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
