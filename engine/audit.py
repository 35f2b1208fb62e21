"""The audit stage: each disputed item of a published IMR letter, judged by the rules from the facts
its letter documents, and compared with the reviewer's decision.

One `AuditRecord` per item is the stable, documented output (README, "The audit record"). The
records depend only on the letter's content and the rules, never on the time or the process that
made them, so a re-run or a run on several processes gives the same records.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from engine.compiler import CompiledRules
from engine.documents import read_letter_bytes, text_of_letter
from engine.errors import InputError
from engine.evaluate import (
    Evaluator,
    FactError,
    Governs,
    SupportedQuantity,
    Verdict,
    deciding_findings,
    defaults_used,
    governs_records,
    no_rule_reason,
    request_values,
    what_governs,
)
from engine.facts import CaseFacts, FactUsed, extract_facts, with_derived
from engine.letters import parse_letter
from engine.models import Case, Decision, Item
from engine.rulecache import add_files, load_rules
from engine.rules import TIERS, Rulebook

# A bump here tells stored results apart from those of an engine that judged differently.
ENGINE_VERSION = "1"

Agreement = Literal["agree", "disagree", "not_compared"]
Outcome = Literal["certify", "deny", "insufficient", "no_rule", "error"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


class AuditRecord(Model):
    """One disputed item of one letter: what the reviewer decided, what the rules say, and why."""

    letter: str  # the path as given
    letter_sha256: str
    case_number: str | None
    item: int
    request: str
    service: str  # category, or category/subtype
    reviewer_decision: Literal["upheld", "overturned", "unknown"]
    decision_source: str  # heading | conclusion | none
    date: date | None  # the date whose rules were applied
    verdict: Outcome
    # The reviewer upholds what the record does not support, so `insufficient` is compared as a
    # denial; this flag says so. `no_rule` and `error` are not compared.
    agreement: Agreement
    compared_as_upheld: bool = False
    governing_tier: str | None = None
    reviewer_tier: str | None = None  # the highest tier among the guidelines the reviewer cited
    tier_differs: bool | None = None
    rules: list[str] = Field(default_factory=list)  # the rules behind the verdict
    reasons: list[str] = Field(default_factory=list)
    citations: list[str] = Field(default_factory=list)
    supported_quantity: SupportedQuantity | None = None
    missing: list[str] = Field(default_factory=list)
    facts: list[FactUsed] = Field(default_factory=list)
    # The documents that govern the item on its date (rules/eras.yaml), highest tier first; for
    # a `no_rule` verdict, `reasons` says in words that no rule decides it and names them.
    governs: list[Governs] = Field(default_factory=list)


class LetterResult(Model):
    """A letter's records, or why it could not be audited."""

    letter: str
    letter_sha256: str
    records: list[AuditRecord] = Field(default_factory=list)
    error: str | None = None


# --- which letters ------------------------------------------------------------------------------


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def rules_version(folders: Iterable[str | Path]) -> str:
    """A digest of every file of the rules folders (and the engine's version): results made with
    other rules are not reused."""
    digest = hashlib.sha256(f"engine {ENGINE_VERSION}\n".encode())
    for folder in map(Path, folders):
        add_files(digest, folder)
    return digest.hexdigest()[:16]


# --- judging ------------------------------------------------------------------------------------

TIER_OF_SOURCE = {
    "mtus": "mtus",
    "acoem": "acoem_odg",
    "odg": "acoem_odg",
    "other": "other_guideline",
}


def agreement_of(decision: Decision, outcome: str) -> tuple[Agreement, bool]:
    """Whether the verdict agrees with the reviewer, and whether `insufficient` was compared as a
    denial."""
    if decision is Decision.UNKNOWN or outcome not in ("certify", "deny", "insufficient"):
        return "not_compared", False
    upheld = outcome in ("deny", "insufficient")
    agrees = upheld == (decision is Decision.UPHELD)
    return ("agree" if agrees else "disagree"), outcome == "insufficient"


def rules_date(case: Case, facts: dict[str, Any]) -> date | None:
    """The date whose rules apply: that of the utilization review decision, else the nearest
    date the letter gives to it: the IMR application, the latest report, the assignment, the
    IMR decision."""
    dates = case.dates
    candidates = (
        dates.ur_denial,
        facts.get("ur_date"),
        dates.application_received,
        facts.get("latest_report_date"),
        dates.assigned,
        dates.decision,
    )
    return next((day for day in candidates if isinstance(day, date)), None)


def reviewer_tier(item: Item) -> str | None:
    line = item.reviewer_guideline
    tiers = (
        [TIER_OF_SOURCE.get(c.source, "other_guideline") for c in line.citations] if line else []
    )
    return min(tiers, key=TIERS.index) if tiers else None


def service_name(item: Item) -> str:
    service = item.normalized.service
    return f"{service.category}/{service.subtype}" if service.subtype else service.category


