"""The `booklet` command line: turn a user's words into a build request and its result into messages."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import click

from booklet.build import build
from booklet.problems import SOURCE, ContentError, UsageError
from booklet.render.variants import VARIANTS
from booklet.report import echo_problems, os_error
from booklet.request import request_for


class BookletGroup(click.Group):
    """The commands, with one last catch: an unexpected exception is one line and exit status 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit,
                KeyboardInterrupt):
            raise
        except Exception as exc:
            if ctx.params.get("debug"):
                raise
            from booklet.failure import describe
            click.echo(describe(exc, ctx.invoked_subcommand or "booklet"), err=True)
            sys.exit(1)


@click.group(cls=BookletGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="booklet")
@click.option("--debug", is_flag=True, help="Show the full traceback of an unexpected failure (to report it).")
def main(debug: bool = False) -> None:
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
@click.option("--force", is_flag=True, help="Rebuild every variant, even those the cache says are up to date.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Render in N processes at once (booklets and variants). Default: the number of CPUs.")
@click.option("--no-check", "no_check", is_flag=True,
              help="Build even if `booklet check` finds errors (the review date is still checked).")
@click.option("--allow-overdue", is_flag=True,
              help="Release an approved booklet past its next-review date (a deliberate override).")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, hidden=True,
              help="Check review dates as if today were this date (YYYY-MM-DD).")
def build_command(paths: tuple[Path, ...], variants: tuple[str, ...], sources: Path | None, output: Path,
                  strict: bool, force: bool = False, jobs: int | None = None, no_check: bool = False,
                  allow_overdue: bool = False, today=None) -> None:
    """Build PDFs of booklets.

    PATHS are booklet folders (like sources/metastatic-breast-cancer) or sources roots;
    with none, every booklet under --sources is built. All sources are checked before
    anything is written; problems are listed as FILE:LINE: error: MESSAGE.
    """
    from booklet.parallel import default_workers
    try:
        request = dataclasses.replace(request_for(paths, variants, sources, output), strict=strict, force=force,
                                      jobs=jobs or default_workers(), progress=_progress(),
                                      check=not no_check, allow_overdue=allow_overdue,
                                      today=today.date() if today else None)
        result = build(request)
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    except ContentError as exc:
        echo_problems(exc.problems)
        errors = sum(p.severity == "error" for p in exc.problems)
        click.echo(f"{errors} error{'s' * (errors != 1)}: nothing was written.", err=True)
        if any(p.rule != SOURCE and p.severity == "error" for p in exc.problems):   # found by booklet check's rules
            click.echo("(fix them, or build anyway with --no-check; an overdue review needs --allow-overdue)",
                       err=True)
        sys.exit(1)
    except OSError as exc:
        click.echo(os_error(exc), err=True)
        sys.exit(1)
    echo_problems(result.warnings)
    for item in result.built:
        pages = [f"{item.pages} pages"] if item.pages else []     # a web page or an EPUB has none
        if item.fresh:
            click.echo(f"up to date {_display(item.path)}" + "".join(f" ({p})" for p in pages))
        else:
            click.echo(f"wrote {_display(item.path)} ({', '.join([*pages, f'{item.seconds:.1f} s'])})")


