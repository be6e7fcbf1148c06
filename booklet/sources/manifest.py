"""Read a booklet's parsed `booklet.yml` and its sections into a Manifest, checking every declared key."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from booklet.compose.strings import supported_language
from booklet.model import Manifest, PartialDate, Review, Reviewer, Section, SourceText
from booklet.problems import Problems
from booklet.sources.entries import read_related, read_sections
from booklet.sources.keys import BOOKLET, REVIEW, REVIEWER
from booklet.sources.printing import read_print_settings
from booklet.sources.safe import refusal
from booklet.sources.strings import booklet_words
from booklet.sources.yamlnodes import YEARS, Fields, is_empty, written

REVIEW_YEARS = 3
OPTIONAL = ("subtitle", "based_on", "online", "translation_of")


def read_manifest(node, folder: Path, root: Path, problems: Problems, *, contacts: dict,
                  snippets: dict[str, SourceText], variants: tuple[str, ...], reads: set[Path],
                  catalogues: dict | None = None) -> tuple[Manifest | None, tuple[Section, ...]]:
    """The manifest, or None with its problems noted; and the sections that could be read either way,
    so that their Markdown is checked too and every problem is reported in one pass."""
    path = folder / "booklet.yml"
    if is_empty(node):
        problems.error(path, 1, "booklet.yml is empty: give at least title, language, reference, status,"
                       " published, review, evidence and sections (see docs/keys.md)")
        return None, ()
    f = Fields(node, path, problems, BOOKLET)
    start = len(problems.items)
    language = f.text("language")
    words: dict = {}
    if language is not None and not supported_language(language):
        f.error(f.node("language"), f"'language: {language}' is not a language tag CLDR knows;"
                " use one like en-IE, ga, cy or pl (a BCP 47 tag: language, then script or region)")
    elif language is not None:
        words, wrong = booklet_words(language, catalogues or {})
        if wrong:
            f.error(f.node("language"), wrong)
    translation_of = _translation_of(f, folder, root)
    status = f.choice("status")
    numbered = f.flag("numbered")
    manifest = dict(
        slug=folder.name, folder=folder, title=f.text("title"), subtitle=f.text("subtitle"),
        language=language, reference=f.text("reference"), status=status,
        published=_published(f), based_on=f.text("based_on"), review=_review(f, status, path, problems),
        evidence=f.text("evidence"), contacts=_contacts(f, contacts),
        online=f.url("online"), numbered=numbered, translation_of=translation_of,
        sections=read_sections(f, numbered, folder, root, problems, snippets),
        related=read_related(f, root, problems, reads), variants=_variants(f, variants),
        printing=read_print_settings(f.node("print"), line=f.line_for("print"), folder=folder,
                                     root=root, path=path, problems=problems, reads=reads))
    if any(p.severity == "error" for p in problems.items[start:]) \
            or any(value is None for key, value in manifest.items() if key not in OPTIONAL):
        return None, tuple(manifest["sections"] or ())
    return Manifest(**{**manifest, "contacts": tuple(manifest["contacts"]),
                       "sections": tuple(manifest["sections"]), "related": tuple(manifest["related"]),
                       "words": words}), ()


def _translation_of(f: Fields, folder: Path, root: Path) -> str | None:
    """The booklet this one translates: another booklet of the same sources root."""
    slug = f.text("translation_of")
    if slug is None:
        return None
    if slug == folder.name:
        f.error(f.node("translation_of"), f"'translation_of: {slug}' names this booklet itself: give the slug"
                " of the booklet it translates", "unknown-booklet")
    elif "/" in slug or "\\" in slug or slug.startswith(".") or refusal(root / slug / "booklet.yml", root) is not None:
        f.error(f.node("translation_of"), f"there is no booklet '{slug}' in the sources (no {slug}/booklet.yml)"
                " for this one to translate", "unknown-booklet")
    else:
        return slug
    return None


def _published(f: Fields) -> PartialDate | None:
    node = f.node("published")
    if node is None:
        return None
    text = written(node) or ""
    match = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", text)
    if match:
        year, month, day = (int(g) if g else None for g in match.groups())
        try:
            dt.date(year, month, day or 1)
            if year in YEARS:
                return PartialDate(year, month, day)
        except ValueError:
            pass
    f.error(node, f"'published' should be a month (YYYY-MM, like 2026-11) or a date (YYYY-MM-DD) between"
            f" {YEARS.start} and {YEARS.stop - 1}, not '{text}'")
    return None


def _review(f: Fields, status: str | None, path: Path, problems: Problems) -> Review | None:
    node = f.node("review")
    if node is None:
        return None
    r = Fields(node, path, problems, REVIEW, line=f.line_for("review"))
    reviewed = r.date("reviewed")
    next_review = r.date("next")
    if reviewed is not None and next_review is None:
        next_review = _add_years(reviewed, REVIEW_YEARS)
    if reviewed and next_review and next_review <= reviewed:
        r.error(r.node("next"), f"the next review ({next_review}) must come after the last review ({reviewed})",
                "review-order")
    reviewers = []
    for item in r.sequence("reviewers") or ():
        person = Fields(item, path, problems, REVIEWER)
        role, name = person.text("role"), person.text("name")
        if status == "approved" and name is None and role is not None:
            problems.error(path, person.line, f"the reviewer '{role}' needs a 'name:' because the booklet is"
                           " approved (or set 'status: draft' until the review is done)", "reviewer")
        reviewers.append(Reviewer(role=role, name=name))
    if r.node("reviewers") is not None and not reviewers:
        r.error(r.node("reviewers"), "'reviewers' should list at least one reviewer with a 'role:'", "reviewer")
    if reviewed is None or not reviewers:
        return None
    return Review(reviewed=reviewed, next=next_review, reviewers=tuple(reviewers))


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _names(f: Fields, name: str) -> list[tuple[str, object]]:
    items = []
    for item in f.sequence(name) or ():
        value = written(item)
        if value is None:
            f.error(item, f"each entry of '{name}' should be a name, like support-line")
            continue
        items.append((value, item))
    return items


def _contacts(f: Fields, known: dict) -> list[str]:
    ids = []
    for contact_id, item in _names(f, "contacts"):
        if contact_id not in known:
            f.error(item, f"there is no contact '{contact_id}' in _shared/organisation.yml"
                    + (f" (there is: {', '.join(known)})" if known else ""), "unknown-contact")
        ids.append(contact_id)
    return ids


def _variants(f: Fields, names: tuple[str, ...]) -> list[str]:
    if f.node("variants") is None:
        return list(names)
    chosen = []
    for name, item in _names(f, "variants"):
        if name not in names:
            f.error(item, f"there is no variant '{name}'; the variants are: {', '.join(names)}")
        elif name not in chosen:
            chosen.append(name)
    return chosen
