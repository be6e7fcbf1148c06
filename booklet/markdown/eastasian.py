"""Find a font for Chinese, Japanese or Korean text: the publisher's (theme) font, else one installed on the computer.

The fonts for these scripts are many megabytes, so none ships with booklet. A build reads no file
outside the sources and the package, with one documented exception made here: when (and only
when) a booklet's text has such characters that the publisher's font lacks, fontconfig is asked
which installed font has them all (WeasyPrint draws with it: it falls back through fontconfig
for a character no named font has). fontconfig reads its own configuration and cache in C, outside
Python's open(). The answer depends on the computer: docs/languages.md says so.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

# The family a language expects first when several installed fonts have the characters.
PREFERRED = {"zh-hant": "CJK TC", "zh-tw": "CJK TC", "zh-hk": "CJK HK", "zh": "CJK SC", "ja": "CJK JP",
             "ko": "CJK KR"}
ADVICE = ("install a font that has them (on Debian or Ubuntu: `apt-get install fonts-noto-cjk`; elsewhere"
          " Noto Sans CJK SC, TC, JP or KR from notofonts.github.io), or name one in _shared/theme.yml (font:)")

_CDEF = """
typedef int FcBool; typedef unsigned int FcChar32; typedef unsigned char FcChar8;
typedef struct _FcConfig FcConfig; typedef struct _FcPattern FcPattern;
typedef struct _FcCharSet FcCharSet; typedef struct _FcObjectSet FcObjectSet;
typedef struct _FcFontSet { int nfont; int sfont; FcPattern **fonts; } FcFontSet;
typedef enum { FcResultMatch, FcResultNoMatch, FcResultTypeMismatch, FcResultNoId, FcResultOutOfMemory } FcResult;
FcBool FcInit (void);
FcPattern * FcPatternCreate (void);
void FcPatternDestroy (FcPattern *p);
FcCharSet * FcCharSetCreate (void);
FcBool FcCharSetAddChar (FcCharSet *fcs, FcChar32 ucs4);
void FcCharSetDestroy (FcCharSet *fcs);
FcBool FcPatternAddCharSet (FcPattern *p, const char *object, const FcCharSet *c);
FcObjectSet * FcObjectSetCreate (void);
FcBool FcObjectSetAdd (FcObjectSet *os, const char *object);
void FcObjectSetDestroy (FcObjectSet *os);
FcFontSet * FcFontList (FcConfig *config, FcPattern *p, FcObjectSet *os);
void FcFontSetDestroy (FcFontSet *s);
FcResult FcPatternGetString (const FcPattern *p, const char *object, int n, FcChar8 **s);
"""


def font_for(chars: str, root: Path | None, language: str) -> str | None:
    """What will draw `chars`: the publisher's font when it has them all, else the installed
    family that has them all (the language's own first), else None."""
    wanted = frozenset(ord(c) for c in chars)
    theme_font = _theme_font(root) if root is not None else None
    if theme_font is not None and wanted <= _characters(theme_font):
        return f"the publisher's font ({theme_font.name})"
    families = installed_families(wanted)
    if not families:
        return None
    tag = language.lower()
    preferred = next((v for k, v in PREFERRED.items() if tag.startswith(k)), "")
    return sorted(families, key=lambda family: (preferred not in family, family))[0]


def _theme_font(root: Path) -> Path | None:
    """The regular face of the publisher's font, if _shared/theme.yml names one that is readable."""
    try:
        from booklet.theme.reader import load_theme
        theme = load_theme(root)
    except Exception:       # a broken theme is reported by the theme's own check
        return None
    return theme.font.regular if theme.font is not None else None


@lru_cache(maxsize=8)
def _characters(path: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont
    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap())


@lru_cache(maxsize=32)
def installed_families(wanted: frozenset[int]) -> tuple[str, ...]:
    """The families of the installed fonts (fontconfig) that have every character of `wanted`."""
    try:
        import cffi
        ffi = cffi.FFI()
        ffi.cdef(_CDEF)
        fc = ffi.dlopen("libfontconfig.so.1")
    except (ImportError, OSError):
        return ()       # no fontconfig: nothing installed can be found
    if not fc.FcInit():
        return ()
    pattern, charset, objects = fc.FcPatternCreate(), fc.FcCharSetCreate(), fc.FcObjectSetCreate()
    try:
        for code in sorted(wanted):
            fc.FcCharSetAddChar(charset, code)
        fc.FcPatternAddCharSet(pattern, b"charset", charset)
        fc.FcObjectSetAdd(objects, b"family")
        found = fc.FcFontList(ffi.NULL, pattern, objects)
        families = set()
        name = ffi.new("FcChar8 **")
        for i in range(found.nfont if found != ffi.NULL else 0):
            if fc.FcPatternGetString(found.fonts[i], b"family", 0, name) == 0:
                families.add(ffi.string(name[0]).decode("utf-8", "replace"))
        if found != ffi.NULL:
            fc.FcFontSetDestroy(found)
        return tuple(sorted(families))
    finally:
        fc.FcObjectSetDestroy(objects)
        fc.FcCharSetDestroy(charset)
        fc.FcPatternDestroy(pattern)
