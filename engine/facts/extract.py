"""The facts stage itself: every sentence of a letter or note read by the topic readers, one value
kept per fact, then the facts that take several sentences and those of each item.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from engine.facts.carpal_tunnel import carpal_tunnel
from engine.facts.check_boxes import boxes_as_words
from engine.facts.composite import (
    PERSISTING,
    SYMPTOMS_NAMED,
    composite_mentions,
    symptoms_stated,
)
from engine.facts.conservative_care import care_since, care_weeks
from engine.facts.days_told import tells_day_without_year
from engine.facts.derived import reference_date
from engine.facts.diagnoses import IMPLIED_DIAGNOSES, diagnosis_groups
from engine.facts.dot_leaders import leaders_as_colons
from engine.facts.duplicates import approved_before
from engine.facts.figures import DATE, MID_MONTH, date_of
from engine.facts.findings import Findings
from engine.facts.follow_ups import resolve_follow_ups
from engine.facts.function import (
    PAIN_DROP,
    TRIAL_ANAPHOR,
    measured_function,
    pain_drop,
    pain_scores,
    trial_outcome,
    work_status,
)
from engine.facts.imaging import STUDIES_MATTER, concordant_herniation, earlier_studies
from engine.facts.imaging_indications import plain_films, suspected_lesions
from engine.facts.injections import INJECTION_FOLLOW_UP, injections_given
from engine.facts.item import item_facts, request_facts, surgery_of_the_part, therapy_facts
from engine.facts.joint_injections import steroid_injections
from engine.facts.knee import mechanical_symptoms, meniscal_tear
from engine.facts.medications import (
    DRUG_NAMED,
    DRUG_TAKEN,
    DRUG_TEST_DATE,
    NON_OPIOID_ANALGESICS,
    class_not_taken,
    drug_test_dates,
    drugs_stopped,
    morphine_equivalent_dose,
    opioid_use,
)
from engine.facts.mentions import finding_mentions
from engine.facts.model import PER, CaseFacts, Evidence, Fact, is_per_therapy
from engine.facts.neurologic import (
    normal_neurologic_exam,
    normal_parts_together,
    weaker_than_before,
)
from engine.facts.prior_treatment import (
    ASSUMED,
    MODALITIES,
    VISITS_ANAPHOR,
    psychotherapy_weeks,
    stay_days,
    visits_authorized,
    visits_done,
)
from engine.facts.record import INJURY_YEAR, ONSET_MONTH, age_and_sex, record_dates
from engine.facts.red_flags import FRACTURE, TRAUMA_RED_FLAG_WEEKS, old_trauma_set_aside
from engine.facts.sentences import (
    Reader,
    Reading,
    Sentence,
    carried_forward,
    reported_sentences,
    sentence_text,
    sentences_of,
)
from engine.facts.surgery import (
    DATED_SURGERY_TYPE,
    ELAPSED_SURGERY_DATE,
    ELAPSED_SURGERY_TYPE,
    SURGERIES,
    UNNAMED_SURGERY_TYPE,
    surgery_dates,
    surgery_elapsed,
    surgery_refused,
    with_fractured_bone,
)
from engine.models import Case, Request
from engine.vocab import plain_spaces, symbols_as_words

# What a sentence says of something named just before it, without naming it again.
FOLLOW_UPS = (INJECTION_FOLLOW_UP, VISITS_ANAPHOR, TRIAL_ANAPHOR)
# The visits of a conservative therapy counted: care given (therapy after a surgery is not the
# conservative care a surgery or a study waits on).
THERAPY_VISITS = tuple(name for name in MODALITIES if name != "postsurgical_visits_completed")


def extract_note_facts(
    text: str,
    findings: Findings,
    source: str = "<note>",
    service_category: str | None = None,
    request: Request | None = None,
    note_date: date | None = None,
) -> CaseFacts:
    """The facts a clinical note (a progress note for a new request) documents: every sentence
    but those that conclude, read as a letter's summary is. Given the request's service category,
    what the note says of that therapy (visits done, functional improvement) is about the request
    too; given the request itself, so is what the note says of its drug, body part, test or
    specialist, and what depends on it (why a referral needs the specialist), as for a letter's
    item. `note_date` is the date the note is written, where the caller knows it (the request's in
    `imrcheck check`), for what the note tells against it ("since may of this year") where the
    note gives no date of its own."""
    text = leaders_as_colons(boxes_as_words(symbols_as_words(plain_spaces(text))))
    if request is not None:
        service_category = request.service.category
    needs = needs_of({service_category} if service_category else set(), findings)
    facts, symptoms = note_readings(text, findings, needs, note_date)
    told = {id(f) for f in facts if told_day(f)}
    if told:
        # A note that gives its own date tells its days without a year against that date, not
        # the date it is checked on; a date the note gives only by a day without its year ("seen
        # on the fifth of March") is no date of its own.
        own = reference_date(None, [f for f in facts if id(f) not in told])
        if own is not None and own != note_date:
            facts, symptoms = note_readings(text, findings, needs, own)
    on = reference_date(None, facts)
    facts.extend(letter_facts(facts, symptoms, findings, on, note_date))
    if request is not None:
        facts.extend(surgery_of_the_part(facts, request, None, findings))
    if service_category:
        subtype = request.service.subtype if request is not None else None
        first_asked = request is not None and not request.quantity.additional
        facts.extend(
            therapy_facts(
                facts, service_category, None, subtype, note=True, first_asked=first_asked
            )
        )
    if request is not None:
        by_name = {f.name: f for f in facts}
        # A note with no date of its own is the one checked on its date: how long the drug has
        # been taken is counted to it, as the rest of the note's times are.
        facts.extend(request_facts(request, None, by_name, findings, on or note_date, note=True))
    return CaseFacts(source=source, facts=reported(facts))


def note_readings(
    text: str, findings: Findings, needs: frozenset[str], told_on: date | None
) -> tuple[list[Fact | Reading], list[Reading]]:
    """Every sentence of a note read, one value kept per fact, and the sentences that name
    symptoms (`symptoms_named`); a day the note tells without its year dated against
    `told_on`."""
    read: list[Fact | Reading] = []
    read.extend(
        resolve_follow_ups(
            [
                (sentence, beyond_the_question(sentence, facts_in(sentence, findings, needs)))
                for sentence in reported_sentences(text, 0, "note", None, findings, told_on)
            ],
            FOLLOW_UPS,
        )
    )
    # (Only a note with a word of its mark, in whatever case: "CARRIED FORWARD", "copied from".)
    lowered = text.lower()
    carried = carried_forward(text) if "carried" in lowered or "copied" in lowered else []
    if carried:
        # What the patient's state was at an earlier visit, in text carried forward from it, is
        # not the state now, which the current visit tells ("R shoulder pain, improving with
        # PT" copied from November; "now worse" today).
        read = [
            r
            for r in read
            if not (
                r.name in _STATE_NOW
                and isinstance(r, Reading)
                # (Where the sentence's words begin: its span may open on the line's break.)
                and any(
                    a <= r.sentence.start + len(r.sentence.text) - len(r.sentence.text.lstrip()) < b
                    for a, b in carried
                )
            )
        ]
    read, symptoms = set_apart(read, SYMPTOMS_NAMED)
    facts = settle(read)
    recent = old_trauma_set_aside(read, facts, reference_date(None, facts) or told_on)
    return (facts if recent is None else settle(recent)), symptoms


# The patient's state at the visit, which text carried forward from an earlier one does not tell.
_STATE_NOW = frozenset(["symptoms_improving", "pain_score"])


def told_day(fact: Fact | Reading) -> bool:
    """Whether a date read may rest on a day its sentence tells without its year."""
    if not isinstance(fact.value, date):
        return False
    return tells_day_without_year(sentence_text(fact))


_UPPER = re.compile(
    r"\b(?:cervical|neck|c[1-8]|arms?|hands?|fingers?|thumbs?|upper\s+extremit\w*)\b",
    re.I | re.ASCII,
)
_LOWER = re.compile(
    r"\b(?:lumbar|lumbosacral|low\s+back|l[1-5]|s1|legs?|feet|foot|calf|thighs?|buttocks?|"
    r"lower\s+extremit\w*|sciatic\w*)\b",
    re.I | re.ASCII,
)


def spinal_ends(text: str) -> set[str]:
    """Which end of the spine a sentence speaks of, by the limbs and levels it names: both
    where it names none. Radiating pain is read only of a limb (radiating_pain's patterns name
    one), so a sentence naming none leaves the match to the other sentence's level."""
    ends = {end for end, said in (("upper", _UPPER), ("lower", _LOWER)) if said.search(text)}
    return ends or {"upper", "lower"}


