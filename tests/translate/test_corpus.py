"""Round trips over the project's test corpus (one booklet per Markdown construct, written for other tests)."""

from __future__ import annotations

import re

import pytest

from booklet.sources.reader import read_sources
from tests.corpus.generate import CONSTRUCTS, MIXED, write_corpus
from tests.translate.filling import fill_xliff, welsh_looking
from tests.translate.library import run


@pytest.fixture(scope="module")
def corpus_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("translate-corpus")
    write_corpus(root / "sources")
    return root


def _round_trip(root, monkeypatch, language, change):
    monkeypatch.chdir(root)
    assert run("translate", "export", MIXED, "--to", language)[0] == 0
    fill_xliff(root / "translations" / f"{MIXED}.{language}.xlf", change=change)
    code, out = run("translate", "import", f"translations/{MIXED}.{language}.xlf")
    assert code == 0, out
    reading = read_sources(root / "sources", [root / "sources" / MIXED, root / "sources" / f"{MIXED}-{language}"],
                           variants=())
    return reading.booklets


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", re.sub(r'\s(id|href)="[^"]*"', "", html))).strip()


def test_an_unchanged_translation_reads_as_its_source(corpus_root, monkeypatch):
    source, translated = _round_trip(corpus_root, monkeypatch, "en", lambda t: t)
    assert not [p for p in translated.problems if p.severity == "error"]
    assert [_text(s.html) for s in translated.sections] == [_text(s.html) for s in source.sections]


def test_every_construct_comes_through_translated(corpus_root, monkeypatch):
    source, translated = _round_trip(corpus_root, monkeypatch, "cy", welsh_looking)
    assert not [p for p in translated.problems if p.severity == "error"], translated.problems
    before = " ".join(_text(s.html) for s in source.sections)
    after = " ".join(_text(s.html) for s in translated.sections)
    for construct in CONSTRUCTS:
        for word in construct.words:
            # code, web and email addresses are placeholders, never translated
            # (a contact panel's words come from organisation.yml: not translated text)
            if word in before and word in construct.body and "@" not in word and not re.search(rf"`[^`]*{word}|https?://\S*{word}", construct.body):
                assert welsh_looking(word) in after, (construct.name, word)
