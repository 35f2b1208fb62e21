"""Dates and numbers as letters write them ("04/27/09", "April 7, 2014", "twelve (12)"): shared
by the readers of dates, visit counts, drug use and symptom onset, so that each reads them alike.
"""

from __future__ import annotations

import re
from datetime import date

from engine.conclusions import calendar_date

NUMBER_WORDS = {
    word: n
    for n, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
} | {"twenty-four": 24, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}
NUMBER_WORDS |= {"eighty": 80, "ninety": 90}  # percentages of relief are dictated in words
# "12", "twelve", "twelve (12)", "at least five"
_NUMBER_WORD = re.compile(
    r"\b(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\b", re.I | re.ASCII
)


def date_of(match: re.Match[str]) -> date | None:
    """A date written 04/27/09, 4-25-2012 or April 7, 2014; None if it does not exist."""
    if match["m"]:
        month, day, year = int(match["m"]), int(match["d"]), int(match["y"])
    else:
        month, day, year = MONTHS[match["month"].lower()], int(match["day"]), int(match["year"])
    return calendar_date(month, day, year)


def with_figures(text: str) -> str:
    """Number words as figures, padded to the word's length so that positions stay put:
    "twelve (12) sessions" -> "12     (12) sessions"."""
    return _NUMBER_WORD.sub(lambda m: str(NUMBER_WORDS[m[0].lower()]).ljust(len(m[0])), text)


DIGIT = re.compile(r"[0-9]", re.ASCII)
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
DATE = (
    r"(?P<m>\d{1,2})[/-](?P<d>\d{1,2})[/-](?P<y>\d{4}|\d{2})\b"
    rf"|(?P<month>{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?\s+(?P<day>\d{{1,2}}),?"
    r"\s+(?P<year>\d{4})"
)
DATE_AFTER = re.compile(DATE, re.I | re.ASCII)

# A month without its day: "DOI 02/2017", "injured in March 2017". Dated the 15th, the middle of
# the month, so that the time counted from it is off by half a month at most either way.
MONTH_YEAR_AFTER = re.compile(
    r"(?:in\s+)?(?:(?P<m>0?[1-9]|1[0-2])[/-](?P<y>(?:19|20)\d{2})\b"
    rf"|(?P<month>{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?,?\s+(?:of\s+)?"
    r"(?P<year>(?:19|20)\d{2})\b)",
    re.I | re.ASCII,
)
MID_MONTH = 15
WEEKS_A_MONTH = 52 / 12


def weeks_in(count: int, unit: str) -> int:
    """A length written in weeks, months or years ("wk", "months", "yrs"), in whole weeks: one
    count for every reader, so "3 months" is 13 weeks wherever it is read."""
    first = unit[:1].lower()
    if first == "m":
        return round(count * WEEKS_A_MONTH)
    if first == "y":
        return count * 52
    return count


def month_of(match: re.Match[str]) -> date:
    """The middle of the month a `MONTH_YEAR_AFTER` match names."""
    if match["m"]:
        return date(int(match["y"]), int(match["m"]), MID_MONTH)
    return date(int(match["year"]), MONTHS[match["month"].lower()], MID_MONTH)
