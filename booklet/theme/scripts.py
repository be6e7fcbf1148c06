"""Order the shipped fonts for a booklet's language: the house font, the language's own script font, the other scripts, the fallback."""

from __future__ import annotations

HOUSE_FAMILY = "Atkinson Hyperlegible"
FALLBACK_FAMILY = "Booklet Fallback"        # DejaVu Sans: Greek, Cyrillic, arrows, symbols
# Each script family covers only its script (unicode-range in styles/fonts.css), so Latin text,
# digits and spaces stay in the house font whatever the order; the order decides only what two
# script fonts share: the danda (Devanagari, Bengali, Gurmukhi).
SCRIPT_FAMILIES = ("Booklet Devanagari", "Booklet Bengali", "Booklet Gurmukhi", "Booklet Arabic")
# The languages whose script font is not first in SCRIPT_FAMILIES.
LEADING = {"bn": ("Booklet Bengali",), "pa": ("Booklet Gurmukhi",)}
# Arabic and Urdu put their font before the house font: it also serves ASCII punctuation (its
# unicode-range), so a full stop or bracket in Arabic text is drawn in the same face as the words.
BEFORE_HOUSE = {"ar": ("Booklet Arabic",), "ur": ("Booklet Arabic",)}
RTL_LANGUAGES = frozenset({"ar", "ur", "fa", "he", "ps", "sd", "ug", "yi", "dv", "ckb"})


def script_families(language: str) -> tuple[str, ...]:
    """The script families in the order the language wants them."""
    lead = LEADING.get(primary(language), ())
    return (*lead, *(family for family in SCRIPT_FAMILIES if family not in lead))


def family_list(language: str, *, first: tuple[str, ...] = (), last: tuple[str, ...] = ()) -> str:
    """The CSS font-family value: `first` (a publisher's font), the house font, the scripts, the fallback, `last`."""
    ahead = BEFORE_HOUSE.get(primary(language), ())
    names = (*first, *ahead, HOUSE_FAMILY, *(f for f in script_families(language) if f not in ahead),
             FALLBACK_FAMILY, *last)
    return ", ".join(quoted(name) for name in names)


def stack_css(*, first: tuple[str, ...] = (), last: tuple[str, ...] = ()) -> str:
    """The root's font-family for any language (the margin boxes inherit it), and for each language
    in LEADING the order it wants; selected by `lang` so the same stylesheet serves every booklet."""
    rules = [f"html {{ font-family: {family_list('', first=first, last=last)}; }}"]
    rules += [f"html:lang({tag}) {{ font-family: {family_list(tag, first=first, last=last)}; }}"
              for tag in (*LEADING, *BEFORE_HOUSE)]
    return "\n".join(rules)


def direction(language: str) -> str:
    """'rtl' for a language written right to left (Arabic, Urdu, ...), else 'ltr'."""
    return "rtl" if primary(language) in RTL_LANGUAGES else "ltr"


def primary(language: str) -> str:
    return language.split("-")[0].lower()


def quoted(name: str) -> str:
    if name in ("sans-serif", "serif"):
        return name
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
