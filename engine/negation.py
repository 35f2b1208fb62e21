"""Negation, uncertainty and history of a finding mentioned in a sentence (NegEx/ConText style).

Part of the facts stage. Takes a sentence and where a finding is in it; returns `present`,
`absent`, `possible` or `historical`. The cues are data, in `rules/vocab/negation.yaml`. Chosen
over medspaCy's ConText and negspacy by measurement (see the project README): about 1 ms per
letter against 4-170 ms, with no 250-300 MiB install, and an equal hand on the far post-negation
that both libraries missed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from engine.vocab import PerFolder, load_vocabulary_file


class Status(StrEnum):
    PRESENT = "present"
    ABSENT = "absent"
    POSSIBLE = "possible"
    HISTORICAL = "historical"


# Where several cues govern a finding, the first of these wins.
PRECEDENCE = (Status.ABSENT, Status.POSSIBLE, Status.HISTORICAL)
# Every expression here is ASCII (re.ASCII), as in all the text stages: see `plain_spaces`.
# A form's check boxes are words too: "[ ]" (not ticked) and "[x]" (ticked).
_WORD = re.compile(r"\([+-]\)|\[ ?\]|\[ ?x ?\]|[a-z0-9]+(?:'[a-z]+)?|[;]", re.ASCII)


class CueFile(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, defer_build=True)

    window_before: int = Field(gt=0, le=30)
    window_after: int = Field(gt=0, le=30)
    pre_negation: list[str]
    # A negation that also ends the reach of cues across it: "not yet" negates what follows
    # ("not yet bone-on-bone"), and, as its "yet" would, keeps a cue after it from reaching back
    # ("Urinary retention has not yet resolved").
    pre_negation_ending: list[str] = Field(default_factory=list)
    # A review of systems' negation before an item ("Neuro neg numbness"): it negates only after
    # a system's heading, where it may open a list ("Const neg fever, chills, night sweats"), or
    # at the start of a clause, where it negates the item right after it ("..., neg weakness");
    # never after a test or a finding, whose result it is ("Spurling neg Hoffmann + R").
    review_of_systems_negation: list[str] = Field(default_factory=list)
    review_of_systems_headings: list[str] = Field(default_factory=list)
    post_negation: list[str]
    post_negation_own_clause: list[str]
    # The answer a heading gets ("Aberrant behavior: none", "Saddle anesthesia: denies"): it
    # negates what the heading names, and nothing before the heading.
    heading_negation: list[str] = Field(default_factory=list)
    pre_uncertain: list[str]
    post_uncertain: list[str]
    historical: list[str]
    # History cues that name a past event ("s/p rotator cuff repair, approaching MMI"): they reach
    # only within their own clause, since what follows a comma is the patient's state now.
    historical_own_clause: list[str] = Field(default_factory=list)
    pseudo: list[str]
    # Words that only look like a cue and say nothing of what is around them ("without contrast",
    # a study's technique): taken out of the sentence's cues, reaching and ending nothing.
    inert: list[str] = Field(default_factory=list)
    terminators: list[str]


@dataclass(frozen=True)
class Cue:
    words: tuple[str, ...]
    kind: str  # pre | pre_own_clause | pre_ending | pre_ros | post | post_own_clause | pseudo | inert | end
    status: Status | None


@dataclass(frozen=True)
class Cues:
    window_before: int
    window_after: int
    headings: frozenset[str]  # the systems a review of systems heads its items with
    by_first_word: dict[str, tuple[Cue, ...]]  # longest first


# The auxiliaries a phrase's own negation may follow ("has not left", "does not drive").
_AUXILIARIES = frozenset(
    ["has", "have", "had", "is", "was", "are", "were", "does", "do", "did", "can", "could"]
)


def words_of(text: str) -> list[tuple[str, int, int]]:
    """Lower-case words with their character spans."""
    return [(m[0], m.start(), m.end()) for m in _WORD.finditer(text.lower())]


def read_cues(folder: Path) -> Cues:
    """The cue lists of a rules folder."""
    path = folder / "vocab" / "negation.yaml"
    spec = load_vocabulary_file(path, CueFile)
    kinds = (
        ("pre_negation", "pre", Status.ABSENT),
        ("pre_negation_ending", "pre_ending", Status.ABSENT),
        ("review_of_systems_negation", "pre_ros", Status.ABSENT),
        ("post_negation", "post", Status.ABSENT),
        ("post_negation_own_clause", "post_own_clause", Status.ABSENT),
        ("heading_negation", "post_heading", Status.ABSENT),
        ("pre_uncertain", "pre", Status.POSSIBLE),
        ("post_uncertain", "post", Status.POSSIBLE),
        ("historical", "pre", Status.HISTORICAL),
        ("historical_own_clause", "pre_own_clause", Status.HISTORICAL),
        ("pseudo", "pseudo", None),
        ("inert", "inert", None),
        ("terminators", "end", None),
    )
    table: dict[str, list[Cue]] = {}
    for name, kind, status in kinds:
        for phrase in getattr(spec, name):
            words = tuple(w for w, _, _ in words_of(phrase))
            if words:
                table.setdefault(words[0], []).append(Cue(words, kind, status))
    return Cues(
        spec.window_before,
        spec.window_after,
        frozenset(w for phrase in spec.review_of_systems_headings for w, _, _ in words_of(phrase)),
        {
            first: tuple(sorted(group, key=lambda c: -len(c.words)))
            for first, group in table.items()
        },
    )


load_cues = PerFolder(read_cues)


def cues_in(words: list[str], cues: Cues) -> list[tuple[int, int, Cue]]:
    """(first word, end word, cue) for the cues in a sentence, longest match first, no overlaps."""
    found: list[tuple[int, int, Cue]] = []
    by_first_word = cues.by_first_word
    free = 0  # the first word not inside a cue already found
    # Only the words that start some cue are looked at (most start none).
    for position in [at for at, word in enumerate(words) if word in by_first_word]:
        if position < free:
            continue
        matched = [
            c
            for c in by_first_word[words[position]]
            if tuple(words[position : position + len(c.words)]) == c.words
        ]
        if not matched:
            continue
        longest = len(matched[0].words)
        # A phrase may be a cue both ways ("negative Spurling", "SLR negative").
        found.extend(
            (position, position + longest, cue) for cue in matched if len(cue.words) == longest
        )
        free = position + longest
    return found


@dataclass(frozen=True)
class ReadSentence:
    """A sentence's words and cues, found once for all the findings in it."""

    tokens: list[tuple[str, int, int]]
    found: list[tuple[int, int, Cue]]
    ends: list[tuple[int, int]]


