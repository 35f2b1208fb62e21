"""Every example of every bundled rule, run through the real engine (durable_rules)."""

from __future__ import annotations

import pytest

from engine.evaluate import Evaluator, check_examples
from engine.rules import load_rulebook

RESULTS = check_examples(Evaluator(load_rulebook()))


def test_every_rule_has_examples_that_ran() -> None:
    rulebook = load_rulebook()
    assert {r.rule_id for r in RESULTS} == {rule.id for rule in rulebook.rules}


@pytest.mark.parametrize("result", RESULTS, ids=[f"{r.rule_id}:{r.example}" for r in RESULTS])
def test_rule_example(result) -> None:
    if result.todo:
        assert result.got != result.expected, f"fixed: remove the todo ({result.todo})"
        pytest.xfail(result.todo)
    assert result.got == result.expected, result.message
