"""The facts stage's results: a fact, where it was read (`Evidence`), and a case's facts
(`CaseFacts`), with the name prefixes of the facts read on the way to others, which are never
reported. Kept apart from the readers so that the stages downstream (check, audit, store) take
the shapes without the reading.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from engine.facts.derived import with_derived
from engine.models import Span

# Where a fact was read: a letter's summary or rationale, a clinical note, or a facts file that
# someone wrote (which overrides what was read).
Source = Literal["summary", "rationale", "note", "facts_file"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """Where a fact was read. A plain dataclass rather than a model: one is built for every fact
    a letter gives, from a sentence the engine has just read; `Fact` validates it where a fact
    comes in from outside, and writes it with the same fields as before."""

    source: Source
    item: int | None = None  # the rationale's item, for facts read from a rationale
    span: Span | None = None  # into the letter's or note's text
    sentence: str  # for a facts file: "path:line"


class Fact(Model):
    name: str
    value: Any
    item: int | None = None  # None: about the patient and the record; else one disputed item
    evidence: Evidence


@dataclass(slots=True, kw_only=True)
class FactUsed:
    """A fact as a record shows it: its value, where it was read and the sentence. A plain
    dataclass rather than a model: an audit builds one for every fact of every letter from a
    `Fact` already checked, and a model took several times as long to build. The records that
    hold them (`AuditRecord`, `CheckResult`) validate them where they come in from outside (a
    stored record read back) and write the same JSON as before."""

    # As for a model: a field the shape does not have is an error where a record is read back.
    __pydantic_config__ = ConfigDict(extra="forbid")

    name: str
    value: Any  # as in JSON: a date as its ISO string, so a stored record reads back equal
    source: str  # summary | rationale | note | facts_file | audit | default
    sentence: str

    def __post_init__(self) -> None:
        if isinstance(self.value, date):
            self.value = self.value.isoformat()

    @classmethod
    def of(cls, fact: Fact) -> FactUsed:
        return cls(
            name=fact.name,
            value=fact.value,
            source=fact.evidence.source,
            sentence=fact.evidence.sentence,
        )


class CaseFacts(Model):
    source: str
    facts: list[Fact] = Field(default_factory=list)

    def values(self, item: int | None = None, on: date | None = None) -> dict[str, Any]:
        """Fact values for one item, letter facts first, then the item's own, then derived ones."""
        return with_derived(self.read_values(item), on)

    def read_values(self, item: int | None = None) -> dict[str, Any]:
        """`values` without the derived ones (which need the date the record is judged at)."""
        found: dict[str, Any] = {}
        for fact in self.facts:
            if fact.item is None or fact.item == item:
                found[fact.name] = fact.value
                if fact.value is None:
                    # An item's fact without a value withdraws the letter's: a fracture of
                    # the thumb is not documented as a red flag for the shoulder.
                    del found[fact.name]
        return found


# Facts read per therapy and handed to the items of that therapy (then dropped): "authorized:"
# + the prior-visits fact of the therapy.
# Facts read per therapy, for the items that ask for it; never reported as they are.
PER = "authorized:"
IMPROVED = "improved:"
UNNAMED = "*"  # per therapy, of no therapy named
# The therapies given after a surgery under the postsurgical schedule (8 CCR 9792.24.3).
POSTSURGICAL_THERAPIES = ("prior_pt_visits", "prior_chiropractic_visits")
# Facts read on the way to others and never reported as they are: what the sentences say of
# conservative care, rehabilitation, drugs, comorbidities, earlier studies and where a finding
# is (`~site:red_flag_fracture:wrist`). They are combined in `letter_facts` and `item_facts`.
INTERNAL = "~"
SITE = "~site:"
NAMED = "~named:"  # a therapy the record names other than as asked for
GIVEN = "~given:"  # a therapy the record says was given, whether or not it counts the visits


def is_per_therapy(name: str) -> bool:
    """Whether a fact is one read on the way to others (per therapy, or internal)."""
    return name.startswith((PER, IMPROVED, INTERNAL))
