"""Measure the sample booklet against the speed targets: no-change rebuild, watch latency, cold builds.

Run by hand: python -m benchmarks.targets [--repeat 5]. Each measurement runs in a fresh
process, on a copy of the sources in a temporary folder; the repository is not touched.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SLUG = "metastatic-breast-cancer"
ALL = ("download", "print", "large-print", "handout")


def _python(code: str, cwd: Path) -> dict:
    """Run `code` in a fresh interpreter; it prints one JSON object as its last line."""
    import os
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}          # benchmarks.bare, from the checkout
    env.pop("PYTHONDONTWRITEBYTECODE", None)                  # bytecode as after a normal install
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=cwd, capture_output=True, text=True, env=env,
                          check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def no_change_rebuild(work: Path, repeat: int) -> float:
    """Wall time of `booklet build` (all variants) when nothing changed: the whole command, start to exit."""
    command = [sys.executable, "-m", "booklet", "build", "--sources", "sources", "--output", "out"]
    import os
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(command, cwd=work, check=True, capture_output=True, env=env)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, cwd=work, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def watch_latency(work: Path, repeat: int) -> dict:
    """A one-word edit, then the time until the new download PDF is in place, in a warm watch session;
    against a bare WeasyPrint render (HTML and stylesheets to PDF) of the same booklet in the same process."""
    return _python(f"""
        import json, statistics, time
        from pathlib import Path
        import weasyprint
        import booklet.publishing as build_module
        from booklet.build import BuildRequest, STYLES
        from booklet.watch import Watcher
        from booklet.compose.document import compose_html
        from booklet.render.variants import VARIANTS
        from booklet.sources.library import read_library

        root, out = Path("sources").resolve(), Path("out-watch").resolve()
        written = {{}}
        original = build_module.publish
        def spy(files, folder):
            original(files, folder)
            for target, _ in files:
                written.setdefault(target.name, time.perf_counter())
        build_module.publish = spy
        watcher = Watcher(BuildRequest(root=root, output=out, folders=(root / "{SLUG}",)), lambda line: None)
        watcher.rebuild()
        section = root / "{SLUG}" / "about.md"
        text = section.read_text()
        ours = []
        for i in range({repeat}):
            written.clear()
            section.write_text(text.replace("booklet", "booklet" if i % 2 else "guide", 1))
            started = time.perf_counter()
            watcher.rebuild([section])
            ours.append(written["{SLUG}-download.pdf"] - started)
        section.write_text(text)
        library, _ = read_library(root, [root / "{SLUG}"], variants=tuple(VARIANTS))
        manifest = library.booklets["{SLUG}"]
        html = compose_html(manifest, library.organisation, variant="download")
        bare = []
        for _ in range({repeat}):
            started = time.perf_counter()
            sheets = [weasyprint.CSS(filename=STYLES / name) for name in VARIANTS["download"].stylesheets]
            weasyprint.HTML(string=html, base_url=manifest.folder.as_uri() + "/").write_pdf(
                stylesheets=sheets, pdf_variant="pdf/ua-1")
            bare.append(time.perf_counter() - started)
        print(json.dumps({{"ours": statistics.median(ours), "bare": statistics.median(bare)}}))
    """, work)


def cold_build(work: Path, jobs: int) -> float:
    """build() of every variant with an empty cache, timed inside a fresh process after its imports."""
    return _python(f"""
        import json, shutil, time
        from pathlib import Path
        import booklet.render.produce   # imports are not part of the build being timed
        from booklet.build import BuildRequest, build
        out = Path("out-cold-{jobs}")
        shutil.rmtree(out, ignore_errors=True)
        started = time.perf_counter()
        build(BuildRequest(root=Path("sources").resolve(), output=out.resolve(), jobs={jobs}))
        print(json.dumps({{"seconds": time.perf_counter() - started}}))
    """, work)["seconds"]


def bare_sequential(work: Path) -> float:
    """Plain WeasyPrint of each laid-out variant, one after another (benchmarks/bare.py, timed after its imports)."""
    return _python("""
        import json, time
        from pathlib import Path
        import weasyprint
        from benchmarks.bare import main
        started = time.perf_counter()
        main(Path("sources").resolve(), Path("bare-out").resolve(), ("download", "print", "large-print"))
        print(json.dumps({"seconds": time.perf_counter() - started}))
    """, work)["seconds"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        shutil.copytree(PROJECT / "sources", work / "sources")
        rows = []
        rows.append(("no-change rebuild, all variants (whole command)", no_change_rebuild(work, args.repeat),
                     "under 0.15 s"))
        watch = watch_latency(work, args.repeat)
        rows.append(("watch: one-word edit to new download PDF", watch["ours"],
                     f"at most 0.5 s; bare WeasyPrint of the download {watch['bare']:.2f} s"
                     f" (ratio {watch['ours'] / watch['bare']:.2f})"))
        bare = statistics.median(bare_sequential(work) for _ in range(3))
        for jobs in (1, 2):
            cold = statistics.median(cold_build(work, jobs) for _ in range(3))
            rows.append((f"cold build, all variants, -j {jobs}", cold,
                         f"bare sequential {bare:.2f} s, ratio {cold / bare:.2f}"
                         + (" (target at most 0.55)" if jobs == 2 else "")))
    width = max(len(r[0]) for r in rows)
    for name, seconds, note in rows:
        print(f"{name:<{width}}  {seconds:6.2f} s  {note}")


if __name__ == "__main__":
    main()
