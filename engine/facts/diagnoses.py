"""The diagnoses a sentence lists, as the guideline's diagnosis groups, and whether the list names
one outside every group (which then counts as "other").
"""

from __future__ import annotations

import re

from engine.caseless import Caseless, for_lowered
from engine.facts.findings import Findings
from engine.facts.sentences import ANOTHERS_WORDS, Reader
from engine.negation import Status
from engine.vocab import (
    padded,
    phrase_words,
)

_DIAGNOSIS_CUE_WORDS = frozenset(
    ["treated", "treating", "treatment", "treatments", "sustained", "claim", "dx", "dxs",
     "assessment", "impression", "a", "icd"]
)  # fmt: skip
_DIAGNOSIS_CUE = Caseless(
    re.compile(
        r"\bdiagnos|\btreat(?:ed|ing|ments?)\s+for\b|\bbeing\s+treated\b|\bsustained\b"
        # The shorthand without a heading's colon: "accepted dx R knee sprain", "Dx lumbar
        # strain".
        r"|\bclaim\s+for\b|\bdxs?\b(?!\s*:)",
        re.I | re.ASCII,
    )
)
# A note's heading over its diagnoses counts as saying so: "Dx: R knee osteoarthritis",
# "Assessment: lumbar strain", "A/P: symptomatic medial meniscus tear", "Impression: ...".
# Apart from the cue words: as one of their alternatives, a heading that can only open the
# sentence left the expression no text that every match holds, and it was tried at every
# character of nearly every sentence (most hold "a" or "treatment").
_DIAGNOSIS_HEADING = re.compile(
    r"\W*(?:dxs?|assessment(?:\s*(?:/|and)\s*plan)?|impressions?|a\s*/\s*p|a"
    # A Request for Authorization's coded line: "ICD-10: M54.16 Radiculopathy, lumbar region".
    r"|icd(?:[\s-]*(?:9|10)(?:[\s-]*cm)?)?(?:\s+(?:codes?|dx))?)\s*:",
    re.I | re.ASCII,
)
_LIST_PARTS = re.compile(r",|;|\band\b|\bwith\b|\bincluding\b|\binclude[sd]?\b|:", re.I | re.ASCII)
_LIST_PARTS_LOWERED = for_lowered(_LIST_PARTS)
# A part of a diagnosis list names a diagnosis when it has a head word such as these.
_DIAGNOSIS_WORD = re.compile(
    r"\b\w+(?:itis|osis|pathy|algia)\b|\b(?:pain|syndrome|disease|disorder|tear|contusion|"
    r"spasms?|headaches?|insomnia|depression|anxiety|derangement|impingement|instability|"
    r"lesion|dysfunction|laceration|dislocation|hernia|effusion)\b",
    re.I | re.ASCII,
)
# Text every match of `_DIAGNOSIS_WORD` holds, lower-cased: a part without any of it is passed
# over by substring tests, where the expression's `\w+` would try each word's every ending.
_DIAGNOSIS_WORD_TEXT = (
    "itis",
    "osis",
    "pathy",
    "algia",
    "pain",
    "syndrome",
    "disease",
    "disorder",
    "tear",
    "contusion",
    "spasm",
    "headache",
    "insomnia",
    "depression",
    "anxiety",
    "derangement",
    "impingement",
    "instability",
    "lesion",
    "dysfunction",
    "laceration",
    "dislocation",
    "hernia",
    "effusion",
)


def names_diagnosis_word(part: str) -> bool:
    """Whether a part of a list has a diagnosis's head word (`_DIAGNOSIS_WORD`)."""
    lowered = part.lower()
    return any(text in lowered for text in _DIAGNOSIS_WORD_TEXT) and bool(
        _DIAGNOSIS_WORD.search(part)
    )


def has_unlisted_diagnosis(listing: str, findings: Findings) -> bool:
    """Whether a list of diagnoses names one outside the guideline's groups: a part of the list
    with words of its own that no group's phrase matches ("... and bilateral knee pain")."""
    listing = listing.rstrip(". ")
    # The parts are only read in lower case (their words, their head words): an ASCII list is
    # split lower-cased, by the expression without IGNORECASE, several times faster.
    if listing.isascii():
        parts = _LIST_PARTS_LOWERED.split(listing.lower())
    else:
        parts = _LIST_PARTS.split(listing)
    for part in parts:
        if not names_diagnosis_word(part):
            continue
        words = phrase_words(part)
        if not findings.diagnosis_pattern.search(padded(words), frozenset(words)):
            return True
    return False


