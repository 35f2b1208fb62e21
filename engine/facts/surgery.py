"""Surgery: a surgery the record dates ("his surgery of 3/11/2014"), of which kind, and a surgery
that utilization review refused, whose ancillary services follow it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import timedelta

from engine.facts.figures import DATE, DATE_AFTER, date_of, weeks_in
from engine.facts.record import dated
from engine.facts.sentences import Reader, phrase_position
from engine.negation import Status
from engine.vocab import phrase_words

_SURGERY_WORDS = frozenset(
    [
        "surgery",
        "fusion",
        "acdf",
        "laminectomy",
        "discectomy",
        "microdiscectomy",
        "meniscectomy",
        "arthroscopy",
        "repair",
        "pinning",
        "arthroplasty",
        "hemiarthroplasty",
        "replacement",
        "release",
        "decompression",
        "meniscectomy",
        "reconstruction",
        "acromioplasty",
        "orif",
        "fixation",
        "arthrodesis",
        # Named by their abbreviations or by what is done: "L TKA", "arthroscopic debridement".
        "tka",
        "tkr",
        # A joint looked into and worked on through the scope, in plain words: "had her right
        # shoulder scoped on February 8th".
        "scoped",
        # The spinal fusions by approach ("L4-5 TLIF"), and the smaller decompressions.
        "tlif",
        "plif",
        "alif",
        "xlif",
        "laminotomy",
        "foraminotomy",
        "rcr",
        # Subacromial decompression: "... with SAD 04/12/17".
        "sad",
        "asad",
        "ctr",
        "apm",
        "tha",
        "thr",
        "uka",
        "debridement",
        "osteotomy",
        "tenodesis",
        "neurolysis",
        "transposition",
        "nailing",
        "operation",
        "surgical",
    ]
)
# The procedures by name: not the words that name no procedure.
_NAMED_PROCEDURE = "|".join(sorted(_SURGERY_WORDS - {"surgery", "operation", "surgical", "scoped"}))
# The same words as one alternation, for the expressions below.
# (And a long bone's nail or rod, by its two words: "IM nail 09/02/2016", "antegrade
# intramedullary rod"; a nail alone is as often a nail gun's.)
_SURGERY_NAMES = "|".join(sorted(_SURGERY_WORDS)) + r"|(?:im|intramedullary)\s+(?:nail|rod)"
_FIXATION_WORDS = frozenset(["nail", "rod"])
# A surgery UR refused outright ("non-certified by UR", "denied"); "modified" is not refused.
_SURGERY_REFUSED = re.compile(
    r"\b(?:non[\s-]?certified|not\s+certified|denied|not\s+approved|not\s+authorized"
    r"|non[\s-]?authorized|did\s+not\s+(?:certify|approve|authorize))\b",
    re.ASCII,
)
# The side and body part written between a procedure and its date: "meniscectomy L knee
# 10/29/2026".
_SIDE_SITE = (
    r"(?:\s+(?:l|r|lt|rt|left|right|bilateral|bilat|knee|shoulder|hip|wrist|elbow|ankle|hand|"
    r"foot|lumbar|cervical|thoracic|spine)){1,3}"
)
# What a note writes between a procedure and its date: what it was of, in brackets, and the
# procedures done with it ("RTC repair (supraspinatus) + SAD 07/05/2017").
# (A procedure joined may take three words where the last is a procedure's own word:
# "decompression and distal clavicle excision", not "arthroscopy and PT started". Not where the
# brackets date the procedure before another year: "arthroscopy (2009) and ...".)
_JOINED = (
    r"(?:\s*\((?![^()]*\b(?:19|20)\d\d\b)[^()]{1,30}\))?"
    # (Or a graft taken for it: "ACL reconstruction with patellar tendon autograft".)
    r"(?:\s*(?:\+|&|and|with|w/)\s*(?:[A-Za-z][\w-]{1,15}(?:\s+[A-Za-z][\w-]{1,15}){0,2}\s+"
    r"(?:excision|resection|release|repair|reconstruction|debridement|decompression|tenodesis|"
    r"acromioplasty|synovectomy|chondroplasty|meniscectomy|graft|grafting|autograft|allograft)\b"
    # (A pair told with a slash as one: "ORIF w/ plate/screws 08/16/16".)
    r"|[A-Za-z][\w-]{1,15}(?:/[A-Za-z][\w-]{1,15})?)){0,2}"
)
# "his surgery of 3/11/2014", "pinning of the right distal radius fracture on 11-9-2016", and
# the date right after the procedure, as notes write it: "meniscectomy 06/03/2026",
# "microdiscectomy (12/01/2025)", or after the fracture fixed and what it was fixed with ("ORIF R
# 5th metacarpal shaft fx (plate/screws) 12/06/2016", "... shaft fx with plate 03/29/2017").
_HARDWARE = (
    r"(?:\s+with\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:plate|plates|screws?|pins?|k-?wires?|"
    r"nail|rod)(?:\s+and\s+(?:screws?|pins?))?)?"
)
_BONES = (
    r"metacarpal|phalanx|phalangeal|radius|radial|ulna|ulnar|scaphoid|femur|femoral|tibia|"
    r"tibial|fibula|fibular|ankle|wrist|humerus|humeral|clavicle|olecranon|patella|patellar"
)
# A fracture's fixation told by its verb and hardware, then the day: "a fracture of the fifth
# metacarpal shaft, which Dr. Marchetti fixed with a plate and screws on 04/12/2017" (an
# internal fixation, of the bone the sentence names as fractured).
_FIXED_WORDS = frozenset(["fixed", "fixated", "stabilized", "stabilised", "plated", "pinned"])
_FIXED_WITH = re.compile(
    # (Not one yet to be done, or not done: "will be fixed with a plate on", "not fixed".)
    r"(?<!\bbe\s)(?<!\bnot\s)(?<!n't\s)\b(?:fixed|fixated|stabili[sz]ed|plated|pinned)\s+(?:surgically\s+)?with\s+(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:plates?|screws?|pins?|k-?wires?|nail|rod)(?:\s+and\s+(?:screws?|pins?))?"
    rf"\s+on\s+(?:{DATE})",
    re.I | re.ASCII,
)
_SURGERY_ON = re.compile(
    rf"\b(?:{_SURGERY_NAMES})\b"
    rf"(?:[^.]{{0,60}}?\b(?:on|of|dated)\s+|\s+(?:done|performed)\s+|\s*\(\s*|\s+|{_SIDE_SITE}\s+|{_JOINED}\s+"
    # (The side and part set apart by commas: "meniscectomy, L knee, 02/19/2026".)
    rf"|,{_SIDE_SITE}\s*,\s*"
    # Its date named in brackets: "ECRB release (op date 08/22/2016)".
    r"|\s*\(\s*(?:op(?:erative)?\s+date|date\s+of\s+surgery|surgery\s+date)\s*:?\s*"
    rf"|(?:\s+[\w-]+){{0,6}}?\s+(?:fx|fracture)(?:\s*\([^()]{{1,30}}\))?{_HARDWARE}\s+"
    # Or the bones it fixed, named after it: "ORIF R 4th/5th metacarpals 08/08/17".
    rf"|(?:\s+(?:l|r|lt|rt|left|right))?(?:\s+[\w/-]+){{0,3}}?\s+(?:{_BONES})s?\s+)(?:{DATE})",
    re.I | re.ASCII,
)
# A surgery under a heading of surgeries done, its date after a comma: "Surgery: L knee
# arthroscopic partial medial meniscectomy, 01/20/2026" (not a request's, a refusal's or a
# review's line, "RFA submitted: L knee arthroscopy, 11/20/2026", "Declined: ...").
_NOT_DONE_ON_THE_LINE = (
    r"(?![^.;]*\b(?:cancel\w*|postpon\w*|discuss\w*|consult\w*|wait\w*|schedul\w*|plan\w*|"
    r"declin\w*|pending|deferred|request\w*|denied|offered|recommend\w*|consider\w*)\b)"
)
_SURGERY_HEADED = re.compile(
    r"^\W*(?:surgery|surgeries|procedure|operation|surgical\s+history|s/p)\s*:\s*"
    rf"{_NOT_DONE_ON_THE_LINE}(?:[\w/-]+\s+){{0,8}}?(?:{_SURGERY_NAMES})\b[^.;:,]{{0,40}},\s*(?:{DATE})",
    re.I | re.ASCII,
)
# What was found, in a longer bracket between the surgery and its date, of a surgery the sentence
# says was done ("8 weeks s/p L arthroscopic rotator cuff repair (medium full-thickness
# supraspinatus tear) 06/03/2026"); not a bracket that tells of a plan, a decision or a visit.
_SURGERY_FINDINGS_DATED = re.compile(
    rf"\b(?:{_SURGERY_NAMES})\b\s*\((?![^()]*\b(?:(?:19|20)\d\d|planned|scheduled|booked|"
    r"pending|proposed|requested|recommended|authori[sz]ed|approved|denied|declined|deferred|"
    r"postponed|awaiting|offered|indicated|rfa|consult\w*|opinion|tentative\w*|wish\w*|wants?|"
    r"prefers?|discussed|advised|consider\w*|candidate|objected|imr|clearance|hold|not\s+yet|"
    r"to\s+be)\b)[^()]{31,60}\)\s*"
    rf"(?:{DATE})",
    re.I | re.ASCII,
)
# What it was done for, between, in a word or two: "subacromial decompression for impingement
# 02/13/2017" (not another event's date: "for a tear diagnosed 12/12/2016", "for work injury DOI
# 05/12/2015"); only where its own clause says nothing of its being yet to come
# (`surgery_for_then_dated`).
_SURGERY_FOR_THEN_DATED = re.compile(
    rf"\b(?:{_SURGERY_NAMES})\b{_JOINED}\s+for\s+(?:(?!(?:which|whom|diagnosed|doi|injury|injured|"
    rf"fall|fell|after|since|seen|noted|dated|on|in|from|found|shown)\b)[a-z-]+\s+){{1,2}}?"
    rf"(?:{DATE})",
    re.I | re.ASCII,
)
_NOT_YET_DONE = re.compile(
    r"\b(?:await\w*|pending|postponed|cancell?ed|deferred|authori[sz]\w*|request\w*|scheduled|"
    r"plans?|planned|candidate|recommend\w*|consider\w*|booked|will|would|should|to\s+be)\b",
    re.I | re.ASCII,
)
# The procedure, what it was done with, the date and the surgeon: "L ACL reconstruction with BTB
# autograft 10/20/2026 by this surgeon", "ORIF with a lateral locking plate 07/01/2017 by Dr.
# Ames".
_SURGERY_DATED_BY = re.compile(
    rf"\b(?:{_SURGERY_NAMES})\b(?:\s+[\w-]+){{0,6}}?\s+(?:{DATE})"
    r"(?=\s+by\s+(?:dr\b|this\s+surgeon|the\s+surgeon|our\s+surgeon|[a-z]+\s+surgeon))",
    re.I | re.ASCII,
)
# The surgeon before the date: "Arthroscopic partial medial meniscectomy by Dr. Feld 02/03/2026".
_SURGERY_BY_THEN_DATED = re.compile(
    rf"\b(?:{_SURGERY_NAMES})\b(?:\s+[\w-]+){{0,6}}?\s+by\s+"
    rf"(?:dr\.?\s+[a-z'-]+|this\s+surgeon|the\s+surgeon|our\s+surgeon)\s*,?\s+(?:on\s+)?(?:{DATE})",
    re.I | re.ASCII,
)
# The date of surgery's abbreviation right after the procedure, findings in brackets between
# or not: "microdiscectomy DOS: 05-22-17", "meniscectomy (bucket-handle fragment) DOS 1/22/26".
# ("DOS" is as often the date of service: not in a sentence that speaks of a visit or a note,
# "PT daily note for s/p R TKA, DOS: 03/20/2017".)
_SURGERY_THEN_DOS = re.compile(
    rf"\b(?:{_SURGERY_NAMES})\b(?:\s*\([^()]{{1,80}}\))?\s+(?:DOS|D\.O\.S\.?)\s*:?\s*(?:{DATE})",
    re.I | re.ASCII,
)
_SPEAKS_OF_A_VISIT = re.compile(
    r"\b(?:visits?|notes?|follow[\s-]?up|f/u|sessions?|re-?evals?|re-?evaluation|seen|"
    r"treatments?|service|reports?|evals?|evaluations?|encounters?|cpt|billed|billing|progress|"
    r"daily)\b",
    re.I | re.ASCII,
)
_SITE_BEFORE = re.compile(
    r"(?:\b(?:lumbar|cervical|thoracic|lumbosacral|spinal|spine|knee|shoulder|hip|wrist|elbow|"
    r"ankle|hand|foot)\s+)+$",
    re.I | re.ASCII,
)
_LEVEL_AFTER = re.compile(r"\s+(?:at\s+)?[CLT]\d(?:\s*-\s*[CLTS]?\d)?\b", re.I | re.ASCII)
# What the procedure was of, after its name: "open reduction and internal fixation of a right
# fifth metacarpal shaft fracture on 03/20/2017" (up to a date, a mark or a new clause).
_OF_AFTER = re.compile(
    r"(?:\s+and\s+internal\s+fixation)?\s+of\s+(?:(?!on\b|in\b|dated\b|with\b|for\b|by\b|at\b)"
    # (A tear's size among the words: "repair of a 2 cm full-thickness supraspinatus tear".)
    r"(?:[A-Za-z][\w'-]*|\d+(?:\.\d+)?\s*(?:cm|mm)\b)\s*){1,7}",
    re.I | re.ASCII,
)


def named_with_site(text: str, start: int, end: int) -> tuple[str, int, int]:
    """A procedure's name with the body part before it and the spinal level or what it was of
    after it: "lumbar laminectomy L5-S1", "open reduction and internal fixation of a right fifth
    metacarpal shaft fracture". A fracture's fixation named alone ("s/p ORIF L 4th and 5th
    metacarpal fx", "a fifth metacarpal shaft fracture; ORIF with plate and screws") is of the
    bone whose fracture the sentence names: the postsurgical schedule has a line per bone."""
    site = _SITE_BEFORE.search(text, 0, start)
    after = _LEVEL_AFTER.match(text, end) or _OF_AFTER.match(text, end)
    start = site.start() if site else start
    end = after.end() if after else end
    name = " ".join(text[start:end].split())
    if _FIXATION.search(name) and not _BONE_FRACTURE.search(name):
        # The bone named right after the fixation ("ORIF R 4th/5th metacarpals 08/08/17"), else
        # the one whose fracture the sentence names.
        after_bone = _BONE_AFTER.match(text, end)
        bone = after_bone[1].lower() if after_bone else fractured_bone(text)
        if bone:
            name = f"{name} of {bone} fracture"
    return name, start, end


def fractured_bone(text: str) -> str | None:
    """The bone whose fracture a sentence names: "a fifth metacarpal shaft fracture", "a
    displaced fracture of the fifth metacarpal shaft"."""
    bone = _BONE_FRACTURE.search(text) or _FRACTURE_OF_BONE.search(text)
    return bone[1].lower() if bone else None


