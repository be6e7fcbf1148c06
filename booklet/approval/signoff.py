"""Write a clinical sign-off into booklet.yml's text: status, review date and reviewers' names, comments and key order kept."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass


class SignOffError(ValueError):
    """The manifest cannot take the sign-off as asked: one line for the editor."""


@dataclass(frozen=True)
class SignOff:
    """What an approval records: the date and a name for each reviewer's role."""

    date: dt.date
    names: tuple[tuple[str, str], ...]        # (role, name), as given on the command line


def signed(text: str, sign_off: SignOff) -> tuple[str, tuple[tuple[str, str], ...]]:
    """booklet.yml's text with the sign-off in it, and every reviewer's (role, name) as recorded.

    ruamel.yaml reads the file round trip, which tells where each value was written; the new values
    are put in at those places (a missing `name:` on a line of its own under its `role:`), so every
    other byte stays as the editor wrote it: comments, key order, quoting, indentation, flow lists."""
    data = _load(text)
    review = data.get("review") if hasattr(data, "get") else None
    reviewers = review.get("reviewers") if hasattr(review, "get") else None
    if not isinstance(reviewers, list) or not reviewers or "status" not in data or "reviewed" not in review:
        raise SignOffError("booklet.yml needs 'status:', 'review: reviewed:' and each reviewer's role under"
                           " 'review: reviewers:' before it can be approved")
    roles = [str(r.get("role", "")) if hasattr(r, "get") else "" for r in reviewers]
    given = dict(sign_off.names)
    unknown = [role for role in given if role not in roles]
    if unknown:
        raise SignOffError(f"'{unknown[0]}' is not a reviewer of this booklet; its reviewers are: "
                           + ", ".join(f"'{r}'" for r in roles))
    lines = text.splitlines(keepends=True)
    edits = [(*data.lc.value("status"), "approved"), (*review.lc.value("reviewed"), sign_off.date.isoformat())]
    inserts, recorded = [], []
    for reviewer, role in zip(reviewers, roles):
        name = given.get(role) or str(reviewer.get("name") or "").strip()
        if not name:
            raise SignOffError(f"the reviewer '{role}' has no name: give it with --reviewer '{role}=NAME'")
        recorded.append((role, name))
        if role not in given:
            continue
        if "name" in reviewer:
            edits.append((*reviewer.lc.value("name"), _scalar(name)))
        else:
            line, column = reviewer.lc.key("role")
            inserts.append((line, " " * column + f"name: {_scalar(name)}"))
    for line, column, value in edits:
        lines[line] = _replaced(lines[line], column, value)
    for line, new in sorted(inserts, reverse=True):
        ending = "\n" if lines[line].endswith("\n") else ""
        lines[line] = lines[line] if ending else lines[line] + "\n"
        lines.insert(line + 1, new + "\n")
    result = "".join(lines)
    if not _says(result, sign_off.date, recorded):
        raise SignOffError("booklet.yml is written in a way the sign-off cannot be put into without"
                           " changing its meaning (a reviewer in {braces}, say): write each reviewer as"
                           " '- role: ...' on its own line")
    return result, tuple(recorded)


def _load(text: str):
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError
    try:
        return YAML().load(text)         # round trip: keeps where each key and value was written
    except YAMLError as exc:             # `booklet check` refuses such a file first: this is a last guard
        raise SignOffError(f"booklet.yml cannot be read as YAML: {str(exc).splitlines()[0]}") from None


PLAIN = re.compile(r"[A-Za-z0-9][^:#\n\"'{}\[\],&*!|>%@`]*")


def _scalar(value: str) -> str:
    """A name as YAML: as typed when that reads back the same, else in double quotes."""
    if PLAIN.fullmatch(value) and value == value.strip():
        return value
    return json.dumps(value, ensure_ascii=False)


VALUE_END = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\']|\'\')*\'|[^#\n]*?(?=\s+#|\s*$)')


def _replaced(line: str, column: int, value: str) -> str:
    """The line with the value written at `column` replaced; a comment after it stays in its column
    when there is room (at least one space before it)."""
    match = VALUE_END.match(line, column)
    end = match.end() if match else column
    rest = line[end:]
    spaces = len(rest) - len(rest.lstrip(" "))
    if rest.strip().startswith("#"):
        spaces = max(1, spaces - (len(value) - (end - column)))
    return line[:column] + value + " " * spaces + rest.lstrip(" ") if rest.strip().startswith("#") else \
        line[:column] + value + rest


def _says(text: str, date: dt.date, recorded: list[tuple[str, str]]) -> bool:
    """The text reads back as the sign-off: approved, on the date, each reviewer with their name."""
    try:
        data = _load(text)
        review = data["review"]
        return (data["status"] == "approved" and str(review["reviewed"]) == date.isoformat()
                and [(str(r["role"]), str(r.get("name"))) for r in review["reviewers"]] == list(recorded))
    except (SignOffError, KeyError, TypeError, AttributeError):
        return False


def parse_reviewer(value: str) -> tuple[str, str]:
    """ROLE=NAME as typed, each part trimmed; anything else is one line saying what is expected."""
    role, equals, name = value.partition("=")
    if not equals or not role.strip() or not name.strip():
        raise SignOffError(f"--reviewer '{value}' is not ROLE=NAME (like --reviewer 'Consultant Cardiologist"
                           "=Dr R. Okafor')")
    return role.strip(), name.strip()
