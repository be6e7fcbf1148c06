"""Read the colour each path of a PDF page is painted in, to tell which inks a drawing uses."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pikepdf

PAINT = {"S": "stroke", "s": "stroke", "f": "fill", "F": "fill", "f*": "fill",
         "B": "both", "B*": "both", "b": "both", "b*": "both"}


@dataclass(frozen=True)
class Painted:
    subpaths: int          # `m` operators in the path: a QR code has one per run of dark modules
    paint: str             # stroke, fill or both
    stroke: tuple          # (colour space, components)
    fill: tuple


def painted_paths(page: pikepdf.Page) -> list[Painted]:
    """Every painted path of the page's own content stream, with the colours in force when it was painted."""
    state = {"stroke": ("/DeviceGray", (0.0,)), "fill": ("/DeviceGray", (0.0,))}
    stack, found, subpaths = [], [], 0
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        values = tuple(float(v) for v in operands if isinstance(v, (int, float, Decimal)))
        if op == "q":
            stack.append(dict(state))
        elif op == "Q":
            state = stack.pop()
        elif op in ("k", "K"):
            state["fill" if op == "k" else "stroke"] = ("/DeviceCMYK", values)
        elif op in ("rg", "RG"):
            state["fill" if op == "rg" else "stroke"] = ("/DeviceRGB", values)
        elif op in ("g", "G"):
            state["fill" if op == "g" else "stroke"] = ("/DeviceGray", values)
        elif op in ("cs", "CS"):
            state["fill" if op == "cs" else "stroke"] = (str(operands[0]), ())
        elif op in ("sc", "scn", "SC", "SCN"):
            key = "fill" if op.islower() else "stroke"
            state[key] = (state[key][0], values)
        elif op == "m":
            subpaths += 1
        elif op in PAINT:
            found.append(Painted(subpaths, PAINT[op], state["stroke"], state["fill"]))
            subpaths = 0
        elif op == "n":
            subpaths = 0
    return found


def colour_space_of(page: pikepdf.Page, name: str) -> str:
    """A named colour space resolved through the page's resources (DeviceCMYK stays as it is)."""
    if not name.startswith("/") or name in ("/DeviceCMYK", "/DeviceRGB", "/DeviceGray", "/Pattern"):
        return name
    space = page.Resources.get("/ColorSpace", pikepdf.Dictionary()).get(name)
    if isinstance(space, pikepdf.Array):
        return str(space[0])
    return str(space)
