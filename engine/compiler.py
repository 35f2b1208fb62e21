"""Compile stage: a `Rulebook` -> durable_rules' JSON ruleset, plus how to build the fact to assert.

Pure data in, pure data out, so it can be tested without the engine. Three-valued logic is compiled
here: for every rule we emit the condition under which its `when` is TRUE and the condition under
which it is UNKNOWN (Kleene logic, with "unknown" meaning the field is absent from the fact), so an
unknown fact can never count as false. Limit rules also get an APPLIES condition, so the quantity
they support is known even when they do not fire.

durable_rules quirks absorbed here (measured, see the project's tech notes):
- every rule starts with an equality on the service category and requires a marker field, which
  keeps large rulesets from failing (errors 303 / double free) and keeps durable's own state and
  timer messages from matching;
- `$neq` never matches an absent field, and comparisons coerce types, so unknown is handled by
  `$ex`/`$nex` explicitly and values are type-checked before they get here;
- regular expressions and list membership are evaluated in Python into boolean fields, because
  `$mt` speaks a Lua-like dialect and list operators are fragile.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from engine.conditions import AllOf, AnyOf, Condition, FieldType, Not, Test
from engine.rules import Rule, Rulebook

MARKER = "imrcheck"
TRUE, UNKNOWN, APPLIES = "T", "U", "A"
Json = dict[str, Any]


@dataclass(frozen=True)
class Derived:
    """A boolean computed in Python before the fact is asserted; absent when its field is unknown."""

    key: str
    field: str
    op: str  # "in" (any list element among `value`) or "matches" (regex search)
    value: Any


@dataclass(frozen=True)
class CompiledRules:
    name: str  # content hash: the same rules always compile to the same ruleset name
    conditions: dict[str, Json]  # durable rule name -> its condition
    targets: dict[str, tuple[int, str]]  # durable rule name -> (rule index, TRUE|UNKNOWN|APPLIES)
    keys: dict[str, str]  # field name -> key in the asserted fact
    kinds: dict[str, FieldType]
    derived: tuple[Derived, ...]


class Compiler:
    def __init__(self, rulebook: Rulebook) -> None:
        self.rulebook = rulebook
        self.keys: dict[str, str] = {}
        self.derived: dict[tuple[str, str, Any], Derived] = {}

    def key(self, field: str) -> str:
        if field not in self.keys:
            self.keys[field] = f"f{len(self.keys)}"
        return self.keys[field]

    def derive(self, field: str, op: str, value: Any) -> str:
        self.key(field)
        signature = (field, op, value)
        if signature not in self.derived:
            self.derived[signature] = Derived(f"d{len(self.derived)}", field, op, value)
        return self.derived[signature].key

    def kind(self, field: str) -> FieldType:
        return self.rulebook.fields[field].type

    # leaves: (TRUE, FALSE, UNKNOWN) conditions; None means "never"

    def leaf(self, test: Test) -> tuple[Json | None, Json | None, Json | None]:
        kind = self.kind(test.field)
        key = self.key(test.field)
        present, absent = {"$ex": {key: 1}}, {"$nex": {key: 1}}
        if test.op == "exists":
            return present, absent, None
        if test.op == "missing":
            return absent, present, None
        if kind is FieldType.TEXT_LIST or test.op == "matches":
            op = "matches" if test.op == "matches" else "in"
            derived = self.derive(test.field, op, test.value)
            yes, no = {derived: True}, {derived: False}
            unknown = {"$nex": {derived: 1}}
            return (no, yes, unknown) if test.op == "not in" else (yes, no, unknown)
        if test.op in ("in", "not in"):
            values = [fact_value(v) for v in test.value]
            one_of = any_of([{key: v} for v in values])
            none_of = all_of([{"$neq": {key: v}} for v in values])
            return (one_of, none_of, absent) if test.op == "in" else (none_of, one_of, absent)
        value = fact_value(test.value)
        true_form = comparison(test.op, key, value)
        false_form = comparison(NEGATION[test.op], key, value)
        return true_form, false_form, absent

    def three(self, node: Condition) -> tuple[Json | None, Json | None, Json | None]:
        """(TRUE, FALSE, UNKNOWN) conditions of a node, by Kleene's strong three-valued logic."""
        if isinstance(node, Test):
            return self.leaf(node)
        if isinstance(node, Not):
            true_form, false_form, unknown = self.three(node.item)
            return false_form, true_form, unknown
        parts = [self.three(item) for item in node.items]
        trues = [p[0] for p in parts]
        falses = [p[1] for p in parts]
        unknowns = [p[2] for p in parts]
        if isinstance(node, AllOf):
            true_form = all_of(trues)
            false_form = any_of(falses)
            # unknown: no part false, and at least one part unknown
            not_false = [any_of([t, u]) for t, u in zip(trues, unknowns, strict=True)]
        else:
            assert isinstance(node, AnyOf)
            true_form = any_of(trues)
            false_form = all_of(falses)
            not_false = [any_of([f, u]) for f, u in zip(falses, unknowns, strict=True)]
        some_unknown = any_of(unknowns)
        unknown = all_of([*not_false, some_unknown]) if some_unknown is not None else None
        return true_form, false_form, unknown

    def applies(self, rule: Rule, category: str, subtype: str | None) -> list[Json]:
        # The service equality comes first: durable needs a discriminating test at the head.
        parts: list[Json] = [{self.key("request.service"): category}, {MARKER: 1}]
        if subtype:
            parts.append({self.key("request.subtype"): subtype})
        date_key = self.key("request.date")
        if rule.effective_from:
            parts.append({"$gte": {date_key: rule.effective_from.toordinal()}})
        if rule.effective_until:
            parts.append({"$lte": {date_key: rule.effective_until.toordinal()}})
        if rule.perioperative is not None:
            parts.append({self.key("request.perioperative"): rule.perioperative})
        if rule.regions:
            parts.append({self.derive("request.regions", "in", rule.regions): True})
        if rule.specialties:
            key = self.key("request.specialty")
            parts.append(any_of([{key: s} for s in rule.specialties]) or {})
        if rule.drug_classes:
            key = self.key("request.drug_class")
            parts.append(any_of([{key: c} for c in rule.drug_classes]) or {})
        return parts

    def compile(self) -> CompiledRules:
        conditions: dict[str, Json] = {}
        targets: dict[str, tuple[int, str]] = {}
        self.key("request.service")
        self.key("request.date")
        for index, rule in enumerate(self.rulebook.rules):
            if rule.when is None:
                true_form: Json | None = {}
                unknown: Json | None = None
            else:
                true_form, _, unknown = self.three(rule.when)
            for s_index, (category, subtype) in enumerate(rule.services):
                base = self.applies(rule, category, subtype)
                forms = [(TRUE, true_form), (UNKNOWN, unknown)]
                if rule.supports:
                    forms.append((APPLIES, {}))
                for kind, form in forms:
                    if form is None:
                        continue
                    name = f"r{index}.{kind}.{s_index}"
                    conditions[name] = {"$and": base + ([form] if form else [])}
                    targets[name] = (index, kind)
        payload = json.dumps(conditions, sort_keys=True)
        digest = hashlib.sha256(payload.encode()).hexdigest()[:20]
        return CompiledRules(
            name=f"imrcheck_{digest}",
            conditions=conditions,
            targets=targets,
            keys=dict(self.keys),
            kinds={f: self.kind(f) for f in self.keys},
            derived=tuple(self.derived.values()),
        )


