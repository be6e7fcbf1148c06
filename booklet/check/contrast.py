"""Measure the contrast of every text colour of the theme against the background it is printed on (WCAG 1.4.3).

Each variant's stylesheets lay out a specimen booklet (see specimen.py) with WeasyPrint,
so colours, backgrounds, inheritance and sizes are the ones a reader gets. A failing
pair is reported at the `color:` declaration that gave the text its colour, or, when that
colour (or the background) is one of the theme's, at its line in theme.yml. A colour
declaration the specimen never uses is still checked, against its own rule's background
or the white page.
"""

from __future__ import annotations

import functools
import logging
import tempfile
from dataclasses import dataclass
from pathlib import Path

import cssselect2
from booklet.render.engine import weasyprint
from weasyprint.formatting_structure import boxes
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError

from booklet.check.specimen import specimen_html
from booklet.check.stylesheets import (RGBA, Declaration, background_colour, custom_properties, parse_colour,
                                       read_declarations, resolve)
from booklet.check.subject import Finding
from booklet.check.themeblame import at_theme_line, theme_finding
from booklet.check.wcag import LARGE, NORMAL, WHITE, hex_of, over, ratio, same
from booklet.render.fetcher import SafeFetcher
from booklet.render.softproof import HOUSE_PROFILE, proofed   # print colours: converted as the house prints
from booklet.render.variants import VARIANTS, layout_of
from booklet.theme.css import properties, theme_css
from booklet.theme.model import Theme
from booklet.theme.reader import load_theme
from booklet.theme.css import print_inks




@dataclass(frozen=True)
class Pair:
    """Text of one colour on one background, as printed somewhere in the specimen."""

    colour: RGBA
    background: RGBA
    large: bool
    where: str                     # the element, like p.contact-title
    declaration: Declaration | None


@dataclass(frozen=True)
class Specimen:
    """A layout's specimen as measured: its stylesheets (and their stamp, so an edit measures again)
    with the theme's sRGB CSS. Print shares the download's, so it is laid out once for both."""

    styles: Path
    layout: str
    names: tuple[str, ...]
    stamp: tuple
    theme: Theme

    @property
    def paths(self) -> list[Path]:
        return [self.styles / name for name in self.names if (self.styles / name).is_file()]


def contrast(styles: Path, theme: Theme | None = None):
    """The theme rule: every failing text colour of every variant's stylesheets with the theme's colours.
    A colour of theme.yml is reported once, at its line, however many places it fails."""
    theme = theme or load_theme(None)                    # None: the house theme alone
    seen = set()
    for variant in VARIANTS.values():
        if variant.made_from:
            continue                     # the handout: the print pages again
        if variant.edition:
            continue                     # the web page and EPUB: the download's colours on the same grounds
                                         # (tests/web measures them in a real browser with axe-core)
        layout = layout_of(variant.name)
        specimen = Specimen(styles, layout.name, layout.stylesheets, _stamp(styles, layout.stylesheets), theme)
        profile = styles / HOUSE_PROFILE if variant.press else None
        # Print is the download's specimen with the theme's colours in their inks.
        inks = print_inks(theme, profile) if profile else ()
        findings = _variant_findings(variant.name, properties(theme, press_profile=profile), specimen, inks)
        for finding in findings:
            in_theme = finding.path.suffix == ".yml"
            key = (finding.path, finding.line) if in_theme else (finding.path, finding.line,
                                                                 finding.message.split(" [")[0])
            if key not in seen:
                seen.add(key)
                yield finding


def _stamp(styles: Path, names: tuple[str, ...]) -> tuple:
    """Identifies the stylesheets' contents, so a changed theme is measured again."""
    return tuple((name, (styles / name).stat().st_mtime_ns, (styles / name).stat().st_size)
                 for name in names if (styles / name).is_file())


def _theme_declarations(theme_properties, start: int) -> list[Declaration]:
    return [Declaration(p.path, p.line, start + index, ":root", "", p.role.prop, p.value)
            for index, p in enumerate(theme_properties)]


