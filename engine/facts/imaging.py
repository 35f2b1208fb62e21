"""Imaging and electrodiagnostic studies already done, and of which body part: criteria for a
study, an injection or surgery ask what earlier studies showed, and whether one repeats another.
"""

from __future__ import annotations

import re

from engine.caseless import Caseless
from engine.facts.parts import body_regions
from engine.facts.sentences import Reader
from engine.negation import Status

_IMAGING_WORDS = frozenset(
    ["mri", "ct", "x", "ray", "rays", "xray", "xrays", "radiographs", "radiograph", "tomography"]
)
# An imaging study already done: reported with its result, or called prior.
_IMAGING_DONE = Caseless(
    re.compile(
        # (Not a cumulative-trauma claim: "a prior CT claim filed 2012".)
        r"\b(?:mri|ct(?:\s+scan)?(?!\s+(?:claim|injury|period)\b)|x-?rays?|radiographs?|"
        r"computed\s+tomography(?:\s+scan)?)\b"
        # (Not a result it may give: "MRI C-spine now; if it shows a compressive lesion".)
        r"[^.]{0,60}?(?<!\bif\sit\s)(?<!\bwhether\sit\s)(?<!\bunless\sit\s)(?<!\bonce\sit\s)"
        r"(?<!\bif\sthey\s)(?<!\bif\sthis\s)\b(?:showed|shows|revealed?|reveals|demonstrated|demonstrates|noted|dated|"
        r"performed|was\s+done|were\s+done|on\s+\d)"
        # Not one denied: "no prior lumbar imaging", "no previous MRI".
        r"|(?<!\bno\s)\b(?:prior|previous|initial)\s+(?:\w+\s+)?"
        r"(?:mri|ct(?!\s+(?:claim|injury|period)\b)|x-?rays?|radiographs?)\b",
        re.I | re.ASCII,
    )
)
_CALLED_PRIOR = ("prior", "previous", "initial")
_STUDY_GIVEN = ("prior", "previous", "had", "underwent")
# A denial earlier in the clause, which a study's result after it ("was normal") is not.
_DENIED_BEFORE = re.compile(r"\b(?:no|not|never|without|none)\b[^.;]*\Z", re.I | re.ASCII)
# The study itself denied, then told as not done: "No electrodiagnostic study has been
# performed", "no MRI was done" (not a finding denied on a study done: "no fracture on the x-rays
# performed in the ER").
_DENIED_STUDY = re.compile(
    r"\b(?:no|never\s+(?:had|underwent)(?:\s+an?)?|not\s+(?:had|undergone)(?:\s+an?)?)"
    r"(?:\s+(?:prior|previous|formal))?"
    # (The part it is of between: "No lumbar MRI was done".)
    r"(?:\s+(?:lumbar|cervical|thoracic|spine|knee|shoulder|hip|wrist|hand|ankle|foot|elbow|"
    r"brain|head|upper|lower|extremity|l|r|left|right|bilateral)){0,2}\s*\Z",
    re.I | re.ASCII,
)
_NOT_DONE_VERB = re.compile(r"(?:performed|done)\Z", re.I | re.ASCII)


# A denial bounded in time or set against a study done: "No EMG has been performed since 2015,
# when it showed ...", "no MRI was done after the 2015 study".
_BOUNDED_AFTER = re.compile(
    r"\s+(?:since|after|following|other\s+than|besides|apart\s+from|beyond)\b", re.I | re.ASCII
)


def denied_as_not_done(text: str, done: re.Match[str]) -> bool:
    """Whether a study matched as done is one the sentence denies was done at all."""
    return (
        _NOT_DONE_VERB.search(done[0]) is not None
        and _DENIED_STUDY.search(text, max(0, done.start() - 40), done.start()) is not None
        and _BOUNDED_AFTER.match(text, done.end()) is None
    )


# ("... or C5-6 ACDF depending on what the MRI shows", "awaiting the MRI".)
_AWAITED = re.compile(
    r"\b(?:if|whether|once|until|unless|pending|depending\s+on\s+what|see\s+what|awaiting)\s+"
    r"(?:(?:the|an?|his|her|a\s+new|repeat)\s+)?"
    r"(?:\w+\s+)?\Z",
    re.I | re.ASCII,
)
_STUDY = Caseless(
    re.compile(
        r"\b(?:mri|ct|computed\s+tomography|magnetic\s+resonance|x-?rays?|radiographs?)\b",
        re.I | re.ASCII,
    )
)
STUDIES_MATTER = frozenset(["imaging", "electrodiagnostics", "injection", "surgery"])
_ELECTRODIAGNOSTIC_WORDS = frozenset(
    ["emg", "ncv", "ncs", "electrodiagnostic", "electromyography", "conduction", "emg/ncv"]
)
_ELECTRODIAGNOSTICS_DONE = Caseless(
    re.compile(
        r"\b(?:emg|ncv|ncs|electrodiagnostic\s+(?:stud(?:y|ies)|test(?:ing|s)?)|electromyography|"
        r"nerve\s+conduction\s+(?:stud(?:y|ies)|velocit(?:y|ies)))\b"
        r"[^.]{0,60}?\b(?:showed|shows|revealed?|reveals|demonstrated|demonstrates|dated|performed|"
        r"was\s+(?:normal|negative|positive)|were\s+(?:normal|negative|positive)|on\s+\d)"
        # Done on a date, the verb right after the study and the limbs it tested ("EMG/NCV of
        # both upper extremities done 12/08/2016"); not its paperwork ("EMG/NCV: authorization
        # obtained 02/20/2017") nor one to be done.
        r"|\b(?:emg|ncv|ncs)(?:\s*/\s*(?:emg|ncv|ncs))?(?:\s+(?:of\s+)?(?:the\s+|both\s+|bilateral\s+|"
        r"left\s+|right\s+|l\s+|r\s+)?(?:upper|lower)\s+extremit(?:y|ies))?\s+(?:done|performed)\s+"
        r"(?:on\s+)?\d{1,2}/(?:\d{1,2}/)?\d{2,4}\b(?!\s+(?:is|was)\s+(?:scheduled|pending|planned|booked))"
        # Not one denied: "no prior electrodiagnostic testing", "never had an EMG".
        r"|(?<!\bno\s)(?<!\bnot\s)(?<!\bnever\s)\b(?:had|underwent|prior|previous)\s+"
        r"(?:an?\s+)?(?:normal\s+|abnormal\s+)?"
        r"(?:emg|ncv|ncs|electrodiagnostic|electromyography|nerve\s+conduction)",
        re.I | re.ASCII,
    )
)


