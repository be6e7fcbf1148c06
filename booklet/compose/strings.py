"""Print the booklet's fixed words and dates in its own language, from one table."""

from __future__ import annotations

import datetime as dt
import re

from booklet.model import PartialDate

# One entry per language; a regional tag (en-IE) falls back to its language (en).
# To add a language, add an entry with every key of "en".
STRINGS: dict[str, dict[str, object]] = {
    "en": {
        "contents": "Contents",
        "draft": "DRAFT",
        "draft_notice": "Draft: not yet clinically reviewed. Do not give this copy to patients.",
        "credits": "How we made this booklet",
        "reviewed_by": "Reviewed by",
        "to_be_reviewed_by": "To be reviewed by",
        "last_reviewed": "Last reviewed",
        "next_review": "Next review due",
        "published": "Published",
        "based_on": "Updated from",
        "reference": "Reference",
        "evidence": "Evidence",
        "feedback": "Tell us what you think",
        "publisher": "Published by",
        "related": "Other information you may find useful",
        "contact_us": "Contact us",
        "back_cover": "Back cover",
        "and_back_cover": "and back cover",
        "cover": "Cover",
        "page_list": "Pages",                             # the EPUB's list of the download PDF's pages
        "landmarks": "Guide",                             # the EPUB's landmarks: cover, contents, start
        "notes": "Notes",
        "notes_hint": "You can use this page to write down questions or anything you want to remember.",
        "phone": "Phone",
        "email": "Email",
        "website": "Website",
        "hours": "Opening hours",
        "address": "Address",
        "note": "Note",
        "footnote_mark": "Note {n}",                       # a footnote mark, read aloud
        "footnote_back": "Note {n}, back to the text",     # a footnote's number, a link to its mark
        "tip": "Tip",
        "warning": "Important",
        "figure_credit": "Credit",
        "online_version": "Read this booklet online",
        # The web edition (booklet/web/)
        "skip_to_content": "Skip to the booklet",
        "downloads": "Download or print this booklet",
        "pages": "{n} pages",
        "file_download": "PDF for reading on screen and with a screen reader",
        "file_large_print": "Large print PDF (A4)",
        "file_print": "PDF for print shops (PDF/X, with bleed)",
        "file_handout": "Handout PDF to print on A4 and fold",
        "file_epub": "EPUB for e-readers and reading apps",
        "draft_banner": "This is a draft. It has not yet been clinically reviewed.",
        "review_summary": "About this information",
        "back_to_contents": "Contents",
        "table_region": "Table (scrolls sideways on a small screen)",
        "months": ("January", "February", "March", "April", "May", "June", "July",
                   "August", "September", "October", "November", "December"),
        "date_order": "dmy",
    },
    "en-US": {"date_order": "mdy"},
}


def supported_language(tag: str) -> bool:
    """A BCP 47 tag whose language has an entry in the table."""
    return bool(re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", tag)) and tag.split("-")[0] in STRINGS


def strings_for(tag: str) -> dict[str, object]:
    """The full table for a language tag: the region's overrides over the language's words."""
    table = dict(STRINGS[tag.split("-")[0]])
    table.update(STRINGS.get(tag, {}))
    return table


def region_of(tag: str) -> str | None:
    """The region subtag (IE in en-IE), used to read local phone numbers."""
    regions = [part for part in tag.split("-")[1:] if re.fullmatch(r"[A-Z]{2}", part)]
    return regions[0] if regions else None


def format_date(day: dt.date | PartialDate, tag: str) -> str:
    """A date as readers of this language write it: 1 October 2026, or October 1, 2026."""
    words = strings_for(tag)
    year, month, day_of_month = day.year, day.month, day.day
    month_name = words["months"][month - 1]
    if day_of_month is None:
        return f"{month_name} {year}"
    if words["date_order"] == "mdy":
        return f"{month_name} {day_of_month}, {year}"
    return f"{day_of_month} {month_name} {year}"
