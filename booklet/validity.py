"""Say whether a web address or an email address is well formed: one answer for the reader and the rules."""

from __future__ import annotations

import re
from booklet.urls import urlsplit

LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")
EMAIL_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")


def email_problem(address: str) -> str | None:
    local, at, domain = address.rpartition("@")
    if not at or not EMAIL_LOCAL.fullmatch(local):
        return f"'{address}' is not an email address: write it like help@example.org"
    problem = _host_problem(domain)
    return f"the email address '{address}' {problem}" if problem else None


def web_problem(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return f"the web address '{url}' should start https://"
    if re.search(r"\s", url):
        return f"the web address '{url}' has a space in it"
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
