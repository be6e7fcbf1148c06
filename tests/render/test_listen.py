"""What WeasyPrint logs about a resource it could not use becomes an error at the Markdown line that placed it."""

from __future__ import annotations

import logging

from booklet.render.listen import listening, render_problems
from booklet.sources.folders import booklet_folders
from booklet.sources.library import read_library
from booklet.render.variants import VARIANTS


def test_a_logged_failure_is_an_error_at_the_picture_line(sources):
    root = sources(demo__one_md="---\ntitle: One\n---\n\nWords.\n\n::: snippet maps\n",
                   _shared__snippets__maps_md="A map:\n\n![A map of the ward](../images/ward.svg)\n",
                   _shared__images__ward_svg='<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>')
    library, _ = read_library(root, booklet_folders(root), variants=tuple(VARIANTS))
    manifest = library.booklets["demo"]
    url = (root / "_shared" / "images" / "ward.svg").as_uri()
    with listening() as messages:
        logging.getLogger("weasyprint").error("Failed to load image at %r: %s", url, "bad data")
        logging.getLogger("weasyprint").warning("Ignored `color: bogus` at 1:1, invalid value.")
    assert [p.format(root) for p in render_problems(messages, manifest)] == [
        f"_shared/snippets/maps.md:3: error: the picture '../images/ward.svg' could not be drawn: Failed to load"
        f" image at '{url}': bad data [source]"]
    assert not any(isinstance(h, logging.Handler) and h.__class__.__name__ == "_Collector"
                   for h in logging.getLogger("weasyprint").handlers)
