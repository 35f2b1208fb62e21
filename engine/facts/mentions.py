"""The findings that `findings.yaml` lists (deficits, red flags, functional improvement, care
that helped ...): each phrase found, with its negation or history, its body part, and the flags
of its spec (on examination only, done not planned, of this patient).
"""

from __future__ import annotations

import re

from engine.caseless import holds_every
from engine.facts.figures import ARROW
from engine.facts.findings import words_at_marks
from engine.facts.model import IMPROVED, SITE, UNNAMED
from engine.facts.prior_treatment import days_ended, therapies_named
from engine.facts.sentences import (
    ANOTHERS_WORDS,
    OF_PATIENT,
    SYMPTOM_WORDS,
    Reader,
    phrase_position,
    sites_of,
)
from engine.facts.surgery import OFFERED_BEFORE, named_with_site
from engine.negation import Status
from engine.vocab import normalize_phrase

# "... urine toxicology screen performed today": done, whatever the sentence plans besides.
_DONE_AFTER = re.compile(
    r"\W+(?:(?!(?:be|to|will|should|would)\b)\w+\W+){0,2}?"
    r"(?:performed|done|obtained|collected|completed|administered|showed|"
    r"revealed|was\s+(?:consistent|inconsistent|negative|positive))\b",
    re.I | re.ASCII,
)
# The mention's own words telling it as under way or done, in a sentence that asks for more:
# "I am asking that the TENS unit Ms. Rocha has been renting be purchased".
_DONE_WITHIN = re.compile(
    r"\b(?:has|have|had)\s+been\s+(?:renting|using|wearing)\b", re.I | re.ASCII
)
# A thing whose results a letter sets out was done, whoever ordered it: "here is the result of
# the home TENS rental trial I prescribed" (not results to be reviewed: "Plan: review the
# results of the TENS trial at next visit").
_RESULT_OF_BEFORE = re.compile(
    r"\b(?:here\s+(?:is|are)|(?:these|below|following)\s+(?:is|are)|i\s+(?:am\s+)?(?:enclose|enclosing|"
    r"attach|attaching|report|reporting|summari[sz]e|summari[sz]ing))\s+the\s+(?:results?|outcome)\s+"
    r"(?:of|from)\s+(?:the|this|that|his|her)\s+(?:[\w-]+\s+){0,3}\Z",
    re.I | re.ASCII,
)
# The subject named last of the four A's the visit went over, and nothing the review found
# after the verb: "analgesia, activity, adverse effects and aberrant behavior reviewed, goals
# met" (not "aberrant behavior reviewed: early refills twice", "... were addressed; he admitted
# to taking extra tablets").
_REVIEWED_AFTER = re.compile(
    r"\s*(?:(?:was|were|is|are|has\s+been|have\s+been)\s+)?"
    r"(?:reviewed|assessed|discussed|addressed|monitored|evaluated|documented)"
    r"(?:\s+(?:with\s+(?:the\s+)?(?:patient|pt)|today|at\s+this\s+visit))?"
    r"\s*(?:$|\.|,\s*(?:goals?\b|all\b|stable\b|no\s+changes?\b|(?:and\s+)?(?:plan|continue)\b)|;\s*none\b)",
    re.I | re.ASCII,
)
# The four A's of opioid monitoring named before it in its clause.
_FOUR_AS_BEFORE = re.compile(
    r"\b(?:analgesia|activity|activities|adverse\s+effects|side\s+effects)\b[^.;:]*\Z",
    re.I | re.ASCII,
)
# A past-history list ("PMH: bleeding duodenal ulcer 2012, HTN"): the events in it are past,
# while the lasting conditions beside them (HTN, fibromyalgia) are still the patient's, so it is
# no history cue for every finding, only for those that are events (`history_is_fact`).
_HISTORY_LIST = re.compile(
    r"^\W*(?:pmh|pmhx|psh|pshx|past\s+(?:medical|surgical)\s+history|medical\s+history|"
    r"surgical\s+history|(?:gi|gastrointestinal)\s+history)\b"
    # "Her history includes a duodenal ulcer diagnosed in 2012", "His medical history is notable
    # for ...".
    r"|^\W*(?:(?:his|her|the\s+patient'?s|the\s+injured\s+worker'?s)\s+)?(?:past\s+)?(?:medical\s+)?"
    r"history\s+(?:includes|included|is\s+(?:notable|significant|remarkable)\s+for)\b",
    re.I | re.ASCII,
)
_GRADE = re.compile(r"[0-5][+-]?\s*/\s*5", re.ASCII)
# An event dated in a year just before it: "hospitalized in 2012 for a bleeding duodenal ulcer".
# (Also opening the sentence: "In 2014 he was admitted with a bleeding duodenal ulcer"; a season
# or a part of the year, the year in words: "In the spring of two thousand ten he was in the
# hospital with a bleeding ulcer".)
_YEAR_PAST = (
    r"\b(?:in|since|during)\s+(?:(?:early|late|mid)\s+|the\s+(?:spring|summer|fall|autumn|winter|"
    r"beginning|start|middle|end)\s+of\s+)?"
    # (A month before the year: "in June 2012", "in 06/2012".)
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:of\s+)?|"
    r"\d{1,2}/)?"
    r"(?:(?:19|20)\d\d\b|two\s+thousand\b|nineteen\s+(?:seventy|eighty|ninety)\b)"
    # A clinical event of a year, what it found told after its colon: "EGD 2013 in file: bleeding
    # duodenal ulcer", "admission 06/2014: ...". (Not a consultation's: what it offered is told
    # so too, "Spine consultation 2026: C5-6 ACDF offered".)
    r"|\b(?:endoscopy|egd|colonoscopy|admission|hospitali[sz]ation|discharge\s+summary)\s+"
    r"(?:of\s+|from\s+|dated\s+)?(?:\d{1,2}/)?"
    r"(?:19|20)\d\d\b(?=[^.;:]{0,20}:)"
)
_PAST_YEAR = re.compile(_YEAR_PAST, re.I | re.ASCII)
# Right after the event only (not before it: "She was told two years ago that she needs a carpal
# tunnel release"): its month and year, or the years ago ("a bleeding ulcer four years ago").
_MONTH_YEAR_AFTER = re.compile(
    r"\s*,?\s*\(?\s*\d{1,2}/(?:19|20)\d\d\b"
    r"|\s+(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+years\s+ago\b",
    re.I | re.ASCII,
)
# The year that opens the sentence dates all of it, however far the event is from it.
_PAST_YEAR_OPENING = re.compile(r"^\W*" + _YEAR_PAST, re.I | re.ASCII)
# The while a help lasted, right after it: "helped ~2 weeks", "helped for less than 10 days",
# "helped for a week", "helped only temporarily".
# The pain's fall may come between: "reduced her pain from 7/10 to 4/10 for several hours".
_FOR_A_WHILE = re.compile(
    rf"(?:\s*from\s+\d{{1,2}}(?:/10)?\s+(?:to|{ARROW})\s+\d{{1,2}}(?:/10)?)?"
    r"\s*(?:(?:for|x)\s+)?(?:only\s+)?(?:(?:~|<|about|approx\.?|approximately|less\s+than|under|"
    r"around|maybe|roughly|nearly)\s*)?(?:\d{1,2}|several|a\s+few|a\s+couple\s+of|an?\b)\s*"
    r"(?:days?|d|weeks?|wks?|hours?|hrs?)\b|\s*(?:only\s+)?(?:temporarily|briefly|transiently)\b",
    re.I | re.ASCII,
)
# Better in one way with a symptom of its own still there in the same sentence: "quad strength
# improved, but the knee still catches and locks", "pain better but the locking continues",
# "improving but recurrent catching". The care has not resolved it (ACOEM's surgical and imaging
# considerations: symptoms that persist despite conservative care). Care that helped while the
# patient goes on with pain ("have helped but continues with hand pain") still helped.
_BUT_STILL = re.compile(
    r"[^.;]{0,40}?\b(?:but|however|yet)\s+(?:(?:recurrent|persistent|persisting|ongoing)\b|"
    r"(?:(?:the|his|her|its)\s+)?(?!(?:still|continues|continued|remains|has|is|with)\b)"
    r"[a-z]+(?:\s+[a-z]+)?\s+(?:still|persists|persisting|continues|continued|remains|recurs)\b)",
    re.I | re.ASCII,
)
# A test's result right after it, in its clause: "UDS on 3/30 was negative", "drug screen
# negative for all substances".
_RESULT_AFTER = re.compile(
    r"[^,;:.]{0,40}?\b(?:was|were|is|are|came\s+back)?\s*(?:negative|normal|unremarkable|clean|"
    r"consistent|inconsistent|positive)\b"
    # The result after a comma, said of the test's own reading: "Baseline UDS collected today,
    # POC negative".
    r"|[^,;:.]{0,40}?,\s*(?:poc|point[\s-]of[\s-]care|in[\s-]office|cup|results?)\s+"
    r"(?:was\s+|were\s+|is\s+|are\s+)?(?:negative|positive|consistent|inconsistent|clean)\b",
    re.I | re.ASCII,
)
_NEGATION_EARLIER = re.compile(
    r"\b(?:no|not|denies|denied|denying|without|negative\s+for|neg\s+for|never|none)\b",
    re.I | re.ASCII,
)
_SELF_NEGATED = re.compile(r"(?:no|not|never|nothing|none)\b", re.I | re.ASCII)
_NEGATION_JUST_BEFORE = re.compile(
    r"\b(?:no|not|never|without|denies|denied|non|nor|neither|none)\W+(?:(?:a|an|the|any)\W+)?\Z",
    re.I | re.ASCII,
)
_POSITIVE = re.compile(r"\bpositive\b|\(\+\)", re.I | re.ASCII)
# A sign told by what it brought on: "the straight leg raise on the left brings on his leg pain
# at forty degrees", "Spurling's test reproduces her arm pain", "tapping over the wrist brings on
# the numbness". Back pain alone ("SLR produces LBP only", "sends pain to the low back only") is
# no positive straight leg raise.
_PROVOKING = (
    r"\b(?:(?:brings?|brought|bringing)(?:\s+\w+){0,3}?\s+on|reproduc(?:es|ed|ing)|"
    r"provok(?:es|ed|ing)|elicit(?:s|ed|ing)|sends?|sent|causes?|caused|produces?|produced|"
    # What it brought on told as its subject: "the tingling shot into those fingers", "the
    # numbness came on in the right hand".
    r"shot|shoots|came\s+on|comes\s+on)\b"
    r"(?!\s+(?:only\s+)?(?:pain\s+(?:in|to|into)\s+)?(?:his\s+|her\s+|the\s+)?"
    r"(?:(?:low(?:er)?\s+)?back|lbp|axial|local)\b)"
)
_PROVOKES_WITHIN = re.compile(_PROVOKING, re.I | re.ASCII)
# After the sign, in its own clause, with no denial before the verb ("does not bring on").
_PROVOKES_AFTER = re.compile(
    r"(?:(?!\b(?:and|but|not|never|no|without)\b|n't\b)[^.;,]){0,60}?" + _PROVOKING,
    re.I | re.ASCII,
)
# An examination sign's own result, written just after it in its clause: "Tinel +", "Phalen's
# sign (+) at 40 s", "Tinel's positive"; "Phalen -", "Durkan's negative". It decides the sign
# whatever cue of a neighbouring sign reaches it ("Phalen's negative, Tinel's positive"). The
# side may come between: "SLR L + at 45 deg", "Spurling R (-)".
_OWN_RESULT = re.compile(
    r"(?:'s)?\s*(?:sign|test)?(?:\s+(?:r|l|rt|lt|right|left|bilat|bilateral|bilaterally|b/l)\b)?"
    # A form's ticked box before the result: "McMurray [x] + medial".
    r"(?:\s*\[\s*x\s*\])?"
    r"\s*(?:(?P<positive>\+|\(\+\)|positive\b|pos\b)|"
    r"(?P<negative>-(?!\d)|\(-\)|negative\b|neg\b))",
    re.I | re.ASCII,
)

