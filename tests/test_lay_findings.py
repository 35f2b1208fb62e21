"""The examination and history told in plain words, as a physician writing a narrative note tells
them: each read as the clinical finding it means, a normal result as normal, and the same words
in another sense, or denied, as no finding."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import note_values

from engine.facts import load_findings
from engine.vocab import load_vocabulary

VOCABULARY = load_vocabulary()
FINDINGS = load_findings()


def read(note: str) -> dict[str, Any]:
    return note_values(note, FINDINGS, VOCABULARY)


# --- strength graded in words -------------------------------------------------------------------


@pytest.mark.parametrize(
    "note",
    [
        "On examination the extensor of the right great toe is four out of five.",
        "Ankle dorsiflexion on the left was four minus out of five.",
        "Grip is weaker on the right than on the left.",
        "When I examined her the left hand grip was clearly weaker.",
        "He cannot rise on his right toes as well as his left.",
        "Today she is unable to walk on her left heel.",
    ],
)
def test_a_strength_grade_or_weakness_told_in_words_is_a_motor_deficit(note: str) -> None:
    assert read(note)["motor_deficit"] is True


@pytest.mark.parametrize(
    "note",
    [
        "Lifting the left foot against resistance is three out of five.",
        "Raising the arm to the side is two out of five.",
    ],
)
def test_a_grade_of_three_or_less_in_words_is_a_severe_deficit(note: str) -> None:
    values = read(note)
    assert values["severe_neurologic_deficit"] is True
    assert values["motor_deficit"] is True


@pytest.mark.parametrize(
    "note",
    [
        "He works four out of five days at the depot.",
        "She has had good days four out of five weeks since the injection.",
    ],
)
def test_four_out_of_five_of_something_else_is_no_grade(note: str) -> None:
    assert "motor_deficit" not in read(note)


def test_five_out_of_five_in_words_is_normal_strength() -> None:
    assert read("Strength in both legs is five out of five.")["motor_deficit"] is False


# --- feeling ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "note",
    [
        "On examination he has lost feeling over the outside of the right foot.",
        "Feeling is reduced over the left index and middle fingers.",
        "There is reduced feeling along the inner shin.",
        "The skin over the scar is numb to a pin.",
        "Feeling was a little diminished over the back of the hand.",
    ],
)
def test_feeling_lost_or_reduced_is_a_sensory_deficit(note: str) -> None:
    assert read(note)["sensory_deficit"] is True


@pytest.mark.parametrize(
    "note",
    [
        "He is feeling better since the last visit.",
        "She has a feeling of tightness in the low back.",
        "He reports less feeling of stiffness in the mornings.",
    ],
)
def test_feeling_in_another_sense_is_no_sensory_finding(note: str) -> None:
    assert "sensory_deficit" not in read(note)


# --- the parts of the examination normal together ------------------------------------------------


@pytest.mark.parametrize(
    "note",
    [
        "When I examined him, his strength, reflexes and feeling in both legs were normal.",
        "Her arm strength, reflexes and feeling are all normal.",
        "His strength, reflexes and feeling in the legs were entirely normal.",
    ],
)
def test_strength_reflexes_and_feeling_normal_together_are_no_deficit(note: str) -> None:
    values = read(note)
    assert values["motor_deficit"] is False
    assert values["reflex_change"] is False
    assert values["sensory_deficit"] is False


@pytest.mark.parametrize(
    "note",
    [
        "At this visit her arm strength and reflexes remain normal.",
        "His legs are strong and his reflexes are normal.",
        "Strength is full and reflexes are symmetric.",
    ],
)
def test_strength_told_full_or_staying_normal_is_no_motor_deficit(note: str) -> None:
    values = read(note)
    assert values["motor_deficit"] is False
    assert values["reflex_change"] is False


def test_numbness_found_in_a_root_pattern_on_examination_is_a_sensory_deficit() -> None:
    note = "On examination there is numbness over the little finger in the eighth cervical pattern."
    assert read(note)["sensory_deficit"] is True


def test_sensation_slightly_reduced_is_a_sensory_deficit() -> None:
    assert read("Sensation is slightly reduced over the left heel.")["sensory_deficit"] is True


def test_one_part_of_the_limbs_named_normal_is_no_deficit_of_it() -> None:
    values = read("Strength in the legs is normal and feeling is intact.")
    assert values["motor_deficit"] is False
    assert values["sensory_deficit"] is False


def test_parts_named_together_and_said_not_normal_are_not_read_normal() -> None:
    values = read("His strength and feeling in the left leg are not normal.")
    assert values.get("motor_deficit") is not False
    assert values.get("sensory_deficit") is not False


# --- reflexes -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "note",
    [
        "The right knee reflex is absent.",
        "On examination the left triceps reflex was plainly diminished against the right.",
    ],
)
def test_a_reflex_absent_or_diminished_in_words_is_a_reflex_change(note: str) -> None:
    assert read(note)["reflex_change"] is True


@pytest.mark.parametrize(
    "note",
    [
        "His reflexes are equal at the knees and ankles.",
        "Her reflexes were symmetrical in both arms.",
    ],
)
def test_reflexes_equal_on_both_sides_are_normal(note: str) -> None:
    assert read(note)["reflex_change"] is False


# --- provocative tests told by what was done -----------------------------------------------------


@pytest.mark.parametrize(
    "note",
    [
        "The straight leg raise on the right brings on his calf pain at fifty degrees.",
        "Straight leg raising on the left reproduced the pain down her leg at forty degrees.",
    ],
)
def test_a_straight_leg_raise_that_brings_on_leg_pain_is_positive(note: str) -> None:
    assert read(note)["positive_straight_leg_raise"] is True


@pytest.mark.parametrize(
    "note",
    [
        "The straight leg raise brings on only back pain.",
        "The straight leg raise on the left does not bring on any leg pain.",
    ],
)
def test_a_straight_leg_raise_with_back_pain_alone_or_nothing_brought_on_is_not_positive(
    note: str,
) -> None:
    assert read(note).get("positive_straight_leg_raise") is not True


@pytest.mark.parametrize(
    "note",
    [
        "Tapping lightly over the left wrist brings on tingling in the fingers.",
        "Holding her wrists flexed for half a minute brought on the numbness.",
        "Keeping the wrists bent together reproduces his symptoms.",
    ],
)
def test_tapping_or_holding_the_wrist_bent_that_brings_on_symptoms_is_an_entrapment_sign(
    note: str,
) -> None:
    assert read(note)["nerve_entrapment_signs"] is True


def test_tapping_over_the_wrist_that_brings_on_nothing_is_no_entrapment_sign() -> None:
    assert (
        read("Tapping over the wrist does not bring on any tingling.").get("nerve_entrapment_signs")
        is not True
    )


@pytest.mark.parametrize(
    "note",
    [
        "Turning her head to the left and pressing down sends pain into the left arm.",
        "Tilting his head to the right with pressure brings the arm pain on.",
        "Pressing down on the head with the neck turned sends the pain to his hand.",
    ],
)
def test_turning_the_head_and_pressing_down_that_sends_pain_into_the_arm_is_spurling(
    note: str,
) -> None:
    assert read(note)["positive_spurling"] is True


@pytest.mark.parametrize(
    "note",
    [
        "Her neck turns freely and pressing down on her head sends nothing down the arm.",
        "Pressing down on his head brought on nothing in the arm.",
    ],
)
def test_pressing_down_on_the_head_that_sends_nothing_is_not_spurling(note: str) -> None:
    assert read(note).get("positive_spurling") is not True


# --- wasting ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "note",
    [
        "The muscle at the base of her left thumb is slightly wasted.",
        "There is wasting of the muscle at the base of the right thumb.",
    ],
)
def test_the_thumb_base_wasted_is_thenar_atrophy(note: str) -> None:
    values = read(note)
    assert values["nerve_entrapment_signs"] is True
    assert values["severe_carpal_tunnel_syndrome"] is True


def test_the_base_of_the_thumb_named_without_wasting_is_no_atrophy() -> None:
    values = read("She is tender at the base of the right thumb.")
    assert "nerve_entrapment_signs" not in values
    assert "severe_carpal_tunnel_syndrome" not in values


# --- imaging told in plain words ------------------------------------------------------------------


def test_a_disc_pressing_on_a_nerve_root_on_the_scan_is_nerve_compromise() -> None:
    note = "His MRI in May showed a disc at L4-5 pressing on the right L5 nerve root."
    assert read(note)["imaging_nerve_compromise"] is True


def test_a_scan_without_pressure_on_a_nerve_is_no_nerve_compromise() -> None:
    note = "Her scan showed a small bulge at L3-4 without any pressure on a nerve root."
    assert read(note)["imaging_nerve_compromise"] is False


# --- bowel and bladder working normally ----------------------------------------------------------


def test_bowel_and_bladder_working_normally_is_no_red_flag() -> None:
    note = "The pain stays in the back, and his bowel and bladder are working normally."
    assert read(note)["red_flag_bowel_bladder"] is False


# --- the age told in words ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "age"),
    [
        ("Mr. Lindgren is fifty-eight and has had low back pain since May.", 58),
        ("Mrs. Okafor, who is thirty-six, hurt her wrist at the cannery.", 36),
        ("She is 44 years of age.", 44),
        ("Ms. Abara is a twenty-nine year old packer.", 29),
    ],
)
def test_the_age_told_as_what_the_patient_is_is_read(note: str, age: int) -> None:
    assert read(note)["age_years"] == age


@pytest.mark.parametrize(
    "note",
    [
        "He is 45 minutes late for the visit.",
        "Mr. Lindgren is fifty percent better.",
        "She is 6 weeks out from the injection.",
    ],
)
def test_a_number_after_is_that_is_no_age_is_not_read(note: str) -> None:
    assert "age_years" not in read(note)


@pytest.mark.parametrize(
    ("note", "fact"),
    [
        (
            "When I tapped over the front of her right wrist the tingling shot into those fingers.",
            "nerve_entrapment_signs",
        ),
        (
            "When she held both wrists bent down for thirty seconds the numbness came on in the "
            "right hand.",
            "nerve_entrapment_signs",
        ),
        ("Her grip on the right is a little weaker than the left.", "motor_deficit"),
    ],
)
def test_the_examination_told_by_what_the_examiner_did_and_saw(note: str, fact: str) -> None:
    assert read(note)[fact] is True


@pytest.mark.parametrize(
    ("note", "fact"),
    [
        ("Tapping over the wrist brought on nothing.", "nerve_entrapment_signs"),
        ("Straight leg raise sends pain to the low back only.", "positive_straight_leg_raise"),
    ],
)
def test_a_test_that_brought_on_nothing_or_back_pain_only_is_not_positive(
    note: str, fact: str
) -> None:
    assert read(note).get(fact) is not True


def test_care_without_any_real_change_has_failed() -> None:
    note = "She's worn a night splint for six weeks and taken ibuprofen without any real change."
    assert read(note)["conservative_care_failed"] is True


@pytest.mark.parametrize(
    ("note", "fact"),
    [
        ("His reflexes were brisk and equal at the knees and ankles.", "reflex_change"),
        ("I found no loss of feeling anywhere in either leg.", "sensory_deficit"),
        (
            "The MRI showed a mild bulge of the disc between the fourth and fifth bones touching "
            "no nerve root.",
            "imaging_nerve_compromise",
        ),
    ],
)
def test_a_normal_finding_in_plain_words(note: str, fact: str) -> None:
    assert read(note)[fact] is False


@pytest.mark.parametrize(
    ("note", "suspected"),
    [
        ("Examination documented a visible step-off and swelling over the right clavicle.", True),
        ("Gross deformity of the distal radius with moderate swelling.", True),
        ("No step-off or midline tenderness.", False),
    ],
)
def test_a_step_off_or_a_deformity_on_examination_is_a_fracture_suspected(
    note: str, suspected: bool
) -> None:
    assert read(note)["red_flag_fracture"] is suspected
