"""Read the house stylesheets into declarations with their file and line, custom properties (--brand) resolved."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import tinycss2
from tinycss2 import color4

VAR = re.compile(r"var\(\s*(--[\w-]+)\s*(?:,\s*(?P<fallback>[^()]*(?:\([^()]*\))?[^()]*))?\)")
CMYK = re.compile(r"device-cmyk\(\s*([\d.]+%?)[\s,]+([\d.]+%?)[\s,]+([\d.]+%?)[\s,]+([\d.]+%?)\s*(?:/\s*([\d.]+%?))?\s*\)",
                  re.IGNORECASE)

RGBA = tuple[float, float, float, float]      # sRGB, each 0..1


@dataclass(frozen=True)
class Declaration:
    """One `name: value` in a stylesheet, where it is written and the rule it belongs to."""

    path: Path
    line: int
    order: int                  # position across the variant's stylesheets, for the cascade
    selector: str               # "" inside @page and its margin boxes
    context: str                # "" for a style rule, or "@page", "@page cover @top-left"...
    name: str
    value: str                  # as written, var() not yet resolved


def read_declarations(paths: list[Path]) -> list[Declaration]:
    """Every declaration of these stylesheets, in cascade order."""
    found: list[Declaration] = []
    for path in paths:
        rules = tinycss2.parse_stylesheet(path.read_text(encoding="utf-8"), skip_comments=True, skip_whitespace=True)
        for rule in rules:
            _rule(path, rule, "", found)
    return found


def _rule(path: Path, rule, context: str, found: list[Declaration]) -> None:
    if rule.type == "qualified-rule":
        selector, inner = tinycss2.serialize(rule.prelude).strip(), context
    elif rule.type == "at-rule" and rule.content is not None:
        selector = ""
        inner = f"{context} @{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}".strip()
        if rule.at_keyword.lower() not in ("page", "top-left", "top-center", "top-right", "bottom-left",
                                           "bottom-center", "bottom-right", "left-top", "left-middle",
                                           "left-bottom", "right-top", "right-middle", "right-bottom",
                                           "top-left-corner", "top-right-corner", "bottom-left-corner",
                                           "bottom-right-corner", "media"):
            return                                      # @font-face and the like hold no colours
        if rule.at_keyword.lower() == "media":
            for child in tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True):
                _rule(path, child, context, found)
            return
    else:
        return
    for item in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True):
        if item.type == "declaration":
            value = tinycss2.serialize(item.value).strip() + (" !important" if item.important else "")
            found.append(Declaration(path, item.source_line, len(found), selector, inner,
                                     item.lower_name if not item.name.startswith("--") else item.name, value))
        elif item.type == "at-rule":
            _rule(path, item, inner, found)


def custom_properties(declarations: list[Declaration]) -> dict[str, str]:
    """The value of each --name, the last one written winning (variants override the house style)."""
    return {d.name: d.value for d in declarations if d.name.startswith("--")}


def resolve(value: str, properties: dict[str, str], depth: int = 0) -> str:
    """The value with each var(--name) replaced by the property's value."""
    if depth > 10 or "var(" not in value:
        return value

    def substitute(match: re.Match) -> str:
        found = properties.get(match.group(1))
        return found if found is not None else (match["fallback"] or "").strip()
    return resolve(VAR.sub(substitute, value), properties, depth + 1)


def parse_colour(text: str) -> RGBA | None:
    """A CSS colour as sRGB; device-cmyk() as it looks printed (soft-proofed through the press's profile)."""
    text = text.replace("!important", "").strip()
    cmyk = CMYK.fullmatch(text)
    if cmyk:
        c, m, y, k = (_fraction(v) for v in cmyk.groups()[:4])
        alpha = _fraction(cmyk.group(5)) if cmyk.group(5) else 1.0
        from booklet.render.softproof import proofed
        return (*proofed(c, m, y, k), alpha)
    parsed = color4.parse_color(text)
    if parsed is None or not hasattr(parsed, "to"):
        return None                                   # currentcolor, inherit, not a colour
    srgb = parsed.to("srgb")
    red, green, blue = (min(1.0, max(0.0, v)) for v in srgb.coordinates)
    return (red, green, blue, float(srgb.alpha))


def background_colour(value: str) -> RGBA | None:
    """The colour in a `background` shorthand (`var(--tint) url(x.png)` gives the tint)."""
    whole = parse_colour(value)
    if whole is not None:
        return whole
    for token in tinycss2.parse_component_value_list(value):
        if token.type in ("hash", "ident", "function"):
            colour = parse_colour(tinycss2.serialize([token]))
            if colour is not None:
                return colour
    return None


def _fraction(text: str) -> float:
    return float(text[:-1]) / 100 if text.endswith("%") else float(text)
