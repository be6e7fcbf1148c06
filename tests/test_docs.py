"""The user documentation in docs/ names every key the readers accept, and its links lead somewhere."""

from __future__ import annotations

import re

import pytest

from booklet.sources.keys import GROUPS
from booklet.theme.model import Role
from booklet.theme.reader import FONT_KEYS, THEME_KEYS
from tests.conftest import PROJECT

DOCS = PROJECT / "docs"
GENERATED_ELSEWHERE: tuple[str, ...] = ()


def documented(name: str) -> set[str]:
    return set(re.findall(r"`([a-z_]+)`", (DOCS / name).read_text(encoding="utf-8")))


@pytest.mark.parametrize("group", GROUPS, ids=lambda group: group.title)
def test_format_md_and_theme_md_document_every_declared_key(group):
    page = "theme.md" if "theme.yml" in group.title else "format.md"
    assert {key.name for key in group.keys} - documented(page) == set()


def test_theme_roles_are_the_declared_colour_keys():
    from booklet.sources.keys import COLOURS, PRINT_COLOURS
    assert COLOURS.names == PRINT_COLOURS.names == tuple(role.key for role in Role)


def test_theme_md_documents_every_key_of_theme_yml():
    keys = set(THEME_KEYS) | set(FONT_KEYS) | {role.key for role in Role}
    assert keys - documented("theme.md") == set()


def test_rules_md_lists_every_rule():
    from booklet.check.rules import RULES
    assert set(RULES) - set(re.findall(r"`([a-z-]+)`", (DOCS / "rules.md").read_text())) == set()


@pytest.mark.parametrize("page", ["README.md", *(f"docs/{p.name}" for p in sorted(DOCS.glob("*.md")))])
def test_links_between_pages_lead_to_files(page):
    path = PROJECT / page
    for target in re.findall(r"\]\(([^)#:]+\.md)\)", path.read_text(encoding="utf-8")):
        if target.split("/")[-1] not in GENERATED_ELSEWHERE:
            assert (path.parent / target).is_file(), f"{page} links to {target}"
