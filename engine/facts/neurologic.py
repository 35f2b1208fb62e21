"""A neurologic examination stated normal as a whole: no motor, sensory (and, unless the
examination is limited, reflex) deficit, which rules asking for a deficit need stated.
"""

from __future__ import annotations

import re

_NEURO_WORDS = frozenset(["neurologic", "neurological", "neurovascular", "motor"])
# A whole neurologic examination stated normal: motor, sensation and reflexes. "Intact motor and
# sensory examination" (`limited`) says nothing of reflexes.
_NORMAL_NEURO_EXAM = re.compile(
    r"\b(?:unremarkable|normal|intact|non-?focal)\s+(?:\w+\s+){0,3}?neurologic(?:al)?\s+exam"
    r"|\bneurologic(?:al)?\s+exam(?:ination)?\s+(?:was|is|were)\s+(?:normal|unremarkable|"
    r"intact|non-?focal)"
    r"|(?P<limited>\bintact\s+motor\s+and\s+sensory\b)",
    re.I | re.ASCII,
)
