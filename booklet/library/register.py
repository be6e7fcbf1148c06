"""Turn the library's manifests into the review register: one row a booklet, sorted by next review, as text, CSV or JSON."""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
import json
from dataclasses import dataclass

from booklet.check.governance import DUE_SOON_DAYS
from booklet.approval.records import Signed
from booklet.model import Manifest

DEFAULT_WITHIN_DAYS = DUE_SOON_DAYS     # the same window as `booklet check`'s review-due-soon rule
FIELDS = ("slug", "title", "reference", "status", "last_reviewed", "next_review", "days_left", "standing",
          "reviewers", "approval")


class Standing(enum.Enum):
    """Where a booklet stands in its review cycle, in the words the register prints."""

    OVERDUE = "overdue"
    DUE_SOON = "due soon"
    IN_DATE = "in date"


@dataclass(frozen=True)
class ReviewRow:
    slug: str
    title: str
    reference: str
    status: str
    last_reviewed: dt.date
    next_review: dt.date
    days_left: int                 # negative once the review is overdue
    standing: Standing
    reviewers: tuple[str, ...]     # the reviewers' roles
    # The edition signed off (`booklet approve`): its reference, date, each reviewer's role and name (the
    # names the booklet's credits print) and whether it is intact; None for a draft never approved.
    approval: Signed | None = None
    translation: str = ""          # a translation's standing with its source: "translation of x: in step"

    @property
    def approved(self) -> bool:
        return self.status == "approved"

    def as_dict(self) -> dict:
        return {"slug": self.slug, "title": self.title, "reference": self.reference, "status": self.status,
                "last_reviewed": self.last_reviewed.isoformat(), "next_review": self.next_review.isoformat(),
                "days_left": self.days_left, "standing": self.standing.value, "reviewers": list(self.reviewers),
                "approval": self.approval.as_dict() if self.approval else None,
                **({"translation": self.translation} if self.translation else {})}


def review_rows(manifests: tuple[Manifest, ...], *, today: dt.date, within: int = DEFAULT_WITHIN_DAYS,
                approvals: dict[str, Signed] | None = None) -> tuple[ReviewRow, ...]:
    """One row a booklet, the soonest review first (then by slug, so the order never depends on the disk),
    each translation right after its source. `approvals`: each booklet's signed edition, by slug
    (booklet/approval/records.py)."""
    from booklet.translate.staleness import beside_sources, standing as standing_of
    rows = []
    for m in manifests:
        days = (m.review.next - today).days
        standing = Standing.OVERDUE if days < 0 else Standing.DUE_SOON if days <= within else Standing.IN_DATE
        rows.append(ReviewRow(m.slug, m.title, m.reference, m.status, m.review.reviewed, m.review.next, days,
                              standing, tuple(r.role for r in m.review.reviewers), (approvals or {}).get(m.slug),
                              standing_of(m)))
    rows.sort(key=lambda row: (row.next_review, row.slug))
    by_slug = {row.slug: row for row in rows}
    # A translation is listed right after the booklet it translates.
    manifest_of = {m.slug: m for m in manifests}
    return tuple(by_slug[m.slug] for m in beside_sources([manifest_of[row.slug] for row in rows]))


def any_approved_overdue(rows: tuple[ReviewRow, ...]) -> bool:
    """Drafts' dates are plans; only an approved booklet in readers' hands can be overdue in earnest."""
    return any(row.approved and row.standing is Standing.OVERDUE for row in rows)


def days_in_words(days: int) -> str:
    if days == 0:
        return "due today"
    if days < 0:
        return f"{-days} day{'s' * (days != -1)} overdue"
    return f"{days} day{'s' * (days != 1)} left"


def as_text(rows: tuple[ReviewRow, ...], *, today: dt.date, within: int,
            paint=lambda text, standing: text) -> str:
    """A table for a terminal; `paint(text, standing)` may colour a row, the words say it either way."""
    header = ("Next review", "Days left", "Standing", "Status", "Reference", "Slug", "Last reviewed", "Title",
              "Reviewers", "Approval")
    cells = [(r.next_review.isoformat(), str(r.days_left), r.standing.value.upper()
              if r.standing is Standing.OVERDUE else r.standing.value, r.status, r.reference, r.slug,
              r.last_reviewed.isoformat(), r.title + (f" ({r.translation})" if r.translation else ""),
              "; ".join(r.reviewers), r.approval.in_words() if r.approval else "-") for r in rows]
    widths = [max(len(row[i]) for row in [header, *cells]) for i in range(len(header) - 1)]

    def line(row) -> str:
        return "  ".join([*(cell.ljust(width) for cell, width in zip(row, widths)), row[-1]]).rstrip()
    lines = [line(header)] + [paint(line(cells[i]), row.standing) for i, row in enumerate(rows)]
    overdue = sum(r.standing is Standing.OVERDUE for r in rows)
    soon = sum(r.standing is Standing.DUE_SOON for r in rows)
    lines.append("")
    lines.append(f"{len(rows)} booklet{'s' * (len(rows) != 1)} on {today.isoformat()}: {overdue} overdue,"
                 f" {soon} due within {within} days.")
    return "\n".join(lines)


def as_csv(rows: tuple[ReviewRow, ...]) -> str:
    """Spreadsheet-ready: one header row, dates as YYYY-MM-DD, reviewers' roles joined by '; '."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(FIELDS)
    for row in rows:
        values = row.as_dict()
        values["reviewers"] = "; ".join(values["reviewers"])
        values["approval"] = row.approval.in_words() if row.approval else ""
        writer.writerow([values[f] for f in FIELDS])
    return stream.getvalue()


def as_json(rows: tuple[ReviewRow, ...], *, today: dt.date, within: int) -> str:
    return json.dumps({"today": today.isoformat(), "within_days": within,
                       "overdue_approved": any_approved_overdue(rows),
                       "booklets": [row.as_dict() for row in rows]}, indent=2, ensure_ascii=False) + "\n"
