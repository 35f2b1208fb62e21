"""Function: pain scores ("7/10") and work status, which the functional-improvement and
return-to-work criteria read.
"""

from __future__ import annotations

import re
from datetime import date

from engine.caseless import Caseless
from engine.conclusions import calendar_date
from engine.facts.figures import ARROW
from engine.facts.follow_ups import Anaphor
from engine.facts.model import IMPROVED, UNNAMED
from engine.facts.prior_treatment import therapies_named
from engine.facts.sentences import Reader, Reading, phrase_position

# ("Ache 6/10": the patient's word for it.)
# (Or the patient's rating of the part: "still rates the knee 6/10 by the end of a shift",
# "headaches rated 6-8 out of 10"; not her sleep, her fear or a function scale.)
_PAIN_WORD = Caseless(
    re.compile(
        r"\b(?:pain|ache|aches|aching"
        r"|(?:rates|rated)\s+(?:(?:the|her|his|its)\s+)?(?:(?:left|right|l|r)\s+)?(?:knee|back|neck|"
        r"shoulder|wrist|hip|leg|arm|ankle|foot|elbow|hand|headaches?)"
        r"|headaches?\s+(?:rated|rates))\b",
        re.I | re.ASCII,
    )
)
# "7/10", "8 out of 10", "3 of 10"; a range "7-8 out of 10" counts as its upper end.
# Not inside a date: "the report dated 8/10/2014" is no pain score of 8.
_PAIN = re.compile(
    # (Not a day of a month: "reduced to 600 mg/day on 8/10 with no rise in pain".)
    r"(?<![/\d])(?<!\bon\s)(?<!\bsince\s)(?<!\buntil\s)(?<!\bdated\s)(?<!\bthrough\s)"
    r"\b(?P<score>10|[0-9])(?:\s*-\s*(?P<upper>10|[0-9]))?\s*(?:/|(?:out\s+)?of)\s*10\b"
    r"(?![/-]\d)",
    re.I | re.ASCII,
)
_FROM_BEFORE = re.compile(
    r"\bfrom\s+(?:a\s+|an\s+)?(?:about\s+|around\s+|approximately\s+|roughly\s+)?\Z",
    re.I | re.ASCII,
)
# The score a change goes to, told without its scale: "comes down from about 8 out of 10 to 4".
_BARE_SCORE_AFTER = re.compile(
    rf"\s*(?:{ARROW}|to|down\s+to)\s*(?:about\s+|around\s+)?(?P<score>10|[0-9])\b"
    r"(?!\s*(?:/|-|out\b|of\b|\.\d))",
    re.I,
)
# A score marked as the one before the care: "8/10 before gabapentin", "7/10 prior to the
# injections", "8/10 before he started the patch" (`before_care`; not "before bed", "prior to
# work").
_BEFORE_CARE = re.compile(
    r"\s+(?:before|prior\s+to)\s+((?:[a-z-]+\s+){0,3}[a-z-]+)", re.I | re.ASCII
)
# (A drug's words only: relief told against a drug is the drug's, `item.item_facts`.)
_CARE_NOUNS = frozenset(
    ["medication", "medications", "meds", "medicine", "dose", "doses", "pill", "pills", "tablet",
     "tablets", "patch", "patches", "titration", "opioids", "nsaids"]
)  # fmt: skip


# A procedure's or another treatment's words, for a score told as the one before it ("8/10
# before surgery", "7/10 before therapy"): past, but no relief of a drug.
_PROCEDURE_NOUNS = frozenset(
    ["surgery", "injection", "injections", "esi", "block", "blocks", "procedure", "operation",
     "therapy", "pt", "acupuncture", "chiropractic", "tens", "treatment", "treatments"]
)  # fmt: skip


def before_care(reader: Reader, text: str, at: int, procedures: bool = False) -> bool:
    """Whether the words at `at` mark a score as the one before a drug: "8/10 before
    gabapentin", "before we added gabapentin", "prior to the patches"; with `procedures`, also
    before a procedure ("8/10 before surgery")."""
    told = _BEFORE_CARE.match(text, at)
    if told is None:
        return False
    words = told[1].lower().split()
    return any(
        w in _CARE_NOUNS or w in reader.findings.drug_name or (procedures and w in _PROCEDURE_NOUNS)
        for w in words
    )


# "7/10 -> 4/10", "8/10 to 3/10": the score before the arrow is the one the change starts from.
# "VAS 8/10 before titration, now 4-5/10", "was 7/10, currently 3/10": the score now follows.
_CHANGED_TO = re.compile(
    # (A word of when may come between: "8/10 before -> 4/10 now".)
    r"(?:\s+(?:before|previously|initially|at\s+(?:baseline|intake|the\s+start)|pre-?\w+))?"
    rf"\s*(?:{ARROW}|to|down\s+to|now"
    r"|[^.;0-9]{0,40}?\b(?:now|currently)\s+(?:(?:at|is)\s+)?(?:[0-9]\s*-\s*)?)"
    # (The score now may be a range: "8/10 -> 2-3/10".)
    r"\s*(?:10|[0-9])(?:\s*-\s*(?:10|[0-9]))?\s*(?:/|of)",
    re.I,
)


def pain_scores(reader: Reader) -> None:
    """ "Pain 7/10", "seven out of ten": the current score, not the one a change starts
    from."""
    text = reader.text
    if "ten" in reader.words and "pain" in reader.words:
        text = reader.figures  # dictated: "the leg pain remains seven out of ten"
    if (
        (reader.has_digit or text is not reader.text)
        and "10" in text
        and _PAIN_WORD.search(text, reader.lowered)
    ):
        scores = list(_PAIN.finditer(text))
        # "decreased from 8/10 to 4/10", "6/10, down from 9/10": the score a change starts from
        # is the past one; the current is the other. Whether "from" comes right before a score
        # is read once for both (and only where the sentence has the word).
        has_from = "from" in reader.lowered
        from_before = [
            has_from and _FROM_BEFORE.search(text, 0, p.start()) is not None for p in scores
        ]
        current = [
            p
            for p, past in zip(scores, from_before, strict=True)
            if not past
            and not _CHANGED_TO.match(text, p.end())
            and not before_care(reader, text, p.end(), procedures=True)
        ]
        for p, past in zip(scores, from_before, strict=True):
            if past and (now := _BARE_SCORE_AFTER.match(text, p.end())):
                current.append(now)
        for pain in current or scores:
            upper = pain.groupdict().get("upper")
            reader.add("pain_score", int(upper or pain["score"]), pain.start(), pain.end())


