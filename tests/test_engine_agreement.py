"""Differential property test: the durable_rules matcher agrees with the plain-Python reference.

Each Hypothesis example builds a rulebook of 20-40 random rules over the bundled fields and
vocabulary (conditions nested up to 3 deep, every field type and operator, random `applies`),
compiles it once, then runs both matchers, and the verdicts decided from what they matched, over
30-60 value dicts drawn near the rules' own constants, with many unknown values.

Compiling happens per example, never per value dict: durable_rules keeps every distinct ruleset for
the life of the process and leaks a few MiB per registration (see the durable_rules section of
../shared/TECH-NOTES.md), so the number of examples is kept small and each one is made to count.
A failure names one rule and one value dict, minimised, with what each engine said.

A second, cheap property tries numbers no letter states (NaN, infinities, 1e-05, 1e+16) on one
ruleset compiled once.
"""

from __future__ import annotations

import dataclasses
import functools
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import Any

from conftest import REPO
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from engine.compiler import compile_rules
from engine.conditions import (
    COMPARISONS,
    MAX_LITERALS,
    MAX_TERMS,
    OPERATORS_BY_TYPE,
    AllOf,
    AnyOf,
    Condition,
    FieldType,
    Not,
    Test,
    count_terms,
    terms,
)
from engine.conditions import describe as describe_condition
from engine.durable_backend import DurableMatcher
from engine.evaluate import FactError, check_values, decide
from engine.reference import ReferenceMatcher
from engine.rules import (
    OUTCOMES,
    SUPPORTED_QUANTITIES,
    TIERS,
    Rule,
    Rulebook,
    load_rulebook,
    vocabulary_names,
)

BUNDLED = load_rulebook(REPO / "rules")
NAMES = vocabulary_names(BUNDLED.vocabulary)
MIN_CASES = 1_000
EXAMPLES = 35
RULES_PER_BOOK = (20, 40)
VALUES_PER_BOOK = (30, 60)
MAX_DEPTH = 3
SHRINK_ATTEMPTS = 300

CATEGORIES = (
    "physical_therapy",
    "occupational_therapy",
    "chiropractic",
    "acupuncture",
    "imaging",
    "electrodiagnostics",
    "injection",
    "medication",
    "dme",
    "consultation",
)


def _subtypes_by_category() -> dict[str, tuple[str, ...]]:
    found: dict[str, set[str]] = defaultdict(set)
    for group in BUNDLED.vocabulary.service_index.by_first_word.values():
        for phrase in group:
            category, subtype = phrase.meaning
            if subtype:
                found[category].add(subtype)
    # Perioperative subtypes can reach any of these categories through the request's subtype.
    found["physical_therapy"].add("post_op_therapy")
    return {c: tuple(sorted(found[c])) for c in CATEGORIES}


SUBTYPES = _subtypes_by_category()
ALL_SUBTYPES = tuple(sorted({s for group in SUBTYPES.values() for s in group}))
FORMS = tuple(
    sorted({p.meaning[0] for g in BUNDLED.vocabulary.form_index.by_first_word.values() for p in g})
)

# Free-text pools. Strings that differ from a pool entry only in case, spacing or by looking like
# another type are where a string comparison inside the engine would go wrong.
TEXT_POOLS: dict[str, tuple[str, ...]] = {
    "request.service": CATEGORIES,
    "request.subtype": ALL_SUBTYPES,
    "request.specialty": tuple(sorted(NAMES["specialties"])),
    "request.drug_class": tuple(sorted(NAMES["drug_classes"])),
    "request.drug": ("norco", "tramadol", "gabapentin", "ibuprofen", "lidoderm", "cyclobenzaprine"),
    "request.form": FORMS,
    "diagnosis_group": ("myalgia", "neuralgia", "radiculitis", "crps", "myalgia and myositis"),
    "request.formulary_status": tuple(sorted(NAMES["formulary_statuses"])),
}
ODD_TEXT = ("", "Myalgia", "myalgia ", "10", "true", 'O\'Brien "x"', "é")
LIST_POOLS = {
    "request.regions": tuple(sorted(NAMES["regions"])),
    "request.sides": tuple(sorted(NAMES["sides"])),
    "diagnoses": ("myalgia", "neuralgia", "sprain_strain", "crps", "other"),
    # ISO dates, as the facts stage writes them.
    "drug_test_dates": ("2016-03-01", "2016-11-15", "2017-06-30"),
}
# Simple Python regexes: `matches` is evaluated in Python on both sides, but the compiled fact
# carries its result, so anchors, alternations and classes are all worth a try.
REGEXES = (
    "^my",
    "algia$",
    "neur|radic",
    "^(crps|myalgia)$",
    "ta",
    "^$",
    "[0-9]",
    r"\bpatch\b",
    "o.o",
    "^[a-z_]+$",
    "(?i)^MY",
    "er",
)
# Effective dates of real guideline editions and their neighbours: the boundaries that matter.
DATE_ANCHORS = (
    date(2009, 7, 18),
    date(2016, 1, 1),
    date(2017, 11, 30),
    date(2017, 12, 1),
    date(2018, 1, 1),
    date(2019, 4, 1),
)
NUMBER_ANCHORS = (0, 0.5, 1, 2.25, 7.5, 10, 30.0, 60, 90, 120.5)
INTEGER_DELTAS = (-1, 0, 1)
NUMBER_DELTAS = (-1, -0.5, -0.01, 0, 0.01, 0.5, 1)