def _progress():
    """On a terminal, one line that counts up; otherwise (a log, CI) nothing until the summary."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int, what: str) -> None:
        bar = "#" * (20 * done // max(total, 1))
        click.echo(f"\r[{bar:<20}] {done}/{total} {what:<50}", nl=done == total, err=True)
    return show


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@main.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--sources", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="The sources root, as for build. Default: ./sources, or the folder above the booklets in PATHS.")
@click.option("--output", type=click.Path(path_type=Path, file_okay=False), default=Path("output"),
              show_default=True, help="Where built PDFs are read from, to measure their text size.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: FILE:LINE: SEVERITY: MESSAGE [rule], grouped by file; json: one document for CI.")
@click.option("--readability", is_flag=True,
              help="Also print each section's Flesch Reading Ease, Flesch-Kincaid grade and sentence length.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Check review dates as if today were this date (YYYY-MM-DD), to see what falls due.")
@click.option("--allow-overdue", is_flag=True, help="Report an overdue review as a warning, as build does with it.")
@click.option("--rules", "list_rules", is_flag=True, help="List every rule, its default severity, and exit.")
def check_command(paths: tuple[Path, ...], sources: Path | None, output: Path, output_format: str,
                  readability: bool, today, allow_overdue: bool, list_rules: bool) -> None:
    """Check booklets against the house standards without building them.

    Reports governance, accessibility, plain-language, correctness and print problems as
    FILE:LINE: SEVERITY: MESSAGE [rule-id]. Exit status 1 when any is an error. Change a
    rule's severity for one booklet in its booklet.yml, like `checks: {long-sentence: error}`.
    """
    from booklet.check import CheckRequest, check
    from booklet.check.report import json_report, readability_table, rules_table, text_report
    from booklet.sources.folders import booklet_folders

    if list_rules:
        click.echo(rules_table())
        return
    try:
        selection = request_for(paths, (), sources, output)
        if not selection.folders and not booklet_folders(selection.root):
            raise UsageError(f"there are no booklets in {selection.root} (a booklet is a folder with a booklet.yml)")
        report = check(CheckRequest(root=selection.root, folders=selection.folders, output=selection.output,
                                    today=today.date() if today else None, allow_overdue=allow_overdue))
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    except OSError as exc:
        click.echo(os_error(exc), err=True)
        sys.exit(1)
    if output_format == "json":
        click.echo(json_report(report, Path.cwd()))
    else:
        if readability:
            click.echo(readability_table(report) + "\n")
        click.echo(text_report(report, Path.cwd()))
    sys.exit(1 if report.errors else 0)


@main.command("watch")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--variant", "variants", multiple=True, metavar="NAME",
              help="Rebuild only this variant (repeat for more). Default: the booklet's own list.")
@click.option("--sources", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="The sources root, as for build.")
@click.option("--output", type=click.Path(path_type=Path, file_okay=False), default=Path("output"),
              show_default=True, help="Where to write PDFs, as for build.")
def watch_command(paths: tuple[Path, ...], variants: tuple[str, ...], sources: Path | None, output: Path) -> None:
    """Rebuild booklets each time a source, picture or stylesheet is saved.

    Only what the saved file affects is rebuilt (the download PDF first). Problems are
    printed as FILE:LINE: error: MESSAGE and watching goes on; PDFs are replaced whole,
    so a viewer that reloads on change never sees half a file. Stop with Ctrl+C.
    """
    from booklet.watch import watch
    try:
        request = request_for(paths, variants, sources, output)
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    watch(request, click.echo, watched=(request.root, request.styles))


@main.command("serve")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--port", type=click.IntRange(min=0, max=65535), default=8000, show_default=True,
              help="The port on 127.0.0.1 (0: any free one). Only this machine can open the pages.")
@click.option("--sources", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="The sources root, as for build.")
@click.option("--output", type=click.Path(path_type=Path, file_okay=False), default=Path("output"),
              show_default=True, help="Where to build, and the folder served.")
def serve_command(paths: tuple[Path, ...], port: int, sources: Path | None, output: Path) -> None:
    """Build, serve the output folder at http://127.0.0.1:PORT/, and rebuild on every save.

    The open page reloads itself after a save: the web page is made again first (in well under a
    second), then the PDFs and EPUB. A mistake shows at the top of the page and in the terminal,
    and the last good page stays up. Nothing outside the output folder is served. Ctrl+C stops.
    """
    from booklet.serving.session import serve
    try:
        request = request_for(paths, (), sources, output)
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    serve(request, click.echo, port=port, watched=(request.root, request.styles))


@main.command("catalogue")
@click.option("--sources", type=click.Path(path_type=Path, file_okay=False), default=Path("sources"),
              show_default=True, help="The sources root: the folder holding _shared/ and one folder per booklet.")
@click.option("--output", type=click.Path(path_type=Path, file_okay=False), default=Path("output"),
              show_default=True, help="The built PDFs' folder; index.html and catalogue.json are written there.")
@click.option("--drafts", is_flag=True,
              help="An internal view: list drafts too, and the review register. Never publish it.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, hidden=True,
              help="Date the register shown with --drafts as if today were this date (YYYY-MM-DD).")
def catalogue_command(sources: Path, output: Path, drafts: bool, today) -> None:
    """Write OUTPUT/index.html and catalogue.json: every approved booklet with its download links.

    Run after `booklet build`. Each booklet gets a cover picture, its facts and a link to
    each file (with its size and pages); catalogue.json adds each file's sha256 for a
    website's content system. Links are relative: copy OUTPUT/ to a web server as it is.
    Files are rewritten only when something they show changed.
    """
    from booklet.library.commands import catalogue
    catalogue(sources, output, drafts, today.date() if today else None)


@main.command("reviews")
@click.option("--sources", type=click.Path(path_type=Path, file_okay=False), default=Path("sources"),
              show_default=True, help="The sources root: the folder holding _shared/ and one folder per booklet.")
@click.option("--format", "output_format", type=click.Choice(["text", "csv", "json"]), default="text",
              show_default=True, help="text: a table (coloured on a terminal); csv: for a spreadsheet; json: for scripts.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Count days as if today were this date (YYYY-MM-DD).")
@click.option("--within", type=click.IntRange(min=0), default=None, metavar="DAYS",
              help="Mark reviews due within DAYS as due soon (default 90, as booklet check).")
def reviews_command(sources: Path, output_format: str, today, within: int | None) -> None:
    """The review register: every booklet by next review date, overdue and due-soon marked.

    Exit status 1 when an approved booklet is overdue, so a scheduled job can alert someone.
    """
    from booklet.library.commands import reviews
    reviews(sources, output_format, today.date() if today else None, within)


@main.command("init")
@click.argument("directory", required=False, default=Path("sources"), type=click.Path(path_type=Path, file_okay=False))
def init_command(directory: Path) -> None:
    """Start a new sources root in DIRECTORY (default: sources).

    Writes _shared/organisation.yml and _shared/theme.yml, every key explained in a comment,
    and one sample booklet that builds and checks clean. Never overwrites a file.
    """
    from booklet.scaffold.commands import run_init
    run_init(directory)


@main.command("new")
@click.argument("slug")
@click.option("--sources", type=click.Path(path_type=Path, file_okay=False), default=Path("sources"),
              show_default=True, help="The sources root to add the booklet to.")
def new_command(slug: str, sources: Path) -> None:
    """Add a booklet named SLUG (its folder and PDFs' name, like heart-failure) to the sources.

    Writes SLUG/booklet.yml, every key explained in a comment, and two short sections.
    Never overwrites a file.
    """
    from booklet.scaffold.commands import run_new
    run_new(slug, sources)


from booklet.sourcecommands import import_command, strings_command  # noqa: E402  (the group is defined above)

main.add_command(strings_command)
main.add_command(import_command)
from booklet.approval.commands import approve_command, proof_command  # noqa: E402
main.add_command(approve_command)
main.add_command(proof_command)

from booklet.translate.commands import translate_command  # noqa: E402

main.add_command(translate_command)


if __name__ == "__main__":
    main()
