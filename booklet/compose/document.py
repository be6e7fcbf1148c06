"""Join a booklet's cover, contents, sections, credits and back cover into one HTML document."""

from __future__ import annotations

from dataclasses import dataclass

from booklet.compose.phones import tel_uri
from booklet.compose.strings import format_date, other_language, region_of, strings_for
from booklet.compose.templates import environment, render_contact
from booklet.library.qr import qr_data_uri
from booklet.model import Manifest, Organisation


ON_SCREEN = ("web", "epub")      # variants read on a screen, never printed


@dataclass(frozen=True)
class ContentsEntry:
    anchor: str
    title: str
    number: int | None = None
    where: str | None = None        # words in place of a page number ("Back cover")
    also: str | None = None         # words after its page number ("and back cover")
    lang: str | None = None         # the section's own language, when not the booklet's


def contents_entries(b: Manifest, words: dict, *, contacts_inside: bool = False) -> list[ContentsEntry]:
    """What the contents page lists: every section, then the end matter, each with its anchor.
    `contacts_inside`: some contacts did not fit on the back cover and have a page of their own."""
    entries = [ContentsEntry(s.anchor, s.short_title if len(s.title) > 60 else s.title, s.number, lang=s.language)
               for s in b.sections]
    if b.related:
        entries.append(ContentsEntry("related", str(words["related"])))
    entries.append(ContentsEntry("credits", str(words["credits"])))
    # Named, not numbered: the print file adds Notes pages before the back cover, and the download
    # and print share one layout (render/produce.py), so its page number is not the same in both.
    # The inside contacts page comes before the padding, so its number is the same in both.
    if contacts_inside:
        entries.append(ContentsEntry("contact-us", str(words["contact_us"]), also=str(words["and_back_cover"])))
    else:
        entries.append(ContentsEntry("contact-us", str(words["contact_us"]), where=str(words["back_cover"])))
    return entries


def compose_html(b: Manifest, org: Organisation, *, variant: str, back_cover_items: int | None = None) -> str:
    """The booklet as one HTML document; variants differ only in their stylesheets. The back cover
    holds the contact panels and then the feedback route; `back_cover_items`, when a first layout
    found they do not all fit on one page (render/fit.py), keeps that many of them there and moves
    the rest, in order, to a "Contact us" page before it."""
    words = strings_for(b.language, b.words)
    region = org.country or region_of(b.language)
    org_lang = other_language(org.language, b.language)
    panels = [render_contact(org.contacts[c], words, region, org_lang) for c in b.contacts]
    kept = len(panels) + 1 if back_cover_items is None else max(0, min(back_cover_items, len(panels) + 1))
    inside = kept <= len(panels)
    return environment().get_template("booklet.html").render(
        b=b, org=org, s=words, variant=variant, org_lang=org_lang,
        logo=org.logo.as_uri() if org.logo else None,
        created=b.published.first_day().isoformat(),
        published=format_date(b.published, b.language),
        reviewed=format_date(b.review.reviewed, b.language),
        next_review=format_date(b.review.next, b.language),
        contents=contents_entries(b, words, contacts_inside=inside),
        related=b.related,
        back_panels=panels[:kept], inside_panels=panels[kept:], feedback_inside=inside,
        feedback_tel=tel_uri(org.feedback.phone, region) if org.feedback.phone else None,
        # Paper cannot be clicked: every copy (a download is often printed at home, and the print
        # file shares the download's layout) carries a QR code beside the address.
        # On a screen (the EPUB) the address is a live link: no code to scan.
        online_qr=qr_data_uri(b.online) if b.online and b.printing.qr and variant not in ON_SCREEN else None,
    )


def compose_notes_html(b: Manifest, *, pages: int, first_page: int) -> str:
    """The pages that pad a saddle-stitched booklet to a multiple of four, numbered from `first_page`:
    "Notes" pages, the last of them left blank when there are two or more."""
    return environment().get_template("notes.html").render(
        b=b, s=strings_for(b.language, b.words), first_page=first_page,
        notes_pages=pages - 1 if pages >= 2 else pages, blank_pages=1 if pages >= 2 else 0)

