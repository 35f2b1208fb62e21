"""Eras: which guideline document, chapter and version governs which services on which date.

Read from the rules folder's `eras.yaml` (see rules/README.md, "Eras"), checked the way rule files
are (every problem as `path:line:col: error: ...` in one run, names checked against the
vocabularies with a suggestion) and kept in the rulebook. Rules may take their dates from an era
(`effective: {era: id}`); where no rule in force decides an item, the eras say what governs it.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from engine.errors import did_you_mean

if TYPE_CHECKING:
    from engine.yamlsource import Location, YamlDocument

ERAS_FILE = "eras.yaml"
STATUSES = ("VERIFIED", "PARTLY VERIFIED", "UNCONFIRMED")
FILE_KEYS = ("eras", "lists")
_ERA_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
ONE_DAY = datetime.timedelta(days=1)


class Strict(BaseModel):
    # strict, as for rule files: `from: 0` must not become a date.
    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, strict=True, defer_build=True
    )


class EraApplies(Strict):
    # Without services, every service category: the search sequence speaks to whatever the MTUS
    # does not address.
    services: list[str] | None = Field(default=None, min_length=1)
    regions: list[str] | None = Field(default=None, min_length=1)
    perioperative: bool | None = None
    drug_classes: list[str] | None = Field(default=None, min_length=1)


class EraSpec(Strict):
    id: str
    document: str = Field(min_length=1)
    chapter: str | None = None
    version: str = Field(min_length=1)
    section: str | None = None
    tier: str
    topic: str = Field(min_length=1)
    applies: EraApplies = Field(default_factory=EraApplies)
    from_: date = Field(alias="from")
    until: date | None = None
    status: Literal["VERIFIED", "PARTLY VERIFIED", "UNCONFIRMED"]
    status_note: str | None = None
    sources: list[str] = Field(min_length=1)


class Governs(BaseModel):
    """One document that governs an item on its date, as `check`, `audit` and `rules coverage`
    show it in JSON (`governs`): a stable shape, documented in the README."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    era: str
    document: str
    chapter: str | None = None
    version: str
    section: str | None = None
    tier: str
    in_force_from: date
    in_force_until: date | None = None
    status: Literal["VERIFIED", "PARTLY VERIFIED", "UNCONFIRMED"]


ERA_KEYS = tuple(f.alias or name for name, f in EraSpec.model_fields.items())
APPLIES_KEYS = tuple(EraApplies.model_fields)


@dataclass(frozen=True)
class Era:
    id: str
    topic: str
    services: tuple[tuple[str, str | None], ...] | None  # (category, subtype or None); None: all
    regions: tuple[str, ...] | None
    perioperative: bool | None
    drug_classes: tuple[str, ...] | None
    start: date
    until: date | None
    status_note: str | None
    sources: tuple[str, ...]
    origin: str  # "path:line"
    # What it is, as output shows it (document, chapter, version, section, tier, dates, status),
    # made once: every audited item lists some.
    governs: Governs

    @property
    def name(self) -> str:
        """As people cite it: 'ACOEM Practice Guidelines, Low Back Disorders (2020-02-13)'."""
        chapter = f", {self.governs.chapter}" if self.governs.chapter else ""
        return f"{self.governs.document}{chapter} ({self.governs.version})"

    def in_force(self, on: date) -> bool:
        return self.start <= on and (self.until is None or on <= self.until)

    def covers(self, category: str) -> bool:
        return self.services is None or any(c == category for c, _ in self.services)

    # The regions and services as sets, for `applies_to`: every audited item asks it of the
    # eras of its service category, a few dozen.
    @cached_property
    def region_set(self) -> frozenset[str]:
        return frozenset(self.regions or ())

    @cached_property
    def service_set(self) -> frozenset[tuple[str, str | None]]:
        return frozenset(self.services or ())

    def applies_to(self, values: dict[str, Any]) -> bool:
        """Whether the era speaks to a request, by its field values (as rules read them). A
        region-bound era needs the request to name one of its regions; an unknown drug class
        leaves a drug-class-bound era out, as a rule's `applies` does."""
        if self.regions is not None and self.region_set.isdisjoint(
            values.get("request.regions") or ()
        ):
            return False
        if self.services is not None:
            category, subtype = values.get("request.service"), values.get("request.subtype")
            # An era for a whole category names no subtype (None).
            if self.service_set.isdisjoint(((category, None), (category, subtype))):
                return False
        if self.perioperative is not None and bool(values.get("request.perioperative")) != (
            self.perioperative
        ):
            return False
        return self.drug_classes is None or values.get("request.drug_class") in self.drug_classes