# A finding charted absent by a minus sign after it, ending its item: "saddle numbness -,",
# "fever -.", "cancer hx -)". (Not "\u0394 -", no change, which leaves it as it was; nor a dash that goes on:
# "LBP - worse with sitting", "L4-5"; nor one at a line's end or before a colon, which the next
# words may carry on: "Saddle anesthesia -\nonset 2 days ago", "Saddle anesthesia -: since
# yesterday".)
_CHARTED_ABSENT = re.compile(
    r"(?:\s+(?:hx|h/o))?(?:\s+-|\s*\(-\))(?=[ \t]*(?:[,;.)]|\Z))",
    re.I,
)

# A heading whose every item after its colon is charted absent, to the sentence's end:
# "Aberrant behavior: early refills -, lost Rx -, ED visits -, other prescribers -."
_HEADING_OF_CHARTED_ABSENT = re.compile(
    r"\s*:\s*(?:[a-z][\w/' ]{0,30}?\s+(?:-|\(-\))\s*(?:[,;]\s*(?:and\s+)?|\.?\s*\Z))+", re.I
)

# The result written just before the sign, as notes chart it: "+SLR L at 50 deg", "Neg SLR".
_OWN_RESULT_BEFORE = re.compile(
    r"(?:(?P<positive>\(\+\)|\+)|(?P<negative>\(-\)|\bneg\b))\s*\Z", re.I | re.ASCII
)


