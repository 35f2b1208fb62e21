"""Facts stage: a parsed case -> the clinical facts it documents, each with its evidence.

Reads the clinical case summary and what each rationale reports of the record, sentence by
sentence, never the reviewer's conclusions or readings of the guidelines (`skip_sentences` in
`rules/vocab/findings.yaml`, and every sentence that states medical necessity), nor what
utilization review decided and why. Each finding's negation, uncertainty or history is decided by
`engine.negation`. Some facts take more than one sentence (conservative care tried in one, the
symptoms persisting in another) and are put together once the letter is read; others depend on
the item (a fracture is a red flag only for its own body part, a drug is in use or a first
prescription, a study repeats an earlier one, a pre-operative test has the condition it is for).
Returns `CaseFacts`, whose `values(item)` gives what the rules evaluate: letter facts, item facts
and derived facts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, field_validator

from engine.conclusions import NECESSITY, NEGATIVE_CONCLUSION, POSITIVE_CONCLUSION, calendar_date
from engine.conditions import FieldSpec, normalized, value_fits
from engine.errors import did_you_mean
from engine.models import Case, Request, Span
from engine.negation import Cues, ReadSentence, Status, load_cues, read_sentence, status_of
from engine.vocab import (
    Vocabulary,
    default_rules_dir,
    load_vocabulary,
    load_vocabulary_file,
    normalize_phrase,
    padded,
    phrase_words,
    phrases_in,
    plain_spaces,
)

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
    source: str  # summary | rationale | note | facts_file | audit | default
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
    # Wordings with words in between ("decreased C5 and C6 dermatome sensation"): regular
    # expressions over the lower-cased sentence, tried where the sentence has a `pattern_words`.
    patterns: list[str] = Field(default_factory=list)
    pattern_words: list[str] = Field(default_factory=list)
    needs_words: list[str] = Field(default_factory=list)  # counts only beside one of these
    unless_words: list[str] = Field(default_factory=list)  # never beside one of these
    implies: list[str] = Field(default_factory=list)  # also true when stated ("3/5": weakness)
    done_only: bool = False  # planned, requested or recommended does not count
    # A red flag is a suspicion by nature: the guideline images for a fracture or cauda equina
    # "strongly suspected", so "a fracture is suspected" states it rather than leaving it open.
    suspected_counts: bool = False
    internal: bool = False  # not recorded itself, only what it implies
    # In a rationale, only where the sentence speaks of the patient: "therapeutic exercise is
    # beneficial for restoring flexibility" reads the guideline.
    of_patient: bool = False
    # The body part a mention is of, by region, and regions that count as one part.
    sites: dict[str, list[str]] = Field(default_factory=dict)
    site_groups: list[list[str]] = Field(default_factory=list)


class ConservativeCareSpec(Model):
    care: list[str]
    tried: list[str]
    persisting: list[str]
    symptoms: list[str]
    failing: list[str]


class RehabilitationSpec(Model):
    programs: list[str]
    planned: list[str]
    ongoing: list[str]
    adjunct_for: list[str]  # the service categories that can be an adjunct to it


class ProceduresSpec(Model):
    injections: list[str]
    surgeries: list[str]
    planned: list[str]
    surgeons: list[str]
    proceduralists: list[str]


class DrugUseSpec(Model):
    current: list[str]
    none_taken: list[str]
    given_now: list[str]
    first: list[str]
    names: dict[str, list[str]]


class ComorbiditiesSpec(Model):
    metabolic_panel: list[str]
    blood_count: list[str]
    coagulation: list[str]
    urinalysis: list[str]
    chest_xray: list[str]
    tests: dict[str, list[str]]


class SymptomOnsetSpec(Model):
    symptoms: list[str]
    units: dict[str, int]


class FindingsFile(Model):
    findings: dict[str, FindingSpec]
    conservative_care: ConservativeCareSpec
    rehabilitation: RehabilitationSpec
    procedures_planned: ProceduresSpec
    drug_use: DrugUseSpec
    comorbidities: ComorbiditiesSpec
    symptom_onset: SymptomOnsetSpec
    diagnoses: dict[str, list[str]]
    work_status: dict[str, list[str]]
    skip_sentences: list[str]
    guideline_names: list[str]
    record_subjects: list[str]


@dataclass(frozen=True)
class Findings:
    findings: dict[str, FindingSpec]
    # Each list of phrases is one regular expression over the normalised sentence, longest
    # phrase first, so a sentence is scanned once per list rather than once per phrase.
    phrase_pattern: PhraseList
    phrase_meaning: dict[str, tuple[str, bool]]  # phrase -> (fact, its value when stated)
    # Per finding: its patterns (with the words that let them match), the words it needs or
    # must not be beside, and the sites it can be of.
    patterns: dict[str, tuple[frozenset[str], tuple[re.Pattern[str], ...]]]
    needs_words: dict[str, frozenset[str]]
    unless_words: dict[str, frozenset[str]]
    sites: dict[str, tuple[PhraseList, dict[str, str]]]
    diagnosis_pattern: PhraseList
    diagnosis_meaning: dict[str, str]
    work_status_pattern: PhraseList
    work_status_meaning: dict[str, str]
    skip_pattern: PhraseList
    guideline_pattern: PhraseList  # a rationale's sentence that opens a guideline passage
    record_subject_pattern: PhraseList  # a sentence that speaks of the patient or the record
    opioid_pattern: PhraseList
    surgery_pattern: PhraseList
    care_symptoms: frozenset[str]
    adjunct_for: frozenset[str]
    surgeons: frozenset[str]
    proceduralists: frozenset[str]
    regions: PhraseList  # body regions, for the part an earlier study was of
    region_of: dict[str, str]
    drug_name: dict[str, str]  # a drug's name -> the drug (generic)
    given_now: tuple[tuple[str, ...], ...]  # the words right before a drug just given
    comorbidity_tests: dict[str, tuple[str, ...]]  # phrase -> the tests it calls for
    test_kind: tuple[tuple[str, str], ...]  # (phrase of a test as requested, its kind)
    onset_units: dict[str, int]
    # All the phrase lists of the readers that take more than one sentence, as one expression:
    # a sentence is scanned once for all of them, and each phrase found says which lists it is
    # in (a phrase holding a shorter listed one counts for that list as well).
    composite: PhraseList
    composite_kinds: dict[str, frozenset[str]]
    # The first words of what the readers read about (care, drugs, procedures, symptoms ...),
    # without which a sentence has nothing for them, whatever cue words it holds.
    composite_anchors: frozenset[str]
    cues: Cues
    cue_phrases: PhraseList  # the negation, uncertainty and history cues


class Listed(NamedTuple):
    text: str  # a phrase of a `PhraseList`, normalised, with a space on each side


class PhraseMatch:
    """A phrase found by scanning, read as the expression's match would be: the phrase is
    group 1 (`m[1]`, `m.start(1)`, `m.end(1)`), group 0 starts at the space before it."""

    __slots__ = ("phrase", "begin", "finish")

    def __init__(self, phrase: str, begin: int, finish: int) -> None:
        self.phrase, self.begin, self.finish = phrase, begin, finish

    def __getitem__(self, group: int) -> str:
        return self.phrase if group else f" {self.phrase}"

    def start(self, group: int = 0) -> int:
        return self.begin if group else self.begin - 1

    def end(self, group: int = 0) -> int:
        return self.finish


def key_words_of(by_first_word: dict[str, tuple[Listed, ...]]) -> frozenset[str]:
    """Each phrase's longest word: a sentence without any of them holds none of the phrases."""
    return frozenset(
        max(phrase.text.split(), key=len) for group in by_first_word.values() for phrase in group
    )


# A phrase list is scanned word by word until it has been asked this often, then compiled: the
# expression is faster per sentence, but compiling the long lists took a third of a cold
# `imrcheck check`, whose note needs a few dozen scans.
SCANS_BEFORE_COMPILING = 200