@dataclass(frozen=True)
class Eras:
    entries: tuple[Era, ...] = ()  # the highest tier first, region-bound before general
    path: str | None = None  # the file they were read from; None where the folder has none
    # Per service category, the entries that may speak to it, in the same order (those for every
    # service under ""): an audit asks for each item, and most entries are about other services.
    by_category: dict[str, tuple[Era, ...]] = field(default_factory=dict)

    def get(self, era_id: str) -> Era | None:
        return next((e for e in self.entries if e.id == era_id), None)

    def ids(self) -> list[str]:
        return [e.id for e in self.entries]


# --- what governs ---------------------------------------------------------------------------


def governing(eras: Eras, values: dict[str, Any]) -> list[Era]:
    """The eras in force on the request's date that speak to it: the highest tier first, and
    within a tier those bound to the request's body region before the general ones."""
    on = values.get("request.date")
    if not isinstance(on, date):
        return []
    category = values.get("request.service")
    candidates = eras.by_category.get(category, eras.by_category.get("", ()))  # type: ignore[arg-type]
    return [
        era
        for era in candidates
        if era.start <= on and (era.until is None or on <= era.until) and era.applies_to(values)
    ]


def governs_phrase(era: Era) -> str:
    """'ACOEM Practice Guidelines, Low Back Disorders (2020-02-13), MTUS 8 CCR 9792.23.5, for
    services from 2021-11-23'; the status where it is not VERIFIED."""
    governs = era.governs
    section = f", {governs.section}" if governs.section not in (None, governs.document) else ""
    status = "" if governs.status == "VERIFIED" else f" [{governs.status}]"
    if governs.tier == "mtus":
        return f"{era.name}{section}, for services from {era.start.isoformat()}{status}"
    return f"{era.name}, where the MTUS does not address the request{section}{status}"


def judged_by_sentence(on: date, governs: Sequence[Era]) -> str:
    """The one sentence `check` opens with: the date it judged by and what was in force."""
    if not governs:
        return (
            f"Judged by the rules in force on {on.isoformat()}; the eras file names no "
            "guideline for this service on that date."
        )
    return (
        f"Judged by the rules in force on {on.isoformat()}, under "
        + "; ".join(governs_phrase(e) for e in governs)
        + "."
    )


def no_rule_statement(on: date, governs: Sequence[Era], eras_path: str | None) -> str:
    """Why an item has no verdict, in plain words, naming what governs it on the date."""
    if not governs:
        where = eras_path or f"the rules folder's {ERAS_FILE}"
        return (
            f"No rule in force on {on.isoformat()} decides this request, and {where} names no "
            "guideline for this service on that date; this says nothing of whether it meets a "
            "guideline."
        )
    documents = "; ".join(governs_phrase(e) for e in governs)
    return (
        f"No rule in force on {on.isoformat()} decides this request. What governs it on that "
        f"date: {documents}. This says nothing of whether it meets the guideline; a criterion "
        "of these that is not yet a rule can be added in an overlay (see rules/README.md, "
        "'Criteria from a licensed guideline')."
    )


# --- loading and checking ---------------------------------------------------------------------


NameCheck = Callable[[str, str, "Location", "YamlDocument"], bool]


