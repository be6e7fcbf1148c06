"""Golden pairs: each golden/NAME.md converts to exactly golden/NAME.html.

Run with BOOKLET_UPDATE_GOLDEN=1 to rewrite the expected files after a deliberate change,
then read the diff before committing it.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from booklet.markdown.context import BookletLink, MarkdownContext
from booklet.markdown.convert import convert
from booklet.model import Contact, SourceText
from booklet.problems import Problems

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.stem for p in GOLDEN.glob("*.md"))


def context(path: Path) -> MarkdownContext:
    return MarkdownContext(
        path=path, body_line=1, root=GOLDEN, anchor="s-golden", language="en-IE", region="IE",
        contacts={"helpline": Contact(id="helpline", title="Helpline", phone="1800 200 700",
                                      phone_note="Freephone", text="Talk to a nurse.",
                                      email="nurses@example.org", website="https://www.example.org/help")},
        snippets={"shared": SourceText(GOLDEN / "shared.txt", None, None, "A *shared* passage.", 1)},
        booklets={"bones": BookletLink("Secondary breast cancer in the bones", "https://www.example.org/bones"),
                  "lungs": BookletLink("Secondary breast cancer in the lungs", None)})


@pytest.mark.parametrize("name", CASES)
def test_golden(name: str) -> None:
    source = GOLDEN / f"{name}.md"
    problems = Problems()
    html = convert(source.read_text(encoding="utf-8"), context(source), problems)
    html = html.replace(GOLDEN.resolve().as_uri(), "ROOT") + "\n"
    assert problems.items == []
    expected_path = GOLDEN / f"{name}.html"
    if os.environ.get("BOOKLET_UPDATE_GOLDEN"):
        expected_path.write_text(html, encoding="utf-8")
    expected = expected_path.read_text(encoding="utf-8")
    if html != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), html.splitlines(True),
                                            f"{name}.html (expected)", f"{name}.html (got)"))
        pytest.fail(f"{name}.md no longer converts to {name}.html:\n{diff}")