def finding_mentions(reader: Reader) -> None:
    """Every finding of findings.yaml the sentence names, by phrase or by pattern."""
    findings, lowered = reader.findings, reader.lowered
    # One phrase at a place, longest first: "4+/5" is not also "5".
    for said in findings.phrase_pattern.finditer(reader.plain, reader.words):
        at = phrase_position(lowered, said[1])
        if at is not None:
            for name, when_stated in findings.phrase_meaning[said[1]]:
                mention(reader, name, when_stated, *at)
    held = findings.pattern_words & reader.words
    if not held:
        return
    index = findings.pattern_index
    words = words_at_marks(reader.plain, reader.words)
    # The findings the sentence's pattern words let match, in the order of findings.yaml. Each
    # expression's test is made here (`GatedPattern.finditer`, without its two calls): a letter
    # asks over a hundred, and nine in ten are ruled out, most by the words they open with.
    for place in sorted({place for word in held for place in index[word]}):
        name, patterns = findings.patterns[place]
        for pattern in patterns:
            opening = pattern.opening
            if opening is not None and opening.isdisjoint(words):
                continue
            if holds_every(lowered, pattern.needed):
                for found_at in pattern.lowered.finditer(lowered):
                    mention(reader, name, True, found_at.start(), found_at.end())


def reported_here(text: str, start: int, end: int) -> bool:
    """Whether the clause of a mention is what the patient reports ("reports weakness"), not
    the examination beside it: "he reports dropping cups at home; triceps is now 4-/5"."""
    if ";" not in text:
        return True
    clause_end = text.find(";", end)
    clause = text[text.rfind(";", 0, start) + 1 : clause_end if clause_end >= 0 else len(text)]
    return not SYMPTOM_WORDS.isdisjoint(normalize_phrase(clause).split())


