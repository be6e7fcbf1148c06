"""Write the test corpus: one small booklet per Markdown construct, and one booklet mixing them all.

Each construct carries the words that must come out on the page, so the tests can look for
them in every variant. `python -m tests.corpus.generate DIR` writes the corpus to look at.
"""

from __future__ import annotations

import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import ORGANISATION     # the same publisher as every other test tree

MIXED = "mixed"


@dataclass(frozen=True)
class Construct:
    name: str                                   # the booklet's slug
    body: str                                   # the section's Markdown
    words: tuple[str, ...]                      # words that must be printed (and tagged)
    images: dict[str, str] = field(default_factory=dict)   # images/NAME: SVG text


def _svg(width: int, height: int, label: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"'
            f' viewBox="0 0 {width} {height}"><rect x="2" y="2" width="{width - 4}" height="{height - 4}"'
            f' fill="#f6e9f1" stroke="#6b1d55" stroke-width="4"/><!-- {label} --></svg>')


DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
LONG_ROWS = "\n".join(f"| Visit {n} | Bloodwork number {n} | Clinic room {n} |" for n in range(1, 33))
BOX_PARAGRAPHS = "\n\n".join(f"Boxpara{n} tells you one more thing to remember about your care." for n in range(1, 31))

CONSTRUCTS: tuple[Construct, ...] = (
    Construct("headings", """\
        Opening words under the title.

        ## Heading level two Alphaword

        ### Heading level three Bravoword

        #### Heading level four Charlieword

        ##### Heading level five Deltaword

        ###### Heading level six Echoword

        Closing words after the headings.
        """, ("Alphaword", "Bravoword", "Charlieword", "Deltaword", "Echoword")),
    Construct("inline", """\
        Some **strong Foxtrotword** and *emphasised Golfword* text, with `inline Hotelcode` and
        a link to [the Indiaword page](https://www.example.org/india).
        """, ("Foxtrotword", "Golfword", "Hotelcode", "Indiaword")),
    Construct("footnotes", """\
        Your nurse can help with Julietword.[^1] Ask about Kiloword too.[^2]

        [^1]: A footnote about Limaword.
        [^2]: A second footnote about Mikeword.

            It has a second paragraph about Novemberword.
        """, ("Julietword", "Kiloword", "Limaword", "Mikeword", "Novemberword")),
    Construct("nested-lists", """\
        - First level Oscarword
            - Second level Papaword
                - Third level Quebecword
            - Second level again
        - First level again
        """, ("Oscarword", "Papaword", "Quebecword")),
    Construct("list-paragraphs", """\
        1. An item with a first paragraph about Romeoword.

            And a second paragraph about Sierraword.

        2. Another item about Tangoword.
        """, ("Romeoword", "Sierraword", "Tangoword")),
    Construct("ordered-start", """\
        5. Fifth step Uniformword
        6. Sixth step Victorword
        """, ("Uniformword", "Victorword", "5.", "6.")),
    Construct("code", """\
        Type this exactly:

        ```text
        Whiskeycode line one
            Xraycode line two
        ```
        """, ("Whiskeycode", "Xraycode")),
    Construct("code-in-list", """\
        - A step with code Yankeeword:

            ```
            Zulucode in a list
            ```

        - A step after the code
        """, ("Yankeeword", "Zulucode")),
    Construct("box-in-list", """\
        - A step with a box, Yarrowword:

            ::: tip
            A tip inside the list, Zinniaword.
            :::

        - A step after the box
        """, ("Yarrowword", "Zinniaword")),
    Construct("long-code-line", """\
        ```
        Alphacode=""" + "x" * 150 + """Omegacode
        ```
        """, ("Alphacode", "Omegacode")),
    Construct("boxes", """\
        ::: note
        A note about Amberword.
        :::

        ::: tip
        A tip about Bronzeword.
        :::

        ::: warning Check with your team
        A warning about Copperword.
        :::
        """, ("Amberword", "Bronzeword", "Copperword", "Check with your team")),
    Construct("long-box", "::: note\n" + BOX_PARAGRAPHS + "\n:::\n\nAfter the box, Dahliaword.\n",
              ("Boxpara1", "Boxpara30", "Dahliaword")),
    Construct("table", """\
        | Place | How often |
        |---|---|
        | Bones Elmword | Common |
        | Ovaries | Less common Firword |
        """, ("Elmword", "Firword", "Place")),
    Construct("wide-table", "| Time | " + " | ".join(DAYS) + " |\n|" + "---|" * 8 + "\n"
              + "| 8am | " + " | ".join(["1 tablet"] * 7) + " |\n"
              + "| 8pm | " + " | ".join(["2 tablets"] * 6 + ["Gingerword"]) + " |\n",
              (*DAYS, "Gingerword")),
    Construct("long-table", "| Visit | Test | Room |\n|---|---|---|\n" + LONG_ROWS + "\n",
              ("Visit1", "Bloodworknumber32", "Clinicroom32")),
    Construct("long-words", """\
        A long word: Pneumonoultramicroscopicsilicovolcanoconiosishazelword is hard to read.

        A long web address: https://www.example.org/a/very/long/path/that/goes/on/and/on/without/any/spaces/at/all/hollyword

        A long link: <https://www.example.org/another/very/long/path/that/goes/on/and/on/without/spaces/ivyword>
        """, ("Pneumonoultramicroscopicsilicovolcanoconiosishazelword", "hollyword", "ivyword")),
    Construct("pictures", """\
        A picture with a caption:

        ![A drawing of a body Junoalt](images/body.svg "Where it can spread Junipercaption"){credit="Drawing: Kaleword"}

        A tall picture:

        ![A tall drawing](images/tall.svg "A tall picture Larchcaption")

        A wide picture:

        ![A wide drawing](images/wide.svg)

        A tall decorative picture:

        ![](images/tall-decorative.svg){decorative}

        After the pictures, Mapleword.
        """, ("Junipercaption", "Kaleword", "Larchcaption", "Mapleword"),
              {"body.svg": _svg(300, 300, "body"), "tall.svg": _svg(200, 2400, "tall"),
               "wide.svg": _svg(3000, 150, "wide"), "tall-decorative.svg": _svg(150, 3000, "decorative")}),
    Construct("scripts", """\
        Greek: αβγ δέλτα Ωμέγα. Cyrillic: Привет, мир. Arrows: → ← ↑ ↓. Marks: ✓ ✔ ✗ • ◦ ▪.
        Units: 5 µg, ± 2, ≤ 3, 37 °C, €10.
        """, ("αβγ", "δέλτα", "Привет", "→←↑↓", "✓✔✗", "µg", "≤")),
    Construct("abbreviations", """\
        You may have an MRI scan. The MRI takes pictures of the inside of your body, Nutmegword.

        *[MRI]: Magnetic resonance imaging
        """, ("MRI", "Nutmegword")),
    Construct("definitions", """\
        Oncologist
        :   A doctor who treats cancer with medicines, Oliveword.

        Radiographer
        :   A person who takes scans and X-rays, Parsleyword.
        """, ("Oncologist", "Oliveword", "Radiographer", "Parsleyword")),
    Construct("email-and-breaks", """\
        Write to <nurses@example.org> for Quinceword.

        | Day | Dose |
        |---|---|
        | Monday | 1 tablet<br>with Rosemaryword |
        """, ("nurses@example.org", "Quinceword", "Rosemaryword")),
    Construct("contact", """\
        Call us any time, Saffronword.

        ::: contact helpline
        """, ("Saffronword", "Helpline", "1800200700")),
    Construct("snippet", """\
        Before the shared passage, Thymeword.

        ::: snippet shared-words
        """, ("Thymeword", "Umberword")),
    Construct("booklet-link", """\
        Read [our booklet on bones](booklet:other) for Vanillaword.
        """, ("Vanillaword", "bones")),
)