# A note that opens on what the visit follows up ("F/u chronic L5 radiculopathy, DOI 2014",
# "Follow-up for R carpal tunnel syndrome"), or a finding read as a condition ("x-rays ...
# medial compartment narrowing c/w OA"). Weaker than a list given as the diagnoses: read apart
# (`IMPLIED_DIAGNOSES`), it counts only where the record gives no such list.
_FOLLOW_UP_OF = re.compile(
    r"^\W*(?:f/u|follow[\s-]*up)\b(?:\s+(?:visit\s+)?(?:for|of|on)\b)?", re.I | re.ASCII
)
# (Or the physician's reading of a study: "which her orthopedist reads as osteoarthritis".)
_CONSISTENT_WITH = re.compile(
    r"\b(?:c/w|consistent\s+with|(?:reads|interprets)\s+(?:it\s+|them\s+)?as)\s+"
    # (Not a reading set aside or another's: "The ER film was read as an L1 compression
    # fracture, but CT was negative", "her husband's knee, read as osteoarthritis".)
    r"(?![^.]*\b(?:but|negative|ruled\s+out|husband|wife|mother|father|family)\b)",
    re.I | re.ASCII,
)
# Another person's condition, read by a physician: "Her husband has knee pain, which his
# orthopedist reads as osteoarthritis".
_FAMILY_WORDS = frozenset(["family", "mother", "father", "brother", "sister", "runs"])
_READ_AS_WORDS = frozenset(["reads", "interprets"])
_FILM_WORDS = frozenset(["ray", "rays", "xray", "xrays", "radiograph", "radiographs", "films"])
_FILM_RESULT = re.compile(
    r"^\W*(?:[a-z]+\s+){0,2}?(?:x-?rays?|radiographs?|films?)\b[^:.;]{0,30}:\s*", re.I | re.ASCII
)
# The summary's opening sentence, which gives the patient's age and the conditions the claim is
# about ("a 61-year-old female custodian ... with right knee pain on a background of
# osteoarthritis", "This 40-year-old carpenter has chronic low back pain from a 2014 injury"),
# and the conditions a claim was accepted for ("accepted as an aggravation of pre-existing
# osteoarthritis").
_AGE_WITH = re.compile(
    # ("47 y/o welder with chronic L S1 radiculopathy", as offices shorten it.)
    # ("a forty-one year old meat cutter who developed complex regional pain syndrome".)
    r"(?:\byears?[\s-]+old\b|\b\d{1,2}\s*(?:y/o|yo)\b)[^.;]{0,80}?\b(?:with|has|had|having|"
    r"suffers\s+from|developed)\b"
    # ("46 y/o bus mechanic, chronic L S1 radiculopathy w/ LBP", "Sixty one year old carpet
    # installer, cumulative trauma claim ..., bilateral knee osteoarthritis": the job, then the
    # claim's conditions.)
    # (Not a family's history: "52 yo male, family history of osteoarthritis".)
    r"|(?:\b\d{1,2}\s*(?:y/o|yo)|\byears?[\s-]+old)\s+(?:[a-z/-]+\s+){0,3}?[a-z/-]+,\s+"
    r"(?!(?:family|fhx|fh|mother|father)\b)"
    r"|\baccepted\s+(?:as|for)\b"
    # The condition the injury aggravated: "twisted knee stepping off a forklift, aggravating
    # medial compartment OA".
    r"|(?<!out\s)(?<!r/o\s)\baggravat(?:ing|ed|ion\s+of)\s+"
    r"(?=(?:(?:his|her|a|the|pre-?existing|underlying)\s+)*[a-z])(?![^.;,]{0,25}\bpain\b)"
    # Or the patient named as the subject that opens the sentence: "Jenna has complex regional
    # pain syndrome type I of the right wrist", "She suffers from ...".
    r"|^\W*(?:(?:mr|mrs|ms|miss)\.?\s+)?(?:[a-z]+|the\s+patient|the\s+injured\s+worker)\s+"
    r"(?:has|suffers\s+from|developed)\s+(?!(?:had|been|not|no|never)\b)"
    # The age told as a letter tells it: "She is 45, a hotel housekeeper with a chronic left L5
    # radiculopathy".
    # (Of the patient alone: "a nurse with a husband with rheumatoid arthritis" names another's.)
    r"|^(?![^.]*\b(?:husband|wife|son|daughter|mother|father|family|child|children|brother|sister|"
    r"partner)\b)\W*(?:he|she|the\s+patient)\s+is\s+\d{1,2},\s+(?:an?\s+)?[^.;]{0,60}?\bwith\b",
    re.I | re.ASCII,
)
_AGE_WITH_WORDS = frozenset(
    [
        "old",
        "is",
        "accepted",
        "yo",
        "y",
        "has",
        "suffers",
        "developed",
        "aggravating",
        "aggravated",
        "aggravation",
    ]
)
IMPLIED_DIAGNOSES = "~diagnoses:implied"
_OPENING = re.compile(r"\W*")
# Words that may come before a condition's name as it heads a sentence: "Chronic L S1
# radiculopathy w/ LBP", "R knee OA".
_CONDITION_MODIFIERS = frozenset(
    ["chronic", "acute", "subacute", "recurrent", "mild", "moderate", "severe", "l", "r", "lt",
     "rt", "left", "right", "bilateral", "bilat", "b",
     # The joint it is of: "L hip OA", "R knee DJD", "bilateral shoulder arthritis".
     "hip", "hips", "knee", "knees", "shoulder", "shoulders", "ankle", "ankles", "wrist", "wrists",
     "elbow", "elbows", "hand", "hands", "thumb", "cmc", "medial", "lateral", "compartment"]
)  # fmt: skip
_LEVEL = re.compile(r"[cltCLTsS]\d{1,2}", re.ASCII)


