"""Compile stage: a `Rulebook` -> durable_rules' JSON ruleset, and how to read what fired.

Pure data in, pure data out, so it can be tested without the engine.

Three-valued logic is compiled here. For each rule the compiler emits the alternatives under which
the rule APPLIES, under which its `when` is TRUE and under which it is FALSE (Kleene logic, with
"unknown" meaning the field is absent from the fact). A rule that applies with `when` neither
true nor false is UNKNOWN: an unknown fact never counts as false.

durable_rules quirks absorbed here (measured, see the project's tech notes):
- conditions are spelt out into alternatives, each a flat conjunction and each its own durable
  rule: durable refuses nested conditions beyond 32 expressions (error 113), fires a rule once per
  true branch of an `$or`, and spells `$or` out internally anyway;
- every durable rule starts with an equality on the service category and requires a marker
  field, which keeps durable's own state and timer messages from matching;
- durable's matching stack and node tables are small and fixed, so rules are packed into as many
  rulesets as they need (see `Packer`), and a request is asserted into those of its service only;
- a comparison never holds for an absent field, in either its true or its false form, which is
  what makes an unknown value neither; `exists`/`missing` become `$ex`/`$nex`; values are
  type-checked before they get here, because durable coerces mismatched types;
- numbers go in as whole millionths and dates as day numbers: durable's JSON reader fails on
  floats such as 1e-05;
- regular expressions and list membership are evaluated in Python into boolean fields, because
  `$mt` speaks a Lua-like dialect and list operators are fragile.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Container, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from engine.conditions import (
    NUMBER_DECIMALS,
    AllOf,
    Condition,
    FieldType,
    Literal,
    can_be_unknown,
    terms,
)
from engine.rules import Rule, Rulebook

MARKER = "imrcheck"
TRUE, FALSE, UNKNOWN, APPLIES = "T", "F", "U", "A"
Json = dict[str, Any]
_DURABLE_OPERATOR = {"!=": "$neq", "<": "$lt", "<=": "$lte", ">": "$gt", ">=": "$gte"}
NEGATION = {"==": "!=", "!=": "==", "<": ">=", ">=": "<", ">": "<=", "<=": ">"}


@dataclass(frozen=True)
class Derived:
    """A boolean computed in Python before the fact is asserted; absent when its field is unknown."""

    key: str
    field: str
    op: str  # "in" (any list element among `value`) or "matches" (regex search)
    value: Any

    @cached_property
    def members(self) -> frozenset[Any]:
        """The values of an "in" test, for a set lookup instead of a scan per list element."""
        return frozenset(self.value)

    @cached_property
    def expression(self) -> re.Pattern[str]:
        """A "matches" test's expression, compiled once: `re.search` looks it up in `re`'s cache
        for every fact, a dozen times an item."""
        return re.compile(self.value)


@dataclass(frozen=True)
class Ruleset:
    """One durable ruleset: part of the rules, small enough for durable's matching stack."""

    name: str  # content hash: the same rules always compile to the same ruleset name
    conditions: dict[str, Json]
    services: frozenset[str]  # the service categories its rules start with
    # The fact's keys its conditions test: durable reads the whole fact as JSON, twice (assert
    # and retract), so a fact asserted to this ruleset carries only these.
    keys_read: frozenset[str]


def keys_read_by(conditions: Iterable[Json]) -> frozenset[str]:
    found: set[str] = set()
    for condition in conditions:
        add_keys(condition, found)
    return frozenset(found)


def add_keys(expression: Any, found: set[str]) -> None:
    """The fact keys a durable expression names (operators such as `$and` and `$ex` are not)."""
    if isinstance(expression, list):
        for part in expression:
            add_keys(part, found)
    elif isinstance(expression, dict):
        for key, value in expression.items():
            if key.startswith("$"):
                add_keys(value, found)
            else:
                found.add(key)


