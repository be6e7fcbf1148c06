"""Collect the problems found in a booklet's sources and report them the way compilers do."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

SOURCE = "source"                  # the rule of everything the reader finds that has no rule of its own


class Severity(StrEnum):
    """How much a problem matters: an error stops a build, a warning is shown, a note informs."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the sources, at a file and line an editor can jump to."""

    path: Path
    line: int                      # 0: the file as a whole (a PDF, say), printed without a line
    message: str
    severity: Severity = Severity.ERROR
    rule: str = SOURCE             # the rule that found it, printed as [rule]

    def __post_init__(self):
        object.__setattr__(self, "severity", Severity(self.severity))

    def format(self, root: Path | None = None) -> str:
        path = self.path
        if root is not None:
            try:
                path = path.relative_to(root)
            except ValueError:
                pass
        where = f"{path}:{self.line}" if self.line > 0 else f"{path}"
        return f"{where}: {self.severity}: {self.message}" + (f" [{self.rule}]" if self.rule else "")

    def as_row(self) -> list:
        """A JSON-ready row, for the build cache to replay the problem later."""
        return [str(self.path), self.line, self.message, str(self.severity), self.rule]

    @classmethod
    def from_row(cls, row: list) -> "Problem":
        path, line, message, severity, rule = row
        return cls(Path(path), line, message, Severity(severity), rule)


@dataclass
class Problems:
    """A collector owned by one reading pass, so every problem is reported at once."""

    items: list[Problem] = field(default_factory=list)

    def error(self, path: Path, line: int, message: str, rule: str = SOURCE) -> None:
        self.items.append(Problem(path, line, message, Severity.ERROR, rule))

    def warning(self, path: Path, line: int, message: str, rule: str = SOURCE) -> None:
        self.items.append(Problem(path, line, message, Severity.WARNING, rule))

    def extend(self, problems) -> None:
        self.items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == Severity.ERROR]

    def __bool__(self) -> bool:
        return bool(self.items)


class ContentError(Exception):
    """The sources cannot be built; carries every problem found, each once, sorted by place (a file
    two stages read, like theme.yml, is reported by both)."""

    def __init__(self, problems):
        self.problems = tuple(sorted(set(problems)))
        super().__init__("\n".join(p.format() for p in self.problems))


class UsageError(Exception):
    """The command line asks for something that does not exist (exit status 2)."""
