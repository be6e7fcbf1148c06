"""Run the check rules over booklets: give each finding its rule id and severity, and gather a report (or stop a build)."""

from __future__ import annotations

import json
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from booklet import STYLES
from booklet.cache import CACHE_FOLDER, Inputs, key_of, tool_files
from booklet.files import write_atomically
from booklet.check.plain import section_readability
from booklet.check.readability import Readability
from booklet.check.reading import subjects_of
from booklet.check.rules import RULES
from booklet.check.subject import Context, Subject
from booklet.problems import ContentError, Problem, Problems
from booklet.render.variants import VARIANTS
from booklet.sources.folders import booklet_folders
from booklet.sources.reader import Reading, read_sources

RANK = {"error": 0, "warning": 1, "note": 2}
# A build measures pictures on its laid-out pages (booklet/render/resolution.py), more exactly
# than the sources allow, so its gate leaves this rule to it rather than warn twice.
MEASURED_BY_BUILD = ("image-resolution",)


@dataclass(frozen=True)
class CheckRequest:
    root: Path                               # the sources root (holds _shared/)
    folders: tuple[Path, ...] = ()           # the booklets to check; empty means all under root
    styles: Path = STYLES
    output: Path | None = None               # where built PDFs are read; None: rules needing one are skipped
    today: dt.date | None = None             # None: the clock's date
    allow_overdue: bool = False


@dataclass(frozen=True)
class CheckReport:
    problems: tuple[Problem, ...]            # in file order, then line
    booklets: tuple[str, ...]
    readability: dict[str, tuple[Readability, ...]] = field(default_factory=dict)   # by slug

    def count(self, severity: str) -> int:
        return sum(p.severity == severity for p in self.problems)

    @property
    def errors(self) -> int:
        return self.count("error")


def check(request: CheckRequest) -> CheckReport:
    """Read the booklets (as far as each can be read) and run every rule; never raises for content."""
    folders = list(request.folders) or booklet_folders(request.root)
    context = Context(today=request.today or dt.date.today(), styles=request.styles, output=request.output,
                      allow_overdue=request.allow_overdue)
    reading = read_sources(request.root, folders, variants=tuple(VARIANTS))
    subjects = subjects_of(reading, context)
    problems = reading.all_problems()
    for subject in subjects:
        problems.extend(booklet_problems(subject))
    # The contrast is remembered beside the built PDFs, as a build remembers it: a check after a
    # build (or another check) with the same stylesheets, fonts, theme and tool lays nothing out.
    remember = request.output / CACHE_FOLDER if request.output is not None else None
    problems.extend(theme_problems(request.styles, remember, root=request.root))
    readability = {s.slug: tuple(rows) for s in subjects if (rows := section_readability(s))}
    return CheckReport(problems=tuple(ordered(problems, _file_order(request, subjects))),
                       booklets=tuple(s.slug for s in subjects), readability=readability)


def booklet_problems(subject: Subject, only: tuple[str, ...] = (), skip: tuple[str, ...] = ()) -> list[Problem]:
    """Every booklet rule over one booklet, each finding with its rule id and this booklet's severity."""
    problems = []
    for rule in RULES.values():
        if rule.check is None or rule.theme or (only and rule.id not in only) or rule.id in skip:
            continue
        severity = subject.settings.severities.get(rule.id, rule.severity)
        if severity == "off":
            continue
        for finding in rule.check(subject):
            problems.append(Problem(finding.path, finding.line, finding.message, finding.severity or severity, rule.id))
    return problems


def theme_problems(styles: Path, remember: Path | None = None, *, root: Path | None = None) -> list[Problem]:
    """Mistakes in the sources root's theme.yml, else the contrast of the theme it gives. Laying out
    the specimen takes most of a second, so with `remember` (a folder) the answer is kept per content
    of the stylesheets, fonts, theme files and tool."""
    theme = _theme_state(styles, remember, root)
    if theme.known is not None:
        return theme.noted + theme.known
    from booklet.check.contrast import contrast      # loads WeasyPrint: only when it must measure
    rule = RULES["contrast"]
    found = [Problem(f.path, f.line, f.message, f.severity or rule.severity, rule.id)
             for f in contrast(styles, theme.theme)]
    if theme.record is not None:
        try:
            write_atomically(theme.record, json.dumps([p.as_row() for p in found]).encode())
        except OSError:
            pass                # only a shortcut (a read-only output folder, say): the next run measures again
    return theme.noted + found


