"""What ODG asks before an MRI or a bone scan of a joint (ODG Elbow and Hip & Pelvis, MRI; bone
scan): plain films of the part already taken, and whether they gave the diagnosis
(`plain_films_nondiagnostic`), and the specific lesion the study is to confirm or exclude
(`specific_lesion_suspected`: a labral or meniscal tear, osteonecrosis, an occult or stress
fracture, a loose body ...). Each is read of the part its clause names (`parts`). Films planned,
asked for or refused by utilization review are no films taken; a sentence that only supposes
("if plain films are nondiagnostic") reports nothing.
"""

from __future__ import annotations

import re

from engine.caseless import Caseless
from engine.facts.parts import add_of_part, clause_regions
from engine.facts.sentences import Reader
from engine.negation import Status

_FILM_WORDS = frozenset(
    ["ray", "rays", "xray", "xrays", "radiograph", "radiographs", "films", "film"]
)
# (Films named by their part as well: "L elbow films 02/2017 and 09/2017: normal".)
_FILMS = (
    r"(?:x-?rays?|radiographs?|plain\s+radiographs?|(?:plain|elbow|wrist|hand|finger|thumb|knee|"
    r"hip|shoulder|ankle|foot|heel|spine|lumbar|cervical|thoracic|pelvis|pelvic|l|r|left|right|"
    r"bilateral)\s+films?)"
)
# Films that gave no diagnosis: normal, negative, or showing nothing that explains the symptoms.
_UNREVEALING = (
    r"(?:normal|unremarkable|negative|non-?diagnostic|not\s+diagnostic|inconclusive|"
    r"within\s+normal\s+limits|no\s+(?:acute\s+)?(?:fractures?|dislocations?|abnormalit(?:y|ies)|"
    r"(?:osseous|bony)\s+(?:abnormalit(?:y|ies)|pathology|injury)|acute\s+(?:findings?|changes?|"
    r"pathology)|significant\s+(?:findings?|abnormalit(?:y|ies))))"
)
_FILMS_UNREVEALING = Caseless(
    re.compile(
        rf"\b{_FILMS}\b[^.;]{{0,80}}?\b{_UNREVEALING}\b"
        rf"|\b(?:normal|negative|unremarkable|non-?diagnostic)\s+(?:\w+\s+){{0,2}}?{_FILMS}\b",
        re.I | re.ASCII,
    )
)
# Films that gave the diagnosis: a fracture or a dislocation seen.
_FILMS_DIAGNOSTIC = Caseless(
    re.compile(
        rf"\b{_FILMS}\b[^.;]{{0,40}}?\b(?:showed|shows|revealed?|reveals|demonstrated?|demonstrates|"
        r"confirmed)\b(?:(?!\bno\b)[^.;]){0,60}?\b(?:fractures?|dislocation)\b",
        re.I | re.ASCII,
    )
)
# No films taken: "no x-rays were taken", "there were no radiographs of the knee", "has not had
# x-rays". Not "no x-ray report was provided" (films may have been taken), nor "no x-ray evidence
# of ..." (a result).
_NO_FILMS = Caseless(
    re.compile(
        rf"\b(?:no|not\s+had|never\s+had|without)\s+(?:any\s+)?(?:prior\s+|previous\s+|provided\s+)?"
        rf"{_FILMS}\b(?!\s+(?:reports?|evidence|findings|results?)\b)",
        re.I | re.ASCII,
    )
)
# Supposing, not reporting: "if plain films are nondiagnostic", "unless x-rays show ...".
_SUPPOSES = Caseless(re.compile(r"\b(?:if|unless|whether|when|until)\b", re.I | re.ASCII))


def plain_films(reader: Reader) -> None:
    """Plain films of a part taken, and whether they gave the diagnosis."""
    words = reader.words
    if _FILM_WORDS.isdisjoint(words) or reader.ur_decision:
        return
    text = reader.text
    if _SUPPOSES.search(text, reader.lowered):
        return
    for found in _FILMS_UNREVEALING.finditer(text, reader.lowered):
        add_of_part(reader, "plain_films_nondiagnostic", True, found.start(), found.end())
    for found in _FILMS_DIAGNOSTIC.finditer(text, reader.lowered):
        add_of_part(reader, "plain_films_nondiagnostic", False, found.start(), found.end())
    if not reader.planned:
        for found in _NO_FILMS.finditer(text, reader.lowered):
            add_of_part(reader, "plain_films_nondiagnostic", False, found.start(), found.end())


