"""Data shapes shared by every stage: a parsed IMR letter (`Case`) and its disputed items.

Stage: none of its own. The letters stage fills these models; later stages read them. Every span is a
pair of character offsets into `Case.text`, the letter's text as `documents.read_letter_text` returned
it (line ends folded to "\\n"), so evidence can be pointed at exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


@dataclass(frozen=True, slots=True)
class Span:
    """Characters [start, end) of the letter's text. A plain dataclass rather than a model: a
    letter's audit builds some thirty (sections, items, the evidence of every fact), each of them
    from offsets the engine has just worked out, and a model took ten times as long to build.
    The models that hold one validate it where they come in from outside, and write it as
    `{"start": ..., "end": ...}` as before."""

    start: int
    end: int

    def slice(self, text: str) -> str:
        return text[self.start : self.end]


class Decision(StrEnum):
    UPHELD = "upheld"  # the denial stands: not medically necessary
    OVERTURNED = "overturned"  # medically necessary
    UNKNOWN = "unknown"


class DecisionSource(StrEnum):
    HEADING = "heading"
    CONCLUSION = (
        "conclusion"  # the heading had no decision word; the rationale's last verdict decided
    )
    NONE = "none"


class Layout(StrEnum):
    DWC = "dwc"  # 2014-2017 "IMR ISSUES, DECISIONS AND RATIONALES" letters
    NOTICE_2013 = (
        "notice2013"  # "MAXIMUS Federal Services, Inc. has determined the request for ..."
    )
    PROFESSIONAL = "professional"  # "MEDICAL PROFESSIONAL REVIEW" / "ISSUE AT DISPUTE:"


@dataclass(frozen=True, slots=True, kw_only=True)
class Citation:
    """One guideline a reviewer or claims administrator named. Plain dataclasses, this and
    `GuidelineLine`, for the reason `Span` is one: the letters stage builds them from what it has
    just read, several for every item."""

    text: str
    document: str
    mtus: bool
    source: str  # mtus | acoem | odg | other: the family, used later to judge the authority tier
    edition: str | None = None
    year: int | None = None
    chapter: str | None = None
    section: str | None = None
    pages: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class GuidelineLine:
    text: str
    span: Span
    cites_evidence: bool  # False where the line says no medical evidence was cited
    citations: list[Citation] = field(default_factory=list)


class Service(Model):
    category: str
    subtype: str | None = None
    specialty: str | None = None  # for consultations and referrals


class Region(Model):
    name: str
    side: str | None = None  # left | right | bilateral


class Quantity(Model):
    """How much was asked for. Only what the request states; nothing is inferred but the product.

    A range ("1-2x/week x 3 weeks", "12-18 sessions") is read as its upper bound, what is asked for
    at most: IMR decides the item as requested. Its lower bound is kept in the `_min` fields, which
    are None where no range was written.
    """

    visits: int | None = None  # total sessions, stated or per_week * weeks
    per_week: int | None = None
    weeks: int | None = None
    days: int | None = None
    months: int | None = None
    units: int | float | None = None  # dispensed units: "#60", "Qty: 30", "times 3"
    additional: bool = False  # "additional", "continued", "more", "extension"
    visits_min: int | None = None  # the fewest visits a range asks for: "1-2x/week x 3 weeks" -> 3
    per_week_min: int | None = None  # "1-2x/week" -> 1 (per_week 2)
    weeks_min: int | None = None  # "for 4-6 weeks" -> 4 (weeks 6)


class Medication(Model):
    drug: str
    drug_class: str | None = None
    ingredients: list[str] = Field(default_factory=list)  # every drug named, for compounds
    strength: str | None = None  # as written, e.g. "10/325", "7.5", "5"
    strength_unit: str | None = None  # mg, mcg, %, ...
    form: str | None = None  # tablet, patch, cream, ...
    days_supply: int | None = None
    generic_of_brand: str | None = None  # asked for by a brand name: its generic equivalent
    generic_since: date | None = None  # the day that generic came to market, where listed
    dispense_as_written: bool = False  # "DAW", "do not substitute", "brand medically necessary"


class Request(Model):
    """A disputed request in typed form."""

    text: str
    service: Service
    perioperative: bool = (
        False  # asked for around a surgery: "Associated surgical service: ...", "Post-op ..."
    )
    regions: list[Region] = Field(default_factory=list)
    quantity: Quantity = Field(default_factory=Quantity)
    medication: Medication | None = None
    # Therapy asked for as the short course after an injection: "PT 2 visits, post-injection".
    post_injection: bool = False
    # Asked for as part of tapering a drug: a lower dose on the way off it ("taper step from 60
    # mg q12h", "for weaning"), or a specialist to direct the taper.
    for_taper: bool = False
    # Asked for to manage the drugs taken: "pain management consultation for medication
    # evaluation and management", "for opioid management".
    for_medication_management: bool = False


class Item(Model):
    index: int  # from 1, in letter order
    request: str  # the disputed request as written (whitespace folded)
    original_request: str | None = None  # partial authorizations: what was first asked
    authorized_request: str | None = None  # partial authorizations: what UR allowed
    decision: Decision
    decision_source: DecisionSource
    # The verdict of the rationale's last conclusion sentence, kept so a mismatch with the heading shows.
    rationale_conclusion: Decision = Decision.UNKNOWN
    heading_span: Span
    request_span: Span
    claims_administrator_guideline: GuidelineLine | None = None
    reviewer_guideline: GuidelineLine | None = None
    rationale: str = ""
    rationale_span: Span | None = None
    normalized: Request


class Reviewer(Model):
    specialties: list[str] = Field(default_factory=list)
    subspecialties: list[str] = Field(default_factory=list)
    licensure: list[str] = Field(default_factory=list)
    span: Span | None = None


class LetterDates(Model):
    assigned: date | None = None
    injury: date | None = None
    decision: date | None = None
    ur_denial: date | None = None
    application_received: date | None = None


class Case(Model):
    source: str
    layout: Layout
    case_number: str | None = None
    priority: str | None = None
    dates: LetterDates = Field(default_factory=LetterDates)
    reviewer: Reviewer = Field(default_factory=Reviewer)
    summary: str = ""
    summary_span: Span | None = None
    sections: dict[str, Span] = Field(default_factory=dict)
    items: list[Item] = Field(default_factory=list)
    text: str = Field(default="", exclude=True, repr=False)