def lasted_briefly(reader: Reader, end: int) -> bool:
    """Whether the help named just before `end` lasted only a while: "helped ~2 weeks",
    "helped for about ten days" (a while told in words as well), "helped only temporarily"."""
    return _FOR_A_WHILE.match(reader.figures, end) is not None


_WITH_THE_DRUG = re.compile(
    r"(?:w/|with|on)\s*(?:meds?|medications?|it|them|the\s+meds?|the\s+medications?|"
    r"(?:his|her)\s+(?:meds?|medications?))\b",
    re.I | re.ASCII,
)


# What a drug did, ending right where the sign begins, in the sign's own clause: "stopped after
# three weeks for", "discontinued due to", "caused".
_DRUG_EFFECT_TAIL = re.compile(
    r"\b(?:(?:stopped|discontinued|d/c\W?d|held|quit)\b[^;.,]{0,30}?\b(?:for|due\s+to|because\s+of)"
    r"|caused|causing)\s+(?:\w+\s+(?:and\s+)?){0,2}\Z",
    re.I | re.ASCII,
)


# The stop with nothing else stopped between it and why: "stopped after three weeks for" (not
# "stopped work 02/20 because of", "stopped PT after 3 visits because of").
_STOPPED_ITSELF = re.compile(
    r"(?:stopped|discontinued|d/c\W?d|held|quit)\s+(?:it\s+|them\s+)?"
    r"(?:(?:after|within|at|in|on|by)\s+(?:\w+\s+){0,3}?)?(?:for|due\s+to|because\s+of)\b",
    re.I | re.ASCII,
)


