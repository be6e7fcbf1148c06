"""Each rule is triggered by the broken fixture booklet at the exact file and line, and not by the clean one."""

from __future__ import annotations

import pytest

from booklet.check.rules import RULES
from tests.check.conftest import FIXTURES, found

BROKEN = FIXTURES / "broken"

# (file, line, severity, rule) of every problem planted in tests/check/fixtures/broken.
EXPECTED = [
    ("_shared/organisation.yml", 12, "error", "phone-number"),
    ("_shared/organisation.yml", 13, "error", "email-address"),
    ("_shared/organisation.yml", 14, "error", "web-address"),
    ("bad/access.md", 5, "error", "alt-text"),
    ("bad/access.md", 5, "warning", "image-resolution"),
    ("bad/access.md", 7, "error", "alt-text"),
    ("bad/access.md", 7, "warning", "image-resolution"),
    ("bad/access.md", 9, "error", "missing-alt"),
    ("bad/access.md", 9, "warning", "image-resolution"),
    ("bad/access.md", 13, "error", "heading-levels"),
    ("bad/access.md", 15, "error", "table-header"),
    ("bad/access.md", 19, "warning", "link-text"),
    ("bad/access.md", 20, "warning", "bare-url"),
    ("bad/words.md", 2, "warning", "reading-grade"),
    ("bad/words.md", 5, "warning", "long-sentence"),
    ("bad/words.md", 7, "warning", "abbreviation"),
    ("bad/words.md", 7, "warning", "latin-abbreviation"),
    ("bad/words.md", 11, "error", "all-caps"),          # raised from warning by `checks:` in booklet.yml
    ("bad/links.md", 5, "error", "unknown-contact"),
    ("bad/links.md", 7, "error", "unknown-snippet"),
    ("bad/links.md", 9, "error", "unknown-booklet"),
    ("bad/links.md", 11, "error", "broken-anchor"),
    ("bad/links.md", 15, "error", "phone-number"),
    ("bad/links.md", 17, "error", "phone-number"),
    ("bad/links.md", 19, "error", "email-address"),
    ("bad/links.md", 21, "error", "web-address"),
    ("bad/links.md", 24, "error", "refused-resource"),
]


def test_every_planted_problem_is_reported_at_its_line(broken_report):
    assert found(broken_report, BROKEN) == EXPECTED


def test_the_clean_fixture_has_no_problems(clean_report):
    assert clean_report.problems == ()


@pytest.mark.parametrize("rule", sorted({e[3] for e in EXPECTED}))
def test_rule_triggers_in_broken_and_not_in_clean(rule, broken_report, clean_report):
    assert found(broken_report, BROKEN, rule)
    assert not [p for p in clean_report.problems if p.rule == rule]


def test_every_rule_has_a_test_that_triggers_it(broken_report):
    from tests.check.test_governance import GOVERNANCE_RULES
    tested = {e[3] for e in EXPECTED} | GOVERNANCE_RULES | {"contrast", "body-text-size", "source",
                                                            "placeholder",   # test_placeholder.py
                                                            "approved-edition", "approval-archive",  # tests/approval
                                                            "stale-translation"}   # tests/translate/test_staleness.py
    assert set(RULES) <= tested, f"untested rules: {set(RULES) - tested}"


@pytest.mark.parametrize("line, message", [
    ("bad/access.md:5: error: the alt text 'image' says nothing about the picture", "[alt-text]"),
    ("bad/access.md:7: error: the alt text 'small.png' is a file name", "[alt-text]"),
    ("bad/access.md:5: warning: the picture 'images/small.png' is 400 pixels wide, so printed 120 mm wide it is"
     " 85 ppi; print needs 300 ppi: use a file at least 1417 pixels wide", "[image-resolution]"),
    ("bad/access.md:13: error: this heading is level 4 ('####') but follows a level 2 heading: use '###'",
     "[heading-levels]"),
    ("bad/access.md:19: warning: the link text 'click here' does not say where it goes", "[link-text]"),
    ("bad/access.md:20: warning: the web address 'www.example.org' is typed into the text", "[bare-url]"),
    ("bad/words.md:2: warning: the section 'Hard words' reads at grade", "[reading-grade]"),
    ("bad/words.md:5: warning: this sentence has 28 words (more than 25): 'This sentence is written to be far"
     " too...'; split it in two", "[long-sentence]"),
    ("bad/words.md:7: warning: 'MRI' is not spelled out at its first use", "[abbreviation]"),
    ("bad/words.md:7: warning: 'e.g.' is hard for many readers: write 'for example'", "[latin-abbreviation]"),
    ("bad/words.md:11: error: 'DO NOT STOP' is in capitals", "[all-caps]"),
    ("bad/links.md:11: error: the link '#s-acess' leads nowhere: there is no 's-acess' in this booklet;"
     " did you mean '#s-access'?", "[broken-anchor]"),
    ("bad/links.md:15: error: the phone number '01 231 05' is not a valid number in IE", "[phone-number]"),
    ("bad/links.md:19: error: the email address 'help@example..org' has two dots in a row", "[email-address]"),
    ("bad/links.md:21: error: the web address 'https://www.example.o' ends in '.o'", "[web-address]"),
    ("bad/links.md:5: error: there is no contact 'nobody' in _shared/organisation.yml", "[unknown-contact]"),
])
def test_messages_say_what_to_do(line, message, broken_report):
    lines = [p.format(BROKEN) for p in broken_report.problems]
    assert any(text.startswith(line) and text.endswith(message) for text in lines), "\n".join(lines)


def test_snippet_text_is_checked_where_it_is_placed_and_reported_in_its_own_file(tmp_path, sources):
    from tests.check.conftest import run_check
    root = sources(_shared__snippets__note_md="Ask your nurse, e.g. at the clinic.\n",
                   demo__one_md="---\ntitle: One\n---\n\nWords.\n\n::: snippet note\n")
    assert found(run_check(root), root) == [("_shared/snippets/note.md", 1, "warning", "latin-abbreviation")]