FIELDS_BY_TYPE: dict[FieldType, tuple[str, ...]] = {
    kind: tuple(sorted(name for name, spec in BUNDLED.fields.items() if spec.type is kind))
    for kind in FieldType
}
APPLIES_FIELDS = (
    "request.date",
    "request.service",
    "request.subtype",
    "request.perioperative",
    "request.regions",
    "request.specialty",
    "request.drug_class",
)

COMPARED: Counter[str] = Counter()


def kind_of(field: str) -> FieldType:
    return BUNDLED.fields[field].type


# --- constants: what one generated rulebook compares against -------------------------------------


def constants_for(field: str) -> st.SearchStrategy[tuple[Any, ...]]:
    kind = kind_of(field)
    if kind is FieldType.BOOLEAN:
        return st.just((True, False))
    if kind is FieldType.INTEGER:
        items: st.SearchStrategy[Any] = st.integers(-2, 60)
    elif kind is FieldType.NUMBER:
        items = st.one_of(st.sampled_from(NUMBER_ANCHORS), st.integers(0, 200))
    elif kind is FieldType.DATE:
        items = st.one_of(
            st.sampled_from(DATE_ANCHORS), st.dates(date(2008, 1, 1), date(2022, 12, 31))
        )
    elif kind is FieldType.TEXT_LIST:
        items = st.sampled_from(LIST_POOLS[field])
    else:
        items = st.sampled_from(TEXT_POOLS.get(field, TEXT_POOLS["diagnosis_group"]))
    return st.lists(items, min_size=1, max_size=3, unique=True).map(tuple)


@dataclasses.dataclass(frozen=True)
class Scenario:
    """What the rules of one rulebook share, so that values drawn afterwards hit their edges."""

    categories: tuple[str, ...]
    subtypes: dict[str, tuple[str, ...]]
    in_play: tuple[str, ...]  # fields the `when` trees test
    constants: dict[str, tuple[Any, ...]]


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    categories = tuple(
        draw(st.lists(st.sampled_from(CATEGORIES), min_size=1, max_size=3, unique=True))
    )
    subtypes = {
        c: tuple(draw(st.lists(st.sampled_from(SUBTYPES[c]), max_size=2, unique=True)))
        if SUBTYPES[c]
        else ()
        for c in categories
    }
    # At least one field of every type, so every example exercises every kind of comparison.
    chosen = [draw(st.sampled_from(FIELDS_BY_TYPE[kind])) for kind in FieldType]
    extra = draw(st.lists(st.sampled_from(sorted(BUNDLED.fields)), max_size=5, unique=True))
    in_play = tuple(dict.fromkeys([*chosen, *extra]))
    constants = {field: draw(constants_for(field)) for field in (*in_play, *APPLIES_FIELDS)}
    # The request's service and subtype tests compare against what the rules select.
    constants["request.service"] = categories
    own_subtypes = tuple(s for group in subtypes.values() for s in group)
    constants["request.subtype"] = own_subtypes or constants["request.subtype"]
    return Scenario(categories, subtypes, in_play, constants)


# --- rules -----------------------------------------------------------------------------------