def drug_effect_before(reader: Reader, start: int) -> bool:
    """Whether the clause of a finding tells it as what a drug named in that clause did:
    "nortriptyline stopped for sedation and urinary retention", "oxycodone caused urinary
    retention". Not a sign told beside a drug ("Norco held tonight; sent to ED for saddle
    anesthesia"), nor one an injury caused."""
    text = reader.text
    opens = max(text.rfind(mark, 0, start) for mark in ";.,") + 1
    clause = text[opens:start]
    tail = _DRUG_EFFECT_TAIL.search(clause)
    if tail is None:
        return False
    named = clause[: tail.start()]
    if not named.strip() and text[opens - 1 : opens] == "," and _STOPPED_ITSELF.match(tail[0]):
        # The stop opens its clause, the drug the one before the comma: "Nortriptyline 25 mg
        # tried early 2016, stopped after three weeks for orthostatic dizziness and urinary
        # hesitancy".
        named = text[max(text.rfind(mark, 0, opens - 1) for mark in ";.,") + 1 : opens - 1]
    drugs = reader.findings.drug_name
    return any(word in drugs for word in normalize_phrase(named).split())


_PATIENT_WORDS = frozenset(["she", "he", "patient", "pt", "claimant", "applicant"])
_OBJECT_WORDS = frozenset(
    ["with", "for", "from", "by", "to", "per", "of", "and", "about", "when", "a", "accompanied"]
)
_FAMILY_HEADING = re.compile(r"^\W*(?:fh|fhx|family\s+(?:medical\s+)?history)\b", re.I | re.ASCII)


def another_persons(reader: Reader, start: int) -> bool:
    """Whether a finding at `start` is told of another person: under a family-history heading,
    or with a relative named before it in its clause."""
    if _FAMILY_HEADING.match(reader.text):
        return True
    if reader.words.isdisjoint(ANOTHERS_WORDS):
        return False
    text = reader.text
    clause = normalize_phrase(
        text[max(text.rfind(";", 0, start), text.rfind(".", 0, start)) + 1 : start]
    ).split()
    # The relative as the one the clause tells of: not the patient after it ("Per her daughter,
    # who interprets, she had ..."), nor a relative only the object of a word ("lives with her
    # daughter, s/p L4-5 fusion 2015"), nor a clause the patient opens ("She cares for her mother
    # and had a carpal tunnel release").
    if clause[:1] and clause[0] in _PATIENT_WORDS:
        return False
    for at, word in enumerate(clause):
        if word in ANOTHERS_WORDS:
            before = clause[max(0, at - 2) : at]
            after = clause[at + 1 :]
            if _OBJECT_WORDS.isdisjoint(before) and _PATIENT_WORDS.isdisjoint(after):
                return True
    return False


# A field's label after a finding's name: "Homebound status:", "Red flags screen:".
_FIELD_LABEL = re.compile(
    r"\s+(?:status|screen|screening|criteria|assessment)\s*:", re.I | re.ASCII
)


# The heading's value a list of two denied items or more, every one denied, to the sentence's
# end ("Aberrant behavior: no early refills, no lost Rx, no other prescribers."; not "Urinary
# retention: not resolved, straight cath x2", nor "no early refills; UDS positive for cocaine").
_DENIED_ITEM = r"(?:no|denies|denied|negative\s+for)\s+[^.;,]+"
_LABEL_DENIED = re.compile(
    rf"\s*:\s*{_DENIED_ITEM}(?:[,;]\s*(?:and\s+|or\s+)?{_DENIED_ITEM})+\s*(?:\.|$)",
    re.I | re.ASCII,
)


