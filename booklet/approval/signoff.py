"""Write a clinical sign-off into booklet.yml's text: status, review date and reviewers' names, comments and key order kept."""

from __future__ import annotations

import datetime as dt
import io
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

    ruamel.yaml reads and writes the file round trip, with the file's own indentation, so its
    comments, key order, quoting and flow lists come back as they were: only the lines of
    `status:`, `reviewed:` and the names change (a missing `name:` is added under its role)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.util import load_yaml_guess_indent
    _, indent, offset = load_yaml_guess_indent(text)
    yaml = YAML()                          # round trip: comments and order are kept
    yaml.preserve_quotes = True
    yaml.width = 100_000                   # never fold a long line
    indent, offset = indent or 2, offset or 0
    yaml.indent(mapping=max(2, indent - offset), sequence=indent, offset=offset)
    data = yaml.load(text)
    review = data.get("review") if hasattr(data, "get") else None
    reviewers = review.get("reviewers") if hasattr(review, "get") else None
    if not isinstance(reviewers, list) or not reviewers:
        raise SignOffError("booklet.yml lists no reviewers under 'review:'; add each reviewer's role first")
    roles = [str(r.get("role", "")) if hasattr(r, "get") else "" for r in reviewers]
    given = dict(sign_off.names)
    unknown = [role for role in given if role not in roles]
    if unknown:
        raise SignOffError(f"'{unknown[0]}' is not a reviewer of this booklet; its reviewers are: "
                           + ", ".join(f"'{r}'" for r in roles))
    recorded = []
    for reviewer, role in zip(reviewers, roles):
        if role in given:
            reviewer["name"] = given[role]
        name = str(reviewer.get("name") or "").strip()
        if not name:
            raise SignOffError(f"the reviewer '{role}' has no name: give it with --reviewer '{role}=NAME'")
        recorded.append((role, name))
    data["status"] = "approved"
    review["reviewed"] = sign_off.date
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue(), tuple(recorded)


def parse_reviewer(value: str) -> tuple[str, str]:
    """ROLE=NAME as typed, each part trimmed; anything else is one line saying what is expected."""
    role, equals, name = value.partition("=")
    if not equals or not role.strip() or not name.strip():
        raise SignOffError(f"--reviewer '{value}' is not ROLE=NAME (like --reviewer 'Consultant Cardiologist"
                           "=Dr R. Okafor')")
    return role.strip(), name.strip()
