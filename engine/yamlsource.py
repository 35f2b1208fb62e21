"""YAML files that people edit (rules, vocabularies, expected cases) -> plain data with positions.

Loads safely (no tags, no objects) and remembers the line and column of every value, so that a
problem found later, by pydantic or by our own checks, can be reported as `path:line:col: error: ...`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:  # the C loader is about ten times faster on large vocabularies
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader  # type: ignore[assignment]

Location = tuple[str | int, ...]


@dataclass
class YamlDocument:
    path: str
    data: Any
    positions: dict[Location, tuple[int, int]] = field(default_factory=dict)
    # Where a mapping's value starts, for problems inside the value (a condition line) rather
    # than with the key itself; `positions` holds the key's place for those.
    value_positions: dict[Location, tuple[int, int]] = field(default_factory=dict)

    def where(self, location: Location, value: bool = False) -> tuple[int, int]:
        """Line and column (from 1) of the key (or, with `value`, the value) at `location`, or of
        its nearest parent."""
        location = tuple(location)
        if value and location in self.value_positions:
            return self.value_positions[location]
        while location and location not in self.positions:
            location = location[:-1]
        return self.positions.get(location, (1, 1))

    def problem(
        self, location: Location, message: str, level: str = "error", value: bool = False
    ) -> str:
        line, column = self.where(location, value)
        return f"{self.path}:{line}:{column}: {level}: {message}"


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """ " (did you mean 'x'?)" for the closest known name, or "" where none is close."""
    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.75)
    return f" (did you mean '{close[0]}'?)" if close else ""


class YamlSyntaxError(Exception):
    def __init__(self, line: str) -> None:
        super().__init__(line)
        self.line = line


def load_yaml(path: str | Path, display_path: str | None = None) -> YamlDocument:
    """Load one YAML file. Raises `YamlSyntaxError` whose text is one `path:line:col:` line."""
    shown = display_path or str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise YamlSyntaxError(f"{shown}:1:1: error: not UTF-8 text (offset {exc.start})") from None
    except OSError as exc:
        raise YamlSyntaxError(f"{shown}:1:1: error: cannot read: {exc.strerror or exc}") from None
    return parse_yaml(text, shown)


def parse_yaml(text: str, shown: str) -> YamlDocument:
    try:
        node = yaml.compose(text, Loader=SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = exc.problem or exc.context or "invalid YAML"
        context = exc.context or ""
        if context.startswith("while parsing a flow") and exc.context_mark:
            # PyYAML notices an unclosed [ or { only on a later line; the fix is at the bracket.
            mark = exc.context_mark
            bracket = "[" if "sequence" in context else "{"
            reason = f"this '{bracket}' is never closed ({reason})"
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise YamlSyntaxError(f"{shown}:{line}:{column}: error: invalid YAML: {reason}") from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(f"{shown}:1:1: error: invalid YAML: {exc}") from None
    document = YamlDocument(path=shown, data=None)
    if node is None:
        return document
    try:
        document.data = construct(node, (), document.positions, document.value_positions)
    except ValueError as exc:
        raise YamlSyntaxError(
            f"{shown}:{exc.args[1]}:{exc.args[2]}: error: {exc.args[0]}"
        ) from None
    return document


PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)


def construct(
    node: yaml.Node, location: Location, positions: dict, value_positions: dict | None = None
) -> Any:
    positions[location] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if node.tag not in PLAIN_TAGS:
        # Plain data only: a tag such as !!python/object must never reach a constructor.
        raise ValueError(
            f"the tag '{node.tag.replace('tag:yaml.org,2002:', '!!')}' is not allowed: these files "
            "are plain data",
            node.start_mark.line + 1,
            node.start_mark.column + 1,
        )
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise ValueError(
                    "a key must be a plain value",
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                )
            key = scalar(key_node)
            if key in result:
                raise ValueError(
                    f"duplicate key '{key}'",
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                )
            # Keys point at themselves, so "unknown field" errors land on the key, not the value.
            result[key] = construct(value_node, (*location, key), positions, value_positions)
            if value_positions is not None:
                value_positions[(*location, key)] = positions[(*location, key)]
            positions[(*location, key)] = (
                key_node.start_mark.line + 1,
                key_node.start_mark.column + 1,
            )
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            construct(child, (*location, i), positions, value_positions)
            for i, child in enumerate(node.value)
        ]
    return scalar(node)


def scalar(node: yaml.Node) -> Any:
    # Resolving through the safe constructor keeps YAML's own typing (ints, dates, booleans).
    constructor = yaml.constructor.SafeConstructor()
    try:
        return constructor.construct_object(node, deep=True)
    except ValueError as exc:  # e.g. a date that does not exist: 2017-11-31
        kind = "date" if node.tag.endswith(":timestamp") else "value"
        raise ValueError(
            f"invalid {kind} '{node.value}': {exc}",
            node.start_mark.line + 1,
            node.start_mark.column + 1,
        ) from None


def describe_validation_error(document: YamlDocument, error: Any, base: Location = ()) -> list[str]:
    """pydantic errors -> plain-words `path:line:col: error:` lines."""
    problems = []
    for detail in error.errors():
        location = (*base, *detail["loc"])
        kind = detail["type"]
        field_name = detail["loc"][-1] if detail["loc"] else ""
        if kind == "extra_forbidden":
            message = f"unknown field '{field_name}'"
        elif kind == "missing":
            message = f"missing field '{field_name}'"
        else:
            message = f"{'.'.join(str(p) for p in detail['loc'])}: {detail['msg']}".lstrip(": ")
        problems.append(document.problem(location, message))
    return problems
