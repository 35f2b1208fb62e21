"""Synthetic IMR letters for tests and benchmarks. Not a pipeline stage: nothing in the pipeline
imports this module.

`make_letter(seed)` writes one letter in one of the three layouts `engine.letters` reads, with what
a correct parse must give: the layout, the case number, and per disputed item the request, the
decision, the service category (and subtype where the vocabulary names one) and the quantity
the request states. `make_letters` and `write_letters` make many.

How often each thing appears (per letter unless said otherwise):

- layout: 80% the 2016-17 DWC letter with its header box, 10% the 2013 notice, 10% the
  professional review (which prints no case number);
- disputed items: 1 to 6, drawn 40, 22, 14, 10, 8, 6%; 8% of letters are a surgery with 1 to 5
  associated surgical services ("Associated surgical service: ...", "Pre-operative ...");
- services, per item: physical medicine (physical, occupational, aquatic therapy, massage) 22%,
  chiropractic 9%, acupuncture 9%, imaging (MRI, CT, x-ray by region) 15%, EMG/NCV 6%,
  medications 22%, DME 7%, injections 5%, consultations 3%, other (drug screen, FCE, CBT) 2%;
- decisions: 85% upheld; the services of a denied surgery are upheld with it, and 85% of those
  of a certified one are overturned with it; the notice layout says
  "is (not) medically necessary and appropriate", 20% of notices with the source's "notmedically"
  in the cover sentences; 30% of professional reviews keep the template's fixed "IS/WAS NOT"
  heading, so the rationale's conclusion decides;
- quantities of visit-based services, per item: "2x6" 18%, "2 times a week for 6 weeks" 22% (also
  "twice", "three times ... four weeks", "visits per week", "weekly"), "twelve (12) sessions"
  10%, "12 sessions" 13%, "#6" 7%, "x6" 7%, "times 6" 4%, none 7%, and the combined forms of
  real letters ("Twelve ... visits, 2 times weekly for 6 weeks", "... for 3 weeks (6)", "two
  times four visits (8)", "six (6) ... sessions three times per week for two weeks") 12%;
  medications "Norco 10/325mg #90" (also ", #90", with a sig, "Qty: 90", "90 tablets", refills,
  "Retrospective ... (DOS date)", "30 day supply") or no quantity 10%; devices "30 day trial",
  "7 day rental", "one month home trial"; 10% of DWC items that state a count are partial
  authorizations, a third of them in the "leaving the original request IMR eligible" wording;
- text: lines wrapped at 86 to 97 characters with a trailing space, as PDF text comes out; 10% of
  DWC letters have a blank line where a page broke; summary dates as 10-23-2016, 10/23/2016 or
  October 23, 2016.

The clinical summary gives the age and sex, the injury date, diagnoses, prior visits by modality,
the pain score, the local examination, neurologic findings (stated or negated), the work status,
the medications and the request and its review; `SyntheticLetter.facts` records what it states.
Each rationale reads the guideline, says what in the record decides, and ends in a conclusion.

Every sentence was written for this module; real letters were read for their structure only.
Names, employers, claim numbers and dates are invented, and case numbers are `CM99-nnnnnnn`, a year
no real case carries. One `random.Random(seed)` drives every choice, so a seed gives the same
letter on every run of the same Python version.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from engine.models import Decision, Layout, Quantity

# A permutation of 0..9,999,999 (the multiplier is coprime to 10**7), so consecutive seeds get
# distinct, unordered-looking case numbers.
_CASE_MULTIPLIER = 6_180_339
_CASE_OFFSET = 2_718_281
_CASE_SPACE = 10_000_000


@dataclass(frozen=True)
class SyntheticItem:
    """One disputed item as the parser should read it."""

    request: str
    decision: Decision
    category: str
    subtype: str | None = None  # None: not checked
    quantity: Quantity = field(default_factory=Quantity)
    perioperative: bool = False
    phrasing: str = "none"  # how the quantity is written: "NxM", "per week", "word (n)", ...
    decision_source: str = "heading"  # "conclusion" where the heading states no decision
    original_request: str | None = None  # partial authorizations
    authorized_request: str | None = None


@dataclass(frozen=True)
class SyntheticLetter:
    """A letter's text and what it should parse to."""

    seed: int
    layout: Layout
    case_number: str  # also the file name; the professional layout does not print it
    text: str
    items: tuple[SyntheticItem, ...]
    # Facts the clinical summary states, by the names of rules/facts.yaml.
    facts: dict[str, Any] = field(default_factory=dict)

    @property
    def file_name(self) -> str:
        return f"{self.case_number}.txt"

    @property
    def printed_case_number(self) -> str | None:
        """The case number as the text shows it: None for the professional layout."""
        return None if self.layout is Layout.PROFESSIONAL else self.case_number


def case_number_for(seed: int) -> str:
    return f"CM99-{(seed * _CASE_MULTIPLIER + _CASE_OFFSET) % _CASE_SPACE:07d}"


def make_letter(seed: int) -> SyntheticLetter:
    """The letter of one seed: same seed, same letter."""
    return _Writer(seed).letter()


def make_letters(count: int, seed: int = 0) -> Iterator[SyntheticLetter]:
    """Letters of seeds `seed`, `seed + 1`, ...: distinct case numbers for up to 10 million."""
    for offset in range(count):
        yield make_letter(seed + offset)