def leaves_of(scenario: Scenario) -> st.SearchStrategy[Test]:
    @st.composite
    def one(draw: st.DrawFn) -> Test:
        field = draw(st.sampled_from(scenario.in_play))
        op = draw(st.sampled_from(OPERATORS_BY_TYPE[kind_of(field)]))
        if op in ("exists", "missing"):
            return Test(field, op)
        if op == "matches":
            return Test(field, op, draw(st.sampled_from(REGEXES)))
        pool = scenario.constants[field]
        if op in ("in", "not in"):
            chosen = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3, unique=True))
            return Test(field, op, tuple(chosen))
        return Test(field, op, draw(st.sampled_from(pool)))

    return one()


def conditions(leaf: st.SearchStrategy[Test], depth: int) -> st.SearchStrategy[Condition]:
    if depth == 0:
        return leaf
    inner = conditions(leaf, depth - 1)
    items = st.lists(inner, min_size=1, max_size=3).map(tuple)
    combined: st.SearchStrategy[Condition] = st.one_of(
        leaf, st.builds(Not, inner), items.map(AllOf), items.map(AnyOf)
    )
    return combined


def is_list(field: str) -> bool:
    return kind_of(field) is FieldType.TEXT_LIST


def within_limits(scope: Condition | None, when: Condition | None) -> bool:
    """The loader's size limits: it refuses conditions with too many alternatives once spelt out,
    so rules beyond them can never reach the engine and are not generated."""
    if scope is None and when is None:
        return True
    within = count_terms(scope, True, is_list)
    if any(within * count_terms(when, want, is_list) > MAX_TERMS for want in (True, False)):
        return False
    combined = AllOf(tuple(c for c in (scope, when) if c is not None))
    return all(
        len(term) <= MAX_LITERALS
        for want in (True, False)
        for term in terms(combined, want, is_list)
    )


@st.composite
def some(draw: st.DrawFn, pool: tuple[str, ...]) -> tuple[str, ...] | None:
    # Mostly unrestricted: every restriction more makes a rule apply to fewer value dicts.
    if draw(st.integers(0, 2)):
        return None
    return tuple(draw(st.lists(st.sampled_from(pool), min_size=1, max_size=2, unique=True)))


@st.composite
def rules_of(draw: st.DrawFn, scenario: Scenario, index: int) -> Rule:
    # Each restriction below holds for only some value dicts, so each is drawn for only some
    # rules: a rule that applies to nothing compares nothing.
    services = []
    for _ in range(draw(st.integers(1, 2))):
        category = draw(st.sampled_from(scenario.categories))
        subtypes = scenario.subtypes[category]
        narrowed = subtypes and draw(st.integers(0, 3)) == 0
        services.append((category, draw(st.sampled_from(subtypes)) if narrowed else None))
    leaf = leaves_of(scenario)
    # A few tries at a condition the loader accepts, then a plain comparison: filtering instead
    # would throw whole examples (and their 20-40 rules) away.
    for _ in range(3):
        # Most rules have a `when`, and about one in five a scope of its own.
        has_scope, has_when = draw(st.integers(0, 4)) == 0, draw(st.integers(0, 9)) > 0
        scope = draw(conditions(leaf, 1)) if has_scope else None
        when = draw(conditions(leaf, MAX_DEPTH)) if has_when else None
        if within_limits(scope, when):
            break
    else:
        scope, when = None, draw(leaf)
    dates = st.sampled_from(scenario.constants["request.date"])
    start, until = (draw(dates) if draw(st.integers(0, 2)) == 0 else None for _ in range(2))
    outcome = draw(st.sampled_from(OUTCOMES))
    supports = draw(
        st.one_of(
            st.none(),
            st.dictionaries(
                st.sampled_from(SUPPORTED_QUANTITIES), st.integers(1, 30), min_size=1, max_size=2
            ),
        )
    )
    # A rule's `missing` is (fact, words) pairs, as the loader makes them; None stands for the rule.
    missing = draw(st.one_of(st.none(), st.just(((None, "the documentation asked for"),))))
    return dataclasses.replace(
        BUNDLED.rules[0],
        id=f"gen.rule{index}",
        title=f"generated rule {index}",
        criterion=None,
        tier=draw(st.sampled_from(TIERS)),
        effective_from=start,
        effective_until=until,
        services=tuple(services),
        regions=draw(some(scenario.constants["request.regions"])),
        perioperative=draw(st.sampled_from((None, None, None, None, True, False))),
        specialties=draw(some(scenario.constants["request.specialty"])),
        drug_classes=draw(some(scenario.constants["request.drug_class"])),
        scope=scope,
        when=when,
        outcome=outcome,
        message="{request.visits} asked; {supports.visits} supported; {diagnosis_group}",
        missing=missing if outcome == "insufficient" else None,
        supports=supports,
        examples=(),
        origin="generated",
    )


