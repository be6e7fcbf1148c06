"""Gather what the rules look at: one booklet as read (even partly), its shared sources, and the run's options."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from booklet.check.text import Block, section_blocks
from booklet.compose.strings import region_of
from booklet.model import Manifest, Organisation, Section, SourceText
from booklet.sources.yamlnodes import line_of

DEFAULT_TARGET_GRADE = 8.0


@dataclass(frozen=True)
class Context:
    """The options of one run, the same for every booklet."""

    today: dt.date
    styles: Path
    output: Path | None = None       # where built PDFs are looked for; None: rules needing a PDF are skipped
    allow_overdue: bool = False


@dataclass(frozen=True)
class Settings:
    """`checks:` and `target_grade:` from a booklet.yml."""

    severities: dict[str, str] = field(default_factory=dict)    # rule id -> error | warning | off
    target_grade: float = DEFAULT_TARGET_GRADE


@dataclass(frozen=True)
class Finding:
    """What a rule found, before the run gives it a severity and the rule's id."""

    path: Path
    line: int
    message: str
    severity: str | None = None      # None: the rule's severity; "note" when a rule could not be run


@dataclass(frozen=True)
class Subject:
    """One booklet under check. The manifest is None when it could not be read; sections are
    then those that could be, so their text is still checked."""

    slug: str
    folder: Path
    root: Path
    manifest: Manifest | None
    sections: tuple[Section, ...]
    organisation: Organisation | None
    snippets: dict[str, SourceText]
    context: Context
    settings: Settings = Settings()
    manifest_node: yaml.Node | None = None       # booklet.yml as the reader parsed it
    organisation_node: yaml.Node | None = None   # organisation.yml as the reader parsed it

    @property
    def manifest_path(self) -> Path:
        return self.folder / "booklet.yml"

    @property
    def language(self) -> str:
        return self.manifest.language if self.manifest else "en"

    @property
    def region(self) -> str | None:
        return (self.organisation.country if self.organisation else None) or region_of(self.language)

    @cached_property
    def blocks(self) -> tuple[Block, ...]:
        return section_blocks(self.sections)

    def line_of(self, *keys: str) -> int:
        """The line of a key in booklet.yml (`line_of("review", "next")`), or of the nearest parent given."""
        return key_line(self.manifest_node, *keys)


def key_line(node: yaml.Node | None, *keys: str) -> int:
    """The line of a nested key in a YAML mapping; the deepest key found, else 1."""
    line = 1
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            break
        entry = next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)
        if entry is None:
            break
        line, node = line_of(entry[0]), entry[1]
    return line
