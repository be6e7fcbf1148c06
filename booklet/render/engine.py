"""Load WeasyPrint without its library search, and write its PDFs with reproducible font subsets."""

from __future__ import annotations

import contextlib
import ctypes.util
import io
import os
import sys
from collections.abc import Iterator


def _loaded_by_soname(name: str) -> None:
    """Stands in for ctypes.util.find_library while WeasyPrint loads its libraries on Linux.

    WeasyPrint tries each library under several names (Windows', macOS', generic ones)
    before its Linux soname. cffi opens a name with a dot in it directly, the way the
    system loader does, and asks find_library only when that fails; on Linux
    find_library starts ldconfig, gcc and ld for every name, about 280 processes at
    each start. The soname is always in WeasyPrint's list, so saying "not found" to
    the other names changes which file is loaded in no case, and starts no process."""
    return None


def _forget_weasyprint() -> None:
    for name in [m for m in sys.modules if m == "weasyprint" or m.startswith("weasyprint.")]:
        del sys.modules[name]


def _load():
    if "weasyprint" not in sys.modules and sys.platform.startswith("linux"):
        searching = ctypes.util.find_library
        ctypes.util.find_library = _loaded_by_soname
        try:
            # WeasyPrint prints installation advice when a library is missing: keep it for the retry below.
            with contextlib.redirect_stdout(io.StringIO()):
                import weasyprint
            return weasyprint
        except OSError:
            _forget_weasyprint()       # a system whose sonames differ: let WeasyPrint search as it would
        finally:
            ctypes.util.find_library = searching
    import weasyprint
    return weasyprint


weasyprint = _load()


@contextlib.contextmanager
def reproducible_fonts() -> Iterator[None]:
    """fontTools stamps each font subset's 'head' table with the clock unless SOURCE_DATE_EPOCH
    is set; set it while a PDF is written (and only then), so the same sources give the same bytes."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "0"
    try:
        yield
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
