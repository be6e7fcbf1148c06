"""The English reading measures (Flesch-Kincaid grade, e.g./etc.) apply to English booklets only."""

from __future__ import annotations

import pytest

from tests.check.conftest import found, run_check
from tests.conftest import MANIFEST, ORGANISATION

# Long Polish words count as many English syllables: measured as English, this reads far above grade 8.
POLISH = ("---\ntitle: Leczenie\n---\n\nPlan leczenia przygotowuje zespół specjalistów, którzy wspólnie"
          " zastanawiają się, jakie postępowanie będzie najodpowiedniejsze w przypadku konkretnego pacjenta,"
          " uwzględniając jego ogólny stan zdrowia, etc. Lekarz omówi z pacjentem wszystkie dostępne możliwości"
          " terapeutyczne oraz ewentualne działania niepożądane.\n")


@pytest.mark.parametrize("tag, rules", [
    ("en-IE", ["latin-abbreviation", "reading-grade"]),
    ("pl", []),
    ("pl-PL", []),
])
def test_english_reading_rules_skip_other_languages(sources, tag, rules):
    root = sources(demo__booklet_yml=MANIFEST.replace("language: en-IE", f"language: {tag}"),
                   demo__one_md=POLISH, _shared__organisation_yml=ORGANISATION + "country: IE\n")
    report = run_check(root)
    assert sorted(p[3] for p in found(report, root) if p[3] in ("latin-abbreviation", "reading-grade")) == rules
    # The readability table (booklet check --readability) has no English grade for a Polish booklet.
    assert ("demo" in report.readability) == tag.startswith("en")


def test_a_section_in_another_language_is_not_measured_as_english(sources):
    """`language: pl` in a section's front matter: that section skips the English rules; the others keep them."""
    polish_section = POLISH.replace("title: Leczenie\n", "title: Leczenie\nlanguage: pl\n")
    root = sources(demo__one_md=polish_section, demo__two_md=POLISH.replace("Leczenie", "Treatment"))
    report = run_check(root)
    flagged = sorted((p[0], p[3]) for p in found(report, root) if p[3] in ("latin-abbreviation", "reading-grade"))
    assert flagged == [("demo/two.md", "latin-abbreviation"), ("demo/two.md", "reading-grade")]
    assert [r.title for r in report.readability["demo"]] == ["Treatment"]


# Plain English, with a long Welsh phrase in it: its words would read as many long English ones.
WITH_A_WELSH_PHRASE = ("---\ntitle: Your care team\n---\n\nYou can ask your nurse any question you have. They will"
                       " help you. Our Welsh sign says [Gwasanaethau cefnogaeth gynhwysfawr i gleifion, etc., a'u"
                       " teuluoedd ledled Cymru gyfan, gyda chymorth arbenigol ymroddedig gan nyrsys"
                       " profiadol]{lang=cy}. It means we help everyone. Ask us for a copy in"
                       " the language you like best. We will post it to you.\n")


def test_a_phrase_in_another_language_is_left_out_of_the_english_measures(sources):
    root = sources(demo__one_md=WITH_A_WELSH_PHRASE)
    report = run_check(root)
    assert [p for p in found(report, root) if p[3] in ("latin-abbreviation", "reading-grade")] == []
    measured = report.readability["demo"][0]
    assert measured.title == "Your care team" and measured.words == 39     # the English words only
    # The same words marked as English are measured, and the 'etc.' in them is found.
    root = sources(demo__one_md=WITH_A_WELSH_PHRASE.replace("{lang=cy}", "{lang=en}"))
    report = run_check(root)
    assert [p[3] for p in found(report, root) if p[3] in ("latin-abbreviation", "reading-grade")] == \
        ["latin-abbreviation"]
    assert report.readability["demo"][0].words == 39 + 18