def load_eras(
    folder: Path,
    shown_path: str,
    problems: list[str],
    tiers: Sequence[str],
    check_service: Callable[[str, Location, YamlDocument], tuple[str, str | None]],
    check_name: NameCheck,
) -> Eras:
    """The eras of a rules folder, every problem added to `problems` as `path:line:col: error:`.
    A folder without an eras file has no eras: nothing is said of what governs."""
    from engine.yamlsource import YamlSyntaxError, load_yaml

    path = folder / ERAS_FILE
    if not path.is_file():
        return Eras()
    try:
        document = load_yaml(path, shown_path)
    except YamlSyntaxError as exc:
        problems.append(exc.line)
        return Eras(path=shown_path)
    data = document.data
    if not isinstance(data, dict) or not isinstance(data.get("eras"), list):
        problems.append(document.problem((), "an eras file is a mapping with an 'eras:' list"))
        return Eras(path=shown_path)
    for key in data:
        if key not in FILE_KEYS:
            problems.append(
                document.problem(
                    (key,), f"unknown top-level key '{key}'{did_you_mean(key, FILE_KEYS)}"
                )
            )
    entries: list[Era] = []
    places: dict[str, Location] = {}
    for index, raw in enumerate(data["eras"]):
        era = check_era(document, raw, ("eras", index), problems, tiers, check_service, check_name)
        if era is None:
            continue
        first = next((e for e in entries if e.id == era.id), None)
        if first is not None:
            problems.append(
                document.problem(
                    ("eras", index, "id"),
                    f"duplicate era id '{era.id}' (first defined at {first.origin})",
                    value=True,
                )
            )
            continue
        entries.append(era)
        places[era.id] = ("eras", index, "from")
    check_succession(document, entries, places, problems)

    def rank(era: Era) -> tuple:
        tier = tiers.index(era.governs.tier) if era.governs.tier in tiers else len(tiers)
        return tier, era.regions is None, era.services is None

    ranked = tuple(sorted(entries, key=rank))
    categories = {c for e in ranked for c, _ in e.services or ()}
    # "" collects the entries for every service: `covers("")` holds only for those.
    by_category = {c: tuple(e for e in ranked if e.covers(c)) for c in ("", *sorted(categories))}
    return Eras(ranked, shown_path, by_category)


def check_era(
    document: YamlDocument,
    raw: Any,
    base: Location,
    problems: list[str],
    tiers: Sequence[str],
    check_service: Callable[[str, Location, YamlDocument], tuple[str, str | None]],
    check_name: NameCheck,
) -> Era | None:
    if not isinstance(raw, dict):
        problems.append(document.problem(base, "an era must be a mapping"))
        return None
    before = len(problems)
    for key in raw:
        if key not in ERA_KEYS:
            problems.append(
                document.problem(
                    (*base, key), f"unknown era field '{key}'{did_you_mean(str(key), ERA_KEYS)}"
                )
            )
    if isinstance(raw.get("applies"), dict):
        for key in raw["applies"]:
            if key not in APPLIES_KEYS:
                problems.append(
                    document.problem(
                        (*base, "applies", key),
                        f"unknown applies field '{key}'{did_you_mean(str(key), APPLIES_KEYS)}",
                    )
                )
    try:
        spec = EraSpec.model_validate(raw)
    except ValidationError as exc:
        for detail in exc.errors():
            if detail["type"] == "extra_forbidden":
                continue  # reported above, with a suggestion
            location = (*base, *detail["loc"])
            name = detail["loc"][-1] if detail["loc"] else ""
            if detail["type"] == "missing":
                problems.append(document.problem(location, f"missing era field '{name}'"))
            elif detail["type"].startswith("date"):
                problems.append(
                    document.problem(
                        location,
                        f"{name}: '{detail['input']}' is not a date written YYYY-MM-DD",
                        value=True,
                    )
                )
            else:
                where = ".".join(str(p) for p in detail["loc"])
                problems.append(document.problem(location, f"{where}: {detail['msg']}", value=True))
        return None
    if len(problems) > before:
        return None
    if not _ERA_ID.fullmatch(spec.id):
        problems.append(
            document.problem(
                (*base, "id"),
                f"era id '{spec.id}' must be lower-case words joined by '-', e.g. acoem-low-back-2020",
                value=True,
            )
        )
    if spec.tier not in tiers:
        problems.append(
            document.problem(
                (*base, "tier"),
                f"unknown tier '{spec.tier}'{did_you_mean(spec.tier, tiers)}",
                value=True,
            )
        )
    if spec.until is not None and spec.until < spec.from_:
        problems.append(
            document.problem(
                (*base, "until"),
                f"impossible date range: until {spec.until} is before from {spec.from_}",
                value=True,
            )
        )
    if spec.status != "VERIFIED" and not (spec.status_note or "").strip():
        problems.append(
            document.problem(
                (*base, "status"),
                f"status '{spec.status}' needs a status_note saying what is not confirmed",
            )
        )
    services = None
    if spec.applies.services is not None:
        services = tuple(
            check_service(name, (*base, "applies", "services", i), document)
            for i, name in enumerate(spec.applies.services)
        )
    for key, vocabulary in (("regions", "regions"), ("drug_classes", "drug_classes")):
        for i, name in enumerate(getattr(spec.applies, key) or []):
            check_name(name, vocabulary, (*base, "applies", key, i), document)
    if len(problems) > before:
        return None
    line, _ = document.where((*base, "id"))
    governs = Governs(
        era=spec.id,
        document=spec.document,
        chapter=spec.chapter,
        version=spec.version,
        section=spec.section,
        tier=spec.tier,
        in_force_from=spec.from_,
        in_force_until=spec.until,
        status=spec.status,
    )
    return Era(
        id=spec.id,
        topic=spec.topic,
        services=services,
        regions=tuple(spec.applies.regions) if spec.applies.regions else None,
        perioperative=spec.applies.perioperative,
        drug_classes=tuple(spec.applies.drug_classes) if spec.applies.drug_classes else None,
        start=spec.from_,
        until=spec.until,
        status_note=spec.status_note,
        sources=tuple(spec.sources),
        origin=f"{document.path}:{line}",
        governs=governs,
    )


