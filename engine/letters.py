"""Stage 1, letters: the text of an IMR determination letter -> a validated `Case`.

Takes the text from `documents.read_letter_text` and returns a `Case` with metadata, the clinical
summary and every disputed item, each with character spans into the text. Three published layouts
are recognised: the 2014-2017 DWC letters ("IMR ISSUES, DECISIONS AND RATIONALES"), the 2013 notice
("MAXIMUS Federal Services, Inc. has determined the request for X is ...") and the professional-review
layout ("MEDICAL PROFESSIONAL REVIEW", "ISSUE AT DISPUTE:").

The parser never relies on blank lines: PDF text has none, while the state's text exports have them
in odd places (inside headings at page breaks). It works on line ends and sentence ends instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from engine import citations, requests
from engine.caseless import Caseless
from engine.conclusions import NECESSITY, NEGATIVE_CONCLUSION, POSITIVE_CONCLUSION, parse_date
from engine.documents import read_letter_text
from engine.errors import NotALetterError
from engine.markers import (
    BETWEEN_WORDS,
    Marker,
    either,
    is_page_furniture,
    letters_of,
    opening,
    phrase,
)
from engine.models import (
    Case,
    Citation,
    Decision,
    DecisionSource,
    GuidelineLine,
    Item,
    Layout,
    LetterDates,
    Reviewer,
    Span,
)
from engine.vocab import Vocabulary, plain_spaces

DECISION_WORDS = {"upheld": Decision.UPHELD, "overturned": Decision.OVERTURNED}

# Every expression here is ASCII (re.ASCII), as in all the text stages: see `plain_spaces`. The
# letters' fixed wording is written as printed and built by `markers`, which lets it through the
# damage a PDF's text layer does (glued and split words, hyphenated line ends, page footers, odd
# case, ligatures). Where a request's own words meet that wording, whitespace is still required:
# "arthrodesis" must not read as "arthrodes is".
# --- DWC layout markers -------------------------------------------------------------------------
ISSUES_HEADING_WORDS = "IMR ISSUES, DECISIONS AND RATIONALES"
ISSUES_HEADING = Marker(opening(ISSUES_HEADING_WORDS))
# The intro sentence runs from these words to the first "below:" after them. The two are looked
# for one after the other: an expression with a lazy gap before a phrase of either case tries
# the phrase at every character in between.
ISSUES_INTRO = Marker(opening("The Final Determination was based on decisions"))
ISSUES_INTRO_END = Marker(phrase("below:"))
SUMMARY_HEADING = Marker(opening("CLINICAL CASE SUMMARY"))
# Matched where the summary starts, so its first words are enough to know the sentence by; it
# ends at the first "medical records:" after them.
SUMMARY_INTRO = Marker(r"\s*" + phrase("The expert reviewer developed"))
SUMMARY_INTRO_END = Marker(phrase("medical records:"))
HOW_HEADING = Marker(opening("HOW THE IMR FINAL DETERMINATION WAS MADE"))
CA_GUIDELINE_WORDS = "Claims Administrator guideline:"
CA_GUIDELINE = Marker(opening(CA_GUIDELINE_WORDS))
REVIEWER_GUIDELINE = Marker(
    rf"(?:{opening('MAXIMUS')}|{opening('Expert Reviewer')}){BETWEEN_WORDS}{phrase('guideline:')}"
)
RATIONALE = Marker(opening("Decision rationale:"))

CASE_NUMBER = re.compile(r"\bCM\d{2}-\d{7}\b", re.ASCII)
DATE = r"\s*(\d{1,2}[/-]\d{1,2}[/-]\d{2,4})"
HEADER_DATES = {
    "assigned": Marker(opening("Date Assigned:") + DATE),
    "injury": Marker(opening("Date of Injury:") + DATE),
    "decision": Marker(rf"(?:{opening('Decision Date:')}|^[ \t]*{opening('Dated:')})" + DATE, re.M),
    "ur_denial": Marker(
        rf"(?:{opening('UR Denial Date:')}|{opening('Date of UR Decision:')})" + DATE
    ),
    "application_received": Marker(opening("Received:") + DATE),
}
PRIORITY = Marker(opening("Priority:") + r"[ \t]*([A-Za-z]+)")

CREDENTIALS_LICENSURE = Marker(opening("State(s) of Licensure:") + r"[ \t]*([^\n]*)")
CREDENTIALS_SPECIALTY = Marker(opening("Certification(s)/Specialty:") + r"[ \t]*([^\n]*)")
# (Each part is bounded: unbounded, a text that repeats the sentence's opening without its end
# was searched to its end from every opening, seconds for one letter.)
CREDENTIALS_SENTENCE = Marker(
    phrase("reviewer is Board Certified in")
    + r"\s+(?P<specialty>.{1,200}?)(?:(?:,\s*"
    + phrase("has")
    + r"|\s+"
    + phrase("with")
    + ")"
    + BETWEEN_WORDS
    + phrase("a subspecialty in")
    + r"\s+(?P<subspecialty>.{1,200}?))?,?\s+"
    + phrase("and is licensed to practice in")
    + r"\s+(?P<licensure>.{1,200}?)\.",
    re.S,
)

# A heading's last line ends in ": Upheld" or ": Overturned"; the word may stand on its own line.
DECISION_WORD = either("Upheld", "Overturned")
HEADING_DECISION = Marker(
    rf"(?::|\b{phrase('is')}){BETWEEN_WORDS}(?P<decision>{DECISION_WORD})\W*\Z"
)
DECISION_LINE = Marker(rf"\s*{DECISION_WORD}\W*")
HEADING_NO_DECISION = re.compile(r":\s*\Z", re.ASCII)
TRAILING_IS = Marker(r"\s+" + phrase("is") + r"\s*:?\s*\Z")
# What `\s` is in an ASCII expression (`str.strip` would take other characters too).
WHITESPACE = " \t\n\r\x0b\x0c"
# A partial authorization's heading opens "<original> was the original request." and goes on in
# one of two wordings, read after it. Few headings say it, so the two long expressions are
# compiled and tried only where one does.
ORIGINAL_REQUEST_STATED = Marker(r"\s+" + phrase("was the original request.") + r"\s*")
AUTHORIZED = either("authorized", "certified", "approved", "modified")
PARTIAL_AUTHORIZATION = Marker(
    r"(?P<authorized>.+?)\s+"
    + either("was", "were")
    + BETWEEN_WORDS
    + AUTHORIZED
    + r"\b.*?\.\s*"
    + phrase("The remaining IMR eligible portion of the original request")
    + r",?\s*(?P<disputed>.+)",
    re.S,
)
# The other wording: UR allowed something else, so the whole original request went to IMR.
WHOLE_ORIGINAL_DISPUTED = Marker(
    phrase("The Claims Administrator")
    + BETWEEN_WORDS
    + AUTHORIZED
    + r"\s+(?P<authorized>.+?),?\s+"
    + phrase("leaving the original request IMR eligible.")
    + r"\s*"
    + phrase("The original request")
    + r",?\s*(?P<disputed>.+)",
    re.S,
)
# Line ends that do not close a heading although they end a sentence: the first two sentences of a
# partial-authorization heading. Read over the end of the lines so far, not the last line alone:
# the phrase may have been broken over two.
HEADING_CONTINUES = Marker(
    either("was the original request", "by the Claims Administrator", "IMR eligible") + r"\.\s*\Z"
)
HEADING_CONTINUES_REACH = 60
SENTENCE_END = re.compile("[.!?][\"')\\]\u201d\u2019]*\\s*\\Z", re.ASCII)
MAX_HEADING_LINES = 8

# --- 2013 notice layout -------------------------------------------------------------------------
NOTICE_LEAD_WORDS = "has determined the request for"
NOTICE_VERDICT_WORDS = "is [not] medically necessary and appropriate"
# "is not" or "is", then the rest; `negation` says which.
NOTICE_VERDICT = (
    phrase("is")
    + rf"(?P<negation>{BETWEEN_WORDS}{phrase('not')})?{BETWEEN_WORDS}"
    + phrase("medically necessary and appropriate")
    + r"\.?"
)
NOTICE_LEAD = Marker(phrase(NOTICE_LEAD_WORDS))
NOTICE_DETERMINATION = Marker(
    rf"(?:{phrase('MAXIMUS Federal Services')},?{BETWEEN_WORDS}{phrase('Inc.')}\s+)?"
    + phrase(NOTICE_LEAD_WORDS)
    + r"\s+(?P<request>.+?)\s+"
    + NOTICE_VERDICT,
    re.S,
)
NOTICE_ITEM_HEADING = Marker(
    r"^[ \t]*(?P<number>\d{1,2})[.)][ \t]+(?P<request>\S.*?)\s+" + NOTICE_VERDICT, re.S | re.M
)
NOTICE_SUMMARY = Marker(r"^[ \t]*" + phrase("Case Summary") + ":?", re.M)
GUIDELINES_USED_BY = phrase("Guideline") + "(?i:s?)" + BETWEEN_WORDS + phrase("used by the")
NOTICE_CA_GUIDELINE = Marker(
    GUIDELINES_USED_BY + BETWEEN_WORDS + phrase("Claims Administrator") + r"[^:\n]*:"
)
NOTICE_REVIEWER_GUIDELINE = Marker(
    GUIDELINES_USED_BY + BETWEEN_WORDS + phrase("Expert Reviewer") + r"[^:\n]*:"
)
NOTICE_RATIONALE = Marker(phrase("Rationale used by the Expert Reviewer") + r"[^:\n]*:")

# --- professional-review layout -----------------------------------------------------------------
PROFESSIONAL_HEADING_WORDS = "MEDICAL PROFESSIONAL REVIEW"
PROFESSIONAL_HEADING = Marker(opening(PROFESSIONAL_HEADING_WORDS))
PROFESSIONAL_ISSUE_WORDS = "ISSUE AT DISPUTE:"
PROFESSIONAL_ISSUE = Marker(opening("ISSUE") + "(?i:s?)" + BETWEEN_WORDS + phrase("AT DISPUTE:"))
PROFESSIONAL_SUMMARY = Marker(opening("CASE SUMMARY:"))
# The template's own heading reads "IS/WAS NOT" whatever the outcome, so only "IS NOT", "WAS NOT"
# and a bare "IS" say the decision; with "IS/WAS NOT" the rationale's conclusion decides.
PROFESSIONAL_RATIONALE = Marker(
    opening("RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE")
    + rf"{BETWEEN_WORDS}(?P<verb>{either('IS/WAS', 'IS', 'WAS')})"
    + rf"(?P<negation>{BETWEEN_WORDS}{phrase('NOT')})?{BETWEEN_WORDS}"
    + phrase("MEDICALLY NECESSARY:")
)
PROFESSIONAL_GUIDELINE = Marker(
    opening("MEDICAL TREATMENT GUIDELINE")
    + r"(?i:\(?S?\)?)"
    + BETWEEN_WORDS
    + phrase("RELIED UPON")
    + r"[^:]*:"
)
# Any other capitalised heading ending in a colon closes the section before it.
PROFESSIONAL_SECTION = re.compile(
    "^[ \\t]*[A-Z][A-Z0-9 ()/'\u2019&,-]{6,}:[ \\t]*$", re.M | re.ASCII
)
NUMBERED_LINE = re.compile(r"^[ \t]*(\d{1,2})[.)][ \t]+(\S[^\n]*?)[ \t]*$", re.M | re.ASCII)


def parse_letter_file(path: str | Path, vocabulary: Vocabulary) -> Case:
    """Read a letter file (text or PDF) and parse it."""
    text = read_letter_text(path)
    return parse_letter(text, vocabulary, source=str(path))


def parse_letter(text: str, vocabulary: Vocabulary, source: str = "<text>") -> Case:
    """Parse the text of one letter with the vocabulary of the rules in use (required: the
    bundled one in its place would read another rules folder's requests differently). Raises
    `NotALetterError` for text of no known layout."""
    text = plain_spaces(text)
    issues = ISSUES_HEADING.search(text)
    # Any guideline line makes the layout: the items follow the heading, so that is where one is
    # looked for first, and the text before the heading only where there is none.
    first_guideline = issues and (
        CA_GUIDELINE.search(text, issues.end()) or CA_GUIDELINE.search(text, 0, issues.end())
    )
    if issues and first_guideline:
        case = parse_dwc(text, source, vocabulary, issues, first_guideline)
    elif PROFESSIONAL_HEADING.search(text) and PROFESSIONAL_ISSUE.search(text):
        case = parse_professional(text, source, vocabulary)
    elif NOTICE_DETERMINATION.search(text):
        case = parse_notice(text, source, vocabulary)
    else:
        raise NotALetterError(source, why_no_layout(text, issues is not None))
    if not case.items:
        raise NotALetterError(source, "an IMR letter, but no disputed item could be found in it")
    return case


def why_no_layout(text: str, issues_found: bool) -> str:
    """Why no layout could be read: none of them starts in the text, or what one that starts
    lacks. A phrase is said to be missing only where it is not there in any form."""
    started = []
    if issues_found:
        started.append(f"'{ISSUES_HEADING_WORDS}' was found but no '{CA_GUIDELINE_WORDS}'")
    if PROFESSIONAL_HEADING.search(text):
        started.append(
            f"'{PROFESSIONAL_HEADING_WORDS}' was found but no '{PROFESSIONAL_ISSUE_WORDS}'"
        )
    if NOTICE_LEAD.search(text):
        started.append(
            f"'{NOTICE_LEAD_WORDS}' was found but not followed by '{NOTICE_VERDICT_WORDS}'"
        )
    if started:
        return "not an IMR determination letter of a known layout: " + "; ".join(started)
    return (
        f"not an IMR determination letter (none of '{ISSUES_HEADING_WORDS}', "
        f"'{PROFESSIONAL_HEADING_WORDS}' or '{NOTICE_LEAD_WORDS}' was found)"
    )


# --- shared pieces ------------------------------------------------------------------------------


# What `str.split` takes for whitespace in an ASCII text, besides the space and the line end.
OTHER_WHITESPACE = "\t\r\x0b\x0c\x1c\x1d\x1e\x1f"


def fold_whitespace(text: str) -> str:
    """Every run of whitespace as one space, and none at either end: `" ".join(text.split())`."""
    if not spaced_by_lines(text):
        return " ".join(text.split())
    # Then a few passes over the text fold it, where splitting it made an object of every word,
    # hundreds in a rationale or a summary (a tenth of the stage's instructions). The lines of
    # most letters end in a space.
    folded = text.replace(" \n", " ").replace("\n", " ")
    while "  " in folded:
        folded = folded.replace("  ", " ")
    return folded.strip(" ")


def spaced_by_lines(text: str) -> bool:
    """Whether the only whitespace in the text is spaces and line ends, as in nearly every letter."""
    return text.isascii() and all(character not in text for character in OTHER_WHITESPACE)


def trimmed_span(text: str, start: int, end: int) -> Span:
    """The span with surrounding whitespace removed (empty spans stay at `start`)."""
    if start < end and not text[start].isspace() and not text[end - 1].isspace():
        return Span(start=start, end=end)
    # The string methods strip what `str.isspace` calls space, without a step per character
    # (a section can end in a long run of blank lines).
    piece = text[start:end]
    kept = piece.lstrip()
    if not kept:
        return Span(start=end, end=end)
    return Span(start=end - len(kept), end=end - (len(kept) - len(kept.rstrip())))


def read_header_dates(text: str) -> LetterDates:
    found = {}
    for name, pattern in HEADER_DATES.items():
        match = pattern.search(text)
        if match:
            found[name] = parse_date(match.group(1))
    return LetterDates(**found)


def find_case_number(text: str, source: str) -> str | None:
    match = CASE_NUMBER.search(text)
    if match:
        return match.group(0)
    match = CASE_NUMBER.search(Path(source).name)
    return match.group(0) if match else None


def split_names(value: str) -> list[str]:
    # Commas only: "Physical Medicine and Rehabilitation" is one specialty.
    return [name.strip() for name in re.split(r"[,;]", fold_whitespace(value)) if name.strip()]


def read_reviewer(text: str) -> Reviewer:
    licensure = CREDENTIALS_LICENSURE.search(text)
    specialty = CREDENTIALS_SPECIALTY.search(text)
    if licensure or specialty:
        spans = [m.span() for m in (licensure, specialty) if m]
        return Reviewer(
            specialties=split_names(specialty.group(1)) if specialty else [],
            licensure=split_names(licensure.group(1)) if licensure else [],
            span=Span(start=min(s for s, _ in spans), end=max(e for _, e in spans)),
        )
    sentence = CREDENTIALS_SENTENCE.search(text)
    if sentence:
        return Reviewer(
            specialties=split_names(sentence.group("specialty")),
            subspecialties=split_names(sentence.group("subspecialty") or ""),
            licensure=split_names(sentence.group("licensure")),
            span=Span(start=sentence.start(), end=sentence.end()),
        )
    return Reviewer()


# A sentence's end: its mark and the whitespace after it (group 1, where the text is split). The
# mark is matched rather than looked behind for: an expression that starts by looking behind is
# tried at every character, this one only at the marks (a rationale splits five times faster).
SENTENCE_BREAK = re.compile(r"[.!?](\s+)", re.ASCII)
# About the last two or three sentences: the concluding one is nearly always among them, and a
# longer tail is split into sentences that are never read.
CONCLUSION_TAIL_CHARS = 250
SUPPORTED = re.compile(r"\bsupported\b", re.I | re.ASCII)
# The same, over the lower-cased sentence: several times faster (see engine/caseless.py).
_NECESSITY = Caseless(NECESSITY)
_SUPPORTED = Caseless(SUPPORTED)
_NEGATIVE_CONCLUSION = Caseless(NEGATIVE_CONCLUSION)
_POSITIVE_CONCLUSION = Caseless(POSITIVE_CONCLUSION)


def conclude(rationale: str) -> Decision:
    """The verdict of the last sentence of a rationale that speaks of medical necessity. The
    rationale comes with its whitespace folded, as `Item.rationale` keeps it."""
    # The conclusion is nearly always among the last sentences: the tail is read first, from a
    # sentence start, and the rest only where the tail concludes nothing.
    # From one character earlier: the mark of a break at the tail's first character is before it.
    tail = SENTENCE_BREAK.search(rationale, max(0, len(rationale) - CONCLUSION_TAIL_CHARS - 1))
    parts = [rationale] if tail is None else [rationale[tail.end() :], rationale[: tail.end()]]
    for part in parts:
        for sentence in reversed(split_sentences(part)):
            lowered = sentence.lower()
            if not _NECESSITY.search(sentence, lowered) and not _SUPPORTED.search(
                sentence, lowered
            ):
                continue
            if _NEGATIVE_CONCLUSION.search(sentence, lowered):
                return Decision.UPHELD
            if _POSITIVE_CONCLUSION.search(sentence, lowered):
                return Decision.OVERTURNED
    return Decision.UNKNOWN


def split_sentences(text: str) -> list[str]:
    """The text split at the whitespace after each sentence's end mark (the mark stays with its
    sentence; the whitespace goes)."""
    pieces = []
    last = 0
    for end in SENTENCE_BREAK.finditer(text):
        pieces.append(text[last : end.start(1)])
        last = end.end()
    pieces.append(text[last:])
    return pieces


# What a guideline line's words say: whether it cites evidence, and its citations.
LineReading = tuple[bool, list[Citation]]


def read_guideline_line(
    text: str, start: int, end: int, read_before: dict[str, LineReading] | None = None
) -> GuidelineLine:
    """The guideline line between two offsets. `read_before`: the lines of the same letter read
    so far, by their words; a letter repeats the administrator's line for item after item (a
    quarter of the lines are repeats), and its citations are read once."""
    span = trimmed_span(text, start, end)
    line = fold_whitespace(span.slice(text))
    reading = read_before.get(line) if read_before is not None else None
    if reading is None:
        reading = (citations.cites_evidence(line), citations.parse_citations(line))
        if read_before is not None:
            read_before[line] = reading
    cites_evidence, found = reading
    return GuidelineLine(text=line, span=span, cites_evidence=cites_evidence, citations=list(found))


def build_item(
    text: str,
    index: int,
    heading: Span,
    request: Span,
    decision: Decision,
    rationale: Span | None,
    vocabulary: Vocabulary,
    original: str | None = None,
    authorized: str | None = None,
    remainder: bool = False,
    ca_line: GuidelineLine | None = None,
    reviewer_line: GuidelineLine | None = None,
) -> Item:
    """One disputed item. `remainder`: the request is what was left of `authorized`'s request
    once UR authorized that part (see `requests.remainder_of`)."""
    rationale_text = fold_whitespace(rationale.slice(text)) if rationale else ""
    conclusion = conclude(rationale_text)
    source = DecisionSource.HEADING
    if decision is Decision.UNKNOWN:
        decision = conclusion
        source = (
            DecisionSource.NONE if conclusion is Decision.UNKNOWN else DecisionSource.CONCLUSION
        )
    request_text = clean_request(request.slice(text))
    normalized = requests.normalize_request(request_text, vocabulary)
    if remainder and authorized:
        normalized = requests.remainder_of(
            normalized, requests.normalize_request(authorized, vocabulary)
        )
    return Item(
        index=index,
        request=request_text,
        original_request=original,
        authorized_request=authorized,
        decision=decision,
        decision_source=source,
        rationale_conclusion=conclusion,
        heading_span=heading,
        request_span=request,
        claims_administrator_guideline=ca_line,
        reviewer_guideline=reviewer_line,
        rationale=rationale_text,
        rationale_span=rationale,
        normalized=normalized,
    )


def assemble_case(
    text: str,
    source: str,
    layout: Layout,
    items: list[Item],
    sections: dict[str, Span],
    summary_span: Span | None,
    header_end: int | None = None,
    reviewer_end: int | None = None,
    priority: str | None = None,
) -> Case:
    """The case of any layout: header fields are read before `header_end`, the reviewer's
    credentials before `reviewer_end` (the whole text where not given)."""
    header = text[:header_end]
    return Case(
        source=source,
        layout=layout,
        case_number=find_case_number(header, source),
        priority=priority,
        dates=read_header_dates(header),
        reviewer=read_reviewer(text[:reviewer_end]),
        summary=fold_whitespace(summary_span.slice(text)) if summary_span else "",
        summary_span=summary_span,
        sections=sections,
        items=items,
        text=text,
    )


def clean_request(raw: str) -> str:
    return fold_whitespace(raw).strip(" :;,.")


def lines_upwards(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each line between two offsets, line ends excluded, the last line first."""
    line_end = end
    while line_end > start:
        newline = text.rfind("\n", start, line_end)
        yield newline + 1 if newline >= 0 else start, line_end
        line_end = newline


