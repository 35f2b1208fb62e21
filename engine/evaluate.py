"""Evaluate stage: a request's field values and clinical facts -> a `Verdict`, with every finding.

The rules engine only says which rules fired; everything decided from that is decided here, in
plain Python: findings with their rendered messages, the governing authority tier, the outcome, the
supported quantity and the missing documentation. Which engine matched the rules is not known here
beyond the `Matcher` interface.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, Protocol

from pydantic import BaseModel, ConfigDict

from engine.compiler import APPLIES, TRUE, UNKNOWN, CompiledRules, compile_rules
from engine.conditions import FieldType, fields_of, normalized, value_fits
from engine.eras import Era, Governs, governing, no_rule_statement
from engine.errors import did_you_mean
from engine.facts import FactUsed
from engine.formulary import Formulary, formulary_values, request_gate
from engine.models import Request
from engine.reference import ReferenceMatcher, truth, unknown_fields
from engine.rules import TIERS, Rule, Rulebook, render_parts

# Inside the governing tier, a denial outweighs a gap in the record, which outweighs a certification.
OUTCOME_WEIGHT = {"deny": 0, "insufficient": 1, "certify": 2}


class Matcher(Protocol):
    def match(self, values: dict[str, Any]) -> frozenset[tuple[int, str]]: ...


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


# A finding and a verdict are plain dataclasses rather than models: the evaluator builds them from
# rules already checked, several for every item judged, and a model took several times as long to
# build. The records that hold them (`CheckResult`) write the same JSON as before.
@dataclass(slots=True, kw_only=True)
class Finding:
    rule_id: str
    title: str
    tier: str
    outcome: Literal["certify", "deny", "insufficient"]
    rule_outcome: Literal["certify", "deny", "insufficient"]  # the rule's own, when it is met
    message: str
    citation: str
    confidence: str
    # What is unconfirmed, or which sources conflict (the rule's own note), shown beside it.
    confidence_note: str | None = None
    facts_used: dict[str, Any] = field(default_factory=dict)  # field -> value (None: unknown)
    missing: list[str] = field(default_factory=list)


class SupportedQuantity(Model):
    rule_id: str
    visits: int | None = None
    per_week: int | None = None
    weeks: int | None = None
    days: int | None = None
    months: int | None = None
    units: float | None = None


@dataclass(slots=True, kw_only=True)
class Verdict:
    outcome: Literal["certify", "deny", "insufficient", "no_rule"]
    date: datetime.date
    governing_tier: str | None = None
    findings: list[Finding] = field(default_factory=list)
    supported: SupportedQuantity | None = None
    missing: list[str] = field(default_factory=list)
    # The facts the record was silent on that were taken at their stated default (facts.yaml),
    # with the value taken: a reader of the verdict sees what rests on a default.
    defaults: dict[str, Any] = field(default_factory=dict)


def what_governs(rulebook: Rulebook, values: dict[str, Any]) -> list[Era]:
    """The eras in force on the item's date that speak to it, highest tier first."""
    return governing(rulebook.eras, values)


def governs_records(eras: list[Era]) -> list[Governs]:
    return [era.governs for era in eras]


def no_rule_reason(rulebook: Rulebook, on: date, eras: list[Era]) -> str:
    return no_rule_statement(on, eras, rulebook.eras.path)


class FactError(ValueError):
    """Values that do not fit the rulebook's fields: unknown names or wrong types."""


# A request always says whether it is around a surgery and whether it asks for more; where the
# caller does not, it is neither (rules on either would otherwise silently not apply).
REQUEST_DEFAULTS = {
    "request.perioperative": False,
    "request.additional": False,
    "request.post_injection": False,
    "request.for_taper": False,
    "request.for_medication_management": False,
}


