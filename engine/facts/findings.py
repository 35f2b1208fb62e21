"""The findings of a rules folder (`rules/vocab/findings.yaml` with the vocabulary's drug and
region names), read once into phrase lists the sentence readers scan. Data, not code: the
phrases live in the rules folder, and a `Findings` is handed to every reader as an argument.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from re import _parser as re_parser  # type: ignore[attr-defined]
from typing import Any, NamedTuple

from pydantic import Field

from engine.caseless import (
    Requirement,
    for_lowered,
    holds_every,
    opening_words,
    ordered_requirements,
    requirements,
    trie_pattern,
)
from engine.facts.model import Model
from engine.negation import Cues, load_cues
from engine.vocab import (
    Vocabulary,
    default_rules_dir,
    load_vocabulary,
    load_vocabulary_file,
    normalize_phrase,
    phrases_in,
)


class FindingSpec(Model):
    phrases: list[str] = Field(min_length=1)
    normal: list[str] = Field(default_factory=list)
    # Phrases whose denial says the finding is absent while their mention says nothing of it:
    # "no constipation or sedation" is no severe side effect, and "mild constipation" is none
    # either.
    denied: list[str] = Field(default_factory=list)
    needs_polarity: bool = False
    history_is_fact: bool = False  # true only when the sentence puts it in the past (a surgery)
    # A condition the patient has had counts as had ("Hx paroxysmal atrial fibrillation"): a past
    # mention is as good as a present one.
    history_counts: bool = False
    # A test told with its result was done: "a baseline urine drug screen on the same day was
    # negative" documents the screen; the result is not a negation of it.
    result_is_done: bool = False
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
    # Help that lasted a stated while ("each helped < 2 weeks", "helped ~2 weeks") is relief
    # that wore off, not improvement that holds: such a mention does not count.
    lasting_only: bool = False
    # A red flag is a suspicion by nature: the guideline images for a fracture or cauda equina
    # "strongly suspected", so "a fracture is suspected" states it rather than leaving it open.
    suspected_counts: bool = False
    # A sign told in its own clause as what a drug did is no sign of the finding: "nortriptyline
    # 25 mg stopped after three weeks for urinary retention" (`mentions.drug_effect_before`).
    not_a_drug_effect: bool = False
    # Named as a subject the visit went over ("analgesia, activity, adverse effects and aberrant
    # behavior reviewed"), a behaviour or an effect is neither found nor denied: only what the
    # review found says anything (`mentions.mention`, `_REVIEWED_AFTER`).
    reviewed_is_topic: bool = False
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
    active: list[str]


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
    # A medical specialty -> the facts whose finding is a reason to refer to it.
    medical_reasons: dict[str, list[str]] = {}


class DrugUseSpec(Model):
    current: list[str]
    none_taken: list[str]
    given_now: list[str]
    first: list[str]
    started_now: list[str]
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
    # phrase -> each (fact, its value when stated; None: only its denial says anything) it is
    # listed for, in the order of findings.yaml: "radicular pain" is radiating pain and
    # neuropathic pain both.
    phrase_meaning: dict[str, tuple[tuple[str, bool | None], ...]]
    # The findings that have patterns, in the order of findings.yaml: (finding, its patterns).
    patterns: tuple[tuple[str, tuple[GatedPattern, ...]], ...]
    # Each pattern word -> the places in `patterns` of the findings it lets match: a sentence
    # looks up its own few pattern words rather than testing every finding's words in turn.
    pattern_index: dict[str, tuple[int, ...]]
    pattern_words: frozenset[str]  # all the findings' pattern words: most sentences hold none
    # Per finding: the words it needs or must not be beside, and the sites it can be of.
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
    active_care: frozenset[str]
    adjunct_for: frozenset[str]
    surgeons: frozenset[str]
    proceduralists: frozenset[str]
    medical_reasons: dict[str, tuple[str, ...]]
    regions: PhraseList  # body regions, for the part an earlier study was of
    region_of: dict[str, str]
    drug_name: dict[str, str]  # a drug's name -> the drug (generic)
    drug_class: dict[str, str]  # a drug's name, or the drug -> its class (drugs.yaml)
    given_now: tuple[tuple[str, ...], ...]  # the words right before a drug just given
    started_now: tuple[tuple[str, ...], ...]  # the words right before a drug started today
    # The one-word cues of a drug taken now ("continue", "taking"): in a plan, only right before
    # the drug do they say it goes on.
    drug_current_words: frozenset[str]
    comorbidity_tests: dict[str, tuple[str, ...]]  # phrase -> the tests it calls for
    test_kind: tuple[tuple[str, str], ...]  # (phrase of a test as requested, its kind)
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


# What a pickled `GatedPattern` keeps: the expression, its requirements and opening words.
GatedState = tuple[re.Pattern[str], tuple[Requirement, ...], frozenset[str] | None]


# Worked out once per expression, as `caseless.lowered_compiled` compiles it once: a rules
# folder read again gates its findings' expressions without parsing them again.
@lru_cache(maxsize=4096)
def gate_of(source: str, flags: int) -> tuple[tuple[Requirement, ...], frozenset[str] | None]:
    """What an expression's matches all hold: its requirements, the one that rules most
    sentences out first (one alone let through sentences that held a common part of it, "cut"
    of "acute", "no" of "not", and none of the rest; a substring test costs a small part of a
    search); and the words every match opens with, where the expression says (None: not known;
    a sentence's words are a set, so one lookup rules it out where the requirements test string
    after string, the 18 verbs of an activity each looked for in the sentence)."""
    parsed = re_parser.parse(source, flags)
    return ordered_requirements(requirements(list(parsed))), opening_words(
        re.compile(source, flags)
    )


class GatedPattern:
    """A finding's regular expression over the lower-cased sentence, tried only where the
    sentence holds text that every match of it holds ("decreased", "diminished" ... of
    "(?:decreased|diminished ...)\\W+ ... sensation"): the expressions start with `\\b` and match
    without regard to case, so the engine tries them at every character, where a search for a
    plain string or a list of them jumps from candidate to candidate. The test only ever lets
    through more than the expression matches, never less: the matches are those of the
    expression alone."""

    __slots__ = ("pattern", "needed", "lowered", "opening")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        # The same expression for the lower-cased sentence, which it is matched over: see
        # `for_lowered`.
        self.lowered = for_lowered(pattern)
        self.needed, self.opening = gate_of(pattern.pattern, pattern.flags)

    def __getstate__(self) -> GatedState:
        return self.pattern, self.needed, self.opening

    def __setstate__(self, state: GatedState) -> None:
        self.pattern, self.needed, self.opening = state
        self.lowered = for_lowered(self.pattern)

    def search(self, text: str) -> re.Match[str] | None:
        """`re.Pattern.search` of an expression that ignores case, over any text."""
        return self.pattern.search(text) if self.may_match(text.lower()) else None

    def search_lowered(self, lowered: str) -> re.Match[str] | None:
        """The expression's first match in a lower-cased sentence."""
        return self.lowered.search(lowered) if self.may_match(lowered) else None

    def may_match(self, lowered: str) -> bool:
        return holds_every(lowered, self.needed)

    def finditer(self, lowered: str) -> Iterator[re.Match[str]]:
        """The expression's matches in a lower-cased sentence."""
        return self.lowered.finditer(lowered) if self.may_match(lowered) else iter(())


