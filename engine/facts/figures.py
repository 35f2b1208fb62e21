"""Dates and numbers as letters write them ("04/27/09", "April 7, 2014", "twelve (12)"): shared
by the readers of dates, visit counts, drug use and symptom onset, so that each reads them alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from engine.caseless import for_lowered, trie_pattern
from engine.conclusions import calendar_date

# A change written with an arrow, in the signs notes type: "15 -> 40 min", "7/10 => 3/10", "ODI
# 46% → 24%".
ARROW = r"(?:-+>|\u2192|=>)"

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
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}
NUMBER_WORDS |= {"eighty": 80, "ninety": 90}  # percentages of relief are dictated in words
# "twenty-two PT visits" and "twenty two PT visits" are 22, not twenty and then two; dictated
# notes write the compound with a space as often as with a hyphen.
_UNITS_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TENS_WORDS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS |= {
    f"{tens}{joint}{unit}": NUMBER_WORDS[tens] + n
    for tens in _TENS_WORDS
    for n, unit in enumerate(_UNITS_WORDS, start=1)
    for joint in ("-", " ")
}
# The same words as a set, for the test of a sentence's words: a set is tested against a set by
# the smaller's members, and against a dict by every one of the dict's 172 keys.
NUMBER_WORD_SET = frozenset(NUMBER_WORDS)
# "12", "twelve", "twelve (12)", "at least five"; the longest that ends a word, so that "twenty
# four" is one number. As a tree of the words' letters: at each word's start the engine follows
# the letters read, where a list of the 172 words tried each in turn (a tenth of the time).
_NUMBER_WORD = re.compile(r"\b(?:" + trie_pattern(list(NUMBER_WORDS)) + r")\b", re.I | re.ASCII)


def date_of(match: re.Match[str]) -> date | None:
    """A date written 04/27/09, 4-25-2012, April 7, 2014 or 7-Apr-2014; None if it does not
    exist."""
    if match["m"]:
        month, day, year = int(match["m"]), int(match["d"]), int(match["y"])
    elif match.re.groupindex.get("iy") and match["iy"]:
        month, day, year = int(match["im"]), int(match["id"]), int(match["iy"])
    elif match.re.groupindex.get("dday") and match["dday"]:
        month, day = MONTHS[match["dmonth"].lower()], int(match["dday"])
        year = int(match["dyear"])
    else:
        month, day, year = MONTHS[match["month"].lower()], int(match["day"]), int(match["year"])
    return calendar_date(month, day, year)


_NUMBER_WORD_LOWERED = for_lowered(_NUMBER_WORD)


def with_figures(text: str, padded: bool = True) -> str:
    """Number words as figures, padded to the word's length so that positions stay put:
    "twelve (12) sessions" -> "12     (12) sessions"; not padded, "12 (12) sessions"."""
    if not text.isascii():
        return _NUMBER_WORD.sub(lambda m: figure_for(m[0].lower(), padded), text)
    # The words found in the text lower-cased, several times faster (engine/caseless.py), and
    # replaced in the text itself, whose other words keep their case.
    pieces: list[str] = []
    last = 0
    for word in _NUMBER_WORD_LOWERED.finditer(text.lower()):
        pieces += (text[last : word.start()], figure_for(word[0], padded))
        last = word.end()
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def figure_for(word: str, padded: bool) -> str:
    """The figure for a number word, lower-cased, padded to the word's length or not."""
    figure = str(NUMBER_WORDS[word])
    return figure.ljust(len(word)) if padded else figure


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
MONTH_SET = frozenset(MONTHS)  # for the test of a sentence's words, as NUMBER_WORD_SET
# The same separator twice, or another before a year of four figures ("1/2-2015"): "2-3/10" is a
# pain score's range, not a date.
_NUMERIC_DATE = (
    r"(?P<m>\d{1,2})(?P<sep>[/-])(?P<d>\d{1,2})(?:(?P=sep)|[/-](?=\d{4}\b))(?P<y>\d{4}|\d{2})\b"
)
# "April 7, 2014", "October 26th, 2016".
_MONTH_DATE = (
    rf"(?P<month>{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?\s+(?P<day>\d{{1,2}})"
    r"(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"
)
# "29-Oct-2026", "14 Mar 2017", "the 26th of October, 2016": the day first, as some records
# write it.
_DAY_MONTH_DATE = (
    r"(?P<dday>\d{1,2})(?:(?:st|nd|rd|th)\s+of\s+|(?:st|nd|rd|th)?[\s-])"
    rf"(?P<dmonth>{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?"
    r"(?:[\s-]|,\s+|\s{2,})(?P<dyear>\d{4})\b"
)
# "2026-02-09": the year first, as records exported from electronic systems write it. (First,
# so that its last six figures are not read as a date of their own.)
_YEAR_FIRST_DATE = r"\b(?P<iy>(?:19|20)\d\d)-(?P<im>\d{1,2})-(?P<id>\d{1,2})\b"
DATE = _YEAR_FIRST_DATE + "|" + _NUMERIC_DATE + "|" + _MONTH_DATE + "|" + _DAY_MONTH_DATE
DATE_AFTER = re.compile(DATE, re.I | re.ASCII)
# Each form of a date on its own, for `holds_date`: figures only, which case does not change,
# and a month's name, looked for in the lower-cased text (engine/caseless.py).
_NUMERIC_DATE_ONLY = re.compile(_YEAR_FIRST_DATE + "|" + _NUMERIC_DATE, re.ASCII)
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