def with_fractured_bone(surgery: str, texts: Iterable[str]) -> str | None:
    """A fixation named without its bone ("open reduction", "ORIF"), given the bone whose
    fracture another sentence of the record names: the postsurgical schedule has a line per
    bone. None where the surgery names its bone or no sentence names one."""
    if not _FIXATION.search(surgery) or fractured_bone(surgery):
        return None
    bone = next((b for b in map(fractured_bone, texts) if b), None)
    return f"{surgery} of {bone} fracture" if bone else None


_FIXATION = re.compile(
    r"\b(?:orif|open\s+reduction|fixation|pinning|intramedullary|im\s+nail\w*)\b", re.I | re.ASCII
)
_BONE_AFTER = re.compile(
    rf"\s+(?:(?:l|r|lt|rt|left|right)\s+)?(?:[\w/-]+\s+){{0,3}}?({_BONES})s?\b", re.I | re.ASCII
)
_FRACTURE_OF_BONE = re.compile(
    # (Several named: "fractures of the R 4th and 5th metacarpal shafts".)
    rf"\bfractures?\s+of\s+(?:the\s+|a\s+|his\s+|her\s+)?(?:[\w-]+\s+){{0,5}}?({_BONES})\b",
    re.I | re.ASCII,
)
_BONE_FRACTURE = re.compile(
    r"\b(metacarpal|phalanx|phalangeal|radius|radial|ulna|ulnar|scaphoid|femur|femoral|tibia|"
    r"tibial|fibula|fibular|ankle|wrist|humerus|humeral|clavicle|olecranon|patella|patellar)\b"
    r"[^.;]{0,20}?\b(?:fxs?|fractures?)\b",
    re.I | re.ASCII,
)