@dataclass(frozen=True)
class CompiledRules:
    rulesets: tuple[Ruleset, ...]
    conditions: dict[str, Json]  # durable rule name -> its condition (a flat conjunction)
    targets: dict[str, tuple[int, str]]  # durable rule name -> (rule index, APPLIES|TRUE|FALSE)
    keys: dict[str, str]  # field name -> key in the asserted fact
    kinds: dict[str, FieldType]
    derived: tuple[Derived, ...]
    uncertain: frozenset[int]  # rules whose `when` can be unknown
    limits: frozenset[int]  # rules with `supports`

    @cached_property
    def derived_of(self) -> dict[str, tuple[Derived, ...]]:
        """The derived booleans by the field they are worked out from."""
        found: dict[str, list[Derived]] = {}
        for derived in self.derived:
            found.setdefault(derived.field, []).append(derived)
        return {field: tuple(group) for field, group in found.items()}


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

    def is_list(self, field: str) -> bool:
        return self.rulebook.fields[field].type is FieldType.TEXT_LIST

    def literal(self, literal: Literal) -> Json:
        """One comparison that must be true (or false) as one durable expression. Both forms
        require the field to be present, so an absent (unknown) field satisfies neither."""
        test, want = literal
        key = self.key(test.field)
        if test.op in ("exists", "missing"):
            present = (test.op == "exists") == want
            return {"$ex" if present else "$nex": {key: 1}}
        if self.is_list(test.field) or test.op == "matches":
            derived = self.derive(
                test.field, "matches" if test.op == "matches" else "in", test.value
            )
            return {derived: want if test.op != "not in" else not want}
        op = test.op if want else NEGATION[test.op]
        value = fact_value(self.rulebook.fields[test.field].type, test.value)
        if op == "==":
            return {key: value}
        return {_DURABLE_OPERATOR[op]: {key: value}}

    def heads(self, rule: Rule, category: str, subtype: str | None) -> list[list[Json]]:
        """The alternatives of `applies`, each starting with the service equality: durable needs a
        discriminating test at the head of every rule."""
        head: list[Json] = [{self.key("request.service"): category}, {MARKER: 1}]
        if subtype:
            head.append({self.key("request.subtype"): subtype})
        date_key = self.key("request.date")
        if rule.effective_from:
            head.append({"$gte": {date_key: rule.effective_from.toordinal()}})
        if rule.effective_until:
            head.append({"$lte": {date_key: rule.effective_until.toordinal()}})
        if rule.perioperative is not None:
            head.append({self.key("request.perioperative"): rule.perioperative})
        if rule.regions:
            head.append({self.derive("request.regions", "in", rule.regions): True})
        alternatives = [head]
        for field, allowed in (
            ("request.specialty", rule.specialties),
            ("request.drug_class", rule.drug_classes),
        ):
            if allowed:
                key = self.key(field)
                alternatives = [[*a, {key: value}] for a in alternatives for value in allowed]
        return alternatives

    def spell(self, condition: Condition | None, want: bool) -> list[list[Json]]:
        """The durable alternatives under which the condition is `want`."""
        return [
            [self.literal(literal) for literal in term]
            for term in terms(condition, want, self.is_list)
        ]

    def compile(self) -> CompiledRules:
        conditions: dict[str, Json] = {}
        targets: dict[str, tuple[int, str]] = {}
        uncertain, limits = set(), set()
        packer = Packer()
        self.key("request.service")
        self.key("request.date")
        for index, rule in enumerate(self.rulebook.rules):
            may_be_unknown = can_be_unknown(rule.when)
            forms: list[tuple[str, list[list[Json]]]] = [
                (TRUE, self.spell(conjoin(rule.scope, rule.when), True))
            ]
            if may_be_unknown:
                uncertain.add(index)
                # Applies (scope true) and `when` false.
                scoped = self.spell(rule.scope, True)
                false = self.spell(rule.when, False)
                forms.append((FALSE, [s + w for s in scoped for w in false]))
            if may_be_unknown or rule.supports:
                forms.append((APPLIES, self.spell(rule.scope, True)))
            if rule.supports:
                limits.add(index)
            count = 0
            for category, subtype in rule.services:
                compiled_here: dict[str, Json] = {}
                for head in self.heads(rule, category, subtype):
                    for kind, alternatives in forms:
                        for term in alternatives:
                            name = f"r{index}.{kind}.{count}"
                            count += 1
                            compiled_here[name] = {"$and": head + term}
                            targets[name] = (index, kind)
                conditions.update(compiled_here)
                packer.add(category, compiled_here)
        return CompiledRules(
            rulesets=packer.rulesets(),
            conditions=conditions,
            targets=targets,
            keys=dict(self.keys),
            kinds={f: self.rulebook.fields[f].type for f in self.keys},
            derived=tuple(self.derived.values()),
            uncertain=frozenset(uncertain),
            limits=frozenset(limits),
        )


