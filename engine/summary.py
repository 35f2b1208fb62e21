"""Summary stage: audit records -> agreement statistics between the rules and the IMR reviewers.

Takes the `AuditRecord`s of the audit stage (and the letters that could not be audited) and returns
one `Summary`: counts, agreement rate, balanced accuracy, Cohen's kappa, confusion matrices overall,
per service category and per rule, and the list of disagreements. Pure Python; the result depends
only on the records, never on their order, so the same records always give the same JSON.

What is compared (the same rule as the records' own `agreement`):

- the engine's `certify` is compared with the reviewer's `overturned` (medically necessary), and
  `deny` with `upheld`;
- `insufficient` is compared as `upheld`, because the reviewer denies what the record does not
  document; such records carry `compared_as_upheld`, and the summary counts how many agreements
  rest on it (`agreed_on_insufficient`);
- `no_rule` and `error` verdicts, and items whose reviewer decision is `unknown`, are not compared.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from fractions import Fraction
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from engine.audit import AuditRecord, LetterResult

VERDICTS: tuple[str, ...] = ("certify", "deny", "insufficient", "no_rule", "error")
DECISIONS: tuple[str, ...] = ("upheld", "overturned", "unknown")
# The verdicts that stand for each compared reviewer decision.
UPHOLDING_VERDICTS = frozenset({"deny", "insufficient"})
OVERTURNING_VERDICTS = frozenset({"certify"})
# Rates are rounded so the JSON reads well and does not carry float noise from one platform.
RATE_DECIMALS = 4


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


class VerdictCounts(Model):
    """Items by the engine's verdict. Every key is always present."""

    certify: int = 0
    deny: int = 0
    insufficient: int = 0
    no_rule: int = 0
    error: int = 0


class DecisionCounts(Model):
    """Items by the reviewer's decision. Every key is always present."""

    upheld: int = 0
    overturned: int = 0
    unknown: int = 0


class Confusion(Model):
    """Reviewer decision (rows) against engine verdict (columns).

    `confusion.upheld.certify` is the number of items the reviewer upheld (denied) and the rules
    certified. Agreements are the cells upheld/deny, upheld/insufficient and overturned/certify;
    disagreements are upheld/certify, overturned/deny and overturned/insufficient. The `no_rule` and
    `error` columns are not compared but are kept so that each row adds up to every item with that
    decision. Items whose decision is `unknown` have no row (see `Summary.reviewer_decisions`).
    """

    upheld: VerdictCounts = Field(default_factory=VerdictCounts)
    overturned: VerdictCounts = Field(default_factory=VerdictCounts)


class GroupSummary(Model):
    """The figures of one service category or one rule."""

    items: int = 0
    verdicts: VerdictCounts = Field(default_factory=VerdictCounts)
    compared: int = 0
    agreed: int = 0
    agreement_rate: float | None = None  # agreed / compared; None when nothing was compared
    confusion: Confusion = Field(default_factory=Confusion)


class Failure(Model):
    """A letter that could not be audited, and why."""

    letter: str
    reason: str


class Disagreement(Model):
    """Enough to find a disagreeing item again: its letter and item number, and what each side said."""

    letter: str
    case_number: str | None
    item: int
    request: str
    service: str
    reviewer_decision: Literal["upheld", "overturned"]
    verdict: Literal["certify", "deny", "insufficient"]
    compared_as_upheld: bool
    rules: list[str]


class Summary(Model):
    """Agreement between the rules and the reviewers over a set of audited letters.

    Rates are fractions between 0 and 1 rounded to 4 decimals. A statistic that is undefined for the
    records at hand is None, never 0:

    - `agreement_rate` is None when no item was compared;
    - `upheld_recall` / `overturned_recall` are None when no compared item has that decision;
    - `balanced_accuracy`, the mean of the two recalls, is None unless both are defined, because
      the mean of a single class's recall would pass off plain accuracy as balanced;
    - `kappa` (Cohen's, on the 2x2 table of reviewer upheld/overturned against engine
      upheld/overturned) is None when nothing was compared or when chance agreement is 1, which
      happens when reviewer and engine both used one and the same class for every item. With one
      reviewer class but both engine classes, kappa is defined (and at most 0).
    """

    letters: int  # letters with at least one record
    letters_failed: int
    failures: list[Failure]
    items: int
    verdicts: VerdictCounts
    reviewer_decisions: DecisionCounts
    compared: int
    agreed: int
    disagreed: int
    agreement_rate: float | None
    upheld_recall: float | None
    overturned_recall: float | None
    balanced_accuracy: float | None
    kappa: float | None
    agreed_on_insufficient: int
    confusion: Confusion
    by_category: dict[str, GroupSummary]  # keys sorted
    by_rule: dict[str, GroupSummary]  # keys sorted
    tier_compared: int  # items where both the governing tier and the reviewer's tier are known
    tier_differs: int
    # Sorted by letter, then item; all of them, or as many as were asked for.
    disagreements: list[Disagreement]


