"""Stage 2, requests: a disputed request as written -> a typed `Request`.

Takes the request text ("Physical therapy 2x6 lumbar spine", "Norco 10/325mg #60") and the
vocabularies, returns the service category and subtype, body regions with sides, the quantity
(visits, frequency, duration, days, dispensed units) and, for drugs, the medication details.

Which service a request is: the vocabulary phrase found earliest in the text wins, the longer one
where two start at the same place, then the one listed first. "Consult with pain management for
rhizotomy" is a consultation and "Post-op physical therapy" post-operative therapy because their
first words say so. A surgery word read first may name the specialist seen rather than the
operation: "Spine surgeon evaluation" and "Surgical consultation" are consultations, because a
visit word follows the specialist's name (`visit_with_specialist`). A surgery's procedure may
stand anywhere in the request ("Right knee arthroscopy, partial medial meniscectomy"), so its
subtype is read from the whole of it (`subtype_named_anywhere`).
"""

from __future__ import annotations

import re
from typing import Any

from engine.caseless import Caseless, holds_every
from engine.facts.figures import NUMBER_WORDS, with_figures
from engine.models import Medication, Quantity, Region, Request, Service
from engine.vocab import Phrase, PhraseIndex, Vocabulary, normalize_phrase, plain_spaces

# "twice a week" is "2 times a week"; the rewrite keeps every quantity pattern numeric.
ADVERB_COUNTS = {"once": "1 times", "twice": "2 times", "thrice": "3 times"}
# Every expression here is ASCII (re.ASCII), as in all the text stages: see `plain_spaces`. Those
# that ignore case are `Caseless`: matched over the request lower-cased, several times faster.
DISPENSED = re.compile(r"#\s*\d|\bqty\b|\btab", re.ASCII)
_ADVERB = Caseless(re.compile(r"\b(once|twice|thrice)\b", re.I | re.ASCII))
# The first three letters of every number word, one of which a request that writes a number in
# words holds: most hold none, and are not searched for number words.
NUMBER_WORD_STARTS = (tuple(sorted({word[:3] for word in NUMBER_WORDS})),)
# Every quantity expression below counts with figures: a request without one states none.
FIGURE = re.compile(r"[0-9]", re.ASCII)

