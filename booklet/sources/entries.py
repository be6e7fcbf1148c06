"""Read the list entries of a booklet.yml: its sections (files or shared snippets) and related booklets."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import yaml

from booklet.model import Related, Section, SourceText
from booklet.problems import Problems
from booklet.sources.keys import RELATED, SECTION_ENTRY
from booklet.sources.safe import Refusal, refusal
from booklet.sources.sections import read_markdown_file
from booklet.sources.yamlnodes import Fields, line_of, written

HEADING = re.compile(r"#{1,6}[ \t]+(?P<text>.+?)[ \t#]*")


def read_sections(f: Fields, numbered: bool, folder: Path, root: Path, problems: Problems,
                  snippets: dict[str, SourceText]) -> list[Section] | None:
    sections, seen = [], {}
    for item in f.sequence("sections") or ():
        line = line_of(item)
        source = _section_source(item, folder, root, f.path, problems, snippets, line)
        if source is None:
            continue
        key, text, anchor = source
        if key in seen:
            problems.error(f.path, line, f"'{key}' is listed twice in 'sections' (first at line {seen[key]}); "
                           "list each section once")
            continue
        seen[key] = line
        sections.append(Section(path=text.path, title=text.title, short_title=text.short_title or text.title,
                                body=text.body, body_line=text.body_line, title_line=text.title_line,
                                language=text.language, number=len(sections) + 1 if numbered else None, anchor=anchor))
    if f.node("sections") is not None and not sections and not problems.errors:
        f.error(f.node("sections"), "'sections' should list at least one section file")
    return sections


def _section_source(item, folder: Path, root: Path, path: Path, problems: Problems, snippets, line: int):
    """One entry of `sections`: a file name, or a mapping naming a shared snippet."""
    if isinstance(item, yaml.ScalarNode):
        name = written(item) or ""
        target = folder / name
        reason = refusal(target, root)
        if reason is None and not target.resolve().is_relative_to(folder.resolve()):
            reason = f"is not inside {folder.name}/"
        if not name.endswith(".md"):
            problems.error(path, line, f"section '{name}' should be a Markdown file ending .md")
        elif reason is Refusal.MISSING:
            problems.error(path, line, f"there is no section file '{name}' in {folder.name}/" + _suggest(name, folder))
        elif reason is not None:
            problems.error(path, line, f"section '{name}' {reason}".replace("\0", "\\0"))
        else:
            text = read_markdown_file(target, root, problems, title_required=True, named_in=path, line=line)
            if text is not None and text.title is not None:
                return name, text, _anchor(Path(name).stem)
        return None
    s = Fields(item, path, problems, SECTION_ENTRY)
    snippet_id, title = s.text("snippet"), s.text("title")
    if snippet_id is None:
        return None
    if snippet_id not in snippets:
        problems.error(path, line, f"there is no shared snippet '{snippet_id}'"
                       f" (looked for _shared/snippets/{snippet_id}.md)", "unknown-snippet")
        return None
    text = snippet_as_section(snippets[snippet_id], snippet_id, title)
    return f"snippet:{snippet_id}", text, _anchor(f"snippet-{snippet_id}")


def snippet_as_section(text: SourceText, snippet_id: str, title: str | None) -> SourceText:
    """A snippet placed as a section takes the title given here, else its front matter's, else its first
    heading (which then leaves the body, so it is not printed twice), else its id in words."""
    if title or text.title:
        return SourceText(text.path, title or text.title, text.short_title, text.body, text.body_line,
                          text.title_line, text.language)
    lines = text.body.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    heading = HEADING.fullmatch(lines[first].strip()) if first is not None else None
    if heading:
        body = "\n".join([""] * (first + 1) + lines[first + 1:])   # blank lines keep the line numbers
        return SourceText(text.path, heading["text"], text.short_title, body, text.body_line,
                          language=text.language)
    words = snippet_id.replace("-", " ").replace("_", " ").strip()
    return SourceText(text.path, words[:1].upper() + words[1:], text.short_title, text.body, text.body_line,
                      language=text.language)


def read_related(f: Fields, root: Path, problems: Problems, reads: set[Path]) -> list[Related]:
    related = []
    for item in f.sequence("related") or ():
        r = Fields(item, f.path, problems, RELATED)
        slug, title, url = r.text("slug"), r.text("title"), r.url("url")
        if slug is None and title is None:
            problems.error(f.path, r.line, "a related entry needs 'slug:' (one of our booklets) or 'title:'")
        elif slug is not None and refusal(root / slug / "booklet.yml", root) is not None:
            problems.error(f.path, r.line_for("slug"), f"there is no booklet '{slug}' in the sources"
                           f" (no {slug}/booklet.yml); use 'title:' and 'url:' for one published elsewhere",
                           "unknown-booklet")
        else:
            if slug is not None:
                reads.add(root / slug / "booklet.yml")
            related.append(Related(title=title or slug, url=url, slug=slug))
    return related


def _anchor(stem: str) -> str:
    return "s-" + re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")


def _suggest(name: str, folder: Path) -> str:
    found = difflib.get_close_matches(name, [p.name for p in folder.glob("*.md")], n=1)
    return f"; did you mean '{found[0]}'?" if found else ""
