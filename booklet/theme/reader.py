"""Read the house theme and a publisher's `_shared/theme.yml` into one Theme, noting every mistake at its line."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, TypeVar

import yaml

from booklet import STYLES
from booklet.problems import ContentError, Problems
from booklet.sources.keys import COLOURS, FONT, PRINT_COLOURS, THEME
from booklet.sources.safe import Refusal, read_text, refusal
from booklet.sources.yamlnodes import Fields, line_of, parse, scalar
from booklet.theme.model import CMYK, Colour, Font, Origin, PrintColour, Role, Theme

T = TypeVar("T")
HOUSE_THEME = STYLES / "theme.yml"
THEME_KEYS = THEME.names
FONT_KEYS = FONT.names
HEX = re.compile(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
FONT_SUFFIXES = (".ttf", ".otf", ".woff", ".woff2")
FONT_MAGIC = (b"\x00\x01\x00\x00", b"OTTO", b"true", b"wOFF", b"wOF2")
MAX_INK = 300
TINT_STRENGTH = 0.08     # a derived tint is 8 % of its colour on white, like the house tint


@dataclass
class _Read:
    """One theme file as written: only the keys it gives."""

    colours: dict[Role, Colour] = field(default_factory=dict)
    print_colours: dict[Role, PrintColour] = field(default_factory=dict)
    font: Font | None = None
    stylesheet: Path | None = None


def load_theme(root: Path | None, house: Path = HOUSE_THEME) -> Theme:
    """The theme a build of this sources root uses (None: the house theme alone); ContentError lists
    every mistake in theme.yml."""
    problems = Problems()
    theme = read_theme(root, problems, house)
    if problems.errors:
        raise ContentError(problems.items)
    return theme


def with_theme(root: Path, read: Callable[[], T]) -> tuple[T, Theme]:
    """Run a reader of the other sources and read the theme too, so one ContentError lists the
    mistakes of both."""
    problems = Problems()
    theme = read_theme(root, problems)
    try:
        result = read()
    except ContentError as error:
        raise ContentError([*error.problems, *problems.errors]) from None
    if problems.errors:
        raise ContentError(problems.items)
    return result, theme


def read_theme(root: Path | None, problems: Problems, house: Path = HOUSE_THEME) -> Theme:
    """The house theme with the publisher's theme.yml (if any) laid over it. Mistakes are noted in
    `problems`; the colours they concern stay the house's, so a check can still go on."""
    base = _read_file(house, house.parent, problems)
    base.colours = {role: dataclasses.replace(c, origin=Origin.HOUSE) for role, c in base.colours.items()}
    path = root / "_shared" / "theme.yml" if root is not None else None
    if path is None or not path.is_file():
        return Theme(colours=tuple(base.colours[r] for r in Role), print_colours=tuple(base.print_colours.values()))
    own = _read_file(path, path.parent, problems)
    colours = []
    for role in Role:
        if role in own.colours:
            colours.append(own.colours[role])
        elif role.tint_of in own.colours:
            made = own.colours[role.tint_of]
            colours.append(Colour(role, tint_of(made.rgb), made.path, made.line, Origin.DERIVED))
        else:
            colours.append(base.colours[role])
    printed = []
    for role in Role:
        if role in own.print_colours:
            printed.append(own.print_colours[role])
        elif role in base.print_colours and next(c for c in colours if c.role is role).origin is Origin.HOUSE:
            printed.append(base.print_colours[role])
        # otherwise: the publisher's screen colour is converted through the press's profile
    return Theme(tuple(colours), tuple(printed), own.font, own.stylesheet, path)


def tint_of(rgb: tuple[int, int, int]) -> tuple[int, int, int]:
    return tuple(round(255 - TINT_STRENGTH * (255 - v)) for v in rgb)


def _read_file(path: Path, shared: Path, problems: Problems) -> _Read:
    text = read_text(path, shared, problems)       # a regular file, within the limits, as UTF-8
    if text is None:
        return _Read()
    read = _Read()
    fields = Fields(parse(text, path, problems), path, problems, THEME)
    read.colours = _colours(fields, path, problems)
    read.print_colours = _print_colours(fields, path, problems)
    read.font = _font(fields, path, shared, problems)
    stylesheet = fields.text("stylesheet")
    if stylesheet is not None:
        read.stylesheet = _file(fields, fields.node("stylesheet"), "stylesheet", stylesheet, shared, (".css",))
        if read.stylesheet is not None:
            _print_selectors(read.stylesheet, shared, problems)
    return read


