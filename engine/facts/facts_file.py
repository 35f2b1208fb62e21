"""Facts written by hand (a facts file), checked against the fact catalogue, which override and
complete what the letter or note gives.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from engine.conditions import FieldSpec, normalized, value_fits
from engine.errors import did_you_mean
from engine.facts.model import CaseFacts, Evidence, Fact


class FactsFileError(ValueError):
    """Problems in a facts file, each as `path:line:col: error: message`."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def read_facts_file(path: str | Path, fields: dict[str, FieldSpec]) -> list[Fact]:
    """Facts written by hand in YAML or JSON (`facts: {name: value}`, and per item under
    `items: {N: {name: value}}`), checked against the fact catalogue. They override what was read
    from the letter or note."""
    from engine.yamlsource import YamlSyntaxError, load_yaml

    try:
        document = load_yaml(path)
    except YamlSyntaxError as exc:
        raise FactsFileError([exc.line]) from None
    data = document.data if isinstance(document.data, dict) else None
    if data is None or not set(data) <= {"facts", "items"}:
        raise FactsFileError(
            [
                document.problem(
                    (), "a facts file is a mapping with 'facts:' and optionally 'items:'"
                )
            ]
        )
    problems: list[str] = []
    found: list[Fact] = []
    groups: list[tuple[int | None, Any, tuple]] = [(None, data.get("facts") or {}, ("facts",))]
    for index, values in (data.get("items") or {}).items():
        groups.append((index, values or {}, ("items", index)))
    for item, values, where in groups:
        if not isinstance(values, dict) or (item is not None and not isinstance(item, int)):
            problems.append(
                document.problem(where, "expected 'name: value' lines (items by number)")
            )
            continue
        for name, value in values.items():
            spec = fields.get(name)
            location = (*where, name)
            if spec is None or str(name).startswith("request."):
                problems.append(
                    document.problem(
                        location, f"unknown fact '{name}'{did_you_mean(str(name), fields)}"
                    )
                )
                continue
            if isinstance(value, list):
                value = tuple(value)
            if value is not None and not value_fits(spec.type, value):
                problems.append(
                    document.problem(
                        location, f"'{name}' is {spec.type.value}, but {value!r} is not", value=True
                    )
                )
                continue
            line, _ = document.where(location)
            found.append(
                Fact(
                    name=name,
                    value=normalized(spec.type, value),
                    item=item,
                    evidence=Evidence(source="facts_file", sentence=f"{document.path}:{line}"),
                )
            )
    if problems:
        raise FactsFileError(problems)
    return found


def with_overrides(facts: CaseFacts, overrides: list[Fact]) -> CaseFacts:
    """Facts from a facts file replace the same facts read from the text, and add the rest."""
    replaced = {(f.name, f.item) for f in overrides}
    kept = [f for f in facts.facts if (f.name, f.item) not in replaced]
    return CaseFacts(source=facts.source, facts=kept + overrides)