N = r"(\d+)"
RANGE = r"(\d+)(?:\s*(?:-|to)\s*(\d+))?"  # "1-2", "12 to 18": the upper bound is what is asked
# A frequency's range may repeat its "x" or "times", or offer a choice: "1x-2x", "1 time to 2
# times", "1 or 2 times".
FREQUENCY_RANGE = r"(\d+)(?:\s*(?:x|times?)?\s*(?:-|to|or)\s*(\d+))?"
PER = r"(?:a|per|each|every|/|x)"
WEEK = r"(?:weeks?|wks?)"
# "3 sessions/seek" is a typing slip for "per week" that appears in real letters.
WEEK_AFTER_PER = r"(?:weeks?|wks?|seek)\b"
SESSION_WORD = r"(?:visits?|sessions?|treatments?|appointments?)"
# Units of time: a number followed by one is a duration, never a count of visits or units.
TIME_UNIT = r"(?:days?|weeks?|wks?|months?|hours?|hrs?|minutes?|mins?|years?)\b"
FREQUENCY = Caseless(
    re.compile(
        # What is counted may be named, with the service between ("1 to 2 physical therapy visits
        # per week"); days count too ("5 days/week" of home health).
        rf"{FREQUENCY_RANGE}\s*(?:x|times?|days?|(?:[a-z-]+\s+){{0,4}}?{SESSION_WORD})?\s*"
        rf"(?:{PER}\s*{WEEK_AFTER_PER}|weekly)"
        rf"(?:\s*(?:for|x|times|over|\*|,)?\s*(?:the\s+next\s+|a\s+period\s+of\s+)?{RANGE}\s*{WEEK}"
        # "3x/wk x 4": a bare number after a weekly frequency is its weeks, unless it names what
        # it counts ("2x/week x 12 visits").
        rf"|\s*x\s*{RANGE}\b(?!\s*(?:{SESSION_WORD}|{TIME_UNIT}|[-/.]\s*\d)))?",
        re.I | re.ASCII,
    )
)
# The look-ahead for a digit comes first in the expressions below that look behind: otherwise
# every look-behind is tried at every place in the text (a third of their time).
BARE_FREQUENCY = Caseless(
    re.compile(
        rf"(?=\d)(?<![\d./#])\b{FREQUENCY_RANGE}\s*(?:x|times)\s*{RANGE}\b"
        rf"(?!\s*(?:mg|mcg|ml|gm?|%|days?|months?|hours?|\.\d))",
        re.I | re.ASCII,
    )
)
TOTAL_BEFORE = Caseless(
    re.compile(rf"(?<![\d./#])\b{RANGE}\s+(?:[a-z-]+\s+){{0,4}}?{SESSION_WORD}\b", re.I | re.ASCII)
)
TOTAL_AFTER = Caseless(
    re.compile(
        rf"(?:{SESSION_WORD}|therapy|treatment)\s*(?:,|:|x|times|#)\s*{RANGE}\b"
        rf"(?!\s*(?:x|times|{PER}\s*{WEEK}|weekly|{TIME_UNIT}))",
        re.I | re.ASCII,
    )
)
TOTAL_TIMES = Caseless(
    re.compile(
        rf"(?:^|\s|\()(?:x|times|#)\s*{RANGE}\b(?!\s*(?:mg|mcg|%|ml|x|times|{TIME_UNIT}))",
        re.I | re.ASCII,
    )
)
TOTAL_IN_BRACKETS = re.compile(rf"\(\s*{N}\s*\)", re.ASCII)
DAYS = Caseless(
    re.compile(
        # "5 days/week" is how often, not for how long.
        # ("7 additional days": a word of more between.)
        rf"\b{RANGE}[\s-]*(?:(?:additional|more|further|extra|addl|add'l)\s+)?days?\b"
        rf"(?!\s*(?:a|per|each|every|/)\s*(?:weeks?|wks?)\b)",
        re.I | re.ASCII,
    )
)
# A duration in weeks written apart from the frequency ("for 3 weeks at 1-2 times a week", "80
# hours (2 weeks)"), not a time since or until something ("6 weeks post-op", "two weeks ago",
# "follow-up in 2 weeks") nor an interval ("every 2 weeks").
WEEKS = Caseless(
    re.compile(
        rf"(?=\d)(?<![\d./#])(?<!\bin\s)(?<!every\s)\b{RANGE}[\s-]*{WEEK}\b"
        rf"(?!\s*(?:post|ago|after|since|old|prior|from|status))",
        re.I | re.ASCII,
    )
)
DAY_SUPPLY = Caseless(
    re.compile(rf"\b{N}[\s-]*days?\s*supply|days?\s*supply\s*:?\s*{N}", re.I | re.ASCII)
)
MONTHS = Caseless(re.compile(rf"\b{RANGE}[\s-]*months?\b", re.I | re.ASCII))
UNITS = Caseless(
    re.compile(
        r"#\s*(\d+(?:\.\d+)?)|\b(?:qty|quantity)\s*[:.]?\s*(\d+(?:\.\d+)?)|\b(\d+)\s+(?:tablets|tabs|capsules|caps|patches|pills)\b",
        re.I | re.ASCII,
    )
)
STRENGTH = Caseless(
    re.compile(
        # From the start of a number only, and without giving digits back: on a long run of digits
        # with no unit after it, backtracking made this take seconds (found by fuzzing).
        r"(?<![\d.])(\d++(?:\.\d++)?(?:\s*/\s*\d++(?:\.\d++)?)*+)\s*(mg|mcg|gm|g|ml|%|units?)\b"
        r"(?!\s*/\s*(?:day|hr))",
        re.I | re.ASCII,
    )
)
ADDITIONAL = Caseless(
    re.compile(
        r"\b(additional|continued|continue|continuing|more|further|extension|extended|remaining|"
        # As an RFA abbreviates it: "6 addl", "add'l sessions".
        r"repeat|ongoing|subsequent|addl|add'l|addtl|add'tl)\b",
        re.I | re.ASCII,
    )
)
# Categories whose quantity is counted in visits; elsewhere a bare "N x M" means something else.
VISIT_CATEGORIES = {
    "physical_therapy",
    "occupational_therapy",
    "chiropractic",
    "acupuncture",
    "massage",
    "passive_modality",
    "program",
    "home_health",
    "perioperative",
    "psychotherapy",
    "injection",
    "consultation",
    "office_visit",
}