@functools.lru_cache(maxsize=32)
def _variant_findings(variant: str, theme_properties: tuple, specimen: Specimen, inks: tuple) -> tuple[Finding, ...]:
    """The variant's failing pairs and unrendered declarations, with its theme colours written as
    `theme_properties` and shown in `inks` (print), or as written (none)."""
    paths = specimen.paths
    declarations = _declarations(specimen, theme_properties)
    properties_ = custom_properties(declarations)
    colours = [d for d in declarations if d.name == "color"]
    try:
        pairs = [_in_inks(pair, inks) for pair in _specimen_pairs(specimen)]
    except (FatalURLFetchingError, OSError) as exc:
        return (Finding(paths[-1] if paths else specimen.styles, 0, f"the {variant} stylesheets could not be"
                        f" laid out to measure their contrast ({exc})", severity="note"),)
    findings = []
    for pair in pairs:
        needed = LARGE if pair.large else NORMAL
        measured = ratio(pair.colour, pair.background)
        if measured + 1e-9 < needed:
            findings.append(theme_finding(pair, measured, needed, variant, theme_properties, properties_)
                            or _finding(pair, measured, needed, variant, paths))
    used = {pair.declaration for pair in pairs}
    for declaration in colours:
        if declaration in used or declaration.context:
            continue
        finding = _unrendered(declaration, declarations, properties_, variant)
        if finding is not None:
            findings.append(at_theme_line(finding, declaration, theme_properties))
    return tuple(findings)


def _finding(pair: Pair, measured: float, needed: float, variant: str, paths: list[Path]) -> Finding:
    size = "large text (18 pt, or 14 pt bold)" if pair.large else "text under 18 pt (14 pt bold)"
    where = pair.declaration or Declaration(paths[-1], 0, 0, "", "", "color", "")
    written = f"color: {pair.declaration.value} " if pair.declaration else "text "
    return Finding(where.path, where.line,
                   f"{written}({hex_of(pair.colour)}) on {hex_of(over(pair.background, WHITE))} has a contrast of"
                   f" {measured:.1f}:1; {size} needs at least {needed:g}:1 (in {pair.where}, {variant} variant)")


def _unrendered(declaration: Declaration, declarations, properties, variant: str) -> Finding | None:
    colour = parse_colour(resolve(declaration.value, properties))
    if colour is None:
        return None
    background = WHITE
    for other in declarations:
        if other.selector == declaration.selector and other.context == declaration.context \
                and other.name in ("background", "background-color"):
            background = background_colour(resolve(other.value, properties)) or background
    measured = ratio(colour, background)
    if measured + 1e-9 >= NORMAL:
        return None
    return Finding(declaration.path, declaration.line,
                   f"color: {declaration.value} ({hex_of(colour)}) on {hex_of(over(background, WHITE))} has a"
                   f" contrast of {measured:.1f}:1; text needs at least {NORMAL:g}:1 (in {declaration.selector},"
                   f" {variant} variant)")


def _declarations(specimen: Specimen, theme_properties: tuple) -> list[Declaration]:
    """The stylesheets' declarations, the theme's stylesheet's, then the theme's colours as written."""
    theme = specimen.theme
    declarations = read_declarations(specimen.paths + ([theme.stylesheet] if theme.stylesheet else []))
    return declarations + _theme_declarations(theme_properties, len(declarations))


@functools.lru_cache(maxsize=8)
def _specimen_pairs(specimen: Specimen) -> tuple[Pair, ...]:
    """The pairs a layout's specimen prints in the theme's sRGB colours, with the `color:` declaration
    behind each."""
    declarations = _declarations(specimen, properties(specimen.theme))
    colours = [d for d in declarations if d.name == "color"]
    return tuple(_rendered_pairs(specimen.styles, specimen.layout, specimen.paths, theme_css(specimen.theme),
                                 specimen.theme, colours, custom_properties(declarations)))


def _in_inks(pair: Pair, inks: tuple) -> Pair:
    """The pair as print shows it: each theme colour in its ink, soft-proofed through the press's profile."""
    if not inks:
        return pair

    def inked(colour: RGBA) -> RGBA:
        for rgb, (c, m, y, k) in inks:
            if same(colour[:3] + (1.0,), tuple(v / 255 for v in rgb) + (1.0,)):
                return (*proofed(c, m, y, k), colour[3])
        return colour
    return Pair(inked(pair.colour), inked(pair.background), pair.large, pair.where, pair.declaration)


