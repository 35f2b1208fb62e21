"""Function: pain scores ("7/10") and work status, which the functional-improvement and
return-to-work criteria read.
"""

from __future__ import annotations

import re

_PAIN_WORD = re.compile(r"\bpain\b", re.I | re.ASCII)
# "7/10", "8 out of 10", "3 of 10"; a range "7-8 out of 10" counts as its upper end.
# Not inside a date: "the report dated 8/10/2014" is no pain score of 8.
_PAIN = re.compile(
    r"(?<![/\d])\b(?P<score>10|[0-9])(?:\s*-\s*(?P<upper>10|[0-9]))?\s*(?:/|(?:out\s+)?of)\s*10\b"
    r"(?![/-]\d)",
    re.I | re.ASCII,
)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:a\s+|an\s+)?\Z", re.I | re.ASCII)
