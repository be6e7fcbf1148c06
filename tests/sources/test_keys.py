"""The keys are declared once: the reference in docs/ and the unknown-key suggestions come from that declaration."""

from __future__ import annotations

from pathlib import Path

from booklet.problems import Problems
from booklet.sources.keydoc import keys_markdown
from booklet.sources.keys import BOOKLET, GROUPS, PRINT
from booklet.sources.yamlnodes import Fields, parse

DOCS = Path(__file__).resolve().parents[2] / "docs" / "keys.md"


def test_the_committed_reference_is_the_generated_one():
    assert DOCS.read_text(encoding="utf-8") == keys_markdown(), \
        "run: python -m booklet.sources.keydoc > docs/keys.md"


def test_every_declared_key_is_documented_with_its_help():
    text = keys_markdown()
    for group in GROUPS:
        for key in group.keys:
            assert f"| `{key.name}` |" in text and key.help in text


def test_unknown_keys_are_suggested_from_the_declaration():
    problems = Problems()
    node = parse("bleeed: 3mm\ncrop_mark: true\n", Path("booklet.yml"), problems)
    Fields(node, Path("booklet.yml"), problems, PRINT)
    assert [p.message for p in problems.items] == [
        "unknown key 'bleeed' in print; did you mean 'bleed'?",
        "unknown key 'crop_mark' in print; did you mean 'crop_marks'?"]


def test_required_keys_and_their_rules_come_from_the_declaration():
    problems = Problems()
    fields = Fields(parse("title: x\n", Path("b.yml"), problems), Path("b.yml"), problems, BOOKLET)
    for key in BOOKLET.keys:
        fields.node(key.name)
    assert {(p.message.split("'")[1], p.rule) for p in problems.items} == \
        {(k.name, k.rule) for k in BOOKLET.keys if k.required and k.name != "title"}
