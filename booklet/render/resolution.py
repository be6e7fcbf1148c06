"""Measure each raster picture at the size it is printed: its effective pixels per inch on the page."""

from __future__ import annotations

from dataclasses import dataclass


MIN_PPI = 300          # offset printing (standards.md)
CSS_PX_PER_INCH = 96


@dataclass(frozen=True)
class LowResolution:
    """A picture with fewer pixels than print needs, as it sits on one page."""

    src: str               # as the Markdown wrote it, relative to the booklet folder
    page: int              # 1-based
    ppi: float
    width_mm: float


def low_resolution_images(rendered, minimum: int = MIN_PPI) -> list[LowResolution]:
    """Every raster image box in the laid-out pages under `minimum` ppi (width or height)."""
    from weasyprint.images import RasterImage      # here, not above: `booklet check` imports MIN_PPI only
    found = []
    for number, page in enumerate(rendered.pages, start=1):
        for box in _descendants(page._page_box):
            image = getattr(box, "replacement", None)
            if not isinstance(image, RasterImage) or not box.width or not box.height:
                continue
            ppi = _effective_ppi(image.width, image.height, box.width, box.height, box.style["object_fit"])
            if ppi < minimum:
                src = box.element.get("src", "?") if box.element is not None else "?"
                found.append(LowResolution(src, number, round(ppi), round(image.width / ppi * 25.4, 1)))
    return found


def _effective_ppi(pixels_wide: int, pixels_high: int, box_width: float, box_height: float, fit: str) -> float:
    """Pixels per inch as drawn: `object-fit` decides how the picture is scaled into its box (CSS px)."""
    across, down = pixels_wide / box_width * CSS_PX_PER_INCH, pixels_high / box_height * CSS_PX_PER_INCH
    if fit in ("contain", "scale-down"):
        return max(across, down)       # scaled evenly until it fits: the tighter axis sets the scale
    if fit == "none":
        return CSS_PX_PER_INCH
    return min(across, down)           # fill stretches each axis; cover overflows the box


def _descendants(box):
    yield box
    for child in getattr(box, "children", None) or ():
        yield from _descendants(child)
