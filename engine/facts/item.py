"""Item facts: per disputed item, what was read of its own therapy, drug, body part, test or
specialist (a thumb fracture is no red flag for a shoulder MRI; a drug is in use or a first
prescription).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from engine.facts.derived import reference_date
from engine.facts.duplicates import APPROVED, same_service
from engine.facts.findings import Findings
from engine.facts.function import PAIN_DROP, TENS_TRIAL, TRIAL_GAIN
from engine.facts.injections import INJECTION, KINDS
from engine.facts.medications import (
    DRUG_ASKED,
    DRUG_CLASS_NEW,
    DRUG_FIRST,
    DRUG_NAMED,
    DRUG_NONE,
    DRUG_PLANNED,
    DRUG_REFILL,
    DRUG_TAKEN,
    request_drug_facts,
)
from engine.facts.model import (
    GIVEN,
    IMPROVED,
    NAMED,
    PER,
    POSTSURGICAL_THERAPIES,
    SITE,
    UNNAMED,
    Evidence,
    Fact,
)
from engine.facts.parts import body_regions, part_facts, same_part
from engine.facts.prior_treatment import UNNAMED_VISITS, VISITS_FROM
from engine.facts.sentences import Reading, padded, phrase_words
from engine.facts.surgery import RELATIVES, SURGERIES
from engine.models import Case, Request
from engine.vocab import (
    normalize_phrase,
)

# Walking impaired (rules/vocab/findings.yaml), the need a walking aid serves.
AMBULATION = "~ambulation_impaired"
TOILET_OUT_OF_REACH = "~toilet_out_of_reach"
HOSPITAL_BED_NEED = "~hospital_bed_need"
# The reading that tells the medical need for each kind of equipment that has one read.
_NEED_READ = {
    "walker": AMBULATION,
    "cane": AMBULATION,
    "commode": TOILET_OUT_OF_REACH,
    "hospital_bed": HOSPITAL_BED_NEED,
}
# Care the treating physician's office cannot give (rules/vocab/findings.yaml), a referral's
# reason.
BEYOND_THIS_OFFICE = "~beyond_this_office"
# The knee's locking or catching (`knee.mechanical_symptoms`), a sign of internal derangement.
MECHANICAL = "knee_mechanical_symptoms"
# Physical therapy named as such, not therapy unqualified.
_PHYSICAL_THERAPY_NAMED = re.compile(
    r"\b(?:pt|physical\s+therap\w*|physiotherap\w*)\b", re.I | re.ASCII
)
# The item service whose prior visits `prior_visits` means.
PRIOR_BY_SERVICE = {
    "physical_therapy": "prior_pt_visits",
    # (Counted apart: the Labor Code caps each discipline on its own, and "therapy" unqualified
    # is read as both; physical therapy's visits named as such are not occupational therapy's.)
    "occupational_therapy": "prior_ot_visits",
    "chiropractic": "prior_chiropractic_visits",
    "acupuncture": "prior_acupuncture_visits",
    "massage": "prior_massage_visits",
    "psychotherapy": "prior_psychotherapy_visits",
}


# The spine's neurologic red flags, a reason to refer to a spine surgeon (ACOEM Ch. 8 and 12).
_SPINE_REGIONS = frozenset(["cervical_spine", "thoracic_spine", "lumbar_spine"])
_SPINE_RED_FLAGS = ("red_flag_myelopathy", "red_flag_cauda_equina", "red_flag_progressive_deficit")
_AFTER_SURGERY = re.compile(r"\b(?:following|after|post|s/p)\b", re.I | re.ASCII)
_JOINT_REPLACED = re.compile(
    r"\b(?:arthroplasty|replacement|tka|tkr|uka|unicompartmental)\b", re.I | re.ASCII
)


_YEAR = re.compile(r"\b(?:19|20)\d\d\b", re.ASCII)
_SURGERY_NAMED = re.compile(
    r"\b(?:surgery|arthroscop\w*|fusion|repair|release|orif|\w+ectomy|\w+otomy|\w+plasty|sad|"
    r"decompression|replacement|reconstruction)\b",
    re.I | re.ASCII,
)


def years_before(sentence: str, year: int) -> bool:
    """Whether a sentence names years, and only years before `year`."""
    years = [int(found) for found in _YEAR.findall(sentence)]
    return bool(years) and max(years) < year


def item_facts(case: Case, facts: list[Fact | Reading], findings: Findings) -> list[Fact]:
    """Per item, what was read of its own therapy, drug, body part, test or specialist."""
    on = reference_date(case, facts)
    by_name = {f.name: f for f in facts}
    found: list[Fact] = []
    for item in case.items:
        own = surgery_of_the_part(facts, item.normalized, item.index, findings)
        found.extend(own)
        found.extend(
            therapy_facts(
                [*facts, *own],
                item.normalized.service.category,
                item.index,
                item.normalized.service.subtype,
                first_asked=not item.normalized.quantity.additional,
            )
        )
        found.extend(
            request_facts(
                item.normalized,
                item.index,
                {**by_name, **{f.name: f for f in own}},
                findings,
                on,
            )
        )
    return found


def surgery_of_the_part(
    facts: list[Fact | Reading], request: Request, item: int | None, findings: Findings
) -> list[Fact]:
    """Of several surgeries the record dates, the one of the part the request is about, where
    the one the record keeps (the first dated) names another part: "R distal radius ORIF
    07/18/2025 ... L knee partial meniscectomy 01/27/2026" with post-op therapy asked for the
    knee. Its date and procedure, as the item's; nothing where the surgery kept is of the part
    or names none (it may be), or no other is this patient's, done, and of the part and side."""
    regions = {r.name for r in request.regions}
    kept = next((f for f in facts if f.name == "surgery_date"), None)
    told = next((f for f in facts if f.name == SURGERIES), None) if regions and kept else None
    if told is None or kept is None:
        return []
    sides = {r.side for r in request.regions if r.side in ("left", "right")}

    def parts_of(kind: Reading | None) -> set[str]:
        return body_regions(findings, kind.value) if kind is not None else set()

    kept_parts = set().union(
        *(parts_of(kind) for day, kind in told.value if day.value == kept.value)
    )
    if not kept_parts or same_part(kept_parts, regions):
        return []

    def of_the_part(day: Reading, kind: Reading | None) -> bool:
        if kind is None or not same_part(parts_of(kind), regions):
            return False
        if _ANOTHERS_OR_UNDONE.search(day.sentence.text):
            return False
        side = side_before(kind.sentence.text, kind.start)
        return not sides or side is None or side in sides

    chosen = next(((day, kind) for day, kind in told.value if of_the_part(day, kind)), None)
    if chosen is None:
        return []
    day, kind = chosen
    return [fact_of("surgery_date", day, item), fact_of("surgery_type", kind, item)]


