"""Time whole `booklet` processes against the bare WeasyPrint script, side by side in one run.

Run by hand: `python -m benchmarks.whole [--repeat 5] [--sources sources]`. Each figure is the
median of alternating runs of fresh processes (ours, bare, ours, bare...), wall time and CPU
time (user + system of the process and its children), on a copy of the sources in a temporary
folder. Never part of the tests.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.browser import CHROMIUM

PROJECT = Path(__file__).resolve().parent.parent
BOOKLET = (sys.executable, "-m", "booklet")
BARE = (sys.executable, "-m", "benchmarks.bare")


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float


def timed(command, cwd: Path, before=None) -> Timing:
    """One whole process: `before` (an edit, a clean-up) runs first and is not counted."""
    if before:
        before()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True, env=_env())
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return Timing(wall, (after.ru_utime - usage.ru_utime) + (after.ru_stime - usage.ru_stime))


def _env() -> dict:
    """The checkout on the path, and bytecode written and reused as after a normal install (a machine
    that sets PYTHONDONTWRITEBYTECODE would otherwise compile our modules from source every run)."""
    import os
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def median(timings: list[Timing]) -> Timing:
    return Timing(statistics.median(t.wall for t in timings), statistics.median(t.cpu for t in timings))


def side_by_side(ours, bare, repeat: int) -> tuple[Timing, Timing]:
    """Alternate the two so that a busy moment of the machine hits both alike."""
    mine, theirs = [], []
    for _ in range(repeat):
        mine.append(ours())
        theirs.append(bare())
    return median(mine), median(theirs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sources", type=Path, default=PROJECT / "sources")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        shutil.copytree(args.sources, work / "sources")
        rows = measure(work, args.repeat)
    print(f"{'measurement':<52}{'ours wall':>10}{'bare wall':>10}{'ratio':>7}{'ours cpu':>10}{'bare cpu':>10}"
          f"{'ratio':>7}")
    for name, ours, bare in rows:
        if bare is None:
            print(f"{name:<52}{ours.wall:>9.2f}s{'':>10}{'':>7}{ours.cpu:>9.2f}s")
        else:
            cpu = "" if ours.cpu != ours.cpu else \
                f"{ours.cpu:>9.2f}s{bare.cpu:>9.2f}s{ours.cpu / bare.cpu:>6.2f}x"      # NaN: not measured
            print(f"{name:<52}{ours.wall:>9.2f}s{bare.wall:>9.2f}s{ours.wall / bare.wall:>6.2f}x{cpu}")


def measure(work: Path, repeat: int) -> list[tuple[str, Timing, Timing | None]]:
    sources, out = work / "sources", work / "out"
    rows = []

    def fresh():
        shutil.rmtree(out, ignore_errors=True)
    cold = side_by_side(
        lambda: timed([*BOOKLET, "build", "--sources", "sources", "--output", "out", "-j", "2"], work, fresh),
        lambda: timed([*BARE, "sources", "bare"], work), repeat)
    rows.append(("cold build, all four variants, -j 2 (bare: 3 layouts)", *cold))

    section = next(p for p in sorted(sources.glob("*/*.md")))
    text = section.read_text(encoding="utf-8")
    edits = iter(range(1 << 30))

    def edit():
        word = "words" if next(edits) % 2 else "things"
        section.write_text(text + f"\nSome more {word}.\n", encoding="utf-8")
    one = side_by_side(
        lambda: timed([*BOOKLET, "build", "--sources", "sources", "--output", "out", "--variant", "download"],
                      work, edit),
        lambda: timed([*BARE, "sources", "bare", "download"], work), repeat)
    rows.append(("one-word edit, then --variant download (bare: download)", *one))
    section.write_text(text, encoding="utf-8")
    timed([*BOOKLET, "build", "--sources", "sources", "--output", "out"], work)

    # The editions alone, the PDFs up to date (their files removed, so only they are made again),
    # against our own download made again the same way: the 0.3x target.
    folder = out / next(p.parent.name for p in sorted(sources.glob("*/booklet.yml")))
    editions = [p for p in folder.iterdir() if p.name == "index.html" or p.suffix == ".epub"]
    download = next(folder.glob("*-download.pdf"))
    alone = side_by_side(
        lambda: timed([*BOOKLET, "build", "--sources", "sources", "--output", "out", "--variant", "web",
                       "--variant", "epub"], work, lambda: [p.unlink() for p in editions if p.exists()]),
        lambda: timed([*BOOKLET, "build", "--sources", "sources", "--output", "out", "--variant", "download"],
                      work, lambda: download.unlink()), repeat)
    rows.append(("web page + EPUB remade (against: our download remade)", *alone))
    rows.append(("serve: one-word edit to the new web page (warm)", Timing(serve_latency(work, repeat),
                                                                           float("nan")), None))
    if Path(CHROMIUM).is_file():
        rows.append(("serve: a save to the page reloaded in Chromium", Timing(reload_in_browser(work, repeat),
                                                                            float("nan")), None))
    rows.append(("no-change rebuild, all variants", median(
        [timed([*BOOKLET, "build", "--sources", "sources", "--output", "out"], work) for _ in range(repeat)]), None))
    rows.append(("booklet --help", median([timed([*BOOKLET, "--help"], work) for _ in range(repeat)]), None))
    rows.append(("booklet check (whole library)", median(
        [timed([*BOOKLET, "check", "--sources", "sources", "--output", "out"], work) for _ in range(repeat)]), None))
    rows.append(("python -c 'import weasyprint' (for scale)", median(
        [timed([sys.executable, "-c", "import weasyprint"], work) for _ in range(repeat)]), None))
    # Watch is one long process: a warm session's edit-to-PDF time against bare WeasyPrint's download
    # in that same process (benchmarks/targets.py); wall time only.
    from benchmarks.targets import watch_latency
    watch = watch_latency(work, repeat)
    rows.append(("watch: one-word edit to the new download PDF (warm)", Timing(watch["ours"], float("nan")),
                 Timing(watch["bare"], float("nan"))))
    return rows


def serve_latency(work: Path, repeat: int) -> float:
    """A warm `booklet serve` session: from a saved edit to the new web page written (its first round)."""
    from booklet.build import BuildRequest
    from booklet.serving.session import Session
    session = Session(BuildRequest(root=work / "sources", output=work / "serve-out"), lambda line: None)
    session.round(session.full)
    section = next(p for p in sorted((work / "sources").glob("*/*.md")))
    text, times = section.read_text(encoding="utf-8"), []
    for n in range(repeat + 1):
        section.write_text(text + f"\nSome more words {n}.\n", encoding="utf-8")
        times.append(session.round(session.quick).seconds)
    section.write_text(text, encoding="utf-8")
    return statistics.median(times[1:])         # the first round loads the fonts' library


def reload_in_browser(work: Path, repeat: int) -> float:
    """The real `booklet serve` process and a real Chromium with the sample's page open: from a file
    saved to the browser showing the new words (the watcher, the web round, the event, the reload)."""
    import re
    from tests.devtools import DevTools
    section = next(p for p in sorted((work / "sources").glob("*/*.md")))
    slug, text = section.parent.name, section.read_text(encoding="utf-8")
    log = work / "serve.log"
    with log.open("w") as printed:
        process = subprocess.Popen([*BOOKLET, "serve", "--sources", "sources", "--output", "serve-browser",
                                    "--port", "0"], cwd=work, stdout=printed, stderr=subprocess.STDOUT)
    browser = DevTools(work / "browser-profile")
    try:
        while "rebuilding on every save" not in log.read_text():
            time.sleep(0.05)
        address = re.search(r"at (http://127\.0\.0\.1:\d+/)", log.read_text()).group(1)
        browser.open(f"{address}{slug}/")
        times = []
        for n in range(repeat + 1):
            done = log.read_text().count("all rebuilt")
            words = f"Words saved {n} times."
            section.write_text(text + f"\n{words}\n", encoding="utf-8")
            times.append(browser.wait_for(lambda: words in browser.shown(), timeout=60))
            while log.read_text().count("all rebuilt") == done:       # let the PDFs' round end first
                time.sleep(0.05)
    finally:
        browser.close()
        process.terminate()
        process.wait()
        section.write_text(text, encoding="utf-8")
    return statistics.median(times[1:])


if __name__ == "__main__":
    main()
