"""Read a booklet's `booklet.yml` and its sections into a Manifest, checking every field."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from booklet.compose.strings import supported_language
from booklet.model import Manifest, PartialDate, Related, Review, Reviewer, Section
from booklet.problems import Problems
from booklet.model import SourceText
from booklet.sources.printing import read_print_settings
from booklet.sources.sections import read_markdown_file
from booklet.sources.yamlnodes import Fields, line_of, parse, scalar

MANIFEST_KEYS = ("title", "subtitle", "language", "reference", "status", "published", "based_on",
                 "review", "evidence", "contacts", "online", "numbered", "sections", "related", "variants", "print",
                 "checks", "target_grade")
CHECK_KEYS = ("checks", "target_grade")   # read and validated by booklet check (booklet/check/settings.py)
REVIEW_YEARS = 3


def read_manifest(folder: Path, problems: Problems, *, contacts: dict, snippets: dict[str, SourceText],
                  variants: tuple[str, ...]) -> tuple[Manifest | None, tuple[Section, ...]]:
    """The manifest, or None with its problems noted; and the sections that could be read either way,
    so that their Markdown is checked too and every problem is reported in one pass."""
    path = folder / "booklet.yml"
    node = parse(path.read_text(encoding="utf-8"), path, problems)
    if node is None:
        return None, ()
    f = Fields(node, path, problems, where="booklet.yml")
    start = len(problems.items)
    language = f.text("language", required=True)
    if language is not None and not supported_language(language):
        f.error(f.node("language"), f"'language: {language}' is not a language tag this tool has words for;"
                " use one like en-IE or en-GB")
    status = f.choice("status", ("draft", "approved"), required=True)
    manifest = dict(
        slug=folder.name, folder=folder, title=f.text("title", required=True), subtitle=f.text("subtitle"),
        language=language, reference=f.text("reference", required=True), status=status,
        published=_published(f), based_on=f.text("based_on"), review=_review(f, status, path, problems),
        evidence=f.text("evidence", required=True), contacts=_contacts(f, contacts),
        online=f.url("online"), numbered=(numbered := f.flag("numbered", False)),
        sections=_sections(f, numbered, folder, path, problems, snippets), related=_related(f, path, problems),
        variants=_variants(f, variants),
        printing=read_print_settings(f.node("print"), line=f.line_for("print"), folder=folder,
                                     root=folder.parent, path=path, problems=problems))
    for key in CHECK_KEYS:
        f.node(key)
    f.finish(MANIFEST_KEYS)
    optional = ("subtitle", "based_on", "online")
    if any(p.severity == "error" for p in problems.items[start:]) \
            or any(value is None for key, value in manifest.items() if key not in optional):
        return None, tuple(manifest["sections"] or ())
    return Manifest(**{**manifest, "contacts": tuple(manifest["contacts"]),
                       "sections": tuple(manifest["sections"]), "related": tuple(manifest["related"])}), ()


def _published(f: Fields) -> PartialDate | None:
    node = f.node("published", required=True)
    if node is None:
        return None
    value = scalar(node)
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    match = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", text.strip())
    try:
        if match:
            year, month, day = (int(g) if g else None for g in match.groups())
            dt.date(year, month, day or 1)
            return PartialDate(year, month, day)
    except ValueError:
        pass
    f.error(node, f"'published' should be a month (YYYY-MM, like 2026-11) or a date (YYYY-MM-DD), not '{text}'")
    return None


def _review(f: Fields, status: str | None, path: Path, problems: Problems) -> Review | None:
    node = f.node("review", required=True)
    if node is None:
        return None
    r = Fields(node, path, problems, where="review", line=f.line_for("review"))
    reviewed = r.date("reviewed", required=True)
    next_review = r.date("next")
    if reviewed is not None and next_review is None:
        next_review = _add_years(reviewed, REVIEW_YEARS)
    if reviewed and next_review and next_review <= reviewed:
        r.error(r.node("next"), f"the next review ({next_review}) must come after the last review ({reviewed})")
    reviewers = []
    for item in r.sequence("reviewers", required=True) or ():
        person = Fields(item, path, problems, where="a reviewer")
        role, name = person.text("role", required=True), person.text("name")
        if status == "approved" and name is None and role is not None:
            problems.error(path, person.line, f"the reviewer '{role}' needs a 'name:' because the booklet is"
                           " approved (or set 'status: draft' until the review is done)")
        person.finish(("role", "name"))
        reviewers.append(Reviewer(role=role, name=name))
    if r.node("reviewers") is not None and not reviewers:
        r.error(r.node("reviewers"), "'reviewers' should list at least one reviewer with a 'role:'")
    r.finish(("reviewed", "next", "reviewers"))
    if reviewed is None or not reviewers:
        return None
    return Review(reviewed=reviewed, next=next_review, reviewers=tuple(reviewers))


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _string_items(f: Fields, key: str) -> list[tuple[str, object]]:
    items = []
    for item in f.sequence(key) or ():
        value = scalar(item) if hasattr(item, "value") and isinstance(item.value, str) else None
        if not isinstance(value, str):
            f.error(item, f"each entry of '{key}' should be a name, like support-line")
            continue
        items.append((value, item))
    return items


def _contacts(f: Fields, known: dict) -> list[str]:
    ids = []
    for contact_id, item in _string_items(f, "contacts"):
        if contact_id not in known:
            f.error(item, f"there is no contact '{contact_id}' in _shared/organisation.yml"
                    + (f" (there is: {', '.join(known)})" if known else ""))
        ids.append(contact_id)
    return ids


def _variants(f: Fields, names: tuple[str, ...]) -> list[str]:
    if f.node("variants") is None:
        return list(names)
    chosen = []
    for name, item in _string_items(f, "variants"):
        if name not in names:
            f.error(item, f"there is no variant '{name}'; the variants are: {', '.join(names)}")
        elif name not in chosen:
            chosen.append(name)
    return chosen


def _related(f: Fields, path: Path, problems: Problems) -> list[Related]:
    related = []
    for item in f.sequence("related") or ():
        r = Fields(item, path, problems, where="a related entry")
        slug, title, url = r.text("slug"), r.text("title"), r.url("url")
        r.finish(("slug", "title", "url"))
        if slug is None and title is None:
            problems.error(path, r.line, "a related entry needs 'slug:' (one of our booklets) or 'title:'")
        elif slug is not None and not (path.parent.parent / slug / "booklet.yml").is_file():
            problems.error(path, r.line_for("slug"), f"there is no booklet '{slug}' in the sources"
                           f" (no {slug}/booklet.yml); use 'title:' and 'url:' for one published elsewhere")
        else:
            related.append(Related(title=title or slug, url=url, slug=slug))
    return related


def _sections(f: Fields, numbered: bool, folder: Path, path: Path, problems: Problems,
              snippets: dict[str, SourceText]) -> list[Section] | None:
    sections, seen = [], {}
    for item in f.sequence("sections", required=True) or ():
        line = line_of(item)
        source = _section_source(item, folder, path, problems, snippets, line)
        if source is None:
            continue
        key = source[0]
        if key in seen:
            problems.error(path, line, f"'{key}' is listed twice in 'sections' (first at line {seen[key]}); "
                           "list each section once")
            continue
        seen[key] = line
        text, anchor = source[1], source[2]
        sections.append(Section(path=text.path, title=text.title, short_title=text.short_title or text.title,
                                body=text.body, body_line=text.body_line,
                                number=len(sections) + 1 if numbered else None, anchor=anchor))
    if f.node("sections") is not None and not sections and not problems.errors:
        f.error(f.node("sections"), "'sections' should list at least one section file")
    return sections


def _section_source(item, folder, path, problems, snippets, line):
    """One entry of `sections`: a file name, or a mapping naming a shared snippet."""
    import yaml
    if isinstance(item, yaml.ScalarNode):
        name = str(scalar(item))
        target = (folder / name).resolve()
        if not name.endswith(".md"):
            problems.error(path, line, f"section '{name}' should be a Markdown file ending .md")
        elif not target.is_relative_to(folder.resolve()):
            problems.error(path, line, f"section '{name}' must be a file inside {folder.name}/")
        elif not target.is_file():
            problems.error(path, line, f"there is no section file '{name}' in {folder.name}/"
                           + _suggest(name, folder))
        else:
            text = read_markdown_file(target, problems, title_required=True)
            if text is not None and text.title is not None:
                return name, text, _anchor(Path(name).stem)
        return None
    s = Fields(item, path, problems, where="a section entry")
    snippet_id, title = s.text("snippet", required=True), s.text("title")
    s.finish(("snippet", "title"))
    if snippet_id is None:
        return None
    if snippet_id not in snippets:
        problems.error(path, line, f"there is no shared snippet '{snippet_id}'"
                       f" (looked for _shared/snippets/{snippet_id}.md)")
        return None
    text = snippets[snippet_id]
    title = title or text.title
    if title is None:
        problems.error(path, line, f"the snippet '{snippet_id}' is placed as a section, so it needs a title:"
                       " add 'title: ...' under '- snippet:' here, or a front matter title in the snippet")
        return None
    return f"snippet:{snippet_id}", SourceText(text.path, title, text.short_title, text.body, text.body_line), \
        _anchor(f"snippet-{snippet_id}")


def _anchor(stem: str) -> str:
    return "s-" + re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")


def _suggest(name: str, folder: Path) -> str:
    import difflib
    found = difflib.get_close_matches(name, [p.name for p in folder.glob("*.md")], n=1)
    return f"; did you mean '{found[0]}'?" if found else ""
