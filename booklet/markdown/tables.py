"""Give table header cells their scope, mark wide and long tables for layout, and refuse tables too wide to print."""

from __future__ import annotations

from markdown.treeprocessors import Treeprocessor

from booklet.markdown.context import Locator

# The narrowest text block is the A5 page's 120 mm at 12 pt (large print: 170 mm at 18 pt).
# A column needs its padding and about four characters at the minimum text size to keep
# words readable once they break: 10 columns fit at either size, never below the minimum.
MAX_COLUMNS = 10
WIDE_FROM = 5            # columns: tighter padding, so more of each cell is text
# A table longer than this can rarely fit on one page: it may break between rows, header
# repeated, rather than being pushed whole to the next page, leaving a near-empty one.
LONG_FROM = 12           # body rows


class TableScopeProcessor(Treeprocessor):
    """Markdown tables have one header row: its cells head columns (PDF/UA: TH with /Scope)."""

    def run(self, root) -> None:
        for table in root.iter("table"):
            for head in table.iter("thead"):
                for cell in head.iter("th"):
                    cell.set("scope", "col")


class TableWidthProcessor(Treeprocessor):
    """Classes for the layout (`wide`, `long`), and an error at the table's line when it has more
    columns than a page can hold at the minimum text size."""

    def __init__(self, md, locator: Locator):
        super().__init__(md)
        self.locator = locator

    def run(self, root) -> None:
        searched_from = 0
        for table in root.iter("table"):
            header = next(table.iter("tr"), None)
            columns = len(header) if header is not None else 0
            rows = sum(1 for body in table.iter("tbody") for _ in body.iter("tr"))
            line, searched_from = self._line(header, searched_from)
            classes = [name for name, on in (("wide", columns >= WIDE_FROM), ("long", rows > LONG_FROM)) if on]
            if classes:
                table.set("class", " ".join(classes))
            if columns > MAX_COLUMNS:
                self.locator.problems.error(
                    self.locator.path, line,
                    f"this table has {columns} columns; at most {MAX_COLUMNS} fit across a page at the"
                    f" minimum text size: split it into two tables, or turn it round (one row per"
                    f" column) so it has fewer columns")

    def _line(self, header, start: int) -> tuple[int, int]:
        """The file line of the table's header row: the first line from `start` holding '|' and the
        first header cell's words."""
        first = "".join(header[0].itertext()).strip() if header is not None and len(header) else ""
        lines = self.locator.lines
        for index in range(start, len(lines)):
            if "|" in lines[index] and first in lines[index]:
                return self.locator.first_line + index, index + 1
        return self.locator.first_line, start
