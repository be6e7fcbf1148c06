"""Say why a picture file cannot be drawn (empty, truncated, not an image, an SVG that does not parse, too big)."""

from __future__ import annotations

import warnings
import xml.etree.ElementTree as etree
from pathlib import Path

from PIL import Image

from booklet.sources.safe import MAX_PICTURE_BYTES

from booklet.files import MAX_PIXELS   # 100 megapixels: an A3 page at 600 ppi is 70; one limit for reading and rendering


def picture_problem(path: Path) -> str | None:
    """None when the picture can be drawn; otherwise the end of a sentence starting "the picture 'x' "."""
    size = path.stat().st_size
    if size == 0:
        return "is an empty file (0 bytes): save the picture again"
    if size > MAX_PICTURE_BYTES:
        return f"is {size:,} bytes; pictures over {MAX_PICTURE_BYTES:,} bytes are refused: save a smaller copy"
    if path.suffix.lower() == ".svg":
        return _svg_problem(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                if width * height > MAX_PIXELS:
                    return (f"is {width} x {height} pixels; pictures over {MAX_PIXELS // 1_000_000} megapixels"
                            " are refused: save a smaller copy")
                kind = image.format
                image.verify()              # checks every chunk (WeasyPrint lets load() accept a cut file)
            with Image.open(path) as image:
                image.load()
            if kind == "JPEG" and not _ends_a_jpeg(path):
                raise OSError("truncated")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return f"has more than {MAX_PIXELS // 1_000_000} megapixels: save a smaller copy"
    except (OSError, SyntaxError, ValueError) as exc:
        reason = "is cut short" if "runcated" in str(exc) else "is not a picture this tool can read"
        return f"{reason} ({path.suffix.lstrip('.').upper() or 'no type'}): export it again as PNG, JPEG or SVG"
    return None


def _ends_a_jpeg(path: Path) -> bool:
    with path.open("rb") as file:
        file.seek(max(0, path.stat().st_size - 4096))
        return b"\xff\xd9" in file.read()


def _svg_problem(path: Path) -> str | None:
    try:
        root = etree.parse(path).getroot()
    except (etree.ParseError, ValueError) as exc:
        return f"is not a valid SVG drawing ({exc}): export it again"
    if not root.tag.endswith("svg"):
        return "is not an SVG drawing (its outermost element is not <svg>): export it again"
    return None
