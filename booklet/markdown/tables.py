"""Give table header cells the scope a screen reader needs to announce them with each cell."""

from __future__ import annotations

from markdown.treeprocessors import Treeprocessor


class TableScopeProcessor(Treeprocessor):
    """Markdown tables have one header row: its cells head columns (PDF/UA: TH with /Scope)."""

    def run(self, root) -> None:
        for table in root.iter("table"):
            for head in table.iter("thead"):
                for cell in head.iter("th"):
                    cell.set("scope", "col")
