"""Count the syllables of an English word by its spelling, for the readability formulas.

Readability formulas only need a good estimate: this counts groups of vowels, then
corrects the spellings English is known for (silent final e, -ed and -es endings, vowel
pairs said as two sounds). Words the rules get wrong and that health booklets use often
are listed in EXCEPTIONS. Written for this project rather than added as a dependency:
it is small, has no data files, and its mistakes can be fixed here with a test.
"""

from __future__ import annotations

import functools
import re

VOWELS = "aeiouy"

# Words the spelling rules miscount, with their usual British and Irish syllable counts.
EXCEPTIONS: dict[str, int] = {
    "people": 2, "every": 2, "everyone": 3, "everything": 3, "everywhere": 3, "evening": 2,
    "different": 3, "family": 3, "families": 3, "business": 2, "several": 3, "interest": 3,
    "interesting": 4, "vegetable": 4, "vegetables": 4, "medicine": 3, "medicines": 3,
    "area": 3, "areas": 3, "idea": 3, "ideas": 3, "real": 2, "really": 3, "create": 2,
    "recipe": 3, "simile": 3, "maybe": 2, "anyone": 3, "someone": 2, "something": 2,
    "sometimes": 2, "somewhere": 2, "whereas": 2, "therefore": 2, "lifetime": 2,
    "wherever": 3, "whenever": 3, "however": 3, "forever": 3, "lifestyle": 2, "nausea": 3, "argue": 2, "argued": 2,
    "diagnosed": 3, "diagnoses": 4, "diagnosis": 4, "prognosis": 3, "metastases": 4,
    "metastasis": 4, "metastatic": 4, "chemotherapy": 5, "radiotherapy": 5,
    "science": 2, "quiet": 2, "diet": 2, "client": 2, "patient": 2, "patients": 2,
    "society": 4, "anxiety": 4, "variety": 4, "being": 2, "doing": 2, "going": 2,
    "seeing": 2, "lying": 2, "dying": 2, "trying": 2, "buying": 2,
    "fluid": 2, "fluids": 2, "ruin": 2, "cruel": 2, "fuel": 2, "poem": 2,
    "lymphoedema": 4, "oedema": 3, "oestrogen": 3, "tumour": 2, "tumours": 2,
    "via": 2, "nurses": 2, "courses": 2, "horses": 2, "houses": 2, "uses": 2,
    "wednesday": 2, "hour": 1, "hours": 1, "our": 1, "ours": 1, "fire": 1, "tired": 1,
    "friend": 1, "naive": 2, "cafe": 2, "ok": 2, "tv": 2, "uk": 2, "mri": 3, "ct": 2, "gp": 2, "gps": 2,
}

# Endings whose final e is said, after a consonant: ta-ble, cen-tre (and their plurals).
SOUNDED_E = re.compile(r"[^aeiouy][lr]es?$")
# Endings whose -es is said: glass-es, chang-es, pla-ces, wish-es.
SOUNDED_ES = re.compile(r"(?:[sxz]|ch|sh|g|c)es$")
# Endings whose -ed is said: want-ed, need-ed, trou-bled, hun-dred.
SOUNDED_ED = re.compile(r"(?:[td]|[bcdfgkpstz]l|[bcdfgkpt]r)ed$")
# Vowel pairs said as two sounds: di-ag-no-sis, ra-di-o, me-di-um, cre-ate, ex-pe-ri-ence.
TWO_SOUNDS = re.compile(r"ia|io|iu|ii|eo(?!u)|ua(?!y)|uo|eum|ie(?=r|st|nt|n|t)|ea(?=te|tion|l\b|lly)|[aeiou]ing|ying")
# ...unless a consonant before them blends with them: spe-cial, na-tion, vi-sion, pa-tient, qua-li-ty.
BLENDED = re.compile(r"[ct]i[aoue]|si[aou]|gi[aou]|geo|xi[ao]|qu[aeio]|gu[aeio]")
SUFFIXES = ("ness", "less", "ment", "ful", "ly")


@functools.lru_cache(maxsize=8192)
def syllables(word: str) -> int:
    """The number of syllables in a word: at least 1 for any word with a letter or digit."""
    word = word.lower().replace("’", "'")
    if re.fullmatch(r"[\d.,]+", word):
        return _number_syllables(word)
    if "-" in word:
        return sum(syllables(part) for part in word.split("-") if part) or 1
    word = re.sub(r"'s$|'", "", word)
    word = re.sub(r"[^a-z]", "", word)
    if not word:
        return 0
    if word in EXCEPTIONS:
        return EXCEPTIONS[word]
    if word.endswith("s") and word[:-1] in EXCEPTIONS and not word.endswith("ss"):
        return EXCEPTIONS[word[:-1]]
    for suffix in SUFFIXES:       # care-ful-ly, tired-ness: the stem is counted on its own
        stem = word[:-len(suffix)]
        if word.endswith(suffix) and len(stem) >= 2 and re.search(r"[aeiouy]", stem):
            return syllables(stem) + 1
    if len(word) <= 3:
        return 1
    return max(1, _by_spelling(word))


def _by_spelling(word: str) -> int:
    # A leading y is a consonant (you, yes); so is y before a vowel (beyond, lawyer).
    spelled = re.sub(r"^y|y(?=[aeiou])", "j", word)
    count = len(re.findall(r"[aeiouy]+", spelled))
    own_e = len(spelled) > 2 and spelled[-2 if spelled.endswith("e") else -3] not in VOWELS
    if spelled.endswith(("que", "gue")):                        # va-gue is one sound: vague
        count -= 1
    elif spelled.endswith("e") and own_e and not SOUNDED_E.search(spelled):
        count -= 1                                              # care, tube, hope
    elif spelled.endswith("es") and own_e and not (SOUNDED_ES.search(spelled) or SOUNDED_E.search(spelled)):
        count -= 1                                              # hopes, tubes, pictures
    elif spelled.endswith("ed") and own_e and not SOUNDED_ED.search(spelled):
        count -= 1                                              # called, hoped, learned
    for match in TWO_SOUNDS.finditer(spelled):
        if not BLENDED.match(spelled, max(0, match.start() - 1)):
            count += 1
    if re.search(r"[^aeiouy]ism$", spelled):                    # ra-cism, or-gan-ism
        count += 1
    return count


def _number_syllables(text: str) -> int:
    """Numbers are read aloud: roughly one syllable a digit, enough for the formulas."""
    digits = re.sub(r"\D", "", text)
    return max(1, min(len(digits), 4))
