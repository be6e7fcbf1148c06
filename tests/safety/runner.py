"""Run one `booklet` command under an audit hook that logs every file opened outside the allowed folders."""

from __future__ import annotations

import json
import os
import sys
import sysconfig


def main() -> None:
    log, allowed, arguments = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3:]
    # Python's own environment is not a user's file: its prefixes, and the installed distributions'
    # metadata (Python-Markdown reads every entry_points.txt when an extension is loaded by name).
    from importlib.metadata import distributions
    metadata = [str(path) for d in distributions() if (path := getattr(d, "_path", None)) is not None]
    allowed = [os.path.realpath(p) for p in allowed + metadata + [sys.prefix, sys.base_prefix, sys.exec_prefix,
                                                                  *sysconfig.get_paths().values()]]
    outside: list[str] = []

    def audit(event: str, args) -> None:
        if event != "open" or not isinstance(args[0], (str, bytes, os.PathLike)):
            return
        path = os.path.realpath(os.fsdecode(args[0]))
        if os.path.basename(path).startswith("__editable__"):
            return                       # the import system probing an editable install's path hook
        if path != os.devnull and not any(path == a or path.startswith(a + os.sep) for a in allowed):
            outside.append(path)

    sys.addaudithook(audit)
    from booklet.cli import main as booklet
    code = 0
    try:
        booklet(arguments, prog_name="booklet")
    except SystemExit as exit:
        code = exit.code if isinstance(exit.code, int) else 1
    finally:
        with open(log, "w", encoding="utf-8") as stream:
            json.dump({"code": code, "outside": sorted(set(outside))}, stream)
    sys.exit(code)


if __name__ == "__main__":
    main()