# --- values ----------------------------------------------------------------------------------


def near(field: str, constants: tuple[Any, ...]) -> st.SearchStrategy[Any]:
    """A value of the field's type at, just beside, or away from the rules' constants."""
    kind = kind_of(field)
    if kind is FieldType.BOOLEAN:
        return st.booleans()
    if kind is FieldType.INTEGER:
        shifted = st.tuples(st.sampled_from(constants), st.sampled_from(INTEGER_DELTAS))
        return st.one_of(shifted.map(sum), st.integers(-3, 100))
    if kind is FieldType.NUMBER:
        shifted = st.tuples(st.sampled_from(constants), st.sampled_from(NUMBER_DELTAS))
        # An integral quantity may come as 10 or as 10.0; both must compare alike.
        same = st.sampled_from(constants).flatmap(lambda c: st.sampled_from((c, float(c))))
        fraction = st.integers(0, 20_000).map(lambda n: n / 100)
        return st.one_of(shifted.map(sum), same, fraction)
    if kind is FieldType.DATE:
        shifted = st.tuples(
            st.sampled_from(constants), st.sampled_from(INTEGER_DELTAS).map(timedelta)
        )
        anywhere = st.dates(date(2008, 1, 1), date(2022, 12, 31))
        return st.one_of(shifted.map(lambda p: p[0] + p[1]), anywhere)
    if kind is FieldType.TEXT_LIST:
        pool = sorted({*constants, *LIST_POOLS[field][:2]})
        return st.lists(st.sampled_from(pool), max_size=3, unique=True).map(tuple)
    if BUNDLED.fields[field].vocabulary:
        # The evaluator refuses names outside the vocabulary, so any other name from it.
        return st.sampled_from(sorted({*constants, *TEXT_POOLS[field][:3]}))
    # One in four odd text, which only free-text fields can hold.
    return st.integers(0, 3).flatmap(
        lambda n: st.sampled_from(ODD_TEXT) if n == 0 else st.sampled_from(constants)
    )


@st.composite
def values_of(draw: st.DrawFn, scenario: Scenario) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for field in dict.fromkeys((*APPLIES_FIELDS, *scenario.in_play)):
        constants = scenario.constants[field]
        if field == "request.date":
            values[field] = draw(near(field, constants))
            continue
        if field == "request.service":
            # Now and then a service no rule names.
            other = draw(st.integers(0, 7)) == 0
            values[field] = "other" if other else draw(st.sampled_from(constants))
            continue
        # Unknown as absent keys and as explicit None alike: roughly a third of the values, and a
        # sixth of those that decide whether a rule applies at all.
        choice = draw(st.integers(0, 11 if field in APPLIES_FIELDS else 5))
        if choice == 0:
            continue
        values[field] = None if choice == 1 else draw(near(field, constants))
    return values


class Case:
    """One rulebook and the value dicts to try on it. Its repr is a summary: Hypothesis prints the
    failing example, and the full one runs to hundreds of kB; the failure message says what
    matters, minimised."""

    def __init__(self, book: Rulebook, values: list[dict[str, Any]]) -> None:
        self.book, self.values = book, values

    def __repr__(self) -> str:
        return f"Case({len(self.book.rules)} rules, {len(self.values)} value dicts)"


@st.composite
def cases(draw: st.DrawFn) -> Case:
    scenario = draw(scenarios())
    count = draw(st.integers(*RULES_PER_BOOK))
    rules = tuple(draw(rules_of(scenario, index)) for index in range(count))
    book = dataclasses.replace(BUNDLED, rules=rules, by_id={r.id: r for r in rules})
    values = draw(
        st.lists(values_of(scenario), min_size=VALUES_PER_BOOK[0], max_size=VALUES_PER_BOOK[1])
    )
    return Case(book, values)


# --- running both engines, and saying how they differ --------------------------------------------

Outcome = frozenset[tuple[int, str]] | str  # what matched, or why durable_rules gave no answer


def book_of(rules: tuple[Rule, ...]) -> Rulebook:
    return dataclasses.replace(BUNDLED, rules=rules, by_id={r.id: r for r in rules})


def durable_matcher(book: Rulebook) -> DurableMatcher | str:
    try:
        return DurableMatcher(compile_rules(book))
    except Exception as exc:  # the C extension raises its own bare `error` type
        return f"cannot register the ruleset: {type(exc).__name__}: {exc}"


