"""The condition language of rules: fields, their types, operators, and the parsed condition tree.

Shared by the rule loader (which parses and type-checks conditions), the compiler (which turns them
into durable_rules conditions) and the reference evaluator (which evaluates them in plain Python).
A condition is written as one line, `<field> <operator> [<value>]`, for example
`request.visits > 10`, `functional_improvement == false`, `request.regions in [cervical_spine]`,
`surgery_date exists`; `all:`, `any:` and `not:` combine them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any


class FieldType(StrEnum):
    BOOLEAN = "boolean"
    INTEGER = "integer"
    NUMBER = "number"
    TEXT = "text"
    DATE = "date"
    TEXT_LIST = "text_list"  # e.g. the request's body regions


@dataclass(frozen=True)
class FieldSpec:
    """A name a condition may test: a field of the request or a clinical fact."""

    name: str
    type: FieldType
    documents: str  # what documentation would make it known, in words: "the number of prior visits"
    vocabulary: str | None = None  # which vocabulary its values come from, if any


COMPARISONS = ("==", "!=", "<", "<=", ">", ">=")
OPERATORS = (*COMPARISONS, "in", "not in", "exists", "missing", "matches")
OPERATORS_BY_TYPE = {
    FieldType.BOOLEAN: ("==", "!=", "exists", "missing"),
    FieldType.INTEGER: (*COMPARISONS, "in", "not in", "exists", "missing"),
    FieldType.NUMBER: (*COMPARISONS, "in", "not in", "exists", "missing"),
    FieldType.DATE: (*COMPARISONS, "in", "not in", "exists", "missing"),
    FieldType.TEXT: ("==", "!=", "in", "not in", "exists", "missing", "matches"),
    # For a list, `in` means "any element is one of", `not in` "no element is one of".
    FieldType.TEXT_LIST: ("in", "not in", "exists", "missing"),
}

_TEST_LINE = re.compile(
    r"^\s*(?P<field>[A-Za-z_][A-Za-z0-9_.]*)\s*"
    r"(?P<op>==|!=|<=|>=|<|>|not\s+in\b|in\b|exists\b|missing\b|matches\b)\s*(?P<rest>.*?)\s*$",
    re.DOTALL,
)


@dataclass(frozen=True)
class Test:
    """One comparison. `value` is a scalar, a tuple for `in`/`not in`, None for exists/missing."""

    __test__ = False  # not a pytest test class, whatever its name
    field: str
    op: str
    value: Any = None


@dataclass(frozen=True)
class AllOf:
    items: tuple[Condition, ...]


@dataclass(frozen=True)
class AnyOf:
    items: tuple[Condition, ...]


@dataclass(frozen=True)
class Not:
    item: Condition


Condition = Test | AllOf | AnyOf | Not


class ConditionSyntaxError(ValueError):
    """A condition line that cannot be read; the message says why, in words."""


def parse_test(line: str) -> Test:
    """`request.visits > 10` -> Test('request.visits', '>', 10). Values are read as YAML scalars,
    so `false`, `10`, `2017-12-01`, `"text"` and `[a, b]` mean what they do elsewhere in the file."""
    match = _TEST_LINE.match(line)
    if not match:
        raise ConditionSyntaxError(
            f"cannot read condition '{line.strip()}': expected '<field> <operator> [<value>]' "
            f"with an operator among {', '.join(OPERATORS)}"
        )
    field, op, rest = match["field"], " ".join(match["op"].split()), match["rest"]
    if op in ("exists", "missing"):
        if rest:
            raise ConditionSyntaxError(f"'{op}' takes no value, but '{rest}' follows it")
        return Test(field, op)
    if not rest:
        raise ConditionSyntaxError(f"'{field} {op}' needs a value after the operator")
    import yaml  # here: a run that finds its rules cached parses no condition

    try:
        value = yaml.safe_load(rest)
    except (yaml.YAMLError, ValueError):  # ValueError: a date that does not exist, 2017-02-30
        raise ConditionSyntaxError(f"cannot read the value '{rest}'") from None
    if op in ("in", "not in"):
        if not isinstance(value, list) or not value:
            raise ConditionSyntaxError(
                f"'{op}' needs a non-empty list such as [a, b], not '{rest}'"
            )
        if any(isinstance(v, list | dict) for v in value):
            raise ConditionSyntaxError(f"'{op}' needs a list of plain values, not '{rest}'")
        return Test(field, op, tuple(value))
    if isinstance(value, list | dict) or value is None:
        raise ConditionSyntaxError(f"'{op}' needs one plain value, not '{rest}'")
    return Test(field, op, value)


# Numbers are finite, at most 10**12 in size and kept to 6 decimals: the engine takes them as
# whole millionths, because durable_rules' JSON reader rejects floats such as 1e-05, inf and NaN.
MAX_MAGNITUDE = 10**12
NUMBER_DECIMALS = 6


def value_fits(kind: FieldType, value: Any) -> bool:
    """Whether a value has the field's type (booleans are not numbers here)."""
    return _FITS[kind](value)


def _integer_fits(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) <= MAX_MAGNITUDE


def _number_fits(value: Any) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and abs(value) <= MAX_MAGNITUDE
    )


def _date_fits(value: Any) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)  # a day, not a time


def _text_list_fits(value: Any) -> bool:
    return isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)


# Each type's test looked up at once: every value of every evaluation is checked, and a chain of
# comparisons with the types' members cost more than the tests themselves.
_FITS: dict[FieldType, Callable[[Any], bool]] = {
    FieldType.BOOLEAN: lambda value: isinstance(value, bool),
    FieldType.INTEGER: _integer_fits,
    FieldType.NUMBER: _number_fits,
    FieldType.DATE: _date_fits,
    FieldType.TEXT: lambda value: isinstance(value, str),
    FieldType.TEXT_LIST: _text_list_fits,
}


