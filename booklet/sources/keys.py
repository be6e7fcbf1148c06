"""Declare every key of organisation.yml, booklet.yml and front matter once: its type, need, default and help.

The readers validate against these declarations, `unknown key` suggestions come from them,
and docs/keys.md is generated from them (booklet/sources/keydoc.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from booklet.problems import SOURCE


class Kind(Enum):
    """What a key's value must be; the words are those the reference prints."""

    TEXT = "text, kept exactly as written"
    WEB_ADDRESS = "web address (https://...)"
    EMAIL = "email address"
    DATE = "date (YYYY-MM-DD)"
    MONTH = "month or date (YYYY-MM or YYYY-MM-DD)"
    FLAG = "true or false"
    CHOICE = "one of the listed words"
    NAMES = "list of names"
    LIST = "list of entries"
    GROUP = "keys indented below it"
    LENGTH = "length in millimetres (3mm)"
    NUMBER = "number"
    FILE = "file name"
    COLOUR = 'sRGB colour "#RRGGBB", in quotes'
    INKS = "four ink percentages [C, M, Y, K]"


@dataclass(frozen=True)
class Key:
    name: str
    kind: Kind
    help: str
    required: bool = False
    default: str = ""
    choices: tuple[str, ...] = ()
    rule: str = SOURCE               # the check rule a missing or malformed value is reported under


@dataclass(frozen=True)
class Group:
    """The keys of one YAML mapping, and where editors find it."""

    where: str                       # how problems name it: "booklet.yml", "a reviewer"
    title: str                       # the heading in docs/keys.md
    keys: tuple[Key, ...]

    def key(self, name: str) -> Key:
        return next(k for k in self.keys if k.name == name)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(k.name for k in self.keys)


T, W, E = Kind.TEXT, Kind.WEB_ADDRESS, Kind.EMAIL

FEEDBACK = Group("feedback", "organisation.yml: feedback", (
    Key("url", W, "a web page for comments", rule="web-address"),
    Key("email", E, "an address for comments", rule="email-address"),
    Key("phone", T, "a number for comments, printed as written"),
    Key("text", T, "a sentence inviting comments"),
))
CONTACT = Group("a contact", "organisation.yml: each entry of contacts", (
    Key("title", T, "the panel's heading", required=True),
    Key("phone", T, "printed as written, linked as tel: in digital variants"),
    Key("phone_note", T, "a note beside the number, like Freephone"),
    Key("email", E, "printed and linked as mailto:", rule="email-address"),
    Key("website", W, "printed and linked", rule="web-address"),
    Key("hours", T, "opening hours"),
    Key("text", T, "a sentence about the service"),
    Key("address", T, "a postal address"),
))
ORGANISATION = Group("organisation.yml", "_shared/organisation.yml", (
    Key("name", T, "the publisher's name", required=True),
    Key("website", W, "the publisher's web address", required=True, rule="web-address"),
    Key("logo", Kind.FILE, "a picture inside _shared/, like images/logo.svg"),
    Key("country", T, "two capital letters (IE, GB): the country of local phone numbers",
        default="from the booklet's language"),
    Key("language", T, "the language the contacts and feedback text are written in, like en-IE: marked as such"
        " in a booklet or section in another language", default="the booklet's language"),
    Key("feedback", Kind.GROUP, "how readers send comments (below)", required=True, rule="feedback-route"),
    Key("contacts", Kind.GROUP, "contact panels by id: lower-case letters, digits and hyphens (below)"),
))
REVIEWER = Group("a reviewer", "booklet.yml: each entry of review: reviewers", (
    Key("role", T, "the reviewer's job title", required=True, rule="reviewer"),
    Key("name", T, "the reviewer's name; required once the booklet is approved", rule="reviewer"),
))
REVIEW = Group("review", "booklet.yml: review", (
    Key("reviewed", Kind.DATE, "the date of the last clinical review", required=True),
    Key("next", Kind.DATE, "the date of the next review", default="reviewed + 3 years", rule="review-order"),
    Key("reviewers", Kind.LIST, "who reviewed it (below)", required=True, rule="reviewer"),
))
RELATED = Group("a related entry", "booklet.yml: each entry of related", (
    Key("slug", T, "one of our booklets (its folder name): its title and address are used",
        rule="unknown-booklet"),
    Key("title", T, "a booklet published elsewhere: its title"),
    Key("url", W, "a booklet published elsewhere: its address", rule="web-address"),
))
SECTION_ENTRY = Group("a section entry", "booklet.yml: a snippet entry of sections", (
    Key("snippet", T, "a shared snippet's id (its file name in _shared/snippets/ without .md)", required=True,
        rule="unknown-snippet"),
    Key("title", T, "the section's title (`- snippet: ID` alone works too)",
        default="the snippet's front matter title, else its first line if that is a heading (which then"
                " is not printed twice), else its id in words (inclusive-language: Inclusive language)"),
))
PRINT = Group("print", "booklet.yml: print", (
    Key("bleed", Kind.LENGTH, "how far pictures and colour run past the trim, 0mm to 10mm", default="3mm"),
    Key("crop_marks", Kind.FLAG, "draw crop marks", default="true"),
    Key("standard", Kind.CHOICE, "the PDF/X standard the printer asked for", default="pdf/x-4",
        choices=("pdf/x-4", "pdf/x-1a")),
    Key("profile", Kind.FILE, "the printer's CMYK ICC profile, inside the booklet's folder",
        default="FOGRA39 (ISO Coated v2)"),
    Key("qr", Kind.FLAG, "a QR code to the booklet's online: address on the back cover", default="true"),
))
BOOKLET = Group("booklet.yml", "<slug>/booklet.yml", (
    Key("title", T, "the booklet's title", required=True),
    Key("subtitle", T, "a line under the title"),
    Key("language", T, "a language tag CLDR knows, like en-IE, cy, ga or pl: PDF language, hyphenation,"
        " fixed words, dates", required=True),
    Key("reference", T, "the edition code printed on the back cover", required=True, rule="edition-code"),
    Key("status", Kind.CHOICE, "a draft carries a DRAFT mark on every page", required=True,
        choices=("draft", "approved")),
    Key("published", Kind.MONTH, "when this edition is published", required=True),
    Key("based_on", T, "the edition this one updates"),
    Key("review", Kind.GROUP, "the clinical review (below)", required=True, rule="reviewer"),
    Key("evidence", T, "where the references can be had", required=True, rule="evidence"),
    Key("contacts", Kind.NAMES, "contact ids from organisation.yml, for the back cover",
        rule="unknown-contact"),
    Key("online", W, "this booklet's web address", rule="web-address"),
    Key("numbered", Kind.FLAG, "number sections 1, 2, 3 in text and contents", default="false"),
    Key("sections", Kind.LIST, "section files (about.md) or '- snippet: ID' entries, in order",
        required=True),
    Key("related", Kind.LIST, "other booklets readers may want (below)"),
    Key("variants", Kind.NAMES, "which variants to build", default="all"),
    Key("print", Kind.GROUP, "settings for the print shop's file (below)"),
    Key("translation_of", T, "the slug of the booklet this one translates (in the same sources root);"
        " `booklet check` names passages whose source changed since", rule="unknown-booklet"),
    Key("checks", Kind.GROUP, "rule id: error, warning or off, for this booklet (`booklet check --rules`)"),
    Key("target_grade", Kind.NUMBER, "the reading grade sections should not exceed, 1 to 18", default="8"),
))
FRONT_MATTER = Group("the front matter", "front matter of a section or snippet (between --- lines)", (
    Key("title", T, "the section's title; required in a section file",
        default="optional in a snippet (see the snippet entry of sections)"),
    Key("short_title", T, "a shorter title for the running header and contents", default="the title"),
    Key("language", T, "the section's language when it is not the booklet's, like cy in an English booklet:"
        " its tag in the PDF, web page and EPUB, hyphenation and the English-only rules", default="the booklet's"),
))

