"""Facts derived from others (weeks since the injury or surgery, any neurologic deficit, any red
flag, the diagnosis group), the date the record is judged at, and the list of every fact some
reader gives, which `rules validate` checks rules against.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from engine.models import Case

if TYPE_CHECKING:
    from engine.facts.findings import Findings
    from engine.facts.model import Fact
    from engine.facts.sentences import Reading


# The facts this module's own readers give (header dates, counts of visits by therapy, drugs in
# use, plans, what UR decided ...), beside those whose phrases findings.yaml lists, and those
# derived from others. `rules validate` reports a fact that none of them gives and that has no
# stated default: rules testing it can only ever find it undocumented. A test keeps this list
# true against what the readers give on the real letters and the check scenarios.
READ_BY_CODE = frozenset(
    [
        "adjunct_to_rehabilitation", "age_years", "authorized_visits_pending",
        "compound_formula", "conservative_care_failed", "diagnoses", "dme_purchase",
        "drug_test_dates",
        "drug_in_use", "drug_use_weeks", "duplicates_authorized", "fracture_or_foreign_body_suspected",
        "functional_improvement", "injury_date", "invasive_procedure_planned",
        "latest_report_date", "medication_reduced_after_injection", "morphine_equivalent_dose_mg",
        "nsaid_use", "opioid_use", "other_nsaid_in_use", "pain_score", "preop_test_indication",
        "prior_acupuncture_visits", "prior_aquatic_visits", "prior_chiropractic_visits",
        "postsurgical_visits_completed", "prior_electrodiagnostics", "prior_imaging",
        "prior_injection_relief_percent", "prior_injection_relief_weeks", "prior_injections",
        "prior_massage_visits", "prior_ot_visits", "prior_psychotherapy_visits", "prior_pt_visits", "prior_course_given",
        "prior_surgery", "prior_visits", "procedure_certified", "pulmonary_complication_risk",
        "repeat_study", "sex", "specialist_expertise_needed", "surgery_considered",
        "surgery_date", "surgery_type", "surgical_lesion", "symptoms_before_injury", "ur_date",
        "work_status",
        # conservative_care, imaging_indications, joint_injections, and an injection's relief
        # handed to a neurotomy (item)
        "conservative_care_weeks", "plain_films_nondiagnostic", "specific_lesion_suspected",
        # prior_treatment: how long CBT has gone on
        "cbt_weeks",
        "failed_steroid_injection", "medial_branch_block_relief_percent",
        # knee, carpal_tunnel: a procedure's own criteria
        "knee_mechanical_symptoms", "meniscal_tear_on_imaging",
        "cts_confirmed_by_electrodiagnostics", "severe_carpal_tunnel_syndrome",
        # extract: a patient worse after a head injury the note tells of
        "head_injury_deteriorating",
    ]
)  # fmt: skip
# Weeks counted from a date the record gives, to the date the request is judged at.
WEEKS_SINCE = {"weeks_since_injury": "injury_date", "weeks_since_surgery": "surgery_date"}
# A fact true where any of its parts is, false where every part is known false.
ANY_OF: dict[str, tuple[str, ...]] = {
    "neurologic_deficit": ("motor_deficit", "sensory_deficit", "reflex_change"),
    "red_flags": (
        "red_flag_fracture",
        "red_flag_tumor",
        "red_flag_infection",
        "red_flag_cauda_equina",
        "red_flag_progressive_deficit",
        "red_flag_bowel_bladder",
        "red_flag_myelopathy",
    ),
}
# How many parts must be known false, with none true, for the fact to be false, where fewer
# than all will do. A neurologic examination that records two of strength, sensation and reflexes
# as normal, and nothing abnormal, shows no deficit: reviewers write "no objective neurologic
# deficit" of it, and the imaging and injection criteria ask for a deficit shown on the
# examination ("definitive neuro findings on exam": ACOEM 2nd ed. Chapter 8 Special Studies,
# acoem2.ch8.imaging_criteria, CONFIRMED).
KNOWN_FALSE_NEEDED = {"neurologic_deficit": 2}
DERIVED_FACTS = frozenset([*WEEKS_SINCE, *ANY_OF, "diagnosis_group", "drug_tests_past_year"])
# The 2016 opioid guideline judges drug testing by the tests of the past 12 months.
_YEAR_DAYS = 365


def readable_facts(findings: Findings) -> frozenset[str]:
    """Every fact some reader can give: findings.yaml's, the code readers' and the derived."""
    listed: set[str] = set()
    for name, spec in findings.findings.items():
        if not spec.internal:
            listed.add(name)
        listed.update(spec.implies)
        if spec.kind_fact:
            listed.add(spec.kind_fact)
    return frozenset(listed) | READ_BY_CODE | DERIVED_FACTS


def with_derived(values: dict[str, Any], on: date | None) -> dict[str, Any]:
    return {**values, **derived(values, on)}


def derived(values: dict[str, Any], on: date | None) -> dict[str, Any]:
    """Facts computed from others: time since the injury and since the surgery, any neurologic
    deficit, any red flag."""
    found: dict[str, Any] = {}
    for name, since in WEEKS_SINCE.items():
        day = values.get(since)
        if isinstance(day, date) and on and on >= day and name not in values:
            found[name] = (on - day).days // 7
    for name, parts in ANY_OF.items():
        known = [values[p] for p in parts if p in values]
        if any(known):
            found[name] = True
        elif len(known) >= KNOWN_FALSE_NEEDED.get(name, len(parts)):
            found[name] = False
    tested = values.get("drug_test_dates")
    if tested and on and "drug_tests_past_year" not in values:
        days = [date.fromisoformat(day) for day in tested]
        found["drug_tests_past_year"] = sum(0 <= (on - day).days < _YEAR_DAYS for day in days)
    diagnoses = values.get("diagnoses") or []
    for group in ("crps", "neuralgia", "myalgia"):
        if group in diagnoses:
            found["diagnosis_group"] = group
            break
    else:
        if diagnoses:
            found["diagnosis_group"] = "other"
    return found


def reference_date(case: Case | None, facts: list[Fact | Reading]) -> date | None:
    """The date the record is judged at, for how long symptoms and drugs go back: the
    utilization review's, else the latest report's, else the IMR decision's."""
    by_name = {f.name: f.value for f in facts}
    for day in (
        case.dates.ur_denial if case else None,
        by_name.get("ur_date"),
        by_name.get("latest_report_date"),
        case.dates.decision if case else None,
    ):
        if isinstance(day, date):
            return day
    return None
