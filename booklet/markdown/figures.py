"""Turn images into figures with captions and credits, and check each picture's file and alt text."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from pathlib import Path
from urllib.parse import unquote

from markdown.treeprocessors import Treeprocessor

from booklet.markdown.context import Locator, MarkdownContext
from booklet.problems import SOURCE
from booklet.sources.pictures import picture_problem
from booklet.sources.safe import Refusal, refusal
from booklet.urls import urlsplit

IMAGE_TYPES = (".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp")


class FigureProcessor(Treeprocessor):
    """Runs after attr_list, so `{credit="..."}` and `{decorative}` are already attributes."""

    def __init__(self, md, ctx: MarkdownContext, locator: Locator):
        super().__init__(md)
        self.ctx, self.locator = ctx, locator

    def run(self, root) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        for img in list(root.iter("img")):
            self._image(img, parents)

    def _image(self, img, parents) -> None:
        src, alt = img.get("src", ""), img.get("alt", "").strip()
        where = f"]({src}" if src else "![" + alt
        line = self.locator.line(where, stream="image")
        target = self._resolve(src, line)
        img.set("src", target.as_uri() if target else "")
        decorative = "decorative" in img.attrib  # attr_list stores {decorative} with no value
        img.attrib.pop("decorative", None)
        credit, caption = img.attrib.pop("credit", None), img.attrib.pop("title", None)
        if decorative:
            if alt:
                self._error(line, "a {decorative} image should have empty alt text: ![](...){decorative}",
                            "missing-alt")
            img.set("alt", "")
            img.set("role", "presentation")
            img.set("class", (img.get("class", "") + " decorative").strip())
            return
        if not alt:
            self._error(line, f"the image '{src}' has no alt text: describe it in ![...], or mark it"
                        " {decorative} if it adds nothing a reader would miss", "missing-alt")
        parent = parents.get(img)
        alone = parent is not None and parent.tag == "p" and len(parent) == 1 \
            and not (parent.text or "").strip() and not (img.tail or "").strip()
        if not alone:
            if caption or credit:
                self._error(line, "a picture with a caption or credit must be on a line of its own")
            return
        parent.tag, parent.attrib = "figure", {"class": "figure"}
        if caption or credit:
            figcaption = etree.SubElement(parent, "figcaption")
            if caption:
                etree.SubElement(figcaption, "span", {"class": "caption"}).text = caption
            if credit:
                etree.SubElement(figcaption, "span", {"class": "credit"}).text = credit

    def _error(self, line: int, message: str, rule: str = SOURCE) -> None:
        self.locator.problems.error(self.ctx.path, line, message, rule)

    def _resolve(self, src: str, line: int) -> Path | None:
        parts = urlsplit(src)
        if parts.scheme or parts.netloc:
            self._error(line, f"the image '{src}' is not a file in the sources: copy it into the booklet's"
                        " images/ folder and link it as images/NAME (builds never use the network)")
            return None
        if not src:
            self._error(line, "this image has no file name between the brackets: ![alt](images/NAME.svg)")
            return None
        target = self.ctx.path.parent / unquote(parts.path)
        reason = refusal(target, self.ctx.root)
        if reason is Refusal.MISSING:
            where = target.resolve().relative_to(self.ctx.root.resolve()).as_posix()
            self._error(line, f"there is no image file '{src}' (looked for {where})")
            return None
        if reason is not None:
            self._error(line, f"the image '{src}' {reason}; keep pictures in images/".replace("\0", "\\0"))
            return None
        if target.suffix.lower() not in IMAGE_TYPES:
            self._error(line, f"the image '{src}' is not a picture type this tool reads"
                        f" ({', '.join(IMAGE_TYPES)})")
            return None
        self.ctx.reads.add(target)
        problem = picture_problem(target)
        if problem is not None:
            self._error(line, f"the picture '{src}' {problem}")
            return None
        return target.resolve()
