"""Limits with a clear FILE:LINE message instead of a crash: nesting depth, picture pixels, non-files."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import pytest

from booklet.check.ppi import image_pixels
from booklet.files import MAX_PIXELS
from booklet.markdown.nesting import MAX_NESTING
from booklet.render.fetcher import RefusedResource, SafeFetcher
from tests.safety.test_links import converted


def huge_png(path: Path, width: int = 20_000, height: int = 20_000) -> Path:
    """A PNG whose header says 400 million pixels, in a few bytes (nothing to decode is needed)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b""))
                     + chunk(b"IEND", b""))
    return path


def test_quotes_nested_150_deep_are_an_error_at_their_line():
    html, problems = converted("Intro.\n\n" + "> " * 150 + "deep\n")
    assert problems == [f"demo/one.md:7: error: quotes and lists are nested {MAX_NESTING + 1} or more levels deep"
                        f" here; the most is {MAX_NESTING}: flatten them [source]"]
    assert html.count("<blockquote>") <= MAX_NESTING + 1


def test_lists_nested_past_the_markdown_readers_own_limit_are_an_error_not_a_crash():
    _, problems = converted("".join("    " * depth + "- item\n" for depth in range(400)))
    # The first line past the limit (the 11th item, file line 15), whatever the Markdown reader's version.
    assert problems == [f"demo/one.md:15: error: quotes and lists are nested {MAX_NESTING + 1} or more levels"
                        f" deep here; the most is {MAX_NESTING}: flatten them [source]"]


def test_the_limit_is_found_before_the_markdown_reader_sees_the_text(monkeypatch):
    """Which way a deep list fails inside Python-Markdown changes with its version: it is never asked."""
    import markdown

    def refuse(self, text):
        raise AssertionError("the Markdown reader was given text nested past the limit")
    monkeypatch.setattr(markdown.Markdown, "convert", refuse)
    for source in ("".join("    " * depth + "- item\n" for depth in range(400)), "> " * 150 + "deep\n",
                   "".join("    " * depth + "1. item\n" for depth in range(12)),
                   "> " * 6 + "- a\n" + "> " * 6 + "    " * 5 + "- b\n"):
        _, problems = converted(source)
        assert len(problems) == 1 and "nested 11 or more levels deep" in problems[0], source


def test_deep_indents_inside_fenced_code_are_not_nesting():
    fenced = "```\n" + "".join("    " * depth + "- item\n" for depth in range(30)) + "```\n"
    assert converted(fenced)[1] == []


def test_nesting_up_to_the_limit_is_fine():
    _, problems = converted("".join("    " * depth + f"- item {depth}\n" for depth in range(MAX_NESTING)))
    assert problems == []


def test_a_400_megapixel_picture_is_measured_from_its_header_and_refused_at_render(tmp_path):
    picture = huge_png(tmp_path / "huge.png")
    width, height = image_pixels(picture)
    assert width * height > MAX_PIXELS
    fetcher = SafeFetcher((tmp_path,))
    with pytest.raises(RefusedResource, match="million"):
        fetcher.fetch(picture.as_uri())


@pytest.mark.parametrize("kind", ["fifo", "folder", "link-out", "device"])
def test_the_fetcher_refuses_non_files_and_links_leaving_the_roots_before_reading(tmp_path, kind):
    root = tmp_path / "root"
    root.mkdir()
    target = root / "thing.png"
    if kind == "fifo":
        os.mkfifo(target)                  # reading it would hang the build
    elif kind == "folder":
        target.mkdir()
    elif kind == "link-out":
        (tmp_path / "secret.png").write_bytes(b"x")
        target.symlink_to(tmp_path / "secret.png")
    else:
        target.symlink_to("/dev/zero")      # outside the roots as well as a device
    with pytest.raises(RefusedResource) as refused:
        SafeFetcher((root,)).fetch(target.as_uri())
    expected = {"fifo": "named pipe", "folder": "folder", "link-out": "outside", "device": "outside"}[kind]
    assert expected in refused.value.reason


def test_the_fetcher_names_a_device_inside_the_roots(tmp_path):
    fetcher = SafeFetcher((Path("/dev"),))
    with pytest.raises(RefusedResource, match="device"):
        fetcher.fetch(Path("/dev/zero").as_uri())


def test_check_and_build_report_a_400_megapixel_picture_at_its_line(sources, tmp_path):
    from click.testing import CliRunner

    from booklet.cli import main
    from tests.conftest import SECTION_ONE
    root = sources(demo__one_md=SECTION_ONE + "\n![A huge picture](huge.png)\n")
    huge_png(root / "demo" / "huge.png")
    for command in (["check"], ["build", "--output", str(tmp_path / "out"), "--variant", "download"]):
        result = CliRunner().invoke(main, [*command, str(root / "demo"), "--today", "2026-11-20"])
        assert result.exit_code == 1, result.output
        line = next(line for line in result.output.splitlines() if "huge.png" in line)
        assert "one.md:11: error:" in line and "more than 100 megapixels" in line, result.output
    assert not (tmp_path / "out" / "demo").exists()
