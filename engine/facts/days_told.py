"""Days as narrative notes tell them, in words or ordinals rather than figures: "on the eighteenth
of October", "the 3rd of May 2016", "May 3rd", "on the fourteenth of March, two years ago", "last
Tuesday", "three weeks ago Thursday", "in the spring", "three winters ago". A day told with its
year is that day; one told without it is dated against the date the note is told on: the latest
such day on or before it, in the year the sentence names where it names one ("last year", "two
years ago"). Each is written over in figures ("10/18/2016") padded to the length of its words,
so that the readers of dates (engine/facts/record.py, surgery.py, medications.py) read it as they
read any date, at the same place in the sentence; which of them takes it, and as what (the
injury, a surgery, a visit, a test), stays theirs to decide.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from engine.facts.figures import MONTHS, NUMBER_WORDS, ORDINAL_DAYS, latest_on_or_before

# A day's ordinal in words ("ninth", and "twenty-ninth" by its last word, as the sentence's words
# split it) or in figures ("3rd", "26th"): the cheap test that a sentence may tell one.
_ORDINAL_FIGURES = {f"{n}{'st' if n % 10 == 1 and n != 11 else 'nd' if n % 10 == 2 and n != 12 else 'rd' if n % 10 == 3 and n != 13 else 'th'}": n for n in range(1, 32)}  # fmt: skip
ORDINAL_WORDS = frozenset(re.split(r"[\s-]", spoken)[-1] for spoken in ORDINAL_DAYS)
ORDINAL_WORDS |= frozenset(_ORDINAL_FIGURES)
_MONTH_NAMES = [name for name in MONTHS if len(name) > 3 and name != "sept"] + ["may"]
MONTH_WORDS = frozenset(_MONTH_NAMES)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_WORDS = frozenset(_WEEKDAYS)
# The middle of each season, as "since March" is dated the middle of March (figures.MID_MONTH):
# April, July, October and January.
_SEASON_MONTHS = {"spring": 4, "summer": 7, "fall": 10, "autumn": 10, "winter": 1}
SEASON_WORDS = frozenset([*_SEASON_MONTHS, "springs", "summers", "falls", "autumns", "winters"])


def _longest_first(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_SMALL_COUNT_WORDS = [word for word, n in NUMBER_WORDS.items() if 1 <= n <= 20]
# "two", "2", "a": how many years, weeks or seasons back.
_COUNT = rf"(?P<{{name}}>{_longest_first(_SMALL_COUNT_WORDS)}|\d{{{{1,2}}}}|an?)"
_DAY = rf"(?:{_longest_first(list(ORDINAL_DAYS))}|{_longest_first(list(_ORDINAL_FIGURES))})"
_MONTH = _longest_first(_MONTH_NAMES)
# The year, or where the day stands to the note's year, told after the day.
_YEAR_AFTER = (
    r"(?:,?\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b"
    r"|,?\s+(?:of\s+)?(?P<back>last\s+year|the\s+year\s+before\s+last|this\s+year"
    rf"|{_COUNT.format(name='years_back')}\s+(?:years?|springs|summers|falls|autumns|winters)"
    r"\s+(?:ago|back)))?"
)
# "the eighteenth of October", "the 3rd of May 2016", "May 3rd", "March the ninth", "on March 14,"
# (a day in bare figures only after "on" or before a stop: "PT in March 6 visits" tells none).
_DAY_TOLD = re.compile(
    rf"\b(?:(?:the\s+)?(?P<day>{_DAY})\s+(?:day\s+)?of\s+(?P<month>{_MONTH})"
    rf"|(?P<month_first>{_MONTH})\s+(?:the\s+)?(?P<day_after>{_DAY})"
    rf"|(?<=\bon\s)(?P<month_on>{_MONTH})\s+(?P<day_on>[1-9]|[12]\d|3[01])(?![\d/:.])"
    rf"|(?P<month_bare>{_MONTH})\s+(?P<day_bare>[1-9]|[12]\d|3[01])(?=[,;)]|\.(?!\d)))"
    rf"\b{_YEAR_AFTER}"
)
# "last Tuesday", "this past Friday", "three weeks ago Thursday", "a week ago Monday".
_WEEKDAY_TOLD = re.compile(
    rf"\b(?:(?:last|this\s+past)\s+(?P<weekday>{_longest_first(_WEEKDAYS)})"
    rf"|{_COUNT.format(name='weeks_back')}\s+weeks?\s+ago\s+(?:last\s+|this\s+past\s+|on\s+)?"
    rf"(?P<weekday_back>{_longest_first(_WEEKDAYS)}))\b"
)
# "in the spring", "since the summer", "last summer", "this past fall", "three winters ago", "the
# spring of 2025".
# A fall is also what a patient had ("since his last fall", "broke his wrist in the fall"): that
# season is read only with its year or as "last fall" with no word for whose or which before it.
_SEASON_TOLD = re.compile(
    r"(?<!\bhis\s)(?<!\bher\s)(?<!\btheir\s)(?<!\bmy\s)(?<!\ba\s)(?<!\bthe\s)"
    r"\b(?:(?:in|during|since)\s+(?P<the_season>the\s+(?:(?P<season>spring|summer|autumn|winter)"
    r"(?:\s+of\s+(?P<season_year>(?:19|20)\d\d)\b)?"
    r"|(?P<season_fall>fall)\s+of\s+(?P<fall_year>(?:19|20)\d\d)\b))"
    r"|(?:last|this\s+past)\s+(?P<season_last>spring|summer|fall|autumn|winter)"
    rf"|{_COUNT.format(name='seasons_back')}\s+(?P<seasons>springs|summers|falls|autumns|winters)"
    r"\s+ago)\b"
)


def could_tell_day(words: frozenset[str], has_digit: bool, told_on: date | None) -> bool:
    """Whether a sentence's words let `with_days_told` find anything: a month with an ordinal
    (or, against a date, with a figure), or against a date a weekday or a season."""
    if not words.isdisjoint(MONTH_WORDS) and (
        not words.isdisjoint(ORDINAL_WORDS) or (has_digit and told_on is not None)
    ):
        return True
    return told_on is not None and not (
        words.isdisjoint(WEEKDAY_WORDS) and words.isdisjoint(SEASON_WORDS)
    )


def tells_day_without_year(text: str) -> bool:
    """Whether `text` tells a day that `with_days_told` dates against the note's date."""
    lowered = text.lower()
    return with_days_told(text, lowered, None) != with_days_told(text, lowered, _ANY_DAY)