def extract_facts(case: Case, findings: Findings, summary_only: bool = False) -> CaseFacts:
    """Every fact the letter documents, with the sentence it comes from, read with the findings
    of the rules in use."""
    read: list[Fact | Reading] = []
    if case.dates.injury:
        read.append(header_fact(case, "injury_date", case.dates.injury))
    needs = readers_needed(case, findings)
    read.extend(
        resolve_follow_ups(
            [
                (sentence, facts_in(sentence, findings, needs))
                for sentence in sentences_of(case, summary_only, findings)
            ],
            FOLLOW_UPS,
        )
    )
    read, symptoms = set_apart(read, SYMPTOMS_NAMED)
    facts = settle(read)
    recent = old_trauma_set_aside(read, facts, reference_date(case, facts))
    if recent is not None:
        facts = settle(recent)
    # The header's UR denial date stands where no sentence dates the review.
    if case.dates.ur_denial and not any(f.name == "ur_date" for f in facts):
        facts.append(header_fact(case, "ur_date", case.dates.ur_denial))
    facts.extend(letter_facts(facts, symptoms, findings, reference_date(case, facts)))
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
    return needs_of({item.normalized.service.category for item in case.items}, findings)


def needs_of(categories: set[str], findings: Findings) -> frozenset[str]:
    needs = set()
    if "medication" in categories:
        needs.add("drugs")
    if not categories.isdisjoint(("perioperative", "laboratory")):
        needs.add("comorbidities")
    if not categories.isdisjoint(findings.adjunct_for):
        needs.add("rehabilitation")
    # A trial's gain is read for a unit bought after it (item.py): only equipment asks it.
    if "dme" in categories:
        needs.add("trials")
    return frozenset(needs)


