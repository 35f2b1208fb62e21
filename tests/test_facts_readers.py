"""Readers that the check of a new request leans on: each read from several wordings, and never
from a negation, a plan or a guideline's own words."""

from __future__ import annotations

from typing import Any

import pytest

from engine.facts import extract_note_facts, load_findings
from engine.requests import normalize_request
from engine.vocab import load_vocabulary

VOCABULARY = load_vocabulary()
FINDINGS = load_findings()


def read(note: str, request: str | None = None) -> dict[str, Any]:
    asked = normalize_request(request, VOCABULARY) if request else None
    return {f.name: f.value for f in extract_note_facts(note, FINDINGS, request=asked).facts}


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
        # The record names the therapy: its visits are unknown, not none.
        "Persistent pain despite 8 PT visits. She has had chiropractic care in the past.",
        "Persistent pain despite 8 PT visits and chiropractic treatment.",
        # No treatment listed at all.
        "Low back pain for three months. Exam: lumbar paraspinal tenderness.",
        # A list of drugs only is no account of the therapies tried.
        "Persistent pain despite naproxen and a home exercise program.",
    ],
)
def test_silence_is_no_first_course_where_the_record_names_the_therapy_or_lists_none(
    note: str,
) -> None:
    assert "prior_visits" not in read(note, "Chiropractic manipulation 3x2 lumbar spine")


def test_the_requested_therapy_named_only_as_the_plan_still_leaves_it_a_first_course() -> None:
    note = (
        "Persistent low back pain despite eight PT visits and naproxen. "
        "Plan: chiropractic manipulation 3 times a week for 2 weeks."
    )
    assert read(note, "Chiropractic 3x2 lumbar")["prior_visits"] == 0


# --- a referral's reason is read from a note as from a letter ----------------------------------


def test_a_note_gives_the_referral_its_reason() -> None:
    note = (
        "Persistent L ankle dorsiflexion 4-/5 and EHL 3/5 after failed PT and an ESI. "
        "He wants to discuss surgical options."
    )
    assert read(note, "Consultation with orthopedic spine surgeon")["specialist_expertise_needed"]
    assert "specialist_expertise_needed" not in read(note)
