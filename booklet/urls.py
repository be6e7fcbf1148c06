"""Split addresses as editors write them without ever raising: a drop-in for urllib's urlsplit."""

from __future__ import annotations

import re
from urllib.parse import SplitResult
from urllib.parse import urlsplit as _urlsplit

SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):(.*)$", re.S)


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
