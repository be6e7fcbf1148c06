"""A small library unlike the sample: another publisher, wording and structure, with every construct a translator meets."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from booklet.cli import main
from tests.conftest import write_tree

SLUG = "heart-failure"
PICTURE = ('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="120" viewBox="0 0 200 120">'
           '<rect x="4" y="4" width="192" height="112" fill="#e8f0f8" stroke="#1d3f6b" stroke-width="4"/></svg>')

FILES = {
    "_shared/organisation.yml": """\
        name: Northern Heart Trust
        website: https://www.heart.example.org
        country: GB
        feedback:
          email: comments@heart.example.org
        contacts:
          nurses:
            title: Heart nurses
            phone: 0161 496 0000
            hours: Weekdays, 8am to 6pm
            text: Ask a heart nurse anything.
        """,
    "_shared/snippets/your-rights.md": """\
        ---
        title: Your rights
        ---

        You can ask for a **second opinion** at any time.
        """,
    "_shared/snippets/signs.md": """\
        Call 999 if you have chest pain that does not go away.
        """,
    f"{SLUG}/booklet.yml": """\
        title: Living with heart failure
        subtitle: A guide for patients and carers
        language: en-GB
        reference: NHT-HF-04
        status: draft
        published: 2026-05
        review:
          reviewed: 2026-04-02
          reviewers:
            - role: Heart Failure Specialist Nurse
        evidence: Our sources are listed on our website.
        contacts: [nurses]
        sections:
          - basics.md
          - snippet: your-rights
            title: What you can ask for
          - daily.md
        related:
          - title: Eating well with a heart condition
            url: https://www.heart.example.org/eating
        """,
    f"{SLUG}/basics.md": """\
        ---
        title: What heart failure means
        short_title: The basics
        ---

        Heart failure means your heart does not pump blood
        as well as it should. It does *not* mean your heart has stopped.

        ![A heart with arrows showing blood flowing out](images/heart.svg "How blood leaves the heart"){credit="Artwork: Pumpwell Studio"}

        ## Common signs

        1. Feeling out of breath
        2. Swollen ankles, see [the NHS page](https://www.nhs.uk/conditions/heart-failure/)
           and ask your nurse.
        3. Tiredness

        ::: snippet signs

        Your nurse will check your weight.[^w] Write it in a `diary.txt` file or a notebook.

        [^w]: Weigh yourself every morning, before breakfast.

        *[BNP]: B-type natriuretic peptide

        A blood test called BNP helps find heart failure. Say [Diolch]{lang=cy} to your nurse!
        """,
    f"{SLUG}/daily.md": """\
        ---
        title: Day to day
        ---

        | Medicine | What it does |
        |---|---|
        | Diuretics | Remove extra fluid |
        | Beta blockers | Slow the heart |

        ::: warning Ring straight away
        If your weight goes up by 2 kg in 3 days, phone 0161 496 0000.
        :::

        ::: contact nurses

        - Take your tablets at the same time each day.
          - Use a pill box if it helps.
        - Keep moving, gently.
        """,
    f"{SLUG}/images/heart.svg": PICTURE,
}


def make_library(root: Path) -> Path:
    return write_tree(root, FILES)


def run(*args: str):
    """The command line, as a user runs it: exit code and output (errors included)."""
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output
