"""Print a language's word catalogue as YAML to translate: every key, its wording in that language or in English."""

from __future__ import annotations

import json

from booklet.compose.strings import (COUNTED, ENGLISH, catalogue_names, locale_of, merged, package_catalogue,
                                     plural_categories)


def _quoted(text: object) -> str:
    return json.dumps(str(text), ensure_ascii=False)         # a JSON string is a YAML double-quoted one


def catalogue_yaml(tag: str) -> str:
    """The YAML `booklet strings TAG` prints: the package's wording for TAG where it has one, else the
    English, with the English beside every line a translator may need it on."""
    english = package_catalogue(ENGLISH)
    own = merged(tag) if tag.split("-")[0].lower() != ENGLISH else english
    name = catalogue_names(tag)[0]
    lines = [f"# The booklet's fixed words in {locale_of(tag).english_name} ({tag}). Translate the text in quotes",
             f"# (keep {{n}} where it is) and save this file as _shared/strings/{name}.yml in the sources."]
    for key, wording in english.items():
        if key in COUNTED:
            lines.append(f"{key}:                 # counted: one wording for each plural category of {tag}")
            for category in plural_categories(tag):
                given = (own.get(key) or {}).get(category) if isinstance(own.get(key), dict) else None
                fallback = wording.get(category, wording["other"])
                lines.append(f"  {category}: {_quoted(given or fallback)}"
                             + ("" if given else f"    # English: {_quoted(fallback)}"))
            continue
        given = own.get(key)
        comment = "" if tag.split("-")[0].lower() == ENGLISH else f"    # English: {_quoted(wording)}"
        lines.append(f"{key}: {_quoted(given or wording)}{comment}")
    return "\n".join(lines) + "\n"


def run_strings(tag: str) -> None:
    """`booklet strings TAG`: the catalogue on standard output, or one error line and exit status 1."""
    import sys

    import click
    if locale_of(tag) is None:
        click.echo(f"error: '{tag}' is not a language tag CLDR knows; use one like cy, ga, pl or en-IE", err=True)
        sys.exit(1)
    click.echo(catalogue_yaml(tag), nl=False)