def check_succession(
    document: YamlDocument, entries: Iterable[Era], places: dict[str, Location], problems: list[str]
) -> None:
    """The versions of one topic follow each other: no two in force on one day, no day between
    one's end and the next one's start."""
    by_topic: dict[str, list[Era]] = {}
    for era in entries:
        by_topic.setdefault(era.topic, []).append(era)
    for topic, versions in by_topic.items():
        versions.sort(key=lambda e: e.start)
        for earlier, later in zip(versions, versions[1:], strict=False):
            if earlier.until is None or earlier.until >= later.start:
                ends = f"until {earlier.until}" if earlier.until else "with no end"
                problems.append(
                    document.problem(
                        places[later.id],
                        f"era '{later.id}' from {later.start} overlaps '{earlier.id}' "
                        f"({earlier.start} {ends}) in topic '{topic}'; end '{earlier.id}' on "
                        f"{later.start - ONE_DAY}",
                        value=True,
                    )
                )
            elif earlier.until + ONE_DAY < later.start:
                problems.append(
                    document.problem(
                        places[later.id],
                        f"gap in topic '{topic}': '{earlier.id}' ends {earlier.until} and "
                        f"'{later.id}' starts {later.start}; nothing governs from "
                        f"{earlier.until + ONE_DAY} to {later.start - ONE_DAY}",
                        value=True,
                    )
                )


# --- rules that take their dates from eras ------------------------------------------------------


def era_period(
    eras: Eras,
    reference: Any,
    report: Callable[[Location, str], None],
) -> tuple[tuple[str, ...], date, date | None] | None:
    """The ids and the period of `effective: {era: ...}` (one id, or a list of consecutive
    ones); None after reporting a problem through `report(location, message)`."""
    ids = [reference] if isinstance(reference, str) else reference
    if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids):
        report((), "'era' must be an era id, or a list of era ids, from the eras file")
        return None
    found: list[Era] = []
    for index, era_id in enumerate(ids):
        era = eras.get(era_id)
        if era is None:
            where = (index,) if isinstance(reference, list) else ()
            known = (
                did_you_mean(era_id, eras.ids())
                if eras.entries
                else f" ({ERAS_FILE} is missing from the rules folder)"
            )
            report(where, f"unknown era '{era_id}'{known}")
            return None
        found.append(era)
    found.sort(key=lambda e: e.start)
    for earlier, later in zip(found, found[1:], strict=False):
        if earlier.until is None or earlier.until + ONE_DAY != later.start:
            report((), f"eras '{earlier.id}' and '{later.id}' do not follow each other")
            return None
    return tuple(e.id for e in found), found[0].start, found[-1].until
