"""The commands that write sources for an editor to go on with: a language's words to translate, an imported booklet."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("strings")
@click.argument("language")
def strings_command(language: str) -> None:
    """Print the fixed words of LANGUAGE (a tag like cy or pl) as YAML, to save as _shared/strings/LANGUAGE.yml."""
    from booklet.translation import run_strings
    run_strings(language)


@click.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--slug", default=None, help="The new booklet's folder name. Default: made from the document's title.")
@click.option("--sources", type=click.Path(path_type=Path, file_okay=False), default=Path("sources"),
              show_default=True, help="The sources root to add the booklet to.")
@click.option("--accept-changes", "changes", flag_value="accept", help="Keep the document's tracked changes.")
@click.option("--reject-changes", "changes", flag_value="reject", help="Undo the document's tracked changes.")
@click.option("--force", is_flag=True, help="Replace a booklet of the same name.")
def import_command(file: Path, slug: str | None, sources: Path, changes: str | None, force: bool) -> None:
    """Make a draft booklet from a Word file (.docx) or a saved web page (.html).

    Everything that could not be brought in is listed, with where it was, and written to
    SLUG/IMPORT-REPORT.md. Refuses a document with tracked changes until you decide them.
    """
    from booklet.importer.commands import run_import
    run_import(file, sources, slug, changes, force)
