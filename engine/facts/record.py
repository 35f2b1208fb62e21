"""The patient and the record's dates: age and sex, the date of injury, of the utilization review
and of the latest report, from which the time since the injury and a drug's duration are counted.
"""

from __future__ import annotations

import re

from engine.facts.figures import DATE, DATE_AFTER, date_of
from engine.facts.sentences import Reader

# "a 56-year-old male", "a 56-year old employee" (the age alone)
_AGE_SEX = re.compile(
    r"\b(?P<age>\d{1,3})[- ](?:year|yr)s?[- ]old\s+(?:(?:injured|right|left)[- ]?\w*\s+)?"
    r"(?:(?P<sex>male|female|man|woman|gentleman|lady)|employee|patient|claimant|worker|"
    r"individual|person)\b",
    re.I | re.ASCII,
)
_INJURY_DATE = re.compile(
    r"\b(?:(?:industrial\s+)?injury\s+date|date\s+of\s+(?:industrial\s+)?injury|DOI)"
    r"(?:\s+(?:of|on|was|is))?:?\s+"
    r"|\binjur(?:y|ed)\s+(?:\w+\s+){0,3}?on\s+",
    re.I | re.ASCII,
)
# "The utilization review determination was rendered on 6/20/2014", "UR dated 11/14/14"
_UR_DATE = re.compile(
    rf"\b(?:utilization\s+review|UR)\b[^.]{{0,60}}?\b(?:on|from|dated|of)\s+(?:{DATE})",
    re.I | re.ASCII,
)
# "the progress report dated April 14, 2014", "Request for Authorization dated 12-20-16"
_REPORT_DATE = re.compile(
    r"\b(?:progress\s+(?:note|report)s?|report|note|evaluation|visit|request\s+for\s+"
    rf"authorization|RFA)\s+(?:dated|of|on)\s+(?:{DATE})",
    re.I | re.ASCII,
)
_REPORT_WORDS = frozenset(
    ["report", "reports", "note", "notes", "evaluation", "visit", "authorization", "rfa"]
)


def age_and_sex(reader: Reader) -> None:
    """ "A 56-year-old male": in the summary or a note, which speak of this patient."""
    text = reader.text
    if reader.sentence.source in ("summary", "note") and "old" in reader.words:
        age = _AGE_SEX.search(text)
        if age:
            reader.add("age_years", int(age["age"]), age.start(), age.end())
            if age["sex"]:
                is_female = age["sex"].lower() in ("female", "woman", "lady")
                reader.add("sex", "female" if is_female else "male", age.start(), age.end())


def record_dates(reader: Reader) -> None:
    """The dates of the injury, of the utilization review and of the reports."""
    text, words = reader.text, reader.words
    if reader.has_digit and ("injur" in reader.lowered or "doi" in words):
        for cue in _INJURY_DATE.finditer(text):
            when = DATE_AFTER.match(text, cue.end())
            injured = date_of(when) if when else None
            if injured:
                reader.add("injury_date", injured, cue.start(), when.end() if when else cue.end())
                break
    if reader.has_digit and ("utilization" in words or "ur" in words):
        for review in _UR_DATE.finditer(text):
            reviewed = date_of(review)
            if reviewed:
                reader.add("ur_date", reviewed, review.start(), review.end())
    if reader.has_digit and not words.isdisjoint(_REPORT_WORDS):
        for report in _REPORT_DATE.finditer(text):
            reported = date_of(report)
            if reported:
                reader.add("latest_report_date", reported, report.start(), report.end())