def opens_on_diagnosis(reader: Reader) -> bool:
    """Whether the sentence's first words name a diagnosis (after words of its side, level or
    course)."""
    first = next(reader.findings.diagnosis_pattern.finditer(reader.plain, reader.words), None)
    if first is None:
        return False
    before = reader.plain[: first.start(1)].split()
    return (
        len(before) <= 4
        and all(word in _CONDITION_MODIFIERS or _LEVEL.fullmatch(word) for word in before)
        # (Not a family's history: "Knee osteoarthritis runs in her family".)
        and reader.words.isdisjoint(_FAMILY_WORDS)
    )


def cue_of_diagnoses(text: str, lowered: str) -> re.Match[str] | None:
    """The first cue that the sentence gives diagnoses: a cue word, or a heading opening it
    (which comes first unless a cue word opens the sentence)."""
    cue = _DIAGNOSIS_CUE.search(text, lowered)
    if cue is not None and cue.start() == 0:
        return cue
    heading = _DIAGNOSIS_HEADING.match(text) if ":" in text else None
    return heading or cue


def diagnosis_groups(reader: Reader) -> None:
    """The diagnoses a sentence gives as such ("diagnosed with", "treated for"), stated or
    past, not negated or to be ruled out; or those of the condition a follow-up visit is for."""
    text, words, findings = reader.text, reader.words, reader.findings
    diagnosis_cue = (
        cue_of_diagnoses(text, reader.lowered)
        if "diagnos" in reader.lowered or not words.isdisjoint(_DIAGNOSIS_CUE_WORDS)
        else None
    )
    name = "diagnoses"
    film_result = None
    if diagnosis_cue is None and reader.lowered.lstrip(" -*\t").startswith(("f/u", "follow")):
        diagnosis_cue = _FOLLOW_UP_OF.search(text)
        name = IMPLIED_DIAGNOSES
    elif diagnosis_cue is None and (
        "consistent" in words
        or "c/w" in reader.lowered
        or (not words.isdisjoint(_READ_AS_WORDS) and words.isdisjoint(ANOTHERS_WORDS))
    ):
        diagnosis_cue = _CONSISTENT_WITH.search(text)
        name = IMPLIED_DIAGNOSES
    if diagnosis_cue is None and ":" in text and not words.isdisjoint(_FILM_WORDS):
        # A film's result under its heading, the condition it shows: "X-ray 06/2016: moderate
        # medial compartment OA, no fx" (read as the finding "c/w OA" is).
        diagnosis_cue = film_result = _FILM_RESULT.match(text)
        name = IMPLIED_DIAGNOSES
    if diagnosis_cue is None and not words.isdisjoint(_AGE_WITH_WORDS):
        diagnosis_cue = _AGE_WITH.search(text)
        name = IMPLIED_DIAGNOSES
    if diagnosis_cue is None and reader.sentence.source == "note":
        # A note's sentence that opens on the condition, as a heading would: "CRPS type I R
        # wrist/hand after distal radius fracture, DOI 03/2015."
        diagnosis_cue = _OPENING.match(text) if opens_on_diagnosis(reader) else None
        name = IMPLIED_DIAGNOSES
    if diagnosis_cue:
        groups = list(
            dict.fromkeys(
                findings.diagnosis_meaning[m[1]]
                for m in findings.diagnosis_pattern.finditer(reader.plain, words)
                # Stated, not negated or to be ruled out ("rule out cervical radiculopathy").
                if reader.phrase_status(m[1]) in (Status.PRESENT, Status.HISTORICAL)
            )
        )
        # "Diagnosed as ... status post spinal fusion": the case is post-surgical.
        if "post_surgical" not in groups and any(
            reader.phrase_status(m[1]) is Status.HISTORICAL
            for m in findings.surgery_pattern.finditer(reader.plain, words)
        ):
            groups.append("post_surgical")
        # (A film's result names conditions the groups list, or none: "no dislocation" is no
        # diagnosis outside them.)
        if film_result is None and has_unlisted_diagnosis(text[diagnosis_cue.end() :], findings):
            groups.append("other")
        if groups:
            reader.add(name, groups)
