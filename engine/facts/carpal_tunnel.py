"""Carpal tunnel syndrome as the current MTUS weighs a carpal tunnel release (current-mtus 2.15
`acoem.hand.ctr`): confirmed by electrodiagnostic studies (`cts_confirmed_by_electrodiagnostics`),
and how severe it is (`severe_carpal_tunnel_syndrome`).

A study confirms the syndrome where the sentence reports a nerve conduction study or EMG that
showed it ("EMG/NCS revealed moderate bilateral carpal tunnel syndrome"); a study read as normal,
or as showing no carpal tunnel syndrome, does not. A study asked for, planned or quoted from a
guideline ("nerve conduction studies are recommended for clinical signs of carpal tunnel
syndrome") shows nothing.

Severity is what the record grades: "severe carpal tunnel syndrome", or thenar atrophy (the
wasting that marks a long-compressed median nerve) is severe; "mild" or "moderate" is not.
"""

from __future__ import annotations

import re

from engine.caseless import Caseless
from engine.facts.sentences import Reader
from engine.negation import Status

_STUDY_WORDS = frozenset(
    ["emg", "emgs", "ncv", "ncs", "conduction", "electrodiagnostic", "electrodiagnostics",
     "electroneurographic", "electromyography", "electromyographic", "edx"]
)  # fmt: skip
_STUDY = Caseless(
    re.compile(
        r"\b(?:emgs?|ncvs?|ncs|nerve\s+conduction|electrodiagnostic|electroneurographic|"
        r"electromyograph\w*|edx)\b",
        re.I | re.ASCII,
    )
)
_CTS_WORDS = frozenset(["carpal", "cts", "median"])
_CTS = Caseless(
    re.compile(
        r"\b(?:carpal\s+tunnel(?:\s+syndrome)?|cts|median\s+(?:nerve\s+)?(?:mono)?neuropathy|"
        r"median\s+nerve\s+(?:entrapment|compression)(?:\s+at\s+the\s+wrist)?)\b",
        re.I | re.ASCII,
    )
)
# The study's result: what it showed.
_SHOWED = Caseless(
    re.compile(
        r"\b(?:reveal\w*|show\w*|demonstrat\w*|confirm\w*|consistent\s+with|indicative\s+of|"
        r"diagnostic\s+of|compatible\s+with|positive\s+for|evidence\s+of|findings?\s+of)\b|:",
        re.I | re.ASCII,
    )
)
# The median nerve's findings at the wrist, as a study reports them: "median sensory response
# absent across the wrist", "prolonged median distal latency" (a figure alone, "6.4 ms", is not
# read: what is prolonged depends on the laboratory). Only at the wrist: not slowing across the
# elbow, an F-wave, a polyneuropathy's absent responses, nor where one side is normal.
_MEDIAN_SLOWED = Caseless(
    re.compile(
        r"\bmedian\b(?:(?!\bnormal\b|\bulnar\b|\bradial\b)[^.;,]){0,60}?"
        r"\b(?P<after>prolonged|delayed|absent|slowing|slowed|conduction\s+block)\b"
        r"(?=[^.;,]{0,30}?\b(?:across|at)\s+the\s+wrist\b"
        # Or set against the ulnar nerve's normal study, which places it at the wrist: "median
        # sensory response absent; ulnar normal".
        r"|[^.]{0,40}?\bulnar\s+(?:\w+\s+)?(?:is\s+|was\s+|were\s+)?(?:normal|wnl|within\s+normal\s+limits)\b)"
        r"|\b(?P<before>prolonged|delayed)\s+(?:(?:right|left|r|l)\s+)?median\s+(?:distal\s+)?"
        r"(?:motor\s+|sensory\s+)?(?:distal\s+)?latenc(?:y|ies)\b",
        re.I | re.ASCII,
    )
)
_NOT_THE_WRIST = re.compile(
    r"\b(?:pronator|polyneuropathy|f[\s-]?waves?|elbow|forearm|"
    r"(?:right|left|r|l)\s+(?:side\s+)?(?:is\s+|was\s+)?(?:within\s+normal\s+limits|normal|wnl))\b",
    re.I | re.ASCII,
)
# Another nerve's normal: "ulnar normal", "ulnar responses were normal".
_OTHER_NERVE_BEFORE = re.compile(
    r"\b(?:ulnar|radial|peroneal|tibial|sural)\s+(?:\w+\s+)?(?:is\s+|was\s+|were\s+)?\Z",
    re.ASCII,
)
_NORMAL_STUDY = Caseless(
    re.compile(r"\b(?:normal|negative|unremarkable|within\s+normal\s+limits)\b", re.I | re.ASCII)
)
_SEVERE = Caseless(
    re.compile(
        r"\b(?:severe|advanced|end[\s-]stage)\s+(?:bilateral\s+|right\s+|left\s+)?(?:carpal\s+tunnel|"
        r"cts|median\s+(?:nerve\s+)?(?:mono)?neuropathy)\b|"
        r"\bthenar\s+(?:muscle\s+)?(?:atrophy|wasting|flattening)\b|\b(?:atrophy|wasting)\s+of\s+the\s+thenar\b"
        # The same wasting in plain words: "the muscle at the base of the right thumb is a
        # little wasted", "wasting at the base of the thumb".
        r"|\b(?:muscles?|pad|mound|bulk)\s+(?:at|of)\s+the\s+base\s+of\s+(?:the\s+|his\s+|her\s+)?"
        r"(?:(?:right|left)\s+)?thumbs?\s+(?:is|are|was|were|looks?|appears?)\s+(?:(?:a\s+little|"
        r"slightly|somewhat|visibly|clearly|mildly|plainly|noticeably)\s+)?(?:wasted|thin|thinner|"
        r"flat|flattened|shrunken|atrophied|hollow|hollowed)\b"
        r"|\b(?:wasting|atrophy|thinning|hollowing)\s+(?:of\s+)?(?:the\s+)?(?:muscles?\s+)?(?:at|of)\s+"
        r"the\s+base\s+of\s+(?:the\s+|his\s+|her\s+)?(?:(?:right|left)\s+)?thumbs?\b",
        re.I | re.ASCII,
    )
)
_NOT_SEVERE = Caseless(
    re.compile(
        r"\b(?:mild|moderate|mild\s+to\s+moderate)\s+(?:bilateral\s+|right\s+|left\s+)?"
        r"(?:carpal\s+tunnel|cts|median\s+(?:nerve\s+)?(?:mono)?neuropathy)\b",
        re.I | re.ASCII,
    )
)


