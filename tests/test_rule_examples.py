"""Every example of every bundled rule, run through the real engine (durable_rules)."""

from __future__ import annotations

import pytest

from engine.evaluate import REQUEST_DEFAULTS, Evaluator, check_examples
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


def test_every_rule_has_a_citation_a_confidence_and_an_example_per_outcome() -> None:
    """Each outcome a rule can give is shown by an example: its own outcome, and `insufficient`
    where its condition reads a value that may be undocumented."""
    from engine.conditions import AllOf, Test, can_be_unknown

    short = []
    rulebook = load_rulebook()
    # A fact with a default that always holds is never unknown to a rule.
    always_known = {name for name, d in rulebook.defaults.items() if d.when is None}
    # The request's own flags the evaluation always fills (evaluate.REQUEST_DEFAULTS).
    always_known |= set(REQUEST_DEFAULTS)
    for rule in rulebook.rules:
        assert rule.citation and rule.confidence, rule.id
        expected = {example.expect for example in rule.examples}
        wanted = {rule.outcome}
        # An unknown `applies.condition` means the rule does not apply, so only `when` counts,
        # and a field the condition requires to exist is known to it.
        scope = rule.scope.items if isinstance(rule.scope, AllOf) else (rule.scope,)
        known = frozenset(t.field for t in scope if isinstance(t, Test) and t.op == "exists")
        known |= always_known | defaulted_under(rule.when, rulebook.defaults)
        known |= defaulted_for_service(rule, rulebook.defaults)
        if can_be_unknown(rule.when, known):
            wanted.add("insufficient")
        if not wanted <= expected:
            short.append(f"{rule.id}: no example for {sorted(wanted - expected)}")
    assert not short, "\n".join(short)


def defaulted_for_service(rule, defaults) -> set[str]:
    """The facts whose default holds for every service the rule applies to (`when:
    request.service == consultation` for a rule about consultations)."""
    from engine.conditions import Test

    categories = {category for category, _ in rule.services}
    return {
        name
        for name, default in defaults.items()
        if isinstance(default.when, Test)
        and default.when.field == "request.service"
        and default.when.op == "=="
        and categories == {default.when.value}
    }


def defaulted_under(when, defaults) -> set[str]:
    """The facts whose default surely holds wherever the rule's `when` can hold: the default's
    condition, or one of its alternatives, is itself a part of the rule's `all`."""
    from engine.conditions import AllOf, AnyOf, Test

    if not isinstance(when, AllOf):
        return set()
    parts = {item for item in when.items if isinstance(item, Test)}
    known = set()
    for name, default in defaults.items():
        if default.when is None:
            continue
        options = default.when.items if isinstance(default.when, AnyOf) else (default.when,)
        if any(option in parts for option in options):
            known.add(name)
    return known
