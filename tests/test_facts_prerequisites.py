"""Readers of what the guidelines ask before a study or an injection: how long conservative care
has been tried, plain films of the part and what they showed, the specific lesion a study is
for, a steroid injection of the joint that failed, patellar tendinosis, and the relief of a
diagnostic block before a neurotomy. Each is read from the record's wordings, never from a
request, a plan, a supposition or a guideline's own words, and an item takes only what was read
of its own body part."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import REPO, note_values, planted_in_rationale

from engine.facts import load_findings
from engine.vocab import load_vocabulary

VOCABULARY = load_vocabulary()
FINDINGS = load_findings()
SEED = REPO / "cases" / "seed-002_30e38b816172c555" / "letter.txt"


def read(note: str, request: str | None = None) -> dict[str, Any]:
    return note_values(note, FINDINGS, VOCABULARY, request)


@pytest.mark.parametrize(
    "note, weeks",
    [
        ("She has had six weeks of physical therapy without improvement.", 6),
        ("Conservative treatment for 3 months has not helped.", 13),
        ("Completed 8 weeks of conservative care; the pain persists.", 8),
        ("Physical therapy over the past two months has not helped him.", 9),
        # What is asked for is no care given.
        ("Physical therapy 2 times a week for 6 weeks is requested.", None),
        ("The plan is six weeks of physical therapy.", None),
        # A guideline's window, of no patient.
        ("MRI is supported after three to four weeks of conservative care.", None),
    ],
)
def test_how_long_conservative_care_was_tried(note: str, weeks: int | None) -> None:
    assert read(note).get("conservative_care_weeks") == weeks


@pytest.mark.parametrize(
    "note, asked, value",
    [
        ("The lumbar spine x-rays were normal.", "MRI lumbar spine", True),
        ("X-rays of the elbow were negative.", "MRI right elbow", True),
        ("Radiographs showed no acute fracture.", "MRI right elbow", True),
        ("X-rays revealed a displaced fracture of the distal radius.", "MRI right wrist", False),
        ("There were no radiographs of the left knee.", "MRI left knee", False),
        # Films of another part say nothing of this one.
        ("X-rays of the right shoulder showed arthritis, and x-rays of the right hip were "
         "unremarkable.", "MRI right hip", True),
        ("X-rays of the right hip were unremarkable.", "MRI right elbow", None),
        # A supposition, a plan or a review's decision reports no films.
        ("An MRI is indicated if plain films are nondiagnostic.", "MRI right elbow", None),
        ("No x-ray report was provided.", "MRI right elbow", None),
        ("Utilization review denied the x-rays, which were normal per the request.",
         "MRI right elbow", None),
    ],
)  # fmt: skip
def test_plain_films_and_what_they_showed(note: str, asked: str, value: bool | None) -> None:
    assert read(note, asked).get("plain_films_nondiagnostic") == value


@pytest.mark.parametrize(
    "note, asked, value",
    [
        ("MRI of the hip to rule out a labral tear.", "MRI right hip", True),
        ("There is concern for avascular necrosis of the hip.", "MRI right hip", True),
        ("The plan is an MRI of the right elbow to rule out ligament tear.", "MRI right elbow",
         True),
        ("There are no examination findings to suspect a labral tear.", "MRI right hip", False),
        # A meniscus is the knee's.
        ("A meniscal tear is suspected.", "MRI right hip", None),
        ("A meniscal tear is suspected.", "MRI left knee", True),
        ("She has hip pain without a specific injury.", "MRI right hip", None),
    ],
)  # fmt: skip
def test_the_specific_lesion_a_study_is_for(note: str, asked: str, value: bool | None) -> None:
    assert read(note, asked).get("specific_lesion_suspected") == value


@pytest.mark.parametrize(
    "note, value",
    [
        ("She had a cortisone injection in the knee with only temporary relief.", True),
        ("A steroid injection of the knee did not help.", True),
        ("The knee steroid injection gave significant relief.", False),
        ("She has not had a steroid injection of the knee.", False),
        # At the spine, or of another joint, or only asked for: nothing of the knee.
        ("She had a lumbar epidural steroid injection with no relief.", None),
        ("She had a cortisone injection to the shoulder without relief.", None),
        ("A cortisone injection to the right knee is requested.", None),
    ],
)
def test_a_steroid_injection_of_the_joint_that_failed(note: str, value: bool | None) -> None:
    assert read(note, "PRP injection right knee").get("failed_steroid_injection") == value


@pytest.mark.parametrize(
    "note, value",
    [
        ("He has patellar tendinosis of the right knee.", True),
        ("Diagnosis: right jumper's knee.", True),
        ("Right knee pain, no patellar tendinopathy.", None),
    ],
)
def test_patellar_tendinosis(note: str, value: bool | None) -> None:
    assert read(note, "PRP injection right knee").get("refractory_patellar_tendinosis") == value


def test_a_neurotomy_takes_the_relief_of_the_diagnostic_block() -> None:
    note = "Medial branch blocks at L4-5 gave 80% relief."
    assert read(note, "Radiofrequency ablation L4-5")["medial_branch_block_relief_percent"] == 80
    assert "medial_branch_block_relief_percent" not in read(note, "Facet injection L4-5")
    assert "medial_branch_block_relief_percent" not in read(
        "A trigger point injection gave 80% relief.", "Radiofrequency ablation L4-5"
    )


# A guideline's criteria, quoted in a rationale: each sentence would give one of these facts if
# it were the record.
GUIDELINE_PASSAGE = (
    "ODG supports an elbow MRI when plain films are nondiagnostic and a loose body is suspected. "
    "In addition, after three months of conservative care and a failed steroid injection of the "
    "knee, hyaluronic acid may be considered. Patellar tendinosis refractory to care is one "
    "indication. Neurotomy needs a medial branch block with 70% relief. "
)


def test_a_guideline_passage_gives_none_of_these_facts() -> None:
    before, after, _ = planted_in_rationale(SEED, GUIDELINE_PASSAGE, FINDINGS, VOCABULARY)
    names = {
        "conservative_care_weeks",
        "plain_films_nondiagnostic",
        "specific_lesion_suspected",
        "failed_steroid_injection",
        "refractory_patellar_tendinosis",
        "medial_branch_block_relief_percent",
    }
    assert {(name, value) for name, value in after - before if name in names} == set()


def test_the_medical_record_after_a_guideline_passage_is_read_again() -> None:
    # "The available medical record ..." speaks of the record again, and ends the passage.
    back = (
        "The available medical record does not indicate concerns for avascular necrosis or a "
        "labral tear of the hip."
    )
    _, _, facts = planted_in_rationale(SEED, GUIDELINE_PASSAGE + back, FINDINGS, VOCABULARY)
    assert any(
        f.name == "specific_lesion_suspected"
        and f.value is False
        and "medical record" in f.evidence.sentence
        for f in facts
    )
