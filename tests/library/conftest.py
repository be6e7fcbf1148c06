"""A library of three booklets (two approved, one draft) built once for the session, in download and print."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from booklet.build import BuildRequest, build
from tests.conftest import ORGANISATION, SECTION_ONE, SECTION_TWO, write_tree

TODAY = dt.date(2027, 6, 1)
ALPHA_ONLINE = "https://www.example.org/booklets/alpha-understanding-tests"


def manifest(title: str, reference: str, *, status: str = "approved", reviewed: str = "2026-10-01",
             extra: str = "") -> str:
    names = "\n      name: Dr A. Person" if status == "approved" else ""
    return f"""\
title: {title}
subtitle: Information for people having tests
language: en-IE
reference: {reference}
status: {status}
published: 2026-11
review:
  reviewed: {reviewed}
  reviewers:
    - role: Consultant{names}
evidence: References are available on request.
contacts: [helpline]
sections:
  - one.md
  - two.md
variants: [download, print]
{extra}"""


LIBRARY = {
    "_shared/organisation.yml": ORGANISATION,
    "alpha/booklet.yml": manifest("Understanding tests", "ALP-01", extra=f"online: {ALPHA_ONLINE}\n"),
    "beta/booklet.yml": manifest("Blood tests explained", "BET-02", reviewed="2025-01-15",
                                 extra="online: https://www.example.org/booklets/beta\nprint:\n  qr: false\n"),
    "gamma/booklet.yml": manifest("Scans and what they show", "GAM-03", status="draft"),
    **{f"{slug}/one.md": SECTION_ONE for slug in ("alpha", "beta", "gamma")},
    **{f"{slug}/two.md": SECTION_TWO for slug in ("alpha", "beta", "gamma")},
}


@pytest.fixture(scope="session")
def built_library(tmp_path_factory) -> tuple[Path, Path]:
    """(sources root, output folder) with every booklet built; tests copy the output before changing it."""
    base = tmp_path_factory.mktemp("library")
    root = write_tree(base / "sources", LIBRARY)
    output = base / "output"
    build(BuildRequest(root=root, output=output, jobs=2, today=TODAY))
    return root, output