# The surgery named as the subject of the refusal, as summaries report an earlier review: "The
# requested surgery was previously denied due to ...", which names no reviewer.
_SURGERY_WAS_REFUSED = re.compile(
    rf"\b(?:{_SURGERY_NAMES})\b[^.,;]{{0,40}}?\b(?:(?:was|were|has\s+been|had\s+been)"
    r"\s+(?:previously\s+|also\s+)?(?:non[\s-]?certified|not\s+certified|denied|not\s+approved"
    r"|not\s+authorized|non[\s-]?authorized)"
    # "The surgery has not been authorized".
    r"|(?:has|have|had)\s+not\s+been\s+(?:certified|approved|authorized))\b",
    re.ASCII,
)


# What UR refused, named in the refusal's clause: "non-certified the requested left knee
# arthroscopy", "L shoulder arthroscopy with SAD was requested and non-certified by UR"; not
# "non-certified the CBC on 07/18/2017, noting that arthroscopic surgery has minimal blood loss".
_REFUSED_SURGERY = re.compile(
    _SURGERY_REFUSED.pattern + r"\s+(?:(?:the|a|an|his|her|requested|request|for|of)\s+){0,3}"
    r"(?:[\w/-]+\s+){0,4}?" + rf"(?:{_SURGERY_NAMES})\b"
    # (The refusal may come in a clause of its own that speaks of the surgery: "The shoulder
    # surgery, which utilization review non-certified on 3/2/17".)
    rf"|\b(?:{_SURGERY_NAMES})\b[^.,;]{{0,120}}?(?:,\s*(?:which|that)\b[^.,;]{{0,60}}?)?"
    + _SURGERY_REFUSED.pattern
    # (Or the request, then the review's decision in the clause after it: "L knee arthroscopy
    # w/ partial medial meniscectomy requested 05/16/17; UR non-certified 05/23/17".)
    + rf"|\b(?:{_SURGERY_NAMES})\b[^.;]{{0,60}}?\b(?:requested|submitted)\b[^.;]{{0,20}}?[;,]\s*"
    r"(?:ur|utilization\s+review)\s+"
    + _SURGERY_REFUSED.pattern
    # (What it refused left unnamed, or named as the surgery: not "UR non-certified the MRI".)
    + r"(?=\s*(?:on\s+)?\d|\s*[.;,(]|\s*\Z|\s+(?:it|this|the\s+(?:request|surgery|procedure))\b)",
    re.ASCII,
)
# What UR refused left unnamed ("non-certified it", "denied the request"), in a sentence that
# names the surgery: the surgery is what it refused.
_REFUSED_UNNAMED = re.compile(
    _SURGERY_REFUSED.pattern + r"\s+(?:it|this|the\s+request|this\s+request|the\s+same)\b",
    re.ASCII,
)
# A surgery authorized: "The left total knee arthroplasty was authorized on 03/28/2017", "the
# C5-6 ACDF was certified by Utilization Review".
_SURGERY_AUTHORIZED = re.compile(
    rf"\b(?:{_SURGERY_NAMES})\b[^.,;]{{0,40}}?\b(?:was|were|has\s+been|had\s+been)"
    r"\s+(?:previously\s+|also\s+)?(?:authorized|certified|approved)\b",
    re.ASCII,
)


