"""Apply every repair to WeasyPrint's tagged PDF, in order, so that it meets PDF/UA-1 (ISO 14289-1)."""

from __future__ import annotations

import pikepdf
from pikepdf import Dictionary, Name, String

from booklet.render.hyphens import soften_layout_hyphens
from booklet.render.pdftext import mcid_text
from booklet.render.tagging.artifacts import artifact_keys, detach_mcids, mark_as_artifacts, prune_empty
from booklet.render.tagging.content import ParsedPages
from booklet.render.tagging.definitions import shape_definition_lists
from booklet.render.tagging.figures import shape_figures
from booklet.render.tagging.links import (adopt_annotations, describe_links, join_annotations, merge_links,
                                          order_annotations)
from booklet.render.tagging.lists import shape_lists
from booklet.render.tagging.paintorder import follow_structure_order
from booklet.render.tagging.stitch import forget_origins, stitch_pages
from booklet.render.tagging.tree import (S, mcid_keys, page_numbers, reading_order, walk,
                                         walk_elements)

LINK, FIGURE = Name.Link, Name.Figure


def make_accessible(pdf: pikepdf.Pdf, *, title: str, language: str) -> None:
    """Apply every fix in place; running it twice changes nothing more."""
    set_document_properties(pdf, title, language)
    if "/StructTreeRoot" not in pdf.Root:
        raise ValueError("the PDF is not tagged: render it with pdf_variant='pdf/ua-1'")
    # Structure first (joined across pages, lists and figures shaped), then what is content.
    stitch_pages(pdf)
    shape_definition_lists(pdf, walk_elements(pdf.Root.StructTreeRoot))
    # One walk for lists and figures: neither pass makes or removes the other's elements.
    shaped = [(elem, elem.get(S)) for elem in walk_elements(pdf.Root.StructTreeRoot)]
    shape_lists(pdf, shaped)
    shape_figures(pdf, [elem for elem, role in shaped if role == FIGURE])
    # One walk serves every pass up to the artifacts: none of them changes the tree's shape.
    elements = walk(pdf.Root.StructTreeRoot)
    forget_origins(elements)
    pages = page_numbers(pdf)
    direct = [mcid_keys(pages, walked.elem, walked.kids) for walked in elements]
    # Only the text of links and of runs that may be leader dots is needed: decode no more.
    links = reading_order(pages, pdf.Root.StructTreeRoot, roles=(LINK,))
    wanted = {key for _, first, end in links.spans for key in links.keys[first:end]}
    for walked, keys in zip(elements, direct):
        if walked.elem.get(S) != LINK and len(keys) > 1:
            wanted.update(keys)
    parsed = ParsedPages(pdf)       # each page parsed once for the passes that read its content
    drawn = mcid_text(pdf, None, parsed)        # all of it: a line the layout hyphenated may be anywhere
    soften_layout_hyphens(parsed, drawn)
    texts = {key: drawn[key] for key in wanted if key in drawn}
    owned, artifacts = artifact_keys(pdf, texts, elements, direct)
    mark_as_artifacts(parsed, artifacts)
    detach_mcids(pdf, owned, artifacts)
    prune_empty(pdf.Root.StructTreeRoot)
    merge_links(pdf)
    adopt_annotations(pdf)
    join_annotations(pdf)
    # The tree is final: one walk gives the reading order and each Link's text.
    order = reading_order(pages, pdf.Root.StructTreeRoot, roles=(LINK,))
    describe_links(texts, order)
    follow_structure_order(parsed, order)
    order_annotations(pdf)
    parsed.write_back()
    for page in pdf.pages:
        page.obj.Tabs = Name.S  # tab order follows the structure tree (7.18.3)


def set_document_properties(pdf: pikepdf.Pdf, title: str, language: str) -> None:
    """Catalog entries and XMP that PDF/UA-1 requires; nothing time-dependent is written."""
    pdf.Root.Lang = String(language)
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    if "/ViewerPreferences" not in pdf.Root:
        pdf.Root.ViewerPreferences = Dictionary()
    pdf.Root.ViewerPreferences.DisplayDocTitle = True
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:title"] = title
        meta["dc:language"] = [language]
        meta["pdfuaid:part"] = "1"
    pdf.docinfo.Title = String(title)
