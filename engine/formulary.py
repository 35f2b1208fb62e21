"""The MTUS Drug Formulary as data: drug-list files (`rules/formulary/*.yaml`) -> a checked
`Formulary`, and a requested drug -> its status on the list in force on the request's date.

The formulary (8 CCR 9792.27.1 ff.) is a legal gate, not a judgment of medical necessity: it says
whether a drug needs prospective review before it is dispensed. From 2018-01-01 it applies to
outpatient drugs whatever the date of injury. The gate's steps, in the order the regulations give
them (current-mtus 3.2):

1. a drug a physician administers in a clinical setting is outside the formulary (not judged here:
   a request does not say who gives the drug);
2. a compounded drug always needs prospective review (9792.27.9);
3. a drug not on the MTUS Drug List is "unlisted" and needs prospective review;
4. a brand-name drug where a generic exists needs prospective review with a patient-specific
   reason (9792.27.7) (not judged here: prescribers write brand names for generics);
5. a listed Non-Exempt drug needs prospective review, unless dispensed as a special fill
   (9792.27.12) or perioperative fill (9792.27.13) within the days the list gives;
6. a listed Exempt drug needs none, provided it is prescribed as the MTUS guidelines recommend.

Whatever the status, the guidelines still decide medical necessity (9792.27.2(a)).

A drug-list file holds one published version of the list (or the part of it a source confirms):
its name, version, effective date, whether it is the complete list, its source and its drugs. A
drug missing from a complete list is unlisted; missing from a partial one, its status is unknown.
Several files may lie side by side; the newest one in force on the request's date is used.

`import_csv` turns the list as the state publishes it, saved as CSV, into such a file. Every
problem names the file, line and column (YAML) or the file and line (CSV), all in one run.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from engine.models import Medication

FORMULARY_FROM = date(2018, 1, 1)  # 9792.27.2: outpatient drugs dispensed on or after this day
STATUSES = ("exempt", "non_exempt", "unlisted", "compounded")
FOLDER = "formulary"

CITATION = {
    "exempt": "8 CCR 9792.27.1(h), 9792.27.5",
    "non_exempt": "8 CCR 9792.27.1, 9792.27.12, 9792.27.13",
    "unlisted": "8 CCR 9792.27.1, 9792.27.16",
    "compounded": "8 CCR 9792.27.9",
}
STATUS_WORDS = {
    "exempt": "Exempt",
    "non_exempt": "Non-Exempt",
    "unlisted": "not on the list (unlisted)",
    "compounded": "a compounded drug",
}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)


class DrugEntry(Strict):
    drug: str = Field(min_length=1)  # the ingredient as the list names it, e.g. "tramadol"
    status: Literal["exempt", "non_exempt"]
    # Other names a request may use for the same listed drug ("hydrocodone apap", "norco").
    names: tuple[str, ...] = ()
    special_fill_days: int | None = Field(default=None, ge=1, le=90)
    perioperative_fill_days: int | None = Field(default=None, ge=1, le=90)
    # Where the status changed between versions, the dates this entry's status holds.
    from_: date | None = Field(default=None, alias="from")
    until: date | None = None
    confidence: Literal["confirmed", "unconfirmed", "conflict"] = "confirmed"
    confidence_note: str | None = None
    source: str | None = None

    @model_validator(mode="after")
    def note_unless_confirmed(self) -> DrugEntry:
        if self.confidence != "confirmed" and not self.confidence_note:
            raise ValueError("an entry that is not confirmed needs a confidence_note saying why")
        return self

    def in_force(self, on: date) -> bool:
        return (self.from_ is None or self.from_ <= on) and (self.until is None or on <= self.until)


class DrugList(Strict):
    name: str = "MTUS Drug List"
    version: str = Field(min_length=1)
    effective: date  # the date the version took effect for drugs dispensed
    complete: bool  # every listed drug is here: a drug missing from it is unlisted
    source: str = Field(min_length=1)
    drugs: tuple[DrugEntry, ...]
    path: str = ""  # where it was read from, for messages (not written in the file)

    @cached_property
    def by_name(self) -> dict[str, tuple[DrugEntry, ...]]:
        """The entries by every name they go by, as `drug_key` writes it."""
        found: dict[str, list[DrugEntry]] = {}
        for entry in self.drugs:
            for key in dict.fromkeys(drug_key(n) for n in (entry.drug, *entry.names)):
                found.setdefault(key, []).append(entry)
        return {key: tuple(entries) for key, entries in found.items()}

    @property
    def title(self) -> str:
        return f"{self.name}, {self.version} (effective {self.effective.isoformat()})"


@dataclass(frozen=True)
class Formulary:
    """Every drug list of the rules folder, oldest first."""

    lists: tuple[DrugList, ...] = ()

    def in_force(self, on: date) -> DrugList | None:
        if on < FORMULARY_FROM:
            return None
        current = [d for d in self.lists if d.effective <= on]
        return current[-1] if current else None


class FormularyStatus(Strict):
    """The formulary gate for one requested drug on one date, as the check shows it."""

    drug: str
    status: Literal["exempt", "non_exempt", "unlisted", "compounded"] | None
    drug_list: str  # the list's title
    prospective_review: str  # what the gate asks, in words
    citation: str
    confidence: str
    confidence_note: str | None = None
    special_fill_days: int | None = None
    perioperative_fill_days: int | None = None


# --- reading the files ---------------------------------------------------------------------------


def load_formulary(
    rules_folder: Path, problems: list[str], shown_path: Callable[[Path], str] = str
) -> Formulary:
    """The drug lists under `rules_folder/formulary/`, checked; problems are added as
    `path:line:col: error: ...` lines, the path written by `shown_path`."""
    from engine.yamlsource import YamlSyntaxError, describe_validation_error, load_yaml

    folder = rules_folder / FOLDER
    if not folder.is_dir():
        return Formulary()
    lists: list[DrugList] = []
    for path in sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml")):
        shown = shown_path(path)
        try:
            document = load_yaml(path, shown)
        except YamlSyntaxError as exc:
            problems.append(exc.line)
            continue
        try:
            drug_list = DrugList.model_validate(document.data)
        except ValidationError as exc:
            problems.extend(describe_validation_error(document, exc))
            continue
        seen: dict[str, int] = {}
        for index, entry in enumerate(drug_list.drugs):
            for key in dict.fromkeys(drug_key(n) for n in (entry.drug, *entry.names)):
                # One name, two entries: allowed only where their dates do not overlap.
                other = seen.get(key)
                if other is not None and overlaps(drug_list.drugs[other], entry):
                    problems.append(
                        document.problem(
                            ("drugs", index, "drug"),
                            f"'{key}' is already listed (entry {other + 1}) for the same dates",
                        )
                    )
                seen[key] = index
        lists.append(drug_list.model_copy(update={"path": shown}))
    lists.sort(key=lambda d: d.effective)
    for earlier, later in zip(lists, lists[1:], strict=False):
        if earlier.effective == later.effective:
            problems.append(
                f"{later.path}:1:1: error: {earlier.path} takes effect on the same day "
                f"({later.effective.isoformat()}); keep one list per effective date"
            )
    return Formulary(tuple(lists))


def overlaps(a: DrugEntry, b: DrugEntry) -> bool:
    a_from, b_from = a.from_ or date.min, b.from_ or date.min
    a_until, b_until = a.until or date.max, b.until or date.max
    return a_from <= b_until and b_from <= a_until


# Words a list or a request adds to an ingredient without naming another drug: salts and
# release forms ("Tramadol HCl", "tramadol ER" are tramadol); and the abbreviation prescribers use
# for acetaminophen.
SALT_AND_RELEASE_WORDS = frozenset(
    [
        "hcl",
        "hydrochloride",
        "sodium",
        "potassium",
        "sulfate",
        "bitartrate",
        "tartrate",
        "citrate",
        "phosphate",
        "succinate",
        "maleate",
        "mesylate",
        "besylate",
        "er",
        "xr",
        "cr",
        "sr",
        "xl",
        "la",
        "ir",
        "extended",
        "immediate",
        "release",
    ]
)
SAME_DRUG = {"apap": "acetaminophen", "paracetamol": "acetaminophen"}


def plain_words(text: str) -> str:
    """Lower case, punctuation as spaces: how headers and status cells are compared."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def drug_key(name: str) -> str:
    """A drug name as requests are matched: lower case, punctuation as spaces, salts and release
    forms left out ("Hydrocodone Bitartrate/APAP" and "hydrocodone acetaminophen" are one)."""
    words = re.sub(r"[^a-z0-9]+", " ", name.lower()).split()
    kept = [SAME_DRUG.get(w, w) for w in words if w not in SALT_AND_RELEASE_WORDS]
    return " ".join(kept or words)