_FULL_TIME_OPENING = re.compile(
    # (Or a line of its own: a table's row before it, "ODI ...: 34%\n  Works full time ...".)
    r"(?:^|(?<=\n))\W*(?:(?:currently|employment|work|work\s+status|function|functional\s+status)\s*:?\s*)?"
    r"(?:(?:he|she|the\s+patient|patient|pt)\s+)?(?:is\s+|has\s+been\s+)?(?:currently\s+)?"
    r"(?:works|working)\s+full[\s-]time\b"
    r"(?![^.;]{0,40}\b(?:goal|before|prior|previously|until|planned|hoped|at\s+the\s+time\s+of|"
    r"when\s+(?:he|she)\s+was\s+injured)\b)",
    re.I | re.ASCII,
)
# A restriction told with it: "Works full time, no lifting >35 lb" is modified duty.
_RESTRICTION_TOLD = re.compile(
    r"\b(?:no\s+(?:lifting|climbing|ladders|kneeling|overhead|bending)|lifting\s+limit|"
    r"(?:restricted|limited)\s+to|\d+\s*(?:lb|lbs|pounds)\s+(?:limit|max(?:imum)?|restriction))\b",
    re.I | re.ASCII,
)
# (Not a plain "was": a record tells the present in the past tense, "The injured worker was
# temporarily totally disabled for one month".)
_WAS_BEFORE = re.compile(r"(?:\(\s*was|\bpreviously|\bformerly|\bhad\s+been)\s+\Z", re.ASCII)
# The time before a return the sentence tells: "back at part-time bookkeeping ..., after being off
# work since 2015" (not "depressed after being off work for a year", a status that holds).
_BEFORE_A_RETURN = re.compile(r"\bafter\s+(?:being|having\s+been)\s+\Z", re.ASCII)
_RETURN_WORDS = frozenset(["back", "returned"])
# A status reached on a day, which is no status ahead: "before full duty resumed on 09/15/2026".
_DATED_AFTER = re.compile(
    r"\s+(?:release|released|resumed|clearance|cleared|began|started)\b[^.;]{0,20}?\bon\s+\d",
    re.ASCII,
)
# A status ahead, what the care works toward: "to finish strengthening before full duty",
# "restrictions until full duty" (not one held).
_AHEAD_OF = re.compile(
    r"\b(?:before|until|till|toward|towards|in\s+time\s+for|ahead\s+of)\s+"
    r"(?:(?:a|the|his|her|returning\s+to|return\s+to|resuming|resumption\s+of)\s+)?\Z",
    re.ASCII,
)
_WAS_AFTER = re.compile(
    r"\s+(?:before|previously|prior\s+to|at\s+(?:the\s+)?(?:trial\s+)?start|at\s+intake|"
    # A trial of it that ended: "Full-duty trial 10/01 ended after 3 shifts".
    r"trial\b(?=[^.;]{0,40}\b(?:ended|failed|stopped|unsuccessful)\b)|"
    r"at\s+the\s+outset"
    # A past year named after it as the whole time it held: "(off work all of 2016)". (Not
    # "TTD until 07/15/2017", which holds now, nor "laid off in 2016", which began then.)
    r"|(?:all\s+of|during|throughout|for\s+(?:most|much)\s+of)\s+(?:\d{4}|last\s+year))\b",
    re.ASCII,
)
# A return tried or out of reach is no status held: "Two attempts at return to regular duty
# ... failed", "unable to return to full duty".
_RETURN_TRIED = re.compile(
    r"\b(?:(?:attempts?|tries|trials?)\s+(?:at|to|of)\s+(?:a\s+)?|(?:unable|not\s+able|failed)\s+to\s+"
    r"|could\s+not\s+|cannot\s+|(?:tried|attempted|trying|attempting)\s+to\s+)return(?:ing)?\s+to\s+\Z"
    # A trial of the duty itself: "A trial of full duty on 09/11/17 ended after three shifts".
    r"|\b(?:attempts?|trials?|tries|try)\s+(?:at|of)\s+(?:a\s+)?\Z"
    # A status aimed at: "update work restrictions (aim full duty)", "goal: full duty".
    r"|\b(?:aim|aiming|goal|goals|target|toward|towards)\b\W*(?:(?:is|at|for|to|of)\s+)*"
    r"(?:(?:a\s+)?return\s+to\s+)?\Z",
    re.ASCII,
)
# A line of goals, or of those not met yet, names the statuses aimed at, not the one held: "Not
# met: lift 50 lb (regular duty).", "LTG: full duty by 04/2017". (Not a line of goals met.)
_GOALS_LINE = re.compile(
    r"\W*(?:(?:(?:short|long)[\s-]term\s+)?goals?|stg|ltg)\b"
    r"(?!\s+(?:met|achieved|reached)\b)[^:.;]{0,20}:"
    r"|\W*(?:goals?\s+)?(?:not\s+(?:yet\s+)?met|unmet)\s*:",
    re.I | re.ASCII,
)
_GOALS_WORDS = frozenset(["goal", "goals", "met", "unmet", "stg", "ltg"])
_HELD_BEFORE = re.compile(
    r"\b(?:remains?|remaining|still|continues?|continuing|currently|now|is\s+on|stays?)\s+"
    r"(?:on\s+|at\s+|in\s+)?\Z",
    re.ASCII,
)
# A status the plan reaches after the care asked ("6 more sessions to reach job demand, then RTW
# full duty") is the one hoped for, not the one held; outside a plan "then" tells what followed
# ("off work two weeks, then light duty"), which is held.
_THEN_PLANNED = re.compile(r"\bthen\s+(?:(?:a\s+)?(?:return|rtw)\s+(?:to\s+)?)?\Z", re.ASCII)
# "works 20 hrs/wk at a front desk": the hours of a job held. Fewer than a full week's are part
# time, which findings.yaml counts as modified duty (fewer hours are a restriction of the work).
_WEEKLY_HOURS = re.compile(
    # (The work now: "has worked 15 hours a week since 09/2016", not "worked 30 h/wk before the
    # injury".)
    r"\b(?:works|working|(?:has|have)\s+worked)\s+(?:about\s+|approx\.?\s+|~\s*)?(\d{1,2})\s*"
    r"(?:h|hrs?|hours)\s*(?:/|per\s+|a\s+)\s*(?:wk|week)\b",
    re.I | re.ASCII,
)
_FULL_WEEK_HOURS = 35
# A duty the employer has none of is no status held: "off work since April, no modified duty
# available", "light duty not offered".
_NONE_OF_IT_BEFORE = re.compile(r"\bno\s+\Z", re.ASCII)
_UNTICKED_BEFORE = re.compile(r"\[\s?\]\s*\Z", re.ASCII)
_UNTICKED_AFTER = re.compile(r"\s*\[\s?\]", re.ASCII)
_BOX = re.compile(r"\[\s?x?\s?\]", re.I | re.ASCII)


