"""The registry of check rules: one entry a rule, naming its id, group, default severity and the function that finds it.

Rules with no function are found while the sources are read (booklet/sources,
booklet/markdown), which gives each problem its rule id where it is raised.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from booklet.approval import drift
from booklet.check import accessibility, correctness, governance, plain, ppi, resources, textsize
from booklet.check.subject import Finding, Subject

SEVERITIES = ("error", "warning", "off")


@dataclass(frozen=True)
class Rule:
    id: str
    group: str                    # governance | accessibility | plain language | correctness | print
    severity: str                 # the default: error or warning
    summary: str                  # one line for `booklet check --rules` and the README
    check: Callable[[Subject], Iterable[Finding]] | None = None
    theme: bool = False           # checks the stylesheets, once a run, not each booklet
    adjustable: bool = True       # may booklet.yml's `checks:` change its severity?


def _rules(*rules: Rule) -> dict[str, Rule]:
    return {rule.id: rule for rule in rules}


RULES: dict[str, Rule] = _rules(
    # Governance
    Rule("review-overdue", "governance", "error", "an approved booklet is past its next-review date"
         " (`booklet build` refuses it unless given --allow-overdue)", governance.review_overdue, adjustable=False),
    Rule("review-due-soon", "governance", "warning", "an approved booklet's next review is due within 90 days",
         governance.review_due_soon),
    Rule("review-order", "governance", "error", "the next review is not after the last review", adjustable=False),
    Rule("reviewer", "governance", "error", "a reviewer has no role, or no name once the booklet is approved", adjustable=False),
    Rule("edition-code", "governance", "error", "the manifest has no `reference:` (the edition code)", adjustable=False),
    Rule("placeholder", "governance", "warning", "booklet.yml still says 'TO FILL IN' where booklet import left"
         " a value to give (an error once approved)", governance.placeholder),
    Rule("approved-edition", "governance", "error", "an approved booklet's sources differ from the edition archived"
         " by `booklet approve`", drift.approved_edition, adjustable=False),
    Rule("approval-archive", "governance", "warning", "an approved booklet has no edition archived by"
         " `booklet approve` to keep it from drifting (approved by hand)", drift.approval_archive),
    Rule("stale-translation", "governance", "warning", "a translated passage whose source changed since it was"
         " translated, or a source passage not yet translated (an error once the translation is approved)",
         governance.stale_translation),
    Rule("evidence", "governance", "error", "the manifest has no `evidence:` statement", adjustable=False),
    Rule("feedback-route", "governance", "error", "organisation.yml gives readers no way to send feedback", adjustable=False),
    # Accessibility
    Rule("missing-alt", "accessibility", "error", "a picture has no alt text and is not marked {decorative}", adjustable=False),
    Rule("alt-text", "accessibility", "error", "alt text is a file name, or only \"image\", \"picture\" and the like",
         accessibility.alt_text),
    Rule("heading-levels", "accessibility", "error", "a heading skips a level (## then ####)",
         accessibility.heading_levels),
    Rule("table-header", "accessibility", "error", "a table's header row is empty", accessibility.table_header),
    Rule("link-text", "accessibility", "warning", "link words that make no sense alone (\"click here\","
         " \"read more\", \"here\", \"back to top\")", accessibility.link_text),
    Rule("bare-url", "accessibility", "warning", "a web address typed into running text instead of a link",
         accessibility.bare_url),
    Rule("contrast", "accessibility", "error", "a text colour in styles/*.css has less than 4.5:1 contrast with"
         " its background (3:1 for large text)", theme=True),
    Rule("body-text-size", "accessibility", "error", "body text in a built PDF is under 12 pt (16 pt in"
         " large print)", textsize.body_text_size),
    # Plain language
    Rule("long-sentence", "plain language", "warning", "a sentence has more than 25 words", plain.long_sentence),
    Rule("reading-grade", "plain language", "warning", "a section reads above the booklet's target grade"
         " (`target_grade:`, default 8)", plain.reading_grade),
    Rule("latin-abbreviation", "plain language", "warning", "\"e.g.\", \"i.e.\" or \"etc.\"",
         plain.latin_abbreviation),
    Rule("abbreviation", "plain language", "warning", "an abbreviation in capitals is not spelled out at its"
         " first use", plain.abbreviation),
    Rule("all-caps", "plain language", "warning", "a passage written in capitals", plain.all_caps),
    # Correctness
    Rule("unknown-contact", "correctness", "error", "`::: contact ID` or `contacts:` names no contact in"
         " organisation.yml", adjustable=False),
    Rule("unknown-snippet", "correctness", "error", "`::: snippet ID` or `- snippet:` names no shared snippet", adjustable=False),
    Rule("unknown-booklet", "correctness", "error", "a `booklet:SLUG` link or related `slug:` names no booklet", adjustable=False),
    Rule("broken-anchor", "correctness", "error", "a `#anchor` link leads to no section, heading or id",
         correctness.broken_anchor),
    Rule("phone-number", "correctness", "error", "a phone number is not valid in the booklet's country",
         correctness.phone_number),
    Rule("email-address", "correctness", "error", "a malformed email address", correctness.email_address),
    Rule("web-address", "correctness", "error", "a malformed web address", correctness.web_address),
    # Print
    Rule("image-resolution", "print", "warning", "a raster picture is under 300 ppi at its printed size",
         ppi.low_resolution),
    Rule("refused-resource", "print", "error", "a picture, the logo or a style attribute loads a file outside the"
         " sources, a non-file or a web address", resources.refused_resources, adjustable=False),
    # Everything else the reader finds: a booklet that cannot be read cannot be built.
    Rule("source", "sources", "error", "the sources cannot be read as written (YAML, front matter, unknown"
         " keys, missing files...)", adjustable=False),
)
