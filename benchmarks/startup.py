"""Time the commands that do little, whole-process: `--help`, a no-change build, `check`, and a watch edit.

Run by hand: `python -m benchmarks.startup [--repeat 5] [--baseline DIR]`. Each figure is the
median of fresh `python -m booklet ...` processes (never the `booklet` launcher script, whose
start-up is not ours), on a copy of the sample sources in a temporary folder. With
`--baseline DIR` (a folder holding another version's `booklet/` package, for example made by
`git archive COMMIT booklet | tar -x -C DIR`), the same commands run with that package first on
PYTHONPATH, alternating with the current one so that a busy moment hits both alike. The watch
figure is benchmarks/targets.py's: a one-word edit to the new download PDF in a warm session
(the median of three sessions, the versions alternating).
Python's own bytecode cache is used as installed: PYTHONDONTWRITEBYTECODE is left as it is and
reported. Never part of the tests.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
BOOKLET = (sys.executable, "-m", "booklet")
COMMANDS = {
    "booklet --help": ("--help",),
    "booklet build --help": ("build", "--help"),
    "no-change build (all variants)": ("build", "--sources", "sources", "--output", "{out}"),
    "booklet check (after a build)": ("check", "--sources", "sources", "--output", "{out}"),
}


def _env(package: Path | None) -> dict:
    env = dict(os.environ)
    if package is not None:
        env["PYTHONPATH"] = str(package) + os.pathsep + str(PROJECT)
    return env


def _wall(arguments: tuple[str, ...], work: Path, version: str, package: Path | None) -> float:
    """One whole process; each version builds into its own output folder, so its cache stays its own."""
    started = time.perf_counter()
    subprocess.run([*BOOKLET, *(a.format(out=f"out-{version}") for a in arguments)], cwd=work,
                   env=_env(package), capture_output=True)
    return time.perf_counter() - started


def measure(work: Path, versions: dict[str, Path | None], repeat: int) -> dict[str, dict[str, float]]:
    """Median seconds of each command for each version, the versions alternating run by run."""
    for version, package in versions.items():         # a full build first, into the version's own folder
        subprocess.run([*BOOKLET, "build", "--sources", "sources", "--output", f"out-{version}"], cwd=work,
                       env=_env(package), capture_output=True, check=True)
    figures: dict[str, dict[str, float]] = {}
    for name, arguments in COMMANDS.items():
        runs: dict[str, list[float]] = {version: [] for version in versions}
        for version, package in versions.items():
            _wall(arguments, work, version, package)  # not counted: writes bytecode, the contrast record
        for _ in range(repeat):
            for version, package in versions.items():
                runs[version].append(_wall(arguments, work, version, package))
        figures[name] = {version: statistics.median(times) for version, times in runs.items()}
    return figures


def watch(work: Path, versions: dict[str, Path | None], repeat: int, passes: int = 3) -> dict[str, tuple[float, float]]:
    """(ours, bare) seconds from benchmarks/targets.py's warm-session measurement (`repeat` edits a
    session): the median of `passes` sessions, the versions alternating session by session."""
    from benchmarks.targets import watch_latency
    found: dict[str, list[tuple[float, float]]] = {version: [] for version in versions}
    saved = os.environ.get("PYTHONPATH")
    try:
        for _ in range(passes):
            for version, package in versions.items():
                os.environ["PYTHONPATH"] = _env(package).get("PYTHONPATH", str(PROJECT))
                shutil.rmtree(work / "out-watch", ignore_errors=True)
                result = watch_latency(work, repeat)
                found[version].append((result["ours"], result["bare"]))
    finally:
        os.environ.pop("PYTHONPATH", None)
        if saved is not None:
            os.environ["PYTHONPATH"] = saved
    return {version: (statistics.median(o for o, _ in runs), statistics.median(b for _, b in runs))
            for version, runs in found.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--baseline", type=Path, default=None, help="a folder holding another booklet/ package")
    parser.add_argument("--no-watch", action="store_true", help="skip the watch measurement (about a minute)")
    args = parser.parse_args()
    versions: dict[str, Path | None] = {"current": None}
    if args.baseline is not None:
        versions = {"baseline": args.baseline.resolve(), "current": None}
    print(f"PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r}, medians of {args.repeat}")
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        shutil.copytree(PROJECT / "sources", work / "sources")
        figures = measure(work, versions, args.repeat)
        watched = {} if args.no_watch else watch(work, versions, args.repeat)
    header = "".join(f"{version:>10}" for version in versions)
    print(f"{'command':<46}{header}")
    for name, by_version in figures.items():
        print(f"{name:<46}" + "".join(f"{by_version[v]:>9.3f}s" for v in versions))
    if watched:
        print(f"{'watch: one-word edit to new download PDF':<46}" + "".join(f"{watched[v][0]:>9.3f}s" for v in versions)
              + "   (bare WeasyPrint render: " + ", ".join(f"{watched[v][1]:.3f} s" for v in versions) + ")")


if __name__ == "__main__":
    main()