class PhraseList:
    """Whole-word matches of normalised phrases in a normalised (space-padded) sentence, longest
    first, none inside another. A sentence is looked at only if it holds the key word of some
    phrase, its longest and so its rarest word ("improving", not the "is" of "is not
    improving"): a set lookup rules most sentences out, much more cheaply than any scan."""

    def __init__(self, phrases: list[str]) -> None:
        phrases = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
        alternatives = trie_pattern(phrases) if phrases else "(?!x)x"
        # The phrase is group 1; the space before it is matched rather than looked behind
        # for, so the expression starts with a literal and the engine jumps from space to space.
        self.source = r" (" + alternatives + r")(?= )"
        groups: dict[str, list[Listed]] = {}
        for phrase in phrases:  # longest first
            groups.setdefault(phrase.split()[0], []).append(Listed(f" {phrase} "))
        self.by_first_word = {word: tuple(group) for word, group in groups.items()}
        self.key_words = key_words_of(self.by_first_word)
        self.pattern: re.Pattern[str] | None = None
        self.scans = 0

    def __getstate__(self) -> dict[str, Any]:
        # A pickled expression is compiled again when loaded: keep the phrases only.
        return {
            "source": self.source,
            "by_first_word": self.by_first_word,
            "key_words": self.key_words,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.source, self.by_first_word = state["source"], state["by_first_word"]
        self.key_words = state["key_words"]
        self.pattern, self.scans = None, 0

    def finditer(self, plain: str, words: frozenset[str]) -> Iterator[re.Match[str] | PhraseMatch]:
        if self.key_words.isdisjoint(words):
            return iter(())
        if self.pattern is None:
            self.scans += 1
            if self.scans < SCANS_BEFORE_COMPILING:
                return (
                    PhraseMatch(phrase.text[1:-1], start + 1, end - 1)
                    for start, end, phrase in phrases_in(plain, self.by_first_word, words)
                )
            self.pattern = re.compile(self.source, re.ASCII)
        return self.pattern.finditer(plain)

    def search(self, plain: str, words: frozenset[str]) -> bool:
        if self.pattern is not None:
            return not self.key_words.isdisjoint(words) and self.pattern.search(plain) is not None
        return next(self.finditer(plain, words), None) is not None

    def found(self, plain: str, words: frozenset[str]) -> list[str]:
        """The phrases found, in order."""
        return [m[1] for m in self.finditer(plain, words)]


def trie_pattern(phrases: list[str]) -> str:
    """One expression for many phrases, as a tree of their characters: at each place in the
    sentence it follows one branch instead of trying every phrase in turn. Greedy, so the
    longest phrase that ends at a word boundary wins, as with longest-first alternatives."""
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict[str, Any]) -> str:
        ends = "" in node
        paths = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        if not paths:
            return ""
        body = paths[0] if len(paths) == 1 and not ends else "(?:" + "|".join(paths) + ")"
        return body + "?" if ends else body

    return branch(trie)


def word_runs(phrase: str) -> Iterator[str]:
    """Every run of whole words in a phrase, itself included."""
    words = phrase.split()
    for start in range(len(words)):
        for end in range(start + 1, len(words) + 1):
            yield " ".join(words[start:end])


def normalized_words(words: list[str]) -> frozenset[str]:
    return frozenset(w for p in words for w in normalize_phrase(p).split())


def load_findings(rules_dir: str | Path | None = None) -> Findings:
    """The findings of a rules folder (the bundled one by default), for a caller that reads facts
    without loading the rules: those that load them take `Rulebook.findings`."""
    folder = Path(rules_dir) if rules_dir else default_rules_dir()
    return read_findings(folder, load_vocabulary(folder))


def read_findings(folder: Path, vocabulary: Vocabulary) -> Findings:
    """The finding phrases and negation cues of a rules folder, with the drug and region names of
    its vocabulary. Raises `VocabularyError` where either file does not check."""
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
        for group in vocabulary.drug_index.by_first_word.values()
        for phrase in group
        if phrase.meaning[0] == "opioid"
    ]
    drug_name = {
        normalize_phrase(p).strip(): drug
        for drug, names in spec.drug_use.names.items()
        for p in [drug, *names]
    }
    all_drugs = [
        phrase.text.strip()
        for group in vocabulary.drug_index.by_first_word.values()
        for phrase in group
    ]
    region_of = {
        phrase.text.strip(): phrase.meaning[0]
        for group in vocabulary.region_index.by_first_word.values()
        for phrase in group
    }
    comorbid = spec.comorbidities
    tests_of: dict[str, list[str]] = {}
    for kind in ("metabolic_panel", "blood_count", "coagulation", "urinalysis", "chest_xray"):
        for phrase in getattr(comorbid, kind):
            tests_of.setdefault(normalize_phrase(phrase).strip(), []).append(kind)
    sites: dict[str, tuple[PhraseList, dict[str, str]]] = {}
    for name, finding in spec.findings.items():
        if finding.sites:
            where = {
                normalize_phrase(p).strip(): region
                for region, ps in finding.sites.items()
                for p in ps
            }
            sites[name] = (PhraseList(list(where)), where)
    cues = load_cues(folder)
    lists: dict[str, list[str]] = {
        "care": spec.conservative_care.care,
        "tried": spec.conservative_care.tried,
        "persisting": spec.conservative_care.persisting,
        "failing": spec.conservative_care.failing,
        "injections": spec.procedures_planned.injections,
        "surgeries": spec.procedures_planned.surgeries,
        "procedure_planned": spec.procedures_planned.planned,
        "onset": spec.symptom_onset.symptoms,
        "drug": all_drugs + list(drug_name),
        "drug_current": spec.drug_use.current,
        "drug_none": spec.drug_use.none_taken,
        "drug_first": spec.drug_use.first,
        "comorbidity": list(tests_of),
        "programs": spec.rehabilitation.programs,
        "rehab_planned": spec.rehabilitation.planned + spec.rehabilitation.ongoing,
    }
    listed: dict[str, set[str]] = {}
    for kind, phrases in lists.items():
        for phrase in phrases:
            listed.setdefault(normalize_phrase(phrase).strip(), set()).add(kind)
    # Each phrase also counts for the lists of the listed phrases inside it.
    composite_kinds = {
        phrase: frozenset(kind for part in word_runs(phrase) for kind in listed.get(part, ()))
        for phrase in listed
    }
    return Findings(
        findings=spec.findings,
        phrase_pattern=PhraseList(list(meaning)),
        phrase_meaning=meaning,
        patterns={
            name: (
                normalized_words(finding.pattern_words),
                tuple(re.compile(p, re.I | re.ASCII) for p in finding.patterns),
            )
            for name, finding in spec.findings.items()
            if finding.patterns
        },
        needs_words={
            name: normalized_words(f.needs_words)
            for name, f in spec.findings.items()
            if f.needs_words
        },
        unless_words={
            name: normalized_words(f.unless_words)
            for name, f in spec.findings.items()
            if f.unless_words
        },
        sites=sites,
        diagnosis_pattern=PhraseList(list(diagnoses)),
        diagnosis_meaning=diagnoses,
        work_status_pattern=PhraseList(list(work)),
        work_status_meaning=work,
        skip_pattern=PhraseList([normalize_phrase(p) for p in spec.skip_sentences]),
        guideline_pattern=PhraseList([normalize_phrase(p) for p in spec.guideline_names]),
        record_subject_pattern=PhraseList([normalize_phrase(p) for p in spec.record_subjects]),
        opioid_pattern=PhraseList(opioids),
        surgery_pattern=PhraseList(
            [
                normalize_phrase(phrase).strip()
                for finding in spec.findings.values()
                if finding.kind_fact == "surgery_type"
                for phrase in finding.phrases
            ]
        ),
        care_symptoms=normalized_words(spec.conservative_care.symptoms),
        adjunct_for=frozenset(spec.rehabilitation.adjunct_for),
        surgeons=frozenset(spec.procedures_planned.surgeons),
        proceduralists=frozenset(spec.procedures_planned.proceduralists),
        regions=PhraseList(list(region_of)),
        region_of=region_of,
        drug_name=drug_name,
        given_now=tuple(tuple(normalize_phrase(p).split()) for p in spec.drug_use.given_now),
        comorbidity_tests={phrase: tuple(kinds) for phrase, kinds in tests_of.items()},
        test_kind=tuple(
            sorted(
                ((normalize_phrase(p), kind) for kind, ps in comorbid.tests.items() for p in ps),
                key=lambda pair: -len(pair[0]),
            )
        ),
        onset_units=spec.symptom_onset.units,
        composite=PhraseList(list(composite_kinds)),
        composite_kinds=composite_kinds,
        composite_anchors=frozenset(
            phrase.split()[0]
            for phrase, kinds in composite_kinds.items()
            if not kinds.isdisjoint(_ANCHORS)
        ),
        cues=cues,
        cue_phrases=PhraseList(
            [
                normalize_phrase(" ".join(cue.words)).strip()
                for group in cues.by_first_word.values()
                for cue in group
                if cue.status is not None
            ]
        ),
    )


