"""Compose, invert and compare PDF transformation matrices [a b c d e f], kept as six-tuples."""

from __future__ import annotations

# A point (x, y) maps to (ax + cy + e, bx + dy + f).
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """`m`, then `n`: PDF's `cm` puts the new matrix first, so the new CTM is multiply(new, ctm)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def inverse(m: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    det = a * d - b * c
    return (d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det)


def close(m: Matrix, n: Matrix) -> bool:
    return all(abs(x - y) < 1e-6 for x, y in zip(m, n))


def upright(m: Matrix) -> bool:
    """No rotation or skew: a rectangle stays a rectangle with the page's axes."""
    a, b, c, d, _, _ = m
    return b == 0 and c == 0 and a != 0 and d != 0