def read_sentence(sentence: str, cues: Cues) -> ReadSentence:
    tokens = words_of(sentence)
    found = cues_in([w for w, _, _ in tokens], cues)
    # A pseudo cue ("no increase in", "without increased") also closes earlier cues' reach.
    ends = [(a, b) for a, b, cue in found if cue.kind in ("end", "pseudo", "pre_ending")]
    return ReadSentence(tokens, found, ends)


def inside_brackets(sentence: str, at: int) -> bool:
    """Whether a bracket opens before `at` and is not closed before it."""
    return sentence.rfind("(", 0, at) > sentence.rfind(")", 0, at)


def status_of(
    sentence: str, start: int, end: int, cues: Cues, read: ReadSentence | None = None
) -> Status:
    """The status of the finding at characters [start, end) of the sentence."""
    read = read or read_sentence(sentence, cues)
    tokens, found, ends = read.tokens, read.found, read.ends
    first = next((i for i, (_, s, e) in enumerate(tokens) if e > start), len(tokens))
    last = next((i for i, (_, s, _) in enumerate(tokens) if s >= end), len(tokens))
    governing = set()
    # A phrase that opens with a negation of its own ("without improvement", "no relief") says
    # what it says: the negation of a list before it does not reach into it ("stayed on modified
    # duty without vibrating tools, without improvement" is care without improvement). One that
    # holds it further in ("dress without help") is still the earlier cue's ("unable to ...").
    own_negation = any(a == first and cue.status is Status.ABSENT for a, _, cue in found)
    # A phrase whose own negation follows its verb's auxiliary ("has not left the house") says
    # what it says after a clause mark too: "cannot get into a car without another person, has
    # not left the house since discharge". (Within the clause the earlier cue still reaches it,
    # "No episodes where she could not void"; and a doubt or a condition still does, "If she has
    # not left the house by next week".)
    negated_after_auxiliary = (
        first + 1 < len(tokens)
        and tokens[first][0] in _AUXILIARIES
        and any(a == first + 1 and cue.status is Status.ABSENT for a, _, cue in found)
    )
    for a, b, cue in found:
        if cue.status is None or (first <= a < last):
            continue
        headed = False
        if cue.kind == "pre_ros":
            headed = a > 0 and tokens[a - 1][0] in cues.headings
            if not headed and not opens_clause(sentence, tokens, a):
                continue
        if (
            cue.kind.startswith("pre")
            and b <= first
            and (
                first - b <= _REACH.get(cue.kind, cues.window_before)
                or (
                    cue.kind != "pre_ros"
                    and cue.status is Status.ABSENT
                    and negated_list(sentence, tokens, b, first, end)
                )
                or (headed and ros_list(sentence, tokens, b, first, end))
            )
            and not own_negation
            and not (
                negated_after_auxiliary
                and cue.status is Status.ABSENT
                and _CLAUSE_MARK.search(sentence, tokens[b - 1][2], tokens[first][1]) is not None
            )
        ):
            reach_end = tokens[first][1] if first < len(tokens) else start
            # A cue inside brackets stays inside them: "(cervical only, no HVLA after arm sx
            # increased), HEP, and naproxen" leaves the home exercises given.
            if (
                inside_brackets(sentence, tokens[a][1])
                and ")" in sentence[tokens[b - 1][2] : reach_end]
            ):
                continue
            # A cue that reads both ways and closes its clause is the result of what stands
            # before it ("L Achilles reflex absent (R 2+), ..., decreased PP lateral L foot"), not
            # a negation of what follows the comma ("not, in fact, considering" still negates).
            if _CLOSES_ITS_CLAUSE.match(sentence, tokens[b - 1][2]) and any(
                x == a and other.kind.startswith("post") for x, _, other in found
            ):
                continue
            crossed = _CLAUSE_MARK.search(sentence, tokens[b - 1][2], reach_end)
            # A negation's reach ends where the finding has a predicate of its own after a
            # comma, or where a colon after what it negates opens an account of something else.
            if crossed and (
                cue.kind in ("pre_own_clause", "pre_ending")
                or (
                    cue.kind == "pre_ros"
                    and not (headed and ros_list(sentence, tokens, b, first, end))
                )
                or (
                    cue.status is Status.ABSENT
                    and (
                        has_own_predicate(sentence, tokens, last)
                        or result_ends_it(sentence, start, end)
                        or own_clause_verb(sentence, start, end)
                        or predicate_before(sentence, reach_end, end)
                        or own_subject(sentence, reach_end)
                        or elaborates(
                            sentence,
                            tokens[b - 1][2],
                            tokens[first][1] if first < len(tokens) else start,
                        )
                    )
                )
            ):
                continue
            between = (b, first)
        elif cue.kind == "post_heading":
            if a < last or not answers_heading(sentence, tokens[last - 1][2], tokens[a][1]):
                continue
            between = (last, a)
        elif cue.kind.startswith("post") and a >= last and a - last <= cues.window_after:
            if opens_next_clause(sentence, tokens, found, a, b, last):
                continue
            if attributive(sentence, tokens, a, b, last):
                continue
            if crosses_a_clause_mark(sentence, tokens, last, a) and (
                cue.kind == "post_own_clause" or result_between(sentence, tokens, last, a)
            ):
                continue
            between = (last, a)
        else:
            continue
        if not any(between[0] <= x and y <= between[1] for x, y in ends):
            governing.add(cue.status)
    return next((status for status in PRECEDENCE if status in governing), Status.PRESENT)


