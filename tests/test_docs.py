"""The user documentation in docs/ names every key the readers accept, and its links lead somewhere."""

from __future__ import annotations

import re

import pytest

from booklet.sources.manifest import MANIFEST_KEYS
from booklet.sources.organisation import CONTACT_KEYS
from booklet.sources.printing import PRINT_KEYS
from booklet.sources.sections import SECTION_KEYS
from booklet.theme.model import Role
from booklet.theme.reader import FONT_KEYS, THEME_KEYS
from tests.conftest import PROJECT

DOCS = PROJECT / "docs"
ORGANISATION_KEYS = ("name", "website", "logo", "feedback", "contacts", "country")   # organisation.py's finish()
FEEDBACK_KEYS = ("text", "url", "email", "phone")
REVIEW_KEYS = ("reviewed", "next", "reviewers", "role", "name")
GENERATED_ELSEWHERE = ("keys.md",)       # written from the key declarations by its own generator


def documented(name: str) -> set[str]:
    return set(re.findall(r"`([a-z_]+)`", (DOCS / name).read_text(encoding="utf-8")))


@pytest.mark.parametrize("keys", [MANIFEST_KEYS, CONTACT_KEYS, PRINT_KEYS, SECTION_KEYS, ORGANISATION_KEYS,
                                  FEEDBACK_KEYS, REVIEW_KEYS])
def test_format_md_documents_every_key_of_the_sources(keys):
    assert set(keys) - documented("format.md") == set()


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
