"""How long conservative care has been tried (`conservative_care_weeks`), which the guidelines
weigh against their windows: imaging after 4-6 weeks of care that has not helped (ACOEM Ch. 8,
9, 11, 12, 13), facet blocks after 4-6 weeks (ODG), hyaluronic acid after 3 months (ODG Knee).
Read where the record gives the length of the care ("six weeks of physical therapy",
"conservative treatment for 3 months"); never from a request or plan ("PT 2x a week for 6
weeks" is what is asked for), nor from a rationale's sentence that is not about this patient.
The longest course named wins (`settle` keeps the highest count).
"""

from __future__ import annotations

import re
from datetime import date

from engine.facts.figures import (
    DATE,
    date_at,
    latest_on_or_before,
    weeks_in,
)
from engine.facts.sentences import OF_PATIENT, Reader

_CARE = (
    r"(?:conservative\s+(?:care|treatments?|tx|therapy|management|measures)|physical\s+therapy|"
    r"physiotherapy|pt|therapy|treatments?|chiropractic(?:\s+(?:care|treatments?))?|acupuncture|"
    r"home\s+exercises?(?:\s+program)?|rest|bracing|splinting|"
    # Splints, braces and drugs are conservative care too: "a night splint for the better part
    # of two months", "NSAIDs for 6 weeks".
    r"(?:(?:night|wrist|cock[\s-]?up|thumb\s+spica)\s+)?splints?|braces?|nsaids?|"
    r"anti[\s-]?inflammator(?:y|ies)(?:\s+medications?)?|"
    # Told by the verb: "Treated since 5/8/17 with a night wrist splint, naproxen and rotation".
    r"(?<!surgically\s)treated(?=\s+since\b))"
)
# "six weeks of physical therapy", "3 months of conservative care", "8+ weeks of therapy";
# "conservative treatment for 3 months", "physical therapy over the past two months".
_LENGTH = r"(?P<n{0}>\d{{1,2}})\s*\+?\s*(?:-\s*\d{{1,2}}\s*)?(?P<unit{0}>weeks?|wks?|months?)"
_WEEKS_OF_CARE = re.compile(
    rf"\b{_LENGTH.format(1)}\s+of\s+(?:\w+\s+){{0,2}}?{_CARE}\b"
    rf"|\b{_CARE}\s+(?:(?:for|over)\s+|x\s*)(?:the\s+(?:past|last|better\s+part\s+of)\s+|about\s+|"
    rf"approximately\s+)?"
    rf"{_LENGTH.format(2)}\b"
    # The symptoms' length with the care tried through it: "symptoms for over three years
    # despite two PT courses, daily HEP, naproxen".
    rf"|\b(?:symptoms?|pain)\s+(?:for|x)\s+(?:over\s+|more\s+than\s+|about\s+|nearly\s+|"
    rf"almost\s+)?(?P<n3>\d{{1,2}})\s*\+?\s*(?P<unit3>weeks?|wks?|months?|years?|yrs?)\s+"
    rf"despite\s+(?:\w+\s+){{0,2}}?{_CARE}\b",
    re.I | re.ASCII,
)
_CARE_WORDS = frozenset(
    ["conservative", "therapy", "physiotherapy", "pt", "treatment", "treatments", "chiropractic",
     "acupuncture", "exercise", "exercises", "rest", "bracing", "splinting", "splint", "splints",
     "brace", "braces", "nsaid", "nsaids", "anti", "inflammatory", "inflammatories", "treated"]
)  # fmt: skip
_UNIT_WORDS = frozenset(
    ["week", "weeks", "wk", "wks", "month", "months", "year", "years", "yr", "yrs"]
)
# A frequency is a prescription: "2 times a week for 6 weeks", "3x/week x 4 weeks".
_FREQUENCY = re.compile(
    r"\b\d\s*(?:x|times)\s*(?:a|per|/|each)?\s*(?:week|wk)\b|\b(?:twice|once)\s+(?:a|per)\s+week",
    re.I | re.ASCII,
)
_SHORTHAND = re.compile(r"\sx\s|\sx\d", re.I | re.ASCII)
# Care this patient had, where the sentence names no patient: "Completed six weeks of PT."
_GIVEN = re.compile(
    r"\b(?:completed|has|have|had|underwent|undergone|attended|tried|failed|despite)\b"
    # Or told with what it did not do: "Four weeks of PT since the pop without gain".
    r"|\bwithout\s+(?:any\s+)?(?:gain|gains|improvement|benefit|relief|change|progress)\b"
    r"(?![^.;]{0,40}\b(?:is|are)\s+(?:required|needed|recommended))"
    # Or with the symptoms still there after it: "eight weeks of night splinting, naproxen 500
    # BID and rotation off the deboning line since 06/20; still numb".
    r"|[;,]\s*(?:but\s+)?still\s+(?:numb|tingling|wakes|drops|has|having|c/o|complains)\b",
    re.I | re.ASCII,
)


# The care told with how the patient is after it, right after it: "Twelve weeks of splinting, no
# better" (not "6 weeks of splinting, if no better consider EMG").
_NO_BETTER_AFTER = re.compile(
    r"\s*[,;:-]?\s*(?:(?:and|but|yet)\s+)?(?:still\s+)?(?:no|not)\s+better\b", re.I | re.ASCII
)


