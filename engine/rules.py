"""Rules stage: YAML rule files under a rules folder (plus optional overlays) -> a checked `Rulebook`.

Every problem in every file is collected in one run and reported as
`path:line:col: error: message`, with a suggestion where a name is close to a known one. Files are
loaded as plain data (no YAML tags), and message templates are plain `{name}` lookups, so a rule
file can neither run code nor reach into objects.
"""

from __future__ import annotations

import datetime
import difflib
import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from engine.conditions import (
    MAX_LITERALS,
    MAX_MAGNITUDE,
    MAX_TERMS,
    NUMBER_DECIMALS,
    OPERATORS_BY_TYPE,
    AllOf,
    AnyOf,
    Condition,
    ConditionSyntaxError,
    FieldSpec,
    FieldType,
    Not,
    Test,
    count_terms,
    depth_of,
    fields_of,
    normalized,
    parse_test,
    terms,
    value_fits,
)
from engine.eras import ERAS_FILE, Eras, era_period, load_eras
from engine.errors import VocabularyError, did_you_mean
from engine.facts import Findings, read_findings, readable_facts
from engine.formulary import STATUSES, Formulary, load_formulary
from engine.vocab import Vocabulary, default_rules_dir, load_vocabulary

# YAML is read only where rule files are read: a run that finds its rules cached never imports it.
if TYPE_CHECKING:
    from engine.yamlsource import Location, YamlDocument

# The order of authority, highest first: Labor Code 4610.5(c)(2) and 8 CCR 9792.21.1 (9792.25 in
# the 2009 text). The MTUS is presumed correct; ACOEM or ODG count only where it does not address
# the item; then other evidence-based guidelines; then peer-reviewed studies.
TIERS: tuple[str, ...] = ("mtus", "acoem_odg", "other_guideline", "peer_reviewed")
TIER_TITLES = {
    "mtus": "MTUS (8 CCR 9792.20 ff.), incl. the ACOEM 2nd ed. chapters and guidelines it adopts",
    "acoem_odg": "ACOEM or ODG where the MTUS does not address the item",
    "other_guideline": "other nationally recognized evidence-based guidelines",
    "peer_reviewed": "peer-reviewed studies",
}
OUTCOMES = ("certify", "deny", "insufficient")
CONFIDENCES = ("confirmed", "unconfirmed", "conflict")
MAX_CONDITION_DEPTH = 4

# Fields of the request itself. Clinical facts are declared in the rules folder's facts.yaml.
REQUEST_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("request.date", FieldType.DATE, "the date of the request"),
    FieldSpec("request.service", FieldType.TEXT, "the service requested", "services"),
    FieldSpec("request.subtype", FieldType.TEXT, "the kind of service requested", "subtypes"),
    FieldSpec("request.specialty", FieldType.TEXT, "the specialty consulted", "specialties"),
    FieldSpec("request.perioperative", FieldType.BOOLEAN, "whether it is around a surgery"),
    FieldSpec(
        "request.post_injection",
        FieldType.BOOLEAN,
        "whether therapy is asked for as the short course after an injection",
    ),
    FieldSpec("request.regions", FieldType.TEXT_LIST, "the body region to treat", "regions"),
    FieldSpec("request.sides", FieldType.TEXT_LIST, "the side (left, right, bilateral)", "sides"),
    FieldSpec("request.visits", FieldType.INTEGER, "the number of visits requested"),
    FieldSpec("request.per_week", FieldType.INTEGER, "the visits per week requested"),
    FieldSpec("request.weeks", FieldType.INTEGER, "the number of weeks requested"),
    FieldSpec("request.days", FieldType.INTEGER, "the number of days requested"),
    FieldSpec("request.months", FieldType.INTEGER, "the number of months requested"),
    FieldSpec("request.units", FieldType.NUMBER, "the quantity to dispense"),
    FieldSpec("request.additional", FieldType.BOOLEAN, "whether more of a treatment is asked for"),
    FieldSpec("request.drug", FieldType.TEXT, "the drug requested"),
    FieldSpec("request.drug_class", FieldType.TEXT, "the drug class", "drug_classes"),
    FieldSpec("request.form", FieldType.TEXT, "the dosage form"),
    FieldSpec("request.days_supply", FieldType.INTEGER, "the days' supply requested"),
    FieldSpec(
        "request.brand_with_generic",
        FieldType.BOOLEAN,
        "whether the drug is asked for by a brand name that has a generic equivalent",
    ),
    FieldSpec(
        "request.dispense_as_written",
        FieldType.BOOLEAN,
        "whether the prescription is marked dispense as written (no generic substitution)",
    ),
    FieldSpec(
        "request.for_taper",
        FieldType.BOOLEAN,
        "whether it is asked for as part of tapering a drug ('taper step', 'for weaning')",
    ),
    FieldSpec(
        "request.for_medication_management",
        FieldType.BOOLEAN,
        "whether it is asked for to manage the drugs taken ('for medication evaluation and "
        "management')",
    ),
    # Counted by the evaluation, not read: conditions compare a field with a value and cannot add.
    FieldSpec(
        "request.visits_with_prior",
        FieldType.INTEGER,
        # What documents it is what documents `prior_visits`: the request gives its own number.
        "the number of visits of the requested therapy already completed",
    ),
    # From the drug list in force on the request's date (rules/formulary/), for a drug request.
    FieldSpec(
        "request.formulary_status",
        FieldType.TEXT,
        "the drug's status on the MTUS Drug List in force",
        "formulary_statuses",
    ),
    FieldSpec("request.special_fill_days", FieldType.INTEGER, "the drug list's special fill days"),
    FieldSpec(
        "request.perioperative_fill_days",
        FieldType.INTEGER,
        "the drug list's perioperative fill days",
    ),
    FieldSpec("request.formulary_list", FieldType.TEXT, "the drug list in force, by version"),
)
SUPPORTED_QUANTITIES = ("visits", "per_week", "weeks", "days", "months", "units")
_RULE_ID = re.compile(r"[a-z0-9]+(\.[a-z0-9][a-z0-9_-]*)+")
MAX_ID_LENGTH = 120
_TABLE_CELL = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


class RuleError(Exception):
    """Problems in rule files, every one as `path:line:col: error: message`."""

    def __init__(self, problems: list[str], warnings: Sequence[str] = ()) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems
        self.warnings = list(warnings)


# --- what a rule file may contain ------------------------------------------------------------


class Strict(BaseModel):
    # strict: YAML already types its values, so `from: 0` must not become 1970-01-01 nor
    # `visits: true` become 1.
    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, strict=True, defer_build=True
    )


class RuleCitation(Strict):
    document: str = Field(min_length=1)
    edition: str | None = None
    section: str | None = None
    pages: str | None = None

    def text(self) -> str:
        parts = [self.document]
        if self.edition:
            parts.append(f"({self.edition})")
        if self.section:
            parts.append(f"- {self.section}")
        if self.pages:
            parts.append(f"p. {self.pages}")
        return " ".join(parts)