# --- sentences -----------------------------------------------------------------------------------

# Every expression here is ASCII (re.ASCII), as in all the text stages: see `plain_spaces`.
# A sentence ends at ".", "!" or "?", except a dot before a figure ("9792.20", "7.5 mg"), which
# stays inside it.
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?](?=[0-9])[^.!?]*)*(?:[.!?]|$)", re.ASCII)
_MODALITIES = {
    name: pattern.replace(" ", r"\s+")  # a line may end inside the therapy's name
    for name, pattern in {
        "prior_pt_visits": r"physical therapy|physiotherapy|pt|occupational therapy|ot|therapy",
        "prior_aquatic_visits": r"aquatic therapy|aqua therapy|pool therapy",
        "prior_chiropractic_visits": r"chiropractic(?: therapy| treatment| care| manipulation)?"
        r"|chiropractor",
        "prior_acupuncture_visits": r"acupuncture",
        "prior_massage_visits": r"massage(?: therapy)?",
    }.items()
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
    r"\b(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\b", re.I | re.ASCII
)
# "12", "at least 5", "12 (12)"; of "4/6" (four of six done) the first figure counts.
# "12", "at least 5", "12 (12)"; of "4/6" or "5 of 6" (five of six done) the first figure counts.
_NUMBER = (
    r"(?:at\s+least\s+)?(?:(\d{1,3})\s*(?:/|\s+of\s+)\s*\d{1,3}|(?<![/\d])(\d{1,3}))"
    r"(?:\s*\(\d{1,3}\))?"
)


# The two expressions of each modality are compiled when a sentence first names it: all of them
# together took 3 % of a cold `imrcheck check`, whose note names one therapy or none.
@cache
def prior_pattern(modality: str) -> re.Pattern[str]:
    """Visits of a modality done: "8 sessions of physical therapy", "PT x 12"."""
    pattern = _MODALITIES[modality]
    return re.compile(
        rf"\b{_NUMBER}\s+(?:prior\s+|previous\s+|completed\s+)?(?:(?:{pattern})\s+)?"
        rf"{_UNITS}\s+(?:of\s+)?(?:{pattern})\b"
        rf"|\b{_NUMBER}\s+(?:prior\s+|previous\s+)?(?:{pattern})\s+(?:\([^)]{{0,40}}\)\s+)?"
        rf"{_UNITS}\b"
        rf"|\b(?:{pattern})\s+(?:x|times)\s*(\d{{1,3}})\b",
        re.I | re.ASCII,
    )


@cache
def none_prior_pattern(modality: str) -> re.Pattern[str]:
    """None of a modality done: "included no prior chiropractic therapy", "does not appear the
    patient has undergone physical therapy previously". "No physical therapy notes" is no record
    of it, not none."""
    pattern = _MODALITIES[modality]
    return re.compile(
        rf"\b(?:no\s+(?:prior\s+|previous\s+)?(?:{pattern})\b(?!\s+(?:notes?|records?|reports?|"
        rf"documentation|progress))"
        rf"|\b(?:not|never)\s+(?:(?!whether\b|if\b)\w+\s+){{0,4}}?(?:undergone|had|attended|received|tried|"
        rf"started|completed)\s+(?:any\s+)?(?:prior\s+|previous\s+)?(?:{pattern})\b)",
        re.I | re.ASCII,
    )


_NEURO_WORDS = frozenset(["neurologic", "neurological", "neurovascular", "motor"])
# A whole neurologic examination stated normal: motor, sensation and reflexes. "Intact motor and
# sensory examination" (`limited`) says nothing of reflexes.
_NORMAL_NEURO_EXAM = re.compile(
    r"\b(?:unremarkable|normal|intact|non-?focal)\s+(?:\w+\s+){0,3}?neurologic(?:al)?\s+exam"
    r"|\bneurologic(?:al)?\s+exam(?:ination)?\s+(?:was|is|were)\s+(?:normal|unremarkable|"
    r"intact|non-?focal)"
    r"|(?P<limited>\bintact\s+motor\s+and\s+sensory\b)",
    re.I | re.ASCII,
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
    re.I | re.ASCII,
)
_STUDY = re.compile(
    r"\b(?:mri|ct|computed\s+tomography|magnetic\s+resonance|x-?rays?|radiographs?)\b",
    re.I | re.ASCII,
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
    re.I | re.ASCII,
)
_OPIOID_WORDS = frozenset(["opioid", "opioids", "opiate", "opiates", "narcotic", "narcotics"])
# "has been on chronic opioid treatment": opioid use without a drug's name.
_ON_OPIOIDS = re.compile(
    r"\bon\s+(?:chronic\s+|long[- ]term\s+)?(?:opioids?|opiates?|narcotics?)\b", re.I | re.ASCII
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
_NOT_AUTHORIZED = re.compile(r"\b(?:not|non)[\s-]+(?:been\s+)?(?:authoriz|certif)", re.I | re.ASCII)
_AUTHORIZED_COUNT = re.compile(
    r"#\s*(\d{1,3})\b|\b(\d{1,3})\s+(?:sessions?|visits?|treatments?)\b"
    r"|(?:sessions?|visits?)\s*\((\d{1,3})\)",
    re.I | re.ASCII,
)


# Facts read on the way to others and never reported as they are: what the sentences say of
# conservative care, rehabilitation, drugs, comorbidities, earlier studies and where a finding
# is (`~site:red_flag_fracture:wrist`). They are combined in `letter_facts` and `item_facts`.
_INTERNAL = "~"
_SITE = "~site:"
# A utilization review's decision, which the letter reports with its reasons.
# ("not certified", "not approved", "failed to approve" hold "certified" or "approve(d)".)
_DECISION_WORDS = frozenset(
    [
        "denied",
        "denial",
        "noncertified",
        "noncertification",
        "noncertify",
        "certified",
        "certification",
        "modified",
        "rejected",
        "approve",
        "approved",
    ]
)
_UR_WORDS = frozenset(
    [
        "utilization",
        "ur",
        "request",
        "requests",
        "administrator",
        "certification",
        "authorization",
        "rfa",
        "reviewer",
    ]
)
_DECISION = re.compile(
    r" (?:denied|denial|non ?certified|non ?certification|non ?certify|not certified|modified"
    r"|not approved|failed to approve|rejected) ",
    re.ASCII,
)
# A sentence that plans, orders or recommends: what it names is not done yet.
# (Not the words of a review's decision, "modified", "authorized": "modified work duties" plans
# nothing.)
_PLAN_WORDS = frozenset(
    [
        "plan",
        "planned",
        "request",
        "requested",
        "requests",
        "recommend",
        "recommended",
        "recommends",
        "prescribed",
        "will",
        "would",
        "should",
        "pending",
        "scheduled",
        "order",
        "ordered",
        "ordering",
    ]
)
# "... urine toxicology screen performed today": done, whatever the sentence plans besides.
_DONE_AFTER = re.compile(
    r"\W+(?:(?!(?:be|to|will|should|would)\b)\w+\W+){0,2}?"
    r"(?:performed|done|obtained|collected|completed|administered|showed|"
    r"revealed|was\s+(?:consistent|inconsistent|negative|positive))\b",
    re.I | re.ASCII,
)
_TO_BE_DONE = re.compile(
    r"\bbe\s+(?:performed|done|obtained|completed|conducted)\b", re.I | re.ASCII
)
# "no red flag findings, such as trauma, tumor, infection or fracture": the list's items take
# the head's negation, however long the list.
_LIST_WORDS = frozenset(["such", "including", "e", "eg", "example"])
_LIST_INTRO = re.compile(r"\b(?:such\s+as|including|e\.\s?g\.?|for\s+example)\b", re.I | re.ASCII)
_LAST_WORD = re.compile(r"(\w+)\W*$", re.ASCII)
# "There was no documentation submitted for review indicating ... a urine drug screen": the
# rest of the sentence is what is not documented, up to a terminator.
_RECORD_WORDS = frozenset(
    ["documentation", "documented", "evidence", "indication", "mention", "record", "records"]
)
_NOT_DOCUMENTED = re.compile(
    r"\b(?:no|not\s+any|without|lack\s+of|absence\s+of)\s+(?:\w+\s+){0,2}?"
    r"(?:documentation|evidence|indication|mention|records?)\b",
    re.I | re.ASCII,
)
# The clause around a finding, for the body part it is of: up to the nearest comma, semicolon,
# "and" or "with" on either side, and a few words at most.
_CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:and|with|but|or|while|which)\b", re.I | re.ASCII)