class Auditor:
    """Audits letters against one rulebook. Build once per process (see `Evaluator`)."""

    def __init__(
        self,
        rulebook: Rulebook,
        *,
        summary_only: bool = False,
        compiled: CompiledRules | None = None,
    ) -> None:
        """Letters are read with the rulebook's vocabularies and findings, those of its folder."""
        self.rulebook = rulebook
        self.summary_only = summary_only
        self.evaluator = Evaluator(rulebook, compiled=compiled)

    def audit_file(self, path: str | Path) -> LetterResult:
        """Never raises for a bad letter: the result carries the reason instead."""
        return self.audit_taken(path, take_text(path))

    def audit_batch(self, paths: Sequence[str | Path]) -> list[LetterResult]:
        """`audit_file` for each, with every letter's text taken out before any is audited: PDF
        text extraction and the audit then each find their own data still in the processor's
        caches, where in turn each pushed the other's out (PDF letters audit a tenth faster)."""
        taken = [take_text(path) for path in paths]
        return [self.audit_taken(path, its) for path, its in zip(paths, taken, strict=True)]

    def audit_bytes(self, path: str | Path, data: bytes) -> LetterResult:
        """A letter's bytes as read from `path` (for workers that do not see the file)."""
        return self.audit_taken(path, take_text(path, data))

    def audit_taken(self, path: str | Path, taken: tuple[str, str] | LetterResult) -> LetterResult:
        """A letter's (digest, text) from `take_text` audited, or its failure passed on."""
        if isinstance(taken, LetterResult):
            return taken
        digest, text = taken
        try:
            records = self.audit_text(text, path, digest)
        except InputError as exc:
            return LetterResult(letter=str(path), letter_sha256=digest, error=exc.message)
        return LetterResult(letter=str(path), letter_sha256=digest, records=records)

    def audit_text(self, text: str, source: str | Path, digest: str) -> list[AuditRecord]:
        case = parse_letter(text, self.rulebook.vocabulary, source=str(source))
        facts = extract_facts(case, self.rulebook.findings, summary_only=self.summary_only)
        shown = [(fact.item, FactUsed.of(fact)) for fact in facts.facts]  # once for all items
        # The procedures are judged first: the services that go with a surgery follow its
        # verdict (reviewers deny them, citing nothing more, when the surgery is denied).
        done = {
            item.index: self.audit_item(case, item, facts, shown, digest)
            for item in case.items
            if is_procedure(item)
        }
        linked = procedure_fact(done)
        for item in case.items:
            if item.index not in done:
                extra = linked if linked and is_ancillary(item) else None
                done[item.index] = self.audit_item(case, item, facts, shown, digest, extra)
        return [done[item.index] for item in case.items]

    def audit_item(
        self,
        case: Case,
        item: Item,
        facts: CaseFacts,
        shown: list[tuple[int | None, FactUsed]],
        digest: str,
        extra: FactUsed | None = None,
    ) -> AuditRecord:
        """`shown`: the letter's facts as records show them, with their items (made once for
        all the letter's items)."""
        read = facts.read_values(item.index)
        on = rules_date(case, read)
        known = self.rulebook.fields
        values = {k: v for k, v in with_derived(read, on).items() if k in known}
        if extra is not None and extra.name in known:
            values[extra.name] = extra.value
        base: dict[str, Any] = {
            "letter": case.source,
            "letter_sha256": digest,
            "case_number": case.case_number,
            "item": item.index,
            "request": item.request,
            "service": service_name(item),
            "reviewer_decision": item.decision.value,
            "decision_source": item.decision_source.value,
            "date": on,
            "reviewer_tier": reviewer_tier(item),
            "facts": [used for of, used in shown if of is None or of == item.index]
            + ([extra] if extra is not None else []),
        }
        try:
            if on is None:
                raise FactError("the letter gives no date to choose the rules in force by")
            values = {**request_values(item.normalized, on, self.rulebook.formulary), **values}
            verdict = self.evaluator.evaluate(values)
        except FactError as exc:
            return AuditRecord(
                **base, verdict="error", agreement="not_compared", reasons=[str(exc)]
            )
        base["facts"] += defaults_used(self.rulebook, verdict)
        eras = what_governs(self.rulebook, values)
        record = judged(item, verdict, base["reviewer_tier"])
        if verdict.outcome == "no_rule":
            record["reasons"] = [no_rule_reason(self.rulebook, verdict.date, eras)]
        return AuditRecord(**base, **record, governs=governs_records(eras))


def take_text(path: str | Path, data: bytes | None = None) -> tuple[str, str] | LetterResult:
    """A letter file's (content digest, text), read from disk unless its bytes are given; or the
    result that says why it cannot be read."""
    try:
        data = read_letter_bytes(path) if data is None else data
    except InputError as exc:
        return LetterResult(letter=str(path), letter_sha256="", error=exc.message)
    digest = content_hash(data)
    try:
        return digest, text_of_letter(data, path)
    except InputError as exc:
        return LetterResult(letter=str(path), letter_sha256=digest, error=exc.message)


