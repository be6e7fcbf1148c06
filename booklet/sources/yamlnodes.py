"""Parse YAML into nodes that remember their line, and read typed fields from them."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from booklet.problems import Problems

_SCALARS = yaml.SafeLoader("")  # a constructor for scalars only; it holds no document


def parse(text: str, path: Path, problems: Problems, *, first_line: int = 1) -> yaml.Node | None:
    """Compose YAML text into a node tree; a syntax error becomes one problem."""
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        problems.error(path, line, f"this is not valid YAML: {exc.problem or exc.context}"
                       " (check the indentation and that each 'key: value' has a space after the colon)")
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - defensive: other YAML failures
        problems.error(path, first_line, f"this is not valid YAML: {exc}")
        return None


def line_of(node: yaml.Node, first_line: int = 1) -> int:
    return first_line + node.start_mark.line


def scalar(node: yaml.Node) -> Any:
    """The Python value of a scalar node (str, int, bool, date, None); an impossible date stays text."""
    try:
        return _SCALARS.construct_object(node, deep=True)
    except ValueError:  # 2026-13-01 looks like a date to YAML but is none
        return node.value


class Fields:
    """Read the keys of one YAML mapping as typed values, noting each problem with its line.

    Every reader returns None on a problem, so one pass can report everything at once.
    """

    def __init__(self, node: yaml.Node | None, path: Path, problems: Problems, *,
                 where: str, first_line: int = 1, line: int | None = None):
        self.path, self.problems, self.where, self.first_line = path, problems, where, first_line
        self.line = line if line is not None else (line_of(node, first_line) if node else first_line)
        self.keys: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        self.seen: set[str] = set()
        if node is None or (isinstance(node, yaml.ScalarNode) and scalar(node) is None):
            return
        if not isinstance(node, yaml.MappingNode):
            self.error(node, f"{where} should be a set of 'key: value' lines")
            return
        for key_node, value_node in node.value:
            key = str(scalar(key_node)) if isinstance(key_node, yaml.ScalarNode) else "?"
            if key in self.keys:
                self.error(key_node, f"'{key}' is given twice in {where}; keep one")
            self.keys[key] = (key_node, value_node)

    def error(self, node: yaml.Node | None, message: str) -> None:
        self.problems.error(self.path, line_of(node, self.first_line) if node else self.line, message)

    def node(self, key: str, *, required: bool = False) -> yaml.Node | None:
        self.seen.add(key)
        if key not in self.keys:
            if required:
                self.problems.error(self.path, self.line, f"{self.where} is missing '{key}'")
            return None
        return self.keys[key][1]

    def line_for(self, key: str) -> int:
        entry = self.keys.get(key)
        return line_of(entry[0], self.first_line) if entry else self.line

    def text(self, key: str, *, required: bool = False) -> str | None:
        node = self.node(key, required=required)
        if node is None:
            return None
        value = scalar(node) if isinstance(node, yaml.ScalarNode) else None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)) or str(value).strip() == "":
            self.error(node, f"'{key}' should be text" + (", not empty" if value in ("", None) else ""))
            return None
        return str(value).strip()

    def flag(self, key: str, default: bool) -> bool:
        node = self.node(key)
        if node is None:
            return default
        value = scalar(node) if isinstance(node, yaml.ScalarNode) else None
        if not isinstance(value, bool):
            self.error(node, f"'{key}' should be true or false")
            return default
        return value

    def choice(self, key: str, options: tuple[str, ...], *, required: bool = False) -> str | None:
        value = self.text(key, required=required)
        if value is not None and value not in options:
            self.error(self.node(key), f"'{key}' should be one of {', '.join(options)}, not '{value}'")
            return None
        return value

    def date(self, key: str, *, required: bool = False) -> dt.date | None:
        node = self.node(key, required=required)
        if node is None:
            return None
        value = scalar(node) if isinstance(node, yaml.ScalarNode) else None
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value.strip())
            except ValueError:
                value = None
        if not isinstance(value, dt.date):
            self.error(node, f"'{key}' should be a date written YYYY-MM-DD, like 2026-10-01")
            return None
        return value

    def url(self, key: str, *, required: bool = False) -> str | None:
        value = self.text(key, required=required)
        if value is not None and not re.fullmatch(r"https?://[^\s/]+\.[^\s]*", value):
            self.error(self.node(key), f"'{key}' should be a web address starting https://, not '{value}'")
            return None
        return value

    def sequence(self, key: str, *, required: bool = False) -> list[yaml.Node] | None:
        node = self.node(key, required=required)
        if node is None:
            return None
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, f"'{key}' should be a list (lines starting '- ', or [a, b])")
            return None
        return list(node.value)

    def finish(self, allowed: tuple[str, ...] | None = None) -> None:
        """Report keys nobody asked for: usually a typo of a real key."""
        for key, (key_node, _) in self.keys.items():
            if key not in self.seen:
                hint = _closest(key, allowed or tuple(self.seen))
                self.error(key_node, f"unknown key '{key}' in {self.where}"
                           + (f"; did you mean '{hint}'?" if hint else ""))


def _closest(word: str, options) -> str | None:
    import difflib
    found = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return found[0] if found else None
