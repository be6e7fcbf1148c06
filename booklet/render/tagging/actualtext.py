"""Mark each piece of text in a shaped script (Arabic, Urdu, the Indic scripts) with its source text as /ActualText.

WeasyPrint writes one ToUnicode entry a glyph, the first text it was drawn for: a glyph that is
several characters (a Devanagari conjunct, the vowel sign i drawn before its consonant, lam-alef),
or one that stands for different text in different places, or marks shaped into a ligature
(Arabic shadda, tanween) come out of copy-paste and screen readers wrong or missing (WeasyPrint
#2841 is one case: Arabic from real GSUB fonts, where a letter reads as another). A marked-content
sequence's /ActualText replaces what the glyphs say (ISO 32000-1 14.9.4; PDF/UA-1 7.2), so while
WeasyPrint draws, each text box with such characters is wrapped in `/Span <</ActualText (its
text, in logical order)>> BDC ... EMC`, inside the marked content WeasyPrint tags it with.

Right-to-left text is the exception: PDF text extractors (PDFium, Poppler) take the glyphs of a
line as drawn, left to right, and turn them to logical order themselves, and they do the same to
an /ActualText, which then reads back reversed (measured: every word's letters in PDFium). So
Arabic and Urdu are read from their glyphs, which works because Noto Naskh Arabic draws each
letter form and mark as a glyph of its own: one glyph reads as one text everywhere. Noto Nastaliq
Urdu does not (its glyphs are pieces of letters), which is why Urdu is set in Naskh too
(styles/fonts/PROVENANCE.md). Left: PDFium puts a mark drawn raised (shadda, tanween) on a line
of its own, so its text lacks them; Poppler keeps them.
"""

from __future__ import annotations

import contextlib
import threading
import unicodedata
from collections.abc import Iterator

import pydyf

from booklet.render.engine import weasyprint  # noqa: F401  (first: loads WeasyPrint without its library search)
from weasyprint import draw as weasyprint_draw

# Scripts shaped by context, whose glyphs do not map one to one onto characters: Hebrew to NKo
# (Arabic, Syriac, Thaana), the Indic scripts to Myanmar, Khmer, and the Arabic presentation forms.
SHAPED = ((0x0590, 0x07FF), (0x0800, 0x08FF), (0x0900, 0x109F), (0x1780, 0x17FF), (0xA8E0, 0xA8FF),
          (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF))

_ONE_AT_A_TIME = threading.Lock()      # the wrapper replaces a module attribute while it runs


class DrawerChanged(RuntimeError):
    """The installed WeasyPrint draws text differently from the one this was written for."""


def right_to_left(text: str) -> bool:
    """Whether the text has letters of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, NKo)."""
    return any(0x0590 <= ord(c) <= 0x08FF or 0xFB1D <= ord(c) <= 0xFEFF for c in text)


def needs_actual_text(text: str) -> bool:
    """Whether the glyphs drawn for `text` may not read back as it: a shaped script or a combining mark."""
    return any(any(a <= ord(c) <= b for a, b in SHAPED) or unicodedata.category(c) in ("Mn", "Me")
               for c in text)


@contextlib.contextmanager
def writing_actual_text() -> Iterator[None]:
    """While the block runs, each text box WeasyPrint draws in a shaped script carries its /ActualText."""
    original = getattr(weasyprint_draw, "draw_text", None)
    if original is None:
        raise DrawerChanged("weasyprint.draw.draw_text is gone: update booklet.render.tagging.actualtext")

    def draw_text(stream, textbox, *args, **kwargs):
        text = textbox.text
        if textbox.style["visibility"] != "visible" or not text.strip() or not needs_actual_text(text):
            return original(stream, textbox, *args, **kwargs)
        if right_to_left(text):
            return original(stream, textbox, *args, **kwargs)       # read back from the glyphs: see above
        stream.begin_marked_content("Span", pydyf.Dictionary({"ActualText": pydyf.String(text)}))
        try:
            return original(stream, textbox, *args, **kwargs)
        finally:
            stream.end_marked_content()

    with _ONE_AT_A_TIME:
        weasyprint_draw.draw_text = draw_text
        try:
            yield
        finally:
            weasyprint_draw.draw_text = original

