"""Fill the booklet's Jinja templates: one environment, shared by every booklet and variant."""

from __future__ import annotations

import functools
from collections.abc import Mapping

import jinja2

from booklet.compose.phones import tel_uri
from booklet.model import Contact
from booklet.theme.scripts import direction
from booklet.urls import display_url


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("booklet", "templates"),
                             autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["display_url"] = display_url
    env.filters["direction"] = direction       # "rtl" for Arabic, Urdu, ...: the html's dir
    return env


def render_contact(contact: Contact, words: Mapping[str, object], region: str | None) -> str:
    """The HTML of one contact panel, the same in the text and on the back cover."""
    tel = tel_uri(contact.phone, region) if contact.phone else None
    return environment().get_template("contact.html").render(
        contact=contact, tel=tel, s=words)
