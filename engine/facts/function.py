"""Function: pain scores ("7/10") and work status, which the functional-improvement and
return-to-work criteria read.
"""

from __future__ import annotations

import re

from engine.caseless import Caseless
from engine.facts.sentences import Reader

_PAIN_WORD = Caseless(re.compile(r"\bpain\b", re.I | re.ASCII))
# "7/10", "8 out of 10", "3 of 10"; a range "7-8 out of 10" counts as its upper end.
# Not inside a date: "the report dated 8/10/2014" is no pain score of 8.
_PAIN = re.compile(
    r"(?<![/\d])\b(?P<score>10|[0-9])(?:\s*-\s*(?P<upper>10|[0-9]))?\s*(?:/|(?:out\s+)?of)\s*10\b"
    r"(?![/-]\d)",
    re.I | re.ASCII,
)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:a\s+|an\s+)?\Z", re.I | re.ASCII)
# "7/10 -> 4/10", "8/10 to 3/10": the score before the arrow is the one the change starts from.
_CHANGED_TO = re.compile(r"\s*(?:-+>|\u2192|=>|to|down\s+to|now)\s*(?:10|[0-9])\s*(?:/|of)", re.I)


def pain_scores(reader: Reader) -> None:
    """ "Pain 7/10": the current score, not the one a change starts from."""
    text = reader.text
    if reader.has_digit and "10" in text and _PAIN_WORD.search(text, reader.lowered):
        scores = list(_PAIN.finditer(text))
        # "decreased from 8/10 to 4/10", "6/10, down from 9/10": the score a change starts from
        # is the past one; the current is the other.
        current = [
            p
            for p in scores
            if not _FROM_BEFORE.search(text, 0, p.start()) and not _CHANGED_TO.match(text, p.end())
        ] or scores
        for pain in current:
            reader.add("pain_score", int(pain["upper"] or pain["score"]), pain.start(), pain.end())


def work_status(reader: Reader) -> None:
    """Work status by the phrases of findings.yaml (the last one named wins, in `settle`)."""
    findings = reader.findings
    for said in findings.work_status_pattern.finditer(reader.plain, reader.words):
        reader.add("work_status", findings.work_status_meaning[said[1]])
