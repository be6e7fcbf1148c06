"""Read an EPUB back: its package, its documents' text in reading order, its page list."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as etree
import zipfile
from dataclasses import dataclass

H = "{http://www.w3.org/1999/xhtml}"
OPF = "{http://www.idpf.org/2007/opf}"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
MARK = "\ue000"


@dataclass(frozen=True)
class Book:
    files: dict[str, bytes]
    opf: etree.Element
    spine: tuple[str, ...]          # the documents' names under EPUB/, in reading order

    def document(self, name: str) -> etree.Element:
        return etree.fromstring(self.files[f"EPUB/{name}"])

    def metadata(self, prop: str) -> list[str]:
        return [m.text for m in self.opf.iter(f"{OPF}meta") if m.get("property") == prop]

    def dc(self, name: str) -> list[str]:
        return [e.text for e in self.opf.iter(f"{{http://purl.org/dc/elements/1.1/}}{name}")]

    def text(self) -> str:
        """The whole text a reader meets, without the hidden navigation lists (landmarks, pages)."""
        parts = []
        for name in self.spine:
            body = self.document(name).find(f"{H}body")
            for nav in list(body):
                if nav.get("hidden") is not None:
                    body.remove(nav)
            parts.append(" ".join(body.itertext()))
        return " ".join(" ".join(parts).split())

    def alts(self) -> list[str]:
        return [img.get("alt") for name in self.spine for img in self.document(name).iter(f"{H}img")]

    def page_list(self) -> list[tuple[str, str]]:
        nav = self.document(self.nav).iter(f"{H}nav")
        pages = next(n for n in nav if n.get(EPUB_TYPE) == "page-list")
        return [(a.text, a.get("href")) for a in pages.iter(f"{H}a")]

    @property
    def nav(self) -> str:
        return next(i.get("href") for i in self.opf.iter(f"{OPF}item") if "nav" in (i.get("properties") or ""))

    def words_after(self, href: str, count: int = 4) -> str:
        """The first words after a page-break marker, up to the end of its document."""
        name, anchor = href.split("#")
        root = self.document(name)
        marker = next(e for e in root.iter() if e.get("id") == anchor)
        marker.text = MARK
        text = " ".join(root.find(f"{H}body").itertext())
        return " ".join(text.split(MARK, 1)[1].split()[:count])


def read_epub(data: bytes) -> Book:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    opf = etree.fromstring(files["EPUB/package.opf"])
    items = {i.get("id"): i.get("href") for i in opf.iter(f"{OPF}item")}
    spine = tuple(items[ref.get("idref")] for ref in opf.iter(f"{OPF}itemref"))
    return Book(files, opf, spine)


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)
