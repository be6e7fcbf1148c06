"""booklet.yml takes the sign-off with its comments, key order and layout kept: only the signed lines change."""

from __future__ import annotations

import datetime as dt
import difflib

import pytest

from booklet.approval.signoff import SignOff, SignOffError, parse_reviewer, signed
from tests.approval.conftest import MANIFEST

NAMES = (("Consultant Cardiologist", "Dr R. Okafor"), ("Cardiology Pharmacist", "M. Quinn"))


def _changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """(lines taken out, lines put in), in order."""
    out, put = [], []
    for line in difflib.ndiff(before.splitlines(keepends=True), after.splitlines(keepends=True)):
        if line.startswith("- "):
            out.append(line[2:])
        elif line.startswith("+ "):
            put.append(line[2:])
    return out, put


def test_only_status_date_and_names_change_every_other_byte_is_kept():
    after, recorded = signed(MANIFEST, SignOff(dt.date(2026, 12, 7), NAMES))
    out, put = _changed_lines(MANIFEST, after)
    assert out == ["status: draft                   # approved once the pharmacist signs it off\n",
                   "  reviewed: 2026-11-02\n"]
    assert put == ["status: approved                # approved once the pharmacist signs it off\n",
                   "  reviewed: 2026-12-07\n", "      name: Dr R. Okafor\n", "      name: M. Quinn\n"]
    # Every untouched line, byte for byte and in order: comments, quoting, the flow list, key order.
    kept = [line for line in MANIFEST.splitlines(keepends=True) if line not in out]
    assert [line for line in after.splitlines(keepends=True) if line not in put] == kept
    assert recorded == NAMES


def test_a_name_already_given_is_kept_and_one_can_be_replaced():
    first, _ = signed(MANIFEST, SignOff(dt.date(2026, 12, 7), NAMES))
    again, recorded = signed(first, SignOff(dt.date(2027, 1, 5), (("Cardiology Pharmacist", "A. Ncube"),)))
    assert recorded == (("Consultant Cardiologist", "Dr R. Okafor"), ("Cardiology Pharmacist", "A. Ncube"))
    assert _changed_lines(first, again) == (["  reviewed: 2026-12-07\n", "      name: M. Quinn\n"],
                                            ["  reviewed: 2027-01-05\n", "      name: A. Ncube\n"])


def test_an_unknown_role_names_the_known_ones():
    with pytest.raises(SignOffError) as refused:
        signed(MANIFEST, SignOff(dt.date(2026, 12, 7), (("Nurse", "S. Byrne"), *NAMES)))
    assert str(refused.value) == ("'Nurse' is not a reviewer of this booklet; its reviewers are:"
                                  " 'Consultant Cardiologist', 'Cardiology Pharmacist'")


def test_every_reviewer_needs_a_name():
    with pytest.raises(SignOffError, match="'Cardiology Pharmacist' has no name: give it with --reviewer"):
        signed(MANIFEST, SignOff(dt.date(2026, 12, 7), NAMES[:1]))


FOUR_SPACES = """\
title: Your heart medicines
status: draft
review:
    reviewed: 2026-11-02
    reviewers:
        -   role: Consultant Cardiologist   # the lead clinician
sections:
    - taking.md
"""


def test_a_manifest_with_its_own_indentation_keeps_it():
    after, _ = signed(FOUR_SPACES, SignOff(dt.date(2026, 12, 7), NAMES[:1]))
    assert after == FOUR_SPACES.replace("draft", "approved").replace("2026-11-02", "2026-12-07").replace(
        "lead clinician\n", "lead clinician\n            name: Dr R. Okafor\n")


@pytest.mark.parametrize("value", ["Consultant", "=Dr X", "Consultant=", " = "])
def test_a_reviewer_must_be_role_equals_name(value):
    with pytest.raises(SignOffError, match="is not ROLE=NAME"):
        parse_reviewer(value)


def test_role_and_name_are_trimmed():
    assert parse_reviewer(" Cardiology Pharmacist = M. Quinn ") == ("Cardiology Pharmacist", "M. Quinn")
