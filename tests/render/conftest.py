"""The `corpus` marker: slow per-construct sweeps, run only when asked for with `-m corpus`."""

from __future__ import annotations

import pytest


def pytest_configure(config):
    config.addinivalue_line("markers", "corpus: one booklet per construct, every accessible variant (slow; -m corpus)")


def pytest_collection_modifyitems(config, items):
    if "corpus" in (config.getoption("-m") or ""):
        return
    skip = pytest.mark.skip(reason="a slow per-construct sweep: run with -m corpus")
    for item in items:
        if "corpus" in item.keywords:
            item.add_marker(skip)