class InconsistentRecordError(ValueError):
    """A record whose `agreement` does not follow from its decision and verdict, e.g. one stored by
    an engine that compared differently. Summing it would make the figures contradict each other."""


# The development letters (those in ../shared the rules and readers were written against) are
# split once into two halves by a hash of the case number: rules, phrases and defaults may be
# changed for what the tuning half shows, never for a validation-half letter, so the validation
# half says how the rules fare on letters they were not fitted to. The hash, not a list, makes the
# split reproducible for any letter without a file to keep in step.
DEVELOPMENT_HALVES = ("tuning", "validation")


def development_half(case_number: str) -> str:
    """`tuning` or `validation`: the half of the development letters a case number falls in."""
    first_byte = hashlib.sha256(case_number.strip().upper().encode("ascii")).digest()[0]
    return DEVELOPMENT_HALVES[first_byte & 1]


def category_of(record: AuditRecord) -> str:
    """The service category, without its subtype (`imaging/mri` -> `imaging`)."""
    return record.service.split("/", 1)[0]


def is_compared(record: AuditRecord) -> bool:
    return record.reviewer_decision != "unknown" and record.verdict in (
        UPHOLDING_VERDICTS | OVERTURNING_VERDICTS
    )


def engine_upholds(record: AuditRecord) -> bool:
    return record.verdict in UPHOLDING_VERDICTS


def check_consistent(record: AuditRecord) -> None:
    """Raise `InconsistentRecordError` unless the record's agreement follows from its decision and
    verdict by the rule in the module docstring."""
    if is_compared(record):
        agrees = engine_upholds(record) == (record.reviewer_decision == "upheld")
        expected = "agree" if agrees else "disagree"
    else:
        expected = "not_compared"
    as_upheld = expected != "not_compared" and record.verdict == "insufficient"
    if record.agreement != expected or record.compared_as_upheld != as_upheld:
        raise InconsistentRecordError(
            f"{record.letter} item {record.item}: reviewer {record.reviewer_decision} and verdict "
            f"{record.verdict} make '{expected}' (compared as upheld: {as_upheld}), but the record "
            f"says '{record.agreement}' (compared as upheld: {record.compared_as_upheld})"
        )


def rate(numerator: int, denominator: int) -> float | None:
    return rounded(Fraction(numerator, denominator)) if denominator else None


def recall(hits: int, misses: int) -> Fraction | None:
    return Fraction(hits, hits + misses) if hits + misses else None


def rounded(value: Fraction | None) -> float | None:
    return None if value is None else round(float(value), RATE_DECIMALS)


def add(counts: VerdictCounts, verdict: str) -> None:
    setattr(counts, verdict, getattr(counts, verdict) + 1)


def add_to_group(group: GroupSummary, record: AuditRecord) -> None:
    group.items += 1
    add(group.verdicts, record.verdict)
    if record.reviewer_decision != "unknown":
        add(getattr(group.confusion, record.reviewer_decision), record.verdict)
    if record.agreement != "not_compared":
        group.compared += 1
        group.agreed += record.agreement == "agree"


def finish(groups: dict[str, GroupSummary]) -> dict[str, GroupSummary]:
    """The groups with their rates, sorted by name; copies, so the tally can go on."""
    finished = {name: group.model_copy(deep=True) for name, group in sorted(groups.items())}
    for group in finished.values():
        group.agreement_rate = rate(group.agreed, group.compared)
    return finished


def cohens_kappa(table: dict[tuple[bool, bool], int]) -> float | None:
    """Cohen's kappa of a 2x2 table keyed (reviewer upheld, engine upheld).

    kappa = (p_o - p_e) / (1 - p_e), with p_o the share of items on the diagonal and p_e the
    agreement expected by chance from each side's own rate of upholding. Computed in fractions so
    that a table gives exactly the same float everywhere.
    """
    total = sum(table.values())
    if not total:
        return None
    observed = Fraction(table[True, True] + table[False, False], total)
    chance = Fraction(0)
    for upheld in (True, False):
        reviewer_share = Fraction(table[upheld, True] + table[upheld, False], total)
        engine_share = Fraction(table[True, upheld] + table[False, upheld], total)
        chance += reviewer_share * engine_share
    if chance == 1:
        return None
    return rounded((observed - chance) / (1 - chance))


def summarize(records: Iterable[AuditRecord], failures: Iterable[LetterResult] = ()) -> Summary:
    """Sum up audit records, and the letters that could not be audited, into a `Summary`.

    `failures` are the `LetterResult`s of letters that failed; results without an error are
    passed over, so all of a run's results may be given. A letter is counted as audited when it
    has a record, so a letter that produced no item at all is in neither count.

    Raises `InconsistentRecordError` for a record whose `agreement` does not follow from its
    reviewer decision and verdict.
    """
    tally = Tally()
    letters: set[str] = set()
    for record in records:
        tally.add_record(record)
        letters.add(record.letter)
    for failure in failures:
        tally.add_failure(failure)
    return tally.summary(len(letters))