def reported(facts: list[Fact | Reading]) -> list[Fact]:
    """The facts to report: not those read on the way to others."""
    return [f for f in facts if isinstance(f, Fact) and not is_per_therapy(f.name)]


def set_apart(read: list[Fact | Reading], name: str) -> tuple[list[Fact | Reading], list[Reading]]:
    """The readings of one name taken out of the rest, every one of them kept."""
    kept = [r for r in read if r.name != name]
    if len(kept) == len(read):
        return read, []
    return kept, [r for r in read if isinstance(r, Reading) and r.name == name]


# What a pain's fall may be told as the work of, other than the care under way.
_RELIEF_CAUSES = frozenset(
    ["tens", "unit", "injection", "injections", "block", "blocks", "esi", "epidural", "patch",
     "cream", "gel", "medication", "medications", "meds", "dose", "drug", "drugs", "surgery",
     "shot", "shots", "cortisone", "steroid", "splint", "brace", "ablation", "rfa", "rest",
     "off", "rental"]
)  # fmt: skip


# A day told as within the last few days, beside the fall itself in its clause (not "Today she
# denies any new falls", "Today marks five years since he tripped"), in a sentence that names no
# year.
_NOW_WORD = r"(?:yesterday|today|this\s+morning|last\s+night|(?:\d|one|two|three|four|five|six)\s+days?\s+ago)"
_FELL_WORD = r"(?:slipped|tripped|fell|landed)"
_NOT_BETWEEN = r"(?:(?!\b(?:years?|denies|denied|no|not|never|since)\b)[^.;])"
_JUST_NOW = re.compile(
    rf"^(?![^.]*\b(?:19|20)\d\d\b)[^.]*?(?:\b{_NOW_WORD}\b{_NOT_BETWEEN}{{0,40}}?\b{_FELL_WORD}\b"
    rf"|\b{_FELL_WORD}\b{_NOT_BETWEEN}{{0,40}}?\b{_NOW_WORD}\b)",
    re.I | re.ASCII,
)


# The fall told with its own day right before the one who fell: "On Friday 12/02/2016 at work
# she slipped on a wet floor", a new fall on an older claim (`fall_dated_recently`).
_DATE_THEN_FALL = re.compile(
    rf"(?:{DATE}),?\s+(?:at\s+work,?\s+)?(?:he|she|the\s+patient|pt)\s+{_FELL_WORD}\b",
    re.I | re.ASCII,
)


def fall_dated_recently(text: str, on: date | None) -> bool:
    """Whether a sentence dates its fall within the weeks a trauma's red flag lasts before
    `on`."""
    if on is None:
        return False
    for told in _DATE_THEN_FALL.finditer(text):
        day = date_of(told)
        if day is not None and 0 <= (on - day).days <= TRAUMA_RED_FLAG_WEEKS * 7:
            return True
    return False


# A radiculopathy a sentence states outside a list of diagnoses (findings.yaml).
RADICULOPATHY_STATED = "~radiculopathy:stated"


