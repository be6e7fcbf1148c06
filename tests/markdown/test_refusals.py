"""What the Markdown conversion refuses, each at its file line with a way out, and what it must not refuse."""

from __future__ import annotations


from booklet.markdown.convert import convert
from booklet.problems import Problems
from tests.markdown.test_golden import GOLDEN, context


def run(text: str, body_line: int = 5) -> tuple[str, list]:
    import dataclasses
    problems = Problems()
    ctx = dataclasses.replace(context(GOLDEN / "refusals.md"), body_line=body_line)
    return convert(text, ctx, problems), problems.items


def test_a_table_too_wide_for_the_page_is_refused_at_its_header_line_with_the_count_that_fits() -> None:
    header = "| " + " | ".join(f"Col {n}" for n in range(1, 13)) + " |"
    text = "Intro.\n\n" + header + "\n|" + "---|" * 12 + "\n|" + " x |" * 12 + "\n"
    _, problems = run(text)
    assert [(p.line, p.severity) for p in problems] == [(7, "error")]
    assert "12 columns" in problems[0].message and "at most 10" in problems[0].message


def test_a_wide_table_that_fits_is_marked_for_the_tighter_layout() -> None:
    header = "| " + " | ".join(["Time", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]) + " |"
    html, problems = run(header + "\n|" + "---|" * 8 + "\n|" + " x |" * 8 + "\n")
    assert problems == [] and '<table class="wide" id=' in html


def test_a_character_no_shipped_font_has_is_named_at_its_line() -> None:
    html, problems = run("Plain words.\n\nThe word 中文 is Chinese.\n\nA Linear B sign: 𐀀.\n", body_line=10)
    assert [p.line for p in problems] == [12, 14]
    assert "'中' (U+4E2D" in problems[0].message and "'文' (U+6587" in problems[0].message
    assert "Chinese, Japanese or Korean" in problems[0].message
    assert "'𐀀' (U+10000 LINEAR B SYLLABLE B008 A) is in none of the booklet's fonts" in problems[1].message
    # ...while Greek, Cyrillic, arrows, check marks and bullets are in the shipped fallback font
    _, problems = run("α β γ, Жж, → ←, ✓ ✔ ✗, ◦ ▪, µg, ±, ≤ ≥, °C, €\n")
    assert problems == []


def test_an_autolinked_email_address_is_a_plain_mailto_link_without_control_bytes() -> None:
    html, problems = run("Write to <nurses@example.org>.\n")
    assert problems == []
    assert '<a href="mailto:nurses@example.org">nurses@example.org</a>' in html
    assert "\x02" not in html and "\x03" not in html


def test_a_long_box_may_break_and_carries_its_continued_label() -> None:
    body = "\n\n".join(f"Paragraph {n} of the box, with some words in it." for n in range(30))
    html, problems = run(f"::: warning\n{body}\n:::\n")
    assert problems == []
    assert 'class="box box-warning box-long"' in html and 'data-continued="Important (continued)"' in html
    short, _ = run("::: note\nShort.\n:::\n")
    assert "box-long" not in short and "data-continued" not in short


def test_other_raw_html_stays_text_but_br_is_a_line_break() -> None:
    html, _ = run("One<br>two <br/> three <b>bold</b>\n")
    assert html.count("<br>") == 2 and "&lt;b&gt;bold&lt;/b&gt;" in html