# Therapy asked for right after an injection, which the 2016 CPMTG gives a line of its own (1-2
# visits over a week): "Physical therapy 2 visits x 1 week, lumbar spine, post-injection", "PT x2
# following ESI".
POST_INJECTION = re.compile(
    r"\bpost[\s-]*(?:injection|esi|epidural|block)\b"
    # (The injection's site or kind between: "following lumbar ESI", "after the L5 TFESI"; not
    # "after failed ESI", "following denial of ESI": therapy in place of one.)
    r"|\b(?:after|following)\s+(?:the\s+|an?\s+|his\s+|her\s+)?"
    r"(?:(?:lumbar|cervical|thoracic|caudal|transforaminal|interlaminar|epidural|steroid|left|"
    r"right|bilateral|l|r|[lcst]\d(?:\s*-\s*[lcs]?\d)?)\s+){0,3}"
    r"(?:injection|esi|tfesi|epidural|block)\b",
    re.I | re.ASCII,
)
_POST_INJECTION_CATEGORIES = frozenset(["physical_therapy", "occupational_therapy"])


def normalize_request(text: str, vocabulary: Vocabulary) -> Request:
    """Type one request. Never raises: what is not recognised stays empty or `other`."""
    text = plain_spaces(text)
    whole = normalize_phrase(text)
    words, perioperative = set_aside_perioperative(whole, vocabulary)
    words, before_surgery = set_aside_surgery_ahead(words, vocabulary)
    perioperative = perioperative or before_surgery
    service = find_service(words, vocabulary)
    if perioperative:
        if service.category == "other":
            # The qualifier is the service's own name: "Post-op therapy L elbow 2x6".
            service = find_service(whole, vocabulary)
        service = as_perioperative(service, vocabulary)
    medication = None
    if service.category == "medication":
        medication = read_medication(text, words, vocabulary)
        service = Service(category="medication", subtype=medication.drug_class)
    return Request(
        text=" ".join(text.split()),
        service=service,
        perioperative=perioperative,
        regions=find_regions(words, vocabulary),
        quantity=read_quantity(text, service.category),
        medication=medication,
        post_injection=service.category in _POST_INJECTION_CATEGORIES
        and POST_INJECTION.search(text) is not None,
        for_taper=FOR_TAPER.search(text) is not None,
        for_medication_management=FOR_MEDICATION_MANAGEMENT.search(text) is not None,
    )


def remainder_of(disputed: Request, authorized: Request) -> Request:
    """The part of a request left for IMR after UR authorized some of it ("Physical therapy six
    sessions was authorized. The remaining IMR eligible portion: two sessions"), as the reviewer
    frames it: more of the same service on top of the part already authorized, so a continuation
    of it. IMR decides that remainder as it stands and does not trim it
    (`meta.no_partial_modification`); more of a service goes on only with the benefit the
    guideline asks of what was given (`fi.required_for_continuation`), which the authorized part,
    not yet given, cannot show. Where UR authorized another service (an NCS, the EMG left), the
    remainder is a request of its own and stays as it is."""
    same = disputed.service == authorized.service and (
        disputed.medication is None
        or authorized.medication is None
        or disputed.medication.drug == authorized.medication.drug
    )
    if not same:
        return disputed
    quantity = disputed.quantity.model_copy(update={"additional": True})
    return disputed.model_copy(update={"quantity": quantity})


def set_aside_perioperative(words: str, vocabulary: Vocabulary) -> tuple[str, bool]:
    """Remove the words that place a request around a surgery, and say whether there were any."""
    found = False
    for qualifier in vocabulary.perioperative_qualifiers:
        if qualifier in words:
            words = words.replace(qualifier, " ")
            found = True
    return (" " + " ".join(words.split()) + " ", found)


# "BMP prior to C5-6 ACDF", "Chest x-ray before the knee replacement": a service for a surgery
# named after it, which the request does not ask for.
_AHEAD_OF = re.compile(r" (?:prior to|before|ahead of|in preparation for) ")
_WORK_UP = frozenset(["laboratory", "consultation", "perioperative"])


