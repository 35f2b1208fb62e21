"""End-to-end cases: every folder under cases/ holds a letter and an expected.yaml.

pytest finds the cases by globbing; the test id names the case and the item. Refresh the parsed
part of the expected files with `pytest tests/test_cases.py --update-golden`, then read the diff.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO

from engine.letters import parse_letter_file
from engine.records import item_record

CASES = sorted(p.parent for p in (REPO / "cases").glob("*/expected.yaml"))
PARSED_FIELDS = (
    "request",
    "original_request",
    "decision",
    "decision_source",
    "service",
    "perioperative",
    "regions",
    "quantity",
)


def letter_of(case_dir: Path) -> Path:
    expected = yaml.safe_load((case_dir / "expected.yaml").read_text(encoding="utf-8"))
    return case_dir / expected.get("letter", "letter.txt")


def parsed_items(case_dir: Path, vocabulary) -> list[dict[str, Any]]:
    case = parse_letter_file(letter_of(case_dir), vocabulary)
    items = []
    for item in case.items:
        record = item_record(item)
        entry = {"index": record["index"]} | {name: record[name] for name in PARSED_FIELDS}
        # Only what the request states: a quantity's empty fields would drown the real ones.
        entry["quantity"] = {k: v for k, v in entry["quantity"].items() if v not in (None, False)}
        items.append(entry)
    return items


def expected_items(case_dir: Path) -> list[dict[str, Any]]:
    return yaml.safe_load((case_dir / "expected.yaml").read_text(encoding="utf-8"))["items"]


def test_cases_exist() -> None:
    assert len(CASES) >= 5


@pytest.mark.parametrize("case_dir", CASES, ids=lambda p: p.name)
def test_case_items(case_dir: Path, vocabulary, update_golden: bool) -> None:
    got = parsed_items(case_dir, vocabulary)
    if update_golden:
        path = case_dir / "expected.yaml"
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        by_index = {item["index"]: item for item in document.get("items", [])}
        # Keys the parser does not produce (verdicts, notes) are kept as they were.
        document["items"] = [by_index.get(item["index"], {}) | item for item in got]
        path.write_text(
            yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )
    expected = expected_items(case_dir)
    assert [item["index"] for item in got] == [item["index"] for item in expected]


def case_item_params() -> list:
    return [
        pytest.param(case_dir, item["index"], id=f"{case_dir.name}-item{item['index']}")
        for case_dir in CASES
        for item in expected_items(case_dir)
    ]


@pytest.mark.parametrize(("case_dir", "index"), case_item_params())
def test_case_item_parses_as_expected(case_dir: Path, index: int, vocabulary) -> None:
    got = {item["index"]: item for item in parsed_items(case_dir, vocabulary)}[index]
    expected = {item["index"]: item for item in expected_items(case_dir)}[index]
    assert {k: got[k] for k in PARSED_FIELDS} == {k: expected[k] for k in PARSED_FIELDS}