def write_letters(folder: str | Path, count: int, seed: int = 0) -> list[Path]:
    """Write `count` letters to `folder` as `<case number>.txt` and return their paths."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    paths = []
    for letter in make_letters(count, seed):
        path = target / letter.file_name
        path.write_text(letter.text, encoding="utf-8")
        paths.append(path)
    return paths


# --- vocabulary of the generator -----------------------------------------------------------------

NUMBER_WORDS = {
    1: "one",
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
    12: "twelve",
    14: "fourteen",
    16: "sixteen",
    18: "eighteen",
    20: "twenty",
    24: "twenty-four",
}
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
FIRST_NAMES = {
    "female": ("Alma", "Celia", "Edith", "Gloria", "Irene", "Katrin", "Mireya", "Odette",
               "Rosalind", "Tamsin", "Verna", "Yesenia"),
    "male": ("Bernard", "Dario", "Felipe", "Hector", "Jarvis", "Leandro", "Nolan", "Porfirio",
             "Silvio", "Ulises", "Wendell", "Zoltan"),
}  # fmt: skip
LAST_NAMES = (
    "Abernathy", "Bellweather", "Cordova-Lin", "Dunmore", "Esquivel", "Fairbrook", "Galloway",
    "Halvorsen", "Ibarrola", "Jessup", "Kettleman", "Larrabee", "Montijo", "Nakashima-Ruiz",
    "Oyelaran", "Pettigrew", "Quarles", "Rosenthal-Vega", "Sandoval", "Thistlewood", "Urquidez",
    "Vanterpool", "Whitcombe", "Yarborough",
)  # fmt: skip
EMPLOYERS = (
    "Harbor Crest Logistics", "Bayline Produce Company", "Tri-County Transit Authority",
    "Sunmeadow Care Center", "Redfield Unified School District", "Copperline Fabrication",
    "Valle Verde Hotels", "Northgate Building Supply", "Pinecrest Regional Hospital",
    "Alder Point Packaging",
)  # fmt: skip
ADMINISTRATORS = (
    "Sierra Vista Claims Services", "Westmark Risk Administrators", "Golden Oak Claims Management",
    "Pacific Bluff Insurance Services", "Clearwater Public Entity Claims",
)  # fmt: skip
OCCUPATIONS = (
    "warehouse associate", "bus driver", "certified nursing assistant", "line cook",
    "delivery driver", "carpenter", "grocery clerk", "custodian", "dental assistant",
    "forklift operator", "office assistant", "electrician", "landscaper", "housekeeper",
    "machine operator", "police officer", "teacher's aide", "plumber", "cashier",
    "medical assistant", "roofer", "truck driver", "assembler", "security guard", "painter",
    "welder",
)  # fmt: skip
SPECIALTIES = (
    ("Physical Medicine & Rehabilitation", "Physical Medicine and Rehabilitation"),
    ("Orthopedic Surgery", "Orthopedic Surgery"),
    ("Family Practice", "Family Medicine"),
    ("Internal Medicine", "Internal Medicine"),
    ("Anesthesiology, Pain Medicine", "Anesthesiology"),
    ("Occupational Medicine", "Occupational Medicine"),
    ("Chiropractor", "Chiropractic Medicine"),
)
STATES = ("California", "California, Nevada", "California, Oregon", "Arizona, California")

SPINE = ("lumbar", "cervical", "thoracic")
MECHANISMS = {
    "lumbar": (
        "lifting a case of bottled water onto a shelf",
        "moving a patient from a bed to a wheelchair",
        "pulling a loaded pallet jack up a ramp",
        "unloading sacks of concrete mix from a flatbed",
        "bending to pick up a dropped toolbox",
    ),
    "cervical": (
        "driving a company van that was struck from behind",
        "installing ceiling panels overhead for most of a shift",
        "carrying a water heater down a narrow stairway",
    ),
    "thoracic": (
        "carrying sheets of drywall up a staircase",
        "stacking boxes above shoulder height",
    ),
    "shoulder": (
        "lifting an extension ladder off a truck rack",
        "reaching overhead to stack boxes of paper",
        "catching a crate that slid off a pallet",
    ),
    "knee": (
        "stepping down from a loading dock",
        "kneeling on a concrete floor to set tile",
        "turning quickly while carrying a full tray",
    ),
    "wrist": (
        "scanning and keying orders for long shifts",
        "running a pneumatic wrench on an assembly line",
        "bracing a fall on an outstretched hand",
    ),
    "elbow": ("gripping hand tools for long shifts", "pulling heavy hoses across a yard"),
    "hip": ("climbing down from a step stool", "walking across a wet kitchen floor"),
    "ankle": ("stepping into a pothole in the parking lot", "missing the last rung of a ladder"),
}
DIAGNOSES = {
    "lumbar": (
        "lumbar sprain/strain",
        "lumbar disc protrusion at L4-5",
        "lumbar radiculopathy",
        "lumbar degenerative disc disease",
        "lumbar myofascial pain",
    ),
    "cervical": (
        "cervical sprain/strain",
        "cervical disc bulge at C5-6",
        "cervical radiculopathy",
        "cervicalgia",
        "cervical myofascial pain",
    ),
    "thoracic": ("thoracic sprain/strain", "thoracic myofascial pain"),
    "shoulder": (
        "{side} shoulder impingement syndrome",
        "{side} rotator cuff tendinitis",
        "partial thickness tear of the {side} supraspinatus tendon",
        "{side} shoulder sprain/strain",
    ),
    "knee": (
        "tear of the medial meniscus of the {side} knee",
        "{side} knee sprain/strain",
        "patellofemoral syndrome of the {side} knee",
        "osteoarthritis of the {side} knee",
    ),
    "wrist": (
        "{side} carpal tunnel syndrome",
        "{side} wrist sprain/strain",
        "{side} de Quervain's tenosynovitis",
    ),
    "elbow": ("{side} lateral epicondylitis", "{side} elbow sprain/strain"),
    "hip": ("{side} hip sprain/strain", "{side} greater trochanteric bursitis"),
    "ankle": ("{side} ankle sprain", "{side} peroneal tendinitis"),
}
LOCAL_FINDINGS = {
    "lumbar": (
        "tenderness over the lumbar paraspinal muscles",
        "spasm of the lumbar paraspinals",
        "lumbar flexion limited to {deg} degrees",
    ),
    "cervical": (
        "tenderness of the cervical paraspinal and trapezius muscles",
        "cervical rotation limited to {deg} degrees",
    ),
    "thoracic": ("tenderness along the thoracic paraspinals", "painful thoracic rotation"),
    "shoulder": (
        "tenderness over the {side} acromioclavicular joint",
        "{side} shoulder abduction to {deg} degrees",
        "a painful arc on the {side}",
    ),
    "knee": (
        "medial joint line tenderness of the {side} knee",
        "a small effusion of the {side} knee",
        "{side} knee flexion to {deg} degrees",
    ),
    "wrist": (
        "a positive Tinel's sign at the {side} wrist",
        "tenderness over the {side} first dorsal compartment",
    ),
    "elbow": (
        "tenderness over the {side} lateral epicondyle",
        "pain with resisted wrist extension on the {side}",
    ),
    "hip": (
        "tenderness over the {side} greater trochanter",
        "painful internal rotation of the {side} hip",
    ),
    "ankle": (
        "swelling of the {side} lateral ankle",
        "tenderness over the {side} anterior talofibular ligament",
    ),
}
PAIN_PLACE = {
    "lumbar": "low back pain",
    "cervical": "neck pain",
    "thoracic": "mid back pain",
    "shoulder": "{side} shoulder pain",
    "knee": "{side} knee pain",
    "wrist": "{side} wrist pain",
    "elbow": "{side} elbow pain",
    "hip": "{side} hip pain",
    "ankle": "{side} ankle pain",
}
RADIATION = {
    "lumbar": ("radiating to the {side} leg", "radiating into the {side} buttock and thigh"),
    "cervical": ("radiating to the {side} arm", "radiating into the {side} forearm"),
}
MEDICATION_NAMES = (
    "Norco",
    "tramadol",
    "cyclobenzaprine",
    "naproxen",
    "meloxicam",
    "gabapentin",
    "omeprazole",
    "ibuprofen",
    "tizanidine",
)

# --- small helpers ------------------------------------------------------------------------------


def _list(words: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    """A request inside a sentence: 'Physical therapy ...' -> 'physical therapy ...', while
    'MRI', 'EMG/NCV', 'X-rays' and drug names keep their capitals."""
    first = text.split(" ", 1)[0]
    if first.isupper() or first in PROPER_NAMES or any(ch.isdigit() or ch in "/-" for ch in first):
        return text
    return text[:1].lower() + text[1:]


# A token that would start a line as "12." or "3)" reads as a numbered item heading in the notice
# and professional layouts, so the wrapper never begins a line with one.
_ITEM_NUMBER_TOKEN = re.compile(r"\(?\d{1,2}[.)]\W*$")


def wrap(paragraph: str, width: int) -> list[str]:
    """Greedy wrap at spaces, never splitting a word or starting a line with an item number."""
    lines: list[str] = []
    current: list[str] = []
    length = 0
    for word in paragraph.split():
        fits = length + 1 + len(word) <= width
        if current and not fits and not _ITEM_NUMBER_TOKEN.match(word):
            lines.append(" ".join(current))
            current, length = [word], len(word)
        else:
            length += len(word) + (1 if current else 0)
            current.append(word)
    if current:
        lines.append(" ".join(current))
    return lines


def _us(day: date) -> str:
    return f"{day.month:02d}/{day.day:02d}/{day.year}"


def _short(day: date) -> str:
    return f"{day.month}/{day.day}/{day.year}"


# --- the patient --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Region:
    part: str
    side: str | None

    @property
    def spine(self) -> bool:
        return self.part in SPINE

    @property
    def name(self) -> str:
        return f"{self.part} spine" if self.spine else f"{self.side} {self.part}"

    @property
    def limb(self) -> str:
        return "upper" if self.part in ("cervical", "shoulder", "elbow", "wrist") else "lower"

    def fill(self, template: str, side: str | None = None, **extra: object) -> str:
        return template.format(side=side or self.side or "left", **extra)


@dataclass
class _Patient:
    """Everything the letter says about the injured worker; `facts` records what the summary
    states, by fact name."""

    sex: str
    age: int
    occupation: str
    region: _Region
    injury: date
    report: date
    rfa: date
    ur: date
    received: date
    assigned: date
    decided: date
    diagnoses: list[str]
    prior: dict[str, int]  # prior visits by modality: pt, chiropractic, acupuncture
    pain: int
    work_status: str
    neuro: dict[str, bool]  # stated neurologic findings, by fact name
    radiating: bool | None
    facts: dict[str, Any] = field(default_factory=dict)

    @property
    def he(self) -> str:
        return "she" if self.sex == "female" else "he"

    @property
    def his(self) -> str:
        return "her" if self.sex == "female" else "his"

    @property
    def deficit(self) -> bool:
        return any(self.neuro.get(name) for name in ("motor_deficit", "sensory_deficit"))


# --- requests -----------------------------------------------------------------------------------


@dataclass
class _Request:
    text: str
    category: str
    subtype: str | None
    quantity: Quantity
    phrasing: str
    guideline: tuple[str, str]  # (DWC citation, prose citation for the older layouts)
    criteria: list[str]  # the reviewer's reading of the guideline
    against: list[str]  # what in the record argues for denial
    support: list[str]  # what in the record argues for certification
    perioperative: bool = False
    # Partial authorizations: the request written with another count, and the count.
    recount: Callable[[int], tuple[str, Quantity]] | None = None
    count: int | None = None
    odg: str | None = None  # a second, non-MTUS citation


VISIT_WEIGHTS = (
    ("NxM", 18),
    ("per week", 22),
    ("word (n)", 10),
    ("n sessions", 13),
    ("#n", 7),
    ("xn", 7),
    ("times n", 4),
    ("none", 7),
    ("total, per week", 4),  # "Twelve acupuncture visits, 2 times weekly for 6 weeks"
    ("per week (n)", 4),  # "2 times a week for 3 weeks (6)"
    ("N times M visits (n)", 2),  # "two times four visits (8)"
    ("word (n) per week", 2),  # "six (6) physical therapy sessions three times per week for ..."
)
TOTALS = (4, 6, 8, 10, 12, 16, 18, 24)


def _pick(rng: random.Random, weighted: Sequence[tuple[str, int]]) -> str:
    return rng.choices([name for name, _ in weighted], [w for _, w in weighted])[0]


def _place(rng: random.Random, region: _Region) -> str:
    """Where a therapy is asked for: 'for the lumbar spine', 'to the low back', ..."""
    if region.part == "lumbar" and rng.random() < 0.3:
        return rng.choice(("to the low back", "for the low back"))
    if region.part == "cervical" and rng.random() < 0.3:
        return rng.choice(("to the neck", "for the neck"))
    return f"{rng.choice(('for the', 'to the', 'for the'))} {region.name}"


def _visit_request(
    rng: random.Random, name: str, place: str, additional: bool, phrasing: str | None = None
) -> tuple[str, Quantity, str, Callable[[int], tuple[str, Quantity]] | None]:
    """A visit-based request in one of the phrasings real letters use, with its quantity, the
    phrasing's name and, for stated totals, a way to write it with another count."""
    phrasing = phrasing or _pick(rng, VISIT_WEIGHTS)
    lead = f"Additional {_lower_first(name)}" if additional else name
    per_week, weeks = rng.choice(((1, 6), (2, 3), (2, 4), (2, 6), (3, 2), (3, 4), (2, 8), (3, 6)))
    total = rng.choice(TOTALS)
    recount = None
    if phrasing == "NxM":
        spaced = " x " if rng.random() < 0.2 else "x"
        amount = f"{per_week}{spaced}{weeks}"
        text = rng.choice((f"{lead} {amount} {place}", f"{lead} {place} {amount}"))
        quantity = Quantity(visits=per_week * weeks, per_week=per_week, weeks=weeks)
    elif phrasing == "per week":
        if per_week == 1:
            amount = f"once a week for {weeks} weeks"
        elif per_week == 2 and rng.random() < 0.3:
            amount = f"twice a week for {weeks} weeks"
        elif rng.random() < 0.3:
            amount = f"{NUMBER_WORDS[per_week]} times a week for {NUMBER_WORDS[weeks]} weeks"
        else:
            unit = rng.choice(("times a week", "times per week", "visits per week", "times weekly"))
            amount = f"{per_week} {unit} for {weeks} weeks"
        text = rng.choice((f"{lead} {amount} {place}", f"{lead} {place} {amount}"))
        quantity = Quantity(visits=per_week * weeks, per_week=per_week, weeks=weeks)
    elif phrasing == "word (n)":
        word = _capital(NUMBER_WORDS[total])
        unit = rng.choice(("sessions", "visits"))
        if rng.random() < 0.5:
            text = f"{word} ({total}) {unit} of {_lower_first(lead)} {place}"
        else:
            text = f"{lead} {place}, {word.lower()} ({total}) {unit}"
        quantity = Quantity(visits=total)
    elif phrasing == "n sessions":
        unit = rng.choice(("sessions", "visits", "treatments"))
        template = rng.choice((f"{lead} {{n}} {unit} {place}", f"{lead} {place}, {{n}} {unit}"))
        text = template.format(n=total)
        quantity = Quantity(visits=total)

        def recount(n: int, template: str = template) -> tuple[str, Quantity]:
            return template.format(n=n), Quantity(visits=n, additional=additional)

    elif phrasing == "total, per week":
        total = per_week * weeks
        text = (
            f"{_capital(NUMBER_WORDS[total])} {_lower_first(lead)} visits, {per_week} times weekly "
            f"for {weeks} weeks {place}"
        )
        quantity = Quantity(visits=total, per_week=per_week, weeks=weeks)
    elif phrasing == "per week (n)":
        total = per_week * weeks
        text = f"{lead} {place} {per_week} times a week for {weeks} weeks ({total})"
        quantity = Quantity(visits=total, per_week=per_week, weeks=weeks)
    elif phrasing == "N times M visits (n)":
        total = per_week * weeks
        text = (
            f"{lead} {NUMBER_WORDS[per_week]} times {NUMBER_WORDS[weeks]} visits ({total}) {place}"
        )
        quantity = Quantity(visits=total, per_week=per_week, weeks=weeks)
    elif phrasing == "word (n) per week":
        total = per_week * weeks
        text = (
            f"{_capital(NUMBER_WORDS[total])} ({total}) {_lower_first(lead)} sessions "
            f"{NUMBER_WORDS[per_week]} times per week for {NUMBER_WORDS[weeks]} weeks {place}"
        )
        quantity = Quantity(visits=total, per_week=per_week, weeks=weeks)
    elif phrasing == "#n":
        text = f"{lead} {place} #{total}"
        quantity = Quantity(visits=total)
    elif phrasing == "xn":
        text = rng.choice((f"{lead} x{total} {place}", f"{lead} {place} x {total}"))
        quantity = Quantity(visits=total)
    elif phrasing == "times n":
        text = f"{lead} {place} times {total}"
        quantity = Quantity(visits=total)
    else:
        text = f"{lead} {place}"
        quantity = Quantity()
    return text, quantity.model_copy(update={"additional": additional}), phrasing, recount


