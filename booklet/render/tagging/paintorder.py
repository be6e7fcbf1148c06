"""Reorder each page's drawing so that content is painted in the order the structure tree reads it.

WeasyPrint paints a list's markers and block pictures after the text that follows them (they
are positioned boxes, painted in a later phase), so a reader that follows the content stream
meets "First item." before its bullet. Each such drawing is a self-contained `q ... Q` group
holding one marked-content sequence; it is moved, unchanged, to just before the first sequence
the structure reads after it. Where the group would land under another clip or in the middle
of text, it stays where it is; where the transformation differs, a `cm` makes up for it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pikepdf
from pikepdf import ContentStreamInstruction, Dictionary, Operator

from booklet.render.tagging.tree import all_mcid_keys, page_numbers

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass(frozen=True)
class State:
    """What drawing at an instruction depends on: the transformation and the clips in force."""

    ctm: Matrix
    clips: tuple[int, ...]
    free: bool            # no text object and no marked content open: a group may go here


def follow_structure_order(pdf: pikepdf.Pdf) -> None:
    order = {key: position for position, key in enumerate(all_mcid_keys(page_numbers(pdf), pdf.Root.StructTreeRoot))}
    for index, page in enumerate(pdf.pages):
        instructions = list(pikepdf.parse_content_stream(page))
        reordered = _reorder(instructions, {mcid: pos for (i, mcid), pos in order.items() if i == index})
        if reordered is not None:
            page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(reordered))


def _reorder(instructions: list, position: dict[int, int]) -> list | None:
    states, q_match, sequences = _scan(instructions)
    tagged = [(start, end, mcid) for start, end, mcid in sequences if mcid is not None and mcid in position]
    groups = {mcid: _group(start, end, q_match, sequences) for start, end, mcid in tagged}
    starts = {mcid: groups[mcid][0] if groups[mcid] else start for start, _, mcid in tagged}
    late = set()
    highest = -1
    for _, _, mcid in tagged:
        if position[mcid] < highest and groups[mcid]:
            late.add(mcid)
        highest = max(highest, position[mcid])
    moves: dict[int, list[tuple[int, int, int]]] = {}
    for mcid in sorted(late, key=position.get):
        start, end = groups[mcid]
        target = next((starts[other] for _, _, other in tagged
                       if other not in late and position[other] > position[mcid]), None)
        if target is None or target > start or not states[target].free \
                or states[target].clips != states[start].clips:
            continue
        moves.setdefault(target, []).append((start, end, mcid))
    if not moves:
        return None
    moved = {i for group in moves.values() for start, end, _ in group for i in range(start, end + 1)}
    result = []
    for i, instruction in enumerate(instructions):
        for start, end, _ in moves.get(i, []):
            result += _relocated(instructions[start:end + 1], states[start].ctm, states[i].ctm)
        if i not in moved:
            result.append(instruction)
    return result


def _scan(instructions: list):
    """The drawing state before each instruction, each q's matching Q, and each marked sequence."""
    states, q_match, sequences = [], {}, []
    ctm, clips, stack, q_open, marks, in_text = IDENTITY, (), [], [], [], False
    for i, (operands, operator) in enumerate(instructions):
        op = str(operator)
        states.append(State(ctm, clips, not in_text and not marks))
        if op == "q":
            stack.append((ctm, clips))
            q_open.append(i)
        elif op == "Q" and stack:
            ctm, clips = stack.pop()
            q_match[q_open.pop()] = i
        elif op == "cm":
            ctm = _multiply(tuple(float(v) for v in operands), ctm)
        elif op in ("W", "W*"):
            clips += (i,)
        elif op == "BT":
            in_text = True
        elif op == "ET":
            in_text = False
        elif op in ("BDC", "BMC"):
            props = operands[1] if op == "BDC" and isinstance(operands[1], Dictionary) else {}
            marks.append((i, int(props["/MCID"]) if "/MCID" in props else None))
        elif op == "EMC" and marks:
            start, mcid = marks.pop()
            if not marks:       # artifacts too: a group must not carry one along
                sequences.append((start, i, mcid))
    return states, q_match, sequences


def _group(start: int, end: int, q_match: dict[int, int], sequences) -> tuple[int, int] | None:
    """The widest `q ... Q` range around one sequence that holds no other marked content."""
    best = None
    for q, closing in sorted(q_match.items(), reverse=True):
        if q < start and closing > end:
            if any(s != start and q < s < closing for s, _, _ in sequences):
                break
            best = (q, closing)
    return best


def _relocated(group: list, drawn_under: Matrix, placed_under: Matrix) -> list:
    if _close(drawn_under, placed_under):
        return group
    correction = _multiply(drawn_under, _inverse(placed_under))
    return [ContentStreamInstruction([], Operator("q")),
            ContentStreamInstruction(list(correction), Operator("cm")), *group,
            ContentStreamInstruction([], Operator("Q"))]


def _multiply(m: Matrix, n: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _inverse(m: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    det = a * d - b * c
    return (d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det)


def _close(m: Matrix, n: Matrix) -> bool:
    return all(abs(x - y) < 1e-6 for x, y in zip(m, n))