# --- DWC layout ---------------------------------------------------------------------------------


def parse_dwc(
    text: str,
    source: str,
    vocabulary: Vocabulary,
    issues: re.Match[str],
    first_guideline: re.Match[str],
) -> Case:
    """The DWC letter whose items heading and a "Claims Administrator guideline:" (the first
    after the heading, if there is one) were found by the caller."""
    intro = ISSUES_INTRO.search(text, issues.end())
    intro_end = intro and ISSUES_INTRO_END.search(text, intro.end())
    items_start = intro_end.end() if intro_end else issues.end()
    sections = {"issues": trimmed_span(text, issues.start(), len(text))}

    summary_span = None
    summary = SUMMARY_HEADING.search(text, 0, issues.start())
    if summary:
        body_start = summary.end()
        summary_intro = SUMMARY_INTRO.match(text, body_start)
        summary_intro_end = summary_intro and SUMMARY_INTRO_END.search(text, summary_intro.end())
        if summary_intro_end:
            body_start = summary_intro_end.end()
        summary_span = trimmed_span(text, body_start, issues.start())
        sections["summary"] = trimmed_span(text, summary.start(), issues.start())
    how = HOW_HEADING.search(text)
    if how:
        sections["how_determined"] = trimmed_span(
            text, how.start(), summary.start() if summary else issues.start()
        )
        sections["header"] = trimmed_span(text, 0, how.start())

    # The caller's first guideline is the first anchor when it follows the heading; the rest of
    # the text is searched from its end, so no part of the text is searched twice.
    if first_guideline.start() >= items_start:
        anchors = [first_guideline, *CA_GUIDELINE.finditer(text, first_guideline.end())]
    else:
        anchors = list(CA_GUIDELINE.finditer(text, items_start))
    headings = []
    rationales = []
    lines_read: dict[str, LineReading] = {}
    block_start = items_start
    for anchor in anchors:
        headings.append(find_heading(text, block_start, anchor.start()))
        rationale = RATIONALE.search(text, anchor.end())
        rationales.append(rationale)
        block_start = rationale.end() if rationale else anchor.end()

    items: list[Item] = []
    for index, (anchor, heading) in enumerate(zip(anchors, headings, strict=True), start=1):
        next_start = headings[index].start if index < len(headings) else len(text)
        # The first rationale after the anchor, found above, unless it runs past the item.
        rationale_marker = rationales[index - 1]
        if rationale_marker and rationale_marker.end() > next_start:
            rationale_marker = RATIONALE.search(text, anchor.end(), next_start)
        # The reviewer's guideline line stands between the administrator's and the rationale.
        reviewer_marker = REVIEWER_GUIDELINE.search(
            text, anchor.end(), rationale_marker.start() if rationale_marker else next_start
        )
        if reviewer_marker:
            ca_end = reviewer_marker.start()
        else:
            ca_end = rationale_marker.start() if rationale_marker else next_start
        ca_line = read_guideline_line(text, anchor.end(), ca_end, lines_read)
        reviewer_line = None
        if reviewer_marker:
            reviewer_end = rationale_marker.start() if rationale_marker else next_start
            reviewer_line = read_guideline_line(
                text, reviewer_marker.end(), reviewer_end, lines_read
            )
        rationale_span = (
            trimmed_span(text, rationale_marker.end(), next_start) if rationale_marker else None
        )
        items.append(
            split_dwc_heading(
                text, index, heading, rationale_span, vocabulary, ca_line, reviewer_line
            )
        )

    # Header fields are read before the items, so that a rationale quoting a date or a case
    # number cannot stand in for the letter's own.
    return assemble_case(
        text,
        source,
        Layout.DWC,
        items,
        sections,
        summary_span,
        header_end=how.start() if how else issues.start(),
        reviewer_end=issues.start(),
        priority=read_priority(text),
    )