_CLAUSE_MARK = re.compile(r"[,;:.]", re.ASCII)


# A negation that ends others' reach ("not yet") negates only what comes right after it, in its
# clause: "has not yet started therapy", not "has not yet had an MRI to evaluate his progressive
# weakness".
# (And a review of systems' "neg" only the word right after it: "Neg SLR foot drop L" leaves the
# foot drop.)
_REACH = {"pre_ending": 1, "pre_ros": 0}


def opens_clause(sentence: str, tokens: list[tuple[str, int, int]], at: int) -> bool:
    """Whether the word at `at` opens the sentence or a clause (after a comma, semicolon, colon
    or bracket)."""
    before = sentence[: tokens[at][1]].rstrip()
    return not before or before[-1] in ",;:("


# A list the negation runs through, its window counted by the items rather than by the words:
# "He denies fever, night sweats, weight loss, saddle numbness or any change in bowel or bladder
# habits". Short items of nouns between commas and "or"/"and", the finding's own words at the
# end; a verb among them ("denies fever, reports new incontinence") opens a clause of its own.
# (Nor a word that turns the list to what is present: "..., positive for urinary retention and
# saddle numbness", "..., with new incontinence", "..., c/o urinary retention".)
_NOT_A_VERB = (
    r"(?!(?:reports?|reported|endorses|endorsed|admits|admitted|notes|noted|has|had|is|was|are|"
    r"were|describes|complains|but|now|however|since|although|though|he|she|they|positive|pos|"
    r"with|presenting|presents|developed|develops|found|says|said|yes|notable|c/o|new|then|"
    r"except|plus|present|positives?)\b)"
)
# (Items parted by a slash too: "GU neg retention/incontinence".)
_LIST_ITEMS = (
    rf"(?:\s*{_NOT_A_VERB}[a-z0-9'-]+(?:\s+{_NOT_A_VERB}[a-z0-9'-]+){{0,3}}"
    # (Not the slash of "w/", "c/o", "s/p", "h/o".)
    r"\s*(?:,\s*(?:or\s+|and\s+|nor\s+)?|\s(?:or|and|nor)\s|(?<!\bw)(?<!\bc)(?<!\bs)(?<!\bh)/\s*))"
)
_NEGATED_LIST = re.compile(
    _LIST_ITEMS + r"{2,10}"
    # The finding is the next item itself, with no more before it than the words a denied
    # item opens with ("or any change in bowel or bladder habits"): a clause of its own
    # ("..., positive for urinary retention", "..., presenting with saddle numbness", "..., new
    # saddle numbness since yesterday") is not the list's.
    r"\s*(?:(?:any\s+)?(?:changes?\s+in|loss\s+of|problems?\s+with|history\s+of|hx\s+of|h/o)\s+"
    r"|any\s+)?",
    re.I | re.ASCII,
)
_EVENT_WORDS = frozenset(
    ["fall", "fell", "falls", "struck", "hit", "mva", "mvc", "collision", "accident", "trauma",
     "injury", "landed", "crushed", "jumped"]
)  # fmt: skip
# The same after a review of systems' "neg", whose list may be short ("Const neg fever, chills").
_ROS_LIST = re.compile(
    _LIST_ITEMS + r"{0,10}\s*(?:(?:hx|h/o|history)\s+(?:of\s+)?|any\s+|new\s+)?", re.I | re.ASCII
)
# The item ends with the finding (or its common tail), as a list's items do: not "urinary
# retention noted by ED staff", "saddle anesthesia present", "febrile to 102", "decreased rectal
# tone on rectal exam", "fell from a ladder about 12 feet".
_ITEM_ENDS = re.compile(
    r"(?:\s+(?:habits?|function|control|symptoms?|changes?|problems?|issues?|history|hx))?"
    r"\s*(?:[,.;)]|\bor\b|\band\b|\bnor\b|$)",
    re.I | re.ASCII,
)
_LIST_ITEMS_MOST = 10