# --- the gate ------------------------------------------------------------------------------------


def find_entry(drug_list: DrugList, names: list[str], on: date) -> DrugEntry | None:
    for name in names:
        for entry in drug_list.by_name.get(drug_key(name), ()):
            if entry.in_force(on):
                return entry
    return None


def drug_status(
    formulary: Formulary, drug: str, drug_class: str | None, on: date
) -> FormularyStatus | None:
    """The gate for a requested drug on a date: None before the formulary (or where no list is in
    force). A drug a partial list does not hold has an unknown status."""
    drug_list = formulary.in_force(on)
    if drug_list is None:
        return None
    if drug_class == "compounded":
        return FormularyStatus(
            drug=drug,
            status="compounded",
            drug_list=drug_list.title,
            prospective_review=(
                "needs prospective review, whatever its ingredients, and a documented "
                "patient-specific reason why an FDA-approved or over-the-counter product will not do"
            ),
            citation=CITATION["compounded"],
            confidence="confirmed",
        )
    entry = find_entry(drug_list, [drug], on)
    if entry is None:
        if not drug_list.complete:
            return FormularyStatus(
                drug=drug,
                status=None,
                drug_list=drug_list.title,
                prospective_review=(
                    "status unknown: the list in force here is partial and does not hold this "
                    "drug; import the state's current list (imrcheck formulary import)"
                ),
                citation=CITATION["unlisted"],
                confidence="unconfirmed",
                confidence_note="the drug is not in the partial list shipped",
            )
        return FormularyStatus(
            drug=drug,
            status="unlisted",
            drug_list=drug_list.title,
            prospective_review=(
                "needs prospective review: a drug not on the list is unlisted (a brand name is "
                "not on it either: its ingredient's status holds only for the generic, 9792.27.7)"
            ),
            citation=CITATION["unlisted"],
            confidence="confirmed",
        )
    if entry.status == "exempt":
        review = (
            "needs no prospective review, provided it is prescribed as the MTUS guidelines "
            "recommend for the condition and phase of care; another use needs review"
        )
    else:
        fills = [
            f"a special fill of up to {entry.special_fill_days} days at the first visit within "
            "7 days of the injury"
            if entry.special_fill_days
            else "",
            f"a perioperative fill of up to {entry.perioperative_fill_days} days within 4 days "
            "before or after surgery"
            if entry.perioperative_fill_days
            else "",
        ]
        excepted = " or ".join(f for f in fills if f)
        review = "needs prospective review" + (f", except {excepted}" if excepted else "")
    return FormularyStatus(
        drug=drug,
        status=entry.status,
        drug_list=drug_list.title,
        prospective_review=review,
        citation=CITATION[entry.status],
        confidence=entry.confidence,
        confidence_note=entry.confidence_note,
        special_fill_days=entry.special_fill_days,
        perioperative_fill_days=entry.perioperative_fill_days,
    )