def read_priority(text: str) -> str | None:
    match = PRIORITY.search(text)
    return match.group(1).lower() if match else None


def find_heading(text: str, block_start: int, anchor: int) -> Span:
    """The item heading: the lines just above an item's "Claims Administrator guideline:".

    Walks up from the anchor and stops below the first line that ends a sentence, which is the end
    of the previous rationale (or the "set forth below:" intro, which is outside the block). Blank
    lines and page headers or footers are passed over.
    """
    # Read upwards, line by line, as far as the heading goes: the block holds the whole of the
    # previous item's rationale, which listing every line of would visit for nothing.
    lines = (
        (s, e)
        for s, e in lines_upwards(text, block_start, anchor)
        if e > s and not text[s:e].isspace()
    )
    taken = [line] if (line := pop_content_line(text, lines)) else []
    if not taken:
        return Span(start=anchor, end=anchor)
    # A decision word alone on its line belongs with the line above, whatever that line ends with.
    if DECISION_LINE.fullmatch(text, *taken[0]) and (line := pop_content_line(text, lines)):
        taken.append(line)
    while len(taken) < MAX_HEADING_LINES and (line := pop_content_line(text, lines)):
        start, end = line
        above = text[start:end].rstrip()
        end = start + len(above)
        if RATIONALE.search(above):
            break
        if SENTENCE_END.search(above) and not HEADING_CONTINUES.search(
            text, max(block_start, end - HEADING_CONTINUES_REACH), end
        ):
            break
        taken.append(line)
    return trimmed_span(text, taken[-1][0], taken[0][1])


