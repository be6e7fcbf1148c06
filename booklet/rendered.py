"""Turn what rendering measured in a variant (its smallest body text, its low-resolution pictures) into
problems at the source lines an editor can fix."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from booklet.problems import Problem
from booklet.render.variants import VARIANTS

if TYPE_CHECKING:           # the readers load it
    from booklet.model import Manifest


def text_size_problem(manifest: Manifest, variant: str, pdf: bytes) -> list[Problem]:
    """What `booklet check` would call a body-text-size error stops the build too (tagged variants:
    an untagged PDF cannot tell page furniture from body text)."""
    import io
    from booklet.check.textsize import minimum_for, smallest_body_text
    if not VARIANTS[variant].accessible:
        return []
    found = smallest_body_text(io.BytesIO(pdf))
    if found is None or found[0] >= minimum_for(variant) - 0.05:
        return []
    size, page = found
    return [Problem(manifest.folder / "booklet.yml", 1, f"body text on page {page} of the {variant} PDF is"
                    f" {size:g} pt; the {variant} variant needs at least {minimum_for(variant):g} pt (a"
                    " stylesheet sets it smaller: set font-size in the variant's or the theme's stylesheet)",
                    rule="body-text-size")]


def picture_problem(manifest: Manifest, low, variant: str) -> Problem:
    """Point at the Markdown line that places the picture, so the editor can find it."""
    from urllib.parse import unquote
    from booklet.render.resolution import MIN_PPI
    from booklet.urls import urlsplit
    from booklet.model import Kind
    path, line = manifest.folder / "booklet.yml", 1
    source = Path(unquote(urlsplit(low.src).path)) if low.src.startswith("file:") else manifest.folder / low.src
    name = source.relative_to(manifest.folder).as_posix() if source.is_relative_to(manifest.folder) else low.src
    for construct in (c for section in manifest.sections for c in section.outline if c.kind == Kind.IMAGE):
        if (construct.path.parent / unquote(construct.target)).resolve() == source.resolve():
            path, line, name = construct.path, construct.line, construct.target
            break
    return Problem(path, line, f"the picture '{name}' prints at {low.ppi} ppi at {low.width_mm:g} mm wide"
                   f" in the {variant} PDF (page {low.page}); print needs {MIN_PPI} ppi: use a larger image"
                   " or show it smaller", severity="warning", rule="image-resolution")
