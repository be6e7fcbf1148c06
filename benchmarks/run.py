"""Time each stage of a booklet build, and a bare WeasyPrint render of the same HTML, on generated booklets.

    python -m benchmarks.run [--sizes 12,48,200,500] [--variants download|all|both] [--repeat N]
                             [--sources DIR] [--json FILE] [--jobs N] [--booklet-path DIR]
    python -m benchmarks.run --from-json FILE      # print the tables of a saved run again

Each measurement runs in a fresh Python process, so every run pays the same first-use costs (fonts,
stylesheets) and its peak memory (ru_maxrss) is its own. For each size and variant set there are three:

- stages: the pipeline itself (render/produce.py), with each step timed where it is called: read +
  validate, Markdown, check (`booklet check`'s rules run before rendering), templates (compose_html),
  WeasyPrint layout (lay_out), PDF write (write_raw), post-processing (DRAFT stamp, finish_pdf, handout
  imposition, job sheets), other (low-resolution picture check, page count). The download, print and
  handout share one layout, counted to the first of them.
- build: booklet.build.build(BuildRequest(...)) end to end, for that booklet and those variants.
- bare: plain `weasyprint.HTML(string=html, base_url=...).write_pdf(stylesheets=[weasyprint.CSS(...)])` of
  the same HTML with the same stylesheets, one laid-out variant after another (print laid out on its own,
  in CMYK with a bleed, as benchmarks/bare.py does), no post-processing.

Nothing here asserts a time: it prints tables (and writes JSON with --json) for a person to read.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
STAGES = ("read", "markdown", "check", "templates", "layout", "write", "post", "other")
PARTS = ("stamp", "finish", "derive", "sidecars")   # what "post" is made of, shown per variant
SETS = {"download": ("download",), "all": ()}      # () = the booklet's own list: every variant


def peak_mb() -> float:
    """This process's peak resident memory so far (Linux reports kilobytes)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 / (1024 if sys.platform == "darwin" else 1)


# --- Workers: each runs in its own process and writes a JSON result file. ---