# A date against which every day told without its year is read.
_ANY_DAY = date(2000, 12, 31)


def with_days_told(text: str, lowered: str, told_on: date | None) -> str:
    """The days told in words or ordinals in `text` (`lowered` is it lower-cased) written over
    in figures, each padded to the length of its words: "hurt it on the ninth of December lifting"
    -> "hurt it on 12/9/2016              lifting". Without `told_on`, only days told with their
    year. The text itself where it tells none."""
    # Where each is written over, in figures, and where its words end.
    found: list[tuple[int, int, str, int]] = []
    for told in _DAY_TOLD.finditer(lowered):
        day_words = told["day"] or told["day_after"] or told["day_on"] or told["day_bare"]
        # "she may first try a splint": "may" is a month before its day only as "May the
        # first" or "May 1st".
        if told["month_first"] == "may" and day_words in ORDINAL_DAYS and "the" not in told[0]:
            continue
        month = MONTHS[
            told["month"] or told["month_first"] or told["month_on"] or told["month_bare"]
        ]
        day = _ORDINAL_FIGURES.get(day_words) or ORDINAL_DAYS.get(day_words) or int(day_words)
        end = told.end("year") if told["year"] else _day_end(told)
        when = _dated(month, day, told, told_on)
        figures = when and _in_figures(when, end - told.start())
        if figures:
            # The year told after the day ("two years ago") is no day of its own.
            found.append((told.start(), end, figures, told.end()))
    if told_on is not None:
        for told in _WEEKDAY_TOLD.finditer(lowered):
            weekday = _WEEKDAYS.index(told["weekday"] or told["weekday_back"])
            # The latest such weekday before the note's date, and as many weeks before it again.
            before = (told_on.weekday() - weekday - 1) % 7 + 1
            weeks = _count(told["weeks_back"]) if told["weeks_back"] else 0
            when = told_on - timedelta(days=before + 7 * weeks)
            figures = _in_figures(when, told.end() - told.start())
            if figures:
                found.append((told.start(), told.end(), figures, told.end()))
        for told in _SEASON_TOLD.finditer(lowered):
            start = told.start("the_season") if told["the_season"] else told.start()
            figures = _season(told, told_on).ljust(told.end() - start)
            found.append((start, told.end(), figures, told.end()))
    if not found:
        return text
    pieces: list[str] = []
    last = 0
    reach = 0
    for start, end, figures, words_end in sorted(found):
        if start >= reach:
            pieces += (text[last:start], figures)
            last, reach = end, words_end
    pieces.append(text[last:])
    return "".join(pieces)


def _day_end(told: re.Match[str]) -> int:
    for group in ("day", "day_after", "day_on", "day_bare"):
        if told[group]:
            return max(told.end(group), told.end("month") if told["month"] else 0)
    return told.end()


def _dated(month: int, day: int, told: re.Match[str], told_on: date | None) -> date | None:
    """The day in its year: the one told, else the one the sentence names against `told_on`,
    else the latest on or before `told_on`."""
    try:
        if told["year"]:
            return date(int(told["year"]), month, day)
        if told_on is None:
            return None
        back = told["back"]
        if back:
            if back.startswith("this"):
                year = told_on.year
            elif back.startswith("last"):
                year = told_on.year - 1
            elif back.startswith("the"):
                year = told_on.year - 2  # the year before last
            else:
                year = told_on.year - _count(told["years_back"])
            when = date(year, month, day)
            return when if when <= told_on else None
        return latest_on_or_before(month, day, told_on)
    except ValueError:
        return None  # the 31st of a month of 30 days, the 29th of February of a common year


def _season(told: re.Match[str], told_on: date) -> str:
    """A season as the month and year of its middle ("4/2025"): the one told with its year,
    else the latest whose middle is on or before `told_on`, and as many before it as are told."""
    season = told["season"] or told["season_fall"] or told["season_last"] or told["seasons"][:-1]
    month = _SEASON_MONTHS[season]
    told_year = told["season_year"] or told["fall_year"]
    if told_year:
        return f"{month}/{told_year}"
    year = told_on.year if month <= told_on.month else told_on.year - 1
    if told["seasons_back"]:
        year -= _count(told["seasons_back"]) - 1
    return f"{month}/{year}"


def _count(words: str) -> int:
    if words in ("a", "an"):
        return 1
    return int(words) if words.isdigit() else NUMBER_WORDS[words]


def _in_figures(when: date, room: int) -> str | None:
    """The date as the readers of dates read it ("10/18/2016", else "10/18/16"), padded to
    `room` characters; None where it does not fit."""
    # A year of two figures is read back as 1950-2049 (engine.conclusions.calendar_date).
    years = [str(when.year)] + ([f"{when.year % 100:02d}"] if 1950 <= when.year < 2050 else [])
    for year in years:
        figures = f"{when.month}/{when.day}/{year}"
        if len(figures) <= room:
            return figures.ljust(room)
    return None
