"""Measure how easy each section is to read: sentences, words, syllables, Flesch Reading Ease and Flesch-Kincaid grade."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from booklet.check.syllables import syllables
from booklet.check.text import Block

PROSE = ("paragraph", "item")
WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+(?:['’.\-][A-Za-z0-9\u00c0-\u024f]+)*")
# A full stop after these does not end a sentence.
NOT_AN_END = {"e.g", "i.e", "eg", "ie", "etc", "dr", "mr", "mrs", "ms", "prof", "st", "vs", "approx", "no", "nos"}
SENTENCE_END = re.compile(r"[.!?]+['’\"”)\]]*(?=\s|$)")


@dataclass(frozen=True)
class Sentence:
    text: str
    words: int
    syllables: int
    path: Path
    line: int


@dataclass(frozen=True)
class Readability:
    """The reading measures of one section (or a whole booklet)."""

    title: str
    path: Path
    line: int
    sentences: int
    words: int
    syllables: int

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0

    @property
    def reading_ease(self) -> float:
        """Flesch Reading Ease: 60 or more is plain English; higher is easier."""
        if not self.words:
            return 100.0
        return 206.835 - 1.015 * self.words_per_sentence - 84.6 * self.syllables_per_word

    @property
    def grade(self) -> float:
        """Flesch-Kincaid grade: the US school year that can read it; 6 to 8 for patient information."""
        if not self.words:
            return 0.0
        return 0.39 * self.words_per_sentence + 11.8 * self.syllables_per_word - 15.59

    def as_dict(self) -> dict:
        return {"section": self.title, "path": str(self.path), "line": self.line, "sentences": self.sentences,
                "words": self.words, "reading_ease": round(self.reading_ease, 1), "grade": round(self.grade, 1),
                "words_per_sentence": round(self.words_per_sentence, 1)}


def words_of(text: str) -> list[str]:
    return WORD.findall(text)


def sentences(block: Block, *, own: bool = False) -> list[Sentence]:
    """The sentences of a paragraph or list item; an item without a full stop is one sentence.
    `own`: only the words in the block's own language count (a phrase in another is left out)."""
    text, found, start = block.own_text if own else block.text, [], 0
    for match in SENTENCE_END.finditer(text):
        before = text[start:match.start()].split()
        last = before[-1].lower().rstrip(".") if before else ""
        if match.group().startswith(".") and (last in NOT_AN_END or re.fullmatch(r"[a-z]", last)):
            continue                                   # e.g. | Dr. | the A. of A. Person
        found.append((start, match.end()))
        start = match.end()
    if text[start:].strip():
        found.append((start, len(text)))
    result = []
    for begin, end in found:
        piece = text[begin:end].strip()
        words = words_of(piece)
        if not words:
            continue
        offset = begin + (len(text[begin:end]) - len(text[begin:end].lstrip()))
        result.append(Sentence(piece, len(words), sum(syllables(w) for w in words), block.path,
                               block.line_at(offset)))
    return result


def measure(title: str, path: Path, line: int, blocks: list[Block]) -> Readability:
    """The measures of the prose in these blocks (headings, tables and captions are left out)."""
    found = [s for block in blocks if block.kind in PROSE for s in sentences(block, own=True)]
    return Readability(title=title, path=path, line=line, sentences=len(found),
                       words=sum(s.words for s in found), syllables=sum(s.syllables for s in found))


def total(title: str, parts: list[Readability]) -> Readability:
    first = parts[0] if parts else None
    return Readability(title=title, path=first.path if first else Path("."), line=0,
                       sentences=sum(p.sentences for p in parts), words=sum(p.words for p in parts),
                       syllables=sum(p.syllables for p in parts))