def carpal_tunnel(reader: Reader) -> None:
    """Carpal tunnel syndrome confirmed (or not) by a study, and its severity."""
    words = reader.words
    if reader.ur_decision or reader.asks or reader.planned:
        return
    if not words.isdisjoint(_CTS_WORDS) or "thenar" in words or "base" in words:
        severity(reader)
    if not words.isdisjoint(_STUDY_WORDS):
        confirmed(reader)


def confirmed(reader: Reader) -> None:
    text, lowered = reader.text, reader.lowered
    study = _STUDY.search(text, lowered)
    if study is None:
        return
    syndrome = _CTS.search(text, lowered, study.end())
    if syndrome is None:
        slowed = _MEDIAN_SLOWED.search(text, lowered, study.end())
        if slowed is not None:
            finding = slowed.span("after" if slowed["after"] else "before")
            if reader.status_at(*finding) is Status.PRESENT:
                # The median nerve's conduction at the wrist slowed or lost, told by the
                # study's own findings: the syndrome confirmed, whether or not the sentence
                # names it (not beside another diagnosis or the other side normal).
                if _NOT_THE_WRIST.search(text) is None:
                    reader.add(
                        "cts_confirmed_by_electrodiagnostics", True, study.start(), slowed.end()
                    )
                return
        # "Nerve conduction studies of the upper extremities were normal." ("Were normal" is a
        # negation cue too: the study reads as absent.) Not another nerve's normal beside the
        # median's findings: "median sensory response absent ...; ulnar normal".
        normal = next(
            (
                found
                for found in _NORMAL_STUDY.finditer(text, lowered, study.end())
                if _OTHER_NERVE_BEFORE.search(lowered, max(0, found.start() - 24), found.start())
                is None
            ),
            None,
        )
        if normal and reader.status_at(*study.span()) is not Status.POSSIBLE:
            reader.add("cts_confirmed_by_electrodiagnostics", False, *study.span())
        return
    if _SHOWED.search(text, lowered, study.end(), syndrome.start()) is None:
        return
    status = reader.status_at(*syndrome.span())
    if status is Status.ABSENT:
        reader.add("cts_confirmed_by_electrodiagnostics", False, *syndrome.span())
    elif status in (Status.PRESENT, Status.HISTORICAL):
        # A study done earlier confirmed it all the same.
        reader.add("cts_confirmed_by_electrodiagnostics", True, study.start(), syndrome.end())


def severity(reader: Reader) -> None:
    text = reader.text
    for pattern, value in ((_SEVERE, True), (_NOT_SEVERE, False)):
        for found in pattern.finditer(text, reader.lowered):
            if reader.status_at(*found.span()) is Status.PRESENT:
                reader.add("severe_carpal_tunnel_syndrome", value, *found.span())
