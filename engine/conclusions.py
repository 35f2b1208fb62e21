"""Shared by the letters and facts stages: how a reviewer's conclusion is worded ("... is not
medically necessary"). The letters stage reads an item's decision from it where the heading has
none; the facts stage never reads a fact from it, since the audit checks the conclusion against
the facts. Also dates as letters write them.

Every expression here is ASCII (re.ASCII), as in all the text stages: see `vocab.plain_spaces`.
"""

from __future__ import annotations

import re
from datetime import date

# Negative forms are tried first: they contain the positive phrase.
NEGATIVE_CONCLUSION = re.compile(
    r"\b(?:not|neither|cannot|can\s*not|isn't|aren't|nor)\b[^.]{0,60}?\b(?:medically\s+necessary"
    r"|medical\s+necessity|necessary|supported|warranted|indicated|recommended|appropriate)\b"
    # A text layer may run "not" into the next word ("is notmedically necessary"): without a word
    # boundary between them neither form above would see the sentence as a conclusion.
    r"|\bnot\s*medically\s*necessary|\bnon-?certif",
    re.I | re.ASCII,
)
POSITIVE_CONCLUSION = re.compile(
    r"\b(?:is|are|was|were|be|been|as)\s+(?:medically\s+necessary|supported|warranted|indicated"
    r"|appropriate)\b|\bmedically\s+necessary\b",
    re.I | re.ASCII,
)
NECESSITY = re.compile(
    r"medically\s*necessary|medical\s+necessity|necessary\s+and\s+appropriate", re.I | re.ASCII
)
NUMERIC_DATE = re.compile(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})", re.ASCII)


def parse_date(value: str) -> date | None:
    """A date written 04/27/09 or 4-25-2012; None if it does not exist."""
    match = NUMERIC_DATE.fullmatch(value.strip())
    return calendar_date(int(match[1]), int(match[2]), int(match[3])) if match else None


def calendar_date(month: int, day: int, year: int) -> date | None:
    """The date, or None if it does not exist. A two-digit year is of this century below 50
    and of the last from 50: injuries go back decades, and IMR letters begin in 2013."""
    if year < 100:
        year += 2000 if year < 50 else 1900
    try:
        return date(year, month, day) if year >= 1000 else None
    except ValueError:
        return None
