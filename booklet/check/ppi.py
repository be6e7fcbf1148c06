"""Work out a picture's effective resolution at its printed size, and flag raster pictures under 300 ppi.

Kept apart from the other rules so the print variant can use the same sums: a picture
in a figure is printed as wide as the text block (page width less the left and right
margins of `@page` in styles/booklet.css), no taller than `figure img`'s max-height;
any other picture at its natural size (96 pixels an inch, as CSS does), at most the
text block's width. A `{width="60mm"}` on the picture overrides either.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from booklet.check.stylesheets import read_declarations
from booklet.check.subject import Finding, Subject
from booklet.check.text import constructs
from booklet.files import MAX_PIXELS, file_refusal
from booklet.model import Kind
from booklet.sources.safe import readable
from booklet.render.resolution import CSS_PX_PER_INCH, MIN_PPI as MINIMUM_PPI     # one threshold for check and build
from booklet.urls import urlsplit

MM_PER_INCH = 25.4
PAGE_WIDTHS_MM = {"a5": 148.0, "a4": 210.0, "a3": 297.0, "b5": 176.0, "letter": 215.9}
DEFAULT_TEXT_BLOCK_MM = 148.0 - 2 * 14.0      # A5 less the house style's 14 mm side margins
DEFAULT_FIGURE_HEIGHT_MM = 95.0
RASTER = (".png", ".jpg", ".jpeg", ".gif", ".webp")
UNITS_MM = {"mm": 1.0, "cm": 10.0, "in": MM_PER_INCH, "pt": MM_PER_INCH / 72, "px": MM_PER_INCH / CSS_PX_PER_INCH}


def effective_ppi(pixel_width: int, printed_width_mm: float) -> float:
    """Pixels per inch when `pixel_width` pixels are printed `printed_width_mm` wide."""
    return pixel_width / (printed_width_mm / MM_PER_INCH)


def length_mm(text: str, reference_mm: float | None = None) -> float | None:
    """A CSS length (12mm, 1.5in, 40%) in millimetres; percentages need a reference."""
    match = re.fullmatch(r"\s*(-?\d+(?:\.\d+)?)\s*(mm|cm|in|pt|px|%)?\s*", text)
    if not match:
        return None
    value, unit = float(match.group(1)), match.group(2) or "px"
    if unit == "%":
        return value / 100 * reference_mm if reference_mm is not None else None
    return value * UNITS_MM[unit]


def page_geometry(styles: Path, sheet: str = "booklet.css") -> tuple[float, float]:
    """The text block's width and a figure's greatest height, in mm, as the house style sets them."""
    path = styles / sheet
    if not path.is_file():
        return DEFAULT_TEXT_BLOCK_MM, DEFAULT_FIGURE_HEIGHT_MM
    declarations = read_declarations([path])
    page_width, left, right = PAGE_WIDTHS_MM["a5"], 14.0, 14.0
    height = DEFAULT_FIGURE_HEIGHT_MM
    for d in declarations:
        if d.context == "@page" and d.name == "size":
            page_width = PAGE_WIDTHS_MM.get(d.value.split()[0].lower(), page_width)
        elif d.context == "@page" and d.name == "margin":
            sides = [length_mm(v) for v in d.value.split()]
            if sides and None not in sides:
                right = sides[1] if len(sides) > 1 else sides[0]
                left = sides[3] if len(sides) > 3 else right
        elif d.context == "@page" and d.name in ("margin-left", "margin-right"):
            value = length_mm(d.value)
            if value is not None:
                left, right = (value, right) if d.name == "margin-left" else (left, value)
        elif d.selector == "figure img" and d.name == "max-height":
            height = length_mm(d.value) or height
    return page_width - left - right, height


def image_pixels(path: Path) -> tuple[int, int] | None:
    """A raster picture's size in pixels, read from its header (nothing is decoded); None for vector
    pictures (SVG), unreadable files and anything that is not a regular file."""
    if path.suffix.lower() not in RASTER or file_refusal(path):
        return None
    from PIL import Image, UnidentifiedImageError
    try:
        # Pillow refuses to open pictures far over its own limit; ours (MAX_PIXELS) is checked below.
        with Image.open(path) as image:
            return image.size
    except Image.DecompressionBombError:
        return (MAX_PIXELS + 1, 1)         # far over the limit: the reader reports it at its line
    except (OSError, UnidentifiedImageError, ValueError):
        return None


def printed_width_mm(pixels: tuple[int, int], *, figure: bool, text_block_mm: float, figure_height_mm: float,
                     width: str | None = None) -> float:
    """How wide the picture is printed, in mm."""
    given = length_mm(width, text_block_mm) if width else None
    if given:
        return given
    w, h = pixels
    if figure:
        return min(text_block_mm, figure_height_mm * w / h) if h else text_block_mm
    return min(text_block_mm, w / CSS_PX_PER_INCH * MM_PER_INCH)


def low_resolution(subject: Subject):
    """The rule: each raster picture in the booklet's text, at its printed size."""
    text_block, figure_height = page_geometry(subject.context.styles)
    for _, image in constructs(subject.sections, Kind.IMAGE):
        src, attrs = image.target, dict(image.attrs)
        if not src or urlsplit(src).scheme:
            continue
        target = image.path.parent / unquote(urlsplit(src).path)
        pixels = image_pixels(target) if readable(target, subject.root) else None
        if pixels is None:
            continue
        figure = image.alone and "decorative" not in attrs
        printed = printed_width_mm(pixels, figure=figure, text_block_mm=text_block,
                                   figure_height_mm=figure_height, width=attrs.get("width"))
        ppi = effective_ppi(pixels[0], printed)
        if ppi < MINIMUM_PPI:
            needed = round(MINIMUM_PPI * printed / MM_PER_INCH)
            yield Finding(image.path, image.line,
                          f"the picture '{src}' is {pixels[0]} pixels wide, so printed {printed:.0f} mm wide it"
                          f" is {ppi:.0f} ppi; print needs {MINIMUM_PPI} ppi: use a file at least {needed}"
                          " pixels wide (or a vector SVG)")
