"""Reorder each page's drawing so that content is painted in the order the structure tree reads it.

WeasyPrint paints a list's markers and block pictures after the text that follows them (they
are positioned boxes, painted in a later phase), so a reader that follows the content stream
meets "First item." before its bullet. Each such drawing is a self-contained `q ... Q` group
holding one marked-content sequence; it is moved, unchanged, to just before the first sequence
the structure reads after it. Where the group would land under another clip or in the middle
of text, it stays where it is; where the transformation differs, a `cm` makes up for it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from pikepdf import ContentStreamInstruction, Operator

from booklet.render.matrix import IDENTITY, Matrix, close, inverse, multiply
from booklet.render.tagging.content import ParsedPages, mcid_of
from booklet.render.tagging.tree import ReadingOrder



@dataclass(frozen=True)
class State:
    """What drawing at an instruction depends on: the transformation and the clips in force."""

    ctm: Matrix
    clips: tuple[int, ...]
    free: bool            # no text object and no marked content open: a group may go here


@dataclass(frozen=True)
class Scan:
    """The state before each q, BDC and BMC (the only places a group starts or lands), and how
    the page's groups nest."""

    states: dict[int, State]
    q_match: dict[int, int]             # each q's matching Q
    sequences: list[tuple[int, int, int | None, tuple[int, ...]]]   # (BDC/BMC, EMC, MCID, q's open at it)


def follow_structure_order(parsed: ParsedPages, order: ReadingOrder) -> None:
    by_page: dict[int, dict[int, int]] = {}
    for position, (index, mcid) in enumerate(order.keys):
        by_page.setdefault(index, {})[mcid] = position
    for index, position in sorted(by_page.items()):
        if len(position) < 2:
            continue                    # one sequence cannot be out of order
        content = parsed.page(index)
        reordered = _reorder(content.instructions, content.operators, position)
        if reordered is not None:
            content.reorder(reordered)


def _reorder(instructions: list, operators: list[str], position: dict[int, int]) -> list | None:
    scan = _scan(instructions, operators)
    tagged = [(start, end, mcid, open_qs) for start, end, mcid, open_qs in scan.sequences
              if mcid is not None and mcid in position]
    starts_of_sequences = [start for start, _, _, _ in scan.sequences]
    groups = {mcid: _group(start, end, open_qs, scan.q_match, starts_of_sequences)
              for start, end, mcid, open_qs in tagged}
    starts = {mcid: groups[mcid][0] if groups[mcid] else start for start, _, mcid, _ in tagged}
    late = set()
    highest = -1
    for _, _, mcid, _ in tagged:
        if position[mcid] < highest and groups[mcid]:
            late.add(mcid)
        highest = max(highest, position[mcid])
    if not late:
        return None
    moves: dict[int, list[tuple[int, int, int]]] = {}
    for mcid in sorted(late, key=position.get):
        start, end = groups[mcid]
        target = next((starts[other] for _, _, other, _ in tagged
                       if other not in late and position[other] > position[mcid]), None)
        if target is None or target > start or not scan.states[target].free \
                or scan.states[target].clips != scan.states[start].clips:
            continue
        moves.setdefault(target, []).append((start, end, mcid))
    if not moves:
        return None
    moved = {i for group in moves.values() for start, end, _ in group for i in range(start, end + 1)}
    result = []
    for i, instruction in enumerate(instructions):
        for start, end, _ in moves.get(i, []):
            result += _relocated(instructions[start:end + 1], scan.states[start].ctm, scan.states[i].ctm)
        if i not in moved:
            result.append(instruction)
    return result


def _scan(instructions: list, operators: list[str]) -> Scan:
    """The drawing state where groups start or land, each q's matching Q, and each marked sequence."""
    states, q_match, sequences = {}, {}, []
    ctm, clips, stack, q_open, marks, in_text = IDENTITY, (), [], [], [], False
    for i, op in enumerate(operators):
        if op == "q":
            states[i] = State(ctm, clips, not in_text and not marks)
            stack.append((ctm, clips))
            q_open.append(i)
        elif op == "Q" and stack:
            ctm, clips = stack.pop()
            q_match[q_open.pop()] = i
        elif op == "cm":
            ctm = multiply(tuple(float(v) for v in instructions[i].operands), ctm)
        elif op == "W" or op == "W*":
            clips += (i,)
        elif op == "BT":
            in_text = True
        elif op == "ET":
            in_text = False
        elif op == "BDC" or op == "BMC":
            states[i] = State(ctm, clips, not in_text and not marks)
            mcid = mcid_of(op, instructions[i].operands)
            marks.append((i, mcid, tuple(q_open)))
        elif op == "EMC" and marks:
            start, mcid, open_qs = marks.pop()
            if not marks:       # artifacts too: a group must not carry one along
                sequences.append((start, i, mcid, open_qs))
    return Scan(states, q_match, sequences)


def _group(start: int, end: int, open_qs: tuple[int, ...], q_match: dict[int, int],
           sequence_starts: list[int]) -> tuple[int, int] | None:
    """The widest `q ... Q` range around one sequence that holds no other marked content:
    the q's open at its start, innermost first, while they close after it ends."""
    best = None
    for q in reversed(open_qs):
        closing = q_match.get(q)
        if closing is None or closing <= end:
            continue
        # Another sequence starting inside the group: it is not this sequence's alone.
        first_after_q = bisect.bisect_right(sequence_starts, q)
        inside = sequence_starts[first_after_q:bisect.bisect_left(sequence_starts, closing)]
        if any(s != start for s in inside):
            break
        best = (q, closing)
    return best


def _relocated(group: list, drawn_under: Matrix, placed_under: Matrix) -> list:
    if close(drawn_under, placed_under):
        return group
    correction = multiply(drawn_under, inverse(placed_under))
    return [ContentStreamInstruction([], Operator("q")),
            ContentStreamInstruction(list(correction), Operator("cm")), *group,
            ContentStreamInstruction([], Operator("Q"))]
