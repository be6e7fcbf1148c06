"""Attribute a contrast failure to the colour of theme.yml that caused it, so it is reported at that line."""

from __future__ import annotations

import re

from booklet.check.stylesheets import Declaration, parse_colour, resolve
from booklet.check.subject import Finding
from booklet.check.wcag import WHITE, hex_of, over, ratio, same
from booklet.theme.reader import HOUSE_THEME
from booklet.theme.model import Role


def theme_finding(pair, measured: float, needed: float, variant: str, theme_properties,
                  properties_: dict[str, str]) -> Finding | None:
    """A failure owed to a colour of the theme (`pair` is contrast.Pair), reported at its line in
    theme.yml: the text's colour or the background's, whichever the publisher chose (when both, the
    background if the text colour passes on white, else the text). None when the publisher chose
    neither and the text's colour is not the theme's: its `color:` line is to blame."""
    size = "large text (18 pt, or 14 pt bold)" if pair.large else "text under 18 pt (14 pt bold)"
    background = over(pair.background, WHITE)
    named = var_name(pair.declaration.value) if pair.declaration else None
    text = next((p for p in theme_properties if p.role.prop == named and p.role is not Role.RULE), None)
    under = next((p for p in theme_properties
                  if same(over(parse_colour(resolve(p.value, properties_)) or WHITE, WHITE), background)
                  and p.role is not Role.TEXT), None)
    chosen = [p for p in (text, under) if p is not None and p.path != HOUSE_THEME]
    if len(chosen) == 2 and ratio(pair.colour, WHITE) + 1e-9 >= needed:
        chosen.reverse()                 # the text colour is fine on white: its background is to blame
    blamed = chosen[0] if chosen else text
    if blamed is None:
        return None
    if blamed is text:
        on = f"the theme's {under.label} ({hex_of(background)})" if under else hex_of(background)
        message = f"the theme's {text.label} ({hex_of(pair.colour)}) as text on {on}"
    else:
        message = f"text in {hex_of(pair.colour)} on the theme's {under.label} ({hex_of(background)})"
    return Finding(blamed.path, blamed.line, f"{message} has a contrast of {measured:.1f}:1; {size} needs at least"
                   f" {needed:g}:1 (in {pair.where}, {variant} variant): choose a colour with more contrast")


def at_theme_line(finding: Finding, declaration: Declaration, theme_properties) -> Finding:
    """A colour the specimen never prints, failing because of a colour of the theme: at the theme's line."""
    named = var_name(declaration.value)
    prop = next((p for p in theme_properties if p.role.prop == named), None)
    if prop is None:
        return finding
    return Finding(prop.path, prop.line, f"the theme's {prop.label}{finding.message.split(')', 1)[1]}: choose a"
                   " colour with more contrast")


def var_name(value: str) -> str | None:
    """The custom property a value is, when it is exactly one: var(--brand) gives --brand."""
    match = re.fullmatch(r"var\(\s*(--[\w-]+)\s*\)(\s*!important)?", value.strip())
    return match.group(1) if match else None
