"""Correctness rules (booklet/check/correctness.py) on addresses written in the text."""

from __future__ import annotations

from tests.check.conftest import run_check


def test_an_autolinked_email_address_is_checked_as_written_at_its_line(sources):
    """Python-Markdown scrambles an autolinked address against spam; the rule still sees it."""
    root = sources(demo__two_md="---\ntitle: Two\n---\n\nA line.\n\nWrite to <help@example..org> today.\n")
    found = [(p.path.name, p.line, p.message) for p in run_check(root).problems if p.rule == "email-address"]
    assert found == [("two.md", 7, "the email address 'help@example..org' has two dots in a row, or a dot at the"
                                   " start, in 'example..org'")]


def _phones(root):
    return [(p.line, p.message.split(":")[0]) for p in run_check(root).problems if p.rule == "phone-number"]


def _mistyped(number: str) -> str:
    """The number with one digit changed, the first change that leaves it the length of an Irish number but not
    one that can be dialled: a slip of the finger."""
    import phonenumbers
    for at in range(len(number) - 1, -1, -1):
        for digit in "0123456789":
            if number[at].isdigit() and digit != number[at]:
                typed = number[:at] + digit + number[at + 1:]
                parsed = phonenumbers.parse(typed, "IE")
                if phonenumbers.is_possible_number(parsed) and not phonenumbers.is_valid_number(parsed):
                    return typed
    raise AssertionError(number)


def test_phone_numbers_in_the_libraries_own_examples_are_checked_in_text_and_in_table_cells(sources):
    """phonenumbers' example numbers for the booklet's country (IE), as a reader would type them: accepted as
    written, and reported once mistyped, in a paragraph or in a table's column of contacts."""
    import phonenumbers
    from phonenumbers import PhoneNumberFormat, PhoneNumberType
    numbers = [phonenumbers.format_number(phonenumbers.example_number_for_type("IE", kind), PhoneNumberFormat.NATIONAL)
               for kind in (PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE, PhoneNumberType.TOLL_FREE)]
    wrong = [_mistyped(n) for n in numbers]
    assert all(phonenumbers.is_valid_number(phonenumbers.parse(n, "IE")) for n in numbers)
    assert not any(phonenumbers.is_valid_number(phonenumbers.parse(n, "IE")) for n in wrong)
    rows = "".join(f"| Clinic {i} | {n} |\n" for i, n in enumerate(numbers + wrong))
    text = "---\ntitle: Two\n---\n\n" + "".join(f"Call {n} today.\n\n" for n in numbers + wrong) \
        + "| Clinic | Phone |\n|---|---|\n" + rows
    found = _phones(sources(demo__two_md=text))
    start = 5 + 2 * len(numbers)          # the first mistyped number's paragraph
    table = 5 + 2 * len(numbers + wrong) + 2 + len(numbers)
    assert found == [(start + 2 * i, f"the phone number '{n}' is not a valid number in IE") for i, n in enumerate(wrong)] \
        + [(table + i, f"the phone number '{n}' is not a valid number in IE") for i, n in enumerate(wrong)]


def test_figures_in_a_table_or_a_line_are_not_taken_for_phone_numbers(sources):
    """A column of figures (a count of 7 digits among smaller ones), a table's numbers never read across cells,
    and a load, a time, a path or an internet address in running text; a column of unspaced phone numbers is
    still a column of phone numbers."""
    import phonenumbers
    from phonenumbers import PhoneNumberFormat
    valid = phonenumbers.format_number(phonenumbers.example_number("IE"), PhoneNumberFormat.E164).replace("+353", "0")
    wrong = _mistyped(valid)
    text = f"""\
---
title: Two
---

Server load: 1.22 0.96 0.63. Built: Sep 18 2017 16:37:54. Sample digits: ABCDEF /0123456789.

Seen from 127.0.0.1 and 5.188.210.101 by Apache/2.4.7 PHP/5.5.9-1ubuntu4.22.

| County | People | Share |
|---|---|---|
| Dublin | 1458154 | 28.5 |
| Cork | 584156 | 11.4 |

| Srv | Acc | Load | Since | Client |
|---|---|---|---|---|
| 0-0 | 0/15/93 | 0 | 0.71 | 127.0.0.1 |
| 2-0 | 0/104/104 | 06 | 2 | 119 |

| Clinic | Phone |
|---|---|
| North | {wrong} |
| South | {valid} |
"""
    assert _phones(sources(demo__two_md=text)) == [(21, f"the phone number '{wrong}' is not a valid number in IE")]
