"""Split a section or snippet file into its front matter fields and its Markdown body."""

from __future__ import annotations

from pathlib import Path

from booklet.model import SourceText
from booklet.problems import Problems
from booklet.sources.yamlnodes import Fields, parse

SECTION_KEYS = ("title", "short_title")


def read_markdown_file(path: Path, problems: Problems, *, title_required: bool) -> SourceText | None:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        problems.error(path, 1, f"this file is not saved as UTF-8 text (byte {exc.start}); save it as UTF-8")
        return None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    lines = text.split("\n")
    title = short_title = None
    body_start = 0
    if lines and lines[0].strip() == "---":
        try:
            end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
        except StopIteration:
            problems.error(path, 1, "the front matter opened with '---' is never closed: add a line '---' after it")
            return None
        node = parse("\n".join(lines[1:end]), path, problems, first_line=2)
        fields = Fields(node, path, problems, where="the front matter", first_line=2, line=1)
        title = fields.text("title")
        short_title = fields.text("short_title")
        fields.finish(SECTION_KEYS)
        body_start = end + 1
    if title is None and title_required:
        problems.error(path, 1, "this section has no title: start the file with\n"
                       "---\ntitle: The section's title\n---")
    body_lines = lines[body_start:]
    for offset, line in enumerate(body_lines):
        if line.startswith("# "):
            problems.error(path, body_start + offset + 1,
                           "headings inside a section start at '##' (the section title is the '#' heading)")
    return SourceText(path=path, title=title, short_title=short_title,
                      body="\n".join(body_lines), body_line=body_start + 1)
