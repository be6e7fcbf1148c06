"""Parse YAML into nodes that remember their line, and read the declared keys from them as typed values."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path
from typing import Any

import yaml

from booklet.problems import SOURCE, Problems
from booklet.sources.keys import Group, Key
from booklet.validity import email_problem, web_problem

MAX_DEPTH = 20                      # nesting of YAML lists and mappings; the format needs 4
YEARS = range(1900, 2200)           # dates outside are typing mistakes (and 9999 + 3 years overflows)
_SCALARS = yaml.SafeLoader("")      # a constructor for scalars only; it holds no document
_NULL = "tag:yaml.org,2002:null"


def parse(text: str, path: Path, problems: Problems, *, first_line: int = 1) -> yaml.Node | None:
    """Compose YAML text into a node tree; a syntax error or too deep a nesting becomes one problem."""
    try:
        depth = 0
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    problems.error(path, first_line + event.start_mark.line, f"this is nested more than"
                                   f" {MAX_DEPTH} levels deep; a booklet's files need only a few")
                    return None
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        problems.error(path, line, f"this is not valid YAML: {exc.problem or exc.context}"
                       " (check the indentation and that each 'key: value' has a space after the colon)")
    except (yaml.YAMLError, RecursionError) as exc:
        problems.error(path, first_line, f"this is not valid YAML: {exc}")
    return None


def line_of(node: yaml.Node, first_line: int = 1) -> int:
    return first_line + node.start_mark.line


def scalar(node: yaml.Node) -> Any:
    """The Python value of a scalar node (str, int, bool, date, None); an impossible date stays text."""
    try:
        return _SCALARS.construct_object(node, deep=True)
    except (ValueError, OverflowError):  # 2026-13-01 looks like a date to YAML but is none
        return node.value
    finally:                             # the constructor would otherwise keep every node it met
        _SCALARS.constructed_objects.clear()
        _SCALARS.recursive_objects.clear()


def is_empty(node: yaml.Node | None) -> bool:
    return node is None or (isinstance(node, yaml.ScalarNode) and node.tag == _NULL)


def written(node: yaml.Node) -> str | None:
    """A scalar exactly as the editor wrote it (0123 stays 0123, 1.50 stays 1.50); None if not a value."""
    if not isinstance(node, yaml.ScalarNode) or is_empty(node):
        return None
    return node.value.strip() or None


class Fields:
    """Read the declared keys of one YAML mapping as typed values, noting each problem with its line.

    Every reader returns None on a problem, so one pass can report everything at once.
    """

    def __init__(self, node: yaml.Node | None, path: Path, problems: Problems, group: Group, *,
                 first_line: int = 1, line: int | None = None):
        self.path, self.problems, self.group, self.first_line = path, problems, group, first_line
        self.where = group.where
        self.line = line if line is not None else (line_of(node, first_line) if node else first_line)
        self.keys: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        if is_empty(node):
            return
        if not isinstance(node, yaml.MappingNode):
            self.error(node, f"{self.where} should be a set of 'key: value' lines")
            return
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
            if key in self.keys:
                self.error(key_node, f"'{key}' is given twice in {self.where}; keep one")
            self.keys[key] = (key_node, value_node)
        self._unknown()

    def error(self, node: yaml.Node | None, message: str, rule: str = SOURCE) -> None:
        self.problems.error(self.path, line_of(node, self.first_line) if node else self.line, message, rule)

    def node(self, name: str) -> yaml.Node | None:
        declared = self.group.key(name)
        if name not in self.keys:
            if declared.required:
                self.problems.error(self.path, self.line, f"{self.where} is missing '{name}'", declared.rule)
            return None
        return self.keys[name][1]

    def line_for(self, name: str) -> int:
        entry = self.keys.get(name)
        return line_of(entry[0], self.first_line) if entry else self.line

    def _key(self, name: str) -> tuple[Key, yaml.Node | None]:
        return self.group.key(name), self.node(name)

    def text(self, name: str) -> str | None:
        key, node = self._key(name)
        if node is None:
            return None
        value = written(node)
        if value is None:
            self.error(node, f"'{name}' should be text" + (", not empty" if is_empty(node) else ""), key.rule)
        return value

    def flag(self, name: str) -> bool:
        key, node = self._key(name)
        default = key.default == "true"
        if node is None:
            return default
        value = scalar(node) if isinstance(node, yaml.ScalarNode) else None
        if not isinstance(value, bool):
            self.error(node, f"'{name}' should be true or false", key.rule)
            return default
        return value

    def choice(self, name: str) -> str | None:
        key, value = self.group.key(name), self.text(name)
        if value is not None and value not in key.choices:
            self.error(self.node(name), f"'{name}' should be one of {', '.join(key.choices)}, not '{value}'",
                       key.rule)
            return None
        return value

    def date(self, name: str) -> dt.date | None:
        key, node = self._key(name)
        if node is None:
            return None
        value = written(node)
        try:
            day = dt.date.fromisoformat(value or "")
        except ValueError:
            self.error(node, f"'{name}' should be a date written YYYY-MM-DD, like 2026-10-01"
                       + (f", not '{value}'" if value else ""), key.rule)
            return None
        if day.year not in YEARS:
            self.error(node, f"'{name}' should be a date between {YEARS.start} and {YEARS.stop - 1},"
                       f" not {value}", key.rule)
            return None
        return day

    def url(self, name: str) -> str | None:
        """The address; a malformed one is reported under web-address and kept, so `checks:` can allow it."""
        return self._valid(name, web_problem)

    def email(self, name: str) -> str | None:
        return self._valid(name, email_problem)

    def _valid(self, name: str, problem_of) -> str | None:
        """The text, kept even when `problem_of` finds it wrong (reported under the key's rule)."""
        key, value = self.group.key(name), self.text(name)
        problem = problem_of(value) if value is not None else None
        if problem:
            self.error(self.node(name), problem, key.rule)
        return value

    def sequence(self, name: str) -> list[yaml.Node] | None:
        key, node = self._key(name)
        if node is None:
            return None
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, f"'{name}' should be a list (lines starting '- ', or [a, b])", key.rule)
            return None
        return list(node.value)

    def _unknown(self) -> None:
        """Keys not declared: usually a typo of a real key."""
        for name, (key_node, _) in self.keys.items():
            if name not in self.group.names and name != "?":
                found = difflib.get_close_matches(name, list(self.group.names), n=1, cutoff=0.6)
                self.error(key_node, f"unknown key '{name}' in {self.where}"
                           + (f"; did you mean '{found[0]}'?" if found else ""))
