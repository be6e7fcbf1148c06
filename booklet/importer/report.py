"""Write what an import could not bring in, with where each thing was, as IMPORT-REPORT.md and as lines."""

from __future__ import annotations

from booklet.importer.model import Omission

REPORT = "IMPORT-REPORT.md"


def report_text(source: str, omissions: list[Omission], changes: str | None, tracked: list[Omission]) -> str:
    lines = [f"# What the import of {source} did not bring in", "",
             "This file is not a section: no booklet.yml lists it. Delete it once each item is dealt with.", ""]
    if tracked:
        verb = "accepted" if changes == "accept" else "rejected"
        lines += [f"## Tracked changes ({len(tracked)}, all {verb})", ""]
        lines += [f"- {o.where}: {o.detail}" for o in tracked] + [""]
    if not omissions:
        lines += ["Nothing was left out."]
    else:
        lines += [f"## Left out or to check ({len(omissions)})", ""]
        lines += [f"- {o.kind.value}, {o.where}: {o.detail}" for o in omissions]
    return "\n".join(lines) + "\n"


def report_lines(path: str, omissions: list[Omission]) -> list[str]:
    """One warning a line, named by the imported file as the other commands name theirs."""
    return [f"{path}: warning: {o.kind.value}, {o.where}: {o.detail}" for o in omissions]