# The guideline reading per physical-medicine service: (criteria, odg chapter topic).
PHYSICAL_MEDICINE_CRITERIA = (
    "The MTUS supports physical medicine as a limited course that fades from up to three visits "
    "a week to one or fewer, with the patient carrying on with exercises at home.",
    "For myalgia and myositis the guideline allows 9 to 10 visits over 8 weeks, and for "
    "neuralgia, neuritis and radiculitis 8 to 10 visits over 4 weeks.",
    "According to the guidelines, further visits depend on objective functional improvement "
    "from the visits already given.",
    "The guidelines prefer active therapy to passive care because the worker's own effort "
    "restores function.",
)


def _physical_medicine(rng: random.Random, p: _Patient, kind: str) -> _Request:
    region = p.region
    names = {
        "pt": (
            "Physical therapy",
            "Physical therapy",
            "Physiotherapy",
            "Outpatient physical therapy",
        ),
        "ot": ("Occupational therapy", "Hand therapy"),
        "aquatic": ("Aquatic therapy", "Pool therapy"),
        "massage": ("Massage therapy",),
    }[kind]
    category, subtype = {
        "pt": ("physical_therapy", None),
        "ot": ("occupational_therapy", None),
        "aquatic": ("physical_therapy", "aquatic"),
        "massage": ("massage", None),
    }[kind]
    done = p.prior.get("pt")
    additional = done is not None and rng.random() < 0.35
    text, quantity, phrasing, recount = _visit_request(
        rng, rng.choice(names), _place(rng, region), additional
    )
    against = [
        f"{_capital(p.he)} has already completed {done} sessions of physical therapy, and the "
        f"notes do not describe a gain in daily activities or a lower dependence on care."
        if done
        else "The records do not describe a specific deficit that supervised therapy would "
        "address.",
        "The number of visits asked for goes beyond what the guideline allows for this diagnosis.",
    ]
    support = [
        f"The worker has not yet had therapy for the {region.name}, and the examination shows "
        f"deficits that a short supervised course can address."
        if not done
        else f"After the {done} sessions of physical therapy so far, {p.he} reported improved "
        f"ability to stand and walk at home.",
        "The number of visits asked for stays within the guideline's range.",
    ]
    if kind == "aquatic":
        criteria = [
            "The MTUS recommends aquatic therapy as an optional form of exercise where reduced "
            "weight bearing is desirable, as with extreme obesity.",
            PHYSICAL_MEDICINE_CRITERIA[1],
        ]
        against[1] = "Nothing in the record explains why land-based exercise is not possible."
        guideline = ("Aquatic therapy", "Aquatic therapy, page 22")
    elif kind == "massage":
        criteria = [
            "Massage is recommended only as an adjunct to other care such as exercise, and "
            "limited to 4 to 6 visits in most cases.",
            "The guideline notes that its benefits are short lived and tied to the treatment "
            "itself.",
        ]
        guideline = ("Massage therapy", "Massage therapy, page 60")
    else:
        criteria = rng.sample(PHYSICAL_MEDICINE_CRITERIA, 2)
        guideline = ("Physical Medicine", "Physical Medicine, pages 98-99")
    return _Request(
        text=text,
        category=category,
        subtype=subtype,
        quantity=quantity,
        phrasing=phrasing,
        guideline=guideline,
        criteria=criteria,
        against=against,
        support=support,
        recount=recount,
        count=quantity.visits if recount else None,
        odg=f"Official Disability Guidelines (ODG) {_odg_chapter(region)}, Physical therapy",
    )


def _chiropractic(rng: random.Random, p: _Patient) -> _Request:
    done = p.prior.get("chiropractic")
    additional = done is not None and rng.random() < 0.35
    name = rng.choice(
        (
            "Chiropractic treatment",
            "Chiropractic care",
            "Chiropractic manipulation",
            "Chiropractic therapy",
        )
    )
    text, quantity, phrasing, recount = _visit_request(rng, name, _place(rng, p.region), additional)
    return _Request(
        text=text,
        category="chiropractic",
        subtype=None,
        quantity=quantity,
        phrasing=phrasing,
        guideline=("Manual therapy & manipulation", "Manual therapy & manipulation, pages 58-60"),
        criteria=[
            "The MTUS supports manipulation for chronic pain of musculoskeletal origin as a "
            "trial of 6 visits over 2 weeks.",
            "With objective functional improvement, the guideline allows up to 18 visits over 6 "
            "to 8 weeks.",
            "Manipulation of the ankle, foot, forearm, wrist, hand and knee is not recommended.",
        ][: 2 if p.region.spine else 3],
        against=[
            f"{_capital(p.he)} has already had {done} chiropractic visits, and no measured change "
            f"in function is reported from them."
            if done
            else "The quantity asked for is more than the initial trial the guideline allows.",
        ],
        support=[
            "This is a first course of manipulation, within the trial the guideline allows."
            if not done
            else f"After the {done} chiropractic visits so far, {p.he} reported improved "
            f"ability to sit through a full shift.",
        ],
        recount=recount,
        count=quantity.visits if recount else None,
        odg=f"Official Disability Guidelines (ODG) {_odg_chapter(p.region)}, Manipulation",
    )


def _acupuncture(rng: random.Random, p: _Patient) -> _Request:
    done = p.prior.get("acupuncture")
    additional = done is not None and rng.random() < 0.35
    electro = rng.random() < 0.12
    name = (
        "Electroacupuncture"
        if electro
        else rng.choice(("Acupuncture", "Acupuncture treatment", "Acupuncture therapy"))
    )
    text, quantity, phrasing, recount = _visit_request(rng, name, _place(rng, p.region), additional)
    return _Request(
        text=text,
        category="acupuncture",
        subtype="electro_acupuncture" if electro else None,
        quantity=quantity,
        phrasing=phrasing,
        guideline=(
            "MTUS Acupuncture Medical Treatment 2016",
            "Acupuncture Medical Treatment Guidelines, section 9792.24.1",
        ),
        criteria=[
            "Under the Acupuncture Medical Treatment Guidelines, acupuncture may be used when "
            "pain medication is reduced or not tolerated, or alongside physical rehabilitation.",
            "The guidelines expect functional improvement within 3 to 6 treatments given 1 to 3 "
            "times a week, over an optimal span of 1 to 2 months.",
            "Treatment beyond that should depend on documented functional improvement.",
        ],
        against=[
            f"The {done} acupuncture treatments already given are not followed by any recorded "
            f"change in function or medication use."
            if done
            else "The number of treatments asked for exceeds the initial trial of 3 to 6.",
        ],
        support=[
            f"After the {done} acupuncture treatments, {p.he} reported improved ability to "
            f"sleep and to lift, and took fewer pain pills."
            if done
            else "This is an initial trial within the number the guideline allows.",
        ],
        recount=recount,
        count=quantity.visits if recount else None,
    )


def _odg_chapter(region: _Region) -> str:
    return {
        "lumbar": "Low Back",
        "cervical": "Neck and Upper Back",
        "thoracic": "Low Back",
        "shoulder": "Shoulder",
        "knee": "Knee & Leg",
        "wrist": "Forearm, Wrist & Hand",
        "elbow": "Elbow",
        "hip": "Hip & Pelvis",
        "ankle": "Ankle & Foot",
    }[region.part]


def _mtus_chapter(region: _Region) -> tuple[str, str]:
    """The MTUS ACOEM chapter of a region, as DWC letters cite it and as prose."""
    return {
        "lumbar": ("Low Back Complaints 2004", "ACOEM Practice Guidelines, Chapter 12"),
        "thoracic": ("Low Back Complaints 2004", "ACOEM Practice Guidelines, Chapter 12"),
        "cervical": ("Neck and Upper Back Complaints 2004", "ACOEM Practice Guidelines, Chapter 8"),
        "shoulder": ("Shoulder Complaints 2004", "ACOEM Practice Guidelines, Chapter 9"),
        "elbow": ("Elbow Disorders 2007", "ACOEM Practice Guidelines, Elbow Disorders"),
        "wrist": (
            "Forearm, Wrist, and Hand Complaints 2004",
            "ACOEM Practice Guidelines, Chapter 11",
        ),
        "knee": ("Knee Complaints 2004", "ACOEM Practice Guidelines, Chapter 13"),
        "hip": ("Low Back Complaints 2004", "ACOEM Practice Guidelines, Chapter 12"),
        "ankle": ("Ankle and Foot Complaints 2004", "ACOEM Practice Guidelines, Chapter 14"),
    }[region.part]


def _imaging(rng: random.Random, p: _Patient) -> _Request:
    region = p.region
    modality = rng.choices(("mri", "ct", "xray"), (65, 12, 23))[0]
    contrast = " without contrast" if rng.random() < 0.4 else ""
    repeat = modality == "mri" and rng.random() < 0.08
    once = rng.random() < 0.04
    where = region.name
    if modality == "mri":
        text = rng.choice(
            (
                f"MRI of the {where}{contrast}",
                f"MRI (magnetic resonance imaging) of the {where}{contrast}",
                f"{_capital(where)} MRI{contrast}",
                f"MRI {where}{contrast}",
            )
        )
        if repeat:
            text = f"Repeat {text}" if text.startswith("MRI") else f"Repeat MRI of the {where}"
    elif modality == "ct":
        text = rng.choice((f"CT scan of the {where}{contrast}", f"CT of the {where}"))
    else:
        text = rng.choice(
            (f"X-rays of the {where}", f"{_capital(where)} x-rays", f"X-ray of the {where}")
        )
    if once:
        text += " times 1"
    chapter, prose = _mtus_chapter(region)
    neuro = (
        "The examination documents a focal neurologic deficit that matches the symptoms."
        if p.deficit
        else "The examination documents no focal neurologic deficit."
    )
    return _Request(
        text=text,
        category="imaging",
        subtype=modality,
        quantity=Quantity(units=1 if once else None, additional=repeat),
        phrasing="times 1" if once else "none",
        guideline=(f"MTUS {chapter}, Section(s): Special Studies", f"{prose}, Special Studies"),
        criteria=[
            "The guidelines reserve imaging for red flags, physiologic evidence of tissue insult "
            "or nerve impairment, failure to progress in a strengthening program, or the planning "
            "of an invasive procedure.",
            "Per the MTUS, plain films come first for most complaints, and advanced imaging "
            "follows when they leave the question open.",
        ],
        against=[
            neuro if not p.deficit else "No surgery or injection is being planned.",
            "No red flag such as fracture, infection or tumor is described.",
        ],
        support=[
            "The symptoms have persisted despite more than six weeks of conservative care.",
            neuro if p.deficit else "An injection is being planned and the anatomy must be known.",
        ],
        odg=f"Official Disability Guidelines (ODG) {_odg_chapter(region)}, "
        f"{'MRIs' if modality == 'mri' else 'Radiography'}",
    )


