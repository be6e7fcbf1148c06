"""Compose a booklet's web page from the same model, strings and section HTML the PDFs are made from."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

from booklet.compose.document import contents_entries
from booklet.compose.phones import tel_uri
from booklet.compose.strings import format_date, locale_of, other_language, region_of, strings_for
from booklet.compose.templates import environment, render_contact
from booklet.model import Manifest, Organisation
from booklet.theme.scripts import direction

@dataclass(frozen=True)
class Download:
    """Another file of the booklet the page links to, beside it in the folder."""

    name: str            # metastatic-breast-cancer-download.pdf
    label: str
    facts: str           # "PDF, 16 pages, 312 KB"
    media_type: str


@dataclass(frozen=True)
class RelatedLink:
    title: str
    href: str | None


def web_body(markup: str, table_label: str) -> str:
    """Section HTML as the page needs it: headings one level down (the booklet's title is the one
    h1; a section's title is h2), boxes and panels as notes rather than landmarks (a web page's
    complementary landmarks sit beside its main content, not inside it), decorative pictures marked
    by their empty alt alone, and each table in a group that scrolls sideways on its own. The markup
    is ours (raw HTML is never passed through), so these tags are exactly those the Markdown
    conversion and the templates wrote."""
    markup = re.sub(r"<(/?)h([2-5])\b", lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", markup)
    markup = re.sub(r"<aside\b([^>]*)>", lambda m: '<div role="%s"%s>' % (
        "group" if "contact-panel" in m.group(1) else "note", m.group(1)), markup)
    markup = markup.replace("</aside>", "</div>")
    # A decorative picture's empty alt says it all in HTML (role="presentation" beside it is invalid);
    # the PDF's tagging reads the role.
    markup = re.sub(r'(<img\b[^>]*?) role="presentation"', r"\1", markup)
    return re.sub(r"<table\b(.*?)</table>", r'<div class="table-scroll" role="group" tabindex="0"'
                  f' aria-label="{html.escape(table_label)}"><table\\1</table></div>', markup, flags=re.S)


def structured_data(b: Manifest, org: Organisation) -> str:
    """schema.org MedicalWebPage as JSON-LD: who published it, when, in what language, and who
    reviewed it once it is approved (a draft names no reviewer: nobody has signed it off)."""
    data = {"@context": "https://schema.org", "@type": "MedicalWebPage", "name": b.title,
            "inLanguage": b.language, "datePublished": b.published.iso(),
            "lastReviewed": b.review.reviewed.isoformat(),
            "publisher": {"@type": "Organization", "name": org.name, "url": org.website}}
    if b.subtitle:
        data["description"] = b.subtitle
    if b.online:
        data["url"] = b.online
    if not b.draft:
        data["reviewedBy"] = [{"@type": "Person", "name": r.name, "jobTitle": r.role}
                              for r in b.review.reviewers if r.name]
    # "</" would end the script element early: JSON allows the slash escaped.
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1).replace("</", "<\\/")


@dataclass(frozen=True)
class LanguageLink:
    """Another language version's web page (or this one's), named in its own language."""

    language: str
    name: str
    href: str
    current: bool


def language_links(b: Manifest) -> tuple[LanguageLink, ...]:
    """Each language version with a web page, named as its readers name their language (Cymraeg, Polski)."""
    links = []
    for version in b.versions:
        if version.web or version.slug == b.slug:
            locale = locale_of(version.language)
            name = locale.get_language_name(locale) if locale else version.language
            links.append(LanguageLink(version.language, (name or version.language)[:1].upper() + (name or "")[1:],
                                      f"../{version.slug}/index.html", version.slug == b.slug))
    return tuple(links) if len(links) > 1 else ()


def compose_web(b: Manifest, org: Organisation, *, downloads: tuple[Download, ...], logo: str | None,
                related: tuple[RelatedLink, ...], stylesheet: str) -> str:
    words = strings_for(b.language, b.words)
    region = org.country or region_of(b.language)
    org_lang = other_language(org.language, b.language)
    env = environment()
    env.filters["web_body"] = web_body
    return env.get_template("web.html").render(
        b=b, org=org, s=words, direction=direction(b.language), stylesheet=stylesheet, logo=logo,
        structured=structured_data(b, org),
        published=format_date(b.published, b.language),
        reviewed=format_date(b.review.reviewed, b.language),
        next_review=format_date(b.review.next, b.language),
        contents=contents_entries(b, words),
        downloads=downloads, related=related, languages=language_links(b),
        panels=[render_contact(org.contacts[c], words, region, org_lang) for c in b.contacts], org_lang=org_lang,
        feedback_tel=tel_uri(org.feedback.phone, region) if org.feedback.phone else None)
