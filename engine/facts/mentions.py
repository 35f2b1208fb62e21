"""The findings that `findings.yaml` lists (deficits, red flags, functional improvement, care
that helped ...): each phrase found, with its negation or history, its body part, and the flags
of its spec (on examination only, done not planned, of this patient).
"""

from __future__ import annotations

import re

# "... urine toxicology screen performed today": done, whatever the sentence plans besides.
_DONE_AFTER = re.compile(
    r"\W+(?:(?!(?:be|to|will|should|would)\b)\w+\W+){0,2}?"
    r"(?:performed|done|obtained|collected|completed|administered|showed|"
    r"revealed|was\s+(?:consistent|inconsistent|negative|positive))\b",
    re.I | re.ASCII,
)
_POSITIVE = re.compile(r"\bpositive\b|\(\+\)", re.I | re.ASCII)