def check_values(rulebook: Rulebook, values: dict[str, Any]) -> dict[str, Any]:
    """Strict check of names, types and vocabulary, because durable_rules compares mismatched
    types without complaint and a misspelt service would just match nothing."""
    checked: dict[str, Any] = {}
    checks = rulebook.value_checks
    # The two types with more to do, looked up once rather than for every value.
    text_list, number = FieldType.TEXT_LIST, FieldType.NUMBER
    for name, value in {**REQUEST_DEFAULTS, **values}.items():
        check = checks.get(name)
        if check is None:
            raise FactError(f"unknown fact '{name}'{did_you_mean(name, rulebook.fields)}")
        if value is None:
            continue
        kind, known = check
        if kind is text_list and isinstance(value, list):
            value = tuple(value)
        if not value_fits(kind, value):
            raise FactError(f"fact '{name}' is {kind.value}, but {value!r} is not")
        if known is not None:
            for item in value if isinstance(value, tuple) else (value,):
                if item not in known:
                    raise FactError(
                        f"unknown value '{item}' for '{name}'{did_you_mean(item, known)}"
                    )
        checked[name] = normalized(kind, value) if kind is number else value
    if not isinstance(checked.get("request.date"), date):
        raise FactError("the request's date is needed to choose the rules in force")
    if not isinstance(checked.get("request.service"), str):
        raise FactError("the requested service is needed to choose the rules that apply")
    return checked


def defaults_used(rulebook: Rulebook, verdict: Verdict) -> list[FactUsed]:
    """The defaults a verdict took, as records show facts: the sentence says why."""
    return [
        FactUsed(
            name=name,
            value=value,
            source="default",
            sentence=f"not documented; taken as the default: {rulebook.defaults[name].why}",
        )
        for name, value in verdict.defaults.items()
    ]


def silent_defaults(
    rulebook: Rulebook, values: dict[str, Any], considered: Iterable[str]
) -> dict[str, Any]:
    """The stated defaults (facts.yaml `default:`) of the facts the values leave unknown, where
    the default's condition holds, in the catalogue's order: a default may rest on an earlier
    one. Unknown is not absent: a fact without a stated default stays unknown. `considered`:
    the defaults that can matter to the verdict, in the catalogue's order (`defaults_read`)."""
    taken: dict[str, Any] = {}
    # The values with the defaults taken so far, kept up to date rather than merged afresh for
    # every default (a few dozen defaults, each asking over a hundred values).
    known = dict(values)
    defaults = rulebook.defaults
    for name in considered:
        default = defaults[name]
        if values.get(name) is None and truth(default.when, known) is True:
            taken[name] = known[name] = default.value
    return taken


# The fields `counted` sums: a default of either changes the sum the rules read.
COUNTED_FROM = ("prior_visits", "request.visits")


def defaults_read(rulebook: Rulebook) -> dict[str, tuple[str, ...]]:
    """Per service category, the stated defaults that can change a verdict on it, in the
    catalogue's order: those of the fields its rules read (scope, criterion, message), of the
    fields summed for them, and of the fields those defaults' own conditions read. Another
    default is never asked for: only the service's rules see the values (the matcher asserts
    only the keys they read), and a verdict records only the defaults its findings read. An
    item's request asks each of the few dozen defaults' conditions otherwise."""
    read_by: dict[str, set[str]] = {}
    for rule in rulebook.rules:
        fields = {*rule.fields_read, *(text for is_name, text in rule.message_parts if is_name)}
        for category, _ in rule.services:
            read_by.setdefault(category, set(COUNTED_FROM)).update(fields)
    found: dict[str, tuple[str, ...]] = {}
    for category, read in read_by.items():
        # A default's condition may rest on another default: follow them until none is added.
        grown = True
        while grown:
            grown = False
            for name, default in rulebook.defaults.items():
                if name in read:
                    extra = set(fields_of(default.when)) - read
                    if extra:
                        read |= extra
                        grown = True
        found[category] = tuple(name for name in rulebook.defaults if name in read)
    return found


def counted(values: dict[str, Any]) -> dict[str, Any]:
    """Sums a condition cannot write: the visits of the requested therapy once the request is
    given (a statutory cap counts those, Labor Code 4604.5(c)). Unknown while either part is."""
    prior, asked = values.get("prior_visits"), values.get("request.visits")
    if isinstance(prior, int) and isinstance(asked, int):
        return {"request.visits_with_prior": prior + asked}
    return {}


