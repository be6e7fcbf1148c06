"""Golden pairs: small booklets with planted problems, and the exact lines `booklet build` and `booklet check` print.

Both read the sources with the one reader and run the same rules, so for the same sources
they print the same lines, each with its rule id.
"""

from __future__ import annotations

import datetime as dt

import pytest

from booklet.build import BuildRequest, build
from booklet.check import CheckRequest, check
from booklet.problems import ContentError
from tests.conftest import MANIFEST

TODAY = dt.date(2026, 11, 1)
SNIPPET_WITH_PICTURE = "Our leaflet:\n\n![A leaflet cover](../images/empty.png)\n"


def build_lines(root, tmp_path) -> list[str]:
    try:
        result = build(BuildRequest(root=root, output=tmp_path / "out", variants=("download",), today=TODAY))
    except ContentError as failed:
        return sorted(p.format(root) for p in failed.problems)
    return sorted(p.format(root) for p in result.warnings)


def check_lines(root) -> list[str]:
    report = check(CheckRequest(root=root, today=TODAY))
    return sorted(p.format(root) for p in report.problems if p.severity != "note")


CASES = {
    "reference-style links": dict(
        files=dict(demo__one_md="---\ntitle: One\n---\n\nFor help, [click here][help] or see [the list][gone].\n\n"
                                "[help]: https://www.example..org/help\n[gone]: #s-nowhere\n"),
        lines=[
            "demo/one.md:5: warning: the link text 'click here' does not say where it goes: use words that make"
            " sense alone, like '[our support services](...)' [link-text]",
            "demo/one.md:7: error: the web address 'https://www.example..org/help' has two dots in a row, or a"
            " dot at the start, in 'www.example..org' [web-address]",
            "demo/one.md:8: error: the link '#s-nowhere' leads nowhere: there is no 's-nowhere' in this booklet"
            " (a section is #s-FILE, like #s-treatment; give a heading an id with {#my-id}) [broken-anchor]",
        ]),
    "bad print settings and a bad checks: severity": dict(
        files=dict(demo__booklet_yml=MANIFEST + "checks:\n  long-sentence: loud\nprint:\n  bleed: 30mm\n"),
        lines=[
            "demo/booklet.yml:17: error: 'long-sentence' should be error, warning or off, not 'loud' [source]",
            "demo/booklet.yml:19: error: 'bleed' should be between 0mm and 10mm (3mm is usual), not 30mm [source]",
        ]),
    "checks: adjusts what the reader finds": dict(
        files=dict(demo__booklet_yml=MANIFEST + "online: https://www.example.org/x y\nchecks:\n"
                                                "  heading-levels: warning\n  web-address: off\n",
                   demo__one_md="---\ntitle: One\n---\n\nWords.\n\n# Another title\n"),
        lines=[
            "demo/one.md:7: warning: headings inside a section start at '##' (the section title is the '#'"
            " heading) [heading-levels]",
        ]),
    "a broken picture in a snippet placed inside a snippet": dict(
        files=dict(demo__one_md="---\ntitle: One\n---\n\nWords.\n\n::: snippet outer\n",
                   _shared__snippets__outer_md="Outer words.\n\n::: snippet leaflet\n",
                   _shared__snippets__leaflet_md=SNIPPET_WITH_PICTURE, _shared__images__empty_png=""),
        lines=[
            "_shared/snippets/leaflet.md:3: error: the picture '../images/empty.png' is an empty file (0 bytes):"
            " save the picture again [source]",
        ]),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_build_and_check_print_the_same_lines(sources, tmp_path, case):
    root = sources(**CASES[case]["files"])
    assert check_lines(root) == CASES[case]["lines"]
    assert build_lines(root, tmp_path) == CASES[case]["lines"]