def pop_content_line(text: str, lines: Iterator[tuple[int, int]]) -> tuple[int, int] | None:
    """The next of `lines` (read upwards) that is not a page header or footer, taken from them
    with those before it; None when there is none."""
    for start, end in lines:
        if not is_page_furniture(text[start:end]):
            return start, end
    return None


def split_dwc_heading(
    text: str,
    index: int,
    heading: Span,
    rationale: Span | None,
    vocabulary: Vocabulary,
    ca_line: GuidelineLine,
    reviewer_line: GuidelineLine | None,
) -> Item:
    raw = heading.slice(text)
    decision = Decision.UNKNOWN
    body_end = len(raw)
    match = HEADING_DECISION.search(raw)
    if match:
        decision = DECISION_WORDS[letters_of(match.group("decision"))]
        body_end = match.start()
    else:
        trailing_colon = HEADING_NO_DECISION.search(raw)
        if trailing_colon:
            body_end = trailing_colon.start()
    # Keep "is" out of the request: "... Norco 10/325mg #35 is: Upheld".
    body_end = strip_trailing_is(raw, body_end)
    request_start, original, authorized, remainder = 0, None, None, False
    # The original request is at least one character long.
    stated = ORIGINAL_REQUEST_STATED.search(raw, 1, body_end)
    remaining = stated and PARTIAL_AUTHORIZATION.match(raw, stated.end(), body_end)
    partial = remaining or (stated and WHOLE_ORIGINAL_DISPUTED.match(raw, stated.end(), body_end))
    if stated and partial:
        request_start = partial.start("disputed")
        original = clean_request(raw[: stated.start()])
        authorized = clean_request(partial.group("authorized"))
        # Only "the remaining portion" is left over from an authorized part; in the other
        # wording UR allowed something else and the whole original request is disputed.
        remainder = bool(remaining)
    request = trimmed_span(text, heading.start + request_start, heading.start + body_end)
    return build_item(
        text,
        index,
        heading,
        request,
        decision,
        rationale,
        vocabulary,
        original=original,
        authorized=authorized,
        remainder=remainder,
        ca_line=ca_line,
        reviewer_line=reviewer_line,
    )