def sites_of(
    text: str, start: int, end: int, sites: tuple[PhraseList, dict[str, str]]
) -> list[str]:
    """The regions a finding is of, from the words of its clause: "right distal radius
    fracture", "fracture of the right wrist", "lumbar spine showed no fractures"."""
    before = text[:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    before = before[breaks[-1].end() :] if breaks else before
    after = text[end:]
    stop = _CLAUSE_BREAK.search(after)
    after = after[: stop.start()] if stop else after
    clause = normalize_phrase(" ".join(before.split()[-8:] + ["|"] + after.split()[:6]))
    pattern, where = sites
    return list(
        dict.fromkeys(where[m[1]] for m in pattern.finditer(clause, frozenset(clause.split())))
    )


_AUTHORIZED_WORD = re.compile(r"\bauthorized\b", re.I | re.ASCII)


def authorized_visits(text: str) -> tuple[str, int] | None:
    """(the therapy's prior-visits fact, the number) from a sentence on what UR authorized."""
    figures = with_figures(text)
    word = _AUTHORIZED_WORD.search(figures)
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
    return calendar_date(month, day, year)


def with_figures(text: str) -> str:
    """Number words as figures, padded to the word's length so that positions stay put:
    "twelve (12) sessions" -> "12     (12) sessions"."""
    return _NUMBER_WORD.sub(lambda m: str(NUMBER_WORDS[m[0].lower()]).ljust(len(m[0])), text)


_MODALITY_WORD = {
    name: re.compile(rf"\b(?:{p})\b", re.I | re.ASCII) for name, p in _MODALITIES.items()
}
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
    re.I | re.ASCII,
)
_DIGIT = re.compile(r"[0-9]", re.ASCII)
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
    re.I | re.ASCII,
)
_DATE_AFTER = re.compile(_DATE, re.I | re.ASCII)
# "The utilization review determination was rendered on 6/20/2014", "UR dated 11/14/14"
_UR_DATE = re.compile(
    rf"\b(?:utilization\s+review|UR)\b[^.]{{0,60}}?\b(?:on|from|dated|of)\s+(?:{_DATE})",
    re.I | re.ASCII,
)
# "the progress report dated April 14, 2014", "Request for Authorization dated 12-20-16"
_REPORT_DATE = re.compile(
    r"\b(?:progress\s+(?:note|report)s?|report|note|evaluation|visit|request\s+for\s+"
    rf"authorization|RFA)\s+(?:dated|of|on)\s+(?:{_DATE})",
    re.I | re.ASCII,
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
# A surgery UR refused outright ("non-certified by UR", "denied"); "modified" is not refused.
_SURGERY_REFUSED = re.compile(
    r"\b(?:non[\s-]?certified|not\s+certified|denied|not\s+approved|not\s+authorized"
    r"|non[\s-]?authorized)\b",
    re.ASCII,
)
# "his surgery of 3/11/2014", "pinning of the right distal radius fracture on 11-9-2016"
_SURGERY_ON = re.compile(
    rf"\b(?:{'|'.join(sorted(_SURGERY_WORDS))})\b[^.]{{0,60}}?\b(?:on|of|dated)\s+"
    rf"(?:{_DATE})",
    re.I | re.ASCII,
)
_REPORT_WORDS = frozenset(
    ["report", "reports", "note", "notes", "evaluation", "visit", "authorization", "rfa"]
)
_PAIN_WORD = re.compile(r"\bpain\b", re.I | re.ASCII)
_POSITIVE = re.compile(r"\bpositive\b|\(\+\)", re.I | re.ASCII)
_DIAGNOSIS_CUE_WORDS = frozenset(
    ["treated", "treating", "treatment", "treatments", "sustained", "claim"]
)
_DIAGNOSIS_CUE = re.compile(
    r"\bdiagnos|\btreat(?:ed|ing|ments?)\s+for\b|\bbeing\s+treated\b|\bsustained\b"
    r"|\bclaim\s+for\b",
    re.I | re.ASCII,
)
# "7/10", "8 out of 10", "3 of 10"; a range "7-8 out of 10" counts as its upper end.
# Not inside a date: "the report dated 8/10/2014" is no pain score of 8.
_PAIN = re.compile(
    r"(?<![/\d])\b(?P<score>10|[0-9])(?:\s*-\s*(?P<upper>10|[0-9]))?\s*(?:/|(?:out\s+)?of)\s*10\b"
    r"(?![/-]\d)",
    re.I | re.ASCII,
)


_FROM_BEFORE = re.compile(r"\bfrom\s+(?:a\s+|an\s+)?\Z", re.I | re.ASCII)


class Sentence(NamedTuple):
    """A sentence of the letter or note, with its words normalised. (A named tuple: one is
    made for every sentence of every letter, and a frozen dataclass costs several times more.)"""

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
    seen: set[str] = set()
    for span, source, item in parts:
        if span is None:
            continue
        text = case.text[span.start : span.end]
        for sentence in reported_sentences(text, span.start, source, item, findings):
            # Rationales often repeat the summary word for word: a sentence read once gives
            # nothing more the second time (the first place it is read stays the evidence),
            # unless it speaks of "said medication", the drug of its own item.
            if sentence.plain in seen and not _THIS_DRUG.search(sentence.plain):
                continue
            seen.add(sentence.plain)
            found.append(sentence)
    return found


def reported_sentences(
    text: str, offset: int, source: Source, item: int | None, findings: Findings
) -> Iterator[Sentence]:
    """The sentences of a text that report rather than conclude, with their place (`offset` is
    where the text starts in the letter). In a rationale, a passage that reads a guideline is
    left out whole: from a sentence naming a guideline up to the next that speaks of the patient
    or the record (see `guideline_names` in findings.yaml)."""
    reading_guideline = False
    for match in _SENTENCE.finditer(text):
        sentence = match[0]
        if not sentence.strip():
            continue
        parts = phrase_words(sentence)
        plain = padded(parts)
        words = frozenset(parts)
        if source == "rationale":
            if findings.guideline_pattern.search(plain, words):
                reading_guideline = True
                continue  # a sentence naming a guideline reads it (and skip_sentences agrees)
            if reading_guideline:
                if not (_DIGIT.search(sentence) and _DATE_AFTER.search(sentence)) and not (
                    findings.record_subject_pattern.search(plain, words)
                ):
                    continue
                reading_guideline = False
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
        # "The request for authorization dated 12/14/2016" is a document of the record, not the
        # disputed request the reviewer judges.
        if " request for authorization " in plain:
            plain = plain.replace(" request for authorization ", " rfa ")
        return findings.skip_pattern.search(plain, words)
    return False


# --- extraction ----------------------------------------------------------------------------------


def extract_note_facts(
    text: str,
    findings: Findings,
    source: str = "<note>",
    service_category: str | None = None,
) -> CaseFacts:
    """The facts a clinical note (a progress note for a new request) documents: every sentence
    but those that conclude, read as a letter's summary is. Given the request's service category,
    what the note says of that therapy (visits done, functional improvement) is about the request
    too."""
    text = plain_spaces(text)
    read: list[Fact | Reading] = []
    for sentence in reported_sentences(text, 0, "note", None, findings):
        read.extend(facts_in(sentence, findings))
    facts = settle(read)
    facts.extend(letter_facts(facts, reference_date(None, facts)))
    if service_category:
        facts.extend(therapy_facts(facts, service_category, None))
    return CaseFacts(source=source, facts=reported(facts))


class FactsFileError(ValueError):
    """Problems in a facts file, each as `path:line:col: error: message`."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def read_facts_file(path: str | Path, fields: dict[str, FieldSpec]) -> list[Fact]:
    """Facts written by hand in YAML or JSON (`facts: {name: value}`, and per item under
    `items: {N: {name: value}}`), checked against the fact catalogue. They override what was read
    from the letter or note."""
    from engine.yamlsource import YamlSyntaxError, load_yaml

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


def extract_facts(case: Case, findings: Findings, summary_only: bool = False) -> CaseFacts:
    """Every fact the letter documents, with the sentence it comes from, read with the findings
    of the rules in use."""
    read: list[Fact | Reading] = []
    if case.dates.injury:
        read.append(header_fact(case, "injury_date", case.dates.injury))
    needs = readers_needed(case, findings)
    for sentence in sentences_of(case, summary_only, findings):
        read.extend(facts_in(sentence, findings, needs))
    facts = settle(read)
    facts.extend(letter_facts(facts, reference_date(case, facts)))
    # Earlier imaging and electrodiagnostics matter, and are recorded, where a study, an
    # injection or surgery is what is disputed: their criteria ask what the studies showed.
    if _STUDIES_MATTER.isdisjoint(item.normalized.service.category for item in case.items):
        facts = [f for f in facts if f.name not in ("prior_imaging", "prior_electrodiagnostics")]
    facts.extend(item_facts(case, facts, findings))
    return CaseFacts(source=case.source, facts=reported(facts))


def readers_needed(case: Case, findings: Findings) -> frozenset[str]:
    """The readers of item facts the letter's items call for: what is read of drugs only
    matters for a medication, of comorbidities for a pre-operative test, of rehabilitation for a
    treatment that can be an adjunct to it."""
    categories = {item.normalized.service.category for item in case.items}
    needs = set()
    if "medication" in categories:
        needs.add("drugs")
    if not categories.isdisjoint(("perioperative", "laboratory")):
        needs.add("comorbidities")
    if not categories.isdisjoint(findings.adjunct_for):
        needs.add("rehabilitation")
    return frozenset(needs)


def reported(facts: list[Fact | Reading]) -> list[Fact]:
    """The facts to report: not those read on the way to others."""
    return [f for f in facts if isinstance(f, Fact) and not is_per_therapy(f.name)]


def is_per_therapy(name: str) -> bool:
    """Whether a fact is one read on the way to others (per therapy, or internal)."""
    return name.startswith((_PER, _IMPROVED, _INTERNAL))


def reference_date(case: Case | None, facts: list[Fact | Reading]) -> date | None:
    """The date the record is judged at, for how long symptoms and drugs go back: the
    utilization review's, else the latest report's, else the IMR decision's."""
    by_name = {f.name: f.value for f in facts}
    for day in (
        case.dates.ur_denial if case else None,
        by_name.get("ur_date"),
        by_name.get("latest_report_date"),
        case.dates.decision if case else None,
    ):
        if isinstance(day, date):
            return day
    return None


def letter_facts(facts: list[Fact | Reading], on: date | None) -> list[Fact]:
    """The facts that take more than one sentence: conservative care tried and the symptoms
    persisting (`conservative_care_failed`), and symptoms older than the injury."""
    by_name = {f.name: f for f in facts}
    found: list[Fact] = []

    def derive(name: str, value: Any, source: str) -> None:
        if name not in by_name:
            found.append(Fact(name=name, value=value, evidence=by_name[source].evidence))

    # Care that helped has not failed, whatever symptoms remain.
    improving = by_name.get("symptoms_improving")
    if (
        "~care:tried" in by_name
        and "~care:persisting" in by_name
        and not (improving and improving.value)
    ):
        derive("conservative_care_failed", True, "~care:tried")
    injury = by_name.get("injury_date")
    onset = by_name.get("~onset_weeks")
    # Symptoms said to go back further than the injury, by a month at least.
    if (
        injury
        and onset
        and on
        and isinstance(injury.value, date)
        and onset.value > (on - injury.value).days // 7 + 4
    ):
        derive("symptoms_before_injury", True, "~onset_weeks")
    return found


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


@dataclass(slots=True)
class Reading:
    """A fact as a sentence gives it, before `settle` keeps one per name: only the kept ones
    become `Fact`s (most sentences' readings are dropped, and a Fact costs more to build)."""

    name: str
    value: Any
    sentence: Sentence
    start: int
    end: int | None

    @property
    def evidence(self) -> Evidence:
        return evidence(self.sentence, self.start, self.end)

    def fact(self) -> Fact:
        return Fact(name=self.name, value=self.value, evidence=self.evidence)


def facts_in(
    sentence: Sentence, findings: Findings, needs: frozenset[str] = frozenset()
) -> list[Reading]:
    """What one sentence says; `needs` names the readers the letter's items call for beyond
    those of every letter (`drugs`, `comorbidities`, `rehabilitation`)."""
    text = sentence.text
    found: list[Reading] = []

    def add(name: str, value: Any, start: int = 0, end: int | None = None) -> None:
        found.append(Reading(name, value, sentence, start, end))

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
        scores = list(_PAIN.finditer(text))
        # "decreased from 8/10 to 4/10", "6/10, down from 9/10": the score a change starts from
        # is the past one; the current is the other.
        current = [p for p in scores if not _FROM_BEFORE.search(text, 0, p.start())] or scores
        for pain in current:
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
        for name in _MODALITIES:
            if words.isdisjoint(_MODALITY_FIRST_WORDS) or not _MODALITY_WORD[name].search(text):
                continue
            figures = figures or with_figures(text)
            for match in prior_pattern(name).finditer(figures):
                count = next(g for g in match.groups() if g)
                add(name, int(count), match.start(), match.end())
    if (
        counts_done
        and not words.isdisjoint(("no", "not", "never"))
        and not words.isdisjoint(_MODALITY_FIRST_WORDS)
    ):
        for name in _MODALITIES:
            for match in none_prior_pattern(name).finditer(text):
                add(name, 0, match.start(), match.end())
    plain = sentence.plain
    read: ReadSentence | None = None
    quiet: bool | None = None

    def is_quiet() -> bool:
        """Whether the sentence holds no negation, uncertainty or history cue: then everything
        in it is stated, and the cues' scopes need not be worked out."""
        nonlocal quiet
        if quiet is None:
            quiet = "(-)" not in text and not findings.cue_phrases.search(plain, words)
        return quiet

    def status_at(start: int, end: int) -> Status:
        nonlocal read
        if is_quiet():
            return Status.PRESENT
        read = read or read_sentence(text, findings.cues)
        return status_of(text, start, end, findings.cues, read)

    def phrase_status(phrase: str) -> Status | None:
        at = phrase_position(lowered, phrase)
        return status_at(*at) if at else None

    # What utilization review decided, and why, is the claims administrator's reading of the
    # record, not the record: "denied ... due to there was no evidence the patient has tried and
    # failed conservative care". Its findings are not read (its dates and counts are).
    ur_decision = (
        not words.isdisjoint(_DECISION_WORDS)
        and not words.isdisjoint(_UR_WORDS)
        and _DECISION.search(plain) is not None
    )
    planned = not words.isdisjoint(_PLAN_WORDS) or (
        "be" in words and _TO_BE_DONE.search(text) is not None
    )
    # What UR decided on a surgery is a fact of the record in its own right: the services that
    # go with a surgery UR refused follow it (verified-from-letters: meta.ancillary_follows_surgery).
    if ur_decision and not words.isdisjoint(_SURGERY_WORDS):
        refused = _SURGERY_REFUSED.search(lowered)
        if refused:
            add("procedure_certified", False, refused.start(), refused.end())

    def inherited(start: int, status: Status) -> Status:
        """A finding the sentence states may still fall in a negation that reaches further than
        the cue window: the items of a list after a negated head ("no red flag findings, such
        as ... fracture"), and all that follows "there is no documentation ..." up to a
        terminator."""
        if not words.isdisjoint(_LIST_WORDS):
            intros = list(_LIST_INTRO.finditer(text, 0, start))
            intro = intros[-1] if intros else None
            head = _LAST_WORD.search(text, 0, intro.start()) if intro else None
            if intro and head and not terminated(head.end(), start):
                above = status_at(head.start(), head.end())
                if above in (Status.ABSENT, Status.POSSIBLE):
                    return above
        if not words.isdisjoint(_RECORD_WORDS):
            for cue in _NOT_DOCUMENTED.finditer(text, 0, start):
                if not terminated(cue.end(), start):
                    return Status.ABSENT
        return status

    def terminated(begin: int, end: int) -> bool:
        """Whether a terminator cue ("but", "however", ";") lies between two places."""
        nonlocal read
        read = read or read_sentence(text, findings.cues)
        tokens = read.tokens
        return any(tokens[a][1] >= begin and tokens[b - 1][2] <= end for a, b in read.ends if b > a)

    def stated_status(phrase: str) -> Status | None:
        """A phrase's status, with the negations that reach past the cue window."""
        if is_quiet():
            return Status.PRESENT
        at = phrase_position(lowered, phrase)
        if at is None:
            return None
        status = status_at(*at)
        return inherited(at[0], status) if status is Status.PRESENT else status

    def mention(name: str, when_stated: bool, start: int, end: int) -> None:
        spec = findings.findings[name]
        if spec.exam_only and not words.isdisjoint(_SYMPTOM_WORDS):
            return
        needs = findings.needs_words.get(name)
        if needs is not None and needs.isdisjoint(words):
            return
        unless = findings.unless_words.get(name)
        if unless is not None and not unless.isdisjoint(words):
            # Only beside the mention: "chiropractic treatments have helped but ... increased
            # pain with prolonged positions" still says the care helped.
            near = normalize_phrase(text[max(0, start - 60) : end + 60]).split()
            if not unless.isdisjoint(near):
                return
        if spec.done_only and planned and not _DONE_AFTER.match(text, end):
            return
        if spec.of_patient and sentence.source == "rationale" and not _OF_PATIENT.search(text):
            return
        status = status_at(start, end)
        if spec.history_is_fact:
            # Only a past event counts: a surgery merely named may be the one requested.
            if status is Status.HISTORICAL:
                add(name, True, start, end)
                if spec.kind_fact:
                    kind = named_with_site(text, start, end)
                    add(spec.kind_fact, kind[0], kind[1], kind[2])
            return
        if status is Status.PRESENT and not is_quiet():
            status = inherited(start, status)
        if status is Status.POSSIBLE and spec.suspected_counts:
            status = Status.PRESENT
        if status in (Status.POSSIBLE, Status.HISTORICAL):
            return
        stated = status is Status.PRESENT
        if not stated and spec.negated_is_undocumented:
            return
        value = stated if when_stated else not stated
        if spec.needs_polarity:
            if stated and not _POSITIVE.search(text):
                return
            value = stated
        if spec.per_therapy:
            for therapy, mentioned in _MODALITY_WORD.items():
                if mentioned.search(text):
                    add(f"{_IMPROVED}{therapy}", value, start, end)
            return
        if not spec.internal:
            add(name, value, start, end)
        if value:
            for implied in spec.implies:
                add(implied, True, start, end)
        if name in findings.sites:
            for region in sites_of(text, start, end, findings.sites[name]) or [""]:
                add(f"{_SITE}{name}:{region}", value, start, end)

    if not ur_decision:
        # One phrase, one finding, longest first: "4+/5" is not also "5".
        for said in findings.phrase_pattern.finditer(plain, words):
            name, when_stated = findings.phrase_meaning[said[1]]
            at = phrase_position(lowered, said[1])
            if at is not None:
                mention(name, when_stated, *at)
        for name, (needed, patterns) in findings.patterns.items():
            if needed.isdisjoint(words):
                continue
            for pattern in patterns:
                for found_at in pattern.finditer(lowered):
                    mention(name, True, found_at.start(), found_at.end())
        found.extend(composite_mentions(sentence, findings, stated_status, planned, needs))
    diagnosis_cue = (
        _DIAGNOSIS_CUE.search(text)
        if "diagnos" in lowered or not words.isdisjoint(_DIAGNOSIS_CUE_WORDS)
        else None
    )
    if diagnosis_cue:
        groups = list(
            dict.fromkeys(
                findings.diagnosis_meaning[m[1]]
                for m in findings.diagnosis_pattern.finditer(plain, words)
                # Stated, not negated or to be ruled out ("rule out cervical radiculopathy").
                if phrase_status(m[1]) in (Status.PRESENT, Status.HISTORICAL)
            )
        )
        # "Diagnosed as ... status post spinal fusion": the case is post-surgical.
        if "post_surgical" not in groups and any(
            phrase_status(m[1]) is Status.HISTORICAL
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
                if (at := phrase_position(lowered, match[1])) and at[0] < surgery.end()
            ]
            if named:
                kind = named_with_site(text, *named[-1])
                add("surgery_type", kind[0], kind[1], kind[2])
    # A study planned or asked for is not a study done.
    if words & _IMAGING_WORDS and words.isdisjoint(_REQUEST_WORDS) and _IMAGING_DONE.search(text):
        add("prior_imaging", True)
        # Which kind of study of which part, for whether a requested one repeats it.
        kinds = {"advanced" if m[0].lower()[0] in "mc" else "plain" for m in _STUDY.finditer(text)}
        for part in findings.regions.finditer(plain, words):
            for study in kinds:
                add(f"~study:{study}:{findings.region_of[part[1]]}", True)
    if words & _ELECTRODIAGNOSTIC_WORDS and _ELECTRODIAGNOSTICS_DONE.search(text):
        add("prior_electrodiagnostics", True)
    # A drug asked for, planned or decided on is not yet a drug taken.
    # A drug named only as not taken ("Tramadol has not been tried") is no use of it.
    opioids_named = [m[1] for m in findings.opioid_pattern.finditer(plain, words)]
    if (
        any(phrase_status(p) not in (Status.ABSENT, Status.POSSIBLE) for p in opioids_named)
        or ("on" in words and not words.isdisjoint(_OPIOID_WORDS) and _ON_OPIOIDS.search(text))
    ) and words.isdisjoint(_REQUEST_WORDS):
        add("opioid_use", True)
    for said in findings.work_status_pattern.finditer(plain, words):
        add("work_status", findings.work_status_meaning[said[1]])
    return found


# "The patient", "this claimant", "she": a sentence about the one patient ("patient-specific
# hand therapy" is not).
_OF_PATIENT = re.compile(
    r"\b(?:(?:the|this)\s+(?:injured\s+)?(?:patient|claimant|worker|employee|applicant|"
    r"individual)|he|she|his|her|him)\b",
    re.I | re.ASCII,
)
_SILENT_RECORD = _RECORD_WORDS | frozenset(["discussion", "discussed", "documented", "noted"])
# The lists whose phrases a sentence must hold for the readers to have anything to read.
_ANCHORS = frozenset(["care", "failing", "persisting", "injections", "surgeries", "onset", "drug"])
# The readers of item facts, read only where an item calls for them (`readers_needed`).
_NEEDED_FOR = {
    "drug_current": "drugs",
    "drug_none": "drugs",
    "drug_first": "drugs",
    "comorbidity": "comorbidities",
    "programs": "rehabilitation",
    "rehab_planned": "rehabilitation",
}
_REFERRAL_WORDS = frozenset(
    ["referral", "refer", "referred", "consult", "consultation", "evaluation", "see", "surgeon"]
)
_COAGULATION_TEST = re.compile(r" pt (?:ptt|inr) ", re.ASCII)
_THIS_DRUG = re.compile(r" (?:this|said|the requested|the prescribed) medication ", re.ASCII)
_SINCE = re.compile(r"\bsince\s+(?:at\s+least\s+)?(?:" + _DATE + r")", re.I | re.ASCII)
_TAKEN_FOR = re.compile(
    r"\bfor\s+(?:about\s+|approximately\s+|over\s+|at\s+least\s+)?"
    r"(\d{1,2})\s+(weeks?|months?|years?)\b",
    re.I | re.ASCII,
)
_ONSET_WORDS = frozenset(["year", "years", "month", "months"])
# "symptoms for 2 years", "first noticed pain ... about 3 years ago"
_ONSET = re.compile(
    r"\bfor\s+(?:the\s+(?:past|last)\s+)?(?:about\s+|approximately\s+|over\s+|more\s+than\s+"
    r"|at\s+least\s+)?(\d{1,2}|several|many)\s+(years?|months?)\b"
    r"|\b(?:about\s+|approximately\s+|over\s+|more\s+than\s+)?(\d{1,2}|several|many)\s+"
    r"(years?|months?)\s+ago\b",
    re.I | re.ASCII,
)


def just_given(before: list[str], cues: tuple[tuple[str, ...], ...]) -> bool:
    """Whether the words before a drug end with a cue that it was just given."""
    return any(tuple(before[-len(cue) :]) == cue for cue in cues)


def composite_mentions(
    sentence: Sentence,
    findings: Findings,
    phrase_status: Callable[[str], Status | None],
    planned: bool,
    needs: frozenset[str],
) -> list[Reading]:
    """What a sentence says toward the facts that take more than one sentence: conservative
    care given and symptoms persisting, a procedure planned, how long the symptoms have lasted;
    and, where an item asks for them (`needs`), a drug taken, a comorbidity, rehabilitation
    planned. Internal facts (`~...`)."""
    plain, words, text = sentence.plain, sentence.words, sentence.text
    if not needs and findings.composite_anchors.isdisjoint(words):
        return []
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
        return []
    found: list[Reading] = []

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
        return preceding + plain[match.end(1) :].split(maxsplit=after)[:after]

    given = (Status.PRESENT, Status.HISTORICAL)
    tried = not planned and "tried" in of
    failing = "failing" in of
    if tried and any_stated(("care", "drug"), given):
        add("~care:tried", True)
    for cue in of.get("persisting", ()):
        if not findings.care_symptoms.isdisjoint(around(cue, 2, 5)) and (
            phrase_status(cue[1]) is not Status.ABSENT
        ):
            add("~care:persisting", True)
            break
    # A rationale reports the record where it speaks of this patient: "in most low back pain
    # cases, they show no benefit" reads the literature.
    if (
        failing
        and (sentence.source != "rationale" or _OF_PATIENT.search(text))
        and any_stated(("failing",), given)
    ):
        add("~care:persisting", True)
        if not planned and any_stated(("care", "drug"), given):
            add("~care:tried", True)
    # A procedure "recommended previously" is an old plan, not this one; a plan stated only to
    # be denied ("not ... considering ... surgical intervention") is none.
    # Without an injection or a surgery named, a plan says nothing here (and working out the
    # plan's negation is the costly part).
    if (
        "procedure_planned" in of
        and "previously" not in words
        and ("injections" in of or "surgeries" in of)
    ):
        plan_stated = any_stated(("procedure_planned",), (Status.PRESENT,))
        if plan_stated and any_stated(("injections",), (Status.PRESENT,)):
            add("invasive_procedure_planned", True)
        surgeries = [
            m[1]
            for m in of.get("surgeries", ())
            # "a referral to neurosurgery" names a specialist, not a procedure.
            if _REFERRAL_WORDS.isdisjoint(around(m, 3, 1))
        ]
        statuses = [phrase_status(p) for p in surgeries]
        if plan_stated and Status.PRESENT in statuses:
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
    if "onset" in of and not words.isdisjoint(_ONSET_WORDS):
        for onset in _ONSET.finditer(with_figures(text)):
            figure, unit = onset[1] or onset[3], (onset[2] or onset[4]).lower()
            count = int(figure) if figure.isdigit() else 2
            weeks = count * findings.onset_units.get(unit, 0)
            add("~onset_weeks", weeks, onset.start(), onset.end())
    first = "drug_first" in of
    if "drug" in of and (first or "drug_current" in of):
        since = _SINCE.search(text) if "since" in words else None
        taken_for = _TAKEN_FOR.search(text) if "for" in words else None
        taken = stated("drug", given)
        for name in dict.fromkeys(
            findings.drug_name.get(m[1], m[1])
            for m in of["drug"]
            if m[1] in taken and (first or not just_given(around(m, 3, 0), findings.given_now))
        ):
            if first:
                add(f"~drug:first:{name}", True)
                continue
            add(f"~drug:taken:{name}", True)
            started = date_of(since) if since else None
            if since and started:
                add(f"~drug:since:{name}", started, since.start(), since.end())
            elif taken_for:
                weeks = int(taken_for[1]) * {"w": 1, "m": 4, "y": 52}[taken_for[2][0].lower()]
                add(f"~drug:weeks:{name}", weeks, taken_for.start(), taken_for.end())
    # In an item's rationale, "said medication" is the drug the item asks for.
    if (
        sentence.item is not None
        and "drug_current" in of
        and not first
        and _THIS_DRUG.search(plain)
    ):
        add(f"~drug:taken:@{sentence.item}", True)
    if "drug_none" in of:
        add("~drug:none", True)
    for match in of.get("comorbidity", ()):
        if phrase_status(match[1]) in given:
            for kind in findings.comorbidity_tests[match[1]]:
                add(f"~comorbid:{kind}", True)
    if "rehab_planned" in of and "programs" in of and any_stated(("programs",), (Status.PRESENT,)):
        add("~rehab:plan", True)
    return found


_LIST_PARTS = re.compile(r",|;|\band\b|\bwith\b|\bincluding\b|\binclude[sd]?\b|:", re.I | re.ASCII)
# A part of a diagnosis list names a diagnosis when it has a head word such as these.
_DIAGNOSIS_WORD = re.compile(
    r"\b\w+(?:itis|osis|pathy|algia)\b|\b(?:pain|syndrome|disease|disorder|tear|contusion|"
    r"spasms?|headaches?|insomnia|depression|anxiety|derangement|impingement|instability|"
    r"lesion|dysfunction|laceration|dislocation|hernia|effusion)\b",
    re.I | re.ASCII,
)


def has_unlisted_diagnosis(listing: str, findings: Findings) -> bool:
    """Whether a list of diagnoses names one outside the guideline's groups: a part of the list
    with words of its own that no group's phrase matches ("... and bilateral knee pain")."""
    for part in _LIST_PARTS.split(listing.rstrip(". ")):
        if not _DIAGNOSIS_WORD.search(part):
            continue
        words = phrase_words(part)
        if not findings.diagnosis_pattern.search(padded(words), frozenset(words)):
            return True
    return False


_SITE_BEFORE = re.compile(
    r"(?:\b(?:lumbar|cervical|thoracic|lumbosacral|spinal|spine|knee|shoulder|hip|wrist|elbow|"
    r"ankle|hand|foot)\s+)+$",
    re.I | re.ASCII,
)
_LEVEL_AFTER = re.compile(r"\s+(?:at\s+)?[CLT]\d(?:\s*-\s*[CLTS]?\d)?\b", re.I | re.ASCII)


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
    match = phrase_regex(phrase).search(lowered)
    return (match.start(), match.end()) if match else None


@cache
def phrase_regex(phrase: str) -> re.Pattern[str]:
    words = phrase.split()
    pattern = r"\b" + r"[\W_]+".join(re.escape(w) for w in words) + r"(?![\w])"
    # A phrase of figures ("2/5", a strength grade) is not part of a date ("dated 2/5/2017").
    if words[-1][-1].isdigit():
        pattern += r"(?![/-]\d)"
    if words[0][0].isdigit():
        pattern = r"(?<!\d[/-])" + pattern
    return re.compile(pattern, re.ASCII)


def settle(facts: list[Fact | Reading]) -> list[Fact | Reading]:
    """One value per fact: a deficit anywhere is a deficit (true wins), the highest count or
    score, the latest report, the first age, sex, diagnosis list and review date, the last work
    status."""
    chosen: dict[str, Fact | Reading] = {}
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
    # What is read on the way to other facts (per therapy, `~...`) stays a reading: it is never
    # reported, and a `Fact` costs more to build.
    return [
        f.fact() if isinstance(f, Reading) and not is_per_therapy(f.name) else f
        for f in chosen.values()
    ]


def item_facts(case: Case, facts: list[Fact | Reading], findings: Findings) -> list[Fact]:
    """Per item, what was read of its own therapy, drug, body part, test or specialist."""
    on = reference_date(case, facts)
    by_name = {f.name: f for f in facts}
    return [
        fact
        for item in case.items
        for fact in [
            *therapy_facts(facts, item.normalized.service.category, item.index),
            *request_facts(item.normalized, item.index, by_name, findings, on),
        ]
    ]


def request_facts(
    request: Request,
    item: int | None,
    by_name: dict[str, Fact | Reading],
    findings: Findings,
    on: date | None,
) -> list[Fact]:
    """The facts that depend on what is requested: a finding of another body part left out
    (a thumb fracture is no red flag for a shoulder MRI), whether the requested drug is taken
    already, whether the requested study repeats one done, what a pre-operative test is for,
    and why a referral needs the specialist."""
    found: list[Fact] = []
    service = request.service
    regions = [r.name for r in request.regions]

    def give(name: str, value: Any, source: Fact | Reading) -> None:
        found.append(Fact(name=name, value=value, item=item, evidence=source.evidence))

    for name in findings.sites if regions else ():
        prefix = f"{_SITE}{name}:"
        mentions = [(key[len(prefix) :], f) for key, f in by_name.items() if key.startswith(prefix)]
        if not mentions:
            continue
        groups = findings.findings[name].site_groups
        relevant = [f for site, f in mentions if not site or related(site, regions, groups)]
        letter = by_name.get(name)
        if relevant:
            chosen = next((f for f in relevant if f.value), relevant[0])
            if letter is None or letter.value != chosen.value:
                give(name, chosen.value, chosen)
        elif letter is not None:
            give(name, None, letter)  # documented only of other body parts: unknown here
    if request.medication:
        drug = normalize_phrase(request.medication.drug).strip()
        drug = findings.drug_name.get(drug, drug)
        if f"~drug:first:{drug}" in by_name:
            give("drug_in_use", False, by_name[f"~drug:first:{drug}"])
        elif f"~drug:taken:{drug}" in by_name or f"~drug:taken:@{item}" in by_name:
            taken = by_name.get(f"~drug:taken:{drug}") or by_name[f"~drug:taken:@{item}"]
            give("drug_in_use", True, taken)
            since = by_name.get(f"~drug:since:{drug}")
            if since and on and on >= since.value:
                give("drug_use_weeks", (on - since.value).days // 7, since)
            elif f"~drug:weeks:{drug}" in by_name:
                give(
                    "drug_use_weeks",
                    by_name[f"~drug:weeks:{drug}"].value,
                    by_name[f"~drug:weeks:{drug}"],
                )
        elif "~drug:none" in by_name:
            give("drug_in_use", False, by_name["~drug:none"])
    # Rehabilitation in the plan of care, beside a treatment that is not rehabilitation itself.
    if "~rehab:plan" in by_name and service.category in findings.adjunct_for:
        give("adjunct_to_rehabilitation", True, by_name["~rehab:plan"])
    if service.category == "imaging" and service.subtype in ("mri", "ct", "xray"):
        kind = "plain" if service.subtype == "xray" else "advanced"
        study = next(
            (by_name[f"~study:{kind}:{r}"] for r in regions if f"~study:{kind}:{r}" in by_name),
            None,
        )
        if study:
            give("repeat_study", True, study)
    if service.category == "perioperative" and service.subtype == "chest_xray":
        if "~comorbid:chest_xray" in by_name:
            give("pulmonary_complication_risk", True, by_name["~comorbid:chest_xray"])
    elif service.category in ("perioperative", "laboratory"):
        asked = normalize_phrase(request.text)
        test = next((kind for phrase, kind in findings.test_kind if phrase in asked), None)
        if test and f"~comorbid:{test}" in by_name:
            give("preop_test_indication", True, by_name[f"~comorbid:{test}"])
    if service.category == "consultation" and service.specialty:
        if service.specialty in findings.surgeons:
            reason = by_name.get("severe_neurologic_deficit") or by_name.get("surgery_considered")
        elif service.specialty in findings.proceduralists:
            reason = by_name.get("invasive_procedure_planned")
        else:
            reason = None
        if reason is not None and reason.value is True:
            give("specialist_expertise_needed", True, reason)
    return found


def related(site: str, regions: list[str], groups: list[list[str]]) -> bool:
    """Whether a finding at one body part bears on a request about these regions."""
    return site in regions or any(site in group and r in group for group in groups for r in regions)


def therapy_facts(facts: list[Fact | Reading], category: str, item: int | None) -> list[Fact]:
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


# The facts this module's own readers give (header dates, counts of visits by therapy, drugs in
# use, plans, what UR decided ...), beside those whose phrases findings.yaml lists, and those
# derived from others. `rules validate` reports a fact that none of them gives and that has no
# stated default: rules testing it can only ever find it undocumented. A test keeps this list
# true against what the readers give on the real letters and the check scenarios.
READ_BY_CODE = frozenset(
    [
        "adjunct_to_rehabilitation", "age_years", "authorized_visits_pending",
        "conservative_care_failed", "diagnoses", "drug_in_use", "drug_use_weeks",
        "functional_improvement", "injury_date", "invasive_procedure_planned",
        "latest_report_date", "opioid_use", "pain_score", "preop_test_indication",
        "prior_acupuncture_visits", "prior_aquatic_visits", "prior_chiropractic_visits",
        "prior_electrodiagnostics", "prior_imaging", "prior_massage_visits", "prior_pt_visits",
        "prior_surgery", "prior_visits", "procedure_certified", "pulmonary_complication_risk",
        "repeat_study", "sex", "specialist_expertise_needed", "surgery_considered",
        "surgery_date", "surgery_type", "symptoms_before_injury", "ur_date", "work_status",
    ]
)  # fmt: skip
# Weeks counted from a date the record gives, to the date the request is judged at.
WEEKS_SINCE = {"weeks_since_injury": "injury_date", "weeks_since_surgery": "surgery_date"}
# A fact true where any of its parts is, false where every part is known false.
ANY_OF = {
    "neurologic_deficit": ("motor_deficit", "sensory_deficit", "reflex_change"),
    "red_flags": (
        "red_flag_fracture",
        "red_flag_tumor",
        "red_flag_infection",
        "red_flag_cauda_equina",
        "red_flag_progressive_deficit",
        "red_flag_bowel_bladder",
    ),
}
DERIVED_FACTS = frozenset([*WEEKS_SINCE, *ANY_OF, "diagnosis_group"])


def readable_facts(findings: Findings) -> frozenset[str]:
    """Every fact some reader can give: findings.yaml's, the code readers' and the derived."""
    listed: set[str] = set()
    for name, spec in findings.findings.items():
        if not spec.internal:
            listed.add(name)
        listed.update(spec.implies)
        if spec.kind_fact:
            listed.add(spec.kind_fact)
    return frozenset(listed) | READ_BY_CODE | DERIVED_FACTS


def with_derived(values: dict[str, Any], on: date | None) -> dict[str, Any]:
    return {**values, **derived(values, on)}


def derived(values: dict[str, Any], on: date | None) -> dict[str, Any]:
    """Facts computed from others: time since the injury and since the surgery, any neurologic
    deficit, any red flag."""
    found: dict[str, Any] = {}
    for name, since in WEEKS_SINCE.items():
        day = values.get(since)
        if isinstance(day, date) and on and on >= day and name not in values:
            found[name] = (on - day).days // 7
    for name, parts in ANY_OF.items():
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
