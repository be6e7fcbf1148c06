"""Make a reviewer's proof: compose the booklet, compare its passages with the last approved edition, mark them, and render it tagged on A4."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from booklet import STYLES
from booklet.approval.archive import (Record, archived_sums, current_sums, edition_files, latest_archive,
                                      read_record)
from booklet.approval.diff import Change, changes
from booklet.approval.passages import Passage, passages_of
from booklet.render.variants import VARIANTS

STYLESHEETS = ("fonts.css", "booklet.css", "download.css")
PAGE_MM = (210, 297)


@dataclass(frozen=True)
class Proof:
    """A proof as made: its PDF, and what it found changed (empty with no approved edition)."""

    pdf: bytes
    record: Record | None
    changes: tuple[Change, ...]
    files: tuple[str, ...]            # files that differ from the approved edition

    def summary(self) -> str:
        if self.record is None:
            return "no approved edition yet: nothing marked"
        n = len(self.changes)
        return f"{n} change{'s' * (n != 1)} since {self.record.reference}"


def write_proof(sources: Path, slug: str, output: Path) -> tuple[Path, str]:
    """Write OUTPUT/<slug>/<slug>-proof.pdf whole; returns its path and what it marks, in words.

    It is published as a build publishes (files.publish, with the booklet's cache record naming it
    as its "proof"), so the next build of the booklet keeps it in the folder it swaps in."""
    from booklet.approval.approve import booklet_folder
    from booklet.cache import BuildCache
    from booklet.publishing import write
    root = sources.resolve()
    folder = booklet_folder(root, slug)
    proof = make_proof(root, folder)
    target = output.resolve() / slug / f"{slug}-proof.pdf"
    cache = BuildCache(output.resolve())
    entry = cache.record("proof", "", {target.name: proof.pdf}, pages=0, warnings=[])
    write([(slug, [(target, proof.pdf)], entry)], cache)
    return target, proof.summary()


def make_proof(root: Path, folder: Path) -> Proof:
    from lxml import html as lxml_html
    from booklet.approval.marks import mark
    from booklet.approval.pages import changes_page, listed, signoff_page
    from booklet.compose.document import compose_html
    from booklet.sources.library import read_library
    library, _ = read_library(root, [folder], variants=tuple(VARIANTS))      # reader errors: ContentError
    manifest = library.booklets[folder.name]
    tree = lxml_html.document_fromstring(compose_html(manifest, library.organisation, variant="download"))
    new = passages_of(tree, manifest)
    archive = latest_archive(root, manifest.slug)
    record = read_record(archive) if archive is not None else None
    found: list[Change] = []
    files: list[str] = []
    old_where = None
    unreadable = False
    if archive is not None:
        then = archived_sums(archive)
        now = current_sums(root, edition_files(root, manifest))
        files = sorted(n for n in now.keys() | then.keys() if now.get(n) != then.get(n))
        old = _approved_passages(archive, manifest.slug)
        unreadable = old is None
        found = changes(old, new) if old is not None else []
        old_root = archive
        old_where = lambda p: _where(p, old_root / manifest.slug, old_root)     # noqa: E731
        if record is None:                    # an archive without its record (copied by hand): still compared
            record = Record(manifest.slug, archive.name, "an unknown date", (), then, {})
    where_new = lambda p: _where(p, folder, root)                        # noqa: E731
    mark(new, found, where_new, old_where or where_new)
    rows = listed(found, where_new, old_where or where_new)
    body = tree.body
    body.insert(0, lxml_html.fragment_fromstring(changes_page(manifest, record, rows, files, unreadable)))
    body.append(lxml_html.fragment_fromstring(signoff_page(manifest)))
    composed = lxml_html.tostring(tree, doctype="<!DOCTYPE html>", encoding="unicode")
    pdf = _render(composed, manifest, root)
    return Proof(pdf, record, tuple(found), tuple(files))


def _where(passage: Passage, folder: Path, root: Path) -> str:
    """The file as an editor names it: within the booklet's folder, else from the sources root."""
    base = folder if passage.path.is_relative_to(folder) else root
    return passage.where(base)


def _approved_passages(archive: Path, slug: str) -> list[Passage] | None:
    """The approved edition's passages, read from its archive as from a sources root; None when it
    cannot be read (a file lost from it, say)."""
    from lxml import html as lxml_html
    from booklet.compose.document import compose_html
    from booklet.sources.library import library_of
    from booklet.sources.reader import read_sources
    if not (archive / slug / "booklet.yml").is_file():
        return None
    library = library_of(read_sources(archive, [archive / slug], variants=tuple(VARIANTS)))
    manifest = library.booklets.get(slug) if library is not None else None
    if manifest is None:
        return None
    try:
        html = compose_html(manifest, library.organisation, variant="download")
    except Exception:                     # a contact gone from the archived organisation.yml, say
        return None
    return passages_of(lxml_html.document_fromstring(html), manifest)


def _render(html: str, manifest, root: Path) -> bytes:
    """Laid out with the download's stylesheets and the proof's, tagged, PROOF stamped on every page."""
    from booklet.render.finish import FinishContext, finish_accessible
    from booklet.render.pdf import finish_pdf, lay_out, render_draft_stamp, write_raw
    from booklet.theme.css import stamp_font_css, theme_css
    from booklet.theme.reader import load_theme
    theme = load_theme(root)
    extra = theme_css(theme) + "\n" + (STYLES / "proof.css").read_text(encoding="utf-8")
    rendered = lay_out(html, stylesheets=STYLESHEETS, extra_css=extra, pdf_variant="pdf/ua-1",
                       base=manifest.folder, roots=(root, STYLES), styles=STYLES)
    raw = write_raw(rendered, pdf_variant="pdf/ua-1")
    stamp = render_draft_stamp("PROOF", language="en", size_mm=PAGE_MM, styles=STYLES,
                               font_css=stamp_font_css(theme), roots=(root,))
    context = FinishContext(title=f"Proof: {manifest.title}", language=manifest.language, draft_stamp=stamp)
    return finish_pdf(raw, finish=finish_accessible, context=context)