def boxes_come_first(reader: Reader) -> bool | None:
    """Whether a form's check boxes stand before the work statuses they mark ("[x] Modified
    duty") or after them ("Modified duty [x]"): the first box before the first status or after
    it. None where the sentence has no box or names no status."""
    box = _BOX.search(reader.lowered)
    said = next(reader.findings.work_status_pattern.finditer(reader.plain, reader.words), None)
    at = phrase_position(reader.lowered, said[1]) if said is not None else None
    if box is None or at is None:
        return None
    return box.start() < at[0]


_NONE_OF_IT_AFTER = re.compile(
    r"\s+(?:is\s+|was\s+|has\s+been\s+)?(?:not\s+|un)(?:available|offered|possible)\b", re.ASCII
)


def within_failed_return(reader: Reader, at: tuple[int, int]) -> bool:
    """Whether a status named at `at` is the duty of a return to work the sentence tells as
    failed (the readings before `work_status`, `finding_mentions` among them)."""
    return any(
        r.name == "return_to_work_failed"
        and r.value is True
        and r.end is not None
        and r.start <= at[0]
        and at[1] <= r.end
        for r in reader.found
    )


def work_status(reader: Reader) -> None:
    """Work status by the phrases of findings.yaml (the last one named wins, in `settle`)."""
    # A line of goals names the statuses aimed at in its first clause; a status it tells as held
    # is still read ("Not met: full duty; continues modified duty", "Unmet: regular duty
    # (remains TTD)").
    goals_until = 0
    if not reader.words.isdisjoint(_GOALS_WORDS) and _GOALS_LINE.match(reader.text):
        clause_end = reader.text.find(";")
        goals_until = clause_end if clause_end >= 0 else len(reader.text)
    findings = reader.findings
    # The patient at work all the hours of the job, as a sentence or a line opens on it: "Works
    # full time",
    # "Currently working full time"; with a restriction told after it, modified duty.
    if "full" in reader.words and (full := _FULL_TIME_OPENING.search(reader.text)):
        restricted = _RESTRICTION_TOLD.search(reader.text, full.end()) is not None
        status = "modified_duty" if restricted else "full_duty"
        reader.add("work_status", status, full.start(), full.end())
    boxes_first = boxes_come_first(reader) if "[" in reader.text else None
    for said in findings.work_status_pattern.finditer(reader.plain, reader.words):
        # A status the sentence puts in the past ("works modified duty (was off work until
        # 2015)") is not the one now.
        at = phrase_position(reader.lowered, said[1])
        if at is not None and (
            (
                at[0] < goals_until
                and not _HELD_BEFORE.search(reader.lowered, max(0, at[0] - 25), at[0])
            )
            or _WAS_BEFORE.search(reader.lowered, max(0, at[0] - 20), at[0])
            or (
                not reader.words.isdisjoint(_RETURN_WORDS)
                and _BEFORE_A_RETURN.search(reader.lowered, max(0, at[0] - 20), at[0])
            )
            or _RETURN_TRIED.search(reader.lowered, max(0, at[0] - 40), at[0])
            or (
                _AHEAD_OF.search(reader.lowered, max(0, at[0] - 30), at[0])
                and not _DATED_AFTER.match(reader.lowered, at[1])
            )
            or _NONE_OF_IT_BEFORE.search(reader.lowered, max(0, at[0] - 5), at[0])
            # A form's box left unticked: before each status where the form's boxes come first
            # ("[ ] TTD [x] Modified duty [ ] Full duty"), after each where they follow ("TTD [ ]
            # Modified duty [x]").
            or (
                boxes_first is True
                and _UNTICKED_BEFORE.search(reader.lowered, max(0, at[0] - 6), at[0])
            )
            or (boxes_first is False and _UNTICKED_AFTER.match(reader.lowered, at[1]))
            or _NONE_OF_IT_AFTER.match(reader.lowered, at[1])
            # Or after it: "(off work before meds)", "TTD at trial start".
            or _WAS_AFTER.match(reader.lowered, at[1])
            # A status tried and given up, as findings.yaml's return_to_work_failed reads it:
            # "Tried full duty 01/2017 and went back off after nine days" (not "has tried
            # modified duty since March and is doing well").
            or within_failed_return(reader, at)
            or (reader.planned and _THEN_PLANNED.search(reader.lowered, max(0, at[0] - 20), at[0]))
        ):
            continue
        reader.add("work_status", findings.work_status_meaning[said[1]], *at)
    if reader.has_digit and not reader.words.isdisjoint(("works", "working", "worked")):
        for hours in _WEEKLY_HOURS.finditer(reader.text):
            if int(hours[1]) < _FULL_WEEK_HOURS:
                reader.add("work_status", "modified_duty", hours.start(), hours.end())


