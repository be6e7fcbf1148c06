"""Split addresses as editors write them without ever raising (a drop-in for urllib's urlsplit), show
them as people read them, and keep the one list of the link schemes a booklet may carry."""

from __future__ import annotations

import re
from urllib.parse import SplitResult
from urllib.parse import urlsplit as _urlsplit

SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):(.*)$", re.S)
# A whole text that is one web address with its scheme, as an autolink or `code` prints it.
RAW_WEB_ADDRESS = re.compile(r"\s*https?://\S+\s*", re.I)


def urlsplit(address: str) -> SplitResult:
    """urllib's split; an address it refuses (`https://[x`, a bad port) keeps its scheme and nothing else,
    so it reads as an incomplete address rather than stopping the tool."""
    try:
        parts = _urlsplit(address)
        parts.port                       # raises ValueError for a port out of range or not a number
        return parts
    except ValueError:
        match = SCHEME.match(address)
        if match:
            return SplitResult(match.group(1).lower(), "", match.group(2), "", "")
        return SplitResult("", "", address, "", "")


# The one list of link schemes a booklet may carry, whatever the link's origin; `#anchor` links
# (no scheme) stay inside the PDF. `booklet:` links are rewritten to web addresses before rendering.
SCHEMES = ("https", "http", "mailto", "tel", "booklet")


def link_scheme(href: str) -> str:
    """The link's scheme in lower case, as a reader's viewer would see it ('' for a local name)."""
    return urlsplit(href.strip()).scheme


def display_url(url: str) -> str:
    """A web address as people read it aloud: no scheme, no trailing slash."""
    return url.removeprefix("https://").removeprefix("http://").removeprefix("www.").rstrip("/")
