"""Hostile or broken sources give problems at a file and line, never a traceback, a hang or a rewritten value."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from booklet.build import BuildRequest, build
from booklet.check import CheckRequest, check
from booklet.problems import ContentError
from booklet.render.variants import VARIANTS
from booklet.sources.folders import booklet_folders
from booklet.sources.library import read_library
from tests.conftest import MANIFEST


def problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        read_library(root, booklet_folders(root), variants=tuple(VARIANTS))
    return [p.format(root) for p in caught.value.problems]


def test_latin1_yaml_is_a_problem_in_build_and_check(sources, tmp_path):
    root = sources()
    (root / "demo" / "booklet.yml").write_bytes(MANIFEST.replace("Understanding", "Caf\xe9").encode("latin-1"))
    expected = "demo/booklet.yml:1: error: this file is not saved as UTF-8 text (byte 10); save it as UTF-8 [source]"
    assert problems(root) == [expected]
    with pytest.raises(ContentError) as caught:
        build(BuildRequest(root=root, output=tmp_path / "out", variants=("download",)))
    assert [p.format(root) for p in caught.value.problems] == [expected]
    assert [p.format(root) for p in check(CheckRequest(root=root)).problems if p.rule == "source"] == [expected]


def test_an_impossible_date_after_a_good_build_is_a_problem(sources, tmp_path):
    root = sources()
    build(BuildRequest(root=root, output=tmp_path / "out", variants=("download",)))
    text = (root / "demo" / "booklet.yml").read_text().replace("reviewed: 2026-10-01", "reviewed: 2026-13-45")
    (root / "demo" / "booklet.yml").write_text(text)
    with pytest.raises(ContentError) as caught:
        build(BuildRequest(root=root, output=tmp_path / "out", variants=("download",)))
    assert [p.line for p in caught.value.problems] == [7]


def test_an_empty_booklet_yml_is_an_error_not_a_vanished_booklet(sources):
    root = sources(demo__booklet_yml="")
    assert problems(root) == ["demo/booklet.yml:1: error: booklet.yml is empty: give at least title, language,"
                              " reference, status, published, review, evidence and sections (see docs/keys.md)"
                              " [source]"]


@pytest.mark.parametrize("date", ["9999-01-01", "0001-01-01"])
def test_a_date_out_of_range_is_a_problem(sources, date):
    root = sources(demo__booklet_yml=MANIFEST.replace("reviewed: 2026-10-01", f"reviewed: {date}"))
    assert problems(root) == [f"demo/booklet.yml:7: error: 'reviewed' should be a date between 1900 and 2199,"
                              f" not {date} [source]"]


def test_yaml_nested_thousands_deep_is_a_problem(sources):
    root = sources(demo__booklet_yml=MANIFEST + "related: " + "[" * 5000 + "]" * 5000 + "\n")
    assert problems(root) == ["demo/booklet.yml:16: error: this is nested more than 20 levels deep; a booklet's"
                              " files need only a few [source]"]


def test_text_keys_keep_the_characters_as_written(sources):
    root = sources(demo__booklet_yml=MANIFEST.replace("TST-01", "0123").replace("Understanding tests", "1.50"))
    library, _ = read_library(root, booklet_folders(root), variants=tuple(VARIANTS))
    assert (library.booklets["demo"].reference, library.booklets["demo"].title) == ("0123", "1.50")


def test_a_nul_in_a_section_name_is_a_problem_at_its_line(sources):
    root = sources(demo__booklet_yml=MANIFEST.replace("  - two.md", '  - "tw\\0o.md"'))
    assert problems(root) == ["demo/booklet.yml:15: error: section 'tw\\0o.md' has a NUL character in its name"
                              " [source]"]


def test_a_nul_in_a_picture_name_is_a_problem_at_its_line(sources):
    root = sources(demo__one_md="---\ntitle: One\n---\n\n![A map](images/a%00b.png)\n")
    assert problems(root) == ["demo/one.md:5: error: the image 'images/a%00b.png' has a NUL character in its"
                              " name; keep pictures in images/ [source]"]


def test_a_pipe_among_the_snippets_is_refused_not_read(sources):
    root = sources()
    (root / "_shared" / "snippets").mkdir()
    os.mkfifo(root / "_shared" / "snippets" / "stuck.md")
    assert problems(root) == ["_shared/snippets/stuck.md:1: error: '_shared/snippets/stuck.md' is not an"
                              " ordinary file (a pipe or a device) [source]"]


def test_a_section_linked_outside_the_root_is_refused_at_its_line(sources, tmp_path):
    root = sources()
    (tmp_path / "elsewhere.md").write_text("---\ntitle: Secret\n---\n\nSecret words.\n")
    (root / "demo" / "two.md").unlink()
    (root / "demo" / "two.md").symlink_to(tmp_path / "elsewhere.md")
    assert problems(root) == ["demo/booklet.yml:15: error: section 'two.md' is outside the sources folder [source]"]


def test_a_huge_section_is_refused_quickly(sources):
    root = sources(demo__one_md="---\ntitle: One\n---\n\n" + "Words and more words.\n" * 300_000)
    assert problems(root) == ["demo/booklet.yml:14: error: 'demo/one.md' is 6,600,020 bytes; files over"
                              " 1,000,000 bytes are refused (split a long section into several) [source]"]


@pytest.mark.parametrize("name, data, reason", [
    ("empty.png", b"", "is an empty file (0 bytes)"),
    ("cut.png", None, "is cut short (PNG)"),
    ("cut.jpg", None, "is cut short (JPG)"),
    ("text.png", b"this is not a picture at all", "is not a picture this tool can read (PNG)"),
    ("bad.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><rect", "is not a valid SVG drawing"),
])
def test_a_broken_picture_is_an_error_at_its_line(sources, name, data, reason):
    from PIL import Image
    root = sources(demo__one_md=f"---\ntitle: One\n---\n\nWords.\n\n![A map of the ward](images/{name})\n")
    (root / "demo" / "images").mkdir()
    if data is None:
        Image.frombytes("RGB", (200, 200), os.urandom(200 * 200 * 3)).save(root / "demo" / "images" / name)
        whole = (root / "demo" / "images" / name).read_bytes()
        data = whole[: len(whole) // 2]
    (root / "demo" / "images" / name).write_bytes(data)
    found = problems(root)
    assert len(found) == 1 and found[0].startswith(f"demo/one.md:7: error: the picture 'images/{name}' {reason}")


def test_a_snippet_placed_as_a_section_without_a_title_takes_its_first_heading_or_its_id(sources):
    root = sources(demo__booklet_yml=MANIFEST.replace("  - two.md", "  - two.md\n  - snippet: inclusive-language\n"
                                                      "  - snippet: plain"),
                   _shared__snippets__plain_md="Plain words.\n")
    (root / "_shared" / "snippets" / "inclusive-language.md").write_text("## Words we use\n\nWe say partner.\n")
    library, _ = read_library(root, booklet_folders(root), variants=tuple(VARIANTS))
    sections = library.booklets["demo"].sections
    assert [s.title for s in sections[2:]] == ["Words we use", "Plain"]
    assert "Words we use" not in sections[2].html            # the heading became the title, not a repeat