def worker_stages(job: dict) -> dict:
    """The stages of produce(), one by one, with the same arguments the pipeline uses."""
    preload()
    import booklet.sources.library as library_module
    import booklet.sources.reader as reader_module      # the one reader, which converts the Markdown
    from booklet.build import STYLES
    from booklet.compose.document import compose_html
    from booklet.render.variants import VARIANTS

    root, folder = Path(job["root"]), Path(job["folder"])
    times = dict.fromkeys(STAGES, 0.0)
    per_variant: dict[str, dict[str, float]] = {}

    # read_library converts every section's Markdown through convert_sections: time that call apart.
    original, markdown_seconds = reader_module.convert_sections, [0.0, 0]

    def timed_convert(*args, **kwargs):
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            markdown_seconds[0] += time.perf_counter() - started
            markdown_seconds[1] += 1

    reader_module.convert_sections = timed_convert
    started = time.perf_counter()
    try:
        library, _warnings = library_module.read_library(root, [folder], variants=tuple(VARIANTS))
    finally:
        reader_module.convert_sections = original
    read_total = time.perf_counter() - started
    manifest = library.booklets[folder.name]
    if markdown_seconds[1]:
        times["markdown"] = markdown_seconds[0]
        times["read"] = read_total - markdown_seconds[0]
        split = "measured inside read_library"
    else:   # read_library no longer calls it by that name: convert again and subtract (an estimate)
        from booklet.problems import Problems
        started = time.perf_counter()
        original(manifest.sections, manifest.language, library.organisation, library.snippets, root,
                 {}, Problems(), set())
        times["markdown"] = time.perf_counter() - started
        times["read"] = max(0.0, read_total - times["markdown"])
        split = "estimated: Markdown converted a second time"

    # Builds that run `booklet check`'s rules before rendering (booklet.check.gate_build) do it here.
    try:
        from booklet.check import gate_build
    except ImportError:
        gate_build = None
    if gate_build is not None:
        started = time.perf_counter()
        gate_build(reader_module.read_sources(root, [folder], variants=tuple(VARIANTS)), styles=STYLES)
        times["check"] = time.perf_counter() - started
    else:
        del times["check"]      # shown as "-"

    names = list(job["variants"]) or list(manifest.variants)
    per_variant_names = {name: {**dict.fromkeys(STAGES, 0.0), **dict.fromkeys(PARTS, 0.0), "layouts": 0}
                         for name in names}
    per_variant.update(per_variant_names)
    current = [names[0]]

    def clock(stage: str, name: str, started: float, part: str | None = None) -> None:
        seconds = time.perf_counter() - started
        times[stage] += seconds
        per_variant[name][stage] += seconds
        if part:
            per_variant[name][part] += seconds

    # The pipeline itself runs (render/produce.py): its steps are timed where it calls them, and each
    # is counted to the variant being made when it runs (a shared layout to the first variant using it).
    import booklet.compose.document as compose_module
    import booklet.render.produce as produce_module

    def spy(function: str, stage: str, part: str | None = None) -> None:
        # produce() loads the templates when it calls them: those are timed in their own module.
        module = compose_module if function.startswith("compose_") else produce_module
        original = getattr(module, function)

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                clock(stage, current[0], started, part)
                if function == "lay_out":
                    per_variant[current[0]]["layouts"] += 1
        setattr(module, function, timed)

    for function, stage, part in (("compose_html", "templates", None), ("compose_notes_html", "templates", None),
                                  ("lay_out", "layout", None), ("write_raw", "write", None),
                                  ("render_draft_stamp", "post", "stamp"), ("finish_pdf", "post", "finish"),
                                  ("low_resolution_images", "other", None), ("_count_pages", "other", None)):
        spy(function, stage, part)
    setting = produce_module.Setting(root, STYLES)
    made = produce_module.produce(manifest, library.organisation, names, setting)
    pages = {}
    for name in names:
        current[0] = name
        started = time.perf_counter()
        spied = sum(per_variant[name][stage] for stage in STAGES)
        item = next(made)
        # What the spies did not see: deriving (the handout's imposition), sidecars, listening.
        rest = time.perf_counter() - started - (sum(per_variant[name][stage] for stage in STAGES) - spied)
        times["post"] += rest
        per_variant[name]["post"] += rest
        per_variant[name]["derive" if VARIANTS[name].made_from else "sidecars"] += rest
        pages[name] = item.pages

    # The bare reference (as benchmarks/bare.py): each laid-out variant's HTML and stylesheets, print
    # laid out on its own with its CMYK colours and bleed, as a plain WeasyPrint user would.
    from booklet.render.variants import layout_of
    from booklet.theme.css import theme_css
    from booklet.theme.reader import load_theme
    theme, bare_jobs = load_theme(root), []
    for name in names:
        variant = VARIANTS[name]
        if variant.made_from:
            continue
        press = STYLES / "icc" / "ISOcoated_v2_300_bas.icc" if variant.press else None
        html_path = Path(job["scratch"]) / f"{name}.html"
        html_path.write_text(compose_html(manifest, library.organisation, variant=layout_of(name).name),
                             encoding="utf-8")
        bare_jobs.append({"variant": name, "html": str(html_path), "base": manifest.folder.as_uri() + "/",
                          "stylesheets": [str(STYLES / s) for s in layout_of(name).stylesheets],
                          "extra_css": theme_css(theme, press_profile=press)
                          + ("@page { bleed: 3mm; marks: none }" if press else ""),
                          "pdf_variant": "pdf/x-4" if press else variant.pdf_variant, "layouts": 1})
    return {"times": times, "per_variant": per_variant, "pages": pages, "bare_jobs": bare_jobs,
            "markdown_split": split, "peak_mb": peak_mb()}


def count_pages(pdf: bytes) -> int:
    import io

    import pikepdf
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return len(doc.pages)


def preload() -> None:
    """Import the engine and the pipeline before the clock starts, as the other workers do: a build that
    imports WeasyPrint lazily would otherwise count Python's import time (about 0.5 s) as build time."""
    import importlib
    for name in ("weasyprint", "pikepdf", "booklet.sources.library", "booklet.render.produce",
                 "booklet.check", "booklet.check.contrast", "booklet.parallel", "booklet.cache"):
        try:
            importlib.import_module(name)
        except ImportError:
            pass