def set_aside_surgery_ahead(words: str, vocabulary: Vocabulary) -> tuple[str, bool]:
    """The request without the surgery it is asked ahead of, and whether it named one: the
    service before the words is what is asked for, a pre-operative one."""
    ahead = _AHEAD_OF.search(words)
    if ahead is None:
        return words, False
    head, tail = words[: ahead.start() + 1], words[ahead.end() - 1 :]
    if find_service(tail, vocabulary).category != "surgery":
        return words, False
    asked = find_service(head, vocabulary)
    # The work-up a surgery needs (tests, clearance); therapy before a surgery is not the
    # post-operative course `as_perioperative` would make it.
    if asked.category in _WORK_UP or (asked.category, asked.subtype) == ("imaging", "chest_xray"):
        return head, True
    return words, False


def as_perioperative(service: Service, vocabulary: Vocabulary) -> Service:
    for key in (f"{service.category}/{service.subtype}", service.category):
        subtype = vocabulary.perioperative_becomes.get(key)
        if subtype:
            return Service(category="perioperative", subtype=subtype)
    return service


def earliest(words: str, index: PhraseIndex) -> Phrase | None:
    """The phrase that starts earliest in `words`."""
    return next((phrase for _, _, phrase in index.matches(words)), None)


def find_service(words: str, vocabulary: Vocabulary) -> Service:
    services = vocabulary.service_index.matches(words)
    service_match = services[0] if services else None
    service_phrase = service_match[2] if service_match else None
    drug_phrase = earliest(words, vocabulary.drug_index)
    if drug_phrase and (
        service_phrase is None or words.find(drug_phrase.text) < words.find(service_phrase.text)
    ):
        return Service(category="medication", subtype=drug_phrase.meaning[0])
    if service_phrase is None or service_phrase.meaning[0] == "surgery":
        surgery_at = service_match[0] if service_match else None
        visit = visit_with_specialist(words, vocabulary, surgery_at)
        if visit is not None:
            service_phrase = visit
    if service_phrase is None:
        if STRENGTH.search(words, words) and DISPENSED.search(words):  # words: lower-cased
            return Service(category="medication")
        return Service(category="other")
    category, subtype = service_phrase.meaning
    if category in vocabulary.subtype_anywhere:
        subtype = subtype_named_anywhere(services, category)
    specialty = None
    if category == "consultation":
        found = earliest(words, vocabulary.specialty_index)
        specialty = found.meaning[0] if found else None
    return Service(category=category, subtype=subtype, specialty=specialty)


def subtype_named_anywhere(services: list[tuple[int, int, Phrase]], category: str) -> str | None:
    """The subtype of a category the request names anywhere (`services`: the service phrases
    in it), of the entry listed first where it names several ("Knee arthroscopy, debridement
    and partial meniscectomy" is a meniscectomy)."""
    named = [
        phrase
        for _, _, phrase in services
        if phrase.meaning[0] == category and phrase.meaning[1] is not None
    ]
    return min(named, key=lambda phrase: phrase.order).meaning[1] if named else None


def visit_with_specialist(
    words: str, vocabulary: Vocabulary, surgery_at: int | None
) -> Phrase | None:
    """The visit a request asks for where the words before it name the specialist ("Spine
    surgeon evaluation", "Orthopedic surgery follow-up"), or None.

    `surgery_at`: where the surgery word read first stands, if any. It names the specialist
    only when it stands among those words; a surgery written before them is the procedure
    asked for ("Right knee arthroscopy, follow-up visit").
    """
    visits = vocabulary.specialist_visit_index.matches(words)
    if not visits:
        return None
    # Where each specialist's name ends (at the space it shares with the next word) -> where it
    # starts, so a run of names ("orthopedic" "surgery") is followed back from the visit word.
    starts_by_end = {end - 1: start for start, end, _ in vocabulary.specialist_index.matches(words)}
    for visit_at, _, visit in visits:
        named_from = visit_at
        while named_from in starts_by_end:
            named_from = starts_by_end[named_from]
        if named_from == visit_at:
            continue  # no specialist named just before this visit word
        if surgery_at is None or named_from <= surgery_at < visit_at:
            return visit
    return None


def find_regions(words: str, vocabulary: Vocabulary) -> list[Region]:
    kept = [
        (start, end, phrase.meaning[0])
        for start, end, phrase in vocabulary.region_index.matches(words)
    ]
    bilateral_all = " bilateral " in words or " both " in words
    regions: list[Region] = []
    previous_end = 0
    for start, end, name in kept:
        side = side_before(words[previous_end:start], vocabulary)
        if side is None and bilateral_all and name.endswith(("extremity", "extremities")):
            side = "bilateral"
        region = Region(name=name, side=side)
        if region not in regions:
            regions.append(region)
        previous_end = end - 1
    return regions


