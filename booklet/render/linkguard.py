"""Refuse to write a PDF whose link annotations point anywhere but the allowed schemes: the last line of defence."""

from __future__ import annotations

import pikepdf

from booklet.render.fetcher import RefusedResource
from booklet.urls import SCHEMES, link_scheme

# `booklet:` links are rewritten to web addresses long before a PDF is written.
PDF_SCHEMES = tuple(scheme for scheme in SCHEMES if scheme != "booklet")


class UnsafeLink(RefusedResource):
    """A link in the laid-out PDF that no check upstream should have let through."""


def link_uris(pdf: pikepdf.Pdf):
    """Every URI a link annotation (or its action) on any page would open."""
    for page in pdf.pages:
        for annotation in page.obj.get("/Annots", []) or []:
            action = annotation.get("/A")
            if isinstance(action, pikepdf.Dictionary) and "/URI" in action:
                yield str(action.URI)
            if "/URI" in annotation:           # not standard, but some readers honour it
                yield str(annotation.URI)
            if isinstance(action, pikepdf.Dictionary) and action.get("/S") in ("/Launch", "/JavaScript",
                                                                              "/ImportData", "/SubmitForm"):
                yield f"{str(action.S)[1:].lower()}:"


def guard_links(pdf: pikepdf.Pdf) -> None:
    """Raise UnsafeLink for the first link outside the allow-list; the PDF is then never written."""
    for uri in link_uris(pdf):
        if link_scheme(uri) not in PDF_SCHEMES:
            raise UnsafeLink(uri, "a link in the PDF would open this, which only https, http, mailto and tel"
                             " links may do")