def worker_build(job: dict) -> dict:
    """booklet.build.build end to end into an empty folder (so any cache is cold), one process unless
    --jobs says otherwise. If the build runs `booklet check`'s gate (booklet.check.gate_build), its share
    is timed apart by wrapping it."""
    import dataclasses

    preload()
    import booklet.build as build_module
    from booklet.build import BuildRequest, build

    fields = {f.name for f in dataclasses.fields(BuildRequest)}
    options = {"jobs": job["jobs"]} if "jobs" in fields else {}
    options.update({"force": True} if "force" in fields else {})
    try:
        import booklet.check as check_module
    except ImportError:
        check_module = None
    # build() may import gate_build at module level or when called: wrap it in both places.
    owners = [m for m in (build_module, check_module) if m is not None and hasattr(m, "gate_build")]
    gate = owners[0].gate_build if owners else None
    gate_seconds = [0.0]
    if gate is not None:
        def timed_gate(*args, **kwargs):
            started = time.perf_counter()
            try:
                return gate(*args, **kwargs)
            finally:
                gate_seconds[0] += time.perf_counter() - started
        for owner in owners:
            owner.gate_build = timed_gate
    with tempfile.TemporaryDirectory() as output:
        started = time.perf_counter()
        result = build(BuildRequest(root=Path(job["root"]), output=Path(output), folders=(Path(job["folder"]),),
                                    variants=tuple(job["variants"]), **options))
        seconds = time.perf_counter() - started
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024   # --jobs > 1: the workers
    return {"seconds": seconds, "check": gate_seconds[0] if gate is not None else None,
            "pages": {b.variant: b.pages for b in result.built}, "peak_mb": max(peak_mb(), children)}


def worker_bare(job: dict) -> dict:
    """Plain WeasyPrint: the same HTML and stylesheets, one variant after another, nothing else.
    A FontConfiguration is passed so that fonts.css's @font-face rules load the same font files."""
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    seconds = {}
    for item in job["bare_jobs"]:
        html = Path(item["html"]).read_text(encoding="utf-8")
        options = {"pdf_variant": item["pdf_variant"]} if job["with_pdf_variant"] else {}
        started = time.perf_counter()
        fonts = FontConfiguration()
        sheets = [weasyprint.CSS(filename=name, font_config=fonts) for name in item["stylesheets"]]
        if item["extra_css"]:
            sheets.append(weasyprint.CSS(string=item["extra_css"], font_config=fonts))
        weasyprint.HTML(string=html, base_url=item["base"]).write_pdf(stylesheets=sheets, font_config=fonts,
                                                                      **options)
        seconds[item["variant"]] = time.perf_counter() - started
    return {"seconds": sum(seconds.values()), "per_variant": seconds, "peak_mb": peak_mb()}


WORKERS = {"stages": worker_stages, "build": worker_build, "bare": worker_bare}


def spawn(kind: str, job: dict, scratch: Path) -> dict:
    """Run one worker in a fresh interpreter and read back its result."""
    job_file, result_file = scratch / f"{kind}-job.json", scratch / f"{kind}-result.json"
    job_file.write_text(json.dumps(job))
    result_file.unlink(missing_ok=True)
    # Run this file as a script (not -m from the project folder), so that `booklet` is imported the usual
    # way: the installed package, or --booklet-path's checkout when one is given.
    env = dict(os.environ)
    if job.get("booklet_path"):
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [job["booklet_path"], env.get("PYTHONPATH")]))
    completed = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker", kind, str(job_file),
                                str(result_file)], cwd=scratch, env=env, capture_output=True, text=True)
    if completed.returncode != 0:
        raise SystemExit(f"the {kind} worker failed:\n{completed.stdout}{completed.stderr}")
    return json.loads(result_file.read_text())


# --- The driver ---