class EffectiveSpec(Strict):
    # An era of the eras file (or a list of consecutive ones) gives the dates; `from` and `until`
    # written beside it narrow them.
    era: str | list[str] | None = None
    from_: date | None = Field(default=None, alias="from")
    until: date | None = None


class AppliesSpec(Strict):
    services: list[str] = Field(min_length=1)
    regions: list[str] | None = Field(default=None, min_length=1)
    perioperative: bool | None = None
    specialties: list[str] | None = Field(default=None, min_length=1)
    drug_classes: list[str] | None = Field(default=None, min_length=1)
    # Narrows the rule to requests whose facts make this true (e.g. the diagnosis of a table row).
    # Unlike `when`, an unknown value here means the rule does not apply, not 'insufficient'.
    condition: Any = None


class SupportsSpec(Strict):
    visits: int | None = Field(default=None, gt=0)
    per_week: int | None = Field(default=None, gt=0)
    weeks: int | None = Field(default=None, gt=0)
    days: int | None = Field(default=None, gt=0)
    months: int | None = Field(default=None, gt=0)
    units: float | None = Field(default=None, gt=0, le=MAX_MAGNITUDE, allow_inf_nan=False)


class ExampleSpec(Strict):
    name: str = Field(min_length=1)
    date: datetime.date | None = None
    request: dict[str, Any] = Field(default_factory=dict)
    facts: dict[str, Any] = Field(default_factory=dict)
    expect: Literal["certify", "deny", "insufficient", "none"]
    todo: str | None = None  # a known miss: the example must fail until the rule is fixed


class RuleSpec(Strict):
    id: str
    title: str = Field(min_length=1)
    criterion: str | None = None  # the criterion id in the guideline notes this rule encodes
    citation: RuleCitation
    tier: str
    effective: EffectiveSpec
    confidence: Literal["confirmed", "unconfirmed", "conflict"]
    confidence_note: str | None = None
    applies: AppliesSpec
    when: Any = None
    outcome: Literal["certify", "deny", "insufficient"]
    message: str = Field(min_length=1)
    # In words, the documentation the rule needs: a list, or by fact (`{red_flags: whether ...}`)
    # so that only the words of the facts still unknown are listed.
    missing: list[str] | dict[str, str] | None = None
    supports: SupportsSpec | None = None
    examples: list[ExampleSpec] = Field(min_length=1)


RULE_KEYS = tuple(f.alias or name for name, f in RuleSpec.model_fields.items())
NESTED_KEYS: dict[str, tuple[str, ...]] = {
    "citation": tuple(RuleCitation.model_fields),
    "effective": ("era", "from", "until"),
    "applies": tuple(AppliesSpec.model_fields),
    "supports": tuple(SupportsSpec.model_fields),
}
EXAMPLE_KEYS = tuple(ExampleSpec.model_fields)
FILE_KEYS = ("rules", "defaults", "tables", "disable")
TABLE_KEYS = ("columns", "rows", "rule")


# --- the checked result --------------------------------------------------------------------------


@dataclass(frozen=True)
class Example:
    name: str
    on: date
    values: dict[str, Any]  # field name -> value; a missing name is unknown
    expect: str
    todo: str | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    criterion: str | None
    citation: RuleCitation
    tier: str
    effective_from: date | None
    effective_until: date | None
    confidence: str
    confidence_note: str | None
    services: tuple[tuple[str, str | None], ...]  # (category, subtype or None for any)
    regions: tuple[str, ...] | None
    perioperative: bool | None
    specialties: tuple[str, ...] | None
    drug_classes: tuple[str, ...] | None
    scope: Condition | None  # applies.condition
    when: Condition | None
    outcome: str
    message: str
    # (the fact the words ask for, or None where they stand for the whole rule; the words)
    missing: tuple[tuple[str | None, str], ...] | None
    supports: dict[str, float] | None
    examples: tuple[Example, ...]
    origin: str  # "path:line" of its definition
    overlay: bool = False
    eras: tuple[str, ...] = ()  # the eras its dates come from (`effective: {era: ...}`)

    def in_force(self, on: date) -> bool:
        return (self.effective_from is None or self.effective_from <= on) and (
            self.effective_until is None or on <= self.effective_until
        )

    # Asked for every finding the rule makes, so worked out once.
    @cached_property
    def fields_read(self) -> tuple[str, ...]:
        """Every field its scope and its criterion read, in order of first appearance."""
        return tuple(dict.fromkeys(fields_of(self.scope) + fields_of(self.when)))

    @cached_property
    def citation_text(self) -> str:
        return self.citation.text()

    @cached_property
    def message_parts(self) -> tuple[tuple[bool, str], ...]:
        """The message template read into its pieces (`split_template`), for `render_parts`."""
        return tuple(split_template(self.message))


@dataclass(frozen=True)
class Rulebook:
    rules: tuple[Rule, ...]
    fields: dict[str, FieldSpec]
    # What the stages before the rules read with, from the same folder: the vocabularies for the
    # requests, the finding phrases and negation cues for the facts.
    vocabulary: Vocabulary
    findings: Findings
    folder: str
    overlays: tuple[str, ...] = ()
    disabled: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    by_id: dict[str, Rule] = field(default_factory=dict)
    names: dict[str, set[str]] = field(default_factory=dict)  # vocabulary -> its known names
    defaults: dict[str, FactDefault] = field(default_factory=dict)  # fact -> its stated default
    # The MTUS Drug List versions of the folder (rules/formulary/), handed to the request stage.
    formulary: Formulary = field(default_factory=Formulary)
    eras: Eras = field(default_factory=Eras)  # what governs which services when (eras.yaml)

    @cached_property
    def value_checks(self) -> dict[str, tuple[FieldType, set[str] | None]]:
        """Per field, its type and the names its vocabulary knows (None: any value), looked up
        for every value of every evaluation."""
        return {
            name: (spec.type, self.names.get(spec.vocabulary) if spec.vocabulary else None)
            for name, spec in self.fields.items()
        }


# --- loading -----------------------------------------------------------------------------------


