"""The longer robustness runs (marked fuzz) run in CI (CI is set there) or when asked for with -m fuzz."""

from __future__ import annotations

import os

import pytest


def pytest_collection_modifyitems(config, items):
    if os.environ.get("CI") or "fuzz" in (config.getoption("markexpr") or ""):
        return
    skip = pytest.mark.skip(reason="a longer robustness run: set CI=1 or pass -m fuzz")
    for item in items:
        if "fuzz" in item.keywords:
            item.add_marker(skip)
