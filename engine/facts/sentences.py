"""The shared sentence reader: a letter or note as the sentences that report the record (never
the reviewer's conclusions, nor a rationale's reading of a guideline), and for one sentence the
status of a phrase in it (stated, negated, possible, past), the clause a finding is in, and
whether the sentence plans or reports a review's decision. Every topic reader reads through it,
so that a negation or a plan is understood the same way for every fact.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, NamedTuple

from engine.caseless import Caseless
from engine.conclusions import NECESSITY, NEGATIVE_CONCLUSION, POSITIVE_CONCLUSION
from engine.facts.figures import DIGIT, NUMBER_WORD_SET, holds_date, with_figures
from engine.facts.findings import Findings, PhraseList
from engine.facts.model import Evidence, Fact, Source
from engine.models import Case, Span
from engine.negation import ReadSentence, Status, read_sentence, status_of
from engine.vocab import (
    normalize_phrase,
    padded,
    phrase_characters,
    phrase_words,
)

# Every expression here is ASCII (re.ASCII), as in all the text stages: see `plain_spaces`.
# A sentence ends at ".", "!" or "?", except a dot that stays inside it: before a figure
# ("9792.20", "7.5 mg"); before a comma, colon or semicolon ("D.O.I.: 12-02-2016"); between
# initials ("D.O.I."); and after the abbreviations notes write mid-sentence ("Dr. Okafor", "Dr.
# N. Haddad", "tear post. horn medial meniscus", "approx. 3 weeks", "vs. 0.5").
_KEPT_DOT = (
    r"[.!?](?=[0-9])|\.(?=[:,;])|(?<=\b[A-Za-z])\.(?=[A-Za-z]\.)"
    r"|(?:(?<=\b[Dd]r)|(?<=\b[Dd]rs)|(?<=\b[Mm]r)|(?<=\b[Mm]rs)|(?<=\b[Mm]s))\.(?=\s+[A-Z])"
    # A first initial after the title, where the surname comes next with what a name carries
    # after it, its role in brackets or its degree ("Dr. N. Haddad (upper extremity):", "Dr. S.
    # Whitfield, MD"): part of the name. ("Urinary retention noted by Dr. P. Normal gait." ends
    # at the initial: an initial is as often the whole name.)
    r"|(?:(?<=\b[Dd]r\.\s[A-Z])|(?<=\b[Mm]r\.\s[A-Z])|(?<=\b[Mm]s\.\s[A-Z]))\."
    # (Or its specialty after a comma, or the bracket the name is in closing: "(Dr. I. Novak,
    # orthopedics)", "(Dr. A. Nakamura, PM&R)", "(Dr. R. Lee)".)
    r"(?=\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s*[()]|,\s*[A-Za-z&/ .-]{2,30}\)|,\s+[a-z]"
    r"|,?\s+(?:MD|DO|PA|PA-C|NP|DC|PhD|PTP)\b))"
    # Without a title, where the degree follows the surname and a word of signing comes before
    # the initial, as an order is signed: "Order, signed M. Ortega MD 07/19/2017: ..." (not a
    # sentence that ends on a letter: "No history of hepatitis C. Patel MD noted ...").
    r"|(?:(?<=\bsigned\s[A-Z])|(?<=\bby\s[A-Z])|(?<=\bper\s[A-Z])|(?<=,\s[A-Z])|(?<=:\s[A-Z]))\."
    r"(?=\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?,?\s+(?:MD|DO|PA|PA-C|NP|DC|PhD|RN|PsyD)\b)"
    # A month's short name before its day and year, or its year: "DOI Oct. 19, 2016", "since
    # Sept. 2016".
    r"|(?:(?<=\b[Jj]an)|(?<=\b[Ff]eb)|(?<=\b[Mm]ar)|(?<=\b[Aa]pr)|(?<=\b[Jj]un)|(?<=\b[Jj]ul)"
    r"|(?<=\b[Aa]ug)|(?<=\b[Ss]ep)|(?<=\b[Ss]ept)|(?<=\b[Oo]ct)|(?<=\b[Nn]ov)|(?<=\b[Dd]ec))\."
    r"(?=\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?:19|20)\d\d\b)"
    r"|(?:(?<=\bvs)|(?<=\b[Aa]pprox)|(?<=\b[Pp]ost)|(?<=\b[Aa]nt)|(?<=\b[Ss]up)|(?<=\b[Ii]nf)"
    r"|(?<=\b[Ll]at))\.(?=\s+[a-z0-9])"
)
# A bullet at the start of a line ("- foot films 6/28/17 neg", "• no fever") also starts a
# sentence: a note's list items carry no full stop, and one item's negation is not the next's.
# So does a table's row of figures set in by two spaces or more, its columns apart by three
# spaces or more ("  ODI   11/15/16: 38%   05/16/17: 34%"): the line before it is no part of it.
# (Not any line set in, nor a row after a colon: a list under "Denies:", in columns or not, or a
# wrapped line keeps its negation.)
_BULLET_LINE = (
    "\n(?![ \t]*(?:[-*\u2022][ \t]|\\|)"
    "|(?<!:\n)(?<!: \n)[ \t]{2,}[A-Z0-9](?=[^\n]*\\d)[^\n]*?\\S {3,}\\S)"
)
# A list item or a table row ends with its line where the next line starts a new thought with a
# capital ("- No opioids since 06/2016" then "Burning leg pain VAS 8/10"): without the cut, the
# item's negation would reach the next line. A line that carries on in lower case is the item
# wrapped.
_ITEM_START = re.compile(r"\s*(?:[-*\u2022][ \t]|\|)", re.ASCII)
_ITEM_LINE_END = re.compile(r"[ \t]*\n(?=[ \t]*[A-Z0-9(])", re.ASCII)
# So does a line of a record's fields, set apart by bars ("POST-OP VISIT #2 | 09/27/2017 | DOI:
# 03/13/2017 | Surgery: 09/06/2017"), which carries no stop: without the cut, it ran into the
# line after it ("PROCEDURE: R shoulder arthroscopy, ...").
# Only a line that holds a date, as a visit's heading line does (not a review of systems' line,
# "ROS | GU | Denies\nSaddle anesthesia, ..."), and not one whose last field runs on to the next
# line ("... urinary retention, incontinence, or |\nSaddle anesthesia.").
# (Or a table's row of four cells or more, dated or not: "Goal | Baseline 6/20 | PT d/c 8/12 |
# After chiro trial 9/9 | Status", "Lift 30 lb (job) | 10 lb | 15 lb | 30 lb | met".)
_FIELDS_LINE = re.compile(
    r"(?=[^\n]*\d{1,2}/\d{1,2}/\d{2,4})[^\n|]*\s\|\s[^\n|]*\s\|\s|(?:[^\n|]*\s\|\s){3}", re.ASCII
)
# A row of a table whose columns are set apart by runs of spaces ("07/10/17  4 / 8   works 5
# h/day modified   mild constipation on senna   CURES 07/10 consistent"), or the table's heading
# line over such a row: two gaps of three spaces or more, and a date in the row (or in the line
# under the heading). A bare denial's cell in it ends its clause (`columns_apart`): without
# that, one column's "none" reached the next column's CURES check.
_COLUMNS_LINE = re.compile(
    r"^(?:(?=[^\n]*\d{1,2}/\d{1,2}/\d{2,4})|(?=[^\n]*\n[ \t]*\d{1,2}/\d{1,2}/\d{2,4}))"
    r"[^\n]*?\S {3,}\S[^\n]*?\S {3,}\S[^\n]*",
    re.M | re.ASCII,
)
# A gap between columns after a cell that is only a denial ("none", "neg", "nil"): the cell
# answers its own column, and its denial reaches nothing in the next. (Other cells keep their
# spaces: a drug tried and its result sit in two columns of one row and are read together.)
_COLUMN_GAP = re.compile(
    r"(?:(?<=\snone)|(?<=\snil)|(?<=\sneg)|(?<=\snegative)|(?<=\sn/a)) {3,}(?=\S)", re.I | re.ASCII
)


def columns_apart(text: str) -> tuple[str, list[int]]:
    """The text with the gap after a table's cell of a bare denial begun with a semicolon, every
    offset kept: "none        CURES 03/14 consistent" reads as "none;       CURES ...", so the
    denial does not run into the next column; and where the tables' heading lines of column
    names end. Only on the lines of a table (`_COLUMNS_LINE`): a form's "Saddle anesthesia:
    absent" or justified prose keeps its spaces."""
    if "   " not in text:
        return text, []
    rows = list(_COLUMNS_LINE.finditer(text))
    if not rows:
        return text, []
    characters = list(text)
    heading_ends = []
    for row in rows:
        for gap in _COLUMN_GAP.finditer(text, row.start(), row.end()):
            characters[gap.start()] = ";"
        if DIGIT.search(text, row.start(), row.end()) is None:
            heading_ends.append(row.end())
    return "".join(characters), heading_ends