def request_gate(
    formulary: Formulary, medication: Medication | None, on: date
) -> FormularyStatus | None:
    """The gate for a request's drug, if it asks for one."""
    if medication is None:
        return None
    return drug_status(formulary, medication.drug, medication.drug_class, on)


def formulary_values(status: FormularyStatus | None) -> dict[str, Any]:
    """The request fields rules test, from the gate."""
    if status is None:
        return {}
    return {
        "request.formulary_status": status.status,
        "request.special_fill_days": status.special_fill_days,
        "request.perioperative_fill_days": status.perioperative_fill_days,
        "request.formulary_list": status.drug_list,
    }


# --- importing the state's list ------------------------------------------------------------------

# The columns `import_csv` reads, by the header words it accepts for each (case and punctuation
# do not matter). `drug` and `status` are required; the rest may be missing or empty.
COLUMNS: dict[str, tuple[str, ...]] = {
    "drug": ("drug", "drug ingredient", "ingredient", "drug name"),
    "status": ("status", "exempt non exempt", "exempt nonexempt", "exempt or non exempt"),
    "special_fill": ("special fill", "special fill days", "special_fill_days"),
    "perioperative_fill": (
        "perioperative fill",
        "perioperative fill days",
        "perioperative_fill_days",
        "periop fill",
    ),
    "names": ("names", "other names", "brand names"),
}
STATUS_CELLS = {"exempt": "exempt", "non exempt": "non_exempt", "nonexempt": "non_exempt"}
# A fill cell: a number of days ("4", "4 days", "up to 4 day supply"); a mark without a number
# ("Special Fill", "yes", "x") says the drug is eligible but the days are not given.
FILL_MARKS = {"yes", "y", "x", "special fill", "perioperative fill", "true"}
NO_FILL = {"", "no", "n", "-", "none", "false"}


