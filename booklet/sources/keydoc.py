"""Write the reference of every key (docs/keys.md) from the declarations in booklet/sources/keys.py."""

from __future__ import annotations

import sys

from booklet.sources.keys import GROUPS, Group
from booklet.sources.manifest import REVIEW_YEARS
from booklet.sources.pictures import MAX_PIXELS
from booklet.sources.safe import MAX_PICTURE_BYTES, MAX_TEXT_BYTES
from booklet.sources.yamlnodes import MAX_DEPTH, YEARS

INTRO = """\
# The keys of organisation.yml, booklet.yml and front matter

Generated from `booklet/sources/keys.py` by `python -m booklet.sources.keydoc > docs/keys.md`;
do not edit by hand (a test checks that this file matches).

Text keys keep exactly the characters written: `reference: 0123` prints 0123 and
`title: 1.50` prints 1.50 (quotes are not needed). A key not listed here is reported as
`unknown key`, with the nearest real key suggested. Every problem is reported as
`FILE:LINE: severity: message [rule-id]`; the rule id is what `checks:` in booklet.yml adjusts.
"""


def group_table(group: Group) -> str:
    rows = [f"## {group.title}", "", "| key | value | required | default | what it is |", "|---|---|---|---|---|"]
    for key in group.keys:
        kind = key.kind.value + (f": {', '.join(key.choices)}" if key.choices else "")
        rows.append(f"| `{key.name}` | {kind} | {'yes' if key.required else ''} | {key.default} | {key.help} |")
    return "\n".join(rows)


def limits() -> str:
    return "\n".join([
        "## Limits", "",
        "Generous limits keep a mistake (or a hostile file) from crashing or stalling a build;"
        " each is reported at its file and line.", "",
        f"- A section, snippet or YAML file: at most {MAX_TEXT_BYTES:,} bytes.",
        f"- A picture file: at most {MAX_PICTURE_BYTES:,} bytes and {MAX_PIXELS // 1_000_000} megapixels.",
        f"- YAML nesting: at most {MAX_DEPTH} levels of lists and mappings.",
        f"- Dates: years {YEARS.start} to {YEARS.stop - 1}; the next review defaults to {REVIEW_YEARS} years"
        " after the last.",
        "- Files: only ordinary files inside the sources folder are read. A symbolic link that leads"
        " outside it, a pipe, a device, a folder where a file is expected, or a NUL character in a"
        " name is refused at the line that named it.",
        "- Snippets may place snippets three levels deep.",
    ])


def keys_markdown() -> str:
    return "\n\n".join([INTRO.rstrip(), *(group_table(g) for g in GROUPS), limits()]) + "\n"


if __name__ == "__main__":
    sys.stdout.write(keys_markdown())