def surgery_refused(reader: Reader) -> None:
    """What UR decided on a surgery is a fact of the record in its own right: the services that
    go with a surgery UR refused follow it (verified-from-letters: meta.ancillary_follows_surgery);
    those of a surgery authorized are judged on their own criteria."""
    if reader.words.isdisjoint(_SURGERY_WORDS):
        return
    lowered = reader.lowered
    refused = (
        (_REFUSED_SURGERY.search(lowered) or _REFUSED_UNNAMED.search(lowered))
        if reader.ur_decision
        else None
    )
    refused = refused or _SURGERY_WAS_REFUSED.search(lowered)
    authorized = _SURGERY_AUTHORIZED.search(lowered)
    # Both told ("an initial surgical request was non-certified ...; after ... failed, the
    # repair was certified and performed"): the later decision is the one that stands.
    if refused and not (authorized and authorized.start() > refused.start()):
        reader.add("procedure_certified", False, refused.start(), refused.end())
    elif authorized:
        reader.add("procedure_certified", True, authorized.start(), authorized.end())


# The procedure a surgery date belongs to ("knee arthroscopy with partial meniscectomy
# 04/22/2026": the meniscectomy). It is the surgery whose post-operative schedule runs from that
# date, so it stands as `surgery_type` over the first procedure the record names (`settle`).
DATED_SURGERY_TYPE = "~surgery_type:dated"
# Every dated surgery with its procedure, where the record dates more than one.
SURGERIES = "~surgeries"


# A surgery stated as done, before its name: "s/p rotator cuff repair on 10/31/2016,
# authorized" dates a surgery done, whatever the sentence says of its authorization.
_DONE_BEFORE = re.compile(
    r"\b(?:s/p|status\s+post|underwent|has\s+had|performed|post[\s-]?op(?:erative)?)\b"
    # The surgeon telling it in the first person: "I did an arthroscopic partial medial
    # meniscectomy on ...", "I am the surgeon who did ...".
    # (Not "I did request authorization for ...": the verb is the surgery's, its object next.)
    r"|\b(?:i|we|who)\s+(?:did\s+(?=(?:an?|the|his|her|their|mr|ms|mrs)\b)|operated\s+on\b)",
    re.I | re.ASCII,
)


# A surgery the sentence names, then the date it was done: "... decompression was authorized and
# performed on 03/06/2017" (not "will be performed on").
# Words that tell a surgery was done but not which ("surgery on 05/27/2026", "scoped", "surgical
# follow-up on 03/20/2026", "release of information dated ...").
_SAYS_NOT_WHICH = frozenset(
    ["surgery", "scoped", "surgical", "operation", "operative", "release", "procedure"]
)
_SURGERY_WORD = re.compile(rf"(?:{_SURGERY_NAMES})\b", re.I | re.ASCII)
_PERFORMED_ON = re.compile(
    rf"\b(?:{_SURGERY_NAMES})\b[^.;]{{0,80}}?(?<!\bbe\s)\b(?:performed|done|carried\s+out)"
    rf"\s+on\s+(?:{DATE})",
    re.I | re.ASCII,
)
_BOOKED_FOR = re.compile(
    rf"\b(?:(?:will|to|is\s+to)\s+be\s+(?:performed|done)|scheduled|planned|booked|set)\s+"
    rf"(?:for\s+|on\s+)?(?:{DATE})\s*\Z",
    re.I | re.ASCII,
)
# A surgery offered, proposed or declined ("Orthopedics offered arthroscopy in 2016; she
# declined"): the date after it is the offer's, and no surgery was done.
OFFERED_BEFORE = re.compile(
    r"\b(?:offered|recommended|proposed|suggested|discussed|declined|refused|considered|"
    r"considering|candidate\s+for)\s+(?:(?:an?|the|him|her|them)\s+)?(?:[\w-]+\s+){0,3}\Z",
    re.I | re.ASCII,
)
# Surgeries named by their approach alone, which say nothing of what was done through it.
_APPROACHES = frozenset(["arthroscopy", "arthroscopic surgery"])
# The date first, then that the surgery was done, then what it was: a dated entry of the
# record ("05/04/17 Operative report: arthroscopic L rotator cuff repair"), "On 05/04/17 he
# underwent ...".
_DATE_THEN_DONE = re.compile(
    rf"(?:{DATE})\s*(?:[:,-]\s*)?(?:(?:he|she|the\s+patient|patient|pt)\s+)?"
    r"(?:(?:underwent|operative\s+report|op\s+report|op\s+note)\b\s*:?|surgery\s*:"
    # "On 05/06/2026 the orthopedic surgeon performed a left knee arthroscopic ...".
    r"|(?:the\s+|his\s+|her\s+|dr\.?\s+)?(?:[\w.-]+\s+){0,3}?(?:surgeon|dr\.?\s+\w+|physician)\s+performed\b)",
    re.I | re.ASCII,
)


