"""A plain-Python evaluator of the same rules, written straight from the rule language's meaning.

It is the test oracle for the durable_rules path (the two must agree on every input), and it says
which fields left a condition unknown. It shares no code with the compiler on purpose.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from datetime import date
from typing import Any

from engine.conditions import AllOf, AnyOf, Condition, Not, Test
from engine.rules import Rule, Rulebook

Truth = bool | None  # None: unknown
# The kinds tested for as tuples, made once: `isinstance(x, A | B)` builds the union at every
# call, and the stated defaults evaluate these for every item.
_SEQUENCES = (list, tuple)
_GROUPS = (AllOf, AnyOf)


def known(value: Any) -> bool:
    return value is not None and not (isinstance(value, _SEQUENCES) and not value)


def truth(condition: Condition | None, values: dict[str, Any]) -> Truth:
    """True, False or None (unknown) by Kleene's three-valued logic."""
    if condition is None:
        return True
    if isinstance(condition, Not):
        inner = truth(condition.item, values)
        return None if inner is None else not inner
    if isinstance(condition, _GROUPS):
        decisive = isinstance(condition, AnyOf)  # True decides an `any`, False an `all`
        # The first part that decides settles it, whatever the parts after it are: they are
        # not worked out (a condition has no side effects).
        undecided = False
        for item in condition.items:
            result = truth(item, values)
            if result is decisive:
                return decisive
            undecided = undecided or result is None
        return None if undecided else not decisive
    return comparison_truth(condition, values)


def comparison_truth(test: Test, values: dict[str, Any]) -> Truth:
    value = values.get(test.field)
    if test.op == "exists":
        return known(value)
    if test.op == "missing":
        return not known(value)
    if not known(value):
        return None
    if isinstance(value, _SEQUENCES):
        hit = any(v in test.value for v in value)
        return hit if test.op == "in" else not hit
    if test.op == "matches":
        return re.search(str(test.value), str(value)) is not None
    if test.op == "in":
        return value in test.value
    if test.op == "not in":
        return value not in test.value
    return _OPERATOR_OF[test.op](value, test.value)


# By name rather than a mapping of closures made at every comparison: the stated defaults ask
# a few dozen conditions of every item.
_OPERATOR_OF: dict[str, Callable[[Any, Any], Any]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def applies(rule: Rule, values: dict[str, Any]) -> bool:
    """Whether the rule is in force on the request's date and selects this request."""
    on = values.get("request.date")
    if not isinstance(on, date) or not rule.in_force(on):
        return False
    service = (values.get("request.service"), values.get("request.subtype"))
    if not any(c == service[0] and (s is None or s == service[1]) for c, s in rule.services):
        return False
    if rule.perioperative is not None and values.get("request.perioperative") != rule.perioperative:
        return False
    if rule.regions and not any(r in rule.regions for r in values.get("request.regions") or ()):
        return False
    if rule.specialties and values.get("request.specialty") not in rule.specialties:
        return False
    if rule.drug_classes and values.get("request.drug_class") not in rule.drug_classes:
        return False
    # The rule's own scope must hold; unknown there means the rule does not apply.
    return truth(rule.scope, values) is True


def unknown_fields(rule: Rule, values: dict[str, Any]) -> list[str]:
    """The unknown fields that leave the rule undecided: only those in parts that are themselves
    undecided, so a field that could not change the answer is not asked for."""
    found: dict[str, None] = {}
    undecided_fields(rule.when, values, found)
    return list(found)


def undecided_fields(
    node: Condition | None, values: dict[str, Any], found: dict[str, None]
) -> Truth:
    """The node's truth, adding to `found` (in order) the fields of its undecided parts where
    the node itself is undecided. One pass: each part's truth is worked out once."""
    if node is None:
        return True
    if isinstance(node, Test):
        result = comparison_truth(node, values)
        if result is None:
            found.setdefault(node.field)
        return result
    if isinstance(node, Not):
        inner = undecided_fields(node.item, values, found)
        return None if inner is None else not inner
    # The parts' fields count only if the whole stays undecided: gather them aside first.
    parts: dict[str, None] = {}
    results = [undecided_fields(item, values, parts) for item in node.items]
    decisive = isinstance(node, AnyOf)  # True decides an `any`, False an `all`
    if decisive in results:
        return decisive
    if None in results:
        found.update(parts)
        return None
    return not decisive


class ReferenceMatcher:
    """Same interface as the durable matcher: which (rule index, T|U|A) hold for the values."""

    def __init__(self, rulebook: Rulebook) -> None:
        self.rulebook = rulebook

    def match(self, values: dict[str, Any]) -> frozenset[tuple[int, str]]:
        found = set()
        for index, rule in enumerate(self.rulebook.rules):
            if not applies(rule, values):
                continue
            if rule.supports:
                found.add((index, "A"))
            result = truth(rule.when, values)
            if result is True:
                found.add((index, "T"))
            elif result is None:
                found.add((index, "U"))
        return frozenset(found)