def load_rulebook(
    rules_dir: str | Path | None = None, overlays: Iterable[str | Path] = ()
) -> Rulebook:
    """Load, check and merge the rules of a folder and of any overlay folders laid over it.

    An overlay rule with the id of an earlier rule replaces it; a new id is added; an overlay's
    `disable:` list removes rules. The vocabularies, finding phrases and negation cues are the
    folder's (an overlay holds rules only). Raises `RuleError` with every problem found.
    """
    folder = Path(rules_dir) if rules_dir else default_rules_dir()
    problems: list[str] = []
    warnings: list[str] = []
    if not folder.is_dir():
        raise RuleError([f"{shown(folder)}: error: no such rules folder"])
    try:
        vocabulary = load_vocabulary(folder)
        findings = read_findings(folder, vocabulary)
    except VocabularyError as exc:
        raise RuleError(exc.problems) from None
    fields = {spec.name: spec for spec in REQUEST_FIELDS}
    pending: PendingDefaults = []
    fields.update(load_facts(folder, problems, pending))
    names = vocabulary_names(vocabulary)
    checker = Checker(fields, names, problems, warnings, subtypes_by_category(vocabulary))
    defaults = check_defaults(checker, pending)
    formulary = load_formulary(folder, problems, shown)
    checker.eras = load_eras(
        folder,
        shown(folder / ERAS_FILE),
        problems,
        TIERS,
        lambda name, where, document: checker.check_service(name, Source(document, ()), where),
        lambda name, vocab, where, document: checker.check_name(
            name, vocab, Source(document, ()), where
        ),
    )

    overlays = tuple(overlays)
    merged: dict[str, Rule] = {}
    disabled: list[str] = []
    layers = [(folder, False)] + [(Path(o), True) for o in overlays]
    for layer, is_overlay in layers:
        if is_overlay and not layer.is_dir():
            problems.append(f"{shown(layer)}: error: no such overlay folder")
            continue
        if is_overlay and (layer / "facts.yaml").is_file():
            problems.append(
                f"{shown(layer / 'facts.yaml')}:1:1: error: an overlay cannot add facts: the "
                "fact catalogue belongs to the rules folder (--rules), beside the code that "
                "extracts the facts"
            )
        if is_overlay and (layer / "formulary").is_dir():
            warnings.append(
                f"{shown(layer / 'formulary')}: warning: drug lists in an overlay are not read; "
                "import the list into the rules folder, or use --rules with a whole rules folder"
            )
        if is_overlay and (layer / ERAS_FILE).is_file():
            warnings.append(
                f"{shown(layer / ERAS_FILE)}: warning: an overlay's eras file is not read; "
                "use --rules with a whole rules folder to change the eras"
            )
        if is_overlay and (layer / "vocab").is_dir():
            warnings.append(
                f"{shown(layer / 'vocab')}: warning: vocabularies in an overlay are not read; "
                "use --rules with a whole rules folder to change them"
            )
        layer_rules: dict[str, Rule] = {}
        layer_disabled: list[str] = []
        for path in rule_files(layer, problems):
            for rule in checker.check_file(path, is_overlay, layer_rules, merged, layer_disabled):
                layer_rules[rule.id] = rule
        # An overlay's `disable` acts on the layers under it; a later overlay may bring a rule back.
        for rule_id in layer_disabled:
            if rule_id in layer_rules:
                problems.append(
                    f"{layer_rules[rule_id].origin}: error: rule '{rule_id}' is both replaced and "
                    "disabled in this overlay"
                )
            merged.pop(rule_id, None)
        disabled.extend(layer_disabled)
        merged.update(layer_rules)
    if problems:
        # A mistake in a table's template shows once, not once per row.
        raise RuleError(list(dict.fromkeys(problems)), list(dict.fromkeys(warnings)))
    rules = tuple(merged.values())
    return Rulebook(
        rules=rules,
        fields=fields,
        vocabulary=vocabulary,
        findings=findings,
        folder=str(folder),
        overlays=tuple(str(o) for o in overlays),
        disabled=tuple(disabled),
        warnings=tuple(warnings),
        by_id={r.id: r for r in rules},
        names=names,
        defaults=defaults,
        formulary=formulary,
        eras=checker.eras,
    )


def shown(path: Path) -> str:
    """A path as the user would type it: relative to the working folder where it lies under it."""
    try:
        # abspath, not resolve: a linked file is shown where the user put it.
        return str(Path(os.path.abspath(path)).relative_to(Path(os.path.abspath(Path.cwd()))))
    except ValueError:
        return str(path)


def rule_files(folder: Path, problems: list[str]) -> list[Path]:
    """The rule files of a folder, in name order: every *.yaml but the vocabularies, the fact
    catalogue and the eras. Linked folders are followed, each real folder once (a link loop ends). A folder
    that cannot be listed is a problem: its rules would be missing without a word."""
    found = []
    seen: set[str] = set()

    def unlisted(exc: OSError) -> None:
        reason = exc.strerror or str(exc)
        problems.append(f"{shown(Path(exc.filename))}: error: cannot read this folder: {reason}")

    for here, folders, files in os.walk(folder, onerror=unlisted, followlinks=True):
        real = os.path.realpath(here)
        if real in seen:
            folders[:] = []
            continue
        seen.add(real)
        relative = Path(here).relative_to(folder)
        if relative == Path("."):
            folders[:] = [f for f in folders if f not in ("vocab", "formulary")]
        for name in files:
            if name.endswith((".yaml", ".yml")) and not (
                relative == Path(".") and name in ("facts.yaml", ERAS_FILE)
            ):
                found.append(Path(here) / name)
    return sorted(found)


class DefaultEntry(Strict):
    """What a reviewer takes a fact to be where the record is silent on it, and why."""

    value: Any
    when: Any = None  # a condition on other fields; the default holds only where it is true
    why: str = Field(min_length=1)
    source: str = Field(min_length=1)  # the guideline or the reviewers' practice it follows


class FactEntry(Strict):
    type: Literal["boolean", "integer", "number", "text", "date", "text_list"]
    documents: str = Field(min_length=1)
    default: DefaultEntry | None = None


@dataclass(frozen=True)
class FactDefault:
    """A fact's value where the record says nothing of it (see `facts.yaml`): applied by the
    evaluation to an unknown fact where `when` is true, and shown as a default, never as read."""

    name: str
    value: Any
    when: Condition | None
    why: str
    source: str


class FactsFile(Strict):
    facts: dict[str, FactEntry]


PendingDefaults = list[tuple[str, DefaultEntry, "YamlDocument"]]


def load_facts(
    folder: Path, problems: list[str], defaults: PendingDefaults | None = None
) -> dict[str, FieldSpec]:
    """The clinical facts rules may test, from `facts.yaml`: name, type and what documents it.
    Each declared default is added to `defaults`, to be checked once every field is known."""
    from engine.yamlsource import YamlSyntaxError, describe_validation_error, load_yaml

    path = folder / "facts.yaml"
    if not path.is_file():
        problems.append(f"{shown(path)}:1:1: error: the fact catalogue is missing")
        return {}
    try:
        document = load_yaml(path, shown(path))
        catalogue = FactsFile.model_validate(document.data)
    except YamlSyntaxError as exc:
        problems.append(exc.line)
        return {}
    except ValidationError as exc:
        problems.extend(describe_validation_error(document, exc))
        return {}
    specs = {}
    for name, entry in catalogue.facts.items():
        if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
            problems.append(
                document.problem(("facts", name), f"fact name '{name}' must be lower_snake_case")
            )
        specs[name] = FieldSpec(name, FieldType(entry.type), entry.documents)
        if entry.default is not None and defaults is not None:
            defaults.append((name, entry.default, document))
    return specs


