"""The fixed words of every shipped language and the dates as each language writes them (CLDR, through Babel)."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from booklet.compose.strings import (CATALOGUES, COUNTED, catalogue_names, counted, format_date, merged,
                                     missing_keys, package_catalogue, plural_categories, supported_language)
from booklet.model import PartialDate
from booklet.translation import catalogue_yaml

SHIPPED = ("en", "ga", "cy", "pl", "ar", "ur", "zh-Hans", "bn", "hi", "pa")


def test_the_package_ships_exactly_these_catalogues():
    assert sorted(p.name for p in CATALOGUES.iterdir() if p.name.endswith(".yml")) == sorted(
        f"{name}.yml" for name in SHIPPED)


@pytest.mark.parametrize("name", SHIPPED)
def test_each_catalogue_has_every_english_key_and_no_other(name):
    words = package_catalogue(name)
    assert set(words) == set(package_catalogue("en"))
    assert missing_keys(words, name) == []
    for key, value in words.items():
        if key in COUNTED:
            assert set(value) == set(plural_categories(name)), (name, key)
        else:
            assert isinstance(value, str) and value.strip(), (name, key)
    # Every wording with a number keeps its place for it.
    assert "{n}" in words["footnote_mark"] and "{n}" in words["footnote_back"]


@pytest.mark.parametrize("name", [n for n in SHIPPED if n != "en"])
def test_each_catalogue_is_translated(name):
    words, english = package_catalogue(name), package_catalogue("en")
    same = [k for k in english if k not in COUNTED and words[k] == english[k]]
    assert same == []


@pytest.mark.parametrize("tag, contents", [("cy", "Cynnwys"), ("ga", "Clár"), ("pl", "Spis treści"),
                                           ("ar", "المحتويات"), ("ur", "فہرست"), ("zh-Hans", "目录"),
                                           ("en-IE", "Contents"), ("cy-GB", "Cynnwys"), ("zh-Hans-CN", "目录"),
                                           ("zh-CN", "目录"), ("zh", "目录")])
def test_a_regional_tag_falls_back_to_its_language_and_script(tag, contents):
    assert merged(tag)["contents"] == contents


def test_traditional_chinese_never_gets_simplified_words():
    assert catalogue_names("zh-Hant") == ("zh-Hant",)
    assert merged("zh-Hant") == {} and merged("zh-TW") == {}


@pytest.mark.parametrize("tag, day, month", [
    ("cy", "1 Hydref 2026", "Hydref 2026"),
    ("ga", "1 Deireadh Fómhair 2026", "Deireadh Fómhair 2026"),
    ("pl", "1 października 2026", "październik 2026"),      # the genitive in a date, the nominative alone
    ("ar", "1 أكتوبر 2026", "أكتوبر 2026"),
    ("zh-Hans", "2026年10月1日", "2026年10月"),
    ("en-IE", "1 October 2026", "October 2026"),
    ("en-GB", "1 October 2026", "October 2026"),
    ("en-US", "October 1, 2026", "October 2026"),
    ("en", "1 October 2026", "October 2026"),          # plain English: day, month, year (not CLDR's American)
    ("en-Latn", "1 October 2026", "October 2026"),
    ("en-CA", "October 1, 2026", "October 2026"),      # a region's own forms stay its own
])
def test_dates_as_the_language_writes_them(tag, day, month):
    assert format_date(dt.date(2026, 10, 1), tag) == day
    assert format_date(PartialDate(2026, 10, 1), tag) == day
    assert format_date(PartialDate(2026, 10), tag) == month


@pytest.mark.parametrize("tag, counts", [
    ("pl", {1: "1 strona", 2: "2 strony", 5: "5 stron", 22: "22 strony", 25: "25 stron"}),
    ("cy", {1: "1 dudalen", 2: "2 dudalen", 3: "3 tudalen", 12: "12 tudalen"}),
    ("ar", {1: "صفحة واحدة", 2: "صفحتان", 3: "3 صفحات", 11: "11 صفحة", 100: "100 صفحة"}),
    ("en", {1: "1 page", 12: "12 pages"}),
    ("zh-Hans", {1: "1页", 12: "12页"}),
])
def test_counted_words_take_the_languages_plural_form(tag, counts):
    words = merged(tag)
    assert {n: counted(words, "pages", n, tag) for n in counts} == counts


def test_tags_cldr_knows_and_does_not():
    assert all(supported_language(t) for t in ("en-IE", "cy", "ga-IE", "pl-PL", "zh-Hans-CN", "ar-EG", "de"))
    assert not any(supported_language(t) for t in ("xx", "42", "en_IE", "", "english", "qq-Latn"))


@pytest.mark.parametrize("tag", ["cy", "de", "pl-PL"])
def test_booklet_strings_prints_every_key_as_yaml_to_translate(tag):
    printed = yaml.safe_load(catalogue_yaml(tag))
    assert set(printed) == set(package_catalogue("en"))
    assert set(printed["pages"]) == set(plural_categories(tag))
    expected = merged(tag) or package_catalogue("en")            # German has no catalogue: the English
    assert printed["contents"] == expected["contents"]


def test_the_strings_command_prints_the_catalogue_or_refuses_an_unknown_tag():
    from click.testing import CliRunner

    from booklet.cli import main
    welsh = CliRunner().invoke(main, ["strings", "cy"])
    assert welsh.exit_code == 0 and yaml.safe_load(welsh.output)["contents"] == "Cynnwys"
    assert '# English: "Contents"' in welsh.output
    unknown = CliRunner().invoke(main, ["strings", "xx"])
    assert unknown.exit_code == 1 and "'xx' is not a language tag CLDR knows" in unknown.output


def test_dates_and_plurals_read_no_system_time_zone_file():
    """Babel looks up the computer's time zone when its date module loads (any locale's data loads it):
    booklet keeps it from opening /etc/localtime, /etc/timezone or /usr/share/zoneinfo."""
    import subprocess
    import sys
    script = ("import sys, datetime\n"
              "opened = []\n"
              "sys.addaudithook(lambda e, a: opened.append(str(a[0])) if e == 'open' else None)\n"
              "from booklet.compose.strings import format_date, plural_categories\n"
              "print(format_date(datetime.date(2026, 10, 1), 'cy'), plural_categories('pl'))\n"
              "print([p for p in opened if p.startswith(('/etc/', '/usr/share/zoneinfo'))])\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True,
                          env={"PATH": "/usr/bin:/bin", "TZ": ""})
    assert done.stdout.splitlines() == ["1 Hydref 2026 ('one', 'few', 'many', 'other')", "[]"], done.stderr