def letter_facts(
    facts: list[Fact | Reading],
    symptoms: list[Reading],
    findings: Findings,
    on: date | None,
    note_date: date | None = None,
) -> list[Fact]:
    """The facts that take more than one sentence: conservative care tried and the symptoms
    persisting (`conservative_care_failed`), and symptoms older than the injury. `symptoms` are
    the sentences that name symptoms (`symptoms_named`), whose statuses are worked out only
    where they decide. A month told against the record's date ("since last March") is dated
    from `on`, else from `note_date`."""
    by_name = {f.name: f for f in facts}
    found: list[Fact] = []
    # A fixation named without its bone ("He underwent open reduction and internal fixation with
    # a plate") is of the bone whose fracture another sentence names.
    surgery = by_name.get("surgery_type")
    if surgery is not None and isinstance(surgery.value, str):
        named = with_fractured_bone(
            surgery.value, (f.sentence.text for f in facts if isinstance(f, Reading))
        )
        if named:
            at = facts.index(surgery)
            facts[at] = by_name["surgery_type"] = Fact(
                name="surgery_type", value=named, evidence=surgery.evidence
            )

    def derive(name: str, value: Any, source: str) -> None:
        if name not in by_name:
            found.append(Fact(name=name, value=value, evidence=by_name[source].evidence))

    # Pain down a limb with imaging that shows the root it comes from compromised is a
    # radiculopathy, neuropathic pain as the CPMTG's anti-epilepsy drugs name it: the limb and
    # the spine of the same end of the body (pain to the legs does not come from a cervical root).
    radiating, root = by_name.get("radiating_pain"), by_name.get("imaging_nerve_compromise")
    if (
        radiating is not None
        and radiating.value is True
        and root is not None
        and root.value is True
        and "neuropathic_pain" not in by_name
        and spinal_ends(sentence_text(radiating)) & spinal_ends(sentence_text(root))
    ):
        derive("neuropathic_pain", True, "imaging_nerve_compromise")
    # The drug tests the record dates, one date each, oldest first.
    tested = [f for f in facts if f.name.startswith(DRUG_TEST_DATE)]
    if tested:
        days = sorted({f.name[len(DRUG_TEST_DATE) :] for f in tested})
        found.append(Fact(name="drug_test_dates", value=days, evidence=tested[0].evidence))
    # Care that helped has not failed, whatever symptoms remain. Visits of a therapy counted
    # ("Ten weeks of PT (12 visits) + HEP") are care given as much as care named as tried.
    improving = by_name.get("symptoms_improving")
    visited = next((name for name in THERAPY_VISITS if (f := by_name.get(name)) and f.value), None)
    dropped = by_name.get(PAIN_DROP)
    if (
        improving is None
        and visited is not None
        and isinstance(dropped, Reading)
        and dropped.sentence.words.isdisjoint(_RELIEF_CAUSES)
        and not any(
            f.name.startswith(DRUG_NAMED) and f.sentence is dropped.sentence
            for f in facts
            if isinstance(f, Reading)
        )
    ):
        # A therapy's note that counts its visits and tells the pain come down ("visit 5 of 8.
        # ... Pain 5/10 at IE (02/22) -> 3/10 today"), by nothing else it names: the care is
        # helping. (Not "the clinic TENS reduced her pain from 7/10 to 4/10".)
        improving = dropped
    given = "~care:tried" if "~care:tried" in by_name else visited
    # Symptoms the record states now, after care that included therapy or exercise, are what
    # that care left, where nothing says it helped: "PT x 12 and naproxen. C/o constant R leg
    # pain to the foot."
    therapy_given = "~care:active" in by_name or visited is not None
    if (
        given
        and not (improving and improving.value)
        and (PERSISTING in by_name or (therapy_given and symptoms_stated(symptoms, findings)))
    ):
        derive("conservative_care_failed", True, given)
    # Care that helps has not failed, where no word says it failed.
    if given and improving and improving.value and PERSISTING not in by_name:
        derive(
            "conservative_care_failed",
            False,
            "symptoms_improving" if "symptoms_improving" in by_name else PAIN_DROP,
        )
    # No course of therapy or exercise yet, and no word that the drugs taken failed: the
    # conservative care the guidelines look for has not been tried.
    if "~care:untried_active" in by_name and not therapy_given and PERSISTING not in by_name:
        derive("conservative_care_failed", False, "~care:untried_active")
    # Care the record says was not yet tried has not failed (ACOEM's special studies wait for
    # care that failed), where the record names no other care given: no visits of a therapy,
    # no drug taken, no symptoms said to persist through care.
    if (
        "~care:untried" in by_name
        and "~care:tried" not in by_name
        and PERSISTING not in by_name
        and not any(
            f.name.startswith(DRUG_TAKEN)
            or (f.name == "opioid_use" and f.value)
            or (f.name in THERAPY_VISITS and f.value)
            for f in facts
        )
    ):
        derive("conservative_care_failed", False, "~care:untried")
    # The non-opioid analgesics among the care that failed (acetaminophen, an NSAID) are the ones
    # the opioid guideline asks to be tried first (3.3: "non-opioid analgesics ... tried").
    failed = next((f for f in found if f.name == "conservative_care_failed"), None) or by_name.get(
        "conservative_care_failed"
    )
    if (
        failed is not None
        and failed.value is True
        and "non_opioid_analgesics_failed" not in by_name
        and any(
            f.name.startswith(DRUG_TAKEN) and f.name[len(DRUG_TAKEN) :] in NON_OPIOID_ANALGESICS
            for f in facts
        )
    ):
        found.append(
            Fact(name="non_opioid_analgesics_failed", value=True, evidence=failed.evidence)
        )
    # AHCPR 1994's fracture row: minor trauma in an older (70 or over) or potentially
    # osteoporotic patient, the trauma recent (the acute and subacute phases the red flags are
    # of: `red_flags.TRAUMA_RED_FLAG_WEEKS`).
    trauma, fragile, age = (
        by_name.get("~minor_trauma"),
        by_name.get("~bone_fragility"),
        by_name.get("age_years"),
    )
    injured = by_name.get("injury_date") or by_name.get("~injury_event_date")
    recent = (
        injured is not None
        and isinstance(injured.value, date)
        and (on or note_date) is not None
        and 0 <= ((on or note_date) - injured.value).days <= TRAUMA_RED_FLAG_WEEKS * 7
    )
    if (
        trauma is not None
        and trauma.value is True
        and (
            # The fall is the injury being assessed, told in the sentence that dates it.
            (
                recent
                and injured is not None
                # (Compared as words: a fact settled from a reading keeps its sentence trimmed
                # and its line breaks as spaces.)
                and sentence_text(trauma).split() == sentence_text(injured).split()
            )
            # Or a new fall on an older claim, told as just now: "Yesterday, 08/08, she slipped
            # on a wet floor ... and landed on her buttocks".
            or _JUST_NOW.search(sentence_text(trauma)) is not None
            or fall_dated_recently(sentence_text(trauma), on or note_date)
        )
        and (
            (fragile is not None and fragile.value is True) or (age is not None and age.value >= 70)
        )
        and by_name.get(FRACTURE) is None
    ):
        derive(FRACTURE, True, "~minor_trauma")
    # ODG Head: worse after a head injury, where the note tells of the blow.
    worse, blow = by_name.get("~head_worse"), by_name.get("~head_injury")
    if worse is not None and (worse.value is False or (blow is not None and blow.value is True)):
        derive("head_injury_deteriorating", worse.value, "~head_worse")
    # ACOEM Ch. 11 Special Studies: an injury suggesting a fracture (an acute hand or wrist injury
    # with a sign of a broken bone) or a foreign body.
    hand_injury, sign = by_name.get("~hand_injury"), by_name.get("~hand_fracture_sign")
    if hand_injury and hand_injury.value and sign and sign.value:
        derive("fracture_or_foreign_body_suspected", True, "~hand_fracture_sign")
    foreign = by_name.get("~foreign_body")
    if foreign and foreign.value:
        derive("fracture_or_foreign_body_suspected", True, "~foreign_body")
    if IMPLIED_DIAGNOSES in by_name:
        derive("diagnoses", by_name[IMPLIED_DIAGNOSES].value, IMPLIED_DIAGNOSES)
    # A nerve root's or a nerve's pain among the diagnoses (radiculopathy, radiculitis, sciatica,
    # neuritis, neuralgia: the group `neuralgia`) is neuropathic pain as the fact is defined
    # (rules/facts.yaml), where no sentence says otherwise.
    diagnosed = next(
        (
            name
            for name in ("diagnoses", IMPLIED_DIAGNOSES)
            if name in by_name and NERVE_PAIN in by_name[name].value
        ),
        None,
    )
    if diagnosed:
        derive("neuropathic_pain", True, diagnosed)
    elif RADICULOPATHY_STATED in by_name:
        derive("neuropathic_pain", True, RADICULOPATHY_STATED)
    lesion = surgical_lesion(by_name)
    if lesion is not None:
        derive("surgical_lesion", lesion[0], lesion[1])
    # A note with no date of injury: the injury told as an event with its date, else the
    # symptoms' start, is where the weeks of the condition run from.
    for started in ("~injury_event_date", "~symptom_onset_date"):
        if "injury_date" not in by_name and started in by_name:
            derive("injury_date", by_name[started].value, started)
            break
    else:
        told = by_name.get(ONSET_MONTH)
        begun = month_told(told.value, on or note_date) if told else None
        if begun and "injury_date" not in by_name:
            derive("injury_date", begun, ONSET_MONTH)
    if "injury_date" not in by_name and INJURY_YEAR in by_name:
        # The year alone the record gives the injury, last of all.
        derive("injury_date", by_name[INJURY_YEAR].value, INJURY_YEAR)
    injury = by_name.get("injury_date")
    onset = by_name.get("~onset_weeks")
    # Else how long the symptoms have lasted ("numbness x 5 months") is the time since the
    # condition began, as of the note.
    if injury is None and onset is not None and not any(f.name == "injury_date" for f in found):
        derive("weeks_since_injury", onset.value, "~onset_weeks")
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