# durable_rules walks its matching network with a fixed stack of 64 pending nodes (events.c,
# MAX_STACK_SIZE): when more tests below one node hold at once (65 rules each with its own
# `visits != n`, or many effective dates), it fails with error 303 or crashes. Rules are packed
# into as many rulesets as needed so that, even if every test held, the stack stays below this.
# Its other fixed tables (rules.h): a node's children in 512 hash slots, its `$nex` children in
# a list of 128, and the rules ending at it in a list of 256 (error 108). Kept well below.
MAX_PENDING = 48
MAX_CHILDREN = 256
MAX_ABSENT_CHILDREN = 96
MAX_ENDING = 192
# And a ruleset holds at most 4,096 rules (error 106 beyond): a ruleset is closed well before.
MAX_RULES_PER_RULESET = 3500


class _Node:
    """A node of durable's matching network as it will be built: one per distinct test prefix."""

    __slots__ = ("children", "count", "ending", "group")

    def __init__(self, group: str = "") -> None:
        self.children: dict[str, _Node] = {}
        self.count = 0  # durable rules through this node
        self.ending = 0  # durable rules whose last test this is
        self.group = group  # equalities on one field share a group: at most one of them holds


def _peak(node: _Node, pending: int) -> int:
    """The most nodes durable could hold on its stack below `node`, if every test held."""
    if not node.children:
        return pending
    held = len({child.group for child in node.children.values()})
    deepest = pending + held
    for child in node.children.values():
        deepest = max(deepest, _peak(child, pending + held - 1))
    return deepest


def _crowded(node: _Node) -> bool:
    """Whether some node has more children, `$nex` children or ending rules than durable holds."""
    absent = sum(1 for key in node.children if key.startswith('{"$nex"'))
    if (
        len(node.children) > MAX_CHILDREN
        or absent > MAX_ABSENT_CHILDREN
        or node.ending > MAX_ENDING
    ):
        return True
    return any(_crowded(child) for child in node.children.values())


class Packer:
    """Packs each service's durable rules into the first of its rulesets where they fit. Each
    ruleset holds one service category's rules, so a process registers only the rulesets of the
    services it is asked about (a single check needs one of some twenty)."""

    def __init__(self) -> None:
        self.packs: dict[str, list[dict[str, Json]]] = {}  # service category -> its rulesets
        self.networks: dict[str, list[_Node]] = {}  # and each one's matching network

    def add(self, category: str, conditions: dict[str, Json]) -> None:
        # One durable rule at a time: a rule's alternatives may land in different rulesets, since
        # what fired is gathered from all of them.
        packs = self.packs.setdefault(category, [])
        networks = self.networks.setdefault(category, [])
        for name, condition in conditions.items():
            chain = [self.key(e) for e in condition["$and"][1:]]
            for index in range(len(packs) + 1):
                if index == len(packs):
                    packs.append({})
                    networks.append(_Node())
                elif len(packs[index]) >= MAX_RULES_PER_RULESET:
                    continue
                root = networks[index]
                self.insert(root, chain, +1)
                if _peak(root, 0) <= MAX_PENDING and not _crowded(root):
                    packs[index][name] = condition
                    break
                self.insert(root, chain, -1)

    @staticmethod
    def key(expression: Json) -> tuple[str, str]:
        (field,) = expression
        text = json.dumps(expression, sort_keys=True)
        return text, (f"={field}" if not field.startswith("$") else text)

    @staticmethod
    def insert(root: _Node, chain: list[tuple[str, str]], step: int) -> None:
        node = root
        for text, group in chain:
            child = node.children.get(text)
            if child is None:
                child = node.children[text] = _Node(group)
            child.count += step
            if child.count == 0:
                del node.children[text]  # only this chain went through it
                return
            node = child
        node.ending += step

    def rulesets(self) -> tuple[Ruleset, ...]:
        found = []
        for category in sorted(self.packs):
            for pack in self.packs[category]:
                if not pack:
                    continue
                payload = json.dumps(pack, sort_keys=True)
                digest = hashlib.sha256(payload.encode()).hexdigest()[:20]
                found.append(
                    Ruleset(
                        f"imrcheck_{digest}",
                        pack,
                        frozenset([category]),
                        keys_read_by(pack.values()),
                    )
                )
        return tuple(found)