def side_before(gap: str, vocabulary: Vocabulary) -> str | None:
    """The side named in the few words just before a region ("left shoulder", "right and left")."""
    tail = " " + " ".join(gap.split()[-3:]) + " "
    found = [
        (tail.rfind(phrase.text), phrase.meaning[0])
        for phrase in vocabulary.sides
        if phrase.text in tail
    ]
    if not found:
        return None
    names = {name for _, name in found}
    if len(names) > 1:
        return "bilateral"
    return max(found)[1]


def with_digits(text: str) -> str:
    # Most requests write their numbers in figures: a search of the lower-cased text finds
    # that much faster than a replacement that ignores case. Number words are read with the
    # table the sentence readers use ("twenty four visits" is 24 in both).
    lowered = text.lower()
    if _ADVERB.search(text, lowered):
        text = _ADVERB.pattern.sub(lambda m: ADVERB_COUNTS[m.group(1).lower()], text)
        lowered = text.lower()
    if not holds_every(lowered, NUMBER_WORD_STARTS):
        return text
    return with_figures(text, padded=False)


def upper(match: re.Match[str], low: int, high: int) -> int:
    return int(match.group(high) or match.group(low))


def bounds(match: re.Match[str], low: int, high: int) -> tuple[int, int | None]:
    """A number or range as (what is asked for at most, the least where a range was written)."""
    first = int(match.group(low))
    if match.group(high) is None:
        return first, None
    second = int(match.group(high))
    return max(first, second), min(first, second)


def put_range(found: dict[str, Any], name: str, values: tuple[int, int | None]) -> None:
    """Set a quantity field to what is asked for at most, and its `_min` to a range's least."""
    found[name] = values[0]
    if values[1] is not None:
        found[f"{name}_min"] = values[1]


def number_at(match: re.Match[str]) -> int:
    """Where the match's number stands: its first group that matched."""
    for group in range(1, (match.re.groups or 0) + 1):
        if match.group(group) is not None:
            return match.start(group)
    return match.start()


def first_outside(
    pattern: Caseless, text: str, lowered: str, taken: list[tuple[int, int]]
) -> re.Match[str] | None:
    """The first match whose number is in none of the `taken` stretches of text (`lowered`:
    the text lower-cased). Searched place by place rather than with `finditer`: a match set
    aside must not hide one that overlaps it ("#60 day supply: 30")."""
    if not taken:
        return pattern.search(text, lowered)
    at = 0
    while (match := pattern.search(text, lowered, at)) is not None:
        if stands_outside(match, taken):
            return match
        at = match.start() + 1
    return None


def stands_outside(match: re.Match[str], taken: list[tuple[int, int]]) -> bool:
    number = number_at(match)
    return not any(start <= number < end for start, end in taken)


def dispensed_counts(plain: str, lowered: str) -> list[tuple[int, int]]:
    """Where the units dispensed are written ("#60", "Qty: 30", "60 tablets"): a number there is
    how many, never for how many days."""
    return [match.span() for match in UNITS.finditer(plain, lowered)]


def read_days_supply(plain: str, lowered: str) -> int | None:
    """The days' supply ("30-day supply", "day supply: 30"), told apart from the units dispensed:
    "#60 day supply: 30" is 60 units for 30 days."""
    match = outside_dispensed(DAY_SUPPLY, plain, lowered)
    return int(match.group(1) or match.group(2)) if match else None


# How many doses a day a sig gives, where every dose is one unit: "1 PO qhs", "1 tab BID".
_DOSES_A_DAY = {"qhs": 1, "hs": 1, "qd": 1, "daily": 1, "nightly": 1, "bedtime": 1, "bid": 2,
                "tid": 3, "qid": 4}  # fmt: skip
