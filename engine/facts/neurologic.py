"""A neurologic examination stated normal as a whole: no motor, sensory (and, unless the
examination is limited, reflex) deficit, which rules asking for a deficit need stated.
"""

from __future__ import annotations

import re

from engine.caseless import Caseless
from engine.facts.sentences import SYMPTOM_WORDS, Reader

_NEURO_WORDS = frozenset(
    ["neurologic", "neurological", "neurovascular", "motor", "neuro", "neurologically"]
)
# A whole neurologic examination stated normal: motor, sensation and reflexes. "Intact motor and
# sensory examination" (`limited`) says nothing of reflexes.
_NORMAL_NEURO_EXAM = Caseless(
    re.compile(
        r"\b(?:unremarkable|normal|intact|non-?focal)\s+(?:\w+\s+){0,3}?neurologic(?:al)?\s+exam"
        r"|\bneurologic(?:al)?\s+exam(?:ination)?\s+(?:was|is|were)\s+(?:normal|unremarkable|"
        r"intact|non-?focal)"
        # A note's shorthand: "neuro intact", "neuro exam nl", "neurologically intact".
        r"|\bneuro(?:logic(?:al)?)?(?:\s+exam(?:ination)?)?\s*(?::|-)?\s*(?:intact|nl|wnl|"
        r"non-?focal|grossly\s+intact)\b|\bneurologically\s+(?:grossly\s+)?intact\b"
        r"|(?P<limited>\bintact\s+motor\s+and\s+sensory\b)",
        re.I | re.ASCII,
    )
)


def normal_neurologic_exam(reader: Reader) -> None:
    """A normal neurologic examination: no deficit of its parts (reflexes only where the
    examination was more than motor and sensory). Not what the patient reports."""
    words = reader.words
    if words & _NEURO_WORDS:
        normal_exam = _NORMAL_NEURO_EXAM.search(reader.text, reader.lowered)
        if normal_exam and words.isdisjoint(SYMPTOM_WORDS):
            parts: tuple[str, ...] = ("motor_deficit", "sensory_deficit")
            if not normal_exam["limited"]:
                parts += ("reflex_change",)
            for name in parts:
                reader.add(name, False, normal_exam.start(), normal_exam.end())
