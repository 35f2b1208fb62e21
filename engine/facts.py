"""Facts stage: a parsed case -> the clinical facts it documents, each with its evidence.

Reads the clinical case summary and what each rationale reports of the record, sentence by
sentence, never the reviewer's conclusions or readings of the guidelines (`skip_sentences` in
`rules/vocab/findings.yaml`, and every sentence that states medical necessity). Each finding's
negation, uncertainty or history is decided by `engine.negation`. Returns `CaseFacts`, whose
`values(item)` gives what the rules evaluate: letter facts, item facts and derived facts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from engine.conditions import FieldSpec, normalized, value_fits
from engine.letters import NECESSITY, NEGATIVE_CONCLUSION, POSITIVE_CONCLUSION
from engine.models import Case, Span
from engine.negation import Cues, ReadSentence, Status, load_cues, read_sentence, status_of
from engine.vocab import (
    default_rules_dir,
    load_vocabulary,
    load_vocabulary_file,
    normalize_phrase,
)
from engine.yamlsource import YamlSyntaxError, did_you_mean, load_yaml

# Where a fact was read: a letter's summary or rationale, a clinical note, or a facts file that
# someone wrote (which overrides what was read).
Source = Literal["summary", "rationale", "note", "facts_file"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


class Evidence(Model):
    source: Source
    item: int | None = None  # the rationale's item, for facts read from a rationale
    span: Span | None = None  # into the letter's or note's text
    sentence: str  # for a facts file: "path:line"


class Fact(Model):
    name: str
    value: Any
    item: int | None = None  # None: about the patient and the record; else one disputed item
    evidence: Evidence


class FactUsed(Model):
    """A fact as a record shows it: its value, where it was read and the sentence."""

    name: str
    value: Any  # as in JSON: a date as its ISO string, so a stored record reads back equal
    source: str  # summary | rationale | note | facts_file
    sentence: str

    @field_validator("value", mode="before")
    @classmethod
    def as_in_json(cls, value: Any) -> Any:
        return value.isoformat() if isinstance(value, date) else value

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
        found: dict[str, Any] = {}
        for fact in self.facts:
            if fact.item is None or fact.item == item:
                found[fact.name] = fact.value
        return {**found, **derived(found, on)}


# --- vocabulary ----------------------------------------------------------------------------------


class FindingSpec(Model):
    phrases: list[str] = Field(min_length=1)
    normal: list[str] = Field(default_factory=list)
    needs_polarity: bool = False
    history_is_fact: bool = False  # true only when the sentence puts it in the past (a surgery)
    exam_only: bool = False  # a finding on examination: what the patient reports or denies is not
    # Recorded for the therapy the sentence names ("after 4/6 acupuncture treatment"), and given
    # to the items asking for more of it; without a therapy named, not used.
    per_therapy: bool = False
    # "No documentation of functional improvement" leaves it unknown, not absent: only a `normal`
    # phrase ("without functional improvement") says false.
    negated_is_undocumented: bool = False
    # A text fact that records what was found, with its body part and level ("lumbar
    # laminectomy L5-S1"): surgery_type beside prior_surgery.
    kind_fact: str | None = None


class FindingsFile(Model):
    findings: dict[str, FindingSpec]
    diagnoses: dict[str, list[str]]
    work_status: dict[str, list[str]]
    skip_sentences: list[str]


@dataclass(frozen=True)
class Findings:
    findings: dict[str, FindingSpec]
    # Each list of phrases is one regular expression over the normalised sentence, longest
    # phrase first, so a sentence is scanned once per list rather than once per phrase.
    phrase_pattern: PhraseList
    phrase_meaning: dict[str, tuple[str, bool]]  # phrase -> (fact, its value when stated)
    diagnosis_pattern: PhraseList
    diagnosis_meaning: dict[str, str]
    work_status_pattern: PhraseList
    work_status_meaning: dict[str, str]
    skip_pattern: PhraseList
    opioid_pattern: PhraseList
    surgery_pattern: PhraseList
    cues: Cues


@dataclass(frozen=True)
class PhraseList:
    """Whole-word matches of normalised phrases in a normalised (space-padded) sentence. The
    first words are checked first: most sentences hold none, and a set lookup is much cheaper
    than a long alternation."""

    pattern: re.Pattern[str]
    first_words: frozenset[str]

    def finditer(self, plain: str, words: frozenset[str]) -> Iterator[re.Match[str]]:
        if self.first_words.isdisjoint(words):
            return iter(())
        return self.pattern.finditer(plain)

    def search(self, plain: str, words: frozenset[str]) -> bool:
        return not self.first_words.isdisjoint(words) and self.pattern.search(plain) is not None


def phrases_pattern(phrases: list[str]) -> PhraseList:
    phrases = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    alternatives = "|".join(re.escape(p) for p in phrases) or "(?!x)x"
    return PhraseList(
        re.compile(r"(?<= )(?:" + alternatives + r")(?= )"),
        frozenset(p.split()[0] for p in phrases),
    )


@cache
def load_findings(rules_dir: str | Path | None = None) -> Findings:
    folder = Path(rules_dir or default_rules_dir())
    spec = load_vocabulary_file(folder / "vocab" / "findings.yaml", FindingsFile)
    meaning: dict[str, tuple[str, bool]] = {}
    for name, finding in spec.findings.items():
        for phrase in finding.phrases:
            meaning.setdefault(normalize_phrase(phrase).strip(), (name, True))
        for phrase in finding.normal:
            meaning.setdefault(normalize_phrase(phrase).strip(), (name, False))
    diagnoses = {
        normalize_phrase(p).strip(): group for group, ps in spec.diagnoses.items() for p in ps
    }
    work = {
        normalize_phrase(p).strip(): status for status, ps in spec.work_status.items() for p in ps
    }
    opioids = [
        phrase.text
        for group in load_vocabulary(folder).drug_index.by_first_word.values()
        for phrase in group
        if phrase.meaning[0] == "opioid"
    ]
    return Findings(
        findings=spec.findings,
        phrase_pattern=phrases_pattern(list(meaning)),
        phrase_meaning=meaning,
        diagnosis_pattern=phrases_pattern(list(diagnoses)),
        diagnosis_meaning=diagnoses,
        work_status_pattern=phrases_pattern(list(work)),
        work_status_meaning=work,
        skip_pattern=phrases_pattern([normalize_phrase(p) for p in spec.skip_sentences]),
        opioid_pattern=phrases_pattern(opioids),
        surgery_pattern=phrases_pattern(
            [
                normalize_phrase(phrase).strip()
                for finding in spec.findings.values()
                if finding.kind_fact == "surgery_type"
                for phrase in finding.phrases
            ]
        ),
        cues=load_cues(folder),
    )


# --- sentences -----------------------------------------------------------------------------------

_SENTENCE = re.compile(r"[^.!?]+(?:[.!?](?![0-9])|$)")
_MODALITIES = {
    "prior_pt_visits": r"physical therapy|physiotherapy|pt|occupational therapy|ot|therapy",
    "prior_aquatic_visits": r"aquatic therapy|aqua therapy|pool therapy",
    "prior_chiropractic_visits": r"chiropractic(?: therapy| treatment| care| manipulation)?"
    r"|chiropractor",
    "prior_acupuncture_visits": r"acupuncture",
    "prior_massage_visits": r"massage(?: therapy)?",
}
_UNITS = r"(?:sessions?|visits?|treatments?)"
NUMBER_WORDS = {
    word: n
    for n, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
} | {"twenty-four": 24, "thirty": 30}
# "12", "twelve", "twelve (12)", "at least five"
_NUMBER_WORD = re.compile(
    r"\b(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\b", re.I
)
# "12", "at least 5", "12 (12)"; of "4/6" (four of six done) the first figure counts.
_NUMBER = r"(?:at\s+least\s+)?(?:(\d{1,3})\s*/\s*\d{1,3}|(?<![/\d])(\d{1,3}))(?:\s*\(\d{1,3}\))?"
_PRIOR = {
    name: re.compile(
        rf"\b{_NUMBER}\s+(?:prior\s+|previous\s+|completed\s+)?(?:(?:{pattern})\s+)?"
        rf"{_UNITS}\s+of\s+(?:{pattern})\b"
        rf"|\b{_NUMBER}\s+(?:prior\s+|previous\s+)?(?:{pattern})\s+(?:\([^)]{{0,40}}\)\s+)?"
        rf"{_UNITS}\b"
        rf"|\b(?:{pattern})\s+(?:x|times)\s*(\d{{1,3}})\b",
        re.I,
    )
    for name, pattern in _MODALITIES.items()
}
# "included no prior chiropractic therapy": none done.
_NONE_PRIOR = {
    name: re.compile(rf"\bno\s+(?:prior\s+|previous\s+)?(?:{pattern})\b", re.I)
    for name, pattern in _MODALITIES.items()
}


_NEURO_WORDS = frozenset(["neurologic", "neurological", "neurovascular", "motor"])
# A whole neurologic examination stated normal: motor, sensation and reflexes. "Intact motor and
# sensory examination" (`limited`) says nothing of reflexes.
_NORMAL_NEURO_EXAM = re.compile(
    r"\b(?:unremarkable|normal|intact|non-?focal)\s+(?:\w+\s+){0,3}?neurologic(?:al)?\s+exam"
    r"|\bneurologic(?:al)?\s+exam(?:ination)?\s+(?:was|is|were)\s+(?:normal|unremarkable|"
    r"intact|non-?focal)"
    r"|(?P<limited>\bintact\s+motor\s+and\s+sensory\b)",
    re.I,
)
_IMAGING_WORDS = frozenset(
    ["mri", "ct", "x", "ray", "rays", "xray", "xrays", "radiographs", "radiograph", "tomography"]
)
# An imaging study already done: reported with its result, or called prior.
_IMAGING_DONE = re.compile(
    r"\b(?:mri|ct(?:\s+scan)?|x-?rays?|radiographs?|computed\s+tomography(?:\s+scan)?)\b"
    r"[^.]{0,60}?\b(?:showed|shows|revealed?|reveals|demonstrated|demonstrates|noted|dated|"
    r"performed|was\s+done|were\s+done|on\s+\d)"
    r"|\b(?:prior|previous|initial)\s+(?:\w+\s+)?(?:mri|ct|x-?rays?|radiographs?)\b",
    re.I,
)
_STUDIES_MATTER = frozenset(["imaging", "electrodiagnostics", "injection", "surgery"])
_ELECTRODIAGNOSTIC_WORDS = frozenset(
    ["emg", "ncv", "ncs", "electrodiagnostic", "electromyography", "conduction", "emg/ncv"]
)
_ELECTRODIAGNOSTICS_DONE = re.compile(
    r"\b(?:emg|ncv|ncs|electrodiagnostic\s+(?:stud(?:y|ies)|test(?:ing|s)?)|electromyography|"
    r"nerve\s+conduction\s+(?:stud(?:y|ies)|velocit(?:y|ies)))\b"
    r"[^.]{0,60}?\b(?:showed|shows|revealed?|reveals|demonstrated|demonstrates|dated|performed|"
    r"was\s+(?:normal|negative|positive)|were\s+(?:normal|negative|positive)|on\s+\d)"
    r"|\b(?:had|underwent|prior|previous)\s+(?:an?\s+)?(?:normal\s+|abnormal\s+)?"
    r"(?:emg|ncv|ncs|electrodiagnostic|electromyography|nerve\s+conduction)",
    re.I,
)
_OPIOID_WORDS = frozenset(["opioid", "opioids", "opiate", "opiates", "narcotic", "narcotics"])
# "has been on chronic opioid treatment": opioid use without a drug's name.
_ON_OPIOIDS = re.compile(
    r"\bon\s+(?:chronic\s+|long[- ]term\s+)?(?:opioids?|opiates?|narcotics?)\b", re.I
)
_SYMPTOM_WORDS = frozenset(
    [
        "complained",
        "complains",
        "complaining",
        "complaint",
        "complaints",
        "reports",
        "reported",
        "reporting",
        "denies",
        "denied",
        "endorses",
        "endorsed",
        "treated",
    ]
)
_REQUEST_WORDS = frozenset(
    [
        "request",
        "requested",
        "requests",
        "plan",
        "planned",
        "authorized",
        "denied",
        "modified",
        "certified",
        "recommended",
        "prescribed",
    ]
)
# Facts read per therapy and handed to the items of that therapy (then dropped): "authorized:"
# + the prior-visits fact of the therapy.
# Facts read per therapy, for the items that ask for it; never reported as they are.
_PER = "authorized:"
_IMPROVED = "improved:"
_NOT_AUTHORIZED = re.compile(r"\b(?:not|non)[\s-]+(?:been\s+)?(?:authoriz|certif)", re.I)
_AUTHORIZED_COUNT = re.compile(
    r"#\s*(\d{1,3})\b|\b(\d{1,3})\s+(?:sessions?|visits?|treatments?)\b"
    r"|(?:sessions?|visits?)\s*\((\d{1,3})\)",
    re.I,
)


def authorized_visits(text: str) -> tuple[str, int] | None:
    """(the therapy's prior-visits fact, the number) from a sentence on what UR authorized."""
    figures = with_figures(text)
    word = re.search(r"\bauthorized\b", figures, re.I)
    counts = list(_AUTHORIZED_COUNT.finditer(figures))
    if word is None or not counts:
        return None
    # "The request for 12 sessions was modified to 6 authorized": the number nearest the word.
    count = min(
        counts, key=lambda c: min(abs(c.start() - word.start()), abs(c.end() - word.start()))
    )
    # Chiropractic physiotherapy is chiropractic: the more specific therapy first.
    for name in (
        "prior_chiropractic_visits",
        "prior_acupuncture_visits",
        "prior_aquatic_visits",
        "prior_massage_visits",
        "prior_pt_visits",
    ):
        if _MODALITY_WORD[name].search(text):
            return name, int(next(g for g in count.groups() if g))
    return None


def date_of(match: re.Match[str]) -> date | None:
    """A date written 04/27/09, 4-25-2012 or April 7, 2014; None if it does not exist."""
    if match["m"]:
        month, day, year = int(match["m"]), int(match["d"]), int(match["y"])
    else:
        month, day, year = _MONTHS[match["month"].lower()], int(match["day"]), int(match["year"])
    if year < 100:
        year += 2000 if year < 50 else 1900
    try:
        return date(year, month, day)
    except ValueError:
        return None


def with_figures(text: str) -> str:
    """Number words as figures, padded to the word's length so that positions stay put:
    "twelve (12) sessions" -> "12     (12) sessions"."""
    return _NUMBER_WORD.sub(lambda m: str(NUMBER_WORDS[m[0].lower()]).ljust(len(m[0])), text)


_MODALITY_WORD = {name: re.compile(rf"\b(?:{p})\b", re.I) for name, p in _MODALITIES.items()}
# The words a therapy's name can start with, for a quick test before the patterns above.
_MODALITY_FIRST_WORDS = frozenset(
    [
        "physical",
        "physiotherapy",
        "pt",
        "occupational",
        "ot",
        "therapy",
        "aquatic",
        "aqua",
        "pool",
        "chiropractic",
        "chiropractor",
        "acupuncture",
        "massage",
    ]
)
# The item service whose prior visits `prior_visits` means.
PRIOR_BY_SERVICE = {
    "physical_therapy": "prior_pt_visits",
    "occupational_therapy": "prior_pt_visits",
    "chiropractic": "prior_chiropractic_visits",
    "acupuncture": "prior_acupuncture_visits",
    "massage": "prior_massage_visits",
}
# "a 56-year-old male", "a 56-year old employee" (the age alone)
_AGE_SEX = re.compile(
    r"\b(?P<age>\d{1,3})[- ](?:year|yr)s?[- ]old\s+(?:(?:injured|right|left)[- ]?\w*\s+)?"
    r"(?:(?P<sex>male|female|man|woman|gentleman|lady)|employee|patient|claimant|worker|"
    r"individual|person)\b",
    re.I,
)
_DIGIT = re.compile(r"[0-9]")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_DATE = (
    r"(?P<m>\d{1,2})[/-](?P<d>\d{1,2})[/-](?P<y>\d{4}|\d{2})\b"
    rf"|(?P<month>{'|'.join(sorted(_MONTHS, key=len, reverse=True))})\.?\s+(?P<day>\d{{1,2}}),?"
    r"\s+(?P<year>\d{4})"
)
_INJURY_DATE = re.compile(
    r"\b(?:(?:industrial\s+)?injury\s+date|date\s+of\s+(?:industrial\s+)?injury|DOI)"
    r"(?:\s+(?:of|on|was|is))?:?\s+"
    r"|\binjur(?:y|ed)\s+(?:\w+\s+){0,3}?on\s+",
    re.I,
)
_DATE_AFTER = re.compile(_DATE, re.I)
# "The utilization review determination was rendered on 6/20/2014", "UR dated 11/14/14"
_UR_DATE = re.compile(
    rf"\b(?:utilization\s+review|UR)\b[^.]{{0,60}}?\b(?:on|from|dated|of)\s+(?:{_DATE})", re.I
)
# "the progress report dated April 14, 2014", "Request for Authorization dated 12-20-16"
_REPORT_DATE = re.compile(
    r"\b(?:progress\s+(?:note|report)s?|report|note|evaluation|visit|request\s+for\s+"
    rf"authorization|RFA)\s+(?:dated|of|on)\s+(?:{_DATE})",
    re.I,
)
_SURGERY_WORDS = frozenset(
    [
        "surgery",
        "fusion",
        "laminectomy",
        "discectomy",
        "microdiscectomy",
        "arthroscopy",
        "repair",
        "pinning",
        "arthroplasty",
        "replacement",
        "release",
        "decompression",
    ]
)
# "his surgery of 3/11/2014", "pinning of the right distal radius fracture on 11-9-2016"
_SURGERY_ON = re.compile(
    rf"\b(?:{'|'.join(sorted(_SURGERY_WORDS))})\b[^.]{{0,60}}?\b(?:on|of|dated)\s+"
    rf"(?:{_DATE})",
    re.I,
)
_REPORT_WORDS = frozenset(
    ["report", "reports", "note", "notes", "evaluation", "visit", "authorization", "rfa"]
)
_PAIN_WORD = re.compile(r"\bpain\b", re.I)
_POSITIVE = re.compile(r"\bpositive\b|\(\+\)", re.I)
_DIAGNOSIS_CUE_WORDS = frozenset(
    ["treated", "treating", "treatment", "treatments", "sustained", "claim"]
)
_DIAGNOSIS_CUE = re.compile(
    r"\bdiagnos|\btreat(?:ed|ing|ments?)\s+for\b|\bbeing\s+treated\b|\bsustained\b"
    r"|\bclaim\s+for\b",
    re.I,
)
# "7/10", "8 out of 10", "3 of 10"; a range "7-8 out of 10" counts as its upper end.
_PAIN = re.compile(
    r"\b(?P<score>10|[0-9])(?:\s*-\s*(?P<upper>10|[0-9]))?\s*(?:/|(?:out\s+)?of)\s*10\b", re.I
)


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # in the letter's text
    source: Source
    item: int | None
    plain: str  # normalised for phrase matching
    words: frozenset[str]


def sentences_of(case: Case, summary_only: bool, findings: Findings) -> list[Sentence]:
    """The summary's sentences and, unless `summary_only`, the rationales' sentences that report
    the record; never a sentence that concludes or reads a guideline."""
    found: list[Sentence] = []
    parts: list[tuple[Span | None, Source, int | None]] = [(case.summary_span, "summary", None)]
    if not summary_only:
        parts += [(item.rationale_span, "rationale", item.index) for item in case.items]
    for span, source, item in parts:
        if span is not None:
            text = case.text[span.start : span.end]
            found.extend(reported_sentences(text, span.start, source, item, findings))
    return found


def reported_sentences(
    text: str, offset: int, source: Source, item: int | None, findings: Findings
) -> Iterator[Sentence]:
    """The sentences of a text that report rather than conclude, with their place (`offset` is
    where the text starts in the letter)."""
    for match in _SENTENCE.finditer(text):
        sentence = match[0]
        if not sentence.strip():
            continue
        plain = normalize_phrase(sentence)
        words = frozenset(plain.split())
        if not concludes(sentence, plain, words, source, findings):
            yield Sentence(sentence, offset + match.start(), source, item, plain, words)


def concludes(
    sentence: str, plain: str, words: frozenset[str], source: Source, findings: Findings
) -> bool:
    """Whether the sentence is the reviewer's conclusion, which the audit checks the facts
    against, or (in a rationale) a reading of the guidelines rather than of the record."""
    if (
        "necess" in plain
        and NECESSITY.search(sentence)
        and (NEGATIVE_CONCLUSION.search(sentence) or POSITIVE_CONCLUSION.search(sentence))
    ):
        return True
    if source == "rationale":
        return findings.skip_pattern.search(plain, words)
    return False


# --- extraction ----------------------------------------------------------------------------------


def extract_note_facts(
    text: str,
    source: str = "<note>",
    rules_dir: str | Path | None = None,
    service_category: str | None = None,
) -> CaseFacts:
    """The facts a clinical note (a progress note for a new request) documents: every sentence
    but those that conclude, read as a letter's summary is. Given the request's service category,
    what the note says of that therapy (visits done, functional improvement) is about the request
    too."""
    findings = load_findings(rules_dir)
    facts: list[Fact] = []
    for sentence in reported_sentences(text, 0, "note", None, findings):
        facts.extend(facts_in(sentence, findings))
    facts = settle(facts)
    if service_category:
        facts.extend(therapy_facts(facts, service_category, None))
    return CaseFacts(source=source, facts=[f for f in facts if not is_per_therapy(f.name)])


class FactsFileError(ValueError):
    """Problems in a facts file, each as `path:line:col: error: message`."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def read_facts_file(path: str | Path, fields: dict[str, FieldSpec]) -> list[Fact]:
    """Facts written by hand in YAML or JSON (`facts: {name: value}`, and per item under
    `items: {N: {name: value}}`), checked against the fact catalogue. They override what was read
    from the letter or note."""
    try:
        document = load_yaml(path)
    except YamlSyntaxError as exc:
        raise FactsFileError([exc.line]) from None
    data = document.data if isinstance(document.data, dict) else None
    if data is None or not set(data) <= {"facts", "items"}:
        raise FactsFileError(
            [
                document.problem(
                    (), "a facts file is a mapping with 'facts:' and optionally 'items:'"
                )
            ]
        )
    problems: list[str] = []
    found: list[Fact] = []
    groups: list[tuple[int | None, Any, tuple]] = [(None, data.get("facts") or {}, ("facts",))]
    for index, values in (data.get("items") or {}).items():
        groups.append((index, values or {}, ("items", index)))
    for item, values, where in groups:
        if not isinstance(values, dict) or (item is not None and not isinstance(item, int)):
            problems.append(
                document.problem(where, "expected 'name: value' lines (items by number)")
            )
            continue
        for name, value in values.items():
            spec = fields.get(name)
            location = (*where, name)
            if spec is None or str(name).startswith("request."):
                problems.append(
                    document.problem(
                        location, f"unknown fact '{name}'{did_you_mean(str(name), fields)}"
                    )
                )
                continue
            if isinstance(value, list):
                value = tuple(value)
            if value is not None and not value_fits(spec.type, value):
                problems.append(
                    document.problem(
                        location, f"'{name}' is {spec.type.value}, but {value!r} is not", value=True
                    )
                )
                continue
            line, _ = document.where(location)
            found.append(
                Fact(
                    name=name,
                    value=normalized(spec.type, value),
                    item=item,
                    evidence=Evidence(source="facts_file", sentence=f"{document.path}:{line}"),
                )
            )
    if problems:
        raise FactsFileError(problems)
    return found


def with_overrides(facts: CaseFacts, overrides: list[Fact]) -> CaseFacts:
    """Facts from a facts file replace the same facts read from the text, and add the rest."""
    replaced = {(f.name, f.item) for f in overrides}
    kept = [f for f in facts.facts if (f.name, f.item) not in replaced]
    return CaseFacts(source=facts.source, facts=kept + overrides)


def extract_facts(
    case: Case, rules_dir: str | Path | None = None, summary_only: bool = False
) -> CaseFacts:
    """Every fact the letter documents, with the sentence it comes from."""
    findings = load_findings(rules_dir)
    facts: list[Fact] = []
    if case.dates.injury:
        facts.append(header_fact(case, "injury_date", case.dates.injury))
    for sentence in sentences_of(case, summary_only, findings):
        facts.extend(facts_in(sentence, findings))
    facts = settle(facts)
    # Earlier imaging and electrodiagnostics matter, and are recorded, where a study, an
    # injection or surgery is what is disputed: their criteria ask what the studies showed.
    if _STUDIES_MATTER.isdisjoint(item.normalized.service.category for item in case.items):
        facts = [f for f in facts if f.name not in ("prior_imaging", "prior_electrodiagnostics")]
    facts.extend(item_facts(case, facts))
    return CaseFacts(source=case.source, facts=[f for f in facts if not is_per_therapy(f.name)])


def is_per_therapy(name: str) -> bool:
    return name.startswith((_PER, _IMPROVED))


def header_fact(case: Case, name: str, value: Any) -> Fact:
    header = case.sections.get("header")
    return Fact(
        name=name,
        value=value,
        evidence=Evidence(source="summary", span=header, sentence="(the letter's header)"),
    )


def evidence(sentence: Sentence, start: int = 0, end: int | None = None) -> Evidence:
    end = len(sentence.text) if end is None else end
    return Evidence(
        source=sentence.source,
        item=sentence.item,
        span=Span(start=sentence.start + start, end=sentence.start + end),
        sentence=" ".join(sentence.text.split()),
    )


def facts_in(sentence: Sentence, findings: Findings) -> list[Fact]:
    text = sentence.text
    found: list[Fact] = []

    def add(name: str, value: Any, start: int = 0, end: int | None = None) -> None:
        found.append(Fact(name=name, value=value, evidence=evidence(sentence, start, end)))

    # Each pattern below runs only where a cheap test of the sentence's words lets it match:
    # most sentences carry none of the facts, and the regular expressions are the main cost.
    words = sentence.words
    lowered = text.lower()
    if sentence.source in ("summary", "note") and "old" in words:
        age = _AGE_SEX.search(text)
        if age:
            add("age_years", int(age["age"]), age.start(), age.end())
            if age["sex"]:
                is_female = age["sex"].lower() in ("female", "woman", "lady")
                add("sex", "female" if is_female else "male", age.start(), age.end())
    has_digit = _DIGIT.search(text) is not None
    if has_digit and ("injur" in lowered or "doi" in words):
        for cue in _INJURY_DATE.finditer(text):
            when = _DATE_AFTER.match(text, cue.end())
            injured = date_of(when) if when else None
            if injured:
                add("injury_date", injured, cue.start(), when.end() if when else cue.end())
                break
    if has_digit and ("utilization" in words or "ur" in words):
        for review in _UR_DATE.finditer(text):
            reviewed = date_of(review)
            if reviewed:
                add("ur_date", reviewed, review.start(), review.end())
    if has_digit and not words.isdisjoint(_REPORT_WORDS):
        for report in _REPORT_DATE.finditer(text):
            reported = date_of(report)
            if reported:
                add("latest_report_date", reported, report.start(), report.end())
    if has_digit and "10" in text and _PAIN_WORD.search(text):
        for pain in _PAIN.finditer(text):
            add("pain_score", int(pain["upper"] or pain["score"]), pain.start(), pain.end())
    # "authorized", not "Request for Authorization", which names what was asked.
    if "authorized" in sentence.words and not _NOT_AUTHORIZED.search(text):
        authorized = authorized_visits(text)
        if authorized:
            add(f"{_PER}{authorized[0]}", authorized[1])
    # Visits asked for or authorized are not visits done.
    counts_done = sentence.words.isdisjoint(_REQUEST_WORDS)
    if counts_done and (has_digit or not sentence.words.isdisjoint(NUMBER_WORDS)):
        figures: str | None = None
        for name, pattern in _PRIOR.items():
            if words.isdisjoint(_MODALITY_FIRST_WORDS) or not _MODALITY_WORD[name].search(text):
                continue
            figures = figures or with_figures(text)
            for match in pattern.finditer(figures):
                count = next(g for g in match.groups() if g)
                add(name, int(count), match.start(), match.end())
    if counts_done and "no" in sentence.words:
        for name, pattern in _NONE_PRIOR.items():
            for match in pattern.finditer(text):
                add(name, 0, match.start(), match.end())
    plain = sentence.plain
    read: ReadSentence | None = None

    def status_at(start: int, end: int) -> Status:
        nonlocal read
        read = read or read_sentence(text, findings.cues)
        return status_of(text, start, end, findings.cues, read)

    def phrase_status(phrase: str) -> Status | None:
        at = phrase_position(lowered, phrase)
        return status_at(*at) if at else None

    # One phrase, one finding, longest first: "4+/5" is not also "5".
    for match in findings.phrase_pattern.finditer(plain, words):
        name, when_stated = findings.phrase_meaning[match[0]]
        at = phrase_position(lowered, match[0])
        if at is None:
            continue
        status = status_at(*at)
        spec = findings.findings[name]
        if spec.exam_only and not words.isdisjoint(_SYMPTOM_WORDS):
            continue
        if spec.history_is_fact:
            # Only a past event counts: a surgery merely named may be the one requested.
            if status is Status.HISTORICAL:
                add(name, True, at[0], at[1])
                if spec.kind_fact:
                    kind = named_with_site(text, at[0], at[1])
                    add(spec.kind_fact, kind[0], kind[1], kind[2])
            continue
        if status in (Status.POSSIBLE, Status.HISTORICAL):
            continue
        stated = status is Status.PRESENT
        if not stated and spec.negated_is_undocumented:
            continue
        value = stated if when_stated else not stated
        if findings.findings[name].needs_polarity:
            if stated and not _POSITIVE.search(text):
                continue
            value = stated
        if spec.per_therapy:
            for therapy, mentioned in _MODALITY_WORD.items():
                if mentioned.search(text):
                    add(f"{_IMPROVED}{therapy}", value, at[0], at[1])
            continue
        add(name, value, at[0], at[1])
    diagnosis_cue = (
        _DIAGNOSIS_CUE.search(text)
        if "diagnos" in lowered or not words.isdisjoint(_DIAGNOSIS_CUE_WORDS)
        else None
    )
    if diagnosis_cue:
        groups = list(
            dict.fromkeys(
                findings.diagnosis_meaning[m[0]]
                for m in findings.diagnosis_pattern.finditer(plain, words)
                # Stated, not negated or to be ruled out ("rule out cervical radiculopathy").
                if phrase_status(m[0]) in (Status.PRESENT, Status.HISTORICAL)
            )
        )
        # "Diagnosed as ... status post spinal fusion": the case is post-surgical.
        if "post_surgical" not in groups and any(
            phrase_status(m[0]) is Status.HISTORICAL
            for m in findings.surgery_pattern.finditer(plain, words)
        ):
            groups.append("post_surgical")
        if has_unlisted_diagnosis(text[diagnosis_cue.end() :], findings):
            groups.append("other")
        if groups:
            add("diagnoses", groups)
    if words & _NEURO_WORDS:
        normal_exam = _NORMAL_NEURO_EXAM.search(text)
        if normal_exam and words.isdisjoint(_SYMPTOM_WORDS):
            parts: tuple[str, ...] = ("motor_deficit", "sensory_deficit")
            if not normal_exam["limited"]:
                parts += ("reflex_change",)
            for name in parts:
                add(name, False, normal_exam.start(), normal_exam.end())
    if has_digit and words.isdisjoint(_REQUEST_WORDS) and not words.isdisjoint(_SURGERY_WORDS):
        surgery = _SURGERY_ON.search(text)
        operated = date_of(surgery) if surgery else None
        if surgery and operated:
            add("surgery_date", operated, surgery.start(), surgery.end())
            add("prior_surgery", True, surgery.start(), surgery.end())
            # The procedure named nearest before the date.
            named = [
                at
                for match in findings.surgery_pattern.finditer(plain, words)
                if (at := phrase_position(lowered, match[0])) and at[0] < surgery.end()
            ]
            if named:
                kind = named_with_site(text, *named[-1])
                add("surgery_type", kind[0], kind[1], kind[2])
    # A study planned or asked for is not a study done.
    if words & _IMAGING_WORDS and words.isdisjoint(_REQUEST_WORDS) and _IMAGING_DONE.search(text):
        add("prior_imaging", True)
    if words & _ELECTRODIAGNOSTIC_WORDS and _ELECTRODIAGNOSTICS_DONE.search(text):
        add("prior_electrodiagnostics", True)
    # A drug asked for, planned or decided on is not yet a drug taken.
    if (
        findings.opioid_pattern.search(plain, words)
        or ("on" in words and not words.isdisjoint(_OPIOID_WORDS) and _ON_OPIOIDS.search(text))
    ) and words.isdisjoint(_REQUEST_WORDS):
        add("opioid_use", True)
    for match in findings.work_status_pattern.finditer(plain, words):
        add("work_status", findings.work_status_meaning[match[0]])
    return found


_LIST_PARTS = re.compile(r",|;|\band\b|\bwith\b|\bincluding\b|\binclude[sd]?\b|:", re.I)
# A part of a diagnosis list names a diagnosis when it has a head word such as these.
_DIAGNOSIS_WORD = re.compile(
    r"\b\w+(?:itis|osis|pathy|algia)\b|\b(?:pain|syndrome|disease|disorder|tear|contusion|"
    r"spasms?|headaches?|insomnia|depression|anxiety|derangement|impingement|instability|"
    r"lesion|dysfunction|laceration|dislocation|hernia|effusion)\b",
    re.I,
)


def has_unlisted_diagnosis(listing: str, findings: Findings) -> bool:
    """Whether a list of diagnoses names one outside the guideline's groups: a part of the list
    with words of its own that no group's phrase matches ("... and bilateral knee pain")."""
    for part in _LIST_PARTS.split(listing.rstrip(". ")):
        plain = normalize_phrase(part)
        if not _DIAGNOSIS_WORD.search(part):
            continue
        if not findings.diagnosis_pattern.search(plain, frozenset(plain.split())):
            return True
    return False


_SITE_BEFORE = re.compile(
    r"(?:\b(?:lumbar|cervical|thoracic|lumbosacral|spinal|spine|knee|shoulder|hip|wrist|elbow|"
    r"ankle|hand|foot)\s+)+$",
    re.I,
)
_LEVEL_AFTER = re.compile(r"\s+(?:at\s+)?[CLT]\d(?:\s*-\s*[CLTS]?\d)?\b", re.I)


def named_with_site(text: str, start: int, end: int) -> tuple[str, int, int]:
    """A procedure's name with the body part before it and the spinal level after it:
    "lumbar laminectomy L5-S1"."""
    site = _SITE_BEFORE.search(text, 0, start)
    level = _LEVEL_AFTER.match(text, end)
    start = site.start() if site else start
    end = level.end() if level else end
    return " ".join(text[start:end].split()), start, end


def phrase_position(lowered: str, phrase: str) -> tuple[int, int] | None:
    """Where a normalised phrase occurs in the sentence's own characters."""
    words = phrase.split()
    pattern = r"\b" + r"[\W_]+".join(re.escape(w) for w in words) + r"(?![\w])"
    match = re.search(pattern, lowered)
    return (match.start(), match.end()) if match else None


def settle(facts: list[Fact]) -> list[Fact]:
    """One value per fact: a deficit anywhere is a deficit (true wins), the highest count or
    score, the latest report, the first age, sex, diagnosis list and review date, the last work
    status."""
    chosen: dict[str, Fact] = {}
    for fact in facts:
        held = chosen.get(fact.name)
        if held is None:
            chosen[fact.name] = fact
        elif isinstance(fact.value, bool):
            if fact.value and not held.value:
                chosen[fact.name] = fact
        elif fact.name.startswith(_PER):
            continue  # the first account of what was authorized
        elif (
            fact.name == "work_status"
            or (
                isinstance(fact.value, int)
                and fact.name not in ("age_years",)
                and fact.value > held.value
            )
            or (fact.name == "latest_report_date" and fact.value > held.value)
        ):
            chosen[fact.name] = fact
    return list(chosen.values())


def item_facts(case: Case, facts: list[Fact]) -> list[Fact]:
    """Per item, what was read of its own therapy."""
    return [
        fact
        for item in case.items
        for fact in therapy_facts(facts, item.normalized.service.category, item.index)
    ]


def therapy_facts(facts: list[Fact], category: str, item: int | None) -> list[Fact]:
    """For a request of a service category, what was read of that therapy: the visits already
    completed, those authorized but not yet attended, and functional improvement from it."""
    modality = PRIOR_BY_SERVICE.get(category)
    if modality is None:
        return []
    by_name = {fact.name: fact for fact in facts}
    return [
        Fact(name=name, value=by_name[read].value, item=item, evidence=by_name[read].evidence)
        for read, name in (
            (modality, "prior_visits"),
            (f"{_PER}{modality}", "authorized_visits_pending"),
            (f"{_IMPROVED}{modality}", "functional_improvement"),
        )
        if read in by_name
    ]


def derived(values: dict[str, Any], on: date | None) -> dict[str, Any]:
    """Facts computed from others: time since injury, any neurologic deficit, any red flag."""
    found: dict[str, Any] = {}
    injury = values.get("injury_date")
    if isinstance(injury, date) and on and on >= injury:
        found["weeks_since_injury"] = (on - injury).days // 7
    for name, parts in (
        ("neurologic_deficit", ("motor_deficit", "sensory_deficit", "reflex_change")),
        (
            "red_flags",
            (
                "red_flag_fracture",
                "red_flag_tumor",
                "red_flag_infection",
                "red_flag_cauda_equina",
                "red_flag_progressive_deficit",
                "red_flag_bowel_bladder",
            ),
        ),
    ):
        known = [values[p] for p in parts if p in values]
        if any(known):
            found[name] = True
        elif len(known) == len(parts):
            found[name] = False
    diagnoses = values.get("diagnoses") or []
    for group in ("crps", "neuralgia", "myalgia"):
        if group in diagnoses:
            found["diagnosis_group"] = group
            break
    else:
        if diagnoses:
            found["diagnosis_group"] = "other"
    return found