_SIG = Caseless(re.compile(r"\b(qhs|hs|qd|daily|nightly|bedtime|bid|tid|qid)\b", re.I | re.ASCII))
_ONE_UNIT = Caseless(
    re.compile(r"\b(?:1|one)\s+(?:tab|tabs|tablet|cap|capsule|po|by\s+mouth)\b", re.I | re.ASCII)
)
_AS_NEEDED = Caseless(re.compile(r"\b(?:prn|as\s+needed|q\s?\d+\s?h)\b", re.I | re.ASCII))
_SIG_VARIES = Caseless(
    re.compile(
        r"\b(?:then|x\s*\d+\s*(?:days?|d|weeks?|wks?)|for\s+\d+\s+(?:days?|weeks?)|taper\w*)\b|1/2|\bhalf\b",
        re.I | re.ASCII,
    )
)


def days_of_units(plain: str, lowered: str) -> int | None:
    """The days a dispensed count lasts at the sig's one unit a dose, taken regularly: "#30, 1 PO
    qhs" is 30 days, "#60, 1 tab BID" 30. None for a drug taken as needed, a dose of more than
    one unit, or no count."""
    units = UNITS.search(plain, lowered)
    sigs = list(_SIG.finditer(plain, lowered))
    if units is None or len(sigs) != 1 or _AS_NEEDED.search(plain, lowered):
        return None
    if _SIG_VARIES.search(plain, lowered):
        return None  # a titration, a course of days, a split tablet: not one unit a dose, daily
    sig = sigs[0]
    if not _ONE_UNIT.search(plain, lowered):
        return None
    count = float(next(g for g in units.groups() if g))
    return int(count // _DOSES_A_DAY[sig[1].lower()]) or None


def outside_dispensed(pattern: Caseless, plain: str, lowered: str) -> re.Match[str] | None:
    """`pattern`'s first match whose number is no dispensed count. Most requests have no match
    at all, so the counts are only looked for once there is one."""
    if pattern.search(plain, lowered) is None:
        return None
    return first_outside(pattern, plain, lowered, dispensed_counts(plain, lowered))


# A frequency by the month and how many months: "1x/month x 3", "monthly x 3 months", "once a
# month for 6 months" (the visits and the period they are spread over).
_MONTHLY = Caseless(
    re.compile(
        r"\b(?:(?P<per>\d{1,2})\s*(?:x|times)\s*(?:/|a|per|each)\s*(?:month|mo)|once\s+(?:a|per|each)\s+month|"
        r"(?<![-/])monthly|every\s+month)\s*,?\s*(?:x|for)\s*(?P<months>\d{1,2})\b(?!\s*(?:-|to)\s*\d)"
        r"(?:\s*(?:months?|mos?)\b)?(?!\s*(?:visits?|sessions?|days?|weeks?|wks?)\b)",
        re.I | re.ASCII,
    )
)
# Drug tests, the only tests counted by the month here: "Urine drug screen monthly x 6 months".
_DRUG_TEST = Caseless(
    re.compile(
        r"\b(?:urine\s+drug|drug\s+(?:screen|test)|udt|uds|urine\s+tox|toxicology)", re.I | re.ASCII
    )
)
# A course's length in days after its frequency: "x 90 days", "for 30 days".
_FOR_DAYS = re.compile(r"(?:\bx|\bfor|\btimes)\s*(\d{1,3})\s*days?\b", re.I | re.ASCII)


def read_quantity(text: str, category: str) -> Quantity:
    """Visits, frequency and duration, days, months and dispensed units as the request states.

    Where a range is written ("1-2x/week x 3 weeks", "12-18 sessions") the request asks for the
    upper bound: IMR decides the item as requested, so it is judged on the most it would allow.
    The lower bound is kept beside it (`visits_min`, `per_week_min`, `weeks_min`)."""
    plain = with_digits(text.replace("\u00d7", "x"))
    lowered = plain.lower()  # every expression here ignores case (see `Caseless`)
    quantity: dict[str, int | float | bool | None] = {
        "additional": bool(ADDITIONAL.search(plain, lowered)),
    }
    if not FIGURE.search(plain):
        return Quantity.model_validate(quantity)
    if category in VISIT_CATEGORIES:
        quantity.update(read_visits(plain, lowered))
    else:
        weeks = WEEKS.search(plain, lowered)
        if weeks:
            put_range(quantity, "weeks", bounds(weeks, 1, 2))
    supply = read_days_supply(plain, lowered)
    if supply is not None:
        quantity["days"] = supply
    else:
        days = outside_dispensed(DAYS, plain, lowered)
        if days:
            quantity["days"] = upper(days, 1, 2)
    months = MONTHS.search(plain, lowered)
    if months:
        quantity["months"] = upper(months, 1, 2)
    if (monthly := _MONTHLY.search(plain, lowered)) is not None:
        # (The count after it is the months, not a total: "1x/month x 3" is three visits over
        # three months.)
        quantity["months"] = int(monthly["months"])
        # (Only where no other count is asked: "PT 2x/week x 6 weeks, then 1x/month x 3 months"
        # is judged on its weekly course, "Chiropractic 8 visits, then 1x/mo x 4" on its 8.)
        if (
            category in VISIT_CATEGORIES
            and quantity.get("visits") is None
            and quantity.get("per_week") is None
        ):
            quantity["visits"] = int(monthly["per"] or 1) * int(monthly["months"])
    per_week = quantity.get("per_week")  # (read for the visit categories only)
    if (
        per_week
        and quantity.get("visits") is None
        and (lasting := _FOR_DAYS.search(plain)) is not None
    ):
        # A frequency for a number of days: "2 visits/wk x 90 days" is 12 whole weeks, "2x/wk x
        # 30 days" 4, "3x/wk x 60 days" 8 (whole weeks, as a month is counted as four). Not a
        # recheck's days: "PT 2x/wk, recheck in 30 days" states no length.
        weeks = max(1, int(lasting[1]) // 7)
        quantity["weeks"] = weeks
        quantity["visits"] = int(per_week) * weeks
    if category not in VISIT_CATEGORIES:
        units = UNITS.search(plain, lowered)
        if units:
            value = float(next(g for g in units.groups() if g))
            quantity["units"] = int(value) if value.is_integer() else value
        else:
            times = TOTAL_TIMES.search(plain, lowered)  # "Electrocardiogram times 3"
            if (
                monthly is not None
                and _DRUG_TEST.search(plain, lowered)
                and (times is None or monthly.start() <= times.start() < monthly.end())
            ):
                # Drug tests by the month: "Urine drug screen monthly x 6 months" is six tests
                # (not "UDT x 1 today, then monthly x 6 if inconsistent").
                quantity["units"] = int(monthly["per"] or 1) * int(monthly["months"])
            elif times:
                quantity["units"] = upper(times, 1, 2)
    return Quantity.model_validate(quantity)


def read_visits(plain: str, lowered: str) -> dict[str, int]:
    found: dict[str, int] = {}
    frequency = FREQUENCY.search(plain, lowered) or BARE_FREQUENCY.search(plain, lowered)
    if frequency:
        put_range(found, "per_week", bounds(frequency, 1, 2))
        # FREQUENCY has two ways of writing the weeks ("for 3 weeks", "x 3"); BARE_FREQUENCY one.
        for low in range(3, len(frequency.groups()), 2):
            if frequency.group(low):
                put_range(found, "weeks", bounds(frequency, low, low + 1))
                break
    if "weeks" not in found:
        weeks = first_outside(WEEKS, plain, lowered, [frequency.span()] if frequency else [])
        if weeks:
            put_range(found, "weeks", bounds(weeks, 1, 2))
    total = stated_total(plain, lowered, frequency)
    per_week, weeks_asked = found.get("per_week"), found.get("weeks")
    if total is not None:
        put_range(found, "visits", total)
    elif per_week and weeks_asked:
        most = per_week * weeks_asked
        least = found.get("per_week_min", per_week) * found.get("weeks_min", weeks_asked)
        put_range(found, "visits", (most, least if least < most else None))
    return found


def stated_total(
    plain: str, lowered: str, frequency: re.Match[str] | None
) -> tuple[int, int | None] | None:
    """An explicit count of sessions ("8 additional sessions", "x 12 sessions", "sessions, 12"),
    as `bounds` gives it.

    Numbers inside the frequency ("3 sessions/seek for 6 weeks", "2 X 6", "therapy, 1 to 2 times
    per week") are not totals: what decides is where the number stands, not where the match
    starts. Several counts ("two sessions for the lumbar spine and eight sessions for the
    wrist") add up.
    """
    taken = [frequency.span()] if frequency else []
    bracketed = TOTAL_IN_BRACKETS.search(plain)
    if bracketed:
        # "two times four visits (8)": the bracket is the total.
        return int(bracketed.group(1)), None
    counts = [
        bounds(m, 1, 2) for m in TOTAL_BEFORE.finditer(plain, lowered) if stands_outside(m, taken)
    ]
    if counts:
        most = sum(high for high, _ in counts)
        least = sum(high if low is None else low for high, low in counts)
        return most, (least if least < most else None)
    for pattern in (TOTAL_AFTER, TOTAL_TIMES):
        match = first_outside(pattern, plain, lowered, taken)
        if match:
            return bounds(match, 1, 2)
    return None


# "DAW", "dispense as written", "do not substitute", "brand medically necessary".
DISPENSE_AS_WRITTEN = re.compile(
    r"\b(?:daw|dispense\s+as\s+written|do\s+not\s+substitute|no\s+substitutions?|"
    r"brand\s+(?:name\s+)?(?:medically\s+necessary|only|necessary))\b",
    re.I | re.ASCII,
)

# Asked for as part of tapering a drug: a step down of one already taken ("(taper step from 60 mg
# q12h)", "Norco 10/325 #60 for weaning", "tapering dose"), or a specialist to direct it
# ("Consultation with pain management specialist for opioid taper").
FOR_TAPER = re.compile(r"\b(?:taper(?:ing|ed)?|wean(?:ing|ed)?)\b", re.I | re.ASCII)
FOR_MEDICATION_MANAGEMENT = re.compile(
    r"\b(?:medications?|meds?|opioids?|narcotics?|pharmacologic(?:al)?)\s+"
    r"(?:evaluation|eval|management|mgmt|monitoring)\b"
    # (Not one kept where it is: "medication management to remain with PTP".)
    r"(?!\s+(?:to\s+remain|remains|will\s+remain|stays|to\s+stay|with\s+(?:the\s+)?ptp))",
    re.I | re.ASCII,
)


def read_medication(text: str, words: str, vocabulary: Vocabulary) -> Medication:
    drugs = vocabulary.drug_index.matches(words)
    drug = drugs[0][2] if drugs else None
    strength = STRENGTH.search(text, text.lower())
    form = earliest(words, vocabulary.form_index)
    ingredients = all_drugs(drugs, vocabulary)
    drug_class = drug.meaning[0] if drug else None
    topical = (form is not None and form.meaning[0] in vocabulary.topical_forms) or bool(
        strength and strength.group(2) == "%"
    )
    if topical and drug_class not in ("topical_analgesic", "compounded"):
        drug_class = "compounded" if len(ingredients) > 1 else "topical_analgesic"
    elif len(ingredients) > 1 and topical:
        drug_class = "compounded"
    return Medication(
        drug=drug.text.strip() if drug else first_word(text),
        drug_class=drug_class,
        ingredients=ingredients if len(ingredients) > 1 else [],
        strength="".join(strength.group(1).split()) if strength else None,
        strength_unit=strength.group(2).lower() if strength else None,
        form=form.meaning[0] if form else None,
        days_supply=read_days_supply(plain := with_digits(text), plain.lower())
        or days_of_units(plain, plain.lower()),
        generic_of_brand=(
            generic := vocabulary.generic_of_brand.get(drug.text.strip()) if drug else None
        ),
        generic_since=vocabulary.generic_since.get(generic) if generic else None,
        dispense_as_written=DISPENSE_AS_WRITTEN.search(text) is not None,
    )


def all_drugs(named: list[tuple[int, int, Phrase]], vocabulary: Vocabulary) -> list[str]:
    """Every drug named (`named`: the drug phrases of the request), once each, in the order
    written: a brand and its generic named together ("Cymbalta (duloxetine)") are one drug,
    not a compound of two."""
    names = (phrase.text.strip() for _, _, phrase in named)
    drugs: dict[str, str] = {}
    for name in names:
        drugs.setdefault(_SALT.sub("", vocabulary.generic_of_brand.get(name, name)), name)
    return list(drugs.values())


# The salt a generic is named with is the same drug: "Diclofenac sodium 1% gel (Voltaren)"; so
# is the form a brand's generic is listed with: "Lidoderm (lidocaine 5%) patch", whose generic
# is the lidocaine patch.
_SALT = re.compile(
    r"\s+(?:sodium|potassium|hcl|hydrochloride|epolamine|patch|patches|gel|cream|ointment)\Z"
)


def first_word(text: str) -> str:
    match = re.search(r"[A-Za-z][A-Za-z-]+", text)
    return match.group(0).lower() if match else text.strip().lower()