# The care told with the day it began, which the note's date gives the length of: "night splints
# bilat since 6/16", "in PT since 07/05/2016", "home exercises since March 2017". A word of its
# stopping or of no care before the care word is no care under way ("no therapy since 2015",
# "off the brace since 6/16").
_CARE_SINCE = re.compile(
    rf"\b{_CARE}\b(?:\s+[a-z.]+){{0,2}}?\s+since\s+(?:about\s+|approximately\s+|~\s*)?"
    # (Or a year alone: "in PT since 2014".)
    rf"(?=(?:{DATE})|\d{{1,2}}/\d{{2}}(?:\d{{2}})?\b|[a-z]+\.?,?\s+(?:of\s+)?(?:19|20)\d\d\b|(?:19|20)\d\d\b)",
    re.I | re.ASCII,
)
_SINCE_FIRST = re.compile(
    r"^\W*since\s+(?:about\s+|approximately\s+|~\s*)?"
    rf"(?=(?:{DATE})|\d{{1,2}}/\d{{2}}(?:\d{{2}})?\b|[a-z]+\.?,?\s+(?:of\s+)?(?:19|20)\d\d\b|(?:19|20)\d\d\b)",
    re.I | re.ASCII,
)
# A year alone, as the whole of the date ("in PT since 2014, ..."; not "since 2015 surgery").
_YEAR_ALONE = re.compile(
    r"((?:19|20)\d\d)(?=\s*(?:[,;.)]|$)|\s+(?:and|with|plus|but|he|she|the\s+patient)\b)",
    re.I | re.ASCII,
)
_CARE_DONE_NEXT = re.compile(
    r"\s*,?\s+(?:he|she|the\s+patient|pt)\s+has\s+(?:done|had|attended|tried|used|worn|completed|"
    rf"been\s+(?:in|doing|using|wearing|attending))\b[^.;]{{0,40}}?\b{_CARE}\b",
    re.I | re.ASCII,
)
# (Not the care's effect denied: "...; no change after ten weeks".)
_NO_CARE_YET = re.compile(
    r"\b(?:no|not|never|without|waiting|awaiting)\b"
    r"(?!\s+(?:(?:any|much|real|significant)\s+)?(?:change|better|improvement|relief|benefit|gains?|"
    r"difference|progress)\s+(?:after|with|despite|over|in|since)\b)",
    re.I | re.ASCII,
)
_CARE_STOPPED = re.compile(
    r"\b(?:no|not|never|without|stopped|discontinued|off|ended|finished|quit)\b[^.;]*\Z",
    re.I | re.ASCII,
)


# A day without its year: "a night splint and ibuprofen since 04/20".
_DAY_NO_YEAR = re.compile(r"(\d{1,2})/(\d{1,2})\b(?![/\d])", re.ASCII)


def day_without_year(text: str, at: int, told_on: date) -> tuple[date, int] | None:
    """The day written at `at` as month/day, the latest on or before the note's date, where its
    second figure cannot be a year gone by ("04/20" in 2017; "03/16" may be March 2016)."""
    day = _DAY_NO_YEAR.match(text, at)
    if day is None or int(day[2]) <= told_on.year % 100 or not 1 <= int(day[1]) <= 12:
        return None
    dated = latest_on_or_before(int(day[1]), int(day[2]), told_on)
    return (dated, day.end()) if dated is not None else None


def care_since(reader: Reader) -> None:
    """The length of the care under way, from the day the record says it began to the date the
    note is told on."""
    told_on = reader.sentence.told_on
    if told_on is None or "since" not in reader.words or _CARE_WORDS.isdisjoint(reader.words):
        return
    if reader.planned or reader.ur_decision or reader.asks or not reader.has_digit:
        return
    text = reader.text
    # (Or the sentence opening on the day, the care told after it: "Since 07/2016 she has worn
    # a night splint, ... and attended six OT sessions".)
    opening = _SINCE_FIRST.match(text)
    if opening is not None and _NO_CARE_YET.search(text):
        opening = None  # "Since 07/2016 she has been waiting for PT and has had no treatment"
    for found in (*_CARE_SINCE.finditer(text), *([opening] if opening else [])):
        if _CARE_STOPPED.search(text, 0, found.start()):
            continue
        dated = date_at(text, found.end(), told_on)
        year = _YEAR_ALONE.match(text, found.end()) if dated is None else None
        if (
            year is not None
            and int(year[1]) < told_on.year - 1
            # Opening the sentence, the year is the care's only where the care comes next:
            # "Since 2014 he has done nine PT visits" (not "Since 2014 he has worked as ...").
            and (found is not opening or _CARE_DONE_NEXT.match(text, year.end()) is not None)
        ):
            # A year alone, two or more before the note's: the care has gone on at least since
            # that year's end, over a year (a year just past could be any length; not read).
            dated = date(int(year[1]), 12, 31), year.end()
        if dated is None and year is None:
            dated = day_without_year(text, found.end(), told_on)
        if dated is None or dated[0] > told_on:
            continue
        begun, end = dated
        reader.add("conservative_care_weeks", (told_on - begun).days // 7, found.start(), end)


def care_weeks(reader: Reader) -> None:
    """The length of the conservative care the record says was given."""
    words = reader.words
    if _UNIT_WORDS.isdisjoint(words) or _CARE_WORDS.isdisjoint(words):
        return
    if reader.planned or reader.ur_decision or reader.asks:
        return
    if not reader.counts:
        return
    text = reader.figures
    if _FREQUENCY.search(text):
        return
    # Of patients at large, or the guideline's window, unless in a note's shorthand for a course
    # given ("Conservative care x 10 wks"), which no guideline writes.
    of_patient = OF_PATIENT.search(text) is not None or _GIVEN.search(text) is not None
    for found in _WEEKS_OF_CARE.finditer(text):
        if (
            not of_patient
            and not _SHORTHAND.search(found[0])
            and not _NO_BETTER_AFTER.match(text, found.end())
        ):
            continue
        n, unit = next((found[f"n{i}"], found[f"unit{i}"]) for i in (1, 2, 3) if found[f"n{i}"])
        weeks = weeks_in(int(n), unit)
        reader.add("conservative_care_weeks", weeks, found.start(), found.end())