def _electrodiagnostics(rng: random.Random, p: _Patient) -> _Request:
    limb = p.region.limb
    side = p.region.side or rng.choice(("left", "right"))
    name, subtype = rng.choice(
        (
            ("EMG/NCV", "emg_ncv"),
            ("EMG/NCS", "emg_ncv"),
            ("Electromyography and nerve conduction studies", "emg_ncv"),
            ("NCV", "ncv"),
            ("Nerve conduction studies", "ncv"),
            ("EMG", "emg"),
        )
    )
    where = rng.choice(
        (
            f"of the bilateral {limb} extremities",
            f"of the {side} {limb} extremity",
            f"of both {limb} extremities",
        )
    )
    text, quantity, phrasing = f"{name} {where}", Quantity(), "none"
    if ("bilateral" in where or "both" in where) and rng.random() < 0.1:
        # One study of each limb: "NCV bilateral lower extremities QTY: 2".
        text, quantity, phrasing = f"{text}, QTY: 2", Quantity(units=2), "quantity"
    return _Request(
        text=text,
        category="electrodiagnostics",
        subtype=subtype,
        quantity=quantity,
        phrasing=phrasing,
        guideline=(
            f"MTUS {_mtus_chapter(p.region)[0]}, Section(s): Special Studies",
            f"{_mtus_chapter(p.region)[1]}, Special Studies",
        ),
        criteria=[
            "The guidelines note that electrodiagnostic testing can help identify subtle focal "
            "neurologic dysfunction when symptoms last longer than three or four weeks.",
            "ODG adds that nerve conduction studies add little where the clinical picture "
            "already points to a radiculopathy.",
        ],
        against=[
            "The symptoms are not described in a dermatomal or peripheral nerve pattern.",
        ],
        support=[
            "Numbness has persisted for more than a month, and the examination does not settle "
            "whether it comes from a nerve root or a peripheral nerve.",
        ],
    )


# (name, strengths, counts, class, MTUS section, form words)
DRUGS = (
    ("Norco", ("10/325mg", "7.5/325mg", "5/325mg", "10/325 mg"), (60, 90, 120, 180), "opioid",
     "Opioids, criteria for use"),
    ("Hydrocodone/APAP", ("10/325mg", "5/325mg"), (60, 90, 120), "opioid",
     "Opioids, criteria for use"),
    ("Tramadol ER", ("150mg", "100mg"), (30, 60), "opioid", "Tramadol (Ultram)"),
    ("Tramadol", ("50mg",), (60, 90, 120), "opioid", "Tramadol (Ultram)"),
    ("Oxycodone", ("10mg", "5mg", "15mg"), (60, 90, 120), "opioid", "Opioids, criteria for use"),
    ("Cyclobenzaprine", ("7.5mg", "10mg", "5mg"), (30, 60, 90), "muscle_relaxant",
     "Muscle relaxants (for pain)"),
    ("Tizanidine", ("4mg", "2mg"), (60, 90), "muscle_relaxant", "Muscle relaxants (for pain)"),
    ("Methocarbamol", ("750mg", "500mg"), (60, 90), "muscle_relaxant",
     "Muscle relaxants (for pain)"),
    ("Naproxen sodium", ("550mg",), (60, 90), "nsaid", "NSAIDs (non-steroidal anti-inflammatory drugs)"),
    ("Naproxen", ("500mg",), (60, 90), "nsaid", "NSAIDs (non-steroidal anti-inflammatory drugs)"),
    ("Meloxicam", ("15mg", "7.5mg"), (30, 60), "nsaid", "NSAIDs (non-steroidal anti-inflammatory drugs)"),
    ("Celecoxib", ("200mg",), (30, 60), "nsaid", "NSAIDs (non-steroidal anti-inflammatory drugs)"),
    ("Ibuprofen", ("800mg", "600mg"), (60, 90), "nsaid", "NSAIDs (non-steroidal anti-inflammatory drugs)"),
    ("Omeprazole", ("20mg",), (30, 60, 90), "ppi", "NSAIDs, GI symptoms & cardiovascular risk"),
    ("Pantoprazole", ("20mg", "40mg"), (30, 60), "ppi", "NSAIDs, GI symptoms & cardiovascular risk"),
    ("Gabapentin", ("300mg", "600mg"), (60, 90, 180), "anticonvulsant", "Anti-epilepsy drugs (AEDs)"),
    ("Pregabalin", ("75mg", "50mg"), (60, 90), "anticonvulsant", "Anti-epilepsy drugs (AEDs)"),
    ("Duloxetine", ("30mg", "60mg"), (30, 60), "antidepressant", "Antidepressants for chronic pain"),
    ("Amitriptyline", ("25mg", "10mg"), (30, 60), "antidepressant", "Antidepressants for chronic pain"),
    ("Zolpidem", ("10mg", "5mg"), (30,), "hypnotic", "Insomnia treatment"),
    ("Lidoderm 5% patches", ("",), (30, 60), "topical_analgesic", "Lidoderm (lidocaine patch)"),
    ("Voltaren gel 1%", ("",), (1, 2, 3), "topical_analgesic", "Topical Analgesics"),
)  # fmt: skip
# Names that keep their capital inside a sentence.
PROPER_NAMES = frozenset({drug[0].split()[0] for drug in DRUGS} | {"Synvisc"})
DRUG_WEIGHTS = (16, 5, 5, 6, 4, 9, 4, 3, 5, 3, 4, 3, 4, 7, 4, 6, 3, 3, 2, 3, 3, 3)
SIGS = (
    "one tablet twice a day",
    "one by mouth every 8 hours as needed",
    "1 tab three times daily",
    "one at bedtime",
)
MEDICATION_CRITERIA = {
    "opioid": (
        "The MTUS calls for ongoing review of pain relief, function, side effects and aberrant "
        "drug-taking behavior during continued opioid therapy.",
        "Opioids should be weaned when there is no overall improvement in function.",
    ),
    "muscle_relaxant": (
        "The MTUS recommends non-sedating muscle relaxants as a second-line option for "
        "short-term treatment of acute flare-ups of chronic low back pain.",
        "According to the guidelines, most muscle relaxants lose their effect with time, and "
        "long use can lead to dependence.",
    ),
    "nsaid": (
        "NSAIDs are recommended at the lowest dose for the shortest period in patients with "
        "moderate to severe pain.",
        "For chronic low back pain the guidelines consider them an option for short-term "
        "symptomatic relief.",
    ),
    "ppi": (
        "A proton pump inhibitor is recommended with NSAIDs for patients at intermediate or "
        "high risk of gastrointestinal events.",
        "The guideline lists age over 65, a history of peptic ulcer or bleeding, and the use of "
        "aspirin, corticosteroids or anticoagulants as risk factors.",
    ),
    "anticonvulsant": (
        "Anti-epilepsy drugs are recommended for neuropathic pain.",
        "The guidelines describe a good response as a 50% reduction in pain and a moderate one "
        "as 30%; less than that calls for a switch or a combination.",
    ),
    "antidepressant": (
        "The MTUS recommends antidepressants as a first-line option for neuropathic pain and a "
        "possible one for non-neuropathic pain.",
        "Their effect should be assessed by pain relief, function, sleep and side effects.",
    ),
    "hypnotic": (
        "ODG recommends zolpidem only for the short-term treatment of insomnia, usually two to "
        "six weeks.",
        "Sleep hygiene and the cause of the insomnia should be addressed first.",
    ),
    "topical_analgesic": (
        "The MTUS describes topical analgesics as largely experimental, with few randomized "
        "trials of efficacy or safety.",
        "Topical lidocaine is supported for localized peripheral neuropathic pain after a "
        "first-line drug has failed.",
    ),
}


def _medication(rng: random.Random, p: _Patient) -> _Request:
    drug, strengths, counts, drug_class, section = rng.choices(DRUGS, DRUG_WEIGHTS)[0]
    strength = rng.choice(strengths)
    count = rng.choice(counts)
    name = f"{drug} {strength}".strip()
    form = rng.choices(
        ("#n", ", #n", "sig #n", "quantity", "tablets", "none", "refills", "dos", "supply"),
        (40, 10, 8, 8, 5, 10, 6, 6, 7),
    )[0]
    topical = drug_class == "topical_analgesic"
    if topical and form in ("sig #n", "tablets"):
        form = "#n"
    units: int | None = count
    days = None
    template = f"{name} #{{n}}"
    if form == ", #n":
        template = f"{name}, #{{n}}"
    elif form == "sig #n":
        template = f"{name}, {rng.choice(SIGS)}, #{{n}}"
    elif form == "quantity":
        template = f"{name} {rng.choice(('quantity', 'Qty:', 'QTY'))} {{n}}"
    elif form == "tablets":
        unit = "capsules" if drug in ("Gabapentin", "Pregabalin", "Omeprazole") else "tablets"
        template = f"{name} {{n}} {unit}"
    elif form == "refills":
        template = f"{name} #{{n}} with {rng.choice(('1 refill', '2 refills', 'three refills'))}"
    elif form == "dos":
        when = _short(p.report - timedelta(days=rng.randint(0, 20)))
        template = rng.choice(
            (
                f"Retrospective {name} #{{n}} (DOS {when})",
                f"Retrospective {name} #{{n}}, per {when} order",
            )
        )
    elif form == "supply":
        days = 30
        template = f"{name} #{{n}}, {rng.choice(('30 day supply', '30-day supply'))}"
    if form == "none":
        template, units = name, None
    text = template.format(n=count)

    def recount(n: int, template: str = template, days: int | None = days) -> tuple[str, Quantity]:
        return template.format(n=n), Quantity(units=n, days=days)

    plain = drug.split()[0].lower()
    if drug_class == "opioid":
        against = (
            "The records give no pain scores with and without the medication, no urine drug "
            "screen and no measured gain in function."
        )
        support = (
            "The progress notes record less pain and better function with the medication, a "
            "consistent urine drug screen and a signed opioid agreement."
        )
    elif drug_class == "ppi":
        against = (
            f"The records describe no gastrointestinal symptoms and none of the risk factors "
            f"that would call for {plain}."
        )
        support = f"{_capital(p.he)} has a history of gastritis while taking an anti-inflammatory."
    else:
        against = f"The records do not describe what {plain} has done for {p.his} pain or function."
        support = f"The progress notes describe a clear benefit from {plain} and no side effects."
    if drug_class == "hypnotic":
        dwc = "Non-MTUS Citation Official Disability Guidelines (ODG) Pain, Insomnia treatment"
        prose = "Official Disability Guidelines (ODG), Pain, Insomnia treatment"
    else:
        dwc = f"MTUS Chronic Pain Medical Treatment 2016, Section(s): {section}"
        prose = f"Chronic Pain Medical Treatment Guidelines, {section}"
    return _Request(
        text=text,
        category="medication",
        subtype=drug_class,
        quantity=Quantity(units=units, days=days),
        phrasing="none" if units is None else form,
        guideline=(dwc, prose),
        criteria=list(MEDICATION_CRITERIA[drug_class]),
        against=[against],
        support=[support],
        recount=recount if units is not None else None,
        count=units,
    )


