"""The stable machine-readable shapes of what the engine produces (documented in the README).

Takes engine models, returns plain dicts of JSON types. Field names here are a public contract:
add fields freely, never rename or remove one without a major version.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from engine.conditions import describe
from engine.models import Case, Item, Span
from engine.rules import Rule


def span_record(span: Span | None) -> list[int] | None:
    return [span.start, span.end] if span else None


def item_record(item: Item) -> dict[str, Any]:
    request = item.normalized
    reviewer = item.reviewer_guideline
    administrator = item.claims_administrator_guideline
    return {
        "index": item.index,
        "request": item.request,
        "original_request": item.original_request,
        "authorized_request": item.authorized_request,
        "decision": item.decision.value,
        "decision_source": item.decision_source.value,
        "rationale_conclusion": item.rationale_conclusion.value,
        "citations": [
            {name: value for name, value in asdict(c).items() if name != "text"}
            for c in reviewer.citations
        ]
        if reviewer
        else [],
        "reviewer_guideline": reviewer.text if reviewer else None,
        "claims_administrator_guideline": administrator.text if administrator else None,
        "service": request.service.model_dump(),
        "perioperative": request.perioperative,
        "regions": [region.model_dump() for region in request.regions],
        "quantity": request.quantity.model_dump(),
        "medication": request.medication.model_dump() if request.medication else None,
        "spans": {
            "heading": span_record(item.heading_span),
            "request": span_record(item.request_span),
            "rationale": span_record(item.rationale_span),
        },
    }


def case_record(case: Case) -> dict[str, Any]:
    return {
        "source": case.source,
        "layout": case.layout.value,
        "case_number": case.case_number,
        "priority": case.priority,
        "dates": {name: value.isoformat() if value else None for name, value in case.dates},
        "reviewer": case.reviewer.model_dump(exclude={"span"}),
        "summary_span": span_record(case.summary_span),
        "items": [item_record(item) for item in case.items],
    }


def error_record(source: str, message: str) -> dict[str, Any]:
    return {"source": source, "error": message}


def rule_record(rule: Rule) -> dict[str, Any]:
    """A rule as `rules list --format json` and `rules show --format json` print it."""
    return {
        "id": rule.id,
        "title": rule.title,
        "criterion": rule.criterion,
        "tier": rule.tier,
        "citation": rule.citation.model_dump(),
        "effective": {
            "from": rule.effective_from.isoformat() if rule.effective_from else None,
            "until": rule.effective_until.isoformat() if rule.effective_until else None,
            "eras": list(rule.eras),
        },
        "confidence": rule.confidence,
        "confidence_note": rule.confidence_note,
        "applies": {
            "services": ["/".join(p for p in s if p) for s in rule.services],
            "regions": list(rule.regions) if rule.regions else None,
            "perioperative": rule.perioperative,
            "specialties": list(rule.specialties) if rule.specialties else None,
            "drug_classes": list(rule.drug_classes) if rule.drug_classes else None,
            "condition": describe(rule.scope) if rule.scope else None,
        },
        "when": describe(rule.when),
        "outcome": rule.outcome,
        "message": rule.message,
        "missing": [words for _, words in rule.missing] if rule.missing else None,
        "supports": rule.supports,
        "examples": len(rule.examples),
        "origin": rule.origin,
        "overlay": rule.overlay,
    }
