"""Stop quotes and lists nested deeper than a reader can follow (and than the layout engine can lay out)."""

from __future__ import annotations

from markdown.treeprocessors import Treeprocessor

from booklet.markdown.context import Locator

# Generous: three levels is already hard to read; at 30 the indents leave no room for text on A5,
# and the layout engine fails near 150.
MAX_NESTING = 10
CONTAINERS = ("blockquote", "ul", "ol")


class NestingProcessor(Treeprocessor):
    """Report the first quote or list nested more than MAX_NESTING deep and cut what lies below it."""

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
                self.locator.error(text[:40] or ">", f"quotes and lists are nested {depth} or more levels deep"
                                   f" here; the most is {MAX_NESTING}: flatten them", stream="nesting")
                element.clear()
                return
            stack.extend((child, depth) for child in reversed(element))


def too_deep_message() -> str:
    """For Markdown nested so deep that the Markdown reader itself gives up."""
    return (f"quotes or lists are nested too deeply to read (the most is {MAX_NESTING} levels):"
            " flatten them")