def check_defaults(checker: Checker, pending: PendingDefaults) -> dict[str, FactDefault]:
    """The declared defaults, their values and conditions checked as rules' are."""
    found: dict[str, FactDefault] = {}
    for name, entry, document in pending:
        source = Source(document, ("facts", name, "default"))
        fits = checker.check_value(name, entry.value, source, ("value",), "fact")
        if fits and entry.value is None:
            checker.problems.append(source.problem(("value",), "a default needs a value"))
            fits = False
        when = None
        if entry.when is not None:
            when = checker.check_condition(entry.when, source, ("when",))
            if when is not None and name in fields_of(when):
                checker.problems.append(
                    source.problem(("when",), f"a default of '{name}' cannot depend on itself")
                )
                continue
        if fits:
            spec = checker.fields[name]
            found[name] = FactDefault(
                name, example_value(spec, entry.value), when, entry.why, entry.source
            )
    return found


def unread_fact_notes(rulebook: Rulebook) -> list[str]:
    """A `path:line:col: note:` line for each fact of the catalogue that no reader gives and that
    has no stated default: a rule testing it can only ever find it undocumented, so it can never
    decide from a letter or a note (only from facts written by hand)."""
    from engine.yamlsource import YamlSyntaxError, load_yaml

    readable = readable_facts(rulebook.findings) | set(rulebook.defaults)
    testing: dict[str, int] = {}
    for rule in rulebook.rules:
        for name in set(rule.fields_read):
            testing[name] = testing.get(name, 0) + 1
    path = Path(rulebook.folder) / "facts.yaml"
    try:
        document = load_yaml(path, shown(path))
    except YamlSyntaxError:
        return []  # load_rulebook has read it already; it cannot fail here but for a race
    return [
        document.problem(
            ("facts", name),
            f"fact '{name}' has no reader and no default: the {testing.get(name, 0)} rule(s) "
            "testing it can only find it undocumented",
            "note",
        )
        for name in rulebook.fields
        if not name.startswith("request.") and name not in readable
    ]


def subtypes_by_category(vocabulary: Vocabulary) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for group in vocabulary.service_index.by_first_word.values():
        for phrase in group:
            category, subtype = phrase.meaning
            if subtype:
                found.setdefault(category, set()).add(subtype)
    found.setdefault("perioperative", set()).update(vocabulary.perioperative_becomes.values())
    # A medication's subtype is its drug class.
    found.setdefault("medication", set()).update(drug_classes(vocabulary))
    return found


def drug_classes(vocabulary: Vocabulary) -> set[str]:
    return {
        p.meaning[0]
        for group in vocabulary.drug_index.by_first_word.values()
        for p in group
        if p.meaning[0]
    }


def vocabulary_names(vocabulary: Vocabulary) -> dict[str, set[str]]:
    def meanings(index: Any, position: int) -> set[str]:
        return {
            p.meaning[position]
            for group in index.by_first_word.values()
            for p in group
            if p.meaning[position]
        }

    subtypes = (
        meanings(vocabulary.service_index, 1)
        | set(vocabulary.perioperative_becomes.values())
        | drug_classes(vocabulary)
    )
    return {
        "services": set(vocabulary.categories),
        "subtypes": subtypes,
        "regions": meanings(vocabulary.region_index, 0),
        "sides": {p.meaning[0] for p in vocabulary.sides},
        "specialties": meanings(vocabulary.specialty_index, 0),
        "drug_classes": drug_classes(vocabulary),
        "formulary_statuses": set(STATUSES),
    }


class Source:
    """Where a rule's parts are in its file, for rules written out, taken from `defaults:` or
    expanded from a table row."""

    def __init__(
        self,
        document: YamlDocument,
        base: Location,
        redirects: dict[str, Location] | None = None,
        row_note: dict[str, str] | None = None,
    ) -> None:
        self.document = document
        self.base = base
        self.redirects = redirects or {}
        self.row_note = row_note or {}  # template keys filled from a table row -> " (row ...)"

    def location(self, sub: Location) -> Location:
        if sub and sub[0] in self.redirects:
            return (*self.redirects[sub[0]], *sub[1:])
        return (*self.base, *sub)

    def problem(
        self, sub: Location, message: str, level: str = "error", value: bool = False
    ) -> str:
        note = self.row_note.get(str(sub[0])) if sub else None
        return self.document.problem(self.location(sub), message + (note or ""), level, value)