def month_told(told: tuple[int, str], on: date | None) -> date | None:
    """The middle of a month told against the date `on`: (5, "this") is May of `on`'s year,
    (3, "last") the latest March before `on`'s month, (3, "last_year") March of the year
    before. None without a date, or for a month of this year still to come."""
    if on is None:
        return None
    month, which = told
    if which == "this":
        year = on.year if month <= on.month else None
    elif which == "last":
        year = on.year if month < on.month else on.year - 1
    else:
        year = on.year - 1
    return date(year, month, MID_MONTH) if year else None


def surgical_lesion(by_name: dict[str, Fact | Reading]) -> tuple[bool, str] | None:
    """ACOEM's Surgical Considerations (Ch. 8, 9, 12, 13): clear clinical and imaging evidence of
    a lesion shown to benefit from surgery, as (the value, the fact it rests on). Imaging and the
    examination must agree: a root compressed on imaging with a neurologic deficit; a torn cuff,
    meniscus, cruciate ligament or labrum on imaging with weakness or the joint's signs (a knee's
    derangement tests, a shoulder's labral and cuff tests), where no
    reading of a study denies it; subacromial narrowing on imaging with impingement signs. Imaging
    read as showing no root compromise, with a normal neurologic examination, shows no lesion
    (acoem2.ch12.mri_nerve_compromise: a bulge alone is a common false positive)."""

    def said(name: str) -> bool | None:
        fact = by_name.get(name)
        return None if fact is None else bool(fact.value)

    deficits = [said(name) for name in ("motor_deficit", "sensory_deficit", "reflex_change")]
    # (A meniscus torn on imaging is read by the knee's own reader as well, in its own words:
    # "a tear of the back part of the inner meniscus".)
    root = said("imaging_nerve_compromise")
    tear = said("~imaging_tear") or said("meniscal_tear_on_imaging")
    if root and any(deficits):
        return True, "imaging_nerve_compromise"
    clear = tear and not said("~imaging_no_tear")
    # (The knee's locking, catching or giving way is one of its derangement signs, ACOEM Ch. 13.)
    joint_signs = (
        said("knee_derangement_signs")
        or said("knee_mechanical_symptoms")
        or said("~shoulder_lesion_signs")
    )
    if clear and (said("motor_deficit") or joint_signs):
        return True, "~imaging_tear" if said("~imaging_tear") else "meniscal_tear_on_imaging"
    # Subacromial impingement: its narrowing (or a partial cuff tear under it) on imaging, with
    # its signs positive on examination.
    if said("~imaging_impingement") and said("~shoulder_impingement_signs"):
        return True, "~imaging_impingement"
    if root is False and not tear and not any(deficits) and said("motor_deficit") is False:
        return False, "imaging_nerve_compromise"
    return None