def words_at_marks(plain: str, words: frozenset[str]) -> frozenset[str]:
    """A sentence's words (`plain`, as a normalised text), with those written against a "%" or a
    "#" ("#walk", "50%relief") also split there: the marks stay in a word (a percentage, a
    number), while an expression's word boundary falls at them, so the word an expression opens
    with may be inside one of them."""
    if "%" not in plain and "#" not in plain:
        return words  # most sentences: one look at the text rather than at each word
    marked = [word for word in words if "%" in word or "#" in word]
    return words.union(piece for word in marked for piece in _MARKS.split(word) if piece)


_MARKS = re.compile(r"[%#]")


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
    # A phrase listed under two findings means both (not the first alone, which had left a
    # radicular pain without the neuropathic pain its finding names it for).
    listed_for: dict[str, dict[tuple[str, bool | None], None]] = {}
    for name, finding in spec.findings.items():
        for phrases, when_stated in (
            (finding.phrases, True),
            (finding.normal, False),
            (finding.denied, None),
        ):
            for phrase in phrases:
                said = listed_for.setdefault(normalize_phrase(phrase).strip(), {})
                said.setdefault((name, when_stated), None)
    meaning = {phrase: tuple(said) for phrase, said in listed_for.items()}
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
    # A finding with patterns but no pattern words is never tried: no sentence lets it match.
    patterned = [(name, f) for name, f in spec.findings.items() if f.patterns]
    places: dict[str, list[int]] = {}
    for place, (_, finding) in enumerate(patterned):
        for word in normalized_words(finding.pattern_words):
            places.setdefault(word, []).append(place)
    pattern_index = {word: tuple(found) for word, found in places.items()}
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
        "drug_started": spec.drug_use.started_now,
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
        patterns=tuple(
            (name, tuple(GatedPattern(re.compile(p, re.I | re.ASCII)) for p in finding.patterns))
            for name, finding in patterned
        ),
        pattern_index=pattern_index,
        pattern_words=frozenset(pattern_index),
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
        active_care=frozenset(normalize_phrase(p).strip() for p in spec.conservative_care.active),
        adjunct_for=frozenset(spec.rehabilitation.adjunct_for),
        surgeons=frozenset(spec.procedures_planned.surgeons),
        proceduralists=frozenset(spec.procedures_planned.proceduralists),
        medical_reasons={
            specialty: tuple(facts)
            for specialty, facts in spec.procedures_planned.medical_reasons.items()
        },
        regions=PhraseList(list(region_of)),
        region_of=region_of,
        drug_name=drug_name,
        drug_class={
            phrase.text.strip(): phrase.meaning[0]
            for group in vocabulary.drug_index.by_first_word.values()
            for phrase in group
        },
        given_now=tuple(tuple(normalize_phrase(p).split()) for p in spec.drug_use.given_now),
        started_now=tuple(tuple(normalize_phrase(p).split()) for p in spec.drug_use.started_now),
        drug_current_words=frozenset(
            word
            for p in spec.drug_use.current
            if len(words := normalize_phrase(p).split()) == 1
            for word in words
        ),
        comorbidity_tests={phrase: tuple(kinds) for phrase, kinds in tests_of.items()},
        test_kind=tuple(
            sorted(
                ((normalize_phrase(p), kind) for kind, ps in comorbid.tests.items() for p in ps),
                key=lambda pair: -len(pair[0]),
            )
        ),
        composite=PhraseList(list(composite_kinds)),
        composite_kinds=composite_kinds,
        composite_anchors=frozenset(
            phrase.split()[0]
            for phrase, kinds in composite_kinds.items()
            if not kinds.isdisjoint(ANCHORS)
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


# The lists whose phrases a sentence must hold for the readers to have anything to read.
ANCHORS = frozenset(["care", "failing", "persisting", "injections", "surgeries", "onset", "drug"])
