"""Run what is painted up to a page's edge on into the bleed: filled and clipping rectangles grow outward."""

from __future__ import annotations

from dataclasses import dataclass

import pikepdf

EDGE = 0.01              # points: a rectangle this close to the trim edge touches it
FILLS = frozenset({"f", "F", "f*"})
PAINTS = frozenset({"f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "n"})
PATH = frozenset({"m", "l", "c", "v", "y", "h", "re"})


@dataclass(frozen=True)
class Matrix:
    """A PDF transformation matrix [a b c d e f]: a point (x, y) maps to (ax + cy + e, bx + dy + f)."""

    a: float = 1.0
    b: float = 0.0
    c: float = 0.0
    d: float = 1.0
    e: float = 0.0
    f: float = 0.0

    def then(self, n: "Matrix") -> "Matrix":
        """This transformation followed by `n` (PDF's `cm` puts the new matrix first: new.then(ctm))."""
        return Matrix(self.a * n.a + self.b * n.c, self.a * n.b + self.b * n.d,
                      self.c * n.a + self.d * n.c, self.c * n.b + self.d * n.d,
                      self.e * n.a + self.f * n.c + n.e, self.e * n.b + self.f * n.d + n.f)

    @property
    def upright(self) -> bool:
        """No rotation or skew: a rectangle stays a rectangle with the page's axes."""
        return self.b == 0 and self.c == 0 and self.a != 0 and self.d != 0


def grower(page: pikepdf.Page, bleed: float):
    """An edit of the page's parsed instructions, for the pass that parses them anyway (colour.py):
    where the page's own drawing fills (or clips to) a rectangle that reaches the trim edge, such as
    the cover's background, that rectangle grows by `bleed` points past the edge it reaches, so
    trimming leaves no white line. It changes the list in place and says whether it changed
    anything. Make it while the MediaBox is still the trim box."""
    trim = [float(v) for v in page.obj.MediaBox]
    return lambda instructions: _grow(instructions, trim, bleed)


def _grow(instructions: list, trim: list[float], bleed: float) -> bool:
    stack, ctm = [], Matrix()
    path: list[int] = []                 # indexes of this path's construction operators
    clipping, changed = False, False
    for index, (operands, operator) in enumerate(instructions):
        op = str(operator)
        if op == "q":
            stack.append(ctm)
        elif op == "Q":
            ctm = stack.pop() if stack else Matrix()
        elif op == "cm":
            ctm = Matrix(*map(float, operands)).then(ctm)
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
    if not ctm.upright:
        return None
    x, y, w, h = map(float, operands)
    xs = sorted((ctm.a * x + ctm.e, ctm.a * (x + w) + ctm.e))
    ys = sorted((ctm.d * y + ctm.f, ctm.d * (y + h) + ctm.f))
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
    ux = sorted(((moved[0] - ctm.e) / ctm.a, (moved[2] - ctm.e) / ctm.a))
    uy = sorted(((moved[1] - ctm.f) / ctm.d, (moved[3] - ctm.f) / ctm.d))
    return [round(ux[0], 4), round(uy[0], 4), round(ux[1] - ux[0], 4), round(uy[1] - uy[0], 4)]
