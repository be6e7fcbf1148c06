"""`booklet check` reports an approved booklet whose sources left the approved edition, at its `status:` line."""

from __future__ import annotations

import datetime as dt
import os
import shutil

import pytest

from booklet.build import BuildRequest, build
from booklet.check import CheckRequest, check
from booklet.problems import ContentError
from tests.approval.conftest import SLUG
from tests.approval.test_approve import REFERENCE, approved, copy  # noqa: F401  (fixtures)

TODAY = dt.date(2026, 12, 10)


def found(root, rule: str):
    report = check(CheckRequest(root=root, folders=(root / SLUG,), today=TODAY))
    return [p for p in report.problems if p.rule == rule]


def test_the_edition_as_approved_passes(approved):
    assert found(approved, "approved-edition") == [] and found(approved, "approval-archive") == []


def test_an_edit_is_an_error_at_the_status_line_naming_the_file(copy):
    taking = copy / SLUG / "taking.md"
    taking.write_text(taking.read_text().replace("three or four", "three or more"))
    (copy / SLUG / "images" / "new.png").write_bytes((copy / SLUG / "images" / "pillbox.png").read_bytes())
    # A file of the approved edition gone from the sources (one no section lists, so the booklet still reads).
    (copy / "_approved" / SLUG / REFERENCE / SLUG / "old-notes.md").write_text("Notes.\n")
    problems = found(copy, "approved-edition")
    assert [(p.path, p.line, p.severity) for p in problems] == [(copy / SLUG / "booklet.yml", 6, "error")]
    assert (f"its sources differ from the edition approved as {REFERENCE} (changed: {SLUG}/taking.md;"
            f" added: {SLUG}/images/new.png; removed: {SLUG}/old-notes.md)") in problems[0].message


def test_a_shared_snippet_it_uses_counts_and_one_it_does_not_use_does_not(copy):
    (copy / "_shared" / "snippets" / "unused.md").write_text("---\ntitle: Elsewhere\n---\n\nWords.\n")
    assert found(copy, "approved-edition") == []
    snippet = copy / "_shared" / "snippets" / "side-effects.md"
    snippet.write_text(snippet.read_text().replace("slowly", "very slowly"))
    assert "changed: _shared/snippets/side-effects.md" in found(copy, "approved-edition")[0].message


def test_a_build_refuses_the_drifted_booklet(copy, tmp_path):
    (copy / SLUG / "taking.md").write_text((copy / SLUG / "taking.md").read_text() + "\nOne more line.\n")
    with pytest.raises(ContentError) as stopped:
        build(BuildRequest(root=copy, output=tmp_path / "out", folders=(copy / SLUG,), today=TODAY))
    assert "approved-edition" in {p.rule for p in stopped.value.problems}


def test_set_back_to_draft_it_is_not_reported(copy):
    manifest = copy / SLUG / "booklet.yml"
    manifest.write_text(manifest.read_text().replace("status: approved", "status: draft"))
    (copy / SLUG / "taking.md").write_text((copy / SLUG / "taking.md").read_text() + "\nOne more line.\n")
    assert found(copy, "approved-edition") == [] and found(copy, "approval-archive") == []


def test_approved_by_hand_with_no_archive_is_a_warning_saying_what_to_run(copy):
    shutil.rmtree(copy / "_approved")
    assert found(copy, "approved-edition") == []
    problems = found(copy, "approval-archive")
    assert [(p.line, p.severity) for p in problems] == [(6, "warning")]
    assert f"record the sign-off with `booklet approve {SLUG} --reviewer ROLE=NAME ... --date YYYY-MM-DD`" \
        in problems[0].message


def test_an_archive_outside_the_sources_is_not_read(copy, tmp_path):
    """A symbolic link from _approved/ to elsewhere: treated as no archive, so nothing there is compared."""
    outside = tmp_path / "elsewhere"
    shutil.move(copy / "_approved" / SLUG / REFERENCE, outside)
    os.symlink(outside, copy / "_approved" / SLUG / REFERENCE)
    (outside / SLUG / "taking.md").write_text("changed outside")      # would be 'changed:' if it were read
    assert found(copy, "approved-edition") == []
    assert [p.severity for p in found(copy, "approval-archive")] == ["warning"]