def strip_trailing_is(raw: str, end: int) -> int:
    # The expression is tried at every space of the heading; only one whose words end in an "s"
    # (before a colon and spaces) can end in "is".
    words = raw[:end].rstrip(WHITESPACE)
    if words.endswith(":"):
        words = words[:-1].rstrip(WHITESPACE)
    if not words.endswith(("s", "S")):
        return end
    match = TRAILING_IS.search(raw[:end])
    return match.start() if match else end


# --- 2013 notice layout -------------------------------------------------------------------------


def parse_notice(text: str, source: str, vocabulary: Vocabulary) -> Case:
    """The 2013 notice: numbered item headings after "Case Summary:", each followed by the guideline
    lines and the rationale; where there are none, the determination sentences are the items."""
    sections: dict[str, Span] = {}
    summary_match = NOTICE_SUMMARY.search(text)
    headings = list(NOTICE_ITEM_HEADING.finditer(text, summary_match.end() if summary_match else 0))
    if not headings:
        headings = unique_determinations(text)
    summary_span = None
    if summary_match:
        after = [h.start() for h in headings if h.start() > summary_match.end()]
        summary_end = after[0] if after else len(text)
        summary_span = trimmed_span(text, summary_match.end(), summary_end)
        sections["summary"] = trimmed_span(text, summary_match.start(), summary_end)
    items = []
    for index, heading in enumerate(headings, start=1):
        block_end = headings[index].start() if index < len(headings) else len(text)
        markers = {
            name: pattern.search(text, heading.end(), block_end)
            for name, pattern in (
                ("ca", NOTICE_CA_GUIDELINE),
                ("reviewer", NOTICE_REVIEWER_GUIDELINE),
                ("rationale", NOTICE_RATIONALE),
            )
        }
        starts = sorted(m.start() for m in markers.values() if m) + [block_end]

        lines = {name: body_after(marker, starts) for name, marker in markers.items()}
        rationale_bounds = lines["rationale"] or (heading.end(), block_end)
        decision = Decision.UPHELD if heading.group("negation") else Decision.OVERTURNED
        items.append(
            build_item(
                text,
                index,
                trimmed_span(text, heading.start(), heading.end()),
                trimmed_span(text, heading.start("request"), heading.end("request")),
                decision,
                trimmed_span(text, *rationale_bounds),
                vocabulary,
                ca_line=read_guideline_line(text, *lines["ca"]) if lines["ca"] else None,
                reviewer_line=(
                    read_guideline_line(text, *lines["reviewer"]) if lines["reviewer"] else None
                ),
            )
        )
    return assemble_case(text, source, Layout.NOTICE_2013, items, sections, summary_span)


