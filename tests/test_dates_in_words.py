"""Days told in words or ordinals, as narrative notes tell them ("on the ninth of December", "the
3rd of May 2016", "last Tuesday", "three winters ago"): dated with their year, else against the
note's date, and taken by the readers of dates only where the sentence tells this patient's
injury, surgery or test, never from a plan or a request."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from engine.facts import extract_note_facts, load_findings
from engine.facts.days_told import could_tell_day, with_days_told
from engine.facts.figures import with_spoken_dates
from engine.facts.sentences import phrase_words

FINDINGS = load_findings()
# A Wednesday.
ON = date(2017, 3, 22)


def read(note: str, on: date | None = ON) -> dict[str, Any]:
    return extract_note_facts(note, FINDINGS, note_date=on).values(None, on)


def told(text: str, on: date | None = ON) -> str:
    """The text with its days told written in figures, where the sentence's words let any be,
    as the readers of dates read it: a year dictated in words first."""
    text = with_spoken_dates(text)
    if not could_tell_day(frozenset(phrase_words(text)), any(c.isdigit() for c in text), on):
        return text
    return with_days_told(text, text.lower(), on)


@pytest.mark.parametrize(
    ("words", "figures"),
    [
        # Without a year: the latest such day on or before the note's date.
        ("on the eighteenth of October", "10/18/2016"),
        ("on the twenty-ninth of September", "9/29/2016"),
        ("on the first of March", "3/1/2017"),
        ("on the 22nd of March", "3/22/2017"),
        ("on May 3rd", "5/3/16"),
        ("on March the ninth", "3/9/2017"),
        ("on March 14 he", "3/14/17"),
        # With a year, that day, whatever the note's date.
        ("the 3rd of May 2016", "5/3/2016"),
        ("the ninth of March, 2015", "3/9/2015"),
        ("the ninth of March two thousand fifteen", "3/9/2015"),
        # The year the sentence names against the note's.
        ("on the twelfth of February last year", "2/12/2016"),
        ("on the fourth of August two years ago", "8/4/2015"),
        ("on the fourteenth of March, two years ago", "3/14/2015"),
        ("on the ninth of December, three winters ago", "12/9/2014"),
        # Weekdays and seasons, against the note's date (a Wednesday).
        ("last Tuesday", "3/21/2017"),
        ("last Wednesday", "3/15/2017"),
        ("three weeks ago Thursday", "2/23/2017"),
        ("in the spring", "4/2016"),
        ("since the spring", "4/2016"),
        ("last summer", "7/2016"),
        ("three winters ago", "1/2015"),
        ("in the fall of 2015", "10/2015"),
    ],
)
def test_a_day_told_in_words_is_written_in_figures(words: str, figures: str) -> None:
    written = told(words)
    assert figures in written
    assert len(written) == len(words)  # the sentence's places stay put


@pytest.mark.parametrize(
    "words",
    [
        # No month, or no day of one.
        "on the second visit",
        "the first of three injections",
        # "may" the verb, not the month.
        "she may first try a splint",
        # A day in bare figures is read only after "on" or before a stop.
        "PT in March 6 visits",
        # A fall the patient had, not the season.
        "since his last fall",
        "she broke her wrist in the fall",
        # The 31st of a month of 30 days.
        "on the thirty-first of April",
    ],
)
def test_words_that_tell_no_day_are_left_alone(words: str) -> None:
    assert told(words) == words


def test_without_the_note_date_only_a_day_told_with_its_year_is_read() -> None:
    assert told("on the ninth of December", None) == "on the ninth of December"
    assert "5/3/2016" in told("the 3rd of May 2016", None)


@pytest.mark.parametrize(
    ("note", "injured"),
    [
        (
            "He strained his low back on the eighteenth of October when he pulled a stuck "
            "pallet jack.",
            date(2016, 10, 18),
        ),
        (
            "He hurt his back on the ninth of December lifting a calf at the dairy.",
            date(2016, 12, 9),
        ),
        (
            "Knee and back pain she has carried since her fall down the stairs on the fourth of "
            "August two years ago.",
            date(2015, 8, 4),
        ),
        (
            "I saw him for the right shoulder he hurt on the fourteenth of March, two years "
            "ago, lifting a crate.",
            date(2015, 3, 14),
        ),
        ("She felt something give in her neck on the twenty-ninth of July.", date(2016, 7, 29)),
        (
            "She has had low back pain since she lifted a flour sack on the twelfth of August, "
            "two thousand fifteen.",
            date(2015, 8, 12),
        ),
        (
            "Her right shoulder began to ache after a long day of bagging on the eleventh of "
            "March.",
            date(2017, 3, 11),
        ),
        ("He twisted his left knee last Tuesday stepping off a truck.", date(2017, 3, 21)),
        # A season, at its middle: the latest spring's before the note.
        ("Since the spring both hands have gone numb at night.", date(2016, 4, 15)),
        ("Date of injury: the 3rd of May 2016.", date(2016, 5, 3)),
    ],
)
def test_the_injury_told_on_a_day_in_words_dates_the_weeks_since_it(
    note: str, injured: date
) -> None:
    values = read(note)
    assert values["injury_date"] == injured
    assert values["weeks_since_injury"] == (ON - injured).days // 7


@pytest.mark.parametrize(
    "note",
    [
        # Not the injury: a return to work, a visit, care begun, a plan.
        "Her restrictions went from no lifting over fifteen pounds to full duty on the fifth of "
        "January.",
        "Low back pain, better since he started therapy on the second of February.",
        "I will see him again on the twelfth of April.",
        # A day to come against the note's date has not happened ("this year" in March).
        "He hurt his back on the twelfth of May this year.",
    ],
)
def test_a_day_in_words_that_tells_no_injury_dates_none(note: str) -> None:
    assert "injury_date" not in read(note)


def test_a_surgery_told_on_a_day_in_words_dates_the_weeks_since_it() -> None:
    values = read("She underwent a right carpal tunnel release on the second of February.")
    assert values["surgery_date"] == date(2017, 2, 2)
    assert values["weeks_since_surgery"] == 6


@pytest.mark.parametrize(
    "note",
    [
        "We request authorization for a carpal tunnel release on the ninth of April.",
        "She is scheduled for a carpal tunnel release on the ninth of April.",
        "She will have a right carpal tunnel release on the ninth of April.",
        "He is to have the knee arthroscopy on the 9th of April.",
    ],
)
def test_a_surgery_to_come_on_a_day_in_words_is_not_done(note: str) -> None:
    # Read as the latest ninth of April past, it would date a surgery a year before it is done.
    assert "surgery_date" not in read(note)


def test_a_drug_test_told_on_a_day_in_words_counts_in_the_past_year() -> None:
    values = read(
        "Her last urine drug test was on the second of March, and it was consistent with "
        "what I prescribe."
    )
    assert values["drug_test_dates"] == ["2017-03-02"]
    assert values["drug_tests_past_year"] == 1


def test_a_note_with_its_own_date_tells_its_days_against_it() -> None:
    """A note dated in its text tells a day without its year against that date, not the date
    it is checked on."""
    note = (
        "Progress note dated 01/10/2017. He hurt his back on the ninth of December lifting a calf."
    )
    assert read(note)["injury_date"] == date(2016, 12, 9)
    note = "Progress note dated 12/20/2016. He hurt his back on the ninth of March lifting a calf."
    assert read(note)["injury_date"] == date(2016, 3, 9)


def test_a_visit_told_on_a_day_without_its_year_is_not_the_note_date() -> None:
    # Read as the note's own date, the visit would move the injury told after it a year back.
    note = "He was seen on the fifth of March. He hurt his back on the tenth of March."
    values = read(note)
    assert values["latest_report_date"] == date(2017, 3, 5)
    assert values["injury_date"] == date(2017, 3, 10)