def header_fact(case: Case, name: str, value: Any) -> Fact:
    header = case.sections.get("header")
    return Fact(
        name=name,
        value=value,
        evidence=Evidence(source="summary", span=header, sentence="(the letter's header)"),
    )


_GOAL_WORDS = frozenset(["goal", "goals", "ltg", "stg"])
_GOALS_OPENING = re.compile(
    r"^\W*(?:(?:(?:treatment|functional|short[\s-]term|long[\s-]term|trial)\s+)?goals?|ltg|stg)\b",
    re.I | re.ASCII,
)
GOALS = "treatment_goals_documented"
# The diagnosis group of a nerve root's or a nerve's pain (rules/vocab/findings.yaml `diagnoses`).
NERVE_PAIN = "neuralgia"


def beyond_the_question(sentence: Sentence, read: list[Reading]) -> list[Reading]:
    """The readings of a sentence that opens with a reviewer's question: the red flags it names
    (read as ever: a red flag is never dropped) and what the answer after the question tells."""
    if not sentence.asked_until:
        return read
    return [r for r in read if "red_flag" in r.name or r.start >= sentence.asked_until]


def facts_in(
    sentence: Sentence, findings: Findings, needs: frozenset[str] = frozenset()
) -> list[Reading]:
    """What one sentence says; `needs` names the readers the letter's items call for beyond
    those of every letter (`drugs`, `comorbidities`, `rehabilitation`, `trials`). The topic
    readers run in this order, which `settle` relies on where several sentences give one fact."""
    reader = Reader(sentence, findings)
    if not reader.words.isdisjoint(_GOAL_WORDS) and _GOALS_OPENING.match(sentence.text):
        # "Goals: walk 30 min, cut Norco by half; long term: full duty by June": what the care
        # aims at, not what is now. Only that goals are set is read.
        finding_mentions(reader)
        return [r for r in reader.found if r.name == GOALS]
    age_and_sex(reader)
    record_dates(reader)
    pain_scores(reader)
    measured_function(reader)
    pain_drop(reader)
    visits_authorized(reader)
    visits_done(reader)
    stay_days(reader)
    psychotherapy_weeks(reader)
    surgery_refused(reader)
    if not reader.ur_decision:
        finding_mentions(reader)
        reader.found.extend(
            composite_mentions(
                sentence, findings, reader.stated_status, reader.planned, needs, reader.asks
            )
        )
    diagnosis_groups(reader)
    normal_neurologic_exam(reader)
    normal_parts_together(reader)
    weaker_than_before(reader)
    surgery_dates(reader)
    surgery_elapsed(reader)
    earlier_studies(reader)
    concordant_herniation(reader)
    injections_given(reader)
    opioid_use(reader)
    class_not_taken(reader)
    drugs_stopped(reader)
    morphine_equivalent_dose(reader)
    drug_test_dates(reader)
    work_status(reader)
    care_weeks(reader)
    care_since(reader)
    plain_films(reader)
    suspected_lesions(reader)
    steroid_injections(reader)
    mechanical_symptoms(reader)
    meniscal_tear(reader)
    carpal_tunnel(reader)
    approved_before(reader)
    if "trials" in needs:
        trial_outcome(reader)  # last: it reads the gains the readers above found
    return mixed_response(reader)