def request_values(request: Request, on: date, formulary: Formulary) -> dict[str, Any]:
    """The request's fields by the names rules use; for a drug, its status on the drug list of
    `formulary` in force on the date."""
    quantity = request.quantity
    medication = request.medication
    gate = formulary_values(request_gate(formulary, medication, on))
    return {
        **gate,
        "request.date": on,
        "request.service": request.service.category,
        "request.subtype": request.service.subtype,
        "request.specialty": request.service.specialty,
        "request.perioperative": request.perioperative,
        "request.post_injection": request.post_injection,
        "request.regions": tuple(dict.fromkeys(r.name for r in request.regions)),
        "request.sides": tuple(dict.fromkeys(r.side for r in request.regions if r.side)),
        "request.visits": quantity.visits,
        "request.per_week": quantity.per_week,
        "request.weeks": quantity.weeks,
        "request.days": quantity.days,
        "request.months": quantity.months,
        "request.units": quantity.units,
        "request.additional": quantity.additional,
        "request.drug": medication.drug if medication else None,
        "request.drug_class": medication.drug_class if medication else None,
        "request.form": medication.form if medication else None,
        "request.days_supply": medication.days_supply if medication else None,
        # A brand whose generic came to market after the request's date had none to weigh.
        "request.brand_with_generic": (
            bool(medication.generic_of_brand)
            and (medication.generic_since is None or on >= medication.generic_since)
            if medication
            else None
        ),
        "request.dispense_as_written": medication.dispense_as_written if medication else None,
        "request.for_taper": request.for_taper,
        "request.for_medication_management": request.for_medication_management,
    }


class Evaluator:
    """Evaluates requests against one rulebook. Build once per process: compiling is the costly
    part, and durable_rules keeps compiled rulesets for the life of the process."""

    def __init__(
        self, rulebook: Rulebook, engine: str = "durable", compiled: CompiledRules | None = None
    ) -> None:
        """`compiled`: the rulebook already compiled (engine.rulecache keeps it between runs)."""
        self.rulebook = rulebook
        self.defaults_read = defaults_read(rulebook)
        self.matcher: Matcher
        if engine == "durable":
            from engine.durable_backend import DurableMatcher

            self.matcher = DurableMatcher(compiled or compile_rules(rulebook))
        elif engine == "reference":
            self.matcher = ReferenceMatcher(rulebook)
        else:
            raise ValueError(f"unknown engine '{engine}' (durable or reference)")

    def evaluate(self, values: dict[str, Any]) -> Verdict:
        """Judge one item from its field values (request fields and clinical facts), the facts
        the record is silent on taken at their stated defaults."""
        checked = check_values(self.rulebook, values)
        considered = self.defaults_read.get(checked["request.service"], ())
        defaults = silent_defaults(self.rulebook, checked, considered)
        if defaults:
            checked = {**checked, **defaults}
        checked.update(counted(checked))
        verdict = decide(self.rulebook, checked, self.matcher.match(checked))
        if defaults:
            # Only those a finding read: the rest changed nothing, and would only be noise.
            read = {name for f in verdict.findings for name in f.facts_used}
            verdict.defaults = {
                name: recorded(value) for name, value in defaults.items() if name in read
            }
        return verdict

    def evaluate_request(
        self, request: Request, on: date, facts: dict[str, Any] | None = None
    ) -> Verdict:
        values = request_values(request, on, self.rulebook.formulary)
        return self.evaluate({**values, **(facts or {})})


def decide(
    rulebook: Rulebook, values: dict[str, Any], matched: frozenset[tuple[int, str]]
) -> Verdict:
    """The verdict from what matched: plain Python, independent of the engine that matched."""
    rules = rulebook.rules
    findings: list[Finding] = []
    limits: list[Rule] = []
    for index, kind in sorted(matched, key=lambda m: (TIERS.index(rules[m[0]].tier), m)):
        rule = rules[index]
        if kind == APPLIES:
            limits.append(rule)
        elif kind == TRUE:
            # A rule whose finding is `insufficient` says in words what a reviewer would need.
            needs = [w for _, w in rule.missing or ()] if rule.outcome == "insufficient" else []
            findings.append(finding(rule, values, rule.outcome, needs))
        elif kind == UNKNOWN:
            findings.append(
                finding(rule, values, "insufficient", missing_of(rulebook, rule, values))
            )
    on = values["request.date"]
    if not findings:
        return Verdict(outcome="no_rule", date=on, supported=supported(limits))
    governing = min((f.tier for f in findings), key=TIERS.index)
    deciding = deciding_findings(findings, governing)
    outcome = min((f.outcome for f in deciding), key=OUTCOME_WEIGHT.__getitem__)
    # Only an undecided verdict lacks documentation: under a denial it would change nothing.
    missing: list[str] = []
    for f in deciding if outcome == "insufficient" else []:
        for words in f.missing:
            if words not in missing:
                missing.append(words)
    return Verdict(
        outcome=outcome,  # type: ignore[arg-type]
        date=on,
        governing_tier=governing,
        findings=findings,
        supported=supported(limits),
        missing=missing,
    )