# The surgery marked as the one authorized, after its date: "L knee arthroscopic partial medial
# meniscectomy 05/05/2026 by Dr. Okafor (authorized)".
_MARKED_AUTHORIZED = re.compile(r"\(\s*(?:authorized|approved|certified)\s*\)", re.I | re.ASCII)


def done_as_authorized(reader: Reader, surgery: re.Match[str]) -> bool:
    """Whether the sentence's word of authorization only marks the dated surgery as authorized,
    its date before the day the note is told on: a surgery done."""
    marked = _MARKED_AUTHORIZED.search(reader.text, surgery.end())
    operated = date_of(surgery)
    told_on = reader.sentence.told_on
    return (
        marked is not None and operated is not None and told_on is not None and operated < told_on
    )


def findings_in_brackets_then_dated(text: str) -> re.Match[str] | None:
    """A surgery with what was found in a longer bracket before its date, where the sentence
    says before it that the surgery was done: "8 weeks s/p L arthroscopic rotator cuff repair
    (medium full-thickness supraspinatus tear) 06/03/2026"."""
    found = _SURGERY_FINDINGS_DATED.search(text)
    if found is None or _DONE_BEFORE.search(text, 0, found.start()) is None:
        return None
    return found


def surgery_for_then_dated(text: str) -> re.Match[str] | None:
    """A surgery dated after what it was for, where its own clause (to the semicolons around
    it) says nothing of its being yet to come: "Status post SAD for impingement 11/10/2016;
    requesting 12 post-op PT visits" (not "... 02/22/2017 was postponed")."""
    found = _SURGERY_FOR_THEN_DATED.search(text)
    if found is None:
        return None
    clause_start = text.rfind(";", 0, found.start()) + 1
    clause_end = text.find(";", found.end())
    clause = text[clause_start : clause_end if clause_end >= 0 else len(text)]
    return None if _NOT_YET_DONE.search(clause) else found


def surgery_dates(reader: Reader) -> None:
    """A surgery the record dates, and the procedure named nearest before the date. In a
    sentence that speaks of a request or an authorization, only a surgery stated as done: a
    surgery asked for on a date is not yet done."""
    words = reader.words
    fixed = not words.isdisjoint(_FIXED_WORDS)
    if words.isdisjoint(_SURGERY_WORDS) and words.isdisjoint(_FIXATION_WORDS) and not fixed:
        return
    if "procedure" in words or "procedures" in words or "operation" in words:
        procedure_heading(reader)
    text, _, has_digit = dated(reader)
    if has_digit:
        # "was authorized on 02/20/2026 and performed on 03/10/2026": the date it was done, in a
        # sentence that also speaks of its authorization.
        performed = _PERFORMED_ON.search(text)
        fixed_with = _FIXED_WITH.search(text) if fixed else None
        surgery = (
            performed
            or _SURGERY_ON.search(text)
            or _SURGERY_DATED_BY.search(text)
            or _SURGERY_BY_THEN_DATED.search(text)
            or (
                _SURGERY_THEN_DOS.search(text)
                if "dos" in reader.words and not _SPEAKS_OF_A_VISIT.search(text)
                else None
            )
            or (surgery_for_then_dated(text) if "for" in reader.words else None)
            or (findings_in_brackets_then_dated(text) if "(" in text else None)
            or _SURGERY_HEADED.search(text)
            or fixed_with
        )
        if (
            surgery
            and not performed
            and reader.asks
            and not _DONE_BEFORE.search(text, 0, surgery.start())
            and not done_as_authorized(reader, surgery)
        ):
            return
        if surgery is None:
            dated_first(reader)
            return
        # A date the surgery is booked for is not one it was done on: "scheduled for 04/27/2017",
        # "will be performed on 05/02/2026".
        if not performed and _BOOKED_FOR.search(text, surgery.start(), surgery.end()):
            return
        if not performed and OFFERED_BEFORE.search(
            text, max(0, surgery.start() - 60), surgery.start()
        ):
            return
        operated = date_of(surgery) if surgery else None
        told_on = reader.sentence.told_on
        if operated and told_on and operated > told_on:
            # A day still to come when the note is written is the day it is booked for: "Right
            # carpal tunnel release on 06/24/17" in a note of 06/07/17.
            return
        if surgery and operated:
            reader.add("surgery_date", operated, surgery.start(), surgery.end())
            reader.add("prior_surgery", True, surgery.start(), surgery.end())
            # The procedure named nearest before the date; where that is only the approach
            # ("R shoulder arthroscopy on 5/16/17 with subacromial decompression and ..."), the
            # procedure done through it, named after, whose post-operative line it is.
            named = [
                (at, match[1])
                for match in reader.findings.surgery_pattern.finditer(reader.plain, words)
                if (at := phrase_position(reader.lowered, match[1]))
            ]
            before = [at for at, _ in named if at[0] < surgery.end()]
            done_through = [
                at
                for at, phrase in named
                if at[0] >= surgery.end() and phrase.strip() not in _APPROACHES
            ]
            chosen = before[-1] if before else None
            if done_through and (
                chosen is None or text[chosen[0] : chosen[1]].lower() in _APPROACHES
            ):
                # Named only after the date ("had her right shoulder scoped on February 8th:
                # arthroscopic subacromial decompression"), or through the approach before it.
                chosen = done_through[0]
            if (
                chosen is None
                and (word := _SURGERY_WORD.match(text, surgery.start()))
                and word[0].lower() not in _SAYS_NOT_WHICH
            ):
                # A surgery the vocabulary does not name ("L modified Brostrom lateral ligament
                # reconstruction 05/27/2026"): the word that dates it, which no line of the
                # postsurgical schedule takes, so it is an unlisted surgery.
                kind = named_with_site(text, *word.span())
                reader.add(UNNAMED_SURGERY_TYPE, kind[0], kind[1], kind[2])
            if chosen is not None:
                kind = named_with_site(text, *chosen)
                reader.add(DATED_SURGERY_TYPE, kind[0], kind[1], kind[2])
            elif surgery is fixed_with and (bone := fractured_bone(text)):
                reader.add(
                    DATED_SURGERY_TYPE,
                    f"internal fixation of {bone} fracture",
                    surgery.start(),
                    surgery.end(),
                )