def _rendered_pairs(styles: Path, variant: str, paths: list[Path], css: str, theme: Theme,
                    colours: list[Declaration], properties: dict[str, str]) -> list[Pair]:
    with tempfile.TemporaryDirectory(prefix="booklet-specimen-") as folder:
        folder = Path(folder)
        shared = tuple(p.parent for p in (theme.stylesheet, *(theme.font.files if theme.font else ())) if p)
        fetcher = SafeFetcher((styles, folder, *shared))
        fonts = FontConfiguration()
        html = weasyprint.HTML(string=specimen_html(folder, variant=variant), base_url=folder.as_uri() + "/",
                               url_fetcher=fetcher)
        sheets = [weasyprint.CSS(filename=path, url_fetcher=fetcher, font_config=fonts) for path in paths]
        sheets.append(weasyprint.CSS(string=css, url_fetcher=fetcher, font_config=fonts))
        logger = logging.getLogger("weasyprint")
        level = logger.level
        logger.setLevel(logging.ERROR)               # the specimen's words need no warnings
        try:
            document = html.render(stylesheets=sheets, font_config=fonts)
        finally:
            logger.setLevel(level)
        wrappers = {id(w.etree_element): w for w in html.wrapper_element.iter_subtree()}
        resolved = [(d, parse_colour(resolve(d.value, properties))) for d in colours]
        pairs: dict[tuple, Pair] = {}
        for page in document.pages:
            _walk(page._page_box, WHITE, False, wrappers, resolved, pairs)
        return list(pairs.values())


def _walk(box, background: RGBA, in_margin: bool, wrappers, resolved, pairs) -> None:
    own = _colour_of(box.style["background_color"])
    if own is not None and own[3] > 0:
        background = over(own, background)
    in_margin = in_margin or isinstance(box, boxes.MarginBox)
    if isinstance(box, boxes.TextBox) and box.text.strip():
        colour = _colour_of(box.style["color"])
        if colour is not None:
            points = box.style["font_size"] * 0.75
            large = points >= 18 - 1e-6 or (points >= 14 - 1e-6 and box.style["font_weight"] >= 700)
            declaration = _declaration_for(box, colour, in_margin, wrappers, resolved)
            key = (colour, background, large, declaration)
            if key not in pairs:
                pairs[key] = Pair(colour, background, large, _describe(box, in_margin), declaration)
    for child in getattr(box, "children", ()):
        _walk(child, background, in_margin, wrappers, resolved, pairs)


def _colour_of(value) -> RGBA | None:
    if value is None or not hasattr(value, "space"):
        return None
    if value.space == "device-cmyk":
        c, m, y, k = value.coordinates
        return (*proofed(c, m, y, k), float(value.alpha))
    srgb = value.to("srgb")
    return tuple(min(1.0, max(0.0, v)) for v in srgb.coordinates) + (float(srgb.alpha),)


def _declaration_for(box, colour: RGBA, in_margin: bool, wrappers, resolved) -> Declaration | None:
    """The `color:` declaration that gave this text its colour: the nearest element it applies to,
    then the most specific, then the last written (the cascade, for one property)."""
    candidates = [d for d, value in resolved if same(value, colour)]
    if in_margin:
        margin = [d for d in candidates if d.context]
        return margin[-1] if margin else None
    wrapper = wrappers.get(id(box.element)) if box.element is not None else None
    pseudo = _pseudo(box)
    distance = 0
    while wrapper is not None:
        best = None
        for declaration in candidates:
            if declaration.context:
                continue
            for selector in _compiled(declaration.selector):
                if selector.pseudo_element != (pseudo if distance == 0 else None):
                    continue
                if selector.test(wrapper):
                    rank = (selector.specificity, declaration.order)
                    if best is None or rank > best[0]:
                        best = (rank, declaration)
        if best is not None:
            return best[1]
        wrapper, distance = wrapper.parent, distance + 1
    return None


@functools.lru_cache(maxsize=1024)
def _compiled(selector: str):
    try:
        return tuple(cssselect2.compile_selector_list(selector))
    except cssselect2.SelectorError:
        return ()


def _describe(box, in_margin: bool) -> str:
    if in_margin:
        return "the page margin (running header or page number)"
    element = box.element
    if element is None:
        return box.element_tag or "text"
    classes = (element.get("class") or "").split()
    pseudo = _pseudo(box)
    return (element.tag + "".join(f".{c}" for c in classes[:2]) + (f"::{pseudo}" if pseudo else ""))


def _pseudo(box) -> str | None:
    """`marker` for the bullet of a list item (WeasyPrint tags such boxes li::marker)."""
    tag = box.element_tag or ""
    return tag.split("::", 1)[1] if "::" in tag else None