def body_after(marker: re.Match[str] | None, starts: list[int]) -> tuple[int, int] | None:
    """From the end of a section label to the next label of the same item."""
    if not marker:
        return None
    return marker.end(), min(p for p in starts if p > marker.start())


def unique_determinations(text: str) -> list[re.Match[str]]:
    """The determination sentences, each request once: the notice lists them twice."""
    seen: set[str] = set()
    found = []
    for match in NOTICE_DETERMINATION.finditer(text):
        key = fold_whitespace(match.group("request")).lower()
        if key not in seen:
            seen.add(key)
            found.append(match)
    return found


def parse_professional(text: str, source: str, vocabulary: Vocabulary) -> Case:
    """The items are the lines under "ISSUE AT DISPUTE:" (numbered, or one request); each
    "RATIONALE FOR WHY ... MEDICALLY NECESSARY:" section decides the items it names by number, or
    the only item."""
    issue = PROFESSIONAL_ISSUE.search(text)
    assert issue is not None  # checked by the caller
    closers = sorted(
        {m.start() for m in PROFESSIONAL_SECTION.finditer(text)}
        | {m.start() for m in PROFESSIONAL_RATIONALE.finditer(text)}
        | {m.start() for m in PROFESSIONAL_SUMMARY.finditer(text)}
        | {m.start() for m in PROFESSIONAL_GUIDELINE.finditer(text)}
        | {len(text)}
    )

    def section_end(start: int) -> int:
        return next(position for position in closers if position >= start)

    issue_block = trimmed_span(text, issue.end(), section_end(issue.end()))
    numbered = list(NUMBERED_LINE.finditer(text, issue_block.start, issue_block.end))
    if numbered:
        requests_found = [
            (int(m.group(1)), trimmed_span(text, m.start(2), m.end(2))) for m in numbered
        ]
    else:
        requests_found = [(1, first_paragraph(text, issue_block.start, issue_block.end))]
    requests_found = [(number, span) for number, span in requests_found if span.end > span.start]

    rationales: dict[int, tuple[re.Match[str], Span]] = {}
    for heading in PROFESSIONAL_RATIONALE.finditer(text):
        body = trimmed_span(text, heading.end(), section_end(heading.end()))
        named = list(NUMBERED_LINE.finditer(text, body.start, body.end))
        for number in [int(m.group(1)) for m in named] or [requests_found[0][0]]:
            rationales.setdefault(number, (heading, body))

    guideline = PROFESSIONAL_GUIDELINE.search(text)
    reviewer_line = (
        read_guideline_line(text, guideline.end(), section_end(guideline.end()))
        if guideline
        else None
    )
    summary_match = PROFESSIONAL_SUMMARY.search(text)
    summary_span = None
    sections = {"issues": issue_block}
    if summary_match:
        summary_span = trimmed_span(text, summary_match.end(), section_end(summary_match.end()))
        sections["summary"] = trimmed_span(text, summary_match.start(), summary_span.end)

    items = []
    for index, (number, request) in enumerate(requests_found, start=1):
        decision, rationale_span = Decision.UNKNOWN, None
        if number in rationales:
            heading, rationale_span = rationales[number]
            if letters_of(heading.group("verb")) != "iswas":
                negated = heading.group("negation") is not None
                decision = Decision.UPHELD if negated else Decision.OVERTURNED
        items.append(
            build_item(
                text,
                index,
                request,
                request,
                decision,
                rationale_span,
                vocabulary,
                reviewer_line=reviewer_line,
            )
        )
    return assemble_case(text, source, Layout.PROFESSIONAL, items, sections, summary_span)


def first_paragraph(text: str, start: int, end: int) -> Span:
    """The text after a label up to the first blank line or the end, as a span."""
    span = trimmed_span(text, start, end)
    blank = re.search(r"\n[ \t]*\n", text[span.start : span.end])
    if blank:
        span = trimmed_span(text, span.start, span.start + blank.start())
    return span