class Checker:
    """Checks rule files against the schema, the fields and the vocabularies, collecting problems."""

    def __init__(
        self,
        fields: dict[str, FieldSpec],
        names: dict[str, set[str]],
        problems: list[str],
        warnings: list[str],
        subtypes: dict[str, set[str]],
    ) -> None:
        self.subtypes = subtypes
        self.eras = Eras()  # read once the vocabularies are, before any rule
        self.fields = fields
        self.names = names
        self.problems = problems
        self.warnings = warnings

    # files

    def check_file(
        self,
        path: Path,
        is_overlay: bool,
        layer: dict[str, Rule],
        earlier: dict[str, Rule],
        disabled: list[str],
    ) -> list[Rule]:
        from engine.yamlsource import YamlSyntaxError, load_yaml

        try:
            document = load_yaml(path, shown(path))
        except YamlSyntaxError as exc:
            self.problems.append(exc.line)
            return []
        data = document.data
        if data is None:
            self.warnings.append(document.problem((), "empty rule file", "warning"))
            return []
        if not isinstance(data, dict):
            self.problems.append(
                document.problem(
                    (),
                    "a rule file is a mapping with 'rules:' (and 'defaults:', "
                    "'tables:', 'disable:')",
                )
            )
            return []
        self.check_keys(document, (), data, FILE_KEYS, "top-level key")
        if "disable" in data:
            self.check_disable(document, data["disable"], is_overlay, earlier, disabled)
        defaults = data.get("defaults") or {}
        if not isinstance(defaults, dict):
            self.problems.append(document.problem(("defaults",), "'defaults' must be a mapping"))
            defaults = {}
        self.check_keys(document, ("defaults",), defaults, RULE_KEYS, "field")
        for key in ("id", "examples", "when", "message", "title"):
            if key in defaults:
                self.problems.append(
                    document.problem(
                        ("defaults", key), f"'{key}' belongs to each rule, not to defaults"
                    )
                )
        rules: list[Rule] = []
        for raw, source in self.written_rules(document, data, defaults):
            rule = self.check_rule(raw, source, is_overlay)
            if rule is None:
                continue
            clash = layer.get(rule.id) or next((r for r in rules if r.id == rule.id), None)
            if clash is not None:
                self.problems.append(
                    source.problem(
                        ("id",),
                        f"duplicate rule id '{rule.id}' (first defined at {clash.origin})",
                        value=True,
                    )
                )
                continue
            rules.append(rule)
        return rules

    def written_rules(
        self, document: YamlDocument, data: dict, defaults: dict
    ) -> list[tuple[dict, Source]]:
        """Each rule of the file as a mapping, with defaults filled in and tables expanded."""
        found: list[tuple[dict, Source]] = []
        listed = data.get("rules") or []
        if not isinstance(listed, list):
            self.problems.append(document.problem(("rules",), "'rules' must be a list of rules"))
            listed = []
        for index, raw in enumerate(listed):
            if not isinstance(raw, dict):
                self.problems.append(document.problem(("rules", index), "a rule must be a mapping"))
                continue
            found.append(self.with_defaults(document, raw, ("rules", index), defaults))
        tables = data.get("tables") or []
        if not isinstance(tables, list):
            self.problems.append(document.problem(("tables",), "'tables' must be a list"))
            tables = []
        for t_index, table in enumerate(tables):
            found.extend(self.expand_table(document, table, ("tables", t_index), defaults))
        return found

    def with_defaults(
        self,
        document: YamlDocument,
        raw: dict,
        base: Location,
        defaults: dict,
        redirects: dict[str, Location] | None = None,
        row_note: dict[str, str] | None = None,
    ) -> tuple[dict, Source]:
        merged = dict(raw)
        moved = dict(redirects or {})
        for key, value in defaults.items():
            if key not in merged:
                merged[key] = value
                moved[key] = ("defaults", key)
            elif isinstance(value, dict) and isinstance(merged[key], dict):
                # A rule that sets `effective: {until: ...}` keeps the default `from`.
                merged[key] = {**value, **merged[key]}
        return merged, Source(document, base, moved, row_note)

    def expand_table(
        self, document: YamlDocument, table: Any, base: Location, defaults: dict
    ) -> list[tuple[dict, Source]]:
        """A guideline table kept as a table: each row fills `${column}` cells in the rule template.
        A value that is exactly `${column}` takes the cell's own type (a number stays a number)."""
        if not isinstance(table, dict):
            self.problems.append(
                document.problem(
                    base, "a table must be a mapping with 'columns', 'rows' and 'rule'"
                )
            )
            return []
        self.check_keys(document, base, table, TABLE_KEYS, "table key")
        columns, rows, template = table.get("columns"), table.get("rows"), table.get("rule")
        if not (isinstance(columns, list) and columns and all(isinstance(c, str) for c in columns)):
            self.problems.append(
                document.problem((*base, "columns"), "'columns' must be a list of column names")
            )
            return []
        if not isinstance(rows, list) or not rows:
            self.problems.append(document.problem((*base, "rows"), "'rows' must be a list of rows"))
            return []
        if not isinstance(template, dict):
            self.problems.append(
                document.problem((*base, "rule"), "'rule' must be a rule template mapping")
            )
            return []
        unknown = False
        for location, text in strings_of(template, (*base, "rule")):
            for name in _TABLE_CELL.findall(text):
                if name not in columns:
                    unknown = True
                    self.problems.append(
                        document.problem(
                            location,
                            f"unknown column '${{{name}}}'{did_you_mean(name, columns)}",
                            value=True,
                        )
                    )
        if unknown:
            return []
        expanded = []
        for r_index, row in enumerate(rows):
            where = (*base, "rows", r_index)
            if not isinstance(row, list) or len(row) != len(columns):
                self.problems.append(
                    document.problem(
                        where, f"a row needs {len(columns)} cells ({', '.join(columns)})"
                    )
                )
                continue
            cells = dict(zip(columns, row, strict=True))
            filled = fill_cells(template, cells)
            # Problems in a filled rule point at the template, and say which row filled it where
            # the template takes cells from the row.
            redirects = {key: (*base, "rule", key) for key in filled}
            redirects["id"] = where  # the row is the rule's origin
            line, _ = document.where(where)
            row_note = {
                key: f" (table row at line {line})"
                for key, value in template.items()
                if _TABLE_CELL.search(json.dumps(value, default=str))
            }
            expanded.append(
                self.with_defaults(document, filled, where, defaults, redirects, row_note)
            )
        return expanded

    def check_disable(
        self,
        document: YamlDocument,
        value: Any,
        is_overlay: bool,
        earlier: dict[str, Rule],
        disabled: list[str],
    ) -> None:
        if not is_overlay:
            self.problems.append(
                document.problem(
                    ("disable",),
                    "'disable' is for overlays; in the base rules "
                    "folder delete or edit the rule instead",
                )
            )
            return
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problems.append(
                document.problem(("disable",), "'disable' must be a list of rule ids")
            )
            return
        for index, rule_id in enumerate(value):
            if rule_id in disabled:
                self.problems.append(
                    document.problem(("disable", index), f"'{rule_id}' is disabled twice")
                )
            elif rule_id not in earlier:
                self.problems.append(
                    document.problem(
                        ("disable", index),
                        f"cannot disable unknown rule '{rule_id}'{did_you_mean(rule_id, earlier)}",
                    )
                )
            else:
                disabled.append(rule_id)

    def check_keys(
        self,
        document: YamlDocument,
        base: Location,
        data: dict,
        allowed: Sequence[str],
        what: str,
        source: Source | None = None,
    ) -> None:
        for key in data:
            if key not in allowed:
                message = f"unknown {what} '{key}'{did_you_mean(str(key), allowed)}"
                self.problems.append(
                    source.problem((*base, key), message)
                    if source
                    else document.problem((*base, key), message)
                )

    # rules

    def check_rule(self, raw: dict, source: Source, is_overlay: bool) -> Rule | None:
        before = len(self.problems)
        self.check_keys(source.document, (), raw, RULE_KEYS, "field", source)
        for key, allowed in NESTED_KEYS.items():
            if isinstance(raw.get(key), dict):
                self.check_keys(source.document, (key,), raw[key], allowed, f"{key} field", source)
        for index, example in enumerate(raw.get("examples") or []):
            if isinstance(example, dict):
                self.check_keys(
                    source.document,
                    ("examples", index),
                    example,
                    EXAMPLE_KEYS,
                    "example field",
                    source,
                )
        try:
            spec = RuleSpec.model_validate(raw)
        except ValidationError as exc:
            misspelt = misspelt_fields(raw)
            for detail in exc.errors():
                if detail["type"] == "extra_forbidden":
                    continue  # reported above, with a suggestion
                if detail["type"] == "missing" and detail["loc"] in misspelt:
                    continue  # the misspelling above is the same mistake
                self.problems.append(self.describe(source, detail))
            self.check_free_text(raw, source)  # so that one run reports every problem
            return None
        if len(self.problems) > before:
            return None

        problem = self.problems.append
        if not _RULE_ID.fullmatch(spec.id) or len(spec.id) > MAX_ID_LENGTH:
            problem(
                source.problem(
                    ("id",),
                    f"rule id '{spec.id[:MAX_ID_LENGTH]}' must be dotted lower-case words, at "
                    f"most {MAX_ID_LENGTH} characters, e.g. mtus.cp.physical-medicine.visit-limit",
                    value=True,
                )
            )
        if spec.tier not in TIERS:
            problem(
                source.problem(
                    ("tier",),
                    f"unknown tier '{spec.tier}'"
                    f"{did_you_mean(spec.tier, TIERS) or ' (tiers: ' + ', '.join(TIERS) + ')'}",
                    value=True,
                )
            )
        start, until = spec.effective.from_, spec.effective.until
        era_ids: tuple[str, ...] = ()
        if spec.effective.era is not None:
            period = era_period(
                self.eras,
                spec.effective.era,
                lambda sub, message: problem(
                    source.problem(("effective", "era", *sub), message, value=True)
                ),
            )
            if period is not None:
                era_ids, era_start, era_until = period
                for key, written in (("from", start), ("until", until)):
                    outside = written is not None and (
                        written < era_start or (era_until is not None and written > era_until)
                    )
                    if outside:
                        ends = era_until or "open"
                        problem(
                            source.problem(
                                ("effective", key),
                                f"{key} {written} lies outside the era's dates "
                                f"({era_start} to {ends})",
                                value=True,
                            )
                        )
                start, until = start or era_start, until or era_until
        if start and until and until < start:
            problem(
                source.problem(
                    ("effective", "until"),
                    f"impossible date range: until {until} is before from {start}",
                    value=True,
                )
            )
        if spec.confidence != "confirmed" and not (spec.confidence_note or "").strip():
            problem(
                source.problem(
                    ("confidence",),
                    f"confidence '{spec.confidence}' needs a "
                    "confidence_note saying what is unconfirmed or in conflict",
                )
            )
        services = self.check_services(spec.applies.services, source)
        for key, vocabulary in (
            ("regions", "regions"),
            ("specialties", "specialties"),
            ("drug_classes", "drug_classes"),
        ):
            for index, name in enumerate(getattr(spec.applies, key) or []):
                self.check_name(name, vocabulary, source, ("applies", key, index))
        scope = self.check_optional_condition(
            spec.applies.condition, source, ("applies", "condition")
        )
        when = self.check_optional_condition(spec.when, source, ("when",))
        for condition, where in ((scope, ("applies", "condition")), (when, ("when",))):
            if condition is not None and depth_of(condition) > MAX_CONDITION_DEPTH:
                problem(
                    source.problem(
                        where,
                        f"conditions nest {depth_of(condition)} deep; at most "
                        f"{MAX_CONDITION_DEPTH} (split the rule)",
                    )
                )
        if scope is not None or when is not None:
            self.check_size(scope, when, source)
        supports = (
            {k: v for k, v in spec.supports.model_dump().items() if v is not None}
            if spec.supports
            else None
        )
        if spec.supports is not None and not supports:
            problem(
                source.problem(
                    ("supports",),
                    "'supports' needs at least one of " + ", ".join(SUPPORTED_QUANTITIES),
                )
            )
        self.check_message(spec.message, supports, source)
        if isinstance(spec.missing, dict):
            read = set(fields_of(scope) + fields_of(when))
            for name in spec.missing:
                if name not in read:
                    problem(
                        source.problem(
                            ("missing", name),
                            f"'missing' names '{name}', which the rule does not test"
                            + did_you_mean(name, read),
                        )
                    )
        if spec.outcome == "insufficient" and not spec.missing:
            problem(
                source.problem(
                    ("outcome",),
                    "an 'insufficient' rule needs 'missing': the "
                    "documentation that is missing, in words",
                )
            )
        first_day = start or until or date.today()
        examples = tuple(
            e
            for e in (
                self.check_example(spec, i, source, first_day) for i in range(len(spec.examples))
            )
            if e is not None
        )
        if len(self.problems) > before:
            return None
        if not any(e.expect == spec.outcome for e in examples):
            self.warnings.append(
                source.problem(
                    ("examples",),
                    f"no example expects '{spec.outcome}', the rule's own outcome",
                    "warning",
                )
            )
        line, _ = source.document.where(source.location(("id",)))
        return Rule(
            id=spec.id,
            title=spec.title,
            criterion=spec.criterion,
            citation=spec.citation,
            tier=spec.tier,
            effective_from=start,
            effective_until=until,
            confidence=spec.confidence,
            confidence_note=spec.confidence_note,
            services=services,
            regions=tuple(spec.applies.regions) if spec.applies.regions else None,
            perioperative=spec.applies.perioperative,
            specialties=tuple(spec.applies.specialties) if spec.applies.specialties else None,
            drug_classes=tuple(spec.applies.drug_classes) if spec.applies.drug_classes else None,
            scope=scope,
            when=when,
            outcome=spec.outcome,
            message=spec.message,
            missing=missing_words(spec.missing),
            supports=supports,
            examples=examples,
            origin=f"{source.document.path}:{line}",
            overlay=is_overlay,
            eras=era_ids,
        )

    def check_optional_condition(
        self, raw: Any, source: Source, where: Location
    ) -> Condition | None:
        return None if raw is None else self.check_condition(raw, source, where)

    def check_free_text(self, raw: dict, source: Source) -> None:
        """The conditions and message of a rule whose other fields failed the schema."""
        applies = raw.get("applies")
        if isinstance(applies, dict) and applies.get("condition") is not None:
            self.check_condition(applies["condition"], source, ("applies", "condition"))
        if raw.get("when") is not None:
            self.check_condition(raw["when"], source, ("when",))
        supports = raw.get("supports")
        if isinstance(raw.get("message"), str):
            self.check_message(
                raw["message"], supports if isinstance(supports, dict) else None, source
            )

    def describe(self, source: Source, detail: Any) -> str:
        """A pydantic error in plain words, at the value it is about."""
        location = tuple(detail["loc"])
        if detail["type"] == "missing":
            return source.problem(location[:-1], f"missing field '{location[-1]}'")
        label = ".".join(str(p) for p in location)
        given = detail.get("input")
        shown_input = f", not {given!r}" if isinstance(given, str | int | float | date) else ""
        message = f"{label}: {detail['msg']}{shown_input}"
        if detail["type"] == "literal_error":
            choices = re.findall(r"'([^']+)'", detail["ctx"]["expected"])
            hint = did_you_mean(str(given), choices) or f" (use {', '.join(choices)})"
            message = f"unknown {label} '{given}'{hint}"
        elif detail["type"] == "too_short" and location == ("examples",):
            message = "a rule needs at least one example"
        return source.problem(location, message, value=True)

    def check_services(self, services: list[str], source: Source) -> tuple:
        return tuple(
            self.check_service(name, source, ("applies", "services", index))
            for index, name in enumerate(services)
        )

    def check_service(self, name: str, source: Source, where: Location) -> tuple[str, str | None]:
        """`category` or `category/subtype`, each known, the subtype one of its category's."""
        category, slash, subtype = name.partition("/")
        if self.check_name(category, "services", source, where) and slash:
            allowed = self.subtypes.get(category, set())
            if subtype not in allowed:
                hint = did_you_mean(subtype, allowed) or (
                    f" (its subtypes: {', '.join(sorted(allowed))})"
                    if allowed
                    else f" ('{category}' has no subtypes)"
                )
                self.problems.append(
                    source.problem(
                        where, f"unknown subtype '{subtype}' of '{category}'{hint}", value=True
                    )
                )
        return category, subtype or None

    def check_name(self, name: Any, vocabulary: str, source: Source, where: Location) -> bool:
        known = self.names[vocabulary]
        if isinstance(name, str) and name in known:
            return True
        singular = {
            "services": "service",
            "subtypes": "service subtype",
            "regions": "region",
            "sides": "side",
            "specialties": "specialty",
            "drug_classes": "drug class",
            "formulary_statuses": "formulary status",
        }
        self.problems.append(
            source.problem(
                where,
                f"unknown {singular[vocabulary]} '{name}'{did_you_mean(str(name), known)}",
                value=True,
            )
        )
        return False

    def check_condition(self, raw: Any, source: Source, where: Location) -> Condition | None:
        if isinstance(raw, list):  # a plain list means all of it
            return self.check_items("all", raw, source, where)
        if isinstance(raw, str):
            return self.check_test(raw, source, where)
        if isinstance(raw, dict) and len(raw) == 1:
            ((key, value),) = raw.items()
            if key in ("all", "any"):
                return self.check_items(key, value, source, (*where, key))
            if key == "not":
                item = self.check_condition(value, source, (*where, key))
                return Not(item) if item is not None else None
            self.problems.append(
                source.problem(
                    (*where, key),
                    f"unknown combinator '{key}'"
                    f"{did_you_mean(str(key), ('all', 'any', 'not'))} "
                    "(use all, any or not)",
                )
            )
            return None
        self.problems.append(
            source.problem(
                where,
                "a condition is a line like 'request.visits > 10', or a "
                "mapping with one of all, any, not",
                value=True,
            )
        )
        return None

    def check_size(self, scope: Condition | None, when: Condition | None, source: Source) -> None:
        """The engine matches each alternative of a condition separately; keep them few and short."""

        def is_list(name: str) -> bool:
            return self.fields[name].type is FieldType.TEXT_LIST

        within = count_terms(scope, True, is_list)
        sizes = {
            "true": within * count_terms(when, True, is_list),
            "false": within * count_terms(when, False, is_list),
        }
        where = ("when",) if when is not None else ("applies", "condition")
        for outcome, size in sizes.items():
            if size > MAX_TERMS:
                self.problems.append(
                    source.problem(
                        where,
                        f"the condition has {size} ways to be {outcome} once spelt out; at most "
                        f"{MAX_TERMS} (split the rule, or move an 'any' out of an 'all')",
                    )
                )
                return
        combined = AllOf(tuple(c for c in (scope, when) if c is not None))
        longest = max(
            len(term) for want in (True, False) for term in terms(combined, want, is_list)
        )
        if longest > MAX_LITERALS:
            self.problems.append(
                source.problem(
                    where,
                    f"the condition needs {longest} comparisons at once; at most {MAX_LITERALS} "
                    "(split the rule)",
                )
            )

    def check_items(
        self, combinator: str, value: Any, source: Source, where: Location
    ) -> Condition | None:
        if not isinstance(value, list) or not value:
            self.problems.append(
                source.problem(where, f"'{combinator}' needs a non-empty list of conditions")
            )
            return None
        items = [self.check_condition(v, source, (*where, i)) for i, v in enumerate(value)]
        kept = tuple(item for item in items if item is not None)
        if len(kept) < len(items):
            return None
        return AllOf(kept) if combinator == "all" else AnyOf(kept)

    def check_test(self, line: str, source: Source, where: Location) -> Test | None:
        try:
            test = parse_test(line)
        except ConditionSyntaxError as exc:
            self.problems.append(source.problem(where, str(exc), value=True))
            return None
        spec = self.fields.get(test.field)
        if spec is None:
            self.problems.append(
                source.problem(
                    where,
                    f"unknown {'request field' if test.field.startswith('request.') else 'fact'} "
                    f"'{test.field}'{did_you_mean(test.field, self.fields)}",
                    value=True,
                )
            )
            return None
        allowed = OPERATORS_BY_TYPE[spec.type]
        if test.op not in allowed:
            self.problems.append(
                source.problem(
                    where,
                    f"'{test.op}' does not apply to {spec.type.value} field "
                    f"'{test.field}' (use {', '.join(allowed)})",
                    value=True,
                )
            )
            return None
        if test.op == "matches":
            if not isinstance(test.value, str):
                self.problems.append(
                    source.problem(
                        where, "'matches' needs a regular expression in quotes", value=True
                    )
                )
                return None
            try:
                re.compile(test.value)
            except re.error as exc:
                self.problems.append(
                    source.problem(
                        where, f"bad regular expression '{test.value}': {exc}", value=True
                    )
                )
                return None
            return test
        if test.op in ("exists", "missing"):
            return test
        element_type = FieldType.TEXT if spec.type is FieldType.TEXT_LIST else spec.type
        values = test.value if isinstance(test.value, tuple) else (test.value,)
        for value in values:
            if not value_fits(element_type, value):
                self.problems.append(
                    source.problem(
                        where,
                        f"'{test.field}' is {spec.type.value}, but {value!r} is not",
                        value=True,
                    )
                )
                return None
            if spec.vocabulary and not self.check_name(value, spec.vocabulary, source, where):
                return None
        if normalized(spec.type, test.value) != test.value:
            self.problems.append(
                source.problem(
                    where,
                    f"'{test.field}' is compared to at most {NUMBER_DECIMALS} decimal places",
                    value=True,
                )
            )
            return None
        return test

    def check_message(self, message: str, supports: dict | None, source: Source) -> None:
        try:
            pieces = split_template(message)
        except ValueError:
            self.problems.append(
                source.problem(
                    ("message",),
                    "unbalanced '{' or '}' in the message (write {{ or }} for a brace)",
                    value=True,
                )
            )
            return
        allowed = set(self.fields) | {f"supports.{k}" for k in (supports or {})}
        for is_name, name in pieces:
            if is_name and name not in allowed:
                hint = did_you_mean(name, allowed)
                if not hint and name.startswith("supports.") and not supports:
                    hint = " (the rule has no 'supports')"
                self.problems.append(
                    source.problem(
                        ("message",), f"unknown placeholder '{{{name}}}'{hint}", value=True
                    )
                )

    def check_example(
        self, spec: RuleSpec, index: int, source: Source, first_day: date
    ) -> Example | None:
        """`first_day`: the rule's first day in force, else its last: an example's date unless
        it gives one."""
        example = spec.examples[index]
        where = ("examples", index)
        values: dict[str, Any] = {}
        clean = True
        for key, value in example.request.items():
            name = f"request.{key}"
            if key == "service" and isinstance(value, str) and "/" in value:
                before = len(self.problems)
                value, values["request.subtype"] = self.check_service(
                    value, source, (*where, "request", key)
                )
                clean &= len(self.problems) == before
            clean &= self.check_value(name, value, source, (*where, "request", key), "request")
            values[name] = example_value(self.fields.get(name), value)
        for key, value in example.facts.items():
            if key.startswith("request."):
                self.problems.append(
                    source.problem((*where, "facts", key), "request fields go under 'request:'")
                )
                clean = False
                continue
            clean &= self.check_value(key, value, source, (*where, "facts", key), "fact")
            values[key] = example_value(self.fields.get(key), value)
        if "request.service" not in values:
            values["request.service"] = spec.applies.services[0].split("/")[0]
            if "/" in spec.applies.services[0]:
                values.setdefault("request.subtype", spec.applies.services[0].split("/")[1])
        # A real request always says whether it is around a surgery or asks for more.
        values.setdefault("request.perioperative", bool(spec.applies.perioperative))
        values.setdefault("request.additional", False)
        values.setdefault("request.post_injection", False)
        values.setdefault("request.for_taper", False)
        values.setdefault("request.for_medication_management", False)
        on = example.date or first_day
        values["request.date"] = on
        if not clean:
            return None
        return Example(example.name, on, values, example.expect, example.todo)

    def check_value(
        self, name: str, value: Any, source: Source, where: Location, what: str
    ) -> bool:
        spec = self.fields.get(name)
        if spec is None or name == "request.date":
            choices = [
                f.removeprefix("request.")
                for f in self.fields
                if f.startswith("request.") == (what == "request")
            ]
            short = name.removeprefix("request.")
            hint = (
                " (set the example's 'date' instead)"
                if name == "request.date"
                else (did_you_mean(short, choices))
            )
            self.problems.append(source.problem(where, f"unknown {what} field '{short}'{hint}"))
            return False
        if value is None:
            return True  # written out as unknown
        if not value_fits(spec.type, value):
            self.problems.append(
                source.problem(
                    where,
                    f"'{name.removeprefix('request.')}' is {spec.type.value}, but {value!r} is not",
                    value=True,
                )
            )
            return False
        if spec.vocabulary:
            for item in value if isinstance(value, list) else [value]:
                if not self.check_name(item, spec.vocabulary, source, where):
                    return False
        return True