def normalized(kind: FieldType, value: Any) -> Any:
    """A value as conditions compare it: numbers rounded to NUMBER_DECIMALS."""
    if kind is FieldType.NUMBER and isinstance(value, float):
        return round(value, NUMBER_DECIMALS)
    if kind is FieldType.NUMBER and isinstance(value, tuple):
        return tuple(normalized(kind, v) for v in value)
    return value


def comparisons_of(condition: Condition | None) -> Iterator[Test]:
    """Every comparison in a condition, in the order written."""
    if condition is None:
        return
    if isinstance(condition, Test):
        yield condition
    elif isinstance(condition, Not):
        yield from comparisons_of(condition.item)
    else:
        for item in condition.items:
            yield from comparisons_of(item)


def fields_of(condition: Condition | None) -> tuple[str, ...]:
    """Every field a condition reads, in order of first appearance."""
    return tuple(dict.fromkeys(test.field for test in comparisons_of(condition)))


def depth_of(condition: Condition | None) -> int:
    if condition is None or isinstance(condition, Test):
        return 0
    if isinstance(condition, Not):
        return 1 + depth_of(condition.item)
    return 1 + max(depth_of(item) for item in condition.items)


def describe(condition: Condition | None) -> str:
    """The condition as one line for people, in the same syntax rule files use."""
    if condition is None:
        return "always"
    if isinstance(condition, Test):
        if condition.op in ("exists", "missing"):
            return f"{condition.field} {condition.op}"
        value = condition.value
        if isinstance(value, tuple):
            shown = "[" + ", ".join(_show(v) for v in value) + "]"
        elif condition.op == "matches":
            shown = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        else:
            shown = _show(value)
        return f"{condition.field} {condition.op} {shown}"
    if isinstance(condition, Not):
        return f"not ({describe(condition.item)})"
    joiner = " and " if isinstance(condition, AllOf) else " or "
    return "(" + joiner.join(describe(item) for item in condition.items) + ")"


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and (not value or re.search(r"[\s,\[\]:#\"']", value)):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(value)


# A condition in disjunctive normal form: alternatives (terms), each a conjunction of literals.
# A literal is a comparison with the truth it must have: (test, True) holds when the comparison is
# true, (test, False) when it is false; neither holds when its field is unknown. durable_rules
# needs this form: it refuses long nested conditions (error 113, 32 expressions per sequence).
Literal = tuple[Test, bool]
Term = tuple[Literal, ...]
MAX_TERMS = 64  # alternatives of a rule's conditions per outcome (repeated per service in applies)
MAX_LITERALS = 24  # comparisons per alternative


def count_terms(condition: Condition | None, want: bool, is_list: Callable[[str], bool]) -> int:
    """How many alternatives `terms` would give, without building them (they can explode)."""
    if condition is None:
        return 1
    if isinstance(condition, Test):
        op = condition.op
        if op in ("in", "not in") and not is_list(condition.field):
            spreads = (op == "in") == want  # x in [a, b] is true one way per value
            return len(condition.value) if spreads else 1
        return 1
    if isinstance(condition, Not):
        return count_terms(condition.item, not want, is_list)
    counts = [count_terms(item, want, is_list) for item in condition.items]
    multiplies = isinstance(condition, AllOf) == want
    if multiplies:
        product = 1
        for count in counts:
            product *= count
        return product
    return sum(counts)


def terms(condition: Condition | None, want: bool, is_list: Callable[[str], bool]) -> list[Term]:
    """The alternatives under which the condition is `want` (True or False), by Kleene logic: an
    `all` is true when every part is true and false when any part is false; `any` the reverse.
    `in` on a single-valued field is spelt out as equalities."""
    if condition is None:
        return [()]
    if isinstance(condition, Test):
        if condition.op in ("in", "not in") and not is_list(condition.field):
            equal = [Test(condition.field, "==", v) for v in condition.value]
            if (condition.op == "in") == want:
                return [((test, True),) for test in equal]
            return [tuple((test, False) for test in equal)]
        return [((condition, want),)]
    if isinstance(condition, Not):
        return terms(condition.item, not want, is_list)
    parts = [terms(item, want, is_list) for item in condition.items]
    if isinstance(condition, AllOf) == want:
        combined: list[Term] = [()]
        for alternatives in parts:
            combined = [left + right for left in combined for right in alternatives]
        return combined
    return [term for alternatives in parts for term in alternatives]


def can_be_unknown(condition: Condition | None, known: frozenset[str] = frozenset()) -> bool:
    """Whether some comparison reads a value that may be unknown (exists and missing never depend
    on one; inside `all` a field tested by `exists`, and inside `any` one tested by `missing`, is
    known to the other parts)."""
    if condition is None:
        return False
    if isinstance(condition, Test):
        return condition.op not in ("exists", "missing") and condition.field not in known
    if isinstance(condition, Not):
        return can_be_unknown(condition.item, known)
    if isinstance(condition, AllOf):
        known = known | {
            part.field for part in condition.items if isinstance(part, Test) and part.op == "exists"
        }
    if isinstance(condition, AnyOf):
        # Inside `any`, a field tested by `missing` is known to the other parts: were it
        # unknown, that part would already hold.
        known = known | {
            part.field
            for part in condition.items
            if isinstance(part, Test) and part.op == "missing"
        }
    return any(can_be_unknown(part, known) for part in condition.items)