def durable_outcome(matcher: DurableMatcher | str, values: dict[str, Any]) -> Outcome:
    if isinstance(matcher, str):
        return matcher
    try:
        return matcher.match(values)
    except Exception as exc:
        return f"match raised {type(exc).__name__}: {exc}"


def disagrees(rule: Rule, values: dict[str, Any]) -> bool:
    book = book_of((rule,))
    return durable_outcome(durable_matcher(book), values) != ReferenceMatcher(book).match(values)


def simpler_conditions(node: Condition | None) -> Iterator[Condition | None]:
    """Conditions a little smaller than `node`: none, a part of it, or it with one part simpler."""
    if node is None:
        return
    yield None
    if isinstance(node, Test):
        return
    if isinstance(node, Not):
        yield node.item
        for smaller in simpler_conditions(node.item):
            if smaller is not None:
                yield Not(smaller)
        return
    yield from node.items
    for index, item in enumerate(node.items):
        others = node.items[:index] + node.items[index + 1 :]
        if others:
            yield type(node)(others)
        for smaller in simpler_conditions(item):
            if smaller is not None:
                yield type(node)(node.items[:index] + (smaller,) + node.items[index + 1 :])


def simpler_cases(rule: Rule, values: dict[str, Any]) -> Iterator[tuple[Rule, dict[str, Any]]]:
    for when in simpler_conditions(rule.when):
        yield dataclasses.replace(rule, when=when), values
    for scope in simpler_conditions(rule.scope):
        yield dataclasses.replace(rule, scope=scope), values
    unset = {
        "regions": None,
        "specialties": None,
        "drug_classes": None,
        "perioperative": None,
        "effective_from": None,
        "effective_until": None,
        "supports": None,
    }
    for name, empty in unset.items():
        if getattr(rule, name) != empty:
            yield dataclasses.replace(rule, **{name: empty}), values
    if len(rule.services) > 1:
        for service in rule.services:
            yield dataclasses.replace(rule, services=(service,)), values
    for index, (category, subtype) in enumerate(rule.services):
        if subtype:
            services = (*rule.services[:index], (category, None), *rule.services[index + 1 :])
            yield dataclasses.replace(rule, services=services), values
    for name in values:
        if name not in ("request.date", "request.service"):
            yield rule, {k: v for k, v in values.items() if k != name}


def minimise(rule: Rule, values: dict[str, Any]) -> tuple[Rule, dict[str, Any]]:
    """Greedily the smallest rule and values that still disagree on their own. Done here rather
    than by Hypothesis: its shrinker re-registers a whole rulebook per attempt, which took over
    five minutes and leaks a few MiB each time; this registers a bounded number of one-rule
    rulesets."""
    attempts = 0
    improved = True
    while improved and attempts < SHRINK_ATTEMPTS:
        improved = False
        for candidate in simpler_cases(rule, values):
            attempts += 1
            if disagrees(*candidate):
                (rule, values), improved = candidate, True
                break
            if attempts >= SHRINK_ATTEMPTS:
                break
    return rule, values


def show(outcome: Outcome) -> str:
    return outcome if isinstance(outcome, str) else repr(sorted(kind for _, kind in outcome))


def report(rule: Rule, values: dict[str, Any], durable: Outcome, reference: Outcome) -> str:
    return "\n".join(
        [
            f"services={rule.services} regions={rule.regions} "
            f"perioperative={rule.perioperative} specialties={rule.specialties} "
            f"drug_classes={rule.drug_classes} effective={rule.effective_from}.."
            f"{rule.effective_until} supports={rule.supports}",
            f"scope: {describe_condition(rule.scope)}",
            f"when:  {describe_condition(rule.when)}",
            f"when (repr): {rule.when!r}",
            f"values: {values!r}",
            f"durable:   {show(durable)}",
            f"reference: {show(reference)}",
        ]
    )


def failure(
    book: Rulebook, suspects: Iterable[int], values: dict[str, Any], durable: Outcome
) -> str:
    """The failure message: the first suspect rule that disagrees on its own, minimised, or what
    the whole rulebook gave where no rule disagrees alone."""
    suspects = list(suspects)
    index = next((i for i in suspects if disagrees(book.rules[i], values)), None)
    if index is None:
        index = suspects[0]
        reference = ReferenceMatcher(book).match(values)
        if not isinstance(durable, str):
            durable = frozenset((i, k) for i, k in durable if i == index)
        return (
            f"durable_rules and the reference disagree on rule {index} of {len(book.rules)} only "
            "inside the whole rulebook:\n"
            + report(
                book.rules[index], values, durable, frozenset(m for m in reference if m[0] == index)
            )
        )
    rule, values = minimise(book.rules[index], values)
    alone = book_of((rule,))
    return (
        f"durable_rules and the reference disagree (rule {index} of {len(book.rules)}, minimised "
        "on its own):\n"
        + report(
            rule,
            values,
            durable_outcome(durable_matcher(alone), values),
            ReferenceMatcher(alone).match(values),
        )
    )


