"""Markers: a letter's fixed wording found through what PDF text layers do to it."""

from __future__ import annotations

import pytest

from engine.markers import Marker, either, letters_of, opening, phrase

NOT_NECESSARY = Marker(phrase("is not medically necessary and appropriate"))


@pytest.mark.parametrize(
    "written",
    [
        "is not medically necessary and appropriate",
        "is notmedically necessary and appropriate",
        "isnotmedicallynecessaryandappropriate",
        "is not medi cally necessary and appropriate",
        "is not medi-\ncally necessary and appropriate",
        "is not medi\u00adcally necessary and appropriate",
        "is  not\n\nmedically   necessary and\nappropriate",
        "IS NOT Medically NECESSARY and Appropriate",
        "is not medically\nPage 2 of 5\nnecessary and appropriate",
        "is not medically\nCM13-0034418    Page 2\n\n- 2 -\nnecessary and appropriate",
    ],
)
def test_a_phrase_is_found_however_the_text_layer_broke_it(written: str) -> None:
    text = "The request " + written + ". Next"
    found = NOT_NECESSARY.search(text)
    assert found is not None
    assert found.span() == (len("The request "), len("The request ") + len(written))


@pytest.mark.parametrize(
    "other",
    [
        "is medically necessary and appropriate",
        "is not medically necessary or appropriate",
        "is not medically\nthe patient reports pain\nnecessary and appropriate",
    ],
)
def test_a_phrase_is_not_found_in_other_words(other: str) -> None:
    assert NOT_NECESSARY.search(other) is None


def test_ligatures_and_curly_quotes_stand_for_their_letters() -> None:
    assert Marker(opening("Certification(s)/Specialty:")).search("Certi\ufb01cation(s)/Specialty:")
    assert Marker(phrase("office flat")).search("o\ufb03ce \ufb02at")
    assert Marker(phrase("Reviewer's")).search("Reviewer\u2019s")
    # A ligature is of lower-case letters: "FINAL" is never written with one.
    assert Marker(opening("FINAL")).search("\ufb01NAL") is None


def test_an_opening_keeps_its_capital_and_a_phrase_takes_any_case() -> None:
    rationale = Marker(opening("Decision rationale:"))
    assert rationale.search("DECISION RATIONALE:") and rationale.search("Decision Rationale:")
    assert rationale.search("a decision rationale: was") is None
    assert Marker(phrase("Decision rationale:")).search("a decision rationale: was")


def test_either_wording_and_what_a_match_says() -> None:
    decision = Marker(either("Upheld", "Overturned"))
    found = decision.search("lumbar spine: Over-\nturned")
    assert found and letters_of(found[0]) == "overturned"


def test_a_marker_is_compiled_when_first_used() -> None:
    marker = Marker(opening("Claims Administrator guideline:"))
    assert "pattern" not in vars(marker)
    assert list(marker.finditer("x Claims Administrator guideline: y")) != []
    assert "pattern" in vars(marker)
    assert marker.search == marker.pattern.search  # later calls go straight to the expression
