"""Read a booklet's own check settings from booklet.yml: `checks:` (rule id: error | warning | off) and `target_grade:`."""

from __future__ import annotations

import dataclasses
import difflib
from pathlib import Path

import yaml

from booklet.check.rules import RULES, SEVERITIES
from booklet.check.subject import DEFAULT_TARGET_GRADE, Settings, key_line
from booklet.problems import SOURCE, Problem, Severity
from booklet.sources.yamlnodes import line_of, scalar


def read_settings(node: yaml.Node | None, path: Path) -> tuple[Settings, list[Problem]]:
    problems: list[Problem] = []

    def error(line: int, message: str) -> None:
        problems.append(Problem(path, line, message, "error", SOURCE))

    if not isinstance(node, yaml.MappingNode):
        return Settings(), problems
    entries = {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode)}
    severities: dict[str, str] = {}
    checks = entries.get("checks")
    if checks is not None and not isinstance(checks, yaml.MappingNode):
        error(line_of(checks), "'checks' should be rule ids with a severity, like\n"
              "checks:\n  long-sentence: error\n  all-caps: off")
    elif checks is not None:
        for key_node, value_node in checks.value:
            rule_id = str(scalar(key_node))
            value = scalar(value_node) if isinstance(value_node, yaml.ScalarNode) else None
            value = "off" if value is False else value      # YAML reads a bare `off` as false
            rule = RULES.get(rule_id)
            if rule is None:
                near = difflib.get_close_matches(rule_id, list(RULES), n=1)
                error(line_of(key_node), f"there is no check rule '{rule_id}'"
                      + (f"; did you mean '{near[0]}'?" if near else " (booklet check --rules lists them)"))
            elif value not in SEVERITIES:
                error(line_of(value_node), f"'{rule_id}' should be error, warning or off, not '{value}'")
            elif not rule.adjustable:
                hint = (" (build with --allow-overdue to release an overdue booklet deliberately)"
                        if rule_id == "review-overdue" else ": a booklet cannot be built with this problem")
                error(line_of(key_node), f"the severity of '{rule_id}' cannot be changed{hint}")
            elif rule.theme:
                error(line_of(key_node), f"'{rule_id}' checks the stylesheets, which every booklet shares,"
                      " so one booklet cannot change it")
            else:
                severities[rule_id] = value
    target = DEFAULT_TARGET_GRADE
    grade = entries.get("target_grade")
    if grade is not None:
        value = scalar(grade) if isinstance(grade, yaml.ScalarNode) else None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 1 <= value <= 18:
            error(key_line(node, "target_grade"), f"'target_grade' should be a school grade from 1 to 18,"
                  f" like 8, not '{value}'")
        else:
            target = float(value)
    return Settings(severities=severities, target_grade=target), problems


def adjusted(problems: list[Problem], settings: Settings) -> list[Problem]:
    """The problems with the booklet's `checks:` applied: a changed severity, or dropped when off."""
    kept = []
    for problem in problems:
        severity = settings.severities.get(problem.rule)
        if severity == "off":
            continue
        kept.append(dataclasses.replace(problem, severity=Severity(severity)) if severity else problem)
    return kept