# --- the property ----------------------------------------------------------------------------


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    # No shrink phase: see `minimise`.
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)
@given(cases())
def check_agreement(case: Case) -> None:
    book = case.book
    durable = durable_matcher(book)
    reference = ReferenceMatcher(book)
    everyone = range(len(book.rules))
    if isinstance(durable, str):
        raise AssertionError(failure(book, everyone, case.values[0], durable))
    for raw in case.values:
        checked = check_values(book, raw)
        # Matchers take None as unknown; the evaluator passes checked values, without it.
        for values in (raw, checked):
            got, want = durable_outcome(durable, values), reference.match(values)
            if got != want:
                differing = everyone if isinstance(got, str) else sorted({i for i, _ in got ^ want})
                raise AssertionError(failure(book, differing, values, got))
        assert decide(book, checked, got) == decide(book, checked, want)
        COMPARED["value dicts"] += 1
        COMPARED["rule/value pairs"] += len(book.rules)


def test_durable_agrees_with_reference() -> None:
    COMPARED.clear()
    check_agreement()
    # Each value dict is checked against every rule of its rulebook.
    assert COMPARED["rule/value pairs"] >= MIN_CASES, COMPARED
    assert COMPARED["value dicts"] >= MIN_CASES, COMPARED


# --- numbers at the edges of what a float can say ----------------------------------------------
# Kept out of the property above, whose numbers are the quantities letters state, so that each
# test names one problem. YAML facts can spell these (`.nan`, `.inf`, `0.00001`), and durable_rules'
# JSON reader fails on `1e-05`, `1e+16`, `NaN` and `Infinity` as Python writes them (errors 202 and
# 204). `check_values` refuses what is not finite or over 10**12 and rounds to 6 decimals; the
# rest must reach both engines and get the same answer.

EDGE_NUMBERS = (
    1e-05,
    -1e-05,
    1.5e-07,
    5e-324,
    1e16,
    1.5e16,
    1e22,
    10**20,
    float("inf"),
    float("-inf"),
    float("nan"),
)


@functools.cache
def units_engines() -> tuple[Rulebook, DurableMatcher | str, ReferenceMatcher]:
    """Every number operator against a few plain constants, compiled once for the whole test."""
    tests = [Test("request.units", op, c) for op in COMPARISONS for c in (0, 1, 120.5)]
    tests += [Test("request.units", op, (1, 120.5)) for op in ("in", "not in")]
    rules = tuple(
        dataclasses.replace(
            BUNDLED.rules[0],
            id=f"edge.rule{index}",
            services=(("medication", None),),
            regions=None,
            perioperative=None,
            specialties=None,
            drug_classes=None,
            effective_from=None,
            effective_until=None,
            scope=None,
            when=test,
            supports=None,
        )
        for index, test in enumerate(tests)
    )
    book = book_of(rules)
    return book, durable_matcher(book), ReferenceMatcher(book)


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.sampled_from(EDGE_NUMBERS),
        st.floats(allow_nan=True, allow_infinity=True),
        st.integers(-(10**20), 10**20),
    )
)
def test_durable_agrees_on_edge_numbers(units: float) -> None:
    book, durable, reference = units_engines()
    values = {"request.date": date(2016, 1, 4), "request.service": "medication"}
    values["request.units"] = units
    try:
        values = check_values(book, values)
    except FactError:
        return  # refused before either engine sees it: they cannot disagree
    got, want = durable_outcome(durable, values), reference.match(values)
    if got != want:
        differing = range(len(book.rules)) if isinstance(got, str) else {i for i, _ in got ^ want}
        index = min(differing)
        mine = got if isinstance(got, str) else frozenset(m for m in got if m[0] == index)
        theirs = frozenset(m for m in want if m[0] == index)
        raise AssertionError(
            "durable_rules and the reference disagree on a number:\n"
            + report(book.rules[index], values, mine, theirs)
        )