# A measure of function told as it was and as it is now (the ADL and work limb of 8 CCR
# 9792.20(e)): a disability index ("ODI 46% at intake -> 24% today", "QuickDASH 68 -> 36"), a
# tolerance ("sitting tolerance 20 min -> 60 min"), a lifting restriction ("restrictions changed
# from 15 lb lifting to 35 lb"). Whether it improved depends on which way the measure runs, so
# the figures are compared here: a worse score is no improvement.
_CHANGE_WORDS = frozenset(
    ["oswestry", "odi", "ndi", "roland", "rmdq", "quickdash", "quick", "qdash", "dash", "lefs",
     "psfs", "sitting", "sit", "sits", "standing", "stand", "stands", "walking", "walk", "walks",
     "driving", "drive", "drives", "restrictions", "restriction", "limit", "type", "types",
     "typing", "sleep", "sleeps", "sleeping", "lifting"]
)  # fmt: skip
_TO = rf"\s*(?:{ARROW}|\bto\b|\bnow\b)\s*"
_INDEX_CHANGE = re.compile(
    r"\b(?P<index>oswestry|odi|ndi|neck\s+disability\s+index|roland[\s-]+morris|rmdq|"
    r"quick\s*dash|qdash|dash|lefs|psfs)\b(?:\s+(?:score|index))?\s*"
    # The change told with its verb: "Oswestry went from 46% to 12%".
    r"(?:(?:went|has\s+gone|had\s+gone|improved|decreased|dropped|fell|came\s+down)\s+(?=from\b))?"
    r"(?:was\s+|from\s+|of\s+)?"
    rf"(?P<before>\d{{1,3}})\s*%?(?:\s+[a-z]+){{0,3}}\s*(?:\([^)]{{0,15}}\)\s*)?"
    # (Its day between: "Oswestry 42% on 9/6 -> 22% on 9/26".)
    r"(?:(?:on|at|in)\s+\d{1,2}/\d{1,2}(?:/\d{2,4})?\s*)?"
    rf"(?:{_TO}(?P<after>\d{{1,3}})\b(?!\s*/)"
    # The two told apart, the one now marked as now: "NDI 40% at intake, 22% today".
    r"|\s*[,;]\s*(?:and\s+)?(?P<after3>\d{1,3})\s*%?\s+(?:today|now|currently|"
    r"at\s+(?:re-?eval\w*|re-?exam\w*|this\s+visit))\b)"
    # The score now, the earlier one in brackets: "Oswestry 38% (52% in 2014)".
    r"|\b(?P<index2>oswestry|odi|ndi|neck\s+disability\s+index|roland[\s-]+morris|rmdq|"
    r"quick\s*dash|qdash|dash|lefs|psfs)\b(?:\s+(?:score|index))?\s*(?:is\s+|now\s+|of\s+)?"
    r"(?P<after2>\d{1,3})\s*%?\s*(?:\(\s*(?:was\s+|from\s+|previously\s+|prior\s+)?|,\s*was\s+)"
    r"(?P<before2>\d{1,3})\s*%?(?:\s+(?:in|on|at|before|previously|prior|\d+\s+\w+\s+ago)\b|\s*\))",
    re.I | re.ASCII,
)
# Each score told with its day: "Oswestry  1/30/17: 48%   2/20/17: 26%" (a table's row), "ODI 48%
# on 1/30/17, 26% on 2/20/17". The days set the order where both give their years.
_INDEX_NAME = (
    r"oswestry|odi|ndi|neck\s+disability\s+index|roland[\s-]+morris|rmdq|quick\s*dash|qdash|dash|"
    r"lefs|psfs"
)
_DAY = r"\d{1,2}/\d{1,2}(?:/\d{2,4})?"
_INDEX_BY_DAY = re.compile(
    rf"\b(?P<index>{_INDEX_NAME})\b(?:\s+(?:score|index))?\s*:?\s*"
    rf"(?P<day>{_DAY})\s*:\s*(?P<before>\d{{1,3}})\s*%?\s*[,;]?\s*"
    rf"(?P<later>{_DAY})\s*:\s*(?P<after>\d{{1,3}})\b(?![./]\d)"
    # (Only two scores: a third may undo the gain, "..., 62% on 12/1/26 after re-injury".)
    rf"(?!\s*%?\s*[,;]?\s*{_DAY}\s*:)"
    rf"|\b(?P<index2>{_INDEX_NAME})\b(?:\s+(?:score|index))?\s*:?\s*(?P<before2>\d{{1,3}})\s*%?"
    rf"\s+(?:on|at)\s+(?P<day2>{_DAY})\s*[,;]?\s*(?:and\s+)?(?P<after2>\d{{1,3}})\s*%?\s+"
    rf"(?:on|at)\s+(?P<later2>{_DAY})(?![/\d])"
    rf"(?!\s*[,;]?\s*(?:and\s+|then\s+|but\s+|now\s+)*\d{{1,3}}\s*%?\s+(?:on|at)\s+\d)",
    re.I | re.ASCII,
)
# Indices on which a higher score is better function; on the others (disability), lower is.
_HIGHER_IS_BETTER = frozenset(["lefs", "psfs"])
# The change that counts: 9792.20(e) asks for a clinically significant improvement, and each
# measure's smallest change patients notice is about this many points (Oswestry and the neck
# index in percent, the DASH scores out of 100, LEFS out of 80, Roland-Morris out of 24, PSFS out
# of 10): "ODI 40% (42% in May)" is no gain.
_IMPORTANT_CHANGE = {"oswestry": 10, "odi": 10, "ndi": 10, "neck": 10, "quick": 10, "quickdash": 10,
                     "qdash": 10, "dash": 10, "lefs": 9, "roland": 3, "rmdq": 3, "psfs": 2}  # fmt: skip