NEGATION = {"==": "!=", "!=": "==", "<": ">=", ">=": "<", ">": "<=", "<=": ">"}
_DURABLE_OPERATOR = {"!=": "$neq", "<": "$lt", "<=": "$lte", ">": "$gt", ">=": "$gte"}


def comparison(op: str, key: str, value: Any) -> Json:
    if op == "==":
        return {key: value}
    return {_DURABLE_OPERATOR[op]: {key: value}}


def all_of(parts: list[Json | None]) -> Json | None:
    if any(p is None for p in parts):
        return None
    kept = [p for p in parts if p]
    if not kept:
        return {}
    return kept[0] if len(kept) == 1 else {"$and": kept}


def any_of(parts: list[Json | None]) -> Json | None:
    kept = [p for p in parts if p is not None]
    if not kept:
        return None
    if any(not p for p in kept):
        return {}  # an always-true branch
    return kept[0] if len(kept) == 1 else {"$or": kept}


def fact_value(value: Any) -> Any:
    """A value as it goes into the fact: dates as day numbers, so they compare as numbers."""
    if isinstance(value, date):
        return value.toordinal()
    return value


def compile_rules(rulebook: Rulebook) -> CompiledRules:
    """Compile every rule of a rulebook into one durable_rules ruleset description."""
    return Compiler(rulebook).compile()


def build_fact(compiled: CompiledRules, values: dict[str, Any]) -> Json:
    """The flat fact to assert for one evaluation. Unknown values (None, absent, empty lists) are
    left out, which is how the compiled conditions recognise them."""
    fact: Json = {MARKER: 1}
    for field, key in compiled.keys.items():
        value = values.get(field)
        if value is None:
            continue
        if compiled.kinds[field] is FieldType.TEXT_LIST:
            if value:
                fact[key] = len(value)  # presence is what exists/missing test
            continue
        fact[key] = fact_value(value)
    for derived in compiled.derived:
        value = values.get(derived.field)
        if value is None or (derived.op == "in" and not value):
            continue
        if derived.op == "in":
            fact[derived.key] = any(v in derived.value for v in value)
        else:
            fact[derived.key] = re.search(derived.value, value) is not None
    return fact
