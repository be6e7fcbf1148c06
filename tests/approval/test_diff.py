"""Passages compared first, then words: each edit kind found where it is, in the new edition's order."""

from __future__ import annotations

from pathlib import Path

from booklet.approval.diff import Edit, changes, summary, word_runs
from booklet.approval.passages import Passage


def passages(*texts: str) -> list[Passage]:
    return [Passage(Path("a.md"), line, "p", text) for line, text in enumerate(texts, start=1)]


def test_a_word_changed_in_a_passage_is_one_change_with_its_words():
    found = changes(passages("Take one tablet a day.", "Rest."), passages("Take two tablets a day.", "Rest."))
    assert [(c.edit, c.new.line) for c in found] == [(Edit.CHANGED, 1)]
    assert [(r.edit, r.words) for r in found[0].runs] == [
        (None, "Take"), (Edit.DELETED, "one tablet"), (Edit.INSERTED, "two tablets"), (None, "a day.")]


def test_inserted_and_deleted_passages_and_where_a_deletion_goes():
    old = passages("First.", "Gone away now.", "Third passage here.")
    new = passages("First.", "Third passage here.", "A new last passage.")
    found = changes(old, new)
    assert [(c.edit, c.before_text, c.after_text) for c in found] == [
        (Edit.DELETED, "Gone away now.", ""), (Edit.INSERTED, "", "A new last passage.")]
    assert found[0].after.text == "First."              # shown after the passage it followed


def test_a_passage_rewritten_whole_is_a_deletion_and_an_insertion():
    found = changes(passages("Call us on weekdays."), passages("Our nurses answer every question you have."))
    assert [c.edit for c in found] == [Edit.DELETED, Edit.INSERTED]


def test_the_same_passages_are_no_change():
    assert changes(passages("One.", "Two."), passages("One.", "Two.")) == []


def test_the_summary_starts_a_few_words_before_the_edit():
    runs = word_runs("Most people with heart failure take three or four medicines.",
                     "Most people with heart failure take three or more medicines.")
    assert summary(runs) == ("… failure take three or four medicines.", "… failure take three or more medicines.")