def measure(root: Path, folder: Path, variants: tuple[str, ...], *, repeat: int, bare_variant: bool, jobs: int,
            booklet_path: Path | None) -> dict:
    """Median of `repeat` runs of each worker (each in its own process), plus everything each run reported."""
    runs = []
    with tempfile.TemporaryDirectory(prefix="booklet-bench-") as scratch:
        scratch = Path(scratch)
        for _ in range(repeat):
            base = {"root": str(root), "folder": str(folder), "variants": list(variants), "scratch": str(scratch),
                    "jobs": jobs, "booklet_path": str(booklet_path) if booklet_path else None}
            stages = spawn("stages", base, scratch)
            bare = spawn("bare", {**base, "bare_jobs": stages["bare_jobs"], "with_pdf_variant": False}, scratch)
            bare_ua = spawn("bare", {**base, "bare_jobs": stages["bare_jobs"], "with_pdf_variant": True},
                            scratch) if bare_variant else None
            built = spawn("build", base, scratch)
            runs.append({"stages": stages, "bare": bare, "bare_pdf_variant": bare_ua, "build": built})
    median = statistics.median
    row = {stage: median(r["stages"]["times"][stage] for r in runs) for stage in STAGES
           if stage in runs[0]["stages"]["times"]}
    row["stages_total"] = median(sum(r["stages"]["times"].values()) for r in runs)
    row["build"] = median(r["build"]["seconds"] for r in runs)
    checks = [r["build"]["check"] for r in runs if r["build"]["check"] is not None]
    row["build_check"] = median(checks) if checks else None
    row["bare"] = median(r["bare"]["seconds"] for r in runs)
    row["bare_pdf_variant"] = median(r["bare_pdf_variant"]["seconds"] for r in runs) if bare_variant else None
    row["ratio"] = row["build"] / row["bare"]
    row["peak_mb"] = max(r["build"]["peak_mb"] for r in runs)
    row["stages_peak_mb"] = max(r["stages"]["peak_mb"] for r in runs)
    row["pages"] = runs[0]["stages"]["pages"]
    row["per_variant"] = {name: {stage: median(r["stages"]["per_variant"][name].get(stage, 0) for r in runs)
                                 for stage in STAGES + PARTS + ("layouts",)}
                          for name in runs[0]["stages"]["per_variant"]}
    row["bare_per_variant"] = {name: median(r["bare"]["per_variant"][name] for r in runs)
                               for name in runs[0]["bare"]["per_variant"]}
    row["markdown_split"] = runs[0]["stages"]["markdown_split"]
    row["runs"] = runs
    return row


HEADER = ("size", "pages", "read", "md", "check", "tmpl", "layout", "write", "post", "other", "stages", "build",
          "bare", "ratio", "peak MB")


def table_line(size: int, row: dict) -> str:
    cells = [str(size), str(row["pages"].get("download", "-"))]
    cells += [f"{row[s]:.2f}" if row.get(s) is not None else "-" for s in STAGES]   # "-": no such stage
    cells += [f"{row['stages_total']:.2f}", f"{row['build']:.2f}", f"{row['bare']:.2f}", f"{row['ratio']:.2f}",
              f"{row['peak_mb']:.0f}"]
    return "| " + " | ".join(cells) + " |"


def print_table(title: str, rows: dict[int, dict]) -> None:
    print(f"\n{title}\n")
    print("| " + " | ".join(HEADER) + " |")
    print("|" + "|".join("---:" for _ in HEADER) + "|")
    for size, row in rows.items():
        print(table_line(size, row))


def print_variants(rows: dict[int, dict]) -> None:
    print("\nAll variants, seconds per variant (stages run; bare = plain WeasyPrint of that variant's HTML)\n")
    print("| size | variant | pages | tmpl | layout | (layouts) | write | post | (stamp | finish | derive | sidecars)"
          " | other | bare |")
    print("|---:|---|---:|" + "---:|" * 11)
    for size, row in rows.items():
        for name, times in row["per_variant"].items():
            bare = row["bare_per_variant"].get(name)
            cells = [f"{times.get(key, 0):.2f}" for key in ("templates", "layout", "write", "post") + PARTS + ("other",)]
            cells.insert(2, f"{times['layouts']:.0f}" if times.get("layouts") else "-")
            print(f"| {size} | {name} | {row['pages'].get(name, '-')} | " + " | ".join(cells) +
                  f" | {'-' if bare is None else f'{bare:.2f}'} |")


def print_results(results: dict[str, dict[int, dict]]) -> None:
    for name, rows in results.items():
        print_table("Download variant only" if name == "download" else "All variants (download, print,"
                    " large-print, handout)", rows)
        if name == "all":
            print_variants(rows)
        if any(row["bare_pdf_variant"] for row in rows.values()):
            print("\nbare WeasyPrint with the variant's pdf_variant: " + ", ".join(
                f"{size}: {row['bare_pdf_variant']:.2f} s" for size, row in rows.items()))
    print()
    for name, rows in results.items():
        if 48 in rows and 500 in rows:
            ratio = rows[500]["build"] / rows[48]["build"]
            print(f"{name}: 500-page / 48-page build time = {ratio:.1f}x (target at most 10x)")
        peak = max(row["peak_mb"] for row in rows.values())
        print(f"{name}: highest peak memory {peak:.0f} MB (target under 600 MB)")
    split = {row["markdown_split"] for rows in results.values() for row in rows.values()}
    print(f"read / Markdown split: {', '.join(sorted(split))}")


