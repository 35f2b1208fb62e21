"""Readers that the check of a new request leans on: each read from several wordings, and never
from a negation, a plan or a guideline's own words."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from conftest import REPO, note_values, planted_in_rationale

from engine.check import read_request
from engine.facts import load_findings
from engine.facts.figures import weeks_in
from engine.facts.sentences import concludes, padded, phrase_words
from engine.vocab import load_vocabulary

VOCABULARY = load_vocabulary()
FINDINGS = load_findings()
SEED = REPO / "cases" / "seed-002_30e38b816172c555" / "letter.txt"


def read(note: str, request: str | None = None) -> dict[str, Any]:
    return note_values(note, FINDINGS, VOCABULARY, request)


# --- a therapy left out of the treatment listed to date is a first course ----------------------


@pytest.mark.parametrize(
    "note",
    [
        "Ongoing low back pain despite 8 PT visits, a home exercise program and ibuprofen.",
        "Treatment to date has included 12 sessions of physical therapy and NSAIDs, with "
        "persistent pain.",
        "She completed six physical therapy visits; pain persists.",
    ],
)
def test_a_therapy_absent_from_the_treatment_listed_is_a_first_course(note: str) -> None:
    assert read(note, "Chiropractic manipulation 3x2 lumbar spine")["prior_visits"] == 0


@pytest.mark.parametrize(
    "note",
    [
        "Low back pain for three months. Exam: lumbar paraspinal tenderness.",
        "Persistent pain despite naproxen and a home exercise program.",
    ],
)
def test_a_request_not_marked_additional_for_a_therapy_never_named_is_a_first_course(
    note: str,
) -> None:
    # Reviewers read a request with no "additional" or "continued", for a therapy the record
    # names no course of, as an initial request.
    assert read(note, "Chiropractic manipulation 3x2 lumbar spine")["prior_visits"] == 0
    assert "prior_visits" not in read(note, "Additional chiropractic manipulation 3x2 lumbar")


@pytest.mark.parametrize(
    "note",
    [
        # The record names the therapy: its visits are unknown, not none.
        "Persistent pain despite 8 PT visits. She has had chiropractic care in the past.",
        "Persistent pain despite 8 PT visits and chiropractic treatment.",
    ],
)
def test_silence_is_no_first_course_where_the_record_names_the_therapy(
    note: str,
) -> None:
    assert "prior_visits" not in read(note, "Chiropractic manipulation 3x2 lumbar spine")


def test_the_requested_therapy_named_only_as_the_plan_still_leaves_it_a_first_course() -> None:
    note = (
        "Persistent low back pain despite eight PT visits and naproxen. "
        "Plan: chiropractic manipulation 3 times a week for 2 weeks."
    )
    assert read(note, "Chiropractic 3x2 lumbar")["prior_visits"] == 0


# --- a course given, counted or not, is treatment given ----------------------------------------


@pytest.mark.parametrize(
    "note",
    [
        "She has had chiropractic care in the past; pain persists.",
        "Past treatments included medications and chiropractic treatment.",
        "Despite 3 months of chiropractic care, the pain persists.",
        "Persistent pain despite 8 PT visits and chiropractic treatment.",
        "Six chiropractic visits were completed.",
    ],
)
def test_a_course_named_as_given_is_a_course_given(note: str) -> None:
    assert read(note, "Chiropractic manipulation 3x2 lumbar spine")["prior_course_given"] is True


@pytest.mark.parametrize(
    "note",
    [
        "Chiropractic referral for low back pain.",
        "He asks about chiropractic care because a coworker had it.",
        "She may have had chiropractic care years ago.",
        "Plan: chiropractic manipulation 3 times a week for 2 weeks.",
        "No chiropractic treatment to date.",
    ],
)
def test_a_course_asked_for_doubted_or_denied_is_none_given(note: str) -> None:
    assert read(note, "Chiropractic manipulation 3x2 lumbar spine").get("prior_course_given") in (
        None,
        False,
    )


# --- a referral's reason is read from a note as from a letter ----------------------------------


def test_a_note_gives_the_referral_its_reason() -> None:
    note = (
        "Persistent L ankle dorsiflexion 4-/5 and EHL 3/5 after failed PT and an ESI. "
        "He wants to discuss surgical options."
    )
    assert read(note, "Consultation with orthopedic spine surgeon")["specialist_expertise_needed"]
    assert "specialist_expertise_needed" not in read(note)


# --- therapy after a surgery: the surgery, its visits, and functional improvement ---------------


@pytest.mark.parametrize(
    "note, kind",
    [
        (
            "Status post R shoulder arthroscopic subacromial decompression on 04/26/2017.",
            "shoulder",
        ),
        ("She underwent a right knee partial meniscectomy on 3/2/2017.", "meniscectomy"),
        ("S/p left shoulder acromioplasty 02/01/2017, doing well.", "acromioplasty"),
    ],
)
def test_the_surgery_done_is_read_with_its_kind(note: str, kind: str) -> None:
    facts = read(note)
    assert kind in facts["surgery_type"] and facts["prior_surgery"] is True


@pytest.mark.parametrize(
    "note",
    [
        "Request for right shoulder arthroscopic subacromial decompression.",
        "Plan: partial meniscectomy of the left knee.",
        "Acromioplasty is recommended when conservative care has failed for 3 to 6 months.",
    ],
)
def test_a_surgery_asked_for_or_quoted_is_no_surgery_done(note: str) -> None:
    assert "surgery_type" not in read(note)


@pytest.mark.parametrize(
    "note, done",
    [
        ("Completed 12 post-op PT visits.", 12),
        ("She has attended 8 sessions of physical therapy since her surgery.", 8),
        ("8 postoperative physical therapy visits were completed.", 8),
    ],
)
def test_visits_after_the_surgery_are_counted(note: str, done: int) -> None:
    assert read(note)["postsurgical_visits_completed"] == done


@pytest.mark.parametrize(
    "note", ["Had 12 PT visits before the surgery.", "She completed 10 PT visits."]
)
def test_visits_not_said_to_follow_the_surgery_are_not_postsurgical(note: str) -> None:
    assert "postsurgical_visits_completed" not in read(note)


POST_OP = "Post-op PT right shoulder 2x6"


@pytest.mark.parametrize(
    "gain",
    [
        "She dresses and washes her hair without help now.",
        "He is now showering independently.",
        "Off Norco since week 2, Tylenol as needed only.",
        "She was weaned off hydrocodone.",
        "He no longer takes narcotics.",
        "Walking in the clinic off crutches, quad lag resolved.",
        "Since then she stopped cyclobenzaprine.",
        "Restrictions changed from 4-hr days to full 8-hr shifts.",
        "Now ambulating without an assistive device.",
    ],
)
def test_a_note_for_therapy_gives_it_the_functional_gains_it_documents(gain: str) -> None:
    note = f"Completed 12 post-op PT visits. {gain}"
    assert read(note, POST_OP)["functional_improvement"] is True
    # Without visits of the therapy documented, the gain is not said to come from it.
    assert "functional_improvement" not in read(gain, POST_OP)


@pytest.mark.parametrize(
    "loss",
    [
        "She is unable to dress without help.",
        "He cannot shower independently.",
        "Still taking Norco three times a day; off work.",
        "Still cannot walk off crutches.",
    ],
)
def test_no_functional_gain_is_read_from_a_limit_or_a_definition(loss: str) -> None:
    note = f"Completed 12 post-op PT visits. {loss}"
    assert read(note, POST_OP).get("functional_improvement") is not True


@pytest.mark.parametrize(
    "definition",
    [
        "Functional improvement is defined as less dependency on treatment, such as being off "
        "opioids.",
        "Functional improvement means either better daily activities or fewer restrictions, and "
        "less dependency on treatment.",
    ],
)
def test_a_rationale_quoting_the_definition_of_functional_improvement_is_no_fact(
    definition: str,
) -> None:
    plain = padded(phrase_words(definition))
    assert concludes(definition, plain, frozenset(plain.split()), "rationale", FINDINGS)


# --- a hand or wrist injury suggesting a fracture or a foreign body (ACOEM Ch. 11) --------------


@pytest.mark.parametrize(
    "note",
    [
        "Slipped at work yesterday and landed on an outstretched R hand. Swelling of the wrist, "
        "TTP in the anatomic snuffbox.",
        "He fell onto his left wrist from a step. Point tenderness over the distal radius.",
        "Her finger was jammed in a door. Deformity of the small finger PIP joint.",
        "Cut by glass at work; a retained foreign body in the palm is suspected.",
    ],
)
def test_an_injury_suggesting_a_fracture_or_foreign_body_is_read(note: str) -> None:
    assert read(note)["fracture_or_foreign_body_suspected"] is True


@pytest.mark.parametrize(
    "note",
    [
        # Signs without an injury, an injury without signs, and the signs denied.
        "Chronic wrist pain from typing. TTP over the scaphoid tubercle? No; snuffbox nontender.",
        "Landed on an outstretched hand last month. Wrist sprain, soft-tissue tenderness only.",
        "Fell on her outstretched hand. No snuffbox tenderness, no deformity.",
        "No foreign body is seen.",
    ],
)
def test_no_fracture_or_foreign_body_is_read_without_both_injury_and_sign(note: str) -> None:
    assert "fracture_or_foreign_body_suspected" not in read(note)


# --- a lesion shown to benefit from surgery (ACOEM Surgical Considerations) ---------------------


@pytest.mark.parametrize(
    "note",
    [
        "MRI 01/20/17: full-thickness supraspinatus tear, 1.5 cm. Supraspinatus 3+/5, positive "
        "drop arm.",
        "MRI of the left knee showed a bucket handle tear of the medial meniscus. Positive "
        "McMurray test and locking.",
        "MRI 11/2016: L4-5 extrusion compressing the traversing L5 nerve root. EHL 3/5 and "
        "decreased L5 sensation.",
    ],
)
def test_a_lesion_on_imaging_with_concordant_signs_is_a_surgical_lesion(note: str) -> None:
    assert read(note)["surgical_lesion"] is True


@pytest.mark.parametrize(
    "note",
    [
        # Imaging alone, or signs alone, is not clear evidence of both kinds.
        "MRI: full-thickness supraspinatus tear. Strength 5/5 throughout.",
        "MRI: L4-5 protrusion contacting the L5 nerve root.",
        "Supraspinatus 3+/5 and a positive drop arm; no imaging yet.",
        # A partial tear is no tear repair is shown to help; a tear denied is none.
        "MRI: partial-thickness articular-sided tear. Supraspinatus 4/5.",
        "MRI showed no full-thickness tear. Supraspinatus 4/5.",
    ],
)
def test_imaging_or_signs_alone_are_no_surgical_lesion(note: str) -> None:
    assert read(note).get("surgical_lesion") is not True


@pytest.mark.parametrize(
    "note",
    [
        "MRI 06/2017: mild L4-5 disc bulge without canal or foraminal stenosis or root contact. "
        "Motor 5/5, sensation intact, reflexes symmetric.",
        "Lumbar MRI showed no nerve root compression. Neurologic examination is normal.",
    ],
)
def test_imaging_without_root_compromise_and_a_normal_exam_is_no_surgical_lesion(
    note: str,
) -> None:
    assert read(note)["surgical_lesion"] is False


def test_a_deficit_keeps_a_negative_study_from_ruling_the_lesion_out() -> None:
    note = "MRI showed no nerve root compression. EHL 4/5, decreased L5 sensation."
    assert "surgical_lesion" not in read(note)


def test_a_rationale_quoting_the_surgical_criteria_is_no_fact() -> None:
    quoted = (
        "ACOEM supports surgical repair for a full-thickness tear on MRI with weakness and a "
        "positive drop arm sign."
    )
    plain = padded(phrase_words(quoted))
    assert concludes(quoted, plain, frozenset(plain.split()), "rationale", FINDINGS)


# --- the indications of home health, an FCE, a referral and some studies -----------------------


@pytest.mark.parametrize(
    "note, name, value",
    [
        ("She is homebound and needs help with transfers.", "homebound", True),
        ("He is confined to the home after the hip replacement.", "homebound", True),
        (
            "A home safety evaluation was performed by the nurse on 3/2/2017.",
            "in_home_evaluation",
            True,
        ),
        ("He has reached maximum medical improvement.", "near_mmi", True),
        ("She was declared permanent and stationary on 4/1/2017.", "near_mmi", True),
        ("He is not at maximum medical improvement.", "near_mmi", False),
        ("He is a candidate for a work hardening program.", "work_hardening_planned", True),
        (
            "An FCE is requested before admission to a work hardening program.",
            "work_hardening_planned",
            True,
        ),
        ("Two failed attempts to return to work in 2016.", "return_to_work_failed", True),
        (
            "There are conflicting medical reports on his work restrictions.",
            "conflicting_medical_reports",
            True,
        ),
        ("Left foot pain, rule out complex regional pain syndrome.", "crps_suspected", True),
        (
            "Pain over the second metatarsal suggests a stress fracture.",
            "stress_fracture_suspected",
            True,
        ),
        ("Ultrasound for a suspected left inguinal hernia.", "hernia_suspected", True),
        (
            "Numbness in both feet; he has diabetic neuropathy.",
            "peripheral_neuropathy_suspected",
            True,
        ),
        (
            "Hyperreflexia and gait change from his cervical myelopathy.",
            "central_neurologic_disease_suspected",
            True,
        ),
        ("The etiology of her arm pain is unclear.", "diagnosis_uncertain_or_complex", True),
        (
            "Trigger points in the trapezius with a local twitch response.",
            "trigger_points_with_twitch",
            True,
        ),
        (
            "Standing films show bone on bone medial compartment of the right knee.",
            "severe_knee_osteoarthritis",
            True,
        ),
    ],
)
def test_an_indication_is_read(note: str, name: str, value: bool) -> None:
    assert read(note).get(name) is value


@pytest.mark.parametrize(
    "note, name",
    [
        ("The patient was unable to stand and was wheelchair/bed bound.", "homebound"),
        ("He completed a work hardening program last year.", "work_hardening_planned"),
        (
            "There are no suspicions of red flags, such as myelopathy or tumor.",
            "central_neurologic_disease_suspected",
        ),
        ("There is no evidence of peripheral neuropathy.", "peripheral_neuropathy_suspected"),
        ("Mild osteoarthritis of the right knee.", "severe_knee_osteoarthritis"),
        ("Severe osteoarthritis of the hip.", "severe_knee_osteoarthritis"),
        ("There is no documentation of a twitch response.", "trigger_points_with_twitch"),
    ],
)
def test_an_indication_denied_or_of_another_kind_is_not_read_as_present(
    note: str, name: str
) -> None:
    assert read(note).get(name) is not True


@pytest.mark.parametrize(
    "note",
    [
        "She drove herself to today's visit.",
        "He still drives and does his own grocery shopping.",
        "She takes the bus to therapy and does her own shopping.",
        "He runs his own errands on weekends.",
        "She goes to her own therapy appointments.",
        "He came alone to the appointment and is able to drive short distances.",
    ],
)
def test_leaving_home_unaided_is_not_homebound(note: str) -> None:
    # Homebound as the CPMTG 2016 defines it: leaving home needs help or is a major effort
    # (mtus.cp2009.home_health). Driving, shopping and errands done by the patient are neither.
    assert read(note)["homebound"] is False


@pytest.mark.parametrize(
    "note",
    [
        "She is unable to drive since the surgery.",
        "Her husband drives her to all appointments.",
        "He no longer drives and cannot go shopping.",
        "She is not able to drive.",
        # Another person's errands are no sign of the patient's.
        "Her daughter does the grocery shopping for her.",
    ],
)
def test_not_driving_or_being_driven_says_nothing_of_being_homebound(note: str) -> None:
    assert "homebound" not in read(note)


# --- sleep: the complaint and the measures tried, in a progress note's words ---------------------


@pytest.mark.parametrize(
    "note",
    [
        "His neck pain keeps him from sleeping well.",
        "The burning keeps her from falling asleep.",
        "Sleeps poorly because of the shoulder.",
        "She is back to about four hours of broken sleep.",
        "Pain wakes her 3-4 times a night.",
        "Gets only 4 hours of sleep a night.",
        "Trouble falling asleep since the injury.",
    ],
)
def test_a_sleep_complaint_is_read_in_its_many_wordings(note: str) -> None:
    assert read(note)["insomnia"] is True


@pytest.mark.parametrize(
    "note",
    [
        "Sleeps well, denies insomnia.",
        "Sleeping 7 hours of sleep a night on the new mattress.",
        "He keeps his exercises up and sleeps well.",
        "The medication may wake her early; discussed.",
    ],
)
def test_no_sleep_complaint_from_good_sleep_or_a_drug_note(note: str) -> None:
    assert read(note).get("insomnia") is not True


@pytest.mark.parametrize(
    "note",
    [
        "No sleep study has been done and no other sleep measures have been tried beyond the "
        "antihistamine.",
        "No other sleep aids tried.",
        "Sleep hygiene has not been tried.",
        "She has never tried sleep hygiene or melatonin.",
        "Nothing else has been tried for sleep.",
    ],
)
def test_the_note_saying_nothing_else_was_tried_for_sleep_is_none_tried(note: str) -> None:
    assert read(note)["sleep_hygiene_tried"] is False


@pytest.mark.parametrize(
    "note",
    [
        # A reviewer finding the record silent is silence, not a record of none tried.
        "There is no documentation of sleep hygiene measures.",
        "Lack of documentation that the patient has undergone sleep hygiene techniques.",
        "She has followed sleep hygiene measures for a month without benefit.",
    ],
)
def test_silence_or_measures_tried_is_not_none_tried(note: str) -> None:
    assert read(note).get("sleep_hygiene_tried") is not False


# --- first-line drugs for neuropathic pain tried and failed, told as a story -------------------


@pytest.mark.parametrize(
    "note",
    [
        "Gabapentin titrated to 1800 mg/day over ten weeks caused dizziness and falls and was "
        "stopped.",
        "Nortriptyline 25 mg at bedtime gave urinary retention and was stopped after 3 weeks.",
        "Lyrica 75 mg BID for two months without benefit.",
        "Amitriptyline at night did not help the burning.",
        "Cymbalta 60 mg was ineffective.",
        "She failed gabapentin.",
        "Duloxetine caused nausea and was discontinued.",
    ],
)
def test_a_first_line_drug_that_failed_is_read_in_its_many_wordings(note: str) -> None:
    assert read(note)["neuropathic_first_line_failed"] is True


@pytest.mark.parametrize(
    "note",
    [
        "Gabapentin 300 mg TID gave good relief of the burning.",
        "Continue nortriptyline 25 mg at bedtime, with relief.",
        "Plan: start gabapentin 100 mg at bedtime.",
        "Ibuprofen caused dyspepsia and was stopped.",
        "Gabapentin with 50% relief of the leg pain.",
    ],
)
def test_a_first_line_drug_that_helped_planned_or_another_drug_is_no_failure(note: str) -> None:
    assert read(note).get("neuropathic_first_line_failed") is not True


@pytest.mark.parametrize(
    "note",
    [
        "Trial of lidocaine patch to the localized area.",
        "Trial of Lidoderm 5% patch to the chest wall, 12 hours on and 12 off.",
        "Plan: trial of Lidoderm 5% patch, 12 hours on and 12 off.",
        "Will try a Lidoderm patch to the chest wall.",
    ],
)
def test_a_trial_of_the_requested_drug_is_a_first_prescription(note: str) -> None:
    assert read(note, "Lidoderm 5% patch #30")["drug_in_use"] is False


@pytest.mark.parametrize(
    "note",
    [
        "Has used Lidoderm patches since 2016.",
        "Continues Lidoderm patch daily to the chest wall.",
    ],
)
def test_a_trial_already_had_is_no_first_prescription(note: str) -> None:
    assert read(note, "Lidoderm 5% patch #30").get("drug_in_use") is not False


# --- the grounds for an FCE in a progress note's words ------------------------------------------


@pytest.mark.parametrize(
    "note",
    [
        "Tried returning to her stocker job in February and again in late March; both attempts "
        "ended within the first week because of shoulder pain.",
        "He attempted to return to full duty in May but could not tolerate the lifting.",
        "She returned to work on 3/1 but had to stop after two days.",
        "Two attempts at returning to work failed.",
        "He went back to his regular job and was taken off work again after a week.",
        "Two failed attempts to return to work in 2016.",
    ],
)
def test_a_return_to_work_that_ended_is_a_failed_return(note: str) -> None:
    assert read(note)["return_to_work_failed"] is True


@pytest.mark.parametrize(
    "note",
    [
        "She returned to full duty in March and is tolerating it.",
        "He plans to return to work next month.",
        "She would like to try returning to her job.",
        "He has not returned to work.",
    ],
)
def test_a_return_held_planned_or_not_made_is_no_failed_return(note: str) -> None:
    assert read(note).get("return_to_work_failed") is not True


@pytest.mark.parametrize(
    "note",
    [
        "The panel QME limits her to 10 lb and no overhead work, while my restrictions were 25 "
        "lb occasional overhead.",
        "The AME released him to full duty, but my restrictions remain no lifting over 20 lb.",
        "My restrictions are sedentary work, whereas the QME found her able to do her usual job.",
        "The QME released her to full duty, which conflicts with my restrictions.",
    ],
)
def test_another_examiners_restrictions_against_the_treaters_are_conflicting_reports(
    note: str,
) -> None:
    assert read(note)["conflicting_medical_reports"] is True


@pytest.mark.parametrize(
    "note",
    [
        "The QME agreed with my restrictions.",
        "The QME evaluation is scheduled for next month.",
        "My restrictions are unchanged: no lifting over 20 lb.",
    ],
)
def test_an_examiner_who_agrees_or_is_only_named_is_no_conflict(note: str) -> None:
    assert read(note).get("conflicting_medical_reports") is not True


@pytest.mark.parametrize(
    "note, name",
    [
        ("S/p arthroscopic rotator cuff repair, right, approaching maximal medical improvement.",
         "near_mmi"),
        ("Status post L5-S1 microdiscectomy, with weakness of the EHL 4/5.", "motor_deficit"),
        ("S/p carpal tunnel release, now with numbness in the ulnar fingers and Tinel positive "
         "at the elbow.", "nerve_entrapment_signs"),
    ],
)  # fmt: skip
def test_status_post_names_the_event_only_not_the_state_after_the_comma(
    note: str, name: str
) -> None:
    assert read(note)[name] is True


def test_status_post_still_puts_the_surgery_itself_in_the_past() -> None:
    facts = read("S/p arthroscopic rotator cuff repair, right, approaching MMI.")
    assert facts["prior_surgery"] is True
    assert facts["surgery_type"] == "rotator cuff repair"


# --- a TENS trial that helped, told by its log ---------------------------------------------------


@pytest.mark.parametrize(
    "note",
    [
        "She used a rented TENS unit from August 7 to September 6 and brought her daily log "
        "today: three 20-minute sessions a day, pain falling from 7 to about 4 during and after "
        "use.",
        "30-day TENS rental trial 09/18-10/18/17, log attached: pain 6 -> 3/10 for ~2 hrs after "
        "each use.",
        "During the TENS trial his pain dropped from 8/10 to 5/10 after each session.",
        "On the one-month TENS rental she cut tramadol from three tablets a day to one.",
        "The TENS trial helped: she walks 30 minutes now.",
    ],
)
def test_a_tens_trial_that_helped_is_read_from_its_log(note: str) -> None:
    assert read(note)["tens_trial_successful"] is True


@pytest.mark.parametrize(
    "note",
    [
        "TENS trial without relief.",
        "The TENS rental gave no relief; pain stayed from 7 to 8.",
        "Plan: 30-day TENS rental; pain falling from 7 to 4 is the goal.",
        "Pain falling from 7 to about 4 with ice and rest.",
    ],
)
def test_a_tens_trial_without_relief_planned_or_no_trial_is_no_successful_trial(
    note: str,
) -> None:
    assert read(note).get("tens_trial_successful") is not True


@pytest.mark.parametrize(
    "note",
    [
        "Our short-term goal is an hour of keyboard work; the long-term goal is her full shift.",
        "Long-term goal: return to full duty.",
        "Functional goal is walking 30 minutes.",
    ],
)
def test_a_goal_named_one_at_a_time_is_a_goal_documented(note: str) -> None:
    assert read(note)["treatment_goals_documented"] is True


# --- a normal finding after a negated one in a list is still normal ------------------------------


@pytest.mark.parametrize(
    "note, name, value",
    [
        ("No focal deficits, sensation intact.", "sensory_deficit", False),
        ("No radicular pain, reflexes symmetric.", "reflex_change", False),
        ("No weakness or atrophy, normal strength in both legs.", "motor_deficit", False),
        ("No early refills, single prescriber and pharmacy.", "aberrant_drug_behavior", False),
        ("Gait normal without a limp, intact sensation in both feet.", "sensory_deficit", False),
        # A negation right before the normal finding still turns it.
        ("Not a single prescriber: three doctors write her opioids.", "aberrant_drug_behavior",
         True),
        ("She is not at MMI.", "near_mmi", False),
    ],
)  # fmt: skip
def test_a_negation_of_an_earlier_list_item_does_not_turn_a_normal_finding(
    note: str, name: str, value: bool
) -> None:
    assert read(note)[name] is value


# --- a date of injury written as a month and year ----------------------------------------------


@pytest.mark.parametrize(
    "note, injured",
    [
        ("Chronic axial LBP, DOI 02/2017.", date(2017, 2, 15)),
        ("She was injured at work in March 2017.", date(2017, 3, 15)),
        ("Date of injury: 11/2015.", date(2015, 11, 15)),
        ("DOI 12/28/2015.", date(2015, 12, 28)),
        ("He was injured in a fall on 3/4/2016.", date(2016, 3, 4)),
    ],
)
def test_the_date_of_injury_is_read_to_the_month_at_least(note: str, injured: date) -> None:
    assert read(note)["injury_date"] == injured


@pytest.mark.parametrize(
    "note", ["He was injured on the job in 2015.", "Injured in 13/2017.", "Seen in March 2017."]
)
def test_no_date_of_injury_from_a_year_alone_or_another_date(note: str) -> None:
    assert "injury_date" not in read(note)


@pytest.mark.parametrize(
    "note, injured",
    [
        ("Orthopedic follow-up for this 39 year old electrician who twisted the left knee on a "
         "ladder 11/29/2016, he has been on modified duty since December.", date(2016, 11, 29)),
        ("She slipped on a wet floor at the warehouse on 02/03/2017.", date(2017, 2, 3)),
        ("He fell from a scaffold in March 2016 and landed on his back.", date(2016, 3, 15)),
        ("Was struck by a falling ceiling panel 10/19/2016.", date(2016, 10, 19)),
        ("Lifting a 60 lb box on 4/12/2017 he felt a pop in the low back.", date(2017, 4, 12)),
    ],
)  # fmt: skip
def test_the_injury_told_as_an_event_with_its_date_dates_the_injury(
    note: str, injured: date
) -> None:
    assert read(note)["injury_date"] == injured


@pytest.mark.parametrize(
    "note, started",
    [
        ("Numbness of the right thumb, index and middle fingers, waking her 3-4 nights a week, "
         "since about March 2016 (assembles circuit boards).", date(2016, 3, 15)),
        ("Neck pain since 10/19/2016.", date(2016, 10, 19)),
        ("The tingling began in early May 2017 at the new workstation.", date(2017, 5, 15)),
        ("Wrist pain and swelling started around January 2017.", date(2017, 1, 15)),
    ],
)  # fmt: skip
def test_without_a_date_of_injury_the_symptoms_start_is_where_the_weeks_run_from(
    note: str, started: date
) -> None:
    assert read(note)["injury_date"] == started


@pytest.mark.parametrize(
    "note, injured",
    [
        # The date of injury, where the record gives it, stands before any other start.
        ("DOI 12/28/2015. Low back pain since March 2016.", date(2015, 12, 28)),
        ("Injured at work on 3/4/2016. He fell again on 5/1/2017.", date(2016, 3, 4)),
    ],
)
def test_the_date_of_injury_stands_before_an_event_or_a_start_of_symptoms(
    note: str, injured: date
) -> None:
    assert read(note)["injury_date"] == injured


@pytest.mark.parametrize(
    "note",
    [
        # A drug's start, a visit, a plan: no start of the condition.
        "Taking gabapentin since March 2016.",
        "Seen on 3/4/2017 for follow-up.",
        "Pain 4/10 today; return in 2017.",
        "He fell, date unknown.",
    ],
)
def test_no_start_of_the_condition_from_a_drug_a_visit_or_an_undated_fall(note: str) -> None:
    assert "injury_date" not in read(note)


# --- injections already given, of the kind requested ---------------------------------------------

ESI = "Lumbar epidural steroid injection L4-5"


@pytest.mark.parametrize(
    "note, expected",
    [
        (
            "The prior ESI on 3/1/2016 provided 60-70% relief for 6 weeks and she reduced her "
            "Norco.",
            {
                "prior_injections": 1,
                "prior_injection_relief_percent": 70,
                "prior_injection_relief_weeks": 6,
                "medication_reduced_after_injection": True,
            },
        ),
        (
            "He had two prior epidural injections with 50% relief lasting 2 months.",
            # Two months are 9 weeks (52/12 a month), as every reader counts them.
            {"prior_injections": 2, "prior_injection_relief_percent": 50,
             "prior_injection_relief_weeks": 9},
        ),
        ("She had a TFESI on 02/14/17 with two weeks of partial relief.", {"prior_injections": 1}),
        ("No prior injections.", {"prior_injections": 0}),
        ("Quad 4+/5. No prior ESI.", {"prior_injections": 0}),
        ("He has never had an epidural injection.", {"prior_injections": 0}),
        # What a sentence says of "the injection" is of the kind named just before it.
        ("S/p L5-S1 TFESI on 08/09/2016. Following the injection she decreased Norco from QID to "
         "BID.", {"medication_reduced_after_injection": True}),
        ("L4-5 interlaminar ESI on 12/06/2016. It helped a little, briefly. No change in "
         "medication use after the injection.", {"medication_reduced_after_injection": False}),
        ("Lumbar ESI in May. The injection gave 60% relief for 8 weeks.",
         {"prior_injection_relief_percent": 60, "prior_injection_relief_weeks": 8}),
        # The relief as the pain score's drop, and what followed it in the next sentences.
        ("First C6-7 ILESI 06/29/17. Since then arm pain down from 8/10 to 3/10, ~11 wks. Cut "
         "Norco from 4 a day to 1 at night.",
         {"prior_injections": 1, "prior_injection_relief_percent": 62,
          "prior_injection_relief_weeks": 11, "medication_reduced_after_injection": True}),
        ("TFESI L L5-S1 06/12/17: leg pain 8 -> 2 lasting ten weeks; Norco 10/325 TID stopped "
         "06/20.",
         {"prior_injection_relief_percent": 75, "prior_injection_relief_weeks": 10,
          "medication_reduced_after_injection": True}),
        # The pain by where it is, the drug's count a day, a figure given as about, and a work
        # status between whose words another stands ("modified ground-level duty": no request).
        ("First L4-5 ILESI 03/21/17: about 70% leg pain relief lasting roughly ten weeks; Norco "
         "went from three a day to one, returned to regular duty 04/10/17.",
         {"prior_injection_relief_percent": 70, "prior_injection_relief_weeks": 10,
          "medication_reduced_after_injection": True}),
        ("An L4-5 interlaminar ESI on 03/22/2017. The injection brought his leg pain from 8/10 to "
         "about 6/10 for roughly two weeks.",
         {"prior_injection_relief_percent": 25, "prior_injection_relief_weeks": 2}),
        ("A first left L5-S1 transforaminal injection on 04/11/2017. His leg pain fell from 8/10 "
         "to 3/10 after the injection and stayed there for about ten weeks; he returned to "
         "modified ground-level duty on 05/01/2017.",
         {"prior_injection_relief_percent": 62, "prior_injection_relief_weeks": 10}),
        # Two kinds named before: which one "the injection" is, is not known.
        ("She had an ESI and trigger point injections in 2015. After the injection her pain was "
         "60% better.", {"prior_injection_relief_percent": None}),
        # Named too long before to be the one meant.
        ("Lumbar ESI in May. Pain 6/10. She walks daily. Sleep is poor. The injection gave 60% "
         "relief.", {"prior_injection_relief_percent": None}),
        # No kind named at all.
        ("The injection gave 60% relief for 8 weeks.", {"prior_injection_relief_percent": None}),
        # The relief told right after the injection, as less pain; not that of other care.
        ("I performed an L4-5 interlaminar ESI on 08/30/2017. She reports about thirty percent "
         "less leg pain for roughly ten days.",
         {"prior_injection_relief_percent": 30, "prior_injection_relief_weeks": 1}),
        ("I performed an L4-5 interlaminar ESI on 08/30/2017. She reports 30% relief with "
         "physical therapy.", {"prior_injection_relief_percent": None}),
        ("R L5-S1 transforaminal ESI on 10/03/2016. States the shot helped a little for about "
         "ten days, pain 8/10 down to 6/10.",
         {"prior_injection_relief_percent": 25, "prior_injection_relief_weeks": 1}),
        # The relief named before its share, and how long after the injection it still held; an
        # account of the injection over several reports, each following up on the one before.
        ("A C6-7 interlaminar ESI was performed on 04/18/2017. At the follow-up on 07/25/2017, "
         "more than three months after the injection, relief was still 50-60%.",
         {"prior_injection_relief_percent": 60, "prior_injection_relief_weeks": 13}),
        ("A left L5-S1 TFESI was performed on 02/09/2017. At the follow-up on 03/09/2017 he "
         "reported 80% relief of his leg pain. A report of 04/20/2017 noted the relief holding at "
         "about 75%. On 05/22/2017, about 15 weeks after the injection, he reported gradual "
         "return of calf pain.",
         {"prior_injection_relief_percent": 80, "prior_injection_relief_weeks": 15}),
        # Weeks after the injection with nothing of its relief say nothing of how long it lasted.
        ("A left L5-S1 TFESI was performed on 02/09/2017. He was seen 15 weeks after the "
         "injection for a refill.", {"prior_injection_relief_weeks": None}),
    ],
)  # fmt: skip
def test_the_injections_given_are_read_for_a_request_of_their_kind(
    note: str, expected: dict[str, Any]
) -> None:
    facts = read(note, ESI)
    assert {name: facts.get(name) for name in expected} == expected


@pytest.mark.parametrize(
    "note",
    [
        "Request for a repeat TFESI.",
        "Plan: lumbar epidural steroid injection at L4-5.",
        # Another kind of injection is not the kind requested.
        "Trigger point injections gave 80% relief for 3 weeks.",
    ],
)
def test_an_injection_requested_or_of_another_kind_is_none_given(note: str) -> None:
    assert "prior_injections" not in read(note, ESI)


# --- the dates of the review and of the latest report -------------------------------------------


@pytest.mark.parametrize(
    "note, reviewed",
    [
        (
            "The original utilization review (11-8-2016) had non-certified the MRI.",
            date(2016, 11, 8),
        ),
        ("The original Utilization Review (UR) (12-2-2016) denied the EMG.", date(2016, 12, 2)),
        ("On 11-22-2016, Utilization Review non-certified the request.", date(2016, 11, 22)),
        ("On 12-19-16 the request was non-certified by utilization review.", date(2016, 12, 19)),
        ("The UR dated 1-23-17 non-certified the request.", date(2017, 1, 23)),
        # A date first, in a sentence that reports no decision of the review, is not its date.
        ("On 12-8-16 the physician sent the utilization review more notes.", None),
    ],
)
def test_the_review_date_is_read_before_or_after_the_review(note: str, reviewed: date) -> None:
    assert read(note).get("ur_date") == reviewed


@pytest.mark.parametrize(
    "note, reported",
    [
        ("On 1-10-17, he complained of ongoing neck pain.", date(2017, 1, 10)),
        ("On 12-8-16 the treating physician requested authorization for PT.", date(2016, 12, 8)),
        ("The injured worker presented on 10-28-2016 with neck pain.", date(2016, 10, 28)),
        ("She received a Ketorolac injection at the 10-28-2016 visit.", date(2016, 10, 28)),
        ("On 11-17-2016, the Request for Authorization requested chiropractic care.",
         date(2016, 11, 17)),
        ("The RFA (request for authorization) dated November 17, 2016 asked for an MRI.",
         date(2016, 11, 17)),
        ("An authorization request dated 11-15-2016 included naproxen.", date(2016, 11, 15)),
        ("Medical records dated 12-3-2016 noted low back pain.", date(2016, 12, 3)),
        # The review's own report, and an event the patient tells of, are no report of care.
        ("In a utilization review report dated December 7, 2016, the PT was modified.", None),
        ("On 11-9-2016 he underwent a closed reduction.", None),
    ],
)  # fmt: skip
def test_the_latest_report_is_a_visit_a_report_or_a_request(note: str, reported: date) -> None:
    assert read(note).get("latest_report_date") == reported


# --- what utilization review decided on the surgery, and a return to work that held ------------


@pytest.mark.parametrize(
    "note, certified",
    [
        ("The requested surgery was previously denied due to lack of conservative care.", False),
        ("The carpal tunnel release was non-certified.", False),
        ("The lumbar fusion was modified by UR to a decompression.", None),
        # The surgery approved, whatever else was denied: its services stand on their own.
        ("The surgery was approved; the brace was denied.", True),
    ],
)
def test_a_surgery_refused_is_read_where_the_sentence_says_so(
    note: str, certified: bool | None
) -> None:
    assert read(note).get("procedure_certified") == certified


@pytest.mark.parametrize(
    "note, failed",
    [
        ("Per the progress report, the IW has returned to regular job duties.", False),
        ("The applicant continued performing full duty work despite pain.", False),
        ("He had two failed attempts to return to work.", True),
        # A release to full duty is a plan, and a return not made says nothing of an attempt.
        ("He may return to full duty on 12/1/2016.", None),
        ("She has not returned to full duty.", None),
    ],
)
def test_a_return_to_work_that_held_is_no_failed_return(note: str, failed: bool | None) -> None:
    assert read(note).get("return_to_work_failed") == failed


# --- neurologic, imaging and electrodiagnostic findings, red flags and suspected conditions ------


@pytest.mark.parametrize(
    "note, normal",
    [
        # A negated list before a normal finding ends at the comma: the normal finding states its
        # own result and is no deficit.
        ("Negative SLR, normal strength.", {"motor_deficit"}),
        ("Exam: no tenderness, reflexes 2+.", {"reflex_change"}),
        ("SLR negative bilaterally, 5/5 strength throughout.", {"motor_deficit"}),
        # Parts of the examination named together under one result.
        ("Normal strength and reflexes in both legs.", {"motor_deficit", "reflex_change"}),
        ("Strength and reflexes normal.", {"motor_deficit", "reflex_change"}),
        (
            "Sensation, strength and DTRs intact bilat.",
            {"motor_deficit", "sensory_deficit", "reflex_change"},
        ),
        ("Motor/sensory/DTRs WNL.", {"motor_deficit", "sensory_deficit", "reflex_change"}),
        ("Sensation and reflexes are symmetric and intact.", {"sensory_deficit", "reflex_change"}),
        ("Sensory exam showed no deficit to pinprick.", {"sensory_deficit"}),
        ("Motor examination without focal deficit.", {"motor_deficit"}),
    ],
)
def test_a_normal_examination_is_no_deficit(note: str, normal: set[str]) -> None:
    values = read(note)
    parts = {"motor_deficit", "sensory_deficit", "reflex_change"}
    assert {name for name in parts if values.get(name) is False} == normal
    assert not any(values.get(name) for name in parts)


@pytest.mark.parametrize(
    "note, deficit",
    [
        ("Strength 4/5 in the EHL, sensation and reflexes intact.", "motor_deficit"),
        ("Negative SLR; decreased sensation in the L5 dermatome.", "sensory_deficit"),
        ("Normal strength, absent left Achilles reflex.", "reflex_change"),
    ],
)
def test_a_deficit_beside_normal_parts_is_still_read(note: str, deficit: str) -> None:
    assert read(note)[deficit] is True


@pytest.mark.parametrize(
    "note",
    [
        # What the patient denies is not an examination (in its own clause: after a semicolon,
        # "strength and reflexes normal" is the examination's).
        "Denies weakness, strength and reflexes normal.",
        "Strength and sensation are not normal.",
    ],
)
def test_parts_named_together_are_not_read_from_a_complaint_or_a_negation(note: str) -> None:
    values = read(note)
    assert not any(
        values.get(name) is False for name in ("motor_deficit", "sensory_deficit", "reflex_change")
    )


@pytest.mark.parametrize(
    "parts, deficit",
    [
        # Two parts of the examination normal and none abnormal: no deficit shown.
        ({"motor_deficit": False, "sensory_deficit": False}, False),
        ({"sensory_deficit": False, "reflex_change": False}, False),
        # One part normal is not an examination of the rest.
        ({"motor_deficit": False}, None),
        ({"motor_deficit": False, "sensory_deficit": False, "reflex_change": True}, True),
    ],
)
def test_a_neurologic_deficit_is_ruled_out_by_two_normal_parts(
    parts: dict[str, bool], deficit: bool | None
) -> None:
    from engine.facts import with_derived

    assert with_derived(parts, None).get("neurologic_deficit") is deficit


@pytest.mark.parametrize(
    "note, name, value",
    [
        # A hand or wrist fracture named, found or suspected, suggests a fracture (ACOEM Ch. 11).
        (
            "X-rays revealed a dorsally displaced fracture of the distal radius.",
            "fracture_or_foreign_body_suspected",
            True,
        ),
        (
            "A boxer's fracture of the fifth metacarpal is suspected.",
            "fracture_or_foreign_body_suspected",
            True,
        ),
        ("She fractured her right thumb at work.", "fracture_or_foreign_body_suspected", True),
        # A study's adjective is the study: "electromyographic" findings are EMG findings.
        (
            "Electromyographic indicators of acute cervical radiculopathy were not seen.",
            "electrodiagnostic_radiculopathy",
            False,
        ),
        (
            "Electromyographic findings showed a left L5 radiculopathy.",
            "electrodiagnostic_radiculopathy",
            True,
        ),
        # "nerve compression" as well as "compression of the nerve root".
        ("MRI does not indicate nerve compression.", "imaging_nerve_compromise", False),
        ("The MRI shows nerve impingement at L5-S1 on the left.", "imaging_nerve_compromise", True),
        ("There is no suspicion of red flags.", "red_flags", False),
        # A neuropathy to be ruled out is the suspicion the fact names.
        ("NCV to rule out peripheral neuropathy.", "peripheral_neuropathy_suspected", True),
        (
            "EMG/NCV of the lower extremities to rule out neuropathy.",
            "peripheral_neuropathy_suspected",
            True,
        ),
        (
            "Burning in both feet, possible tarsal tunnel syndrome.",
            "peripheral_neuropathy_suspected",
            True,
        ),
    ],
)
def test_a_finding_or_suspicion_is_read(note: str, name: str, value: bool) -> None:
    assert read(note).get(name) is value


@pytest.mark.parametrize(
    "note, name",
    [
        # A fracture ruled out, of the elbow, or long healed, is no hand or wrist fracture now.
        ("Wrist x-rays showed no fracture.", "fracture_or_foreign_body_suspected"),
        ("Nondisplaced fracture of the left radius head.", "fracture_or_foreign_body_suspected"),
        ("History of a wrist fracture in 2010.", "fracture_or_foreign_body_suspected"),
        # The arm's entrapments are not a neuropathy of the legs; a negation is the silence.
        ("NCV of the arm for a suspected ulnar neuropathy.", "peripheral_neuropathy_suspected"),
        ("There is no evidence of neuropathy in the legs.", "peripheral_neuropathy_suspected"),
        # "no documentation of red flags" is the record's silence, not their absence.
        ("There is no documentation of red flags.", "red_flags"),
        ("MRI of the lumbar spine showed mild disc bulging.", "imaging_nerve_compromise"),
    ],
)
def test_a_finding_ruled_out_elsewhere_or_undocumented_is_not_read(note: str, name: str) -> None:
    assert name not in read(note)


# --- wordings of progress notes: abbreviations, clipped phrases, other examiners' findings -------


@pytest.mark.parametrize(
    "note, name, value",
    [
        ("Pt has reached maximal medical improvement as of today.", "near_mmi", True),
        ("Not yet at MMI; expect further gains with therapy.", "near_mmi", False),
        ("He is not permanent and stationary.", "near_mmi", False),
        (
            "The QME released her to full duty, which conflicts with my restrictions.",
            "conflicting_medical_reports",
            True,
        ),
        ("The AME opinion differs from my work restrictions.", "conflicting_medical_reports", True),
        ("Bone scan to r/o stress fx of the 2nd metatarsal.", "stress_fracture_suspected", True),
        ("Hand numbness, etiology unclear.", "diagnosis_uncertain_or_complex", True),
        ("The home health nurse evaluated her at home on 3/10.", "in_home_evaluation", True),
        ("Worsening left foot drop since May.", "red_flag_progressive_deficit", True),
        ("Grip has weakened progressively over two weeks.", "red_flag_progressive_deficit", True),
        # Over-the-counter sleep aids tried are what the fact names beside sleep hygiene.
        ("She has tried melatonin without benefit.", "sleep_hygiene_tried", True),
        ("Has used OTC Benadryl at night.", "sleep_hygiene_tried", True),
        ("Conservative tx x 3 months, pain persists.", "conservative_care_weeks", 13),
        ("Conservative care x 10 wks without improvement.", "conservative_care_weeks", 10),
        # Splints and drugs are conservative care too.
        (
            "We tried a night splint for the better part of two months, and she is no better.",
            "conservative_care_weeks",
            9,
        ),
        ("She has used NSAIDs for 3 months.", "conservative_care_weeks", 13),
    ],
)
def test_a_progress_note_wording_gives_the_fact(note: str, name: str, value: Any) -> None:
    assert read(note).get(name) == value


@pytest.mark.parametrize(
    "note, name",
    [
        ("The schedule conflicts with her therapy visits.", "conflicting_medical_reports"),
        ("Plan: nurse to evaluate her at home.", "in_home_evaluation"),
        # A negated aid or one planned is silence; a handout given today is not yet tried.
        ("She has not tried melatonin.", "sleep_hygiene_tried"),
        ("Plan: trial of melatonin.", "sleep_hygiene_tried"),
        ("Plan: Dicopanol at bedtime; sleep hygiene handout given today.", "sleep_hygiene_tried"),
        ("Request: conservative care x 6 wks.", "conservative_care_weeks"),
        ("Plan: wrist splint for 6 weeks.", "conservative_care_weeks"),
    ],
)
def test_a_progress_note_wording_gives_no_fact(note: str, name: str) -> None:
    assert name not in read(note)


NEUROTOMY = "Repeat radiofrequency ablation L4-5"


@pytest.mark.parametrize(
    "note, expected",
    [
        # The last neurotomy's relief, for a repeat neurotomy, and the drug stopped after it.
        (
            "L L4-5, L5-S1 RFA in 03/2016 provided 75% relief for about 6 months. She stopped "
            "Norco after the RFA.",
            {"prior_injection_relief_percent": 75, "prior_injection_relief_weeks": 26,
             "medication_reduced_after_injection": True, "medial_branch_block_relief_percent": None},
        ),
        # A facet rhizotomy is a neurotomy, not a diagnostic block.
        ("Facet rhizotomy gave 60% relief.",
         {"prior_injection_relief_percent": 60, "medial_branch_block_relief_percent": None}),
        # The block's relief, in words; a neurotomy denied beside it is none given.
        ("Medial branch block gave about forty percent relief.",
         {"medial_branch_block_relief_percent": 40, "prior_injection_relief_percent": None}),
        ("Medial branch blocks gave 80% relief; no prior RFA.",
         {"medial_branch_block_relief_percent": 80, "prior_injection_relief_percent": None}),
        ("No prior RF ablation.", {"prior_injections": 0}),
    ],
)  # fmt: skip
def test_a_neurotomy_is_read_apart_from_the_block_before_it(
    note: str, expected: dict[str, Any]
) -> None:
    facts = read(note, NEUROTOMY)
    assert {name: facts.get(name) for name in expected} == expected


@pytest.mark.parametrize(
    "note",
    [
        "Never had a medial branch block.",
        "P: Nothing imaged, no EDx, and never had a medial branch block.",
        "No diagnostic blocks have been done.",
        "She has not had any facet injections.",
        "No prior medial branch blocks.",
        "He has never undergone a diagnostic block.",
    ],
)
def test_no_block_given_is_no_relief_from_one(note: str) -> None:
    # A neurotomy follows a diagnosis made by blocks (odg.facet.rf_neurotomy criterion 1): a
    # record that says none was given shows that criterion unmet, not unknown.
    assert read(note, NEUROTOMY).get("medial_branch_block_relief_percent") == 0


@pytest.mark.parametrize(
    "note",
    [
        # A block given, whatever its relief: not a block denied.
        "No relief from the medial branch block.",
        "No change after the facet block in May.",
        "Medial branch blocks gave 80% relief.",
        # Denied of another kind of procedure.
        "No prior RF ablation.",
        "Never had an epidural injection.",
        # Planned, not denied.
        "Plan: medial branch blocks at C5-6 and C6-7.",
    ],
)
def test_a_block_given_or_another_procedure_denied_is_no_block_denied(note: str) -> None:
    assert read(note, NEUROTOMY).get("medial_branch_block_relief_percent") in (None, 80)


@pytest.mark.parametrize(
    ("count", "unit", "weeks"),
    [(6, "weeks", 6), (3, "wks", 3), (1, "month", 4), (3, "months", 13), (6, "Months", 26),
     (2, "years", 104), (1, "yr", 52)],
)  # fmt: skip
def test_every_reader_counts_a_month_alike(count: int, unit: str, weeks: int) -> None:
    assert weeks_in(count, unit) == weeks


@pytest.mark.parametrize(
    ("request_text", "needed"),
    [
        ("Consult with pain management for cervical spine blocks & rhizotomy", True),
        ("Orthopedic surgeon consultation for possible carpal tunnel release", True),
        ("Consult with pain management", None),
        ("Neurology consultation", None),
    ],
)
def test_a_referral_naming_the_procedure_gives_its_reason(
    request_text: str, needed: bool | None
) -> None:
    note = "Neck pain since the injury. Exam: tenderness of the cervical paraspinals."
    assert read(note, request_text).get("specialist_expertise_needed") == needed


@pytest.mark.parametrize(
    "note",
    [
        "There was also lack of clinical documentation the patient has fibromyalgia.",
        "There is no documentation that the patient has fibromyalgia.",
        "No evidence indicating the patient has fibromyalgia was submitted.",
    ],
)
def test_what_the_record_is_said_not_to_document_is_not_present(note: str) -> None:
    # The clause after "no documentation" is what is missing: its "the patient has" opens no
    # statement of its own.
    assert read(note).get("fibromyalgia") is not True


# --- the procedure's own criteria: the knee's mechanical symptoms, carpal tunnel syndrome ------

MENISCECTOMY = "Right knee arthroscopy, partial medial meniscectomy"
RELEASE = "Left carpal tunnel release"
SURGERY_FACTS = (
    "knee_mechanical_symptoms",
    "cts_confirmed_by_electrodiagnostics",
    "severe_carpal_tunnel_syndrome",
)


def surgery_facts(note: str, request: str) -> dict[str, Any]:
    values = read(note, request)
    return {name: values[name] for name in SURGERY_FACTS if name in values}


@pytest.mark.parametrize(
    "note, asked, expected",
    [
        ("The right knee gives way and locks.", MENISCECTOMY, {"knee_mechanical_symptoms": True}),
        # The part at issue where the sentence names none.
        ("Persistent medial pain with catching.", MENISCECTOMY, {"knee_mechanical_symptoms": True}),
        ("Two episodes of buckling this month.", MENISCECTOMY, {"knee_mechanical_symptoms": True}),
        (
            "She denies locking or catching of the knee.",
            MENISCECTOMY,
            {"knee_mechanical_symptoms": False},
        ),
        (
            "EMG/NCS dated 11/30/2016 revealed moderate bilateral carpal tunnel syndrome.",
            RELEASE,
            {"cts_confirmed_by_electrodiagnostics": True, "severe_carpal_tunnel_syndrome": False},
        ),
        (
            "EMG/NCS 11/2016: bilateral CTS.",
            RELEASE,
            {"cts_confirmed_by_electrodiagnostics": True},
        ),
        (
            "Nerve conduction studies of the upper extremities were normal.",
            RELEASE,
            {"cts_confirmed_by_electrodiagnostics": False},
        ),
        (
            "NCS showed no evidence of carpal tunnel syndrome.",
            RELEASE,
            {"cts_confirmed_by_electrodiagnostics": False},
        ),
        (
            "Diagnosis: severe right carpal tunnel syndrome.",
            RELEASE,
            {"severe_carpal_tunnel_syndrome": True},
        ),
        (
            "There was flattening and atrophy of the thenar eminence.",
            RELEASE,
            {"severe_carpal_tunnel_syndrome": True},
        ),
        (
            "Diagnosis: mild carpal tunnel syndrome.",
            RELEASE,
            {"severe_carpal_tunnel_syndrome": False},
        ),
    ],
)
def test_the_criteria_of_a_procedure_are_read(note: str, asked: str, expected: dict) -> None:
    assert surgery_facts(note, asked) == expected


@pytest.mark.parametrize(
    "note, asked",
    [
        # In the past, only possible, asked for, or of another part.
        ("History of locking of the knee years ago.", MENISCECTOMY),
        ("Rule out locking of the knee.", MENISCECTOMY),
        ("Arthroscopy is requested for catching of the knee.", MENISCECTOMY),
        ("The knee is kept in a locked hinged brace.", MENISCECTOMY),
        ("No nerve conduction studies have been done.", RELEASE),
        ("EMG/NCS is requested to rule out carpal tunnel syndrome.", RELEASE),
        ("Possible carpal tunnel syndrome; nerve conduction studies to be scheduled.", RELEASE),
        ("No thenar atrophy.", RELEASE),
    ],
)
def test_no_criterion_is_read_from_a_plan_a_doubt_a_past_or_a_denial_of_a_sign(
    note: str, asked: str
) -> None:
    assert surgery_facts(note, asked) == {}


def test_a_finger_that_locks_says_nothing_of_the_knee() -> None:
    values = read("The left ring finger locks in flexion.", MENISCECTOMY)
    assert values.get("knee_mechanical_symptoms") is None


@pytest.mark.parametrize(
    "quoted",
    [
        "Nerve conduction studies are recommended in patients with clinical signs of carpal "
        "tunnel syndrome who may be candidates for surgery.",
        "ACOEM supports arthroscopic partial meniscectomy for a torn meniscus with mechanical "
        "symptoms such as locking or catching.",
        "The guidelines support carpal tunnel release for severe carpal tunnel syndrome with "
        "thenar atrophy.",
    ],
)
def test_a_rationale_quoting_a_procedure_criterion_is_no_fact(quoted: str) -> None:
    before, after, _ = planted_in_rationale(SEED, quoted, FINDINGS, VOCABULARY)
    assert after == before


@pytest.mark.parametrize(
    "note",
    ["Failed night splinting and a steroid injection.", "She failed wrist splinting."],
)
def test_a_failed_splint_is_failed_conservative_care(note: str) -> None:
    assert read(note, RELEASE)["conservative_care_failed"] is True


def test_a_splint_planned_is_no_failed_care() -> None:
    assert "conservative_care_failed" not in read("Plan: night splinting for six weeks.", RELEASE)


# --- opioids denied as a class, a drug started now, a surgery done and authorized, a Dx heading ---


@pytest.mark.parametrize(
    "note",
    [
        "Meds: naproxen 500 BID, no opioids ever prescribed on this claim.",
        "He has never been prescribed opioids.",
        "Not on opioids.",
        "She takes no opioid medication.",
        "Denies opioid use.",
        "The patient is opioid-naive.",
    ],
)
def test_opioids_denied_as_a_class_are_no_opioid_use(note: str) -> None:
    assert read(note)["opioid_use"] is False


@pytest.mark.parametrize(
    "note, neuropathic",
    [
        ("The patient has been diagnosed with left L5 radiculopathy.", True),
        ("Dx: lumbar strain; sciatica.", True),
        # To be ruled out is not diagnosed; a sentence that says otherwise wins.
        ("Diagnoses: lumbar strain, rule out radiculopathy.", None),
        ("No neuropathic pain. Diagnosis: lumbar radiculopathy.", False),
    ],
)
def test_a_nerve_root_pain_diagnosed_is_neuropathic(note: str, neuropathic: bool | None) -> None:
    assert read(note).get("neuropathic_pain") is neuropathic


@pytest.mark.parametrize(
    "note",
    [
        "Pain is 7/10 without and 4/10 with tramadol.",
        "Pain 8/10 without medication, 3/10 with Norco, no side effects.",
    ],
)
def test_an_opioid_whose_relief_is_scored_is_taken(note: str) -> None:
    # The score told with the drug is a statement of its own, out of the "without" before it.
    assert read(note)["opioid_use"] is True


@pytest.mark.parametrize(
    "note",
    [
        # What follows the class is not the drug taken, or one drug is not every opioid.
        "No early refills of opioids.",
        "No opioid agreement is on file.",
        "Tramadol has not been tried.",
        "No opioids requested today.",
    ],
)
def test_a_negation_near_opioids_is_not_always_no_opioid_use(note: str) -> None:
    assert read(note).get("opioid_use") is None


@pytest.mark.parametrize(
    "note, in_use",
    [
        ("Plan: start naproxen 500 BID, reassess in 4 weeks.", False),
        ("We will begin naproxen 500 mg twice daily.", False),
        ("Continue omeprazole, start naproxen.", False),
        # The drug started now is the other one; a drug started weeks ago is taken.
        ("Continue naproxen, start omeprazole.", True),
        ("She started naproxen two months ago and continues it.", True),
        # A drug switched to today is started now; a drug right after "on" is taken.
        ("Today switching to naproxen from ibuprofen.", False),
        ("On naproxen 500 BID x 4 months, helps.", True),
    ],
)
def test_a_drug_started_now_is_a_first_prescription(note: str, in_use: bool) -> None:
    assert read(note, "Naproxen 500 mg #60")["drug_in_use"] is in_use


def test_a_drug_taken_for_a_shortened_length_has_it() -> None:
    """ "x 4 months" is how notes shorten "for 4 months"."""
    assert (
        read("On gabapentin 600 TID x 4 months.", "Gabapentin 600 mg #90")["drug_use_weeks"] == 17
    )


@pytest.mark.parametrize(
    "note, operated",
    [
        ("S/p R rotator cuff repair (2 anchors) on 10/31/2016, authorized.", date(2016, 10, 31)),
        ("He underwent pelvic open reduction/internal fixation on 10/31/2016.", date(2016, 10, 31)),
        # A surgery authorized for a date is not yet done.
        ("The rotator cuff repair on 12/01/2016 was authorized.", None),
    ],
)
def test_a_surgery_done_is_dated_whatever_is_said_of_its_authorization(
    note: str, operated: date | None
) -> None:
    assert read(note).get("surgery_date") == operated


@pytest.mark.parametrize(
    "note, group",
    [
        ("Dx: R knee osteoarthritis, work aggravated.", "arthritis"),
        ("Assessment/Plan: R shoulder strain, resolving.", "sprain_strain"),
        ("A: Lumbar sprain/strain, improving.", "sprain_strain"),
        ("Impression: lumbar radiculopathy.", "neuralgia"),
    ],
)
def test_a_notes_diagnosis_heading_gives_the_diagnoses(note: str, group: str) -> None:
    assert group in read(note)["diagnoses"]


# --- a drug stopped for its harm, an adjunct to the HEP, care that plateaued, impingement -------


@pytest.mark.parametrize(
    "note",
    [
        "Meds: ibuprofen stopped 12/2025 for gastritis (EGD confirmed).",
        "Naproxen was discontinued due to elevated creatinine.",
        "Meloxicam stopped because of GI bleeding.",
    ],
)
def test_a_drug_stopped_for_its_harm_is_a_pain_medication_not_tolerated(note: str) -> None:
    assert read(note)["pain_medication_reduced_or_not_tolerated"] is True


def test_care_beside_the_hep_is_an_adjunct_to_rehabilitation() -> None:
    values = read("Plan: acupuncture trial x 6 as adjunct to HEP.", "Acupuncture 2x3 lumbar")
    assert values["adjunct_to_rehabilitation"] is True


@pytest.mark.parametrize(
    "note",
    [
        "She had 8 sessions of PT; progress plateaued.",
        "PT 12 visits + daily HEP (ROM and cuff strength plateaued), naproxen.",
        "Two subacromial injections: each relieved pain ~3 wks then returned.",
    ],
)
def test_care_that_plateaued_or_wore_off_failed(note: str) -> None:
    assert read(note)["conservative_care_failed"] is True


@pytest.mark.parametrize(
    "note, lesion",
    [
        (
            "MRI: type II acromion w/ subacromial spur. Exam: Neer (+), Hawkins (+).",
            True,
        ),
        (
            "MRI 02/2017: partial-thickness bursal-side supraspinatus tear. Hawkins sign positive.",
            True,
        ),
        # The imaging without the signs, or the signs without the imaging, is not clear evidence.
        ("MRI: subacromial spur. Neer negative, Hawkins negative.", None),
        ("Exam: Neer (+), Hawkins (+).", None),
        # A meniscal tear on MRI written without 'of the', with McMurray positive.
        (
            "MRI: complex tear posterior horn medial meniscus. McMurray (+) medial.",
            True,
        ),
    ],
)
def test_impingement_on_imaging_with_its_signs_is_a_surgical_lesion(
    note: str, lesion: bool | None
) -> None:
    assert (
        read(note, "R shoulder arthroscopy, subacromial decompression").get("surgical_lesion")
        is lesion
    )


# --- what a drug lets the patient do, and 'prescribed' that orders nothing ----------------------


@pytest.mark.parametrize(
    "note",
    [
        "He has taken Norco for two years. On it he walks his dog 30 minutes a day; without it "
        "he can't get off the couch.",
        "He has taken Norco for two years. The medication allows him to work his full shift.",
        "She takes Norco daily. With her medications she is able to cook and shop; without "
        "them she stays in bed.",
    ],
)
def test_what_a_drug_taken_lets_the_patient_do_is_its_functional_improvement(note: str) -> None:
    assert read(note, "Norco 10/325 #90")["functional_improvement"] is True


def test_pain_relief_alone_is_no_functional_improvement() -> None:
    values = read("He has taken Norco for two years. Pain 7/10 without, 3/10 with it.", "Norco #90")
    assert values.get("functional_improvement") is not True


@pytest.mark.parametrize(
    "note, name",
    [
        ("Urine drug screen 08/2016 consistent with prescribed medication.", "urine_drug_screen"),
        ("CURES checked today, consistent with prescribed medication.", "cures_checked"),
    ],
)
def test_prescribed_describing_the_drug_taken_orders_nothing(note: str, name: str) -> None:
    assert read(note)[name] is True


# --- the injury told as its event, dated ---------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "injured"),
    [
        ("LBP after MVA on 07/11/16 (rear-ended in a company vehicle).", date(2016, 7, 11)),
        (
            "Fell approx 8 feet from scaffolding 10/01/2016 landing on his shoulders.",
            date(2016, 10, 1),
        ),
        ("Slip and fall on wet floor at work 08/01/2017, landed on buttocks.", date(2017, 8, 1)),
        ("Twisting injury R knee at work on 4/12/2017. Locking and catching.", date(2017, 4, 12)),
        ("Numbness both hands. Sx began 03/01/2016 while typing at work.", date(2016, 3, 1)),
        ("Back pain, onset while lifting a patient (CNA) on 9/9/2016.", date(2016, 9, 9)),
        ("Neck pain into R arm since 5/16/2016 DOI.", date(2016, 5, 16)),
        ("Injury occurred 02/14/2017 when she slipped on a wet floor.", date(2017, 2, 14)),
        ("Neck pain following a collision while on duty on June 3, 2016.", date(2016, 6, 3)),
    ],
)
def test_the_injury_told_as_its_dated_event_gives_the_date_of_injury(
    note: str, injured: date
) -> None:
    assert read(note)["injury_date"] == injured


@pytest.mark.parametrize(
    "note",
    [
        # The date of what followed the event, not of the event.
        "Hurt his ankle in a fall, s/p ORIF on 06/20/2017.",
        "After the fall she started PT on 3/2/2017.",
        "Flare after moving furniture at home 3/1/2026.",
    ],
)
def test_a_date_of_care_after_the_event_is_no_date_of_injury(note: str) -> None:
    assert "injury_date" not in read(note)


# --- the red flags as a review of systems screens for them ----------------------------------------


@pytest.mark.parametrize(
    ("note", "name", "value"),
    [
        ("No fever, wt loss, or h/o CA.", "red_flag_infection", False),
        ("No fever, wt loss, or h/o CA.", "red_flag_tumor", False),
        ("ROS: Neg for fever/chills, night pain.", "red_flag_infection", False),
        ("Denies fever, chills or wound problems.", "red_flag_infection", False),
        (
            "Now 5 days of fever to 101.8 and chills after the discectomy.",
            "red_flag_infection",
            True,
        ),
        ("PMH: h/o CA of the breast, s/p mastectomy.", "red_flag_tumor", True),
        ("Unexplained weight loss of 12 lb in 2 months.", "red_flag_tumor", True),
        ("ROS negative for unexplained weight loss.", "red_flag_tumor", False),
        ("Lumbar XR 08/02/2017 neg for fx.", "red_flag_fracture", False),
        (
            "Progressive L foot weakness: TA 4/5 in 08/2017, now 3/5.",
            "red_flag_progressive_deficit",
            True,
        ),
        ("R foot weakness worse since last visit.", "red_flag_progressive_deficit", True),
        ("No new or progressive neuro sx.", "red_flag_progressive_deficit", False),
        ("Red flags: none.", "red_flags", False),
    ],
)
def test_a_red_flag_screened_in_a_notes_words_is_read(note: str, name: str, value: bool) -> None:
    assert read(note, "MRI lumbar spine")[name] is value


def test_ca_alone_is_the_state_not_a_cancer() -> None:
    assert "red_flag_tumor" not in read(
        "Pt moved to CA in 2015; low back pain.", "MRI lumbar spine"
    )


# --- visits counted the way notes chart them ------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "name", "count"),
    [
        ("S: LBP. s/p CMT x12 w/ 50% improvement.", "prior_chiropractic_visits", 12),
        ("Chiropractic tx x 8 to date.", "prior_chiropractic_visits", 8),
        ("Failed >6 months conservative tx incl 18 PT, 12 chiro, ESI x2.", "prior_pt_visits", 18),
        (
            "Failed >6 months conservative tx incl 18 PT, 12 chiro, ESI x2.",
            "prior_chiropractic_visits",
            12,
        ),
        ("Completed 6 acupuncture tx since 6/2017.", "prior_acupuncture_visits", 6),
        ("Neck pain into R arm. PT completed x 12, continues HEP.", "prior_pt_visits", 12),
        ("Failed PT (9 visits), meds, rest.", "prior_pt_visits", 9),
        ("PT 6 sessions w/ HEP, some relief.", "prior_pt_visits", 6),
        ("Pain persists despite 3 months of PT (16 visits) and gabapentin.", "prior_pt_visits", 16),
        (
            "Acupuncture is in conjunction w/ ongoing PT (4 of 8 visits attended).",
            "prior_pt_visits",
            4,
        ),
        ("Hand therapy not yet started.", "prior_pt_visits", 0),
    ],
)
def test_visits_charted_in_a_notes_shorthand_are_counted(note: str, name: str, count: int) -> None:
    assert read(note)[name] == count


@pytest.mark.parametrize(
    "note",
    [
        "Plan: PT 6 sessions to start next week.",
        "Flexion 90 PT tolerance fair, L4 PT.",
    ],
)
def test_visits_planned_or_a_figure_beside_the_name_are_no_visits_done(note: str) -> None:
    assert "prior_pt_visits" not in read(note)


# --- function, medication and failed care in a note's words ----------------------------------------


@pytest.mark.parametrize(
    "gain",
    [
        "Reports able to sit 45 min (was 15 min).",
        "Walking 2 miles now vs 0.5.",
        "Now able to drive 1 hr and lift her 2 yo.",
        "Oswestry improved from 42% to 24%.",
        "Back to modified duty 4 hrs/day.",
        "She returned to full duty last week.",
    ],
)
def test_a_gain_measured_or_a_return_to_work_is_functional_improvement(gain: str) -> None:
    note = f"Has completed 8 sessions of PT to date. {gain}"
    assert read(note, "Additional physical therapy 2x4 lumbar")["functional_improvement"] is True


@pytest.mark.parametrize(
    "loss", ["ADLs unchanged.", "No documented objective functional improvement."]
)
def test_function_said_unchanged_is_no_functional_improvement(loss: str) -> None:
    note = f"Has completed 18 PT visits since August. {loss}"
    assert read(note, "Additional physical therapy 2x4 lumbar")["functional_improvement"] is False


def test_a_drug_that_lets_the_patient_work_is_its_functional_improvement() -> None:
    note = (
        "Refill naproxen 550 mg BID, taken since the injury. Naproxen lets her complete her shift."
    )
    assert read(note, "Naproxen 550 mg #60")["functional_improvement"] is True


@pytest.mark.parametrize(
    ("note", "value"),
    [
        ("Naproxen caused stomach upset and was stopped.", True),
        ("Naproxen d/c'd due to GERD.", True),
        ("Celecoxib poorly tolerated (dyspepsia).", True),
        ("Was able to cut ibuprofen from 3 to 1 tab/day.", True),
        ("Has stopped taking tramadol.", True),
        ("Meds unchanged (naproxen 500 BID, tolerated well).", False),
        ("There has been no change in her medication use.", False),
    ],
)
def test_pain_medication_reduced_or_not_tolerated_in_a_notes_words(note: str, value: bool) -> None:
    assert (
        read(note, "Acupuncture 6 sessions low back")["pain_medication_reduced_or_not_tolerated"]
        is value
    )


@pytest.mark.parametrize(
    "note",
    [
        "Failed 6 wks PT, NSAIDs and activity modification.",
        "Failed >6 months conservative tx incl 18 PT.",
        "Wrist splints x 6 wks and OT x6 w/o relief.",
        "LBP and R leg pain persist despite 3 months of PT and gabapentin.",
        "Acupuncture x 10 and TENS with PT helped only briefly.",
    ],
)
def test_care_that_did_not_help_is_conservative_care_failed(note: str) -> None:
    assert read(note)["conservative_care_failed"] is True


@pytest.mark.parametrize(
    ("note", "value"),
    [("+SLR L at 50 deg.", True), ("Exam: +SLR R 30°.", True), ("Neg SLR.", False)],
)
def test_a_straight_leg_raise_result_written_before_it_is_read(note: str, value: bool) -> None:
    assert read(note)["positive_straight_leg_raise"] is value


# --- the neurologic examination in a note's shorthand ---------------------------------------------


@pytest.mark.parametrize(
    ("note", "name", "value"),
    [
        ("Exam: EHL 4+/5 L, dec LT L5 dermatome.", "sensory_deficit", True),
        ("Neuro: L ankle jerk absent; sens dec lat foot; PF 5/5.", "sensory_deficit", True),
        ("+Tinel; dec 2-pt discrimination R median digits.", "sensory_deficit", True),
        ("Numbness L L5 dermatome, L patellar reflex 1+.", "sensory_deficit", True),
        (
            "Sensory: intact to pinprick and light touch in all LE dermatomes.",
            "sensory_deficit",
            False,
        ),
        ("Neuro: str 5/5, sens intact, DTRs 2+ sym.", "sensory_deficit", False),
        (
            "Neuro: decreased sensation R dorsal foot; R achilles 1+ vs 2+ on L.",
            "reflex_change",
            True,
        ),
        ("Exam: L biceps reflex trace vs 2+ R; grip 5/5 bilat.", "reflex_change", True),
        ("Reflexes: patellar 2+ bilat, Achilles 1+ on R, 2+ on L.", "reflex_change", True),
        ("SLR (-). DTR 2+ patellar/achilles. Motor 5/5.", "reflex_change", False),
        ("SLR neg. Strength WNL.", "motor_deficit", False),
        (
            "Motor, sensory and reflex exam of the lower extremities is within normal limits.",
            "reflex_change",
            False,
        ),
        # A whole examination stated normal: its parts, from which the deficit is derived.
        ("Neurologic exam of the upper extremities is normal.", "reflex_change", False),
        ("McMurray positive. NV intact. No prior knee surgery.", "sensory_deficit", False),
        ("NVI BLE. Neg SLR.", "motor_deficit", False),
    ],
)
def test_a_neurologic_examination_in_shorthand_is_read(note: str, name: str, value: bool) -> None:
    assert read(note)[name] is value


@pytest.mark.parametrize(
    ("note", "status"),
    [
        ("She remains unable to work and spends most of the day in bed.", "off_work"),
        ("Sedentary duty only per urgent care.", "modified_duty"),
        ("Work: modified, no overhead reaching R.", "modified_duty"),
        ("She is back at work with restrictions of no lifting over 10 pounds.", "modified_duty"),
        ("Work status: P&S; not working, laid off in 2016.", "not_working_other"),
    ],
)
def test_a_work_status_in_a_notes_words_is_read(note: str, status: str) -> None:
    assert read(note)["work_status"] == status


def test_a_drug_screen_consistent_with_the_drugs_prescribed_is_one_done() -> None:
    # "c/w prescribed meds" describes the drugs taken; nothing is ordered.
    assert (
        read("Last UDS 02/2017 c/w prescribed meds. CURES reviewed.")["urine_drug_screen"] is True
    )


def test_an_acdf_is_a_dated_surgery() -> None:
    found = read("Chronic neck pain s/p C5-6 ACDF 06/14/2015.")
    assert found["prior_surgery"] is True
    assert found["surgery_date"] == date(2015, 6, 14)


@pytest.mark.parametrize(
    ("note", "value"),
    [
        (
            "He has done eight visits of physical therapy and naproxen for six weeks without change.",
            True,
        ),
        ("PT x 8 without improvement, cortisone inj x1 helped 2 wks.", True),
        ("Has done 8 visits of therapy with no change in medication.", None),
        ("She walks without any change in gait.", None),
    ],
)
def test_care_that_left_the_patient_as_he_was_failed(note: str, value: bool | None) -> None:
    assert read(note).get("conservative_care_failed") is value


@pytest.mark.parametrize(
    "note, request_line, name, value",
    [
        # The home programme named by what it holds.
        ("She does a home stretching program daily.", None, "home_exercise_program", True),
        ("No home program given yet.", None, "home_exercise_program", False),
        ("He has been working from home since March.", None, "home_exercise_program", None),
        # The treatment used with the programme.
        (
            "Acupuncture to be used with her home exercises.",
            "Acupuncture 6 visits lumbar",
            "adjunct_to_rehabilitation",
            True,
        ),
        (
            "TENS to be used during PT and with her home exercise program.",
            "TENS unit rental 30 days",
            "adjunct_to_rehabilitation",
            True,
        ),
    ],
)
def test_the_home_programme_and_what_goes_with_it(
    note: str, request_line: str | None, name: str, value: bool | None
) -> None:
    assert read(note, request_line).get(name) is value


def test_pt_as_the_patient_names_no_therapy() -> None:
    """ "Pt reports ..." is the patient: the gain is of the chiropractic the sentence names,
    and a sentence about the patient alone counts no physical therapy."""
    found = read(
        "Pt reports Oswestry improved from 40% to 28% after 6 chiro visits.",
        "Chiropractic 6 visits thoracic",
    )
    assert found.get("functional_improvement") is True
    assert "prior_pt_visits" not in found
    assert (
        read("Pt has completed 8 PT visits.", "Physical therapy 2x4 lumbar")["prior_pt_visits"] == 8
    )


@pytest.mark.parametrize(
    "note, request_line, name, value",
    [
        # Care not yet tried has not failed; care after which the symptoms are unchanged has.
        ("Not tried PT or meds yet.", "MRI R shoulder", "conservative_care_failed", False),
        (
            "She has not tried PT or medications.",
            "MRI R shoulder",
            "conservative_care_failed",
            False,
        ),
        (
            "PT 12 visits + daily HEP, naproxen, one injection - mechanical sx unchanged.",
            "MRI R knee",
            "conservative_care_failed",
            True,
        ),
        # A count after its heading.
        (
            "Chiro visits on this claim: 24 total.",
            "Chiropractic 1x/wk x 8 wks",
            "prior_chiropractic_visits",
            24,
        ),
        (
            "Chiro visits: 2x/wk x 4 wks.",
            "Chiropractic 1x/wk x 8 wks",
            "prior_chiropractic_visits",
            None,
        ),
        # Pain relief with and without the drug in a note's shorthand.
        ("Pain 8/10 w/o meds, 4/10 w/ meds.", "Norco 10/325 #90", "medication_pain_relief", True),
        # Neuropathic pain by its character and map; depression by a screening score.
        ("Burning + electric pain down the lateral leg.", None, "neuropathic_pain", True),
        ("Chronic L leg pain, L5 distribution.", None, "neuropathic_pain", True),
        ("Low mood, PHQ-9 = 13 today, no SI.", None, "depression", True),
        ("PHQ-9 score 4.", None, "depression", None),
        # The symptoms' start, approximately: the date the weeks run from.
        ("Numbness of the R hand since ~July 2017.", None, "injury_date", date(2017, 7, 15)),
        # A bulleted line is a sentence of its own: one item's negation is not the next's.
        (
            "- no fall or twist, no fever\n- A: suspected 2nd MT stress fx, occult on xray",
            "Three phase bone scan, left foot",
            "stress_fracture_suspected",
            True,
        ),
        ("Subjective: 52 y/o clerk, DOI (CT) 10/31/2016.", None, "injury_date", date(2016, 10, 31)),
        (
            "Tried naproxen, stopped due to epigastric burning; cannot take NSAIDs now.",
            "Acupuncture 2 x 3 weeks, cervical",
            "pain_medication_reduced_or_not_tolerated",
            True,
        ),
        (
            "Started naproxen 500 mg bid on 8/26 for a 4 week course.",
            "Omeprazole 20 mg daily #30",
            "nsaid_use",
            True,
        ),
        ("Mild constipation. Denies sedation.", "Norco 5/325 #90", "severe_adverse_effects", False),
        (
            "On Norco 5/325 TID. Pain 7/10 without med, 3/10 with; with med he walks his dog daily.",
            "Norco 5/325 #90",
            "functional_improvement",
            True,
        ),
        # Visits before the surgery are not of the postsurgical course.
        (
            "Had 24 visits of PT before surgery (cap reached), no post-op PT yet.",
            "Post-operative PT right knee 2x/wk x 6 wks",
            "postsurgical_visits_completed",
            0,
        ),
        (
            "Since surgery, she has completed 8 PT visits.",
            "Post-operative PT right knee 2x/wk x 6 wks",
            "postsurgical_visits_completed",
            8,
        ),
        # A compound number word is one number.
        (
            "She has had twenty-two PT visits on this claim.",
            "Physical therapy 2x4",
            "prior_pt_visits",
            22,
        ),
        (
            "Leaving home is a major effort; RN visits for wound packing.",
            "Home health skilled nursing visits 2x/week",
            "homebound",
            True,
        ),
        (
            "She had to stop the meloxicam because of gastritis.",
            "Acupuncture 2 x 3 weeks",
            "pain_medication_reduced_or_not_tolerated",
            True,
        ),
        (
            "Six sessions of acupuncture as an add-on to her home program.",
            "Acupuncture 2 x 3 weeks",
            "adjunct_to_rehabilitation",
            True,
        ),
        ("Describes it as burning and electric down the calf.", None, "neuropathic_pain", True),
        ("Signed agreement on file.", "Norco 10/325 #90", "opioid_agreement", True),
        # A numbered plan's items plan what they name: the first ESI is not one given.
        (
            "Plan: 1. first TF ESI L5-S1 to allow progression in PT 2. cont HEP.",
            "L TF ESI L5-S1 x1",
            "prior_injections",
            None,
        ),
        (
            "A/P: L S1 radiculopathy; first transforaminal ESI.",
            "L TF ESI L5-S1 x1",
            "prior_injections",
            None,
        ),
        (
            "Plan: 1. Lidoderm patch trial over painful band 2. reassess in 4 wks.",
            "Lidoderm 5% patch #30",
            "drug_in_use",
            False,
        ),
        # A visit's number counts the visits done; a therapy's note counts its own.
        ("Visit 6 of 6 since last auth.", "Chiro 1x4 lumbar", "prior_visits", 6),
        ("Acupuncture visit 6 of 6 (since 05/15/17).", "Acupuncture 1x6", "prior_visits", 6),
        ("Post-op visit #2. No post-op PT yet.", "Post-op PT R shoulder 3x4", "prior_visits", 0),
        (
            "Has completed 8 post-op hand therapy visits.",
            "Post-op OT L hand 2x4",
            "prior_visits",
            8,
        ),
        (
            "Chiropractic ledger for this injury: 24 visits 2023-2025.",
            "Chiropractic 1x6 lumbar",
            "prior_visits",
            24,
        ),
        # A heading answered "none" negates what it names.
        (
            "Aberrant behavior: none, pill counts correct.",
            "Norco 10/325 #90",
            "aberrant_drug_behavior",
            False,
        ),
        ("Saddle anesthesia: none.", "MRI lumbar spine", "red_flag_cauda_equina", False),
        ("PDMP checked: no other prescribers.", "Norco 10/325 #90", "cures_checked", True),
        # A drug written with its dose, as a medication list writes it, is taken.
        (
            "Naproxen 375 BID lets her get through her shift; acetaminophen alone failed.",
            "Omeprazole 20 mg daily #30",
            "nsaid_use",
            True,
        ),
        ("Tried naproxen 500 BID without relief.", "Omeprazole 20 mg daily #30", "nsaid_use", None),
        # Function measured then and now, better now; a worse score is no improvement.
        (
            "Visit 6 of 6. ODI 46% at intake -> 24% today.",
            "Chiro 1x4 lumbar",
            "functional_improvement",
            True,
        ),
        (
            "Visit 6 of 6. ODI 24% at intake -> 46% today.",
            "Chiro 1x4 lumbar",
            "functional_improvement",
            None,
        ),
        (
            "Completed 6 sessions: sitting tolerance 20 min -> 60 min.",
            "Acupuncture 1x6",
            "functional_improvement",
            True,
        ),
        (
            "Completed 6 PT visits; restrictions changed from 15 lb lifting to 35 lb.",
            "Physical therapy 2x3",
            "functional_improvement",
            True,
        ),
        ("Works 20 hrs/wk at a front desk.", "Norco 10/325 #90", "work_status", "modified_duty"),
        # Care counted and symptoms still there: care that failed.
        (
            "Ten weeks of PT (12 visits) + HEP. Still can't lift above shoulder.",
            "MRI R shoulder",
            "conservative_care_failed",
            True,
        ),
        # Ordinary side effects denied, or called mild: no severe side effect; named alone,
        # they say nothing.
        (
            "No constipation or sedation reported, denies early refills.",
            "Norco 10/325 #90",
            "severe_adverse_effects",
            False,
        ),
        ("Mild constipation on docusate.", "Norco 10/325 #90", "severe_adverse_effects", False),
        ("Constipation on docusate.", "Norco 10/325 #90", "severe_adverse_effects", None),
        # A past event with its year after it, and a medical-history heading.
        (
            "PMHx significant for a bleeding duodenal ulcer in 2013 requiring transfusion.",
            "Omeprazole 20 mg daily #30",
            "gi_risk_factors",
            True,
        ),
        # Help that lasted a while is no improvement that holds; therapy that built nothing
        # failed.
        (
            "PT 16 visits with HEP, no strength gain; injection 12/2016 helped ~2 weeks. "
            "Can't lift above shoulder.",
            "R shoulder arthroscopy with rotator cuff repair",
            "conservative_care_failed",
            True,
        ),
        ("6 PT visits have helped.", "Physical therapy 2x3", "symptoms_improving", True),
        # Some symptoms better with the care and others not: the care has not helped what remains.
        (
            "PT 8 visits, naproxen and HEP: neck better, arm pain and numbness unchanged at 6/10.",
            "MRI cervical spine without contrast",
            "symptoms_improving",
            None,
        ),
        # The options a treater lays out name a surgery considered.
        (
            "Options now include decompression - beyond my scope.",
            "Consultation with orthopedic spine surgeon, lumbar",
            "surgery_considered",
            True,
        ),
        # How long the symptoms have lasted, where no date of injury is given.
        (
            "R hand numbness thumb-index-middle x 5 months.",
            "NCV right upper extremity",
            "weeks_since_injury",
            22,
        ),
        # A request that says it is the first of its kind: none given.
        (
            "S/p R knee meniscectomy 07/30/2026. First post-op therapy request.",
            "Post-op physical therapy R knee 2x/wk x 3 wks",
            "postsurgical_visits_completed",
            0,
        ),
        # Terse histories: a heading answered "none", a trial counted after its name, courses
        # added up, minimal relief, symptoms that persist, a part-time week.
        (
            "PT: none to date on this claim; no chiro.",
            "PT 2x/wk x 3 wks cervical",
            "prior_visits",
            0,
        ),
        ("He has never had formal physical therapy.", "Physical therapy 2x3", "prior_visits", 0),
        (
            "Chiro trial 6 visits 3/27-4/7/17.",
            "Chiropractic manipulation lumbar 1x/wk x 4 wks",
            "prior_visits",
            6,
        ),
        (
            "PT hx this claim: 12 (2023) + 6 (2024) + 4 (2025) = 22 visits.",
            "PT 2x4 lumbar spine",
            "prior_visits",
            22,
        ),
        (
            "Tx hx: PT x10 (3/17-5/17) min relief; naproxen 500 BID 8 wks.",
            "L TFESI L5-S1 x1",
            "conservative_care_failed",
            True,
        ),
        (
            "Tx hx: night splints x8 wks; OT x6 - sx persist.",
            "NCS bilat upper extremities",
            "conservative_care_failed",
            True,
        ),
        ("Now back to reg duty 4/10.", "Chiropractic 1x4", "work_status", "full_duty"),
        (
            "Meds: naproxen d/c 4/17 d/t GI upset / dyspepsia.",
            "Acupuncture cervical 2x3",
            "pain_medication_reduced_or_not_tolerated",
            True,
        ),
        # A drug stopped for its side effect: a first-line trial failed, and its urinary
        # retention no sign of cauda equina.
        (
            "He tried nortriptyline from 01/2017, stopped in February for sedation and urinary "
            "retention.",
            "Lidoderm 5% patch #30",
            "neuropathic_first_line_failed",
            True,
        ),
        (
            "Nortriptyline stopped for sedation and urinary retention.",
            "MRI lumbar spine",
            "red_flag_cauda_equina",
            None,
        ),
        # A drug only the plan names is started; one the request continues is taken; one the
        # note never names beside the drugs it lists is new.
        ("Plan: naproxen x15 d, HEP handout.", "Naproxen 500 mg BID #30", "drug_in_use", False),
        ("Request Norco 10/325 #90.", "Norco 10/325 #90", "drug_in_use", None),
        (
            "Request for authorization: Continue Norco 10/325 three times daily.",
            "Norco 10/325 #90",
            "opioid_use",
            True,
        ),
        ("Naproxen 500 BID ongoing.", "Lidoderm 5% patch #30", "drug_in_use", False),
        # A surgery abbreviated, with what it was of and what was done with it before its date.
        (
            "s/p R arthroscopic RTC repair (supraspinatus) + SAD 07/05/2017.",
            "Post-op PT R shoulder 2x6",
            "surgery_date",
            date(2017, 7, 5),
        ),
        (
            "Since acupuncture x6: lift restriction 20 -> 40 lb.",
            "Acupuncture lumbar 2x3",
            "functional_improvement",
            True,
        ),
        # Visits done out of those authorized; a range from the first; a total after its parts;
        # a first trial asked for.
        (
            "PT RE-EVALUATION, visit 6 of 6 authorized (01/23/17-02/14/17, 3x/wk).",
            "PT lumbar spine 2x2 (4 additional visits)",
            "prior_visits",
            6,
        ),
        (
            "Completed 8/8 authorized OT visits 02/13-03/24/17.",
            "OT right hand 2x3, additional",
            "prior_visits",
            8,
        ),
        (
            "Acupuncture re-evaluation 10/02/17, treatments 1-6 given 09/11-09/29.",
            "Acupuncture cervical 2x3, continuation",
            "prior_visits",
            6,
        ),
        (
            "Chiro visit count: 14 for the cervical spine (2023-24) and 10 for the lumbar spine "
            "(2025), 24 in total.",
            "Chiropractic care lumbar 1x8",
            "prior_visits",
            24,
        ),
        (
            "Referring for an initial acupuncture trial, six visits over three weeks.",
            "Acupuncture lumbar 2x3 (initial 6)",
            "prior_visits",
            0,
        ),
        ("PT 12 visits authorized.", "PT 2x3", "authorized_visits_pending", 12),
        # An NSAID started with the PPI asked for is one prescribed with it.
        (
            "Starting naproxen 375 mg BID, lowest dose. Add omeprazole while on the NSAID.",
            "Omeprazole 20 mg PO daily #30",
            "nsaid_use",
            True,
        ),
        (
            "Completed 8 PT visits; PT notes failure to progress, leg pain now worse.",
            "MRI lumbar spine without contrast",
            "conservative_care_failed",
            True,
        ),
        (
            "Neck pain with radiation to the R thumb for ten weeks despite 12 PT sessions and "
            "meloxicam.",
            "MRI C-spine w/o contrast",
            "conservative_care_failed",
            True,
        ),
        (
            "R shoulder pain since she strained it stocking top shelves on 09/09/2016.",
            "Right shoulder arthroscopic subacromial decompression",
            "injury_date",
            date(2016, 9, 9),
        ),
        # A surgery the patient would discuss if the study shows its lesion is one considered.
        (
            "Recommendation: MRI L-spine now; if a concordant herniation is seen he would like to "
            "discuss microdiscectomy.",
            "MRI lumbar spine without contrast",
            "surgery_considered",
            True,
        ),
        # A radiculopathy a study shows is neuropathic pain; a note for a drug taken that
        # documents the pain falling and a tolerance rising documents its benefit.
        (
            "Chronic L S1 radiculopathy confirmed on EMG 2016.",
            "Nortriptyline 25 mg QHS #30",
            "neuropathic_pain",
            True,
        ),
        (
            "Started nortriptyline 10 mg 02/2017. Burning foot pain 7/10 -> 4/10; now stands for "
            "2 hr at his job site vs 45 min.",
            "Nortriptyline 25 mg QHS #30",
            "medication_pain_relief",
            True,
        ),
        (
            "Started nortriptyline 10 mg 02/2017. Burning foot pain 7/10 -> 4/10; now stands for "
            "2 hr at his job site vs 45 min.",
            "Nortriptyline 25 mg QHS #30",
            "functional_improvement",
            True,
        ),
        # A bulleted plan plans what it names; a spinal level is no count of injections.
        (
            "No prior ESI. Plan:\n- L L4-5 TFESI x1, then back to PT/HEP\n- cont naproxen\n",
            "L L4-5 transforaminal epidural steroid injection x1",
            "prior_injections",
            0,
        ),
        # A finding with its own predicate after a comma is out of the negation before it; so
        # is what a colon after the negated finding goes on to tell.
        (
            "No early refills, no lost rx, CURES checked today c/ single prescriber.",
            "Norco 10/325 #90",
            "cures_checked",
            True,
        ),
        (
            "There are no aberrant behaviors: his urine drug screen of 05/02/17 is consistent.",
            "Norco 10/325 #90",
            "urine_drug_screen",
            True,
        ),
        (
            "Denies: fever, chills, saddle anesthesia.",
            "MRI lumbar spine",
            "red_flag_cauda_equina",
            False,
        ),
        # Pain with the drug against without it, in a letter's words and a note's shorthand.
        (
            "With the medication his pain is 4/10 versus 8/10 without.",
            "Norco 10/325 #90",
            "medication_pain_relief",
            True,
        ),
        ("Pain w/ meds 4/10, w/o meds 8/10.", "Norco 10/325 #90", "medication_pain_relief", True),
        (
            "On Norco 10/325 TID. W/ Norco pt able to walk dog 2 miles daily.",
            "Norco 10/325 #90",
            "functional_improvement",
            True,
        ),
        (
            "He works his modified job full shifts.",
            "Norco 10/325 #90",
            "work_status",
            "modified_duty",
        ),
        (
            "Works modified duty 6 hr shifts (was off work before meds were stable).",
            "Norco 10/325 #90",
            "work_status",
            "modified_duty",
        ),
        (
            "I am requesting a one-month trial of the lidocaine patch.",
            "Lidoderm 5% patch #30",
            "drug_in_use",
            False,
        ),
        # Therapy after a surgery asked for, not marked additional, none named after it: the
        # first post-operative course.
        (
            "Underwent L knee partial lateral meniscectomy on 01/27/2026. Before surgery he had "
            "used 24 PT visits.",
            "Post-operative physical therapy left knee 2x/wk x 3 wks",
            "postsurgical_visits_completed",
            0,
        ),
        # Care worn or done, and symptoms that "cont": care that failed; symptoms begun weeks ago.
        (
            "Has worn cock-up splint nightly x 10 wks, ibuprofen, job rotation, sx persist.",
            "NCS right upper extremity",
            "conservative_care_failed",
            True,
        ),
        (
            "He has done physical therapy and taken ibuprofen, yet the arm pain persists.",
            "MRI C-spine",
            "conservative_care_failed",
            True,
        ),
        (
            "Shoulder pain that began about seven weeks ago while taping ceilings.",
            "Right shoulder arthroscopy with subacromial decompression",
            "weeks_since_injury",
            7,
        ),
        # A fracture's fixation named alone is of the bone whose fracture the sentence names.
        (
            "s/p ORIF L 4th and 5th metacarpal fx 06/12/2017, POD 79.",
            "Post-op OT/hand therapy L hand 2x4",
            "surgery_type",
            "ORIF of metacarpal fracture",
        ),
        # A surgery dated after its side and site, and a date with the month in words.
        (
            "Arthroscopic partial medial meniscectomy L knee 29-Oct-2026 by Dr. Lindqvist.",
            "Post-op PT L knee 2x3",
            "surgery_date",
            date(2026, 10, 29),
        ),
        # Dictated notes: numbers and dates written out in words, a compound number with a
        # space as one number.
        (
            "According to the therapy records she has now completed twenty four physical therapy "
            "visits on this claim.",
            "Physical therapy 2 x 4 lumbar spine",
            "prior_pt_visits",
            24,
        ),
        (
            "Before the surgery he had used thirty six physical therapy visits for this knee.",
            None,
            "prior_pt_visits",
            36,
        ),
        ("She has completed twenty physical therapy visits.", None, "prior_pt_visits", 20),
        # A strength grade in words is no count of visits.
        (
            "Plantar flexion is four out of five on the left.",
            "Physical therapy 2 x 4 lumbar spine",
            "prior_pt_visits",
            None,
        ),
        ("The patient is a forty five year old plumber.", None, "age_years", 45),
        ("The patient is a fifty year old utility lineman.", None, "age_years", 50),
        ("The leg pain remains seven out of ten.", None, "pain_score", 7),
        (
            "The patient has a date of injury of october twenty sixth twenty sixteen.",
            None,
            "injury_date",
            date(2016, 10, 26),
        ),
        (
            "He twisted his right knee crawling under a house on september nineteenth twenty "
            "sixteen.",
            None,
            "injury_date",
            date(2016, 9, 19),
        ),
        (
            "She states that on march fourteenth twenty seventeen she was stacking cases on a "
            "high shelf and developed aching in the left shoulder.",
            None,
            "injury_date",
            date(2017, 3, 14),
        ),
        (
            "He is status post left knee arthroscopic partial lateral meniscectomy on march "
            "ninth twenty twenty six by doctor nakamura.",
            "Post-operative physical therapy 2 x 3 left knee",
            "surgery_date",
            date(2026, 3, 9),
        ),
        # A day and month without a year is no date.
        (
            "He is status post left knee arthroscopic partial lateral meniscectomy on march ninth.",
            "Post-operative physical therapy 2 x 3 left knee",
            "surgery_date",
            None,
        ),
        # A list item ends with its line where the next line starts afresh: the item's "no
        # opioids" does not reach the pain told on the next line, nor its score.
        (
            "Med list:\n- Gabapentin 600 mg TID\n- No opioids since 06/2016\n"
            "Burning leg pain VAS 8/10 before titration, now 4-5/10.",
            "Gabapentin 600 mg 1 po TID #90",
            "medication_pain_relief",
            True,
        ),
        (
            "Burning leg pain VAS 8/10 before titration, now 4-5/10.",
            None,
            "pain_score",
            5,
        ),
        ("Pain was 7/10, currently 3/10.", None, "pain_score", 3),
        # A drug stopped, said without a verb after it.
        (
            "Current meds:\n- Naproxen 500 mg BID\n"
            "- (Norco discontinued 04/2017 after taper, no opioids since)",
            "Urine drug screen",
            "opioid_use",
            False,
        ),
        # A first-line drug stopped, with why in brackets or after a comma.
        (
            "- Amitriptyline 25 mg qhs, 10 wks, stopped 09/2016 (orthostatic dizziness, fell)",
            "Duloxetine 30 mg 1 po qd #30",
            "neuropathic_first_line_failed",
            True,
        ),
        ("gabapentin stopped 04/2017, doing well.", None, "neuropathic_first_line_failed", None),
        # Care given and the symptoms as they were, or worse, after it.
        (
            "He completed ten sessions of physical therapy, took naproxen and the leg pain "
            "remains seven out of ten.",
            None,
            "conservative_care_failed",
            True,
        ),
        (
            "He has completed six physical therapy visits and a month of meloxicam and the arm "
            "symptoms are worse.",
            None,
            "conservative_care_failed",
            True,
        ),
        (
            "Eight weeks of night splints, workstation changes and ibuprofen; still wakes "
            "3-4x/night with numb fingers.",
            None,
            "conservative_care_failed",
            True,
        ),
        # "No other injections" beside the one named: that one was given, with its relief.
        (
            "Procedure hx: R L5-S1 TFESI 01/12/2017 -> 65% relief of leg pain lasting about ten "
            "weeks; no other injections.",
            "Repeat right L5-S1 TFESI, 1 injection",
            "prior_injection_relief_weeks",
            10,
        ),
        (
            "R L5-S1 TFESI 01/12/2017 with 65% relief. Meds before injection: Norco 10/325 4/day; "
            "after injection down to 1 tab/day.",
            "Repeat right L5-S1 TFESI, 1 injection",
            "medication_reduced_after_injection",
            True,
        ),
        # A therapy the patient wants to try is one not had yet.
        (
            'Wants to try acupuncture "because a friend liked it".',
            "Acupuncture 2x6 cervical",
            "prior_acupuncture_visits",
            0,
        ),
        # Why not by mouth, and a plan that starts the drug with no refills.
        (
            "Hx upper GI bleed 2014 on ibuprofen, so oral NSAIDs avoided.",
            "Diclofenac sodium 1% gel (Voltaren) 100 g, apply 2 g QID to R ankle",
            "oral_medication_not_tolerated",
            True,
        ),
        (
            "Plan: RICE, ASO brace, topical diclofenac two weeks, no refills.",
            "Diclofenac sodium 1% gel (Voltaren) 100 g, apply 2 g QID to R ankle",
            "drug_in_use",
            False,
        ),
        # A brand asked for by preference: the generic's clause names no reaction to it.
        (
            "Brand Celebrex DAW per pt preference; generic celecoxib never tried, no allergy or "
            "intolerance to it.",
            "Celebrex 200 mg #30, dispense as written",
            "brand_necessity_documented",
            None,
        ),
        # Goals are what the care aims at, not the present.
        (
            "Goals set at start of trial (short term: walk 30 min, cut Norco by half; long "
            "term: full duty by June).",
            "Purchase of TENS unit",
            "treatment_goals_documented",
            True,
        ),
        (
            "Goals set at start of trial (short term: walk 30 min, cut Norco by half; long "
            "term: full duty by June).",
            "Purchase of TENS unit",
            "work_status",
            None,
        ),
        ("Goals for trial: walk 30 min, sleep 6 hrs.", None, "treatment_goals_documented", True),
        # The condition a follow-up visit is for, where no list of diagnoses is given.
        (
            "F/u chronic L S1 radiculopathy, DOI 2014, s/p 2 ESIs (last 09/2016).",
            "Purchase of TENS unit",
            "diagnoses",
            ["neuralgia"],
        ),
        # Back at work with nothing held back; the neurologic examination summed up; no
        # procedure of either kind planned.
        (
            "He went back to his regular job without any restrictions on august first.",
            None,
            "work_status",
            "full_duty",
        ),
        ("Unable to return to his regular job.", None, "work_status", None),
        ("There is no instability and no neurovascular deficit.", None, "motor_deficit", False),
        ("No focal neurologic deficits.", None, "reflex_change", False),
        (
            "No injection or surgery is planned at this time.",
            "MRI left shoulder",
            "invasive_procedure_planned",
            False,
        ),
        ("There was no plan for surgery.", None, "invasive_procedure_planned", None),
        (
            "Tx hx: PT x12 (2014-15), HEP daily; gabapentin 600 TID, partial relief; no opioids.",
            None,
            "conservative_care_failed",
            True,
        ),
        # A review of the records, one dated entry each: the therapy as the entry's heading with
        # its count, symptoms that persisted, the operative report dated before it, the drug
        # asked for and never told of as taken, a history told as "hx".
        (
            "11/03/16-12/16/16 PT: ten visits; naproxen and cyclobenzaprine for three weeks; leg "
            "pain persisted.",
            "MRI lumbar spine without contrast",
            "conservative_care_failed",
            True,
        ),
        ("PT: 12 visits requested.", None, "prior_pt_visits", None),
        (
            "05/04/17 Operative report: arthroscopic L rotator cuff repair with subacromial "
            "decompression, no complications.",
            "Post-op PT L shoulder 2x6",
            "surgery_date",
            date(2017, 5, 4),
        ),
        ("01/05/17 Surgery consult: may need meniscectomy.", None, "surgery_date", None),
        (
            "Gabapentin stopped for dizziness. 11/13/17 Dr. Delgado: pain localized, 6/10; "
            "requested Lidoderm patch, one per day.",
            "Lidoderm 5% patch #30",
            "drug_in_use",
            False,
        ),
        # A refill asked for is of a drug taken.
        ("Requesting refill of Lidoderm patch #30.", "Lidoderm 5% patch #30", "drug_in_use", True),
        (
            "05/09/16 Dr. Halvorsen: hx bleeding duodenal ulcer 2012, hospitalized and transfused.",
            "Omeprazole 20 mg #30, 1 PO daily",
            "gi_risk_factors",
            True,
        ),
        # Notes of the emergency department and of consultants.
        (
            "Plan: naproxen 375 mg BID x 2 wks for OA flare, with omeprazole for GI protection.",
            "Omeprazole 20 mg daily #14",
            "nsaid_use",
            True,
        ),
        (
            "MDM: high suspicion of occult femoral neck fracture despite neg films.",
            "MRI R hip without contrast",
            "specific_lesion_suspected",
            True,
        ),
        (
            "Lives alone in 3rd-floor walk-up; leaving home needs two people to get him down "
            "stairs.",
            "Home health RN visits 3x/week x 3 weeks for wound VAC changes",
            "homebound",
            True,
        ),
        (
            "PE: GCS 15, occipital hematoma, midline TTP C5-C6, UE strength 5/5.",
            "X-ray cervical spine 3 views",
            "neck_trauma_xray_criteria",
            True,
        ),
        (
            "CURES 11/30/16 consistent, UDS 08/2016 consistent, no early refills or lost Rx.",
            "Tramadol ER 100 mg #30 daily",
            "urine_drug_screen",
            True,
        ),
        (
            "L C6 radiculopathy, started duloxetine 30 mg two weeks ago for neuropathic arm pain.",
            "Follow-up office visit with neurology",
            "weeks_since_injury",
            None,
        ),
        ("Neck pain began 3 weeks ago.", None, "weeks_since_injury", 3),
        (
            "Night splints, naproxen and a steroid injection in June gave only two weeks of "
            "relief.",
            "NCS bilateral upper extremities",
            "conservative_care_failed",
            True,
        ),
        (
            "Two attempts at return to regular duty failed within a week.",
            "Functional capacity evaluation",
            "work_status",
            None,
        ),
        (
            "Chronic L knee pain, x-rays medial compartment narrowing c/w OA.",
            "Naproxen 375 mg #60, 1 PO BID",
            "diagnoses",
            ["arthritis"],
        ),
        (
            "04/12/17-06/30/17 Dr. Sorensen: night splints, naproxen and job rotation; numbness "
            "persisted.",
            "NCS bilateral upper extremities",
            "conservative_care_failed",
            True,
        ),
        ("Pain persists; recommend PT.", None, "conservative_care_failed", None),
        (
            "05/30/17 subacromial steroid injection gave two weeks of relief.",
            "MRI R shoulder without contrast",
            "conservative_care_failed",
            True,
        ),
        # What a follow-up visit is for, as its plan states it.
        (
            "Plan: return in 6 weeks to reassess response and BP, titrate to 60 mg if tolerated.",
            "Follow-up office visit with neurology x1 in 6 weeks",
            "visit_purpose_documented",
            True,
        ),
        ("Follow up in 4 weeks.", None, "visit_purpose_documented", None),
        # Medical-legal reports, telehealth notes and Request for Authorization forms.
        (
            "FUTURE MEDICAL CARE: A trial of six acupuncture sessions, once weekly, as an adjunct "
            "to her daily home exercise.",
            "Acupuncture 1x6 lumbar spine",
            "prior_acupuncture_visits",
            None,
        ),
        (
            "Ten weeks of nightly wrist splinting and ibuprofen have not helped; no prior "
            "electrodiagnostic testing.",
            "Nerve conduction studies bilateral upper extremities",
            "prior_electrodiagnostics",
            None,
        ),
        (
            'The C5-6 interlaminar ESI of 06/15/2017 provided "maybe 30 percent" relief lasting '
            "approximately three weeks.",
            "Repeat cervical epidural steroid injection C5-6",
            "prior_injection_relief_percent",
            30,
        ),
        (
            'Had L4-5 interlaminar ESI 08/08/17; pt says it helped "maybe 30 percent" for about '
            "two weeks.",
            "Repeat lumbar epidural steroid injection L4-5",
            "prior_injection_relief_percent",
            30,
        ),
        (
            "He completed twelve chiropractic manipulative treatments in 2015 with documented "
            "return to unrestricted full duty.",
            "Chiropractic manipulation lumbar spine x 2 visits",
            "functional_improvement",
            True,
        ),
        (
            "Ortho recommended nonoperative care; pt declines surgery.",
            "Repeat MRI R knee",
            "surgery_considered",
            False,
        ),
        (
            "Aberrant behavior: none; early refills none.",
            "Hydrocodone/APAP 5/325 mg #90",
            "aberrant_drug_behavior",
            False,
        ),
        (
            "RFA - medication refill. Requested treatment: hydrocodone/APAP 5/325 TID PRN, #90.",
            "Hydrocodone/APAP 5/325 mg #90",
            "opioid_use",
            True,
        ),
        (
            "Requested treatment: naproxen 500 BID x 20 days, no refills. Prior treatment: "
            "acetaminophen 1 g TID x 10 days - minimal relief.",
            "Naproxen 500 mg PO BID #40",
            "drug_in_use",
            False,
        ),
        (
            "Tramadol 50 BID stopped 05/2026, ibuprofen PRN only.",
            "Acupuncture cervical 1x/wk x 6 wks",
            "pain_medication_reduced_or_not_tolerated",
            True,
        ),
        (
            'Orthopedist notes "likely MMT, arthroscopy if confirmed."',
            "MRI left knee without contrast",
            "surgery_considered",
            True,
        ),
        (
            "Ten weeks of PT/HEP and naproxen; the knee still locks twice a week.",
            "MRI left knee without contrast",
            "conservative_care_failed",
            True,
        ),
        # Interpreters' visits, chiropractors' daily notes, surgeons' post-operative follow-ups.
        (
            "Plan: naproxen 500 bid for one month, then reassess; continue quad HEP.",
            "Naproxen 500 mg #60, 1 PO BID x 30 days",
            "drug_in_use",
            False,
        ),
        ("Plan: continue naproxen 500 bid.", "Naproxen 500 mg #60", "drug_in_use", True),
        (
            'First ESI 06/13/2017. Per interpreter, pt states "it helped a little, maybe one '
            'third, for about two weeks, then it was back the same."',
            "Repeat L5-S1 interlaminar ESI",
            "prior_injection_relief_percent",
            33,
        ),
        (
            "Completed 6 CMT visits (cervical only, no HVLA after arm sx increased), HEP, and "
            "naproxen 500 BID x 8 wks without change.",
            "MRI cervical spine w/o contrast",
            "home_exercise_program",
            True,
        ),
        (
            "Initial acupuncture eval, L.Ac. 39 y/o F home health aide.",
            "Acupuncture 2x/wk x 3 wks lumbar (6 sessions)",
            "prior_acupuncture_visits",
            0,
        ),
        (
            "P: re-examine in 4 wks to update work restrictions (aim full duty), repeat ODI/ROM.",
            "Follow-up re-examination with PTP (DC) in 4 weeks, 1 visit",
            "visit_purpose_documented",
            True,
        ),
        (
            "P: re-examine in 4 wks to update work restrictions (aim full duty).",
            "Follow-up re-examination with PTP (DC) in 4 weeks, 1 visit",
            "work_status",
            "modified_duty",
        ),
        (
            "P: 30-day home TENS trial with log; goals: short term sit 45 min, long term walk 30 "
            "min daily.",
            "TENS unit 30-day home rental trial, lumbar",
            "treatment_goals_documented",
            True,
        ),
        (
            "Night splints x 6 wks and ibuprofen, no change.",
            "NCV bilateral upper extremities",
            "conservative_care_failed",
            True,
        ),
        ("Naproxen x 6 wks, no change in meds; neck pain.", None, "conservative_care_failed", None),
        # Symptoms the note states now, after a course of therapy, with no word that it helped,
        # are what the care left; after drugs alone, or with therapy that helped, they are not.
        (
            "Completed 12 PT visits and naproxen. C/o constant R leg pain to the foot.",
            None,
            "conservative_care_failed",
            True,
        ),
        (
            "She had six sessions of physical therapy last year. Today she complains of neck pain.",
            None,
            "conservative_care_failed",
            True,
        ),
        ("Taking ibuprofen. Low back pain 6/10.", None, "conservative_care_failed", None),
        (
            "Completed 12 PT visits with improvement. Still some neck pain.",
            None,
            "conservative_care_failed",
            None,
        ),
        (
            "Completed 12 PT visits. Denies numbness or tingling.",
            None,
            "conservative_care_failed",
            None,
        ),
        ("Plan: PT 2x6. Neck pain 5/10.", None, "conservative_care_failed", None),
        # A verb of relief negated, and the guideline's own word for care that failed.
        (
            "PT x 8 and meloxicam have not relieved the knee pain.",
            None,
            "conservative_care_failed",
            True,
        ),
        ("Unresponsive to PT and NSAIDs.", None, "conservative_care_failed", True),
        (
            "No prior neck PT or chiro on this claim.",
            "PT cervical spine 2x3",
            "prior_pt_visits",
            0,
        ),
        (
            "Taking naproxen 500 BID and ice. No prior opioid use, CURES reviewed today.",
            "Hydrocodone/APAP 5/325 mg 1 PO q6h prn pain #20",
            "opioid_use",
            False,
        ),
        (
            "R 5th metacarpal neck fx, ORIF w/ plate 11/21/16.",
            "Post-op hand therapy (OT) R hand 2x4",
            "surgery_date",
            date(2016, 11, 21),
        ),
        # Record templates: a box left unticked is a finding absent; a ticked box starts an item
        # of its own; the reflex and sensory results after their headings.
        (
            "Adverse effects: [ ] sedation [ ] nausea [x] mild constipation, controlled with senna.",
            "Norco 5/325 mg 1 tab PO TID PRN #90",
            "severe_adverse_effects",
            False,
        ),
        (
            "Aberrant behavior: [ ] early refill [ ] lost Rx [ ] multiple prescribers.",
            "Norco 5/325 mg 1 tab PO TID PRN #90",
            "aberrant_drug_behavior",
            False,
        ),
        (
            "Aberrant behavior: [ ] early refill [x] lost Rx.",
            "Norco 5/325 mg 1 tab PO TID PRN #90",
            "aberrant_drug_behavior",
            True,
        ),
        (
            "Meds: meloxicam only; [ ] aspirin [ ] anticoagulant [ ] steroid.",
            "Omeprazole 20 mg BID #60",
            "gi_risk_factors",
            False,
        ),
        (
            "Reflex: L Achilles [x] diminished 1+ (R 2+). Sensory: [x] decreased L lateral foot.",
            "Transforaminal ESI L L5-S1 x1 under fluoroscopy",
            "reflex_change",
            True,
        ),
        (
            "Sensory: [x] decreased L lateral foot/sole.",
            "Transforaminal ESI L L5-S1 x1 under fluoroscopy",
            "sensory_deficit",
            True,
        ),
        # An age written out in a sentence that also holds figures.
        (
            "Thank you for asking me to see Mr. Amadi, a sixty-three year old electrician whose "
            "knee flared after a kneeling injury at work on 02/02/2017.",
            None,
            "age_years",
            63,
        ),
        # A narrative note's plain words.
        (
            "He has never had formal physical therapy for it. I have asked for six sessions of "
            "therapy over three weeks.",
            "Physical therapy 2 x 3 weeks, lumbar spine",
            "prior_pt_visits",
            0,
        ),
        (
            "I have started him on naproxen twice a day with food for a few weeks.",
            "Naproxen 500 mg #60",
            "drug_in_use",
            False,
        ),
        (
            "On tramadol twice a day her pain comes down from about eight out of ten to four.",
            "Tramadol 50 mg #60",
            "medication_pain_relief",
            True,
        ),
        ("Her pain comes down from about eight out of ten to four.", None, "pain_score", 4),
        (
            "She has gone back to half days at the office since June.",
            None,
            "work_status",
            "modified_duty",
        ),
        ("Her urine test in June showed only the tramadol.", None, "urine_drug_screen", True),
        ("I checked the state prescription database this morning.", None, "cures_checked", True),
        (
            "Her urine test was as expected, and she has never asked for early refills.",
            None,
            "urine_drug_screen",
            True,
        ),
        ("Her bowel and bladder are working normally.", None, "red_flag_bowel_bladder", False),
        ("Normal bowel and bladder function.", None, "red_flag_bowel_bladder", False),
        ("New bowel and bladder incontinence.", None, "red_flag_bowel_bladder", True),
        # Care that helps has not failed; nor has care with no course of therapy or exercise in
        # it, where nothing says the drugs failed.
        (
            "She has had four visits of therapy and takes ibuprofen, and she tells me it is slowly "
            "getting better, though reaching overhead still hurts.",
            None,
            "conservative_care_failed",
            False,
        ),
        (
            "He has taken a few days of ibuprofen but has not had any therapy or exercise program.",
            None,
            "conservative_care_failed",
            False,
        ),
        (
            "Naproxen for two months without relief; no PT yet.",
            None,
            "conservative_care_failed",
            True,
        ),
        (
            "It has not eased in spite of seven weeks of therapy, naproxen and a home stretching "
            "routine.",
            None,
            "conservative_care_failed",
            True,
        ),
        (
            "We tried a night splint for the better part of two months, and she is no better.",
            None,
            "symptoms_improving",
            False,
        ),
        (
            "The surgeon said that if the scan shows a torn meniscus he would offer him an "
            "arthroscopy.",
            "MRI left knee",
            "surgery_considered",
            True,
        ),
        (
            "He tells me he would go ahead with surgery if it came to that.",
            "MRI lumbar spine",
            "surgery_considered",
            True,
        ),
        (
            "Her MRI in April showed a disc herniation at L5-S1 pressing on the left S1 nerve root.",
            None,
            "imaging_nerve_compromise",
            True,
        ),
        (
            "She has seen the chiropractor twenty-four times for this injury.",
            "Chiropractic manipulation 1 x 6, lumbar spine",
            "prior_chiropractic_visits",
            24,
        ),
        (
            "After six acupuncture treatments her work restrictions went from no lifting over "
            "fifteen pounds to full duty.",
            "Acupuncture 2 x 3, low back",
            "functional_improvement",
            True,
        ),
        (
            "Ibuprofen upset her stomach and was stopped.",
            None,
            "pain_medication_reduced_or_not_tolerated",
            True,
        ),
        (
            "We tried gabapentin first, which made her too drowsy to work, and then nortriptyline "
            "for six weeks, which did nothing for the burning.",
            "Lidoderm 5% patch #30",
            "neuropathic_first_line_failed",
            True,
        ),
        (
            "He tried going back to his old job twice, and each time he lasted about a week "
            "before the back gave out.",
            "Functional capacity evaluation",
            "return_to_work_failed",
            True,
        ),
        (
            "He tried going back to his old job twice, and each time he lasted about a week "
            "before the back gave out.",
            "Functional capacity evaluation",
            "knee_mechanical_symptoms",
            None,
        ),
        ("I think he is close to as good as he is going to get.", None, "near_mmi", True),
        (
            "I'd like her to have a trial of six acupuncture treatments, twice a week for three "
            "weeks.",
            "Acupuncture 2x3 low back",
            "prior_visits",
            0,
        ),
        (
            "I should like him to have six visits of physical therapy, twice a week for three "
            "weeks.",
            "Physical therapy 2x3 lumbar spine, six visits",
            "prior_pt_visits",
            None,
        ),
        (
            "I ask that she be allowed six acupuncture treatments, twice a week for three weeks.",
            "Acupuncture 2x3 cervical spine",
            "prior_acupuncture_visits",
            None,
        ),
        (
            "He told me he'd \"do the surgery if that's what it takes.\"",
            "MRI lumbar spine",
            "surgery_considered",
            True,
        ),
        (
            "On the Norco his pain comes down from an eight to about a four.",
            "Norco 10/325 mg #90",
            "medication_pain_relief",
            True,
        ),
        (
            "He's had six months of care: therapy twice a week with his home exercises, naproxen, "
            "and a cortisone shot in February that helped only a week or two. It still catches.",
            None,
            "conservative_care_failed",
            True,
        ),
        (
            "A cortisone shot in February helped only a week or two.",
            None,
            "symptoms_improving",
            None,
        ),
        (
            'She says it "locks up and I have to wiggle it loose," three or four times a week.',
            "MRI left knee without contrast",
            "knee_mechanical_symptoms",
            True,
        ),
        ("She is catching up on work.", "MRI left knee", "knee_mechanical_symptoms", None),
        (
            "She could not hold her left big toe up against my hand.",
            "MRI lumbar spine",
            "motor_deficit",
            True,
        ),
        (
            "She felt my pin only faintly across the top of the left foot.",
            "MRI lumbar spine",
            "sensory_deficit",
            True,
        ),
        ("The reflex at the left ankle would not come.", "MRI lumbar spine", "reflex_change", True),
        (
            "He could lift his leg against my hand without trouble and felt my pin normally.",
            "MRI lumbar spine",
            "motor_deficit",
            None,
        ),
        # What aggravates the pain is not care that failed (after drugs alone; after a course of
        # therapy, symptoms that remain are what the care left).
        (
            "Treated with naproxen. Neck pain is worsened with repetitive motion.",
            None,
            "conservative_care_failed",
            None,
        ),
        # A nerve's pain told by its burning and tingling, and each score with its time after it.
        (
            "Gabapentin started 09/2016. Burning and tingling into the right thumb and index "
            "finger went from 8/10 to 4/10 on gabapentin.",
            "Gabapentin 600 mg #90",
            "medication_pain_relief",
            True,
        ),
        (
            "Gabapentin 300 mg TID since 10/04/16. Leg pain 8/10 before, 4/10 now.",
            "Gabapentin 300 mg #90",
            "medication_pain_relief",
            True,
        ),
        (
            "Gabapentin 300 mg TID since 10/04/16. Leg pain 5/10 before, 4/10 now.",
            "Gabapentin 300 mg #90",
            "medication_pain_relief",
            None,
        ),
        # A patch's relief told against the score before it.
        (
            "Lidoderm patches were started in 07/2017. Pain is 3/10 with the patch versus 7/10 "
            "before.",
            "Lidoderm 5% patch #30",
            "medication_pain_relief",
            True,
        ),
        # The work status told as a change for the better is fewer restrictions.
        (
            "On gabapentin since 10/04/16. He went from modified to full duty on 10/24/2016.",
            "Gabapentin 300 mg #90",
            "functional_improvement",
            True,
        ),
        (
            "On Norco since 2015. She progressed from TTD to modified duty in March.",
            "Norco 10/325 #90",
            "functional_improvement",
            True,
        ),
    ],
)
def test_wordings_of_notes_written_by_another_hand(
    note: str, request_line: str | None, name: str, value: Any
) -> None:
    assert read(note, request_line).get(name) == value


@pytest.mark.parametrize(
    ("note", "request_line", "name", "value"),
    [
        # The visit to come named as the next one, for talking findings through.
        (
            "Next visit in 3 weeks to discuss the EMG findings and injection options.",
            "Office visit x1",
            "visit_purpose_documented",
            True,
        ),
        ("Next appt to go over the lumbar MRI.", None, "visit_purpose_documented", True),
        # A past visit is not the one asked for, and an appointment alone has no purpose.
        (
            "At the last visit to discuss surgery she declined it.",
            None,
            "visit_purpose_documented",
            None,
        ),
        ("Follow-up appointment in 2 weeks.", None, "visit_purpose_documented", None),
        # Midline tenderness written after the word, its absence in one word, a head injury.
        (
            "Neck exam: tender to palpation over the spinous processes of C4-C6.",
            "X-ray cervical spine",
            "neck_trauma_xray_criteria",
            True,
        ),
        ("C-spine nontender midline, full ROM.", None, "neck_trauma_xray_criteria", False),
        (
            "Hit her head on the shelf yesterday and has had neck pain since.",
            "X-ray cervical spine",
            "neck_trauma_xray_criteria",
            True,
        ),
        # The lumbar spine's spinous processes are not the neck's.
        ("Tenderness over the lumbar spinous processes.", None, "neck_trauma_xray_criteria", None),
    ],
)
def test_visit_purpose_and_neck_trauma_wordings(
    note: str, request_line: str | None, name: str, value: Any
) -> None:
    assert read(note, request_line).get(name) == value


@pytest.mark.parametrize(
    ("note", "injured"),
    [
        ("Date of injury: October 26th, 2016.", date(2016, 10, 26)),
        ("He was injured on the 26th of October 2016 at work.", date(2016, 10, 26)),
        ("Date of injury of june first two thousand and nine.", date(2009, 6, 1)),
        ("Date of injury of july thirty-first two thousand sixteen.", date(2016, 7, 31)),
        ("Date of injury of april second nineteen ninety nine.", date(1999, 4, 2)),
        ("He was injured at work in march twenty seventeen.", date(2017, 3, 15)),
        # A year alone, a day and month alone, or a day the month does not have: no date.
        ("He was injured at work in twenty sixteen.", None),
        ("Cervical x-rays on november fourth showed mild degenerative change.", None),
        ("Date of injury of february thirtieth twenty seventeen.", None),
        ("She may have injured it twenty twenty times.", None),
    ],
)
def test_a_date_written_out_in_words(note: str, injured: date | None) -> None:
    assert read(note).get("injury_date") == injured


@pytest.mark.parametrize(
    ("note", "began"),
    [
        (
            "She states that since about may of this year she has had numbness and tingling in "
            "the right thumb.",
            date(2017, 5, 15),
        ),
        ("Since May 2017 she has had numbness in the right hand.", date(2017, 5, 15)),
        ("Numbness in the right hand since last March.", date(2017, 3, 15)),
        # "Last September" in August is the September of the year before.
        ("Numbness in the right hand since last September.", date(2016, 9, 15)),
        ("Numbness in the right hand since March of last year.", date(2016, 3, 15)),
        # A month of this year still to come, or no symptoms told: no onset.
        ("Numbness in the right hand since october of this year.", None),
        ("Since last March she has worked modified duty.", None),
    ],
)
def test_symptoms_begun_in_a_month_told_against_the_note_date(
    note: str, began: date | None
) -> None:
    """ "Since about may of this year": the month against the note's date (the request's in
    `imrcheck check`), where the note gives no date of injury, for the weeks since the
    condition began."""
    from engine.facts import extract_note_facts

    on = date(2017, 8, 22)
    values = extract_note_facts(note, FINDINGS, note_date=on).values(None, on)
    assert values.get("injury_date") == began
    assert values.get("weeks_since_injury") == ((on - began).days // 7 if began else None)


def test_a_date_of_injury_comes_before_a_month_of_onset() -> None:
    from engine.facts import extract_note_facts

    on = date(2017, 8, 22)
    note = "Date of injury 01/03/2017. Numbness in the right hand since last March."
    values = extract_note_facts(note, FINDINGS, note_date=on).values(None, on)
    assert values["injury_date"] == date(2017, 1, 3)


@pytest.mark.parametrize(
    "request_line",
    [
        "Cymbalta (duloxetine) 30mg daily #30",
        # A generic named with its salt is the brand's drug too.
        "Diclofenac sodium 1% gel (Voltaren) 100 g, apply 2 g QID to R ankle",
        # A brand whose generic is listed with its form.
        "Lidoderm (lidocaine 5%) patch, 1 patch to R groin 12 h on / 12 h off, #30",
    ],
)
def test_a_brand_and_its_generic_are_one_drug(request_line: str) -> None:
    from engine.requests import normalize_request

    asked = normalize_request(request_line, VOCABULARY)
    assert asked.medication is not None and asked.medication.ingredients == []
    assert asked.service.subtype != "compounded"


@pytest.mark.parametrize(
    ("request_line", "subtype"),
    [
        ("Purchase of 2-lead TENS unit with electrodes for home use", "tens"),
        ("Rental of cold therapy unit x 7 days", "cold_therapy_unit"),
        ("Purchase of knee brace", "brace"),
        ("Purchase of hospital bed", "hospital_bed"),
    ],
)
def test_equipment_bought_or_rented_is_of_its_own_kind(request_line: str, subtype: str) -> None:
    from engine.requests import normalize_request

    assert normalize_request(request_line, VOCABULARY).service.subtype == subtype


def test_an_injection_followed_up_as_it_with_its_relief_in_words() -> None:
    """ "States it helped 'maybe a third' for about ten days": the relief of the injection named
    just before, as a share in words, for whole weeks; the drugs 'same as before injection'."""
    found = read(
        "Received L5-S1 ILESI on 8/22/2017 for R S1 radiculopathy. "
        'States it helped "maybe a third" for about ten days, then pain went back to 7/10. '
        "Still taking gabapentin 300 tid and tramadol 50 bid, same as before injection.",
        "Repeat L5-S1 interlaminar epidural steroid injection",
    )
    assert found.get("prior_injection_relief_percent") == 33
    assert found.get("prior_injection_relief_weeks") == 1
    assert found.get("medication_reduced_after_injection") is False


# --- a study denied, a refill behaviour, a test's dated entry, a drug stopped, help that is partial ---


@pytest.mark.parametrize(
    "note, done",
    [
        ("He has not had any prior lumbar MRI.", None),
        ("He never had a previous MRI of the back.", None),
        ("A prior lumbar MRI showed an L4-5 protrusion.", True),
        # A study told with its result was done, whatever the result denies.
        ("There was no fracture on the x-rays performed in the ER.", True),
    ],
)
def test_a_prior_study_denied_is_none_done(note: str, done: bool | None) -> None:
    assert read(note, "MRI lumbar spine").get("prior_imaging") is done


def test_early_refill_requests_are_behaviour_not_a_request() -> None:
    values = read(
        "The CURES report of 09/2017 showed a single prescriber and pharmacy; no early refill "
        "requests were noted.",
        "Norco 10/325 #90",
    )
    assert values["cures_checked"] is True
    assert values["aberrant_drug_behavior"] is False


@pytest.mark.parametrize(
    "note, day",
    [
        ("His last urine drug screen, on 08/10/2016, was consistent.", "2016-08-10"),
        ("06/08/2016 UDS: consistent with hydrocodone.", "2016-06-08"),
    ],
)
def test_a_drug_test_dated_beside_it(note: str, day: str) -> None:
    assert read(note, "Urine drug screen")["drug_test_dates"] == [day]


def test_a_drug_stopped_with_how_it_was_taken_between() -> None:
    values = read("He has stopped the nightly cyclobenzaprine.", "Acupuncture 2x3 neck")
    assert values["pain_medication_reduced_or_not_tolerated"] is True


@pytest.mark.parametrize(
    "note",
    [
        "Quad strength improving but recurrent catching with pivoting, cannot kneel.",
        "PT x 12; quad strength improved, but the knee still catches and locks with squatting.",
        "The clinic TENS reduced her pain from 7/10 to 4/10 for several hours.",
    ],
)
def test_help_that_is_partial_or_brief_is_no_improvement(note: str) -> None:
    assert "symptoms_improving" not in read(note, "MRI right knee")


# --- visits told by the last one's place, a date of injury given as, a diagnosis in doubt, a stalled program ---


@pytest.mark.parametrize(
    "note, asked, name, count",
    [
        (
            "04/07/2017 Chiropractic re-exam after 6 visits: Oswestry 44% down to 22%.",
            "Chiropractic manipulation 1x4 lumbar spine",
            "prior_chiropractic_visits",
            6,
        ),
        (
            "Acupuncture note: Sixth session completed; headache days down.",
            "Acupuncture 2x3 neck, additional",
            "prior_acupuncture_visits",
            6,
        ),
        (
            "She completed her 8th PT session.",
            "PT 2x3 lumbar, additional",
            "prior_pt_visits",
            8,
        ),
    ],
)
def test_visits_told_by_the_last_ones_place(note: str, asked: str, name: str, count: int) -> None:
    assert read(note, asked)[name] == count


@pytest.mark.parametrize(
    "note", ["Will re-evaluate after 6 visits.", "PT: reassess after six sessions."]
)
def test_a_re_evaluation_planned_counts_no_visits(note: str) -> None:
    assert "prior_pt_visits" not in read(note, "PT 2x3 lumbar")


def test_a_date_of_injury_given_as() -> None:
    assert str(read("DOI given as 01/03/2017 (cumulative).")["injury_date"]) == "2017-01-03"


@pytest.mark.parametrize(
    "note, uncertain",
    [
        ("Unsure whether this is an occult scaphoid fracture or a ligament injury.", True),
        ("Unclear whether this is carpal tunnel syndrome, a C6 radiculopathy or both.", True),
        ("Referred for diagnostic clarification.", True),
        ("It is unclear if she will return to work or retire.", None),
    ],
)
def test_a_diagnosis_in_doubt(note: str, uncertain: bool | None) -> None:
    assert read(note, "Consultation with hand surgeon").get("diagnosis_uncertain_or_complex") is (
        uncertain
    )


@pytest.mark.parametrize(
    "note, failed",
    [
        ("PT note: eight sessions; unable to progress the band program.", True),
        ("Failed to progress with shoulder strengthening despite good compliance.", True),
        ("She is progressing well with her strengthening program.", False),
        # A stall of something else is not the program's.
        ("Unable to progress to full duty yet.", None),
    ],
)
def test_a_strengthening_program_that_stalls(note: str, failed: bool | None) -> None:
    assert read(note, "MRI right shoulder").get("strengthening_program_failed") is failed


def test_a_hemiarthroplasty_dated_is_a_surgery_done() -> None:
    values = read("Displaced L femoral neck fx, L hip hemiarthroplasty 02/05/2017.")
    assert values["surgery_type"] == "hip hemiarthroplasty"
    assert str(values["surgery_date"]) == "2017-02-05"


@pytest.mark.parametrize(
    "note",
    [
        "Ortho eval 09/05: if meniscal tear on MRI plans arthroscopy.",
        "Dr. Patel is thinking about a scope to fix a torn cartilage if the MRI shows one.",
    ],
)
def test_a_surgery_the_study_would_decide_is_considered(note: str) -> None:
    values = read(note, "MRI left knee")
    assert values["surgery_considered"] is True
    # The study awaited is none done.
    assert "prior_imaging" not in values


def test_a_sign_ticked_then_marked_positive() -> None:
    assert read("McMurray [x] + medial.", "MRI left knee")["knee_derangement_signs"] is True


@pytest.mark.parametrize(
    "note, improving",
    [
        ("PT x 6 and naproxen; pain better but the locking continues.", None),
        # The care helped while the patient goes on with pain: it still helped.
        ("Chiropractic treatments have helped but continues with hand pain.", True),
    ],
)
def test_help_with_a_symptom_of_its_own_left(note: str, improving: bool | None) -> None:
    assert read(note, "MRI left knee").get("symptoms_improving") is improving


# --- what UR decided on the surgery, the tests a surgery needs ---


@pytest.mark.parametrize(
    "note, certified",
    [
        ("The right shoulder arthroscopic rotator cuff repair was authorized on 06/30/2017.", True),
        ("On 3/9/17, UR non-certified the request for left shoulder arthroscopy with SAD.", False),
        (
            "L shoulder arthroscopy with SAD was requested and non-certified by UR on 01/09/2017.",
            False,
        ),
        ("The surgery has not been authorized.", False),
        # What UR refused is the test, not the surgery the sentence names after it.
        (
            "Utilization Review non-certified the CBC on 07/18/2017, noting that arthroscopic "
            "surgery has minimal blood loss.",
            None,
        ),
        ("He denied prior surgery.", None),
    ],
)
def test_what_ur_decided_on_the_surgery(note: str, certified: bool | None) -> None:
    assert read(note, "Pre-op clearance").get("procedure_certified") is certified


@pytest.mark.parametrize(
    "note, indicated",
    [
        ("On warfarin for atrial fibrillation.", True),
        ("No history of abnormal bleeding; not on anticoagulants; no liver disease.", False),
    ],
)
def test_the_condition_a_clotting_test_is_for(note: str, indicated: bool) -> None:
    assert read(note, "Pre-op PT/INR")["preop_test_indication"] is indicated


@pytest.mark.parametrize(
    "note, indicated",
    [
        ("PMH: coronary artery disease with a drug-eluting stent in 2013.", True),
        ("Hx paroxysmal atrial fibrillation on Eliquis.", True),
        ("She reports occasional palpitations.", True),
        ("No cardiac history; denies chest pain, palpitations or syncope.", False),
    ],
)
def test_a_finding_that_calls_for_an_ecg(note: str, indicated: bool) -> None:
    assert read(note, "Pre-operative EKG")["ecg_indication"] is indicated


@pytest.mark.parametrize(
    "note, flare",
    [
        ("He had a flare-up of low back pain last week after lifting at work.", True),
        ("Now presents with a recurrence of neck pain since 10/20/16.", True),
        ("No flare-ups since returning to full duty.", False),
    ],
)
def test_a_flare_up_after_earlier_care(note: str, flare: bool) -> None:
    assert read(note, "Chiropractic 1x2 lumbar")["flare_up"] is flare


@pytest.mark.parametrize(
    "note, changed",
    [
        ("Since 01/2017 progressive right leg pain extending below the knee.", True),
        ("New weakness of the EHL since the 2015 MRI.", True),
        ("Right leg pain has worsened over the past three weeks.", True),
        ("Exam: new decreased sensation over the dorsum of the right foot.", True),
        ("No significant change in symptoms or findings.", False),
    ],
)
def test_a_change_since_the_earlier_study(note: str, changed: bool) -> None:
    assert read(note, "Repeat MRI lumbar spine")["significant_change_since_prior_study"] is changed


def test_a_denied_list_reaches_past_the_subjects_next_predicate() -> None:
    # "and was working" is the patient's, not the fever's: the denial still reaches the fever.
    values = read("She denied numbness, weakness, fever or weight loss and was working full duty.")
    assert values["red_flag_infection"] is False


def test_a_surgical_opinion_the_patient_would_seek_is_surgery_considered() -> None:
    note = (
        "The patient would consider a lumbar epidural injection or a surgical consultation "
        "depending on the findings."
    )
    assert read(note, "MRI lumbar spine")["surgery_considered"] is True


# --- before an opioid trial, a drug whose relief is told across the sentence ---


def test_a_drug_screen_told_with_its_result_was_done() -> None:
    note = "A baseline urine drug screen on the same day was negative."
    assert read(note, "Tramadol 50 mg #60")["urine_drug_screen"] is True
    assert (
        read("No urine drug screen has been done.", "Tramadol 50 mg #60")["urine_drug_screen"]
        is False
    )


@pytest.mark.parametrize(
    "note, in_use",
    [
        ("The CURES report showed no controlled prescriptions.", False),
        # Beside the one taken, "no other" says nothing of it.
        ("CURES showed no other controlled prescriptions.", None),
    ],
)
def test_a_cures_report_with_no_controlled_prescriptions(note: str, in_use: bool | None) -> None:
    assert read(note, "Tramadol 50 mg #60").get("opioid_use") is in_use


def test_the_non_opioid_analgesics_among_care_that_failed() -> None:
    note = (
        "Treatment to date has included 8 physical therapy visits, a home exercise program, "
        "acetaminophen and ibuprofen 600 mg three times daily. Currently, she complains of low "
        "back pain rated 7/10."
    )
    assert read(note, "Tramadol 50 mg #60")["non_opioid_analgesics_failed"] is True


def test_the_screening_and_misuse_told_plainly() -> None:
    values = read(
        "No history of substance misuse, and the opioid risk screen was low.", "Tramadol 50 mg #60"
    )
    assert values["opioid_risk_screening"] is True
    assert values["aberrant_drug_behavior"] is False


def test_a_pain_fall_told_with_where_it_runs() -> None:
    note = (
        "Duloxetine started 08/14/2017. The radiating burning pain into the right thumb and "
        "index finger has decreased from 7/10 to 4/10."
    )
    assert read(note, "Duloxetine 60 mg #30")["medication_pain_relief"] is True


def test_an_ulcer_in_the_history_told_as_such_is_a_gi_risk() -> None:
    note = "Her history includes a duodenal ulcer diagnosed by endoscopy in 2012."
    assert read(note, "Pantoprazole 20 mg daily #30")["gi_risk_factors"] is True


def test_an_oral_nsaid_stopped_for_the_stomach_will_not_do() -> None:
    note = (
        "Naproxen 500 mg twice daily was stopped in 01/2017 after two weeks of epigastric burning."
    )
    assert read(note, "Voltaren gel 1% 100 g")["oral_medication_not_tolerated"] is True


@pytest.mark.parametrize(
    "note",
    [
        "PT x 6. His restrictions were changed from no lifting over 10 lb to no lifting over 30 lb.",
        "PT x 6. He now walks 40 minutes daily (15 minutes before).",
    ],
)
def test_function_told_then_and_now(note: str) -> None:
    assert read(note, "Additional physical therapy 2x3 low back")["functional_improvement"] is True


@pytest.mark.parametrize(
    "note, operated",
    [
        (
            "The left knee arthroscopic partial medial meniscectomy was authorized on 02/20/2026 "
            "and performed on 03/10/2026.",
            "2026-03-10",
        ),
        ("The right shoulder subacromial decompression was authorized and performed on 03/06/2017.", "2017-03-06"),
        # A date the surgery is booked for is not one it was done on.
        ("Arthroscopy is scheduled and will be performed on 05/02/2026.", None),
        ("The left total knee arthroplasty is scheduled for 04/27/2017.", None),
    ],
)  # fmt: skip
def test_the_date_a_surgery_was_done(note: str, operated: str | None) -> None:
    found = read(note, "Post-op PT 2x3").get("surgery_date")
    assert (str(found) if found else None) == operated


def test_a_study_ur_decided_on_is_none_done() -> None:
    note = "Utilization review non-certified the EMG on 01/17/2017."
    assert "prior_electrodiagnostics" not in read(note, "EMG left lower extremity")


def test_nothing_in_the_record_indicates_is_a_negation() -> None:
    note = "Nothing in the record indicates difficulty swallowing tablets."
    assert read(note, "Dicopanol 5 mg/ml oral suspension 150 ml")["tablets_not_tolerated"] is False


def test_a_clearance_for_a_patient_with_comorbidities() -> None:
    note = "Comorbidities include type 2 diabetes, hypertension and obstructive sleep apnea."
    assert read(note, "Pre-operative medical clearance")["preop_test_indication"] is True


# --- the tumour row of the red flags, told as history or beside a negation ---


@pytest.mark.parametrize(
    "note, flag",
    [
        ("Her past medical history is significant for breast cancer treated in 2012.", True),
        (
            "Low back pain that wakes her at night and is not relieved by lying down, along with "
            "an unintended weight loss of nine pounds since June.",
            True,
        ),
        ("Family history of colon cancer in her father.", None),
        # A denied list reaches the history at its end, beyond the cue window: the negation
        # runs through the list.
        ("Denies fever, chills, night sweats, unexplained wt loss, hx of cancer, IVDU.", False),
    ],
)
def test_the_tumour_red_flag(note: str, flag: bool | None) -> None:
    assert read(note, "MRI lumbar spine").get("red_flag_tumor") is flag


def test_a_surgical_opinion_the_patient_wishes_to_pursue() -> None:
    note = "She wishes to pursue surgical consultation if conservative treatment continues to fail."
    assert read(note, "MRI lumbar spine")["surgery_considered"] is True


@pytest.mark.parametrize(
    "note, asked, name, count",
    [
        (
            "The chiropractic records show six manipulation visits from 01/03/2017 through "
            "01/17/2017.",
            "Chiropractic treatment low back 2x2, additional",
            "prior_chiropractic_visits",
            6,
        ),
        (
            "The acupuncturist's notes record six treatments from 06/01/2026 through 06/26/2026.",
            "Acupuncture low back, additional 2x3",
            "prior_acupuncture_visits",
            6,
        ),
    ],
)
def test_visits_counted_in_the_therapys_records(
    note: str, asked: str, name: str, count: int
) -> None:
    assert read(note, asked)[name] == count


def test_visits_begun_after_the_surgery_are_the_post_operative_course() -> None:
    note = (
        "She underwent left lateral epicondylar release on 04/11/2017. Occupational therapy "
        "notes show six visits from 05/01/2017 through 05/26/2017."
    )
    values = read(note, "Post-op occupational therapy L elbow, 6 more visits")
    assert values["postsurgical_visits_completed"] == 6


def test_a_surgeon_who_weighs_the_procedure_is_no_referral() -> None:
    note = "The orthopedic surgeon documented that arthroscopy would be considered if a tear is confirmed."
    assert read(note, "MRI left knee")["surgery_considered"] is True


def test_visits_done_beside_a_plan() -> None:
    note = (
        "He completed a trial of six chiropractic manipulation visits between 10/31/2016 and "
        "11/18/2016, and the chiropractor's plan of care calls for lumbar manipulation."
    )
    assert (
        read(note, "Chiropractic manipulation 2x2, lumbar spine")["prior_chiropractic_visits"] == 6
    )
    assert "prior_pt_visits" not in read("Request for 12 PT visits.", "PT 2x6")


def test_a_root_compressed_named_far_from_the_word() -> None:
    note = (
        "A lumbar MRI dated 01/10/2017 showed a left L4-5 foraminal disc protrusion with "
        "compression of the exiting L4 and traversing left L5 nerve roots."
    )
    assert read(note, "Lumbar ESI L4-5")["imaging_nerve_compromise"] is True


@pytest.mark.parametrize(
    "note, operated, kind",
    [
        (
            "On 05/06/2026 the orthopedic surgeon performed a left knee arthroscopic partial "
            "medial meniscectomy.",
            "2026-05-06",
            "meniscectomy",
        ),
        (
            "Closed right femoral shaft fracture, treated with intramedullary nailing on 11/22/2016.",
            "2016-11-22",
            "femoral",
        ),
    ],
)
def test_a_surgery_told_by_who_did_it_or_by_its_fixation(
    note: str, operated: str, kind: str
) -> None:
    values = read(note, "Post-op PT 2x3")
    assert str(values["surgery_date"]) == operated
    assert kind in values["surgery_type"]


@pytest.mark.parametrize(
    "note, asked, name, total",
    [
        (
            "Chiropractic records show 14 visits from 08/2023 through 11/2023 and 10 visits from "
            "05/2024 through 07/2024.",
            "Chiropractic 2 visits lumbar spine",
            "prior_chiropractic_visits",
            24,
        ),
        # A count authorized beside the count done is not another course.
        ("She completed 12 PT visits in 2016 and 6 visits were authorized.", "PT 2x3", "prior_pt_visits", 12),
        # Added up, after a heading that names the claim.
        ("PT on this claim: 14 visits 05-08/2025 (Clinic A) + 10 visits 01-04/2026 (Clinic B).",
         "PT lumbar spine 2x4, additional", "prior_pt_visits", 24),
        ("PT on this claim: 14 visits.", "PT lumbar spine 2x4", "prior_pt_visits", 14),
    ],
)  # fmt: skip
def test_courses_of_a_therapy_counted_in_turn_add_up(
    note: str, asked: str, name: str, total: int
) -> None:
    assert read(note, asked)[name] == total


@pytest.mark.parametrize(
    "note, asked",
    [
        ("Average pain is 3/10 on tramadol and 7/10 on days she has missed it.", "Tramadol ER 150 mg #30"),
        ("Burning down the left leg at 8/10 before gabapentin and 4/10 on it.", "Gabapentin 600 mg #90"),
    ],
)  # fmt: skip
def test_relief_told_by_the_drugs_name(note: str, asked: str) -> None:
    assert read(note, asked)["medication_pain_relief"] is True


def test_a_tolerance_told_instead_of_the_one_before() -> None:
    note = "Gabapentin 600 TID. Since it was titrated he walks 30 minutes at a time instead of 10."
    assert read(note, "Gabapentin 600 mg #90")["functional_improvement"] is True


@pytest.mark.parametrize(
    "note, homebound",
    [
        ("His house has eight front steps which he cannot manage without two people.", True),
        ("She has not left her apartment since discharge.", True),
        ("He climbs the stairs without help and drives to the store.", None),
    ],
)
def test_homebound_told_by_the_way_out(note: str, homebound: bool | None) -> None:
    assert read(note, "Home health skilled nursing 1x/wk x 3 wks").get("homebound") is homebound


def test_the_relief_at_the_visit_after_an_injection() -> None:
    note = (
        "A left L5-S1 transforaminal ESI was performed on 02/09/2017. At the follow-up on "
        "03/09/2017 the injured worker reported 80% relief of his leg pain."
    )
    values = read(note, "Repeat left L5-S1 transforaminal epidural steroid injection")
    assert values["prior_injection_relief_percent"] == 80


def test_opioids_denied_beside_another_class() -> None:
    note = "She has never been prescribed opioids or benzodiazepines on this claim."
    assert read(note, "Urine toxicology screen")["opioid_use"] is False


@pytest.mark.parametrize(
    "note, uncertain",
    [
        ("Dx: L ulnar-sided wrist pain, r/o TFCC tear vs DRUJ instability.", True),
        ("PTP: dx uncertain, outside occ med scope; requests hand surgery eval.", True),
    ],
)
def test_a_diagnosis_kept_open(note: str, uncertain: bool) -> None:
    assert (
        read(note, "Consultation with hand surgeon")["diagnosis_uncertain_or_complex"] is uncertain
    )


@pytest.mark.parametrize(
    "note, status",
    [
        ("Work status: TTD at trial start; RTW full route 5/8/17 w/o restriction.", "full_duty"),
        ("Works mod duty 6 h/day (off work before meds).", "modified_duty"),
    ],
)
def test_the_work_status_now_not_the_one_before(note: str, status: str) -> None:
    assert read(note)["work_status"] == status


def test_a_trial_counted_with_x() -> None:
    assert (
        read("Chiro trial x6 completed 4/17-5/5/17.", "Chiropractic 2x2 cervical")[
            "prior_chiropractic_visits"
        ]
        == 6
    )


def test_the_later_decision_on_the_surgery_stands() -> None:
    note = (
        "An initial surgical request in 07/2016 was non-certified for lack of a conservative "
        "trial; after six more therapy visits failed, arthroscopic rotator cuff repair was "
        "certified and performed on 12/27/2016."
    )
    assert read(note, "Post-op PT right shoulder 2x6")["procedure_certified"] is True


@pytest.mark.parametrize(
    "note, done",
    [
        # A date's figures count no visits; a re-evaluation planned counts none done.
        ("12/7/16 post-op visit: incisions healing, in sling.", 0),
        ("Re-eval after 12 visits.", 0),
    ],
)
def test_no_visits_from_a_date_or_a_plan(note: str, done: int) -> None:
    assert read(note, "Post-op PT 2x6 R shoulder")["postsurgical_visits_completed"] == done


def test_a_surgery_by_its_abbreviation_dated() -> None:
    values = read("S/p R arthroscopic RCR + SAD 11/30/16 (auth'd).", "Post-op PT 2x6 R shoulder")
    assert str(values["surgery_date"]) == "2016-11-30"


def test_visits_done_told_after_the_count_beside_their_certification() -> None:
    note = "Six acupuncture sessions were certified and completed between 04/13 and 05/01/2026."
    assert read(note, "Additional acupuncture 2x3")["prior_acupuncture_visits"] == 6
    assert "prior_acupuncture_visits" not in read(
        "Six acupuncture sessions were certified.", "Additional acupuncture 2x3"
    )


def test_a_tolerance_told_with_the_one_before_in_brackets_previously() -> None:
    note = "Six PT visits completed. She now drives 45 minutes without stopping (previously 15 minutes)."
    assert read(note, "Additional PT 2x3")["functional_improvement"] is True


def test_what_the_drug_allows_told_on_it() -> None:
    note = "He takes naproxen twice daily. On the medication he completes his full shift."
    assert read(note, "Naproxen 500 mg #60")["functional_improvement"] is True


def test_a_trial_without_refills_asks_for_no_refill() -> None:
    note = "The plan of care includes a four-week trial of diclofenac gel to the right knee, without refills."
    assert read(note, "Voltaren gel 1% 100 g").get("drug_in_use") is not True


@pytest.mark.parametrize(
    "note, failed",
    [
        # Help that lasted only days, told in words, is the short-lived relief of a failed one.
        ("Naproxen and a corticosteroid injection on 05/23/2017 helped for about ten days.", True),
        ("A cortisone injection helped for three months.", False),
    ],
)
def test_an_injection_that_helped_only_for_days(note: str, failed: bool) -> None:
    request = "Left knee arthroscopy with partial medial meniscectomy"
    assert read(note, request)["failed_steroid_injection"] is failed


@pytest.mark.parametrize(
    "note, improving",
    [
        ("Therapy helped for a week.", None),
        ("Therapy helped for about ten days.", None),
        ("Therapy helped a great deal.", True),
    ],
)
def test_help_that_lasted_only_a_while(note: str, improving: bool | None) -> None:
    assert read(note, "Physical therapy 2x4 lumbar").get("symptoms_improving") is improving


@pytest.mark.parametrize(
    "note, in_use",
    [
        # A drug given as a trial is its first course, the trial still to show what it does.
        ("The physician started nortriptyline 25 mg at bedtime as a four-week trial.", False),
        ("Nortriptyline 25 mg at bedtime as a trial.", False),
        # A trial dated before now is a drug taken.
        ("She started nortriptyline 25 mg in March as a trial and it has helped.", True),
        ("She started nortriptyline 25 mg two months ago as a trial.", True),
    ],
)
def test_a_drug_given_as_a_trial(note: str, in_use: bool) -> None:
    assert read(note, "Nortriptyline 25 mg #30")["drug_in_use"] is in_use


def test_function_with_the_drug_against_without_it() -> None:
    note = (
        "He takes Norco 10/325 three times a day. He rated pain 8/10 without and 4/10 with the "
        "medication; he walks 40 minutes a day (10 minutes without it)."
    )
    assert read(note, "Norco 10/325 mg #90")["functional_improvement"] is True


def test_a_rental_trial_that_helped_in_a_note_for_the_unit() -> None:
    note = (
        "He completed a 30-day home rental trial and kept a log: used twice daily, pain 7/10 "
        "before and 4/10 after sessions."
    )
    assert read(note, "TENS unit purchase")["tens_trial_successful"] is True
    # A unit named otherwise is not the one asked for.
    other = "The cold therapy unit rental trial helped, pain 7/10 before and 4/10 after sessions."
    assert "tens_trial_successful" not in read(other, "TENS unit purchase")


@pytest.mark.parametrize(
    "gains",
    [
        "Pain 7/10 before, 4/10 during and for about two hours after.",
        "Ibuprofen down from 3 tabs/day to 1.",
    ],
)
def test_a_trials_gain_told_in_the_sentence_after_it(gains: str) -> None:
    note = f"30-day TENS rental 12/15/16-01/14/17; log reviewed: used two to three times daily. {gains}"
    assert read(note, "TENS unit purchase")["tens_trial_successful"] is True


def test_a_gain_told_far_from_any_trial_is_no_trials_gain() -> None:
    note = (
        "30-day TENS rental in 2015. Sleep is poor. Mood is low. She walks daily. Ibuprofen down "
        "from 3 tabs/day to 1."
    )
    assert read(note, "TENS unit purchase").get("tens_trial_successful") is not True


@pytest.mark.parametrize(
    ("note", "groups"),
    [
        (
            "CRPS type I R wrist/hand after distal radius fracture, DOI 03/2015.",
            ["crps", "fracture"],
        ),
        ("OT discharge summary. CRPS type I R hand after distal radius fx.", ["crps"]),
    ],
)
def test_a_note_sentence_opening_on_a_condition_gives_it(note: str, groups: list[str]) -> None:
    assert read(note)["diagnoses"] == groups


def test_a_condition_opening_a_sentence_negated_is_no_diagnosis() -> None:
    assert "diagnoses" not in read("CRPS was ruled out by the hand surgeon.")


def test_a_home_program_done_daily_is_the_rehabilitation_a_unit_adds_to() -> None:
    note = "Completed 12 PT visits 2015-16, HEP daily (walking, McKenzie)."
    assert read(note, "TENS unit rental x 30 days")["adjunct_to_rehabilitation"] is True


def test_a_rental_trial_told_as_pain_down_to() -> None:
    note = "He finished a 30-day home rental trial, pain 7/10 down to 4/10 after each use."
    assert read(note, "TENS unit purchase")["tens_trial_successful"] is True


def test_a_cumulative_trauma_dated_by_its_last_day() -> None:
    note = "52 y/o packer, DOI CT through 06/15/2016, neck and both shoulders."
    assert read(note, "Naproxen 500 mg #60")["injury_date"] == date(2016, 6, 15)


def test_in_a_home_program_is_ongoing_rehabilitation() -> None:
    note = "She is in a home exercise program from 8 PT visits."
    assert read(note, "Acupuncture 2 x 3 weeks, lumbar")["adjunct_to_rehabilitation"] is True


def test_a_status_the_plan_reaches_is_not_the_one_held() -> None:
    planned = "Work: mod duty. Plan/RFA: 6 more sessions to reach job demand, then RTW full duty."
    assert read(planned, "Work conditioning 3x2")["work_status"] == "modified_duty"
    # Outside a plan, "then" tells what followed, which is held.
    followed = "He was off work for two weeks, then light duty since 3/2."
    assert read(followed, "Work conditioning 3x2")["work_status"] == "modified_duty"


def test_aquatic_visits_are_the_course_aquatic_therapy_continues() -> None:
    facts = read("S: 6 aquatic visits done (06/02-06/30).", "Aquatic PT 2x3 low back (6 addl)")
    assert (facts["prior_aquatic_visits"], facts["prior_visits"]) == (6, 6)


def test_visits_counted_on_the_claim_without_a_colon() -> None:
    note = "PT visits this claim 12 incl. 6 work conditioning sessions (10/06-10/24)."
    assert read(note, "PT 3x2 (6 addl sessions)")["prior_visits"] == 12
    # Work conditioning is judged with work hardening: the sessions given are a program given.
    given = "PT visits this claim 12, including 6 work conditioning sessions (10/06-10/24)."
    assert read(given, "Work conditioning 3x2 (6 addl sessions)")["prior_work_hardening"] is True
    assert "prior_visits" not in read("PT visits this claim 2x/wk.", "PT 2x3 (6 addl)")


@pytest.mark.parametrize(
    "note",
    [
        "ICD-10: M54.16 Radiculopathy, lumbar region.",
        "47 y/o welder with chronic L S1 radiculopathy, not a surgical candidate.",
    ],
)
def test_diagnoses_on_an_rfa_coded_line_or_after_the_age(note: str) -> None:
    facts = read(note, "TENS unit purchase with supplies")
    assert (facts["diagnoses"], facts["neuropathic_pain"]) == (["neuralgia"], True)


def test_the_day_after_surgery_is_no_count_of_visits() -> None:
    note = "In sling, day 9 post-op; passive ER 10 deg, passive flexion 80 deg."
    assert read(note, "Post-op PT right shoulder 2x6").get("postsurgical_visits_completed") != 9
    # A list of courses by count is still counted.
    assert read("Prior care incl 18 PT, 12 chiro and HEP.", "PT 2x3")["prior_visits"] == 18


def test_occupational_therapy_counted_apart_from_physical_therapy() -> None:
    note = (
        "Therapy log (carried forward): 24 PT visits 2024-2025 for the shoulder; OT 0 visits on "
        "this claim."
    )
    assert read(note, "Occupational therapy R hand 2x/wk x 4 wks")["prior_visits"] == 0
    assert read(note, "Physical therapy R shoulder 2x3")["prior_visits"] == 24
    # Physical therapy's visits named as such are not occupational therapy's (the Labor Code
    # caps each apart): occupational therapy left out of the care the record counts is a first
    # course; "therapy" unqualified, or none given, is both.
    assert read("Had 12 PT visits.", "Occupational therapy R hand 2x4")["prior_visits"] == 0
    assert read("Had 12 therapy visits.", "Occupational therapy R hand 2x4")["prior_visits"] == 12
    assert read("No therapy on this claim.", "Occupational therapy R hand 2x4")["prior_visits"] == 0


def test_a_return_tried_is_no_status_held() -> None:
    note = (
        "He tried to return to full duty in 02/2017 and again in 04/2017, and both times was "
        "sent home within two or three days because of ankle swelling."
    )
    assert "work_status" not in read(note, "Functional capacity evaluation")


def test_a_referral_for_the_procedure_weighs_it() -> None:
    note = "The physician plans a referral for arthroscopic evaluation depending on the study."
    assert read(note, "MRI left knee without contrast")["surgery_considered"] is True
    # A referral to a surgical specialty names the specialist, not a procedure.
    assert "surgery_considered" not in read("Plan: referral to neurosurgery.", "MRI lumbar spine")


def test_a_surgery_offered_in_a_past_year_was_not_done() -> None:
    note = "Orthopedics offered arthroscopy in 2016; she declined and does not want surgery."
    facts = read(note, "MRI right shoulder without contrast (repeat)")
    assert ("prior_surgery" not in facts, facts["surgery_considered"]) == (True, False)
    assert read("She had arthroscopy in 2016.", "MRI right shoulder")["prior_surgery"] is True


@pytest.mark.parametrize(
    "gain, improved",
    [
        ("Can open jars and carry grocery bags again, couldn't in Aug.", True),
        ("Down from naproxen BID to PRN 2x/wk.", True),
        ('Work: restriction "no keyboarding >20 min/hr" lifted 10/05.', True),
        # A goal, or a gain still out of reach, is none.
        ("She hopes to be able to garden again.", None),
        ("She can't lift her grandson again yet.", None),
        ("OT so she can work again.", None),
    ],
)
def test_a_gain_in_daily_life_work_or_drugs(gain: str, improved: bool | None) -> None:
    facts = read(f"She has had 6 OT visits. {gain}", "OT L wrist 2x3")
    assert (facts.get("functional_improvement") is True) is bool(improved)


def test_a_course_with_its_pain_falling_is_care_that_helped() -> None:
    note = "Interval history: PT 6 visits, pain 3/10 from 6/10, now reaching overhead at home."
    assert read(note, "MRI R shoulder")["conservative_care_failed"] is False
    # A unit tried during therapy is not the therapy helping.
    unit = "During therapy the clinic TENS reduced her pain from 7/10 to 4/10 for several hours."
    assert "symptoms_improving" not in read(unit, "TENS unit, 30-day home trial rental")


def test_a_past_year_in_words_or_a_season_of_it_opening_the_sentence_dates_it() -> None:
    note = (
        "In the spring of two thousand ten, however, he was in the hospital at the county seat "
        "with a bleeding ulcer of the duodenum and needed two units of blood."
    )
    assert read(note, "Omeprazole 20 mg daily #30")["gi_risk_factors"] is True


def test_visits_authorized_and_completed_are_visits_done() -> None:
    note = (
        "The treating chiropractor's plan of care of 10/03/2016 called for spinal manipulation, "
        "and six visits were authorized and completed between 10/05 and 10/19/2016."
    )
    values = read(note, "Chiropractic manipulation 2x2, lumbar spine")
    assert values["prior_visits"] == 6
    assert "authorized_visits_pending" not in values


def test_what_the_patient_could_not_do_and_does_now_is_a_gain() -> None:
    note = (
        "He has had six post-op therapy visits. In June he could not lift a coffee pot with that "
        "hand, and now he carries a full gallon of milk."
    )
    assert read(note, "Additional physical therapy 2x3 right elbow")["functional_improvement"]


def test_what_the_patient_could_not_do_and_still_cannot_is_no_gain() -> None:
    note = (
        "He has had six therapy visits. He could not walk far before, and now he still cannot "
        "walk a block."
    )
    values = read(note, "Additional physical therapy 2x3 lumbar")
    assert values.get("functional_improvement") is not True


def test_a_past_year_opening_the_sentence_puts_the_event_in_the_past() -> None:
    note = (
        "In 2014 he was admitted with a bleeding duodenal ulcer that was treated endoscopically. "
        "He takes no anticoagulant or aspirin."
    )
    assert read(note, "Omeprazole 20 mg daily #30")["gi_risk_factors"] is True


# --- a phrase listed under two findings means both ----------------------------------------------


@pytest.mark.parametrize(
    ("note", "names"),
    [
        # A nerve root's pain is pain that radiates and neuropathic pain (findings.yaml lists
        # the phrase under each).
        ("Chronic left L5 radicular pain, EMG consistent.", ("radiating_pain", "neuropathic_pain")),
        (
            "He has diabetic neuropathy in both feet.",
            ("peripheral_neuropathy_suspected", "neuropathic_pain"),
        ),
        (
            "New urinary retention since yesterday.",
            ("red_flag_cauda_equina", "red_flag_bowel_bladder"),
        ),
    ],
)
def test_a_phrase_listed_for_two_findings_gives_both(note: str, names: tuple[str, ...]) -> None:
    values = read(note, "TENS unit 30-day home trial")
    assert all(values.get(name) is True for name in names), values


def test_every_phrase_listed_twice_gives_each_finding() -> None:
    listed: dict[str, set[str]] = {}
    for name, finding in FINDINGS.findings.items():
        for phrase in finding.phrases:
            listed.setdefault(" ".join(phrase.lower().split()), set()).add(name)
    shared = {phrase: names for phrase, names in listed.items() if len(names) > 1}
    assert shared  # the bundled vocabulary has such phrases; each must keep every meaning
    for phrase, names in shared.items():
        meanings = {name for name, _ in FINDINGS.phrase_meaning[phrase]}
        assert names <= meanings, (phrase, names, meanings)


# --- a clause with a subject of its own is out of an earlier negation's reach ---------------------


@pytest.mark.parametrize(
    "note",
    [
        "The reflex at the left ankle would not come, she felt my pin less sharply along the "
        "outside of the left foot.",
        "Achilles reflex could not be elicited, and he felt my pin only faintly over the "
        "lateral foot.",
    ],
)
def test_a_clause_with_its_own_subject_is_not_negated_by_the_clause_before(note: str) -> None:
    assert read(note)["sensory_deficit"] is True


def test_a_negated_list_still_reaches_across_its_commas() -> None:
    assert read("No decreased sensation, weakness or reflex change.")["sensory_deficit"] is False


# --- a gain told as a story: the limit before the care, and now ---------------------------------


@pytest.mark.parametrize(
    "note",
    [
        "Before the therapy she was held to lifting no more than ten pounds, and since the third "
        "of May she has been back to her full route with a twenty-five pound limit.",
        "Before PT he was lifting under 10 lbs at work; he now has a 30 lb limit.",
        "She completed 6 PT visits. She walks the half mile to her mailbox and back, which in "
        "July she could not do.",
    ],
)
def test_a_gain_told_as_before_and_now(note: str) -> None:
    assert read(note, "Additional physical therapy 2x3 lumbar")["functional_improvement"] is True


@pytest.mark.parametrize(
    "note",
    [
        # A limit lower now than before is no gain; an activity still out of reach is none.
        "Before the injury he was lifting over 50 lbs, and now he has a 20 lb limit.",
        "She completed 6 PT visits. She tried to walk to the mailbox, which she could not do.",
    ],
)
def test_no_gain_where_the_limit_fell_or_the_activity_was_not_done(note: str) -> None:
    assert (
        read(note, "Additional physical therapy 2x3 lumbar").get("functional_improvement")
        is not True
    )


def test_visits_told_by_the_last_ones_place_with_its_date_in_words() -> None:
    note = "He began acupuncture in July and had his sixth treatment on the eighteenth of August."
    assert read(note, "Acupuncture 2x3 lumbar, additional six")["prior_visits"] == 6


@pytest.mark.parametrize(
    "note",
    [
        "She has attended eight sessions of acupuncture without any measurable change in her "
        "function.",
        "Six acupuncture visits to date with no measurable functional improvement.",
    ],
)
def test_care_measured_to_no_change_in_function(note: str) -> None:
    assert read(note, "Additional acupuncture x 6 lumbar")["functional_improvement"] is False


# --- a walking aid's medical need: walking impaired for this patient ------------------------------


@pytest.mark.parametrize(
    ("note", "asked", "needed"),
    [
        (
            "Strict non-weight-bearing on the right leg for eight weeks after ORIF.",
            "Front-wheeled walker",
            True,
        ),
        (
            "Therapist noted poor balance on crutches; fell at home yesterday.",
            "Rolling walker",
            True,
        ),
        ("Gait antalgic, widened base, LOB with turns.", "Single-point cane", True),
        (
            "Gait normal and steady, ambulates independently without assistive device.",
            "Quad cane",
            False,
        ),
        # Another's fall is not the patient's; a need for a walking aid is not one for a bed.
        (
            "Her mother fell at home last week, and she has been staying with her.",
            "Rolling walker",
            None,
        ),
        ("Strict non-weight-bearing on the right leg for eight weeks.", "Hospital bed", None),
    ],
)
def test_a_walking_aid_is_needed_where_walking_is_impaired(
    note: str, asked: str, needed: bool | None
) -> None:
    assert read(note, asked).get("equipment_medically_needed") is needed


# --- a TENS trial in one sentence, what its log showed in the next -------------------------------


@pytest.mark.parametrize(
    "note",
    [
        "We rented a TENS unit for thirty days in August. His diary from the trial shows he "
        "used it daily and stopped the tramadol altogether.",
        "A 30-day home TENS rental was used from 03/20/2017 to 04/19/2017. At follow-up he "
        "reported walking 30 minutes at a time, up from 10 at the start of the trial.",
    ],
)
def test_a_trial_that_helped_told_apart_from_the_trial(note: str) -> None:
    assert read(note, "TENS unit purchase")["tens_trial_successful"] is True


@pytest.mark.parametrize(
    "note",
    [
        # No trial given: a plan for one, and a gain in another trial's log.
        "Plan: 30-day TENS rental trial. His pain diary shows pain 7/10 down to 4/10 on naproxen.",
        "We rented a TENS unit for thirty days. The log shows he used it twice a day.",
    ],
)
def test_no_trial_that_helped_without_both_the_trial_and_its_gain(note: str) -> None:
    assert "tens_trial_successful" not in read(note, "TENS unit purchase")


def test_a_reflex_again_decreased_is_a_reflex_change() -> None:
    assert read("The right triceps reflex was again decreased.")["reflex_change"] is True


# --- a referral to weigh a surgery: to discuss it, to evaluate the patient for it -----------------


@pytest.mark.parametrize(
    "note",
    [
        "Plan: referral to hand surgeon to discuss release; the decision is beyond primary care "
        "scope.",
        "The PTP does not perform surgery and requested a hand surgery consultation to evaluate "
        "him for release.",
        "Referral to hand surgeon to discuss carpal tunnel release.",
    ],
)
def test_a_referral_to_weigh_a_surgery_considers_it(note: str) -> None:
    values = read(note, "Consultation with hand surgeon")
    assert values["surgery_considered"] is True
    assert values["specialist_expertise_needed"] is True


@pytest.mark.parametrize("note", ["Plan: myofascial release.", "He was released to full duty."])
def test_a_release_that_is_no_surgery(note: str) -> None:
    assert "surgery_considered" not in read(note, "Consultation with hand surgeon")


@pytest.mark.parametrize(
    "note",
    [
        "Exam: L Achilles reflex absent (R 2+), L plantarflexion 4/5, decreased PP lateral L foot.",
        "Spurling negative, decreased sensation in the C6 dermatome.",
    ],
)
def test_a_result_that_closes_its_clause_does_not_negate_the_next(note: str) -> None:
    assert read(note)["sensory_deficit"] is True


@pytest.mark.parametrize(
    "note",
    [
        "Nortriptyline was started 09/2016. He sleeps six hours instead of three.",
        "Nortriptyline was started 09/2016. He is back to driving his usual local routes.",
        "Duloxetine was started 01/2017. She walks daily and has resumed cooking for her family.",
    ],
)
def test_an_activity_taken_up_again_or_longer_sleep_is_a_gain_from_the_drug(note: str) -> None:
    drug = "Nortriptyline 25 mg #30" if "Nortriptyline" in note else "Duloxetine 60 mg #30"
    assert read(note, drug)["functional_improvement"] is True


@pytest.mark.parametrize(
    "note", ["Nortriptyline was started 09/2016. He resumed taking Norco.",
             "Nortriptyline was started 09/2016. She has not resumed driving."],
)  # fmt: skip
def test_a_drug_taken_again_or_an_activity_not_resumed_is_no_gain(note: str) -> None:
    assert read(note, "Nortriptyline 25 mg #30").get("functional_improvement") is not True


# --- contractions, spoken years and plain-word counts ---------------------------------------------


@pytest.mark.parametrize(
    ("note", "name", "value"),
    [
        # A negation contracted negates as "not" does.
        ("He didn't have weakness on examination.", "motor_deficit", False),
        ("She's forty-four, has never had an ulcer or any bleeding.", "age_years", 44),
        (
            "She was injured on January 8, two thousand twenty-four.",
            "injury_date",
            date(2024, 1, 8),
        ),
    ],
)
def test_a_contraction_or_a_year_in_words_is_read(note: str, name: str, value: Any) -> None:
    assert read(note).get(name) == value


def test_a_contracted_negation_of_care_is_care_not_tried() -> None:
    values = read("He hasn't started therapy or any exercises.", "Acupuncture x 6 neck")
    assert values.get("adjunct_to_rehabilitation") is not True


def test_the_chiropractor_seen_for_so_many_manipulations() -> None:
    note = (
        "She has seen Doctor Pruett, the chiropractor, for twenty-four manipulations of the neck "
        "on this injury."
    )
    assert read(note, "Chiropractic manipulation 1x6 cervical spine")["prior_visits"] == 24


def test_a_request_the_patient_asked_about_names_no_course_given() -> None:
    note = "He asked about acupuncture, so I'm sending for twelve treatments, twice a week."
    assert read(note, "Acupuncture 2x6 cervical spine")["prior_visits"] == 0


def test_a_condition_the_patient_developed_in_the_opening_sentence_is_a_diagnosis() -> None:
    note = (
        "Mr. Sandoval is a forty-one year old meat cutter who developed complex regional pain "
        "syndrome in the right hand after a crush injury."
    )
    assert read(note, "TENS unit purchase")["diagnoses"] == ["crps"]


def test_the_knees_locking_told_by_the_patient_is_a_sign_of_derangement() -> None:
    note = 'Left knee twisted in March; she says it "locks up and I have to wiggle it loose".'
    assert read(note, "MRI left knee")["knee_derangement_signs"] is True


def test_a_finger_that_locks_is_no_sign_of_the_knees_derangement() -> None:
    note = "The right ring finger locks in flexion several times a day."
    assert read(note, "MRI left knee").get("knee_derangement_signs") is not True


@pytest.mark.parametrize(
    ("note", "neuropathic"),
    [
        (
            "Lightly stroking the skin over that strip with a cotton swab brought on the burning.",
            True,
        ),
        ("Light touch over the scar brought on the pain.", True),
        ("Light touch sensation is intact.", None),
    ],
)
def test_allodynia_told_as_the_examination_found_it(note: str, neuropathic: bool | None) -> None:
    assert read(note, "Lidoderm 5% patch #30").get("neuropathic_pain") is neuropathic


@pytest.mark.parametrize(
    "note",
    [
        "On Norco since 2015. He's walking the fence line about a mile now and doing light "
        "chores, where before he'd started it he was mostly in the recliner.",
        "On Norco since 2015. He says \"it's what lets me get out and feed the stock in the "
        'morning."',
    ],
)
def test_what_the_drug_lets_the_patient_do_now_is_a_gain(note: str) -> None:
    assert read(note, "Norco 10/325 #90")["functional_improvement"] is True


def test_a_symptom_worse_now_than_before_is_no_gain() -> None:
    note = "On Norco since 2015. The pain is worse now, where before it was mild."
    assert read(note, "Norco 10/325 #90").get("functional_improvement") is not True


@pytest.mark.parametrize(
    "note",
    [
        "He takes it just as written, and CURES shows only my prescriptions.",
        "His urine screens matched his prescriptions.",
    ],
)
def test_no_aberrant_behaviour_told_in_plain_words(note: str) -> None:
    assert read(note, "Norco 10/325 #90")["aberrant_drug_behavior"] is False


@pytest.mark.parametrize(
    ("note", "deficit"),
    [
        ("Light touch was diminished over the right lateral calf.", True),
        ("Pinprick is reduced along the lateral foot.", True),
        ("Light touch was intact.", False),
    ],
)
def test_the_sensory_test_named_first_then_its_result(note: str, deficit: bool) -> None:
    assert read(note)["sensory_deficit"] is deficit


@pytest.mark.parametrize(
    "note",
    [
        "Low back pain radiating to the calf. He has taken ibuprofen only; physical therapy was "
        "authorized but he has not yet started it.",
        "Neck pain persists. Physical therapy was authorized but she hasn't started it.",
    ],
)
def test_care_authorized_and_not_begun_has_not_failed(note: str) -> None:
    values = read(note, "Bilateral L4-5 medial branch blocks")
    assert values.get("conservative_care_failed") is not True
    assert values.get("adjunct_to_rehabilitation") is not True


@pytest.mark.parametrize(
    "note", ["He hasn't started therapy or any exercises.", "She didn't have any physical therapy."]
)
def test_a_contracted_negation_of_a_therapy_is_none_given(note: str) -> None:
    assert read(note, "Physical therapy 2x4 lumbar")["prior_visits"] == 0


@pytest.mark.parametrize(
    ("note", "asked"),
    [
        (
            "She had a course of naproxen in March and has not taken it since.",
            "Naproxen 500 mg #60",
        ),
        ("She had a course of naproxen in March and has taken none since.", "Naproxen 500 mg #60"),
        (
            "She had a 10-day course of cyclobenzaprine for a flare in 03/2017, and she has taken "
            "no muscle relaxant since.",
            "Cyclobenzaprine 5 mg #10",
        ),
    ],
)
def test_a_word_of_going_on_denied_is_no_drug_taken_now(note: str, asked: str) -> None:
    assert read(note, asked).get("drug_in_use") is not True


@pytest.mark.parametrize(
    ("note", "asked"),
    [
        ("She has taken no muscle relaxant on this claim.", "Cyclobenzaprine 5 mg #10"),
        ("He has never taken opioids.", "Tramadol 50 mg #60"),
    ],
)
def test_a_class_never_taken_is_a_first_prescription_of_it(note: str, asked: str) -> None:
    assert read(note, asked)["drug_in_use"] is False


@pytest.mark.parametrize(
    ("note", "relief"),
    [
        ('He says "without the pill the pain is eight, with it about four."', True),
        ("Her pain is an eight out of ten without the pill and a four with it.", True),
        ("Without the medicine his pain is eight out of ten; with it, four.", True),
        ("Without the pill the pain is 8, with it 7.", None),
        ("Without the brace the pain is 8, with it 4.", None),
    ],
)
def test_the_pain_without_the_medicine_set_against_the_pain_with_it(
    note: str, relief: bool | None
) -> None:
    assert read(note, "Hydrocodone/APAP 5/325 mg #60").get("medication_pain_relief") is relief


def test_a_daily_dose_in_morphine_equivalents_is_opioids_taken() -> None:
    values = read("Total 10 mg MED/day, working modified duty.", "Hydrocodone/APAP 5/325 mg #60")
    assert values["opioid_use"] is True


@pytest.mark.parametrize(
    ("note", "groups"),
    [
        (
            "Jenna has complex regional pain syndrome type I of the right wrist following a "
            "distal radius fracture.",
            ["crps", "fracture"],
        ),
        ("She has had physical therapy for her lumbar strain.", None),
        ("He has no radiculopathy.", None),
    ],
)
def test_a_condition_the_patient_has_opens_the_sentence(
    note: str, groups: list[str] | None
) -> None:
    assert read(note, "TENS unit purchase").get("diagnoses") == groups


@pytest.mark.parametrize(
    ("note", "compromise"),
    [
        ("Left S1 radiculopathy with an L5-S1 left disc herniation on MRI of 09/2015.", True),
        ("MRI of 2016 showed an L4-5 herniated disc; L5 radiculopathy.", True),
        ("MRI showed an L3-4 disc protrusion; clinically S1 radiculopathy.", None),
        ("MRI shows no disc herniation at L5-S1; S1 radiculopathy.", None),
    ],
)
def test_a_herniation_on_the_scan_at_the_level_of_the_root_corroborates_it(
    note: str, compromise: bool | None
) -> None:
    asked = "Left L5-S1 transforaminal epidural steroid injection"
    assert read(note, asked).get("imaging_nerve_compromise") is compromise


def test_a_spine_surgery_consult_the_study_decides_is_surgery_considered() -> None:
    note = "Plan: MRI, then spine surgery consult depending on findings."
    assert read(note, "MRI lumbar spine without contrast")["surgery_considered"] is True


def test_an_operation_weighed_after_seeing_a_surgeon_is_surgery_considered() -> None:
    note = (
        "If the scan shows a disc pressing on the nerve she would see a surgeon and consider an "
        "operation."
    )
    assert read(note, "MRI lumbar spine without contrast")["surgery_considered"] is True


@pytest.mark.parametrize(
    ("note", "dates"),
    [
        ("He was last tested on 03/07/2017, with results consistent.", ["2017-03-07"]),
        ("She was tested for diabetes on 03/07/2017.", None),
    ],
)
def test_a_drug_test_told_by_its_verb_and_its_result(note: str, dates: list[str] | None) -> None:
    assert read(note, "Urine drug screen x1").get("drug_test_dates") == dates


def read_on(note: str, told_on: date) -> dict[str, Any]:
    """The facts a note gives, read as of the date it is written."""
    from engine.facts import extract_note_facts

    return {f.name: f.value for f in extract_note_facts(note, FINDINGS, note_date=told_on).facts}


@pytest.mark.parametrize(
    "note, started",
    [
        ("Cumulative trauma claim, sx onset ~04/16. Dx: bilat CTS.", date(2016, 4, 15)),
        ("Numbness R hand since 6/16, no known injury.", date(2016, 6, 15)),
        ("Symptom onset: March 2016, typing all day.", date(2016, 3, 15)),
    ],
)  # fmt: skip
def test_a_start_of_symptoms_in_shorthand_months_dates_the_condition(
    note: str, started: date
) -> None:
    assert read_on(note, date(2016, 9, 21))["injury_date"] == started


@pytest.mark.parametrize(
    "note",
    [
        # Two figures that are not the note's year: a day without its year as much as a month.
        "Numbness R hand since 6/15, no known injury.",
        # A month after the note's: no start past.
        "Pain onset 11/16 per pt.",
    ],
)
def test_shorthand_months_read_only_where_both_readings_agree(note: str) -> None:
    assert "injury_date" not in read_on(note, date(2016, 9, 21))


@pytest.mark.parametrize(
    "note, weeks",
    [
        ("Tx: night splints bilat since 6/16, ibuprofen; sx persist.", 14),
        ("She has been in PT since 07/05/2016 with little change.", 11),
        ("Home exercise program since about July 2016, still sore.", 9),
    ],
)  # fmt: skip
def test_the_care_under_way_since_a_day_is_as_long_as_the_time_since(note: str, weeks: int) -> None:
    assert read_on(note, date(2016, 9, 21))["conservative_care_weeks"] == weeks


@pytest.mark.parametrize(
    "note",
    [
        "No physical therapy since 2015.",
        "She has been off the splints since 6/16.",
        "Plan: PT since 07/05/2016 authorization pending, start next week.",
    ],
)
def test_no_care_under_way_from_care_stopped_or_planned(note: str) -> None:
    assert "conservative_care_weeks" not in read_on(note, date(2016, 9, 21))


@pytest.mark.parametrize(
    "note",
    [
        "58 y/o former roofer, DOI 04/02/2009 fall from a ladder; failed back syndrome.",
        "Injured 3/1/2014 when he fell 8 feet off a scaffold; chronic low back pain since.",
    ],
)
def test_the_trauma_of_an_injury_years_ago_is_no_red_flag_now(note: str) -> None:
    assert read_on(note, date(2016, 11, 8)).get("red_flag_fracture") is not True


@pytest.mark.parametrize(
    "note",
    [
        # The same trauma in the first weeks, a fracture named, a new fall told as recent.
        "DOI 10/20/2016: fall from a ladder onto the low back.",
        "DOI 04/02/2009. L1 compression fracture on the films of 10/2016.",
        "DOI 04/02/2009. He fell from a ladder again two weeks ago, new midline pain.",
    ],
)
def test_recent_trauma_and_a_fracture_named_stay_red_flags(note: str) -> None:
    assert read_on(note, date(2016, 11, 8))["red_flag_fracture"] is True


def test_therapy_without_any_gain_is_care_that_failed() -> None:
    note = (
        "Since then he has had eight visits of therapy and done his exercises at home every day "
        "without any gain in strength."
    )
    assert read(note)["conservative_care_failed"] is True


@pytest.mark.parametrize(
    ("note", "radiating"),
    [
        ("Intermittent tingling L lat calf & top of foot for ~2 months.", True),
        ("Numbness in the right thigh since the fall.", True),
        ("Denies paresthesias of the lower extremities.", False),
        # In the hand, an entrapment at the wrist is felt as much as a root.
        ("Tingling in the right thumb and index finger at night.", None),
    ],
)
def test_a_nerves_symptoms_felt_down_the_limb_radiate(note: str, radiating: bool | None) -> None:
    assert read(note).get("radiating_pain") is radiating


@pytest.mark.parametrize(
    ("note", "value"),
    [
        ("No personal or family hx of substance use, no psychiatric hx.", False),
        # Use told is a risk factor for the screening, not the behaviour.
        ("Hx of substance use in his twenties.", None),
    ],
)
def test_substance_use_denied_is_no_aberrant_behaviour(note: str, value: bool | None) -> None:
    assert read(note).get("aberrant_drug_behavior") is value


def test_an_oral_nsaid_that_caused_dyspepsia_is_not_tolerated() -> None:
    note = "Naproxen 500 mg BID for six weeks caused dyspepsia and epigastric burning, stopped 11/2016."
    assert read(note)["oral_medication_not_tolerated"] is True


def test_a_pain_specialist_asked_to_direct_a_taper_has_a_reason() -> None:
    note = "OxyContin 30 mg BID and oxycodone IR 10 mg QID since 2014; two attempts to cut failed."
    asked = "Consultation with pain management specialist for opioid taper"
    assert read(note, asked)["specialist_expertise_needed"] is True
    assert "specialist_expertise_needed" not in read(note, "Consultation with pain management")


@pytest.mark.parametrize(
    ("note", "done"),
    [
        ("Cervical x-rays showed mild spondylosis; no cervical MRI or prior electrodiagnostic "
         "study has been done.", None),
        ("She had an EMG in 2015 that was normal.", True),
        ("He has never had an EMG.", None),
    ],
)  # fmt: skip
def test_an_earlier_study_denied_in_a_list_is_none_done(note: str, done: bool | None) -> None:
    assert read(note, "EMG/NCV right upper extremity").get("prior_electrodiagnostics") is done


def test_a_drugs_relief_told_against_the_score_before_it_and_now() -> None:
    note = "Gabapentin started 09/2016. Pain 8/10 before gabapentin and 4/10 now."
    assert read(note, "Gabapentin 300 mg #90")["medication_pain_relief"] is True


def test_an_oral_nsaid_stopped_when_the_kidneys_or_blood_pressure_suffered() -> None:
    note = (
        "Oral naproxen was stopped 09/2017 when her blood pressure rose to 158/96 and creatinine "
        "went from 0.9 to 1.3."
    )
    assert read(note)["oral_medication_not_tolerated"] is True


def test_symptoms_that_came_on_with_their_date_date_the_condition() -> None:
    note = (
        "Per the records, the injured worker is a 34-year-old female dental hygienist who "
        "developed neck and right upper trapezius pain on 08/03/2016 after a long procedure day."
    )
    assert read(note)["injury_date"] == date(2016, 8, 3)


@pytest.mark.parametrize(
    "note, request_line, weeks",
    [
        # The date after "since" in a hedge or a month and year; "since then" points back to it.
        (
            "Trouble falling asleep since ~Oct 2016, taking diphenhydramine 50 mg qhs nightly "
            "since then.",
            "Diphenhydramine 50 mg #30",
            30,
        ),
        ("Has been on gabapentin 300 mg TID since about March 2017.", "Gabapentin 300 mg #90", 8),
        # The brand taken is the drug asked for by its generic name.
        (
            "Has been taking OTC Benadryl 50 mg nightly for about 8 months.",
            "Diphenhydramine 50 mg",
            35,
        ),
        ("Takes Ambien 10 mg qhs since 01/02/2017.", "Zolpidem 10 mg #30", 19),
    ],
)
def test_how_long_a_drug_has_been_taken_is_counted_to_the_day_checked(
    note: str, request_line: str, weeks: int
) -> None:
    """A note with no date of its own is the one checked, on the day it is checked."""
    facts = note_values(note, FINDINGS, VOCABULARY, request_line, date(2017, 5, 16))
    assert facts["drug_in_use"] is True
    assert facts["drug_use_weeks"] == weeks


@pytest.mark.parametrize(
    "note, visits",
    [
        ("She has completed 4 of 4 authorized individual CBT sessions 09/20-10/18/16.", 4),
        ("Completed 6 sessions of cognitive behavioral therapy with a home program.", 6),
        ("CBT x 6 with little change.", 6),
    ],
)
def test_psychotherapy_visits_are_counted_apart_from_physical_therapy(
    note: str, visits: int
) -> None:
    facts = read(note, "CBT 4 additional sessions")
    assert facts["prior_visits"] == visits
    assert "prior_pt_visits" not in facts


def test_gains_since_cbt_began_are_its_functional_improvement() -> None:
    note = (
        "She has completed 4 of 4 authorized individual CBT sessions. Since starting CBT: "
        "returned to modified duty at 4 hrs/day; sitting tolerance up from 20 to 45 min."
    )
    assert read(note, "CBT continued, 4 additional sessions")["functional_improvement"] is True


@pytest.mark.parametrize(
    "note, weeks",
    [
        ("CBT started 02/28/17, six weekly sessions completed through 04/04/17.", 7),
        ("She has had 8 weeks of CBT.", 8),
        ("Individual CBT for two months, weekly.", 9),
        ("Six weekly CBT sessions completed.", 6),
    ],
)
def test_how_long_cbt_has_gone_on(note: str, weeks: int) -> None:
    facts = note_values(note, FINDINGS, VOCABULARY, "Biofeedback 4 sessions", date(2017, 4, 18))
    assert facts["cbt_weeks"] == weeks


def test_cbt_only_planned_has_gone_on_no_weeks() -> None:
    facts = note_values(
        "Plan: start CBT 1x/wk x 6 weeks.", FINDINGS, VOCABULARY, "Biofeedback 4", date(2017, 4, 18)
    )
    assert "cbt_weeks" not in facts


@pytest.mark.parametrize(
    "note",
    [
        "Six PT visits for the neck, a night wrist splint for four weeks and naproxen: neck pain "
        "6 -> 4/10, hand numbness unchanged.",
        "Treatment has included 8 PT visits, with improvement in the back pain but not the leg "
        "symptoms.",
    ],
)
def test_some_symptoms_better_and_others_not_is_care_that_left_them(note: str) -> None:
    """What the care left is what the study is for: the gain is not of it."""
    facts = read(note, "EMG/NCS of the left lower extremity")
    assert facts["conservative_care_failed"] is True
    assert "symptoms_improving" not in facts


def test_a_gain_told_whole_is_still_improving() -> None:
    facts = read("Eight PT visits have helped; pain 6/10 -> 3/10.", "EMG left lower extremity")
    assert facts["symptoms_improving"] is True


@pytest.mark.parametrize(
    "note, radiating",
    [
        ("Low back pain with intermittent aching into the left buttock and lateral calf.", True),
        ("Neck pain with symptoms down her arm.", True),
        # A buttock alone is no limb.
        ("Low back pain into the left buttock.", None),
    ],
)
def test_pain_told_as_reaching_into_a_limb_radiates(note: str, radiating: bool | None) -> None:
    assert read(note).get("radiating_pain") is radiating


@pytest.mark.parametrize(
    "note, met",
    [
        (
            "The knee swelled within a couple of hours; he has not been able to put weight on it.",
            True,
        ),
        ("Exam: knee effusion, flexion limited to 70 deg by pain and swelling.", True),
        ("The hip had flexion of 50 to 79 degrees.", None),
        ("Unable to take four steps unassisted after the fall onto the kneecap.", True),
        ("Knee flexion 0-120, no effusion, able to bear weight.", None),
        ("Walked in without a limp; full flexion to 135.", None),
    ],
)
def test_the_knee_trauma_criteria_for_radiographs(note: str, met: bool | None) -> None:
    assert read(note, "X-ray left knee").get("knee_trauma_xray_criteria") is met


@pytest.mark.parametrize(
    "note",
    [
        "A separate 2021 claim (R distal radius fracture, other employer) used 24 PT visits; no "
        "PT yet on this claim.",
        "He used up his 24 therapy visits on an earlier shoulder claim, but has had no therapy "
        "for this knee.",
    ],
)
def test_visits_of_another_claim_are_not_this_ones(note: str) -> None:
    assert read(note, "Physical therapy 2x4 lumbar").get("prior_visits") in (0, None)


def test_visits_on_this_claim_are_counted_beside_another_claim_named() -> None:
    note = "Twelve PT visits on this claim so far; a prior claim is closed."
    assert read(note, "Physical therapy 2x4 lumbar")["prior_visits"] == 12


@pytest.mark.parametrize(
    "note",
    [
        "On warfarin since a DVT in 2015; his PCP has told him no oral NSAIDs.",
        "No oral NSAIDs given his warfarin.",
        "Cardiology advised her to avoid oral anti-inflammatories after the stent.",
    ],
)
def test_a_physicians_word_against_oral_nsaids_is_why_the_oral_form_will_not_do(
    note: str,
) -> None:
    assert read(note, "Diclofenac 1% gel 100 g")["oral_medication_not_tolerated"] is True


def test_oral_nsaids_not_tried_is_no_reason_against_them() -> None:
    assert "oral_medication_not_tolerated" not in read(
        "No oral NSAIDs tried yet.", "Diclofenac gel"
    )


def test_a_reason_after_what_it_rules_out_is_not_negated() -> None:
    assert read("No oral NSAIDs given his warfarin.", "Diclofenac gel")["gi_risk_factors"] is True


@pytest.mark.parametrize(
    "note, authorized",
    [
        ("Carrier letter dated 08/18/2026 authorizes in writing up to 8 more PT visits.", True),
        (
            "No written authorization from the carrier for visits beyond the statutory number is "
            "on file.",
            False,
        ),
        # Utilization review's authorization of more visits is no waiver of the cap.
        ("The adjuster authorized 6 additional PT visits on 3/2.", None),
    ],
)
def test_the_employers_written_authorization_beyond_the_cap(
    note: str, authorized: bool | None
) -> None:
    facts = read(note, "Physical therapy 2x4 elbow")
    assert facts.get("employer_authorized_beyond_cap") is authorized


def test_courses_added_up_in_all() -> None:
    note = (
        "PT to date on this claim: 12 visits for the shoulder (06-09/2024) and 10 for the elbow "
        "(10/2025-01/2026), 22 in all."
    )
    assert read(note, "Physical therapy 2x4 elbow")["prior_visits"] == 22


@pytest.mark.parametrize(
    "note, done",
    [
        ("She underwent RFA at L4-5 and L5-S1 on 06/14/2016 with 70% relief for 7 months.", True),
        ("Prior RFA helped 60% for 5 months.", True),
        ("No prior rhizotomy.", False),
        ("Plan: bilateral L4-5 RFA.", None),
        ("She has had a medial branch block with 80% relief and is a candidate for RFA.", None),
        # A request for authorization is no ablation.
        ("It is noted that the date of injury on the RFA is 11/1/16.", None),
    ],
)
def test_a_neurotomy_already_done(note: str, done: bool | None) -> None:
    assert read(note, "Radiofrequency ablation L4-5").get("prior_neurotomy") is done


@pytest.mark.parametrize(
    "note, tried",
    [
        ("Norco was tapered from 8 to 6 tablets a day in January.", True),
        ("She cut back her Norco from 4 to 2 a day.", True),
        ("No attempt to wean the oxycodone has been made.", False),
        ("Plan: taper Norco by 10% a month.", None),
        # Another drug's taper.
        ("Prednisone taper completed.", None),
    ],
)
def test_an_opioid_wean_already_tried(note: str, tried: bool | None) -> None:
    assert read(note, "Norco 10/325 #120").get("opioid_wean_attempted") is tried


@pytest.mark.parametrize(
    "note, seen",
    [
        ("He was seen by pain management in 2016 for his oxycodone.", True),
        ("Referral to a pain specialist requested.", None),
    ],
)
def test_a_pain_specialist_already_seen(note: str, seen: bool | None) -> None:
    assert read(note, "Oxycodone 30 mg #120").get("pain_specialist_consult") is seen


@pytest.mark.parametrize(
    "note",
    [
        # The therapy named three sentences before: too far to follow up, so, in a note for
        # the therapy, of the therapy requested.
        "Chiropractic re-exam, D.C. 41 y/o delivery driver. Plan of care is lumbar HVLA "
        "manipulation with core exercise. Six visits completed 02/20-03/10/17.",
        # A count in words.
        "Six visits completed.",
    ],
)
def test_visits_counted_far_from_the_therapy_are_the_requested_ones(note: str) -> None:
    assert read(note, "Chiropractic manipulation lumbar 1x4")["prior_visits"] == 6


@pytest.mark.parametrize(
    "note",
    [
        "Today tearful, says he can't see the point, sleeps 4 h.",
        "Reports anhedonia and feels hopeless about returning to work.",
    ],
)
def test_depression_told_by_its_signs(note: str) -> None:
    assert read(note, "Psychological evaluation")["depression"] is True


@pytest.mark.parametrize(
    "note, failed",
    [
        ("Strengthening program has plateaued with no measurable gains.", True),
        ("Completed 8 PT visits with HEP and meloxicam: pain somewhat better, strength not.", True),
        ("Strength not tested due to pain.", None),
    ],
)
def test_a_strengthening_program_that_stalled(note: str, failed: bool | None) -> None:
    assert read(note, "MRI right shoulder").get("strengthening_program_failed") is failed


def test_pain_better_and_strength_not_is_no_improving() -> None:
    facts = read(
        "Completed 8 PT visits with HEP and meloxicam: pain somewhat better, strength not.",
        "MRI right shoulder",
    )
    assert "symptoms_improving" not in facts


def test_the_total_a_course_brings_the_visits_to() -> None:
    note = (
        "A third course of six visits was completed in 2025, bringing his total physical "
        "therapy on this claim to 24 visits."
    )
    assert read(note, "Physical therapy 2x4 lumbar")["prior_visits"] == 24


def test_drugs_tolerated_neither_of_them() -> None:
    facts = read("She tolerated neither naproxen nor tramadol.", "Acupuncture 6 visits")
    assert facts["pain_medication_reduced_or_not_tolerated"] is True


@pytest.mark.parametrize(
    "note, homebound",
    [
        ("At discharge he needed wheelchair van transport to leave the house.", True),
        ("He cannot leave the house without his wife.", True),
        ("She cannot leave the house for long because of the kids.", None),
        ("She needs to leave the house for work.", None),
    ],
)
def test_what_it_takes_to_leave_the_house(note: str, homebound: bool | None) -> None:
    assert read(note, "Home health nursing 3x6").get("homebound") is homebound


@pytest.mark.parametrize(
    "note",
    [
        "Options discussed incl. C6 selective root block or C5-6 ACDF depending on what the MRI "
        "shows.",
        "Surgery will be decided awaiting the MRI.",
    ],
)
def test_a_study_awaited_is_none_done(note: str) -> None:
    assert "prior_imaging" not in read(note, "MRI cervical spine")


def test_a_fusion_named_by_its_approach_refused_is_the_surgery_refused() -> None:
    note = (
        "L4-5 TLIF requested in March was non-certified by UR on 04/11/17; the IMR "
        "determination dated 05/19/17 upheld that decision."
    )
    assert read(note, "Assistant surgeon for L4-5 TLIF")["procedure_certified"] is False


@pytest.mark.parametrize(
    "note, radiating",
    [
        ("R leg pain 8/10, worse than his back.", True),
        ("Low back pain with left leg pain.", True),
        ("Leg pain after the knee injury.", None),
    ],
)
def test_leg_pain_beside_the_back_radiates(note: str, radiating: bool | None) -> None:
    assert read(note, "MRI lumbar spine").get("radiating_pain") is radiating


def test_a_fusion_named_by_its_approach_is_the_surgery_therapy_follows() -> None:
    facts = read("Post-op visit, 6 weeks after L4-5 TLIF on 03/10/2026.", "Post-op PT 2x6 lumbar")
    assert facts["surgery_type"] == "TLIF"


@pytest.mark.parametrize(
    "note",
    [
        "Twisted the R knee; accepted dx R knee sprain with aggravation of medial compartment OA.",
        "Dx R knee sprain and medial compartment OA.",
    ],
)
def test_diagnoses_after_the_shorthand_without_a_colon(note: str) -> None:
    assert read(note, "Naproxen 500 mg #60")["diagnoses"] == ["sprain_strain", "arthritis"]


def test_what_the_regimen_lets_the_patient_do_is_the_drugs_gain() -> None:
    note = (
        "Current meds: Norco 10/325 TID PRN. Pain 8/10 without meds, 4/10 with. On this regimen "
        "he walks 30 min daily and does the grocery shopping."
    )
    assert read(note, "Norco 10/325 #90")["functional_improvement"] is True


@pytest.mark.parametrize(
    "note, status",
    [
        ("He has worked modified duty since 02/2017 (off work all of 2016).", "modified_duty"),
        ("Off work until 02/2017, now full duty.", "full_duty"),
    ],
)
def test_a_work_status_of_a_past_year_is_not_the_one_now(note: str, status: str) -> None:
    assert read(note)["work_status"] == status


def test_an_opioid_not_yet_taken_with_none_other_named_starts_opioids() -> None:
    note = (
        "Acetaminophen 1 g TID little effect; naproxen stopped for dyspepsia. Plan: start "
        "tramadol 50 mg at the lowest dose."
    )
    facts = read(note, "Tramadol 50 mg #60")
    assert facts["drug_in_use"] is False
    assert facts["opioid_use"] is False


def test_another_opioid_taken_is_opioid_use_whatever_the_drug_asked() -> None:
    facts = read("Takes Norco 10/325 BID. Plan: start tramadol ER.", "Tramadol ER 100 mg #30")
    assert facts["opioid_use"] is True


def test_working_since_a_date_is_a_return_to_work() -> None:
    note = (
        "Takes tramadol 50 mg TID. Since 02/2017 she works her regular 6-hour shifts and walks "
        "the dog daily."
    )
    assert read(note, "Tramadol 50 mg #90")["functional_improvement"] is True


def test_a_physicians_note_that_says_no_oral_nsaids() -> None:
    note = "His PCP's note of 09/2016 says no oral NSAIDs."
    assert read(note, "Diclofenac 1% gel")["oral_medication_not_tolerated"] is True


def test_leaving_home_a_major_effort_with_help() -> None:
    note = "Leaving home takes a neighbor's help and is a major effort."
    assert read(note, "Home health aide 4 hrs/day")["homebound"] is True


@pytest.mark.parametrize(
    "note, improved",
    [
        ("Six acupuncture sessions given. Back at modified work since 07/20.", True),
        ("Six acupuncture sessions given. Restriction raised to six patients a day.", True),
        ("Six acupuncture sessions given. Cyclobenzaprine stopped.", True),
        ("Six acupuncture sessions given. Cyclobenzaprine stopped for dizziness.", None),
    ],
)
def test_gains_told_in_a_record_summarys_words(note: str, improved: bool | None) -> None:
    facts = read(note, "Acupuncture 1x6 additional")
    assert facts.get("functional_improvement") is improved


def test_the_operative_reports_date_is_the_surgerys() -> None:
    note = (
        "Per the operative report of 05/05/2026, the applicant underwent left knee arthroscopic "
        "partial medial meniscectomy."
    )
    assert read(note, "Post-op PT 2x3 left knee")["surgery_date"] == date(2026, 5, 5)


def test_symptoms_if_anything_more_constant_after_care_persist() -> None:
    note = (
        "She has worn the wrist splint every night for six weeks and taken ibuprofen, and the "
        "numbness is if anything more constant."
    )
    assert read(note, "NCS right upper extremity")["conservative_care_failed"] is True


def test_what_the_doctor_thinks_worth_trying_is_asked_not_given() -> None:
    note = (
        "She finished eight physical therapy visits in the fall. I think a short course of "
        "spinal manipulation is worth trying, with the chiropractor to use manipulation."
    )
    assert read(note, "Chiropractic manipulation 3x2 low back")["prior_visits"] == 0


@pytest.mark.parametrize(
    "sentence",
    [
        "Now sits through a full shift and drove 45 min to his daughter's house, neither "
        "possible in March.",
        "Tramadol 50 mg cut from three a day to one at bedtime.",
        "Work status changed 04/30/26 from 10-lb to 25-lb lifting limit.",
    ],
)
def test_gains_told_in_a_soap_notes_words(sentence: str) -> None:
    note = "Completed six acupuncture sessions 03/24-04/28/26. " + sentence
    assert read(note, "Acupuncture additional 6 sessions")["functional_improvement"] is True


def test_visits_summed_with_their_unit_before_total() -> None:
    note = (
        "PT log on this claim: 12 visits 03-05/2025 and 8 visits 01-02/2026, twenty visits total."
    )
    assert read(note, "Physical therapy 2x3 right shoulder")["prior_visits"] == 20


def test_the_date_of_surgery_as_notes_head_it() -> None:
    note = "DOS 03/05/2026: arthroscopic partial medial meniscectomy for a posterior horn tear."
    assert read(note, "Post-op PT 2x3 left knee")["surgery_date"] == date(2026, 3, 5)


def test_a_joint_scoped_on_a_date_with_the_procedure_named_after() -> None:
    note = (
        "Mrs. P. had her right shoulder scoped on February 8th by Dr. L.: arthroscopic "
        "subacromial decompression with shaving of the acromion."
    )
    facts = note_values(
        note, FINDINGS, VOCABULARY, "Post-op PT right shoulder 2x6", date(2017, 2, 20)
    )
    assert facts["surgery_date"] == date(2017, 2, 8)
    assert "subacromial decompression" in facts["surgery_type"]


def test_a_herniation_pushing_on_the_root_compromises_it() -> None:
    note = "The MRI shows a disc herniation at L5-S1 pushing on the left S1 nerve root."
    assert read(note, "Left L5-S1 TFESI")["imaging_nerve_compromise"] is True


def test_pain_without_and_with_it_told_in_words() -> None:
    note = (
        "He takes one hydrocodone 5/325 in the morning and one at bedtime. Without it his pain is "
        "about seven out of ten and with it about four."
    )
    assert read(note, "Norco 5/325 #60")["medication_pain_relief"] is True


def test_pain_told_as_then_and_now() -> None:
    note = (
        "We started gabapentin 300 mg three times a day on February 7th. The leg pain was eight "
        "out of ten then and is four now."
    )
    assert read(note, "Gabapentin 300 mg #90")["medication_pain_relief"] is True


@pytest.mark.parametrize(
    "note, neuropathic",
    [
        (
            "The pain runs down the outside of the right leg to the top of the foot. The MRI "
            "showed a disc bulge touching the right L5 nerve root.",
            True,
        ),
        # Pain to the legs does not come from a cervical root.
        (
            "The pain radiates to the lower extremities. A cervical spine MRI shows nerve root "
            "compression at C5-6.",
            None,
        ),
    ],
)
def test_radiating_pain_with_its_root_compromised_on_imaging_is_neuropathic(
    note: str, neuropathic: bool | None
) -> None:
    assert read(note, "Gabapentin 300 mg #90").get("neuropathic_pain") is neuropathic


def test_courses_counted_one_by_one_then_the_total() -> None:
    note = (
        "He had twelve therapy visits in the fall of 2023, eight in the spring of 2024 and four "
        "last summer, twenty-four in all."
    )
    assert read(note, "Physical therapy 2x4 right shoulder")["prior_visits"] == 24


@pytest.mark.parametrize(
    "note, operated",
    [
        ("L ACL reconstruction with BTB autograft 10/20/2026 by this surgeon.", date(2026, 10, 20)),
        (
            "ORIF with a lateral locking plate 07/01/2017 by Dr. Ames of this office.",
            date(2017, 7, 1),
        ),
    ],
)
def test_a_surgery_dated_with_its_surgeon_after(note: str, operated: date) -> None:
    facts = read(note, "Post-op PT 3x4 knee")
    assert facts["surgery_date"] == operated


def test_a_locking_plate_is_no_knee_locking() -> None:
    note = "ORIF of the distal femur with a lateral locking plate; knee flexion 0-85."
    assert "knee_mechanical_symptoms" not in read(note, "Post-op PT 3x4 R knee")


def test_a_written_agreement_to_allow_therapy_beyond_the_cap() -> None:
    note = (
        "Claims administrator's letter of 03/30/2026 agrees in writing to allow physical therapy "
        "beyond the statutory 24 visits on this claim."
    )
    assert (
        read(note, "Physical therapy 2x3 right shoulder")["employer_authorized_beyond_cap"] is True
    )


def test_the_generics_reaction_told_with_its_makers_between() -> None:
    note = (
        "Generic pregabalin from two different manufacturers (08/2025 and 10/2025) each produced "
        "generalized hives within 48 hours."
    )
    assert read(note, "Lyrica 75 mg BID #60 DAW")["brand_necessity_documented"] is True


def test_an_nsaid_stopped_after_the_harm_it_did() -> None:
    note = (
        "Naproxen 500 mg BID started 08/31; by the third week he had epigastric burning and "
        "stopped it 09/20."
    )
    assert read(note, "Diclofenac 1% gel 100 g")["oral_medication_not_tolerated"] is True


@pytest.mark.parametrize(
    "note, request_line, name",
    [
        # Relief short of whole is no symptom left.
        (
            "Low back pain improved with 8 PT visits but not pain free.",
            "MRI lumbar",
            "conservative_care_failed",
        ),
        (
            "He required no assistance to leave the home and drives to his appointments.",
            "Home health aide",
            "homebound",
        ),
        ("She needs her cane to leave the house.", "Home health aide", "homebound"),
        ("Prednisone was tapered; med list reviewed.", "Norco 10/325 #90", "opioid_wean_attempted"),
        (
            "No oral NSAIDs on his medication list.",
            "Diclofenac 1% gel",
            "oral_medication_not_tolerated",
        ),
        (
            "He completed 6 weekly sessions; cognitive complaints persist.",
            "Biofeedback 4 sessions",
            "cbt_weeks",
        ),
        ("Strength not affected.", "MRI right shoulder", "strengthening_program_failed"),
        (
            "MRI: the disc is nearly touching the S1 root.",
            "Left L5-S1 TFESI",
            "imaging_nerve_compromise",
        ),
    ],
)
def test_wordings_that_only_look_like_the_new_readings(
    note: str, request_line: str, name: str
) -> None:
    assert read(note, request_line).get(name) in (None, False)


@pytest.mark.parametrize(
    "note, count",
    [
        ("24 PT visits and other treatment this claim.", 24),
        ("PT was worth trying and she completed 8 visits.", 8),
    ],
)
def test_visits_of_this_claim_told_beside_lookalike_words(note: str, count: int) -> None:
    assert read(note, "Physical therapy 2x3 lumbar")["prior_visits"] == count


def test_a_date_of_service_heading_a_follow_up_is_no_surgery_date() -> None:
    note = "DOS 03/05/2026: follow-up, status post arthroscopic partial medial meniscectomy."
    assert "surgery_date" not in read(note, "Post-op PT 2x3 left knee")


def test_an_mri_reviewed_is_one_done() -> None:
    assert read("We reviewed what the MRI showed.", "MRI lumbar spine")["prior_imaging"] is True


@pytest.mark.parametrize(
    "note, request_line, expected",
    [
        # A therapy's count set off by a comma; not a frequency.
        ("BMI 43. Land PT, 10 visits 04-06/2025, was stopped for pain.", "Aquatic therapy 2x4",
         {"prior_visits": 10}),
        ("Acupuncture 6 of 6 done 02/23/26-03/27/26.", "Acupuncture x6 additional",
         {"prior_visits": 6}),
        # Relief from a joint injection that ended, in a knee note ("back" is no spine here).
        ("Aspiration and triamcinolone 40 mg on 11/16/2016 gave about three weeks of relief, "
         "then back to baseline.", "Synvisc-One L knee", {"failed_steroid_injection": True}),
        # The symptoms' length with the care tried through it.
        ("Symptoms for over three years despite two PT courses, HEP and naproxen.",
         "Synvisc-One L knee", {"conservative_care_weeks": 156}),
        ("She has left leg nerve pain since November.", "TENS unit 30-day trial",
         {"neuropathic_pain": True}),
        ("Ache 6/10, worse after the route.", "Naproxen 500 mg #60", {"pain_score": 6}),
        ("Burning L calf pain 8/10 before -> 4/10 now on gabapentin.", "Gabapentin 600 mg #90",
         {"pain_score": 4}),
        # A surgery told by the time since it, dated from the note's day.
        ("POD 12: sling off, pain 4/10.", "Post-op PT R shoulder 2x6",
         {"surgery_date": date(2026, 11, 23)}),
        ("He is 6 weeks post-op from a R shoulder arthroscopic subacromial decompression.",
         "Post-op PT R shoulder 2x6", {"surgery_date": date(2026, 10, 24)}),
        ("Arthroscopic partial medial meniscectomy by Dr. Feld 11/03/2026.",
         "Post-op PT L knee 2x3", {"surgery_date": date(2026, 11, 3)}),
        ("Work status: modified, no lifting > 25 lb.", "Functional capacity evaluation",
         {"work_status": "modified_duty"}),
        ("Returned to regular duty 04/10/17, off again 04/21 with pain.",
         "Functional capacity evaluation", {"return_to_work_failed": True}),
        ("46 y/o bus mechanic, chronic L S1 radiculopathy w/ LBP.", "TENS unit 30-day trial",
         {"neuropathic_pain": True}),
        ("Chronic L S1 radiculopathy w/ LBP.", "TENS unit 30-day trial",
         {"neuropathic_pain": True}),
        ("No antidepressant or AED trial to date.", "Nortriptyline 10 mg #30",
         {"drug_in_use": False}),
        ("No antidepressant or AED trial to date.", "Gabapentin 300 mg #90",
         {"drug_in_use": False}),
        ("Ibuprofen 800 down from nightly to about twice a week.", "Acupuncture x6 additional",
         {"pain_medication_reduced_or_not_tolerated": True}),
        ("Generic duloxetine 60 mg (manufacturer A) 06/2025: generalized urticaria on day 4.",
         "Cymbalta 60 mg #30 DAW", {"brand_necessity_documented": True}),
        ("EHL 4-/5 on the left.", "EMG left leg", {"motor_deficit": True}),
        # What a study is ordered to look for, with the films' own result beside it.
        ("Plan: bone scan to look for a 2nd MT stress fx since two sets of films are negative.",
         "Nuclear bone scan L foot", {"stress_fracture_suspected": True}),
        ("Burning and tingling along the plantar foot, worse at night.", "Nortriptyline 10 mg #30",
         {"neuropathic_pain": True}),
        ("Not clear how much is tarsal tunnel, diabetic polyneuropathy or the old L5-S1 level.",
         "Neurology consultation", {"diagnosis_uncertain_or_complex": True}),
        ("In a PT desensitization and graded weight-bearing program, 14 visits so far.",
         "Physical therapy 2x4 additional", {"prior_visits": 14}),
        ("In a PT desensitization program, 14 visits so far.", "TENS unit 30-day rental",
         {"adjunct_to_rehabilitation": True}),
        ("S/p L modified Brostrom lateral ligament reconstruction 05/27/2026 (Dr. Nguyen).",
         "Post-op PT L ankle 2x4", {"surgery_type": "reconstruction"}),
        ("Started individual CBT 10/10/2026; six weekly sessions done.",
         "Biofeedback 4 sessions", {"cbt_weeks": 8}),
        ("Working full time, modified (no patient transfers) since 01/2026.", "Tramadol 50 mg #60",
         {"work_status": "modified_duty"}),
        ("PHQ-9 = 16; no suicidal ideation.", "Sertraline 50 mg #30", {"depressive_disorder": True}),
        ("Psychiatry: major depressive disorder, single episode, moderate.", "Sertraline 50 mg #30",
         {"depressive_disorder": True}),
        ("Home is a two-story house whose only bathroom is upstairs; PT says no stairs until "
         "cleared.", "3-in-1 bedside commode, purchase", {"equipment_medically_needed": True}),
        ("She cannot use a standard-height toilet within her hip precautions.",
         "Bedside commode", {"equipment_medically_needed": True}),
        ("He needs his wife's help on the six entry steps.", "Home health RN 3x/wk x 3 wks",
         {"homebound": True}),
        ("He has left the house only for clinic, by wheelchair van.", "Home health RN 3x/wk x 3 wks",
         {"homebound": True}),
        ("IRF team conference, day 12.", "Inpatient rehabilitation facility, 7 additional days",
         {"inpatient_rehab_days_completed": 12}),
        ("Transferred to the SNF on 11/16 and has now been there 18 days.",
         "Skilled nursing facility 10 additional days",
         {"inpatient_rehab_days_completed": 18}),
        ("S/p arthroscopic R rotator cuff repair with SAD 04/12/26.", "Post-op PT R shoulder 2x6",
         {"surgery_date": date(2026, 4, 12)}),
        ("Arthroscopic partial lateral meniscectomy done February 17, 2026.",
         "Post-op PT L knee 2x3", {"surgery_date": date(2026, 2, 17)}),
        ("Sixty one year old carpet installer, cumulative trauma claim, bilateral knee "
         "osteoarthritis.", "Naproxen 500 mg #60", {"diagnoses": ["arthritis"]}),
        # Visits a review tells as certified and then done, or as the therapy's notes count them.
        ("UR certified six post-op PT visits on 02/27/2026, completed 03/03/2026-03/27/2026.",
         "Post-op PT right knee 2x3 (6 additional visits)", {"postsurgical_visits_completed": 6}),
        ("UR certified six acupuncture sessions on 03/11/2026; the acupuncturist's notes show six "
         "sessions 03/16/2026-04/17/2026.", "Acupuncture lumbar 2x3, additional 6 sessions",
         {"prior_visits": 6}),
        ("Gabapentin 600 mg TID continues; the relief has held at about half.",
         "Gabapentin 600 mg #90", {"medication_pain_relief": True}),
        ("She has had no physical or occupational therapy on this claim.",
         "Physical therapy cervical 2x3", {"prior_visits": 0}),
        ("Completed eight OT visits. Back at work light duty since 01/30, was off work before "
         "therapy.", "Occupational therapy R hand 2x4, additional", {"functional_improvement": True}),
        ("Six post-op PT visits completed 03/03/2026-03/27/2026. Since the post-op PT he moved "
         "from TTD to modified duty and stopped hydrocodone.",
         "Post-op PT right knee 2x3 (6 additional visits)", {"functional_improvement": True}),
        # An uncertainty cue for what a study looks for is not one for the examination after
        # it.
        ("Examined to assess for radiculopathy: positive straight leg raise on the right at 40 "
         "degrees.", "MRI lumbar spine", {"positive_straight_leg_raise": True}),
        # A first-step analgesic that does too little, in plain words.
        ('Pt states "the Tylenol does nothing now."', "Naproxen 500 mg #60",
         {"non_opioid_analgesics_failed": True}),
        ("Ibuprofen no longer helps the knee.", "Naproxen 500 mg #60",
         {"non_opioid_analgesics_failed": True}),
        ("Acetaminophen wasn't enough for the flare.", "Naproxen 500 mg #60",
         {"non_opioid_analgesics_failed": True}),
        # A weight run over the hand, with a sign of a broken bone.
        ("A loaded pallet jack rolled over the back of his R hand; point tenderness over the 4th "
         "metacarpal shaft.", "X-ray right hand, 3 views",
         {"fracture_or_foreign_body_suspected": True}),
        # The fracture fixed, what it was fixed with, then the date.
        ("S/p ORIF R 5th metacarpal shaft fx (plate/screws) 12/06/2016, Dr. Okafor.",
         "Post-op OT right hand 2x4", {"surgery_date": date(2016, 12, 6)}),
        # Visits under a heading, of the therapy the note was written for.
        ("Visits: 8 of 8 authorized attended, 12/21/16 - 02/03/17.",
         "Occupational therapy R hand 2x4, additional", {"prior_visits": 8}),
        # Those visits begun after the surgery are its post-operative course.
        ("Hand therapy progress report, R hand. 29 y/o M loader. S/p ORIF R 5th metacarpal "
         "shaft fx (plate/screws) 12/06/2016, Dr. Okafor. Visits: 8 of 8 authorized attended, "
         "12/21/16 - 02/03/17.", "Post-op OT right hand 2x4, additional",
         {"postsurgical_visits_completed": 8}),
        # "P&S" is permanent and stationary.
        ("Expects to declare him P&S in the next 1-2 months.", "Functional capacity evaluation",
         {"near_mmi": True}),
        ("Released to full duty 07/17/2017; lasted three shifts, could not grip the handles, back "
         "to modified duty 07/24.", "Functional capacity evaluation",
         {"return_to_work_failed": True}),
        ("L elbow films 02/2017 and 09/2017: normal, no calcification.", "MRI left elbow",
         {"plain_films_nondiagnostic": True}),
        ("The surgeon wants the MRI to look for a partial common extensor tear.", "MRI left elbow",
         {"specific_lesion_suspected": True}),
        ("Gabapentin 300 mg TID, nortriptyline 25 mg qhs (partial benefit); pain 6/10 limits "
         "grasp.", "TENS unit 30-day trial", {"conservative_care_failed": True}),
        # Relief and function told against the drug, in a telephone visit's words.
        ("Patient states pain 7/10 without meds and 3-4/10 about an hour after a dose.",
         "Norco 10/325 mg #90", {"medication_pain_relief": True}),
        ("Patient states average pain 5/10 on meds vs 8/10 when a dose is late.",
         "Oxycodone 15 mg #90", {"medication_pain_relief": True}),
        ("On gabapentin 600 TID since 12/2016; he has gone from 15 to 45 minutes of walking.",
         "Gabapentin 600 mg #90", {"functional_improvement": True}),
        ("On gabapentin 600 TID since 12/2016; hydrocodone use dropped from 3 a day to 1 a day.",
         "Gabapentin 600 mg #90", {"functional_improvement": True}),
        # A drug taken since a year alone.
        ("Oxycodone 15 mg QID since 2025 (90 mg MED/day).", "Oxycodone 15 mg #90",
         {"drug_use_weeks": 74}),
        # A request that steps the dose down is the wean attempt.
        ("Oxycodone 15 mg QID since 2015 (90 mg MED/day).",
         "Oxycodone HCl 15 mg 1 PO TID #90 (dose reduction from QID)",
         {"opioid_wean_attempted": True}),
        # Visits given, told so.
        ("Acupuncture was included in future care. Six treatments were authorized and given "
         "twice weekly from 05/22 to 06/16/2017.", "Acupuncture lumbar 2x3, additional",
         {"prior_visits": 6}),
        ("PT DISCHARGE SUMMARY 09/12/2017 -- 10 of 10 visits.", "Physical therapy 2x3",
         {"prior_visits": 10}),
        ("PT RE-EVALUATION 04/05/2017 -- post-op visit 12 of 12.", "Physical therapy 2x6",
         {"prior_visits": 12}),
        # A cumulative trauma dated by its end, in prose; care dated from a sentence's start.
        ("A line worker with continuous trauma through 06/2016.", "Nerve conduction study",
         {"injury_date": date(2016, 6, 15)}),
        ("Since 07/2016 she has worn a night splint and attended six OT sessions, without "
         "lasting change.", "Nerve conduction study", {"conservative_care_failed": True}),
        ("Work status changed 03/03 to full duty with a 10-min stretch break each hour.",
         "Acupuncture 2x3 lumbar, additional 6 sessions", {"work_status": "full_duty"}),
        ("In 07/2026 the pharmacy substituted generic pregabalin; within two days he had hives "
         "and lip swelling.", "Lyrica 75 mg #60 DAW", {"brand_necessity_documented": True}),
        ("Intermittent L thigh and lateral calf tingling with aching LBP, 5/10.",
         "EMG left lower extremity", {"radiating_pain": True}),
        ("Exam: subtle decrease to pinprick L lateral calf.", "EMG left lower extremity",
         {"sensory_deficit": True}),
        ("X-ray 06/2016: moderate medial compartment OA, no fx.", "Naproxen 500 mg #60",
         {"diagnoses": ["arthritis"]}),
        ("Plan: single R L5-S1 TFESI to let him progress active rehab; he prefers to avoid "
         "surgery.", "R L5-S1 TFESI x1", {"surgery_considered": False}),
        ("ODI 50% -> 46%, goals NOT MET, HEP daily.", "Physical therapy 2x3",
         {"home_exercise_program": True}),
        ("Persistent locking; L knee arthroscopic partial medial meniscectomy 05/05/2026 by Dr. "
         "Okafor (authorized).", "Post-op PT left knee 2x3",
         {"surgery_date": date(2026, 5, 5)}),
        ("PT DAILY NOTE 03/10/2017 -- visit 5 of 8. Neck pain after a pull. Pain 5/10 at IE "
         "(02/22) -> 3/10 today.", "MRI cervical spine", {"conservative_care_failed": False}),
        # And those that still read.
        ("He prefers to avoid surgery if possible but would consider arthroscopy if the "
         "injection fails.", "MRI left knee", {"surgery_considered": True}),
        ("She completed 6 PT visits and needs medical clearance before surgery on 03/20/2017.",
         "MRI left knee", {"invasive_procedure_planned": True}),
        ("He had an L4-5 ESI on 06/10/2016 with 70% relief for 10 weeks, which Dr. Kim suggests "
         "repeating.", "Lumbar ESI L4-5", {"prior_injection_relief_percent": 70}),
        ("Rx: Norco 10/325 TID x 2 years, gabapentin 300 TID.", "Norco 10/325 #90",
         {"drug_in_use": True}),
        ("Orders: UDS 01/2017 consistent with prescribed Norco.", "Norco 10/325 #90",
         {"urine_drug_screen": True}),
        ("Specific injury 02/03/2016; a separate continuous trauma claim through 06/2016 was "
         "denied.", "Physical therapy 2x4", {"injury_date": date(2016, 2, 3)}),
        ("CT claim 01/01/2010 through 06/30/2016.", "Physical therapy 2x4",
         {"injury_date": date(2016, 6, 30)}),
        # Emergencies and first visits after them.
        ("Clinic 10/11: T 101.6. Labs today WBC 13.8, ESR 92, CRP 11.4.", "MRI thoracic spine",
         {"red_flag_infection": True}),
        ("ED 11/30/26: 66 y/o F slipped on ice in the staff lot on 11/29 and landed on her "
         "buttocks. PMH COPD on prednisone 10 mg daily for about two years.",
         "X-ray lumbar spine, AP and lateral", {"red_flag_fracture": True}),
        ("Struck his head on a door frame 11/30/2026. Headache worse each day, vomited three "
         "times since this morning; keeps repeating questions.", "CT head without contrast",
         {"head_injury_deteriorating": True}),
        ("ED 02/11/17: 33 y/o F home health aide, rear-ended at a stoplight.",
         "Naproxen 500 mg #60", {"injury_date": date(2017, 2, 11)}),
        ("LBP radiating to the L calf after repositioning a patient on 11/17.",
         "EMG/NCV bilateral lower extremities", {"injury_date": date(2026, 11, 17)}),
        ("Held at gunpoint at the register during a robbery on 11/19/2016.",
         "Psych evaluation, 1 visit", {"injury_date": date(2016, 11, 19)}),
        ("Began having right shoulder pain on 08/01/2016 after a week of overhead work.",
         "Right shoulder arthroscopy", {"injury_date": date(2016, 8, 1)}),
        ("Displaced fractures of the R 4th and 5th metacarpal shafts. ORIF with plates 06/15/17.",
         "Post-op OT right hand 2x4", {"surgery_type": "ORIF of metacarpal fracture"}),
        ("Plan: stop ibuprofen, start naproxen.", "Naproxen 500 mg #60",
         {"other_nsaid_in_use": None}),
        ("Gabapentin titrated to 300 TID during 04/2017; arm pain 8/10 -> 4/10.",
         "Gabapentin 300 mg #90", {"drug_in_use": True}),
        ("PHQ-9 today 14, no SI.", "Duloxetine 30 mg #30", {"depressive_disorder": True}),
        ("Nephrology has asked that he take no oral NSAIDs.", "Diclofenac 1% gel 100 g",
         {"oral_medication_not_tolerated": True}),
        ("Ibuprofen 600 mg TID 2016, dyspepsia; GI said stop oral NSAIDs.",
         "Diclofenac 1% gel 100 g", {"oral_medication_not_tolerated": True}),
        ("Ibuprofen stopped 11/2025 for CKD stage 3 per nephrology.",
         "Acupuncture 2x3 lumbar", {"pain_medication_reduced_or_not_tolerated": True}),
        ("Hydrocodone 10/325 TID. With it he walks 30 min and drives to CBT.",
         "Hydrocodone 10/325 #90", {"functional_improvement": True}),
        ("On Norco. He works full shifts and says without it he could not finish a shift.",
         "Norco 10/325 #90", {"functional_improvement": True}),
        ("Acupuncture 6 sessions 07/01-07/24/2026 (trial authorized 06/2026).",
         "Acupuncture 2x3 cervical, 6 more", {"prior_visits": 6}),
        ("After a flare, an L5-S1 epidural injection was certified and performed on 08/14/2017. "
         "At the 08/28/2017 visit her leg pain went from 8/10 to about 6/10 for ten days.",
         "Repeat lumbar ESI L5-S1", {"prior_injection_relief_percent": 25}),
        ("R knee: twisted stepping off a forklift, aggravating medial compartment OA.",
         "Naproxen 375 mg #60", {"diagnoses": ["arthritis"]}),
        ("Oswestry 38% (52% in 2014). On OxyContin 20 mg q8h since 08/2014.",
         "OxyContin 20 mg q12h #60", {"functional_improvement": True}),
        ("Four weeks of PT since the pop without gain.", "MR arthrogram R shoulder",
         {"conservative_care_weeks": 4}),
        ("After 8 PT visits, ODI 38%, was 52% at IE.", "Physical therapy 2x4",
         {"functional_improvement": True}),
        ("Completed six manipulation visits 09/06-09/20/16 under the plan of care.",
         "Chiropractic manipulation 1x/wk x 4 wks", {"prior_visits": 6}),
        ("No prior acu.", "Acupuncture 2x6 lumbar", {"prior_visits": 0}),
        ("It took his wife and brother-in-law to get him down the stairs, and he has not left "
         "the apartment since discharge.", "Home health RN 3x/wk x 2 wks", {"homebound": True}),
        ("Ortho 4/26: would scope if tear confirmed.", "MRI L knee", {"surgery_considered": True}),
        ("Gabapentin 300 TID x8 wks -> dizzy, d/c; nortriptyline 25 qhs x6 wks no help.",
         "Lidoderm 5% patch #30", {"neuropathic_first_line_failed": True}),
        ("Night splints x6 wks + ibuprofen, no change.", "NCS bilateral upper extremities",
         {"conservative_care_weeks": 6}),
        ("s/p acu x6 (3/3-3/26/26). Lift restr 10 -> 25 lb, back to full shifts 3/30.",
         "Acupuncture 1x6 lumbar spine", {"functional_improvement": True}),
        ("Struck the back of her head on a shelf 11/28/2026. Since yesterday the headache is "
         "worse and she vomited twice.", "CT head without contrast",
         {"head_injury_deteriorating": True}),
        # The score now, then the one before the drug; the one before is the past score.
        ("On gabapentin 300 TID since 09/2026. Today pain 4/10, was 8/10 before gabapentin.",
         "Gabapentin 300 mg TID #90", {"pain_score": 4, "medication_pain_relief": True}),
        ("Pain 8/10 without, 4/10 about 40 min after a dose, relief lasts 4-5 h.",
         "Norco 10/325 #120", {"medication_pain_relief": True}),
        ("Pain 7/10 before a dose and 4/10 an hour after, lasting about six hours.",
         "Tramadol 50 mg #60", {"medication_pain_relief": True}),
        ("TFESI 01/10/2026: leg pain 8/10 -> 2-3/10 through the first week of April, roughly "
         "twelve weeks; Norco 10/325 went from 4 a day to 1 a day.",
         "Repeat L S1 TFESI", {"pain_score": 3, "prior_injection_relief_weeks": 12,
                               "medication_reduced_after_injection": True}),
        ("L4-5 interlaminar ESIs 05/2025, 01/2026 and 09/2026: he says each helped some, at best "
         "about 30% for two to three weeks.", "Lumbar ESI L4-5",
         {"prior_injections": 3, "prior_injection_relief_percent": 30,
          "prior_injection_relief_weeks": 2}),
        ("A trial of full duty on 09/11/26 ended after three shifts: he could not keep climbing "
         "on and off the machines.", "Functional capacity evaluation",
         {"return_to_work_failed": True, "work_status": None}),
        ("Works full time, no lifting >35 lb; walks the dog 30 min daily.", "Norco 10/325 #90",
         {"work_status": "modified_duty"}),
        ("Working full time modified duty (no ladders).", "Norco 10/325 #90",
         {"work_status": "modified_duty"}),
        ("The house has three entry steps and no ramp, and getting him out takes two people.",
         "Home health RN 2x/wk x 4 wks", {"homebound": True}),
        ("Cannot manage the six entry steps without two people.", "Home health PT 3x/wk x 2 wks",
         {"homebound": True}),
        ("Surgeon: leaving home would take a wheelchair van and is medically inadvisable.",
         "Home health PT 3x/wk x 2 wks", {"homebound": True}),
        ("Exam: FDI 5/5, no clawing, light touch reduced small finger.",
         "NCS left upper extremity", {"sensory_deficit": True}),
        ("Plan: topical diclofenac to the elbow, trial of three weeks; continue strap and "
         "modified duty.", "Voltaren 1% gel 100 g", {"drug_in_use": False}),
        ("Gabapentin and HEP unchanged during the trial.", "TENS unit purchase",
         {"adjunct_to_rehabilitation": True}),
        ("Generic lidocaine 5% patches from two makers lifted off within 2-3 hrs of a shift.",
         "Lidoderm 5% patch (brand) DAW #30", {"brand_necessity_documented": True}),
        ("The second generic caused a blistering contact dermatitis.",
         "Lidoderm 5% patch (brand) DAW #30", {"brand_necessity_documented": True}),
        ("Nephrology told her to stop ibuprofen last fall.", "Voltaren 1% gel 100 g",
         {"oral_medication_not_tolerated": True}),
        ("NSAIDs avoided for his kidneys.", "Voltaren 1% gel 100 g",
         {"oral_medication_not_tolerated": True}),
        ("Today walks 50 feet with a walker.", "Front-wheeled walker, adult, purchase x 1",
         {"equipment_medically_needed": True}),
        ("R knee aspirated (20 cc) and injected with Kenalog 10/18/26: about three weeks of "
         "relief, then back to baseline.", "Synvisc-One R knee",
         {"failed_steroid_injection": True}),
        ("Since 2014 he has done nine PT visits plus a daily HEP.", "Synvisc-One R knee",
         {"conservative_care_weeks": 622}),
        ("Standing films 05/2026: severe tricompartmental osteoarthritis.",
         "Right total knee arthroplasty", {"surgical_lesion": True}),
        # Four visits among months of splinting and a drug, told as care given: failed.
        ("Treatment to date includes a night wrist splint worn nightly since December, job "
         "rotation, ibuprofen and four occupational therapy visits. Numbness and tingling wake "
         "her nightly.", "NCS right upper extremity", {"conservative_care_failed": True}),
        # A deficit worse than at an earlier examination, or told as getting weaker.
        ("EHL 3/5 today (4/5 on 11/20), ankle dorsiflexion 4-/5.", "MRI lumbar spine",
         {"red_flag_progressive_deficit": True}),
        ("Over the two weeks since, the L foot has gotten weaker.", "MRI lumbar spine",
         {"red_flag_progressive_deficit": True}),
        # Real bladder and cauda equina signs beside words a drug's side effect is told with.
        ("New urinary retention; she stopped working.", "MRI lumbar spine",
         {"red_flag_bowel_bladder": True}),
        ("Acute urinary retention with saddle anesthesia; she was discontinued from work by her "
         "PCP.", "MRI lumbar spine", {"red_flag_cauda_equina": True}),
        ("New bladder incontinence and weakness of the left side since the weekend.",
         "MRI lumbar spine", {"red_flag_bowel_bladder": True}),
        ("On gabapentin 600 TID since 10/2026. Now leg pain 3-4/10 (about 55% less than "
         "baseline).", "Gabapentin 600 mg #90", {"medication_pain_relief": True}),
        ("Second try at full duty 10/16/26 ended after one week with the same flare.",
         "Functional capacity evaluation", {"return_to_work_failed": True, "work_status": None}),
        ("Steroid injection 10/06/26 gave about three weeks of relief, then pain and swelling "
         "returned.", "Synvisc-One R knee", {"failed_steroid_injection": True}),
        ("L4-5 ESI, about 2 weeks after the MRI, gave 80% relief lasting 4 months.",
         "Repeat lumbar ESI L4-5", {"prior_injection_relief_weeks": 17}),
        ("ESI gave 70% relief for 10 weeks before the pain returned.", "Repeat lumbar ESI L4-5",
         {"prior_injection_relief_weeks": 10}),
        ("Knee pain 9/10 presently; 4/10 at the last visit.", "R knee steroid injection",
         {"pain_score": 9}),
        ("Right knee pain 2/10 in the morning, 8/10 presently.", "R knee steroid injection",
         {"pain_score": 8}),
        ("Plan: topical diclofenac unchanged; continue modified duty.", "Voltaren 1% gel 100 g",
         {"drug_in_use": None}),
        ("Neuro: strength 5/5 BLE; sensation intact except decreased lateral L foot; patellar 2+ "
         "bilat, Achilles 2+ R, 1+ L.", "L L5-S1 transforaminal ESI",
         {"sensory_deficit": True, "reflex_change": True}),
        ("Plan: home TENS rental with HEP; goals ibuprofen from daily to 3 days/wk or less, sitting "
         "45 min (now 20), walking 30 min.", "TENS unit 30-day home rental trial",
         {"treatment_goals_documented": True}),
        ("Goals for the TENS trial: sit 45 min so he can drive to work, walk 30 min daily.",
         "TENS unit 30-day home rental trial", {"treatment_goals_documented": True}),
        ("Lives alone in a walk-up; cannot get down the stairs without his brother's help.",
         "Home health RN 2x/wk x 3 wks", {"homebound": True}),
        # A third review's wordings: what must still be read.
        ("Norco held tonight; sent to ED for saddle anesthesia and urinary retention.",
         "MRI lumbar spine", {"red_flag_cauda_equina": True, "red_flag_bowel_bladder": True}),
        ("Tramadol 50 mg BID without adverse events; new urinary incontinence since Sunday.",
         "MRI lumbar spine", {"red_flag_bowel_bladder": True}),
        ("Takes gabapentin 600 mg TID. Pain 4/10 now, was 8/10 before we added gabapentin.",
         "Gabapentin 600 mg #90", {"pain_score": 4, "medication_pain_relief": True}),
        ("Sensation intact to light touch except mildly decreased L5 dermatome.",
         "Lumbar ESI L4-5", {"sensory_deficit": True}),
        ("Reflexes 1+ and symmetric except absent L Achilles.", "Lumbar ESI L4-5",
         {"reflex_change": True}),
        ("Achilles R 2+, L 1+.", "Lumbar ESI L4-5", {"reflex_change": True}),
        ("Getting him out of the house takes two people.", "Home health RN 2x/wk x 3 wks",
         {"homebound": True}),
        ("He is unable to go down the stairs without a family member's assistance.",
         "Home health RN 2x/wk x 3 wks", {"homebound": True}),
        ("It is medically inadvisable for him to leave home.", "Home health RN 2x/wk x 3 wks",
         {"homebound": True}),
        ("Currently working full time.", "Physical therapy 2x3 lumbar", {"work_status": "full_duty"}),
        ("Works 30 h/wk as a dispatcher.", "Norco 10/325 #90", {"work_status": "modified_duty"}),
        ("Attempt at regular duty 10/01 ended early due to pain.", "Functional capacity evaluation",
         {"return_to_work_failed": True}),
        ("Full-duty trial 10/01 ended after 3 shifts due to pain.", "Functional capacity evaluation",
         {"return_to_work_failed": True, "work_status": None}),
        ("L EHL 3/5, down from 4/5 two weeks ago.", "MRI lumbar spine",
         {"red_flag_progressive_deficit": True}),
        ("Goals for the 30-day TENS trial: sit 45 min, walk 30 min.",
         "TENS unit 30-day home rental trial", {"treatment_goals_documented": True}),
        ("Eight OT hand-therapy visits 06/03-07/24/2026.", "Occupational therapy 2x3 R hand",
         {"prior_visits": 8}),
        ("Pain 8/10 without and 4/10 about 40 min after a dose.", "Norco 10/325 #90",
         {"medication_pain_relief": True}),
        ("Exam: Hoffmann + bilat, clonus at the R ankle.",
         "Referral to orthopedic spine surgeon, cervical spine",
         {"specialist_expertise_needed": True}),
        # A fourth review's wordings: what must still be read.
        ("Urgent occ visit. 63 y/o cook, DOI 11/30/2026: slipped and fell\nstraight onto her "
         "buttocks. PMH osteoporosis on alendronate.", "X-ray lumbar spine, 3 views",
         {"red_flag_fracture": True}),
        ("Pain 3/10 today, 7/10 before therapy.", "Physical therapy 2x3 lumbar", {"pain_score": 3}),
        ("Works full time, no restrictions.", "Physical therapy 2x3 lumbar",
         {"work_status": "full_duty"}),
        ("Works full time as a warehouse loader lifting 50 lb boxes.",
         "Physical therapy 2x3 lumbar", {"work_status": "full_duty"}),
        ("Worked 30 h/wk before the injury; currently off work.", "Physical therapy 2x3 lumbar",
         {"work_status": "off_work"}),
        ("She has worked 15 hours a week as a crossing guard since 09/2026.", "Norco 10/325 #90",
         {"work_status": "modified_duty"}),
        ("Meloxicam held pre-op for emergent decompression of cauda equina syndrome.",
         "MRI lumbar spine", {"red_flag_cauda_equina": True}),
        ("Tramadol held by the ER, where he was catheterized for urinary retention.",
         "MRI lumbar spine", {"red_flag_bowel_bladder": True}),
        ("On naproxen; the lifting injury caused immediate bowel and bladder dysfunction.",
         "MRI lumbar spine", {"red_flag_bowel_bladder": True}),
        ("Full-duty trial began 11/01 and is going well after 3 weeks.",
         "Physical therapy 2x3 lumbar", {"return_to_work_failed": None}),
        ("Dr. Smith has been prescribing Norco 10/325 TID since 2024 with 50% pain relief.",
         "Norco 10/325 #90", {"drug_in_use": True}),
        # A grade compared with the other side named before it is no doubt about the grade.
        ("Reflexes: left patellar 1+ vs right 2+.", "EMG/NCV bilateral lower extremities",
         {"reflex_change": True}),
        ("Left patellar 1+ versus right 2+, Achilles 2+ bilaterally.",
         "EMG/NCV bilateral lower extremities", {"reflex_change": True}),
        ("L EHL 4/5 vs R 5/5.", "EMG/NCV bilateral lower extremities", {"motor_deficit": True}),
        # A return to work with the shifts' length between.
        ("Gabapentin started 05/03/17. Back to full 10-h shifts.", "Gabapentin 300 mg #90",
         {"functional_improvement": True}),
        ("Naproxen since June. Now back to full ten-hour shifts.", "Naproxen 550 mg #60",
         {"functional_improvement": True}),
        # A surgery dated by the abbreviation of its date, findings in brackets before it or not.
        ("R L5-S1 microdiscectomy DOS: 05-22-17 for an extruded disc.",
         "Post-op physical therapy lumbar spine 2x3",
         {"surgery_date": date(2017, 5, 22), "surgery_type": "microdiscectomy"}),
        # A joint replaced by its abbreviation; another surgery past the clause is not it.
        ("R TKA on 3/1/17 for post-traumatic OA; DOI 2013, R tibial plateau ORIF in 2014.",
         "Outpatient PT R knee 3x4", {"surgery_type": "TKA"}),
        ("S/p R ring finger A1 pulley release 11/2/16 under local; two weeks out.",
         "OT R hand 2x2", {"surgery_type": "A1 pulley release"}),
        # The therapy named, then that it was never had.
        ("Wants acupuncture, has never had it.", "Acupuncture 2x6 R wrist",
         {"prior_visits": 0}),
        # A stop after "without help".
        ("Eight post-op OT visits. He drives and cooks without help, stopped Norco in the third "
         "post-op week.", "Post-op OT right hand 2x4", {"functional_improvement": True}),
        # Visits told by their days; visits counted over a range of days without the year.
        ("Manipulation visits 1/3, 1/5, 1/10, 1/12, 1/17 and 1/19/17.",
         "Chiropractic treatment 1x4, low back", {"prior_visits": 6}),
        ("Chiro 6/6 (4/7, 4/9, 4/14, 4/16, 4/21, 4/28).", "Chiropractic manipulation 1x4, lumbar",
         {"prior_visits": 6}),
        ("ACL reconstruction 06/02/2017. Completed 12 PT visits 6/13 - 8/3. Off crutches since "
         "week 4.", "Continue post-op PT L knee 2x4",
         {"postsurgical_visits_completed": 12, "functional_improvement": True}),
        # A return to work with the duty after it.
        ("ACL reconstruction 06/02/2017. Completed 12 PT visits 6/13 - 8/3. Returned to work 7/24 "
         "on modified sedentary duty.", "Continue post-op PT L knee 2x4",
         {"functional_improvement": True}),
        # Full duty tried and given up.
        ("Tried full duty 01/2017 and went back off after nine days with recurrent leg pain.",
         "Functional capacity evaluation", {"return_to_work_failed": True, "work_status": None}),
        # Not out since the hospital, in other words.
        ("She has not otherwise left the apartment since discharge.",
         "Home health PT 3x/wk x 2 wks", {"homebound": True}),
        # A procedure joined by its three-word name, and the date after it.
        ("7 wks s/p R shoulder arthroscopic subacromial decompression and distal clavicle "
         "excision 05/09/2017 for impingement.", "Continue post-op PT R shoulder 2x6",
         {"surgery_date": date(2017, 5, 9)}),
        # Wordings an independent review built against this round's readings, read right.
        ("Denies bowel or bladder changes, 3 or 4 beats of clonus were present bilaterally.",
         "MRI cervical spine", {"red_flag_myelopathy": True}),
        ("No fever, 2 or 3 episodes of urinary incontinence were reported this week.",
         "MRI lumbar spine", {"red_flag_bowel_bladder": True}),
        ("No known cancer, a lytic lesion or metastasis is seen at L3 on the bone scan.",
         "MRI lumbar spine", {"red_flag_tumor": True}),
        ("He has tried modified duty since March and is doing well.",
         "Functional capacity evaluation", {"work_status": "modified_duty"}),
        ("Right shoulder arthroscopy on 03/01/2017; rotator cuff repair and subacromial "
         "decompression were performed.", "Post-op PT R shoulder 2x6",
         {"surgery_type": "rotator cuff repair"}),
        ("Completed 12 visits of work conditioning in 2016.", "Work conditioning 3x2",
         {"prior_work_hardening": True}),
        ("PT 6 visits; strength (4/5, 4/5 and 3/5).", "Physical therapy 2x4", {"prior_visits": 6}),
        # An injection's relief: held until a day, then its length; scores before and after it;
        # a follow-up told as a heading; a share in quotes after "relief".
        ("ESI 09/12/2016. About 65% relief of the leg pain holding until roughly 11/14, about "
         "nine weeks.", "Repeat lumbar ESI L5-S1",
         {"prior_injection_relief_percent": 65, "prior_injection_relief_weeks": 9}),
        ("First ESI 01/30/2017: leg pain NRS 7/10 before, 2/10 at the two-week check and 3/10 at "
         "the 04/10 visit, ten weeks out.", "Lumbar epidural steroid injection, repeat",
         {"prior_injection_relief_percent": 71}),
        ("ESI #1 03/20/2017. Follow-up notes: arm pain 8/10 before, 3/10 on 04/03 and still 3/10 "
         "on 05/22, nine weeks out.", "C6-7 cervical ESI, repeat",
         {"prior_injection_relief_percent": 62}),
        ("ESI 01/23/2017: pain went from an 8 to a 1 for about ten days.", "Lumbar ESI #2",
         {"prior_injection_relief_percent": 88, "prior_injection_relief_weeks": 1}),
        ("L5-S1 ESI 05/08/17. Says the leg relief was \"better than half, maybe 60 percent\" and "
         "held until the end of July, eleven to twelve weeks.", "Repeat L5-S1 ESI",
         {"prior_injection_relief_percent": 60, "prior_injection_relief_weeks": 11}),
        # The root named first; the meniscus after its horn; a reflex graded after its side.
        ("L4-5 herniation on MRI 09/2016 with L L5 root displacement.", "Lumbar ESI",
         {"imaging_nerve_compromise": True}),
        ("MRI 06/01/17: complex tear post horn MM to inferior surface, no sig OA.",
         "L knee arthroscopy w/ partial medial meniscectomy", {"meniscal_tear_on_imaging": True}),
        ("Exam: ankle jerk L 1+ vs R 2+, strength 5/5.", "EMG L lower extremity",
         {"reflex_change": True}),
        # A count before the therapy's name, its unit left out.
        ("Completed 6 acupuncture 04/20-05/08/26.", "Acupuncture L-spine addl 6 visits (2x3)",
         {"prior_visits": 6}),
        ("ESI 01/10/17 gave 70% relief for about 10 days; he is now 16 weeks out, pain back to "
         "baseline.", "Repeat L5-S1 TFESI", {"prior_injection_relief_weeks": 1}),
        ("No fever, daily or nightly urinary incontinence is now present.", "MRI lumbar spine",
         {"red_flag_bowel_bladder": True}),
        ("Denies fever, left or bilateral saddle anesthesia is present on exam.",
         "MRI lumbar spine", {"red_flag_cauda_equina": True}),
        ("8 PT visits brought pain from 7/10 to 2/10; he declines the epidural.",
         "MRI lumbar spine", {"symptoms_improving": True}),
        # Wordings of a chiropractor's, a hand surgeon's, a psychologist's, a spine surgeon's
        # and a medical-legal reviewer's notes.
        ("11/22/16 Op report, Dr. N. Haddad (upper extremity): L open lateral epicondyle "
         "debridement for lateral epicondylitis.", "Post-op PT L elbow 2x3",
         {"surgery_date": date(2016, 11, 22)}),
        ("Starts nortriptyline 10 mg QHS, titrate to 25, reassess in four wks.",
         "Nortriptyline 10 mg #30", {"drug_in_use": False}),
        ("Co-treating MD Dr. Kim adds naproxen 500 mg twice daily for 30 days.",
         "Naproxen 500 mg #60", {"drug_in_use": False}),
        ("Start low-dose nortriptyline at bedtime.", "Nortriptyline 10 mg #60",
         {"drug_in_use": False}),
        ("Visits on this claim: PT 16 (07-10/2025), chiropractic 14 (02/03-05/15/2026).",
         "Chiropractic manipulation cervical spine 1x/wk x 6 wks",
         {"prior_chiropractic_visits": 14, "prior_pt_visits": 16}),
        ("Completed 12 CMT visits; Oswestry went from 46% to 12%.", "Chiropractic 2 visits",
         {"functional_improvement": True}),
        ("After 12 PT visits he was released to full duty.", "Physical therapy 2x3",
         {"functional_improvement": True}),
        ("After 12 PT visits, released from TTD to modified duty 01/16/17.",
         "Physical therapy 2x3", {"functional_improvement": True}),
        ("R shoulder arthroscopy with subacromial decompression for impingement 02/13/2017.",
         "Continue post-op PT R shoulder 2x6", {"surgery_date": date(2017, 2, 13)}),
        ("CBT 6 sessions 07/06-08/10/16 (five weeks): PHQ-9 13 -> 9.",
         "Biofeedback (EMG), 4 sessions", {"cbt_weeks": 5}),
        ("CBT 6 sessions (five weeks), back to full hours with scheduled breaks.",
         "Biofeedback (EMG), 4 sessions", {"cbt_weeks": 5}),
        ("Baseline UDS collected today, POC negative.", "Tramadol 50 mg #60",
         {"urine_drug_screen": True}),
        ("Hives and lip swelling within hours of two generic celecoxib products from different "
         "makers.", "Celebrex 200 mg #30, DAW", {"brand_necessity_documented": True}),
        ("Pharmacy substituted generic celecoxib 04/2026; hives again, cleared with cetirizine.",
         "Celebrex 200 mg #30, DAW", {"brand_necessity_documented": True}),
        ("ORT 1, no personal or family substance history.", "Tramadol 50 mg #60",
         {"opioid_risk_screening": True}),
        ("PT discharge: 12 visits + HEP; abduction strength unchanged.",
         "R shoulder arthroscopy with rotator cuff repair", {"prior_pt_visits": 12}),
        ("Gabapentin 300 mg TID and naproxen per Dr. Nguyen; spine surgeon did not recommend "
         "surgery.", "Gabapentin 300 mg TID #90", {"drug_in_use": True}),
        ("Twelve weeks of splinting, no better, dropping objects.",
         "NCV bilateral upper extremities", {"conservative_care_weeks": 12}),
        ("Acetaminophen 1000 mg TID for four days did not control it.", "Naproxen 500 mg #60",
         {"non_opioid_analgesics_failed": True}),
        ("EMG/NCV of both upper extremities done 12/08/2016.",
         "EMG/NCV bilateral upper extremities", {"prior_electrodiagnostics": True}),
        # Independent reviews' wordings against this round's readings that must keep their
        # reading: a red flag after an initial that ends its sentence, a drug added on a date or
        # now and then (taken), a study done on its date.
        ("Negative for fever per Ms. J. Saddle anesthesia since yesterday.", "MRI lumbar spine",
         {"red_flag_cauda_equina": True}),
        ("No fever per Dr. K. Left foot drop since January.", "MRI lumbar spine",
         {"severe_neurologic_deficit": True}),
        ("Per records, Dr. Smith adds gabapentin 300 mg TID on 10/12/2016.",
         "Gabapentin 300 mg #90", {"drug_in_use": True}),
        ("She takes naproxen 500 mg BID and adds ibuprofen 600 mg on bad days.",
         "Naproxen 500 mg #60", {"other_nsaid_in_use": True}),
        ("Was started on low-dose nortriptyline in 2015.", "Nortriptyline 10 mg #30",
         {"drug_in_use": True}),
        ("He takes naproxen daily and adds cyclobenzaprine at night when spasms flare.",
         "Cyclobenzaprine 7.5 mg #60", {"drug_in_use": True}),
        ("Exam: left ankle dorsiflexion 3/5, Waddell signs negative, reflexes symmetric.",
         "MRI lumbar spine", {"severe_neurologic_deficit": True}),
        ("On Norco 10/325 TID for 3 years. Function unchanged. Starts Norco 10/325 QID.",
         "Norco 10/325 #120", {"drug_in_use": True}),
        # A therapist's, a foot surgeon's, a neurologist's and a knee specialist's wordings.
        ("Attended six of six scheduled visits 07/11 - 08/05, no cancellations.",
         "Additional PT cervical spine 1x/wk x 3 wks", {"prior_visits": 6}),
        ("Six land-based PT visits 04/06 - 05/15.", "Aquatic therapy L knee 2x/wk x 4 wks",
         {"prior_pt_visits": 6}),
        ("He had 22 non-surgical PT visits in 2024-2025; twelve post-op PT visits completed 02/02 "
         "to 04/24/2026.", "Physical therapy 2x4, left knee",
         {"prior_pt_visits": 22, "postsurgical_visits_completed": 12}),
        ("Five OT visits 08/03 - 08/21. Back at work with buddy tape and no impact tools since "
         "08/14 (had been one-handed duty).", "OT R ring finger x3 visits",
         {"functional_improvement": True}),
        ("Gabapentin started 01/2017. Burning L leg pain was 8/10 before it, now averaging 4-5/10 "
         "over the past month.", "Gabapentin 300 mg 1 po TID #90", {"medication_pain_relief": True}),
        ("Aspiration and triamcinolone injection in January and again in April, each with only "
         "three to four weeks of relief.", "Synvisc-One 48 mg injection, right knee",
         {"failed_steroid_injection": True}),
        ("Standing films 11/2016: R medial compartment narrowing with osteophytes, KL grade 3.",
         "Naproxen 500 mg PO BID #60", {"diagnoses": ["arthritis"]}),
        ("EMG done 06/2015: moderate right CTS.", "EMG/NCV right upper extremity",
         {"prior_electrodiagnostics": True}),
        ("Status post right shoulder subacromial decompression for impingement 11/10/2016; "
         "requesting 12 post-op PT visits.", "Post-op PT R shoulder 2x6",
         {"surgery_date": date(2016, 11, 10)}),
        ("Prior visits: PT 16 (2016), chiropractic 14.", "Physical therapy 2x3",
         {"prior_pt_visits": 16}),
        ("Therapy visits: PT 24.", "Physical therapy 2x3", {"prior_pt_visits": 24}),
        ("Starts Norco 10/325 TID for pain 8/10.", "Norco 10/325 #90", {"drug_in_use": False}),
        # A shoulder surgeon's, a pain physician's, surgeons' post-operative and an internist's
        # wordings.
        ("S/p arthroscopic repair of a 2 cm full-thickness supraspinatus tear on 06/28/2017.",
         "Post-op PT R shoulder 2x6",
         {"surgery_type": "repair of a 2 cm full-thickness supraspinatus tear"}),
        ("8 weeks s/p L arthroscopic rotator cuff repair (medium full-thickness supraspinatus "
         "tear) 06/03/2026.", "Post-op PT L shoulder 2x4", {"surgery_date": date(2026, 6, 3)}),
        ("Oral NSAIDs stopped 05/2017 after melena; EGD showed a duodenal ulcer.",
         "Diclofenac 1% gel 100 g", {"oral_medication_not_tolerated": True}),
        ("Had six PT visits Oct-Nov 2016 (lifting tolerance improved, HEP taught).",
         "Physical therapy 2x3", {"functional_improvement": True}),
        ("Six PT visits improved her sitting and lifting tolerance.", "Physical therapy 2x3",
         {"functional_improvement": True}),
        ("Home TENS rental used daily alongside OT twice a week.", "Purchase TENS unit",
         {"adjunct_to_rehabilitation": True}),
        ("Getting to this visit took two people and a wheelchair, and she does not otherwise "
         "leave home.", "Home health RN 3x/wk x 3 wks", {"homebound": True}),
        ("She does not leave the apartment except for medical appointments.",
         "Home health RN 3x/wk x 3 wks", {"homebound": True}),
        ("Leg pain resolved but burning and numbness over the L lateral foot since surgery.",
         "Gabapentin 300 mg #90", {"neuropathic_pain": True}),
        ("After six PT visits she is back at part-time bookkeeping 4 h/day, after being off work "
         "since 2015.", "Physical therapy 2x3",
         {"functional_improvement": True, "work_status": "modified_duty"}),
        ("Chronic wrist pain, DOI 2012 (data entry), bilateral CTR 2013.",
         "Pain psychology consultation x1", {"injury_date": date(2012, 7, 1)}),
        # A red flag beside a drug stopped in another clause is kept.
        ("Fell at work 2016, stopped after three weeks for urinary retention.", "MRI lumbar spine",
         {"red_flag_bowel_bladder": True}),
        ("Started Lyrica in 12/2016, stopped work 02/20 because of urinary retention and saddle "
         "anesthesia.", "MRI lumbar spine", {"red_flag_cauda_equina": True}),
        # Utilization review's words in an appeal are not the record; the physician's own after
        # them in the sentence, or after the quotation, are.
        ('UR stated that "the claimant has had 12 sessions of therapy, exceeding guideline '
         'recommendations." Per the therapy log she has attended six visits.',
         "Additional PT L knee 1x/wk x 3 wks", {"prior_pt_visits": 6}),
        ("UR noted no red flags, but she now reports urinary retention and saddle numbness.",
         "MRI lumbar spine", {"red_flag_cauda_equina": True}),
        ('UR noted the 4" incision had healed. Today she has urinary retention and saddle '
         "anesthesia.", "MRI lumbar spine", {"red_flag_bowel_bladder": True}),
        ('UR stated: "no red flags are documented. Today she has urinary retention and saddle '
         'anesthesia. She describes it as "like sitting on a block of wood".', "MRI lumbar spine",
         {"red_flag_cauda_equina": True}),
        ("UR approved 6 PT visits, which she found helpful.", "Physical therapy 2x3",
         {"prior_pt_visits": 6}),
        ("She had two ESIs last year with only brief relief; a repeat is warranted given worse leg "
         "pain.", "Lumbar ESI L4-5", {"prior_injections": 2}),
        ("PHQ-9 on 10/24 was 16 and GAD-7 was 12; no suicidal ideation.",
         "Psychological evaluation x1", {"depression": True}),
        ("PHQ-9 16/27.", "Psychological evaluation x1", {"depression": True}),
        ("She avoids bending and lifting for fear of breaking her back.",
         "Psychological evaluation x1", {"psychosocial_factors_present": True}),
        ("Prior claim DOI 2009 (left knee), settled. Current DOI 02/13/2017, low back strain.",
         "EMG left lower extremity", {"injury_date": date(2017, 2, 13)}),
        # A physiatrist's, surgeons', a DME request's and a less common service's wordings.
        ("First anterior dislocation 06/09/2016 restraining an inmate, reduced in the ED.",
         "R shoulder arthroscopic Bankart repair", {"injury_date": date(2016, 6, 9)}),
        ("Jumped from the truck bed and pivoted 03/30/2017, felt a pop.",
         "L knee ACL reconstruction", {"injury_date": date(2017, 3, 30)}),
        ("NCS/EMG 10/2025: R median distal motor latency 6.4 ms, median sensory response absent "
         "across the wrist, fibrillations in APB; ulnar normal.", "R carpal tunnel release",
         {"cts_confirmed_by_electrodiagnostics": True}),
        ("Leaves home only for post-op visits, needs him to drive and help.",
         "Home health aide 4 hrs/day x 3 wks", {"homebound": True}),
        ("Wheelchair for mobility, dependent slide-board transfers.",
         "Home health aide 4 hrs/day x 3 wks", {"homebound": True}),
        ("CBT for pain began 10/05/2026, five sessions so far.", "Biofeedback x 4 sessions",
         {"cbt_weeks": 8, "injury_date": None}),
        ("PT on this claim so far: 18 visits for the low back.", "Physical therapy 2x3",
         {"prior_pt_visits": 18}),
        ("PT used on this claim: 20 visits for the low back (2023-2024) and 4 for the shoulder.",
         "PT lumbar spine 2x4", {"prior_pt_visits": 20}),
        ("Four vestibular PT visits 01/13-01/27/2026.", "Vestibular PT 2x/wk x 3 wks",
         {"prior_pt_visits": 4}),
        ("LBP with an intermittent L buttock and posterolateral thigh/calf ache.",
         "EMG left lower extremity", {"radiating_pain": True}),
        ("Neck and bilateral trapezius pain 6/10.", "Naproxen 500 mg BID #60",
         {"diagnoses": ["lumbago_cervicalgia", "other"]}),
        ("Elbow pad and no leaning on the elbow for eight weeks plus ibuprofen PRN: no better.",
         "EMG/NCS left upper extremity", {"conservative_care_failed": True}),
        ("NCS 02/2017: ulnar normal, median normal.", "Right carpal tunnel release",
         {"cts_confirmed_by_electrodiagnostics": False}),
        # Red flags told in passing: a cancer by its organ, weight lost without trying, a hard
        # landing in an older worker on a bone drug.
        ("PMH: HTN, hyperlipidemia, prostate CA 2012 s/p radiation, followed by urology.",
         "MRI lumbar spine with and without contrast", {"red_flag_tumor": True}),
        ("He has lost about fourteen pounds since the holidays without trying.",
         "MRI lumbar spine with and without contrast", {"red_flag_tumor": True}),
        ("67 y/o custodian, DOI 11/20/2026: stepped off the third rung of a step ladder and landed "
         "hard on her buttocks. Hx osteopenia (DEXA 2014), on weekly alendronate.",
         "X-ray lumbar spine, 3 views", {"red_flag_fracture": True}),
        ("Off work for pain since 08/10/16.", "EMG left lower extremity",
         {"injury_date": date(2016, 8, 10)}),
        ("S/p R knee arthroscopic ACL reconstruction with patellar tendon autograft 10/01/2026 "
         "(Dr. Haddad), two weeks out.", "Post-op PT R knee 2x6", {"surgery_date": date(2026, 10, 1)}),
        # Symptoms only supposed to go on leave care that helps not failed.
        ("PT began 03/06: three visits so far, pain 6/10 -> 3/10. Surgeon offers a scope if pain "
         "persists.", "L knee diagnostic arthroscopy", {"conservative_care_failed": False}),
        # A duty the employer has none of is not the one held; an NSAID authorized beside the PPI
        # is one prescribed with it.
        ("Carries up to 70 lb; off work since April, no modified duty available.",
         "Physical therapy 2x4", {"work_status": "off_work"}),
        ("Acetaminophen did not control it, and naproxen 500 mg BID x 30 days was authorized.",
         "Omeprazole 20 mg PO daily #30", {"nsaid_use": True}),
        # A surgery told by the time since it in more of the ways notes tell it.
        ("S/p R knee arthroscopic partial medial meniscectomy, three weeks out.",
         "Post-op PT R knee 2x6", {"surgery_date": date(2026, 11, 14)}),
        ("She is 4 weeks s/p R shoulder arthroscopic rotator cuff repair.",
         "Post-op PT R shoulder 2x6", {"surgery_date": date(2026, 11, 7)}),
        ("POD 10 after L4-5 microdiscectomy.", "Post-op PT lumbar 2x6",
         {"surgery_date": date(2026, 11, 25)}),
        # A psychologist's and a hand surgeon's wordings.
        ("Psychiatric med-management note. MDD single episode and chronic L shoulder pain.",
         "Sertraline 100 mg #30", {"depression": True}),
        ("CBT progress report after session 4 of 4. PTP changed him from TTD to modified duty "
         "10/11/16, 4 h/day at the dispatch desk.", "CBT x 2 additional sessions",
         {"functional_improvement": True}),
        ("CBT progress report after session 4 of 4. Norco down from three a day to one at night "
         "per PTP.", "CBT x 2 additional sessions", {"functional_improvement": True}),
        ("Plan: monthly visits through November while titrating, then every 2-3 months.",
         "Psychiatric follow-up visits 1x/month x 3", {"visit_purpose_documented": True}),
        ("Switched to generic duloxetine twice, 03/2025 and 11/2025; both times hives and itching "
         "within five days.", "Cymbalta (brand) 60 mg #30, dispense as written",
         {"brand_necessity_documented": True}),
        ("New pt. 44 y/o data entry clerk, CT claim reported 05/02/2016.",
         "NCV bilateral upper extremities", {"injury_date": date(2016, 5, 2)}),
        ("S/p ORIF R 5th metacarpal shaft fx with plate 03/29/2017.",
         "Post-op hand therapy 2x4", {"surgery_date": date(2017, 3, 29)}),
        ("I do not do sympathetic blocks. Refer to pain management for CRPS evaluation and a "
         "stellate ganglion block.", "Referral to pain management consultation",
         {"specialist_expertise_needed": True}),
        ("Returned to full duty 06/2017 and was sent home after two weeks: could not run the impact "
         "wrench.", "Functional capacity evaluation", {"return_to_work_failed": True}),
        # A negation runs through a list of any length; a verb in the list ends it.
        ("He denies fever, night sweats, weight loss, saddle numbness or any change in bowel or "
         "bladder habits.", "X-rays lumbar spine, 3 views", {"red_flag_bowel_bladder": False}),
        ("He denies fever, night sweats, weight loss, numbness, reports new urinary incontinence.",
         "MRI lumbar spine", {"red_flag_bowel_bladder": True}),
        ("He denies fever, chills, nausea, vomiting, headache, and now has urinary incontinence.",
         "MRI lumbar spine", {"red_flag_bowel_bladder": True}),
        # A therapist's report numbers its visit on the claim, or dates the visits given.
        ("PT progress report 04/17/2026, visit 18 on this claim.", "PT 2x6 lumbar spine",
         {"prior_pt_visits": 18}),
        ("PT progress report 09/11/2026, visit 14 (all PT on this claim).", "PT 2x3 left shoulder",
         {"prior_pt_visits": 14}),
        # Surgery the patient would have, not contracted; a study's technique negates nothing.
        ("He told me he would \"do surgery if that's what it takes.\"", "MRI lumbar spine",
         {"surgery_considered": True}),
        ("MRI w/o contrast 2016 showed no fracture.", "MRI lumbar spine", {"prior_imaging": True}),
        # A pain practice's and a sports-medicine practice's wordings.
        ("Naproxen 500 BID stopped 07/2016 for dyspepsia; acetaminophen up to 3 g/day and "
         "gabapentin 900 mg/day give partial help.", "Tramadol 50 mg 1 tab PO BID PRN #60",
         {"non_opioid_analgesics_failed": True}),
        ("Claims adjuster ledger 01/2026: 24 PT visits paid on this injury (12 in 2022, 12 in "
         "2024); no additional visits authorized in writing.", "Physical therapy 2x4, lumbar spine",
         {"prior_pt_visits": 24}),
        ("Needs a recheck of gabapentin tolerance and of the dose reduction in four weeks.",
         "Follow-up office visit, pain management, 1 visit", {"visit_purpose_documented": True}),
        ("Standing Rosenberg views 09/2016: bone-on-bone medial compartment L, large osteophytes.",
         "Synvisc-One 48 mg intra-articular injection, left knee", {"severe_knee_osteoarthritis": True}),
        ("08/23/2016 aspiration of 30 mL clear fluid and Kenalog 40 mg, relief about three weeks "
         "only.", "Synvisc-One 48 mg intra-articular injection, left knee",
         {"failed_steroid_injection": True}),
        # An occupational-medicine clinic's first visits and a spine practice's notes.
        ("CN II-XII intact, strength and sensation symmetric, Romberg neg.",
         "MRI brain without contrast", {"motor_deficit": False, "sensory_deficit": False}),
        ("PT since 02/09: 22 visits on this claim per the therapy ledger, with good gains.",
         "Physical therapy 2x/wk x 3 wks, right ankle", {"prior_pt_visits": 22}),
        ("A pint glass broke in the soapy sink and cut his L palm; seen at opening today.",
         "X-ray left hand, 3 views", {"fracture_or_foreign_body_suspected": True}),
        ("Exam: point tenderness over the C6 and C7 spinous processes in the midline.",
         "X-ray cervical spine, 3 views", {"neck_trauma_xray_criteria": True}),
        ("Allergist letter: pruritic rash twice (2023, 2025) after generic naproxen tablets.",
         "Naprosyn 500 mg #30, 1 tab BID, dispense as written",
         {"brand_necessity_documented": True}),
        ("This clinic has no slit lamp or rotating burr. Plan: urgent ophthalmology.",
         "Referral to ophthalmology, urgent, left eye", {"specialist_expertise_needed": True}),
        ("Struck on the L side of the head by a swinging hook; headache worse since this morning, "
         "vomited twice.", "CT head without contrast, stat", {"head_injury_deteriorating": True}),
        # A UR physician's summary of the records and a shoulder and elbow practice's notes.
        ("No chiropractic care or acupuncture has been given on this claim.",
         "Acupuncture 2x3 lumbar spine", {"prior_acupuncture_visits": 0}),
        ("Per the 08/10/17 operative report (Dr. I. Novak, orthopedics), she underwent right "
         "shoulder arthroscopic subacromial decompression.", "Post-op PT 2x6 right shoulder",
         {"surgery_date": date(2017, 8, 10)}),
        ("Adjuster's letter dated 02/27/2026 authorizes, in writing, up to 8 additional PT visits.",
         "PT L elbow 2x4", {"employer_authorized_beyond_cap": True}),
        ("Completed six PT visits. Since therapy began his restrictions went from no lifting over "
         "10 lb and no overhead work to 25 lb with occasional overhead.", "Additional PT 2x2",
         {"functional_improvement": True}),
        ("Completed six PT visits. Naproxen went from daily to PRN about twice a week.",
         "Additional PT 2x2", {"functional_improvement": True}),
        ("The surgeon wants an MRI of the elbow to judge the extent of extensor tearing first.",
         "MRI R elbow without contrast", {"specific_lesion_suspected": True}),
        ("Six further PT visits since then without return of active elevation.",
         "MR arthrogram L shoulder", {"conservative_care_failed": True}),
        # Red flags a negated list, "not yet" or a lead-in before them must not take away.
        ("ROS negative for fever, chills, night sweats, rash, headache, positive for urinary "
         "retention and saddle numbness.", "MRI lumbar spine", {"red_flag_cauda_equina": True}),
        ("No fever, chills, night sweats, weight loss, nausea or vomiting, saddle anesthesia present "
         "on exam today.", "MRI lumbar spine", {"red_flag_cauda_equina": True}),
        ("Urinary retention has not yet resolved after decompression.", "MRI lumbar spine",
         {"red_flag_bowel_bladder": True}),
        ("Weakness not yet improving and progressive weakness of EHL noted, now with saddle "
         "numbness.", "MRI lumbar spine", {"red_flag_progressive_deficit": True}),
        ("Self-catheterizes four times daily to avoid urinary retention.", "MRI lumbar spine",
         {"red_flag_bowel_bladder": True}),
        # Another claim's date is not this injury's; a tear of the ACL and the meniscus is both.
        ("Specific injury 02/10/2017 lifting boxes at work. She also has an earlier CT claim "
         "reported 05/02/2014 for the neck.", "EMG right lower extremity",
         {"injury_date": date(2017, 2, 10)}),
        ("MRI right knee: torn ACL and medial meniscus.", "Right knee arthroscopic partial medial "
         "meniscectomy", {"meniscal_tear_on_imaging": True}),
        # A surgery dated in brackets by its operative date, or named after its post-operative
        # day by words the vocabulary does not hold.
        ("L knee, 12 days after arthroscopic partial medial meniscectomy (op date 02/25/2026).",
         "Post-op PT L knee 2x3 wks", {"surgery_date": date(2026, 2, 25)}),
        ("L shoulder, POD 21 after arthroscopic repair of a full-thickness supraspinatus tear.",
         "Post-op PT L shoulder 2x6 weeks",
         {"surgery_type": "repair of a full-thickness supraspinatus tear"}),
        # A templated review of systems: "neg" before each item, or before a list of them.
        ("ROS: Const neg fever, chills, night sweats, wt loss, night pain. Neuro neg numbness, neg "
         "weakness, neg saddle anesthesia. GU neg retention/incontinence.", "X-ray lumbar spine",
         {"red_flag_infection": False, "red_flag_cauda_equina": False,
          "red_flag_bowel_bladder": False}),
        ("Neuro neg numbness, weakness present in the L EHL since last week.", "MRI lumbar spine",
         {"motor_deficit": True}),
        # An injection's relief told to the day it held; a cumulative trauma by its last day;
        # care that left the symptoms as they were.
        ("R L5-S1 ILESI 10/25/2016: leg pain 8/10 -> 2/10 (about 75% better) from the first week "
         "through about 01/10/17.", "Repeat right L5-S1 interlaminar ESI x1",
         {"prior_injection_relief_weeks": 11}),
        ("PQME hand report. 41 y/o meat packer, CT claim through 06/10/2016, knife work.",
         "Nerve conduction study, right upper extremity", {"injury_date": date(2016, 6, 10)}),
        ("Night splint since July, naproxen, and rotation off the trimming line have not changed "
         "her symptoms.", "Nerve conduction study, right upper extremity",
         {"conservative_care_failed": True}),
        # A "neg" that is a test's result negates nothing after it.
        ("Exam: Romberg neg saddle anesthesia.", "MRI lumbar spine", {"red_flag_cauda_equina": True}),
        ("Spurling neg Hoffmann + R, hyperreflexia.", "MRI cervical spine",
         {"red_flag_myelopathy": True}),
        ("SLR neg R foot drop L.", "MRI lumbar spine", {"severe_neurologic_deficit": True}),
        ("Neg Waddell saddle anesthesia.", "MRI lumbar spine", {"red_flag_cauda_equina": True}),
        ("ROS: Resp neg GU incontinence x 3 days.", "MRI lumbar spine",
         {"red_flag_bowel_bladder": True}),
        ("Neuro neg LOC, fall from roof.", "X-ray lumbar spine", {"red_flag_fracture": True}),
        ("Weakness has not yet improved, foot drop.", "MRI lumbar spine",
         {"severe_neurologic_deficit": True}),
        ("Neuro neg numbness w/ weakness.", "MRI lumbar spine", {"motor_deficit": True}),
        # An opioid tapered to a lower dose is still taken.
        ("He has tapered from Norco 5/325 q4h to one or two a day and takes acetaminophen.",
         "Norco 5/325 #20", {"opioid_use": True}),
        ("Weaned from oxycodone 10 mg QID to 5 mg BID over the last month.", "Oxycodone 5 mg #60",
         {"opioid_use": True}),
        # A disability index at intake and today; a re-evaluation at the last visit, dated; an
        # analgesic with its dose and length before its failure; a new fall told as just now.
        ("NDI 40% at intake, 22% today. Acupuncture re-eval after 6 treatments (06/05-06/23/17). "
         "Stopped tramadol 06/05.", "Acupuncture 2x3 additional, cervical spine",
         {"prior_acupuncture_visits": 6, "functional_improvement": True}),
        ("Acupuncture progress re-eval at visit 6 (02/23-03/20/26).", "Acupuncture 2x3 lumbar",
         {"prior_acupuncture_visits": 6}),
        ("Took acetaminophen 1 g TID for a week with little effect.", "Naproxen 500 mg BID #60",
         {"non_opioid_analgesics_failed": True}),
        ("68 y/o custodian, osteopenia on alendronate. Yesterday, 08/08, she slipped on a wet floor "
         "mopping the gym and landed on her buttocks.", "X-ray lumbar spine",
         {"red_flag_fracture": True}),
        # A plan heading opening a sentence plans the sentences after it on its line; a course
        # told with its year is over.
        ("- Last muscle relaxant: Flexeril 10-day course in 2015, helped.",
         "Cyclobenzaprine 5 mg #10", {"drug_in_use": None}),
        ("Medications: Norco 10/325 BID, course in 2015 of Percocet, and ibuprofen.",
         "Norco 10/325 #60", {"drug_in_use": True}),
        # What a review of this round's first readings found them to drop, now planted: a
        # question answered about a finding's change, a form's answers run together, a pulse's
        # "P:", care given per a surgeon's orders.
        ("Follow-up for low back pain radiating to the left leg. Has the foot drop improved? No. "
         "Ibuprofen and HEP without benefit.", "MRI lumbar spine",
         {"severe_neurologic_deficit": True}),
        ("ROS: Trauma? No Saddle anesthesia? Yes Bowel incontinence? Yes", "MRI lumbar spine",
         {"red_flag_bowel_bladder": True, "red_flag_cauda_equina": True}),
        ("Follow-up chronic low back pain. T: 98.1. P: 76. BP 128/82. Current meds: Norco 10/325 "
         "TID since 2015 with 40% relief; UDS 03/2017 consistent.", "Norco 10/325 #90",
         {"opioid_use": True, "urine_drug_screen": True}),
        ("PT 12 visits 2016 per surgeon orders, no improvement.", "Physical therapy 2x6",
         {"prior_pt_visits": 12}),
        # A form's one-word answer is never a negation of the question after it; a question of a
        # finding's change or time negates nothing.
        ("Fever? No Chills? No Saddle anesthesia? Yes Bowel incontinence? Yes", "MRI lumbar spine",
         {"red_flag_cauda_equina": True, "red_flag_bowel_bladder": True}),
        ("Trauma? No\nSaddle anesthesia? Yes", "MRI lumbar spine", {"red_flag_cauda_equina": True}),
        ("Saddle anesthesia? Yes. Urinary retention? No.", "MRI lumbar spine",
         {"red_flag_cauda_equina": True}),
        ("Saddle anesthesia? No change since Monday.", "MRI lumbar spine",
         {"red_flag_cauda_equina": True}),
        ("Any improvement in the left foot drop since the last visit? No.", "MRI lumbar spine",
         {"severe_neurologic_deficit": True}),
        ("Is the saddle numbness any better? No, it has spread to both buttocks.",
         "MRI lumbar spine", {"red_flag_cauda_equina": True}),
        ("Did the bladder incontinence respond to the catheter? No.", "MRI lumbar spine",
         {"red_flag_bowel_bladder": True}),
        ("Is the Norco helping? No.", "Norco 10/325 #90", {"opioid_use": True}),
        # A cumulative trauma dated by a span of years to its last month; a done procedure with
        # its certification in brackets.
        ("36 y/o F poultry processing line worker, CT 2012-05/2016: both wrists, both shoulders, "
         "neck.", "NCS bilateral upper extremities", {"injury_date": date(2016, 5, 15)}),
        ("Arthroscopic subacromial decompression/acromioplasty L shoulder 05/09/26 (certified "
         "03/2026).", "Post-op PT L shoulder 2x6", {"surgery_date": date(2026, 5, 9)}),
        ("A/P: 30-day trial tramadol 50 mg q8h PRN #60, no refills.", "Tramadol 50 mg #60",
         {"opioid_use": False}),
        ("Function: works full time with typing breaks, walks two miles.", "Norco 5/325 #90",
         {"work_status": "full_duty"}),
        ("L hip OA, accepted CT claim (forklift, 22 years), 59 y/o M.", "Meloxicam 7.5 mg #30",
         {"diagnoses": ["arthritis"]}),
        ("Standing films show moderate medial joint-space narrowing, which her orthopedist reads "
         "as osteoarthritis.", "Naproxen 375 mg #60", {"diagnoses": ["arthritis"]}),
        ("She still rates the knee 6/10 by the end of a shift.", "Naproxen 375 mg #60",
         {"pain_score": 6}),
        ('She told me "the Tylenol barely touches it after lunch."', "Naproxen 375 mg #60",
         {"non_opioid_analgesics_failed": True}),
        ("A night splint and ibuprofen since 04/29 have changed nothing.",
         "Nerve conduction studies right upper extremity",
         {"conservative_care_failed": True, "conservative_care_weeks": 31}),
        ("Eight weeks of night splinting, naproxen and rotation off the line; still numb, drops "
         "utensils.", "Nerve conduction study, right upper extremity",
         {"conservative_care_weeks": 8}),
        ("Dear Mr. Brandt, I am asking that the TENS unit Ms. Rocha has been renting be "
         "purchased. She kept a log for thirty days: her leg pain went from 7/10 to 4/10 during "
         "use and she cut her tramadol from three tablets a day to one.", "TENS unit, purchase",
         {"tens_trial_successful": True}),
        ("She is 45, a hotel housekeeper with a chronic left L5 radiculopathy.", "TENS unit",
         {"diagnoses": ["neuralgia"]}),
        # The surgeon in the first person; the operative report's procedure line; a title's stop.
        ("I am the surgeon who did Mr. Ferreira's right lateral epicondylar debridement and "
         "release on 06/21/2017, and I am asking for six more therapy visits.",
         "Post-op occupational therapy right elbow 2x3", {"surgery_date": date(2017, 6, 21)}),
        ("I did an arthroscopic partial medial meniscectomy on Ms. Caldwell's right knee on "
         "03/04/2026.", "Post-op PT right knee 2x3", {"surgery_date": date(2026, 3, 4)}),
        ("Operative report 03/03/26. Procedure: L knee arthroscopic partial lateral "
         "meniscectomy; chondral surfaces intact.", "Post-op physical therapy L knee 2x3",
         {"surgery_type": "meniscectomy"}),
        ("I am starting Ms. Aguilar on nortriptyline and am writing so that you have my reasons.",
         "Nortriptyline 25 mg 1 PO qhs #30", {"drug_in_use": False}),
        ("R knee arthroscopic partial medial meniscectomy 11/24/2026. Surgeon orders postoperative "
         "PT, six visits, then reassess.", "Post-op physical therapy R knee 2x/wk x 3 wks",
         {"postsurgical_visits_completed": 0}),
        ("Allodynia still limits glove wear and grip after OT and gabapentin; pain 6/10.",
         "TENS unit trial", {"conservative_care_failed": True}),
        ("Ibuprofen 800 TID -> prn, ~2x/wk.", "Additional PT L elbow 2x1",
         {"pain_medication_reduced_or_not_tolerated": True}),
        ("He was taking ibuprofen 600 three times a day and now only uses it two or three times a "
         "week.", "Additional PT R elbow 2x1", {"pain_medication_reduced_or_not_tolerated": True}),
        ("PT 6/6 (authorized 6) done 11/21/16-12/30/16.", "Additional PT L elbow 2x1",
         {"prior_pt_visits": 6}),
        ("04/04/2017 (surgeon's post-op visit): 44 y/o carpenter, s/p R open lateral epicondyle "
         "debridement 03/14/2017.", "Post-op PT R elbow 2x3", {"postsurgical_visits_completed": 0}),
        # A PR-2 form's ticked box; pain with the drug told first; a refill not asked for.
        ("With the medication her pain is about 3 out of 10 and without it about 7; she works "
         "full shifts.", "Tramadol 50 mg #90", {"medication_pain_relief": True}),
        ("L5-S1 ESI 03/02/2017: she felt about half better for six weeks.",
         "Repeat lumbar epidural steroid injection L5-S1",
         {"prior_injection_relief_percent": 50, "prior_injection_relief_weeks": 6}),
        ("I would like to start lidocaine patches on the scar and have not asked for any "
         "refills.", "Lidoderm 5% patch #30", {"drug_in_use": False}),
        ("Amitriptyline 10 mg at night for two months gave only slight relief and was stopped.",
         "Lidoderm 5% patch #30", {"neuropathic_first_line_failed": True}),
        ("Chronic neck pain with burning down the left arm since the 2015 fall.",
         "TENS unit trial", {"neuropathic_pain": True}),
        ("Back pain 8/10 without meds, 4/10 about 30 min after a dose.", "Norco 10/325 #60",
         {"medication_pain_relief": True}),
        ("Work status: [ ] Off work [x] Modified duty, no lifting over 20 lb [ ] Full duty",
         "Physical therapy 2x3", {"work_status": "modified_duty"}),
        ("UDT 02/01/17 consistent w/ prescribed meds.", "Norco 10/325 #60",
         {"urine_drug_screen": True}),
        ("s/p ORIF w/ plate/screws 04/11/17 for a distal radius fracture.",
         "Post-op PT R wrist 2x4", {"surgery_date": date(2017, 4, 11)}),
        ("She lives alone; each trip out of the house takes two people to get her down the "
         "stairs.", "Home health aide 3x/wk x 4 wks", {"homebound": True}),
        ("Her apartment is on the fourth floor without a lift; leaving it requires two-person "
         "help.", "Home health aide 3x/wk x 4 wks", {"homebound": True}),
        ("Leaves home only for PT/ortho visits.", "Home health aide 3x/wk x 4 wks",
         {"homebound": True}),
        ("Treatment: night splint since February 2016, ibuprofen 400 mg TID. Symptoms are worse "
         "than in the spring.", "NCV right upper extremity", {"conservative_care_failed": True}),
        ("Per interpreter, pt states the ESI of 06/13/2017 helped a little, maybe one third, for "
         "about two weeks.", "Repeat L5-S1 interlaminar ESI",
         {"prior_injection_relief_percent": 33}),
        ("Work status: TTD [ ]  Modified duty [x]", "Physical therapy 2x3",
         {"work_status": "modified_duty"}),
        ("No EMG has been performed since 2015, when it showed moderate bilateral carpal tunnel "
         "syndrome.", "EMG/NCV bilateral upper extremities", {"prior_electrodiagnostics": True}),
        ("No cervical MRI was performed; lumbar MRI was done 03/2016.", "MRI lumbar spine",
         {"prior_imaging": True}),
        ("PT re-evaluation after visit #6 on 11/20/2026 showed improved lumbar flexion.",
         "Physical therapy 2x3 lumbar", {"prior_pt_visits": 6}),
        ("Norco 10/325 #60 refill today; he has not requested refills early.",
         "Norco 10/325 #60", {"drug_in_use": True}),
        ("He felt a sharp pain in his low back on 02/14/2017 while lifting a water heater.",
         "Physical therapy 2x3 lumbar", {"injury_date": date(2017, 2, 14)}),
        ("No fracture on the x-rays performed in the ER.", "MRI lumbar spine",
         {"prior_imaging": True}),
        # Text carried forward, its mark in capitals; today's line read from its first word.
        ("HPI CARRIED FORWARD FROM 11/15/2016: R shoulder pain, improving with PT.\n"
         "12/20/2016: Since then worse; pain 7/10.", "Physical therapy 2x3 R shoulder",
         {"symptoms_improving": None, "pain_score": 7}),
        ("L knee arthroscopy w/ partial meniscectomy requested 05/16/17; UR non-certified "
         "05/23/17. No surgery date.", "Cold therapy unit, 7-day rental, L knee, post-op",
         {"procedure_certified": False}),
        # Replies to a reviewer's questions; emergency records; a form's history headings.
        ("You asked whether she has had any physical therapy on this claim. She has not.",
         "Physical therapy 2x3 cervical spine", {"prior_pt_visits": 0}),
        ("You asked whether he has had acupuncture before. Never.",
         "Acupuncture 2x3 lumbar spine", {"prior_acupuncture_visits": 0}),
        ("You asked about function: he works his regular full-duty shifts.",
         "Norco 10/325 #60", {"work_status": "full_duty"}),
        ("Chiropractic trial: six visits 9/26 to 10/7/2016.",
         "Chiropractic manipulation lumbar spine 1x4, additional", {"prior_chiropractic_visits": 6}),
        ("Ms. F, 58, line cook.",
         "Omeprazole 20 mg #30", {"age_years": 58}),
        ("She had a bleeding duodenal ulcer in June 2012.",
         "Omeprazole 20 mg #30", {"gi_risk_factors": True}),
        ("GI history: bleeding duodenal ulcer 03/2012 (EGD, transfused).",
         "Omeprazole 20 mg #30", {"gi_risk_factors": True}),
        # A reviewer's question keeps the red flags it names; the patient's own history beside
        # a relative named only in passing.
        ("You asked whether she has bladder incontinence. She does, since 05/28.",
         "MRI lumbar spine", {"red_flag_bowel_bladder": True}),
        ("The reviewer asked for the basis of the request given the progressive foot drop "
         "documented on 5/25.", "MRI lumbar spine", {"red_flag_progressive_deficit": True}),
        ("You asked how her new saddle numbness changes the urgency of the MRI. It makes it "
         "urgent.", "MRI lumbar spine", {"red_flag_cauda_equina": True}),
        ("You asked whether she has new saddle numbness. She does not.", "MRI lumbar spine",
         {"red_flag_cauda_equina": False}),
        ("UR requested clarification regarding the ESR of 88 and the MRI showing discitis; these "
         "were drawn 11/29.", "MRI lumbar spine", {"red_flag_infection": True}),
        ("Per her daughter, who interprets, she had a bleeding duodenal ulcer in 2012.",
         "Omeprazole 20 mg #30", {"gi_risk_factors": True}),
        ("Lives with her daughter, s/p L4-5 fusion 2015.", "Physical therapy 2x3 lumbar",
         {"prior_surgery": True}),
        ("She had a duodenal ulcer four years ago.", "Omeprazole 20 mg #30",
         {"gi_risk_factors": True}),
        ("TENS: 30-day rental 07/24-08/23/2017, log attached: pain 7/10 -> 4/10 during use.",
         "TENS unit (2-lead) purchase after 30-day rental trial", {"tens_trial_successful": True, "dme_purchase": True}),
        ("Authorized 6 visits; attended all six (01/23/17 through 02/10/17).",
         "Physical therapy 2x2 cervical spine, additional", {"prior_visits": 6}),
        ("Chiro trial: 6 visits 9/6-9/20/16. Oswestry 42% on 9/6 -> 22% on 9/26.",
         "Chiropractic manipulative treatment lumbar 2x2, additional", {"functional_improvement": True}),
        ("OT for the wrist: 12 visits since 02/16/2026, the twelfth on 04/10.",
         "Occupational therapy (hand) L wrist 2x3", {"prior_ot_visits": 12}),
        ("ED 06/05/17 14:40. Triage: 42 yo M forklift operator; forklift struck a rack, R wrist forced into extension.",
         "EMG/NCS right upper extremity", {"injury_date": date(2017, 6, 5)}),
        ("ED 10/24/2016 12:35. Triage: 45 yo F grocery stocker felt a pop in the R shoulder lifting a case of water overhead.",
         "MRI right shoulder", {"injury_date": date(2016, 10, 24)}),
        ("ORIF R 4th/5th metacarpals 08/08/17 (Dr. Yamamoto, plates).",
         "Post-op occupational therapy R hand 2x4", {"surgery_type": "ORIF of metacarpal fracture", "surgery_date": date(2017, 8, 8)}),
        # The wordings of a round of eight development sets (therapists' and chiropractors' own
        # notes, post-operative visits, telehealth, record exports, case managers' reports, rural
        # family practice, corrected entries), and an independent review's counter-examples.
        ("Acupuncture re-eval 2/18/2026. Tx #6 of 6 was 2/13/26 (trial 1/26 - 2/13/26, 2x/wk).", "Acupuncture 2x3 lumbar, additional 6 visits", {"prior_visits": 6}),
        ("Chiro visit 6 of 6. Walking tolerance 15 \u2192 40 min.", "Chiropractic 2x2 lumbar, additional", {"functional_improvement": True}),
        ("Home TENS rental 09/05/17-10/05/17 (30 days). Her log: leg pain 7/10 before, 3-4/10 during.", "TENS unit purchase", {"tens_trial_successful": True}),
        ("Surgery 03/21/2017: R lateral epicondyle open debridement / ECRB release.", "Post-op occupational therapy R elbow 2x3", {"surgery_type": "ECRB release", "surgery_date": date(2017, 3, 21)}),
        ("History of renal cell carcinoma, L nephrectomy in 2013.", "MRI lumbar spine", {"red_flag_tumor": True}),
        ("He reports an unintended 11-lb weight loss over two months.", "MRI lumbar spine", {"red_flag_tumor": True}),
        ("Physical therapy on this claim: 12 visits 07/2024-09/2024 and 8 visits 06/2025-07/2025.", "Physical therapy 2x4 lumbar", {"prior_visits": 20}),
        ("Goals per Dr. Adeyemi: walk 40 minutes (now 20) and cut gabapentin to twice daily.", "TENS unit 30-day rental", {"treatment_goals_documented": True}),
        ("Goals for the month: sit through the hour-long service and walk two miles.", "TENS unit 30-day rental", {"treatment_goals_documented": True}),
        ("He lives alone on a third floor; leaving the apartment takes two helpers.", "Home health skilled nursing 3x/week x 3 weeks", {"homebound": True}),
        ("Getting to the truck takes two people and the porch steps.", "Home health skilled nursing 3x/week x 3 weeks", {"homebound": True}),
        ("Visits on this claim per the NCM log: PT 14 (eight in Jun-Jul 2025, six from 1/5 to 2/13/2026).", "Physical therapy 2x3 cervical spine", {"prior_visits": 14}),
        ("Norco 10/325 BID; she stopped it in June but restarted it in July.", "Norco 10/325 #60", {"opioid_use": True}),
        ("Never seen a chiropractor.", "Chiropractic manipulation cervical spine, 6 visits", {"prior_visits": 0}),
        ("Since early November: night wrist splint, ibuprofen 400 mg three times a day. No better after ten weeks.", "Nerve conduction study, right upper extremity", {"conservative_care_failed": True}),
        ("Tried his regular job twice, 05/30 and 08/21/2017; both times he had to stop within a week.", "Functional capacity evaluation", {"return_to_work_failed": True}),
        ("The surgeon says he has reached maximum improvement.", "Functional capacity evaluation", {"near_mmi": True}),
        ("Correction 4/2/17: the 3/28 entry should read \"PT x 12 visits completed\".", "Physical therapy 2x3", {"prior_visits": 12}),
        ("Last UDT: 3/14/2017.", "Urine drug screen", {"drug_test_dates": ["2017-03-14"]}),
        ("POST-OP VISIT #2 | 09/27/2017 | DOI: 03/13/2017 | Surgery: 09/06/2017\nPROCEDURE: R shoulder arthroscopy, subacromial decompression (no repair).", "Post-operative PT right shoulder 2x6", {"surgery_date": date(2017, 9, 6), "surgery_type": "subacromial decompression"}),
        ("Back to full 8-h shifts on modified duty since 2/9. Not met: lift 50 lb (regular duty).", "Acupuncture 2x3 lumbar", {"work_status": "modified_duty"}),
        ("Work status: modified duty since 2/9\nCorrection 3/2/26: the 2/16 entry \"acupuncture x6\" belongs to another chart.", "Physical therapy 2x3", {"work_status": "modified_duty"}),
        ("Correction 4/2/17: the 3/28 entry should be \"PT x 12 visits completed\".", "Physical therapy 2x3", {"prior_visits": 12}),
        ("Corrected entry: \"PT x 12 visits completed in 2016\".", "Physical therapy 2x3", {"prior_visits": 12}),
        ("Not met: full duty; continues modified duty with 20-lb limit.", "Physical therapy 2x3", {"work_status": "modified_duty"}),
        ("Unmet: regular duty (remains TTD).", "Physical therapy 2x3", {"work_status": "off_work"}),
        ("Leaving the apartment takes two helpers on moving day; otherwise independent community ambulator.", "Home health skilled nursing 3x/week x 3 weeks", {"homebound": False}),
        ("He tried his regular work again and failed to find it harder than before; working full duty.", "Functional capacity evaluation", {"return_to_work_failed": False}),
        ("Hx melanoma of the back, excised 2012, with lymph node spread.", "MRI lumbar spine", {"red_flag_tumor": True}),
        ("POST-OP VISIT #2 (operating surgeon) | 09/27/2017 | DOI: 03/13/2017 | Surgery: 09/06/2017", "Post-operative PT right shoulder 2x6", {"surgery_date": date(2017, 9, 6)}),
        # A review of this round's readings: questions and their answers, a table's columns, a
        # hospital bed's need, the date that opens an injury's sentence, care of another injury.
        ("Q. Has she had physical therapy? A. Six visits, September 12 to October 13, 2016, without improvement.", "Physical therapy 2x3", {"prior_visits": 6, "conservative_care_failed": True}),
        ("Q. Did you have therapy after the injury?\nA. No.\nQ. Why not?\nA. The adjuster never approved it.", "Physical therapy 2x3", {"prior_visits": 0}),
        ("Q. When was the injury? A. March 3, 2024.", "Physical therapy 2x3", {"injury_date": date(2024, 3, 3)}),
        ("Did 12 sessions of PT reduce his pain? No.", "Physical therapy 2x3", {"prior_visits": 12}),
        ("Any lasting benefit from 12 sessions of PT? None.", "Physical therapy 2x3", {"prior_visits": 12}),
        ("Did the 8 acupuncture sessions make a difference? No.", "Acupuncture 2x3", {"prior_visits": 8}),
        ("Is the left foot drop progressing? No.", "MRI lumbar spine", {"motor_deficit": True}),
        ("Has the Norco caused any side effects? No.", "Norco 10/325 #90", {"opioid_use": True}),
        ("Early refills or lost meds? Yes, lost a bottle in May.", "Norco 10/325 #90", {"aberrant_drug_behavior": True}),
        ("He asked if he could go back to work given his 4/5 grip weakness and numbness in the thumb.", "EMG/NCS right upper extremity", {"motor_deficit": True}),
        ("He asked whether she had PT: she completed 12 visits without benefit.", "Physical therapy 2x3", {"prior_visits": 12, "conservative_care_failed": True}),
        ("He asked about side effects: none.", "Norco 10/325 #90", {"severe_adverse_effects": False}),
        ("He asked what the MRI showed: no disc herniation, no stenosis.", "MRI lumbar spine", {"prior_imaging": True}),
        ("He asked about conservative care: PT x12, chiropractic x6, NSAIDs, all without lasting relief.", "Physical therapy 2x3", {"prior_visits": 12, "conservative_care_failed": True}),
        ("He asked whether surgery is contemplated: yes; ortho saw him 4/14 and is considering arthroscopy depending on the MRI.", "MRI right knee", {"surgery_considered": True}),
        ("She asked if he has had acupuncture before: never.", "Acupuncture 2x3", {"prior_visits": 0}),
        ("Side effects:     none", "Norco 10/325 #90", {"severe_adverse_effects": False}),
        ("No history of hepatitis C. Patel MD noted new urinary retention on 3/1/24.", "MRI lumbar spine", {"red_flag_bowel_bladder": True}),
        ("He denies weakness, numbness or taking anything but vitamin D. Ortega MD found 4/5 EHL weakness and absent ankle reflex.", "MRI lumbar spine", {"motor_deficit": True, "reflex_change": True}),
        ("Date       Pain   Side effects   Aberrant   CURES\n07/10/17   4/10   none           none       CURES 07/10 consistent", "Norco 10/325 #90", {"cures_checked": True}),
        ("Order, signed M. Ortega MD 07/19/2017: R L5-S1 TFESI x1 under fluoro, then resume PT/HEP.", "Right L5-S1 transforaminal epidural steroid injection", {"prior_injections": None}),
        ("He is bed bound after the spinal cord injury with a stage 2 sacral pressure injury.", "Semi-electric hospital bed rental x 8 weeks", {"equipment_medically_needed": True}),
        ("Unable to get out of bed without assistance of two people.", "Semi-electric hospital bed rental x 8 weeks", {"equipment_medically_needed": True}),
        ("Needs HOB at 30-45 deg for meals and repositioning q2h.", "Semi-electric hospital bed rental x 8 weeks", {"equipment_medically_needed": True}),
        ("Bed-to-wheelchair transfers need a slide board and 2-person assist; he cannot stand or pivot.", "Semi-electric hospital bed rental x 8 weeks", {"equipment_medically_needed": True}),
        ("Cannot get out of his low platform bed alone and cannot raise head or legs in it.", "Semi-electric hospital bed rental x 8 weeks", {"equipment_medically_needed": True}),
        ("8/19/2016 slipped off a pitched roof onto a driveway at the job site.", "Physical therapy 2x3", {"injury_date": date(2016, 8, 19)}),
        ("On 03/11/17 he burned the right forearm in a fryer grease fire at work.", "Physical therapy 2x3", {"injury_date": date(2017, 3, 11)}),
        ("10/18/2016 contacted a live 480 V bus bar while servicing a panel.", "Physical therapy 2x3", {"injury_date": date(2016, 10, 18)}),
        ("Homebound status: not homebound, drives to the store.", "Home health aide 4 hrs/day 5 days/wk", {"homebound": False}),
        ("CURES status: reviewed, consistent.", "Norco 10/325 #90", {"cures_checked": True}),
        ("Completed 12 PT visits for the lumbar spine, denies any prior or unrelated injuries.", "Physical therapy 2x3", {"prior_visits": 12}),
        ("She completed 12 PT visits, though the carrier contends the injury is not industrial.", "Physical therapy 2x3", {"prior_visits": 12}),
        ("Completed 8 PT sessions for the lumbar claim; the cervical complaints are nonindustrial.", "Physical therapy 2x3", {"prior_visits": 8}),
        ("Restrictions eased twice and tramadol stopped over six sessions.", "Acupuncture 2x3, additional", {"prior_visits": 6}),
        ("S/p right tibia IM nail 09/02/2016.", "Post-op PT 2x6 right leg", {"surgery_date": date(2016, 9, 2), "prior_surgery": True}),
        ("Hand therapy (OT/CHT): 8 visits 12/01/2025 to 01/23/2026.", "Occupational therapy 2x3 right hand", {"prior_visits": 8}),
        ("PT: 24 visits 07/2025 - 03/2026 (wrist and low back), discharged.", "Occupational therapy 2x3 right hand", {"prior_visits": 0}),
        ("PT on this claim: 18 outpatient visits Jan-Jun 2025 + 6 in-home visits Nov-Dec 2025 = 24 per claims ledger dated 01/28/26.", "Home PT 2x/wk x 4 wks, lumbar spine", {"prior_visits": 24}),
        ("Night splint since mid-September, ibuprofen, job rotation; not much change after twelve weeks.", "NCS right upper extremity", {"conservative_care_failed": True}),
        ("Re: Nadia F., 38. DOI Oct. 19, 2016: twisted the R knee on a galley cart.", "Physical therapy 2x3", {"injury_date": date(2016, 10, 19)}),
        ("Here is the result of the home TENS rental trial I prescribed. Leg pain 7/10 before, 4/10 during.", "TENS unit purchase", {"tens_trial_successful": True}),
        ("BDI-II 29 at intake, 31 today.", "Amitriptyline 25 mg qhs #30", {"depression": True, "depressive_disorder": True}),
        ("BDI-II: 24.", "Psychiatric consultation x1", {"psychosocial_factors_present": True}),
        ("Diphenhydramine 50 mg every night since about July.", "Diphenhydramine 50 mg #30", {"drug_use_weeks": 20}),
        ("Since 09/2026: R wrist night splint and naproxen; no change after ten weeks.", "NCS right upper extremity", {"conservative_care_weeks": 11}),
        ("Gradual R shoulder pain noticed about 11/29/2025 after a week of stocking shelves.", "MRI right shoulder", {"injury_date": date(2025, 11, 29)}),
        ("PT eight visits 02/14-03/24/2017. Swelling is better, but he states the knee locks and he has to wiggle it before it will straighten.", "MRI left knee", {"conservative_care_failed": True}),
        ("4 A's: analgesia, activities, adverse effects, aberrant behavior reviewed. Aberrant behavior reviewed - UDS inconsistent (positive for methamphetamine).", "Norco 10/325 #90", {"aberrant_drug_behavior": True}),
        ("Analgesia, activity, side effects and aberrant behavior were addressed; he admitted to taking extra tablets.", "Norco 10/325 #90", {"aberrant_drug_behavior": True}),
        ("Cyclobenzaprine 10 mg qhs since early December.", "Cyclobenzaprine 10 mg #30", {"drug_use_weeks": 0}),
        ("MRI right shoulder, done once the swelling settled, revealed a full-thickness supraspinatus tear.", "MRI right shoulder", {"prior_imaging": True}),
        ("The MRI, if I recall correctly, showed a small disc bulge at L4-5.", "MRI lumbar spine", {"prior_imaging": True}),
        ("My read: acute L S1 radiculopathy, no neuropathy.", "Gabapentin 300 mg TID #90", {"neuropathic_pain": True}),
        ("DOI 10/21/2015 lifting a transmission; chronic L L5 radiculopathy, s/p 12 PT visits (2016).", "Gabapentin 300 mg TID #90", {"neuropathic_pain": True}),
        ("Dx: R 4th and 5th metacarpal shaft fxs, s/p ORIF with plates 02/03/2026.", "Post-op OT R hand 2x4", {"surgery_type": "ORIF of metacarpal fracture"}),
        ("Acupuncture started as an adjunct to her HEP: six sessions 10/28/26 through 11/22/26.", "Acupuncture 2x3, additional", {"prior_visits": 6}),
        ("Acupuncture: six sessions 10/28/26 through 11/22/26. She went from modified duty 4 h/day to 6 h/day as of 11/19/26.", "Acupuncture 2x3, additional", {"functional_improvement": True}),
        ("Acupuncture: six sessions 10/28/26 through 11/22/26. The cane was put away on 11/20.", "Acupuncture 2x3, additional", {"functional_improvement": True}),
        ("Dr. Kevin Ashby has prescribed hydrocodone/APAP 10/325 three times a day, unchanged since 2016.", "Norco 10/325 #90", {"opioid_use": True}),
        ("L L4-5 TFESI 07/2025: leg pain down about 70% for some four months.", "Left L4-5 TFESI x1", {"prior_injection_relief_percent": 70, "prior_injection_relief_weeks": 17}),
        ("Arthroscopic SAD 02/2012; post-op PT x20 in 2012. Revision arthroscopic subacromial decompression 11/25/2026.", "Post-op PT right shoulder 2x6", {"postsurgical_visits_completed": 0}),
        ("Left ankle ORIF 08/20/2026 for bimalleolar fracture. Right wrist ORIF 10/01/2026.", "Post-op PT left ankle 2x6", {"surgery_date": date(2026, 8, 20), "surgery_type": "ankle ORIF"}),
        ("Pain management to do a repeat C6-7 ESI; the last one, 03/2026, gave 70% relief for 3 months.", "C6-7 ESI", {"prior_injections": 1, "prior_injection_relief_percent": 70}),
        ("Too much pain to do the stairs; she has not improved after 12 PT visits and 8 chiropractic visits.", "Physical therapy 2x6 lumbar", {"prior_visits": 12}),
        ("L5-S1 fusion 01/15/2026. Post-op PT 18 visits, per the 12/2025 RFA and its 2025 UR approval.", "Post-op PT lumbar 2x6", {"postsurgical_visits_completed": 18}),
        ("She had hives or intolerance to generic sertraline from two manufacturers.", "Zoloft 50 mg #30 DAW", {"brand_necessity_documented": True}),
        ("Completed work hardening before full duty resumed on 09/15/2026.", "Physical therapy 2x3", {"work_status": "full_duty"}),
        ("He had been on modified duty for two months prior to full duty release on 11/01/2026.", "Physical therapy 2x3", {"work_status": "full_duty"}),
        ("Takes public transit to work and to the store.", "Home health aide 4 h/day", {"homebound": False}),
        ("Hx: R ankle ORIF 03/02/2026 after a fall. L knee arthroscopic partial lateral meniscectomy 10/20/2026.", "Post-op PT left knee 2x3", {"surgery_date": date(2026, 10, 20), "surgery_type": "meniscectomy"}),
        ("Chiropractic was authorized: six visits, weekly, 09/01/2026 to 10/10/2026.", "Chiropractic lumbar 1x4, additional", {"prior_visits": 6}),
        ("Trial of six manipulation visits from 2nd to 20th November 2026, per the plan of care.", "Chiropractic lumbar 1x4, additional", {"prior_visits": 6}),
        ("Acupuncture: first course, six treatments, 10/06-11/14/2026.", "Acupuncture 1x6, additional", {"prior_visits": 6}),
        ("Physical therapy: none so far.", "Physical therapy 2x3 cervical", {"prior_visits": 0}),
        ("No chiropractic on this claim yet (none of the 24 chiro visits used).", "Chiropractic lumbar 1x6", {"prior_visits": 0}),
        ("ROS: fever -, saddle numbness -, bowel/bladder \u0394 -, cancer hx -.", "MRI lumbar spine", {"red_flag_infection": False, "red_flag_tumor": False}),
        ("Tx 10 wks: night splint, naproxen \u2192 sx no \u0394.", "NCS right upper extremity", {"conservative_care_failed": True}),
        ("Treatment: night splint since 3rd September 2026 (eleven weeks), ibuprofen. Symptoms unchanged.", "NCS right upper extremity", {"conservative_care_failed": True}),
        ("Her bed is a low divan; she cannot sit up from it without two people helping.", "Hospital bed rental", {"equipment_medically_needed": True}),
        ("Leaving the building takes two people.", "Home health RN 2x/wk", {"homebound": True}),
        ("PT: 8 visits completed.\n  Oswestry  09/15/26: 50%   11/20/26: 28%", "Physical therapy 2x3 lumbar, additional", {"functional_improvement": True}),
        ("PT: 8 visits completed. ODI 44% on 09/15/26, 20% on 11/20/26.", "Physical therapy 2x3 lumbar, additional", {"functional_improvement": True}),
        ("Past history: pancreatic adenocarcinoma, Whipple 2019.", "MRI lumbar spine", {"red_flag_tumor": True}),
        ("L knee arthroscopic partial medial meniscectomy twelve days ago; no therapy yet.", "Post-op PT left knee 2x3", {"surgery_type": "meniscectomy", "surgery_date": date(2026, 11, 23)}),
        ("Right carpal tunnel release on 2026-11-02.", "Post-op OT right hand 2x3", {"surgery_date": date(2026, 11, 2)}),
        ("Subacromial injection in August helped for roughly ten days. No gain in strength with PT.", "MRI right shoulder", {"symptoms_improving": None}),
        ("  Pain 7/10 without meds, 3/10 with\n  Works full time as a forklift driver", "Norco 10/325 #90", {"work_status": "full_duty"}),
        ("Saddle anesthesia -\nonset 2 days ago, progressive.", "MRI lumbar spine", {"red_flag_cauda_equina": True}),
        ("Saddle anesthesia -: since yesterday.", "MRI lumbar spine", {"red_flag_cauda_equina": True}),
        ("CURES reviewed. Denies:\n  Early refills\n  Lost prescriptions\n  Multiple prescribers", "Norco 10/325 #90", {"aberrant_drug_behavior": False}),
        ("Early refills (per pharmacy: none).", "Norco 10/325 #90", {"aberrant_drug_behavior": False}),
        ("Saddle anesthesia (asked specifically - none).", "MRI lumbar spine", {"red_flag_cauda_equina": False}),
        ("L5 TFESI to help with PT on 10/01/2026.", "Left L5 TFESI x1", {"prior_injections": 1}),
        ("Chiropractic authorized 6 visits 10/01/2026 to 10/31/2026. She attended 3 visits.", "Chiropractic lumbar 1x4, additional", {"prior_visits": 3}),
        ("None of the 12 PT visits helped.", "Physical therapy 2x3", {"prior_visits": 12}),
        ("Right shoulder RCR 10/01/2026. Right knee partial meniscectomy 11/10/2026.", "Post-op PT left knee 2x6", {"surgery_date": date(2026, 10, 1)}),
        ("Acupuncture was started as an adjunct to the home program. Six sessions 09/08/2026 - 10/16/2026.", "Acupuncture 1x6, additional", {"prior_visits": 6}),
        ("Post-op PT: 6 visits authorized 10/05-11/13/2026; all six attended.", "Post-op PT left knee 2x3, additional", {"prior_visits": 6}),
        ("Aberrant behavior: early refills -, lost Rx -, ED visits -, other prescribers -.", "Norco 10/325 #90", {"aberrant_drug_behavior": False}),
        ("Aberrant behavior: early refill 2 weeks ago - pharmacy called.", "Norco 10/325 #90", {"aberrant_drug_behavior": True}),
        ("EGD 2014 in chart: bleeding gastric ulcer.", "Omeprazole 20 mg #30", {"gi_risk_factors": True}),
        ("TENS rental 10/01-10/31/2026 with written goals. During the trial: ibuprofen down from three a day to one.", "TENS unit purchase", {"tens_trial_successful": True}),
        ("Saddle numbness \u0394 -.", "MRI lumbar spine", {"red_flag_cauda_equina": True}),
        ("PT authorized 12 visits 09/01/2026 to 10/31/2026; attended 3.", "Physical therapy 2x3", {"prior_visits": None}),
        ("Employer: Acme Foods\nWorks full time at the time of injury.", "Physical therapy 2x3", {"work_status": None}),
        ("Urinary retention: No [ ] Yes [x]", "MRI lumbar spine", {"red_flag_cauda_equina": True}),
        ("Urinary retention: not resolved, straight cath x2 in ED.", "MRI lumbar spine", {"red_flag_cauda_equina": True}),
        ("Fever: not measured at home; 38.9 C in clinic.", "MRI lumbar spine", {"red_flag_infection": True}),
        ("Reflexes: [ ] normal   absent L ankle jerk", "EMG bilateral lower extremities", {"reflex_change": True}),
        ("Injections to date: ESI 2, last 09/14/2026, 60% relief for 6 weeks.", "Lumbar epidural steroid injection L4-5", {"prior_injections": 1}),
        ("DOI: CT 01/01/2025 to 06/01/2026, both hands.", "NCS bilateral upper extremities", {"injury_date": date(2026, 6, 1)}),
        ("Dr. Lee, who prescribes her Norco, checked CURES 11/20/2026: consistent, single prescriber.", "Norco 10/325 #60", {"cures_checked": True}),
        ("Chiropractic 10/18/2026 to 10/31/2026: 6 visits.", "Chiropractic lumbar 1x4, additional", {"prior_visits": 6}),
        ("Chiro trial (certified): 10/18/2026-10/31/2026, 6 visits.", "Chiropractic lumbar 1x4, additional", {"prior_visits": 6}),
        ("Attended 6 of 6 authorized visits.", "Physical therapy lumbar 2x2, additional", {"prior_visits": 6}),
        ("Visits attended: 6 of 6 authorized (first Jan 9 2026, last Jan 27 2026).", "Physical therapy lumbar 2x2, additional", {"prior_visits": 6}),
        ("Tx: PT, ten visits completed (Jul-Aug); HEP daily; acupuncture (none to date).", "Acupuncture 2x3 lumbar", {"prior_visits": 0}),
        ("PT / chiro / acupuncture on this claim: none (0 visits).", "Physical therapy lumbar 2x3", {"prior_visits": 0}),
        ("Acupuncture to date: none.", "Acupuncture 2x3 lumbar", {"prior_visits": 0}),
        ("Analgesia: 7/10 without meds, 3/10 about forty minutes after a dose.", "Norco 10/325 #90", {"medication_pain_relief": True}),
        ("Uses a walker, cannot get into a car without another person, has not left the house since discharge.", "Home health RN 2x/wk", {"homebound": True}),
        ("Since discharge he has left the apartment only for the surgeon's visit.", "Home health RN 2x/wk", {"homebound": True}),
        ("Persistent burning L L5 leg pain since surgery.", "TENS unit purchase", {"neuropathic_pain": True}),
        ("Surgery: L knee arthroscopic partial medial meniscectomy, 10/20/2026.", "Post-op PT left knee 2x3", {"surgery_type": "meniscectomy", "surgery_date": date(2026, 10, 20)}),
        ("Open lateral extensor release by Dr. Yamada on 10/02/2026.", "Post-op PT right elbow 2x3", {"surgery_type": "lateral extensor release"}),
        ("L5 ESI 2 weeks ago with 70% relief.", "Left L5 TFESI x1", {"prior_injections": 1}),
        ("s/p ESI 2 on 10/14/2026 with 60% relief for 6 weeks.", "Lumbar epidural steroid injection L4-5", {"prior_injections": 1}),
        ("Aberrant behavior: no early refills, no lost Rx, no other prescribers.", "Norco 10/325 #60", {"aberrant_drug_behavior": False}),
        ("Aberrant behavior: no early refills; lost Rx twice this year.", "Norco 10/325 #60", {"aberrant_drug_behavior": True}),
        ("OPIOID MAINTENANCE VISIT (face-to-face) 11/30/26", "Norco 10/325 #60", {"opioid_use": True}),
        ("HAND CLINIC NOTE - 11/15/26\nDOI: CT 06/01/2026, assembly-line wiring harnesses, both hands.", "NCS bilateral upper extremities", {"injury_date": date(2026, 6, 1)}),
        ("He says that on Saturday 11/28/2026 he stepped backward off the loading dock and landed on the left knee.", "X-ray left knee, 3 views", {"injury_date": date(2026, 11, 28)}),
        ("Treated since 10/08/26 with a night wrist splint, naproxen and job rotation: eight weeks, no better.", "NCS right upper extremity", {"conservative_care_failed": True}),
        ("On alendronate for osteoporosis. On Friday 12/02/2026 at work she slipped on a wet floor and landed hard on her buttocks.", "X-ray lumbar spine, 3 views", {"red_flag_fracture": True}),
        ("Meds: ibuprofen stopped 11/2026 (gastritis); tramadol - stopped, dizziness/vomiting.", "Acupuncture 2x3 lumbar", {"pain_medication_reduced_or_not_tolerated": True}),
        ("Cardiology and nephrology both say no oral NSAIDs.", "Diclofenac 1% gel 100 g", {"oral_medication_not_tolerated": True}),
        ("Completed six acupuncture sessions. Now back to 8-h days without restriction, off cyclobenzaprine.", "Acupuncture cervical, 6 additional sessions", {"functional_improvement": True}),
        ("Post-op hand therapy 8 visits 10/24-11/30/26. Since therapy: back at work modified duty 11/21/26.", "Post-op hand therapy right hand 2x4", {"functional_improvement": True}),
        ("She stopped naproxen in October, and began acupuncture alongside her home exercise program, six sessions twice a week from 10/23 to 11/13/2026.", "Acupuncture lumbar 2x3, 6 additional sessions", {"prior_visits": 6}),
        ("Acupuncture: the first six sessions (10/01-10/29/26) cut medication use.", "Acupuncture cervical 2x3, additional 6", {"prior_visits": 6}),
        ("Acupuncture started 10/09/2026 because naproxen caused GI upset and tramadol made her dizzy; six sessions 10/09-11/03 (twice weekly).", "Acupuncture lumbar 2x3, 6 additional sessions", {"prior_visits": 6}),
        ("Visits used, this claim: chiropractic 20 (2025), acupuncture 10 (01/05-03/06/2026).", "Chiropractic lumbar 2x4", {"prior_visits": 20}),
        ("She has worn a wrist splint every night since September and taken naproxen, and she says the night numbness is the same or worse.", "NCS right upper extremity", {"conservative_care_failed": True}),
        ("Night splint, naproxen and job rotation since August; unchanged despite all three.", "NCS right upper extremity", {"conservative_care_failed": True}),
        ("Gabapentin was stopped for dizziness. I am prescribing the Lidoderm 5% patch, #30, no refills.", "Lidoderm 5% patch #30", {"drug_in_use": False}),
        ("Localized neuropathic pain after failed trials of gabapentin and nortriptyline; patch as a trial.", "Gabapentin 300 mg #90", {"drug_in_use": None}),
        ("Arthroscopic partial medial meniscectomy, L knee, 11/19/2026 (13 days ago); portals healed.", "Post-op physical therapy left knee 2x3", {"surgery_type": "meniscectomy", "surgery_date": date(2026, 11, 19)}),
        ("A displaced fracture of the fifth metacarpal shaft, which Dr. Marchetti fixed with a plate and screws on 10/12/2026; splint off 11/19/2026.", "Post-op occupational therapy left hand 2x4", {"surgery_type": "internal fixation of metacarpal fracture", "surgery_date": date(2026, 10, 12)}),
        ("She lives on a second floor and cannot manage the stairs or leave the apartment without two people helping.", "Home health aide 3 h/day x 4 wks", {"homebound": True}),
        ("On 11/17/26 the tractor tipped on a slope in the almond block; thrown clear, landed on head.", "X-ray cervical spine 3 views", {"injury_date": date(2026, 11, 17)}),
        ("PRIOR AUTHORIZATION HISTORY\n  10/30/26  L knee arthroscopy, partial medial meniscectomy .... NON-CERTIFIED by UR 11/06/26", "Cold therapy unit 7-day rental L knee", {"procedure_certified": False}),
        ("UDT HISTORY: 06/09/2026 consistent (tramadol). None since.", "Urine drug screen x1", {"drug_test_dates": ["2026-06-09"]}),
        ("Tried regular duty on 10/21/2026: lasted four days, sent home with back spasm after a full shift of lifting.", "Functional capacity evaluation", {"return_to_work_failed": True, "work_status": None}),
        ("NCS/EMG 09/16/2026: R median distal motor latency 6.4 ms, median sensory response absent; ulnar normal; no cervical radiculopathy.", "Right carpal tunnel release", {"cts_confirmed_by_electrodiagnostics": True}),
        ("Today: thenar flattening, APB 3+/5, constant numbness of digits 1-3.", "Right carpal tunnel release", {"severe_carpal_tunnel_syndrome": True}),
        ("PT discharge summary 08/12/2026 (8 visits, 06/20-08/12). No PT during the chiropractic trial.", "Physical therapy 2x4 lumbar", {"prior_pt_visits": None}),
        ("PT discharge summary 08/12/2026 (8 visits, 06/20-08/12). No PT since the discharge.", "Physical therapy 2x4 lumbar", {"prior_pt_visits": None}),
        ("Discipline | Dates | Visits used on this claim | Result\nPT | 04/2025 - 11/2025 | 24 of 24 | ODI 48% -> 30%\nChiropractic | none | 0 | -", "Chiropractic manipulation 2x3 lumbar", {"prior_visits": 0}),
        ("Goal | Baseline 10/20 | PT d/c 11/12 | After chiro trial 11/30 | Status\nDrive 2 h route | 30 min | 45 min | 90 min | partly met\nChiropractic trial: six visits 11/16-11/27/26 (3/wk x 2 wks); HEP continued daily.", "Chiropractic manipulation lumbar spine 1x4", {"prior_visits": 6}),
    ],
)  # fmt: skip
def test_readings_of_the_new_wordings(
    note: str, request_line: str, expected: dict[str, Any]
) -> None:
    found = note_values(note, FINDINGS, VOCABULARY, request_line, date(2026, 12, 5))
    assert {name: found.get(name) for name in expected} == expected


@pytest.mark.parametrize(
    "note, request_line, name",
    [
        # A range and a count are no strength grade.
        ("S: LBP 5/10, sleep 4-5 h.", "Pain management consultation", "motor_deficit"),
        # An independent review's wordings that only look like this round's readings.
        ("He has worked as a welder since 2009 and takes Norco 10/325 TID.", "Norco 10/325 #90",
         "drug_use_weeks"),
        ("Norco 10/325 TID, started 12/2016; no other opioids since 2015.", "Norco 10/325 #90",
         "drug_use_weeks"),
        ("PT visit 5 of 8. Pain 8/10 at work -> 4/10 at rest.", "Physical therapy 2x4",
         "symptoms_improving"),
        ("PT: UR approved 6 of 12 visits on 02/10/2017.", "Physical therapy 2x4", "prior_visits"),
        ("PT re-eval: 6 of 12 authorized visits remain.", "Post-op PT right knee 2x6",
         "prior_pt_visits"),
        ("PT progress note: Dr. Lee post-op visit 3 of 4 today, PT to start next week.",
         "Physical therapy 2x4", "prior_pt_visits"),
        ("On Norco 10/325 TID. Norco use dropped from 4 a day to 2 a day because the pharmacy "
         "would not fill it.", "Norco 10/325 #90", "functional_improvement"),
        ("On Norco 10/325 TID. Norco down to 2 tablets left, needs refill.", "Norco 10/325 #90",
         "functional_improvement"),
        ("On Norco. Wears the lumbar brace at work and says he could not finish a shift without "
         "it.", "Norco 10/325 #90", "functional_improvement"),
        ("Released to full duty 01/17/2017; has lasted three weeks so far without problems.",
         "Functional capacity evaluation", "return_to_work_failed"),
        ("Returned to regular duty 01/09/2017; a coworker with the same complaints was taken off "
         "work.", "Functional capacity evaluation", "return_to_work_failed"),
        ("No functional goals were set; goals return to clinic in 4 weeks, continue HEP, ice.",
         "TENS unit 30-day trial", "treatment_goals_documented"),
        ("Lateral thigh numbness around the incision since the hip replacement.",
         "MRI lumbar spine", "radiating_pain"),
        ("Plan: decrease gabapentin once the foot sensation improves.", "EMG/NCS",
         "sensory_deficit"),
        ("Neck pain from a pinched nerve at C6, with numbness into the right hand. Heberden node "
         "deformity of the right index finger DIP, longstanding.", "X-ray right hand",
         "fracture_or_foreign_body_suspected"),
        ("The pharmacy substituted generic pregabalin in 2016; he had no hives or rash.",
         "Lyrica 75 mg #60 DAW", "brand_necessity_documented"),
        ("Switched to generic pregabalin 10/2016 and had better pain control; he developed knee "
         "swelling after a fall.", "Lyrica 75 mg #60 DAW", "brand_necessity_documented"),
        ("Ibuprofen does not work as well as naproxen, which controls her pain.",
         "Naproxen 500 mg #60", "non_opioid_analgesics_failed"),
        ("Ibuprofen has never caused stomach upset.", "Naproxen 500 mg #60",
         "oral_medication_not_tolerated"),
        ("Radiographs 02/2017: no dislocation.", "MRI left knee", "diagnoses"),
        ("Since 07/2016 she has had no PT, chiropractic or injections.", "Physical therapy 2x4",
         "conservative_care_weeks"),
        ("On Norco 10/325 QID.", "Norco 10/325 #90 to reduce pain and improve function",
         "opioid_wean_attempted"),
        # Neither fever nor a fall in a frail patient.
        ("Temp 98.6, afebrile; ESR 12.", "MRI thoracic spine", "red_flag_infection"),
        ("He vomited once after the fish tacos.", "CT head without contrast",
         "head_injury_deteriorating"),
        ("ED 02/12/17: follow-up of chronic back pain, no new injury.", "Naproxen 500 mg #60",
         "injury_date"),
        ("ODI 40% (42% in May).", "Continue PT 2x4", "functional_improvement"),
        ("Gabapentin helped about 30% but dizziness at higher doses.", "TENS unit 30-day trial",
         "symptoms_improving"),
        # A second review's wordings that only look like this round's readings.
        ("72 y/o F. DOI 02/20/2017 lifting boxes. She fell asleep in the recliner.",
         "X-ray lumbar spine", "red_flag_fracture"),
        ("72 y/o F. DOI 02/20/2017 lifting boxes. MRI 2015 showed a slipped disc at L4-5.",
         "X-ray lumbar spine", "red_flag_fracture"),
        ("72 y/o F. DOI 02/20/2017 lifting boxes. She fell in 2010 and broke her wrist.",
         "X-ray lumbar spine", "red_flag_fracture"),
        ("55 y/o F. DOI 11/20/2026. She tripped on a cord. Off prednisone for two years.",
         "X-ray lumbar spine", "red_flag_fracture"),
        ("Whirlpool temperature 102 F for 15 minutes.", "MRI lumbar spine", "red_flag_infection"),
        ("ESR was 45 in 2014, now 10.", "MRI lumbar spine", "red_flag_infection"),
        ("Migraine history since age 20; headaches worse with bright lights and menses.",
         "CT head without contrast", "head_injury_deteriorating"),
        ("Neck strain from lifting 01/2017. Worsening headaches with prolonged computer work.",
         "CT head without contrast", "head_injury_deteriorating"),
        ("Currently taking ibuprofen 800 mg TID. He was told not to stop ibuprofen abruptly.",
         "Naproxen 500 mg #60", "drug_in_use"),
        ("Chronic low back pain.", "Norco 10/325 #90, pain decreased from 8/10 to 4/10 with it",
         "opioid_wean_attempted"),
        ("Gabapentin was tapered to off in 2016 because of dizziness.", "Gabapentin 300 mg #90",
         "drug_in_use"),
        ("Typically 6 weeks of PT without improvement is required before MRI.",
         "MRI right knee", "conservative_care_weeks"),
        ("Kneeling at work has been aggravating her knee pain.", "MRI right knee", "diagnoses"),
        ("Low back injury at work. Flu shot on 10/12/2016.", "MRI lumbar spine", "injury_date"),
        ("ER 02/20/17: denies that he fell or twisted; atraumatic.", "MRI lumbar spine",
         "injury_date"),
        ("She started to feel less shoulder pain in 01/2017 after the injection.",
         "MRI right shoulder", "injury_date"),
        ("L5-S1 TFESI performed 08/14/2017. At the 08/28/2017 visit she reported 60% relief for "
         "6 weeks with gabapentin.", "Lumbar TFESI L5-S1", "prior_injection_relief_percent"),
        ("Acupuncture 6 sessions (authorized 07/2026) to start next week.",
         "Acupuncture 6 sessions", "prior_acupuncture_visits"),
        ("Surgeon advised to stop NSAIDs 7 days before the arthroscopy.", "Naproxen 500 mg #60",
         "oral_medication_not_tolerated"),
        ("Ibuprofen 600 mg TID, GI upset denied.", "Naproxen 500 mg #60",
         "oral_medication_not_tolerated"),
        ("PT 8 visits helped about 70%, now independent with HEP and back to full duty.",
         "Physical therapy 2x4", "conservative_care_failed"),
        ("Manipulation under anesthesia was discussed; 2 sessions of PT so far.",
         "Chiropractic 2x4", "prior_chiropractic_visits"),
        ("Acute pain after the fall.", "Acupuncture 2x3", "prior_acupuncture_visits"),
        # What a TENS unit did is its trial's outcome, not the care under way improving.
        ("During therapy the clinic TENS reduced her pain from 7/10 to 4/10.",
         "TENS unit 30-day trial", "symptoms_improving"),
        # Advice and care to come are not care given.
        ("Spine surgeon (04/2017) advises ESI first.", "L5-S1 TFESI x1", "prior_injections"),
        ("He is not at MMI; future medical care may include epidural injection.",
         "L4-5 TFESI x1", "prior_injections"),
        # A drug that works and is tolerated is no reason against it.
        ("Ibuprofen 600 mg TID helps and causes no stomach trouble.",
         "Compounded ketoprofen/lidocaine cream 240 g", "oral_medication_not_tolerated"),
        # A pain eased by an injection is no sign the care under way is helping, nor failing.
        ("Completed 18 PT visits. Pain went from 7/10 to 4/10 after the epidural injection.",
         "TENS unit 30-day trial", "symptoms_improving"),
        # A generic taken without trouble.
        ("The pharmacy substituted generic pregabalin; he had no problem with it.",
         "Lyrica 75 mg #60 DAW", "brand_necessity_documented"),
        # Therapy prescribed is not therapy done.
        ("Rx: post-op hand therapy 6 visits over 3 weeks for scar management.",
         "Post-op hand therapy 2x3", "postsurgical_visits_completed"),
        # Care dated by a surgery plans none.
        ("Before surgery she used all 24 OT visits on this claim.", "Post-op OT 2x3",
         "surgery_considered"),
        ("Prior to surgery she did 8 visits of PT.", "Post-op PT 2x4", "invasive_procedure_planned"),
        # Rolling over in bed is no hand injury; watching films is no x-ray.
        ("He rolled over in bed; point tenderness over the 4th metacarpal.", "X-ray right hand",
         "fracture_or_foreign_body_suspected"),
        ("He watched films on the flight, normal day otherwise.", "MRI left elbow",
         "plain_films_nondiagnostic"),
        # A film's negative result says nothing of what is suspected.
        ("Elbow films: normal, no loose body.", "MRI left elbow", "specific_lesion_suspected"),
        # Back at full duty and staying there is no failed return.
        ("Released to full duty 07/17/2017 and doing well.", "Functional capacity evaluation",
         "return_to_work_failed"),
        # Enough relief, or a plan for when it is not enough, is no failure.
        ("Tylenol helps enough for now.", "Naproxen 500 mg #60", "non_opioid_analgesics_failed"),
        ("If Tylenol is not enough, add naproxen.", "Naproxen 500 mg #60",
         "non_opioid_analgesics_failed"),
        ("Tylenol is taken with enough water.", "Naproxen 500 mg #60",
         "non_opioid_analgesics_failed"),
        ("Completed 4/5 PT visits.", "Physical therapy 2x3", "motor_deficit"),
        # A time in a protocol or of another event is no time since the surgery.
        ("PT to start at 6 weeks post-op.", "Post-op PT R shoulder 2x6", "surgery_date"),
        ("Injured 6 weeks after the surgery on his other knee.", "Post-op PT L knee 2x3",
         "surgery_date"),
        ("Pain for two weeks after the injury.", "Physical therapy 2x3",
         "conservative_care_weeks"),
        ("PT: 2 visits per week.", "Physical therapy 2x3", "prior_visits"),
        # A surgery done without a word of which is no surgery named.
        ("She had surgery on 05/27/2026.", "Post-op PT L ankle 2x4", "surgery_type"),
        ("Meniscectomy to be performed 12/20/2026.", "Post-op PT L knee 2x3", "surgery_date"),
        # Anxiety, and depression denied, are no depressive disorder.
        ("Anxious about the claim; GAD-7 of 12. Denies depression, PHQ-9 of 4.",
         "Nortriptyline 10 mg #30", "depressive_disorder"),
        ("His mother cannot use a standard toilet since her stroke.", "Bedside commode",
         "equipment_medically_needed"),
        ("Skilled nursing facility recommended for 10 days after discharge.",
         "Skilled nursing facility x 10 days", "inpatient_rehab_days_completed"),
        # What the review of the round's readings found them reaching past (each was read).
        ("Status post right L5-S1 TFESI 3 weeks ago with 60% relief.", "Post-op PT 2x3",
         "surgery_date"),
        ("She is 3 months status post MVA.", "Post-op PT 2x3", "surgery_date"),
        ("Six months post-op she returned to work.", "Post-op PT 2x3", "surgery_date"),
        ("She fell 3 weeks after surgery.", "Post-op PT 2x3", "surgery_date"),
        ("Sling x 6 weeks post-op.", "Post-op PT 2x3", "surgery_date"),
        ("Mild superior endplate depression at L1.", "Sertraline 50 mg #30", "depressive_disorder"),
        ("PHQ-9 12/03/2025: score 6.", "Sertraline 50 mg #30", "depressive_disorder"),
        ("Each stretch position held for 30 seconds.", "Work hardening x 10 sessions",
         "return_to_work_goal"),
        ("Her employer offered the job to someone else.", "Work hardening x 10 sessions",
         "return_to_work_goal"),
        ("Right tibial plateau fracture, ORIF 01/10/2025; PT 12 visits.",
         "Work hardening x 10 sessions", "therapy_plateau"),
        ("She was in a car accident in 2019 and did physical therapy then.",
         "Knee steroid injection", "adjunct_to_rehabilitation"),
        ("At the facility she gets PT and OT 3 hours a day 5 days a week.",
         "Inpatient rehabilitation 7 additional days", "inpatient_rehab_days_completed"),
        ("She was admitted to SNF 02/12/2025 after a hip fracture and discharged 03/01/2025.",
         "Skilled nursing facility 10 days", "inpatient_rehab_days_completed"),
        ("Unclear which medication helps more, Norco or gabapentin.", "Neurology consultation",
         "diagnosis_uncertain_or_complex"),
        ("52 yo male, family history of osteoarthritis, here for a strain.", "Naproxen 500 mg #60",
         "diagnoses"),
        ("Capsaicin cream caused burning and tingling of the skin.", "Lidoderm 5% patch #30",
         "neuropathic_pain"),
        ("Her back pain is worse when she is back at work lifting.", "Physical therapy 2x3",
         "functional_improvement"),
        ("PT, 6 visits remaining on the authorization.", "Physical therapy 2x3 additional",
         "prior_visits"),
        # Wordings that only look like this round's readings.
        ("Pain 6/10 today, was 7/10 before gabapentin.", "Gabapentin 300 mg TID #90",
         "medication_pain_relief"),
        ("Pain 8/10 without meds, 7/10 about an hour after a dose.", "Norco 10/325 #90",
         "prior_injection_relief_percent"),
        ("A trial of full duty started 09/11/26 and is going well.",
         "Functional capacity evaluation", "return_to_work_failed"),
        ("Getting him out of bed takes two people.", "Home health aide 4 h/day",
         "homebound"),
        ("Leaving home is not medically inadvisable.", "Home health PT 3x/wk x 2 wks",
         "homebound"),
        ("Right carpal tunnel release on 12/24/26.", "Post-op OT 2x3 R hand", "prior_surgery"),
        ("Exam: patellar and ankle reflexes 1+ and symmetric.", "Lumbar ESI L4-5",
         "reflex_change"),
        ("Generic was never tried; no rash.", "Lidoderm 5% patch (brand) DAW #30",
         "brand_necessity_documented"),
        ("In PT since 2025.", "MRI right shoulder", "conservative_care_weeks"),
        ("ESI 03/2026: 60% relief, about 3 weeks ago.", "Lumbar ESI L4-5",
         "prior_injection_relief_weeks"),
        ("Standing films 05/2026: severe tricompartmental osteoarthritis.",
         "Left knee arthroscopy with partial medial meniscectomy", "surgical_lesion"),
        # Two independent reviews' wordings built to fool this round's readings.
        ("He takes gabapentin. Pain 2/10 in the morning, 7/10 before bed.",
         "Gabapentin 300 mg TID #90", "medication_pain_relief"),
        ("On Norco 10/325 TID. Pain 9/10 without ice, 4/10 after.", "Norco 10/325 #90",
         "medication_pain_relief"),
        ("His two-week trial of full duty ended 11/15 without problems and he remains at full "
         "duty.", "Functional capacity evaluation", "return_to_work_failed"),
        ("The trial of modified duty ended 10/01 when he was released to full duty without "
         "restrictions.", "Functional capacity evaluation", "return_to_work_failed"),
        ("The ESI 01/2026 helped; she says only 20% of the leg pain remains.",
         "Repeat lumbar ESI L4-5", "prior_injection_relief_percent"),
        ("Since 2014 he has worked as a machinist; right knee PT started 11/2026.",
         "Synvisc-One R knee", "conservative_care_weeks"),
        ("Home exercise program since 2015 surgery on the other knee.", "Synvisc-One R knee",
         "conservative_care_weeks"),
        ("Her husband works full time.", "Norco 10/325 #90", "work_status"),
        ("Not yet working full time.", "Norco 10/325 #90", "work_status"),
        ("Right knee aspirated 40 cc clear fluid 09/2026, no steroid given.",
         "Synvisc-One R knee", "failed_steroid_injection"),
        ("Cannot negotiate stairs without pain; drives to work.", "Home health PT 3x/wk x 2 wks",
         "homebound"),
        ("Getting her out of the recliner takes two people.", "Home health PT 3x/wk x 2 wks",
         "homebound"),
        ("Leaving home was considered medically inadvisable in the first week after surgery.",
         "Home health PT 3x/wk x 2 wks", "homebound"),
        ("Was discharged with a walker, which she stopped using after a week.",
         "Front-wheeled walker, adult, purchase x 1", "equipment_medically_needed"),
        ("Her roommate, who uses a walker, drives her to PT.",
         "Front-wheeled walker, adult, purchase x 1", "equipment_medically_needed"),
        ("No paresthesias, weakness, or sensation reduced to pinprick.", "NCS bilateral lower",
         "sensory_deficit"),
        ("No new numbness, tingling, or urinary retention that required catheterization.",
         "MRI lumbar spine", "red_flag_bowel_bladder"),
        ("I told him to stop naproxen before the surgery.", "Voltaren 1% gel 100 g",
         "oral_medication_not_tolerated"),
        ("Generic patch came off after 12 hours as directed.",
         "Lidoderm 5% patch (brand) DAW #30", "brand_necessity_documented"),
        ("Generic lidocaine patch, never caused blistering.",
         "Lidoderm 5% patch (brand) DAW #30", "brand_necessity_documented"),
        ("Grip 4/5 (5/5 on the left).", "MRI cervical spine", "red_flag_progressive_deficit"),
        ("EHL 4/5 today (3/5 on 11/03).", "MRI lumbar spine", "red_flag_progressive_deficit"),
        ("Severe arthritis of the medial compartment of the ankle.",
         "Right total knee arthroplasty", "surgical_lesion"),
        ("Achilles 2+ R, 2+ L.", "Lumbar ESI L4-5", "reflex_change"),
        ("Sensation intact; no exceptions.", "Lumbar ESI L4-5", "sensory_deficit"),
        ("He cannot climb stairs without a railing.", "Home health RN 2x/wk x 3 wks", "homebound"),
        ("On Norco 10/325 TID. Lumbar flexion 45% less than normal, pain 6/10.",
         "Norco 10/325 #90", "medication_pain_relief"),
        ("No goals were set, sitting 20 min.", "TENS unit 30-day home rental trial",
         "treatment_goals_documented"),
        # A third review's wordings that only look like these readings.
        ("Pain has made him 50% less active.", "Gabapentin 600 mg #90", "medication_pain_relief"),
        ("L EHL 4/5 (5/5 before the injury in 2019), unchanged.", "MRI lumbar spine",
         "red_flag_progressive_deficit"),
        ("Relief from each injection has gotten weaker.", "MRI lumbar spine",
         "red_flag_progressive_deficit"),
        ("The L foot had gotten weaker before the 2019 decompression.", "MRI lumbar spine",
         "red_flag_progressive_deficit"),
        ("Sensation intact except decreased in a stocking distribution bilaterally.",
         "Lumbar ESI L4-5", "sensory_deficit"),
        ("She was unable to manage the stairs without help before the TKA; now she drives.",
         "Home health RN 2x/wk x 3 wks", "homebound"),
        ("He cannot climb the stairs at his job without help.", "Home health RN 2x/wk x 3 wks",
         "homebound"),
        ("The trial of full duty ended after two weeks as planned.",
         "Functional capacity evaluation", "return_to_work_failed"),
        ("PT goals sitting 45 min, walking 30 min, were not met after 12 visits.",
         "TENS unit 30-day home rental trial", "treatment_goals_documented"),
        # A fourth review's wordings that only look like these readings.
        ("Hyperreflexia and positive Hoffmann sign, concerning for cervical myelopathy.",
         "Referral to orthopedic surgeon for consultation, right knee",
         "specialist_expertise_needed"),
        ("Deltoid 4/5, was 5/5 at the IME in 2023 before his fall at work.", "MRI cervical spine",
         "red_flag_progressive_deficit"),
        ("Nortriptyline was stopped in February for urinary retention.", "MRI lumbar spine",
         "red_flag_bowel_bladder"),
        ("Amitriptyline was discontinued due to urinary retention.", "MRI lumbar spine",
         "red_flag_cauda_equina"),
        ("Oxycodone caused urinary retention, now resolved.", "MRI lumbar spine",
         "red_flag_bowel_bladder"),
        ("He takes Norco TID. He has not had 50% less pain with it.", "Norco 10/325 #90",
         "medication_pain_relief"),
        ("He takes Norco TID. 60% less pain with the brace.", "Norco 10/325 #90",
         "medication_pain_relief"),
        ("With the knee sleeve, pain 8/10 without and 4/10 after.", "Norco 10/325 #90",
         "medication_pain_relief"),
        ("Rotator cuff repair (full-thickness tear, surgery pending approval) 11/20/2026.",
         "Post-op PT R shoulder 2x6", "prior_surgery"),
        ("After 8 PT visits. Will taper Norco from four a day to one at night over 4 weeks.",
         "Physical therapy 2x3 lumbar", "functional_improvement"),
        ("Full duty trial ended after 2 weeks; released to regular duty permanently.",
         "Physical therapy 2x3 lumbar", "return_to_work_failed"),
        # A differential against another side's condition stays a doubt.
        ("R/o L5 radiculopathy vs right hip OA.", "EMG/NCV bilateral lower extremities",
         "radiculopathy"),
        # A score before a surgery, a drop too small, a score then with no score now after it.
        ("Gabapentin started 05/03/17. Before surgery, pain 8/10. Currently 3/10.",
         "Gabapentin 300 mg #90", "medication_pain_relief"),
        ("Gabapentin started 05/03/17. Before: pain 6/10. Now 5/10.", "Gabapentin 300 mg #90",
         "medication_pain_relief"),
        ("Gabapentin started 05/03/17. Before: pain 8/10. Now walks 3 blocks. Sleeps 4/10 of "
         "nights.", "Gabapentin 300 mg #90", "medication_pain_relief"),
        ("Naproxen since June. Back to full 10 hours of sleep.", "Naproxen 550 mg #60",
         "functional_improvement"),
        ("Completed 6 PT visits. Now walking, he hurt himself again.", "Physical therapy 2x4",
         "functional_improvement"),
        # A surgery's findings in brackets, then a date with no word that it is the surgery's.
        ("Rotator cuff repair (full-thickness tear, surgery pending approval) 11/20/2026.",
         "Post-op PT R shoulder 2x6", "surgery_date"),
        # A unit's relief during therapy sessions is not the therapy helping.
        ("Finished 12 PT visits. TENS used in the PT clinic with pain 6 -> 3/10 for about 2 h "
         "after sessions.", "TENS unit 30-day home rental trial", "symptoms_improving"),
        # Therapy joined to a surgery and dated: the date is the therapy's.
        ("Right knee arthroscopy and PT started 05/09/2017.", "Post-op PT L knee 2x6",
         "surgery_date"),
        # Visits named over two days only, and days of care that are no visits.
        ("PT visits 1/3, 1/5/17.", "Physical therapy 2x4", "prior_pt_visits"),
        # Wordings an independent review built against this round's readings.
        ("Has not tried full duty and was taken off work.", "Functional capacity evaluation",
         "return_to_work_failed"),
        ("Completed 12 PT visits. Now unable to shower independently.", "Physical therapy 2x4",
         "functional_improvement"),
        ("Completed 12 PT visits. She no longer dresses herself.", "Physical therapy 2x4",
         "functional_improvement"),
        ("Acupuncture was discussed at office visits (1/5, 2/9, 3/9/17) and she wants to try it.",
         "Acupuncture 2x3", "prior_acupuncture_visits"),
        ("Physical therapy daily note for s/p R TKA, DOS: 03/20/2017, her 18th visit.",
         "Post-op PT R knee 2x6", "surgery_date"),
        ("Right knee arthroscopy (2009) and laparoscopic cholecystectomy 03/01/2017.",
         "Post-op PT R knee 2x6", "surgery_date"),
        ("Chiropractic, he has never had it last more than a day after 10 visits in 2016.",
         "Chiropractic 2x3", "prior_visits"),
        ("MRI: partial tear of the ACL, 5 mm effusion.", "L knee arthroscopy",
         "meniscal_tear_on_imaging"),
        ("She completed 3 PT goals.", "Physical therapy 2x4", "prior_pt_visits"),
        ("Ankle jerks L 1+ and symmetric.", "EMG L lower extremity", "reflex_change"),
        ("Recommend work hardening x 10 sessions.", "Work hardening 2x5", "prior_work_hardening"),
        ("Completed 6 PT visits. No better; now dresses himself only with great difficulty.",
         "Physical therapy 2x4", "functional_improvement"),
        ("Tried full duty in May, and relief from the ESI lasted only 2 weeks.",
         "Functional capacity evaluation", "return_to_work_failed"),
        ("Has not yet tried full duty and went back off opioids.",
         "Functional capacity evaluation", "return_to_work_failed"),
        ("S/p R TKA DOS 04/18/2017, CPT 97110 x2.", "Post-op PT R knee 2x6", "surgery_date"),
        ("ESI 1/10/17; PT was on hold until 3/30, about 12 weeks.", "Repeat L5-S1 TFESI",
         "prior_injection_relief_weeks"),
        ("Ankle jerks L 1+ and R 1+, symmetric.", "EMG L lower extremity", "reflex_change"),
        ("MRI: complete ACL tear, posterior horn MM intact.", "L knee arthroscopy",
         "meniscal_tear_on_imaging"),
        ("Chiro visits 1/5, 1/9, 1/12 cancelled by the patient.", "Chiropractic 2x3",
         "prior_visits"),
        # Waddell's signs counted, a release to come, a study to be done, a date of a denial,
        # visits allowed, a frequency, a drug test not done, the form for a request, a dosing
        # routine beside a booking.
        ("Waddell 3/5, 5/5 strength L2-S1.", "Lumbar fusion L4-5", "severe_neurologic_deficit"),
        ("Waddell signs 4/5.", "Lumbar fusion L4-5", "motor_deficit"),
        ("He will be released to full duty next month after 12 PT visits.",
         "Physical therapy 2x3", "functional_improvement"),
        ("EMG to be done 03/01/2017.", "EMG/NCV bilateral upper extremities",
         "prior_electrodiagnostics"),
        ("Knee arthroscopy for which UR denied 02/13/2017.", "Post-op PT R knee 2x6",
         "surgery_date"),
        ("Visits authorized: PT 12, chiro 6.", "Chiropractic 2x3", "prior_chiropractic_visits"),
        ("Visits: PT 2x/wk.", "Physical therapy 2x4", "prior_pt_visits"),
        ("No UDS on file, labs negative.", "Tramadol 50 mg #60", "urine_drug_screen"),
        ("Celebrex 200 mg DAW; RFA submitted 03/02/2026.",
         "Repeat lumbar radiofrequency ablation L4-5", "prior_injections"),
        ("Plan: Norco changed to scheduled dosing, surgery scheduled next week.",
         "Norco 10/325 #90", "drug_in_use"),
        ("EHL 5/5 bilaterally, 3/5 Waddell signs.", "MRI lumbar spine",
         "severe_neurologic_deficit"),
        ("Spine surgeon did not recommend surgery at this time but an L5-S1 transforaminal ESI.",
         "L5-S1 TFESI", "prior_injections"),
        ("EMG/NCV: authorization obtained 02/20/2017, appointment pending.",
         "EMG/NCV bilateral lower extremities", "prior_electrodiagnostics"),
        ("EMG/NCV not done 12/08/2016 because the patient has a pacemaker.",
         "EMG/NCV bilateral lower extremities", "prior_electrodiagnostics"),
        ("Awaiting authorization for rotator cuff repair for full-thickness tear diagnosed "
         "12/12/2016.", "Post-op PT R shoulder 2x6", "surgery_date"),
        ("Right knee arthroscopy for work injury DOI 05/12/2015.", "Post-op PT R knee 2x6",
         "surgery_date"),
        ("Visits on this claim: PT 12 authorized, 6 attended.", "Physical therapy 2x4",
         "prior_pt_visits"),
        ("Remaining visits: PT 4, chiro 2.", "Physical therapy 2x4", "prior_pt_visits"),
        ("Visits: PT 6 weeks, chiro 4 weeks.", "Physical therapy 2x4", "prior_pt_visits"),
        ("Sessions: PT 50% improved.", "Physical therapy 2x4", "prior_pt_visits"),
        ("PT discharge: 6 visits remaining on the authorization.", "Physical therapy 2x4",
         "prior_pt_visits"),
        ("Awaiting CBT authorization (6 weeks).", "Biofeedback 4 sessions", "cbt_weeks"),
        ("Try 6 weeks of splinting, if no better consider EMG/NCV.",
         "EMG/NCV bilateral upper extremities", "conservative_care_weeks"),
        ("Foot drop: R side negative, L side negative.", "MRI lumbar spine",
         "severe_neurologic_deficit"),
        ("Despite 6 acupuncture sessions he is not yet released from TTD to modified duty.",
         "Acupuncture 6 sessions lumbar", "functional_improvement"),
        ("He remains on TTD; he is hoping to get released to full duty next month.",
         "Acupuncture 6 sessions lumbar", "functional_improvement"),
        ("After 8 PT visits he was released to full duty but could not tolerate it and went "
         "back off work after 3 days.", "Physical therapy 2x3", "functional_improvement"),
        ("After 6 acupuncture visits LEFS fell 10 points to 38/80.", "Acupuncture 6 sessions",
         "functional_improvement"),
        ("She has a penicillin allergy and requests the brand rather than the generic.",
         "Celebrex 200 mg #30, dispense as written", "brand_necessity_documented"),
        ("Naproxen works well and the brace did not help.", "Tramadol 50 mg #60",
         "non_opioid_analgesics_failed"),
        ("Arthroscopic rotator cuff repair for full-thickness tear 02/22/2017 was postponed for "
         "uncontrolled diabetes.", "Norco 10/325 #60", "surgery_date"),
        ("Visits: PT 8 over 4 weeks, then reassess.", "Physical therapy x8", "prior_pt_visits"),
        ("He was released to full duty 01/2017 after 6 chiropractic visits and lasted two days "
         "before pain put him back on TTD.", "Chiropractic 6 visits", "functional_improvement"),
        ("After 5 OT visits he is back at work (was off work before the injury).",
         "OT R ring finger x3 visits", "functional_improvement"),
        ("Severe pain along the medial compartment with effusion.",
         "Synvisc-One 48 mg injection, right knee", "severe_knee_osteoarthritis"),
        ("No bone-on-bone change in the medial compartment.",
         "Synvisc-One 48 mg injection, right knee", "severe_knee_osteoarthritis"),
        ("Severe arthritis of the medial compartment of the ankle.",
         "Synvisc-One 48 mg injection, right knee", "severe_knee_osteoarthritis"),
        ("Standing films 01/10/2017: medial compartment narrowing, not yet bone-on-bone.",
         "Synvisc-One 48 mg injection, right knee", "severe_knee_osteoarthritis"),
        ("Hyaluronic acid series gave only two weeks of relief; steroid injection 06/2016 helped "
         "70% for four months.", "Synvisc-One 48 mg injection, right knee",
         "failed_steroid_injection"),
        ("Five OT visits. Was back at work since 08/14 (had been one-handed duty) but was taken "
         "off work again 09/02 after a flare.", "OT R ring finger x3 visits",
         "functional_improvement"),
        ("Had 8 authorized visits but only attended 3.", "Physical therapy 2x3", "prior_pt_visits"),
        ("Plan: carpal tunnel release for CTS 03/01/2017.", "Post-op OT R hand 2x4",
         "surgery_date"),
        ("Rotator cuff repair (planned) 08/03/2026.", "Post-op PT L shoulder 2x4", "surgery_date"),
        ("Rotator cuff repair (patient declined; prefers conservative care) 06/03/2026.",
         "Post-op PT L shoulder 2x4", "surgery_date"),
        ("Surgical consult with Dr. Lee: rotator cuff repair (full-thickness tear, 2 cm "
         "retraction) 06/03/2026.", "Post-op PT L shoulder 2x4", "surgery_date"),
        ("S/p ORIF L ankle fracture (2024). Fixation failed with hardware loosening and nonunion "
         "05/05/2026.", "Post-op PT L ankle 2x4", "surgery_date"),
        ("He went back to roofing after being off work for 6 months but lasted 2 days.",
         "Physical therapy 2x3", "functional_improvement"),
        ("Six PT visits. He returned to see his PCP after being off work for two weeks.",
         "Physical therapy 2x3", "functional_improvement"),
        ("Six PT visits. Sitting tolerance improved for a few days after each visit, then returned "
         "to baseline.", "Physical therapy 2x3", "functional_improvement"),
        ("Six PT visits. LTG: lifting tolerance improved to 25 lb for return to work.",
         "Physical therapy 2x3", "functional_improvement"),
        ("He avoids opioids for fear of addiction.", "Psychological evaluation x1",
         "psychosocial_factors_present"),
        ("She drives to work daily and does not otherwise leave home.",
         "Home health RN 3x/wk x 3 wks", "homebound"),
        ("He cares for his wife, who does not otherwise leave home.",
         "Home health RN 3x/wk x 3 wks", "homebound"),
        ("GAD-7 < 10.", "Psychological evaluation x1", "depression"),
        ("GAD-7 was 14 at intake and is now 2.", "Psychological evaluation x1", "depression"),
        ("He has continued to work OT despite pain.", "Purchase TENS unit",
         "adjunct_to_rehabilitation"),
        ("Reflux with epigastric burning, numbness denied.", "Gabapentin 300 mg #90",
         "neuropathic_pain"),
        ("Ibuprofen stopped with no melena.", "Diclofenac 1% gel 100 g",
         "oral_medication_not_tolerated"),
        ("Dislocated again 08/2016 reaching overhead.", "R shoulder arthroscopic Bankart repair",
         "injury_date"),
        ("Wife recently diagnosed with breast CA.", "MRI lumbar spine", "red_flag_tumor"),
        ("Breast CA screening: mammogram 3/2024 negative.", "MRI lumbar spine", "red_flag_tumor"),
        ("Has lost 20 lbs intentionally with diet, not trying to lose more.", "MRI lumbar spine",
         "red_flag_tumor"),
        ("Right grip has lost about 20 lbs since the injury, unexplained by the EMG findings.",
         "MRI lumbar spine", "red_flag_tumor"),
        ("74 yo female. DOI 11/20/2026: lifting a resident who slipped and landed hard on her "
         "side; patient did not fall.", "X-ray lumbar spine, 3 views", "red_flag_fracture"),
        ("She would do anything to avoid surgery.", "MRI lumbar spine", "surgery_considered"),
        ("NCS 2025: median sensory latency normal, no slowing across the wrist.",
         "R carpal tunnel release", "cts_confirmed_by_electrodiagnostics"),
        ("No longer dependent for transfers.", "Home health aide 4 hrs/day x 3 wks", "homebound"),
        ("Dependent transfers in the ICU after the fall; now ambulating 300 feet with a walker.",
         "Home health aide 4 hrs/day x 3 wks", "homebound"),
        ("EMG/NCS 01/2019 showed median nerve slowing across the elbow consistent with pronator "
         "syndrome.", "Right carpal tunnel release", "cts_confirmed_by_electrodiagnostics"),
        ("NCS 01/2019: median and sural sensory responses absent bilaterally, consistent with "
         "diabetic polyneuropathy.", "Right carpal tunnel release",
         "cts_confirmed_by_electrodiagnostics"),
        ("NCS 01/2019: prolonged median distal latency on the left; right within normal limits.",
         "Right carpal tunnel release", "cts_confirmed_by_electrodiagnostics"),
        ("Remote left patellar dislocation 05/2008 in high school, resolved.",
         "Left knee arthroscopic partial medial meniscectomy", "injury_date"),
        ("Hip dislocation precautions reviewed 06/09/2017.", "Home health aide 4 hrs/day x 3 wks",
         "injury_date"),
        ("Chronic LBP with a dull posterior thigh ache, no pain below the knee; no radiating pain.",
         "EMG left lower extremity", "radiating_pain"),
        ("No low back pain with leg ache.", "EMG left lower extremity", "radiating_pain"),
        # A finger that triggers and locks is no knee's mechanical symptom.
        ("Triggering and locking for 5 months despite splinting and two steroid injections.",
         "MRI right knee", "knee_mechanical_symptoms"),
        ("Lifting tolerance has not improved after six PT visits.", "Physical therapy 2x3",
         "functional_improvement"),
        ("No improvement in lifting tolerance after six PT visits.", "Physical therapy 2x3",
         "functional_improvement"),
        ("He does not otherwise leave home except to drive to the gym.",
         "Home health RN 3x/wk x 3 wks", "homebound"),
        ("Capsaicin cream caused burning and numbness of the skin.", "Gabapentin 300 mg #90",
         "neuropathic_pain"),
        ("After six PT visits he is not back at work after being off work for a year.",
         "Physical therapy 2x3", "functional_improvement"),
        ("Six PT visits; back to the clinic after being off work for a year.",
         "Physical therapy 2x3", "functional_improvement"),
        # A year alone that may be within the year is no date of injury.
        ("DOI 2025, lifting at work.", "Pain psychology consultation x1", "injury_date"),
        # A drug's effect told in the clause after the drug is no red flag.
        ("Nortriptyline 25 mg tried early 2016, stopped after three weeks for orthostatic "
         "dizziness and urinary hesitancy.", "Duloxetine 60 mg #30", "red_flag_bowel_bladder"),
        # A tear of another structure in a list whose meniscus is intact.
        ("MRI 04/11/17: complete midsubstance ACL tear, bone bruise lateral femoral condyle, "
         "menisci intact.", "L knee arthroscopic ACL reconstruction", "meniscal_tear_on_imaging"),
        ("MRI: menisci intact, complete ACL tear.", "L knee arthroscopy",
         "meniscal_tear_on_imaging"),
        # A post-operative day in a plan, a time out of work: no surgery dated by them.
        ("PT to begin POD 14.", "Post-op PT R knee 2x6", "surgery_date"),
        ("Three weeks out of work after the injury; s/p L CTR 2014.", "Post-op PT R wrist 2x6",
         "surgery_date"),
        # A cumulative-trauma claim is no CT study; a block had before is none planned.
        ("A prior CT claim filed 2012 was settled.", "MRI lumbar spine", "prior_imaging"),
        ("He had a stellate ganglion block in 2015 without benefit.",
         "Referral to pain management consultation", "specialist_expertise_needed"),
        ("Returned to full duty in May and was sent home early once with a migraine.",
         "Functional capacity evaluation", "return_to_work_failed"),
        # A physician's visit numbered on the claim; a date's month; visits asked for; surgery
        # the patient would do anything to avoid.
        ("Office visit 3 on this claim.", "PT 2x6 lumbar spine", "prior_pt_visits"),
        ("At the 04/28 post-op visit: portals healed, trace effusion.",
         "Post-op physical therapy 2x3 right knee", "postsurgical_visits_completed"),
        ("Request 12 visits 05/01-06/15.", "PT 2x6 lumbar spine", "prior_pt_visits"),
        ("He'd do anything to avoid surgery.", "MRI lumbar spine", "surgery_considered"),
        # Some relief is relief.
        ("Ibuprofen gives some relief.", "Tramadol 50 mg #60", "non_opioid_analgesics_failed"),
        # An office's paperwork or hours are no care beyond it; broken eyeglasses cut no one.
        ("Our office has no record of the MRI.", "Referral to ophthalmology", "specialist_expertise_needed"),
        ("We do not offer weekend appointments.", "Referral to orthopedics",
         "specialist_expertise_needed"),
        ("He broke his glasses.", "X-ray left hand, 3 views", "fracture_or_foreign_body_suspected"),
        # A limit made stricter is no gain.
        ("Completed six PT visits. Restrictions went from 25 lb to 10 lb after the flare.",
         "Additional PT 2x2", "functional_improvement"),
        # Independent reviews' wordings built to fool this round's readings.
        ("We do not provide early refills.", "Consultation with orthopedic spine surgeon",
         "specialist_expertise_needed"),
        ("Current medications: Norco 10/325 TID. Plan to bring Norco down from 4 a day to 2 a day "
         "over the next month.", "Norco 10/325 #90", "functional_improvement"),
        ("Current medications: Norco 10/325 TID. PTP changed her from light duty to modified duty.",
         "Norco 10/325 #90", "functional_improvement"),
        ("Vitals: recheck of blood pressure 138/88 after five minutes.", "Follow-up office visit x1",
         "visit_purpose_documented"),
        ("Switched to generic duloxetine twice; both times hives, which the brand caused as well.",
         "Cymbalta 60 mg #30 dispense as written", "brand_necessity_documented"),
        ("Ibuprofen discontinued 7 days prior to the ESI due to bleeding risk.",
         "Tramadol 50 mg #60", "non_opioid_analgesics_failed"),
        ("Baclofen was tapered and stopped; no other med changes.", "OxyContin 40 mg #60",
         "opioid_wean_attempted"),
        ("Went back to work and was sent home after testing positive for influenza.",
         "Functional capacity evaluation", "return_to_work_failed"),
        ("Celebrex was requested by the prior PTP in 2013 and denied.", "Omeprazole 20 mg #30",
         "nsaid_use"),
        ("Severe osteoarthritis of the right hip; calf compartments soft and nontender.",
         "Synvisc injection right knee", "severe_knee_osteoarthritis"),
        ("Wearing safety glasses, he cut his thumb with a utility knife.", "X-ray right hand 3 views",
         "fracture_or_foreign_body_suspected"),
        ("He would have had surgery in 2014, but his insurance lapsed.", "MRI lumbar spine",
         "surgery_considered"),
        ("Status post knee injury, awaiting meniscectomy; 4 weeks out.",
         "Post-op physical therapy 2x/week x 3 weeks right knee", "surgery_date"),
        ("Consent signed; anticipate discharge POD 2 after the meniscectomy.",
         "Post-op physical therapy 2x/week x 3 weeks right knee", "surgery_date"),
        ("Ortho follow up visit 18 on this claim; PT helping, continues HEP.",
         "Physical therapy 2x/week x 4 weeks lumbar spine", "prior_pt_visits"),
        ("L5-S1 ESI 10/25/2016 gave 75% relief; PT from 11/01 through 12/15/2016.",
         "Repeat L5-S1 ESI", "prior_injection_relief_weeks"),
        ("Tapered from Norco last month and now takes ibuprofen only.", "Norco 5/325 #20",
         "opioid_use"),
        ("Night splint since 03/16 without improvement.", "Nerve conduction study",
         "conservative_care_weeks"),
        ("Prior TENS trial? [ ] No [X] Yes.", "TENS unit purchase", "tens_trial_successful"),
        ("There was tenderness at L4-5 and a positive straight leg raise with pain on the right. "
         "She had decreased strength in the hip, knee and foot.", "TENS unit", "neuropathic_pain"),
        ("Flexeril 10 mg course in 2015.", "Cyclobenzaprine 5 mg #10", "drug_in_use"),
        ("Rates her confidence 8/10.", "Naproxen 375 mg #60", "pain_score"),
        ("MRI for cord compression with a normal study.", "MRI cervical spine",
         "red_flag_myelopathy"),
        ("EMG/NCS of the left leg 03/2017 for L5 radiculopathy with normal results.",
         "Lumbar ESI L4-5", "electrodiagnostic_radiculopathy"),
        # What a review of this round's first readings found them to read wrongly, now planted.
        ("PT evaluation today. POC: 2x/wk x 3 wks; re-eval after 6 visits (12/07-12/24/26).",
         "Physical therapy 2x4 lumbar", "prior_pt_visits"),
        ("She was tapered from Norco 10/325 QID to 0 by 03/2016; no opioids since.",
         "Norco 5/325 #30", "opioid_use"),
        ("He was tapered from Norco to 2 per day, then stopped completely in 2016.",
         "Norco 5/325 #30", "opioid_use"),
        ("Tapered from tramadol to twice-daily naproxen.", "Norco 5/325 #30", "opioid_use"),
        ("78 yo F on alendronate. Today she denies any new falls; she tripped over a hose in 2014.",
         "X-ray lumbar spine", "red_flag_fracture"),
        ("72 yo F. Yesterday his neighbor slipped on the ice and fell.", "X-ray lumbar spine",
         "red_flag_fracture"),
        ("I did request authorization for an L4-5 fusion on 05/01/2017; it is scheduled for "
         "07/10/2017.", "Percocet 5/325 #40", "surgery_date"),
        ("Operation: none to date; lumbar fusion recommended.", "MRI lumbar spine",
         "surgery_type"),
        ("PT 12 (her 2014 knee claim) completed; none on this back claim.",
         "Physical therapy 2x4 lumbar", "prior_pt_visits"),
        ("Ibuprofen 800 TID -> prn is the plan once PT ends.", "Physical therapy 2x4",
         "pain_medication_reduced_or_not_tolerated"),
        ("PT x 8 visits in 2015: NDI 40% at intake, 22% at discharge; now back to 44% after the "
         "new flare.", "Physical therapy 2x4", "functional_improvement"),
        ("She rates her sleep 3/10 and her fear of re-injury 8/10.", "Naproxen 500 #60",
         "pain_score"),
        ("Function: working full time is the goal for next month.", "Norco 10/325 #90",
         "work_status"),
        ("The ER film was read as an L1 compression fracture, but CT was negative for fracture.",
         "X-ray lumbar spine", "diagnoses"),
        ("She is 45, a nurse with a husband with rheumatoid arthritis.", "TENS unit", "diagnoses"),
        ("Knee osteoarthritis runs in her family.", "Naproxen 500 #60", "diagnoses"),
        ("Her husband takes ibuprofen 800 TID for his gout with little effect.",
         "Naproxen 500 #60", "non_opioid_analgesics_failed"),
        ("Her husband has knee pain, which his orthopedist reads as osteoarthritis.",
         "X-ray right knee", "diagnoses"),
        ("CT 06/2016 lumbar spine: mild degenerative disc disease.", "MRI lumbar spine",
         "injury_date"),
        ("Bowel/bladder? NO BOWEL OR BLADDER INCONTINENCE", "MRI lumbar spine",
         "red_flag_bowel_bladder"),
        ("Arthroscopic subacromial decompression L shoulder (certified 11/2026) scheduled "
         "12/19/26.", "Post-op PT L shoulder 2x6", "surgery_date"),
        ("Plan: ibuprofen 800 TID -> prn as pain allows over the next month.", "Norco 10/325 #60",
         "pain_medication_reduced_or_not_tolerated"),
        ("Ibuprofen for her headaches with little effect; knee pain well controlled with it.",
         "Norco 10/325 #60", "non_opioid_analgesics_failed"),
        ("Re-eval after visit #6 before any more.", "Physical therapy 2x3", "prior_pt_visits"),
        ("Re-evaluate after visit #4.", "Physical therapy 2x3", "prior_visits"),
        ("CT date 03/2016: no acute findings.", "MRI lumbar spine", "injury_date"),
        ("Work status: [ ] Full duty [ ] Modified duty", "Physical therapy 2x3", "work_status"),
        ("No EMG has been performed.", "EMG/NCV bilateral upper extremities",
         "prior_electrodiagnostics"),
        ("No lumbar MRI was done.", "MRI lumbar spine", "prior_imaging"),
        ("A: 1. Lumbar radiculopathy M54.16\nP: 1. L5-S1 ESI x1 under fluoroscopy.",
         "Lumbar ESI L5-S1", "prior_injections"),
        ("Capsaicin cream caused burning into the left hand.", "TENS unit trial",
         "neuropathic_pain"),
        ("I have not asked for refills of Norco; he stopped it in May.", "Norco 10/325 #60",
         "drug_in_use"),
        ("L knee arthroscopy requested 05/16/17; UR non-certified the MRI on 05/23/17.",
         "Cold therapy unit, 7-day rental, L knee, post-op", "procedure_certified"),
        # A review's wordings that only look like this round's readings.
        ("He has been waiting for physical therapy since October. Still has low back pain.",
         "MRI lumbar spine", "conservative_care_failed"),
        ("Her husband has used a TENS unit since 2015. She has back pain that persists.",
         "MRI lumbar spine", "conservative_care_failed"),
        ("He has been off medication since 2019. Back pain still present.", "MRI lumbar spine",
         "conservative_care_failed"),
        ("PT has been pending authorization since 10/2016. Low back pain persists at 7/10.",
         "MRI lumbar spine", "conservative_care_failed"),
        ("Her husband has been in physical therapy since his own back surgery. She still has "
         "low back pain.", "MRI lumbar spine", "conservative_care_failed"),
        ("Prior L5-S1 ESI on 03/01/2026: he felt less than half better, for about a week.",
         "Repeat lumbar epidural steroid injection L5-S1", "prior_injection_relief_percent"),
        ("L5-S1 ESI on 03/01/2026 gave no relief. For about eight weeks afterward he attended "
         "PT, which left him half better.", "Repeat lumbar epidural steroid injection L5-S1",
         "prior_injection_relief_percent"),
        ("He had an L5-S1 ESI on 01/10/2026 without relief and then a microdiscectomy on "
         "03/01/2026. For about six weeks afterward he felt half better.",
         "Repeat lumbar epidural steroid injection L5-S1", "prior_injection_relief_percent"),
        ("Gabapentin 300 mg TID started 2 weeks ago with slight benefit so far; continue and "
         "titrate.", "Lidoderm 5% patch #30", "neuropathic_first_line_failed"),
        ("Capsaicin cream produced burning down the left leg where applied and was stopped.",
         "Lidoderm 5% patch #30", "neuropathic_pain"),
        ("The heat pack led to burning down the right leg, so he stopped it.",
         "Lidoderm 5% patch #30", "neuropathic_pain"),
        ("The bathtub is deep; getting out of it requires two-person assistance.",
         "Home health aide 3x/wk x 4 wks", "homebound"),
        ("Every trip out of bed takes two people; she walks in the community with a walker.",
         "Home health aide 3x/wk x 4 wks", "homebound"),
        ("She leaves home only for church/family visits and shopping with her daughter.",
         "Home health aide 3x/wk x 4 wks", "homebound"),
        ("He wears the lumbar brace daily; with it his pain is about 4 out of 10 and without it "
         "about 8.", "Norco 10/325 #60", "medication_pain_relief"),
        ("Norco 10/325 BID. Pain 8/10 without medication and 7/10 30 minutes after a dose.",
         "Norco 10/325 #60", "medication_pain_relief"),
        ("In 2009, unrelated to work, he felt a sharp pain in the back on 06/10/2009 while "
         "lifting his son.", "MRI lumbar spine", "injury_date"),
        ("Her previous claim had a cumulative trauma date of 01/01/2010 and was settled.",
         "MRI lumbar spine", "injury_date"),
        # Questions, dates, relatives and plans that only look like this round's readings.
        ("You asked about aberrant behaviour.",
         "Norco 10/325 #60", "aberrant_drug_behavior"),
        ("You asked whether there are radicular findings.",
         "Physical therapy 2x3 cervical spine", "neuropathic_pain"),
        ("Gabapentin reduced from 900 to 600 mg/day on 8/10 with no rise in pain.",
         "TENS unit purchase", "pain_score"),
        ("Family history: mother had a bleeding ulcer in 2012.",
         "Omeprazole 20 mg #30", "gi_risk_factors"),
        ("Wife had a lumbar laminectomy in September and is recovering at home.",
         "Physical therapy 2x3 lumbar", "prior_surgery"),
        ("No anticoagulant or aspirin use.",
         "Omeprazole 20 mg #30", "gi_risk_factors"),
        ("Mr. Ortiz, 44, 12 visits.",
         "Physical therapy 2x3", "age_years"),
        ("Her husband takes baby aspirin.", "Omeprazole 20 mg #30", "gi_risk_factors"),
        ("She was told two years ago that she needs a carpal tunnel release.",
         "EMG/NCV right upper extremity", "prior_surgery"),
        ("Requesting a 30-day rental; with medications pain 7/10 -> 4/10.", "TENS unit purchase",
         "tens_trial_successful"),
        ("She had a 30-day rental of an H-wave device; pain 7/10 -> 4/10.", "TENS unit purchase",
         "tens_trial_successful"),
        ("Back pain.", "TENS unit 30-day rental; purchase after successful trial", "dme_purchase"),
        ("Oswestry 46% on 2/1 to 3/10 unchanged.", "Physical therapy 2x2", "functional_improvement"),
        ("OT for the wrist: 12 visits over 6 weeks.", "Occupational therapy wrist 2x3",
         "prior_ot_visits"),
        ("Authorized 6 visits; has not attended all six.", "Physical therapy 2x3", "prior_visits"),
        ("You asked about aberrant behavior. CURES reviewed 11/30, consistent.",
         "Norco 10/325 #60", "aberrant_drug_behavior"),
        ("Chiropractic trial: 6 visits per week planned.",
         "Chiropractic manipulation lumbar spine 1x4", "prior_chiropractic_visits"),
        ("TENS unit purchase after rental if the trial helps.",
         "TENS unit rental 30 days", "dme_purchase"),
        # The same round's readings, and what two reviews found they must not read.
        ("NCM to find a clinic near her home; next PTP visit 12/13/16.", "Physical therapy 2x3", "prior_visits"),
        ("LTG: full duty by 04/2017.", "Physical therapy 2x3", "work_status"),
        ("Goals not met: regular duty.", "Physical therapy 2x3", "work_status"),
        ("Mother had breast carcinoma.", "MRI lumbar spine", "red_flag_tumor"),
        ("Not seen the chiropractor since May.", "Chiropractic manipulation lumbar 2x3", "prior_visits"),
        ("Since June: waiting for PT. No better.", "Nerve conduction study, right upper extremity", "conservative_care_failed"),
        ("Goals per the therapist: not set.", "TENS unit 30-day rental", "treatment_goals_documented"),
        ("Procedure: right total knee arthroplasty (not done).", "Post-op physical therapy right knee 2x6", "surgery_type"),
        ("Tried his regular job in March and is doing well.", "Functional capacity evaluation", "return_to_work_failed"),
        ("No unexplained weight loss.", "MRI lumbar spine", "red_flag_tumor"),
        ("Pain 7/10 before, 8-9/10 now.", "TENS unit purchase", "tens_trial_successful"),
        ("Visits on this claim per the NCM log: PT 2x/wk planned.", "Physical therapy 2x3", "prior_visits"),
        ("Tx: ibuprofen 600 mg TID.", "Physical therapy 2x3", "prior_visits"),
        ("Procedure: lumbar fusion (no decision yet).", "Post-op physical therapy lumbar 2x6", "surgery_type"),
        ("Since 3/1: PT on hold. No better.", "Nerve conduction study, right upper extremity", "conservative_care_failed"),
        ("ROS | GU | denies urinary retention, incontinence, or |\nSaddle anesthesia.", "MRI lumbar spine", "red_flag_cauda_equina"),
        ("POST-OP VISIT #2 | 09/27/2017 | DOI: 03/13/2017 | Surgery: 09/06/2017 | Status: cancelled", "Post-operative PT right shoulder 2x6", "surgery_date"),
        ("Ortho consult | 09/27/2017 | Surgery: 10/12/2017 | Authorization: pending", "Post-operative PT right shoulder 2x6", "surgery_date"),
        ("PMH | Cholecystectomy | Surgery: 05/10/2009 | NKDA", "Post-operative PT right shoulder 2x6", "surgery_date"),
        ("POST-OP VISIT #2 | 09/27/2017 | Surgery: 10/12/2017", "Post-operative PT right shoulder 2x6", "surgery_date"),
        ("Procedure: right total knee arthroplasty (no auth).", "Post-op physical therapy right knee 2x6", "surgery_type"),
        ("Procedure: L4-5 laminectomy (no consent).", "Post-op physical therapy lumbar 2x6", "surgery_type"),
        ("Visits on this claim per the authorization log: PT 24.", "Physical therapy 2x3", "prior_visits"),
        ("Visits on this claim per the RFA: PT 12.", "Physical therapy 2x3", "prior_visits"),
        ("Never seen a chiropractor before this injury; 8 visits with Dr. Lee since 3/2026.", "Chiropractic manipulation lumbar 2x3", "prior_visits"),
        ("Next UDT: 1/15/2027.", "Urine drug screen", "drug_test_dates"),
        ("Goals for the month: to be set next visit.", "TENS unit 30-day rental", "treatment_goals_documented"),
        ("Goals per Dr. Lee: pending the FCE.", "TENS unit 30-day rental", "treatment_goals_documented"),
        ("Since 11/3: PT to start next week. No better.", "Nerve conduction study, right upper extremity", "conservative_care_failed"),
        ("Since 9/15: ibuprofen not tolerated (GI upset), never took it. Numbness persists.", "Nerve conduction study, right upper extremity", "conservative_care_failed"),
        ("Has never tried his regular job; he had to stop working on the day of injury.", "Functional capacity evaluation", "return_to_work_failed"),
        ("Tried her regular duties 3/1 and continues there; had to stop naproxen for GI upset.", "Functional capacity evaluation", "return_to_work_failed"),
        ("She has reached maximal improvement from chiropractic and will now try acupuncture.", "Functional capacity evaluation", "near_mmi"),
        ("Range of motion reached maximum improvement but strength is still progressing in PT.", "Functional capacity evaluation", "near_mmi"),
        ("Getting into the van takes two people; she still goes to the mall and church every week.", "Home health skilled nursing 3x/week x 3 weeks", "homebound"),
        ("Unintentional 3 lb weight loss over 6 months.", "MRI lumbar spine", "red_flag_tumor"),
        ("Hx basal cell carcinoma of the nose, excised 2019.", "MRI lumbar spine", "red_flag_tumor"),
        ("Hx of melanoma in situ, excised 2015, clear margins.", "MRI lumbar spine", "red_flag_tumor"),
        ("Home TENS trial x30 days. Pain 7/10 before, 3-4/10 during work breaks, no change with the unit.", "TENS unit purchase", "tens_trial_successful"),
        ("PT 12 visits 07/2024-09/2024 and 8 visits 06/2025-07/2025 of acupuncture.", "Physical therapy 2x3", "prior_acupuncture_visits"),
        ("Tx 2/3 weeks: HEP, ice.", "Physical therapy 2x3", "prior_visits"),
        # A second review's counter-examples to the same round's readings.
        ("ROS | GU | Denies\nSaddle anesthesia, urinary retention or incontinence.", "MRI lumbar spine", "red_flag_cauda_equina"),
        ("ROS | Constitutional | Negative:\nFever, chills, unexplained weight loss.", "MRI lumbar spine", "red_flag_tumor"),
        ("Procedure: R shoulder arthroscopy, SAD (no repair) - the patient wishes to wait until spring.", "Post-operative PT right shoulder 2x6", "surgery_type"),
        ("Procedure: L4-5 laminectomy (no fusion), consented today, date to be set.", "Post-op physical therapy lumbar 2x6", "surgery_type"),
        ("POST-OP VISIT #2 | 09/27/2017 | Surgery: 09/06/2017 | Status: rescheduled", "Post-operative PT right shoulder 2x6", "surgery_date"),
        ("Visits on this claim per the utilization review summary: PT 24.", "Physical therapy 2x3", "prior_visits"),
        ("Visits on this claim per the scheduling log: PT 18.", "Physical therapy 2x3", "prior_visits"),
        ("He has never seen a chiropractor other than Dr. Ruiz, 8 visits in 2025.", "Chiropractic manipulation lumbar 2x3", "prior_visits"),
        ("Since 11/3: PT cancelled twice by the clinic. Numbness persists.", "Nerve conduction study, right upper extremity", "conservative_care_failed"),
        ("Since November: PT on the waitlist. No better.", "Nerve conduction study, right upper extremity", "conservative_care_failed"),
        ("Hx of basal-cell carcinoma removed from the upper back, 2018.", "MRI lumbar spine", "red_flag_tumor"),
        ("PMH: cervical carcinoma in-situ (CIN III).", "MRI lumbar spine", "red_flag_tumor"),
        ("Tried his regular job on 3/1; had to stop working overtime but otherwise at full duty.", "Functional capacity evaluation", "return_to_work_failed"),
        ("Tried her regular job 3/1; had to stop early one day for a dentist appointment; she continues full duty.", "Functional capacity evaluation", "return_to_work_failed"),
        ("Once she has reached maximum improvement, an FCE will be done.", "Functional capacity evaluation", "near_mmi"),
        ("Grip has reached maximum improvement, lifting not yet.", "Functional capacity evaluation", "near_mmi"),
        ("Is she at maximum improvement? Unclear; re-evaluate after PT.", "Functional capacity evaluation", "near_mmi"),
        ("Leaving the apartment takes two helpers for the stair chair; she drives to the store daily once down.", "Home health skilled nursing 3x/week x 3 weeks", "homebound"),
        ("Getting to the van takes two people when his knee flares, about once a month.", "Home health skilled nursing 3x/week x 3 weeks", "homebound"),
        ("Goals for the month: not discussed.", "TENS unit 30-day rental", "treatment_goals_documented"),
        ("Goals per UR: must be documented before more visits.", "TENS unit 30-day rental", "treatment_goals_documented"),
        ("Goals per PT note: see attached.", "TENS unit 30-day rental", "treatment_goals_documented"),
        ("Pain 7/10 before, 3-4/10 during the first week, back to 7/10 by week 3.", "TENS unit purchase", "tens_trial_successful"),
        # The same review's wordings that only look like this round's readings.
        ("She was injured 10/01/2016 while repositioning a bedbound patient at the nursing home.", "Semi-electric hospital bed rental x 8 weeks", "equipment_medically_needed"),
        ("CNA injured lifting a bedridden resident.", "Semi-electric hospital bed rental x 8 weeks", "equipment_medically_needed"),
        ("Night-shift nurse who injured her back turning q2h patients.", "Semi-electric hospital bed rental x 8 weeks", "equipment_medically_needed"),
        ("Caregiver: she is his full-time caregiver and he is bedridden.", "Semi-electric hospital bed rental x 8 weeks", "equipment_medically_needed"),
        ("Hip arthroscopy 10/14/2016: the patient was placed in the lateral decubitus position.", "Semi-electric hospital bed rental x 8 weeks", "equipment_medically_needed"),
        ("Non-blanching petechial rash on both shins.", "Semi-electric hospital bed rental x 8 weeks", "equipment_medically_needed"),
        ("Sitting tolerance 20 minutes; requires frequent repositioning in the chair.", "Semi-electric hospital bed rental x 8 weeks", "equipment_medically_needed"),
        ("Some mornings she cannot get out of bed because of the back pain.", "Semi-electric hospital bed rental x 8 weeks", "equipment_medically_needed"),
        ("Low risk for pressure injury (Braden 21).", "Semi-electric hospital bed rental x 8 weeks", "equipment_medically_needed"),
        ("Pressure ulcer prevention education given.", "Semi-electric hospital bed rental x 8 weeks", "equipment_medically_needed"),
        ("Stage 2 sacral pressure injury healed 10/2016.", "Semi-electric hospital bed rental x 8 weeks", "equipment_medically_needed"),
        ("Was bedridden for two weeks after the fall; now walks without a device.", "Semi-electric hospital bed rental x 8 weeks", "equipment_medically_needed"),
        ("Transfers required two-person assist on admission; now independent.", "Semi-electric hospital bed rental x 8 weeks", "equipment_medically_needed"),
        ("Sleeps with head of bed elevated 30 degrees on a wedge for reflux.", "Semi-electric hospital bed rental x 8 weeks", "equipment_medically_needed"),
        ("Her bedroom is upstairs and she has difficulty with the stairs; requests a hospital bed downstairs.", "Semi-electric hospital bed rental x 8 weeks", "equipment_medically_needed"),
        ("01/10/2017 ODI fell from 46% to 28%.", "Physical therapy 2x3", "injury_date"),
        ("11/02/2016 Tinel positive with electrical shock sensation into the small finger.", "Physical therapy 2x3", "injury_date"),
        ("12/01/2016 Burned area healing, no signs of infection.", "Physical therapy 2x3", "injury_date"),
        ("02/14/2017 Distal radius fracture was pinned percutaneously.", "Physical therapy 2x3", "injury_date"),
        ("05/01/2017 Kitchen fire at home, not work related, no injuries.", "Physical therapy 2x3", "injury_date"),
        ("12/14/2016 Patient reports she slipped on ice at home last week.", "Physical therapy 2x3", "injury_date"),
        ("11/12/2016 patient nearly fell when the knee buckled.", "Physical therapy 2x3", "injury_date"),
        ("09/09/2016 his daughter was bitten by the family dog.", "Physical therapy 2x3", "injury_date"),
        ("Saddle anesthesia:     absent", "MRI lumbar spine", "red_flag_cauda_equina"),
        ("Aberrant behavior:     none", "Norco 10/325 #90", "aberrant_drug_behavior"),
        ("He denies     saddle anesthesia,    bowel or bladder dysfunction.", "MRI lumbar spine", "red_flag_bowel_bladder"),
        ("No     weakness,    numbness or    tingling.", "MRI lumbar spine", "motor_deficit"),
        ("03/01/24   Norco 10/325 #90   No   early refills, lost meds, or aberrant behavior", "Norco 10/325 #90", "aberrant_drug_behavior"),
        ("Early refills or lost meds? None.", "Norco 10/325 #90", "aberrant_drug_behavior"),
        ("Have you lost any prescriptions or needed early refills? No.", "Norco 10/325 #90", "aberrant_drug_behavior"),
        ("Q. Have you had any physical therapy? A. They wanted me to do it but workers comp denied it.", "Physical therapy 2x3", "prior_course_given"),
        ("He asked whether she has had PT on this claim.", "Physical therapy 2x3", "prior_course_given"),
        ("Pain has remained 7/10 over the last 6 visits despite medication management.", "Acupuncture 2x3", "prior_course_given"),
        ("She is expected to progress over 6 sessions.", "Physical therapy 2x3", "prior_course_given"),
        ("(She had PT in 2011 for a sprained ankle, unrelated.", "Physical therapy 2x3", "prior_course_given"),
        ("12 chiropractic visits in 2014 for a nonindustrial neck strain.", "Chiropractic 2x3", "prior_course_given"),
        ("Recommendation: MRI C-spine now; if it shows a compressive lesion at C6-7 I will discuss decompression.", "MRI cervical spine", "prior_imaging"),
        ("Analgesia, activity, adverse effects and aberrant behavior reviewed, goals met.", "Norco 10/325 #90", "aberrant_drug_behavior"),
        ("BDI-II 30 at intake, 8 today.", "Amitriptyline 25 mg qhs #30", "depression"),
        ("Plan: review the results of the TENS trial at next visit; purchase if at least 50% pain relief.", "TENS unit purchase", "tens_trial_successful"),
        ("Plan: discuss the outcome of the TENS trial next visit; if 50% relief, request purchase.", "TENS unit purchase", "tens_trial_successful"),
        ("BDI-II 26 three months ago, 9 today.", "Amitriptyline 25 mg qhs #30", "depressive_disorder"),
        ("BDI-II score 31 on 01/10/2026, repeat score 9 on 11/20/2026.", "Amitriptyline 25 mg qhs #30", "depressive_disorder"),
        ("BDI-II score of 28 at the 2019 QME; current BDI-II 6.", "Amitriptyline 25 mg qhs #30", "depressive_disorder"),
        ("BDI-II was 26 now down to 9.", "Amitriptyline 25 mg qhs #30", "depressive_disorder"),
        ("BDI-II (21-item) administered; score 11.", "Amitriptyline 25 mg qhs #30", "depressive_disorder"),
        ("Wife's BDI-II was 30.", "Amitriptyline 25 mg qhs #30", "depressive_disorder"),
        ("Per ODG, a BDI-II score of 20 or higher indicates moderate illness.", "Amitriptyline 25 mg qhs #30", "depressive_disorder"),
        ("Trazodone 50 mg qhs; wakes up every night since July.", "Trazodone 50 mg #30", "drug_use_weeks"),
        ("Tramadol 50 mg prn, has worked every day since 2015 as a mechanic.", "Tramadol 50 mg #60", "drug_use_weeks"),
        ("Since 06/2026: no help from PT; dropped out after 2 visits.", "NCS right upper extremity", "conservative_care_weeks"),
        ("Neck pain: employer noticed on 3/2/2026 that she was rubbing her neck.", "MRI cervical spine", "injury_date"),
        ("Left knee pain noticed about 3 weeks after starting a new job on 08/01/2026.", "MRI left knee", "injury_date"),
        ("Dr. Nakamura (pain) to do a single-level L S1 TFESI with fluoroscopy.", "Left S1 TFESI x1", "prior_injections"),
        ("He asks for brand Celebrex because the pharmacy's generic looks different; no reaction, failure or intolerance to the generic is recorded.", "Celebrex 200 mg #30 DAW", "brand_necessity_documented"),
        ("She asks for six more visits to finish strengthening before full duty.", "Post-op PT left knee 2x3", "work_status"),
        ("Lumbar radiculopathy is not supported by the exam findings.", "Gabapentin 300 mg TID #90", "neuropathic_pain"),
        ("I have prescribed tramadol 50 mg BID #60 today as a trial; she has not taken opioids before.", "Tramadol 50 mg #60", "opioid_use"),
        ("The PTP has prescribed tramadol, but the patient declined to take it.", "Tramadol 50 mg #60", "opioid_use"),
        ("She was fitted with a cock-up wrist splint at this visit. Numbness and tingling persist.", "Carpal tunnel release right", "conservative_care_failed"),
        ("L4-5 TFESI 07/2025 did not help; with Norco, pain reduced by 50%.", "L4-5 TFESI", "prior_injection_relief_percent"),
        ("Acupuncture: six sessions 10/28/26 through 11/22/26. Reduced from light duty 6 h to 4 h per day due to pain.", "Acupuncture 2x3, additional", "functional_improvement"),
        ("Acupuncture: six sessions 10/28/26 through 11/22/26. She was told to put away the cane but still uses it outdoors.", "Acupuncture 2x3, additional", "functional_improvement"),
        ("Acupuncture at Pacific Wellness: 6 sessions 10/01/2026 through 11/15/2026, all cancelled by the patient.", "Acupuncture 2x3", "prior_visits"),
        ("Came to the clinic alone via paratransit with a walker; she has not otherwise left home in 3 months.", "Home health aide 4 h/day", "homebound"),
        ("Surgery was offered two weeks ago: arthroscopic partial meniscectomy; he wants to wait.", "Post-op PT left knee 2x3", "surgery_date"),
        ("Acupuncture authorized 6 sessions 10/01/2026 to 10/30/2026 but not yet started.", "Acupuncture 2x3", "prior_visits"),
        ("Acupuncture authorized 6 sessions 11/20/2026 to 12/30/2026.", "Acupuncture 2x3", "prior_visits"),
        ("Single-level L5 TFESI to let him progress the exercise program.", "Left L5 TFESI x1", "prior_injections"),
        ("LBP - worse with sitting, better lying down.", "MRI lumbar spine", "red_flags"),
        ("PT: 8 visits completed.\n  Oswestry  11/20/26: 50%   09/15/26: 28%", "Physical therapy 2x3 lumbar, additional", "functional_improvement"),
        ("He came by wheelchair van to the clinic.", "Home health aide 4 h/day", "homebound"),
        ("PT stopped since May for lack of transport; night splint only.", "NCS right upper extremity", "conservative_care_failed"),
        ("Report 2019: GI bleed risk low.", "Omeprazole 20 mg #30", "gi_risk_factors"),
        ("Initially came by wheelchair van with two helpers after the surgery; now walks with a cane and takes the bus.", "Home health aide 4 h/day", "homebound"),
        ("She gets out of bed independently but cannot stand from a low chair without help.", "Hospital bed rental", "equipment_medically_needed"),
        ("PT on hold since 3rd September 2026 (no transport), ibuprofen. Symptoms unchanged.", "NCS right upper extremity", "conservative_care_failed"),
        ("PT: 8 visits completed. ODI 48% on 12/1, 26% on 10/15.", "Physical therapy 2x3 lumbar, additional", "functional_improvement"),
        ("PT: 8 visits completed. ODI 48% on 11/1/26, 20% on 1/15/27 (goal).", "Physical therapy 2x3 lumbar, additional", "functional_improvement"),
        ("PT: 8 visits completed. ODI 40% on 10/1/26, 28% on 11/1/26, 62% on 12/1/26 after re-injury.", "Physical therapy 2x3 lumbar, additional", "functional_improvement"),
        ("Cervical adenocarcinoma in situ, LEEP 2015.", "MRI lumbar spine", "red_flag_tumor"),
        ("Response to physical therapy: none.", "Physical therapy 2x3", "prior_visits"),
        ("Acupuncture authorized 6 sessions 10/01/2026 to 10/30/2026; she didn't go because of childcare.", "Acupuncture 2x3", "prior_visits"),
        ("Chiropractic 6 visits 10/01/2026 to 10/31/2026 were requested; UR denied.", "Chiropractic lumbar 1x6", "prior_visits"),
        ("Recommend acupuncture 6 sessions 11/01/2026 to 11/30/2026.", "Acupuncture 2x3", "prior_visits"),
        ("PT 12 visits authorized; she was TTD 09/01/2026 to 10/15/2026.", "Physical therapy 2x3", "prior_visits"),
        ("Knee arthroscopy sutures removed 10 days ago.", "Post-op PT left knee 2x3", "surgery_date"),
        ("No prior surgery and pain started 3 weeks ago.", "Physical therapy left knee 2x3", "surgery_date"),
        ("He saw the surgeon about a rotator cuff repair 3 weeks ago.", "Post-op PT right shoulder 2x6", "surgery_date"),
        ("TENS rental 10/01-10/31/2026 was ordered but the vendor didn't deliver. Ibuprofen down from three a day to one with PT.", "TENS unit purchase", "tens_trial_successful"),
        ("ROS - patient denies:\n  Fever      Chills      Night sweats\n  Saddle anesthesia      Bowel/bladder incontinence", "MRI lumbar spine", "red_flag_cauda_equina"),
        ("Right rotator cuff repair 3 weeks ago was denied by UR.", "Post-op PT right shoulder 2x6", "surgery_date"),
        ("Right rotator cuff repair with retear on MRI 3 weeks ago.", "Post-op PT right shoulder 2x6", "surgery_date"),
        ("Spine consultation 2026: C5-6 ACDF offered, patient undecided.", "Post-op PT cervical 2x6", "prior_surgery"),
        ("30-day TENS rental 10/01/2026-10/31/2026 ordered. Vendor shipped it late. Pain 8/10 -> 5/10 after the ESI.", "TENS unit purchase", "tens_trial_successful"),
        ("PT: 8 visits completed. ODI 48% on 1/30/26, 26% on 2/20/26, then 52% on 11/30/26 after re-injury.", "Physical therapy 2x3 lumbar, additional", "functional_improvement"),
        ("Hospital bed at the inpatient unit: he cannot stand from it without two people; home since 11/20 and transferring with a walker alone.", "Hospital bed rental", "equipment_medically_needed"),
        ("Ordered 12 PT visits 10/05/2026 to 11/13/2026.", "Physical therapy 2x3", "prior_visits"),
        ("Neuro: [ ] numbness L5 dermatome [x] sensation intact", "EMG bilateral lower extremities", "sensory_deficit"),
        ("Motor: [ ] weakness (EHL) [x] 5/5 throughout", "EMG bilateral lower extremities", "motor_deficit"),
        ("Weaned off chronic opioid therapy in 2024; now on naproxen only.", "Norco 10/325 #60", "opioid_use"),
        ("Surgery: L knee arthroscopic partial medial meniscectomy, 11/20/2026, cancelled (URI).", "Post-op PT left knee 2x3", "surgery_date"),
        ("Surgery: L knee arthroscopy discussed, 11/20/2026; patient wants to wait.", "Post-op PT left knee 2x3", "surgery_date"),
        ("Sensation: L5-distribution: intact.", "Gabapentin 300 mg #90", "neuropathic_pain"),
        ("Burning calf pain with walking 2 blocks, relieved by rest; ABI 0.6 (claudication).", "Gabapentin 300 mg #90", "neuropathic_pain"),
        ("On alendronate. Office visit 11/20/2026 after she slipped on ice last winter; back pain chronic since.", "X-ray lumbar spine, 3 views", "red_flag_fracture"),
        ("On 11/02/2026 he stepped down as foreman because of the back pain.", "MRI lumbar spine", "injury_date"),
        ("On 11/28/2026 she landed her first job interview since the injury.", "MRI lumbar spine", "injury_date"),
        ("Guidelines say no oral NSAIDs for more than 2 weeks; she took naproxen for 6 weeks without problems.", "Diclofenac 1% gel 100 g", "oral_medication_not_tolerated"),
        ("Hopes to be back to 8-h days without restriction after PT.", "Physical therapy 2x4", "functional_improvement"),
        ("Dr. Lee, who prescribes her Norco, checked CURES 11/20/2026: consistent, single prescriber.", "Norco 10/325 #60", "opioid_agreement"),
        ("Chiro 12/10/2026-12/30/2026, 6 visits.", "Chiropractic lumbar 1x4, additional", "prior_visits"),
        ("Chiro 12/10-12/30: 6 visits.", "Chiropractic lumbar 1x4, additional", "prior_visits"),
        ("Chiropractic requested 11/10/2026-12/01/2026, 4 visits.", "Chiropractic lumbar 1x4", "prior_visits"),
        ("Chiropractic 10/18/2026 to 10/31/2026: 6 visits cancelled, patient moved.", "Chiropractic lumbar 1x4", "prior_visits"),
        ("Lumbar strain. Pt followed 09/01/2026 to 11/30/2026: 5 visits with Dr. Lee; no therapy yet.", "Physical therapy 2x4 lumbar", "prior_course_given"),
        ("Chiropractic: has had 6 authorized visits; none attended due to transportation.", "Chiropractic lumbar 1x4", "prior_visits"),
        ("Capsaicin caused burning, no leg pain.", "TENS unit purchase", "neuropathic_pain"),
        ("Reports epigastric burning and left arm pain with exertion; sent to ED for ECG.", "Gabapentin 300 mg #90", "neuropathic_pain"),
        ("Axial LBP. Sensation: L5-distribution intact, S1 intact.", "Gabapentin 300 mg #90", "neuropathic_pain"),
        ("Takes Norco 10/325 bid. Pain 7 out of 10 without and 4 out of 10 with the TENS unit.", "Norco 10/325 #60", "medication_pain_relief"),
        ("Lumbar strain. No episodes where she could not void.", "MRI lumbar spine", "red_flag_bowel_bladder"),
        ("Lumbar fusion 10/2026. If she has not left the house by next week, consider home health.", "Home health RN 2x/wk", "homebound"),
        ("Lumbar fusion 10/2026. He has left the house only for his son's therapy visits and drives himself.", "Home health RN 2x/wk", "homebound"),
        ("Denies that PT did not help; feels it helped a lot.", "Physical therapy 2x4", "conservative_care_failed"),
        ("L knee medial meniscus tear. RFA submitted: L knee arthroscopic meniscectomy, 11/20/2026.", "Post-op physical therapy left knee 2x6", "surgery_date"),
        ("Declined: L knee arthroscopy, 10/02/2026; prefers injections.", "Post-op physical therapy left knee 2x6", "surgery_date"),
        ("Consider chronic opioid therapy if the trial helps.", "Norco 10/325 #60", "opioid_use"),
        ("On 09/03/2026 she stepped into the office for her visit.", "X-ray left knee, 3 views", "injury_date"),
        ("On alendronate for osteoporosis. On 02/02/2026 she slipped on a wet floor.", "X-ray lumbar spine, 3 views", "red_flag_fracture"),
        ("Meds unchanged after the last visit; naproxen and a wrist splint since September.", "NCS right upper extremity", "conservative_care_failed"),
        ("Arthroscopic partial medial meniscectomy, L knee, 12/19/2026 scheduled.", "Post-op physical therapy left knee 2x3", "surgery_date"),
        ("Plan: arthroscopic partial medial meniscectomy, L knee, 11/19/2026.", "Post-op physical therapy left knee 2x3", "surgery_date"),
        ("The fifth metacarpal fracture will be fixed with a plate on 11/12/2026.", "Post-op occupational therapy left hand 2x4", "surgery_date"),
        ("The fracture was not fixed with a plate on 11/12/2026 because of the swelling.", "Post-op occupational therapy left hand 2x4", "surgery_date"),
        ("He cannot drive or leave the house on weekends when his wife works.", "Home health aide 3 h/day x 4 wks", "homebound"),
        ("On 11/17/26 the tractor tipped over in the field at home; he was not on it.", "X-ray cervical spine 3 views", "injury_date"),
        ("He said... it hurts when he lifts; no new injury.", "MRI lumbar spine", "injury_date"),
        ("Tried regular duty on 10/21/2026 and has done well since.", "Functional capacity evaluation", "return_to_work_failed"),
        ("NCS 09/16/2026: median sensory responses absent in both arms, sural absent, ulnar normal; polyneuropathy.", "Right carpal tunnel release", "cts_confirmed_by_electrodiagnostics"),
        ("Saddle numbness reported last week, with a normal MRI of the lumbar spine on 12/01/2026.", "MRI lumbar spine", "red_flag_cauda_equina"),
    ],
)  # fmt: skip
def test_wordings_that_only_look_like_this_rounds_readings(
    note: str, request_line: str, name: str
) -> None:
    found = note_values(note, FINDINGS, VOCABULARY, request_line, date(2026, 12, 5))
    assert found.get(name) in (None, False)


@pytest.mark.xfail(
    strict=True,
    reason="a table's heading line is read apart from its rows, so a pain score told only as a "
    "figure in the column a heading names ('Pain score' over '7/10') is not read: without the "
    "cut, a heading's words were read as findings the rows' denials reached",
)
def test_a_pain_score_told_in_a_tables_column() -> None:
    note = "Date       Pain score   Function\n07/10/17   7/10         walks 10 min"
    assert read(note, "Norco 10/325 #90").get("pain_score") == 7


def test_a_meniscus_torn_on_imaging_with_locking_is_a_surgical_lesion() -> None:
    note = (
        "Since then the knee catches and locks a few times a week. The MRI showed a tear of "
        "the back part of the inner meniscus with a flipped fragment."
    )
    found = read(note, "Left knee arthroscopy with partial medial meniscectomy")
    assert found["surgical_lesion"] is True


def test_visits_counted_since_a_day_after_the_surgery_are_the_post_operative_course() -> None:
    note = (
        "S/p arthroscopic R rotator cuff repair with SAD 04/12/26. Twelve PT visits since 05/24. "
        "Now dresses and washes his hair without help."
    )
    found = note_values(
        note, FINDINGS, VOCABULARY, "Continue post-op PT 2x/wk x 6 wks, R shoulder",
        date(2026, 7, 7),
    )  # fmt: skip
    assert (found["postsurgical_visits_completed"], found["functional_improvement"]) == (12, True)


def test_a_denied_list_with_the_generic_at_its_end_is_no_reason_for_the_brand() -> None:
    note = "No adverse reaction, allergy or loss of effect with the generic is described."
    found = note_values(note, FINDINGS, VOCABULARY, "Celebrex 200 mg #30 DAW", date(2026, 10, 7))
    assert found.get("brand_necessity_documented") in (None, False)


def test_goals_told_by_what_they_aim_at() -> None:
    note = (
        "The physician lists goals of further reducing tramadol and sitting through a full shift."
    )
    assert read(note, "TENS unit purchase")["treatment_goals_documented"] is True


@pytest.mark.parametrize(
    "note",
    [
        "What I hope for in the short run is that she can stand through a lunch shift, and in "
        "the longer run that she can cut back the gabapentin.",
        "What we're after is standing forty minutes at a stretch and getting back to full shifts.",
        "Our aim is to have him walking a mile without stopping by June.",
    ],
)
def test_goals_told_in_plain_words(note: str) -> None:
    assert read(note, "TENS unit 30-day home rental trial")["treatment_goals_documented"] is True


@pytest.mark.parametrize(
    "note",
    ["I hope for the best.", "She went back to work after the surgery.", "He aims to please."],
)
def test_a_hope_or_an_aim_without_its_term_is_no_goal(note: str) -> None:
    assert "treatment_goals_documented" not in read(note, "TENS unit 30-day home rental trial")


def test_self_care_done_on_her_own() -> None:
    note = (
        "She has completed twelve post-operative therapy visits. She now showers and combs her "
        "hair on her own."
    )
    assert read(note, "Post-op PT 2x6 R shoulder")["functional_improvement"] is True


@pytest.mark.parametrize(
    "note, groups",
    [
        # The conditions of the opening sentence, and those a claim was accepted for.
        (
            "The patient is a 61-year-old custodian with right knee pain on a background of "
            "medial compartment osteoarthritis.",
            ["arthritis"],
        ),
        (
            "The injury was accepted as an aggravation of pre-existing osteoarthritis.",
            ["arthritis"],
        ),
        ("This 40-year-old carpenter has chronic low back pain.", ["lumbago_cervicalgia"]),
    ],
)
def test_the_conditions_of_the_opening_sentence(note: str, groups: list[str]) -> None:
    assert read(note, "Naproxen 500 mg #60")["diagnoses"] == groups


def test_a_sleep_study_is_a_service_no_rule_judges() -> None:
    service = read_request("Polysomnography (overnight sleep study) x1", VOCABULARY).service
    assert (service.category, service.subtype) == ("electrodiagnostics", "sleep_study")


@pytest.mark.parametrize(
    "request_text, needed",
    [
        ("Internal medicine consultation x1", True),
        ("Gastroenterology consult", True),
        # What a medical specialty treats is no reason for a surgeon.
        ("Orthopedic surgeon consultation", None),
    ],
)
def test_the_stomach_complaints_of_the_drugs_are_a_reason_for_a_physician(
    request_text: str, needed: bool | None
) -> None:
    note = (
        "He has taken diclofenac 75 mg twice daily since 2016 and now reports epigastric burning "
        "after meals and one episode of dark stools."
    )
    assert read(note, request_text).get("specialist_expertise_needed") is needed


@pytest.mark.parametrize(
    "note, injured",
    [
        # The injury named after its date, by month and year or by the day.
        ("He has chronic low back pain from a 12/2014 injury.", date(2014, 12, 15)),
        ("Knee pain since his 03/12/2015 work injury.", date(2015, 3, 12)),
    ],
)
def test_the_injury_named_after_its_date(note: str, injured: date) -> None:
    assert read(note, "Naproxen 550 mg #30")["injury_date"] == injured


def test_the_examination_beside_what_the_patient_reports() -> None:
    # The complaint's clause is the patient's; the examination after the semicolon is read.
    note = "He reports dropping cups at home; triceps is now 4-/5 on the right."
    assert read(note, "MRI cervical spine")["motor_deficit"] is True
    assert "motor_deficit" not in read("He reports weakness of 4/5.", "MRI cervical spine")


@pytest.mark.parametrize(
    "note, progressive",
    [
        # Worse now than at the examination before, the earlier finding in brackets: a deficit
        # that does not wait for the conservative-care window.
        ("The right triceps reflex is absent (1+ on 11/22).", True),
        ("Triceps now 4/5 (5/5 on 11/22).", True),
        ("The right triceps reflex is absent.", None),
        ("Triceps 4/5 on the right.", None),
    ],
)
def test_a_deficit_worse_than_at_the_examination_before(
    note: str, progressive: bool | None
) -> None:
    values = read(note, "MRI cervical spine")
    assert values.get("red_flag_progressive_deficit") is progressive


def test_a_pain_score_now_with_the_one_before_in_brackets() -> None:
    note = "Nortriptyline was started in 03/2015; since then pain is 4/10 (7/10 before)."
    assert read(note, "Nortriptyline 25 mg #30")["medication_pain_relief"] is True


def test_sleep_measured_then_and_now_told_in_words() -> None:
    # The CPMTG weighs sleep with function in judging an antidepressant.
    note = "Nortriptyline was started in 03/2015; she sleeps about six hours (three before)."
    assert read(note, "Nortriptyline 25 mg #30")["functional_improvement"] is True


@pytest.mark.parametrize(
    "note, in_use",
    [
        # The treating physician starting the drug, undated, is the note's own prescription.
        ("The physician started nortriptyline at bedtime and planned to reassess.", False),
        ("The physician started nortriptyline in 03/2015 and it helps.", True),
        ("Nortriptyline was started in 03/2015.", True),
    ],
)
def test_the_physician_starting_the_drug(note: str, in_use: bool) -> None:
    assert read(note, "Nortriptyline 10 mg #30")["drug_in_use"] is in_use


def test_visits_done_told_as_all_of_the_authorized() -> None:
    note = "She has completed all six of the authorized post-op OT visits."
    assert (
        read(note, "Post-operative occupational therapy 2x3, left elbow")[
            "postsurgical_visits_completed"
        ]
        == 6
    )
    # Of "4 of the 6" the four are done.
    assert read("She completed 4 of the 6 authorized OT visits.", "OT 2x3")["prior_pt_visits"] == 4


def test_the_tennis_elbow_surgery_by_its_parts() -> None:
    note = "She underwent left lateral epicondyle debridement with extensor origin repair on 05/03/2017."
    values = read(note, "Post-operative occupational therapy 2x3, left elbow")
    assert values["prior_surgery"] is True
    assert str(values["surgery_date"]) == "2017-05-03"


def test_a_phrase_opening_with_its_own_negation_is_not_the_list_before_it() -> None:
    note = (
        "He has worn a night splint and taken naproxen and has stayed on modified duty without "
        "vibrating tools, without improvement."
    )
    assert (
        read(note, "Nerve conduction studies, right upper extremity")["conservative_care_failed"]
        is True
    )


def test_an_ankle_turned_dates_the_injury() -> None:
    note = "He inverted his right ankle stepping off a pallet on 01/09/2017."
    assert read(note, "Naproxen 500 mg #30")["injury_date"] == date(2017, 1, 9)


def test_a_home_program_named_by_what_it_trains() -> None:
    note = "He does daily home desensitization and a walking program."
    assert read(note, "TENS unit, 30-day home rental trial")["adjunct_to_rehabilitation"] is True


@pytest.mark.parametrize(
    "note, in_use",
    [
        # A class of drugs not yet taken, or prescribed now for the first time.
        ("This is his first NSAID prescription on the claim.", False),
        ("He has had no NSAID on this claim.", False),
        ("No prior NSAID on this claim.", False),
        # Another NSAID denied says nothing of the one asked for; the drug read as taken wins.
        ("He takes naproxen 500 bid. No other NSAID.", True),
    ],
)
def test_a_class_of_drugs_not_yet_taken(note: str, in_use: bool) -> None:
    assert read(note, "Naproxen sodium 550 mg #30")["drug_in_use"] is in_use


def test_a_class_denied_beside_its_paperwork_is_no_class_denied() -> None:
    assert (
        read("He takes Norco daily; no opioid agreement on file.", "Norco 10/325 #60")[
            "drug_in_use"
        ]
        is True
    )


def test_a_fixation_named_without_its_bone_takes_the_fracture_named_before() -> None:
    note = (
        "He sustained a displaced fracture of the fifth metacarpal shaft. He underwent open "
        "reduction and internal fixation with a plate on 10/03/2017."
    )
    values = read(note, "Post-op occupational therapy right hand 2x4")
    assert values["surgery_type"] == "open reduction of metacarpal fracture"


@pytest.mark.parametrize(
    "note, request_text, repeated",
    [
        # The same one-time service approved before: the request repeats it.
        (
            "The documentation indicated the patient had been approved for a neurosurgeon "
            "evaluation for the low back and pelvis.",
            "Neurosurgeon evaluation for the Low back/Pelvis",
            True,
        ),
        # Another body part is another need.
        (
            "He was previously approved for an MRI of the cervical spine.",
            "MRI of the lumbar spine",
            None,
        ),
        # A course of visits approved before is the course so far, not a repeat.
        (
            "She was previously approved for six sessions of physical therapy.",
            "Physical therapy six sessions",
            None,
        ),
    ],
)
def test_a_one_time_service_approved_before(
    note: str, request_text: str, repeated: bool | None
) -> None:
    assert read(note, request_text).get("duplicates_authorized") is repeated


def test_a_surgeon_for_care_that_failed() -> None:
    # ACOEM: refer when healing is delayed; care that failed is a recovery delayed.
    note = "He had 12 PT visits, a boot and NSAIDs; heel pain persists at 6/10 five months on."
    values = read(note, "Orthopedic foot and ankle surgeon consultation, left Achilles")
    assert values["specialist_expertise_needed"] is True


@pytest.mark.parametrize(
    "note",
    [
        "She has not been out of the house since discharge.",
        # The way out that took others or a special vehicle.
        "The wound check took a wheelchair van and two relatives to get her down four steps.",
    ],
)
def test_homebound_told_by_the_trips_out(note: str) -> None:
    assert read(note, "Home health RN 1x/wk x 4 weeks")["homebound"] is True


@pytest.mark.parametrize(
    "note, documented",
    [
        ("The PTP's written goals: keyboard work for an hour within 6 weeks.", True),
        ("Goals: none set.", False),
    ],
)
def test_goals_under_a_heading_mid_sentence(note: str, documented: bool) -> None:
    assert read(note, "TENS unit purchase")["treatment_goals_documented"] is documented


def test_the_relief_after_an_injection_told_by_a_range_and_tablets() -> None:
    note = (
        "He had his first left L4-5 TFESI on 05/24/2017. Afterwards leg pain fell from 8/10 to "
        "2-3/10 for about twelve weeks; he went from four Norco a day to one."
    )
    values = read(note, "Repeat left L4-5 transforaminal epidural steroid injection")
    assert values["prior_injection_relief_percent"] == 62
    assert values["prior_injection_relief_weeks"] == 12
    assert values["medication_reduced_after_injection"] is True
    # A pain score's range is no date, nor a pain that fell an injury.
    assert "injury_date" not in values


def test_more_tablets_after_is_no_cut() -> None:
    note = (
        "He had a left L4-5 TFESI on 05/24/2017. Afterwards he went from one Norco a day to four."
    )
    values = read(note, "Repeat left L4-5 transforaminal epidural steroid injection")
    assert values.get("medication_reduced_after_injection") is not True


def test_visits_told_by_the_last_ones_place_with_its_date() -> None:
    note = "The therapy log shows her 24th PT visit on 10/30/2026."
    assert read(note, "Physical therapy right knee 2x4, additional")["prior_pt_visits"] == 24
    # Undated, it may be the one planned.
    assert "prior_pt_visits" not in read("Her 24th PT visit.", "Physical therapy 2x4")


@pytest.mark.parametrize(
    "note, signed",
    [
        # A result said of the finding at the head of its clause ends the list's negation.
        ("UDS consistent, no early refills, signed agreement in the chart.", True),
        ("No early refills, no signed agreement.", False),
        # Still the negated list where it goes on with "or".
        ("No UDS, signed agreement or CURES report in the records.", False),
    ],
)
def test_a_clause_that_says_its_own_result_first(note: str, signed: bool) -> None:
    assert read(note, "Norco 10/325 mg #90")["opioid_agreement"] is signed


@pytest.mark.parametrize(
    "note, considered",
    [
        ("Orthopedics offered arthroscopy in 2016; she declined and does not want surgery.", False),
        # The injections declined, not the operation.
        ("He would consider surgery; he declined injections.", True),
    ],
)
def test_an_operation_declined_is_not_considered(note: str, considered: bool) -> None:
    assert read(note, "MRI right shoulder")["surgery_considered"] is considered


def test_a_visit_whose_purpose_is_told_as_what_the_physician_will_check() -> None:
    note = "He wants to see him in four weeks to check pain, work tolerance and side effects."
    request = "Follow-up office visit in 4 weeks"
    assert read(note, request)["visit_purpose_documented"] is True


@pytest.mark.parametrize(
    "note",
    [
        # Every item of a list a denial heads, however long.
        "Denies numbness, weakness, saddle anesthesia, bowel or bladder changes, fever, cancer "
        "history, wt loss.",
        "Denies numbness, weakness, saddle anesthesia, bowel or bladder changes, fever, cancer "
        "history.",
    ],
)
def test_a_long_list_a_denial_heads(note: str) -> None:
    assert read(note, "MRI lumbar spine").get("red_flag_tumor") is not True


def test_a_request_for_authorizations_service_line_asks_for_the_drug() -> None:
    # The RFA's service line is the request, not the drug taken.
    note = (
        "RFA. Service: naproxen 500 mg, #60, one tablet BID with food, 30 days. No prior NSAID "
        "on this claim."
    )
    assert read(note, "Naproxen 500 mg #60")["drug_in_use"] is False


def test_visits_under_the_therapys_heading_with_completed() -> None:
    note = "OT completed: 24 visits (OT log)."
    assert read(note, "OT R hand 2x3 (6 visits)")["prior_pt_visits"] == 24


def test_a_sentence_on_the_line_of_a_plans_item_is_planned() -> None:
    note = (
        "10/2025-12/2025: 10 PT visits; no acupuncture to date.\n"
        "A/P: 1. Chronic LBP, cannot take NSAIDs. Trial acupuncture 6 sessions over 3 wks."
    )
    assert (
        read(note, "Acupuncture lumbar 2x/wk x 3 wks (6 sessions)")["prior_acupuncture_visits"] == 0
    )
