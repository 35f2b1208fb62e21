"""The readers of medication and equipment facts: planted sentences in several wordings, stated
and negated, and sentences that must leave a fact unread. None of these wordings comes from a
letter or a check scenario; each is how a progress note might put the same thing."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import REPO, note_values

from engine.facts import extract_facts, extract_note_facts, load_findings
from engine.letters import parse_letter
from engine.requests import normalize_request
from engine.vocab import load_vocabulary

FINDINGS = load_findings()
VOCABULARY = load_vocabulary()
SEED = REPO / "cases" / "seed-002_30e38b816172c555" / "letter.txt"

# (fact, sentence, value read: True, False, or None for "not read")
PLANTED: list[tuple[str, str, Any]] = [
    # dyspepsia and other GI complaints (CPMTG NSAIDs, GI symptoms)
    ("gi_symptoms", "She complains of heartburn since starting ibuprofen.", True),
    ("gi_symptoms", "Dyspepsia with the naproxen, relieved by food.", True),
    ("gi_symptoms", "He notes stomach upset after each dose.", True),
    ("gi_symptoms", "Denies dyspepsia, nausea or abdominal pain.", False),
    ("gi_symptoms", "No GI complaints on the current regimen.", False),
    ("gi_symptoms", "Lumbar range of motion is reduced.", None),
    # a reviewer finding no complaint in the record is silence; a complaint denied is not
    ("gi_symptoms", "There is no documentation of dyspepsia on the NSAID.", None),
    ("gi_symptoms", "He denies heartburn on the naproxen.", False),
    # GI risk factors taken now
    ("gi_risk_factors", "She takes warfarin for atrial fibrillation.", True),
    ("gi_risk_factors", "He is on Plavix after a stent.", True),
    ("gi_risk_factors", "Not on any anticoagulants.", False),
    # spasticity and its diseases (baclofen)
    ("spasticity", "Known multiple sclerosis with leg spasticity.", True),
    ("spasticity", "He sustained a spinal cord injury in 2009.", True),
    ("spasticity", "There is no spasticity of the lower limbs.", False),
    ("spasticity", "Denies any history of spinal cord injury or multiple sclerosis.", False),
    ("spasticity", "Muscle tone is normal in both legs.", False),
    (
        "paroxysmal_neuropathic_pain",
        "Lancinating pain along the jaw, typical of tic douloureux.",
        True,
    ),
    ("paroxysmal_neuropathic_pain", "Dull aching pain in the low back.", None),
    # muscle spasm on examination
    ("muscle_spasm", "Palpation reveals paravertebral spasms bilaterally.", True),
    ("muscle_spasm", "No muscle spasm is noted on exam.", False),
    ("muscle_spasm", "Tenderness over the trapezius without spasm.", False),
    # neuropathic pain
    ("neuropathic_pain", "Burning dysesthesias over the dorsum of the foot.", True),
    ("neuropathic_pain", "The pain has no neuropathic features.", False),
    ("neuropathic_pain", "Aching pain with stiffness in the mornings.", None),
    (
        "neuropathic_first_line_failed",
        "She failed gabapentin and could not tolerate Cymbalta.",
        True,
    ),
    ("neuropathic_first_line_failed", "Lyrica was discontinued due to dizziness.", True),
    ("neuropathic_first_line_failed", "Gabapentin 300 mg at night helps.", None),
    ("non_opioid_analgesics_failed", "He failed NSAIDs and acetaminophen.", True),
    ("non_opioid_analgesics_failed", "Tylenol has been ineffective.", True),
    ("non_opioid_analgesics_failed", "Ibuprofen 600 mg twice daily.", None),
    ("non_opioid_analgesics_failed", "She takes ibuprofen without relief of the knee pain.", True),
    ("non_opioid_analgesics_failed", "He has used NSAIDs with little benefit.", True),
    ("non_opioid_analgesics_failed", "Tylenol with good relief.", None),
    # the four A's of opioid maintenance
    ("medication_pain_relief", "Pain is 8/10 without medications and 4/10 with them.", True),
    ("medication_pain_relief", "With medications his pain goes down to 4/10.", True),
    ("medication_pain_relief", "Pain 6/10 with medication, 9/10 without.", True),
    ("medication_pain_relief", "Her medications help her to keep working.", True),
    ("medication_pain_relief", "He reports no relief from medications.", False),
    ("medication_pain_relief", "Pain is 7/10 today.", None),
    ("medication_pain_relief", "The epidural gave 60% relief for six weeks.", None),
    ("severe_adverse_effects", "He reports oversedation on the higher dose.", True),
    ("severe_adverse_effects", "She denies side effects from the medication.", False),
    ("severe_adverse_effects", "No sedation, nausea or constipation.", False),
    ("severe_adverse_effects", "Tolerating the medication without problems.", False),
    ("severe_adverse_effects", "He is tolerating his medications without complaint.", False),
    ("aberrant_drug_behavior", "He asked for early refills twice this quarter.", True),
    ("aberrant_drug_behavior", "The last UDS was inconsistent with prescribed medications.", True),
    ("aberrant_drug_behavior", "No aberrant behavior and no lost prescriptions.", False),
    ("aberrant_drug_behavior", "Urine drug screen was consistent in March.", False),
    ("aberrant_drug_behavior", "CURES shows a single prescriber.", False),
    # a substance use disorder by its signs in the social history
    ("aberrant_drug_behavior", "He reports ongoing illicit drug use on weekends.", True),
    ("aberrant_drug_behavior", "Social history is negative for illicit drug use.", False),
    ("cures_checked", "The CURES report was reviewed today.", True),
    ("cures_checked", "PDMP checked: no other prescribers.", True),
    ("cures_checked", "Will check CURES at the next visit.", None),
    ("cures_checked", "The CURES report was not reviewed.", False),
    ("opioid_risk_screening", "Opioid Risk Tool score was low.", True),
    ("opioid_risk_screening", "Screening for risk of addiction was done at this visit.", True),
    # other indications
    ("insomnia", "She reports difficulty sleeping because of pain.", True),
    ("insomnia", "Sleeps well, denies insomnia.", False),
    ("depression", "Depressed mood since the injury.", True),
    ("depression", "Denies depression or anxiety.", False),
    # an examination manoeuvre of the shoulder, not a mood
    ("depression", "Positive shoulder depression test on the right.", None),
    ("psychosocial_factors_present", "Positive shoulder depression test on the right.", None),
    ("sleep_hygiene_tried", "She has followed sleep hygiene measures for a month.", True),
    ("sleep_hygiene_tried", "There is no documentation of sleep hygiene measures.", None),
    ("tablets_not_tolerated", "He is unable to swallow pills after the neck surgery.", True),
    ("oral_medication_not_tolerated", "She cannot tolerate oral NSAIDs.", True),
    (
        "oral_medication_not_tolerated",
        "Since the bypass he is not able to tolerate oral NSAIDs.",
        True,
    ),
    (
        "pain_medication_reduced_or_not_tolerated",
        "Since the bypass he is not able to tolerate oral NSAIDs.",
        True,
    ),
    ("oral_medication_not_tolerated", "She remains able to tolerate oral medications.", False),
    ("psychosocial_factors_present", "He has marked fear-avoidance beliefs about bending.", True),
    ("psychosocial_factors_present", "Depressed mood since the injury.", True),
    ("psychosocial_factors_present", "No psychosocial stressors are reported.", False),
    ("opioid_trial_planned", "Plan: a 30-day trial of tramadol after a baseline screen.", True),
    ("opioid_trial_planned", "No opioid trial is planned.", False),
    ("opioid_trial_planned", "Plan: initiation of opioid therapy with tramadol.", True),
    ("pain_medication_reduced_or_not_tolerated", "She has cut down her pain medication.", True),
    ("pain_medication_reduced_or_not_tolerated", "Medication intolerance to NSAIDs.", True),
    (
        "pain_medication_reduced_or_not_tolerated",
        "There is no indication that her pain medication is being reduced.",
        None,
    ),
    # goals of a device trial
    ("treatment_goals_documented", "Goals of the trial: walk 30 minutes and cut medication.", True),
    ("treatment_goals_documented", "Short and long term goals were set with the patient.", True),
]


@pytest.mark.parametrize(("fact", "sentence", "value"), PLANTED, ids=lambda v: str(v)[:40])
def test_a_planted_sentence_gives_the_fact(fact: str, sentence: str, value: Any) -> None:
    read = note_values(sentence, FINDINGS, VOCABULARY)
    assert read.get(fact) == value, read


# A guideline or a reviewer speaking of patients at large is not this patient's record: put into
# a letter's rationale, none of these sentences may add a fact.
NOT_THE_RECORD = (
    "Guidelines state that baclofen is recommended for spasticity from multiple sclerosis.",
    "Per MTUS, a PPI is indicated for patients with a history of GI bleeding or dyspepsia.",
    "The MTUS recommends documenting pain relief with medications and the absence of "
    "aberrant behavior, such as early refills.",
    "Therefore the cream is not medically necessary, as topical gabapentin is not recommended "
    "for neuropathic pain.",
)


def test_a_guideline_quotation_gives_no_medication_fact() -> None:
    text = SEED.read_text()
    marker = "Decision rationale:"
    assert marker in text
    planted = text.replace(marker, marker + " " + " ".join(NOT_THE_RECORD), 1)
    before = {
        (f.name, repr(f.value))
        for f in extract_facts(parse_letter(text, VOCABULARY), FINDINGS).facts
    }
    after = extract_facts(parse_letter(planted, VOCABULARY), FINDINGS)
    added = {(f.name, repr(f.value)) for f in after.facts} - before
    assert added == set(), added


# What a request and the drugs taken say together: an NSAID taken under a PPI or H2 blocker, a
# second NSAID beside the one asked for, a compound's formula, equipment to buy.
REQUEST_AND_NOTE: list[tuple[str, str, str, Any]] = [
    (
        "Omeprazole 20 mg #30",
        "She continues ibuprofen 800 mg three times a day.",
        "nsaid_use",
        True,
    ),
    ("Famotidine 20 mg BID", "Current medications include Mobic 15 mg daily.", "nsaid_use", True),
    ("Pantoprazole 40 mg", "He is not taking any medications.", "nsaid_use", False),
    ("Omeprazole 20 mg #30", "He previously tried naproxen in 2015.", "nsaid_use", None),
    ("Naproxen 550 mg #60", "Currently taking Celebrex 200 mg daily.", "other_nsaid_in_use", True),
    (
        "Naproxen 550 mg #60",
        "He continues naproxen 550 mg twice daily.",
        "other_nsaid_in_use",
        None,
    ),
    ("Naproxen 550 mg #60", "Taking tramadol 50 mg as needed.", "other_nsaid_in_use", None),
    ("Ibuprofen 800 mg #90", "She uses NSAIDs as needed.", "other_nsaid_in_use", None),
    ("TENS unit purchase", "Low back pain.", "dme_purchase", True),
    ("TENS unit 30-day rental", "Low back pain.", "dme_purchase", False),
    ("TENS unit home trial for one month", "Low back pain.", "dme_purchase", False),
    ("TENS unit", "Low back pain.", "dme_purchase", None),
]


@pytest.mark.parametrize(("asked", "note", "fact", "value"), REQUEST_AND_NOTE, ids=str)
def test_the_request_and_the_drugs_taken(asked: str, note: str, fact: str, value: Any) -> None:
    read = note_values(note, FINDINGS, VOCABULARY, asked)
    assert read.get(fact) == value, read


def test_a_compound_request_gives_its_formula() -> None:
    request = normalize_request("Compound cream: ketoprofen 10% / lidocaine 5%, 120 g", VOCABULARY)
    read = {
        f.name: f.value for f in extract_note_facts("Knee pain.", FINDINGS, request=request).facts
    }
    # The drugs with the strength of each, as the request writes them.
    assert read["compound_formula"] == "ketoprofen 10%, lidocaine 5%"
    single = normalize_request("Naproxen 550 mg #60", VOCABULARY)
    alone = {f.name for f in extract_note_facts("Knee pain.", FINDINGS, request=single).facts}
    assert "compound_formula" not in alone
    unnamed = normalize_request("Compounded cream 120 g", VOCABULARY)
    silent = {f.name for f in extract_note_facts("Knee pain.", FINDINGS, request=unnamed).facts}
    assert "compound_formula" not in silent


MORPHINE_EQUIVALENTS = [
    ("Current MED is 120 mg per day.", 120),
    ("He takes 90 mg MED daily on the present regimen.", 90),
    ("A morphine equivalent dose of 45 mg/day.", 45),
    ("MME: 60.", 60),
    ("The guideline advises weaning above 80 mg MED.", None),
    ("Keep the dose at less than 50 MME.", None),
    ("Medications were refilled.", None),
]


@pytest.mark.parametrize(("sentence", "dose"), MORPHINE_EQUIVALENTS, ids=lambda v: str(v)[:40])
def test_the_morphine_equivalent_dose_and_not_a_threshold(sentence: str, dose: Any) -> None:
    read = note_values(sentence, FINDINGS, VOCABULARY)
    assert read.get("morphine_equivalent_dose_mg") == dose, read


def test_an_earlier_ulcer_is_a_gi_risk_factor_as_history() -> None:
    for sentence in ("He has a history of peptic ulcer disease.", "Prior GI bleed in 2012."):
        read = note_values(sentence, FINDINGS, VOCABULARY)
        assert read.get("gi_risk_factors") is True, (sentence, read)
    read = {f.name: f.value for f in extract_note_facts("No history of PUD.", FINDINGS).facts}
    assert read.get("gi_risk_factors") is not True


@pytest.mark.parametrize(
    "note, dates",
    [
        ("Last UDT 03/08/2016 consistent (tramadol only).", ["2016-03-08"]),
        (
            "Urine drug screen on 1/5/17 and again on 6/2/17, both appropriate.",
            ["2017-01-05", "2017-06-02"],
        ),
        ("UDTs 3/1/16, 9/12/16 consistent.", ["2016-03-01", "2016-09-12"]),
        ("UDS 02/2017 c/w prescribed meds.", ["2017-02-15"]),
        # A test planned for a date is not yet done; a test without its date counts none.
        ("Will obtain a UDT on 6/1/2017.", None),
        ("UDT consistent with prescribed medication.", None),
    ],
)
def test_a_drug_test_done_is_dated(note: str, dates: list[str] | None) -> None:
    """Each dated test done, from which the tests of the past year are counted."""
    assert (
        note_values(note, FINDINGS, VOCABULARY, "Urine drug screen").get("drug_test_dates") == dates
    )


def test_the_drug_tests_of_the_past_year_are_counted_to_the_request() -> None:
    from datetime import date

    from engine.facts import with_derived

    dated = {"drug_test_dates": ["2016-03-08", "2016-10-01", "2015-06-01"]}
    assert with_derived(dated, date(2016, 11, 17))["drug_tests_past_year"] == 2
