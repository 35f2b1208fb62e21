"""The knee as the current MTUS weighs an arthroscopic partial meniscectomy (current-mtus 2.15
`acoem.knee.meniscectomy`): a meniscal tear the imaging shows, and the mechanical symptoms it
gives (locking, catching, giving way or buckling). Both are read of the part the clause names (`parts`), so
that a finger that locks (a trigger finger) or an ankle that gives way says nothing of the knee;
a clause that names no part is of the part at issue. Denied ("no locking or catching"), the
symptom is absent; only possible or in the past ("history of locking"), it is not read: the
criterion is a symptom the tear gives now.
"""

from __future__ import annotations

import re

from engine.caseless import Caseless
from engine.facts.parts import SPINE_REGIONS, add_of_part, clause_regions
from engine.facts.sentences import Reader
from engine.negation import Status

_MECHANICAL_WORDS = frozenset(
    ["locking", "locks", "locked", "catching", "catches", "giving", "gives", "gave",
     "buckling", "buckles", "buckled"]
)  # fmt: skip
# A verb with an object is another sense: "catching a falling crossarm", "locking the door".
_MECHANICAL = Caseless(
    re.compile(
        # ("Locks up" is the knee's own: "it locks up and I have to wiggle it loose".)
        r"\b(?:lock(?:ing|s|ed)(?!\s+(?:a|an|the|his|her|him|it|out)\b)"
        r"|catch(?:ing|es)(?!\s+(?:a|an|the|his|her|him|it|up|out)\b)|"
        r"(?:giving|gives|gave)\s+(?:way|out)|buckl(?:ing|es|ed))\b",
        re.I | re.ASCII,
    )
)
# Other senses of the words: a locked brace, a splint or a hinge, a catching of breath, a
# locking plate or screw fixing a fracture, a finger that triggers and locks.
_OTHER_SENSE = Caseless(
    re.compile(
        r"\b(?:brace|hinge|hinged|splint|immobilizer|breath|door|plates?|screws?|nails?|"
        r"triggering|triggers|triggered)\b",
        re.I | re.ASCII,
    )
)


def mechanical_symptoms(reader: Reader) -> None:
    """Locking, catching, giving way or buckling of a joint, stated or denied."""
    if _MECHANICAL_WORDS.isdisjoint(reader.words) or reader.ur_decision or reader.asks:
        return
    text = reader.text
    if _OTHER_SENSE.search(text, reader.lowered):
        return
    for found in _MECHANICAL.finditer(text, reader.lowered):
        start, end = found.span()
        status = reader.status_at(start, end)
        if status not in (Status.ABSENT, Status.PRESENT):
            continue
        regions = clause_regions(reader, start, end)
        # "The back gave out under the lifting": a spine that gives out is pain, not a joint's
        # mechanical symptom.
        if regions and regions <= SPINE_REGIONS:
            continue
        add_of_part(
            reader, "knee_mechanical_symptoms", status is Status.PRESENT, start, end, regions
        )


_IMAGING_WORDS = frozenset(["mri", "mris", "mra", "arthrogram", "imaging", "magnetic", "scan"])
_MENISCUS_WORDS = frozenset(["meniscus", "meniscal", "menisci", "torn", "mm", "lm"])
# A tear of a meniscus, written either way round: "a complex tear of the posterior horn of the
# medial meniscus", "medial meniscal tear", "torn lateral meniscus". A full stop the sentence
# kept inside it is an abbreviation's ("complex tear post. horn medial meniscus"). The meniscus
# by its abbreviation only after its horn ("complex tear post horn MM"): "mm" is as often
# millimetres. A meniscus told intact is torn by no tear beside it ("complete ACL tear, bone
# bruise lateral femoral condyle, menisci intact").
_INTACT = r"(?!\s+(?:are\s+|is\s+)?(?:intact|normal|unremarkable)\b)"
_MENISCAL_TEAR = Caseless(
    re.compile(
        r"\b(?:tear|tears|torn|rupture)\b(?:[^.;]|\.(?=\s*\w)){0,60}?"
        rf"(?:\bmenisc(?:us|i|al)\b{_INTACT}"
        rf"|\bhorn\s+(?:of\s+(?:the\s+)?)?(?:mm|lm)\b{_INTACT})|"
        rf"\bmenisc(?:us|i|al)\b{_INTACT}[^.;]{{0,25}}?\b(?:tear|tears|torn)\b",
        re.I | re.ASCII,
    )
)


def meniscal_tear(reader: Reader) -> None:
    """A tear of a meniscus that a study (MRI, arthrogram) shows, or rules out ("no meniscal
    tear"). A tear named only as a diagnosis, or as what a study is to rule out, is not read:
    the criterion is the tear the imaging shows."""
    words = reader.words
    if _MENISCUS_WORDS.isdisjoint(words) or _IMAGING_WORDS.isdisjoint(words):
        return
    if reader.ur_decision or reader.asks or reader.planned:
        return
    text = reader.text
    for found in _MENISCAL_TEAR.finditer(text, reader.lowered):
        start, end = found.span()
        status = reader.status_at(start, end)
        if status is Status.ABSENT:
            add_of_part(reader, "meniscal_tear_on_imaging", False, start, end)
        elif status in (Status.PRESENT, Status.HISTORICAL):
            # An MRI done some time ago still shows the tear.
            add_of_part(reader, "meniscal_tear_on_imaging", True, start, end)
