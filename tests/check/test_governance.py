"""Review dates, reviewers, edition code, evidence and feedback route; "today" is always given, never the clock."""

from __future__ import annotations

import datetime as dt

import pytest

from booklet.build import BuildRequest, build
from booklet.problems import ContentError
from tests.check.conftest import found, run_check
from tests.conftest import MANIFEST, ORGANISATION

GOVERNANCE_RULES = {"review-overdue", "review-due-soon", "review-order", "reviewer", "edition-code", "evidence",
                    "feedback-route"}
APPROVED = (MANIFEST.replace("status: draft", "status: approved")
            .replace("  reviewed: 2026-10-01\n", "  reviewed: 2026-10-01\n  next: 2029-10-01\n")
            .replace("    - role: Consultant\n", "    - role: Consultant\n      name: Dr A. Person\n"))


def governance(root, today):
    return [p for p in found(run_check(root, today=today), root) if p[3] in GOVERNANCE_RULES]


def test_approved_and_past_its_next_review_is_an_error(sources):
    root = sources(demo__booklet_yml=APPROVED)
    report = run_check(root, today=dt.date(2029, 10, 2))
    assert found(report, root, "review-overdue") == [("demo/booklet.yml", 8, "error", "review-overdue")]
    overdue = [p for p in report.problems if p.rule == "review-overdue"]
    assert "the next review was due on 1 October 2029 (1 day ago)" in overdue[0].message


@pytest.mark.parametrize("today", [dt.date(2029, 6, 1), dt.date(2026, 11, 21)])
def test_more_than_90_days_ahead_is_fine(sources, today):
    assert governance(sources(demo__booklet_yml=APPROVED), today) == []


@pytest.mark.parametrize("today, days", [(dt.date(2029, 7, 3), 90), (dt.date(2029, 10, 1), 0)])
def test_within_90_days_is_a_warning(sources, today, days):
    root = sources(demo__booklet_yml=APPROVED)
    report = run_check(root, today=today)
    assert found(report, root, "review-due-soon") == [("demo/booklet.yml", 8, "warning", "review-due-soon")]
    assert found(report, root, "review-overdue") == []


def test_the_default_next_review_is_reported_at_the_review_key(sources):
    root = sources(demo__booklet_yml=APPROVED.replace("  next: 2029-10-01\n", ""))
    assert governance(root, dt.date(2030, 1, 1)) == [("demo/booklet.yml", 6, "error", "review-overdue")]


def test_a_draft_is_not_held_to_its_planned_dates(sources):
    assert governance(sources(), dt.date(2031, 1, 1)) == []


def test_allow_overdue_turns_the_error_into_a_warning(sources):
    root = sources(demo__booklet_yml=APPROVED)
    report = run_check(root, today=dt.date(2029, 10, 2), allow_overdue=True)
    assert found(report, root, "review-overdue") == [("demo/booklet.yml", 8, "warning", "review-overdue")]


def test_build_refuses_an_overdue_booklet_unless_allowed(sources, tmp_path):
    root = sources(demo__booklet_yml=APPROVED)
    late = dt.date(2029, 10, 2)
    for request in (BuildRequest(root=root, output=tmp_path / "out", today=late),
                    BuildRequest(root=root, output=tmp_path / "out", today=late, check=False)):
        with pytest.raises(ContentError) as caught:
            build(request)
        # Approved by hand (no archive): warned, not stopped, by approval-archive (tests/approval).
        assert [p.rule for p in caught.value.problems if p.rule != "approval-archive"] == ["review-overdue"]
    assert not (tmp_path / "out" / "demo").exists()
    result = build(BuildRequest(root=root, output=tmp_path / "out", today=late, allow_overdue=True))
    assert [p.rule for p in result.warnings] == ["review-overdue", "approval-archive"]
    assert (tmp_path / "out" / "demo" / "demo-download.pdf").is_file()


@pytest.mark.parametrize("change, expected", [
    (("reviewed: 2026-10-01", "reviewed: 2026-10-01\n  next: 2025-01-01"), ("demo/booklet.yml", 8, "review-order")),
    (("    - role: Consultant\n", "    - name: Dr A. Person\n"), ("demo/booklet.yml", 9, "reviewer")),
    (("status: draft", "status: approved"), ("demo/booklet.yml", 9, "reviewer")),
    (("reference: TST-01\n", ""), ("demo/booklet.yml", 1, "edition-code")),
    (("evidence: References are available on request.\n", ""), ("demo/booklet.yml", 1, "evidence")),
])
def test_missing_governance_details_are_errors(sources, change, expected):
    root = sources(demo__booklet_yml=MANIFEST.replace(*change))
    path, line, rule = expected
    assert (path, line, "error", rule) in governance(root, dt.date(2026, 11, 21))


def test_a_draft_needs_roles_but_not_names(sources):
    assert governance(sources(), dt.date(2026, 11, 21)) == []


def test_feedback_needs_a_way_to_reach_the_publisher(sources):
    organisation = ORGANISATION.replace("  url: https://www.example.org/feedback", "  text: Tell us.")
    root = sources(_shared__organisation_yml=organisation)
    assert governance(root, dt.date(2026, 11, 21)) == [("_shared/organisation.yml", 3, "error", "feedback-route")]