def _dme(rng: random.Random, p: _Patient) -> _Request:
    part = p.region.part
    choices: list[tuple[str, str, Quantity, str]] = [
        ("TENS unit", "tens", Quantity(), "none"),
        ("TENS unit, 30 day trial", "tens", Quantity(days=30), "days"),
        ("Home interferential unit", "tens", Quantity(), "none"),
        ("H-wave unit, 30 day trial", "tens", Quantity(days=30), "days"),
        ("TENS unit, one month home trial", "tens", Quantity(months=1), "months"),
        ("TENS unit, 3 month trial", "tens", Quantity(months=3), "months"),
    ]
    side = p.region.side or "left"
    if part in ("lumbar", "thoracic"):
        choices += [
            ("Lumbar back brace", "brace", Quantity(), "none"),
            ("LSO brace", "brace", Quantity(), "none"),
            ("Lumbar support brace x1", "brace", Quantity(units=1), "xn"),
        ]
    elif part == "knee":
        choices += [
            (f"{_capital(side)} knee brace", "brace", Quantity(), "none"),
            ("Hinged knee brace", "brace", Quantity(), "none"),
            ("Front wheeled walker", "walker", Quantity(), "none"),
        ]
    elif part == "wrist":
        choices += [(f"{_capital(side)} wrist splint", "brace", Quantity(), "none")]
    elif part == "cervical":
        choices += [("Cervical collar", "brace", Quantity(), "none")]
    elif part == "ankle":
        choices += [(f"{_capital(side)} ankle brace", "brace", Quantity(), "none")]
    elif part == "hip":
        choices += [("Single point cane", "cane", Quantity(), "none")]
    text, subtype, quantity, phrasing = rng.choice(choices)
    tens = subtype == "tens"
    return _Request(
        text=text,
        category="dme",
        subtype=subtype,
        quantity=quantity,
        phrasing=phrasing,
        guideline=(
            "MTUS Chronic Pain Medical Treatment 2016, Section(s): Transcutaneous electrotherapy"
            if tens
            else f"MTUS {_mtus_chapter(p.region)[0]}, Section(s): Initial Care",
            "Chronic Pain Medical Treatment Guidelines, TENS, chronic pain, pages 114-116"
            if tens
            else f"{_mtus_chapter(p.region)[1]}, Initial Care",
        ),
        criteria=[
            "The MTUS supports a one-month home trial of TENS as an adjunct to a program of "
            "functional restoration for neuropathic pain, spasticity or phantom limb pain."
            if tens
            else "The guidelines note that supports and braces have not been shown to give "
            "lasting benefit beyond the acute phase of symptom relief.",
            "The device should come with a plan that says what it is meant to achieve.",
        ],
        against=[
            "No treatment plan with short- and long-term goals for the device is documented.",
        ],
        support=[
            "The treating physician describes a plan for the device, a period of use and the "
            "goals it is meant to reach.",
        ],
    )


def _injection(rng: random.Random, p: _Patient) -> _Request:
    region = p.region
    side = region.side or rng.choice(("left", "right"))
    quantity, phrasing = Quantity(), "none"
    if region.part == "lumbar":
        text, subtype = rng.choice(
            (
                (f"{_capital(side)} L5-S1 transforaminal epidural steroid injection", "epidural"),
                ("Lumbar epidural steroid injection at L4-5", "epidural"),
                ("Bilateral L4-5 and L5-S1 medial branch blocks", "facet"),
                ("Lumbar facet injections at L4-5 and L5-S1", "facet"),
            )
        )
    elif region.part == "cervical":
        text, subtype = rng.choice(
            (
                ("Cervical epidural steroid injection at C6-7", "epidural"),
                (f"{_capital(side)} C5-6 transforaminal epidural steroid injection", "epidural"),
            )
        )
    elif region.part == "thoracic":
        text, subtype = (
            "Trigger point injections to the thoracic paraspinal muscles",
            "trigger_point",
        )
    elif region.part == "knee" and rng.random() < 0.4:
        count = rng.choice((3, 5))
        text, subtype = f"Synvisc injections to the {side} knee x{count}", "viscosupplementation"
        quantity, phrasing = Quantity(visits=count), "xn"
    else:
        text, subtype = f"{_capital(region.name)} corticosteroid injection", "joint"
    if subtype == "trigger_point" and rng.random() < 0.5:
        count = rng.choice((2, 3, 4))
        text = f"Trigger point injections x{count}"
        quantity, phrasing = Quantity(visits=count), "xn"
    epidural = subtype == "epidural"
    return _Request(
        text=text,
        category="injection",
        subtype=subtype,
        quantity=quantity,
        phrasing=phrasing,
        guideline=(
            "MTUS Chronic Pain Medical Treatment 2016, Section(s): Epidural steroid injections (ESIs)"
            if epidural
            else f"MTUS {_mtus_chapter(region)[0]}, Section(s): Initial Care",
            "Chronic Pain Medical Treatment Guidelines, Epidural steroid injections (ESIs), page 46"
            if epidural
            else f"{_mtus_chapter(region)[1]}, Initial Care",
        ),
        criteria=[
            "The MTUS recommends epidural injections as an option for radicular pain when "
            "radiculopathy is found on examination and confirmed by imaging or electrodiagnostic "
            "testing."
            if epidural
            else "The guidelines consider an injection when pain persists after several weeks "
            "of exercise, activity change and oral medication.",
            "The patient should also have failed conservative care such as exercise and "
            "anti-inflammatory medication.",
        ],
        against=[
            "The examination does not show the radicular findings that would be needed."
            if epidural and not p.deficit
            else "There is no record of how the pain responded to an adequate trial of "
            "exercise before this.",
        ],
        support=[
            "The examination findings agree with the imaging, and months of therapy and "
            "medication have not controlled the pain.",
        ],
    )


def _consultation(rng: random.Random, p: _Patient) -> _Request:
    choices = [
        "Pain management consultation",
        "Consultation with a pain management specialist",
        f"Orthopedic consultation for the {p.region.name}",
    ]
    if p.region.spine:
        choices += ["Referral to a spine surgeon", "Neurology consultation"]
    elif p.region.part in ("wrist", "elbow"):
        choices += ["Consultation with a hand surgeon"]
    text = rng.choice(choices)
    return _Request(
        text=text,
        category="consultation",
        subtype=None,
        quantity=Quantity(),
        phrasing="none",
        guideline=(
            "Non-MTUS Citation ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 7, page 127",
            "ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 7, page 127",
        ),
        criteria=[
            "The ACOEM guidelines consider a referral reasonable when the diagnosis is uncertain "
            "or complex, when psychosocial factors are present, or when the plan would benefit "
            "from added expertise.",
        ],
        against=[
            "The records do not say what question the consultant is asked to answer, and the "
            "current care has not been exhausted.",
        ],
        support=[
            "The diagnosis remains uncertain after several months of care, and the treating "
            "physician has asked a specific question that falls outside "
            f"{p.his} own specialty.",
        ],
    )


def _other(rng: random.Random, p: _Patient) -> _Request:
    kind = rng.choice(("uds", "fce", "cbt"))
    if kind == "uds":
        text = rng.choice(("Urine drug screen", "Urine drug testing", "Random urine drug screen"))
        category, quantity, phrasing = "laboratory", Quantity(), "none"
        section = "Drug testing"
    elif kind == "fce":
        text, category, quantity, phrasing = (
            "Functional capacity evaluation",
            "functional_testing",
            Quantity(),
            "none",
        )
        section = "Work conditioning, work hardening"
    else:
        text, quantity, phrasing, _ = _visit_request(
            rng,
            "Cognitive behavioral therapy",
            "for chronic pain",
            False,
            phrasing=rng.choice(("n sessions", "per week", "word (n)")),
        )
        category = "psychotherapy"
        section = "Behavioral interventions"
    return _Request(
        text=text,
        category=category,
        subtype=None,
        quantity=quantity,
        phrasing=phrasing,
        guideline=(
            f"MTUS Chronic Pain Medical Treatment 2016, Section(s): {section}",
            f"Chronic Pain Medical Treatment Guidelines, {section}",
        ),
        criteria=[
            "The guidelines support the service when the record shows a clear clinical reason "
            "for it and a plan for using its result.",
        ],
        against=["The record gives no reason for the service at this point in care."],
        support=["The record explains the clinical reason and how the result will be used."],
    )


SERVICE_MAKERS: tuple[tuple[Callable[[random.Random, _Patient], _Request], int], ...] = (
    (lambda rng, p: _physical_medicine(rng, p, "pt"), 16),
    (lambda rng, p: _physical_medicine(rng, p, "ot" if p.region.limb == "upper" else "pt"), 2),
    (lambda rng, p: _physical_medicine(rng, p, "aquatic"), 2),
    (lambda rng, p: _physical_medicine(rng, p, "massage"), 2),
    (_chiropractic, 9),
    (_acupuncture, 9),
    (_imaging, 15),
    (_electrodiagnostics, 6),
    (_medication, 22),
    (_dme, 7),
    (_injection, 5),
    (_consultation, 3),
    (_other, 2),
)

# --- surgery and the services that go with it ---------------------------------------------------

SURGERIES = {
    "shoulder": (
        "{Side} shoulder arthroscopy with subacromial decompression",
        "{Side} shoulder arthroscopic rotator cuff repair",
        "{Side} shoulder arthroscopy, subacromial decompression and distal clavicle excision",
    ),
    "knee": (
        "{Side} knee arthroscopy with partial medial meniscectomy",
        "{Side} knee arthroscopic chondroplasty",
    ),
    "wrist": ("{Side} carpal tunnel release", "{Side} open carpal tunnel release"),
    "lumbar": ("L4-5 microdiscectomy", "L5-S1 laminectomy and discectomy"),
    "cervical": ("Anterior cervical discectomy and fusion at C5-6",),
}


def _surgery(rng: random.Random, p: _Patient) -> _Request:
    text = rng.choice(SURGERIES[p.region.part]).format(Side=_capital(p.region.side or "left"))
    chapter, prose = _mtus_chapter(p.region)
    return _Request(
        text=text,
        category="surgery",
        subtype=None,
        quantity=Quantity(),
        phrasing="none",
        guideline=(
            f"MTUS {chapter}, Section(s): Surgical Considerations",
            f"{prose}, Surgical Considerations",
        ),
        criteria=[
            "The guidelines consider surgery when activity limitation has lasted more than a few "
            "months, conservative care has failed, and imaging shows a lesion that surgery is "
            "known to help.",
            "The guideline requires that the lesion on imaging match the symptoms and the "
            "examination.",
        ],
        against=[
            "The imaging report was not provided, and the examination does not show the findings "
            "the procedure is meant to treat.",
        ],
        support=[
            "Months of therapy, medication and an injection have failed, and the imaging shows a "
            "lesion that matches the examination.",
        ],
    )


# (request, category, subtype, quantity, quantity phrasing) of a service that goes with a surgery.
_Ancillary = tuple[str, str, str, Quantity, str]


