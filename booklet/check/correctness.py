"""Check that what readers will act on works: internal links land, and phone numbers, emails and web addresses are well formed."""

from __future__ import annotations

import difflib
import functools
import re
from pathlib import Path
from urllib.parse import unquote

import phonenumbers

from booklet.check.subject import Finding, Subject, key_line
from booklet.check.text import AUTOLINK, LINK
from booklet.compose.document import compose_html
from booklet.problems import Problems
from booklet.sources.yamlnodes import parse
from booklet.urls import urlsplit

LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")
EMAIL_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
EMAIL_IN_TEXT = re.compile(r"[\w.+'-]+@[\w.-]+\w")
PHONE_TEXT_KINDS = ("paragraph", "item", "table", "label")


def broken_anchor(subject: Subject):
    """`[text](#id)` must name an id the booklet has: a section, a heading or one given with {#id}."""
    if subject.manifest is None or subject.organisation is None:
        return                                           # the reader's errors come first
    ids = set(re.findall(r'\bid="([^"]+)"', compose_html(subject.manifest, subject.organisation,
                                                         variant="download")))
    for block in subject.blocks:
        if block.kind == "code":
            continue
        for number, line in block.raw_lines():
            for link in LINK.finditer(line):
                href = link["href"]
                if not href.startswith("#") or unquote(href[1:]) in ids:
                    continue
                near = difflib.get_close_matches(href[1:], sorted(ids), n=1, cutoff=0.6)
                yield Finding(block.path, number, f"the link '{href}' leads nowhere: there is no '{href[1:]}' in"
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
    for block, number, href, _ in _links(subject):
        if href.lower().startswith("tel:"):
            problem = phone_problem(unquote(href[4:]), region)
            if problem:
                yield Finding(block.path, number, problem)
    for block in subject.blocks:
        if block.kind not in PHONE_TEXT_KINDS:
            continue
        for index, text in enumerate(block.visible):
            for match in phonenumbers.PhoneNumberMatcher(text, region or "ZZ", leniency=phonenumbers.Leniency.POSSIBLE):
                raw = match.raw_string
                if len(re.sub(r"\D", "", raw)) < 7 or "," in raw or re.search(r"\d{4}-\d{1,2}-\d{1,2}", raw):
                    continue                             # a count, a year or a date, not a phone number
                problem = phone_problem(raw, region)
                if problem:
                    yield Finding(block.path, block.line + index, problem)


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
    for path, line, email in _organisation_values(subject, "email"):
        problem = email_problem(email)
        if problem:
            yield Finding(path, line, problem)
    for block, number, href, _ in _links(subject):
        if href.lower().startswith("mailto:"):
            problem = email_problem(unquote(href[7:].split("?")[0]))
            if problem:
                yield Finding(block.path, number, problem)
    for block in subject.blocks:
        if block.kind in PHONE_TEXT_KINDS:
            for index, text in enumerate(block.visible):
                for match in EMAIL_IN_TEXT.finditer(text):
                    problem = email_problem(match.group())
                    if problem:
                        yield Finding(block.path, block.line + index, problem)


def email_problem(address: str) -> str | None:
    local, at, domain = address.rpartition("@")
    if not at or not EMAIL_LOCAL.fullmatch(local):
        return f"'{address}' is not an email address: write it like help@example.org"
    problem = _host_problem(domain)
    return f"the email address '{address}' {problem}" if problem else None


def web_address(subject: Subject):
    for path, line, url in _organisation_values(subject, "website", "url"):
        problem = web_problem(url)
        if problem:
            yield Finding(path, line, problem)
    if subject.manifest is not None:
        urls = [subject.manifest.online] + [item.url for item in subject.manifest.related if not item.slug]
        for url in filter(None, urls):
            problem = web_problem(url)
            if problem:
                yield Finding(subject.manifest_path, _value_line(subject.manifest_path, url), problem)
    for block, number, href, _ in _links(subject):
        if urlsplit(href).scheme.lower() in ("http", "https"):
            problem = web_problem(href)
            if problem:
                yield Finding(block.path, number, problem)


def web_problem(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        return f"the web address '{url}' should start https://"
    if re.search(r"\s", url):
        return f"the web address '{url}' has a space in it"
    try:
        parts.port
    except ValueError:
        return f"the web address '{url}' has a port that is not a number"
    if "@" in parts.netloc:
        return f"the web address '{url}' has an '@' in its site name: is it an email address?"
    problem = _host_problem(parts.hostname or "")
    return f"the web address '{url}' {problem}" if problem else None


def _host_problem(host: str) -> str | None:
    host = host.lower().rstrip(".")
    if re.fullmatch(r"\d{1,3}(?:\.\d{1,3}){3}", host):
        return None if all(int(part) < 256 for part in host.split(".")) else "has an impossible number address"
    if not host or "." not in host:
        return f"has no full site name ('{host}'): write it like www.example.org"
    if "" in host.split("."):
        return f"has two dots in a row, or a dot at the start, in '{host}'"
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return f"has a site name that cannot be written ('{host}')"
    labels = ascii_host.split(".")
    bad = next((label for label in labels if not LABEL.fullmatch(label)), None)
    if bad is not None:
        return f"has a site name with an impossible part ('{bad}')"
    if not re.fullmatch(r"[a-z]{2,63}|xn--[a-z0-9-]+", labels[-1]):
        return f"ends in '.{labels[-1]}', which is not a domain ending like .org or .ie"
    return None


def _links(subject: Subject):
    """Each link in the text: its block, line, address and words."""
    for block in subject.blocks:
        if block.kind == "code":
            continue
        for number, line in block.raw_lines():
            for link in LINK.finditer(line):
                yield block, number, link["href"], link["text"]
            for link in AUTOLINK.finditer(line):
                yield block, number, link["href"], link["href"]


def _organisation_values(subject: Subject, *keys: str):
    """(path, line, value) for each contact's and the feedback route's fields named `keys`."""
    organisation = subject.organisation
    if organisation is None:
        return
    path = subject.root / "_shared" / "organisation.yml"
    node = _yaml(path)
    for key in keys:
        value = getattr(organisation.feedback, key, None)
        if value:
            yield path, key_line(node, "feedback", key), value
        for contact in organisation.contacts.values():
            value = getattr(contact, key, None)
            if value:
                yield path, key_line(node, "contacts", contact.id, key), value


@functools.lru_cache(maxsize=16)
def _yaml_cached(path: Path, stamp: float):
    return parse(path.read_text(encoding="utf-8"), path, Problems())


def _yaml(path: Path):
    try:
        return _yaml_cached(path, path.stat().st_mtime)
    except (OSError, UnicodeDecodeError):
        return None


def _value_line(path: Path, value: str) -> int:
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            if value in line:
                return number
    except (OSError, UnicodeDecodeError):
        pass
    return 1