# The gain said not to reach other symptoms: "improvement in the back pain but not the leg
# symptoms", "helped the neck, though not the arm numbness".
# (Not "but not pain free", "but not completely": relief short of whole, not symptoms left.)
_BUT_NOT = re.compile(
    r"\b(?:but|though|although|yet)\s+not\b(?!\s+(?:pain[\s-]+free|completely|fully|entirely|"
    r"totally|100|resolved|gone)\b)",
    re.I | re.ASCII,
)
# Where a clause ends: a comma, a semicolon or colon, a word that turns it.
_CLAUSE_ENDS = re.compile(r"[,;:]|\b(?:but|though|although|however|yet|whereas)\b", re.ASCII)
# How many words after it the symptoms left are named in: "but not the leg symptoms".
_LEFT_WITHIN_WORDS = 4


def mixed_response(reader: Reader) -> list[Reading]:
    """Some symptoms better and others not, in one sentence ("neck pain 6 -> 4/10, hand
    numbness unchanged"; "improvement in the back pain but not the leg symptoms"): what the
    care left is what a study or a procedure is asked for, and the gain is not of it, so the
    sentence tells the symptoms persisting and not improving. Reviewers read such care as
    failed ("persistent numbness despite therapy, a splint and naproxen")."""
    found = reader.found
    improving = next((r for r in found if r.name == "symptoms_improving" and r.value), None)
    if improving is None:
        return found
    # Only a gain of symptoms the clause names: care that "helped", while the patient "continues
    # with hand pain", helped with what it helped.
    clause = (
        _CLAUSE_ENDS.split(reader.lowered[: improving.start])[-1]
        + _CLAUSE_ENDS.split(reader.lowered[improving.start :])[0]
    )
    if reader.findings.care_symptoms.isdisjoint(re.findall(r"[a-z]+", clause)):
        return found
    # A strengthening program that stalled beside the gain ("pain somewhat better, strength
    # not") is weakness the care left, as symptoms persisting are.
    if not any(
        r.name == PERSISTING or (r.name == "strengthening_program_failed" and r.value is True)
        for r in found
    ):
        if "not" not in reader.words:
            return found
        left = next(
            (
                m
                for m in _BUT_NOT.finditer(reader.text, improving.start)
                if not reader.findings.care_symptoms.isdisjoint(
                    re.findall(r"[a-z]+", reader.lowered[m.end() :])[:_LEFT_WITHIN_WORDS]
                )
            ),
            None,
        )
        if left is None:
            return found
        reader.add(PERSISTING, True, left.start(), left.end())
    return [r for r in found if r is not improving]


