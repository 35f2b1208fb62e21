"""Opioid use, named by the drug or as "on chronic opioids": opioid criteria (monitoring,
weaning) apply to a patient who takes them.
"""

from __future__ import annotations

import re

_OPIOID_WORDS = frozenset(["opioid", "opioids", "opiate", "opiates", "narcotic", "narcotics"])
# "has been on chronic opioid treatment": opioid use without a drug's name.
_ON_OPIOIDS = re.compile(
    r"\bon\s+(?:chronic\s+|long[- ]term\s+)?(?:opioids?|opiates?|narcotics?)\b", re.I | re.ASCII
)