def known_theme_problems(styles: Path, remember: Path | None, *, root: Path | None = None) -> list[Problem] | None:
    """What theme_problems would say, when that needs no measuring (the theme's mistakes, or a
    remembered contrast); None when the specimen must be laid out."""
    theme = _theme_state(styles, remember, root)
    return None if theme.known is None else theme.noted + theme.known


@dataclass(frozen=True)
class _ThemeState:
    """The theme as read, what is already known of its problems, and where its contrast is remembered."""

    theme: object                       # booklet.theme.Theme
    noted: list[Problem]                # the reader's warnings, reported whatever the contrast
    known: list[Problem] | None         # its errors, or the remembered contrast; None: measure it
    record: Path | None = None          # the file that remembers the contrast


def _theme_state(styles: Path, remember: Path | None, root: Path | None) -> _ThemeState:
    from booklet.theme.reader import HOUSE_THEME, read_theme
    read = Problems()
    theme = read_theme(root, read)
    noted = list(read.items)
    if read.errors:
        return _ThemeState(theme, [], noted)
    if not theme.files and styles.resolve() == STYLES:
        # The house style as shipped, with no theme of the publisher's: its contrast is a fact about
        # this package, measured by its tests (tests/check/test_contrast.py), not again at each build.
        return _ThemeState(theme, noted, [])
    if remember is None:
        return _ThemeState(theme, noted, None)
    files = sorted(styles.glob("*.css")) + sorted((styles / "fonts").glob("*")) + tool_files()
    files += [HOUSE_THEME, *theme.files]
    record = remember / f"contrast-{key_of(Inputs(tuple(files), 'contrast'), {})[:32]}.json"
    try:
        return _ThemeState(theme, noted, [Problem.from_row(row) for row in json.loads(record.read_text())], record)
    except (OSError, ValueError):
        return _ThemeState(theme, noted, None, record)


def gate_build(reading: Reading, *, styles: Path, check: bool = True, allow_overdue: bool = False,
               today: dt.date | None = None, remember: Path | None = None, theme: bool = True) -> list[Problem]:
    """What `booklet build` runs before rendering: the reader's problems and the checks that need no PDF,
    so a build reports what `booklet check` reports.

    Raises ContentError (listing warnings too) when any is an error; returns the warnings.
    With check=False only the review date is checked: releasing an overdue booklet
    always needs --allow-overdue.
    """
    context = Context(today=today or dt.date.today(), styles=styles, output=None, allow_overdue=allow_overdue)
    subjects, problems = subjects_of(reading, context), reading.all_problems()
    if not check:
        problems.extend(p for s in subjects for p in booklet_problems(s, only=("review-overdue",)))
    else:
        for subject in subjects:
            problems.extend(booklet_problems(subject, skip=MEASURED_BY_BUILD))
        if theme:                       # the build may measure the theme alongside its rendering instead
            problems.extend(theme_problems(styles, remember, root=reading.root))
    problems = unique(problems)
    if any(p.severity == "error" for p in problems):
        raise ContentError(problems)
    return [p for p in problems if p.severity == "warning"]


def unique(problems: list[Problem]) -> list[Problem]:
    """Each problem once: a shared snippet or contact is checked with every booklet that uses it."""
    seen, kept = set(), []
    for problem in problems:
        key = (problem.path, problem.line, problem.message, problem.rule)
        if key not in seen:
            seen.add(key)
            kept.append(problem)
    return kept


def ordered(problems: list[Problem], files: list[Path]) -> list[Problem]:
    """Grouped by file in reading order (styles, shared files, then each booklet's), then by line."""
    position = {path: index for index, path in enumerate(files)}
    return sorted(unique(problems), key=lambda p: (position.get(p.path, len(position)), str(p.path), p.line,
                                                   RANK.get(p.severity, 3), p.rule, p.message))


def _file_order(request: CheckRequest, subjects: list[Subject]) -> list[Path]:
    files = sorted(request.styles.glob("*.css")) + [request.root / "_shared" / "organisation.yml",
                                                     request.root / "_shared" / "theme.yml"]
    files += sorted((request.root / "_shared" / "snippets").glob("*.md"))
    for subject in subjects:
        files.append(subject.manifest_path)
        files.extend(section.path for section in subject.sections)
        files.extend(sorted(subject.folder.glob("*.md")))
        if request.output is not None:
            files.extend(sorted((request.output / subject.slug).glob("*.pdf")))
    return list(dict.fromkeys(files))