def earlier_studies(reader: Reader) -> None:
    """Imaging and electrodiagnostics done. A study planned or asked for is not a study done."""
    text, words, findings = reader.text, reader.words, reader.findings
    # (The first study not denied as never done: "No cervical MRI was performed; lumbar MRI was
    # done 03/2016".)
    done = (
        next(
            (
                found
                for found in _IMAGING_DONE.finditer(text, reader.lowered)
                if not denied_as_not_done(text, found)
            ),
            None,
        )
        if words & _IMAGING_WORDS and not reader.asks
        else None
    )
    # A study called prior that is denied ("He has not had any prior lumbar MRI", "never had a
    # previous x-ray") is none done: its status, not only a "no" right before it. A study told
    # with its result was done, whatever the result denies ("no fracture on the x-rays
    # performed in the ER").
    # A study awaited ("arthroscopy if the MRI shows a tear") is none done.
    if (
        done
        and not _AWAITED.search(text, max(0, done.start() - 30), done.start())
        and not (
            done[0].lower().startswith(_CALLED_PRIOR)
            and reader.status_at(done.start(), done.end()) is Status.ABSENT
        )
    ):
        reader.add("prior_imaging", True)
        # Which kind of study of which part, for whether a requested one repeats it.
        kinds = {
            "advanced" if m[0].lower()[0] in "mc" else "plain"
            for m in _STUDY.finditer(text, reader.lowered)
        }
        for part in sorted(body_regions(findings, text)):
            for study in kinds:
                reader.add(f"~study:{study}:{part}", True)
    # As for imaging, a study asked for or decided on ("Utilization review non-certified the EMG
    # on 01/17/2017") is not one done.
    # A study called prior within a denial that reaches it ("no cervical MRI or prior
    # electrodiagnostic study has been done") is none done, as for imaging.
    if words & _ELECTRODIAGNOSTIC_WORDS and not reader.asks:
        for done in _ELECTRODIAGNOSTICS_DONE.finditer(text, reader.lowered):
            if (
                done[0].lower().startswith(_STUDY_GIVEN)
                and _DENIED_BEFORE.search(text, 0, done.start()) is not None
                and reader.status_at(done.start(), done.end()) is Status.ABSENT
            ) or denied_as_not_done(text, done):
                continue
            reader.add("prior_electrodiagnostics", True)
            break


# A disc herniation the scan shows at the level whose root the radiculopathy is named for ("left
# S1 radiculopathy with an L5-S1 left disc herniation on MRI"): the imaging corroborates the
# radiculopathy, as the ESI and surgical criteria ask, though the sentence does not say the disc
# touches the root. A disc between two segments meets the roots of both (L5-S1: the L5 or S1
# root), so either fits.
_HERNIATION_WORDS = frozenset(
    ["herniation", "herniated", "herniations", "protrusion", "protrusions", "extrusion", "hnp"]
)
_HERNIATION = Caseless(
    re.compile(r"\b(?:herniat\w*|protrusions?|extrusion|hnp)\b", re.I | re.ASCII)
)
_DISC_LEVEL = Caseless(re.compile(r"\b([lc])\s*(\d)\s*[-/]\s*([lcs])?\s*(\d)\b", re.I | re.ASCII))
_ROOT_RADICULOPATHY = Caseless(
    re.compile(
        r"\b([lcs])\s*(\d)\s+(?:nerve\s+)?(?:root\s+)?(?:radiculopathy|radiculitis)\b"
        r"|\b(?:radiculopathy|radiculitis)\s+(?:at|of|in)\s+(?:the\s+)?([lcs])\s*(\d)\b",
        re.I | re.ASCII,
    )
)


def concordant_herniation(reader: Reader) -> None:
    """A herniation on the scan at the level of the root whose radiculopathy the sentence
    names: nerve compromise on imaging."""
    words = reader.words
    if words.isdisjoint(_HERNIATION_WORDS) or words.isdisjoint(_IMAGING_WORDS) or reader.asks:
        return
    text, lowered = reader.text, reader.lowered
    herniation = _HERNIATION.search(text, lowered)
    if herniation is None or reader.status_at(*herniation.span()) is not Status.PRESENT:
        return
    roots = {
        (found[1] or found[3]).lower() + (found[2] or found[4])
        for found in _ROOT_RADICULOPATHY.finditer(text, lowered)
        if reader.status_at(*found.span()) is Status.PRESENT
    }
    for level in _DISC_LEVEL.finditer(text, lowered):
        upper = level[1].lower() + level[2]
        lower = (level[3] or level[1]).lower() + level[4]
        if roots & {upper, lower}:
            reader.add("imaging_nerve_compromise", True, level.start(), level.end())
            return