def machine() -> dict:
    import pikepdf
    import weasyprint
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        ram = int(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024 ** 3)
    except (ValueError, OSError):
        ram = None
    return {"cpu": cpu, "cores": os.cpu_count(), "ram_gb": ram, "python": platform.python_version(),
            "weasyprint": weasyprint.__version__, "pikepdf": pikepdf.__version__,
            "platform": platform.platform(), "date": time.strftime("%Y-%m-%d")}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="12,48,200,500", help="page counts, comma-separated (default %(default)s)")
    parser.add_argument("--variants", choices=("download", "all", "both"), default="both",
                        help="the download variant alone, every variant, or both tables (default %(default)s)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each measurement; the median is shown")
    parser.add_argument("--sources", type=Path,
                        help="a sources root already written by benchmarks.generate (default: generate afresh)")
    parser.add_argument("--bare-pdf-variant", action="store_true",
                        help="also time bare WeasyPrint with the variant's pdf_variant (pdf/ua-1, pdf/x-4)")
    parser.add_argument("--jobs", type=int, default=1,
                        help="processes for the end-to-end build, if the build has -j (default 1: sequential)")
    parser.add_argument("--booklet-path", type=Path,
                        help="measure the booklet package in this folder (say, an older commit exported with"
                             " git archive) instead of the installed one")
    parser.add_argument("--json", type=Path, help="write every measurement to this file")
    parser.add_argument("--worker", nargs=3, metavar=("KIND", "JOB", "RESULT"), help=argparse.SUPPRESS)
    parser.add_argument("--from-json", type=Path, help="print the tables of a run saved with --json, and stop")
    args = parser.parse_args(argv)
    if args.from_json:
        saved = json.loads(args.from_json.read_text())
        info = saved["machine"]
        print(f"{info['cpu']}, {info['cores']} cores, {info['ram_gb']} GB; Python {info['python']},"
              f" WeasyPrint {info['weasyprint']}, pikepdf {info['pikepdf']}; {info['date']}")
        print_results({name: {int(size): row for size, row in rows.items()}
                       for name, rows in saved["results"].items()})
        return
    if args.worker:     # inside a measurement process
        kind, job, result = args.worker
        Path(result).write_text(json.dumps(WORKERS[kind](json.loads(Path(job).read_text()))))
        return

    if str(PROJECT) not in sys.path:     # run as `python benchmarks/run.py`
        sys.path.insert(0, str(PROJECT))
    from benchmarks.generate import generate, slug_for

    sizes = [int(s) for s in args.sizes.split(",")]
    sets = ("download", "all") if args.variants == "both" else (args.variants,)
    info = machine()
    print(f"{info['cpu']}, {info['cores']} cores, {info['ram_gb']} GB; Python {info['python']},"
          f" WeasyPrint {info['weasyprint']}, pikepdf {info['pikepdf']}; {info['date']}", flush=True)
    if args.booklet_path:
        info["booklet_path"] = str(args.booklet_path.resolve())
        print(f"booklet package from {info['booklet_path']}", flush=True)
    with tempfile.TemporaryDirectory(prefix="booklet-bench-sources-") as generated:
        if args.sources:
            root = args.sources.resolve()
            folders = {size: root / slug_for(size) for size in sizes}
            missing = [str(f) for f in folders.values() if not (f / "booklet.yml").is_file()]
            if missing:
                raise SystemExit(f"not generated: {', '.join(missing)} (python -m benchmarks.generate {root})")
        else:
            root = Path(generated)
            folders = generate(root, sizes)
        results: dict[str, dict[int, dict]] = {}
        for name in sets:
            results[name] = {}
            for size in sizes:
                print(f"measuring {slug_for(size)}, {name} variant{'s' if name == 'all' else ''} ...",
                      file=sys.stderr, flush=True)
                results[name][size] = measure(root, folders[size], SETS[name], repeat=args.repeat,
                                              bare_variant=args.bare_pdf_variant, jobs=args.jobs,
                                              booklet_path=args.booklet_path)

    print_results(results)
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "results": results}, indent=1))


if __name__ == "__main__":
    main()