# The operative report's date, with the surgery it reports told after it: "Per Dr. O.'s
# operative report of 05/05/2026, the applicant underwent left knee arthroscopic partial medial
# meniscectomy" (the report is written the day of the surgery).
_OPERATIVE_REPORT_OF = re.compile(
    rf"\b(?:operative|op|surgical)\s+(?:report|note)\s+(?:of|dated|from|on)\s+(?:{DATE})"
    r"(?=[^.]{0,80}?\b(?:underwent|performed|had)\b)",
    re.I | re.ASCII,
)
# The date of surgery as notes head it: "DOS 03/05/2026: arthroscopic partial medial
# meniscectomy".
# ("DOS" is as often the date of service: not where a visit follows, "DOS 03/05/2026: follow-up,
# s/p ...".)
_DATE_OF_SURGERY = re.compile(
    rf"\b(?:dos|date\s+of\s+surgery|surgery\s+date)\s*:?\s*(?:{DATE})"
    r"(?!\s*:?\s*(?:f/u|follow|s/p|status\s+post|post[\s-]?op|visit|office|recheck|re-?eval))",
    re.I | re.ASCII,
)


# The day of surgery as a field of a record's line of fields set apart by bars: "POST-OP VISIT
# #2 | 09/27/2017 | DOI: 03/13/2017 | Surgery: 09/06/2017". The procedure is told on a line of
# its own ("PROCEDURE: R shoulder arthroscopy, ...", `procedure_heading`).
# Only in the heading line of a post-operative visit, with no word of the surgery's being yet to
# come ("| Surgery: 10/12/2017 | Authorization: pending"), and not after the visit's own date,
# the line's first: a past history's line ("PMH | Cholecystectomy | Surgery: 05/10/2009") is no
# post-operative visit's.
_SURGERY_FIELD = re.compile(
    rf"\|\s*(?:surgery|date\s+of\s+surgery|surgery\s+date)\s*:\s*(?:{DATE})\s*(?=\||\Z)",
    re.I | re.ASCII,
)
_POST_OPERATIVE_VISIT = re.compile(
    r"^\W*(?:post[\s-]?op(?:erative)?)\b(?![^|]*\|[^\n]*(?:cancel|pending|postpon|plann|"
    r"schedul|book|propos|auth|request|defer|abort|convert))",
    re.I | re.ASCII,
)


def dated_first(reader: Reader) -> None:
    """A surgery done on a date written before it: the procedure named first after the word
    that says it was done (the procedure done through an approach before the approach)."""
    done = (
        _DATE_THEN_DONE.search(reader.text)
        or _OPERATIVE_REPORT_OF.search(reader.text)
        or _DATE_OF_SURGERY.search(reader.text)
    )
    operated = date_of(done) if done else None
    if done is None and "|" in reader.text and _POST_OPERATIVE_VISIT.match(reader.text):
        field = _SURGERY_FIELD.search(reader.text.rstrip())
        day = date_of(field) if field else None
        told_on = reader.sentence.told_on
        first = DATE_AFTER.search(reader.text)
        seen_on = (
            date_of(first)
            if first is not None and field and first.start() < field.start()
            else None
        )
        if (
            field
            and day
            and (told_on is None or day <= told_on)
            and (seen_on is None or day <= seen_on)
        ):
            reader.add("surgery_date", day, field.start(), field.end())
            reader.add("prior_surgery", True, field.start(), field.end())
        return
    if done is None or operated is None:
        return
    chosen = procedure_done(reader, done.end())
    if chosen is None:
        return
    reader.add("surgery_date", operated, done.start(), done.end())
    reader.add("prior_surgery", True, done.start(), done.end())
    kind = named_with_site(reader.text, *chosen)
    reader.add(DATED_SURGERY_TYPE, kind[0], kind[1], kind[2])


def procedure_done(reader: Reader, after: int = 0) -> tuple[int, int] | None:
    """Where the sentence names the procedure done, after `after`: the first named as done or
    past, and of those the first that is no approach alone ("arthroscopy")."""
    named = [
        (at, match[1])
        for match in reader.findings.surgery_pattern.finditer(reader.plain, reader.words)
        if (at := phrase_position(reader.lowered, match[1]))
        and at[0] >= after
        and reader.phrase_status(match[1]) in (Status.PRESENT, Status.HISTORICAL)
    ]
    if not named:
        return None
    return next((at for at, p in named if p.strip() not in _APPROACHES), named[0][0])


# An operative report's line of the procedure done: "Procedure: ORIF L 4th metacarpal with two lag
# screws", "Procedures performed: L knee arthroscopic partial lateral meniscectomy".
_PROCEDURE_HEADING = re.compile(
    r"^\W*(?:procedures?|operations?)(?:\s+(?:performed|done))?\s*:\s*", re.I | re.ASCII
)


# A procedure line of what is to come or was not done: "Procedure: right total knee arthroplasty
# (proposed)", "Operation: none to date; lumbar fusion recommended".
_NOT_DONE_WORDS = frozenset(
    ["proposed", "pending", "planned", "recommended", "scheduled", "requested", "none", "not",
     "no", "consider", "considering", "candidate", "authorization", "future",
     # ("Procedure: R shoulder arthroscopy, SAD - the patient wishes to wait until spring",
     # "...; surgery date TBD", "- deferred until cleared by cardiology".)
     "wait", "waiting", "wishes", "will", "if", "tbd", "deferred", "defer", "schedule",
     "rescheduled", "proceed", "consented", "until", "once"]
)  # fmt: skip


_NEGATIONS = frozenset(["no", "not", "none"])
# What the surgery left undone, in brackets, by the parts of a surgery: "(no repair)", "(no
# hardware)"; not the surgery itself undone, "(not done)", "(no auth)", "(no show)".
_LEFT_UNDONE = re.compile(
    r"\(\s*(?:no|without)\s+(?:(?:cuff|tendon|labral|meniscal|bone)\s+)?(?:repair|hardware|fusion|"
    r"instrumentation|graft|drain|implants?|anchors?|tenodesis|reconstruction|transfusion|"
    r"complications)\s*\)",
    re.ASCII,
)