_IMPORTANT_CHANGE_DEFAULT = 10
_UNIT = r"(?:min|mins|minutes|hr|hrs|hours|blocks?|miles?)"
_TOLERANCE_CHANGE = re.compile(
    r"\b(?:sit|sitting|stand|standing|walk|walking|drive|driving)\s+(?:tolerance\s+)?"
    rf"(?:from\s+)?(?P<before>\d{{1,3}})\s*{_UNIT}?{_TO}(?P<after>\d{{1,3}})\s*{_UNIT}\b",
    re.I | re.ASCII,
)
# The activity after its figures: "has gone from 15 to 45 minutes of walking".
_TOLERANCE_AFTER_FIGURES = re.compile(
    r"\bfrom\s+(?P<before>\d{1,3})\s+to\s+(?P<after>\d{1,3})\s*(?:minutes?|mins?|blocks|miles?)\s+"
    r"of\s+(?:walking|sitting|standing|driving)\b",
    re.I | re.ASCII,
)
_LIFTING_LIMIT_CHANGE = re.compile(
    r"\b(?:restrictions?|restr|limit)\b[^.;]{0,30}?(?:\bfrom\s+)?(?:no\s+lifting\s+(?:over\s+|>\s*)?)?"
    # (Another limit may be told between: "from no lifting over 10 lb and no overhead work to
    # 25 lb with occasional overhead".)
    rf"(?P<before>\d{{1,3}})\s*(?:lb|lbs|pounds)?\b[^.;\d]{{0,40}}?(?:\bto\s+|{ARROW}\s*)"
    # "changed from no lifting over 10 lb to no lifting over 30 lb"
    r"(?:no\s+lifting\s+(?:over\s+|>\s*)?)?(?P<after>\d{1,3})\s*(?:lb|lbs|pounds)\b"
    # The limit named after its two figures: "work status changed from 10-lb to 25-lb lifting
    # limit".
    r"|\bfrom\s+(?P<before2>\d{1,3})[\s-]*(?:lb|lbs|pounds?)\s+to\s+(?P<after2>\d{1,3})[\s-]*"
    r"(?:lb|lbs|pounds?)\s+(?:lifting\s+)?(?:limit|restriction)",
    re.I | re.ASCII,
)
# The same told as a story, the limit before the care, then the one now: "Before the therapy she
# was held to lifting no more than ten pounds, and since May she has been back to her full route
# with a twenty-five pound limit". The second limit comes after a word of now, in the same
# sentence (a semicolon may stand between them).
_LIFTING_LIMIT_BEFORE_NOW = re.compile(
    r"\bbefore\b[^.;]{0,60}?\b(?:lift|lifts|lifting)\s+(?:no\s+more\s+than|not\s+more\s+than|"
    r"up\s+to|under|less\s+than|over|>)\s+(?P<before>\d{1,3})\s*(?:lb|lbs|pounds?)\b"
    r"[^.]{0,100}?\b(?:now|today|since|currently)\b[^.;]{0,80}?\b(?P<after>\d{1,3})"
    r"[\s-]*(?:lb|lbs|pounds?)\s+(?:limit|restriction|lifting\s+limit)\b",
    re.I | re.ASCII,
)


# The same told as now against before: "now stands for 2 hr at his job site vs 45 min", "able
# to type 30 min (was 10)".
_TOLERANCE_NOW_VS = re.compile(
    r"\b(?:sit|sits|sitting|stand|stands|standing|walk|walks|walking|drive|drives|driving|type|"
    r"types|typing|sleep|sleeps|sleeping)\b[^.;]{0,30}?\b(?P<after>\d{1,3})\s*(?P<after_unit>min|mins|minutes|hr|hrs|"
    r"hours|blocks?|miles?)\b[^.;\d]{0,25}?\b(?:vs\.?|versus|compared\s+(?:with|to)|was|from|instead\s+of|up\s+from|previously|formerly)\s+"
    r"(?P<before>\d{1,3})\s*(?P<before_unit>min|mins|minutes|hr|hrs|hours|blocks?|miles?)?\b"
    # The one before (or without the drug) in brackets after it: "walks 40 minutes daily (15
    # minutes before)".
    # Sleep as well, which the CPMTG weighs with function in judging an antidepressant: "she
    # sleeps about six hours (three before)".
    r"|\b(?:sit|sits|sitting|stand|stands|standing|walk|walks|walking|drive|drives|driving|type|"
    r"types|typing|sleep|sleeps|sleeping)\b[^.;]{0,30}?\b(?P<after2>\d{1,3})\s*(?P<after2_unit>min|mins|minutes|hr|"
    r"hrs|hours|blocks?|miles?)\b[^.;()\d]{0,15}\(\s*(?P<before2>\d{1,3})\s*"
    r"(?P<before2_unit>min|mins|minutes|hr|hrs|hours|blocks?|miles?)?\s+"
    r"(?:before|previously|earlier|prior|at\s+intake|at\s+the\s+start|"
    # Without the drug the note is for: "walks 40 minutes a day (10 minutes without it)".
    r"without\s+(?:it|them|the\s+medications?|(?:his|her)\s+medications?|medications?))\s*\)",
    re.I | re.ASCII,
)
_HOURS = frozenset(["hr", "hrs", "hours"])


def measured(match: re.Match[str], side: str) -> int:
    """A tolerance's figure, hours in minutes where the other side is in minutes (of the
    second form of an expression where the first did not match: `after2`, `before2`)."""
    groups = match.groupdict()
    if groups.get(side) is None and groups.get(f"{side}2") is not None:
        side = f"{side}2"
    unit = groups.get(f"{side}_unit")
    return int(match[side]) * (60 if unit and unit.lower() in _HOURS else 1)