def headings_apart(
    spans: list[tuple[int, int, bool]], heading_ends: list[int]
) -> tuple[list[tuple[int, int, bool]], set[int]]:
    """The spans with each table's heading line of column names ended where its line ends, and
    where those heading sentences start: a heading names what the rows tell and tells nothing
    itself ("Pain with / without meds ... Adverse effects ... CURES / UDT" denies no CURES
    check); only its red flags are read, as ever."""
    if not heading_ends:
        return spans, set()
    split: list[tuple[int, int, bool]] = []
    headings: set[int] = set()
    for start, end, in_plan in spans:
        for heading_end in heading_ends:
            if start < heading_end < end:
                split.append((start, heading_end, in_plan))
                headings.add(start)
                start = heading_end
        split.append((start, end, in_plan))
    return split, headings


_WRAPPED_FIELD = re.compile(
    r"(?:[,:]|\b(?:or|and|nor|of|with|to|for|the|a|an|no|not|denies|denied|neg|negative|"
    r"positive|without))\s*\|?[ \t]*\Z",
    re.I | re.ASCII,
)
_RUN = rf"[^.!?\n]*(?:{_BULLET_LINE}[^.!?\n]*)*"
_SENTENCE = re.compile(
    rf"(?:[^.!?\n]|{_BULLET_LINE}){_RUN}(?:(?:{_KEPT_DOT}){_RUN})*(?:[.!?]|(?=\n)|$)", re.ASCII
)
# A numbered list ("Plan: 1. first TF ESI 2. cont HEP 3. f/u 4 wks"): the splitter ends a
# sentence after each item's number, so the number goes to the item it numbers. A list starts
# with "1." after a heading's colon and goes on while each item is numbered one more than the
# last; "visit 6 of 6." is no list item.
_LIST_MARKER_END = re.compile(r"(?:(?<=[\s:])|^)([1-9]|1[0-9])\.\s*\Z", re.ASCII)
# An item of a list: numbered ("2. cont HEP") or a bullet ("- cont HEP").
_LIST_MARKER_START = re.compile(r"\s*(?:([1-9]|1[0-9])\.|[-*\u2022])(?=\s)", re.ASCII)
# What a sentence must end or start with to hold one (its spaces stripped): a figure and a dot
# ("2."), a list item's figure or bullet.
_LIST_NUMBER_DIGITS = frozenset("0123456789")
_LIST_ITEM_FIRST = frozenset("123456789-*\u2022")
# A heading whose items are what the note plans: "Plan:", "A/P:", "P:", "Assessment and plan:",
# "Recommendations:". Its numbered items plan as the heading does.
# The plan's own headings, a visit note's.
_PLAN_OWN_HEADINGS = (
    r"(?:treatment\s+)?plan(?:\s+of\s+care)?|a\s*/\s*p|p|assessment\s*(?:and|&|/)\s*plan"
)
PLAN_HEADINGS = (
    _PLAN_OWN_HEADINGS + r"|recommendations?"
    # A medical-legal report's section of the care to come.
    r"|future\s+medical(?:\s+(?:care|treatment))?"
    # A Request for Authorization's service line: "RFA. Service: naproxen 500 mg, #60".
    r"|(?:requested\s+)?services?|rfa"
)
_PLAN_HEADING = re.compile(rf"^\W*(?:{PLAN_HEADINGS})\s*:", re.I | re.ASCII)
_PLAN_HEADING_ONLY = re.compile(rf"\W*(?:{PLAN_HEADINGS})\s*:\s*\Z", re.I | re.ASCII)


# A form's one-word answer to the question before it, then the next question: "Trauma? No Saddle
# anesthesia? Yes". The answer is a sentence of its own, so that its "No" negates nothing of the
# question after it (it had read the saddle anesthesia as denied). (Not "No saddle anesthesia or
# incontinence" after a question: a statement, whose negation is its own.)
_ANSWER_THEN_ITEM = re.compile(
    r"\s*(?:No|NO|Yes|YES|Neg|NEG|None|NONE)\b(?=\s+[A-Z][a-z])", re.ASCII
)


# A plan's heading on a line of its own after a line with no stop: "A: 1. Carpal tunnel
# syndrome, G56.01\nP: 1. NCV R upper extremity".
# (Only a plan's own headings: not a list of services, "Prior care on this claim\nServices:".)
_PLAN_HEADING_LINE_END = re.compile(rf"\n[ \t]*(?:{_PLAN_OWN_HEADINGS})\s*:\s*\Z", re.I | re.ASCII)


# An emergency record's heading alone, its date and hour and a stop: "ED 06/05/17 14:40." It
# heads the triage line after it, which tells what brought the patient in.
_DATED_HEADING_ALONE = re.compile(
    r"\s*(?:ED|ER|emergency\s+(?:department|room))(?:\s+(?:visit|note|record))?\s+"
    r"\d{1,2}/\d{1,2}/\d{2,4}(?:\s+\d{1,2}:\d{2})?\s*\.\s*",
    re.I | re.ASCII,
)


def item_line_end(text: str, start: int, end: int) -> re.Match[str] | None:
    """Where the line of a list item, a table row or a line of fields that opens the sentence
    at `start` ends, if the next line starts a new thought."""
    if _ITEM_START.match(text, start, end):
        return _ITEM_LINE_END.search(text, start, end)
    # (The line may open after the line break that ended the sentence before it.)
    if text.find("|", start, end) < 0 or not _FIELDS_LINE.match(
        text, start + len(text[start:end]) - len(text[start:end].lstrip()), end
    ):
        return None
    cut = _ITEM_LINE_END.search(text, start, end)
    if cut is None or _WRAPPED_FIELD.search(text, start, cut.start()):
        return None
    return cut


def spans_regrouped(text: str, spans: list[list[int]]) -> list[list[int]]:
    """The spans with a form's answer that opens a sentence after a question, and a plan heading
    that ends one on its own line, set apart as sentences of their own, and an emergency
    record's dated heading joined to the line it heads: one pass over the spans."""
    questions = "?" in text
    regrouped: list[list[int]] = []
    asked = False  # whether the sentence before, its answer set apart, ends with a question

    def add(start: int, end: int) -> None:
        if (
            regrouped
            and "\n" not in text[regrouped[-1][1] : start]
            and _DATED_HEADING_ALONE.fullmatch(text, *regrouped[-1])
        ):
            regrouped[-1][1] = end
        else:
            regrouped.append([start, end])

    for start, end in spans:
        answer = _ANSWER_THEN_ITEM.match(text, start, end) if asked else None
        pieces = []
        if answer is not None:
            pieces.append((start, answer.end()))
            start = answer.end()
        pieces.append((start, end))
        asked = questions and text[start:end].rstrip().endswith("?")
        for piece_start, piece_end in pieces:
            heading = (
                _PLAN_HEADING_LINE_END.search(text, piece_start, piece_end)
                if ":" in text[piece_start:piece_end]
                else None
            )
            if heading is not None and heading.start() > piece_start:
                add(piece_start, heading.start() + 1)
                piece_start = heading.start() + 1
            add(piece_start, piece_end)
    return regrouped