# A lesion the history and examination raise, as the record words the suspicion.
_SUSPECTED = (
    r"(?:rule\s+out|r/o|ruling\s+out|to\s+exclude|suspect(?:ed|s)?|suspicion\s+(?:of|for)|"
    r"concerns?\s+(?:of|for|about)|concerned\s+about|evaluat(?:e|ion)\s+(?:for|of)\s+(?:a\s+|an\s+|possible\s+)?|"
    r"assess\s+for|possible|probable|likely|questionable|consistent\s+with|suggestive\s+of|"
    r"suggesting|look(?:ing)?\s+for)"
)
_LESION = (
    r"(?:labral\s+(?:tears?|pathology|injury|lesion)|tor[en]\s+labrum|(?:avascular|aseptic)\s+"
    r"necrosis|osteonecrosis|avn|occult\s+(?:[a-z]+\s+){0,3}?(?:fractures?|fx)|stress\s+fractures?|"
    r"loose\s+bod(?:y|ies)|"
    r"osteochondral\s+(?:lesions?|defects?|injury|fracture)|osteochondritis(?:\s+dissecans)?|"
    r"internal\s+derangement|(?:meniscal|meniscus)\s+tears?|(?:rotator\s+cuff|supraspinatus|cuff)"
    r"\s+tears?|slap\s+(?:tears?|lesions?)|(?:ligament|ligamentous|tendon|biceps|triceps|ucl|acl|"
    r"extensor|flexor|"
    r"pcl|mcl|lcl|collateral\s+ligament)\s+(?:tears?|tearing|ruptures?)|(?:femoroacetabular|hip)\s+"
    r"impingement|nerve\s+entrapment)"
)
# Suspected, ruled out, or named as the working diagnosis ("diagnoses are left shoulder labral
# tear"; "there is noted internal derangement"): the study is to confirm or exclude it.
_LESION_NAMED = Caseless(
    re.compile(
        rf"\b{_SUSPECTED}\s+(?:\w+\s+){{0,3}}?(?P<lesion>{_LESION})\b|\b(?P<named>{_LESION})\b",
        re.I | re.ASCII,
    )
)
# A word every lesion's name holds (the common ones, "injury", "fracture", would let the costly
# pattern run on most sentences).
_LESION_WORDS = frozenset(
    ["labral", "labrum", "necrosis", "osteonecrosis", "avn", "occult", "stress", "loose",
     "osteochondral", "osteochondritis", "derangement", "tear", "tears", "tearing", "rupture",
     "ruptures",
     "impingement", "entrapment", "slap"]
)  # fmt: skip
# Where the clause names no part, the lesion may: a meniscus is the knee's, a cuff the shoulder's.
_PART_OF_LESION = (
    (re.compile(r"menisc", re.I), "knee"),
    (re.compile(r"rotator|supraspinatus|cuff|slap", re.I), "shoulder"),
    (re.compile(r"femoroacetabular|hip\s|femoral\s+neck|intertrochanteric|acetabul", re.I), "hip"),
)


def suspected_lesions(reader: Reader) -> None:
    """A specific lesion the record suspects, rules out or names, of a part; one it negates
    ("no examination findings to suspect a labral tear") is none suspected."""
    if _LESION_WORDS.isdisjoint(reader.words) or reader.ur_decision:
        return
    for found in _LESION_NAMED.finditer(reader.text, reader.lowered):
        group = "lesion" if found["lesion"] else "named"
        start, end = found.span(group)
        status = reader.status_at(start, end)
        if status is Status.HISTORICAL:
            continue
        if status is not Status.ABSENT:
            # "no evidence of red flag conditions to suspect ... osteonecrosis": a negation that
            # reaches past the cue window.
            status = reader.inherited(start, status)
        regions = clause_regions(reader, start, end)
        if not regions:
            regions = {part for said, part in _PART_OF_LESION if said.search(found[group] + " ")}
        stated = status is not Status.ABSENT
        if not stated and not _FILM_WORDS.isdisjoint(reader.words):
            # A film's negative result ("films: normal, no loose body") is what the films
            # showed, not that nothing is suspected.
            continue
        add_of_part(reader, "specific_lesion_suspected", stated, start, end, regions)
