"""Stop quotes and lists nested deeper than a reader can follow (and than the layout engine can lay out)."""

from __future__ import annotations

import re

from markdown.treeprocessors import Treeprocessor

from booklet.markdown.context import Locator

# Generous: three levels is already hard to read; at 30 the indents leave no room for text on A5,
# and the layout engine fails near 150.
MAX_NESTING = 10
CONTAINERS = ("blockquote", "ul", "ol")
TAB = 4                                   # Python-Markdown's indent for one list level
LIST_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:\s|$)")
FENCE = re.compile(r"\s*(`{3,}|~{3,})")


def too_deep(depth: int) -> str:
    """The one message for nesting past the limit, however it was found."""
    return f"quotes and lists are nested {depth} or more levels deep here; the most is {MAX_NESTING}: flatten them"


def line_depth(line: str) -> int:
    """How many quotes and lists a line opens or sits in, read from its `>` marks and its indent
    before a list marker, as Python-Markdown counts them (four spaces a level)."""
    depth, rest = 0, line.expandtabs(TAB)
    while True:
        stripped = rest.lstrip(" ")
        levels = (len(rest) - len(stripped)) // TAB
        if stripped.startswith(">"):
            depth += 1 + levels
            rest = stripped[1:].removeprefix(" ")
            continue
        if LIST_MARKER.match(stripped):
            depth += 1 + levels
        return depth


def first_too_deep(text: str) -> int | None:
    """The index of the first line nested past MAX_NESTING; None when none is.

    Read from the source before the Markdown reader sees it, so that the result does not depend
    on how deep that reader's own version can go before it gives up."""
    fence = None
    for index, line in enumerate(text.split("\n")):
        opened = FENCE.match(line)
        if opened and (fence is None or opened.group(1)[0] == fence):
            fence = None if fence else opened.group(1)[0]      # code is not nesting
            continue
        if fence is None and line_depth(line) > MAX_NESTING:
            return index
    return None


class NestingProcessor(Treeprocessor):
    """Report the first quote or list nested more than MAX_NESTING deep and cut what lies below it
    (nesting the source scan cannot see, such as lazy continuation lines)."""

    def __init__(self, md, locator: Locator):
        super().__init__(md)
        self.locator = locator

    def run(self, root) -> None:
        # Iterative, not recursive: the tree may be deeper than Python's recursion limit.
        stack = [(root, 0)]
        while stack:
            element, depth = stack.pop()
            depth += element.tag in CONTAINERS
            if depth > MAX_NESTING:
                text = next((t.strip() for t in element.itertext() if t.strip()), "")
                self.locator.error(text[:40] or ">", too_deep(depth), stream="nesting")
                element.clear()
                return
            stack.extend((child, depth) for child in reversed(element))