def ros_list(
    sentence: str, tokens: list[tuple[str, int, int]], cue_end: int, first: int, finding_end: int
) -> bool:
    """Whether a finding is an item of the list a review of systems' "neg" opens (a symptom,
    not an event: "Neuro neg LOC, fall from roof" keeps the fall)."""
    if first >= len(tokens) or tokens[first][0] in _EVENT_WORDS:
        return False
    return list_item(_ROS_LIST, sentence, tokens[cue_end - 1][2], tokens[first][1], finding_end)


def negated_list(
    sentence: str, tokens: list[tuple[str, int, int]], cue_end: int, first: int, finding_end: int
) -> bool:
    """Whether the words between a negation and a finding beyond its window are a list of items
    the negation runs through (at most ten, of up to four words each), the finding its next
    item."""
    if first >= len(tokens) or first - cue_end > 4 * _LIST_ITEMS_MOST:
        return False
    start, end = tokens[cue_end - 1][2], tokens[first][1]
    # (Two separators at least, counted before the expression is tried: most sentences with a
    # negation far before a finding hold no list.)
    if sentence.count(",", start, end) + sentence.count(" or ", start, end) < 2:
        return False
    return list_item(_NEGATED_LIST, sentence, start, end, finding_end)


def list_item(
    items: re.Pattern[str], sentence: str, start: int, end: int, finding_end: int
) -> bool:
    """Whether the words from `start` to `end` are the list's items before the finding, and the
    finding ends its own item at `finding_end`."""
    return (
        items.fullmatch(sentence, start, end) is not None
        and _ITEM_ENDS.match(sentence, finding_end) is not None
    )


