"""Write a check report for people (grouped by file, with a summary line and a readability table) or as JSON for CI."""

from __future__ import annotations

import json
from itertools import groupby
from pathlib import Path

from booklet.check.readability import Readability, total
from booklet.check.rules import RULES
from booklet.check.run import CheckReport


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def summary(report: CheckReport) -> str:
    files = len({p.path for p in report.problems if p.severity != "note"})
    counts = [plural(report.count("error"), "error"), plural(report.count("warning"), "warning")]
    if report.count("note"):
        counts.append(plural(report.count("note"), "note"))
    checked = plural(len(report.booklets), "booklet")
    if not any(p.severity != "note" for p in report.problems):
        return f"No problems found in {checked}" + (f" ({counts[-1]})." if report.count("note") else ".")
    return f"{', '.join(counts)} in {plural(files, 'file')} ({checked} checked)."


def text_report(report: CheckReport, root: Path | None) -> str:
    """Each problem as FILE:LINE: SEVERITY: MESSAGE [rule], a blank line between files, then the summary."""
    groups = []
    for _, problems in groupby(report.problems, key=lambda p: p.path):
        groups.append("\n".join(p.format(root) for p in problems))
    return "\n\n".join(groups + [summary(report)])


def readability_table(report: CheckReport) -> str:
    """Reading ease, grade and sentence length of each section, and of the whole booklet."""
    out = []
    for slug, sections in report.readability.items():
        rows = [*sections, total("Whole booklet", list(sections))]
        width = max(len(r.title) for r in rows)
        out.append(f"Readability of {slug} (Flesch Reading Ease: higher is easier, 60+ is plain;"
                   " grade: Flesch-Kincaid)")
        out.append(f"{'Section':<{width}}  {'Ease':>5}  {'Grade':>5}  {'Words/sentence':>14}  {'Words':>5}")
        out.extend(_row(r, width) for r in rows)
        out.append("")
    return "\n".join(out).rstrip("\n")


def _row(r: Readability, width: int) -> str:
    return (f"{r.title:<{width}}  {r.reading_ease:5.1f}  {r.grade:5.1f}  {r.words_per_sentence:14.1f}"
            f"  {r.words:5d}")


def json_report(report: CheckReport, root: Path | None) -> str:
    def shown(path: Path) -> str:
        try:
            return str(path.relative_to(root)) if root else str(path)
        except ValueError:
            return str(path)
    return json.dumps({
        "summary": {"errors": report.count("error"), "warnings": report.count("warning"),
                    "notes": report.count("note"), "booklets": list(report.booklets)},
        "problems": [{"path": shown(p.path), "line": p.line, "severity": p.severity, "rule": p.rule,
                      "message": p.message} for p in report.problems],
        "readability": {slug: [dict(r.as_dict(), path=shown(r.path)) for r in rows]
                        for slug, rows in report.readability.items()},
    }, indent=2, ensure_ascii=False)


def rules_table() -> str:
    """Every rule: id, default severity, group and what it finds."""
    width = max(len(rule_id) for rule_id in RULES)
    lines = [f"{'rule':<{width}}  {'default':<7}  what it finds"]
    for rule in RULES.values():
        fixed = "" if rule.adjustable and not rule.theme else " (fixed)"
        lines.append(f"{rule.id:<{width}}  {rule.severity:<7}  {rule.group}: {rule.summary}{fixed}")
    return "\n".join(lines)
