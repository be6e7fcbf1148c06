"""The syllable counter against words whose syllables we know, health words included."""

from __future__ import annotations

import pytest

from booklet.check.syllables import syllables

KNOWN = """
cancer 2 | breast 1 | spread 1 | metastatic 4 | treatment 2 | booklet 2 | information 4 | specialist 3
nurse 1 | nurses 2 | family 3 | questions 2 | lymphatic 3 | system 2 | tubes 1 | fluid 2 | glands 1
called 1 | heard 1 | carries 2 | inactive 3 | pictures 2 | natural 3 | diagnosis 4 | diagnosed 3
recurrent 3 | primary 3 | tumour 2 | overwhelming 4 | learned 1 | uncertainty 4 | experiences 5
relaxed 2 | worries 2 | centres 2 | outlook 2 | prognosis 3 | vague 1 | certain 2 | changing 2
symptoms 2 | relieve 2 | quality 3 | possible 3 | secondary 4 | ovaries 3 | peritoneum 5 | abdomen 3
tissue 2 | different 3 | disbelief 3 | denial 3 | helplessness 3 | counselling 3 | hopes 1 | glasses 2
changes 2 | wanted 2 | needed 2 | table 2 | agree 2 | radio 3 | medium 3 | special 2 | nation 2
vision 2 | religious 3 | careful 2 | movement 2 | likely 2 | beyond 2 | you 1 | yes 1 | easier 3
usually 4 | actually 4 | the 1 | be 1 | simple 2 | people 2 | area 3 | idea 3 | video 3 | science 2
quiet 2 | social 2 | emotional 4 | appointment 3 | hospital 3 | surgery 3 | chemotherapy 5
immunotherapy 6 | biopsy 3 | tiredness 2 | fatigue 2 | appetite 3 | exercise 3 | decision 3
believe 2 | office 2 | services 3 | sometimes 2 | someone 2 | wherever 3 | freephone 2 | available 4
society 4 | water 2 | daughter 2 | nausea 3 | vomiting 3 | temperature 4 | infection 3 | radiation 4
oncologist 4 | consultant 3 | future 2 | unique 2 | continue 3 | true 1 | agreed 2 | advanced 2
stages 2 | shaped 1 | reached 1 | asked 1 | listened 2 | started 2 | decided 3 | worried 2 | quickly 2
completely 3 | unfortunately 5 | especially 4 | probably 3 | eventually 5 | bean-shaped 2 | don't 1
"""


@pytest.mark.parametrize("word, count", [(pair.split()[0], int(pair.split()[1]))
                                          for line in KNOWN.strip().split("\n") for pair in line.split("|")])
def test_known_words(word, count):
    assert syllables(word) == count


def test_every_word_has_a_syllable_and_capitals_do_not_matter():
    assert syllables("Hmm") == 1
    assert syllables("CANCER") == syllables("cancer")
    assert syllables("2026") == 4
    assert syllables("—") == 0
