"""Compare an approved booklet's next-review date with today: overdue is an error, due within 90 days a warning."""

from __future__ import annotations

from booklet.check.subject import Finding, Subject
from booklet.compose.strings import format_date

DUE_SOON_DAYS = 90


def _days_left(subject: Subject) -> int | None:
    """Days until the next review of an approved booklet; None for drafts, whose dates are plans."""
    manifest = subject.manifest
    if manifest is None or manifest.draft:
        return None
    return (manifest.review.next - subject.context.today).days


def review_overdue(subject: Subject):
    days = _days_left(subject)
    if days is None or days >= 0:
        return
    due = format_date(subject.manifest.review.next, subject.manifest.language)
    late = f"{-days} day{'s' * (days != -1)} ago"
    if subject.context.allow_overdue:
        yield Finding(subject.manifest_path, subject.line_of("review", "next"),
                      f"the next review was due on {due} ({late}); released anyway because of --allow-overdue",
                      severity="warning")
        return
    yield Finding(subject.manifest_path, subject.line_of("review", "next"),
                  f"the next review was due on {due} ({late}): an overdue booklet must not be released."
                  " Have it reviewed and update 'review:' (or, deliberately, build with --allow-overdue)")


def review_due_soon(subject: Subject):
    days = _days_left(subject)
    if days is None or not 0 <= days <= DUE_SOON_DAYS:
        return
    due = format_date(subject.manifest.review.next, subject.manifest.language)
    when = "today" if days == 0 else f"in {days} day{'s' * (days != 1)}"
    yield Finding(subject.manifest_path, subject.line_of("review", "next"),
                  f"the next review is due {when} ({due}): plan the clinical review now")


PLACEHOLDER = "TO FILL IN"     # what `booklet import` writes where only the editor knows the answer


def placeholder(subject: Subject):
    """Each value of booklet.yml still holding the importer's placeholder: a warning in a draft, an error once
    approved (nothing can be signed off with it)."""
    import yaml
    stack = [subject.manifest_node] if subject.manifest_node is not None else []
    seen: set[int] = set()          # an alias can make the node graph a circle (`&a [*a]`)
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(value for _, value in reversed(node.value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, yaml.ScalarNode) and PLACEHOLDER in str(node.value):
            approved = subject.manifest is not None and not subject.manifest.draft
            yield Finding(subject.manifest_path, node.start_mark.line + 1,
                          f"'{PLACEHOLDER}' is still here: give the real value (written by booklet import)",
                          severity="error" if approved else "warning")


def stale_translation(subject: Subject):
    """Translated passages whose source changed since (booklet/translate/staleness.py, loaded only here:
    the translation tools read sources as the reader does)."""
    from booklet.translate.staleness import stale_translation as found
    yield from found(subject)
