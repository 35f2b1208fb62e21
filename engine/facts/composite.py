"""What a sentence says toward the facts that take more than one sentence: conservative care
tried and symptoms persisting, a procedure planned, how long symptoms have lasted, and, where an
item asks for them, drugs taken, comorbidities and rehabilitation planned. One scan of the
sentence serves all of them, since the phrase lists are the main cost.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from engine.facts.figures import (
    MONTHS,
    first_date_after,
    latest_on_or_before,
    weeks_in,
    with_figures,
)
from engine.facts.findings import Findings, PhraseMatch
from engine.facts.medications import (
    DRUG_ASKED,
    DRUG_FIRST,
    DRUG_NAMED,
    DRUG_NONE,
    DRUG_PLANNED,
    DRUG_REFILL,
    DRUG_TAKEN,
)
from engine.facts.sentences import (
    ANOTHERS_WORDS,
    DONE_WORDS,
    OF_PATIENT,
    RECORD_WORDS,
    REQUEST_WORDS,
    THIS_DRUG,
    Reader,
    Reading,
    Sentence,
    modified_work,
)
from engine.negation import Status

_SILENT_RECORD = RECORD_WORDS | frozenset(["discussion", "discussed", "documented", "noted"])
# The readers of item facts, read only where an item calls for them (`readers_needed`).
_NEEDED_FOR = {
    "drug_current": "drugs",
    "drug_none": "drugs",
    "drug_first": "drugs",
    "drug_started": "drugs",
    "comorbidity": "comorbidities",
    "programs": "rehabilitation",
    "rehab_planned": "rehabilitation",
}
_REFERRAL_WORDS = frozenset(
    ["referral", "refer", "referred", "consult", "consultation", "evaluation", "see", "surgeon"]
)
_SURGEON_SAYS = re.compile(
    r" surgeon (?:documented|documents|recommends|recommended|would|will|plans|planned|feels|"
    r"believes|noted|notes|states|stated|discussed|discusses|offered|offers|indicated|indicates|"
    r"considers|considered|wants|is considering|has recommended|has offered) ",
    re.ASCII,
)
_COAGULATION_TEST = re.compile(r" pt (?:ptt|inr) ", re.ASCII)
# Care authorized or ordered and not begun, right after the care named (the normalised sentence).
_NOT_BEGUN = re.compile(
    r" (?:was|were|has been|have been|had been) (?:authorized|approved|certified|prescribed|"
    r"ordered|recommended|scheduled) but (?:he|she|they|the patient|patient) "
    r"(?:(?:has|have|had) not|hasn t|haven t|hadn t) (?:yet )?(?:started|begun|attended|gone|had)\b",
    re.ASCII,
)
# What a referral is for, just before the procedure it names (over the normalised sentence).
_TO_WEIGH = re.compile(
    r" (?:to discuss|to consider|consideration of|to evaluate (?:him |her |them |the patient )?for|"
    r"evaluation for|evaluate for) (?:a |an |the |possible |surgical )?\Z",
    re.ASCII,
)
_IF_SHOWN = re.compile(
    r"\bif\s+(?:\w+\s+){0,4}?(?:confirmed|shown|seen|found|present|positive|demonstrated"
    # "if the scan shows a torn meniscus", "if the MRI confirms it".
    r"|shows|show|reveals|confirms|demonstrates)\b"
    # "would be considered depending on the study", "depending on the MRI findings".
    r"|\bdepending\s+(?:on|upon)\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:study|studies|mri|ct|scan|imaging|"
    r"findings|results?|emg|ncv|ncs)\b",
    re.I | re.ASCII,
)
_CONDITION_WORDS = frozenset(["if", "depending"])
# The patient turning the operation down: "Orthopedics offered arthroscopy in 2016; she declined
# and has said again that she does not want surgery". ACOEM's test is a patient "who would
# consider surgery": one who declines it is not considering it.
_DECLINE_WORDS = frozenset(
    ["declined", "declines", "refused", "refuses", "want", "interested", "avoid"]
)
_DECLINED = re.compile(
    # Declined with the operation as its object, or with none after it ("she declined and ...");
    # not "declined injections".
    r"\b(?:declined|declines|refused|refuses)(?:\s+(?:the|an?|any|further))?"
    r"(?=\s*(?:[.;,]|$)|\s+(?:surgery|surgical|an?\s+operation|operative|it|this|that|and|but)\b)"
    r"|\b(?:does|did)\s+not\s+want\s+(?:any\s+)?(?:surgery|an?\s+operation|surgical)\b"
    r"|\b(?:not|no\s+longer)\s+interested\s+in\s+(?:surgery|an?\s+operation|surgical)\b"
    # "He prefers to avoid surgery", "wants to avoid an operation".
    # ("He'd do anything to avoid surgery".)
    r"|\b(?:prefers?|preferring|wants?|wishes|would\s+(?:like|rather)|hopes?|hoping|"
    r"(?:d|would|will)\s+do\s+(?:anything|everything|whatever\s+(?:he|she)\s+can))\s+to\s+avoid\s+"
    r"(?:any\s+)?(?:surgery|an?\s+operation|surgical)\b"
    r"(?![^.;]{0,60}?\b(?:but|would\s+consider|will\s+(?:proceed|consider)|if)\b)",
    re.I | re.ASCII,
)
# Symptoms the record says persist through the care given (`letter_facts`).
PERSISTING = "~care:persisting"
# "since 03/02/2016", "since at least March 2016", "since ~Oct 2016": where the date begins
# (`date_at` reads it: a day, a month and year, a month in shorthand).
_SINCE = re.compile(
    r"\bsince\s+(?:(?:at\s+least|about|around|approximately|approx\.?)\s+|~\s*)?", re.I | re.ASCII
)
_SINCE_YEAR = re.compile(
    r"\bsince\s+(?:(?P<part>early|mid|late)[\s-]+)?(?P<year>(?:19|20)\d\d)\b(?![/-]\d)",
    re.I | re.ASCII,
)
_PART_OF_YEAR_MONTH = {"early": 2, "mid": 7, "late": 11}
# A month's name alone ("since about July"): the latest such month up to the day the sentence is
# told on, from its middle.
_SINCE_MONTH = re.compile(
    r"\bsince\s+(?:(?:about|around|approximately|early|mid|late|last)[\s-]+)?"
    rf"(?P<month>{'|'.join(sorted((m for m in MONTHS if len(m) > 3), key=len, reverse=True))})\b"
    r"(?!\.?\s*(?:\d|of\b|(?:19|20)\d\d|twenty|two\s+thousand))",
    re.I | re.ASCII,
)
_DOSE_JUST_BEFORE = re.compile(
    r"\b(?:\d+(?:\.\d+)?\s*(?:mg|mcg)|tabs?|tablets?|caps?|bid|tid|qid|qhs|qd|daily|nightly|prn|"
    r"q\s?\d+\s?h|at\s+bedtime|"
    # (How often right after the dose: "50 mg every night", not "wakes up every night".)
    r"(?:mg|mcg|tabs?|tablets?|caps?|capsules?)\s+(?:po\s+)?every\s+(?:night|day|evening|morning))\W*\Z",
    re.I | re.ASCII,
)
# "for 3 months", and as notes shorten it, "x 4 months", "x6 wks".
_TAKEN_FOR = re.compile(
    r"(?:\bfor\s+(?:about\s+|approximately\s+|over\s+|at\s+least\s+)?|\bx\s*)"
    r"(\d{1,2})\s*(weeks?|wks?|months?|mos?|years?|yrs?)\b",
    re.I | re.ASCII,
)
_ONSET_WORDS = frozenset(["year", "years", "month", "months", "week", "weeks"])
# "symptoms for 2 years", "first noticed pain ... about 3 years ago"
_ONSET = re.compile(
    r"\bfor\s+(?:the\s+(?:past|last)\s+)?(?:about\s+|approximately\s+|over\s+|more\s+than\s+"
    r"|at\s+least\s+)?(\d{1,2}|several|many)\s+(years?|months?)\b"
    r"|\b(?:about\s+|approximately\s+|over\s+|more\s+than\s+)?(\d{1,2}|several|many)\s+"
    r"(years?|months?|weeks?)\s+ago\b"
    # A note's shorthand after the symptom: "R hand numbness thumb-index-middle x 5 months".
    r"|\b(?:pain|numbness|tingling|symptoms|sx|complaints)\b[^.;,]{0,30}?\bx\s*(\d{1,2})\s*"
    r"(years?|months?)\b",
    re.I | re.ASCII,
)


# Words of a sentence that tells of a drug as not taken now: tried before, stopped, refused.
_NOT_TAKEN_NOW = frozenset(
    ["tried", "failed", "stopped", "discontinued", "previously", "prior", "past", "history",
     "hx", "formerly", "held", "intolerant", "declined", "refused", "weaned", "off", "denied",
     "allergic", "allergy", "allergies", "trial", "d", "c"]
)  # fmt: skip
# The answer right after a word of going on that takes it back: "has taken none since".
_ANSWERED_NONE = re.compile(r" (?:no|none|nothing)\b")
# How a medication list writes a drug's dose and schedule, right after its name.
_DOSE_WORDS = frozenset(
    ["mg", "mcg", "bid", "tid", "qid", "qd", "daily", "prn", "qhs", "hs", "nightly", "q4h",
     "q6h", "q8h", "q12h", "er", "sr", "cr", "xr", "ir", "patch", "tab", "tabs", "tablet"]
)  # fmt: skip


# A request or a review's decision names the drug asked for, whether taken or new: the words
# of a request that are not those of a plan, and the request's own names.
_ASKING_WORDS = (
    REQUEST_WORDS - {"plan", "planned", "recommended", "recommending", "prescribed"}
) | {"authorization", "rfa", "refill", "refills"}


# A word of going on right after a drug in a plan: "Plan: topical diclofenac unchanged", "stay on
# it as before".
_GOES_ON_AFTER = re.compile(
    r"[^;,.]{0,40}?\b(?:unchanged|ongoing|as\s+before|same\s+as|still|renewed)\b",
    re.I | re.ASCII,
)


# Care told by the date it began, right after it: "neutral-wrist night splint since February
# 2016", "splints since 07/2016" (not care awaited or stopped: "waiting for physical therapy since
# October", "off medication since 2019", nor care named after the word: "worse since PT ended").
_MONTH_OPENING = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
_SINCE_A_DATE = re.compile(
    # (When it is taken may come between: "wrist splint at night since 6th March 2017"; not
    # another word, "PT on hold since May".)
    r" (?:(?:at )?(?:night|nightly|daily|bedtime|work) |(?:qhs|bid|tid|prn|regularly) )?"
    rf"since (?:about |around |approximately |early |mid |late )?(?:\d|{_MONTH_OPENING}[a-z]* )",
    re.ASCII,
)
_NOT_GIVEN_BEFORE = frozenset(
    ["waiting", "awaiting", "pending", "for", "off", "no", "not", "without", "scheduled",
     "requested", "authorized", "approved", "denied", "declined", "refused", "stopped"]
)  # fmt: skip


# Or a heading of the date the care listed after it began: "Since early November: night wrist
# splint, ibuprofen 400 mg three times a day, and moved off the line to packing" (not care
# awaited, planned, refused or stopped under it: "Since June: waiting for PT", "Since 3/1: PT on
# hold", "Since 11/3: PT to start next week", "Since 9/15: ibuprofen not tolerated, never took
# it"; "off" there is as often work moved off as care stopped).
_SINCE_HEADING = re.compile(
    r"\W*since\s+(?:about\s+|around\s+|early\s+|mid-?\s*|late\s+)?"
    rf"(?:\d{{1,2}}/\d{{1,4}}(?:/\d{{2,4}})?|{_MONTH_OPENING}[a-z]*\.?(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?)"
    r"\s*:",
    re.I | re.ASCII,
)
_NOT_GIVEN_UNDER = _NOT_GIVEN_BEFORE - {"for", "off"} | {
    "hold", "held", "wait", "deferred", "referred", "referral", "never", "planned", "ordered",
    "recommended", "start", "starts", "begin", "begins", "intolerant", "tolerated", "cancelled",
    "canceled", "waitlist", "delayed", "review", "suggested", "offered", "considered",
}  # fmt: skip


def care_since_a_date(plain: str, match: PhraseMatch) -> bool:
    """Whether care named at `match` is told as given since a date written right after it."""
    return _SINCE_A_DATE.match(plain, match.end(1)) is not None and _NOT_GIVEN_BEFORE.isdisjoint(
        plain[: match.start(1)].split()[-3:]
    )


def dosed(plain: str, end: int) -> bool:
    """Whether a drug named at `end` of the plain words has its dose or schedule next to it."""
    following = plain[end:].split(maxsplit=2)[:2]
    return bool(following) and (following[0].isdigit() or following[0] in _DOSE_WORDS)


def just_given(before: list[str], cues: tuple[tuple[str, ...], ...]) -> bool:
    """Whether the words before a drug end with a cue that it was just given."""
    return any(tuple(before[-len(cue) :]) == cue for cue in cues)


_REFILL_WORDS = frozenset(["refill", "refills", "renew", "renewal"])
_NO_REFILL = re.compile(
    r" (?:no|without|zero|0) (?:early )?refills? "
    # Refills the note says it has not asked for: "I have not asked for refills until I see".
    # (Not early ones, the behaviour the opioid criteria watch for: "has not requested refills
    # early".)
    r"| not (?:ask|asked|asking|request|requested|requesting) (?:for )?(?:any )?refills? (?!early )",
    re.ASCII,
)
# The treating physician starting the drug, with no earlier date after it: "The physician started
# nortriptyline at bedtime and planned to reassess in four weeks" is the note's own prescription,
# a first one; "was started on it in 03/2015" is a drug taken.
_PHYSICIAN_STARTED = re.compile(
    r"(?:physician|provider|doctor|surgeon|dr [a-z]+|md|np|pa) (?:has |then )?"
    r"(?:started|initiated|began)(?: (?:him|her|the patient) on)? $",
    re.ASCII,
)
_STARTED_WORDS = frozenset(["started", "initiated", "began"])
_STARTS_NOW_WORDS = frozenset(["starts", "adds", "begins", "prescribing"])
# The verb opening the note's sentence, or after the prescriber; or the writer's own order today,
# "I am prescribing the Lidoderm 5% patch" (what the plan gives, as above).
_WRITER_STARTS = re.compile(
    r"(?:^ ?|(?:physician|provider|doctor|surgeon|dr [a-z]+|md|np|pa) )(?:starts|adds|begins)"
    r"(?: (?:him|her|the patient) on)?(?: low dose)? $"
    r"|\b(?:i am|i m|we are) prescribing(?: (?:him|her|the patient))?(?: the| a)? $",
    re.ASCII,
)
# A date (a day with its year, a month and year, a year), not a strength or a score ("10/325",
# "8/10").
_A_DATE = re.compile(
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{1,2}/(?:19|20)\d\d\b|\b(?:19|20)\d\d\b", re.ASCII
)
# Words of a drug taken now and then, or of a maybe: the present tense is then a habit.
_HABIT_WORDS = frozenset(
    ["when", "whenever", "if", "again", "flare", "flares", "flaring", "bad", "prn", "needed",
     "sometimes", "occasionally", "may", "might"]
)  # fmt: skip
_DATED_AFTER = re.compile(
    r"(?: [\w/]+){0,6}? (?:in|on|since|ago|last|back|from) (?:[a-z]+ )?(?:\d|19|20)", re.ASCII
)
_NOW_WORDS = frozenset(["now", "currently", "presently", "still"])
_TITLES = frozenset(["mr", "ms", "mrs", "miss"])
# A course told with its year, which is over: "Flexeril 10-day course in 2015, helped".
# (Only the course's own dose or length between: not another drug's, "Norco 10/325 BID, course in
# 2015 of Percocet".)
_PAST_COURSE = re.compile(
    r"(?: (?:\d+|mg|mcg|a|one|two|three|four|five|six|seven|ten|short|brief|day|days|week|weeks|"
    r"wk|wks|month|months)){0,3} course (?:in|back in|during) (?:[a-z]+ )?(?:19|20)\d\d ",
    re.ASCII,
)
# A drug given "as a four-week trial" (its dose and times between): the trial is the first
# course, after which the drug is judged on what it did (the guideline's trial periods). Not
# one dated before now: "started gabapentin in March as a trial".
_AS_A_TRIAL = re.compile(
    r"(?: (?!(?:in|on|since|ago|last|from|back|years?|months?|weeks?)\b)[\w/]+){0,6}? "
    r"as an? (?:[a-z0-9]+ ){0,2}trial ",
    re.ASCII,
)


def trial_in_its_clause(text: str, drug: str) -> bool:
    """Whether "as a trial" follows the drug in its own clause, not after a stop or a semicolon
    that ends it: "after failed trials of gabapentin and nortriptyline; patch as a trial" starts
    the patch, not the drugs that failed."""
    named = r"\W+".join(re.escape(word) for word in drug.split())
    return (
        re.search(
            rf"\b{named}\b[^;:.()]*?\bas\s+an?\s+(?:[\w-]+\s+){{0,2}}trial\b", text, re.I | re.ASCII
        )
        is not None
    )


_GOING_ON_WORDS = frozenset(
    ["refill", "refills", "renew", "renewal", "continue", "continued", "continuing", "cont",
     "ongoing", "maintain", "maintenance"]
)  # fmt: skip


# A sentence of the record that names symptoms and plans and asks nothing
# (`symptoms_named`). Whether it states them is worked out only for a letter that needs it
# (`symptoms_stated`): the negation scopes are the costly part, and one sentence that states
# them is enough.
SYMPTOMS_NAMED = "~symptoms:named"


def symptoms_named(sentence: Sentence, findings: Findings, plans: bool) -> list[Reading]:
    """A sentence that may tell of symptoms the patient has now ("c/o constant R leg pain",
    "numbness in the thumb and index"): it names them, and plans and asks nothing."""
    if plans or findings.care_symptoms.isdisjoint(sentence.words):
        return []
    if sentence.source == "rationale" and not OF_PATIENT.search(sentence.text):
        return []
    return [Reading(SYMPTOMS_NAMED, True, sentence, 0, None)]


def symptoms_stated(named: list[Reading], findings: Findings) -> bool:
    """Whether one of the sentences that name symptoms (`symptoms_named`) states that this
    patient has them: with care the record says was given, and no word that it helped, they
    are what the care left (`conservative_care_failed`)."""
    for reading in named:
        sentence = reading.sentence
        reader = Reader(sentence, findings)
        for word in findings.care_symptoms.intersection(sentence.words):
            if reader.stated_status(word) is Status.PRESENT:
                return True
    return False


def since_date(text: str, told_on: date | None) -> tuple[date, int, int] | None:
    """The first date a sentence says something has gone on since, with where its words begin
    and end; a "since then" later in the sentence points back to it ("trouble sleeping since ~Oct
    2016, taking diphenhydramine nightly since then")."""
    dated = first_date_after(_SINCE.finditer(text), text, told_on)
    if dated is not None:
        return dated
    # A month alone, right after the drug's dose or how often it is taken, as for a year alone
    # below: "diphenhydramine 50 mg every night since about July".
    month = _SINCE_MONTH.search(text)
    if (
        month is not None
        and told_on is not None
        and _DOSE_JUST_BEFORE.search(text, max(0, month.start() - 30), month.start())
    ):
        named = MONTHS[month["month"].lower()]
        # (The month the sentence is told in from its first day: "since early December" on
        # December 5th is days, not a year.)
        begun = (
            date(told_on.year, named, 1)
            if named == told_on.month
            else latest_on_or_before(named, 15, told_on)
        )
        if begun is not None:
            return begun, month.start(), month.end()
    # A year alone, as records date a long-taken drug ("oxycodone 15 mg QID since 2015", "since
    # mid-2015"): the middle of the year, or of its part told.
    year = _SINCE_YEAR.search(text)
    if (
        year is None
        or (told_on is not None and int(year["year"]) > told_on.year)
        # Only right after the drug's dose or how often it is taken, in its clause: not "has
        # worked as a welder since 2009 and takes Norco", "no other opioids since 2015".
        or not _DOSE_JUST_BEFORE.search(text, max(0, year.start() - 30), year.start())
    ):
        return None
    month = _PART_OF_YEAR_MONTH.get((year["part"] or "").lower(), 7)
    return date(int(year["year"]), month, 1), year.start(), year.end()


# The plan words that only date something by a procedure ahead or behind it, and the words that
# tell care as given.
_BEFORE_THE_PROCEDURE = frozenset(["prior to the injection", "prior to surgery", "before surgery"])
_TOLD_DONE_WORDS = DONE_WORDS | {"did"}
# (Only where the sentence opens on it: "needs medical clearance before surgery" plans one.)
_OPENS_BEFORE_SURGERY = re.compile(
    r"\W*(?:before|prior\s+to)\s+(?:the\s+)?(?:surgery|injection)\b", re.I | re.ASCII
)


def composite_mentions(
    sentence: Sentence,
    findings: Findings,
    phrase_status: Callable[[str], Status | None],
    planned: bool,
    needs: frozenset[str],
    asks: bool = False,
) -> list[Reading]:
    """What a sentence says toward the facts that take more than one sentence: conservative
    care given and symptoms persisting, a procedure planned, how long the symptoms have lasted;
    and, where an item asks for them (`needs`), a drug taken, a comorbidity, rehabilitation
    planned. Internal facts (`~...`)."""
    plain, words, text = sentence.plain, sentence.words, sentence.text
    named = symptoms_named(sentence, findings, planned or asks)
    if not needs and findings.composite_anchors.isdisjoint(words):
        return named
    if " pt " in plain:
        # "PT/PTT" is a blood test, not physical therapy.
        plain = _COAGULATION_TEST.sub(" coagulation ", plain)
        words = frozenset(plain.split())
    # One scan for every reader's phrases; each reader then checks its cue words, the cheap
    # part, and works out the statuses of its phrases (the negation scopes) only where a cue is.
    of: dict[str, list[re.Match[str] | PhraseMatch]] = {}
    for match in findings.composite.finditer(plain, words):
        for kind in findings.composite_kinds[match[1]]:
            if kind not in _NEEDED_FOR or _NEEDED_FOR[kind] in needs:
                of.setdefault(kind, []).append(match)
    if not of:
        return named
    # Care authorized and not begun ("physical therapy was authorized but he has not yet started
    # it") is care not yet tried, whatever the cue words around it say.
    not_begun = {m[1] for m in of.get("care", ()) if _NOT_BEGUN.match(plain, m.end(1))}
    if not_begun:
        stated_status = phrase_status

        def phrase_status(phrase: str) -> Status | None:
            return Status.ABSENT if phrase in not_begun else stated_status(phrase)

    found: list[Reading] = named

    def add(name: str, value: Any, start: int = 0, end: int | None = None) -> None:
        found.append(Reading(name, value, sentence, start, end))

    def stated(kind: str, allowed: tuple[Status, ...]) -> list[str]:
        return [m[1] for m in of.get(kind, ()) if phrase_status(m[1]) in allowed]

    def any_stated(kinds: tuple[str, ...], allowed: tuple[Status, ...]) -> bool:
        """Whether a phrase of the lists has one of the statuses: working out a phrase's status
        is the costly part, and the first that has one decides."""
        return any(phrase_status(m[1]) in allowed for kind in kinds for m in of.get(kind, ()))

    def around(match: re.Match[str] | PhraseMatch, before: int, after: int) -> list[str]:
        """The words before and after a phrase found."""
        preceding = plain[: match.start(1)].rsplit(maxsplit=before)[-before:]
        # "Still can't lift": the phrase words split "can't" in two; it is "cannot".
        following = plain[match.end(1) :].replace(" can t ", " cannot ", 1)
        return preceding + following.split(maxsplit=after)[:after]

    given = (Status.PRESENT, Status.HISTORICAL)
    tried = not planned and (
        "tried" in of
        or (
            "since" in words
            and words.isdisjoint(ANOTHERS_WORDS)
            and (
                any(
                    care_since_a_date(plain, m) and phrase_status(m[1]) in given
                    for kind in ("care", "drug")
                    for m in of.get(kind, ())
                )
                or (_SINCE_HEADING.match(text) is not None and words.isdisjoint(_NOT_GIVEN_UNDER))
            )
        )
    )
    # A bare "no change" after the care ("Night splints x 6 wks and ibuprofen, no change") is
    # care that failed; "no change in meds" says nothing of it.
    if "failing" in of:
        kept = [
            m
            for m in of["failing"]
            if m[1] != "no change" or not plain[m.end(1) :].startswith(" in ")
        ]
        if kept:
            of["failing"] = kept
        else:
            del of["failing"]
    failing = "failing" in of
    # Therapy or exercise among the care given: what reviewers look for before they read
    # symptoms that remain as care that failed ("a trial of conservative treatment to include
    # physical therapy"; ACOEM's surgical considerations: exercise that did not restore motion
    # and strength).
    active_statuses = [
        phrase_status(m[1]) for m in of.get("care", ()) if m[1] in findings.active_care
    ]
    active = any(status in given for status in active_statuses)

    def care_given() -> None:
        add("~care:tried", True)
        if active:
            add("~care:active", True)

    if tried and any_stated(("care", "drug"), given):
        care_given()
    elif (
        tried
        and "care" in of
        and any(phrase_status(m[1]) is Status.ABSENT for m in of["care"])
        and not any_stated(("care", "drug"), (*given, Status.POSSIBLE))
    ):
        # "Not tried PT or meds yet", "has not had any therapy": no care tried, none failed.
        add("~care:untried", True)
    if tried and not active and Status.ABSENT in active_statuses:
        # "Has taken a few days of ibuprofen but has not had any therapy": no course of therapy
        # or exercise yet, whatever drugs were taken.
        add("~care:untried_active", True)
    for cue in of.get("persisting", ()):
        # (Not symptoms only supposed to go on: "offers a scope if pain persists".)
        if not findings.care_symptoms.isdisjoint(around(cue, 2, 5)) and (
            phrase_status(cue[1]) not in (Status.ABSENT, Status.POSSIBLE)
        ):
            add(PERSISTING, True)
            # Care named beside the symptoms it left ("night splints, naproxen and job
            # rotation; numbness persisted") was given, in a sentence that plans nothing.
            if not planned and not tried and any_stated(("care", "drug"), given):
                care_given()
            break
    # A rationale reports the record where it speaks of this patient: "in most low back pain
    # cases, they show no benefit" reads the literature.
    if (
        failing
        and (sentence.source != "rationale" or OF_PATIENT.search(text))
        and any_stated(("failing",), given)
    ):
        add(PERSISTING, True)
        # Care said not to have helped was given, whatever the sentence plans beside it
        # ("Treatment plan: eight weeks of night splinting ... have not helped").
        if any_stated(("care", "drug"), given):
            care_given()
    # A procedure "recommended previously" is an old plan, not this one; a plan stated only to
    # be denied ("not ... considering ... surgical intervention") is none.
    # Without an injection or a surgery named, a plan says nothing here (and working out the
    # plan's negation is the costly part).
    shown_if = not words.isdisjoint(_CONDITION_WORDS) and _IF_SHOWN.search(text) is not None
    if (
        "procedure_planned" in of
        and not words.isdisjoint(_TOLD_DONE_WORDS)
        and _OPENS_BEFORE_SURGERY.match(text)
    ):
        # Care told as given "before surgery" dates it by a surgery, which plans none ("Before
        # surgery she used all 24 OT visits on this claim").
        kept = [m for m in of["procedure_planned"] if m[1] not in _BEFORE_THE_PROCEDURE]
        if kept:
            of["procedure_planned"] = kept
        else:
            del of["procedure_planned"]
    if (
        ("procedure_planned" in of or shown_if)
        and "previously" not in words
        and ("injections" in of or "surgeries" in of)
    ):
        plan_stated = any_stated(("procedure_planned",), (Status.PRESENT,))
        if plan_stated and any_stated(("injections",), (Status.PRESENT,)):
            add("invasive_procedure_planned", True)
        surgeries = [
            m[1]
            for m in of.get("surgeries", ())
            # A bare "release" is a surgery only as what a referral is to weigh ("to evaluate
            # him for release"), never "myofascial release".
            if _TO_WEIGH.search(plain, 0, m.start(1)) is not None
            or m[1] != "release"
            and (
                # "a referral to neurosurgery" names a specialist, not a procedure; a surgeon
                # who says something of the procedure ("the surgeon documented that arthroscopy
                # would be considered") is the one weighing it.
                _REFERRAL_WORDS.isdisjoint(
                    set(around(m, 3, 1)) - ({"surgeon"} if _SURGEON_SAYS.search(plain) else set())
                )
                # A referral for the procedure ("plans a referral for arthroscopic evaluation
                # depending on the study") weighs it, as does one to discuss it or to evaluate
                # the patient for it (`_TO_WEIGH`, above: "referral to hand surgeon to discuss
                # carpal tunnel release").
                or around(m, 1, 0) == ["for"]
                # The surgery itself weighed, right after the verb, whatever specialist comes
                # before it ("she would see a surgeon and consider an operation").
                or around(m, 1, 0) in (["consider"], ["considers"], ["considering"])
            )
        ]
        statuses = [phrase_status(p) for p in surgeries]
        # A surgery the patient would consider if the study shows its lesion ("if a concordant
        # herniation is seen he would like to discuss microdiscectomy") is a surgery considered:
        # ACOEM's own test is a patient "who would consider surgery".
        conditional = (
            not words.isdisjoint(_CONDITION_WORDS)
            and (Status.PRESENT in statuses or Status.POSSIBLE in statuses)
            and (
                any_stated(("procedure_planned",), (Status.PRESENT, Status.POSSIBLE))
                # "likely MMT, arthroscopy if confirmed": the surgery the study would decide.
                or shown_if
            )
        )
        declined = not words.isdisjoint(_DECLINE_WORDS) and _DECLINED.search(text) is not None
        if surgeries and declined:
            add("surgery_considered", False)
        elif (plan_stated and Status.PRESENT in statuses) or conditional:
            add("invasive_procedure_planned", True)
            add("surgery_considered", True)
        # "There was no plan for surgery" says it is not considered; "no discussion of surgery"
        # only that the record is silent.
        elif (
            surgeries
            and (not plan_stated or Status.ABSENT in statuses)
            and (Status.ABSENT in statuses or any_stated(("procedure_planned",), (Status.ABSENT,)))
            and words.isdisjoint(_SILENT_RECORD)
        ):
            add("surgery_considered", False)
            # "No injection or surgery is planned at this time": no procedure of either kind
            # ("no plan for surgery" alone says nothing of injections).
            if "injections" in of and all(
                phrase_status(m[1]) is Status.ABSENT for m in of["injections"]
            ):
                add("invasive_procedure_planned", False)
    if "onset" in of and not words.isdisjoint(_ONSET_WORDS):
        # "started duloxetine 30 mg two weeks ago for arm pain": the time since a drug was
        # started, not since the symptoms began.
        drugs = [m[1].strip() for m in of.get("drug", ())]
        for onset in _ONSET.finditer(with_figures(text)):
            preceding = text[max(0, onset.start() - 40) : onset.start()].lower()
            if any(drug in preceding for drug in drugs):
                continue
            figure = onset[1] or onset[3] or onset[5]
            unit = (onset[2] or onset[4] or onset[6]).lower()
            count = int(figure) if figure.isdigit() else 2
            weeks = weeks_in(count, unit)
            add("~onset_weeks", weeks, onset.start(), onset.end())
    first = "drug_first" in of
    # A word of going on that is itself denied tells of a drug not taken now: "had a course of
    # naproxen in March and has not taken it since", "has taken none since", "is taking no NSAID
    # now". (Only where a drug is named: a phrase's status is the costly part.)
    current = "drug" in of and any(
        phrase_status(m[1]) is not Status.ABSENT and not _ANSWERED_NONE.match(plain, m.end(1))
        for m in of.get("drug_current", ())
    )
    starting = "drug_started" in of
    # "On gabapentin 600 TID x 4 months": a drug right after "on" is one taken.
    taken_on = "on" in words
    # A drug written as a medication list writes it, with its dose or how often it is taken
    # ("Naproxen 375 BID lets her get through her shift"), in a sentence that neither plans it
    # nor asks for it, nor tells of it as past in the words around it: one taken now.
    listed = not planned and not asks
    # Every drug the sentence names, in whatever way: a note that names the drug requested
    # says something of it, so its silence is no first prescription (`item.item_facts`).
    for m in of.get("drug", ()):
        add(f"{DRUG_NAMED}{findings.drug_name.get(m[1], m[1])}", True)
    # "RFA - medication refill": the note asks to go on with a drug, whichever it names.
    # ("No refills", "without refills", "no early refills" ask for none.)
    # The sentence's words without those of a refill it asks for none of ("no refills", "I have
    # not asked for refills"): they ask for nothing and go on with nothing.
    asked_words = (
        frozenset(_NO_REFILL.sub("  ", plain).split())
        if not words.isdisjoint(_REFILL_WORDS) and _NO_REFILL.search(plain)
        else words
    )
    # A refill asked for beside refills not asked for ("Norco #60 refill today; he has not asked
    # for refills from anyone else") is asked for.
    if not asked_words.isdisjoint(_REFILL_WORDS):
        add(DRUG_REFILL, True)
    if "drug" in of and (first or current or starting or taken_on or listed or planned or asks):
        since = since_date(text, sentence.told_on) if "since" in words else None
        taken_for = _TAKEN_FOR.search(text)
        taken = stated("drug", given)
        # "Plan: ... topical diclofenac two weeks, no refills": no refill is asked for.
        asking = asked_words & _ASKING_WORDS
        if "modified" in asking and modified_work(text):
            asking = asking - {"modified"}  # "continue strap and modified duty"
        asks_for_it = bool(asking)
        # A drug asked for without a word of going on ("requested Lidoderm patch, one per day";
        # not "requesting a refill of Norco"): read apart (`item.item_facts`).
        going_on = asked_words & _GOING_ON_WORDS
        asked_new = asks and asks_for_it and not going_on
        asked: dict[str, None] = {}
        started_now: dict[str, None] = {}
        continued: dict[str, None] = {}
        in_plan: dict[str, None] = {}
        for m in of["drug"]:
            if m[1] not in taken:
                continue
            name = findings.drug_name.get(m[1], m[1])
            # Four words: "have started him on naproxen" starts it now.
            before = around(m, 4, 0)
            # "a one-month trial of the lidocaine patch": the article is no word of its own.
            if before[-1:] in (["the"], ["a"], ["an"]):
                before = around(m, 5, 0)[:-1]
            # Nor, for a word that starts it, the dose said of it: "Start low-dose nortriptyline
            # at bedtime" (not "was started on low-dose nortriptyline in 2015").
            before_dose = around(m, 6, 0)[:-2] if before[-2:] == ["low", "dose"] else before
            # In a plan, a word of going on is of what follows it: "Plan: naproxen 500 bid for one
            # month ...; continue quad strengthening HEP" goes on with the exercises, and starts
            # the drug.
            current_here = current and (
                not planned or not findings.drug_current_words.isdisjoint(before)
            )
            # A first prescription: the sentence says so, or the drug comes right after a word
            # that starts it now ("Plan: start naproxen 500 BID"), whatever the rest continues.
            if (
                first
                or (
                    starting
                    and (
                        just_given(before_dose, findings.started_now)
                        # The patient named by title and name instead of "her": "I am starting
                        # Ms. Aguilar on nortriptyline".
                        or (
                            len(before_dose) > 3
                            and before_dose[-3] in _TITLES
                            and before_dose[-1] == "on"
                            and just_given(
                                [*around(m, 6, 0)[:-3], "her", "on"], findings.started_now
                            )
                            and "not" not in around(m, 7, 0)
                        )
                        # "Lidoderm patch trial over the painful band": the trial named after it.
                        or (planned and "trial" in plain[m.end(1) :].split(maxsplit=2)[:2])
                    )
                )
                or (
                    "trial" in words
                    and _AS_A_TRIAL.match(plain, m.end(1)) is not None
                    and trial_in_its_clause(text, m[1])
                )
                or (
                    not words.isdisjoint(_STARTED_WORDS)
                    and _PHYSICIAN_STARTED.search(plain, max(0, m.start(1) - 40), m.start(1))
                    is not None
                    and _DATED_AFTER.match(plain, m.end(1)) is None
                )
            ):
                started_now[name] = None
            elif (
                # The writer's present tense, today: "Starts nortriptyline 10 mg QHS", "Dr. Kim
                # adds naproxen 500 mg twice daily" (not a habit, "adds ibuprofen on bad days", nor
                # in a dated line, "06/12/2014: Dr. Kim adds Norco"). What the plan gives: a drug
                # the record tells of as taken elsewhere goes on ("On Norco for 3 years ...
                # Starts Norco 10/325 QID").
                not words.isdisjoint(_STARTS_NOW_WORDS)
                and words.isdisjoint(_HABIT_WORDS)
                and _WRITER_STARTS.search(plain, max(0, m.start(1) - 40), m.start(1)) is not None
                and _A_DATE.search(text) is None
            ):
                in_plan[name] = None
            elif (
                (
                    current_here
                    # "On gabapentin", "refill Norco 10/325 #90": the drug right after the word.
                    or before[-1:] in (["on"], ["refill"], ["renew"])
                    or (
                        listed
                        and dosed(plain, m.end(1))
                        and _NOT_TAKEN_NOW.isdisjoint(around(m, 3, 4))
                        # (A course in a year gone by, unless the sentence goes on to the
                        # drug now: "course in 2016 at 100 mg was too low; now on 300 TID".)
                        and (
                            _PAST_COURSE.match(plain, m.end(1)) is None
                            or not words.isdisjoint(_NOW_WORDS)
                        )
                    )
                )
                and not just_given(before, findings.given_now)
            ):
                continued[name] = None
            elif (
                planned
                and not current_here
                and not asks_for_it
                and _GOES_ON_AFTER.match(plain, m.end(1)) is None
            ):
                # Named only as what the plan gives ("Plan: naproxen x15 d"): a note that never
                # tells of it as taken starts it (`item.item_facts`).
                in_plan[name] = None
            elif asked_new and not current_here:
                asked[name] = None
        for name in started_now:
            add(f"{DRUG_FIRST}{name}", True)
        for name in (n for n in in_plan if n not in started_now and n not in continued):
            add(f"{DRUG_PLANNED}{name}", True)
        for name in (n for n in asked if n not in started_now and n not in continued):
            add(f"{DRUG_ASKED}{name}", True)
        for name in (n for n in continued if n not in started_now):
            add(f"{DRUG_TAKEN}{name}", True)
            if since:
                add(f"~drug:since:{name}", since[0], since[1], since[2])
            elif taken_for:
                weeks = weeks_in(int(taken_for[1]), taken_for[2])
                add(f"~drug:weeks:{name}", weeks, taken_for.start(), taken_for.end())
    # In an item's rationale, "said medication" is the drug the item asks for.
    if sentence.item is not None and "drug_current" in of and not first and THIS_DRUG.search(plain):
        add(f"{DRUG_TAKEN}@{sentence.item}", True)
    if "drug_none" in of:
        add(DRUG_NONE, True)
    # A condition denied ("not on anticoagulants", "no liver disease") is the record saying the
    # test it calls for has no reason; one stated anywhere outweighs it (`settle`: true wins).
    for match in of.get("comorbidity", ()):
        status = phrase_status(match[1])
        if status in given or status is Status.ABSENT:
            for kind in findings.comorbidity_tests[match[1]]:
                add(f"~comorbid:{kind}", status is not Status.ABSENT)
    if "rehab_planned" in of and "programs" in of and any_stated(("programs",), (Status.PRESENT,)):
        add("~rehab:plan", True)
    return found
