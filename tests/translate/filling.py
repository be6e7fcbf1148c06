"""Fill a translation file as a translator's tool would: every target a transformed copy of its source, placeholders kept."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

NS = "{urn:oasis:names:tc:xliff:document:2.0}"
WORD = re.compile(r"\b([A-Za-z]{4,})\b")


def welsh_looking(text: str) -> str:
    """Each word of four letters or more gets a Welsh-looking ending: 'breast' becomes 'breastwch'."""
    return WORD.sub(lambda m: m[1] + "wch", text)


def fill_xliff(path: Path, change=welsh_looking, state: str = "translated", only=None) -> None:
    """Give every unit (or those `only` names) a target: its source with `change` applied to the words."""
    tree = etree.parse(str(path))
    for unit in tree.iter(NS + "unit"):
        if only is not None and unit.get("id") not in only:
            continue
        segment = unit.find(NS + "segment")
        source = segment.find(NS + "source")
        old = segment.find(NS + "target")
        if old is not None:
            segment.remove(old)
        target = etree.fromstring(etree.tostring(source))
        target.tag = NS + "target"
        for element in target.iter():
            element.text = change(element.text) if element.text else element.text
            if element is not target:
                element.tail = change(element.tail) if element.tail else element.tail
        segment.append(target)
        segment.set("state", state)
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
