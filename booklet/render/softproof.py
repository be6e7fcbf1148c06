"""Soft-proof inks: turn a CMYK colour into the sRGB it shows printed, through the press's ICC profile."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from booklet import STYLES

# The house CMYK profile (styles/icc/PROVENANCE.md), named once: its file in a styles folder, its
# identifier and condition (the print file's output intent, render/produce.py), and the package's copy.
HOUSE_PROFILE = Path("icc") / "ISOcoated_v2_300_bas.icc"
HOUSE_CONDITION = ("FOGRA39", "Offset printing, coated paper (ISO 12647-2:2004, FOGRA39)")
PRESS_PROFILE = STYLES / HOUSE_PROFILE


@lru_cache(maxsize=4)
def _transform(profile: Path):
    from PIL import ImageCms
    # Relative colorimetric, as a prepress soft proof without paper simulation: the paper's white
    # shows as sRGB white, so ink is measured against the same white page the text sits on (absolute
    # would tint the ink by the paper but leave the page it is compared with white). It is also the
    # intent the screen colours were converted to these inks with (render/colour.py).
    return ImageCms.buildTransform(ImageCms.getOpenProfile(str(profile)), ImageCms.createProfile("sRGB"),
                                   "CMYK", "RGB", renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC)


@lru_cache(maxsize=4096)
def proofed(c: float, m: float, y: float, k: float, profile: Path = PRESS_PROFILE) -> tuple[float, float, float]:
    """The ink fractions (0..1) as they look printed, in sRGB fractions (0..1)."""
    from PIL import Image, ImageCms
    ink = tuple(max(0, min(255, round(v * 255))) for v in (c, m, y, k))
    pixel = ImageCms.applyTransform(Image.new("CMYK", (1, 1), ink), _transform(profile)).getpixel((0, 0))
    return tuple(v / 255 for v in pixel)