# A pain score that fell by at least this share ("Burning foot pain 7/10 -> 4/10"): relief a
# reviewer counts as meaningful (a third or more).
MEANINGFUL_RELIEF = 0.3
PAIN_DROP = "~pain_drop"
_VISIT_WORDS = frozenset(["visit", "visits", "session", "sessions"])
# The pain by its own name or as a nerve's pain is told: "burning and tingling into the right
# thumb went from 8/10 to 4/10 on gabapentin" is a pain score that fell.
# (And the low back's pain by its abbreviation, "LBP 7/10 without meds, 3-4/10 after a dose".)
# (Or the scale or the first of the four A's that tells the score: "Analgesia: 7/10 without,
# 4/10 an hour after a dose", "NRS 8 -> 4".)
_PAIN_WORDS = frozenset(
    ["pain", "burning", "tingling", "ache", "aching", "paresthesias", "lbp", "analgesia", "nrs",
     "vas"]
)  # fmt: skip
_PAIN_TOLD = r"(?:pain|burning|tingling|ache|aching|paresthesias)"
# Also the score then and the score now, each with its own "/10" ("VAS 8/10 before titration, now
# 4-5/10", "was 7/10, currently 3/10"); of a range now, its upper end.
_PAIN_CHANGE = re.compile(
    rf"\b{_PAIN_TOLD}\b[^.;]{{0,20}}?\b(?P<before>10|[1-9])(?:(?:\s*/\s*10)?\s*(?:{ARROW}|to)\s*"
    r"|\s*/\s*10\b[^.;0-9]{0,40}?\b(?:now|currently|today)\s+"
    # ("was 8/10 before it, now averaging 4-5/10")
    r"(?:(?:at|is|of|averaging|averages|about|around)\s+)?"
    r"(?:[0-9]\s*-\s*)?)(?P<after>10|[0-9])\s*/\s*10\b"
    # The score now with the one before in brackets: "since then pain is 4/10 (7/10 before)".
    rf"|\b{_PAIN_TOLD}\b[^.;]{{0,20}}?\b(?P<after2>10|[0-9])\s*/\s*10\s*\(\s*(?:was\s+)?"
    r"(?P<before2>10|[1-9])\s*/\s*10\s+(?:before|previously|earlier|prior)\s*\)"
    # The score now, then the one it came from: "PT 6 visits, pain 3/10 from 6/10".
    rf"|\b{_PAIN_TOLD}\b[^.;]{{0,20}}?\b(?P<after3>10|[0-9])\s*/\s*10\s+(?:down\s+)?from\s+"
    r"(?P<before3>10|[1-9])\s*/\s*10\b"
    # Each score with its time after it: "leg pain 8/10 before, 4/10 now".
    rf"|\b{_PAIN_TOLD}\b[^.;]{{0,20}}?\b(?P<before4>10|[1-9])\s*/\s*10\s+(?:before|previously|"
    # (Of a range now, its upper end: "7/10 before, 3-4/10 during".)
    r"initially|prior)\W{1,5}(?:[0-9]\s*-\s*)?(?P<after4>10|[0-9])\s*/\s*10\s+"
    r"(?:now|currently|today|during)\b"
    # (Not a drop that did not come or did not last: "... 3-4/10 during work breaks, no change
    # with the unit", "... during the first week, back to 7/10 by week 3".)
    r"(?![^.]{0,60}\b(?:no\s+(?:change|relief|benefit|difference)|"
    r"back\s+(?:up\s+)?to\s+(?:\d|baseline|where|the\s+same|prior|previous))\b)"
    # Told as then and now: "the leg pain was eight out of ten then and is four now".
    rf"|\b{_PAIN_TOLD}\b[^.;]{{0,20}}?\bwas\s+(?P<before5>10|[1-9])(?:\s*(?:/|out\s+of)\s*10)?\s+"
    r"(?:then|before|at\s+the\s+start|initially)\b[^.;0-9]{0,20}?\b(?P<after5>10|[0-9])"
    r"(?:\s*(?:/|out\s+of)\s*10)?\s+(?:now|today|currently)\b"
    # The first score dated by the visit it was taken at: "Pain 5/10 at IE (02/22) -> 3/10
    # today".
    rf"|\b{_PAIN_TOLD}\b[^.;]{{0,20}}?\b(?P<before6>10|[1-9])\s*/\s*10\s+(?:at|on)\s+(?:the\s+)?"
    r"(?:ie|eval|evaluation|initial\s+eval(?:uation)?|intake|baseline|admission|start)"
    rf"(?:\s*\([^()]{{1,12}}\))?\s*{ARROW}\s*(?P<after6>10|[0-9])\s*/\s*10\b",
    re.I | re.ASCII,
)
# The score now, then the one before the care began: "Today pain 4/10, was 8/10 before
# gabapentin", "pain 3/10 now, 7/10 prior to the injections" (the care checked by `before_care`).
_NOW_THEN_BEFORE = re.compile(
    rf"\b{_PAIN_TOLD}\b[^.;]{{0,20}}?\b(?P<after>10|[0-9])\s*/\s*10\b[^.;0-9]{{0,20}}?"
    r"(?:\b(?:was|had\s+been)\s+)?(?P<before>10|[1-9])\s*/\s*10(?=\s+(?:before|prior\s+to)\s)",
    re.I | re.ASCII,
)


# A score that comes down from one figure to another, the second without its scale: "her pain
# comes down from about eight out of ten to four".
# Or both without it: "his pain comes down from an eight to about a four".
_PAIN_FROM_TO = re.compile(
    rf"\b{_PAIN_TOLD}\b[^.;]{{0,70}}?\bfrom\s+(?:an?\s+)?(?:about\s+|around\s+|approximately\s+)?"
    rf"(?P<before>10|[1-9])(?:\s*(?:/|out\s+of)\s*10)?\s*(?:{ARROW}|to|down\s+to)\s*"
    r"(?:about\s+|around\s+)?(?:an?\s+)?(?P<after>10|[0-9])\b"
    r"(?!\s*(?:mg|mgs|milligrams|lb|lbs|pounds|minutes?|min|hours?|hrs?|days?|weeks?|months?|%))",
    re.I | re.ASCII,
)

