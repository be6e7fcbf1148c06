"""Note, while WeasyPrint tags each page, which HTML element every structure element comes from
and what the HTML says it is (a footnote, code, an abbreviation, a header cell's scope).

WeasyPrint builds the structure tree page by page from the laid-out boxes; once written, a list,
table or section split over pages is several elements and nothing says they were one. The only
moment the HTML element is known is while the tree is built, so `recording_origins` wraps
WeasyPrint's tree builder for one `write_pdf` call and stamps each element it makes with:
  /BookletOrigin  a number shared by every fragment of one HTML box (the PDF pass joins them
                  and removes the key);
  /S, /E, /ID, /Alt, /A /Scope  where the HTML element's tag or ARIA role says more than
                  WeasyPrint's own tag table does;
  /BookletDefinition  /dt or /dd on the LI WeasyPrint makes of a definition list's term or
                  definition (it tags both alike), for the PDF pass to shape (and remove);
  /Lang           the HTML element's own `lang` (a phrase or section in another language: PDF/UA-1
                  7.2), which WeasyPrint writes only for the whole document.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

import pydyf

from booklet.render.engine import weasyprint  # noqa: F401  (first: loads WeasyPrint without its library search)
from weasyprint.css import AnonymousStyle
from weasyprint.pdf import tags as weasyprint_tags

ORIGIN = "BookletOrigin"
DEFINITION = "BookletDefinition"
SCOPES = {"col": "/Column", "row": "/Row", "colgroup": "/Column", "rowgroup": "/Row"}
# Tags WeasyPrint files under NonStruct or Figure that have a PDF structure type of their own.
ROLES_BY_TAG = {"figure": "/Figure", "code": "/Code", "abbr": "/Span"}
ROLES_BY_ARIA = {"doc-footnote": "/Note", "doc-endnote": "/Note"}

_ONE_AT_A_TIME = threading.Lock()      # the wrapper replaces a module attribute while it runs


class TaggerChanged(RuntimeError):
    """The installed WeasyPrint builds its structure tree differently from the one this was written for."""


@contextlib.contextmanager
def recording_origins() -> Iterator[None]:
    """While the block runs, every structure element WeasyPrint makes records its HTML origin."""
    original = getattr(weasyprint_tags, "_build_box_tree", None)
    if original is None:
        raise TaggerChanged("weasyprint.pdf.tags._build_box_tree is gone: update booklet.render.tagging.origins")
    serials: dict[tuple, int] = {}

    def build_box_tree(box, parent, *args, **kwargs):
        # WeasyPrint recurses through the module attribute, so nested boxes come here too.
        for element in original(box, parent, *args, **kwargs):
            if ORIGIN not in element:
                _record(element, getattr(box, "_box", box), serials)
            yield element

    with _ONE_AT_A_TIME:
        weasyprint_tags._build_box_tree = build_box_tree
        try:
            yield
        finally:
            weasyprint_tags._build_box_tree = original


def _record(element: pydyf.Dictionary, box, serials: dict[tuple, int]) -> None:
    html = box.element
    if html is None or not isinstance(getattr(html, "tag", None), str):
        return
    anonymous = isinstance(box.style, AnonymousStyle)
    identity = (id(html), box.element_tag, anonymous)
    element[ORIGIN] = serials.setdefault(identity, len(serials) + 1)
    if anonymous or box.element_tag != html.tag:
        return      # a pseudo-element or a box WeasyPrint made: the HTML element's role is not its own
    tag, aria = html.tag, html.get("role", "")
    if html.get("lang"):
        element["Lang"] = pydyf.String(html.get("lang"))
    if tag in ROLES_BY_TAG and element.get("S") in ("/NonStruct", "/Figure"):
        element["S"] = ROLES_BY_TAG[tag]
    if aria in ROLES_BY_ARIA:
        element["S"] = ROLES_BY_ARIA[aria]
        element["ID"] = pydyf.String(html.get("id", f"note-{element[ORIGIN]}"))
    if tag == "abbr" and html.get("title"):
        element["E"] = pydyf.String(html.get("title"))
    if tag == "a" and html.get("aria-label"):
        element["Alt"] = pydyf.String(html.get("aria-label"))
    if tag in ("dt", "dd") and element.get("S") == "/LI":
        element[DEFINITION] = "/" + tag
    if tag == "th" and "A" in element:
        element["A"]["Scope"] = SCOPES.get(html.get("scope", "col"), "/Column")
