"""No traceback reaches the user: an unexpected failure is one line naming the work and the file, exit 1;
--debug shows the traceback."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import booklet.markdown.convert
import booklet.sources.reader  # noqa: F401  (imported before patching: it binds convert at import)
from booklet.cli import main


def broken_convert(text, ctx, problems):
    section = ctx.path           # noqa: F841  the failure names the file the frame was working on
    raise ValueError("something nobody expected")


def test_an_unexpected_exception_is_one_line_and_exit_1(sources, tmp_path, monkeypatch):
    root = sources()
    monkeypatch.setattr(booklet.markdown.convert, "convert", broken_convert)
    monkeypatch.setattr("booklet.sources.reader.convert", broken_convert, raising=False)
    result = CliRunner().invoke(main, ["build", str(root / "demo"), "--output", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("error: booklet build failed while ") and "ValueError: something nobody expected" \
        in lines[0]
    assert "one.md" in lines[0] or "two.md" in lines[0], lines[0]
    assert not (tmp_path / "out" / "demo").exists()


def test_debug_shows_the_traceback(sources, tmp_path, monkeypatch):
    root = sources()
    monkeypatch.setattr("booklet.sources.reader.convert", broken_convert, raising=False)
    monkeypatch.setattr(booklet.markdown.convert, "convert", broken_convert)
    with pytest.raises(ValueError):
        CliRunner().invoke(main, ["--debug", "build", str(root / "demo"), "--output", str(tmp_path / "out")],
                           catch_exceptions=False)


def test_an_os_error_names_the_file(sources, tmp_path):
    root = sources()
    blocked = tmp_path / "out"
    blocked.write_text("a file where the output folder should be")
    result = CliRunner().invoke(main, ["build", str(root / "demo"), "--output", str(blocked), "--variant", "download",
                                       "--today", "2026-11-20"])
    assert result.exit_code in (1, 2)
    assert "Traceback" not in result.output and str(blocked) in result.output, result.output


def test_a_source_that_is_not_utf8_is_named_at_its_line(sources, tmp_path):
    root = sources()
    manifest = root / "demo" / "booklet.yml"
    manifest.write_bytes(manifest.read_bytes().replace(b"Understanding tests", b"Understanding \xe9tests"))
    result = CliRunner().invoke(main, ["build", str(root / "demo"), "--output", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.output.splitlines()[0] == f"{manifest}:1: error: this file is not saved as UTF-8 text (byte 21);" \
        " save it as UTF-8 [source]", result.output
