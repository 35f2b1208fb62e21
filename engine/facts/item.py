"""Item facts: per disputed item, what was read of its own therapy, drug, body part, test or
specialist (a thumb fracture is no red flag for a shoulder MRI; a drug is in use or a first
prescription).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from engine.facts.derived import reference_date
from engine.facts.findings import Findings
from engine.facts.medications import request_drug_facts
from engine.facts.model import IMPROVED, PER, SITE, Evidence, Fact
from engine.facts.sentences import Reading
from engine.models import Case, Request, Service
from engine.vocab import (
    normalize_phrase,
)

# The item service whose prior visits `prior_visits` means.
PRIOR_BY_SERVICE = {
    "physical_therapy": "prior_pt_visits",
    "occupational_therapy": "prior_pt_visits",
    "chiropractic": "prior_chiropractic_visits",
    "acupuncture": "prior_acupuncture_visits",
    "massage": "prior_massage_visits",
    # Post-operative therapy (perioperative/post_op_therapy) counts the visits since the surgery.
    "post_op_therapy": "postsurgical_visits_completed",
}


def therapy_of(service: Service) -> str:
    """The therapy whose visits a service counts: its category, or for post-operative therapy
    its subtype (a post-operative lab test counts no visits)."""
    if service.category == "perioperative":
        return service.subtype or service.category
    return service.category


def item_facts(case: Case, facts: list[Fact | Reading], findings: Findings) -> list[Fact]:
    """Per item, what was read of its own therapy, drug, body part, test or specialist."""
    on = reference_date(case, facts)
    by_name = {f.name: f for f in facts}
    return [
        fact
        for item in case.items
        for fact in [
            *therapy_facts(facts, therapy_of(item.normalized.service), item.index),
            *request_facts(item.normalized, item.index, by_name, findings, on),
        ]
    ]


def request_facts(
    request: Request,
    item: int | None,
    by_name: dict[str, Fact | Reading],
    findings: Findings,
    on: date | None,
) -> list[Fact]:
    """The facts that depend on what is requested: a finding of another body part left out
    (a thumb fracture is no red flag for a shoulder MRI), whether the requested drug is taken
    already, whether the requested study repeats one done, what a pre-operative test is for,
    and why a referral needs the specialist."""
    found: list[Fact] = []
    service = request.service
    regions = [r.name for r in request.regions]

    def give(name: str, value: Any, source: Fact | Reading | None) -> None:
        evidence = source.evidence if source is not None else as_requested(request)
        found.append(Fact(name=name, value=value, item=item, evidence=evidence))

    for name in findings.sites if regions else ():
        prefix = f"{SITE}{name}:"
        mentions = [(key[len(prefix) :], f) for key, f in by_name.items() if key.startswith(prefix)]
        if not mentions:
            continue
        groups = findings.findings[name].site_groups
        relevant = [f for site, f in mentions if not site or related(site, regions, groups)]
        letter = by_name.get(name)
        if relevant:
            chosen = next((f for f in relevant if f.value), relevant[0])
            if letter is None or letter.value != chosen.value:
                give(name, chosen.value, chosen)
        elif letter is not None:
            give(name, None, letter)  # documented only of other body parts: unknown here
    if request.medication:
        drug = normalize_phrase(request.medication.drug).strip()
        drug = findings.drug_name.get(drug, drug)
        if f"~drug:first:{drug}" in by_name:
            give("drug_in_use", False, by_name[f"~drug:first:{drug}"])
        elif f"~drug:taken:{drug}" in by_name or f"~drug:taken:@{item}" in by_name:
            taken = by_name.get(f"~drug:taken:{drug}") or by_name[f"~drug:taken:@{item}"]
            give("drug_in_use", True, taken)
            since = by_name.get(f"~drug:since:{drug}")
            if since and on and on >= since.value:
                give("drug_use_weeks", (on - since.value).days // 7, since)
            elif f"~drug:weeks:{drug}" in by_name:
                give(
                    "drug_use_weeks",
                    by_name[f"~drug:weeks:{drug}"].value,
                    by_name[f"~drug:weeks:{drug}"],
                )
        elif "~drug:none" in by_name:
            give("drug_in_use", False, by_name["~drug:none"])
    for name, value, source in request_drug_facts(request, by_name, findings):
        give(name, value, source)
    # Rehabilitation in the plan of care, beside a treatment that is not rehabilitation itself.
    if "~rehab:plan" in by_name and service.category in findings.adjunct_for:
        give("adjunct_to_rehabilitation", True, by_name["~rehab:plan"])
    if service.category == "imaging" and service.subtype in ("mri", "ct", "xray"):
        kind = "plain" if service.subtype == "xray" else "advanced"
        study = next(
            (by_name[f"~study:{kind}:{r}"] for r in regions if f"~study:{kind}:{r}" in by_name),
            None,
        )
        if study:
            give("repeat_study", True, study)
    if service.category == "perioperative" and service.subtype == "chest_xray":
        if "~comorbid:chest_xray" in by_name:
            give("pulmonary_complication_risk", True, by_name["~comorbid:chest_xray"])
    elif service.category in ("perioperative", "laboratory"):
        asked = normalize_phrase(request.text)
        test = next((kind for phrase, kind in findings.test_kind if phrase in asked), None)
        if test and f"~comorbid:{test}" in by_name:
            give("preop_test_indication", True, by_name[f"~comorbid:{test}"])
    if service.category == "consultation" and service.specialty:
        if service.specialty in findings.surgeons:
            reason = by_name.get("severe_neurologic_deficit") or by_name.get("surgery_considered")
        elif service.specialty in findings.proceduralists:
            reason = by_name.get("invasive_procedure_planned")
        else:
            reason = None
        if reason is not None and reason.value is True:
            give("specialist_expertise_needed", True, reason)
    return found


def as_requested(request: Request) -> Evidence:
    """Where a fact the request states of itself was read: the request as written."""
    return Evidence(source="summary", sentence=f"(the request as written) {request.text}")


def related(site: str, regions: list[str], groups: list[list[str]]) -> bool:
    """Whether a finding at one body part bears on a request about these regions."""
    return site in regions or any(site in group and r in group for group in groups for r in regions)


def therapy_facts(facts: list[Fact | Reading], category: str, item: int | None) -> list[Fact]:
    """For a request of a service category, what was read of that therapy: the visits already
    completed, those authorized but not yet attended, and functional improvement from it."""
    modality = PRIOR_BY_SERVICE.get(category)
    if modality is None:
        return []
    by_name = {fact.name: fact for fact in facts}
    return [
        Fact(name=name, value=by_name[read].value, item=item, evidence=by_name[read].evidence)
        for read, name in (
            (modality, "prior_visits"),
            (f"{PER}{modality}", "authorized_visits_pending"),
            (f"{IMPROVED}{modality}", "functional_improvement"),
        )
        if read in by_name
    ]
