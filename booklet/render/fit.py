"""Read a first layout for what a typesetter would not let stand (a back cover running on to more
pages, a tall picture leaving a near-empty page) and say how to compose the booklet again."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

# A picture pushed to the next page is shrunk into the space left when that space is at least this
# share of the text block (a "mostly blank" page), and only down to this share of its laid-out height.
GAP_SHARE = 1 / 3
SMALLEST_SHARE = 0.55
SLACK = 6.0          # CSS px kept free under a shrunk picture: margins that collapse differently, rounding
ROUNDS = 3           # layouts at most: the first, and two more to settle what moved


@dataclass(frozen=True)
class Fitting:
    """How to compose a booklet so that it lays out well: the first layout's is `Fitting()`."""

    back_cover_items: int | None = None        # contact panels (then feedback) kept on the back cover
    # (figure's place among the document's figures, its picture's height, its height first laid out), px
    figures: tuple[tuple[int, float, float], ...] = ()

    def with_figures(self, found: dict[int, tuple[float, float]]) -> Fitting:
        heights = {place: (height, first) for place, height, first in self.figures}
        heights.update(found)
        return Fitting(self.back_cover_items, tuple((place, *heights[place]) for place in sorted(heights)))


def fit_figures(html: str, figures: tuple[tuple[int, float, float], ...]) -> str:
    """The HTML with the n-th figure's picture held to its height. Raw HTML in a section is printed as
    text (escaped), so every `<figure class="figure">` is one the figure processor made."""
    if not figures:
        return html
    heights = {place: height for place, height, _ in figures}
    count = itertools.count()

    def one(match: re.Match) -> str:
        n = next(count)
        if n not in heights:
            return match.group(0)
        return f'<figure class="figure fitted"{match.group(1)} style="--fitted: {heights[n]:.1f}px">'
    return re.sub(r'<figure class="figure"( id="[^"]*")?>', one, html)


def refit(rendered, fitting: Fitting, *, back_cover: int) -> Fitting | None:
    """What to change in the next composition, or None when this layout stands."""
    kept = _back_cover_items(rendered, back_cover, fitting)
    found = _figures_to_shrink(rendered, fitting)
    if kept is None and not found:
        return None
    changed = fitting.with_figures(found)
    return Fitting(kept if kept is not None else fitting.back_cover_items, changed.figures)


# The back cover -------------------------------------------------------------------------------

def _back_cover_items(rendered, back_cover: int, fitting: Fitting) -> int | None:
    """How many contact panels (then the feedback route) fit on the back cover with its heading, the
    online copy and the imprint, when it runs over one page now; None when it fits."""
    pages = rendered.pages[back_cover:]
    if len(pages) <= 1:
        return None
    heights: dict[int, float] = {}          # each back-cover child by its element, over every page
    order: list = []
    for page in pages:
        for box in _children_of_class(page._page_box, "back-cover"):
            key = id(box.element)
            if key not in heights:
                heights[key] = 0.0
                order.append(box)
            heights[key] += box.margin_height()
    movable = [box for box in order if _has_class(box, "contact-panel") or _has_class(box, "feedback")]
    fixed = sum(heights[id(box.element)] for box in order if box not in movable)
    room = pages[0]._page_box.height - fixed
    kept = 0
    for box in movable:
        room -= heights[id(box.element)]
        if room < 0:
            break
        kept += 1
    if fitting.back_cover_items is not None:         # laid out with fewer already: one fewer again
        kept = min(kept, fitting.back_cover_items - 1)
    return max(kept, 0) if fitting.back_cover_items != 0 else None


def _children_of_class(page_box, name: str):
    """The children of the block with class `name` on one page (html > body > section > ...)."""
    for box in _blocks(page_box):
        if _has_class(box, name):
            yield from (child for child in box.children if _is_block(child))
            return


# Tall pictures --------------------------------------------------------------------------------

def _figures_to_shrink(rendered, fitting: Fitting) -> dict[int, tuple[float, float]]:
    """The figures that open a page after one left mostly blank, by their place in the document: the
    picture height that fits each into the space left, and its height as first laid out. Only those
    that stay at least SMALLEST_SHARE of that height are shrunk; the others move on as they did."""
    places = _figure_places(rendered)
    natural = {place: first for place, _, first in fitting.figures}
    found: dict[int, tuple[float, float]] = {}
    for number in range(1, len(rendered.pages)):
        figure = _opening_figure(rendered.pages[number]._page_box)
        picture = next((box for box in _blocks(figure) if getattr(box, "element_tag", None) == "img"),
                       None) if figure is not None else None
        if picture is None:
            continue
        before = rendered.pages[number - 1]._page_box
        gap = before.content_box_y() + before.height - _content_bottom(before)
        if gap < GAP_SHARE * before.height:
            continue
        place = places[id(figure.element)]
        first = natural.get(place, picture.height)
        height = min(gap - (figure.margin_height() - picture.height), picture.height) - SLACK
        if height >= SMALLEST_SHARE * first:
            found[place] = (round(height, 1), round(first, 1))
    return found


def _figure_places(rendered) -> dict[int, int]:
    """Each figure's element, by its place among the document's figures (the order they are laid out)."""
    places: dict[int, int] = {}
    for page in rendered.pages:
        for box in _blocks(page._page_box):
            if getattr(box, "element_tag", None) == "figure" and id(box.element) not in places:
                places[id(box.element)] = len(places)
    return places


def _opening_figure(page_box):
    """The figure a page opens with, if it does (its first block, however deeply nested)."""
    box = page_box
    while True:
        blocks = [child for child in getattr(box, "children", ()) if _is_block(child)]
        if not blocks:
            return None
        box = blocks[0]
        if getattr(box, "element_tag", None) == "figure":
            return box
        if getattr(box, "element_tag", None) not in ("html", "body", "section", "div", None):
            return None


def _content_bottom(box) -> float:
    """Where the page's content ends: the lowest bottom of its innermost blocks (a block broken at the
    page's foot is as tall as the page; what it holds is not)."""
    blocks = [child for child in getattr(box, "children", ()) if _is_block(child)]
    if not blocks or getattr(box, "element_tag", None) in ("figure", "table", "aside", "p", "li"):
        return box.position_y + box.margin_height()
    return max(_content_bottom(child) for child in blocks)


def _blocks(box):
    yield box
    for child in getattr(box, "children", ()):
        if _is_block(child):
            yield from _blocks(child)


def _is_block(box) -> bool:
    return type(box).__name__ in ("BlockBox", "BlockReplacedBox", "FlexBox", "TableWrapperBox")


def _has_class(box, name: str) -> bool:
    element = getattr(box, "element", None)
    return element is not None and name in (element.get("class") or "").split()
