"""Run what is painted up to a page's edge on into the bleed: filled and clipping rectangles grow outward."""

from __future__ import annotations

import pikepdf

from booklet.render.matrix import IDENTITY, Matrix, multiply, upright

EDGE = 0.01              # points: a rectangle this close to the trim edge touches it
FILLS = frozenset({"f", "F", "f*"})
PAINTS = frozenset({"f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "n"})
PATH = frozenset({"m", "l", "c", "v", "y", "h", "re"})


def grower(page: pikepdf.Page, bleed: float):
    """An edit of the page's parsed instructions, for the pass that parses them anyway (colour.py):
    where the page's own drawing fills (or clips to) a rectangle that reaches the trim edge, such as
    the cover's background, that rectangle grows by `bleed` points past the edge it reaches, so
    trimming leaves no white line. It changes the list in place and says whether it changed
    anything. Make it while the MediaBox is still the trim box."""
    trim = [float(v) for v in page.obj.MediaBox]
    return lambda instructions: _grow(instructions, trim, bleed)


def _grow(instructions: list, trim: list[float], bleed: float) -> bool:
    stack, ctm = [], IDENTITY
    path: list[int] = []                 # indexes of this path's construction operators
    clipping, changed = False, False
    for index, (operands, operator) in enumerate(instructions):
        op = str(operator)
        if op == "q":
            stack.append(ctm)
        elif op == "Q":
            ctm = stack.pop() if stack else IDENTITY
        elif op == "cm":
            ctm = multiply(tuple(map(float, operands)), ctm)
        elif op in PATH:
            path.append(index)
        elif op in ("W", "W*"):
            clipping = True
        elif op in PAINTS:
            if len(path) == 1 and str(instructions[path[0]][1]) == "re" and (op in FILLS or (op == "n" and clipping)):
                grown = _grown(instructions[path[0]][0], ctm, trim, bleed)
                if grown is not None:
                    instructions[path[0]] = pikepdf.ContentStreamInstruction(grown, pikepdf.Operator("re"))
                    changed = True
            path, clipping = [], False
    return changed


def _grown(operands, ctm: Matrix, trim: list[float], bleed: float) -> list[float] | None:
    """The rectangle's operands with each side that reaches the trim edge moved out by the bleed;
    None when no side reaches it (or the drawing is rotated)."""
    if not upright(ctm):
        return None
    a, _, _, d, e, f = ctm
    x, y, w, h = map(float, operands)
    xs = sorted((a * x + e, a * (x + w) + e))
    ys = sorted((d * y + f, d * (y + h) + f))
    left, bottom, right, top = trim
    if xs[1] <= left or xs[0] >= right or ys[1] <= bottom or ys[0] >= top:
        return None                       # nothing of it is on the page
    moved = [min(xs[0], left - bleed) if xs[0] <= left + EDGE else xs[0],
             min(ys[0], bottom - bleed) if ys[0] <= bottom + EDGE else ys[0],
             max(xs[1], right + bleed) if xs[1] >= right - EDGE else xs[1],
             max(ys[1], top + bleed) if ys[1] >= top - EDGE else ys[1]]
    if moved == [xs[0], ys[0], xs[1], ys[1]]:
        return None
    # Back into the drawing's own units; a rectangle from its lower corner is the same area.
    ux = sorted(((moved[0] - e) / a, (moved[2] - e) / a))
    uy = sorted(((moved[1] - f) / d, (moved[3] - f) / d))
    return [round(ux[0], 4), round(uy[0], 4), round(ux[1] - ux[0], 4), round(uy[1] - uy[0], 4)]
