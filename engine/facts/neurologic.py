"""A neurologic examination stated normal as a whole: no motor, sensory (and, unless the
examination is limited, reflex) deficit, which rules asking for a deficit need stated. The same
for its parts named together under one result ("normal strength and reflexes", "sensation and
DTRs intact").
"""

from __future__ import annotations

import re

from engine.caseless import Caseless
from engine.facts.sentences import SYMPTOM_WORDS, Reader
from engine.negation import Status

_NEURO_WORDS = frozenset(
    ["neurologic", "neurological", "neurovascular", "motor", "neuro", "neurologically",
     "neurovascularly", "nv", "nvi"]
)  # fmt: skip
# A whole neurologic examination stated normal: motor, sensation and reflexes. "Intact motor and
# sensory examination" (`limited`) says nothing of reflexes.
_NORMAL_NEURO_EXAM = Caseless(
    re.compile(
        r"\b(?:unremarkable|normal|intact|non-?focal)\s+(?:\w+\s+){0,3}?neurologic(?:al)?\s+exam"
        r"|\bneurologic(?:al)?\s+exam(?:ination)?(?:\s+of\s+the\s+(?:upper|lower|bilateral)\s+"
        r"extremities)?\s+(?:was|is|were)\s+(?:normal|unremarkable|"
        r"intact|non-?focal)"
        # A note's shorthand: "neuro intact", "neuro exam nl", "neurologically intact".
        r"|\bneuro(?:logic(?:al)?)?(?:\s+exam(?:ination)?)?\s*(?::|-)?\s*(?:intact|nl|wnl|"
        r"non-?focal|grossly\s+intact)\b|\bneurologically\s+(?:grossly\s+)?intact\b"
        # ("Neuro exam normal (CN II-XII, strength, sensation, reflexes, tandem gait)".)
        r"|\bneuro(?:logic(?:al)?)?\s+exam(?:ination)?\s*(?::|-)?\s*(?:normal|unremarkable)\b"
        # The examination summed up: "no focal neurologic deficits".
        r"|\bno\s+(?:focal\s+)?neuro(?:logic(?:al)?)?\s+deficits?\b"
        r"|(?P<limited>\bintact\s+motor\s+and\s+sensory\b"
        # Neurovascularly intact ("NV intact distally", "NVI BLE"): motor and sensory function
        # of the limb checked, not its reflexes.
        r"|\bNV\s+intact\b|\bNVI\b|\bneurovascularly\s+intact\b"
        r"|\bno\s+(?:focal\s+)?neurovascular\s+(?:deficits?|compromise)\b)",
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


# The parts of the examination, by the deficit each one's normal result rules out.
_PART_WORDS = {
    "motor_deficit": r"(?:motor(?:\s+strength)?|(?:muscle\s+)?strength|power)",
    # "Feeling": the sensory examination in plain words ("strength, reflexes and feeling in both
    # legs are normal").
    "sensory_deficit": r"(?:sensation|sensory(?:\s+exam(?:ination)?)?|light\s+touch|feeling)",
    "reflex_change": r"(?:(?:deep\s+tendon\s+)?reflex(?:es)?|dtrs|dtr)",
}
_ANY_PART = "|".join(f"(?P<{name}>{words})" for name, words in _PART_WORDS.items())
_PART = r"(?:\b(?:" + "|".join(_PART_WORDS.values()) + r")\b)"
_JOINED = rf"{_PART}(?:\s*(?:,|/|&|\band\b|,\s*and\b)\s*{_PART})+"
_NORMAL_RESULT = (
    r"(?:normal|intact|nl|wnl|within\s+normal\s+limits|symmetric|grossly\s+(?:normal|intact))"
)
# "Motor, sensory and reflex exam of the lower extremities is within normal limits", "strength,
# reflexes and feeling in both legs are normal".
_LIMBS = (
    r"(?:\s+(?:of|in)\s+(?:the\s+|both\s+|his\s+|her\s+)?(?:\w+\s+){0,2}?"
    r"(?:extremities|arms|legs))"
)
_OF_LIMBS = rf"(?:\s+exam(?:ination)?s?)?{_LIMBS}?"
# "Entirely normal", "all normal".
_DEGREE = r"(?:(?:all|entirely|completely|fully|quite)\s+)?"
# "Are normal", and in a later note "remain normal".
_IS = r"(?:are|is|were|was|remain|remains|remained|stay|stays|stayed)"
# Two or three parts joined, with one normal result for them all, after ("strength and
# reflexes normal", "sensation/DTRs intact") or before ("normal strength and reflexes").
_NORMAL_PARTS = Caseless(
    re.compile(
        rf"\b{_NORMAL_RESULT}\s+{_JOINED}(?!\s*(?:,\s*)?(?:are|is|were|was)?\s*(?:not|decreased|"
        rf"diminished|reduced|absent|abnormal)\b)"
        rf"|{_JOINED}{_OF_LIMBS}\s*(?::|-)?\s*(?:{_IS}\s+)?{_DEGREE}{_NORMAL_RESULT}\b"
        # One part, of the limbs named: "strength in the legs is normal".
        rf"|{_PART}{_LIMBS}\s+{_IS}\s+{_DEGREE}{_NORMAL_RESULT}\b",
        re.I | re.ASCII,
    )
)
# One part's examination that found nothing: "sensory examination showed no deficit in any of
# the dermatomes", "motor exam without focal deficit".
_PART_EXAM_WITHOUT_DEFICIT = Caseless(
    re.compile(
        rf"{_PART}\s+exam(?:ination)?\s+(?:(?:showed|shows|revealed|reveals|demonstrated|was|is)"
        r"\s+)?(?:no|without)\s+(?:focal\s+|gross\s+)?deficits?\b",
        re.I | re.ASCII,
    )
)
_EACH_PART = re.compile(_ANY_PART, re.I | re.ASCII)
_PART_FIRST_WORDS = frozenset(
    ["motor", "strength", "power", "sensation", "sensory", "touch", "reflexes", "dtrs", "dtr",
     "feeling"]
)  # fmt: skip


def normal_parts_together(reader: Reader) -> None:
    """Parts of the neurologic examination named together under one normal result: no deficit
    of each part named. Not what the patient reports, and not where a cue in the clause negates
    the result."""
    words = reader.words
    if not words & _PART_FIRST_WORDS or not words.isdisjoint(SYMPTOM_WORDS):
        return
    for together in _NORMAL_PARTS.finditer(reader.text, reader.lowered):
        if reader.status_in_own_clause(together.start(), together.end()) is Status.PRESENT:
            parts_normal(reader, together)
    for examined in _PART_EXAM_WITHOUT_DEFICIT.finditer(reader.text, reader.lowered):
        parts_normal(reader, examined)


def parts_normal(reader: Reader, said: re.Match[str]) -> None:
    for part in _EACH_PART.finditer(said.group()):
        if part.lastgroup:
            reader.add(part.lastgroup, False, said.start(), said.end())


# A muscle graded lower now than at the examination told beside it: "EHL 3/5 today (4/5 on
# 01/03)", "ankle dorsiflexion 4-/5 now, was 5/5 at the last visit". A deficit that worsens
# between examinations is the progressive deficit ACOEM and ODG image for without waiting.
_GRADE = r"(?P<{0}>[0-5])(?P<{0}_sign>[+-]?)\s*/\s*5"
_GRADED_LOWER = re.compile(
    _GRADE.format("now")
    + r"\s*(?:today|now|currently)?\s*(?:\(\s*(?:was\s+|from\s+)?|,?\s*(?:was|from|down\s+from)\s+)"
    + _GRADE.format("then")
    # The earlier grade's time: a date or an earlier visit, not the other side ("4/5 (5/5 on
    # the left)").
    + r"\s*(?:(?:on|at|in)\s+(?:\d|(?:the\s+)?(?:last|prior|previous|initial|first|ime|qme|ame)\b|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)|last\b|previously\b|"
    r"(?:\w+\s+){0,2}(?:days?|weeks?|months?)\s+ago\b)"
    # (Not a grade from before the injury or a surgery: "5/5 at the IME in 2023 before his fall".)
    r"(?![^.;]{0,40}\bbefore\s+(?:the\s+|his\s+|her\s+)?(?:injury|fall|accident|surgery|operation)\b)",
    re.I | re.ASCII,
)
_SIGN_STEP = {"+": 0.3, "-": -0.3, "": 0.0}


def weaker_than_before(reader: Reader) -> None:
    """A strength grade lower now than the one the sentence gives from before."""
    if not reader.has_digit or "/" not in reader.text:
        return
    for graded in _GRADED_LOWER.finditer(reader.text):
        now = int(graded["now"]) + _SIGN_STEP[graded["now_sign"]]
        then = int(graded["then"]) + _SIGN_STEP[graded["then_sign"]]
        if now < then:
            reader.add("red_flag_progressive_deficit", True, graded.start(), graded.end())
            return