# The score without the drug set against the score with it, as a patient tells it: "without the
# pill the pain is eight, with it about four", "an eight out of ten without the pill and a four
# with it". The scale may go unsaid; no figure may fall between, so a dose is never a score.
_MEDICINE = r"(?:(?:the|his|her|my)\s+)?(?:pills?|tablets?|medications?|medicines?|meds|drugs?)"
_WITH_IT = rf"(?:with|on)\s+(?:it|them|{_MEDICINE})\b"
_A_DOSE = r"(?:a|the|each|his|her)\s+(?:dose|pill|tablet)\b"
_SCORE = r"(?:an?\s+)?(?:about\s+|around\s+)?(?P<{}>10|[0-9])(?:\s*(?:/|out\s+of)\s*10)?\b"
_PAIN_WITHOUT_WITH = re.compile(
    rf"\b(?:without|off)\s+(?:it|them|{_MEDICINE})\b[^.;0-9]{{0,30}}?{_SCORE.format('before')}"
    rf"[^.0-9]{{0,12}}?\b{_WITH_IT}[^.;0-9]{{0,20}}?{_SCORE.format('after')}"
    rf"|{_SCORE.format('before2')}[^.;0-9]{{0,6}}?\b(?:without|off)\s+{_MEDICINE}\b"
    rf"[^.;0-9]{{0,20}}?{_SCORE.format('after2')}[^.;0-9]{{0,6}}?\b{_WITH_IT}"
    # The score without the drug or before a dose, then the one after a dose: "Pain 8/10
    # without, 4/10 about 40 min after a dose", "7/10 before a dose and 4/10 an hour after,
    # lasting about six hours".
    rf"|{_SCORE.format('before3')}\s*(?:without|off)(?:\s+{_MEDICINE}|(?=\s*(?:,|and\b)))"
    rf"[^.;0-9]{{0,20}}?{_SCORE.format('after3')}[^.;]{{0,30}}?(?:\b{_WITH_IT}|\bafter\s+{_A_DOSE})"
    rf"|{_SCORE.format('before4')}\s*before\s+{_A_DOSE}[^.;0-9]{{0,20}}?{_SCORE.format('after4')}"
    rf"[^.;]{{0,30}}?(?:\b{_WITH_IT}|\bafter\s+{_A_DOSE}|\bafter(?=\s*(?:[,;.]|lasting\b|\Z)))"
    # The score with the drug first, then the one without it: "With the medicine his pain is
    # about 4 out of 10 and without it about 8".
    # (The medicine named, not "with it": "with it" may be a brace.)
    rf"|\b(?:with|on)\s+{_MEDICINE}\b[^.;0-9]{{0,30}}?{_SCORE.format('after5')}[^.0-9]{{0,12}}?"
    r"\b(?:without|off)\s+"
    rf"(?:it|them|{_MEDICINE})\b[^.;0-9]{{0,20}}?{_SCORE.format('before5')}",
    re.I | re.ASCII,
)
_WITHOUT_WORDS = frozenset(["without", "off"])


# Relief told as a share of the pain it takes away: "the relief has held at about half", "relief
# of about 50%" (a third or more, as `MEANINGFUL_RELIEF`).
_RELIEF_SHARE = re.compile(
    r"\brelief\s+(?:has\s+held|holds|held|is|remains|stays|has\s+stayed|of)\s+(?:at\s+)?"
    r"(?:about\s+|around\s+|roughly\s+|approximately\s+|~\s*)?(?:half|one\s+half|[3-9]\d\s*%)",
    re.I | re.ASCII,
)


_PERCENT_LESS = re.compile(
    r"(?<!\bnot\s)\b(\d{1,3})\s*(?:%|percent)\s+less\s+than\s+(?:at\s+)?baseline\b",
    re.I | re.ASCII,
)
_PAIN_JUST_BEFORE = re.compile(rf"\b{_PAIN_TOLD}\b", re.I | re.ASCII)


# A unit or a procedure a pain's fall in a therapy's sentence may be told as the work of ("TENS
# used in the PT clinic with pain 6 -> 3/10 after sessions"); not rest, a brace or the drugs,
# which care goes on beside ("pain 7/10 to 3/10 at rest after 8 PT visits").
_UNIT_OR_PROCEDURE = frozenset(
    ["tens", "unit", "injection", "injections", "block", "blocks", "esi", "epidural", "shot",
     "shots", "cortisone", "steroid", "ablation", "rfa"]
)  # fmt: skip


def unit_or_procedure_before(text: str, at: int) -> bool:
    """Whether the clause before a pain's fall names a unit or a procedure it may be the work
    of (not one named after it: "8 PT visits brought pain from 7/10 to 2/10; he declines the
    epidural")."""
    clause = text[max(text.rfind(";", 0, at), text.rfind(". ", 0, at)) + 1 : at].lower()
    return not _UNIT_OR_PROCEDURE.isdisjoint(re.findall(r"[a-z]+", clause))


def pain_drop(reader: Reader) -> None:
    """A pain score that fell by a meaningful share, before and now: in a note written for a
    drug request, relief from the drug taken (`item.item_facts`)."""
    if "relief" in reader.words and (share := _RELIEF_SHARE.search(reader.text)):
        reader.add(PAIN_DROP, True, share.start(), share.end())
        return
    if reader.words.isdisjoint(_PAIN_WORDS):
        return
    if not reader.counts:
        return
    if "less" in reader.words or "lower" in reader.words:
        # The share taken off the pain: "leg pain 3-4/10 (about 55% less than baseline)" (not
        # "50% less active", "45% less than normal").
        for less in _PERCENT_LESS.finditer(reader.text):
            if (
                MEANINGFUL_RELIEF * 100 <= int(less[1]) <= 100
                and _PAIN_JUST_BEFORE.search(reader.text, max(0, less.start() - 30), less.start())
                and "not" not in reader.words
            ):
                reader.add(PAIN_DROP, True, less.start(), less.end())
                return
    text = reader.figures  # dictated: "from about eight out of ten to four"
    without = not reader.words.isdisjoint(_WITHOUT_WORDS) or (
        "dose" in reader.words and "before" in reader.words
    )
    if "10" not in text and "from" not in reader.words and not without:
        return
    # "From 8/10 to 4": only a sentence with the word can tell a change so.
    expressions = (_PAIN_CHANGE, _PAIN_FROM_TO) if "from" in reader.lowered else (_PAIN_CHANGE,)
    if without:
        expressions += (_PAIN_WITHOUT_WITH,)
    for match in _NOW_THEN_BEFORE.finditer(text) if "10" in text else ():
        # The score now, then the one before a drug or a treatment the words after it name.
        if before_care(reader, text, match.end()) and meaningful_drop(
            int(match["before"]), int(match["after"])
        ):
            reader.add(PAIN_DROP, True, match.start(), match.end())
            return
    for expression in expressions:
        for match in expression.finditer(text):
            score = match.groupdict()
            before = next((int(v) for k, v in score.items() if k.startswith("before") and v), 0)
            after = next((int(v) for k, v in score.items() if k.startswith("after") and v), 0)
            if meaningful_drop(before, after):
                reader.add(PAIN_DROP, True, match.start(), match.end())
                if expression is _PAIN_WITHOUT_WITH:
                    # The scores set against each other are those with and without a medicine.
                    reader.add("medication_pain_relief", True, match.start(), match.end())
                # Told beside a course of therapy counted in visits ("PT 6 visits, pain 3/10
                # from 6/10"), the drop is the symptoms improving with it: care that helped has
                # not failed. (Not a unit or a drug tried during therapy: "During therapy the
                # clinic TENS reduced her pain from 7/10 to 4/10", "TENS used in the PT clinic
                # with pain 6 -> 3/10 after sessions".)
                if (
                    not reader.words.isdisjoint(_VISIT_WORDS)
                    and not unit_or_procedure_before(text, match.start())
                    and therapies_named(reader)
                ):
                    reader.add("symptoms_improving", True, match.start(), match.end())
                return


