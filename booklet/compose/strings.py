"""Print the booklet's fixed words and dates in its language: words from a catalogue a language, dates from CLDR."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from importlib import resources

import yaml

import booklet.compose.cldr  # noqa: F401  (first: Babel loaded without reading the system's time zone)
from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import format_date as cldr_date, format_skeleton

from booklet.model import PartialDate

CATALOGUES = resources.files("booklet") / "strings"
ENGLISH = "en"
# Keys whose value is counted ("{n} pages"): one wording for each of the language's CLDR plural categories.
COUNTED = ("pages",)


def locale_of(tag: str) -> Locale | None:
    """The CLDR locale of a BCP 47 tag, or None when CLDR does not know it."""
    if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", tag):
        return None
    try:
        return Locale.parse(tag, sep="-")
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def other_language(tag: str | None, around: str) -> str | None:
    """`tag` when text in it stands among text in `around` and must say so (a `lang` of its own), else None."""
    return tag if tag and tag.lower() != around.lower() else None


def supported_language(tag: str) -> bool:
    """A BCP 47 tag CLDR knows (its words may still have to come from the sources' own catalogue)."""
    return locale_of(tag) is not None


def catalogue_names(tag: str) -> tuple[str, ...]:
    """The catalogues a tag reads, most general first: zh-Hans-CN reads zh-Hans; en-IE reads en, then en-IE.

    The bare language is read only when the tag's script is that language's usual one, so that
    zh-Hant never falls back to simplified Chinese words."""
    locale = locale_of(tag)
    if locale is None:
        return ()
    language = locale.language
    usual = get_global("likely_subtags").get(language, "").split("_")
    usual_script = usual[1] if len(usual) > 2 else None
    script = locale.script or usual_script
    names = [language] if script == usual_script else []
    if script:
        names.append(f"{language}-{script}")
    return tuple(dict.fromkeys([*names, tag]))      # the tag itself last: a region's own rewording


@functools.cache
def package_catalogue(name: str) -> Mapping[str, object]:
    """One catalogue shipped in the package (booklet/strings/NAME.yml), empty when there is none."""
    path = CATALOGUES / f"{name}.yml"
    if not path.is_file():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def english_keys() -> tuple[str, ...]:
    return tuple(package_catalogue(ENGLISH))


def merged(tag: str, shared: Mapping[str, Mapping[str, object]] | None = None) -> dict[str, object]:
    """The words of a tag: each of its catalogues in turn, the sources' own (`_shared/strings/`) over the package's."""
    words: dict[str, object] = {}
    for name in catalogue_names(tag):
        words.update(package_catalogue(name))
        words.update((shared or {}).get(name, {}))
    return words


def missing_keys(words: Mapping[str, object], tag: str) -> list[str]:
    """The keys of the English catalogue a language's words lack (a counted key lacking a plural category counts)."""
    missing = [key for key in english_keys() if key not in words]
    categories = plural_categories(tag)
    for key in COUNTED:
        value = words.get(key)
        if isinstance(value, Mapping):
            missing += [f"{key}.{c}" for c in categories if c not in value]
    return missing


def plural_categories(tag: str) -> tuple[str, ...]:
    """The CLDR plural categories of a language (one, few, many, other in Polish), "other" last."""
    locale = locale_of(tag)
    tags = locale.plural_form.tags if locale else set()
    order = ("zero", "one", "two", "few", "many")
    return (*[c for c in order if c in tags], "other")


def strings_for(tag: str, words: Mapping[str, object] | None = None) -> Mapping[str, object]:
    """The booklet's words: those the reader resolved (with the sources' catalogues), else the package's."""
    return words if words else merged(tag)


def counted(words: Mapping[str, object], key: str, n: int, tag: str) -> str:
    """A counted wording ("{n} pages") in the plural form the language uses for n."""
    value = words[key]
    if isinstance(value, Mapping):
        locale = locale_of(tag)
        category = locale.plural_form(n) if locale else "other"
        value = value.get(category, value.get("other"))
    return str(value).format(n=n)


def region_of(tag: str) -> str | None:
    """The region subtag (IE in en-IE), used to read local phone numbers."""
    regions = [part for part in tag.split("-")[1:] if re.fullmatch(r"[A-Z]{2}", part)]
    return regions[0] if regions else None


# CLDR's plain "en" is American English ("October 1, 2026"). The publishers this tool is made for write
# day, month, year, as in Ireland and the UK: plain `en` writes its dates as en-GB does; en-US is American.
PLAIN_ENGLISH_DATES = "en-GB"


def date_locale(tag: str) -> Locale:
    """The CLDR locale whose date forms a tag uses: its own, except plain English (see above)."""
    locale = locale_of(tag) or Locale.parse(ENGLISH)
    if locale.language == ENGLISH and locale.territory is None and locale.script in (None, "Latn"):
        return Locale.parse(PLAIN_ENGLISH_DATES, sep="-")
    return locale


def format_date(day: dt.date | PartialDate, tag: str) -> str:
    """A date as readers of this language write it (CLDR): 1 October 2026, October 1, 2026 (en-US), 2026年10月1日."""
    locale = date_locale(tag)
    if day.day is None:
        return format_skeleton("yMMMM", dt.date(day.year, day.month, 1), locale=locale)
    return cldr_date(dt.date(day.year, day.month, day.day), "long", locale=locale)
