"""Whatever an editor types, the reader and the rules answer with problems at a file and line, never a traceback."""

from __future__ import annotations

import datetime as dt

import pytest

from booklet.check import CheckRequest, check
from tests.conftest import MANIFEST, ORGANISATION, SECTION_ONE

YAML_LINES = [
    "title: 1.50", "published: 9999-99", "sections: 5", "sections:\n  - {snippet: [a]}", 'related:\n  - slug: "a\\0b"',
    "print: [1, 2]", "print:\n  bleed: -3", "checks: [a]", "target_grade: yes", "variants: {a: b}", "review: 3",
    "contacts: [[x]]", 'language: ""', "online: ftp://x", "title: !!binary aGVsbG8=", "x: &a [*a]",
    "numbered: maybe", "status: ~", "sections:\n  - ../x.md", "contacts:\n  - helpline", "feedback: [x]",
    "logo: ../../etc/passwd", "country: ie",
]
MARKDOWN_LINES = [
    "[x][y]", "[y]: javascript:alert(1)", "![](images/none.png)", "![a](\0.png)", "# T", "::: snippet nope",
    "::: note", ":::", "| a |\n|---|", "[^1]", "[^1]: x", "<https://x>", "[a](#)", "![x](../../../../etc/passwd)",
    "> " * 60 + "deep", "    code", "[a](mailto:)", "[a](tel:abc)", "{: #x }", "![a](x.svg){width=abc}",
]


def problems_of(root):
    report = check(CheckRequest(root=root, today=dt.date(2026, 11, 1)))
    return [p for p in report.problems if p.severity != "note"]


@pytest.mark.parametrize("line", YAML_LINES)
@pytest.mark.parametrize("file", ["manifest", "organisation"])
def test_any_yaml_line_gives_problems_not_a_traceback(sources, file, line):
    if file == "manifest":
        root = sources(demo__booklet_yml=MANIFEST + line + "\n")
    else:
        root = sources(_shared__organisation_yml=ORGANISATION + line + "\n")
    found = problems_of(root)
    assert found and all(p.line >= 1 and p.path.is_relative_to(root) for p in found), found


@pytest.mark.parametrize("line", MARKDOWN_LINES)
def test_any_markdown_line_gives_problems_or_none_never_a_traceback(sources, line):
    root = sources(demo__one_md=SECTION_ONE + "\n" + line + "\n")
    assert all(p.line >= 1 and p.path.is_relative_to(root) for p in problems_of(root))