def _ancillaries(rng: random.Random, p: _Patient) -> list[_Ancillary]:
    """(request after the prefix, category, subtype, quantity, phrasing) of the services a
    surgery of this region may need; the request names its relation to the surgery."""
    side = p.region.side or "left"
    common: list[_Ancillary] = [
        ("Pre-operative medical clearance", "perioperative", "clearance", Quantity(), "none"),
        ("Pre-operative labs", "perioperative", "labs", Quantity(), "none"),
        ("Pre-operative EKG", "perioperative", "ekg", Quantity(), "none"),
        ("Pre-operative chest x-ray", "perioperative", "chest_xray", Quantity(), "none"),
        ("Assistant surgeon", "perioperative", "assistant_surgeon", Quantity(), "none"),
        ("Post-operative Norco 10/325mg #40", "medication", "opioid", Quantity(units=40), "#n"),
    ]
    therapy = "occupational therapy" if p.region.part == "wrist" else "physical therapy"
    per_week, weeks = rng.choice(((2, 6), (3, 4), (2, 4)))
    total = per_week * weeks
    common += [
        (
            f"Post-operative {therapy} {per_week}x{weeks} for the {p.region.name}",
            "perioperative",
            "post_op_therapy",
            Quantity(visits=total, per_week=per_week, weeks=weeks),
            "NxM",
        ),
        (
            f"Post-operative {therapy}, {total} sessions",
            "perioperative",
            "post_op_therapy",
            Quantity(visits=total),
            "n sessions",
        ),
    ]
    own: list[_Ancillary] = {
        "shoulder": [
            ("Post-operative shoulder sling", "dme", "sling", Quantity(), "none"),
            ("Post-operative cold therapy unit, 7 day rental", "dme", "cold_therapy_unit",
             Quantity(days=7), "days"),
        ],
        "knee": [
            ("Post-operative cold therapy unit, 14 day rental", "dme", "cold_therapy_unit",
             Quantity(days=14), "days"),
            ("Post-operative front wheeled walker", "dme", "walker", Quantity(), "none"),
            ("Post-operative continuous passive motion unit, 21 day rental", "dme", "other",
             Quantity(days=21), "days"),
        ],
        "wrist": [(f"Post-operative {side} wrist splint", "dme", "brace", Quantity(), "none")],
        "lumbar": [
            ("Post-operative lumbar brace", "dme", "brace", Quantity(), "none"),
            ("Post-operative 2 day inpatient stay", "perioperative", "inpatient_stay",
             Quantity(days=2), "days"),
        ],
        "cervical": [
            ("Post-operative cervical collar", "dme", "brace", Quantity(), "none"),
            ("Post-operative 1 day inpatient stay", "perioperative", "inpatient_stay",
             Quantity(days=1), "days"),
        ],
    }[p.region.part]  # fmt: skip
    return common + own


def _ancillary_request(
    rng: random.Random,
    p: _Patient,
    entry: _Ancillary,
    surgery: str,
    surgery_decision: Decision,
) -> _Request:
    text, category, subtype, quantity, phrasing = entry
    if rng.random() < 0.7 or text == "Assistant surgeon":
        # The DWC letters' own label; the qualifier after it is dropped as redundant half the time.
        bare = re.sub(r"^(?:Pre|Post)-operative ", "", text)
        text = f"Associated surgical service: {_capital(bare) if rng.random() < 0.5 else text}"
    if surgery_decision is Decision.UPHELD:
        against = [
            f"The {_lower_first(surgery)} has not been found medically necessary in this "
            f"review, so the services that depend on it are not needed.",
        ]
    else:
        against = [
            "The surgery is supported, but nothing in the record sets this patient apart from "
            "the routine case that does not need this service.",
        ]
    odg = f"Official Disability Guidelines (ODG) {_odg_chapter(p.region)}"
    kind = subtype if category == "perioperative" else category
    document, reading = {
        "assistant_surgeon": (
            "American College of Surgeons, Physicians as Assistants at Surgery",
            "The American College of Surgeons lists for each procedure whether an assistant is "
            "usually, sometimes or seldom called for.",
        ),
        "post_op_therapy": (
            "MTUS Postsurgical Treatment Guidelines 2016",
            "The postsurgical guidelines allow an initial course of half the visits of the full "
            "postsurgical course for the procedure.",
        ),
        "inpatient_stay": (
            f"{odg}, Hospital length of stay (LOS)",
            "ODG gives the median hospital stay for each procedure.",
        ),
        "dme": (
            f"{odg}, Durable medical equipment (DME)",
            "The guidelines expect equipment after surgery to serve a medical purpose for a "
            "stated period.",
        ),
        "medication": (
            "MTUS Chronic Pain Medical Treatment 2016, Section(s): Opioids, criteria for use",
            "Short-acting opioids are recommended for post-operative pain for a limited period.",
        ),
    }.get(
        kind,
        (
            f"{odg}, Preoperative testing, general",
            "Preoperative tests should be guided by the patient's history, comorbidities and "
            "examination findings.",
        ),
    )
    mtus = document.startswith("MTUS")
    return _Request(
        text=text,
        category=category,
        subtype=subtype,
        quantity=quantity.model_copy(),
        phrasing=phrasing,
        guideline=(
            document if mtus else f"Non-MTUS Citation {document}",
            document.removeprefix("MTUS "),
        ),
        criteria=[
            "The guidelines support the services that go with a procedure only when the "
            "procedure itself is certified.",
            reading,
        ],
        against=against,
        support=[
            "The surgery has been found medically necessary, and this service is a routine and "
            "reasonable part of it for this patient.",
        ],
        perioperative=True,
    )


def _some(rng: random.Random, sentences: Sequence[str], most: int) -> list[str]:
    """One to `most` of the sentences, in their own order: a reading of a guideline runs from the
    general rule to its details."""
    chosen = rng.sample(range(len(sentences)), min(len(sentences), rng.randint(1, most)))
    return [sentences[i] for i in sorted(chosen)]


def _prose(request: _Request) -> str:
    """The reviewer's guideline as the 2013 and 2014 layouts write it, in words."""
    mtus = not request.guideline[0].startswith("Non-MTUS")
    return f"MTUS {request.guideline[1]}" if mtus else request.guideline[1]


# --- conclusions --------------------------------------------------------------------------------


def _conclusion(rng: random.Random, layout: Layout, decision: Decision, request: str) -> str:
    upheld = decision is Decision.UPHELD
    if layout is Layout.NOTICE_2013:
        verdict = "is not" if upheld else "is"
        return f"The request for {request} {verdict} medically necessary and appropriate."
    if layout is Layout.PROFESSIONAL:
        verdict = "is not" if upheld else "is"
        return f"Therefore, the request for {request} {verdict} medically necessary."
    if upheld:
        return rng.choice(
            (
                f"Therefore, the request for {request} is not medically necessary.",
                "As such, the request is not medically necessary.",
                "The request is therefore not medically necessary.",
                f"For these reasons, {_lower_first(request)} is not medically necessary.",
            )
        )
    return rng.choice(
        (
            f"Therefore, the request for {request} is medically necessary.",
            "The request is medically necessary.",
            f"For these reasons, {_lower_first(request)} is medically necessary.",
        )
    )


# --- the writer ---------------------------------------------------------------------------------


@dataclass
class _Item:
    request: _Request
    decision: Decision
    text: str  # the request as the heading writes it (the remaining portion, if partial)
    original: str | None = None
    authorized: str | None = None
    quantity: Quantity | None = None  # the disputed quantity, if partial
    # The other wording: UR allowed something else, and the whole original request is disputed.
    whole: bool = False


