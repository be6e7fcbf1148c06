"""Compose a specimen booklet that uses every construct the templates and Markdown extensions can print.

The theme's colours are checked on this specimen rather than on one real booklet, so a
colour used only by, say, a warning box is checked even when no booklet has one yet.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from booklet.compose.document import compose_html
from booklet.markdown.context import BookletLink, MarkdownContext
from booklet.markdown.convert import convert
from booklet.model import (Contact, Feedback, Manifest, Organisation, PartialDate, Related, Review, Reviewer,
                           Section)
from booklet.problems import Problems

PICTURE = ('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20">'
           '<rect width="40" height="20" fill="#cccccc"/></svg>')

BODY = """\
Body text with [a link](https://www.example.org), **strong words** and *emphasis*.[^1]

## A heading

### A smaller heading

#### The smallest heading

- a list item

1. a numbered item

![A grey box](specimen.svg "A caption"){credit="Drawing: a credit"}

| Head | Head |
|---|---|
| Cell | Cell |

::: note
A note.
:::

::: tip
A tip.
:::

::: warning
A warning.
:::

::: contact specimen

A link to [another booklet](booklet:other) and to [one online](booklet:online).

[^1]: A footnote.
"""

CONTACT = Contact(id="specimen", title="A helpline", phone="+353 1 231 0500", phone_note="Freephone",
                  email="help@example.org", website="https://www.example.org/help", hours="9am to 5pm",
                  text="Talk to a nurse.", address="1 Main Street")


def specimen_html(folder: Path, *, variant: str, language: str = "en-GB") -> str:
    """The specimen as one HTML document; its picture is written into `folder`."""
    (folder / "specimen.svg").write_text(PICTURE, encoding="utf-8")
    organisation = Organisation(
        name="Specimen Charity", website="https://www.example.org", contacts={"specimen": CONTACT},
        feedback=Feedback(text="Tell us what you think.", url="https://www.example.org/feedback",
                          email="feedback@example.org", phone="+353 1 231 0500"))
    path = folder / "specimen.md"
    ctx = MarkdownContext(path=path, body_line=1, root=folder, anchor="s-specimen", language=language,
                          region="IE", contacts=organisation.contacts, snippets={},
                          booklets={"other": BookletLink("Another booklet", None),
                                    "online": BookletLink("One online", "https://www.example.org/one")})
    section = Section(path=path, title="A section", short_title="Section", body=BODY, body_line=1, number=1,
                      anchor="s-specimen")
    section = dataclasses.replace(section, html=convert(BODY, ctx, Problems()))
    manifest = Manifest(
        slug="specimen", folder=folder, title="A specimen booklet", language=language, reference="SPEC-01",
        status="draft", published=PartialDate(2026, 1), based_on="An older booklet", subtitle="Its subtitle",
        review=Review(reviewed=dt.date(2026, 1, 1), next=dt.date(2029, 1, 1),
                      reviewers=(Reviewer("A reviewer", "A. Person"),)),
        evidence="References are available.", contacts=("specimen",), numbered=True, sections=(section,),
        variants=(variant,), online="https://www.example.org/specimen",
        related=(Related("Online", url="https://www.example.org/related"), Related("In print only")))
    return compose_html(manifest, organisation, variant=variant)