def procedure_heading(reader: Reader) -> None:
    """The procedure an operative report's heading names, as the type of a surgery told
    without its date on the line (the report's date stands elsewhere): only where no sentence
    names a dated one (`settle`)."""
    heading = _PROCEDURE_HEADING.match(reader.text)
    if heading is None:
        return
    stops = reader.words & _NOT_DONE_WORDS
    if stops and stops <= _NEGATIONS and "(" in reader.text:
        # A negation in brackets is of what the surgery left undone beside it: "debridement of a
        # partial-thickness supraspinatus tear (no repair)" (not "(proposed)", which says the
        # surgery is still to come).
        outside = _LEFT_UNDONE.sub(" ", reader.lowered)
        stops = _NOT_DONE_WORDS.intersection(phrase_words(outside))
    if stops:
        return
    chosen = procedure_done(reader, heading.end())
    if chosen is not None:
        kind = named_with_site(reader.text, *chosen)
        reader.add(UNNAMED_SURGERY_TYPE, kind[0], kind[1], kind[2])


# The surgery told by the time since it, as notes count it ("POD 12", "6 weeks post-op", "s/p
# R knee APM 3 weeks ago"): dated back from the day the note is told. Read apart from a surgery
# the record dates (`surgery_date` stands over it in `settle`), of which it is a reckoning.
ELAPSED_SURGERY_DATE = "~surgery_date:elapsed"
ELAPSED_SURGERY_TYPE = "~surgery_type:elapsed"
# A dated surgery the vocabulary does not name, by the word that dates it: the type only where
# the record names no surgery at all (`settle`).
UNNAMED_SURGERY_TYPE = "~surgery_type:unnamed"
_SINCE_WORDS = frozenset(
    ["pod", "post", "op", "postop", "postoperative", "post-op", "p", "status", "ago", "after",
     "following", "since", "from", "out"]
)  # fmt: skip
_UNIT = r"(?P<unit>days?|weeks?|wks?|months?|mos?)"
# (Not "procedure": an injection is one. "S/p" says a surgery only with one named after it: "3
# months status post MVA", "s/p fall" name none.)
_OPERATION = rf"(?:surgery|operation|{_SURGERY_NAMES})"
_ELAPSED = re.compile(
    # "POD 12", "post-op day #5".
    r"\b(?:pod|post[\s-]?op(?:erative)?\s+day)\s*#?\s*(?P<days>\d{1,3})\b"
    # "6 weeks post-op", "10 days out from surgery", "8 wks after his ACDF", "3 months s/p
    # L4-5 fusion".
    rf"|\b(?P<n>\d{{1,2}})\s*{_UNIT}\s+(?:post[\s-]?op(?:erative(?:ly)?)?\b|"
    rf"(?:s/p|status\s+post|out\s+from|after|since|following)\s+(?:(?:his|her|the|a|an)\s+)?"
    rf"(?:[\w/-]+\s+){{0,5}}?{_OPERATION}\b)"
    # "S/p R knee arthroscopic partial medial meniscectomy, three weeks out" (a surgery named
    # before it, `surgery_elapsed`; not "out of work", "out from the injury").
    rf"|\b(?P<n3>\d{{1,2}})\s*(?P<unit3>days?|weeks?|wks?|months?|mos?)\s+out\b(?!\s+(?:of|from)\b)"
    # "s/p L knee APM 3 weeks ago".
    rf"|\b(?:s/p|status\s+post)\s(?=[^.;]{{0,60}}?\b{_OPERATION}\b)[^.;]{{0,80}}?\b(?P<n2>\d{{1,2}})\s*"
    r"(?P<unit2>days?|weeks?|wks?|months?|mos?)\s+ago\b"
    # The procedure named right before the time since it, only what it was done with between:
    # "L knee arthroscopic partial lateral meniscectomy nine days ago", "ORIF with plate and
    # screws eighteen days ago", "carpal tunnel release performed 3 weeks ago" (not "surgery",
    # which names none; nor "arthroscopy sutures removed 10 days ago", "meniscectomy was
    # approved 3 weeks ago").
    rf"|\b(?:{_NAMED_PROCEDURE})\b(?:\s+(?:with|using)\s+(?:[\w-]+\s+){{0,3}}?(?:plates?|screws?|"
    r"anchors?|pins?|k-?wires?|wires?|nails?|rods?|grafts?|implants?|cages?|hardware))?\s+"
    r"(?:(?:was|were)\s+(?:done|performed)\s+|(?:done|performed)\s+)?"
    r"(?P<n4>\d{1,2})\s*(?P<unit4>days?|weeks?|wks?|months?|mos?)\s+ago\b",
    re.I | re.ASCII,
)
# What a surgery told with the time since it came to, right after: "Right rotator cuff repair 3
# weeks ago was denied by UR", "Total knee arthroplasty 3 weeks ago for his wife".
_UNDONE_AFTER = re.compile(
    r"\s*(?:was|were|is|has\s+been|had\s+been)\s+(?:denied|cancel\w*|postpone\w*|not\b|aborted|"
    r"deferred|non-?certified|declined|refused)|\s+for\s+(?:his|her)\s+(?:wife|husband|spouse|"
    r"mother|father|son|daughter|partner)\b",
    re.I | re.ASCII,
)
# The people a surgery may be told of other than the patient ("his wife's knee replacement").
RELATIVES = (
    r"wife|husband|spouse|mother|father|son|daughter|brother|sister|co-?worker|partner|friend"
)
# Words around a surgery named with the time since it that tell it was not done then: "was
# offered arthroscopy two weeks ago", "surgery was discussed 3 weeks ago".
_NOT_DONE_THEN = re.compile(
    r"\b(?:offered|recommended|discussed|considered|proposed|scheduled|requested|denied|"
    r"awaiting|candidate|consult\w*|referr\w*|declined|refused|advised|about|regarding|"
    rf"approved|certified|authorized|cancel\w*|postponed|{RELATIVES}|aborted|postpone\w*)\b"
    r"|\bno\b|n't\b",
    re.I | re.ASCII,
)
# The surgery's word right after the time since it, in its clause.
_SURGERY_WORD_AFTER = re.compile(rf"[^.;]{{0,80}}?\b({_SURGERY_NAMES})\b", re.I | re.ASCII)
# A post-operative day told with its operation, as a note's clause opens on it: "POD 10 after
# L4-5 microdiscectomy" (not "anticipate discharge POD 2 after the meniscectomy", "staples out
# POD 14 after ...", "POD 3 after the knee cortisone injection").
_DAY_OF_SURGERY = re.compile(
    rf"\s+(?:after|following|s/p|status\s+post|from)\s+(?:(?:his|her|the|a|an)\s+)?"
    rf"(?:[\w/-]+\s+){{0,4}}?{_OPERATION}\b",
    re.I | re.ASCII,
)
_CLAUSE_OPENS = re.compile(r"(?:^|[.;:,(]|\b(?:is|now|today|currently))\s*\Z", re.I | re.ASCII)
# The surgery done, right before the time since it in the same clause: "S/p R knee arthroscopic
# partial medial meniscectomy, three weeks out" (not "awaiting meniscectomy; 4 weeks out", "s/p
# meniscectomy 2014; 6 months out now with new injury", "s/p CTR 2024; now 3 weeks out after the
# knee steroid injection").
_OPERATION_NAMED = re.compile(
    rf"\b(?:s/p|status\s+post)\s+(?:(?:his|her|the|a|an)\s+)?(?:[\w/-]+\s+){{0,6}}?{_OPERATION}\b"
    r"[^.;\d]{0,20}?,\s*(?:now\s+|about\s+|approximately\s+)?\Z",
    re.I | re.ASCII,
)
# Words that tell the surgery between "s/p" and its name is yet to come, or the time is since
# another event: "4 weeks s/p injury with torn meniscus awaiting arthroscopy", "4 weeks after
# the fall down the stairs awaiting ORIF".
_NOT_THE_SURGERY = re.compile(
    r"\b(?:awaiting|await|scheduled|planned|pending|injury|injured|fall|fell|possible|recommended|"
    r"candidate|consult\w*|referr\w*|evaluation|for|denied|authorized|mva|accident)\b",
    re.I | re.ASCII,
)
# The time since told as where the patient is now: "He is now 8 weeks after his ACDF", "two weeks
# post-op today", or as a note heads it ("POD 12: sling off", "Six weeks post-op: out of the
# splint"); not an event's time in a narrative ("Six months post-op she returned to work", "She
# fell 3 weeks after surgery", "NWB 6 weeks postop then advance").
_NOW_BEFORE = re.compile(
    r"\b(?:is|are|now|currently|presently|today|he's|she's)\s+(?:\w+\s+){0,2}\Z", re.I | re.ASCII
)
_NOW_AFTER = re.compile(
    r"\s*(?:\(\w+\)\s*)?(?:[:;,.]|$|today\b|now\b|currently\b)", re.I | re.ASCII
)
# A time in a protocol or plan, not the time since: "PT to start at 6 weeks post-op", "PT to
# begin POD 14", "sling until 4 weeks post-op", "visits within 6 months after surgery"; or the
# time of another event ("PT started 2 weeks post-op", "re-injured 6 weeks after the surgery").
_PROTOCOL_BEFORE = re.compile(
    r"\b(?:at|until|till|by|before|through|thru|to|for|within|over|first|next|up\s+to|"
    r"beyond|past|than|on|x|\w+ed|fell|went|came|began|got|felt|took|left|broke|tore|hurt|"
    r"ran|saw|had|was|were|begin|begins|start|starts|resume|resumes)\s+"
    r"(?:about\s+|approximately\s+|~\s*)?\Z",
    re.I | re.ASCII,
)