def deciding_findings(findings: list[Finding], governing: str | None) -> list[Finding]:
    """The findings the verdict rests on: those of the governing tier, less the undecided ones
    whose rule would only give an outcome that a met rule of the tier already gives. A rule whose
    conditions are all documented and met settles its outcome; another rule of the same outcome
    left undecided is another way to the same answer, not a doubt about it (a guideline's "A, or
    B" is two rules, and B undocumented must not hold back A met). An undecided rule of another
    outcome still counts: an undecided denial holds back a met certification."""
    tier = [f for f in findings if f.tier == governing]
    settled = {f.outcome for f in tier if f.outcome != "insufficient"}
    return [f for f in tier if f.outcome != "insufficient" or f.rule_outcome not in settled]


def finding(rule: Rule, values: dict[str, Any], outcome: str, missing: list[str]) -> Finding:
    if outcome == rule.outcome:
        message = render_parts(rule.message_parts, values, rule.supports)
    else:
        # The rule's message states its finding; an undecided rule says what it could not check.
        message = f"Cannot decide '{rule.title}': not documented: {'; '.join(missing)}."
    return Finding(
        rule_id=rule.id,
        title=rule.title,
        tier=rule.tier,
        outcome=outcome,  # type: ignore[arg-type]
        rule_outcome=rule.outcome,  # type: ignore[arg-type]
        message=message,
        citation=rule.citation_text,
        confidence=rule.confidence,
        confidence_note=rule.confidence_note,
        facts_used={name: recorded(values.get(name)) for name in rule.fields_read},
        missing=missing,
    )


def recorded(value: Any) -> Any:
    """A value as a finding records it: lists as lists."""
    return list(value) if isinstance(value, tuple) else value


def missing_of(rulebook: Rulebook, rule: Rule, values: dict[str, Any]) -> list[str]:
    unknown = unknown_fields(rule, values)
    worded = {fact for fact, _ in rule.missing or ()}
    # Words tied to a fact are listed only while that fact is unknown and could change the
    # answer; words for the whole rule (a list) always. A fact no words cover is described as
    # facts.yaml documents it, unless the rule's words speak for the whole of it.
    listed = [words for fact, words in rule.missing or () if fact is None or fact in unknown]
    if None in worded:
        return listed
    return listed + [rulebook.fields[name].documents for name in unknown if name not in worded]


def supported(limits: list[Rule]) -> SupportedQuantity | None:
    """The quantity the guideline supports: among the limit rules that apply, those of the highest
    tier (the MTUS number prevails wherever the MTUS gives one), and of those the smallest,
    compared by visits, then units, days, weeks and months."""
    if not limits:
        return None
    tier = min((rule.tier for rule in limits), key=TIERS.index)
    inf = float("inf")

    def size(rule: Rule) -> tuple:
        amount = rule.supports or {}
        return tuple(amount.get(k, inf) for k in ("visits", "units", "days", "weeks", "months"))

    chosen = min((r for r in limits if r.tier == tier), key=lambda r: (size(r), r.id))
    return SupportedQuantity.model_validate({"rule_id": chosen.id, **(chosen.supports or {})})


class ExampleResult(Model):
    rule_id: str
    example: str
    expected: str
    got: str  # the rule's own finding for the example, or "none"
    passed: bool
    todo: str | None = None  # a known miss: counts as passed while it still fails
    message: str | None = None


def check_examples(evaluator: Evaluator, pattern: str | None = None) -> list[ExampleResult]:
    """Run every rule's examples through the full evaluation and compare the rule's own finding.

    `pattern` keeps rules whose id, or examples whose name, contain it (case-insensitive). An
    example marked `todo` passes while it fails as expected, and fails once the rule is fixed, so
    a fixed known miss cannot go unnoticed.
    """
    wanted = (pattern or "").lower()
    results = []
    for rule in evaluator.rulebook.rules:
        for example in rule.examples:
            if wanted and wanted not in rule.id.lower() and wanted not in example.name.lower():
                continue
            verdict = evaluator.evaluate(example.values)
            own = next((f for f in verdict.findings if f.rule_id == rule.id), None)
            got = own.outcome if own else "none"
            matches = got == example.expect
            results.append(
                ExampleResult(
                    rule_id=rule.id,
                    example=example.name,
                    expected=example.expect,
                    got=got,
                    passed=not matches if example.todo else matches,
                    todo=example.todo,
                    message=own.message if own else None,
                )
            )
    return results