# A finding written with its result last ("light touch reduced small finger") says what it says:
# the negation of the list before the comma does not reach it ("no clawing, light touch
# reduced").
_RESULT_ENDS_IT = re.compile(r"\b(?:decreased|diminished|reduced|impaired)\s*\Z", re.I | re.ASCII)
# Still an item of the negated list where "or" comes right before it: "No paresthesias,
# weakness, or sensation reduced to pinprick".
_LIST_ITEM_BEFORE = re.compile(r"\b(?:or|nor)\s+\Z", re.I | re.ASCII)
# A clause of its own, opened by "and" or "but" after a comma, whose verb follows the finding:
# "no ramp, and getting him out takes two people" (not "or urinary retention that required
# catheterization", an item of the list).
_NEW_CLAUSE_BEFORE = re.compile(r",\s*(?:and|but)\s+\Z", re.I | re.ASCII)
_CLAUSE_VERB_AFTER = re.compile(r"\s+(?:takes|requires|needs)\b", re.I | re.ASCII)


def result_ends_it(sentence: str, start: int, end: int) -> bool:
    """Whether a finding is written with its result last, outside the negated list."""
    return (
        _RESULT_ENDS_IT.search(sentence, start, end) is not None
        and _LIST_ITEM_BEFORE.search(sentence, 0, start) is None
    )


def own_clause_verb(sentence: str, start: int, end: int) -> bool:
    """Whether a finding heads a clause of its own with its verb after it."""
    return (
        _NEW_CLAUSE_BEFORE.search(sentence, 0, start) is not None
        and _CLAUSE_VERB_AFTER.match(sentence, end) is not None
    )


# Right after a cue: a comma, a semicolon or a bracket, which closes the cue's clause.
_CLOSES_ITS_CLAUSE = re.compile(r"\s*[,;(]", re.ASCII)
# Between a finding and the answer to its heading: the rest of the heading, its colon, and
# nothing after the colon ("Cauda equina sx: none").
_TO_HEADING_ANSWER = re.compile(r"[^,;:.()]{0,30}:\s*", re.ASCII)


