"""Hyphenate a booklet's words only in the languages Pyphen has a dictionary for, and mark each hyphen
the layout adds as a soft hyphen in the PDF's text layer, so that the word reads back whole."""

from __future__ import annotations

import re

import pikepdf

from booklet.model import Manifest
from booklet.render.tagging.content import ParsedPages, mcid_of

# The hyphen the layout adds (CSS hyphenate-character, booklet.css): U+2010, which editors hardly
# ever type, so that a line ending in it was hyphenated by the layout, not by the editor.
LAYOUT_HYPHEN = "\u2010"
SOFT_HYPHEN = "\u00ad"          # how PDF text marks a hyphen the layout added (ISO 32000-1 14.8.2.2.3)
LANG = re.compile(r'\slang="([^"]+)"')


def has_dictionary(tag: str) -> bool:
    """Pyphen has a dictionary for the tag: the same look-up WeasyPrint makes when it hyphenates."""
    import pyphen
    return pyphen.language_fallback(tag) is not None


def languages_of(manifest: Manifest) -> tuple[str, ...]:
    """Every language a booklet's text is in: its own, its sections' and its phrases', in order of use."""
    found = [manifest.language]
    for section in manifest.sections:
        found += [section.language] if section.language else []
        found += LANG.findall(section.html)
    return tuple(dict.fromkeys(found))


def hyphenation_css(manifest: Manifest) -> str:
    """One rule per language of the booklet: words hyphenated with its dictionary, or not at all.
    A rule for each element carrying the `lang`, so a phrase in a language without one is never
    hyphenated with the words of the text around it."""
    return "".join(f'[lang="{tag}"] {{ hyphens: {"auto" if has_dictionary(tag) else "manual"} }}\n'
                   for tag in languages_of(manifest))


def soften_text_hyphens(pdf: pikepdf.Pdf) -> int:
    """soften_layout_hyphens on a whole document, its pages parsed and written back here."""
    from booklet.render.pdftext import mcid_text
    parsed = ParsedPages(pdf)
    marked = soften_layout_hyphens(parsed, mcid_text(pdf, None, parsed))
    parsed.write_back()
    return marked


def soften_layout_hyphens(parsed: ParsedPages, texts: dict[tuple[int, int], str]) -> int:
    """Wrap the content of each marked-content sequence that ends in a hyphen the layout added in a
    Span whose /ActualText has a soft hyphen in its place (ISO 32000-1 14.9.4: replacement text is a
    Span's): the text layer then joins the word across the line (a screen reader reads "treatment",
    not "treat- ment"). `texts`: each sequence's text (pdftext.mcid_text). Returns how many."""
    ends = {key: text for key, text in texts.items() if text.endswith(LAYOUT_HYPHEN)}
    for index in sorted({index for index, _ in ends}):
        content = parsed.page(index)
        instructions, operators = content.instructions, content.operators
        opened: dict[int, str] = {}         # position of a sequence's BDC -> the text its Span stands for
        for position, (instruction, op) in enumerate(zip(instructions, operators)):
            mcid = mcid_of(op, instruction.operands)
            if mcid is not None and (index, mcid) in ends:
                opened[position] = ends[index, mcid][:-len(LAYOUT_HYPHEN)] + SOFT_HYPHEN
        if not opened:
            continue
        result, closing, depth = [], [], 0          # closing: the depth at which each open Span ends
        for position, (instruction, op) in enumerate(zip(instructions, operators)):
            if op == "EMC":
                if closing and closing[-1] == depth:
                    result.append(_span_end())
                    closing.pop()
                depth -= 1
            result.append(instruction)
            if op in ("BDC", "BMC"):
                depth += 1
                if position in opened:
                    result.append(_span_start(opened[position]))
                    closing.append(depth)
        content.reorder(result)
        content.edited = True
    return len(ends)


def _span_start(actual: str) -> pikepdf.ContentStreamInstruction:
    return pikepdf.ContentStreamInstruction(
        [pikepdf.Name.Span, pikepdf.Dictionary({"/ActualText": pikepdf.String(actual)})], pikepdf.Operator("BDC"))


def _span_end() -> pikepdf.ContentStreamInstruction:
    return pikepdf.ContentStreamInstruction([], pikepdf.Operator("EMC"))
