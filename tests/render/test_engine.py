"""Loading the engine starts no process and leaves the environment as it was."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import os, sys
spawned = []
sys.addaudithook(lambda event, args: spawned.append(args[1]) if event in ("subprocess.Popen", "os.posix_spawn") else None)
import booklet.render.produce, booklet.check.contrast
import weasyprint.text.ffi as ffi
print(len(spawned), "SOURCE_DATE_EPOCH" in os.environ, ffi.pango is not None, ffi.harfbuzz is not None)
"""


def test_importing_the_renderer_starts_no_process_and_sets_nothing():
    env = {"PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, check=True).stdout
    # Before: ctypes.util.find_library started ldconfig, gcc and ld for ~20 library names.
    assert out.split() == ["0", "False", "True", "True"]


def test_the_library_search_is_restored_after_loading():
    import ctypes.util

    import booklet.render.engine  # noqa: F401
    assert ctypes.util.find_library.__module__ == "ctypes.util"


def test_reproducible_fonts_sets_the_epoch_only_while_writing(monkeypatch):
    import os

    from booklet.render.engine import reproducible_fonts
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    with reproducible_fonts():
        assert os.environ["SOURCE_DATE_EPOCH"] == "0"
    assert "SOURCE_DATE_EPOCH" not in os.environ
