"""A library the sample never saw: the Harbour Heart Trust (its own font, colours, logo and wording), with a
draft booklet on medicines that has a commented manifest, a shared snippet, a table, a list and a picture."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import write_tree
from tests.theme.test_reader import HARBOUR

SLUG = "heart-medicines"

MANIFEST = """\
# Harbour Heart Trust: the medicines booklet. Keep the reference in step with the print order.
title: Your heart medicines
subtitle: A guide for people with heart failure
language: en-GB
reference: HHT-MED-2027-01      # the edition code
status: draft                   # approved once the pharmacist signs it off
published: 2027-01
review:
  reviewed: 2026-11-02
  # next: left to the default, three years on
  reviewers:
    - role: Consultant Cardiologist      # the lead clinician
    - role: Cardiology Pharmacist
evidence: "Our information team holds the sources: ask for them by email."
contacts: [heart-line]
numbered: false
sections:
  - taking.md
  - snippet: side-effects
    title: Side effects
  - questions.md
variants: [download]
"""

TAKING = """\
---
title: Taking your medicines
---

Most people with heart failure take three or four medicines each day.
Take them at the same times each day, even when you feel well.

![A weekly pill box with seven compartments](images/pillbox.png "A pill box helps you keep track")

| Medicine | What it does |
|---|---|
| Water tablet | Helps your body lose extra fluid |
| Beta blocker | Slows your heart so it pumps better |

- Keep a list of your medicines in your wallet.
- Bring the list to every appointment.
"""

SIDE_EFFECTS = """\
---
title: Side effects
---

Some medicines make you dizzy when you stand up. Stand up slowly.

::: warning
Call the Heart Line if your ankles swell quickly.
:::
"""

QUESTIONS = """\
---
title: Questions to ask
---

Your pharmacist can answer questions about your medicines.

## Before you start a new medicine

- Why do I need it?
- When should I take it?
"""


def write_library(root: Path) -> Path:
    """The Harbour sources with the draft medicines booklet beside its approved heart-health one."""
    shutil.copytree(HARBOUR, root)
    write_tree(root, {f"{SLUG}/booklet.yml": MANIFEST, f"{SLUG}/taking.md": TAKING,
                      f"{SLUG}/questions.md": QUESTIONS, "_shared/snippets/side-effects.md": SIDE_EFFECTS})
    from PIL import Image
    (root / SLUG / "images").mkdir()
    Image.new("RGB", (600, 300), (11, 85, 99)).save(root / SLUG / "images" / "pillbox.png")
    return root


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return write_library(tmp_path / "harbour")