def sentence_spans(text: str) -> list[tuple[int, int, bool]]:
    """Where each sentence of a text starts and ends, and whether it is an item of a list
    (numbered, or bulleted with "-") under a plan heading (whose treatments are planned, not
    given)."""
    spans = []
    for m in _SENTENCE.finditer(text):
        start, end = m.start(), m.end()
        while (cut := item_line_end(text, start, end)) is not None:
            spans.append([start, cut.start()])
            start = cut.end()
        spans.append([start, end])
    last_number = 0  # the number of the list's last item; 0 outside a list
    for here, following in zip(spans, spans[1:], strict=False):
        # The expressions below have no fixed start, so the engine tries them at every
        # character: a test of the end or start they need rules most sentences out first.
        tail = text[here[0] : here[1]].rstrip()
        if tail[-2:-1] not in _LIST_NUMBER_DIGITS or tail[-1:] != ".":
            continue
        marker = _LIST_MARKER_END.search(text, here[0], here[1])
        if marker is None:
            continue
        number = int(marker[1])
        before = text[here[0] : marker.start()].rstrip()
        opens = number == 1 and (
            before.endswith(":") or (not before and text[: here[0]].rstrip().endswith(":"))
        )
        if opens or (last_number and number == last_number + 1):
            here[1] = following[0] = marker.start(1)
            last_number = number
    spans = spans_regrouped(text, spans)
    found: list[tuple[int, int, bool]] = []
    in_plan = False
    last_end = 0
    for start, end in spans:
        stripped = text[start:end].strip()
        if not stripped:
            continue
        heading = stripped[-1] == ":" and _PLAN_HEADING_ONLY.match(text, start, end) is not None
        if heading:
            in_plan = True
        elif stripped[0] not in _LIST_ITEM_FIRST or not _LIST_MARKER_START.match(text, start, end):
            # A sentence on the line of a plan's item goes on with it ("A/P: 1. Chronic LBP,
            # cannot take NSAIDs. Trial acupuncture 6 sessions over 3 wks"); a new line ends
            # the list.
            sentence = text[start:end]
            gap = text[last_end:start] + sentence[: len(sentence) - len(sentence.lstrip())]
            in_plan = in_plan and "\n" not in gap
        last_end = end
        found.append((start, end, in_plan and not heading))
    return found


