"""The registry of output variants: adding a variant is one entry here plus its stylesheet."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pikepdf

from booklet.render.finish import FinishContext, finish_accessible


@dataclass(frozen=True)
class Variant:
    """One kind of PDF made from the same booklet."""

    name: str
    description: str
    stylesheets: tuple[str, ...]          # under styles/, applied in order
    pdf_variant: str | None               # WeasyPrint's own variant, if any
    finish: Callable[[pikepdf.Pdf, FinishContext], None]
    accessible: bool = False              # tagged for screen readers (PDF/UA-1)


VARIANTS: dict[str, Variant] = {
    variant.name: variant for variant in (
        Variant(
            name="download",
            description="A5 for the website: PDF/UA-1, tagged, live links and bookmarks",
            stylesheets=("fonts.css", "booklet.css", "download.css"),
            pdf_variant="pdf/ua-1",
            finish=finish_accessible,
            accessible=True,
        ),
    )
}
