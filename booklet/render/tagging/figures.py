"""Make a captioned picture one Figure holding its picture and its Caption."""

from __future__ import annotations

import pikepdf
from pikepdf import Array, Dictionary, Name

from booklet.render.tagging.tree import S, is_element, kids, move_kids, parent_tree

FIGURE = Name.Figure


def shape_figures(pdf: pikepdf.Pdf, figures: list[Dictionary]) -> None:
    """`<figure><img><figcaption>` arrives as Figure(Figure(picture), Caption): the inner Figure's
    picture, /Alt and bounding box move up, so the Caption sits inside the Figure it describes.
    `figures`: the tree's Figures, outer before inner."""
    tree = parent_tree(pdf)
    for outer in figures:
        inner = [kid for kid in kids(outer) if is_element(kid) and kid.get(S) == FIGURE]
        if len(inner) != 1:
            if not inner and "/Alt" not in outer and any(is_element(kid) for kid in kids(outer)):
                outer.S = Name.Div      # no picture drawn (a <figure> around something else): a plain group
            continue
        picture, held = inner[0], []
        for key in ("/Alt", "/A", "/ActualText"):
            if key in picture:
                outer[key] = picture[key]
        if "/Alt" not in picture:
            continue                    # a decorative picture: left for the artifact pass
        for kid in kids(outer):
            if is_element(kid) and kid.objgen == picture.objgen:
                move_kids(tree, picture, outer, held)
            else:
                held.append(kid)
        outer.K = Array(held)
