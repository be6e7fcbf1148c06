"""Turn a laid-out document into where each of its pages starts: (page label, element id) pairs.

The EPUB's page list (booklet/epub/) puts a page-break marker before each of these elements, so a
reader of the EPUB can follow "turn to page 12" of the download PDF.
"""

from __future__ import annotations

PageStarts = tuple[tuple[str, str], ...]


def page_starts(document) -> PageStarts:
    """For each page of a WeasyPrint Document, its printed number (pages are numbered from the cover,
    styles/booklet.css) and the id of the first element that starts on it: the top-most anchor not
    seen on an earlier page (WeasyPrint records a split element's id again on each page it runs
    onto). A page where nothing new starts (a long paragraph, code block or table row running on)
    maps to the element that continues onto it, the last one started before it: the marker then
    stands at the start of that element, the nearest place the EPUB can name, rather than the page
    being left out of the list. Pages before the first id (none in a booklet) are left out."""
    seen: set[str] = set()
    starts: list[tuple[str, str]] = []
    last: str | None = None
    for number, page in enumerate(document.pages, start=1):
        # Top to bottom, then left to right; an anchor's rectangle is (x1, y1, x2, y2).
        new = sorted((name for name in page.anchors if name not in seen),
                     key=lambda name: (round(page.anchors[name][1], 1), round(page.anchors[name][0], 1)))
        if new:
            starts.append((str(number), new[0]))
            seen.update(new)
            last = max(new, key=lambda name: (page.anchors[name][1], page.anchors[name][0]))
        elif last is not None:
            starts.append((str(number), last))
    return tuple(starts)
