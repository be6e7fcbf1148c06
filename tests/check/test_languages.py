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