def _print_selectors(stylesheet: Path, shared: Path, problems: Problems) -> None:
    """Print is the download's layout finished for the press (render/produce.py): a rule meant for
    print alone would silently style nothing, so say so where it is written."""
    text = read_text(stylesheet, shared, problems) or ""
    for number, line in enumerate(text.splitlines(), 1):
        for name in ("variant-print", "variant-handout"):
            if name in line:
                problems.warning(stylesheet, number, f"'.{name}' matches nothing: the print and handout"
                                 " files are the download's pages in print colours, so style them together"
                                 " (without the class), or the large print alone with '.variant-large-print'")


def _colours(fields: Fields, path: Path, problems: Problems) -> dict[Role, Colour]:
    found = {}
    group = Fields(fields.node("colours"), path, problems, COLOURS, line=fields.line_for("colours"))
    for key, role in Role.by_key().items():
        node = group.node(key)
        if node is None:
            continue
        value = scalar(node) if isinstance(node, yaml.ScalarNode) else None
        if value is None:
            group.error(node, f"'{key}' is empty: write the colour in quotes, like {key}: \"#6B1D5C\""
                              " (without quotes, YAML reads everything after # as a comment)")
        elif not isinstance(value, str) or not HEX.fullmatch(value.strip()):
            group.error(node, f"'{key}' should be an sRGB colour written #RRGGBB in quotes, like \"#6B1D5C\","
                              f" not '{value}'")
        else:
            found[role] = Colour(role, _rgb(value.strip()), path, line_of(node), Origin.GIVEN)
    return found


def _rgb(text: str) -> tuple[int, int, int]:
    digits = text[1:]
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return tuple(int(digits[i:i + 2], 16) for i in (0, 2, 4))


def _print_colours(fields: Fields, path: Path, problems: Problems) -> dict[Role, PrintColour]:
    found = {}
    group = Fields(fields.node("print_colours"), path, problems, PRINT_COLOURS,
                   line=fields.line_for("print_colours"))
    for key, role in Role.by_key().items():
        node = group.node(key)
        if node is None:
            continue
        if role is Role.TEXT:
            group.error(node, "'text' cannot be given for print: body text in print is always 100 % black (K)")
            continue
        values = [scalar(item) for item in node.value] if isinstance(node, yaml.SequenceNode) else None
        if values is None or len(values) != 4 or not all(isinstance(v, (int, float)) and not isinstance(v, bool)
                                                         and 0 <= v <= 100 for v in values):
            group.error(node, f"'{key}' should be four percentages of cyan, magenta, yellow and black ink,"
                              " each 0 to 100, like [40, 100, 0, 40]")
        elif sum(values) > MAX_INK:
            group.error(node, f"'{key}' uses {sum(values):g} % ink in all; print allows at most {MAX_INK} %:"
                              " ask the printer or the brand book for a lighter mix")
        else:
            cmyk: CMYK = tuple(round(v / 100, 4) for v in values)
            found[role] = PrintColour(role, cmyk, path, line_of(node))
    return found


def _font(fields: Fields, path: Path, shared: Path, problems: Problems) -> Font | None:
    node = fields.node("font")
    if node is None:
        return None
    group = Fields(node, path, problems, FONT, line=fields.line_for("font"))
    family = group.text("family")
    files = {}
    for key in ("regular", "bold", "italic", "licence"):
        name = group.text(key)
        if name is not None:
            suffixes = () if key == "licence" else FONT_SUFFIXES
            files[key] = _file(group, group.node(key), key, name, shared, suffixes, font=key != "licence")
    if "licence" not in group.keys:
        problems.error(path, group.line, "'font' is missing 'licence': a font ships only with its licence;"
                       " put the licence file beside the font, like licence: fonts/OFL.txt")
    if family is None or not all(files.get(k) for k in ("regular", "bold", "licence")):
        return None
    return Font(family, files["regular"], files["bold"], files["licence"], files.get("italic"))


def _file(fields: Fields, node, key: str, name: str, shared: Path, suffixes: tuple[str, ...],
          *, font: bool = False) -> Path | None:
    # The reader's own test: a pipe or device named as a font is refused before anything opens it.
    reason = refusal(shared / name, shared)
    target = (shared / name).resolve() if reason is None else None
    if reason is Refusal.OUTSIDE:
        fields.error(node, f"'{key}' must be a file inside _shared/ (like fonts/{Path(name).name}), not '{name}'")
    elif reason is Refusal.MISSING:
        fields.error(node, f"there is no file at _shared/{name} for '{key}'")
    elif reason is not None:
        fields.error(node, f"_shared/{name} {reason}")
    elif suffixes and target.suffix.lower() not in suffixes:
        fields.error(node, f"'{key}' should be a {' or '.join(suffixes)} file, not '{name}'")
    elif font and _head(target) not in FONT_MAGIC:
        fields.error(node, f"_shared/{name} is not a font file (TrueType, OpenType or WOFF)")
    else:
        return target
    return None


def _head(path: Path) -> bytes:
    with path.open("rb") as stream:
        return stream.read(4)