# A month and a year of two figures, as shorthand writes it: "sx onset ~04/16", "night splints
# since 6/16". Shorthand also writes a day without its year so ("since 6/16" for the 16th of
# June), and the two readings name the same month only where the two figures are the year the
# note is told in; elsewhere the figures are read as neither.
SHORT_MONTH_YEAR = r"(?:0?[1-9]|1[0-2])/\d{2}\b(?![/-]\d)"
SHORT_MONTH_YEAR_AFTER = re.compile(r"(?P<m>0?[1-9]|1[0-2])/(?P<yy>\d{2})\b(?![/-]\d)", re.ASCII)


def short_month_of(match: re.Match[str], told_on: date | None) -> date | None:
    """The middle of the month a `SHORT_MONTH_YEAR_AFTER` match names, where both readings of
    it agree on the month (see there) and the month is not after the note's; else None."""
    if told_on is None or int(match["yy"]) != told_on.year % 100:
        return None
    month = int(match["m"])
    if month > told_on.month:
        return None
    return min(date(told_on.year, month, MID_MONTH), told_on)


def date_at(text: str, at: int, told_on: date | None) -> tuple[date, int] | None:
    """The date written at `at`, and where it ends: a day, else the middle of a month and year,
    else of a month in shorthand (`short_month_of`, against the date the text is told on)."""
    day = DATE_AFTER.match(text, at)
    dated = date_of(day) if day else None
    if dated is not None:
        return dated, day.end()
    month = MONTH_YEAR_AFTER.match(text, at)
    if month:
        return month_of(month), month.end()
    short = SHORT_MONTH_YEAR_AFTER.match(text, at)
    begun = short_month_of(short, told_on) if short else None
    return (begun, short.end()) if begun is not None else None


def latest_on_or_before(month: int, day: int, told_on: date) -> date | None:
    """A day told without its year: that day in the latest year that puts it on or before
    `told_on` (None for a day its month does not have)."""
    try:
        when = date(told_on.year, month, day)
        return when if when <= told_on else date(told_on.year - 1, month, day)
    except ValueError:
        return None  # the 31st of a month of 30 days, the 29th of February of a common year


def first_date_after(
    cues: Iterable[re.Match[str]], text: str, told_on: date | None, not_after: date | None = None
) -> tuple[date, int, int] | None:
    """The date written right after the first of `cues` that has one (`date_at`), and where the
    cue begins and the date ends; with `not_after`, a cue whose date is later is passed over."""
    for cue in cues:
        dated = date_at(text, cue.end(), told_on)
        if dated is not None and (not_after is None or dated[0] <= not_after):
            return dated[0], cue.start(), dated[1]
    return None


