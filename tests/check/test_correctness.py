"""Correctness rules (booklet/check/correctness.py) on addresses written in the text."""

from __future__ import annotations

from tests.check.conftest import run_check


def test_an_autolinked_email_address_is_checked_as_written_at_its_line(sources):
    """Python-Markdown scrambles an autolinked address against spam; the rule still sees it."""
    root = sources(demo__two_md="---\ntitle: Two\n---\n\nA line.\n\nWrite to <help@example..org> today.\n")
    found = [(p.path.name, p.line, p.message) for p in run_check(root).problems if p.rule == "email-address"]
    assert found == [("two.md", 7, "the email address 'help@example..org' has two dots in a row, or a dot at the"
                                   " start, in 'example..org'")]
