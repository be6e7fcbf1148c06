"""Compute WCAG 2.2 contrast ratios (SC 1.4.3) between sRGB colours, see-through ones included."""

from __future__ import annotations

from booklet.check.stylesheets import RGBA

NORMAL, LARGE = 4.5, 3.0          # WCAG 2.2 SC 1.4.3 (AA)
WHITE: RGBA = (1.0, 1.0, 1.0, 1.0)


def luminance(colour: RGBA) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
    red, green, blue = (channel(v) for v in colour[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def over(top: RGBA, bottom: RGBA) -> RGBA:
    """A see-through colour as it looks on what is under it."""
    alpha = top[3]
    return tuple(alpha * t + (1 - alpha) * b for t, b in zip(top[:3], bottom[:3])) + (1.0,)


def ratio(text: RGBA, background: RGBA) -> float:
    background = over(background, WHITE)
    lighter, darker = sorted((luminance(over(text, background)), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def hex_of(colour: RGBA) -> str:
    return "#" + "".join(f"{round(v * 255):02x}" for v in colour[:3])


def same(a: RGBA | None, b: RGBA) -> bool:
    return a is not None and all(abs(x - y) < 0.002 for x, y in zip(a, b))
