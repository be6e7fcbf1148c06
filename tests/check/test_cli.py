"""`booklet check` on the command line: exit status, text grouped by file, JSON, the readability table; and build's switches."""

from __future__ import annotations

import json

from booklet.check.rules import RULES
from tests.check.conftest import FIXTURES
from tests.conftest import MANIFEST
from tests.test_cli import run

APPROVED = (MANIFEST.replace("status: draft", "status: approved")
            .replace("    - role: Consultant\n", "    - role: Consultant\n      name: Dr A. Person\n"))


def test_check_reports_problems_grouped_by_file_and_exits_1(tmp_path):
    root = FIXTURES / "broken"
    result = run("check", str(root / "bad"), "--today", "2026-11-21", cwd=tmp_path)
    assert result.exit_code == 1
    out = result.output
    assert f"{root / 'bad' / 'links.md'}:11: error: the link '#s-acess' leads nowhere" in out
    assert "[broken-anchor]\n" in out
    assert "\n\n" in out                                     # a blank line between files
    assert out.rstrip().endswith("18 errors, 9 warnings, 1 note in 4 files (1 booklet checked).")
    assert "bad/booklet.yml: note: text sizes not measured: no built PDF" in out      # none in ./output
    assert "Traceback" not in out


def test_a_clean_booklet_exits_0(tmp_path):
    result = run("check", "--sources", str(FIXTURES / "clean"), "--today", "2026-11-21", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("No problems found in 1 booklet (1 note).")


def test_warnings_alone_exit_0(sources, tmp_path):
    root = sources(demo__one_md="---\ntitle: One\n---\n\nAsk a nurse, e.g. at the clinic.\n")
    result = run("check", str(root / "demo"), cwd=tmp_path)
    assert result.exit_code == 0
    assert "demo/one.md:5: warning: 'e.g.' is hard for many readers" in result.output


def test_json_for_ci(tmp_path):
    root = FIXTURES / "broken"
    result = run("check", "--sources", str(root), "--format", "json", "--today", "2026-11-21", cwd=tmp_path)
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["summary"] == {"errors": 18, "warnings": 9, "notes": 1, "booklets": ["bad"]}
    first = report["problems"][0]
    assert set(first) == {"path", "line", "severity", "rule", "message"}
    assert {p["rule"] for p in report["problems"]} <= set(RULES)
    assert [r["section"] for r in report["readability"]["bad"]] == ["Pictures, headings and tables", "Hard words",
                                                                   "Links and numbers"]


def test_readability_table(tmp_path):
    result = run("check", "--sources", str(FIXTURES / "clean"), "--readability", cwd=tmp_path)
    lines = result.output.splitlines()
    assert lines[0].startswith("Readability of good")
    assert lines[1].split() == ["Section", "Ease", "Grade", "Words/sentence", "Words"]
    assert lines[2].startswith("Pictures, headings and tables")
    assert any(line.startswith("Whole booklet") for line in lines)


def test_rules_are_listed(tmp_path):
    result = run("check", "--rules", cwd=tmp_path)
    assert result.exit_code == 0
    for rule_id in RULES:
        assert rule_id in result.output


def test_usage_errors_exit_2(tmp_path):
    (tmp_path / "notes").mkdir()
    result = run("check", str(tmp_path / "notes"), cwd=tmp_path)
    assert result.exit_code == 2 and "has no booklet.yml" in result.output
    result = run("check", "--today", "soon", cwd=tmp_path)
    assert result.exit_code == 2
    empty = tmp_path / "empty"
    (empty / "_shared").mkdir(parents=True)
    result = run("check", "--sources", str(empty), cwd=tmp_path)
    assert result.exit_code == 2 and "there are no booklets" in result.output


def test_unreadable_sources_are_reported_not_raised(sources, tmp_path):
    root = sources(demo__booklet_yml="title: [unclosed\n")
    result = run("check", "--sources", str(root), cwd=tmp_path)
    assert result.exit_code == 1
    assert "demo/booklet.yml:2: error: this is not valid YAML" in result.output and "[source]" in result.output
    assert "Traceback" not in result.output


def test_build_stops_on_check_errors_unless_no_check(sources, tmp_path):
    root = sources(demo__one_md="---\ntitle: One\n---\n\n## Start\n\n#### Too deep\n")
    result = run("build", "--sources", str(root), "--output", str(tmp_path / "out"), cwd=tmp_path)
    assert result.exit_code == 1
    assert "demo/one.md:7: error: this heading is level 4" in result.output and "[heading-levels]" in result.output
    assert "--no-check" in result.output
    assert not list((tmp_path / "out").rglob("*.pdf"))     # only the build cache's notes may be there
    result = run("build", "--sources", str(root), "--output", str(tmp_path / "out"), "--no-check", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "demo" / "demo-download.pdf").is_file()


def test_build_prints_check_warnings_and_goes_on(sources, tmp_path):
    root = sources(demo__one_md="---\ntitle: One\n---\n\nAsk a nurse, e.g. at the clinic.\n")
    result = run("build", "--sources", str(root), "--output", str(tmp_path / "out"), "--variant", "download",
                 cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert "warning: 'e.g.' is hard for many readers: write 'for example' [latin-abbreviation]" in result.output


def test_build_refuses_an_overdue_booklet_unless_allowed(sources, tmp_path):
    root = sources(demo__booklet_yml=APPROVED)
    args = ("build", "--sources", str(root), "--output", str(tmp_path / "out"), "--variant", "download",
            "--today", "2030-01-01")
    result = run(*args, cwd=tmp_path)
    assert result.exit_code == 1
    assert "demo/booklet.yml:6: error: the next review was due on 1 October 2029" in result.output
    assert run(*args, "--no-check", cwd=tmp_path).exit_code == 1
    result = run(*args, "--allow-overdue", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert "released anyway because of --allow-overdue [review-overdue]" in result.output
