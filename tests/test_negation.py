"""The negation, uncertainty and history suite: real-style sentences from the letters, each with
the status of one finding in it (tests/data/negation_cases.yaml)."""

from __future__ import annotations

import pytest
import yaml
from conftest import DATA

from engine.negation import find_status, load_cues

CASES = yaml.safe_load((DATA / "negation_cases.yaml").read_text())["cases"]
CUES = load_cues()


def case(entry: dict) -> object:
    marks = (
        [pytest.mark.xfail(strict=True, reason=entry["known_miss"])]
        if "known_miss" in entry
        else []
    )
    return pytest.param(entry, id=f"{entry['status']}:{entry['sentence'][:60]}", marks=marks)


def test_the_suite_is_large_enough() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize("entry", [case(e) for e in CASES])
def test_status(entry: dict) -> None:
    got = find_status(entry["sentence"], entry["concept"], CUES)
    assert got == entry["status"], entry.get("note")
