"""The command line: exit status 0, 1 (content errors, listed) or 2 (usage), and never a traceback."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from booklet.cli import main


def run(*args: str, cwd: Path):
    runner = CliRunner()
    with runner.isolated_filesystem(temp_dir=cwd):
        result = runner.invoke(main, list(args), catch_exceptions=False)
    return result


def test_help_explains_every_option(tmp_path):
    result = run("build", "--help", cwd=tmp_path)
    assert result.exit_code == 0
    for option in ("--variant", "--sources", "--output", "download"):
        assert option in result.output


def test_build_one_booklet_into_another_output(sources, tmp_path):
    root = sources()
    result = run("build", str(root / "demo"), "--output", str(tmp_path / "elsewhere"), cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "elsewhere" / "demo" / "demo-download.pdf").is_file()


def test_build_all_booklets_of_another_sources_root(sources, tmp_path):
    root = sources()
    result = run("build", "--sources", str(root), "--output", str(tmp_path / "out"), cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert "demo-download.pdf" in result.output


def test_content_errors_exit_1_with_file_and_line(sources, tmp_path):
    root = sources(demo__two_md="---\ntitle: Two\n---\n\n::: contact nobody\n")
    result = run("build", "--sources", str(root), "--output", str(tmp_path / "out"), cwd=tmp_path)
    assert result.exit_code == 1
    assert f"{root / 'demo' / 'two.md'}:5: error: there is no contact 'nobody'" in result.output
    assert "1 error: nothing was written." in result.output
    assert "Traceback" not in result.output


def test_the_no_check_hint_comes_only_when_no_check_would_help(sources, tmp_path):
    """--no-check skips booklet check's rules; a file that cannot be read stops the build all the same."""
    ruled = sources(demo__two_md="---\ntitle: Two\n---\n\n[Another](booklet:nowhere)\n")
    result = run("build", "--sources", str(ruled), "--output", str(tmp_path / "a"), cwd=tmp_path)
    assert result.exit_code == 1 and "[unknown-booklet]" in result.output
    assert "--no-check" in result.output
    unreadable = sources(demo__booklet_yml="title: [unclosed\n")
    result = run("build", "--sources", str(unreadable), "--output", str(tmp_path / "b"), cwd=tmp_path)
    assert result.exit_code == 1 and "[source]" in result.output
    assert "--no-check" not in result.output


def test_unknown_variant_is_a_usage_error(sources, tmp_path):
    root = sources()
    result = run("build", "--sources", str(root), "--variant", "poster", cwd=tmp_path)
    assert result.exit_code == 2
    assert "unknown variant 'poster'" in result.output


def test_a_folder_that_is_not_a_booklet_is_a_usage_error(tmp_path):
    (tmp_path / "notes").mkdir()
    result = run("build", str(tmp_path / "notes"), cwd=tmp_path)
    assert result.exit_code == 2
    assert "has no booklet.yml" in result.output


def test_missing_sources_root_is_a_usage_error(tmp_path):
    result = run("build", "--sources", str(tmp_path / "nowhere"), cwd=tmp_path)
    assert result.exit_code == 2
    assert "there is no sources folder" in result.output