def surgery_elapsed(reader: Reader) -> None:
    """A surgery told by the time since it, dated from the day the sentence is told on."""
    told_on = reader.sentence.told_on
    if told_on is None or reader.words.isdisjoint(_SINCE_WORDS) or reader.planned:
        return
    if not reader.counts:
        return
    text = reader.figures
    if any(r.name == "surgery_date" for r in reader.found):
        return
    for found in _ELAPSED.finditer(text):
        if _PROTOCOL_BEFORE.search(text, max(0, found.start() - 20), found.start()):
            continue
        if _NOT_THE_SURGERY.search(found[0]):
            continue
        if found["n3"] and (
            not _OPERATION_NAMED.search(text, max(0, found.start() - 120), found.start())
            or not _NOW_AFTER.match(text, found.end())
        ):
            continue
        if found["n4"] and (
            _NOT_DONE_THEN.search(text, max(0, found.start() - 60), found.end())
            or _UNDONE_AFTER.match(text, found.end())
            or reader.status_at(found.start(), found.start("n4")) is Status.ABSENT
        ):
            continue
        if not (
            found["n2"]
            or found["n3"]
            or found["n4"]
            # A post-operative day told with its surgery, opening its clause, is the time now
            # ("POD 10 after L4-5 microdiscectomy"; not "PT to begin POD 14").
            or (
                found["days"]
                and _DAY_OF_SURGERY.match(text, found.end())
                and _CLAUSE_OPENS.search(text, max(0, found.start() - 12), found.start())
            )
            or _NOW_BEFORE.search(text, max(0, found.start() - 30), found.start())
            or _NOW_AFTER.match(text, found.end())
        ):
            continue
        if found["days"]:
            days = int(found["days"])
        else:
            count, unit = next(
                (found[f"n{i}"], found[f"unit{i}"]) for i in ("", "2", "3", "4") if found[f"n{i}"]
            )
            days = 7 * weeks_in(int(count), unit) if unit[0].lower() in "wm" else int(count)
        reader.add(ELAPSED_SURGERY_DATE, told_on - timedelta(days=days), found.start(), found.end())
        reader.add("prior_surgery", True, found.start(), found.end())
        chosen = procedure_done(reader)
        if chosen is not None:
            kind = named_with_site(reader.text, *chosen)
            reader.add(ELAPSED_SURGERY_TYPE, kind[0], kind[1], kind[2])
        elif (word := _SURGERY_WORD_AFTER.search(reader.text, found.start())) is not None and (
            word[1].lower() not in _SAYS_NOT_WHICH
        ):
            # A surgery the vocabulary does not name, after the time since it ("POD 21 after
            # arthroscopic repair of a full-thickness supraspinatus tear"): as a dated one is.
            kind = named_with_site(reader.text, *word.span(1))
            reader.add(UNNAMED_SURGERY_TYPE, kind[0], kind[1], kind[2])
        return
