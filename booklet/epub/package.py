"""Write the EPUB's package document (metadata with the accessibility claims, manifest, spine) and
the navigation document's landmarks and page list."""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as etree
from xml.sax.saxutils import escape

from booklet.epub.xhtml import EPUB_TYPE, H
from booklet.model import Manifest, Organisation

def identifier(b: Manifest, org: Organisation) -> str:
    """Stable across builds and editions of the same booklet: made from the publisher and reference."""
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"{org.website}#{b.reference}"))


def page_break_source(b: Manifest) -> str:
    return f"{b.slug}-download.pdf"


def add_navigation(toc, landmarks: list[tuple[str, str, str]], pages: list[tuple[str, str]], words) -> list:
    """Make the composed contents the EPUB's toc nav; return the landmarks and page-list navs to follow it."""
    toc.set(EPUB_TYPE, "toc")
    toc.set("role", "doc-toc")
    navs = [_nav("landmarks", None, str(words["landmarks"]), [(label, href, kind) for kind, label, href in landmarks])]
    if pages:
        navs.append(_nav("page-list", "doc-pagelist", str(words["page_list"]), [(l, h, None) for l, h in pages]))
    return navs


def _nav(kind: str, role: str | None, heading: str, entries) -> etree.Element:
    nav = etree.Element(f"{H}nav", {EPUB_TYPE: kind, "hidden": "hidden", "id": kind,
                                    **({"role": role} if role else {})})
    etree.SubElement(nav, f"{H}h2").text = heading
    listing = etree.SubElement(nav, f"{H}ol")
    for label, href, entry_type in entries:
        link = etree.SubElement(etree.SubElement(listing, f"{H}li"), f"{H}a",
                                {"href": href, **({EPUB_TYPE: entry_type} if entry_type else {})})
        link.text = label
    return nav


def package_document(b: Manifest, org: Organisation, *, items: list[tuple[str, str, str, str]],
                     spine: list[str], pictures: bool, draft_notice: str | None, summary: str,
                     direction: str | None = None) -> bytes:
    """`items`: (id, href, media type, properties); `spine`: the ids of the documents in reading order;
    `summary`: the accessibility summary in the booklet's language (its strings catalogue)."""
    modified = b.published.first_day().isoformat()
    metas = [("dcterms:modified", f"{modified}T00:00:00Z"),
             ("schema:accessMode", "textual"), *([("schema:accessMode", "visual")] if pictures else []),
             ("schema:accessModeSufficient", "textual"),
             *[("schema:accessibilityFeature", f) for f in
               ("tableOfContents", "readingOrder", "structuralNavigation", "pageNavigation", "pageBreakMarkers",
                "printPageNumbers", "displayTransformability", *(("alternativeText",) if pictures else ()))],
             ("schema:accessibilityHazard", "none"),
             ("schema:accessibilitySummary", summary),
             ("pageBreakSource", page_break_source(b))]
    lines = [f'<dc:identifier id="uid">{escape(identifier(b, org))}</dc:identifier>',
             f"<dc:title>{escape(b.title)}</dc:title>",
             f"<dc:language>{escape(b.language)}</dc:language>",
             f"<dc:creator>{escape(org.name)}</dc:creator>",
             f"<dc:publisher>{escape(org.name)}</dc:publisher>",
             f"<dc:date>{modified}</dc:date>",
             f"<dc:source>{escape(page_break_source(b))}</dc:source>",
             *([f"<dc:description>{escape(draft_notice)}</dc:description>"] if draft_notice else
               ([f"<dc:description>{escape(b.subtitle)}</dc:description>"] if b.subtitle else [])),
             *[f'<meta property="{p}">{escape(v)}</meta>'
               for p, v in metas],
             '<meta property="dcterms:conformsTo" id="conformance">EPUB Accessibility 1.1 - WCAG 2.2 Level AA</meta>',
             f'<meta property="a11y:certifiedBy" refines="#conformance">{escape(org.name)}</meta>']
    manifest = [f'<item id="{i}" href="{escape(href)}" media-type="{media}"'
                + (f' properties="{props}"' if props else "") + "/>" for i, href, media, props in items]
    refs = [f'<itemref idref="{i}"/>' for i in spine]
    progression = f' page-progression-direction="{direction}"' if direction in ("ltr", "rtl") else ""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid"'
            f' xml:lang="{escape(b.language)}">\n'
            '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n  ' + "\n  ".join(lines) + "\n</metadata>\n"
            "<manifest>\n  " + "\n  ".join(manifest) + "\n</manifest>\n"
            f"<spine{progression}>\n  " + "\n  ".join(refs) + "\n</spine>\n</package>\n").encode("utf-8")
