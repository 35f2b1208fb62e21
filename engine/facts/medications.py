"""Opioid use, named by the drug or as "on chronic opioids": opioid criteria (monitoring,
weaning) apply to a patient who takes them.
"""

from __future__ import annotations

import re

from engine.facts.sentences import REQUEST_WORDS, Reader
from engine.negation import Status

_OPIOID_WORDS = frozenset(["opioid", "opioids", "opiate", "opiates", "narcotic", "narcotics"])
# "has been on chronic opioid treatment": opioid use without a drug's name.
_ON_OPIOIDS = re.compile(
    r"\bon\s+(?:chronic\s+|long[- ]term\s+)?(?:opioids?|opiates?|narcotics?)\b", re.I | re.ASCII
)


def opioid_use(reader: Reader) -> None:
    """Opioids taken. A drug asked for, planned or decided on is not yet a drug taken; a drug
    named only as not taken ("Tramadol has not been tried") is no use of it."""
    words = reader.words
    opioids_named = [m[1] for m in reader.findings.opioid_pattern.finditer(reader.plain, words)]
    if (
        any(reader.phrase_status(p) not in (Status.ABSENT, Status.POSSIBLE) for p in opioids_named)
        or (
            "on" in words
            and not words.isdisjoint(_OPIOID_WORDS)
            and _ON_OPIOIDS.search(reader.text)
        )
    ) and words.isdisjoint(REQUEST_WORDS):
        reader.add("opioid_use", True)
