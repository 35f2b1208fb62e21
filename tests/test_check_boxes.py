"""A form's empty check box before an item that tells its own account
(`engine.facts.check_boxes`): the item is told, not denied by its box; every other box is left
to the negation cues."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import note_values

from engine.facts import load_findings
from engine.facts.check_boxes import boxes_as_words
from engine.vocab import load_vocabulary

VOCABULARY = load_vocabulary()
FINDINGS = load_findings()


@pytest.mark.parametrize(
    "form, words",
    [
        ("Meds: [ ] ibuprofen - stopped 10/2016, epigastric pain  [x] acetaminophen prn",
         "Meds: ibuprofen - stopped 10/2016, epigastric pain  [x] acetaminophen prn."),
        ("Tx: [x] PT, ten visits completed  [ ] acupuncture (none to date)",
         "Tx: PT, ten visits completed  ; acupuncture (none to date)"),
        # A ticked box after a heading's colon goes: the heading reads with its answer.
        ("Acupuncture to date: [x] none", "Acupuncture to date: none"),
        # Every other box stays as it is, for the negation cues to read, the line ended.
        ("Aberrant behavior: [ ] early refill [ ] lost Rx [x] none",
         "Aberrant behavior: [ ] early refill [ ] lost Rx [x] none."),
        ("Red flags: [ ] fever > 100.4 [ ] saddle anesthesia (new) [x] none",
         "Red flags: [ ] fever > 100.4 [ ] saddle anesthesia (new) [x] none."),
        ("Urinary retention: No [ ] Yes [x]\nBowel: normal.",
         "Urinary retention: No [ ] Yes [x].\nBowel: normal."),
        ("No boxes here [sic].", "No boxes here [sic]."),
    ],
)  # fmt: skip
def test_an_empty_box_is_taken_out_only_before_an_item_that_tells_its_own_account(
    form: str, words: str
) -> None:
    assert boxes_as_words(form) == words


@pytest.mark.parametrize(
    "note, request_line, expected",
    [
        ("Prior tx: [x] PT 8 visits (Apr-May 2026)  [ ] chiro (none on this claim)",
         "Chiropractic manipulation lumbar 2x3", {"prior_visits": 0}),
        ("Meds: [ ] ibuprofen - stopped 10/2026, epigastric pain  [ ] tramadol - stopped, nausea",
         "Acupuncture 2x3 lumbar", {"pain_medication_reduced_or_not_tolerated": True}),
        ("Aberrant behavior: [ ] early refills  [ ] lost Rx  [x] none\nCURES checked 11/20/2026.",
         "Norco 10/325 #60", {"aberrant_drug_behavior": False, "cures_checked": True}),
        ("Acupuncture to date: [x] none", "Acupuncture 2x3 lumbar", {"prior_visits": 0}),
        ("Red flags: [x] saddle anesthesia  [ ] fever", "MRI lumbar spine",
         {"red_flag_cauda_equina": True}),
        ("Urinary retention: No [ ] Yes [x]", "MRI lumbar spine", {"red_flag_cauda_equina": True}),
    ],
)  # fmt: skip
def test_the_facts_of_a_form_with_boxes(note: str, request_line: str, expected: dict) -> None:
    found = note_values(note, FINDINGS, VOCABULARY, request_line, date(2026, 12, 5))
    assert {name: found.get(name) for name in expected} == expected