def example_value(spec: FieldSpec | None, value: Any) -> Any:
    if isinstance(value, list):
        return tuple(value)
    return normalized(spec.type, value) if spec else value


def misspelt_fields(raw: dict) -> set[tuple[str, ...]]:
    """Required fields a misspelt key of the rule probably meant: `outcom` -> ('outcome',)."""
    meant: set[tuple[str, ...]] = set()
    for key in raw:
        if key not in RULE_KEYS:
            close = difflib.get_close_matches(str(key), RULE_KEYS, n=1, cutoff=0.75)
            meant.update((name,) for name in close)
    return meant


def strings_of(data: Any, location: Location) -> Iterable[tuple[Location, str]]:
    """Every text value inside nested data, with where it is."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from strings_of(value, (*location, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings_of(value, (*location, index))
    elif isinstance(data, str):
        yield location, data


def fill_cells(template: Any, cells: dict[str, Any]) -> Any:
    if isinstance(template, dict):
        return {key: fill_cells(value, cells) for key, value in template.items()}
    if isinstance(template, list):
        return [fill_cells(value, cells) for value in template]
    if isinstance(template, str):
        whole = _TABLE_CELL.fullmatch(template)
        if whole:
            return cells[whole[1]]
        return _TABLE_CELL.sub(lambda m: str(cells[m[1]]), template)
    return template


# --- messages ------------------------------------------------------------------------------------


def render_message(template: str, values: dict[str, Any], supports: dict | None) -> str:
    """Fill `{field}` and `{supports.x}` placeholders. Only names are looked up, in plain dicts, so
    a template cannot call anything or reach attributes; an unknown value reads "unknown"."""
    return render_parts(split_template(template), values, supports)


def render_parts(
    parts: Sequence[tuple[bool, str]], values: dict[str, Any], supports: dict | None
) -> str:
    """`render_message` of a template already read into its pieces (`Rule.message_parts`: a
    rule's message is rendered for every finding it makes)."""
    supports = supports or {}

    def lookup(name: str) -> Any:
        # `supports.x` is the rule's supported quantity where it has one, as a field otherwise;
        # looked up by name rather than by a copy of every value for each message.
        if name.startswith("supports.") and name[9:] in supports:
            return supports[name[9:]]
        return values.get(name)

    return "".join(show_value(lookup(text)) if is_name else text for is_name, text in parts)


_TEMPLATE_PART = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]|[^{}]+")