class DrugListError(ValueError):
    """Rows or headers that cannot be read: every problem as one line naming file and line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def import_csv(
    text: str, shown: str, version: str, effective: date, source: str, complete: bool = True
) -> DrugList:
    """The list as the state publishes it, saved as CSV, as a `DrugList`. Raises `DrugListError`
    with every bad header or row."""
    problems: list[str] = []
    rows = list(csv.reader(io.StringIO(text)))
    header_index = next((i for i, row in enumerate(rows) if any(c.strip() for c in row)), None)
    if header_index is None:
        raise DrugListError([f"{shown}:1: error: the file is empty"])
    header = [plain_words(c) for c in rows[header_index]]
    where: dict[str, int] = {}
    for column, accepted in COLUMNS.items():
        for index, heading in enumerate(header):
            if heading in {plain_words(a) for a in accepted}:
                where.setdefault(column, index)
    for required in ("drug", "status"):
        if required not in where:
            problems.append(
                f"{shown}:{header_index + 1}: error: no '{required}' column; the header must "
                f"name one of: {', '.join(COLUMNS[required])}"
            )
    if problems:
        raise DrugListError(problems)
    drugs: list[DrugEntry] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(rows[header_index + 1 :], start=header_index + 2):
        if not any(c.strip() for c in row):
            continue

        def cell(column: str, row: list[str] = row) -> str:
            return cell_value(row, where.get(column))

        drug = cell("drug")
        status = STATUS_CELLS.get(plain_words(cell("status")))
        line = f"{shown}:{number}: error:"
        if not drug:
            problems.append(f"{line} no drug named")
            continue
        if status is None:
            problems.append(
                f"{line} status '{cell('status')}' for '{drug}' is neither Exempt nor Non-Exempt"
            )
            continue
        fills: dict[str, int | None] = {}
        bad = False
        for column in ("special_fill", "perioperative_fill"):
            days, problem = fill_days(cell(column))
            if problem:
                problems.append(f"{line} {column.replace('_', ' ')} '{cell(column)}': {problem}")
                bad = True
            fills[column] = days
        key = drug_key(drug)
        if key in seen:
            problems.append(f"{line} '{drug}' is listed again (first on line {seen[key]})")
            continue
        if bad:
            continue
        seen[key] = number
        names = tuple(n.strip() for n in re.split(r"[;|]", cell("names")) if n.strip())
        drugs.append(
            DrugEntry(
                drug=drug,
                status=status,  # type: ignore[arg-type]
                names=names,
                special_fill_days=fills["special_fill"],
                perioperative_fill_days=fills["perioperative_fill"],
            )
        )
    if problems:
        raise DrugListError(problems)
    if not drugs:
        raise DrugListError([f"{shown}:{header_index + 2}: error: no drugs below the header"])
    return DrugList(
        version=version, effective=effective, complete=complete, source=source, drugs=tuple(drugs)
    )


def cell_value(row: list[str], index: int | None) -> str:
    return row[index].strip() if index is not None and index < len(row) else ""


def fill_days(cell: str) -> tuple[int | None, str | None]:
    """Days from a special or perioperative fill cell: (days, problem)."""
    words = plain_words(cell)
    if words in NO_FILL:
        return None, None
    number = re.search(r"\d+", words)
    if number:
        days = int(number.group(0))
        if not 1 <= days <= 90:
            return None, "the days must be between 1 and 90"
        return days, None
    if words in FILL_MARKS:
        # Eligible, days not given: the list's day limit is unknown, so no fill is assumed.
        return None, None
    return None, "expected a number of days, a mark (yes, x) or nothing"


def drug_list_yaml(drug_list: DrugList) -> str:
    """A drug list as the YAML file the rules folder reads."""
    import yaml

    data = drug_list.model_dump(mode="json", by_alias=True, exclude_defaults=True, exclude={"path"})
    data["effective"] = drug_list.effective  # a date, written unquoted
    data["complete"] = drug_list.complete
    head = (
        f"# {drug_list.title}, imported with `imrcheck formulary import`.\n"
        "# Statuses as the source gives them; see rules/README.md (The drug formulary).\n"
    )
    return head + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
