"""Dates and numbers as letters write them ("04/27/09", "April 7, 2014", "twelve (12)"): shared
by the readers of dates, visit counts, drug use and symptom onset, so that each reads them alike.
"""

from __future__ import annotations

import re
from datetime import date

from engine.caseless import for_lowered
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
# "twenty-two PT visits" is 22, not twenty and then two.
_UNITS_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
NUMBER_WORDS |= {
    f"{tens}-{unit}": NUMBER_WORDS[tens] + n
    for tens in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
    for n, unit in enumerate(_UNITS_WORDS, start=1)
}
# "12", "twelve", "twelve (12)", "at least five"
_NUMBER_WORD = re.compile(
    r"\b(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\b", re.I | re.ASCII
)


def date_of(match: re.Match[str]) -> date | None:
    """A date written 04/27/09, 4-25-2012, April 7, 2014 or 7-Apr-2014; None if it does not
    exist."""
    if match["m"]:
        month, day, year = int(match["m"]), int(match["d"]), int(match["y"])
    elif match.re.groupindex.get("dday") and match["dday"]:
        month, day = MONTHS[match["dmonth"].lower()], int(match["dday"])
        year = int(match["dyear"])
    else:
        month, day, year = MONTHS[match["month"].lower()], int(match["day"]), int(match["year"])
    return calendar_date(month, day, year)


_NUMBER_WORD_LOWERED = for_lowered(_NUMBER_WORD)


def with_figures(text: str) -> str:
    """Number words as figures, padded to the word's length so that positions stay put:
    "twelve (12) sessions" -> "12     (12) sessions"."""
    if not text.isascii():
        return _NUMBER_WORD.sub(lambda m: str(NUMBER_WORDS[m[0].lower()]).ljust(len(m[0])), text)
    # The words found in the text lower-cased, several times faster (engine/caseless.py), and
    # replaced in the text itself, whose other words keep their case.
    pieces: list[str] = []
    last = 0
    for word in _NUMBER_WORD_LOWERED.finditer(text.lower()):
        pieces += (text[last : word.start()], str(NUMBER_WORDS[word[0]]).ljust(len(word[0])))
        last = word.end()
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


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
_NUMERIC_DATE = r"(?P<m>\d{1,2})[/-](?P<d>\d{1,2})[/-](?P<y>\d{4}|\d{2})\b"
_MONTH_DATE = (
    rf"(?P<month>{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?\s+(?P<day>\d{{1,2}}),?"
    r"\s+(?P<year>\d{4})"
)
# "29-Oct-2026", "14 Mar 2017": the day first, as some records write it.
_DAY_MONTH_DATE = (
    rf"(?P<dday>\d{{1,2}})[\s-](?P<dmonth>{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?"
    r"[\s-](?P<dyear>\d{4})\b"
)
DATE = _NUMERIC_DATE + "|" + _MONTH_DATE + "|" + _DAY_MONTH_DATE
DATE_AFTER = re.compile(DATE, re.I | re.ASCII)
# Each form of a date on its own, for `holds_date`: figures only, which case does not change,
# and a month's name, looked for in the lower-cased text (engine/caseless.py).
_NUMERIC_DATE_ONLY = re.compile(_NUMERIC_DATE, re.ASCII)
_MONTH_DATE_LOWERED = for_lowered(re.compile(_MONTH_DATE + "|" + _DAY_MONTH_DATE, re.I | re.ASCII))


def holds_date(text: str) -> bool:
    """Whether `DATE_AFTER` finds a date anywhere in the text: each of its two forms looked for
    on its own, the one of figures only where a "/" or "-" is, several times faster than the
    expression of both ignoring case, which is tried at every character."""
    if not text.isascii():
        return DATE_AFTER.search(text) is not None
    if ("/" in text or "-" in text) and _NUMERIC_DATE_ONLY.search(text):
        return True
    return _MONTH_DATE_LOWERED.search(text.lower()) is not None


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
