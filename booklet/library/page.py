"""Fill the catalogue page's template: the public list of booklets, and with --drafts the review register."""

from __future__ import annotations

import collections
import functools
from typing import TYPE_CHECKING

import jinja2

from booklet.compose.strings import format_date
from booklet.library.listing import cover_alt
from booklet.library.palette import Palette
from booklet.library.register import ReviewRow, Standing, days_in_words
from booklet.urls import display_url

if TYPE_CHECKING:
    from booklet.library.listing import Entry
    from booklet.model import Organisation


@functools.cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("booklet", "library"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["display_url"] = display_url
    env.filters["days_in_words"] = days_in_words
    return env


def page_language(entries) -> str:
    """The language most of the booklets are written in (the page's lang), English when there are none;
    translations do not count, so a library of English booklets and their Welsh translations stays English."""
    counts = collections.Counter(e.manifest.language for e in entries if e.manifest.translation_of is None) \
        or collections.Counter(e.manifest.language for e in entries)
    return min(counts, key=lambda tag: (-counts[tag], tag)) if counts else "en"


def render_page(org: "Organisation", entries: "tuple[Entry, ...]", *, register: tuple[ReviewRow, ...],
                drafts: bool, palette: Palette, approvals: dict | None = None) -> str:
    from booklet.translate.staleness import standing
    language = page_language(entries)
    return _environment().get_template("catalogue.html").render(
        org=org, entries=entries, register=register, drafts=drafts, colours=palette, language=language,
        approvals=approvals or {},
        date=lambda day: format_date(day, language), cover_alt=cover_alt, Standing=Standing,
        translation=lambda b: standing(b)[:1].upper() + standing(b)[1:])
