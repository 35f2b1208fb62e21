"""The facts stage itself: every sentence of a letter or note read by the topic readers, one value
kept per fact, then the facts that take several sentences and those of each item.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from engine.facts.composite import composite_mentions
from engine.facts.derived import reference_date
from engine.facts.diagnoses import _DIAGNOSIS_CUE, _DIAGNOSIS_CUE_WORDS, has_unlisted_diagnosis
from engine.facts.figures import DATE_AFTER, DIGIT, NUMBER_WORDS, date_of, with_figures
from engine.facts.findings import Findings
from engine.facts.function import _FROM_BEFORE, _PAIN, _PAIN_WORD
from engine.facts.imaging import (
    _ELECTRODIAGNOSTIC_WORDS,
    _ELECTRODIAGNOSTICS_DONE,
    _IMAGING_DONE,
    _IMAGING_WORDS,
    _STUDY,
    STUDIES_MATTER,
)
from engine.facts.item import item_facts, therapy_facts
from engine.facts.medications import _ON_OPIOIDS, _OPIOID_WORDS
from engine.facts.mentions import _DONE_AFTER, _POSITIVE
from engine.facts.model import IMPROVED, PER, SITE, CaseFacts, Evidence, Fact, is_per_therapy
from engine.facts.neurologic import _NEURO_WORDS, _NORMAL_NEURO_EXAM
from engine.facts.prior_treatment import (
    _NOT_AUTHORIZED,
    MODALITIES,
    MODALITY_FIRST_WORDS,
    MODALITY_WORD,
    authorized_visits,
    none_prior_pattern,
    prior_pattern,
)
from engine.facts.record import _AGE_SEX, _INJURY_DATE, _REPORT_DATE, _REPORT_WORDS, _UR_DATE
from engine.facts.sentences import (
    _DECISION,
    _DECISION_WORDS,
    _LAST_WORD,
    _LIST_INTRO,
    _LIST_WORDS,
    _NOT_DOCUMENTED,
    _PLAN_WORDS,
    _TO_BE_DONE,
    _UR_WORDS,
    OF_PATIENT,
    RECORD_WORDS,
    REQUEST_WORDS,
    SYMPTOM_WORDS,
    Reading,
    Sentence,
    phrase_position,
    reported_sentences,
    sentences_of,
    sites_of,
)
from engine.facts.surgery import _SURGERY_ON, _SURGERY_REFUSED, _SURGERY_WORDS, named_with_site
from engine.models import Case
from engine.negation import ReadSentence, Status, read_sentence, status_of
from engine.vocab import (
    normalize_phrase,
    plain_spaces,
)


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
    if STUDIES_MATTER.isdisjoint(item.normalized.service.category for item in case.items):
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
    has_digit = DIGIT.search(text) is not None
    if has_digit and ("injur" in lowered or "doi" in words):
        for cue in _INJURY_DATE.finditer(text):
            when = DATE_AFTER.match(text, cue.end())
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
            add(f"{PER}{authorized[0]}", authorized[1])
    # Visits asked for or authorized are not visits done.
    counts_done = sentence.words.isdisjoint(REQUEST_WORDS)
    if counts_done and (has_digit or not sentence.words.isdisjoint(NUMBER_WORDS)):
        figures: str | None = None
        for name in MODALITIES:
            if words.isdisjoint(MODALITY_FIRST_WORDS) or not MODALITY_WORD[name].search(text):
                continue
            figures = figures or with_figures(text)
            for match in prior_pattern(name).finditer(figures):
                count = next(g for g in match.groups() if g)
                add(name, int(count), match.start(), match.end())
    if (
        counts_done
        and not words.isdisjoint(("no", "not", "never"))
        and not words.isdisjoint(MODALITY_FIRST_WORDS)
    ):
        for name in MODALITIES:
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
        if not words.isdisjoint(RECORD_WORDS):
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
        if spec.exam_only and not words.isdisjoint(SYMPTOM_WORDS):
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
        if spec.of_patient and sentence.source == "rationale" and not OF_PATIENT.search(text):
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
            for therapy, mentioned in MODALITY_WORD.items():
                if mentioned.search(text):
                    add(f"{IMPROVED}{therapy}", value, start, end)
            return
        if not spec.internal:
            add(name, value, start, end)
        if value:
            for implied in spec.implies:
                add(implied, True, start, end)
        if name in findings.sites:
            for region in sites_of(text, start, end, findings.sites[name]) or [""]:
                add(f"{SITE}{name}:{region}", value, start, end)

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
        if normal_exam and words.isdisjoint(SYMPTOM_WORDS):
            parts: tuple[str, ...] = ("motor_deficit", "sensory_deficit")
            if not normal_exam["limited"]:
                parts += ("reflex_change",)
            for name in parts:
                add(name, False, normal_exam.start(), normal_exam.end())
    if has_digit and words.isdisjoint(REQUEST_WORDS) and not words.isdisjoint(_SURGERY_WORDS):
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
    if words & _IMAGING_WORDS and words.isdisjoint(REQUEST_WORDS) and _IMAGING_DONE.search(text):
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
    ) and words.isdisjoint(REQUEST_WORDS):
        add("opioid_use", True)
    for said in findings.work_status_pattern.finditer(plain, words):
        add("work_status", findings.work_status_meaning[said[1]])
    return found


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
        elif fact.name.startswith(PER):
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