MANIFEST = """\
    title: {title}
    language: en-IE
    reference: CORPUS-01
    status: draft
    published: 2026-11
    review:
      reviewed: 2026-10-01
      reviewers:
        - role: Consultant
    evidence: References are available on request.
    contacts: [helpline]
    online: https://www.example.org/booklets/{slug}
    numbered: true
    sections:
    """


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _booklet(root: Path, slug: str, constructs: tuple[Construct, ...]) -> None:
    sections = "\n".join(f"  - {c.name}.md" for c in constructs)
    _write(root / slug / "booklet.yml", (textwrap.dedent(MANIFEST) + "{sections}\n").format(
        title=f"Corpus of {slug.replace('-', ' ')}", slug=slug, sections=sections))
    for construct in constructs:
        title = construct.name.replace("-", " ").capitalize()
        _write(root / slug / f"{construct.name}.md",
               f"---\ntitle: {title}\n---\n\n" + textwrap.dedent(construct.body))
        for name, svg in construct.images.items():
            _write(root / slug / "images" / name, svg)


def write_corpus(root: Path, names: tuple[str, ...] | None = None) -> dict[str, tuple[Construct, ...]]:
    """Write the sources root; return each booklet's slug with the constructs it holds."""
    _write(root / "_shared" / "organisation.yml", textwrap.dedent(ORGANISATION))
    _write(root / "_shared" / "snippets" / "shared-words.md", "A shared passage about Umberword.\n")
    _write(root / "other" / "booklet.yml", (textwrap.dedent(MANIFEST) + "{sections}\n").format(
        title="Secondary cancer in the bones", slug="other", sections="  - one.md").replace(
        "numbered: true\n", "numbered: true\nvariants: [download]\n"))
    _write(root / "other" / "one.md", "---\ntitle: Bones\n---\n\nWords about bones.\n")
    chosen = {c.name: (c,) for c in CONSTRUCTS if names is None or c.name in names}
    if names is None or MIXED in names:
        chosen[MIXED] = CONSTRUCTS
    for slug, constructs in chosen.items():
        _booklet(root, slug, constructs)
    return chosen


if __name__ == "__main__":
    print(*write_corpus(Path(sys.argv[1])), sep="\n")
