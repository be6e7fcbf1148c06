"""The `booklet` command line: turn a user's words into a build request and its result into messages."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import click

from booklet.build import BuildRequest, build
from booklet.problems import ContentError, UsageError
from booklet.render.variants import VARIANTS


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="booklet")
def main() -> None:
    """Turn patient-information booklets written in Markdown into accessible and print-ready PDFs."""


def _variant_help() -> str:
    return "; ".join(f"{v.name}: {v.description}" for v in VARIANTS.values())


@main.command("build")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--variant", "variants", multiple=True, metavar="NAME",
              help=f"Build only this variant (repeat for more). Default: the booklet's own list. {_variant_help()}.")
@click.option("--sources", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="The sources root: the folder holding _shared/ and one folder per booklet. Default: ./sources,"
                   " or the folder above the booklets named in PATHS.")
@click.option("--output", type=click.Path(path_type=Path, file_okay=False), default=Path("output"),
              show_default=True, help="Where to write PDFs, as OUTPUT/<slug>/<slug>-<variant>.pdf.")
@click.option("--strict", is_flag=True,
              help="Treat warnings (such as pictures under 300 ppi in print) as errors: nothing is written.")
def build_command(paths: tuple[Path, ...], variants: tuple[str, ...], sources: Path | None, output: Path,
                  strict: bool) -> None:
    """Build PDFs of booklets.

    PATHS are booklet folders (like sources/metastatic-breast-cancer) or sources roots;
    with none, every booklet under --sources is built. All sources are checked before
    anything is written; problems are listed as FILE:LINE: error: MESSAGE.
    """
    try:
        request = dataclasses.replace(_request(paths, variants, sources, output), strict=strict)
        result = build(request)
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    except ContentError as exc:
        _report(exc.problems)
        errors = sum(p.severity == "error" for p in exc.problems)
        click.echo(f"{errors} error{'s' * (errors != 1)}: nothing was written.", err=True)
        sys.exit(1)
    except OSError as exc:
        click.echo(f"error: {exc.strerror or exc}: {exc.filename or ''}", err=True)
        sys.exit(1)
    _report(result.warnings)
    for item in result.built:
        click.echo(f"wrote {_display(item.path)} ({item.pages} pages, {item.seconds:.1f} s)")


def _request(paths, variants, sources, output) -> BuildRequest:
    unknown = [v for v in variants if v not in VARIANTS]
    if unknown:
        raise UsageError(f"unknown variant '{unknown[0]}'; choose from: {', '.join(VARIANTS)}")
    folders = []
    for path in paths:
        if not path.is_dir():
            raise UsageError(f"'{path}' is not a folder: name a booklet folder like sources/<slug>")
        if (path / "_shared").is_dir() and not (path / "booklet.yml").is_file():
            sources = sources or path          # a sources root: build all its booklets
            continue
        if not (path / "booklet.yml").is_file():
            raise UsageError(f"'{path}' has no booklet.yml, so it is not a booklet folder")
        folders.append(path.resolve())
    if sources is None:
        sources = folders[0].parent if folders else Path("sources")
    root = sources.resolve()
    if not root.is_dir():
        raise UsageError(f"there is no sources folder '{sources}' (use --sources DIR)")
    outside = [f for f in folders if f.parent != root]
    if outside:
        raise UsageError(f"'{outside[0]}' is not a booklet folder directly inside {sources}")
    return BuildRequest(root=root, output=output.resolve(), folders=tuple(folders), variants=tuple(variants))


def _report(problems) -> None:
    cwd = Path.cwd()
    for problem in problems:
        click.echo(problem.format(cwd), err=True)


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
