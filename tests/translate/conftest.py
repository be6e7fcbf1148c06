"""A translation made once for the tests that only read it: the test library exported to Welsh, filled and imported."""

from __future__ import annotations

import os

import pytest

from tests.translate.filling import fill_xliff
from tests.translate.library import SLUG, make_library, run


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    """A working folder with the test library under src/, as a user's checkout would be."""
    make_library(tmp_path / "src")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def translated(workspace):
    """The library with heart-failure-cy imported from a filled XLIFF file."""
    code, out = run("translate", "export", SLUG, "--to", "cy", "--sources", "src")
    assert code == 0, out
    fill_xliff(workspace / "translations" / f"{SLUG}.cy.xlf")
    code, out = run("translate", "import", f"translations/{SLUG}.cy.xlf", "--sources", "src")
    assert code == 0, out
    assert os.path.isdir(workspace / "src" / f"{SLUG}-cy")
    return workspace
