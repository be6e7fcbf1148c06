"""Read `_shared/organisation.yml` into an Organisation: the publisher, its feedback route and contacts."""

from __future__ import annotations

import re
from pathlib import Path

from booklet.model import Contact, Feedback, Organisation
from booklet.problems import Problems
from booklet.sources.yamlnodes import Fields, parse

CONTACT_KEYS = ("title", "phone", "phone_note", "email", "website", "hours", "text", "address")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")


def read_organisation(path: Path, problems: Problems) -> Organisation | None:
    if not path.is_file():
        problems.error(path, 1, "the publisher's details are missing: create this file with at"
                       " least 'name:' and 'website:' (see the README)")
        return None
    node = parse(path.read_text(encoding="utf-8"), path, problems)
    fields = Fields(node, path, problems, where="organisation.yml")
    name = fields.text("name", required=True)
    website = fields.url("website", required=True)
    country = fields.text("country")
    if country is not None and not re.fullmatch(r"[A-Z]{2}", country):
        fields.error(fields.node("country"), "'country' should be a two-letter country code in capitals, like IE or GB")
        country = None
    logo = _logo(fields, path.parent, problems)
    feedback = _feedback(fields, path, problems)
    contacts = {}
    contacts_node = fields.node("contacts")
    group = Fields(contacts_node, path, problems, where="contacts", line=fields.line_for("contacts"))
    for contact_id in group.keys:
        contact = _contact(contact_id, group.node(contact_id), path, problems)
        if contact is not None:
            contacts[contact_id] = contact
    fields.finish(("name", "website", "logo", "feedback", "contacts", "country"))
    if name is None or website is None or feedback is None:
        return None
    return Organisation(name=name, website=website, feedback=feedback, contacts=contacts,
                        logo=logo, country=country)


def _logo(fields: Fields, shared: Path, problems: Problems) -> Path | None:
    logo = fields.text("logo")
    if logo is None:
        return None
    target = (shared / logo).resolve()
    if not target.is_relative_to(shared.resolve()):
        fields.error(fields.node("logo"), f"the logo '{logo}' must be inside _shared/ (like images/logo.svg)")
    elif not target.is_file():
        fields.error(fields.node("logo"), f"there is no logo file at _shared/{logo}")
    else:
        return target
    return None


def _feedback(fields: Fields, path: Path, problems: Problems) -> Feedback | None:
    node = fields.node("feedback", required=True)
    if node is None:
        return None
    group = Fields(node, path, problems, where="feedback", line=fields.line_for("feedback"))
    feedback = Feedback(text=group.text("text"), url=group.url("url"), email=_email(group, "email"),
                        phone=group.text("phone"))
    group.finish(("text", "url", "email", "phone"))
    if not (feedback.url or feedback.email or feedback.phone):
        problems.error(path, group.line, "'feedback' needs a way to reach you: a 'url', 'email' or 'phone'")
        return None
    return feedback


def _email(fields: Fields, key: str) -> str | None:
    value = fields.text(key)
    if value is not None and not EMAIL.fullmatch(value):
        fields.error(fields.node(key), f"'{key}' should be an email address like help@example.org, not '{value}'")
        return None
    return value


def _contact(contact_id: str, node, path: Path, problems: Problems) -> Contact | None:
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", contact_id):
        problems.error(path, node.start_mark.line + 1 if node else 1,
                       f"contact id '{contact_id}' should use only lower-case letters, digits and hyphens")
    fields = Fields(node, path, problems, where=f"contact '{contact_id}'")
    contact = Contact(
        id=contact_id, title=fields.text("title", required=True), phone=fields.text("phone"),
        phone_note=fields.text("phone_note"), email=_email(fields, "email"), website=fields.url("website"),
        hours=fields.text("hours"), text=fields.text("text"), address=fields.text("address"))
    fields.finish(CONTACT_KEYS)
    return contact if contact.title else None