def is_procedure(item: Item) -> bool:
    return item.normalized.service.category == "surgery" and not item.normalized.perioperative


def is_ancillary(item: Item) -> bool:
    """A service that goes with the letter's surgery: marked as around a surgery, or by its kind
    (clearance, assistant surgeon and labs are often written without "pre-op")."""
    request = item.normalized
    return request.perioperative or request.service.category in ("perioperative", "laboratory")


def procedure_fact(judged: dict[int, AuditRecord]) -> FactUsed | None:
    """`procedure_certified` for a letter's ancillary services: true if a surgery disputed in the
    same letter is certified, false only if every one is denied. Unknown where one is undecided
    (`insufficient`), has no rule or none is disputed here (it may have been authorized already):
    the service then stands on its own criteria, since a surgery the record does not yet support
    is not a surgery found unnecessary."""
    records = list(judged.values())
    certified = [r for r in records if r.verdict == "certify"]
    if not records or (not certified and any(r.verdict != "deny" for r in records)):
        return None
    chosen = certified[0] if certified else records[0]
    return FactUsed(
        name="procedure_certified",
        value=bool(certified),
        source="audit",
        sentence=f"item {chosen.item} of this letter ('{chosen.request}') was judged "
        f"{chosen.verdict}",
    )


def judged(item: Item, verdict: Verdict, cited_tier: str | None) -> dict[str, Any]:
    """The verdict's part of a record: the deciding findings' rules, reasons and citations."""
    agreement, as_upheld = agreement_of(item.decision, verdict.outcome)
    deciding = deciding_findings(verdict.findings, verdict.governing_tier)
    return {
        "verdict": verdict.outcome,
        "agreement": agreement,
        "compared_as_upheld": as_upheld,
        "governing_tier": verdict.governing_tier,
        "tier_differs": (
            cited_tier != verdict.governing_tier if cited_tier and verdict.governing_tier else None
        ),
        "rules": [f.rule_id for f in deciding],
        "reasons": [f.message for f in deciding],
        "citations": list(dict.fromkeys(f.citation for f in deciding)),
        "supported_quantity": verdict.supported,
        "missing": verdict.missing,
    }


# --- many letters -------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditSettings:
    """What a worker process needs to build its own auditor: rules are compiled per process.
    The letters are read with the vocabularies and findings of `rules_dir` (overlays hold rules
    only)."""

    rules_dir: Path | None = None
    overlays: tuple[Path, ...] = ()
    summary_only: bool = False

    def auditor(self) -> Auditor:
        rulebook, compiled = load_rules(self.rules_dir, self.overlays)
        return Auditor(rulebook, summary_only=self.summary_only, compiled=compiled)


# --- on a Dask cluster --------------------------------------------------------------------------

# One auditor per worker process and rules, built by the first letter that process gets.
_cluster_auditors: dict[AuditSettings, Auditor] = {}


def audit_on_worker(path: str, data: bytes, settings: AuditSettings) -> LetterResult:
    auditor = _cluster_auditors.get(settings)
    if auditor is None:
        auditor = _cluster_auditors[settings] = settings.auditor()
    return auditor.audit_bytes(path, data)


def audit_files_on_dask(
    files: list[Path],
    settings: AuditSettings,
    scheduler: str,
    window: int = 256,
    given: Mapping[str, bytes] | None = None,
) -> Iterator[LetterResult]:
    """The same per-letter work as `engine.runner.audit_files`, on a Dask cluster: each file's
    bytes go to a worker (workers need not share a file system), and results come back in the
    files' order. At most `window` letters are in flight, so an archive of any size streams
    through. Files are read here as for a local run (regular files only, within the size cap);
    `given` holds the bytes of letters read already (standard input). A letter's memory and time
    are left to the cluster's own limits: a letter whose workers die is recorded as failed."""
    from distributed import Client

    given = given or {}
    with Client(scheduler) as client:
        pending: list[tuple[Path, Any]] = []
        for path in files:
            try:
                data = given.get(str(path)) or read_letter_bytes(path)
            except InputError as exc:
                failure = LetterResult(letter=str(path), letter_sha256="", error=exc.message)
                pending.append((path, failure))
            else:
                job = client.submit(audit_on_worker, str(path), data, settings, pure=False)
                pending.append((path, job))
            while len(pending) > window:
                yield result_of(*pending.pop(0))
        while pending:
            yield result_of(*pending.pop(0))


def result_of(path: Path, job: Any) -> LetterResult:
    if isinstance(job, LetterResult):
        return job
    try:
        return job.result()
    except Exception as exc:  # noqa: BLE001 - e.g. KilledWorker: its workers died on it
        reason = f"the cluster could not audit it: {type(exc).__name__}: {exc}"
        return LetterResult(letter=str(path), letter_sha256="", error=reason)
