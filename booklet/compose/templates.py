"""Fill the booklet's Jinja templates: one environment, shared by every booklet and variant."""

from __future__ import annotations

import functools
from collections.abc import Mapping

import jinja2
from markupsafe import Markup

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
    env.filters["in_lang"] = in_lang
    return env


def render_contact(contact: Contact, words: Mapping[str, object], region: str | None,
                   lang: str | None = None, panel_lang: str | None = None) -> str:
    """The HTML of one contact panel, the same in the text and on the back cover. `panel_lang`: the language
    of `words` (Phone, Hours), when not that of the text around the panel; `lang`: the language of the
    publisher's words in it (title, text, hours...), when not that of `words`."""
    tel = tel_uri(contact.phone, region) if contact.phone else None
    return environment().get_template("contact.html").render(
        contact=contact, tel=tel, s=words, own=_lang_attribute(lang), panel=_lang_attribute(panel_lang))


def in_lang(text: str, tag: str | None) -> Markup | str:
    """Text in a language other than that around it, in a span saying which (`{{ org.name | in_lang(org_lang) }}`)."""
    return Markup('<span lang="{}">{}</span>').format(tag, text) if tag else text


def _lang_attribute(tag: str | None) -> Markup:
    """` lang="TAG"`, or nothing; the tag is a checked BCP 47 tag, escaped all the same."""
    return Markup(' lang="{}"').format(tag) if tag else Markup("")
