"""Shared fixtures: small source trees written into a temporary folder, and the sample built once."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from booklet.build import BuildRequest, build

PROJECT = Path(__file__).resolve().parent.parent
SAMPLE_SLUG = "metastatic-breast-cancer"

ORGANISATION = """\
name: Example Health Charity
website: https://www.example.org
feedback:
  url: https://www.example.org/feedback
contacts:
  helpline:
    title: Helpline
    phone: 1800 200 700
    phone_note: Freephone
    text: Talk to a nurse.
  centres:
    title: Drop-in centres
    text: Visit a nurse in your local hospital.
"""

MANIFEST = """\
title: Understanding tests
language: en-IE
reference: TST-01
status: draft
published: 2026-11
review:
  reviewed: 2026-10-01
  reviewers:
    - role: Consultant
evidence: References are available on request.
contacts: [helpline]
numbered: true
sections:
  - one.md
  - two.md
"""

SECTION_ONE = """\
---
title: The first section
---

Some words about the first thing.

## A sub-heading

More words.
"""

SECTION_TWO = """\
---
title: The second section
short_title: Second
---

::: contact helpline

Words about the second thing.
"""


def write_tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture
def sources(tmp_path: Path):
    """A function writing a valid small sources tree, with any file replaced or added.

    A keyword names a file: demo__two_md is demo/two.md.
    """
    def make(**overrides: str) -> Path:
        files = {"_shared/organisation.yml": ORGANISATION, "demo/booklet.yml": MANIFEST,
                 "demo/one.md": SECTION_ONE, "demo/two.md": SECTION_TWO}
        files.update({".".join(name.replace("__", "/").rsplit("_", 1)): text for name, text in overrides.items()})
        return write_tree(tmp_path / "sources", files)
    return make


@pytest.fixture(scope="session")
def sample_outputs(tmp_path_factory) -> Path:
    """The sample booklet built once in every variant for the whole test session: its output folder."""
    output = tmp_path_factory.mktemp("output")
    build(BuildRequest(root=PROJECT / "sources", output=output))
    return output / SAMPLE_SLUG


@pytest.fixture(scope="session")
def sample_build(sample_outputs) -> Path:
    """The sample booklet's download PDF."""
    return sample_outputs / f"{SAMPLE_SLUG}-download.pdf"


def pytest_addoption(parser) -> None:
    parser.addoption("--corpus", action="store_true", default=False,
                     help="also build and read back one booklet per Markdown construct (tests marked corpus)")


def pytest_collection_modifyitems(config, items) -> None:
    """Tests marked `corpus` are slow: they run with --corpus, or whenever the CI variable is set."""
    import os
    if config.getoption("--corpus") or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(reason="one booklet per construct: run with --corpus (CI runs it)")
    for item in items:
        if item.get_closest_marker("corpus") is not None:
            item.add_marker(skip)
