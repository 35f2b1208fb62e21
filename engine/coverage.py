"""Coverage: per service category, whether rules in force on a date decide it, how many, at what
confidence, and which documents govern it on that date (the eras file).

`imrcheck rules coverage` prints it; its JSON shape is documented in the README.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from engine.evaluate import Governs, governs_records
from engine.rules import CONFIDENCES, TIERS, Rulebook


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


class CategoryCoverage(Model):
    category: str
    rules: int  # rules in force on the date that apply to the category
    confidence: dict[str, int] = Field(default_factory=dict)  # confidence -> rules
    cited: list[str] = Field(default_factory=list)  # the documents those rules cite
    governs: list[Governs] = Field(default_factory=list)  # what governs it on the date
    # Of those, the eras that some of the rules take their dates from (`effective: {era: ...}`):
    # the ones the rules are known to encode. A rule with dates of its own names no era.
    encoded: list[str] = Field(default_factory=list)
    # Of those, the eras bound to body regions (the body-part chapters): a request is under the
    # one for the region it names.
    by_region: list[str] = Field(default_factory=list)


class Coverage(Model):
    date: date
    categories: list[CategoryCoverage]


def coverage(rulebook: Rulebook, on: date) -> Coverage:
    """Every service category of the vocabulary, in its order. A rule counts for a category when
    it is in force on the date and lists the category (or one of its subtypes) among the
    services it applies to; a document governs it when an era in force on the date lists the
    category, whatever its body regions."""
    rows = []
    for category in rulebook.vocabulary.categories:
        rules = [
            r
            for r in rulebook.rules
            if r.in_force(on) and any(c == category for c, _ in r.services)
        ]
        counted = Counter(r.confidence for r in rules)
        eras = sorted(
            (e for e in rulebook.eras.entries if e.in_force(on) and e.covers(category)),
            key=lambda e: (TIERS.index(e.governs.tier), e.id),
        )
        rows.append(
            CategoryCoverage(
                category=category,
                rules=len(rules),
                confidence={c: counted[c] for c in CONFIDENCES if counted[c]},
                cited=list(dict.fromkeys(r.citation.document for r in rules)),
                governs=governs_records(eras),
                encoded=[e.id for e in eras if any(e.id in r.eras for r in rules)],
                by_region=[e.id for e in eras if e.regions is not None],
            )
        )
    return Coverage(date=on, categories=rows)