def answers_heading(sentence: str, finding_end: int, cue_start: int) -> bool:
    """Whether a cue is the first word after the colon of the heading a finding is in."""
    return _TO_HEADING_ANSWER.fullmatch(sentence, finding_end, cue_start) is not None


# What a clause says of its own finding, right after it: "no lost rx, CURES checked today",
# "no weakness, UDS consistent": the finding has its own predicate, and the negation of the list
# before the comma does not reach it.
# ("Denied numbness, fever or weight loss and was working full duty": a verb after "and" is the
# subject's next predicate, not one of the finding.)
_OWN_PREDICATE = re.compile(
    r"[^,;:.]{0,25}?(?<!\band\s)(?<!\bbut\s)\b(?:checked|reviewed|consistent|inconsistent|done|performed|obtained|"
    r"signed|completed|ordered|on\s+file|was\s+\w+|were\s+\w+|is\s+\w+|are\s+\w+)\b",
    re.I | re.ASCII,
)


# Two words or more, then a colon: what the cue negates, then the account that follows.
_WORD_THEN_COLON = re.compile(r"\w+\W+\w[^:]*:", re.ASCII)


def elaborates(sentence: str, cue_end: int, finding_start: int) -> bool:
    """Whether a colon after what a cue negates opens an account of its own ("there are no
    aberrant behaviors: his urine drug screen ... consistent"); a colon right after the cue
    ("Denies: fever, chills") lists what it negates."""
    return _WORD_THEN_COLON.search(sentence, cue_end, finding_start) is not None


# A result said of the finding just before it, at the head of its clause: "no early refills,
# signed agreement in the chart", "no aberrancy, completed questionnaire on file".
_PREDICATE_BEFORE = re.compile(
    r"[,;:]\s*(?:a\s+|an\s+|the\s+)?(?:signed|completed|reviewed|checked|current|valid|executed|"
    r"updated)\b",
    re.I | re.ASCII,
)


def clause_mark_before(sentence: str, finding_start: int) -> int | None:
    """Where the comma, semicolon or colon that opens the finding's clause is, if near it."""
    clause = max(sentence.rfind(mark, 0, finding_start) for mark in ",;:")
    return None if clause < 0 or finding_start - clause > 40 else clause


def predicate_before(sentence: str, finding_start: int, finding_end: int) -> bool:
    """Whether the finding's own clause opens with a result said of it, the finding's first
    word or before it."""
    clause = clause_mark_before(sentence, finding_start)
    if clause is None:
        return False
    head = _PREDICATE_BEFORE.match(sentence, clause)
    # (Still the negated list where it goes on with "or": "No UDS, signed agreement or CURES
    # report in the records".)
    return (
        head is not None
        and head.end() <= finding_end
        and _LIST_GOES_ON.match(sentence, finding_end) is None
    )


# A clause that opens with a subject of its own, a person: "the reflex would not come, she felt
# my pin less sharply along the foot" is a new statement, not more of what "not" negates.
_OWN_SUBJECT = re.compile(r"[,;:]\s*(?:and\s+|but\s+)?(?:she|he|they|i|we)\s", re.I | re.ASCII)


def own_subject(sentence: str, finding_start: int) -> bool:
    """Whether the finding's clause opens with a person as its subject, before the finding."""
    clause = clause_mark_before(sentence, finding_start)
    if clause is None:
        return False
    opened = _OWN_SUBJECT.match(sentence, clause)
    return opened is not None and opened.end() <= finding_start + 1


_LIST_GOES_ON = re.compile(r"[^,;:.]*?\b(?:or|nor)\b", re.I | re.ASCII)


def has_own_predicate(sentence: str, tokens: list[tuple[str, int, int]], last: int) -> bool:
    """Whether the words right after a finding, within its clause, say something of it."""
    end = tokens[last - 1][2] if last else 0
    return _OWN_PREDICATE.match(sentence, end) is not None