def split_template(template: str) -> list[tuple[bool, str]]:
    """A message template, read left to right, as (is_placeholder, text) pieces: `{{` and `}}`
    are literal braces, `{name}` a placeholder. Raises ValueError on a lone brace. The loader and
    the renderer both read templates through this, so they cannot disagree."""
    pieces = []
    for match in _TEMPLATE_PART.finditer(template):
        text = match[0]
        if text in ("{{", "}}"):
            pieces.append((False, text[0]))
        elif match[1] is not None:
            pieces.append((True, match[1]))
        elif text in ("{", "}"):
            raise ValueError(f"lone '{text}' at {match.start()}")
        else:
            pieces.append((False, text))
    return pieces


def show_value(value: Any) -> str:
    if value is None:
        return "unknown"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) if value else "unknown"  # as the engine reads it
    return str(value)


def missing_words(
    missing: list[str] | dict[str, str] | None,
) -> tuple[tuple[str | None, str], ...] | None:
    """A rule's `missing` as (fact, words) pairs: a list's words stand for the whole rule."""
    if not missing:
        return None
    if isinstance(missing, dict):
        return tuple(missing.items())
    return tuple((None, words) for words in missing)


def environment_overlays() -> list[str]:
    """Overlay folders from IMRCHECK_OVERLAY (separated like PATH)."""
    configured = os.environ.get("IMRCHECK_OVERLAY", "")
    return [p for p in configured.split(os.pathsep) if p]
