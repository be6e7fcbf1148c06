"""Profile one full build of a generated booklet with cProfile and say where the time goes.

    python -m benchmarks.profiling [--size 48] [--variants all|download] [--sources DIR] [--top 25]
                                 [--booklet-path DIR] [--save FILE.prof]

Builds the booklet of about SIZE pages (generated afresh unless --sources names a root written by
benchmarks.generate) once, under cProfile, into a temporary folder, then prints:

1. the time inside the pipeline's entry points (read, Markdown, check, templates, WeasyPrint layout,
   drawing, fonts, PDF writing, our pikepdf post-processing module by module), with call counts, which
   shows work repeated per variant (stylesheets parsed, fonts loaded, the DRAFT stamp rendered);
2. self time grouped by package (where the CPU actually is);
3. the top functions by cumulative and by self time.

cProfile slows Python-heavy code more than C code: use the shares, and benchmarks.run for real seconds.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent

# (label, module, attribute path): the function whose cumulative time is reported on that line.
ENTRY_POINTS = [
    ("build() end to end", "booklet.build", "build"),
    ("read_library: read + validate + Markdown", "booklet.sources.library", "read_library"),
    ("  convert_sections: Markdown", "booklet.sources.reader", "convert_sections"),
    ("check gate (booklet check rules before rendering)", "booklet.check", "gate_build"),
    ("  contrast rule (renders with WeasyPrint)", "booklet.check.contrast", "contrast"),
    ("cache keys (hashing inputs)", "booklet.cache", "key_of"),
    ("compose_html: templates", "booklet.compose.document", "compose_html"),
    ("lay_out (ours: stylesheets + WeasyPrint render)", "booklet.render.pdf", "lay_out"),
    ("  weasyprint.CSS(): parse a stylesheet", "weasyprint", "CSS.__init__"),
    ("  FontConfiguration.add_font_face: load a font", "weasyprint.text.fonts", "FontConfiguration.add_font_face"),
    ("  weasyprint.HTML(): parse the HTML", "weasyprint", "HTML.__init__"),
    ("  Document._render: styles + layout", "weasyprint.document", "Document._render"),
    ("    get_all_computed_styles: cascade", "weasyprint.css", "get_all_computed_styles"),
    ("    layout_document: boxes and pages", "weasyprint.layout", "layout_document"),
    ("write_raw (ours: WeasyPrint write, once per layout)", "booklet.render.pdf", "write_raw"),
    ("  Document.write_pdf: WeasyPrint PDF", "weasyprint.document", "Document.write_pdf"),
    ("    Page.paint: drawing", "weasyprint.document", "Page.paint"),
    ("    generate_pdf: objects, fonts, tags", "weasyprint.pdf", "generate_pdf"),
    ("      build_fonts_dictionary: font subsetting", "weasyprint.pdf.fonts", "build_fonts_dictionary"),
    ("      pydyf PDF.write: serialise", "pydyf", "PDF.write"),
    ("  finish_pdf: pikepdf post-processing", "booklet.render.pdf", "finish_pdf"),
    ("    make_accessible (tagging/repair.py)", "booklet.render.tagging.repair", "make_accessible"),
    ("    stamp_artifact_overlay: DRAFT on each page", "booklet.render.stamp", "stamp_artifact_overlay"),
    ("    finish_for_press (pdfx.py)", "booklet.render.pdfx", "finish_for_press"),
    ("      convert_document: RGB to CMYK (colour.py)", "booklet.render.colour", "convert_document"),
    ("      bleed: the cover grown into the bleed", "booklet.render.bleed", "_grow"),
    ("lay out the Notes padding (print)", "booklet.render.produce", "_padding"),
    ("    pikepdf Pdf.save", "pikepdf", "Pdf.save"),
    ("render_draft_stamp: the DRAFT page", "booklet.render.pdf", "render_draft_stamp"),
    ("low_resolution_images (print)", "booklet.render.resolution", "low_resolution_images"),
    ("impose_handout (impose.py)", "booklet.render.impose", "impose_handout"),
    ("print_job_sheet", "booklet.render.jobsheet", "print_job_sheet"),
    ("pikepdf.open (all callers)", "pikepdf", "Pdf.open"),
]

PACKAGES = [
    ("weasyprint/layout/", "WeasyPrint layout"), ("weasyprint/css/", "WeasyPrint CSS cascade"),
    ("weasyprint/formatting_structure/", "WeasyPrint box building"), ("weasyprint/draw/", "WeasyPrint drawing"),
    ("weasyprint/text/", "WeasyPrint text (Pango glue)"), ("weasyprint/pdf/", "WeasyPrint PDF"),
    ("weasyprint/", "WeasyPrint other"), ("/pydyf/", "pydyf (PDF serialising)"), ("/fontTools/", "fontTools"),
    ("/tinycss2/", "tinycss2 (CSS parsing)"), ("/cssselect2/", "cssselect2 (selectors)"),
    ("/html5lib/", "html5lib"), ("/pikepdf/", "pikepdf (Python side)"), ("/PIL/", "Pillow"),
    ("/markdown/", "Python-Markdown"), ("/jinja2/", "Jinja2"), ("/yaml/", "PyYAML"),
    ("booklet/render/", "booklet.render (ours)"), ("booklet/check/", "booklet.check (ours)"),
    ("booklet/", "booklet other (ours)"),
]


def resolve(module: str, attribute: str):
    import importlib
    try:
        target = importlib.import_module(module)
        for part in attribute.split("."):
            target = getattr(target, part)
    except (ImportError, AttributeError):
        return None
    target = getattr(target, "__wrapped__", target)
    code = getattr(target, "__code__", None)
    return (code.co_filename, code.co_firstlineno, code.co_name) if code else None


def package_of(key) -> str:
    filename, _, name = key
    if filename == "~":     # C functions: classify by their name (cffi calls into Pango count as their caller's)
        lowered = name.lower()
        for fragment, label in (("pikepdf", "pikepdf / qpdf (C++)"), ("imaging", "Pillow (C): PNG decode, encode"),
                                ("imagecms", "Pillow ImageCms (C)"), ("zlib", "zlib (C)"), ("cffi", "cffi (C)")):
            if fragment in lowered:
                return label
        return "Python builtins (isinstance, str, dict ...)"
    for fragment, label in PACKAGES:
        if fragment in filename.replace("\\", "/"):
            return label
    return "other Python"


def short(key) -> str:
    filename, line, name = key
    if filename == "~":
        return name
    parts = Path(filename).parts
    for anchor in ("site-packages", "main", "baseline"):
        if anchor in parts:
            parts = parts[parts.index(anchor) + 1:]
            break
    return f"{'/'.join(parts[-3:])}:{line}({name})"


def report(stats: pstats.Stats, total: float, top: int) -> str:
    out = io.StringIO()
    table = stats.stats     # key -> (primitive calls, calls, self time, cumulative time, callers)
    out.write(f"Entry points (cumulative seconds under cProfile; share of build() = {total:.2f} s)\n\n")
    out.write("| what | calls | seconds | share |\n|---|---:|---:|---:|\n")
    for label, module, attribute in ENTRY_POINTS:
        key = resolve(module, attribute)
        if key is None or key not in table:
            continue
        _, calls, _, cumulative, _ = table[key]
        out.write(f"| {label.replace('  ', '&nbsp;&nbsp;')} | {calls} | {cumulative:.2f} | {cumulative / total:.0%} |\n")

    groups: dict[str, float] = {}
    for key, (_, _, self_time, _, _) in table.items():
        groups[package_of(key)] = groups.get(package_of(key), 0.0) + self_time
    out.write("\nSelf time by package\n\n| package | seconds | share |\n|---|---:|---:|\n")
    for label, seconds in sorted(groups.items(), key=lambda item: -item[1]):
        if seconds >= 0.005:
            out.write(f"| {label} | {seconds:.2f} | {seconds / total:.0%} |\n")

    out.write(f"\nTop {top} by cumulative time\n\n| cumulative s | self s | calls | function |\n|---:|---:|---:|---|\n")
    for key, (_, calls, self_time, cumulative, _) in sorted(table.items(), key=lambda i: -i[1][3])[:top]:
        out.write(f"| {cumulative:.2f} | {self_time:.2f} | {calls} | `{short(key)}` |\n")
    out.write(f"\nTop {top} by self time\n\n| self s | cumulative s | calls | function |\n|---:|---:|---:|---|\n")
    for key, (_, calls, self_time, cumulative, _) in sorted(table.items(), key=lambda i: -i[1][2])[:top]:
        out.write(f"| {self_time:.2f} | {cumulative:.2f} | {calls} | `{short(key)}` |\n")
    return out.getvalue()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=48, help="the generated booklet to build (default %(default)s)")
    parser.add_argument("--variants", choices=("all", "download"), default="all")
    parser.add_argument("--sources", type=Path, help="a sources root written by benchmarks.generate")
    parser.add_argument("--booklet-path", type=Path, help="profile the booklet package in this folder instead")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--save", type=Path, help="also save the raw profile (for snakeviz, pstats)")
    args = parser.parse_args(argv)
    if args.booklet_path:
        sys.path.insert(0, str(args.booklet_path.resolve()))
    if "booklet" in sys.modules:
        raise SystemExit("booklet was imported before --booklet-path could take effect")
    if str(PROJECT) not in sys.path:
        sys.path.append(str(PROJECT))
    from benchmarks.generate import generate, slug_for
    from booklet.build import BuildRequest, build
    import dataclasses

    with tempfile.TemporaryDirectory(prefix="booklet-profile-") as scratch:
        root = args.sources.resolve() if args.sources else Path(scratch) / "sources"
        if not args.sources:
            generate(root, (args.size,))
        folder = root / slug_for(args.size)
        fields = {f.name for f in dataclasses.fields(BuildRequest)}
        options = {k: v for k, v in (("jobs", 1), ("force", True)) if k in fields}
        request = BuildRequest(root=root, output=Path(scratch) / "output", folders=(folder,),
                               variants=("download",) if args.variants == "download" else (), **options)
        from benchmarks.run import preload
        preload()       # imports are not the build's work: keep them out of the profile
        profiler = cProfile.Profile()
        started = time.perf_counter()
        profiler.enable()
        result = build(request)
        profiler.disable()
        seconds = time.perf_counter() - started
    import booklet
    print(f"{folder.name}, {args.variants} variants: "
          + ", ".join(f"{b.variant} {b.pages} pages" for b in result.built)
          + f"; {seconds:.2f} s under cProfile; booklet from {Path(booklet.__file__).parent}\n")
    stats = pstats.Stats(profiler)
    if args.save:
        stats.dump_stats(args.save)
    build_key = resolve("booklet.build", "build")
    total = stats.stats[build_key][3] if build_key in stats.stats else seconds
    print(report(stats, total, args.top))


if __name__ == "__main__":
    main()