class _Writer:
    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        rng = self.rng
        self.layout = rng.choices(
            (Layout.DWC, Layout.NOTICE_2013, Layout.PROFESSIONAL), (80, 10, 10)
        )[0]
        self.case_number = case_number_for(seed)
        self.surgical = rng.random() < 0.08
        # The professional template's own heading says "IS/WAS NOT" whatever the outcome.
        self.fixed_heading = self.layout is Layout.PROFESSIONAL and rng.random() < 0.3
        self.patient = self._patient()
        self.items = self._items()

    # -- the patient and the record --

    def _patient(self) -> _Patient:
        rng = self.rng
        if self.surgical:
            part = rng.choice(tuple(SURGERIES))
        else:
            part = rng.choices(
                ("lumbar", "cervical", "thoracic", "shoulder", "knee", "wrist", "elbow", "hip",
                 "ankle"),
                (34, 20, 4, 14, 12, 7, 4, 3, 2),
            )[0]  # fmt: skip
        side = None if part in SPINE else rng.choice(("left", "right"))
        region = _Region(part, side)
        if self.layout is Layout.DWC:
            decided = date(2016, 1, 15) + timedelta(days=rng.randint(0, 530))
        elif self.layout is Layout.NOTICE_2013:
            decided = date(2013, 7, 1) + timedelta(days=rng.randint(0, 180))
        else:
            decided = date(2014, 2, 1) + timedelta(days=rng.randint(0, 300))
        assigned = decided - timedelta(days=rng.randint(14, 35))
        received = assigned - timedelta(days=rng.randint(2, 10))
        ur = received - timedelta(days=rng.randint(5, 25))
        rfa = ur - timedelta(days=rng.randint(3, 14))
        report = rfa - timedelta(days=rng.randint(0, 10))
        injury = ur - timedelta(days=rng.randint(45, 365 * 8))
        diagnoses = [region.fill(d) for d in rng.sample(DIAGNOSES[part], 2)]
        prior: dict[str, int] = {}
        for modality, chance in (("pt", 0.6), ("chiropractic", 0.25), ("acupuncture", 0.25)):
            if rng.random() < chance:
                prior[modality] = rng.choice((4, 6, 8, 10, 12, 18, 24))
        neuro: dict[str, bool] = {}
        radiating = None
        if region.spine:
            test = "positive_straight_leg_raise" if part != "cervical" else "positive_spurling"
            for name in (test, "sensory_deficit", "motor_deficit", "reflex_change"):
                if rng.random() < 0.7:
                    neuro[name] = rng.random() < 0.35
            if part != "thoracic" and rng.random() < 0.7:
                radiating = rng.random() < 0.5
        elif rng.random() < 0.6:
            neuro["sensory_deficit"] = part == "wrist" and rng.random() < 0.5
        return _Patient(
            sex=rng.choice(("female", "male")),
            age=rng.randint(21, 66),
            occupation=rng.choice(OCCUPATIONS),
            region=region,
            injury=injury,
            report=report,
            rfa=rfa,
            ur=ur,
            received=received,
            assigned=assigned,
            decided=decided,
            diagnoses=diagnoses,
            prior=prior,
            pain=rng.randint(3, 9),
            work_status=rng.choices(("off_work", "modified_duty", "full_duty"), (35, 45, 20))[0],
            neuro=neuro,
            radiating=radiating,
        )

    def _items(self) -> list[_Item]:
        rng, p = self.rng, self.patient
        count = rng.choices((1, 2, 3, 4, 5, 6), (40, 22, 14, 10, 8, 6))[0]
        items: list[_Item] = []
        if self.surgical:
            surgery = _surgery(rng, p)
            decision = self._decision()
            items.append(_Item(surgery, decision, surgery.text))
            entries = _ancillaries(rng, p)
            for entry in rng.sample(entries, min(max(count, 2) - 1, len(entries))):
                request = _ancillary_request(rng, p, entry, surgery.text, decision)
                # Reviewers deny what goes with a denied surgery, and most of what goes with a
                # certified one is certified too.
                follows = decision if rng.random() < 0.85 else Decision.UPHELD
                items.append(_Item(request, follows, request.text))
            return items
        makers = [m for m, _ in SERVICE_MAKERS]
        weights = [w for _, w in SERVICE_MAKERS]
        seen: set[str] = set()
        attempts = 0
        while len(items) < count and attempts < 50:
            attempts += 1
            request = rng.choices(makers, weights)[0](rng, p)
            if request.text.lower() in seen:
                continue
            seen.add(request.text.lower())
            items.append(self._item(request))
        return items

    def _decision(self) -> Decision:
        return Decision.UPHELD if self.rng.random() < 0.85 else Decision.OVERTURNED

    def _item(self, request: _Request) -> _Item:
        decision = self._decision()
        count = request.count
        if (
            self.layout is Layout.DWC
            and request.recount is not None
            and count is not None
            and count >= 4
            and self.rng.random() < 0.1
        ):
            authorized = self.rng.randint(1, count - 1)
            allowed, _ = request.recount(authorized)
            if self.rng.random() < 0.3:
                return _Item(
                    request,
                    decision,
                    request.text,
                    original=request.text,
                    authorized=allowed,
                    whole=True,
                )
            remaining, quantity = request.recount(count - authorized)
            return _Item(
                request,
                decision,
                remaining,
                original=request.text,
                authorized=allowed,
                # The rest of a request authorized in part is more of the same service: a
                # continuation (requests.remainder_of).
                quantity=quantity.model_copy(update={"additional": True}),
            )
        return _Item(request, decision, request.text)

    # -- text --

    def letter(self) -> SyntheticLetter:
        if self.layout is Layout.DWC:
            text = self._dwc()
        elif self.layout is Layout.NOTICE_2013:
            text = self._notice()
        else:
            text = self._professional()
        conclusion_decides = self.layout is Layout.PROFESSIONAL and self.fixed_heading
        items = tuple(
            SyntheticItem(
                request=item.text,
                decision=item.decision,
                category=item.request.category,
                subtype=item.request.subtype,
                quantity=item.quantity or item.request.quantity,
                perioperative=item.request.perioperative,
                phrasing=item.request.phrasing,
                decision_source="conclusion" if conclusion_decides else "heading",
                original_request=item.original,
                authorized_request=item.authorized,
            )
            for item in self.items
        )
        return SyntheticLetter(
            seed=self.seed,
            layout=self.layout,
            case_number=self.case_number,
            text=text,
            items=items,
            facts=dict(self.patient.facts),
        )

    def _date(self, day: date) -> str:
        """A date in the summary, in one of the ways the letters write them."""
        style = self.rng.choices(("dash", "slash", "words"), (45, 40, 15))[0]
        if style == "dash":
            return f"{day.month:02d}-{day.day:02d}-{day.year}"
        if style == "slash":
            return _short(day)
        return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"

    def _summary(self, subject: str) -> list[str]:
        """The clinical summary as sentences; records in `facts` what they state."""
        rng, p = self.rng, self.patient
        facts = p.facts
        region = p.region
        sentences = []
        mechanism = rng.choice(MECHANISMS[region.part])
        # "a 41 year old male custodian", or "a 41 year old man" without the occupation.
        if rng.random() < 0.8:
            sex = f"{p.sex} {p.occupation}"
        else:
            sex = {"female": "woman", "male": "man"}[p.sex]
        age = f"{p.age} year old" if rng.random() < 0.6 else f"{p.age}-year-old"
        doi = self._date(p.injury)
        sentences.append(
            rng.choice(
                (
                    f"{_capital(subject)} is a {age} {sex} who was injured at work "
                    f"on {doi} while {mechanism}.",
                    f"This {age} {sex} sustained an industrial injury on {doi} while {mechanism}.",
                    f"According to the records, the {age} {sex} was injured on {doi} while "
                    f"{mechanism}.",
                    f"{_capital(subject)} is a {age} {sex} with a date of injury of {doi}.",
                )
            )
        )
        facts.update(age_years=p.age, sex=p.sex, injury_date=p.injury)
        sentences.append(
            rng.choice(
                (
                    f"{_capital(p.he)} is being treated for {_list(p.diagnoses)}.",
                    f"The diagnoses include {_list(p.diagnoses)}.",
                    f"{_capital(p.he)} has been diagnosed with {_list(p.diagnoses)}.",
                )
            )
        )
        done = []
        labels = {
            "pt": ("{n} sessions of physical therapy", "{n} physical therapy visits"),
            "chiropractic": ("{n} chiropractic visits", "{n} sessions of chiropractic care"),
            "acupuncture": ("{n} acupuncture treatments", "{n} sessions of acupuncture"),
        }
        fact_names = {
            "pt": "prior_pt_visits",
            "chiropractic": "prior_chiropractic_visits",
            "acupuncture": "prior_acupuncture_visits",
        }
        for modality, visits in p.prior.items():
            done.append(rng.choice(labels[modality]).format(n=visits))
            facts[fact_names[modality]] = visits
        others = rng.sample(("medications", "a home exercise program", "activity modification"), 2)
        sentences.append(
            rng.choice(("Treatment to date has included", "Prior treatment has consisted of"))
            + f" {_list(done + others)}."
        )
        pain_place = region.fill(PAIN_PLACE[region.part])
        radiation = ""
        if p.radiating is not None:
            radiation = (
                ", "
                + region.fill(
                    rng.choice(RADIATION[region.part]), side=rng.choice(("left", "right"))
                )
                if p.radiating
                else " without radiation"
            )
            facts["radiating_pain"] = p.radiating
        pain = f"{p.pain}/10" if rng.random() < 0.6 else f"{p.pain} out of 10"
        report = self._date(p.report)
        sentences.append(
            rng.choice(
                (
                    f"At the visit on {report}, {p.he} reported {pain_place}{radiation}, rated "
                    f"{pain}.",
                    f"In the progress report dated {report}, {p.he} complained of {pain_place} "
                    f"rated {pain}{radiation}.",
                )
            )
        )
        facts["pain_score"] = p.pain
        local = rng.sample(LOCAL_FINDINGS[region.part], 2)
        local = [region.fill(f, deg=rng.choice((40, 45, 50, 60, 70, 90, 110, 120))) for f in local]
        sentences.append(
            rng.choice(
                (
                    f"Examination showed {_list(local)}.",
                    f"On examination there was {_list(local)}.",
                    f"Physical examination revealed {_list(local)}.",
                )
            )
        )
        sentences += self._neurologic()
        sentences.append(
            {
                "off_work": rng.choice(
                    (
                        f"{_capital(p.he)} remains off work.",
                        f"{_capital(p.he)} is temporarily totally disabled.",
                    )
                ),
                "modified_duty": rng.choice(
                    (
                        f"{_capital(p.he)} is working modified duty.",
                        f"{_capital(p.he)} has returned to light duty with a lifting limit of "
                        f"{rng.choice((10, 15, 20, 25))} pounds.",
                    )
                ),
                "full_duty": f"{_capital(p.he)} is working full duty.",
            }[p.work_status]
        )
        facts["work_status"] = p.work_status
        meds = rng.sample(MEDICATION_NAMES, rng.randint(1, 3))
        sentences.append(f"Current medications include {_list(meds)}.")
        asked = _list([_lower_first(item.request.text) for item in self.items])
        sentences.append(
            rng.choice(
                (
                    f"A Request for Authorization dated {self._date(p.rfa)} asked for {asked}.",
                    f"On {self._date(p.rfa)}, the treating physician requested {asked}.",
                )
            )
        )
        partial = [item for item in self.items if item.original]
        verb = "modified" if partial else "non-certified"
        what = "the request" if len(self.items) == 1 else "the requests"
        sentences.append(
            rng.choice(
                (
                    f"The utilization review of {self._date(p.ur)} {verb} {what}.",
                    f"Utilization review dated {self._date(p.ur)} {verb} {what}.",
                )
            )
        )
        return sentences

    def _neurologic(self) -> list[str]:
        rng, p = self.rng, self.patient
        side = p.region.side or rng.choice(("left", "right"))
        lumbar = p.region.limb == "lower"
        root = rng.choice(("L5", "S1")) if lumbar else rng.choice(("C6", "C7"))
        muscle = "extensor hallucis longus" if lumbar else "biceps"
        limbs = "lower" if lumbar else "upper"
        phrases = {
            "positive_straight_leg_raise": (
                f"Straight leg raise was positive on the {side} at {rng.choice((35, 40, 50, 60))} "
                f"degrees.",
                rng.choice(
                    (
                        "Straight leg raise was negative bilaterally.",
                        "Straight leg raising was negative.",
                    )
                ),
            ),
            "positive_spurling": (
                f"Spurling's test was positive on the {side}.",
                "Spurling's test was negative.",
            ),
            "sensory_deficit": (
                f"There was decreased sensation in the {side} {root} dermatome."
                if p.region.spine
                else f"There was decreased sensation in the {side} thumb, index and middle fingers.",
                rng.choice(
                    (
                        "Sensation was intact to light touch.",
                        "There was no sensory deficit.",
                        "Sensation was intact.",
                    )
                ),
            ),
            "motor_deficit": (
                f"Strength was 4/5 in the {side} {muscle}.",
                rng.choice(
                    (
                        f"Motor strength was 5/5 in both {limbs} extremities.",
                        "There was no motor weakness.",
                    )
                ),
            ),
            "reflex_change": (
                f"Reflexes were 1+ at the {side} {'ankle' if lumbar else 'biceps'}.",
                "Reflexes were 2+ and symmetric.",
            ),
        }
        sentences = []
        for name, present in p.neuro.items():
            sentences.append(phrases[name][0 if present else 1])
            p.facts[name] = present
        return sentences

    def _rationale(self, item: _Item) -> str:
        rng = self.rng
        request = item.request
        upheld = item.decision is Decision.UPHELD
        case = request.against if upheld else request.support
        parts = _some(rng, request.criteria, 3) + _some(rng, case, 2)
        parts.append(_conclusion(rng, self.layout, item.decision, item.text))
        return " ".join(parts)

    # -- the 2016-17 DWC layout --

    def _dwc(self) -> str:
        rng, p = self.rng, self.patient
        width = rng.randint(92, 97)
        out = [" "]
        out.append(f"Case Number: {self.case_number}  ")
        out.append(f"Date Assigned: {_us(p.assigned)} Date of Injury:  {_us(p.injury)} ")
        out.append(f"Decision Date: {_us(p.decided)} UR Denial Date:  {_us(p.ur)} ")
        priority = "Expedited" if rng.random() < 0.03 else "Standard"
        out += [f"Priority:  {priority} Application ", "Received:  ", f"{_us(p.received)} ", " "]
        out.append("HOW THE IMR FINAL DETERMINATION WAS MADE ")
        out += self._para(
            "MAXIMUS Federal Services referred the full case file to an independent expert "
            "reviewer with no ties to the employer, the employee, the treating providers or the "
            "claims administrator. The reviewer has practised for more than five years, still "
            "practises at least 24 hours a week, and was chosen for training and experience in a "
            "specialty that treats this condition and the services in dispute. The reviewer "
            "knows the laws and regulations that govern Independent Medical Review, including "
            "the order of strength of medical evidence that the determination must follow.",
            width,
        )
        specialty = rng.choice(SPECIALTIES)[0]
        out += [
            " ",
            "The Expert Reviewer has the following credentials: ",
            f"State(s) of Licensure: {rng.choice(STATES)} ",
            f"Certification(s)/Specialty: {specialty} ",
            " ",
            "CLINICAL CASE SUMMARY ",
        ]
        out += self._para(
            "The expert reviewer developed the following clinical case summary after reading the "
            "case file and its medical records:",
            width,
        )
        out.append(" ")
        out += self._para(" ".join(self._summary("the injured worker")), width)
        out += [
            " ",
            "IMR ISSUES, DECISIONS AND RATIONALES ",
            "The Final Determination was based on decisions for the disputed items/services set "
            "forth below: ",
        ]
        issues = []
        for item in self.items:
            issues.append(" ")
            issues += self._para(self._dwc_heading(item), width)
            issues.append(" ")
            ca, reviewer = self._dwc_guidelines(item.request)
            issues += self._para(f"Claims Administrator guideline: {ca}", width)
            issues.append(" ")
            issues += self._para(f"MAXIMUS guideline: {reviewer}", width)
            issues.append(" ")
            issues += self._para(f"Decision rationale: {self._rationale(item)}", width)
        if rng.random() < 0.1:
            # The state's text exports break pages with a blank line wherever the page ends.
            where = rng.randint(1, len(issues) - 1)
            issues.insert(where, rng.choice(("", " ")))
        return "\n".join(out + issues) + "\n"

    def _dwc_heading(self, item: _Item) -> str:
        rng = self.rng
        word = "Upheld" if item.decision is Decision.UPHELD else "Overturned"
        colon = rng.choice((": ", ":  "))
        if item.whole:
            return (
                f"{item.original} was the original request. The Claims Administrator authorized "
                f"{item.authorized}, leaving the original request IMR eligible. The original "
                f"request, {item.text} is{colon}{word}"
            )
        if item.original:
            return (
                f"{item.original} was the original request. {item.authorized} was authorized by "
                f"the Claims Administrator. The remaining IMR eligible portion of the original "
                f"request, {item.text} is{colon}{word}"
            )
        verb = " is" if rng.random() < 0.08 else ""
        return f"{item.text}{verb}{colon}{word}"

    def _dwc_guidelines(self, request: _Request) -> tuple[str, str]:
        rng = self.rng
        dwc = request.guideline[0]
        if not dwc.startswith(("MTUS", "Non-MTUS")):
            dwc = f"MTUS Chronic Pain Medical Treatment 2016, Section(s): {dwc}"
        reviewer = f"Decision based on {dwc}."
        if request.odg and rng.random() < 0.4:
            reviewer += f" Decision based on Non-MTUS Citation {request.odg}."
        if rng.random() < 0.15:
            ca = "The Claims Administrator did not cite any medical evidence in support of its decision."
        else:
            ca = f"Decision based on {dwc}."
        return ca, reviewer

    def _para(self, text: str, width: int) -> list[str]:
        return [line + " " for line in wrap(text, width)]

    # -- the 2013 notice layout --

    def _notice(self) -> str:
        rng, p = self.rng, self.patient
        width = rng.randint(86, 90)
        first, last = rng.choice(FIRST_NAMES[p.sex]), rng.choice(LAST_NAMES)
        doctor = rng.choice(FIRST_NAMES[rng.choice(("female", "male"))])
        provider = f"{doctor} {rng.choice(LAST_NAMES)}, {rng.choice(('MD', 'DO', 'DC'))}"
        administrator = rng.choice(ADMINISTRATORS)
        claim = f"{rng.randint(10, 99)}-{rng.randint(100000, 999999)}-WC"
        noa = p.received + timedelta(days=rng.randint(1, 6))

        def field_line(label: str, value: str) -> str:
            return f"{label + ':':<31}{value} "

        out = [
            "MAXIMUS FEDERAL SERVICES, INC. ",
            "Independent Medical Review ",
            " ",
            "Notice of Independent Medical Review Determination ",
            " ",
            f"Dated: {_short(p.decided)} ",
            " ",
            field_line("Employee", f"{first} {last}"),
            field_line("Claim Number", claim),
            field_line("Date of UR Decision", _short(p.ur)),
            field_line("Date of Injury", _short(p.injury)),
            field_line("IMR Application Received", _short(p.received)),
            field_line("MAXIMUS Case Number", self.case_number),
            field_line("Employer", rng.choice(EMPLOYERS)),
            field_line("Claims Administrator", administrator),
            field_line("Requesting Provider", provider),
            " ",
            f"Dear {'Ms.' if p.sex == 'female' else 'Mr.'} {last}: ",
            " ",
        ]
        out += self._para(
            "MAXIMUS Federal Services, Inc. has completed the Independent Medical Review (IMR) "
            "of the workers' compensation case named above. This notice gives the IMR Final "
            "Determination and explains how it was reached.",
            width,
        )
        out.append(" ")
        decisions = {item.decision for item in self.items}
        if decisions == {Decision.UPHELD}:
            final = (
                "Final Determination: UPHOLD. None of the disputed items/services was found "
                "medically necessary and appropriate."
            )
        elif decisions == {Decision.OVERTURNED}:
            final = (
                "Final Determination: OVERTURN. Each disputed item/service was found medically "
                "necessary and appropriate."
            )
        else:
            final = (
                "Final Determination: OVERTURN IN PART. Some, but not all, of the disputed "
                "items/services were found medically necessary and appropriate."
            )
        out += self._para(final + " The decision on each item follows, and the reasons are "
                          "set out later in this notice.", width)  # fmt: skip
        # One source letter runs "not" and "medically" together in these sentences.
        joined = rng.random() < 0.2
        determinations = []
        for number, item in enumerate(self.items, start=1):
            verdict = "is not medically" if item.decision is Decision.UPHELD else "is medically"
            if joined:
                verdict = verdict.replace("not medically", "notmedically")
            determinations.append(" ")
            determinations += self._para(
                f"{number}) MAXIMUS Federal Services, Inc. has determined the request for "
                f"{item.text} {verdict} necessary and appropriate.",
                width,
            )
        out += determinations
        out.append(" ")
        out += self._para(
            "This determination is final and binding. A party who disagrees may appeal to the "
            "Workers' Compensation Appeals Board with a verified petition filed within 30 days "
            "of the mailing of this notice, on the grounds listed in California Labor Code "
            "section 4610.6(h).",
            width,
        )
        out += [
            " ",
            "Sincerely, ",
            " ",
            "Medical Director ",
            "MAXIMUS Federal Services, Inc. ",
            " ",
            "cc: Department of Industrial Relations, Division of Workers' Compensation ",
            f"    {provider} ",
            f"    {administrator} ",
            " ",
            " ",
            "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE ",
        ]
        out += self._para(
            f"An application for Independent Medical Review was received on "
            f"{_short(p.received)}, disputing the Utilization Review denial of {_short(p.ur)}. "
            f"A Notice of Assignment and Request for Information went to the parties on "
            f"{_short(noa)}. Each treatment/service in dispute was decided as follows:",
            width,
        )
        out += determinations
        specialty = rng.choice(SPECIALTIES)[1]
        out += [" ", "Medical Qualifications of the Expert Reviewer: "]
        out += self._para(
            "The Expert Reviewer has no connection to the employee, the employer, the treating "
            f"providers or the claims administrator. The reviewer is Board Certified in "
            f"{specialty} and is licensed to practice in California. The reviewer has practiced "
            "for more than five years, still sees patients at least 24 hours a week, and was "
            "chosen for training and experience that match the condition and the treatments "
            "under review.",
            width,
        )
        out += [" ", "Case Summary: "]
        out += self._para(
            f"Disclaimer: The summary below is quoted from the utilization review denial dated "
            f"{MONTHS[p.ur.month - 1]} {p.ur.day}, {p.ur.year}.",
            width,
        )
        out.append(" ")
        out += self._para('"' + " ".join(self._summary("the claimant")) + '"', width)
        out += [" ", "Documents Reviewed for Independent Medical Review: "]
        out += [
            f"  Application for Independent Medical Review, received {_short(p.received)} ",
            f"  Utilization Review Determination, {administrator}, dated {_short(p.ur)} ",
            f"  Progress reports dated {_short(p.report - timedelta(days=60))} through "
            f"{_short(p.report)} ",
            "  Medical Treatment Utilization Schedule (MTUS) ",
            " ",
            "Expert Reviewer's Decision and Rationale: ",
        ]
        for number, item in enumerate(self.items, start=1):
            verdict = "is not" if item.decision is Decision.UPHELD else "is"
            out.append(" ")
            out += self._para(
                f"{number}. {item.text} {verdict} medically necessary and appropriate.", width
            )
            document = _prose(item.request)
            out += [" ", "Guidelines used by the Claims Administrator: "]
            out += self._para(
                f"The Claims Administrator based its decision on the {document}.", width
            )
            out += [" ", "Guidelines used by the Expert Reviewer: "]
            out += self._para(
                f"The Expert Reviewer based his/her decision on the {document}, which "
                f"addresses the service in dispute.",
                width,
            )
            out += [" ", "Rationale used by the Expert Reviewer: "]
            out += self._para(self._rationale(item), width)
        out += [" ", f"/{rng.choice(('mw', 'jd', 'kt', 'rs'))} "]
        return "\n".join(out) + "\n"

    # -- the professional-review layout --

    def _professional(self) -> str:
        rng, p = self.rng, self.patient
        width = rng.randint(93, 97)
        out = [" ", "MEDICAL PROFESSIONAL REVIEW ", " "]
        if len(self.items) == 1:
            out += self._para(f"ISSUE AT DISPUTE: {self.items[0].text}", width)
        else:
            out.append("ISSUE AT DISPUTE: ")
            # The numbered lines are read one line each, so they are not wrapped.
            out += [f"{n}. {item.text} " for n, item in enumerate(self.items, start=1)]
        out += [" ", "CASE SUMMARY: "]
        out += self._para(" ".join(self._summary("the injured worker")), width)
        out += [
            " ",
            "DOCUMENTS REVIEWED FOR DETERMINATION: ",
            f"Application for Independent Medical Review dated {_short(p.received)} ",
            f"Utilization review determination dated {_short(p.ur)} ",
            f"Primary treating physician progress reports dated "
            f"{_short(p.report - timedelta(days=90))} through {_short(p.report)} ",
            " ",
            "MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL ",
            "REVIEWER AND WHY: ",
        ]
        relied = []
        for item in self.items:
            prefix = f"For the {_lower_first(item.text)}: " if len(self.items) > 1 else ""
            relied.append(
                f"{prefix}{_capital(_prose(item.request))}, which applies directly to the "
                f"service in dispute."
            )
        out += self._para(" ".join(relied), width)
        for number, item in enumerate(self.items, start=1):
            if self.fixed_heading:
                verb = "IS/WAS NOT"
            else:
                verb = "IS NOT" if item.decision is Decision.UPHELD else "IS"
            out += [
                " ",
                f"RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE {verb} ",
                "MEDICALLY NECESSARY: ",
            ]
            if len(self.items) > 1:
                out.append(f"{number}. {item.text} ")
            out += self._para(self._rationale(item), width)
        specialty = rng.choice(SPECIALTIES)[1]
        out += [" ", "MEDICAL REVIEWER QUALIFICATIONS: "]
        out += self._para(
            f"The physician reviewer is Board Certified in {specialty} and is licensed to "
            "practice in California. He/she has more than five years of clinical experience, "
            "currently practices at least 24 hours a week, and regularly treats patients with "
            "this condition. The reviewer has no affiliation with any party to this dispute.",
            width,
        )
        return "\n".join(out) + "\n"