def renamed(reading: Reading, name: str) -> Reading:
    return Reading(name, reading.value, reading.sentence, reading.start, reading.end)


def settle(facts: list[Fact | Reading]) -> list[Fact | Reading]:
    """One value per fact: a deficit anywhere is a deficit (true wins), the highest count or
    score, the latest report, the first age, sex, diagnosis list, surgery and review date, the
    last work status."""
    chosen: dict[str, Fact | Reading] = {}
    dated_types: list[Fact | Reading] = []
    for fact in facts:
        if fact.name == DATED_SURGERY_TYPE:
            dated_types.append(fact)
        held = chosen.get(fact.name)
        if held is None:
            chosen[fact.name] = fact
        elif isinstance(fact.value, bool):
            if fact.value and not held.value:
                chosen[fact.name] = fact
        elif fact.name.startswith(PER):
            continue  # the first account of what was authorized
        elif fact.name == IMPLIED_DIAGNOSES and isinstance(held, Reading):
            # Every condition the record implies, in the order told ("knee pain since kneeling
            # at work"; "X-ray 06/2016: moderate medial compartment OA"), as a list given as the
            # diagnoses would hold them all.
            merged = list(dict.fromkeys([*held.value, *fact.value]))
            if merged != held.value:
                chosen[fact.name] = Reading(held.name, merged, held.sentence, held.start, held.end)
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
    # Visits taken as given for days now past stand only where no count of the therapy does.
    for name in [name for name in chosen if name.startswith(ASSUMED)]:
        assumed = chosen.pop(name)
        if name[len(ASSUMED) :] not in chosen and isinstance(assumed, Reading):
            chosen[name[len(ASSUMED) :]] = renamed(assumed, name[len(ASSUMED) :])
    # Only `surgery_dates` reads the dated procedure, so it is always a sentence's reading: the
    # one told with the surgery date kept, else the first.
    dated = chosen.pop(DATED_SURGERY_TYPE, None)
    operated = chosen.get("surgery_date")
    if isinstance(operated, Reading):
        dated = next(
            (t for t in dated_types if isinstance(t, Reading) and t.sentence is operated.sentence),
            dated,
        )
        # Every surgery dated, each with the procedure its sentence names, for the items that
        # ask about the part of a later one (`item.surgery_of_the_part`).
        days = [f for f in facts if f.name == "surgery_date" and isinstance(f, Reading)]
        if len({day.value for day in days}) > 1:
            chosen[SURGERIES] = Reading(
                SURGERIES,
                tuple(
                    (
                        day,
                        next(
                            (
                                t
                                for t in dated_types
                                if isinstance(t, Reading) and t.sentence is day.sentence
                            ),
                            None,
                        ),
                    )
                    for day in days
                ),
                operated.sentence,
                operated.start,
                operated.end,
            )
    # A surgery told by the time since it ("6 weeks post-op") where no sentence dates one.
    elapsed = chosen.pop(ELAPSED_SURGERY_DATE, None)
    elapsed_type = chosen.pop(ELAPSED_SURGERY_TYPE, None)
    # (Kept under their reported names as new readings: the ones read are settled again when an
    # old trauma is set aside, and must keep their own names for it.)
    if isinstance(elapsed, Reading) and "surgery_date" not in chosen:
        chosen["surgery_date"] = renamed(elapsed, "surgery_date")
        if dated is None:
            dated = elapsed_type
    unnamed = chosen.pop(UNNAMED_SURGERY_TYPE, None)
    if dated is None and "surgery_type" not in chosen:
        dated = unnamed
    if isinstance(dated, Reading):
        chosen["surgery_type"] = renamed(dated, "surgery_type")
    # What is read on the way to other facts (per therapy, `~...`) stays a reading: it is never
    # reported, and a `Fact` costs more to build.
    return [
        f.fact() if isinstance(f, Reading) and not is_per_therapy(f.name) else f
        for f in chosen.values()
    ]
