"""Find what a screen-reader user would stumble on in the text: poor alt text, skipped headings, headless tables, vague links."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from booklet.check.subject import Finding, Subject
from booklet.check.text import constructs
from booklet.model import Kind

GENERIC_ALT = {"image", "picture", "photo", "photograph", "graphic", "figure", "img", "diagram", "drawing",
               "illustration", "icon", "chart", "an image", "a picture", "a photo", "image here", "alt", "alt text"}
FILE_NAME = re.compile(r"[\w\- ]+\.(?:png|jpe?g|gif|svg|webp|tiff?|bmp|heic)|(?:img|dsc|dscn|pxl|photo)[_-]?\d+",
                       re.IGNORECASE)
VAGUE_LINKS = {"click here", "here", "click", "read more", "more", "back to top", "this link", "link", "this page",
               "find out more", "learn more", "more information", "more info", "go", "this", "details"}
BARE_URL = re.compile(r"(?<![\w@/.])(?:https?://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"’”]")


def alt_text(subject: Subject):
    """Alt text that tells a listener nothing: a file name, or just "image"."""
    for _, image in constructs(subject.sections, Kind.IMAGE):
        alt, src = image.text.strip(), image.target
        if not alt or "decorative" in dict(image.attrs):
            continue                     # an empty alt is the reader's error already
        words = re.sub(r"[^\w ]", "", alt.lower()).strip()
        name = PurePosixPath(src).name.lower()
        if FILE_NAME.fullmatch(alt) or alt.lower() in (name, PurePosixPath(name).stem):
            yield Finding(image.path, image.line, f"the alt text '{alt}' is a file name: describe what the"
                          " picture shows, as you would to someone on the phone")
        elif words in GENERIC_ALT:
            yield Finding(image.path, image.line, f"the alt text '{alt}' says nothing about the picture:"
                          " describe what it shows, or mark it {decorative} if it adds nothing")


def heading_levels(subject: Subject):
    """Headings must go down one level at a time: ## then ###, never ## then ####."""
    previous = {}
    for index, heading in constructs(subject.sections, Kind.HEADING):
        if heading.level < 2:
            continue                                  # a '#' inside a section is the reader's error
        place = (index, heading.path)                 # a snippet's headings follow on from its own
        above = previous.get(place, 1)                # the section title is the level 1 heading
        if heading.level > above + 1:
            yield Finding(heading.path, heading.line,
                          f"this heading is level {heading.level} ('{'#' * heading.level}') but follows a level"
                          f" {above} heading: use '{'#' * (above + 1)}' (headings must not skip a level;"
                          " screen-reader users move around by them)")
        previous[place] = heading.level


def table_header(subject: Subject):
    """A table needs a header row whose cells name the columns."""
    for _, table in constructs(subject.sections, Kind.TABLE):
        if not any(cell.strip() for key, cell in table.attrs if key == "header"):
            yield Finding(table.path, table.line, "this table has no header row: give each column a heading in"
                          " the first row, so a screen reader can say what each cell is")


def link_text(subject: Subject):
    """Link words must make sense on their own: screen readers list links out of context."""
    for _, link in constructs(subject.sections, Kind.LINK):
        words = re.sub(r"\s+", " ", link.text.lower()).strip(" .!:…-")
        if words in VAGUE_LINKS:
            yield Finding(link.path, link.line, f"the link text '{link.text}' does not say"
                          " where it goes: use words that make sense alone, like '[our support"
                          " services](...)'")


def bare_url(subject: Subject):
    """A web address typed into running text is not a link, and is read out letter by letter."""
    for block in subject.blocks:
        if block.kind == "code":
            continue
        for index, text in enumerate(block.plain):
            for address in BARE_URL.finditer(text):
                url = address.group()
                yield Finding(block.path, block.line + index, f"the web address '{url}' is typed into the text:"
                              f" make it a link with words that say where it goes, like [our website]"
                              f"({url if url.startswith('http') else 'https://' + url})")
