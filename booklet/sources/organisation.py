"""Read `_shared/organisation.yml` into an Organisation: the publisher, its feedback route and contacts."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from booklet.compose.strings import supported_language
from booklet.model import Contact, Feedback, Organisation
from booklet.problems import Problems
from booklet.sources.keys import CONTACT, FEEDBACK, ORGANISATION
from booklet.sources.safe import refusal
from booklet.sources.yamlnodes import Fields, is_empty, line_of


def read_organisation(node, path: Path, root: Path, problems: Problems, reads: set[Path]) -> Organisation | None:
    """The publisher from organisation.yml's parsed node (None: missing or unreadable, already reported)."""
    if is_empty(node):
        problems.error(path, 1, "the publisher's details are missing: give at least 'name:', 'website:'"
                       " and 'feedback:' (see docs/keys.md)")
        return None
    fields = Fields(node, path, problems, ORGANISATION)
    name = fields.text("name")
    website = fields.url("website")
    country = fields.text("country")
    if country is not None and not re.fullmatch(r"[A-Z]{2}", country):
        fields.error(fields.node("country"), "'country' should be a two-letter country code in capitals, like IE or GB")
        country = None
    language = fields.text("language")
    if language is not None and not supported_language(language):
        fields.error(fields.node("language"), f"'language: {language}' is not a language tag CLDR knows;"
                     " use one like en-IE, ga, cy or pl (a BCP 47 tag: language, then script or region)")
        language = None
    logo = _logo(fields, root, reads)
    feedback = _feedback(fields, path, problems)
    contacts = {}
    group = fields.node("contacts")
    if group is not None and not is_empty(group) and not isinstance(group, yaml.MappingNode):
        fields.error(group, "'contacts' should be contact ids, each with its keys indented below it")
    elif group is not None and not is_empty(group):
        for key_node, value_node in group.value:
            contact = _contact(key_node, value_node, path, problems)
            if contact is not None:
                contacts[contact.id] = contact
    if name is None or website is None or feedback is None:
        return None
    return Organisation(name=name, website=website, feedback=feedback, contacts=contacts,
                        logo=logo, country=country, language=language)


def _logo(fields: Fields, root: Path, reads: set[Path]) -> Path | None:
    logo = fields.text("logo")
    if logo is None:
        return None
    target = root / "_shared" / logo
    reason = refusal(target, root)
    if reason is None and not target.resolve().is_relative_to((root / "_shared").resolve()):
        reason = "is not inside _shared/ (keep it there, like images/logo.svg)"
    if reason is not None:
        fields.error(fields.node("logo"), f"the logo '_shared/{logo}' {reason}")
        return None
    reads.add(target)
    return target.resolve()


def _feedback(fields: Fields, path: Path, problems: Problems) -> Feedback | None:
    node = fields.node("feedback")
    if node is None:
        return None
    group = Fields(node, path, problems, FEEDBACK, line=fields.line_for("feedback"))
    feedback = Feedback(text=group.text("text"), url=group.url("url"), email=group.email("email"),
                        phone=group.text("phone"))
    if not (feedback.url or feedback.email or feedback.phone):
        problems.error(path, group.line, "'feedback' needs a way to reach you: a 'url', 'email' or 'phone'",
                       "feedback-route")
        return None
    return feedback


def _contact(key_node, node, path: Path, problems: Problems) -> Contact | None:
    contact_id = str(key_node.value)
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", contact_id):
        problems.error(path, line_of(key_node),
                       f"contact id '{contact_id}' should use only lower-case letters, digits and hyphens")
    fields = Fields(node, path, problems, CONTACT, line=line_of(key_node))
    contact = Contact(
        id=contact_id, title=fields.text("title"), phone=fields.text("phone"),
        phone_note=fields.text("phone_note"), email=fields.email("email"), website=fields.url("website"),
        hours=fields.text("hours"), text=fields.text("text"), address=fields.text("address"))
    return contact if contact.title else None
