"""Make an ordered list that starts at another number (`5.`) print that number in the PDF."""

from __future__ import annotations

from markdown.treeprocessors import Treeprocessor


class OrderedStartProcessor(Treeprocessor):
    """sane_lists writes `<ol start="5">`, but WeasyPrint reads `start` only as a presentational
    hint, which we do not enable; the counter is set in the element's own style instead."""

    def run(self, root) -> None:
        for ordered in root.iter("ol"):
            start = ordered.get("start", "")
            if start.lstrip("-").isdigit():
                ordered.set("style", f"counter-reset: list-item {int(start) - 1}")
