"""Write the proof's own pages as HTML: first what changed since the approved edition, last the sign-off table."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from booklet.approval.archive import Record
from booklet.approval.diff import Change, Edit, shortened, summary
from booklet.model import Manifest

KEY = ('<p class="proof-key">How changes are marked (in words and lines, so they show in black and white):'
       ' a bar beside each changed passage;'
       ' <span class="proof-tag proof-tag-inserted">inserted</span><ins>inserted words</ins> underlined;'
       ' <span class="proof-tag proof-tag-deleted">deleted</span><del>deleted words</del> struck through.'
       ' Beside each passage, the file and line it is written at, to name in a comment.</p>')


@dataclass(frozen=True)
class Listed:
    """One row of the first page: where, what happened, before and after in short."""

    where: str
    edit: Edit
    before: str
    after: str


def listed(found: list[Change], where_new, where_old) -> list[Listed]:
    rows = []
    for change in found:
        if change.edit is Edit.CHANGED:
            before, after = summary(change.runs)
            rows.append(Listed(where_new(change.new), change.edit, before, after))
        elif change.edit is Edit.INSERTED:
            rows.append(Listed(where_new(change.new), change.edit, "", shortened(change.new.text)))
        else:
            rows.append(Listed("was " + where_old(change.old), change.edit, shortened(change.old.text), ""))
    return rows


def changes_page(manifest: Manifest, record: Record | None, rows: list[Listed], files: list[str],
                 unreadable: bool = False) -> str:
    """The first page: the edition compared with, and each change in short (or why nothing is marked)."""
    parts = ['<section class="proof-page proof-changes" id="sec-proof-changes" lang="en">',
             f'<h1 class="section-title" id="proof-changes" data-short="Proof">Proof for review:'
             f' {escape(manifest.title)}</h1>']
    if record is None:
        parts.append(f'<p class="proof-none">There is no approved edition of this booklet yet (nothing is kept'
                     f' under _approved/{escape(manifest.slug)}/), so nothing is marked as changed. Once it is'
                     ' signed off, <code>booklet approve</code> keeps the approved edition and later proofs'
                     ' mark what changed since.</p>')
    else:
        who = "; ".join(f"{escape(name)} ({escape(role)})" for role, name in record.reviewers)
        parts.append(f'<p class="proof-since">Compared with the edition approved as {escape(record.reference)}'
                     f' on {escape(record.approved)} by {who}.</p>')
        if unreadable:
            parts.append('<p class="proof-none">That edition could not be read again, so no passage is marked;'
                         ' the files that differ are listed below.</p>')
        elif not rows:
            parts.append('<p class="proof-none">No passage has changed since.</p>')
        else:
            counts = {e: sum(r.edit is e for r in rows) for e in Edit}
            said = ", ".join(f"{n} {e.value}" for e, n in counts.items() if n)
            parts.append(f'<p class="proof-count">{len(rows)} change{"s" * (len(rows) != 1)} ({said}):</p>')
            parts.append('<table class="proof-list"><thead><tr><th scope="col">Where</th><th scope="col">Before</th>'
                         '<th scope="col">After</th></tr></thead><tbody>')
            for row in rows:
                parts.append(f'<tr><td>{escape(row.where)}<br>{row.edit.value}</td>'
                             f'<td>{escape(row.before) or "—"}</td><td>{escape(row.after) or "—"}</td></tr>')
            parts.append('</tbody></table>')
        if files:
            parts.append('<p class="proof-files">Files that differ from the approved edition: '
                         + ", ".join(escape(f) for f in files) + '.</p>')
    parts.append(KEY)
    parts.append('</section>')
    return "\n".join(parts)


def signoff_page(manifest: Manifest) -> str:
    """The last page: a row for each reviewer to sign and date."""
    rows = "".join(f'<tr><td>{escape(r.role)}</td><td>{escape(r.name or "")}</td><td class="proof-sign"></td>'
                   '<td class="proof-sign-date"></td></tr>' for r in manifest.review.reviewers)
    return (f'<section class="proof-page proof-signoff" id="sec-proof-signoff" lang="en">'
            f'<h1 class="section-title" id="proof-signoff" data-short="Sign-off">Clinical sign-off</h1>'
            f'<p>I have reviewed this proof of {escape(manifest.title)} ({escape(manifest.reference)}) and approve'
            ' it for publication, subject to the comments marked on it.</p>'
            '<table class="proof-signatures"><thead><tr><th scope="col">Role</th><th scope="col">Name</th>'
            f'<th scope="col">Signature</th><th scope="col">Date</th></tr></thead><tbody>{rows}</tbody></table>'
            f'<p class="proof-after">Then record it: <code>booklet approve {escape(manifest.slug)}'
            ' --reviewer "ROLE=NAME" ...</code></p></section>')