def opens_next_clause(
    sentence: str,
    tokens: list[tuple[str, int, int]],
    found: list[tuple[int, int, Cue]],
    a: int,
    b: int,
    last: int,
) -> bool:
    """Whether a cue that reads both ways ("absent", "negative", "normal") stands, after a comma,
    at the head of a clause of its own that it governs ("weakness 3/5, absent Achilles
    reflexes"): it then negates what follows it, not the finding of the clause before. At the
    end of a clause it still looks back ("Spurling, SLR negative")."""
    if not any(x == a and cue.kind == "pre" for x, _, cue in found):
        return False
    if b >= len(tokens) or _CLAUSE_MARK.search(sentence, tokens[b - 1][2], tokens[b][1]):
        return False  # nothing follows in its clause: it looks back
    return crosses_a_clause_mark(sentence, tokens, last, a)


# An article or "with" right before a cue that reads both ways: it then describes the noun after
# it ("a normal canal", "with normal strength"), not the finding before.
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|with)\s+\Z", re.I | re.ASCII)


def attributive(
    sentence: str, tokens: list[tuple[str, int, int]], a: int, b: int, last: int
) -> bool:
    """Whether a cue after a finding, across a clause mark, modifies the noun after it in a
    clause of its own: "a disc extrusion contacting the S1 root, with a normal canal and no
    foraminal stenosis" leaves the root contacted."""
    return (
        b < len(tokens)
        and tokens[b][0] not in _STUDY_WORDS
        and crosses_a_clause_mark(sentence, tokens, last, a)
        and _ARTICLE_BEFORE.search(sentence, max(0, tokens[a][1] - 8), tokens[a][1]) is not None
        and not _CLAUSE_MARK.search(sentence, tokens[b - 1][2], tokens[b][1])
    )


# A study whose normal result rules out what stands before it: "saddle numbness reported, with a
# normal MRI" (the cue is then the study's verdict, as before). Single words, as `words_of` splits
# them: "x-ray" is "x", "EMG/NCS" is "emg".
_STUDY_WORDS = frozenset(
    ["mri", "ct", "x", "xray", "xrays", "emg", "ncs", "ncv", "study", "studies", "scan", "films",
     "film", "imaging", "radiograph", "radiographs", "exam", "examination", "ultrasound",
     "myelogram", "bone", "test", "tests", "workup", "neurologic", "neurological", "neuro"]
)  # fmt: skip


def crosses_a_clause_mark(
    sentence: str, tokens: list[tuple[str, int, int]], last: int, a: int
) -> bool:
    """Whether a comma, semicolon or colon stands between a finding and a cue after it."""
    return bool(_CLAUSE_MARK.search(sentence, tokens[last - 1][2], tokens[a][1]))


# A clause that states a result of its own: a grade ("DTRs 2+ and ="), a score, or a verdict.
_OWN_RESULT = re.compile(
    r"\d\s*\+|\d\s*/\s*\d|=|\((?:\+|-)\)|\b(?:intact|normal|positive|negative|symmetric|"
    r"equal|absent|present)\b",
    re.I | re.ASCII,
)


def result_between(sentence: str, tokens: list[tuple[str, int, int]], last: int, a: int) -> bool:
    """Whether the words between a finding and a cue after it, across a clause mark, state a
    result of their own: the cue then ends another clause's list, not the finding's ("strength 5/5 throughout, DTRs 2+ and =, sensation
    normal": the 5/5 is not what is normal). A list of tests awaiting one verdict has none
    ("Tinel's sign, Finkelstein's sign and Allen's sign were negative"). A finding whose last
    word is its result has one too ("strength and sensation symmetric, Romberg neg")."""
    return _OWN_RESULT.search(sentence, tokens[last - 1][1], tokens[a][1]) is not None


def find_status(sentence: str, concept: str, cues: Cues) -> Status:
    """The status of the first mention of `concept` (case-insensitive) in the sentence."""
    at = sentence.lower().find(concept.lower())
    if at < 0:
        raise ValueError(f"'{concept}' is not in the sentence")
    return status_of(sentence, at, at + len(concept), cues)
