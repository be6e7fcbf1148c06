"""Read the files of a sources root one at a time: a section or snippet into front matter and body, a YAML file, the shared snippets."""

from __future__ import annotations

from pathlib import Path

from booklet.compose.strings import supported_language
from booklet.model import SourceText
from booklet.problems import Problems
from booklet.sources.keys import FRONT_MATTER
import yaml

from booklet.sources.safe import Refusal, read_text, refusal
from booklet.sources.yamlnodes import Fields, parse


def read_markdown_file(path: Path, root: Path, problems: Problems, *, title_required: bool,
                       named_in: Path | None = None, line: int = 1) -> SourceText | None:
    """The file's front matter and body, or None with its problems noted (at `named_in:line` when the
    file itself cannot be opened)."""
    text = read_text(path, root, problems, named_in=named_in, line=line)
    if text is None:
        return None
    lines = text.split("\n")
    title = short_title = language = None
    body_start, title_line = 0, 1
    if lines and lines[0].strip() == "---":
        try:
            end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
        except StopIteration:
            problems.error(path, 1, "the front matter opened with '---' is never closed: add a line '---' after it")
            return None
        node = parse("\n".join(lines[1:end]), path, problems, first_line=2)
        fields = Fields(node, path, problems, FRONT_MATTER, first_line=2, line=1)
        title = fields.text("title")
        short_title = fields.text("short_title")
        title_line = fields.line_for("title")
        language = fields.text("language")
        if language is not None and not supported_language(language):
            fields.error(fields.node("language"), f"'language: {language}' is not a language tag CLDR knows;"
                         " use one like cy, ga, en-IE or pl (a BCP 47 tag: language, then script or region)")
            language = None
        body_start = end + 1
    if title is None and title_required:
        problems.error(path, 1, "this section has no title: start the file with\n"
                       "---\ntitle: The section's title\n---")
    return SourceText(path=path, title=title, short_title=short_title,
                      body="\n".join(lines[body_start:]), body_line=body_start + 1, title_line=title_line,
                      language=language)


def read_yaml(path: Path, root: Path, problems: Problems) -> yaml.Node | None:
    text = read_text(path, root, problems)
    return None if text is None else parse(text, path, problems)


def read_snippets(root: Path, problems: Problems) -> dict[str, SourceText]:
    snippets = {}
    folder = root / "_shared" / "snippets"
    for path in sorted(folder.glob("*.md")) if refusal(folder, root) is Refusal.FOLDER else ():
        text = read_markdown_file(path, root, problems, title_required=False)
        if text is not None:
            snippets[path.stem] = text
    return snippets
