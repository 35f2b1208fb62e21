"""A printed record's dot leaders (`engine.facts.dot_leaders`): the dots between a label and
its value read as the colon they stand for; an ellipsis of three dots is left alone."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import note_values

from engine.facts import load_findings
from engine.facts.dot_leaders import leaders_as_colons
from engine.vocab import load_vocabulary

VOCABULARY = load_vocabulary()
FINDINGS = load_findings()


@pytest.mark.parametrize(
    "printed, words",
    [
        ("Chiropractic ........ 20   (last 08/28/2026)", "Chiropractic: 20   (last 08/28/2026)"),
        ("L knee arthroscopy .... NON-CERTIFIED by UR 06/06/17",
         "L knee arthroscopy: NON-CERTIFIED by UR 06/06/17"),
        ("Pre-op labs, EKG ............ non-certified", "Pre-op labs, EKG: non-certified"),
        # Spaced dots after the run are the leader's too; spaced dots alone are not a run.
        ("Acupuncture .... . . 10", "Acupuncture: 10"),
        ("Acupuncture . . . . 10", "Acupuncture . . . . 10"),
        # An ellipsis, a decimal and a sentence's stop are no leaders.
        ("He said... it hurts.", "He said... it hurts."),
        ("Creatinine 1.2 mg/dL.", "Creatinine 1.2 mg/dL."),
        # Dots that end a line lead to nothing on it.
        ("Signature ....\nDate", "Signature ....\nDate"),
    ],
)  # fmt: skip
def test_a_dot_leader_reads_as_a_colon(printed: str, words: str) -> None:
    assert leaders_as_colons(printed) == words


@pytest.mark.parametrize(
    "note, request_line, expected",
    [
        ("PRIOR AUTHORIZATION HISTORY\n  10/30/26  L knee arthroscopy, partial medial "
         "meniscectomy .... NON-CERTIFIED by UR 11/06/26",
         "Cold therapy unit 7-day rental L knee", {"procedure_certified": False}),
        ("PRIOR AUTHORIZATION HISTORY\n  10/30/26  L knee arthroscopy .......... certified 11/06/26"
         "\nSurgery 11/20/26 went ahead.",
         "Cold therapy unit 7-day rental L knee", {"procedure_certified": None}),
    ],
)  # fmt: skip
def test_the_facts_of_a_printed_ledger(note: str, request_line: str, expected: dict) -> None:
    found = note_values(note, FINDINGS, VOCABULARY, request_line, date(2026, 12, 5))
    assert {name: found.get(name) for name in expected} == expected