class Tally:
    """A summary built one letter at a time, holding counts rather than records: an audit of
    the whole archive sums up as it goes. Only the disagreements and failures are kept, as the
    summary lists them: the disagreements up to `listed_disagreements` (the first to come; all are
    counted)."""

    def __init__(self, listed_disagreements: int | None = None) -> None:
        self.listed_disagreements = listed_disagreements
        # Letters are counted as their records come, one letter's together (as a run gives
        # them, and as the store reads them back in letter order).
        self.letters = 0
        self.last_letter: str | None = None
        self.verdicts = VerdictCounts()
        self.decisions = DecisionCounts()
        self.overall = GroupSummary()
        self.by_category: dict[str, GroupSummary] = defaultdict(GroupSummary)
        self.by_rule: dict[str, GroupSummary] = defaultdict(GroupSummary)
        # (reviewer upheld, engine upheld) -> compared items
        self.table: dict[tuple[bool, bool], int] = {
            (reviewer, engine): 0 for reviewer in (True, False) for engine in (True, False)
        }
        self.agreed_on_insufficient = self.tier_compared = self.tier_differs = 0
        self.disagreements: list[Disagreement] = []
        self.failures: list[Failure] = []

    def add_result(self, result: LetterResult) -> None:
        """One letter's result: its records, or its failure."""
        if result.error is not None:
            self.add_failure(result)
            return
        for record in result.records:
            self.add_record(record)

    def add_failure(self, result: LetterResult) -> None:
        if result.error is not None:
            self.failures.append(Failure(letter=result.letter, reason=result.error))

    def add_record(self, record: AuditRecord) -> None:
        check_consistent(record)
        if record.letter != self.last_letter:
            self.letters += 1
            self.last_letter = record.letter
        add(self.verdicts, record.verdict)
        decision = record.reviewer_decision
        setattr(self.decisions, decision, getattr(self.decisions, decision) + 1)
        add_to_group(self.overall, record)
        add_to_group(self.by_category[category_of(record)], record)
        # A rule named twice on one record still counts the record once for it.
        for rule in dict.fromkeys(record.rules):
            add_to_group(self.by_rule[rule], record)
        if record.tier_differs is not None:
            self.tier_compared += 1
            self.tier_differs += record.tier_differs
        if record.agreement == "not_compared":
            return
        self.table[record.reviewer_decision == "upheld", engine_upholds(record)] += 1
        if record.agreement == "agree":
            self.agreed_on_insufficient += record.compared_as_upheld
        elif (
            self.listed_disagreements is None or len(self.disagreements) < self.listed_disagreements
        ):
            self.disagreements.append(
                Disagreement(
                    letter=record.letter,
                    case_number=record.case_number,
                    item=record.item,
                    request=record.request,
                    service=record.service,
                    reviewer_decision=record.reviewer_decision,  # type: ignore[arg-type]
                    verdict=record.verdict,  # type: ignore[arg-type]
                    compared_as_upheld=record.compared_as_upheld,
                    rules=list(record.rules),
                )
            )

    def summary(self, letters: int | None = None) -> Summary:
        """The summary so far; `letters`: the letters with a record, where the caller counted
        them (records that do not come one letter's together)."""
        table, overall = self.table, self.overall
        upheld_recall = recall(table[True, True], table[True, False])
        overturned_recall = recall(table[False, False], table[False, True])
        balanced = (
            (upheld_recall + overturned_recall) / 2
            if upheld_recall is not None and overturned_recall is not None
            else None
        )
        return Summary(
            letters=self.letters if letters is None else letters,
            letters_failed=len(self.failures),
            failures=sorted(self.failures, key=lambda f: f.letter),
            items=overall.items,
            verdicts=self.verdicts.model_copy(),
            reviewer_decisions=self.decisions.model_copy(),
            compared=overall.compared,
            agreed=overall.agreed,
            disagreed=overall.compared - overall.agreed,
            agreement_rate=rate(overall.agreed, overall.compared),
            upheld_recall=rounded(upheld_recall),
            overturned_recall=rounded(overturned_recall),
            balanced_accuracy=rounded(balanced),
            kappa=cohens_kappa(table),
            agreed_on_insufficient=self.agreed_on_insufficient,
            confusion=overall.confusion.model_copy(deep=True),
            by_category=finish(self.by_category),
            by_rule=finish(self.by_rule),
            tier_compared=self.tier_compared,
            tier_differs=self.tier_differs,
            # In a stable order whatever the order the records came in.
            disagreements=sorted(self.disagreements, key=lambda d: (d.letter, d.item)),
        )
