"""Medications: opioid use, named by the drug or as "on chronic opioids" (opioid criteria,
monitoring and weaning, apply to a patient who takes them); the daily dose in morphine
equivalents; and what a medication or equipment request says of itself beside the drugs taken
(an NSAID under a PPI, a second NSAID, a compound's formula, a unit to buy).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from engine.facts.figures import DATE, DATE_AFTER, MONTH_YEAR_AFTER, date_of, month_of
from engine.facts.findings import Findings
from engine.facts.model import Fact
from engine.facts.record import dated
from engine.facts.sentences import Reader, Reading, phrase_position, sentence_text
from engine.models import Request
from engine.negation import Status
from engine.vocab import normalize_phrase

# What the sentences say of drugs (written by `composite.composite_mentions`, read here and in
# `item`): a drug taken, started now, none taken, named in any way, named only as planned, asked
# for without a word of going on; a refill asked for of some drug.
DRUG_TAKEN = "~drug:taken:"
DRUG_FIRST = "~drug:first:"
DRUG_NONE = "~drug:none"
DRUG_NAMED = "~drug:named:"
DRUG_PLANNED = "~drug:planned:"
DRUG_ASKED = "~drug:asked:"
DRUG_REFILL = "~drug:refill"
# A drug the note stops or switches from: "stop ibuprofen, start naproxen", "switch from
# ibuprofen to naproxen".
DRUG_STOPPED = "~drug:stopped:"
_STOP_WORDS = frozenset(
    ["stop", "stopping", "discontinue", "discontinuing", "d", "switch", "switching", "switched",
     "change", "changing", "changed", "instead", "replace", "replacing"]
)  # fmt: skip
_STOP_HEDGED = frozenset(
    ["not", "if", "only", "unless", "but", "continues", "continue", "want", "wants", "abruptly"]
)
_STOPS_DRUG = re.compile(
    r"\b(?:stop|stopping|discontinue|discontinuing|d/c|(?:switch(?:ed|ing)?|chang(?:e|ed|ing))"
    r"\s+(?:him\s+|her\s+)?from|instead\s+of|replac(?:e|ing))\s+(?:the\s+|his\s+|her\s+)?"
    r"([a-z][a-z-]+)",
    re.I | re.ASCII,
)
# A class of drugs said not to have been taken, or prescribed now for the first time: "This is
# his first NSAID prescription on the claim", "He has had no NSAID on this claim", "never taken a
# muscle relaxant". A drug of that class asked for is then a first prescription (`item`).
DRUG_CLASS_NEW = "~drug:class_new:"

# The analgesics the opioid guideline asks to be tried before opioids, by the names a drug taken
# is read under (generic and common brands).
NON_OPIOID_ANALGESICS = frozenset(
    ["acetaminophen", "tylenol", "paracetamol", "ibuprofen", "motrin", "advil", "naproxen",
     "naprosyn", "anaprox", "aleve", "meloxicam", "mobic", "diclofenac", "voltaren", "celecoxib",
     "celebrex", "nabumetone", "relafen", "etodolac", "lodine", "ketorolac", "toradol",
     "indomethacin", "piroxicam", "oxaprozin", "daypro", "nsaid", "nsaids"]
)  # fmt: skip
_OPIOID_WORDS = frozenset(["opioid", "opioids", "opiate", "opiates", "narcotic", "narcotics"])
# "has been on chronic opioid treatment": opioid use without a drug's name.
_ON_OPIOIDS = re.compile(
    r"\bon\s+(?:chronic\s+|long[- ]term\s+)?(?:opioids?|opiates?|narcotics?)\b", re.I | re.ASCII
)
# The visit told as one of opioid maintenance: "OPIOID MAINTENANCE VISIT (face-to-face)".
_OPIOID_MAINTENANCE = re.compile(
    r"\b(?:opioid|opiate|narcotic)\s+maintenance\s+(?:visit|follow[\s-]?up|f/u|appointment)\b",
    re.I | re.ASCII,
)
_WEIGHED_WORDS = frozenset(["consider", "considering", "if", "may", "might", "possible"])
# Opioids denied as a class of drug taken: "no opioids ever prescribed on this claim", "not on
# opioids", "has never been prescribed narcotics", "takes no opioid medication", "opioid-naive".
# Not "no opioid agreement", "no early refills of opioids": what follows the class must be the
# drug itself, the end of the clause, or when.
_NO_OPIOIDS = re.compile(
    r"\b(?:(?:no|not\s+on|not\s+taking|never\s+(?:been\s+)?(?:on|prescribed|given|taken|used|"
    r"took|had)|denies|takes\s+no|uses\s+no)\s+(?:any\s+)?(?:prior\s+|previous\s+)?"
    r"(?:chronic\s+|long[- ]term\s+)?"
    r"(?:opioids?|opiates?|narcotics?)(?:\s+(?:medications?|analgesics?|pain\s+medications?|"
    r"therapy|use))?(?=\s*(?:[,.;:)]|$|ever\b|prescribed\b|on\s+this\b|at\s+(?:this|any|"
    r"present)\b|since\b|currently\b|now\b|and\b|or\b))|opioid[\s-]naive)",
    re.I | re.ASCII,
)


# "Off hydrocodone since day 5", "tapered off tramadol", "stopped Norco": a drug no longer taken.
_STOPPED_BEFORE = re.compile(
    r"\b(?:off(?:\s+of)?|weaned\s+(?:off|from)|tapered\s+(?:off|from)|stopped|discontinued|quit|"
    r"no\s+longer\s+(?:takes|taking|on|uses|using|needs))\s+(?:(?:taking|using)\s+)?"
    r"(?:(?:all|his|her|the)\s+)?\Z",
    re.I | re.ASCII,
)

# A lower dose the drug was tapered to, in the same clause: "tapered from Norco 5/325 q4h to one
# or two a day", "weaned from oxycodone 10 mg QID to 5 mg BID".
_DOWN_TO = re.compile(
    r"[^.;,]{0,40}?\bto\s+(?:[1-9]|one|two|three|four|half|a\s+(?:day|night)|bid|tid|qd|qhs|daily|"
    r"once|twice|q\d|prn|as\s+needed|at\s+(?:night|bedtime)|nightly|only)\b"
    # (Not tapered to another drug, nor on to none: "to twice-daily naproxen", "to one Tylenol
    # a day", "to 2 per day, then stopped completely in 2016".)
    r"(?![^.;]{0,15}\b(?:naproxen|ibuprofen|tylenol|acetaminophen|nsaids?|meloxicam|celecoxib|"
    r"gabapentin)\b)(?![^.;]{0,60}\b(?:stopped|discontinued|off|none|zero)\b)",
    re.I | re.ASCII,
)

# "Norco was discontinued in May", "tramadol has been stopped": the same, said after the drug;
# notes drop the verb ("Norco discontinued 04/2017 after taper", "tramadol d/c'd").
_STOPPED_AFTER = re.compile(
    r"[^.;,]{0,25}?\b(?:(?:was|were|has\s+been|had\s+been|is)\s+)?(?:since\s+)?"
    r"(?:discontinued|stopped|tapered\s+off|weaned\s+off|d/c'?d)\b",
    re.I | re.ASCII,
)


# The state's record of controlled prescriptions showing none: "the CURES report showed no
# controlled prescriptions" (not "no other controlled prescriptions", beside the one taken).
_NO_CONTROLLED = re.compile(
    r"\bno\s+controlled[\s-]+(?:substance\s+)?(?:prescriptions|medications|substances|drugs)\b",
    re.I | re.ASCII,
)


_CLASS_WORDS = frozenset(
    ["nsaid", "nsaids", "anti", "antiinflammatory", "antiinflammatories", "relaxant",
     "relaxants", "opioid", "opioids", "antidepressant", "antidepressants", "aed", "aeds",
     "anticonvulsant", "anticonvulsants", "tca", "tcas"]
)  # fmt: skip
# The class a class word names ("no antidepressant or AED trial to date").
_CLASS_OF_WORD = (
    (("nsaid", "anti-inf", "anti inf", "antiinf"), "nsaid"),
    (("muscle",), "muscle_relaxant"),
    (("opioid",), "opioid"),
    (("antidepress", "tca", "tricyclic"), "antidepressant"),
    (("aed", "anticonvuls", "anti-epilep", "antiepilep"), "anticonvulsant"),
)
_CLASS_NEW = re.compile(
    r"\b(?:first|no|(?:has|have|had)\s+(?:had|taken|tried|used)\s+no|takes\s+no|"
    r"(?:never|not)\s+(?:been\s+(?:on|prescribed|given)|had|taken|tried|used|received)"
    r"(?:\s+(?:an?|any))?)\s+(?:prior\s+|previous\s+|prescription\s+)?"
    r"(?P<kind>nsaids?|anti[\s-]?inflammator(?:y|ies)|muscle\s+relaxants?|opioids?|"
    r"antidepressants?|tricyclics?|tcas?|aeds?|anticonvulsants?|anti[\s-]?epilep(?:tics?|sy\s+drugs?))"
    # A second class after "or": "no antidepressant or AED trial to date".
    r"(?:\s+(?:or|and|nor)\s+(?P<kind2>nsaids?|muscle\s+relaxants?|opioids?|antidepressants?|"
    r"tricyclics?|tcas?|aeds?|anticonvulsants?))?\b"
    # Not what goes with the class: "no opioid agreement", "no NSAID side effects".
    r"(?!\s+(?:agreements?|contracts?|risk|screen\w*|refills?|side|intolerance|allerg\w*|"
    r"contraindications?))",
    re.I | re.ASCII,
)


def drugs_stopped(reader: Reader) -> None:
    """The drugs a sentence stops or switches from, by their names."""
    if reader.words.isdisjoint(_STOP_WORDS) or not reader.words.isdisjoint(_STOP_HEDGED):
        return  # (not "told not to stop ibuprofen", "stop it only if", "does not want to stop")
    for stopped in _STOPS_DRUG.finditer(reader.text):
        drug = reader.findings.drug_name.get(stopped[1].lower())
        if drug is not None:
            reader.add(f"{DRUG_STOPPED}{drug}", True, stopped.start(), stopped.end())


def class_not_taken(reader: Reader) -> None:
    """A class of drugs not yet taken, or started now: the first of its class."""
    if _CLASS_WORDS.isdisjoint(reader.words) or reader.ur_decision:
        return
    for found in _CLASS_NEW.finditer(reader.text):
        for kind in filter(None, (found["kind"], found["kind2"])):
            spoken = " ".join(kind.lower().split())
            drug_class = next(
                (named for starts, named in _CLASS_OF_WORD if spoken.startswith(starts)), None
            )
            if drug_class is not None:
                reader.add(f"{DRUG_CLASS_NEW}{drug_class}", True, *found.span())


def opioid_use(reader: Reader) -> None:
    """Opioids taken. A drug asked for, planned or decided on is not yet a drug taken; a drug
    named only as not taken ("Tramadol has not been tried"), or as stopped ("off hydrocodone
    since day 5"), is no use of it. Opioids denied as a class ("no opioids ever prescribed") are
    no opioid use; one drug not taken says nothing of the others."""
    words = reader.words
    denied = None
    opioid_words = not words.isdisjoint(_OPIOID_WORDS)
    if opioid_words:
        denied = _NO_OPIOIDS.search(reader.text)
        if denied:
            reader.add("opioid_use", False, denied.start(), denied.end())
    if not denied and "controlled" in words and (none := _NO_CONTROLLED.search(reader.text)):
        reader.add("opioid_use", False, none.start(), none.end())
    opioids_named = [m[1] for m in reader.findings.opioid_pattern.finditer(reader.plain, words)]
    # What follows reads an opioid named or the words of opioids: most sentences hold neither.
    if not opioids_named and not opioid_words:
        return

    def stopped(phrase: str) -> bool:
        at = phrase_position(reader.lowered, phrase)
        if at is None:
            return False
        before = _STOPPED_BEFORE.search(reader.text, 0, at[0])
        if before is not None:
            # Tapered from one dose to a lower one: still taken.
            return not (
                before[0].lower().rstrip().endswith("from")
                and _DOWN_TO.match(reader.text, at[1]) is not None
            )
        return _STOPPED_AFTER.match(reader.text, at[1]) is not None

    # Each opioid named as given, with whether the sentence says it was stopped: its status and
    # where it stands are worked out once for both readings below.
    given = [
        (status, stopped(phrase))
        for phrase in opioids_named
        if (status := reader.phrase_status(phrase)) not in (Status.ABSENT, Status.POSSIBLE)
    ]
    # An opioid stopped ("has stopped taking tramadol", "She has discontinued Norco") is one no
    # longer taken: without another opioid taken, no opioid use. One taken elsewhere in the
    # record outweighs it, as a true reading outweighs a false.
    if not reader.asks and any(status is Status.PRESENT and halted for status, halted in given):
        reader.add("opioid_use", False)
    # A request to go on with an opioid ("Request for authorization: Continue Norco 10/325")
    # asks for one already taken.
    # (The same of a plan's heading: "A/P: 30-day trial tramadol 50 mg q8h PRN" starts one;
    # "Plan: continue Norco" goes on with one taken.)
    asks = reader.asks or (
        reader.under_plan_heading and not words.isdisjoint(_START_WORDS) and "since" not in words
    )
    continued = (
        asks
        and not words.isdisjoint(_CONTINUE_WORDS)
        and any(
            (at := phrase_position(reader.lowered, phrase)) is not None
            and _CONTINUE_BEFORE.search(reader.text, max(0, at[0] - 16), at[0]) is not None
            for phrase in opioids_named
        )
    )
    if (
        any(not halted for _, halted in given)
        or (
            not denied
            and not words.isdisjoint(_OPIOID_WORDS)
            and (
                ("on" in words and _ON_OPIOIDS.search(reader.text))
                # (Not one weighed: "Consider chronic opioid therapy if the trial helps".)
                # (A note's own words: a letter quotes the guideline's headings, "Maintenance
                # of Chronic Opioid Treatment".)
                or (
                    reader.sentence.source == "note"
                    and not reader.planned
                    and words.isdisjoint(_WEIGHED_WORDS)
                    and _OPIOID_MAINTENANCE.search(reader.text)
                )
            )
        )
    ) and (not asks or continued):
        reader.add("opioid_use", True)


_START_WORDS = frozenset(["trial", "start", "starting", "begin", "initiate", "initiating"])
_CONTINUE_WORDS = frozenset(["continue", "cont", "refill", "renew", "resume"])
_CONTINUE_BEFORE = re.compile(
    r"\b(?:continue|cont\.?|refill|renew|resume)\s+(?:(?:with|on|the|his|her)\s+)?\Z",
    re.I | re.ASCII,
)


# Drug classes named as such ("NSAIDs"): a class taken says nothing of which drug it is.
_CLASS_NAMES = frozenset(["nsaid", "nsaids", "muscle relaxant", "muscle relaxants"])
# The words of a compound named without its drugs ("compounded cream").
_COMPOUND_WORDS = frozenset(
    ["compound", "compounded", "cream", "creams", "medication", "topical", "lotion", "gel",
     "ointment"]
)  # fmt: skip
# A request for equipment to buy, and for equipment only tried or rented (CPMTG TENS: a unit is
# bought only after a one-month trial that helped).
_PURCHASE_WORDS = frozenset(["purchase", "purchased", "buy", "bought"])
_TRIAL_WORDS = frozenset(["rental", "rent", "rented", "trial", "loaner"])
_AFTER_A_TRIAL = re.compile(
    r"\b(?:after|following|post)\s+(?:an?\s+|the\s+|successful\s+|\d+[\s-]*(?:day|month)\s+)*"
    r"(?:home\s+)?(?:rental|trial)",
    re.I | re.ASCII,
)
# The request itself as the source of what it says of itself.
AS_REQUESTED = None


# A request worded as a step down of the dose.
_WEAN_WORDS = frozenset(["reduction", "taper", "tapering", "tapered", "wean", "weaning"])
# "(reduced from 20 mg q8h)", "decreased from QID", "step down to BID".
_STEPPED_DOWN = re.compile(
    r"(?<!not\s)\b(?:reduced|decreased|lowered|stepped\s+down|step\s+down)\s+(?:from|to)\s+"
    r"(?:\d+(?:\.\d+)?\s*(?:mg|mcg)|bid|tid|qid|q\s?\d+\s?h|#\s*\d+|\d+\s+(?:tabs?|tablets)\b)",
    re.I | re.ASCII,
)


# An NSAID asked for that the sentence says was authorized, and nothing of its denial or of
# another person's.
_AUTHORIZED = re.compile(r"\b(?:authori[sz]ed|certified|approved)\b", re.I | re.ASCII)
_NOT_AUTHORIZED = re.compile(
    r"\b(?:not\s+(?:been\s+)?(?:authori[sz]ed|certified|approved|filled|prescribed)|non-?certified|"
    r"denied|never|husband|wife|mother|father|son|daughter|coworker|prior|previous)\b",
    re.I | re.ASCII,
)


def authorized_now(read: Fact | Reading) -> bool:
    """Whether the sentence of a drug asked for tells it was authorized (and no denial)."""
    text = sentence_text(read)
    return _AUTHORIZED.search(text) is not None and _NOT_AUTHORIZED.search(text) is None


def request_drug_facts(
    request: Request, by_name: Mapping[str, Fact | Reading], findings: Findings
) -> list[tuple[str, Any, Fact | Reading | None]]:
    """What a medication or equipment request says of itself, and what the drugs taken say of
    it: an NSAID taken, for a PPI or H2 blocker (CPMTG NSAIDs, GI symptoms and cardiovascular
    risk); another NSAID taken beside the one asked for (a duplicate NSAID); a compound's
    formula (a compound with one drug not recommended is not recommended); whether equipment
    is to be bought. Each with its source: a drug-use reading, or `AS_REQUESTED`."""
    found: list[tuple[str, Any, Fact | Reading | None]] = []
    medication = request.medication
    if medication is not None:
        asked = normalize_phrase(medication.drug).strip()
        asked = findings.drug_name.get(asked, asked)
        nsaids_taken = [
            (key[len(DRUG_TAKEN) :], fact)
            for key, fact in by_name.items()
            if key.startswith(DRUG_TAKEN)
            and findings.drug_class.get(key[len(DRUG_TAKEN) :]) == "nsaid"
        ]
        # An NSAID started now or planned with the PPI ("Starting naproxen 375 mg BID ... add
        # omeprazole while on the NSAID", "Plan: naproxen 375 mg BID x 2 wks, with omeprazole"),
        # or asked for and authorized ("naproxen 500 mg BID x 30 days was authorized"), is one
        # prescribed with the request (not one asked for and denied, never filled, or another's).
        nsaids_started = [
            fact
            for key, fact in by_name.items()
            for prefix in (DRUG_FIRST, DRUG_PLANNED, DRUG_ASKED)
            if key.startswith(prefix)
            and findings.drug_class.get(key[len(prefix) :]) == "nsaid"
            and (prefix != DRUG_ASKED or authorized_now(fact))
        ]
        if medication.drug_class in ("ppi", "h2_blocker"):
            if nsaids_taken:
                found.append(("nsaid_use", True, nsaids_taken[0][1]))
            elif nsaids_started:
                found.append(("nsaid_use", True, nsaids_started[0]))
            elif DRUG_NONE in by_name:
                found.append(("nsaid_use", False, by_name[DRUG_NONE]))
        elif medication.drug_class == "nsaid":
            other = next(
                (
                    f
                    for name, f in nsaids_taken
                    if name != asked
                    and name not in _CLASS_NAMES
                    # (Not one the plan stops for it: "stop ibuprofen, start naproxen".)
                    and f"{DRUG_STOPPED}{name}" not in by_name
                ),
                None,
            )
            if other is not None:
                found.append(("other_nsaid_in_use", True, other))
        if medication.drug_class == "opioid" and (
            not _WEAN_WORDS.isdisjoint(normalize_phrase(request.text).split())
            or _STEPPED_DOWN.search(request.text) is not None
        ):
            # An opioid asked for as a step down ("15 mg TID (dose reduction from QID)", "taper
            # to BID"): the request is the wean attempt the maintenance criteria ask for.
            found.append(("opioid_wean_attempted", True, AS_REQUESTED))
        if medication.drug_class == "compounded" or len(medication.ingredients) > 1:
            # "Compounded cream" names no drug: the formula is then undocumented.
            named = [
                drug
                for drug in medication.ingredients or [medication.drug]
                if not set(normalize_phrase(drug).split()) <= _COMPOUND_WORDS
            ]
            if named:
                formula = ", ".join(with_strength(drug, request.text) for drug in named)
                found.append(("compound_formula", formula, AS_REQUESTED))
    if request.service.category == "dme":
        words = set(normalize_phrase(request.text).split())
        # A purchase asked for after the trial it names ("TENS unit purchase after 30-day
        # rental trial") is a purchase.
        # (Not a rental asked for with a purchase to follow it: "TENS unit 30-day rental;
        # purchase after successful trial".)
        after_trial = _AFTER_A_TRIAL.search(request.text)
        bought_after_trial = (
            after_trial is not None
            and not words.isdisjoint(_PURCHASE_WORDS)
            and _TRIAL_WORDS.isdisjoint(
                normalize_phrase(request.text[: after_trial.start()]).split()
            )
        )
        if not words.isdisjoint(_TRIAL_WORDS) and not bought_after_trial:
            found.append(("dme_purchase", False, AS_REQUESTED))
        elif not words.isdisjoint(_PURCHASE_WORDS):
            found.append(("dme_purchase", True, AS_REQUESTED))
    return found


def with_strength(drug: str, written: str) -> str:
    """The drug as the formula gives it, with the strength written right after its name
    ("flurbiprofen 10%"): the formula is the drugs and how much of each."""
    words = r"\W+".join(re.escape(word) for word in drug.split())
    strength = re.search(rf"\b{words}\W*?(\d+(?:\.\d+)?\s*%)", written, re.I | re.ASCII)
    return f"{drug} {''.join(strength[1].split())}" if strength else drug


# "MED 120 mg", "a morphine equivalent dose of 90 mg/day", "MME: 60", "200 mg/day morphine
# equivalent". A figure after a word of comparison ("above 80 mg MED", "less than 50 MME") is a
# threshold a guideline sets, not this patient's dose.
_MED_AFTER = re.compile(
    r"\b(?:MED|MME|MEDD|[Mm]orphine[\s-]+(?:milligram[\s-]+)?equivalen(?:t|ce)"
    r"(?:\s+(?:daily\s+)?dos(?:e|age|ing))?)"
    r"(?:\s*\((?:MED|MME|MEDD)\))?\s*(?:of|is|was|at|=|:|totals?|totaling)?\s*"
    r"(?:approximately\s+|about\s+|~\s*)?(\d{1,4}(?:\.\d+)?)(?!\s*%)",
    re.ASCII,
)
_MED_BEFORE = re.compile(
    r"(?<![\w.])(\d{1,4}(?:\.\d+)?)\s*(?:mg|milligrams?)?\s*(?:/\s*d(?:ay)?|per\s+day|daily)?\s*"
    r"(?:MED|MME|MEDD|[Mm]orphine[\s-]+equivalen(?:t|ce))\b",
    re.ASCII,
)
_THRESHOLD = re.compile(
    r"(?:\b(?:above|over|exceed\w*|greater\s+than|more\s+than|less\s+than|below|under|than|to)"
    r"|[<>])\s*$",
    re.I | re.ASCII,
)
_MED_WORDS = frozenset(["med", "mme", "medd", "morphine"])


def morphine_equivalent_dose(reader: Reader) -> None:
    """The daily opioid dose in morphine equivalents, as the record states it (the 2016 opioid
    guideline's 80 mg line, the 2009 CPMTG's 120 mg line)."""
    if reader.words.isdisjoint(_MED_WORDS):
        return
    text = reader.text
    for pattern in (_MED_AFTER, _MED_BEFORE):
        for match in pattern.finditer(text):
            if _THRESHOLD.search(text[max(0, match.start() - 20) : match.start()]):
                continue
            dose = float(match[1])
            if 0 < dose <= 2000:
                reader.add("morphine_equivalent_dose_mg", dose, match.start(), match.end())
                if not reader.planned and not reader.asks:
                    # A daily dose in morphine equivalents is worked out from the opioids taken.
                    reader.add("opioid_use", True, match.start(), match.end())
                return


# A drug test the record dates: "Last UDT 03/08/2016 consistent", "urine drug screen on
# 1/5/17", "UDS 02/2017 c/w prescribed meds". Each date is one test; how many fall in the 12
# months before the request is what the 2016 opioid guideline's frequency is judged by
# (`drug_tests_past_year`, derived).
DRUG_TEST_DATE = "~drug_test:"
_DRUG_TEST_WORDS = frozenset(["udt", "udts", "uds", "urine", "tox", "toxicology", "tested"])
_DRUG_TEST = re.compile(
    r"\b(?:UDTs?|UDSs?|urine\s+(?:drug\s+)?(?:screens?|tests?|tox(?:icology)?)(?:\s+screens?)?|"
    r"urine\s+drug\s+screening|tox(?:icology)?\s+screens?"
    # The test told by its verb and its drug-test result: "He was last tested on 03/07/2017,
    # with results consistent".
    # (A colon before the date only after "Last": "Last UDT: 3/14/2017", not "Next UDT: 1/15/2027".)
    # (Or under the tests' history: "UDT HISTORY: 01/09/2017 consistent".)
    r"|tested(?=[^.;]{0,60}?\bconsistent\b))\b(?:\s*,|(?<=\bLast\sUD[TS])\s*:|\s+(?:history|hx)\s*:)?"
    r"\s*(?:was\s+|were\s+)?"
    r"(?:(?:done|performed|collected|obtained|dated|on|from|of|in)\s+)?(?:on\s+)?\(?",
    re.I | re.ASCII,
)
# A date that opens the sentence and stands right before the test, as a record's dated entry.
_ENTRY_DATE = re.compile(r"\W*(?:" + DATE + r")\s*[-:]?\s*\Z", re.I | re.ASCII)
# The next test in a list of them: "UDS 1/5/17 and again on 6/2/17", "UDTs 3/1/16, 9/12/16".
_AND_AGAIN = re.compile(r"\s*(?:,|;|\band\b|&)\s*(?:again\s+)?(?:on\s+)?", re.I | re.ASCII)


def drug_test_dates(reader: Reader) -> None:
    """The dates of the drug tests the record reports done, each written right after the test
    ("UDT 03/08/2016", "urine drug screen on 1/5/17", "UDS 02/2017"). A test planned or asked
    for is not yet done."""
    if reader.words.isdisjoint(_DRUG_TEST_WORDS) or reader.planned or reader.asks:
        return
    # "Her last urine test was on the second of March": a day told in words is read as one in
    # figures.
    text, _, has_digit = dated(reader)
    if not has_digit:
        return
    for test in _DRUG_TEST.finditer(text):
        # A dated entry of the record that is the test: "06/08/2016 UDS: consistent".
        heading = _ENTRY_DATE.match(text[: test.start()]) if test.start() else None
        day = date_of(heading) if heading else None
        if heading and day:
            reader.add(f"{DRUG_TEST_DATE}{day.isoformat()}", True, heading.start(), test.end())
            continue
        at = test.end()
        while True:
            exact = DATE_AFTER.match(text, at)
            day = date_of(exact) if exact else None
            if day is None:
                exact = MONTH_YEAR_AFTER.match(text, at)
                day = month_of(exact) if exact else None
            if day is None or exact is None:
                break
            reader.add(f"{DRUG_TEST_DATE}{day.isoformat()}", True, test.start(), exact.end())
            further = _AND_AGAIN.match(text, exact.end())
            if further is None:
                break
            at = further.end()
