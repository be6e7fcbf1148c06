"""Sources saved with LF, CRLF or old-Mac CR line endings (or a mix) read the same, with the same line numbers."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from booklet.problems import ContentError, Problems
from booklet.render.variants import VARIANTS
from booklet.sources.folders import booklet_folders
from booklet.sources.library import read_library
from booklet.sources.safe import line_at
from booklet.theme.reader import read_theme
from tests.conftest import MANIFEST, ORGANISATION, SECTION_ONE, SECTION_TWO

ENDINGS = {"lf": "\n", "crlf": "\r\n", "cr": "\r", "mixed": None}
THEME = 'colours:\n  brand: "#0b5563"\nfont:\n  family: Lato\n'     # 'font' misses its files: line 3
MISTAKES = {"demo/one.md": SECTION_ONE + "\n::: nonsense\n",
            "demo/booklet.yml": MANIFEST.replace("numbered: true", "numberd: true")}


def saved(text: str, ending: str) -> bytes:
    """The text as an editor's program would save it; mixed: each line ends differently (never a CR
    then an empty line's LF, which is one CRLF ending)."""
    lines = textwrap.dedent(text).split("\n")
    if ENDINGS[ending] is not None:
        return ENDINGS[ending].join(lines).encode("utf-8")
    cycle = ("\r\n", "\n", "\r")
    return "".join(line + (cycle[n % 3] if n < len(lines) - 1 else "") for n, line in enumerate(lines)).encode()


def tree(root: Path, ending: str, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(saved(text, ending))
    return root


def sources(tmp_path: Path, ending: str, **changed: str) -> Path:
    manifest = MANIFEST.replace("  - two.md", "  - two.md\n  - snippet: words")
    files = {"_shared/organisation.yml": ORGANISATION, "demo/booklet.yml": manifest, "demo/one.md": SECTION_ONE,
             "demo/two.md": SECTION_TWO, "_shared/snippets/words.md": "## Words we use\n\nWe say partner.\n",
             **changed}
    return tree(tmp_path / ending, ending, files)


def read(root: Path):
    library, warnings = read_library(root, booklet_folders(root), variants=tuple(VARIANTS))
    demo = library.booklets["demo"]
    return ([(s.title, s.html) for s in demo.sections], demo.title, demo.numbered, library.organisation.name,
            [w.format(root) for w in warnings])


def problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        read_library(root, booklet_folders(root), variants=tuple(VARIANTS))
    return [p.format(root) for p in caught.value.problems]


@pytest.mark.parametrize("ending", ["crlf", "cr", "mixed"])
def test_every_line_ending_reads_as_lf_does(tmp_path, ending):
    expected = read(sources(tmp_path, "lf"))
    assert expected[0][0][0] == "The first section" and expected[0][2][0] == "Words we use"
    assert read(sources(tmp_path, ending)) == expected


@pytest.mark.parametrize("ending", ["crlf", "cr", "mixed"])
def test_mistakes_are_at_the_same_lines_whatever_the_line_endings(tmp_path, ending):
    expected = problems(sources(tmp_path, "lf", **MISTAKES))
    assert any(line.startswith("demo/one.md:11: error:") for line in expected), expected
    assert any(line.startswith("demo/booklet.yml:12: error:") for line in expected), expected
    assert problems(sources(tmp_path, ending, **MISTAKES)) == expected


@pytest.mark.parametrize("ending", list(ENDINGS))
def test_theme_mistakes_are_at_their_line_whatever_the_line_endings(tmp_path, ending):
    root = tree(tmp_path / ending, ending, {"_shared/theme.yml": THEME})
    found = Problems()
    read_theme(root, found)
    lines = [p.line for p in found.items if p.path.name == "theme.yml"]
    assert lines and set(lines) == {3}, lines


@pytest.mark.parametrize("ending", list(ENDINGS))
def test_a_file_not_in_utf8_is_named_at_the_line_of_its_first_bad_byte(tmp_path, ending):
    data = saved("title: Understanding\nlanguage: en\nsubtitle: Cafe\n", ending).replace(b"Cafe", b"Caf\xe9")
    root = sources(tmp_path, ending)
    (root / "demo" / "booklet.yml").write_bytes(data)
    assert problems(root)[0].startswith("demo/booklet.yml:3: error: this file is not saved as UTF-8")
    assert line_at(data, data.index(b"\xe9")) == 3
