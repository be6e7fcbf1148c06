"""booklet reviews on fixed fixtures and a fixed --today: order, days left, marking, exit status, CSV and JSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import click
import pytest
from click.testing import CliRunner

from booklet.cli import main
from booklet.library.register import Standing, as_text, review_rows
from booklet.library.shelf import read_shelf
from tests.conftest import ORGANISATION, SECTION_ONE, write_tree
from tests.library.conftest import manifest

def booklet(title, reference, reviewed, status="approved", next_review=None):
    text = manifest(title, reference, status=status, reviewed=reviewed)
    if next_review:
        text = text.replace(f"  reviewed: {reviewed}\n", f"  reviewed: {reviewed}\n  next: {next_review}\n")
    return text


@pytest.fixture
def register_root(tmp_path):
    files = {"_shared/organisation.yml": ORGANISATION,
             # next review 2027-05-01: overdue on 2027-06-01
             "late/booklet.yml": booklet("Late booklet", "LAT-1", "2024-05-01"),
             # next 2027-07-01: 30 days left
             "soon/booklet.yml": booklet("Soon booklet", "SON-1", "2026-01-01", next_review="2027-07-01"),
             # next 2029-10-01: in date
             "fine/booklet.yml": booklet("Fine booklet", "FIN-1", "2026-10-01"),
             # a draft whose planned date has passed: marked, but not an alert
             "plan/booklet.yml": booklet("Planned draft", "PLN-1", "2024-01-01", status="draft")}
    for slug in ("late", "soon", "fine", "plan"):
        files[f"{slug}/one.md"] = SECTION_ONE
        files[f"{slug}/two.md"] = SECTION_ONE.replace("first", "second")
    return write_tree(tmp_path / "sources", files)


def reviews(root, *args):
    return CliRunner().invoke(main, ["reviews", "--sources", str(root), "--today", "2027-06-01", *args])


def test_text_register_sorted_by_next_review_with_days_left_and_words(register_root):
    result = reviews(register_root)
    lines = result.stdout.splitlines()
    assert lines[0].split()[:4] == ["Next", "review", "Days", "left"]
    rows = [line.split() for line in lines[1:5]]
    assert [(r[0], r[1], r[2]) for r in rows] == [("2027-01-01", "-151", "OVERDUE"), ("2027-05-01", "-31", "OVERDUE"),
                                                  ("2027-07-01", "30", "due"), ("2029-10-01", "853", "in")]
    assert [r[3] for r in rows[:2]] == ["draft", "approved"]
    assert "4 booklets on 2027-06-01: 2 overdue, 1 due within 90 days." in result.stdout
    assert "\x1b[" not in result.stdout                   # no colour codes when not on a terminal
    assert result.exit_code == 1                          # "late" is approved and overdue
    assert "an approved booklet is overdue" in result.stderr


def test_only_an_approved_overdue_booklet_fails_the_run(register_root):
    (register_root / "late" / "booklet.yml").write_text(
        booklet("Late booklet", "LAT-1", "2027-01-01"))     # reviewed again: next 2030
    result = reviews(register_root)
    assert result.exit_code == 0, result.output             # the overdue draft alone does not alert
    assert "OVERDUE" in result.stdout


def test_within_widens_due_soon(register_root):
    rows = review_rows(read_shelf(register_root).manifests, today=dt.date(2027, 6, 1), within=1000)
    assert [r.standing for r in rows] == [Standing.OVERDUE, Standing.OVERDUE, Standing.DUE_SOON, Standing.DUE_SOON]
    assert "due soon" in reviews(register_root, "--within", "1000").stdout.splitlines()[4]


def test_csv_shape(register_root):
    result = reviews(register_root, "--format", "csv")
    table = list(csv.reader(io.StringIO(result.stdout)))
    assert table[0] == ["slug", "title", "reference", "status", "last_reviewed", "next_review", "days_left",
                        "standing", "reviewers", "approval"]
    assert table[1] == ["plan", "Planned draft", "PLN-1", "draft", "2024-01-01", "2027-01-01", "-151", "overdue",
                        "Consultant", ""]                     # a draft never approved: no signed edition
    assert [row[0] for row in table[1:]] == ["plan", "late", "soon", "fine"]
    assert result.exit_code == 1


def test_json_shape(register_root):
    data = json.loads(reviews(register_root, "--format", "json").stdout)
    assert data["today"] == "2027-06-01" and data["within_days"] == 90 and data["overdue_approved"] is True
    assert data["booklets"][2] == {"slug": "soon", "title": "Soon booklet", "reference": "SON-1",
                                   "status": "approved", "last_reviewed": "2026-01-01", "next_review": "2027-07-01",
                                   "days_left": 30, "standing": "due soon", "reviewers": ["Consultant"],
                                   # approved by hand, before `booklet approve`: named, but no archive to vouch for it
                                   "approval": {"reference": "SON-1", "approved": None, "edition": "not archived",
                                                "reviewers": [{"role": "Consultant", "name": "Dr A. Person"}]}}


def test_colour_on_a_terminal_marks_the_rows_words_stay(register_root):
    rows = review_rows(read_shelf(register_root).manifests, today=dt.date(2027, 6, 1))
    text = as_text(rows, today=dt.date(2027, 6, 1), within=90,
                   paint=lambda line, standing: click.style(line, fg="red") if standing is Standing.OVERDUE else line)
    coloured = [line for line in text.splitlines() if line.startswith("\x1b[31m")]
    assert len(coloured) == 2 and all("OVERDUE" in line for line in coloured)


def test_a_broken_manifest_is_reported_at_its_line_and_the_rest_listed(register_root):
    path = register_root / "fine" / "booklet.yml"
    path.write_text(path.read_text().replace("status: approved", "status: aproved"))
    result = reviews(register_root)
    assert f"{path.name}:5: error:" in result.stderr and "Traceback" not in result.output
    assert result.exit_code == 1 and "Soon booklet" in result.stdout and "Fine booklet" not in result.stdout