def index_gained(index: str, before: int, after: int) -> bool:
    """Whether a score on an index changed the better way by a change patients notice."""
    gain = (after - before) if index in _HIGHER_IS_BETTER else (before - after)
    return gain >= _IMPORTANT_CHANGE.get(re.split(r"\W", index)[0], _IMPORTANT_CHANGE_DEFAULT)


def day_told(written: str) -> date | None:
    """A day written month/day/year; None without its year or where it does not exist."""
    parts = written.split("/")
    if len(parts) != 3:
        return None
    return calendar_date(int(parts[0]), int(parts[1]), int(parts[2]))


def meaningful_drop(before: int, after: int) -> bool:
    """Whether a pain score fell by a meaningful share."""
    return before > 0 and (before - after) / before >= MEANINGFUL_RELIEF


def measured_function(reader: Reader) -> None:
    """Function measured before and now, and better now: functional improvement, of the therapy
    the sentence names or of the treatment so far."""
    if _CHANGE_WORDS.isdisjoint(reader.words):
        return
    if not reader.counts:
        return
    text = reader.figures  # told in words: "sleeps about six hours (three before)"
    for match in _INDEX_CHANGE.finditer(text):
        before = int(match["before"] or match["before2"])
        after = int(match["after"] or match["after2"] or match["after3"])
        if index_gained((match["index"] or match["index2"]).lower(), before, after):
            improved(reader, match.start(), match.end())
            return
    told_on = reader.sentence.told_on
    for match in _INDEX_BY_DAY.finditer(text) if "/" in text else ():
        before, after = (
            int(match["before"] or match["before2"]),
            int(match["after"] or match["after2"]),
        )
        first = day_told(match["day"] or match["day2"])
        later = day_told(match["later"] or match["later2"])
        # Both days with their years, and neither after the note's: the order they set, and no
        # goal's day ("20% on 1/15/27 (goal)").
        if first is None or later is None or first == later:
            continue
        if told_on is not None and max(first, later) > told_on:
            continue
        if later < first:
            before, after = after, before
        if index_gained((match["index"] or match["index2"]).lower(), before, after):
            improved(reader, match.start(), match.end())
            return
    for expression in (
        _TOLERANCE_CHANGE,
        _TOLERANCE_AFTER_FIGURES,
        _LIFTING_LIMIT_CHANGE,
        _TOLERANCE_NOW_VS,
        _LIFTING_LIMIT_BEFORE_NOW,
    ):
        for match in expression.finditer(text):
            if measured(match, "after") > measured(match, "before"):
                improved(reader, match.start(), match.end())
                return


def improved(reader: Reader, start: int, end: int) -> None:
    for therapy in therapies_named(reader) or [UNNAMED]:
        reader.add(f"{IMPROVED}{therapy}", True, start, end)


# A sentence that speaks of a trial or its record ("His diary from the trial shows ... stopped the
# tramadol altogether", "reviewed his log: ... pain 7/10 before and 4/10 after sessions"), where
# the trial itself is told in another sentence.
_TRIAL_WORDS = frozenset(["trial", "log", "logs", "logged", "diary", "diaries"])
TRIAL_GAIN = "~trial_gain"
_GAINS = frozenset([PAIN_DROP, "pain_medication_reduced_or_not_tolerated"])
# A gain told in the sentences just after the trial's, naming no trial: "30-day TENS rental ...;
# log reviewed: used two to three times daily." "Pain 7/10 before, 4/10 during." "Ibuprofen down
# from 3 tabs/day to 1" (follow_ups.py gives it to the trial named before it).
_TRIAL_FOLLOW_UP = "~trial?:"
# A TENS trial given (findings.yaml), which a gain told apart from it shows helped.
TENS_TRIAL = "~tens_trial_given"


def trial_outcome(reader: Reader) -> None:
    """A gain the sentence tells (less pain, less medication, better function) in a sentence
    about a trial or its log: what a trial gave, for the unit bought after it (`item.py`)."""
    if reader.words.isdisjoint(_TRIAL_WORDS):
        for reading in reader.found:
            if reading.value is True and is_gain(reading.name):
                reader.add(f"{_TRIAL_FOLLOW_UP}gain", True, reading.start, reading.end)
                return
        return
    for reading in reader.found:
        if reading.value is True and is_gain(reading.name):
            reader.add(TRIAL_GAIN, True, reading.start, reading.end)
            return


def is_gain(name: str) -> bool:
    """Whether a reading's name is a gain a trial can give: less pain, less medication, better
    function."""
    return name in _GAINS or name.startswith(IMPROVED)


def trials_named(readings: list[Reading]) -> set[str]:
    """The trial a sentence tells of, for the gains told after it."""
    return {"tens"} if any(r.name == TENS_TRIAL for r in readings) else set()


TRIAL_ANAPHOR = Anaphor(_TRIAL_FOLLOW_UP, trials_named, lambda _trial, _gain: TRIAL_GAIN)
