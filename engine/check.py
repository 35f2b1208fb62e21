"""The check stage: one new request, before it is submitted, judged by the rules from its clinical
notes and any facts written by hand; with what would make it pass.

`check_request` returns a `CheckResult`, whose JSON shape is documented in the README ("imrcheck
check"); `cds_hooks_response` turns it into a CDS Hooks response with one card.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from engine.eras import judged_by_sentence
from engine.evaluate import (
    Evaluator,
    Finding,
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
from engine.facts import CaseFacts, Fact, FactUsed, extract_note_facts, with_overrides
from engine.formulary import FormularyStatus, request_gate
from engine.models import Request
from engine.requests import normalize_request
from engine.rules import Rulebook
from engine.vocab import Vocabulary


class NothingToCheck(ValueError):
    """A request in which no service the rules know is recognised."""


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


class CheckResult(Model):
    request: str
    service: str
    quantity: dict[str, Any]
    date: date
    # One sentence: the date judged by and the documents in force on it for this service.
    judged_by: str
    # The verdict in plain words, for a reader who stops after one sentence.
    summary: str = ""
    # The documents that govern this service on the date (rules/eras.yaml), highest tier first.
    governs: list[Governs] = Field(default_factory=list)
    verdict: Literal["certify", "deny", "insufficient", "no_rule"]
    # For `no_rule` only: why, in plain words, naming what governs.
    no_rule_reason: str | None = None
    governing_tier: str | None = None
    reasons: list[Finding] = Field(default_factory=list)  # the deciding findings
    supported_quantity: SupportedQuantity | None = None
    # The most visits, fewer than asked, that the rules would not deny on this record (the
    # visits already given, the improvement documented and every other finding as they stand),
    # and their verdict: `certify`, `insufficient` where the record must still document what
    # `to_pass` lists, or `no_rule` where no rule in force decides them. None when no smaller
    # number would do better, or the request is not counted in visits. The guideline's line (`supported_quantity`) is not it when visits were
    # already given.
    passing_visits: int | None = None
    passing_visits_verdict: Literal["certify", "insufficient", "no_rule"] | None = None
    to_pass: list[str] = Field(default_factory=list)  # what would make the request pass
    missing: list[str] = Field(default_factory=list)
    facts: list[FactUsed] = Field(default_factory=list)
    # For a drug: the formulary's gate (whether it needs prospective review), on the drug list in
    # force on the date; a legal gate beside the verdict, which judges medical necessity.
    formulary: FormularyStatus | None = None


def read_request(text: str, vocabulary: Vocabulary) -> Request:
    request = normalize_request(text, vocabulary)
    if request.service.category == "other" and request.medication is None:
        raise NothingToCheck(
            f"no service the rules know is named in '{text.strip()[:80]}'; write it as a request "
            "is written, e.g. 'Physical therapy 2x6 lumbar spine' or 'MRI of the cervical spine'"
        )
    return request


def check_request(
    evaluator: Evaluator,
    request_text: str,
    on: date,
    notes: str | None = None,
    notes_source: str = "<notes>",
    written_facts: list[Fact] | None = None,
) -> CheckResult:
    """The request and notes are read with the vocabularies and findings of the evaluator's
    rulebook. Raises `NothingToCheck` for a request that names nothing known, `FactError` for
    written facts the rules cannot use."""
    rulebook = evaluator.rulebook
    request = read_request(request_text, rulebook.vocabulary)
    facts = (
        extract_note_facts(notes, rulebook.findings, notes_source, request=request, note_date=on)
        if notes
        else CaseFacts(source=notes_source, facts=[])
    )
    if written_facts:
        facts = with_overrides(facts, written_facts)
    known = rulebook.fields
    values = {k: v for k, v in facts.values(None, on).items() if k in known}
    values = {**request_values(request, on, rulebook.formulary), **values}
    verdict = evaluator.evaluate(values)
    eras = what_governs(rulebook, values)
    deciding = deciding_findings(verdict.findings, verdict.governing_tier)
    fewer = passing_visits(evaluator, values, verdict)
    service = request.service
    result = CheckResult(
        request=request_text.strip(),
        service=f"{service.category}/{service.subtype}" if service.subtype else service.category,
        quantity=request.quantity.model_dump(exclude_defaults=True),
        date=on,
        judged_by=judged_by_sentence(on, eras),
        governs=governs_records(eras),
        verdict=verdict.outcome,
        no_rule_reason=no_rule_reason(rulebook, on, eras) if verdict.outcome == "no_rule" else None,
        governing_tier=verdict.governing_tier,
        reasons=deciding,
        supported_quantity=verdict.supported,
        passing_visits=fewer.visits if fewer else None,
        passing_visits_verdict=fewer.verdict if fewer else None,
        to_pass=ways_to_pass(evaluator, request, verdict, deciding, fewer),
        missing=verdict.missing,
        facts=[FactUsed.of(f) for f in facts.facts] + defaults_used(rulebook, verdict),
        formulary=request_gate(rulebook.formulary, request.medication, on),
    )
    result.summary = plain_verdict(result, rulebook)
    return result


MISSING_IN_SUMMARY = 3


def plain_verdict(result: CheckResult, rulebook: Rulebook) -> str:
    """The verdict as one or two sentences a clinician's office reads first: what the verdict
    is, the main reason, and how sure the rule behind it is where that is less than confirmed."""
    on = result.date.isoformat()
    if result.verdict == "no_rule":
        return result.no_rule_reason or f"No rule in force on {on} decides this request."
    deciding = [f for f in result.reasons if f.outcome == result.verdict] or result.reasons
    if result.verdict == "certify":
        sentence = f"The request meets the guideline in force on {on}"
        sentence += f": {deciding[0].title}." if deciding else "."
    elif result.verdict == "deny":
        sentence = f"The request does not meet the guideline in force on {on}."
        sentence += f" {deciding[0].message}" if deciding else ""
        if result.passing_visits:
            sentence = f"{sentence.rstrip('.')}. {fewer_visits_words(result)}."
        elif result.quantity.get("visits", 0) > 1 and result.supported_quantity:
            sentence = f"{sentence.rstrip('.')}. Fewer visits would not pass either."
    else:
        sentence = f"The request cannot be judged on the record given (rules in force on {on})"
        if result.missing:
            # The first few, as the table lists them all.
            shown = result.missing[:MISSING_IN_SUMMARY]
            more = len(result.missing) - len(shown)
            sentence += f": it does not document {'; '.join(shown)}"
            sentence += f" (and {more} more, listed below)." if more else "."
        else:
            sentence += "."
    notes = dict.fromkeys(
        f"{rule.confidence}: {rule.confidence_note or 'see the rule'}"
        for f in deciding
        if (rule := rulebook.by_id.get(f.rule_id)) and rule.confidence != "confirmed"
    )
    if notes:
        sentence += f" The rule behind it is not fully confirmed ({'; '.join(notes)})."
    return sentence


class FewerVisits(NamedTuple):
    visits: int
    verdict: Literal["certify", "insufficient", "no_rule"]
    missing: list[str]  # what the record would still have to document for them


def passing_visits(
    evaluator: Evaluator, values: dict[str, Any], verdict: Verdict
) -> FewerVisits | None:
    """The most visits, fewer than asked, that the rules would not deny on this record, with
    their verdict: a certification, one the record could still earn by documenting what it
    lacks, or none where no rule in force decides them (a statutory cap met with fewer visits
    and no confirmed criterion beyond it). Found by asking the rules themselves: a guideline's line less the visits already
    given, a statutory cap, a continuation without documented improvement all come out of the
    same judgement, so no arithmetic here can disagree with the verdict. Fewer visits are never
    judged worse than more (every visit rule is a ceiling), so a binary search finds the most in
    a few evaluations."""
    asked = values.get("request.visits")
    if verdict.outcome in ("certify", "no_rule") or not isinstance(asked, int) or asked < 2:
        return None
    best: FewerVisits | None = None
    low, high = 1, asked - 1
    while low <= high:
        middle = (low + high) // 2
        judged = evaluator.evaluate({**values, "request.visits": middle})
        if judged.outcome != "deny":
            best, low = FewerVisits(middle, judged.outcome, judged.missing), middle + 1
        else:
            high = middle - 1
    # Fewer visits that are only undecided, as the full request already is, change nothing.
    if best and verdict.outcome == "insufficient" and best.verdict != "certify":
        return None
    return best


def fewer_visits_words(result: CheckResult) -> str:
    """What fewer visits would get, in words; empty where fewer would do no better."""
    visits, verdict = result.passing_visits, result.passing_visits_verdict
    if not visits:
        return ""
    if verdict == "certify":
        return f"Up to {visits} visits would pass"
    if verdict == "insufficient":
        return f"Up to {visits} visits could pass, with the documentation listed under 'to pass'"
    return f"Up to {visits} visits would not be denied (no rule in force decides them)"


def ways_to_pass(
    evaluator: Evaluator,
    request: Request,
    verdict: Verdict,
    deciding: list[Finding],
    fewer: FewerVisits | None,
) -> list[str]:
    """What would turn the verdict into a certification: fewer visits where fewer would pass on
    this record, and documentation of what the denying rules found absent or could not find."""
    if verdict.outcome in ("certify", "no_rule"):
        return []
    advice: list[str] = []
    rulebook = evaluator.rulebook
    asked = request.quantity.visits
    if fewer and asked:
        supported = verdict.supported
        rule = rulebook.by_id.get(supported.rule_id) if supported else None
        within = f" (within '{rule.title}')" if rule else ""
        advice.append(f"ask for {fewer.visits} visits rather than {asked}{within}")
        # What the smaller request would still need, where the record lacks it.
        advice.extend(f"document {words}" for words in fewer.missing)
    for finding in deciding:
        if finding.outcome != "deny":
            continue
        for name, value in finding.facts_used.items():
            spec = rulebook.fields.get(name)
            # A fact found false may simply be undocumented: documenting it is the way through.
            if spec is not None and value is False and not name.startswith("request."):
                line = f"document {spec.documents}, if present"
                if line not in advice:
                    advice.append(line)
    advice.extend(
        f"document {words}" for words in verdict.missing if f"document {words}" not in advice
    )
    if verdict.outcome == "deny" and not advice:
        # A denial on what was asked for, not on what the record lacks: say so, rather than
        # leave the office to guess what to add.
        cited = "; ".join(dict.fromkeys(f.citation for f in deciding if f.outcome == "deny"))
        advice.append(
            f"nothing the record could add changes this under {cited}: the guideline does not "
            "support the request as asked"
        )
    return advice


# --- CDS Hooks --------------------------------------------------------------------------------

INDICATOR = {"certify": "info", "no_rule": "info", "insufficient": "warning", "deny": "critical"}
VERDICT_WORDS = {
    "certify": "meets the guideline",
    "deny": "does not meet the guideline",
    "insufficient": "cannot be judged: documentation missing",
    "no_rule": "no rule covers it",
}
SUMMARY_LIMIT = 140  # the CDS Hooks specification's limit for a card's summary


def cds_hooks_response(result: CheckResult) -> dict[str, Any]:
    """A CDS Hooks response with one card, so an EHR could call the check."""
    summary = f"{result.request}: {VERDICT_WORDS[result.verdict]}"
    if result.passing_visits:
        summary += f"; fewer visits: {result.passing_visits}"
    if len(summary) > SUMMARY_LIMIT:
        summary = summary[: SUMMARY_LIMIT - 1] + "…"
    citations = list(dict.fromkeys(f.citation for f in result.reasons))
    return {
        "cards": [
            {
                "summary": summary,
                "detail": markdown_detail(result),
                "indicator": INDICATOR[result.verdict],
                "source": {"label": "; ".join(citations) or "imrcheck guideline rules"},
            }
        ]
    }


def markdown_detail(result: CheckResult) -> str:
    lines = [f"**Verdict:** {result.verdict} (rules in force on {result.date.isoformat()})", ""]
    if result.no_rule_reason:
        lines += [result.no_rule_reason, ""]
    if result.reasons:
        lines.append("**Why:**")
        lines += [f"- {f.message} ({f.citation})" for f in result.reasons]
        lines.append("")
    if result.passing_visits:
        lines += [f"**Fewer visits:** {fewer_visits_words(result)}.", ""]
    elif result.supported_quantity and result.supported_quantity.visits:
        lines += [f"**Guideline line:** {result.supported_quantity.visits} visits", ""]
    if result.to_pass:
        lines.append("**To pass:**")
        lines += [f"- {advice}" for advice in result.to_pass]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