# theme.yml: the roles' keys are booklet.theme.model.Role's (a test holds the two together).
_ROLES = (("brand", "headings, links, the cover, panel frames"), ("tint", "panel and tip backgrounds"),
          ("text", "body text on screen"), ("muted", "captions, credits, running headers"),
          ("note", "note box edge and label"), ("note_tint", "note box background"),
          ("warning", "warning box edge and label"), ("warning_tint", "warning box background"),
          ("rule", "table rules and note lines"))
COLOURS = Group("colours", "theme.yml: colours", tuple(
    Key(name, Kind.COLOUR, help, default="the house colour" if not name.endswith("tint") and name != "tint"
        else "made from its colour", rule="contrast") for name, help in _ROLES))
PRINT_COLOURS = Group("print_colours", "theme.yml: print_colours", tuple(
    Key(name, Kind.INKS, help + " in print", default="converted from colours: through the output profile")
    for name, help in _ROLES))
FONT = Group("font", "theme.yml: font", (
    Key("family", T, "the typeface's name", required=True),
    Key("regular", Kind.FILE, "the regular font file, inside _shared/", required=True),
    Key("bold", Kind.FILE, "the bold font file, inside _shared/", required=True),
    Key("italic", Kind.FILE, "the italic font file, inside _shared/"),
    Key("licence", Kind.FILE, "the font's licence file, inside _shared/: required, a font ships only with it"),
))
THEME = Group("theme.yml", "_shared/theme.yml (optional)", (
    Key("colours", Kind.GROUP, "the house colours, sRGB (below)", default="the house style's"),
    Key("print_colours", Kind.GROUP, "CMYK from the brand book, for print (below)"),
    Key("font", Kind.GROUP, "the publisher's typeface (below)", default="Atkinson Hyperlegible"),
    Key("stylesheet", Kind.FILE, "CSS applied after the house style, inside _shared/"),
))

GROUPS = (ORGANISATION, FEEDBACK, CONTACT, BOOKLET, REVIEW, REVIEWER, RELATED, SECTION_ENTRY, PRINT,
          FRONT_MATTER, THEME, COLOURS, PRINT_COLOURS, FONT)