# Another person of the patient's life, whose care or condition a sentence may tell.
ANOTHERS_WORDS = frozenset(
    ["husband", "wife", "son", "daughter", "mother", "father", "brother", "sister", "coworker"]
)
SYMPTOM_WORDS = frozenset(
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
REQUEST_WORDS = frozenset(
    [
        "request",
        "requested",
        "requests",
        "requesting",
        "plan",
        "planned",
        "authorized",
        "denied",
        "modified",
        "certified",
        "recommended",
        "recommending",
        "prescribed",
    ]
)
AUTHORIZED_WORD = re.compile(r"\bauthorized\b", re.I | re.ASCII)
_CERTIFIED_WORD = re.compile(r"\b(?:certified|approved)\b", re.I | re.ASCII)
_BRACKETED = re.compile(r"\([^()]*\)", re.ASCII)
_TO_COME = re.compile(
    r"\b(?:to\s+start|start|starting|scheduled|will|next|pending|not\s+yet|awaiting)\b",
    re.I | re.ASCII,
)
_LAST_CERTIFIED = re.compile(r"\blast\s+certified\s+(?:on\s+|in\s+)?\d{1,2}/", re.I | re.ASCII)
# An aside on what was authorized: "Acupuncture 6 sessions 07/01-07/24/2026 (trial authorized
# 06/2026)", or its last word after the day it was done: "L4-5 TLIF 04/09/2026, authorized." (not
# "Additional PT x 6 visits, authorized.", which tells what may still be given).
AUTHORIZED_ASIDE = re.compile(
    r"\([^()]*\bauthorized\b[^()]*\)"
    r"|(?:(?<=\d/\d\d)|(?<=\d/\d\d\d\d)),\s*authorized\s*[.;]?\s*\Z",
    re.I | re.ASCII,
)
_AUTHORIZED_AND_GIVEN = re.compile(
    r"\b(?:authorized|certified)\s+and\s+(?:given|provided|rendered|performed|done|administered)\b",
    re.I | re.ASCII,
)
_OF_AUTHORIZED = re.compile(r"\b\d{1,3}\s*(?:/|of)\s*\d{1,3}\s+authorized\b", re.I | re.ASCII)
_PRESCRIBED_DRUG = re.compile(
    r"(?:\b(?:with|than|as|the|his|her|their|c/w)|\bw/)\s+prescribed\b(?!\s+(?:by|on|for|to)\b)"
    # What the prescriber has kept giving, told as going on: "Dr. Ashby has prescribed
    # hydrocodone/APAP 10/325 three times a day, unchanged since 2016" (not what the patient
    # "has been prescribed", an order, nor "I have prescribed tramadol today as a trial").
    r"|\b(?:has|have)\s+(?:prescribed|been\s+prescribing)\b(?=[^.;]*\b(?:since|unchanged|monthly|"
    r"for\s+(?:the\s+)?(?:past|last)\b|for\s+\d+\s+(?:months?|years?)\b))",
    re.I | re.ASCII,
)
_REQUEST_NOUNS = frozenset(["request", "requests"])
_EARLY_REFILL_REQUEST = re.compile(r"\bearly\s+(?:refill|renewal)s?\s+requests?\b", re.I | re.ASCII)
_MODIFIED_WORK = re.compile(
    r"\bmodified\s+(?:[a-z-]+\s+){0,2}?(?:duty|duties|work|activit)", re.I | re.ASCII
)


def modified_work(text: str) -> bool:
    """Whether "modified" in a sentence is a work status ("continue modified duty"), not a
    request modified."""
    return _MODIFIED_WORK.search(text) is not None


DONE_WORDS = frozenset(
    ["used", "completed", "attended", "had", "received", "tried", "failed", "done", "underwent"]
)
# "Completed 6 visits per plan of care": care given as it was planned; the sentence plans nothing.
_AS_PLANNED = re.compile(
    r"\b(?:per|as\s+per|according\s+to)\s+(?:the\s+|his\s+|her\s+)?(?:treatment\s+|therapy\s+)?"
    r"plan(?:\s+of\s+care)?\b",
    re.I | re.ASCII,
)
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
        "orders",
        "ordering",
        # "Chiro referral", "refer to acupuncture": the therapy is what the note sends for.
        "referral",
        "refer",
        # A physician's advice, in the present: "spine surgeon advises ESI first".
        "advises",
        "advise",
        "suggests",
        # A medical-legal report's care to come: "future medical care may include epidural
        # injection".
        "future",
    ]
)
_ADVICE_WORDS = frozenset(["advises", "advise", "suggests"])
# Plan words that, every time a sentence uses them, plan nothing: "back to full hours with
# scheduled breaks" (a routine), "attended six of six scheduled visits" (a count), "spine surgeon
# 01/2017 did not recommend surgery" (an opinion given, closing its clause: not "did not
# recommend surgery but an ESI"). Each word with the expression of every use of it and of those
# uses.
_PLAN_WORDS_IN_PASSING = (
    (
        "scheduled",
        re.compile(r"\bscheduled\b", re.I | re.ASCII),
        re.compile(
            r"\bscheduled\s+(?:rest\s+|stretch\s+)?(?:breaks?|dos(?:e|es|ing)|shifts?|hours|meds|"
            r"medications?)\b"
            # Visits counted against those booked: "attended six of six scheduled visits".
            r"|\b(?:of\s+(?:the\s+)?\w+|missed\s+\w+|all)\s+scheduled\s+(?:visits|sessions|"
            r"appointments|treatments)\b",
            re.I | re.ASCII,
        ),
    ),
    (
        "recommend",
        re.compile(r"\brecommend\b", re.I | re.ASCII),
        re.compile(
            r"\b(?:did\s+not|didn\W?t)\s+recommend\s+(?:surgery|an\s+operation|(?:surgical|operative)"
            r"\s+\w+)(?:\s+at\s+(?:that|this)\s+time)?\s*(?:[.;]|$)",
            re.I | re.ASCII,
        ),
    ),
    # "Surgeon orders postoperative PT" plans; a record's "Orders:" heading lists what was
    # ordered, done or not ("Orders: UDS 01/2017 consistent with prescribed Norco"), and care
    # given "per surgeon orders" was given.
    (
        "orders",
        re.compile(r"\borders\b", re.I | re.ASCII),
        re.compile(
            r"\borders\s*:|\bper\s+(?:[\w']+\s+){0,3}?orders\b|'s\s+orders\b", re.I | re.ASCII
        ),
    ),
    # What a joint does before it moves, as the patient tells it: "he has to wiggle it before
    # it will straighten".
    (
        "will",
        re.compile(r"\bwill\b", re.I | re.ASCII),
        re.compile(r"\b(?:before|until)\s+(?:it|they)\s+will\b", re.I | re.ASCII),
    ),
)
# A title's stop inside a sentence: "Ms. Caldwell's right knee" (see `Reader`).
_HONORIFICS = frozenset(["mr", "ms", "mrs", "dr"])
_HONORIFIC_STOP = re.compile(r"\b(mrs?|ms|dr)\.(?=\s+[A-Z])", re.I | re.ASCII)
_ADVICE_REPORTED = re.compile(
    r"\b(?:advises|advise|suggests)\s+(?:that|repeating|another|a\s+repeat)\b", re.I | re.ASCII
)
# A request told in the first person: "I have asked for six sessions of therapy", "she asked me
# for an MRI", "I ask that she be allowed" (not "I asked him about numbness", nor "has never
# asked for early refills").
_ASK_WORDS = frozenset(["ask", "asks", "asked", "asking", "like", "sending", "worth"])
_ASKED_FOR = re.compile(
    r"(?<!never\s)(?<!not\s)\bask(?:s|ed|ing)?\s+(?:(?:me|us|him|her|them)\s+)?(?:for|that)\b"
    # "I'd like her to have a trial of six acupuncture treatments", "I should like him to have
    # six visits", "I ask that she be allowed six treatments".
    r"|\b(?:i|we)\s*['\u2019]\s*d\s+like\b|\b(?:i|we)\s+(?:should|would)\s+like\b"
    # The patient asking after a treatment, the doctor sending for it: "He asked about
    # acupuncture, so I'm sending for twelve treatments".
    r"|\b(?:he|she|the\s+patient)\s+asked\s+(?:me\s+)?about\b"
    r"|\b(?:i\s*['\u2019]\s*m|i\s+am|we\s*['\u2019]\s*re|we\s+are)\s+sending\s+(?:him\s+|her\s+)?for\b"
    # What the doctor thinks is worth a try: "a short course of manipulation is worth trying".
    r"|\b(?:is|would\s+be|seems|may\s+be|might\s+be)\s+worth\s+(?:a\s+)?(?:trying|try|trial)\b",
    re.I,
)
_TO_BE_DONE = re.compile(
    r"\bbe\s+(?:performed|done|obtained|completed|conducted)\b", re.I | re.ASCII
)
# "no red flag findings, such as trauma, tumor, infection or fracture": the list's items take
# the head's negation, however long the list.
_LIST_WORDS = frozenset(["such", "including", "e", "eg", "example"])
_LIST_INTRO = re.compile(r"\b(?:such\s+as|including|e\.\s?g\.?|for\s+example)\b", re.I | re.ASCII)
_LAST_WORD = re.compile(r"(\w+)\W*$", re.ASCII)
# A denial at the head of the sentence, and a list after it: items of a few words each, joined
# by commas, "or" and "and", with no clause of their own between.
_DENIED_LIST_WORDS = frozenset(["denies", "denied", "negative"])
_DENIED_LIST = re.compile(
    r"\W*(?:(?:the\s+)?(?:patient|pt|he|she)\s+)?(?:denies|denied|negative\s+for)\s+",
    re.I | re.ASCII,
)
_LIST_ONLY = re.compile(
    r"(?:[\w/'-]+(?:\s+[\w/'-]+){0,3}(?:,\s*|\s+(?:or|and)\s+|,\s+(?:or|and)\s+))+", re.I | re.ASCII
)
# "There was no documentation submitted for review indicating ... a urine drug screen": the
# rest of the sentence is what is not documented, up to a terminator.
RECORD_WORDS = frozenset(
    ["documentation", "documented", "evidence", "indication", "mention", "record", "records"]
)
_NOT_DOCUMENTED = re.compile(
    r"\b(?:no|not\s+any|without|lack\s+of|absence\s+of)\s+(?:\w+\s+){0,2}?"
    r"(?:documentation|evidence|indication|mention|records?)\b",
    re.I | re.ASCII,
)
_DOCUMENTED_CLAUSE = re.compile(
    r"\s+(?:(?:that|indicating|showing|to\s+show)\s+)?(?:the\s+)?"
    r"(?:patient|claimant|injured\s+worker|iw|employee)\s+(?:has|had|have|is|was)\b",
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


class Sentence(NamedTuple):
    """A sentence of the letter or note, with its words normalised. (A named tuple: one is
    made for every sentence of every letter, and a frozen dataclass costs several times more.)"""

    text: str
    start: int  # in the letter's text
    source: Source
    item: int | None
    plain: str  # normalised for phrase matching
    words: frozenset[str]
    in_plan: bool = False  # an item of a numbered list under a plan heading
    # The date the text is told on, where known (a note's): a day told without its year ("on the
    # ninth of December", "last Tuesday") is dated against it (engine/facts/days_told.py).
    told_on: date | None = None
    # Where a reviewer's question the sentence opens with ends (0: none): only red flags are read
    # before it (`facts.extract.beyond_the_question`).
    asked_until: int = 0


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
            if sentence.plain in seen and not THIS_DRUG.search(sentence.plain):
                continue
            seen.add(sentence.plain)
            found.append(sentence)
    return found


# What an earlier reviewer said: "The utilization review stated that ...", "UR noted ...", "the
# claims administrator reasoned ...". Over the plain words (see `padded`).
_EARLIER_REVIEWER = frozenset(["utilization", "ur", "administrator", "reviewer", "reviewers"])
# How the record names an earlier review, in a sentence's plain words.
_REVIEW_NAMED = (
    r" (?:utilization review|ur|claims administrator|(?:previous|prior|peer|ur) reviewers?)"
)
_EARLIER_REVIEW_SAID = re.compile(
    _REVIEW_NAMED
    + r" (?:\w+ ){0,6}?(?:stated|states|noted|notes|indicated|indicates|opined|reasoned|felt|found|"
    r"determined|cited|citing|argued|asserted|claimed|said|reported) ",
    re.ASCII,
)
# The reviewer setting it aside, after it in its sentence or in the next: "...; however, the
# records do not support this", "This is incorrect", "In fact, ...". A plain "however" is not
# enough: "UR noted 12 visits; however, no improvement is documented" agrees and goes on.
_REFUTED = re.compile(
    r" (?:contrary to|disagree|disagrees|incorrect|inaccurate|not accurate|not the case|"
    r"(?:records?|documentation|notes?) (?:do|does|did) not support|"
    r"(?:is|was|are|were) not supported|in fact|otherwise) ",
    re.ASCII,
)


# In a treating physician's note, utilization review quoted as saying something: the review
# named right before the verb ("UR stated that ...", "the UR reviewer wrote: ..."; not "UR
# approved 6 PT visits, which she found helpful").
_REVIEW_QUOTED = re.compile(
    _REVIEW_NAMED
    + r"(?: s)?(?: (?:physician|doctor|nurse|reviewer|decision|letter|determination|denial|"
    r"rationale))? (?:stated|states|noted|notes|wrote|writes|said|says|opined|reasoned|indicated|"
    r"indicates|claimed|asserted|argued|commented|concluded) ",
    re.ASCII,
)
# The physician's own words after UR's in the same sentence: "UR noted no red flags, but she now
# reports urinary retention": the sentence is read whole, as the record's.
_TURNS_FROM_REVIEW = re.compile(
    r"[;]| (?:but|however|although|though|yet|whereas|today|now|since then|currently|this visit) ",
    re.ASCII,
)
# A quotation mark that opens (before a word, after a space or a colon; not 'the 4" incision'),
# and one that closes (after a word or a stop, not before a word).
_OPENING_QUOTE = re.compile(r'(?<![^\s:(])"(?=[\w])', re.ASCII)
_CLOSING_QUOTE = re.compile(r'(?<=[\w.,;:!?)])"(?![\w])', re.ASCII)
# How far a quotation of the review may run past its sentence.
_QUOTE_REACH = 400


_ET_AL_END = re.compile(r"\bet\s+al\.\s*\Z", re.ASCII)


def refuted_review(plain: str, words: frozenset[str], following: str) -> bool:
    """Whether a sentence reports what an earlier reviewer said that this reviewer refutes (in
    the rest of the sentence or in `following`, the next): UR's reasoning the reviewer sets aside is not the
    record."""
    if words.isdisjoint(_EARLIER_REVIEWER):
        return False
    said = _EARLIER_REVIEW_SAID.search(plain)
    if said is None:
        return False
    return _REFUTED.search(plain, said.end() - 1) is not None or (
        _REFUTED.search(padded(phrase_words(following))) is not None
    )


# A note's text carried forward from an earlier visit, as records copy it: from the line that says
# so ("(Copied from 11/15/2016)", "HPI/Exam carried forward from 08/09/2016:", "10/25/2016
# (carried forward):") to the next line that opens on a date of its own ("01/24/2017: Since then
# ..."), where the current visit is told.
_CARRIED_MARK = re.compile(r"\b(?:carried|copied)\s+(?:forward|over|from)\b", re.I | re.ASCII)
_DATED_LINE = re.compile(
    r"^[ \t]*\d{1,2}/\d{1,2}/\d{2,4}\s*(?::|\(|interval\b|visit\b|f/?u\b|follow)"
    r"(?![^\n]{0,20}\b(?:carried|copied)\b)",
    re.M | re.I | re.ASCII,
)


def carried_forward(text: str) -> list[tuple[int, int]]:
    """Where a note's text is carried forward from an earlier visit: (start, end) of each
    stretch, ending where a later line opens on its own date (none where no such line follows:
    then nothing tells the current visit apart)."""
    found = []
    for mark in _CARRIED_MARK.finditer(text):
        line_start = text.rfind("\n", 0, mark.start()) + 1
        if found and line_start < found[-1][1]:
            continue
        current = _DATED_LINE.search(text, text.find("\n", mark.end()) + 1 or len(text))
        if current is not None and "\n" in text[mark.end() :]:
            found.append((line_start, current.start()))
    return found


# A reviewer's question, told by the note that answers it: "You asked whether ...", "The
# reviewer asked about ...", "UR requested clarification of ...".
_ASKING_VERBS = frozenset(["asked", "questioned", "queried", "wanted", "requested", "question"])
_REVIEWER_ASKED = re.compile(
    r"\W*(?:(?:you|the\s+(?:ur\s+|utilization\s+review\s+|peer\s+)?reviewer|ur|utilization\s+review|"
    r"the\s+adjuster|the\s+carrier|dr\.?\s+[a-z'-]+\s+\(?(?:ur|the\s+reviewer)\)?)\s+"
    r"(?:also\s+|then\s+|further\s+|specifically\s+)?"
    # (A question of what is so, not of why: "You asked why I ordered the MRI given her new
    # saddle numbness" tells the record in its reason, and is read.)
    r"(?:(?:asked|questioned|queried|wanted\s+to\s+know)(?:\s+me)?\s+(?:whether|if|about|for|what|how|"
    r"which|when)|requested\s+(?:clarification|information|documentation))"
    r"|(?:your|the\s+(?:ur\s+)?reviewer'?s|ur'?s)\s+(?:next\s+|last\s+|first\s+|second\s+)?"
    r"question)\b",
    re.I | re.ASCII,
)


# A question anyone asked, told in the third person ("He asked about conservative care: PT x12
# ...", "She asked whether an MRI was done"), as a peer-to-peer call's record tells the
# reviewer's questions: a question asked whether asserts nothing, and one of another kind only
# where its answer follows it in the sentence (alone, "She asked about acupuncture" is the
# patient's wish, which a note's plan answers). (Not a question of why, whose reason tells the
# record, as for the reviewer's.)
_QUESTION_REPORTED = re.compile(
    r"\W*(?:he|she|they|the\s+patient|dr\.?\s+[a-z'-]+)\s+(?:also\s+|then\s+|further\s+)?"
    r"(?:asked|questioned|queried|wanted\s+to\s+know)(?:\s+me)?\s+"
    r"(?:(?P<whether>whether|if)|about|for|what|how|which|when)\b",
    re.I | re.ASCII,
)


# What the reviewer asked whether, and the answer of a word or two in the next sentence.
_ASKED_WHETHER = re.compile(
    r"\b(?:asked|questioned|queried|know)\s+(?:whether|if)\s+", re.I | re.ASCII
)
_SHORT_ANSWER = re.compile(
    r"\W*(?:(?P<no>no|none|never|not\s+yet|not\s+at\s+all)"
    r"|(?:she|he|they|it|there|the\s+patient|pt)\s+(?:has|have|had|did|does|is|was|were|are)"
    r"(?P<not>\s*(?:not|n't|never))?"
    r"|(?P<yes>yes))(?:,\s*(?:never|not\s+yet|none))?\W*",
    re.I | re.ASCII,
)
# A clause within the question ("whether the patient, who had an L4-5 fusion in 2015, has
# improved"): where the answer's "not" would go is not told by the first auxiliary.
_CLAUSE_WITHIN = re.compile(r",\s*(?:who|which|that|whose|when|where)\b|\bthat\b", re.I | re.ASCII)
_FIRST_AUXILIARY = re.compile(
    r"\b(?:has|have|had|is|are|was|were|did|does|do|can|will)\b(?!\s+not\b)", re.I | re.ASCII
)


def answered_question(question: str, answer: str) -> str | None:
    """The question asked whether, as the one-word answer after it tells it ("she has had any
    physical therapy" and "She has not." -> "she has not had any physical therapy"), or None
    where the next sentence is no such answer."""
    asked = _ASKED_WHETHER.search(question)
    reply = _SHORT_ANSWER.fullmatch(answer.strip())
    if asked is None or reply is None:
        return None
    clause = question[asked.end() :].strip()
    if reply["yes"] or (not reply["no"] and not reply["not"]):
        return clause
    if _CLAUSE_WITHIN.search(clause):
        return None
    auxiliary = _FIRST_AUXILIARY.search(clause)
    if auxiliary is None:
        return None
    return f"{clause[: auxiliary.end()]} not{clause[auxiliary.end() :]}"


_YES = re.compile(r"\W*(?:yes|yeah|correct|affirmative)\b", re.I | re.ASCII)
# An answer that denies what its question supposes: "He asked what care failed: none yet".
_DENYING_ANSWER = re.compile(r"\W*(?:no|none|nothing|never|not)\b", re.I | re.ASCII)


# A question and its answer as a transcript or an interview sets them down: "Q. Has she had
# physical therapy?" then "A. Six visits, September 12 to October 13, 2016." The marks that
# open each, alone in a sentence ("Q.", "A.") or before it ("Q:", "A:", "Answer:").
_QUESTION_MARK = re.compile(r"\s*(?:Q|Question)\s*[.:]\s*\Z", re.I | re.ASCII)
_ANSWER_MARK = re.compile(r"\s*(?:A|Answer)\s*[.:]\s*", re.I | re.ASCII)
# What may come before a question's own words: its mark and an address ("Q. Doctor, ...").
_BEFORE_THE_QUESTION = r"\s*(?:(?:q|question)\s*[.:]\s*)?(?:(?:doctor|dr\.?\s+[a-z'-]+)\s*,\s*)?"
# A question that asks in its own words: an auxiliary or a word of asking opens it (after an
# address, "Doctor,"). (Not a form's "Saddle anesthesia? No.", whose one-word answers are read
# as they stand: see `_ANSWER_THEN_ITEM`.)
_DIRECT_QUESTION = re.compile(
    _BEFORE_THE_QUESTION + r"(?:and\s+|so\s+)?"
    r"(?:has|have|had|did|does|do|is|are|was|were|can|could|will|would|what|when|where|which|"
    r"who|how|why)\b",
    re.I | re.ASCII,
)


# A question of whether a thing was there or done: "Has she had physical therapy?", "Have you
# had any injections?", "Did you have therapy after the injury?", "Is there saddle numbness?",
# "Any numbness?", "Were there any early refills?" (its words after the asking: a thing had,
# tried or got, or there at all).
_EXISTENCE_ASKED = re.compile(
    _BEFORE_THE_QUESTION
    + r"(?:any\b|(?:is|are|was|were)\s+there\b|(?:has|have|had|did|does|do)\s+(?:she|he|you|they|"
    r"the\s+(?:patient|claimant|applicant|worker|employee)|mr\.?\s+\w+|ms\.?\s+\w+|mrs\.?\s+\w+)\s+"
    r"(?:ever\s+|already\s+|previously\s+)?(?:had|have|has|received|tried|undergone|attended|"
    r"used|taken|gotten|got|seen|lost|needed|missed|run|ran|experienced|noticed|developed)\b)",
    re.I | re.ASCII,
)


# A question of how a finding or a treatment has changed or worked: "Any improvement in the left
# foot drop since the last visit? No." leaves the foot drop as it was.
_CHANGE_ASKED = re.compile(
    r"\b(?:improv\w*|better|worse|help\w*|respond\w*|chang\w*|resolv\w*|benefit\w*|"
    r"progress\w*|relief|differen\w*)\b",
    re.I | re.ASCII,
)
_VISITS_COUNTED = re.compile(
    r"\b\d{1,3}\s+(?:\w+\s+)?(?:sessions?|visits?|treatments?)\b", re.I | re.ASCII
)


def answers_joined(
    text: str, spans: list[tuple[int, int, bool]]
) -> tuple[str, list[tuple[int, int, bool]], frozenset[int]]:
    """A note's questions and the answers after them, as a transcript or an interview sets them
    down: the question joined to the first sentence of its answer, which tells what the
    question asks of ("Has she had physical therapy? A. Six visits, ..." is read as "Has she
    had physical therapy: Six visits, ..."); the text with the question's mark turned to a colon
    and the answer's mark blanked (every offset kept), the spans so joined, and where the
    questions left on their own start. A question whose answer denies it ("No.", "Never - ...")
    or that has none asserts nothing: only its red flags are read (`question_until`)."""
    characters: list[str] | None = None
    joined: list[tuple[int, int, bool]] = []
    alone: set[int] = set()
    index = 0
    while index < len(spans):
        start, end, in_plan = spans[index]
        sentence = text[start:end].rstrip()
        if not sentence.endswith("?"):
            joined.append(spans[index])
            index += 1
            continue
        marked = index > 0 and _QUESTION_MARK.fullmatch(text, *spans[index - 1][:2]) is not None
        asking = marked or _DIRECT_QUESTION.match(sentence) is not None
        following = index + 1
        if following < len(spans) and _ANSWER_MARK.fullmatch(text, *spans[following][:2]):
            following += 1
        answer = text[slice(*spans[following][:2])] if following < len(spans) else ""
        opening = _ANSWER_MARK.match(answer)
        told = answer[opening.end() :] if opening is not None else answer
        # (A form's item asked without its own words, "Early refills or lost meds? None.", is
        # set aside only where the answer denies it: "Numbness? Yes." tells it as it stands.)
        # (Only a question of whether the thing was there or done, "Has she had physical
        # therapy? No.", "Early refills or lost meds? None.": a question of what it did or how
        # it is, "Did 12 sessions of PT reduce his pain? No.", "Has the foot drop improved?
        # No.", denies that, and the thing stands.)
        # (Nor a question that counts the care it asks of: "Any lasting benefit from 12
        # sessions of PT? None.")
        denied = (
            _DENYING_ANSWER.match(told) is not None
            and (_EXISTENCE_ASKED.match(sentence) is not None or not asking)
            and _CHANGE_ASKED.search(sentence) is None
            and _VISITS_COUNTED.search(sentence) is None
        )
        if denied or (asking and (not told.strip() or told.rstrip().endswith("?"))):
            alone.add(start)
        if denied or not asking or start in alone:
            joined.append(spans[index])
            index += 1
            continue
        if characters is None:
            characters = list(text)
        characters[start + len(sentence) - 1] = ":"
        answer_start = spans[following][0]
        for at in range(spans[index][1], answer_start + (opening.end() if opening else 0)):
            characters[at] = " " if characters[at] != "\n" else "\n"
        joined.append((start, spans[following][1], in_plan))
        index = following + 1
    return ("".join(characters) if characters is not None else text), joined, frozenset(alone)


def question_opening_end(sentence: str) -> int:
    """Where the words that open a question ("He asked for", "You asked about") end, or 0: a
    question asks nothing for the patient."""
    asked = _REVIEWER_ASKED.match(sentence) or _QUESTION_REPORTED.match(sentence)
    return asked.end() if asked is not None else 0


def question_until(sentence: str) -> int | None:
    """Where the question a sentence opens with stops being set aside (`Sentence.asked_until`):
    0 where the sentence is read whole, None where it opens with no question. A question asked
    whether asserts nothing, up to a reason given beside it ("She asked if she could have more
    acupuncture because the six sessions cut her pain from 8 to 4"), unless an answer after it
    in the sentence affirms it or tells more ("yes; ortho is considering arthroscopy", "she
    completed 12 visits"); one that asks what, how or about, answered after it ("He asked
    what conservative care failed: PT x10", "He asked about side effects: none"), is read whole,
    its words the answer's subject; any other question is not the record."""
    asked = _REVIEWER_ASKED.match(sentence)
    told = asked is None
    if told:
        asked = _QUESTION_REPORTED.match(sentence)
        if asked is None:
            return None
    cut = min((at for at in map(sentence.find, ":;?", (asked.end(),) * 3) if at >= 0), default=-1)
    answer = sentence[cut + 1 :].strip() if cut >= 0 else ""
    whether = asked[0].split()[-1].lower() in ("whether", "if")
    if answer:
        # (The asking itself is never a request: see `question_opening_end`.)
        return cut + 1 if whether and _DENYING_ANSWER.match(answer) else 0
    if told and not whether:
        return None
    reason = _REASON_BESIDE.search(sentence, asked.end())
    return reason.start() if reason is not None else len(sentence)


# A reason given beside a question, which tells the record: "because", "since", "as", "given".
_REASON_BESIDE = re.compile(
    r"\b(?:because|since|as|given|after|but)\b|,\s*(?:which|who)\b", re.I | re.ASCII
)


def reported_sentences(
    text: str,
    offset: int,
    source: Source,
    item: int | None,
    findings: Findings,
    told_on: date | None = None,
) -> Iterator[Sentence]:
    """The sentences of a text that report rather than conclude, with their place (`offset` is
    where the text starts in the letter). In a rationale, a passage that reads a guideline is
    left out whole: from a sentence naming a guideline up to the next that speaks of the patient
    or the record (see `guideline_names` in findings.yaml). `told_on` is the date the text is
    told on, where known."""
    reading_guideline = False
    heading_ends: list[int] = []
    if source == "note":
        text, heading_ends = columns_apart(text)
    spans, headings = headings_apart(sentence_spans(text), heading_ends)
    asked_alone: frozenset[int] = frozenset(headings)
    if source == "note" and "?" in text:
        text, spans, answered_alone = answers_joined(text, spans)
        asked_alone = asked_alone | answered_alone
    spaced = phrase_characters(text)  # normalised once for every sentence
    # The tests that rule most sentences out (no earlier reviewer named, nothing of necessity in
    # a summary) are made here, before the calls: a letter has some thirty sentences.
    # Where the review's words quoted over several sentences end (the closing mark).
    quote_closes = -1
    for index, (start, end, in_plan) in enumerate(spans):
        sentence = text[start:end]
        # (A sentence that goes on past the closing mark is read: the physician's words follow.)
        if start < quote_closes and end <= quote_closes + 3:
            continue
        parts = phrase_words(sentence) if spaced is None else spaced[start:end].split()
        plain = padded(parts)
        words = frozenset(parts)
        if not words.isdisjoint(_EARLIER_REVIEWER) and (
            refuted_review(
                plain, words, text[slice(*spans[index + 1][:2])] if index + 1 < len(spans) else ""
            )
            # A treating physician's note that tells what utilization review said of the
            # patient writes to dispute it (an appeal): UR's reading of the record, not the
            # record. 'UR stated that "the claimant has had 12 sessions ..."'. Not where the
            # sentence turns to the physician's own words after it.
            or (
                source == "note"
                and (quoted := _REVIEW_QUOTED.search(plain)) is not None
                and _TURNS_FROM_REVIEW.search(plain, quoted.end() - 1) is None
            )
        ):
            opening = sentence.rfind('"')
            if (
                source == "note"
                and sentence.count('"') % 2 == 1
                and _OPENING_QUOTE.match(sentence, opening)
            ):
                # A quotation opened and not closed in the sentence runs on to its closing mark:
                # the next mark, if it closes and comes within reach.
                following = text.find('"', end, end + _QUOTE_REACH)
                closes = following >= 0 and _CLOSING_QUOTE.match(text, following) is not None
                quote_closes = following if closes else -1
            continue
        asked_until = len(sentence) if start in asked_alone else 0
        if (
            not asked_until
            and source == "note"
            and not words.isdisjoint(_ASKING_VERBS)
            and (until := question_until(sentence)) is not None
        ):
            # A question the note answers ("You asked about aberrant behaviour.", "You asked
            # whether she has had any physical therapy", "He asked what conservative care
            # failed: PT x10"): the question is not the record, save the red flags it names,
            # which are read as ever, and what it supposes of an answer after it
            # (`question_until`; the readers' other readings before it are set aside).
            # (Answered in the sentence itself, after the question: "She asked if he has had
            # acupuncture before: never.")
            answered = (
                answered_question(sentence, text[slice(*spans[index + 1][:2])])
                if until >= len(sentence.rstrip()) and index + 1 < len(spans)
                else answered_question(sentence[:until], sentence[until:])
                if until
                else None
            )
            if answered is not None:
                # A yes or a no alone in the next sentence answers the question asked whether
                # ("You asked whether she has had any physical therapy on this claim. She has
                # not."): the question's words, so answered, are the record.
                parts = phrase_words(answered)
                yield Sentence(
                    answered, offset + start, source, item, padded(parts), frozenset(parts),
                    in_plan, told_on,
                )  # fmt: skip
                continue
            asked_until = until
        if source == "rationale":
            if findings.guideline_pattern.search(plain, words):
                reading_guideline = True
                continue  # a sentence naming a guideline reads it (and skip_sentences agrees)
            # "Smith et al. (2010) found ...": the abbreviation's full stop ends no sentence.
            if (
                reading_guideline
                and index
                and (before := text[slice(*spans[index - 1][:2])]).rstrip().endswith("al.")
                and _ET_AL_END.search(before)
            ):
                continue
            if reading_guideline:
                if not (DIGIT.search(sentence) and holds_date(sentence)) and not (
                    findings.record_subject_pattern.search(plain, words)
                ):
                    continue
                reading_guideline = False
        if (source != "rationale" and "necess" not in plain) or not concludes(
            sentence, plain, words, source, findings
        ):
            yield Sentence(
                sentence, offset + start, source, item, plain, words, in_plan, told_on, asked_until
            )


_NECESSITY = Caseless(NECESSITY)
_NEGATIVE_CONCLUSION = Caseless(NEGATIVE_CONCLUSION)
_POSITIVE_CONCLUSION = Caseless(POSITIVE_CONCLUSION)


def concludes(
    sentence: str, plain: str, words: frozenset[str], source: Source, findings: Findings
) -> bool:
    """Whether the sentence is the reviewer's conclusion, which the audit checks the facts
    against, or (in a rationale) a reading of the guidelines rather than of the record."""
    if "necess" in plain:
        lowered = sentence.lower()
        if _NECESSITY.search(sentence, lowered) and (
            _NEGATIVE_CONCLUSION.search(sentence, lowered)
            or _POSITIVE_CONCLUSION.search(sentence, lowered)
        ):
            return True
    if source == "rationale":
        # "The request for authorization dated 12/14/2016" is a document of the record, not the
        # disputed request the reviewer judges.
        if " request for authorization " in plain:
            plain = plain.replace(" request for authorization ", " rfa ")
        return findings.skip_pattern.search(plain, words)
    return False


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


def sentence_text(fact: Fact | Reading) -> str:
    """The sentence a fact was read from."""
    return fact.sentence.text if isinstance(fact, Reading) else fact.evidence.sentence


# "The patient", "this claimant", "she": a sentence about the one patient ("patient-specific
# hand therapy" is not).
OF_PATIENT = re.compile(
    r"\b(?:(?:the|this)\s+(?:injured\s+)?(?:patient|claimant|worker|employee|applicant|"
    r"individual)|he|she|his|her|him)\b",
    re.I | re.ASCII,
)
THIS_DRUG = re.compile(r" (?:this|said|the requested|the prescribed) medication ", re.ASCII)


def phrase_position(lowered: str, phrase: str) -> tuple[int, int] | None:
    """Where a normalised phrase occurs in the sentence's own characters: where `phrase_regex`
    finds it. A phrase of letters and figures only (nearly all) is looked for without the
    expression, whose compiling cost more than all the searches of the letters that asked for
    it (a new phrase is met in most letters); the steps below are the expression's own."""
    words = phrase.split()
    if not all(word.isascii() and word.isalnum() for word in words) or (
        "&" in lowered and "and" in words
    ):
        match = phrase_regex(phrase).search(lowered)
        return (match.start(), match.end()) if match else None
    first = words[0]
    at = lowered.find(first)
    while at >= 0:
        end = phrase_end(lowered, at, words)
        if end is not None:
            return at, end
        at = lowered.find(first, at + 1)
    return None


_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_WORD_CHARACTERS = _ALNUM | {"_"}  # `\w` of an ASCII expression
_DIGITS = frozenset("0123456789")


def phrase_end(lowered: str, at: int, words: list[str]) -> int | None:
    """Where the phrase of letters and figures that starts at `at` ends, if it stands there as
    `phrase_regex` would find it: whole words, apart by anything but letters and figures, and
    figures not inside a date."""
    size = len(lowered)
    if at and lowered[at - 1] in _WORD_CHARACTERS:  # \b
        return None
    if (  # (?<!\d[/-])
        words[0][0] in _DIGITS
        and at >= 2
        and lowered[at - 1] in "/-"
        and lowered[at - 2] in _DIGITS
    ):
        return None
    end = at + len(words[0])
    for word in words[1:]:
        gap = end
        while end < size and lowered[end] not in _ALNUM:  # [\W_]+
            end += 1
        if end == gap or not lowered.startswith(word, end):
            return None
        end += len(word)
    if end < size and lowered[end] in _WORD_CHARACTERS:  # (?![\w])
        return None
    if (  # (?![/-]\d)
        words[-1][-1] in _DIGITS
        and end + 1 < size
        and lowered[end] in "/-"
        and lowered[end + 1] in _DIGITS
    ):
        return None
    return end


@cache
def phrase_regex(phrase: str) -> re.Pattern[str]:
    words = phrase.split()
    pattern = r"\b" + r"[\W_]+".join(re.escape(w) for w in words) + r"(?![\w])"
    if "and" in words[1:-1]:
        # The phrase's "and" written "&" ("P&S", "S & P"), as normalising reads it.
        pattern = pattern.replace(r"[\W_]+and[\W_]+", r"(?:[\W_]+and[\W_]+|[\W_]*&[\W_]*)")
    # A phrase of figures ("2/5", a strength grade) is not part of a date ("dated 2/5/2017").
    if words[-1][-1].isdigit():
        pattern += r"(?![/-]\d)"
    if words[0][0].isdigit():
        pattern = r"(?<!\d[/-])" + pattern
    return re.compile(pattern, re.ASCII)


class Reader:
    """One sentence as every topic reader reads it: its words, whether it plans or reports what
    utilization review decided, the status of a phrase in it with the negations that reach past
    the cue window, and the readings the topic readers add. The statuses are worked out once, and
    only where a cue asks for them: the negation scopes are the costly part of reading."""

    __slots__ = (
        "sentence",
        "findings",
        "text",
        "lowered",
        "plain",
        "words",
        "has_digit",
        "ur_decision",
        "planned",
        "under_plan_heading",
        "asks",
        "found",
        "read",
        "quiet",
        "_figures",
    )

    def __init__(self, sentence: Sentence, findings: Findings) -> None:
        self.sentence, self.findings = sentence, findings
        text = sentence.text
        self.words = words = sentence.words
        if not words.isdisjoint(_HONORIFICS):
            # A title's stop inside the sentence ("Mr. Ferreira's", "Ms. Caldwell's right knee")
            # ends nothing: the readers' "no stop between" holds across it. (A space in its
            # place keeps every offset.)
            text = _HONORIFIC_STOP.sub(r"\1 ", text)
        self.text = text
        self.plain = sentence.plain
        # Each pattern of the readers runs only where a cheap test of the sentence's words lets
        # it match: most sentences carry none of the facts, and the regular expressions are the
        # main cost.
        self.lowered = text.lower()
        self.has_digit = DIGIT.search(text) is not None
        self._figures: str | None = None
        # What utilization review decided, and why, is the claims administrator's reading of
        # the record, not the record: "denied ... due to there was no evidence the patient has
        # tried and failed conservative care". Its findings are not read (its dates and counts
        # are).
        self.ur_decision = (
            not words.isdisjoint(_DECISION_WORDS)
            and not words.isdisjoint(_UR_WORDS)
            and _DECISION.search(self.plain) is not None
        )
        planning = words & _PLAN_WORDS
        # (The question a sentence opens with asks nothing for the patient: "He asked for the
        # imaging: MRI 4/11/17 ...".)
        asked_for = (
            not words.isdisjoint(_ASK_WORDS)
            and _ASKED_FOR.search(text, question_opening_end(text)) is not None
        )
        if asked_for:
            planning = planning | {"request"}
        # A sentence under a plan heading ("A/P: first TF ESI ...", the items of "Plan: 1. ...
        # 2. ...") plans as one that names the plan.
        if planning and planning <= _ADVICE_WORDS and _ADVICE_REPORTED.search(text):
            # Advice that reports ("Dr. Kim advises that the 06/2016 ESI gave 70% relief") or
            # advises a repeat of what was done ("which Dr. Kim suggests repeating") plans only
            # what is yet to come.
            planning = frozenset()
        plan_heading = sentence.in_plan or (":" in text and _PLAN_HEADING.match(text) is not None)
        if plan_heading:
            planning = planning | {"plan"}
        if planning == {"plan"} and (
            _AS_PLANNED.search(text) is not None
            # A report's "Treatment plan:" heading over care already given ("Treatment plan:
            # the ledger shows 24 OT visits used"): the heading plans nothing of it.
            or (plan_heading and not words.isdisjoint(DONE_WORDS))
        ):
            planning = frozenset()
        # "Consistent with prescribed medication", "took more than prescribed", "as prescribed":
        # the word describes the drug taken; nothing is ordered.
        prescribed_drug = "prescribed" in words and _PRESCRIBED_DRUG.search(text) is not None
        if prescribed_drug:
            planning = planning - {"prescribed"}
        # "No early refill requests": a behaviour the opioid criteria watch for, not a request.
        refill_asked = (
            "early" in words
            and not words.isdisjoint(_REQUEST_NOUNS)
            and _EARLY_REFILL_REQUEST.search(text) is not None
        )
        if refill_asked:
            planning = planning - _REQUEST_NOUNS
        for word, every_use, in_passing in _PLAN_WORDS_IN_PASSING:
            if word in planning and len(every_use.findall(text)) == len(in_passing.findall(text)):
                planning = planning - {word}
        self.planned = bool(planning) or ("be" in words and _TO_BE_DONE.search(text) is not None)
        # Under a plan's heading, or opening on one ("A/P: ...", "Plan: ...").
        self.under_plan_heading = "plan" in planning
        # Whether it speaks of a request or of a decision on one, whose treatments are asked for,
        # not given. "Modified duty" is a work status, not a modified request.
        asking = words & REQUEST_WORDS
        if asked_for:
            asking = asking | {"request"}
        if prescribed_drug:
            asking = asking - {"prescribed"}
        if refill_asked:
            asking = asking - _REQUEST_NOUNS
        if "modified" in asking and modified_work(text):
            asking = asking - {"modified"}
        self.asks = bool(asking) and not (
            (asking == {"plan"} and not planning)
            # Visits done of those authorized: "Completed 8/8 authorized OT visits", "visit 6
            # of 6 authorized".
            or (
                asking == {"authorized"}
                and (
                    not words.isdisjoint(DONE_WORDS)
                    or _OF_AUTHORIZED.search(text) is not None
                    # Only an aside on what was authorized: "Acupuncture 6 sessions
                    # 07/01-07/24/2026 (trial authorized 06/2026)".
                    or (
                        AUTHORIZED_WORD.search(AUTHORIZED_ASIDE.sub(" ", text)) is None
                        and _TO_COME.search(text) is None
                    )
                )
            )
            # A drug's last certification, dated, in a medication list: "MS Contin 15 mg q12h
            # #60, since 03/2016, 30 mg MED, last certified 10/2017".
            or (asking == {"certified"} and _LAST_CERTIFIED.search(text) is not None)
            # Only an aside on a done procedure's certification: "Arthroscopic subacromial
            # decompression L shoulder 05/09/17 (certified 03/2017)".
            or (
                asking <= {"certified", "approved"}
                and _CERTIFIED_WORD.search(_BRACKETED.sub(" ", text)) is None
                and _TO_COME.search(text) is None
            )
            # Care authorized and then given: "Six treatments were authorized and given twice
            # weekly", "an L5-S1 epidural injection was certified and performed on 08/14/2017".
            or (
                asking <= {"authorized", "certified"}
                and _AUTHORIZED_AND_GIVEN.search(text) is not None
            )
        )
        self.found: list[Reading] = []
        self.read: ReadSentence | None = None
        self.quiet: bool | None = None

    @property
    def counts(self) -> bool:
        """Whether the sentence holds a number, in figures or in words ("six visits")."""
        return self.has_digit or not self.words.isdisjoint(NUMBER_WORD_SET)

    @property
    def figures(self) -> str:
        """The sentence with its number words as figures, each padded to the word's length so
        that places stay put ("ten" -> "10 "): the text itself where it has none. Worked out
        once for all the readers that count."""
        if self._figures is None:
            self._figures = (
                self.text if self.words.isdisjoint(NUMBER_WORD_SET) else with_figures(self.text)
            )
        return self._figures

    def add(self, name: str, value: Any, start: int = 0, end: int | None = None) -> None:
        self.found.append(Reading(name, value, self.sentence, start, end))

    def is_quiet(self) -> bool:
        """Whether the sentence holds no negation, uncertainty or history cue: then everything
        in it is stated, and the cues' scopes need not be worked out."""
        if self.quiet is None:
            # ("(-)" and a form's boxes are cues the plain words do not keep.)
            self.quiet = (
                "(-)" not in self.text
                and "[" not in self.text
                and not self.findings.cue_phrases.search(self.plain, self.words)
            )
        return self.quiet

    def cues_read(self) -> ReadSentence:
        if self.read is None:
            self.read = read_sentence(self.text, self.findings.cues)
        return self.read

    def status_at(self, start: int, end: int) -> Status:
        if self.is_quiet():
            return Status.PRESENT
        return status_of(self.text, start, end, self.findings.cues, self.cues_read())

    def status_in_own_clause(self, start: int, end: int) -> Status:
        """The status at a place with only the cues of its own clause before it: those after
        the last comma, semicolon or colon ahead of it (the cues after it all count)."""
        mark = max(self.text.rfind(sign, 0, start) for sign in ",;:")
        if mark < 0:
            return self.status_at(start, end)
        cut = mark + 1
        return status_of(self.text[cut:], start - cut, end - cut, self.findings.cues)

    def phrase_status(self, phrase: str) -> Status | None:
        at = phrase_position(self.lowered, phrase)
        return self.status_at(*at) if at else None

    def inherited(self, start: int, status: Status) -> Status:
        """A finding the sentence states may still fall in a negation that reaches further than
        the cue window: the items of a list after a negated head ("no red flag findings, such
        as ... fracture"), and all that follows "there is no documentation ..." up to a
        terminator."""
        text, words = self.text, self.words
        if not words.isdisjoint(_LIST_WORDS):
            intros = list(_LIST_INTRO.finditer(text, 0, start))
            intro = intros[-1] if intros else None
            head = _LAST_WORD.search(text, 0, intro.start()) if intro else None
            if intro and head and not self.terminated(head.end(), start):
                above = self.status_at(head.start(), head.end())
                if above in (Status.ABSENT, Status.POSSIBLE):
                    return above
        if not words.isdisjoint(_DENIED_LIST_WORDS):
            # "Denies numbness, weakness, saddle anesthesia, bowel or bladder changes, fever,
            # cancer history, wt loss": every item of a list the denial heads, however long,
            # up to a terminator or the end of the list.
            head = _DENIED_LIST.match(text)
            if (
                head is not None
                and head.end() <= start
                and _LIST_ONLY.fullmatch(text, head.end(), start) is not None
                and not self.terminated(head.end(), start)
            ):
                return Status.ABSENT
        if not words.isdisjoint(RECORD_WORDS):
            for cue in _NOT_DOCUMENTED.finditer(text, 0, start):
                # "no documentation that the patient has X": the clause after the cue is what
                # is not documented, so its "the patient has" ends nothing.
                said = _DOCUMENTED_CLAUSE.match(text, cue.end())
                if not self.terminated(said.end() if said else cue.end(), start):
                    return Status.ABSENT
        return status

    def terminated(self, begin: int, end: int) -> bool:
        """Whether a terminator cue ("but", "however", ";") lies between two places."""
        read = self.cues_read()
        tokens = read.tokens
        return any(tokens[a][1] >= begin and tokens[b - 1][2] <= end for a, b in read.ends if b > a)

    def stated_status(self, phrase: str) -> Status | None:
        """A phrase's status, with the negations that reach past the cue window."""
        if self.is_quiet():
            return Status.PRESENT
        at = phrase_position(self.lowered, phrase)
        if at is None:
            return None
        status = self.status_at(*at)
        return self.inherited(at[0], status) if status is Status.PRESENT else status