def mention(reader: Reader, name: str, when_stated: bool | None, start: int, end: int) -> None:
    """One finding named at a place of the sentence, read as its spec says."""
    text, words, findings = reader.text, reader.words, reader.findings
    spec = findings.findings[name]
    if spec.exam_only and not words.isdisjoint(SYMPTOM_WORDS) and reported_here(text, start, end):
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
    if (
        spec.done_only
        and reader.planned
        and not _DONE_AFTER.match(text, end)
        and not _DONE_WITHIN.search(text, start, end)
        and not _RESULT_OF_BEFORE.search(text, max(0, start - 60), start)
        # (Nor over days now past: "TENS rental 09/12-10/11/2016, ordered with written goals";
        # not under a plan's heading, "Plan: TENS trial 10/01-10/31/2026".)
        and not ("plan" not in reader.words and days_ended(reader, end))
    ):
        return
    if spec.not_a_drug_effect and drug_effect_before(reader, start):
        return
    if spec.of_patient and reader.sentence.source == "rationale" and not OF_PATIENT.search(text):
        return
    if (
        spec.lasting_only
        and when_stated
        and (_BUT_STILL.match(text, end) or lasted_briefly(reader, end))
    ):
        return
    # The finding's name as the label of a field whose value names it again ("Homebound status:
    # not homebound"): the value tells it. (A value that does not, "CURES status: reviewed",
    # leaves the label's reading.)
    if (
        when_stated
        and (label := _FIELD_LABEL.match(text, end)) is not None
        and text.lower().find(text[start:end].lower(), label.end(), label.end() + 40) >= 0
    ):
        return
    if when_stated is None:
        # A `denied` phrase: only its denial says anything of the finding.
        if reader.status_at(start, end) is Status.ABSENT:
            reader.add(name, False, start, end)
        return
    own = _OWN_RESULT.match(text, end) if spec.needs_polarity else None
    if own is None and spec.needs_polarity:
        own = _OWN_RESULT_BEFORE.search(text, max(0, start - 8), start)
    if own is not None:
        reader.add(name, own["positive"] is not None, start, end)
        return
    # A strength grade is a measurement: "w/o gains in strength (ER 4-/5)" still grades the
    # muscle 4-/5; a cue about the words around it does not deny what was measured.
    # A `normal` phrase that carries its own negation ("no other sleep measures", "not at MMI")
    # is the negative statement as written: a cue before it belongs to another clause ("No
    # sleep study has been done and no other sleep measures have been tried"), and a double
    # negation is not what the note means.
    if _GRADE.fullmatch(text, start, end) or (
        not when_stated and _SELF_NEGATED.match(text, start, end)
    ):
        status = Status.PRESENT
    elif (
        when_stated
        and "-" in text
        and (
            _CHARTED_ABSENT.match(text, end) is not None
            or _HEADING_OF_CHARTED_ABSENT.fullmatch(text, end) is not None
        )
    ):
        status = Status.ABSENT
    elif when_stated and _LABEL_DENIED.match(text, end) is not None:
        # The finding's name as a heading whose items are denied ("Aberrant behavior: no early
        # refills, no lost Rx, no other prescribers"): the heading tells what its items tell.
        # (An item told present after it is read on its own, and a finding present anywhere
        # stands: `settle`.)
        status = Status.ABSENT
    else:
        status = reader.status_at(start, end)
    if not when_stated and status is Status.ABSENT:
        # A normal finding states its own result: a negated list before it ("Negative SLR,
        # normal strength"; "No tenderness, reflexes 2+") ends at the clause mark and does not
        # turn the normal examination into a deficit. Only a cue in its own clause negates it
        # ("not neurologically intact").
        status = reader.status_in_own_clause(start, end)
        # Within the clause too, a negation of an earlier item ("No early refills and a single
        # prescriber") is that item's: only a cue right before the normal finding turns it
        # ("not a single prescriber").
        if status is Status.ABSENT and not _NEGATION_JUST_BEFORE.search(
            text, max(0, start - 40), start
        ):
            status = Status.PRESENT
    if spec.history_is_fact and another_persons(reader, start):
        # A relative's past event is not the patient's: "FH: mother had a bleeding ulcer in
        # 2012", "Her husband had a lumbar laminectomy in September".
        return
    if spec.history_is_fact:
        # Only a past event counts: a surgery merely named may be the one requested.
        if status is Status.HISTORICAL or (
            status is Status.PRESENT
            and (
                _HISTORY_LIST.match(text) is not None
                or (
                    not reader.planned
                    # (A surgery offered in a past year was not done then.)
                    and OFFERED_BEFORE.search(text, max(0, start - 60), start) is None
                    and (
                        _PAST_YEAR.search(text, max(0, start - 60), start) is not None
                        or _PAST_YEAR_OPENING.match(text) is not None
                        # "a bleeding duodenal ulcer in 2013": the year right after it, or its
                        # month and year ("bleeding duodenal ulcer 03/2012").
                        or _PAST_YEAR.match(text, end + 1, end + 20) is not None
                        or _MONTH_YEAR_AFTER.match(text, end) is not None
                    )
                )
            )
        ):
            if not spec.internal:
                reader.add(name, True, start, end)
            for implied in spec.implies:
                reader.add(implied, True, start, end)
            if spec.kind_fact:
                kind = named_with_site(text, start, end)
                reader.add(spec.kind_fact, kind[0], kind[1], kind[2])
        return
    # A suspicion inside a negated list ("no suspicions of red flag findings, such as ...
    # myelopathy") takes the list's negation too, before a suspicion can count as stated.
    if status in (Status.PRESENT, Status.POSSIBLE) and when_stated and not reader.is_quiet():
        inherited = reader.inherited(start, status)
        status = inherited if status is Status.PRESENT or inherited is Status.ABSENT else status
    if status is Status.POSSIBLE and spec.suspected_counts:
        status = Status.PRESENT
    # (Not in a list a negation opens, whose reach the cue window may not cover: "denies fever,
    # chills, night sweats, unexplained wt loss, hx of cancer".)
    if (
        status is Status.HISTORICAL
        and spec.history_counts
        and not _NEGATION_EARLIER.search(text, text.rfind(";", 0, start) + 1, start)
    ):
        status = Status.PRESENT
    if status is Status.ABSENT and spec.result_is_done and _RESULT_AFTER.match(text, end):
        status = Status.PRESENT
    if status in (Status.POSSIBLE, Status.HISTORICAL):
        return
    stated = status is Status.PRESENT
    if (
        stated
        and spec.reviewed_is_topic
        and _REVIEWED_AFTER.match(text, end) is not None
        and _FOUR_AS_BEFORE.search(text, 0, start) is not None
    ):
        return
    if not stated and spec.negated_is_undocumented:
        return
    value = stated if when_stated else not stated
    if spec.needs_polarity:
        if stated and not (_POSITIVE.search(text) or provoked(text, start, end)):
            return
        value = stated
    if spec.per_therapy:
        # A gain told as the drug's ("with it he walks 30 min, ... drives to CBT"): of the
        # treatment so far, not of a therapy the sentence names only as a place to go.
        named = [] if _WITH_THE_DRUG.match(text, start) else therapies_named(reader)
        # Without a therapy named, of the treatment so far (`UNNAMED`): a note written for a
        # therapy request gives it to that therapy where it documents visits of it.
        for therapy in named or [UNNAMED]:
            reader.add(f"{IMPROVED}{therapy}", value, start, end)
        return
    if not spec.internal:
        reader.add(name, value, start, end)
    if value:
        for implied in spec.implies:
            reader.add(implied, True, start, end)
    if name in findings.sites:
        for region in sites_of(text, start, end, findings.sites[name]) or [""]:
            reader.add(f"{SITE}{name}:{region}", value, start, end)


def provoked(text: str, start: int, end: int) -> bool:
    """Whether a sign is told positive by what it brought on, in its own words or right after."""
    # A verb that starts within the mention may end after it ("brings the arm pain on").
    within = _PROVOKES_WITHIN.search(text, start)
    return (within is not None and within.start() < end) or _PROVOKES_AFTER.match(
        text, end
    ) is not None
