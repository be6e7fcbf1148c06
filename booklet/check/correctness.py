"""Check that what readers will act on works: internal links land, and phone numbers, emails and web addresses are well formed."""

from __future__ import annotations

import difflib
import re
from urllib.parse import unquote

import phonenumbers

from booklet.check.subject import Finding, Subject, key_line
from booklet.check.text import constructs
from booklet.model import Kind
from booklet.compose.document import compose_html
from booklet.validity import email_problem, web_problem
from booklet.urls import urlsplit

EMAIL_IN_TEXT = re.compile(r"[\w.+'-]+@[\w.-]+\w")
PHONE_TEXT_KINDS = ("paragraph", "item", "table", "label")
TABLE_CELL = re.compile(r" {3}")                 # how a table's row joins its cells (markdown/positions.py)
BARE_NUMBER = re.compile(r"[-+\u2212]?\d[\d.,/]*%?")     # 1,234  0.58  12%  0/15/93


def broken_anchor(subject: Subject):
    """`[text](#id)` must name an id the booklet has: a section, a heading or one given with {#id}."""
    if subject.manifest is None or subject.organisation is None:
        return                                           # the reader's errors come first
    ids = set(re.findall(r'\bid="([^"]+)"', compose_html(subject.manifest, subject.organisation,
                                                         variant="download")))
    for path, number, href in _links(subject):
        if not href.startswith("#") or unquote(href[1:]) in ids:
            continue
        near = difflib.get_close_matches(href[1:], sorted(ids), n=1, cutoff=0.6)
        yield Finding(path, number, f"the link '{href}' leads nowhere: there is no '{href[1:]}' in"
                      " this booklet" + (f"; did you mean '#{near[0]}'?" if near else
                                         " (a section is #s-FILE, like #s-treatment; give a heading"
                                         " an id with {#my-id})"))


def phone_number(subject: Subject):
    if subject.manifest is None:
        return                                  # its language, and so the country, is not known yet
    region = subject.region
    for path, line, number in _organisation_values(subject, "phone"):
        problem = phone_problem(number, region)
        if problem:
            yield Finding(path, line, problem)
    for path, number, href in _links(subject):
        if href.lower().startswith("tel:"):
            problem = phone_problem(unquote(href[4:]), region)
            if problem:
                yield Finding(path, number, problem)
    for block in subject.blocks:
        if block.kind not in PHONE_TEXT_KINDS:
            continue
        for index, text in _phone_texts(block):
            for match in phonenumbers.PhoneNumberMatcher(text, region or "ZZ", leniency=phonenumbers.Leniency.POSSIBLE):
                if not _reads_as_phone(text, match.start, match.end):
                    continue
                problem = phone_problem(match.raw_string, region)
                if problem:
                    yield Finding(block.path, block.line + index, problem)


def _phone_texts(block):
    """(line offset, text) where a phone number may be written: each line, or in a table each cell on its own,
    less the bare numbers of a column of figures (one with a number no phone number could be: counts, decimals)."""
    if block.kind != "table":
        yield from enumerate(block.visible)
        return
    rows = [(index, TABLE_CELL.split(line)) for index, line in enumerate(block.visible) if line]
    figures = set()
    for column in range(max((len(cells) for _, cells in rows), default=0)):
        body = [cells[column] for _, cells in rows[1:] if column < len(cells) and cells[column]]
        if body and all(BARE_NUMBER.fullmatch(c) for c in body) and \
                any(len(re.sub(r"\D", "", c)) < 7 or "." in c for c in body):
            figures.add(column)
    for row, (index, cells) in enumerate(rows):
        for column, cell in enumerate(cells):
            if not (row and column in figures):
                yield index, cell


def _reads_as_phone(text: str, start: int, end: int) -> bool:
    """False for digits the matcher finds that a reader would not take for a phone number: a count, a year or a
    date; digits run into other characters (a path's '/0123', a time's '16:37', a version '5.5.9-1'); a decimal
    (a load of 1.22) or an internet address (127.0.0.1)."""
    raw = text[start:end]
    if len(re.sub(r"\D", "", raw)) < 7 or "," in raw or re.search(r"\d{4}-\d{1,2}-\d{1,2}", raw):
        return False
    before, after = text[start - 1:start], text[end:end + 2]
    if re.fullmatch(r"[\w/\\.:@#=&-]", before) or re.match(r"\w|[:/.-]\d", after):
        return False
    return not any(re.fullmatch(r"\d+\.\d+|\d{1,3}(\.\d{1,3}){3}|\d+(\.\d+)*\.\d(\.\d+)*", token)
                   for token in raw.split())


def phone_problem(number: str, region: str | None) -> str | None:
    """Why a phone number cannot be dialled as written, or None when it can."""
    if region is None and not number.strip().startswith("+"):
        return (f"the phone number '{number}' cannot be checked: add 'country:' (like IE) to"
                " _shared/organisation.yml, or write it with its + country code")
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return f"'{number}' is not a phone number: write it with digits and spaces, like 1800 200 700"
    if not phonenumbers.is_valid_number(parsed):
        where = f" in {region}" if region and not number.strip().startswith("+") else ""
        return (f"the phone number '{number}' is not a valid number{where}: check the digits"
                " (write a number from another country with its + code)")
    return None


def email_address(subject: Subject):
    """Addresses in the text; those in organisation.yml are the reader's (booklet/sources)."""
    for path, number, href in _links(subject):
        if href.lower().startswith("mailto:"):
            problem = email_problem(unquote(href[7:].split("?")[0]))
            if problem:
                yield Finding(path, number, problem)
    for block in subject.blocks:
        if block.kind in PHONE_TEXT_KINDS:
            for index, text in enumerate(block.visible):
                for match in EMAIL_IN_TEXT.finditer(text):
                    problem = email_problem(match.group())
                    if problem:
                        yield Finding(block.path, block.line + index, problem)


def web_address(subject: Subject):
    """Addresses in the text; those in the YAML files are the reader's (booklet/sources)."""
    for path, number, href in _links(subject):
        if urlsplit(href).scheme.lower() in ("http", "https"):
            problem = web_problem(href)
            if problem:
                yield Finding(path, number, problem)


def _links(subject: Subject):
    """Each address in the text: inline links and autolinks where they are, reference-style links at
    their definition `[id]: address` (used or not)."""
    for _, construct in constructs(subject.sections, Kind.LINK, Kind.REFERENCE):
        if construct.kind == Kind.REFERENCE or dict(construct.attrs).get("form") != "reference":
            yield construct.path, construct.line, construct.target


def _organisation_values(subject: Subject, *keys: str):
    """(path, line, value) for each contact's and the feedback route's fields named `keys`."""
    organisation = subject.organisation
    if organisation is None:
        return
    path = subject.root / "_shared" / "organisation.yml"
    node = subject.organisation_node
    for key in keys:
        value = getattr(organisation.feedback, key, None)
        if value:
            yield path, key_line(node, "feedback", key), value
        for contact in organisation.contacts.values():
            value = getattr(contact, key, None)
            if value:
                yield path, key_line(node, "contacts", contact.id, key), value