# Dates dictated in words: "october twenty sixth twenty sixteen", "on march ninth twenty twenty
# six", "the twenty sixth of october two thousand sixteen", "may of twenty seventeen". The day
# is an ordinal word, the year a spoken one; a month with a day and no year, or a year alone, is
# no date. Rewritten in figures of the same length ("october 26th        2016          "), so
# that the date expressions above read them and the positions in the sentence stay put.
_ORDINAL_WORDS = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth",
]  # fmt: skip
ORDINAL_DAYS = {word: n for n, word in enumerate(_ORDINAL_WORDS, start=1)}
ORDINAL_DAYS |= {"twentieth": 20, "thirtieth": 30}
ORDINAL_DAYS |= {
    f"{tens}{joint}{unit}": ORDINAL_DAYS[unit] + (20 if tens == "twenty" else 30)
    for tens in ("twenty", "thirty")
    for unit in (_ORDINAL_WORDS[:9] if tens == "twenty" else ["first"])
    for joint in ("-", " ")
}
_TWO_DIGIT_WORDS = [word for word, n in NUMBER_WORDS.items() if 10 <= n <= 99]
_ONE_TO_99_WORDS = [word for word, n in NUMBER_WORDS.items() if 1 <= n <= 99]


def _longest_first(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


# "twenty sixteen", "twenty twenty six", "nineteen ninety nine", "twenty oh nine", "two thousand
# sixteen", "two thousand and nine", "two thousand".
_SPOKEN_YEAR = (
    rf"(?:(?P<century>twenty|nineteen)[\s-]+(?:(?P<oh>oh|o)\s+(?P<unit>{_longest_first(_UNITS_WORDS)})"
    rf"|(?P<rest>{_longest_first(_TWO_DIGIT_WORDS)}))"
    rf"|two\s+thousand(?:\s+(?:and\s+)?(?P<thousand_rest>{_longest_first(_ONE_TO_99_WORDS)}))?)"
)
_MONTH_NAMES = _longest_first(
    [name for name in MONTHS if len(name) > 3 and name != "sept"] + ["may"]
)
_SPOKEN_DAYS = _longest_first(list(ORDINAL_DAYS))
_SPOKEN_DATE = re.compile(
    rf"\b(?:(?P<month>{_MONTH_NAMES})\s+(?:the\s+)?(?P<day>{_SPOKEN_DAYS})"
    rf"|(?P<day_first>{_SPOKEN_DAYS})\s+of\s+(?P<month_after>{_MONTH_NAMES})"
    rf"|(?P<month_alone>{_MONTH_NAMES})(?:\s+of)?"
    # The day in figures, the year in words: "January 8, two thousand twenty-four".
    rf"|(?:{_MONTH_NAMES})\s+\d{{1,2}}(?:st|nd|rd|th)?),?\s+(?P<year>{_SPOKEN_YEAR})\b",
    re.I | re.ASCII,
)
_SPOKEN_DATE_LOWERED = for_lowered(_SPOKEN_DATE)
_ORDINAL_SUFFIXES = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
# The words a spoken date needs, to skip sentences without one cheaply.
SPOKEN_YEAR_WORDS = frozenset(["twenty", "nineteen", "thousand"])


def _spoken_year(match: re.Match[str]) -> int:
    if match["century"]:
        rest = match["unit"] if match["oh"] else match["rest"]
        return (2000 if match["century"] == "twenty" else 1900) + NUMBER_WORDS[_one_space(rest)]
    return 2000 + (
        NUMBER_WORDS[_one_space(match["thousand_rest"])] if match["thousand_rest"] else 0
    )


def _one_space(words: str) -> str:
    return re.sub(r"\s+", " ", words)


def with_spoken_dates(text: str) -> str:
    """The dates dictated in words in `text` written in figures, each figure padded to the
    length of its words: "on march ninth twenty twenty six" -> "on march 9th   2026             ".
    The text itself where it holds none."""
    lowered = text.lower()
    if not text.isascii():
        return text
    pieces: list[str] = []
    last = 0
    for spoken in _SPOKEN_DATE_LOWERED.finditer(lowered):
        for group in ("day", "day_first"):
            if spoken[group]:
                day = ORDINAL_DAYS[_one_space(spoken[group])]
                figure = f"{day}{_ORDINAL_SUFFIXES.get(day, 'th')}"
                pieces += (text[last : spoken.start(group)], figure.ljust(len(spoken[group])))
                last = spoken.end(group)
        pieces += (
            text[last : spoken.start("year")],
            str(_spoken_year(spoken)).ljust(len(spoken["year"])),
        )
        last = spoken.end("year")
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)
