"""The `booklet translate` commands: export a booklet's text for translators, import their file as a translated booklet."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from booklet.problems import ContentError, Problems

FORMATS = {"xliff": ".xlf", "po": ".po"}


@click.group("translate")
def translate_command() -> None:
    """Translate a booklet with translators' tools (XLIFF 2 or PO), and keep translations in step."""


@translate_command.command("export")
@click.argument("slug")
@click.option("--to", "language", required=True, help="The language to translate into: a tag like cy, ga or pl.")
@click.option("--format", "format_", type=click.Choice(tuple(FORMATS)), default="xliff", show_default=True)
@click.option("--sources", type=click.Path(path_type=Path, file_okay=False), default=Path("sources"),
              show_default=True, help="The sources root.")
@click.option("--translations", type=click.Path(path_type=Path, file_okay=False), default=Path("translations"),
              show_default=True, help="Where translation files are written.")
@click.option("--slug", "translated", default=None, help="The translated booklet, if not SLUG-LANGUAGE.")
def export_command(slug: str, language: str, format_: str, sources: Path, translations: Path,
                   translated: str | None) -> None:
    """Write SLUG's text as translations/SLUG.LANGUAGE.xlf (or .po) for a translator.

    Passages already translated (in SLUG-LANGUAGE) carry their translation; those whose
    source changed since are marked as needing translation again.
    """
    from booklet.compose.strings import supported_language
    from booklet.sources.reader import read_sources
    from booklet.translate.exporting import outgoing
    from booklet.translate.units import extract
    folder = sources / slug
    if not (folder / "booklet.yml").is_file():
        click.echo(f"{folder}: error: there is no booklet '{slug}' in {sources} (no booklet.yml)", err=True)
        sys.exit(2)
    if not supported_language(language):
        click.echo(f"error: '--to {language}' is not a language tag CLDR knows; use one like cy, ga or pl", err=True)
        sys.exit(2)
    problems = [p for p in read_sources(sources, [folder], variants=()).all_problems() if p.severity == "error"]
    if problems:
        _fail(ContentError(problems), "fix the source booklet first; nothing was written")
    source = extract(folder, sources)
    groups = outgoing(source, sources, sources / (translated or f"{slug}-{language.lower()}"))
    source_language = str(source.manifest.get("language", "en"))
    if format_ == "po":
        from booklet.translate.po import write_po
        data = write_po(groups, slug, source_language, language)
    else:
        from booklet.translate.xliff import write_xliff
        data = write_xliff([(name, [(o.passage, o.where, o.target, o.state) for o in items])
                            for name, items in groups], slug, source_language, language)
    target = translations / f"{slug}.{language}{FORMATS[format_]}"
    translations.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    units = [o for _, items in groups for o in items]
    todo = sum(o.state == "initial" for o in units)
    click.echo(f"wrote {target}: {len(units)} units, {todo} to translate")


@translate_command.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--sources", type=click.Path(path_type=Path, file_okay=False), default=Path("sources"),
              show_default=True, help="The sources root holding the source booklet.")
@click.option("--slug", default=None, help="The translated booklet's folder name. Default: SOURCE-LANGUAGE.")
def import_command(file: Path, sources: Path, slug: str | None) -> None:
    """Write or update the translated booklet from a filled translation file (.xlf, .xliff or .po).

    Every unit is checked first: a missing translation or a damaged placeholder is reported
    with the unit and its source line, and nothing is written.
    """
    from booklet.translate.importing import plan_import, write_import
    problems = Problems()
    if not file.is_file():
        click.echo(f"{file}: error: there is no such file", err=True)
        sys.exit(2)
    if file.suffix == ".po":
        from booklet.translate.po import read_po
        document = read_po(file, problems)
    elif file.suffix in (".xlf", ".xliff"):
        from booklet.translate.xliff import read_xliff
        document = read_xliff(file, problems)
    else:
        click.echo(f"{file}: error: a translation file ends .xlf, .xliff or .po", err=True)
        sys.exit(2)
    if document is None:
        _fail(ContentError(problems.items), "nothing was written")
    try:
        imported = plan_import(document, file, sources, slug)
    except ContentError as refused:
        _fail(refused, "nothing was written")
    written = write_import(imported)
    for path in written:
        click.echo(f"wrote {path}")
    if imported.kept:
        click.echo(f"kept {len(imported.kept)} passage(s) changed by hand: {', '.join(imported.kept)}")
    click.echo(f"{imported.folder.name}: {len(written)} file(s) written. Next: `booklet check {imported.folder}`")


def _fail(refused: ContentError, tail: str) -> None:
    for problem in refused.problems:
        click.echo(problem.format(), err=True)
    click.echo(f"{len(refused.problems)} problem(s); {tail}", err=True)
    sys.exit(1)
