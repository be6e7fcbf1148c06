"""The sample booklet meets every rule: no errors, no warnings, and a readability table for each section."""

from __future__ import annotations

from booklet.check.report import readability_table
from tests.check.conftest import run_check
from tests.conftest import PROJECT, SAMPLE_SLUG


def test_the_sample_passes_every_check(sample_outputs):
    report = run_check(PROJECT / "sources", output=sample_outputs.parent)
    assert [p.format(PROJECT) for p in report.problems if p.severity != "note"] == []


def test_the_sample_is_plain_english(sample_outputs):
    report = run_check(PROJECT / "sources")
    sections = report.readability[SAMPLE_SLUG]
    assert len(sections) == 10
    for section in sections:
        assert section.grade <= 8, section.title
        assert section.reading_ease >= 60, section.title
        assert section.words_per_sentence <= 20, section.title
    table = readability_table(report)
    assert "Understanding" not in table.splitlines()[0]
    assert "What is metastatic breast cancer?" in table
