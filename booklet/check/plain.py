"""Hold the text to plain-language guidance: short sentences, a target reading grade, no Latin shorthand, no unexplained capitals."""

from __future__ import annotations

import re

from booklet.check.readability import PROSE, Readability, measure, sentences
from booklet.check.subject import Finding, Subject

LONGEST_SENTENCE = 25            # words: PIF, NHS and HSE guidance
QUOTED_WORDS = 8
LATIN = re.compile(r"(?<![\w.])(?:e\.\s?g\.?|eg\.|i\.\s?e\.?|etc\.?|viz\.)(?![\w])", re.IGNORECASE)
PLAIN_FOR = {"eg": "for example", "ie": "that is", "etc": "and so on (or finish the list)", "viz": "namely"}
CAPITALS = re.compile(r"(?<![\w-])(?P<word>[A-Z][A-Z0-9&]*[A-Z0-9])(?:s|'s|’s)?(?![\w])")
ROMAN = re.compile(r"[IVXLC]+")
KNOWN = {"OK", "TV", "UK", "US", "USA", "EU", "AM", "PM"}
EXPLAINED_AFTER = re.compile(r"\s*(?:\(|:|,? (?:stands for|means|is short for))")
SHOUTING_WORD = 6                 # a single word in capitals this long is shouting, not an abbreviation


def english(language: str) -> bool:
    """The reading grade counts English syllables, and e.g./etc. are English shorthand: other languages skip them."""
    return language.split("-")[0].lower() == "en"


def _written_in(subject: Subject, block) -> str:
    return block.language or subject.language


def section_readability(subject: Subject) -> list[Readability]:
    """The reading measures of each section in English, in booklet order (a section in Welsh, or a
    booklet not in English, has none); a phrase in another language inside one is left out."""
    results = []
    for index, section in enumerate(subject.sections):
        if not english(section.language or subject.language):
            continue
        blocks = [block for block in subject.blocks if block.section == index]
        results.append(measure(section.title, section.path, section.title_line, blocks))
    return results


def long_sentence(subject: Subject):
    for block in subject.blocks:
        if block.kind not in PROSE:
            continue
        for sentence in sentences(block):
            if sentence.words > LONGEST_SENTENCE:
                start = " ".join(sentence.text.split()[:QUOTED_WORDS])
                yield Finding(sentence.path, sentence.line,
                              f"this sentence has {sentence.words} words (more than {LONGEST_SENTENCE}):"
                              f" '{start}...'; split it in two")


def reading_grade(subject: Subject):
    target = subject.settings.target_grade
    for result in section_readability(subject):
        if result.words >= 30 and result.grade > target + 1e-9:
            yield Finding(result.path, result.line,
                          f"the section '{result.title}' reads at grade {result.grade:.1f}, above this booklet's"
                          f" target of {target:g} (reading ease {result.reading_ease:.0f},"
                          f" {result.words_per_sentence:.1f} words a sentence): use shorter sentences and"
                          " everyday words")


def latin_abbreviation(subject: Subject):
    for path, number, text in _visible_lines(subject, own=True, only=english):
        for match in LATIN.finditer(text):
            key = re.sub(r"[^a-z]", "", match.group().lower())
            yield Finding(path, number, f"'{match.group().strip()}' is hard for many readers: write"
                          f" '{PLAIN_FOR[key]}'")


def abbreviation(subject: Subject):
    """Abbreviations in capitals are spelled out at first use: 'magnetic resonance imaging (MRI)'."""
    seen: set[str] = set()
    shouting = _shouting_spans(subject)
    for path, number, text in _visible_lines(subject, headings=False):
        for match in CAPITALS.finditer(text):
            word = match["word"]
            if word in seen or word in KNOWN or ROMAN.fullmatch(word) or len(re.sub(r"\d", "", word)) < 2:
                continue
            if (path, number, match.start()) in shouting or len(word) >= SHOUTING_WORD and word.isalpha():
                continue
            seen.add(word)
            inside_brackets = text[:match.start()].rstrip().endswith("(") and text[match.end():].lstrip().startswith(")")
            if inside_brackets or EXPLAINED_AFTER.match(text, match.end()):
                continue
            yield Finding(path, number, f"'{word}' is not spelled out at its first use: write it in full first,"
                          f" with the abbreviation in brackets, like 'words in full ({word})'")


def all_caps(subject: Subject):
    for path, number, text in _visible_lines(subject):
        for start, end in _shouting(text):
            yield Finding(path, number, f"'{text[start:end]}' is in capitals, which are harder to read:"
                          " write it in sentence case (use bold for emphasis)")


def _shouting(text: str):
    """Spans of text in capitals: words in a row with one of four letters or more (DO NOT STOP, but not
    "CT, MRI"), or one long word (IMPORTANT)."""
    words = list(re.finditer(r"(?<![\w-])[A-Z][A-Z'’]*[A-Z](?![\w-])", text))
    run: list[re.Match] = []
    for word in words + [None]:
        if word is not None and run and re.fullmatch(r"[ \t!:;-]+", text[run[-1].end():word.start()]):
            run.append(word)
            continue
        lengths = [len(w.group()) for w in run]
        if run and (len(run) >= 2 and max(lengths) >= 4 and sum(lengths) >= 7
                    or len(run) == 1 and lengths[0] >= SHOUTING_WORD):
            yield run[0].start(), run[-1].end()
        run = [word] if word is not None else []


def _shouting_spans(subject: Subject) -> set:
    spans = set()
    for path, number, text in _visible_lines(subject):
        for start, end in _shouting(text):
            spans.update((path, number, m.start() + start) for m in re.finditer(r"\S+", text[start:end]))
    return spans


def _visible_lines(subject: Subject, *, headings: bool = True, own: bool = False, only=None):
    """Each line of text a reader sees, with its file and line, in reading order (`own`: without the
    phrases in another language; `only`: of the blocks whose language passes that test)."""
    kinds = ("paragraph", "item", "table", "label", "image") + (("heading",) if headings else ())
    for block in subject.blocks:
        if block.kind in kinds and (only is None or only(_written_in(subject, block))):
            for index, text in enumerate((block.own or block.visible) if own else block.visible):
                if text:
                    yield block.path, block.line + index, text