def conjoin(scope: Condition | None, when: Condition | None) -> Condition | None:
    parts = tuple(c for c in (scope, when) if c is not None)
    return None if not parts else parts[0] if len(parts) == 1 else AllOf(parts)


def compile_rules(rulebook: Rulebook) -> CompiledRules:
    """Compile every rule of a rulebook into one durable_rules ruleset description."""
    return Compiler(rulebook).compile()


def fact_value(kind: FieldType, value: Any) -> Any:
    """A value as durable_rules sees it: dates as day numbers, numbers as whole millionths (its
    JSON reader fails on floats such as 1e-05), so both compare as integers."""
    if isinstance(value, date):
        return value.toordinal()
    if kind is _NUMBER:
        return round(value * 10**NUMBER_DECIMALS)
    return value


# The types a fact's values are converted by, looked up once: in Python 3.11 looking up an enum
# member costs more than the test it is for, and every value asserted is tested.
_NUMBER, _TEXT_LIST = FieldType.NUMBER, FieldType.TEXT_LIST


# One field to work out for an asserted fact: its key (None where only a derived boolean of it
# is wanted), its type, and the derived booleans wanted of it.
FactField = tuple[str, str | None, FieldType, tuple[Derived, ...]]


def fact_plan(
    compiled: CompiledRules, wanted: Container[str] | None, fields: Iterable[str]
) -> tuple[FactField, ...]:
    """Of `fields`, those the fact asserted needs: with a key among `wanted` (all where None),
    or a derived boolean among them. Made once per service by the matcher, so that an item's
    fact looks up only the few dozen fields its service's rulesets read, not every value."""
    keys, kinds, derived_of = compiled.keys, compiled.kinds, compiled.derived_of
    plan: list[FactField] = []
    for field in fields:
        key = keys.get(field)
        if key is not None and wanted is not None and key not in wanted:
            key = None
        derived = tuple(d for d in derived_of.get(field, ()) if wanted is None or d.key in wanted)
        if key is not None or derived:
            plan.append((field, key, kinds[field], derived))
    return tuple(plan)


def build_fact(
    compiled: CompiledRules, values: dict[str, Any], wanted: Container[str] | None = None
) -> Json:
    """The flat fact to assert for one evaluation. Unknown values (None, absent, empty lists) are
    left out, which is how the compiled conditions recognise them. `wanted`: the only keys to
    work out (those the rulesets asserted to read), where not all."""
    return fact_of_plan(fact_plan(compiled, wanted, values), values)


def fact_of_plan(plan: tuple[FactField, ...], values: dict[str, Any]) -> Json:
    """`build_fact` with the fields to work out already chosen (`fact_plan`)."""
    fact: Json = {MARKER: 1}
    for field, key, kind, derived in plan:
        value = values.get(field)
        if value is None:
            continue
        if key is not None:
            if kind is not _TEXT_LIST:
                fact[key] = fact_value(kind, value)
            elif value:
                fact[key] = len(value)  # presence is what exists/missing test
        for each in derived:
            if each.op == "in":
                if value:
                    fact[each.key] = not each.members.isdisjoint(value)
            else:
                fact[each.key] = each.expression.search(value) is not None
    return fact


def interpret(compiled: CompiledRules, fired: Iterable[str]) -> frozenset[tuple[int, str]]:
    """What fired -> (rule index, TRUE | UNKNOWN | APPLIES): a rule that applies with its `when`
    neither true nor false is unknown; APPLIES is reported for limit rules only."""
    seen: dict[int, set[str]] = {}
    for name in fired:
        index, kind = compiled.targets[name]
        seen.setdefault(index, set()).add(kind)
    found = set()
    for index, kinds in seen.items():
        if TRUE in kinds:
            found.add((index, TRUE))
        elif APPLIES in kinds and FALSE not in kinds and index in compiled.uncertain:
            found.add((index, UNKNOWN))
        if index in compiled.limits and (APPLIES in kinds or TRUE in kinds):
            found.add((index, APPLIES))
    return frozenset(found)
