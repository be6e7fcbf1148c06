"""Commands that do little load little: each one runs in a fresh interpreter and reports the modules it loaded."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from booklet.build import BuildRequest, build
from tests.conftest import MANIFEST, ORGANISATION, PROJECT, SECTION_ONE, SECTION_TWO, write_tree

TODAY = dt.date.today().isoformat()        # given to every command, so all of them agree on the day
ENGINE = ("weasyprint", "pikepdf", "PIL", "markdown", "jinja2")
# What a command that only explains itself (or finds nothing to do) has no use for.
HEAVY = (*ENGINE, "yaml", "fontTools", "segno", "phonenumbers", "multiprocessing", "concurrent.futures")

# Runs the command line in this interpreter, then prints which of HEAVY it loaded, as JSON on stderr.
PROBE = """
import json, sys
from booklet.cli import main
heavy = json.loads(sys.argv.pop(1))
try:
    main(args=sys.argv[1:], prog_name="booklet")
except SystemExit as exc:
    code = exc.code or 0
print(json.dumps({"loaded": [m for m in heavy if m in sys.modules], "code": code}), file=sys.stderr)
"""


def run_cli(*args: str, cwd: Path) -> tuple[subprocess.CompletedProcess, dict]:
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(HEAVY), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)
    return done, json.loads(done.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize("command", [(), ("build",), ("check",), ("watch",), ("catalogue",), ("reviews",),
                                     ("init",), ("new",)])
def test_help_loads_no_engine_no_reader_no_process_pool(command, tmp_path):
    done, report = run_cli(*command, "--help", cwd=tmp_path)
    assert report["code"] == 0 and "Usage:" in done.stdout
    assert report["loaded"] == []


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """A small booklet whose download PDF is built, with the cache that says so: (sources root, output)."""
    folder = tmp_path_factory.mktemp("startup")
    root = write_tree(folder / "sources", {"_shared/organisation.yml": ORGANISATION, "demo/booklet.yml": MANIFEST,
                                           "demo/one.md": SECTION_ONE, "demo/two.md": SECTION_TWO})
    output = folder / "out"
    build(BuildRequest(root=root, output=output, variants=("download",), today=dt.date.fromisoformat(TODAY)))
    return root, output


def test_a_build_with_nothing_to_do_loads_neither_engine_nor_reader(built, tmp_path):
    root, output = built
    done, report = run_cli("build", "--sources", str(root), "--output", str(output), "--variant", "download",
                           "--today", TODAY, cwd=tmp_path)
    assert report["code"] == 0, done.stderr
    assert "up to date" in done.stdout and "wrote" not in done.stdout
    assert report["loaded"] == []


def test_a_changed_section_is_still_seen(built, tmp_path):
    """Inputs are compared by content: a section changed to the same size, with its old modification
    time put back, is built again."""
    root, output = built
    section = root / "demo" / "one.md"
    text, stat = section.read_text(), section.stat()
    changed = text.replace("first", "fir5t", 1)
    assert changed != text and len(changed) == len(text)
    kept = tmp_path / "kept"
    shutil.copytree(output, kept)           # put back afterwards: the other tests find it up to date
    try:
        section.write_text(changed)
        os.utime(section, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        done, report = run_cli("build", "--sources", str(root), "--output", str(output), "--variant", "download",
                               "--today", TODAY, cwd=tmp_path)
        assert report["code"] == 0, done.stderr
        assert "wrote" in done.stdout and "up to date" not in done.stdout
    finally:
        section.write_text(text)
        os.utime(section, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        shutil.rmtree(output)
        shutil.copytree(kept, output)


def test_check_remembers_the_contrast_it_measured_and_reports_the_same(tmp_path):
    """The first check lays the specimen out; the next one, with nothing changed, reads the answer
    from OUTPUT/.booklet-cache, never loads WeasyPrint, and prints exactly the same report."""
    from tests.theme.test_reader import HARBOUR
    root = tmp_path / "harbour"
    shutil.copytree(HARBOUR, root)
    theme = root / "_shared" / "theme.yml"
    theme.write_text(theme.read_text().replace('brand: "#0b5563"', 'brand: "#7fb8c0"'))   # fails contrast
    arguments = ("check", "--sources", str(root), "--output", str(tmp_path / "out"), "--format", "json",
                 "--today", "2026-11-21")
    measured, first = run_cli(*arguments, cwd=tmp_path)
    remembered, second = run_cli(*arguments, cwd=tmp_path)
    assert first["code"] == second["code"] == 1
    assert "weasyprint" in first["loaded"] and "weasyprint" not in second["loaded"]
    assert remembered.stdout == measured.stdout
    problems = json.loads(remembered.stdout)["problems"]
    assert any(p["rule"] == "contrast" and p["line"] == 3 for p in problems), problems


def test_check_goes_on_when_the_contrast_cannot_be_remembered(sources, tmp_path):
    """Remembering is only a shortcut: an output folder that cannot take it changes nothing reported."""
    from booklet.check import CheckRequest, check
    root, output = sources(), tmp_path / "out"
    output.mkdir()
    (output / ".booklet-cache").write_text("a file where the cache folder would be")
    report = check(CheckRequest(root=root, output=output))
    unremembered = check(CheckRequest(root=root, output=None))     # no output: the PDF rules say nothing
    assert [p for p in report.problems if p.rule != "body-text-size"] == list(unremembered.problems)
    assert (output / ".booklet-cache").is_file()


@pytest.mark.parametrize("jobs, loads_engine", [("2", False), ("1", True)])
def test_a_build_in_worker_processes_leaves_the_engine_to_them(built, tmp_path, jobs, loads_engine):
    """With a worker, it loads the engine while the command reads and checks the sources; the command
    itself never needs it (the contrast is remembered), not even to take the finished PDF back. With
    one process, it renders itself."""
    root, built_output = built
    output = tmp_path / "out"
    shutil.copytree(built_output, output)
    done, report = run_cli("build", "--sources", str(root), "--output", str(output), "--variant", "download",
                           "--today", TODAY, "-j", jobs, "--force", cwd=tmp_path)
    assert report["code"] == 0, done.stderr
    assert (output / "demo" / "demo-download.pdf").read_bytes().startswith(b"%PDF-")
    assert ("weasyprint" in report["loaded"]) is loads_engine


def test_a_build_stopped_by_its_checks_writes_nothing_and_says_why(built, tmp_path):
    """The workers were started before the checks ran; an error stops them, and nothing is written."""
    root, _ = built
    broken = tmp_path / "sources"
    shutil.copytree(root, broken)
    section = broken / "demo" / "one.md"
    section.write_text(section.read_text() + "\n[a link](booklet:nowhere)\n")
    output = tmp_path / "out"
    done, report = run_cli("build", "--sources", str(broken), "--output", str(output), "--today", TODAY,
                           "-j", "2", cwd=tmp_path)
    assert report["code"] == 1
    assert "one.md" in done.stderr and "nowhere" in done.stderr and "Traceback" not in done.stderr
    assert not list(output.glob("**/*.pdf"))


def test_check_with_the_house_style_lays_no_specimen_out(built, tmp_path):
    """Without a theme of the publisher's, the contrast is the house style's, which the package's
    own tests measure (tests/check/test_contrast.py): a first check in a fresh output folder does
    not load WeasyPrint to measure it again."""
    root, _ = built
    done, report = run_cli("check", "--sources", str(root), "--output", str(tmp_path / "fresh"), "--format", "json",
                           "--today", TODAY, cwd=tmp_path)
    assert report["code"] == 0, done.stdout + done.stderr
    assert "weasyprint" not in report["loaded"]
    assert not any(p["rule"] == "contrast" for p in json.loads(done.stdout)["problems"])