# A surgery told of another person, or not done after all (`surgery_of_the_part`).
_ANOTHERS_OR_UNDONE = re.compile(
    rf"\b(?:{RELATIVES})(?:'s)?\b|\b(?:cancel\w*|postponed|rescheduled|deferred|on\s+hold|"
    r"aborted|abandoned|not\s+done)\b",
    re.I | re.ASCII,
)
_SIDE_WORD = re.compile(r"\b(?:(left|lt|L)|(right|rt|R))\b", re.ASCII | re.I)


def side_before(text: str, start: int) -> str | None:
    """The side named in the clause just before a place: "L knee arthroscopic ..."."""
    clause = max(text.rfind(mark, 0, start) for mark in ".;,(")
    found = list(_SIDE_WORD.finditer(text, max(clause + 1, start - 60), start + 12))
    if not found:
        return None
    return "left" if found[-1][1] else "right"


def request_facts(
    request: Request,
    item: int | None,
    by_name: dict[str, Fact | Reading],
    findings: Findings,
    on: date | None,
    note: bool = False,
) -> list[Fact]:
    """The facts that depend on what is requested: a finding of another body part left out
    (a thumb fracture is no red flag for a shoulder MRI), whether the requested drug is taken
    already, whether the requested study repeats one done, what a pre-operative test is for,
    and why a referral needs the specialist. In a note written for a refill (`note`), the
    functional improvement it documents without naming a therapy is the drug's, as for a
    therapy whose visits it documents."""
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
    for name, value, source in part_facts(by_name, regions) if regions else ():
        give(name, value, source)
    # The knee's locking or catching the record tells ("it locks up and I have to wiggle it
    # loose") is a sign of internal derangement, as ACOEM Ch. 13 lists them (knee_derangement_signs
    # names locking and catching beside the examination's tests).
    mechanical = next((f for f in found if f.name == MECHANICAL), by_name.get(MECHANICAL))
    derangement = by_name.get("knee_derangement_signs")
    if (
        mechanical is not None
        and mechanical.value is True
        and (derangement is None or derangement.value is not True)
    ):
        give("knee_derangement_signs", True, mechanical)
    if request.medication:
        drug = normalize_phrase(request.medication.drug).strip()
        drug = findings.drug_name.get(drug, drug)
        if f"{DRUG_FIRST}{drug}" in by_name:
            give("drug_in_use", False, by_name[f"{DRUG_FIRST}{drug}"])
        elif (
            f"{DRUG_TAKEN}{drug}" in by_name
            or f"{DRUG_TAKEN}@{item}" in by_name
            # A note asking for a refill ("RFA - medication refill") of the one drug it asks for.
            or (note and DRUG_REFILL in by_name and f"{DRUG_PLANNED}{drug}" not in by_name)
        ):
            taken = (
                by_name.get(f"{DRUG_TAKEN}{drug}")
                or by_name.get(f"{DRUG_TAKEN}@{item}")
                or by_name[DRUG_REFILL]
            )
            give("drug_in_use", True, taken)
            if request.medication.drug_class == "opioid" and "opioid_use" not in by_name:
                give("opioid_use", True, taken)
            improved = by_name.get(f"{IMPROVED}{UNNAMED}") if note else None
            if improved is not None:
                give("functional_improvement", improved.value, improved)
            # A note written for the drug taken that documents the pain falling ("Burning foot
            # pain 7/10 -> 4/10") documents relief from it, where it says nothing else of relief.
            dropped = by_name.get(PAIN_DROP) if note else None
            if dropped is not None and "medication_pain_relief" not in by_name:
                give("medication_pain_relief", True, dropped)
            since = by_name.get(f"~drug:since:{drug}")
            if since and on and on >= since.value:
                give("drug_use_weeks", (on - since.value).days // 7, since)
            elif f"~drug:weeks:{drug}" in by_name:
                give(
                    "drug_use_weeks",
                    by_name[f"~drug:weeks:{drug}"].value,
                    by_name[f"~drug:weeks:{drug}"],
                )
        elif DRUG_NONE in by_name:
            give("drug_in_use", False, by_name[DRUG_NONE])
        elif f"{DRUG_CLASS_NEW}{request.medication.drug_class}" in by_name:
            # "His first NSAID prescription on the claim", "no NSAID on this claim": the drug
            # asked for, of that class, is not taken yet.
            give("drug_in_use", False, by_name[f"{DRUG_CLASS_NEW}{request.medication.drug_class}"])
        elif note and f"{DRUG_PLANNED}{drug}" in by_name:
            # A note that names the drug only in its plan, never as taken, starts it.
            give("drug_in_use", False, by_name[f"{DRUG_PLANNED}{drug}"])
        elif (
            note
            and f"{DRUG_ASKED}{drug}" in by_name
            and any(k.startswith(DRUG_NAMED) and k != f"{DRUG_NAMED}{drug}" for k in by_name)
            and DRUG_REFILL not in by_name
            and "medication_pain_relief" not in by_name
        ):
            # A note that tells of other drugs and names the requested one only as asked for
            # ("gabapentin ... stopped ...; requested Lidoderm patch") starts it; a bare request
            # says nothing of it, nor one the note asks to refill or whose relief it measures.
            give("drug_in_use", False, by_name[f"{DRUG_ASKED}{drug}"])
        elif (
            note
            and f"{DRUG_NAMED}{drug}" not in by_name
            and (listed := next((f for k, f in by_name.items() if k.startswith(DRUG_TAKEN)), None))
        ):
            # A note that tells which drugs are taken and never names the one requested:
            # reviewers read it as a drug not yet taken, as a therapy missing from the
            # treatment listed is a first course.
            give("drug_in_use", False, listed)
    if (
        request.medication
        and request.medication.drug_class == "opioid"
        and "opioid_use" not in by_name
    ):
        # An opioid asked for that is not yet taken, in a record that names no opioid taken:
        # the patient starts opioids (the 2016 guideline's initiation, 3.3.3).
        not_yet_taken = next(
            (f for f in found if f.name == "drug_in_use" and f.value is False), None
        )
        if not_yet_taken is not None:
            found.append(
                Fact(name="opioid_use", value=False, item=item, evidence=not_yet_taken.evidence)
            )
    for name, value, source in request_drug_facts(request, by_name, findings):
        give(name, value, source)
    # Rehabilitation in the plan of care, beside a treatment that is not rehabilitation itself.
    # (A home exercise program in place is that rehabilitation under way: "Gabapentin and HEP
    # unchanged during the trial".)
    if service.category in findings.adjunct_for:
        rehabilitation = by_name.get("~rehab:plan")
        program = by_name.get("home_exercise_program")
        if rehabilitation is None and program is not None and program.value is True:
            rehabilitation = program
        if rehabilitation is not None:
            give("adjunct_to_rehabilitation", True, rehabilitation)
    if service.category == "imaging" and service.subtype in ("mri", "ct", "xray"):
        kind = "plain" if service.subtype == "xray" else "advanced"
        study = next(
            (by_name[f"~study:{kind}:{r}"] for r in regions if f"~study:{kind}:{r}" in by_name),
            None,
        )
        if study:
            give("repeat_study", True, study)
    # The medical need an item of equipment is for, where the record states it (ODG DME, which
    # asks for a medical need, and the Medicare coverage it refers to): a walking aid where
    # walking is impaired (a weight-bearing restriction, falls, an unsteady gait), a commode
    # where the regular toilet is out of reach, a hospital bed for positioning, a patient
    # confined to bed at risk of pressure sores, or transfers an ordinary bed does not allow.
    need = (
        by_name.get(_NEED_READ.get(service.subtype or "", ""))
        if service.category == "dme"
        else None
    )
    if need is not None:
        give("equipment_medically_needed", need.value, need)
    # A TENS unit bought after a trial whose gain is told apart from it: "We rented a TENS unit
    # for thirty days ...", then "His diary from the trial shows ... stopped the tramadol".
    if (
        service.category == "dme"
        and service.subtype == "tens"
        and "tens_trial_successful" not in by_name
        and TENS_TRIAL in by_name
        and TRIAL_GAIN in by_name
    ):
        give("tens_trial_successful", True, by_name[TRIAL_GAIN])
    if service.category == "perioperative" and service.subtype == "chest_xray":
        if "~comorbid:chest_xray" in by_name:
            risk = by_name["~comorbid:chest_xray"]
            give("pulmonary_complication_risk", risk.value, risk)
    elif service.category == "perioperative" and service.subtype == "clearance":
        # A pre-operative evaluation is for the conditions that put the surgery at risk: any
        # comorbidity a test is for (chronic disease, anaemia, anticoagulants, lung or heart
        # disease), stated; one denied with none stated says there is none.
        conditions = [
            by_name[f"~comorbid:{kind}"]
            for kind in ("metabolic_panel", "blood_count", "coagulation", "chest_xray")
            if f"~comorbid:{kind}" in by_name
        ]
        if conditions:
            stated = next((c for c in conditions if c.value), conditions[0])
            give("preop_test_indication", stated.value, stated)
    elif service.category in ("perioperative", "laboratory"):
        asked = normalize_phrase(request.text)
        test = next((kind for phrase, kind in findings.test_kind if phrase in asked), None)
        if test and f"~comorbid:{test}" in by_name:
            condition = by_name[f"~comorbid:{test}"]
            give("preop_test_indication", condition.value, condition)
    # A knee replaced for severe osteoarthritis: the joint worn to bone on films or by the
    # examination is the lesion that surgery is shown to help (ACOEM's surgical considerations,
    # Ch. 13), where no other lesion is read.
    severe = by_name.get("severe_knee_osteoarthritis")
    if (
        service.category == "surgery"
        and severe is not None
        and severe.value is True
        and any(region.name == "knee" for region in request.regions)
        and _JOINT_REPLACED.search(request.text) is not None
        and "revision" not in request.text.lower()
    ):
        give("surgical_lesion", True, severe)
    # A stay asked for after a surgery the request names ("Skilled nursing facility stay x 7 days
    # following left total hip arthroplasty"), where the record dates no surgery done: the stay
    # follows that surgery.
    if (
        service.category == "perioperative"
        and service.subtype == "inpatient_stay"
        and "surgery_type" not in by_name
        and (after := _AFTER_SURGERY.search(request.text)) is not None
    ):
        parts = phrase_words(request.text[after.end() :])
        named = next(findings.surgery_pattern.finditer(padded(parts), frozenset(parts)), None)
        if named is not None:
            give("surgery_type", named[1].strip(), None)
    # Injections already given of the kind requested (`injections.injections_given`).
    if service.category == "injection" and service.subtype in KINDS:
        prefix = f"{INJECTION}{service.subtype}:"
        for key, read in by_name.items():
            if key.startswith(prefix):
                give(key[len(prefix) :], read.value, read)
    # A neurotomy follows a diagnostic block of the same nerves: the relief the record gives for a
    # facet or medial branch block is the block's (odg.facet.rf_neurotomy).
    relief = by_name.get(f"{INJECTION}facet:prior_injection_relief_percent")
    blocks = by_name.get(f"{INJECTION}facet:prior_injections")
    if service.category == "injection" and service.subtype == "radiofrequency":
        if relief:
            give("medial_branch_block_relief_percent", relief.value, relief)
        elif blocks and blocks.value == 0:
            # "Never had a medial branch block": no block, so no diagnosis made by one; the
            # criterion is unmet, not unknown (odg.facet.rf_neurotomy criterion 1).
            give("medial_branch_block_relief_percent", 0, blocks)
    if service.category in _ONE_TIME:
        # The same one-time service approved before ("had been approved for a neurosurgeon
        # evaluation for the low back and pelvis" against "Neurosurgeon evaluation for the Low
        # back/Pelvis").
        approved = next(
            (
                read
                for key, read in by_name.items()
                if key.startswith(APPROVED)
                and same_service(key[len(APPROVED) :], request.text, findings)
            ),
            None,
        )
        if approved is not None:
            give("duplicates_authorized", True, approved)
    if service.category == "consultation" and service.specialty:
        if service.specialty in findings.surgeons:
            # A surgeon's reasons: a severe deficit, for the spine a neurologic red flag (the cord
            # or the cauda equina compressed, a deficit getting worse: ACOEM's immediate referral),
            # a surgery weighed, or a recovery delayed, conservative care having failed (ACOEM
            # General Approaches: refer "when healing is delayed", acoem2.cornerstones.referral).
            reasons = (
                "severe_neurologic_deficit",
                *(_SPINE_RED_FLAGS if _SPINE_REGIONS & {r.name for r in request.regions} else ()),
                "surgery_considered",
                "conservative_care_failed",
            )
            reason = next(
                (by_name[n] for n in reasons if n in by_name and by_name[n].value is True),
                by_name.get("severe_neurologic_deficit") or by_name.get("surgery_considered"),
            )
        elif service.specialty in findings.proceduralists:
            reason = by_name.get("invasive_procedure_planned")
        else:
            reason = next(
                (
                    by_name[name]
                    for name in findings.medical_reasons.get(service.specialty, ())
                    if name in by_name and by_name[name].value is True
                ),
                None,
            )
        if reason is not None and reason.value is True:
            give("specialist_expertise_needed", True, reason)
        elif (beyond := by_name.get(BEYOND_THIS_OFFICE)) is not None and beyond.value is True:
            # "This clinic has no slit lamp or rotating burr. Plan: urgent ophthalmology": the
            # care the plan needs is the specialist's, not the referring office's.
            give("specialist_expertise_needed", True, beyond)
        elif (
            service.specialty in findings.surgeons or service.specialty in findings.proceduralists
        ) and names_a_procedure(request.text, findings):
            # "Consult with pain management for cervical blocks & rhizotomy": the referral names
            # the procedure the specialist is to give, its reason in the request itself.
            give("specialist_expertise_needed", True, None)
        elif service.specialty == "pain_management" and request.for_taper:
            # "Consultation with pain management specialist for opioid taper": the taper the
            # opioid guideline has a pain specialist consulted for (Opioids TG 2016 3.3.9, above
            # 80 mg/day MED; mtus.2016.opioids.80MED).
            give("specialist_expertise_needed", True, None)
        elif (
            service.specialty == "pain_management"
            and request.for_medication_management
            and (opioids := by_name.get("opioid_use")) is not None
            and opioids.value is True
        ):
            # "Pain management consultation for medication evaluation and management" of opioids
            # taken: the closer monitoring opioids need (ODG Office visits) is the expertise the
            # plan of care asks of the specialist (ACOEM's referral criteria).
            give("specialist_expertise_needed", True, opioids)
        elif (
            service.specialty == "pain_management"
            and (dose := by_name.get("morphine_equivalent_dose_mg")) is not None
            and isinstance(dose.value, (int, float))
            and dose.value > 80
        ):
            # A patient above 80 mg/day MED, for whom the opioid guideline has a pain specialist
            # consulted on the wean (Opioids TG 2016 3.3.9; mtus.2016.opioids.80MED), whatever the
            # request's words.
            give("specialist_expertise_needed", True, dose)
    return found


# Services given once for a need, which a second request for the same need repeats (not a course
# of visits, whose earlier authorization is the course so far).
_ONE_TIME = frozenset(["consultation", "imaging", "electrodiagnostics", "functional_testing"])


def names_a_procedure(text: str, findings: Findings) -> bool:
    """Whether a request names an injection or a surgery (findings.yaml's procedure lists)."""
    parts = phrase_words(text)
    return any(
        not findings.composite_kinds[match[1]].isdisjoint(("injections", "surgeries"))
        for match in findings.composite.finditer(padded(parts), frozenset(parts))
    )


def as_requested(request: Request) -> Evidence:
    """Where a fact the request states of itself was read: the request as written."""
    return Evidence(source="summary", sentence=f"(the request as written) {request.text}")


def related(site: str, regions: list[str], groups: list[list[str]]) -> bool:
    """Whether a finding at one body part bears on a request about these regions."""
    return site in regions or any(site in group and r in group for group in groups for r in regions)


def therapy_facts(
    facts: list[Fact | Reading],
    category: str,
    item: int | None,
    subtype: str | None = None,
    note: bool = False,
    first_asked: bool = False,
) -> list[Fact]:
    """For a request of a service category, what was read of that therapy: the visits already
    completed, those authorized but not yet attended, and functional improvement from it. In a
    note written for the request (`note`), the functional improvement it documents without
    naming a therapy is from the treatment so far, and so from this therapy where the note
    documents visits of it."""
    by_name = {fact.name: fact for fact in facts}
    if category == "perioperative" and subtype == "post_op_therapy":
        # The visits given since the surgery are this therapy's prior visits: the general
        # course counts them with the request.
        given = by_name.get("postsurgical_visits_completed")
        operated = by_name.get("surgery_date")
        if (
            given is not None
            and operated is not None
            and isinstance(operated.value, date)
            and years_before(given.evidence.sentence, operated.value.year)
            and _SURGERY_NAMED.search(given.evidence.sentence) is not None
        ):
            # Told with an earlier surgery, and only with years before this surgery's: the
            # course after that one ("Arthroscopic SAD 02/2012; post-op PT x20 in 2012"), not
            # after this one (not "Post-op PT 18 visits, per the 12/2025 RFA").
            given = None
        found: list[Fact] = []
        if given is None:
            # Visits of a therapy that began after the surgery are the post-operative course
            # ("She underwent ... release on 04/11/2017. OT notes show six visits from
            # 05/01/2017 through 05/26/2017").
            given = visits_after_surgery(by_name, note)
            if given is not None:
                found.append(fact_of("postsurgical_visits_completed", given, item))
                # (The improvement the note tells without naming the therapy is of these.)
                by_name["postsurgical_visits_completed"] = given
        if given is not None:
            found.append(fact_of("prior_visits", given, item))
        # No therapy at all ("No prior therapy") is none after the surgery either.
        none_at_all = by_name.get("prior_pt_visits")
        if given is None and none_at_all is not None and none_at_all.value == 0:
            found = [
                fact_of("postsurgical_visits_completed", none_at_all, item),
                fact_of("prior_visits", none_at_all, item),
            ]
        elif given is None and first_asked and note:
            # A note written for a request not marked additional, naming no therapy after the
            # surgery: the first post-operative course, as reviewers read it (as for a therapy
            # never named).
            first = Evidence(
                source="summary",
                sentence="(the request, not marked additional, for therapy after a surgery "
                "after which the record names none)",
            )
            found = [
                Fact(name=name, value=0, item=item, evidence=first)
                for name in ("postsurgical_visits_completed", "prior_visits")
            ]
        # (Improvement told of the post-operative therapy by that name, "post-op PT", as well.)
        improved = improvement(
            by_name,
            (*POSTSURGICAL_THERAPIES, "postsurgical_visits_completed"),
            "postsurgical_visits_completed",
            note,
        )
        return found + ([fact_of("functional_improvement", improved, item)] if improved else [])
    modality = PRIOR_BY_SERVICE.get(category)
    if modality is None:
        return []
    if (
        modality == "prior_ot_visits"
        and modality not in by_name
        and (physical := by_name.get("prior_pt_visits")) is not None
        and (physical.value == 0 or not _PHYSICAL_THERAPY_NAMED.search(physical.evidence.sentence))
    ):
        # Therapy unqualified ("12 therapy visits"), or none given ("no therapy on this
        # claim"), read as physical therapy's: occupational therapy's too. (Visits of physical
        # therapy named as such are not its: the Labor Code caps each apart.)
        modality = "prior_pt_visits"
    if subtype == "aquatic" and "prior_aquatic_visits" in by_name:
        # Aquatic therapy asked after visits of it: those are the course it continues (and
        # physical therapy visits, which the cap counts with land-based ones).
        modality = "prior_aquatic_visits"
    unnamed = by_name.get(UNNAMED_VISITS)
    if note and unnamed is not None and modality not in by_name:
        # A note written for a therapy request that counts visits without naming a therapy
        # ("Visit 6 of 6 since last auth.") counts those of the therapy it is written for.
        by_name[modality] = unnamed
    found = [
        fact_of(name, by_name[read], item)
        for read, name in (
            (modality, "prior_visits"),
            (f"{PER}{modality}", "authorized_visits_pending"),
        )
        if read in by_name
    ]
    # A course named as given, counted or not, is treatment given: more of it needs improvement.
    counted, given = by_name.get(modality), by_name.get(f"{GIVEN}{modality}")
    course = (counted if counted.value else None) if counted is not None else given
    if course is not None:
        found.append(
            Fact(name="prior_course_given", value=True, item=item, evidence=course.evidence)
        )
    # ("Therapy" unqualified is read as physical therapy's, whose count holds occupational
    # therapy's too: improvement "before therapy" is the OT course's where OT is counted apart.)
    told_of = (modality, "prior_pt_visits") if modality == "prior_ot_visits" else (modality,)
    improved = improvement(by_name, told_of, modality, note)
    if improved:
        found.append(fact_of("functional_improvement", improved, item))
    # A therapy left out of the treatment the record lists is one not yet given: where the
    # record counts the visits of other therapies tried ("despite eight PT visits, HEP and
    # naproxen") and never names this one, reviewers read the silence as a first course.
    listed = next(
        (f for name in PRIOR_BY_SERVICE.values() if (f := by_name.get(name)) and f.value), None
    )
    if (
        listed is not None
        and modality not in by_name
        and f"{NAMED}{modality}" not in by_name
        and "~care:tried" in by_name
    ):
        found.append(Fact(name="prior_visits", value=0, item=item, evidence=listed.evidence))
    elif first_asked and not any(
        name in by_name for name in (modality, f"{NAMED}{modality}", f"{GIVEN}{modality}")
    ):
        # A request not marked additional, for a therapy the record never names as given: an
        # initial request, as reviewers read it (no prior course of it is documented).
        found.append(
            Fact(
                name="prior_visits",
                value=0,
                item=item,
                evidence=Evidence(
                    source="summary",
                    sentence="(the request, not marked additional, for a therapy the record "
                    "names no earlier course of)",
                ),
            )
        )
    return found


def visits_after_surgery(
    by_name: dict[str, Fact | Reading], note: bool = False
) -> Fact | Reading | None:
    """The visits of a post-operative therapy the record counts as begun on or after the date
    of the surgery; in a note written for the request, visits so counted without the therapy
    named as well ("Visits: 8 of 8 authorized attended, 12/21/16 - 02/03/17")."""
    operated = by_name.get("surgery_date")
    if operated is None or not isinstance(operated.value, date):
        return None
    for therapy in (*POSTSURGICAL_THERAPIES, UNNAMED_VISITS) if note else POSTSURGICAL_THERAPIES:
        began = by_name.get(f"{VISITS_FROM}{therapy}")
        if began is not None and therapy in by_name and began.value >= operated.value:
            return by_name[therapy]
    return None


def fact_of(name: str, read: Fact | Reading, item: int | None) -> Fact:
    return Fact(name=name, value=read.value, item=item, evidence=read.evidence)


def improvement(
    by_name: dict[str, Fact | Reading], modalities: tuple[str, ...], visits: str, note: bool
) -> Fact | Reading | None:
    """Functional improvement read of one of the therapies, or, in a note that documents visits
    of it, of the treatment so far."""
    for modality in modalities:
        if f"{IMPROVED}{modality}" in by_name:
            return by_name[f"{IMPROVED}{modality}"]
    done = by_name.get(visits)
    if note and done is not None and done.value:
        return by_name.get(f"{IMPROVED}{UNNAMED}")
    return None
