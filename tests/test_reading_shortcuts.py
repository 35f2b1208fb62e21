"""The shortcuts of the sentence reader find exactly what the expressions they stand in for find:
a phrase's place found without its expression, a finding's expression tried only where the
sentence holds what every match of it holds or one of the words every match opens with, and a
sentence's words taken from its span normalised once."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from engine.caseless import opening_words
from engine.facts import load_findings
from engine.facts.findings import GatedPattern, words_at_marks
from engine.facts.sentences import _SENTENCE, phrase_position, phrase_regex
from engine.vocab import _LONE_DOT, normalize_phrase, phrase_characters, phrase_words

FINDINGS = load_findings()
# Words, figures and the characters around them that decide a match: dates, hyphens, underscores,
# dots, letters outside ASCII.
PIECES = ["pain", "free", "low", "back", "2", "5", "2017", "l4", "s1", "x"]
GLUE = [" ", "  ", "-", "/", "_", ".", ", ", "(", "\u00e9", "", "+"]


@settings(max_examples=500, deadline=None)
@given(
    sentence=st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(GLUE)), max_size=12),
    phrase=st.lists(st.sampled_from(PIECES), min_size=1, max_size=3),
)
def test_a_phrase_is_placed_where_its_expression_finds_it(
    sentence: list[tuple[str, str]], phrase: list[str]
) -> None:
    lowered = "".join(piece + glue for piece, glue in sentence)
    found = phrase_regex(" ".join(phrase)).search(lowered)
    expected = (found.start(), found.end()) if found else None
    assert phrase_position(lowered, " ".join(phrase)) == expected


def test_a_phrase_with_other_characters_is_placed_by_its_expression() -> None:
    assert phrase_position("strength 4+ 5 on the left", "4+ 5") == (9, 13)
    assert phrase_position("gave 10% relief", "10%") == (5, 8)


SENTENCES = [
    "Decreased sensation to light touch in the L5 dermatome.",
    "Sensation is diminished on the left.",
    "She fell onto her outstretched right hand.",
    "He has stopped tramadol and takes ibuprofen PRN only.",
    "Pain 7/10 with medications and 9/10 without.",
    "MRI shows a full-thickness supraspinatus tear.",
    "No meniscal tear.",
    "Achilles reflexes are absent bilaterally.",
    "Restrictions were liberalized from 10 lb to 25 lb.",
    "He walks 30 minutes, from 10 at intake to 30 now.",
]


@given(st.sampled_from(SENTENCES), st.text(alphabet="abcdefgh /-.,10", max_size=30))
@settings(max_examples=300, deadline=None)
def test_a_findings_expression_matches_where_it_would_without_its_test(
    sentence: str, noise: str
) -> None:
    lowered = (noise + " " + sentence).lower()
    for _, patterns in FINDINGS.patterns:
        for gated in patterns:
            expected = [m.span() for m in gated.pattern.finditer(lowered)]
            assert [m.span() for m in gated.finditer(lowered)] == expected


def test_what_every_match_holds_is_read_from_the_expression() -> None:
    def needed(source: str) -> tuple[tuple[str, ...], ...]:
        return GatedPattern(re.compile(source, re.I | re.ASCII)).needed

    assert needed(r"\bSensation\W+(?:is\W+)?decreased") == (("sensation",), ("decreased",))
    assert needed(r"\b(?:fell|landed)\s+on") == (("fell", "landed"), ("on",))
    # An optional part is never required; a branch without a string of its own gives nothing.
    assert needed(r"\b(?:pain\s+)?x") == ()
    assert needed(r"\b(?:\d+|ten)\s+visits") == (("visits",),)
    # The characters before an alternation join each branch's first ones ("post", which they
    # imply, is not tested again).
    assert needed(r"\bpost(?:op|surgical)\b") == (("postop", "postsurgical"),)
    # A branch that starts with one letter ("o" of "otc" and "over", which the parser takes out
    # in front of them) is told by a longer string of its own ("sleep").
    assert needed(
        r"\b(?:used|took)\s+(?:melatonin|(?:otc|over\W+the\W+counter)\s+sleep\s+aid)"
    ) == (
        ("melatonin", "sleep"),
        ("used", "took"),
    )
    # Branches with no string in front each give the strongest of their own.
    assert needed(r"\b(?:caused\s+nausea\b.{0,40}?\bstopped|nausea\W+(?:was\s+)?stopped)") == (
        ("stopped",),
    )


def test_a_sentence_is_searched_only_where_it_holds_every_requirement() -> None:
    gated = GatedPattern(re.compile(r"\b(?:cut|stopped)\s+(?:norco|opioids?)\b", re.I | re.ASCII))
    assert gated.needed == (("norco", "opioid"), ("cut", "stopped"))
    # "cut" of "acute", without a drug: the expression is not tried.
    assert not gated.may_match("acute low back pain")
    assert gated.may_match("cut opioids in half")
    assert [m.span() for m in gated.finditer("she cut opioids")] == [(4, 15)]


def test_the_words_every_match_opens_with_are_read_from_the_expression() -> None:
    def opening(source: str) -> list[str] | None:
        words = opening_words(re.compile(source, re.I | re.ASCII))
        return None if words is None else sorted(words)

    assert opening(r"\b(?:Walk|walks|sit)\b[^.;]{0,40}?\bfrom") == ["sit", "walk", "walks"]
    # A gap that may be empty joins the word to the next one ("couldnt", "onmeds").
    assert opening(r"\b(?:could\s+not|couldn\W?t)\s+\w+") == ["could", "couldn", "couldnt"]
    assert opening(r"\b(?:w/|on)\s*meds?\b") == ["on", "onmed", "onmeds", "w"]
    assert opening(r"(?<!so\sshe\s)\b(?:can|is\s+able)(?!\w)") == ["can", "is"]
    # Not known: a match that may start or end inside a word, a class, a figure.
    assert opening(r"restrictions?\b") is None
    assert opening(r"\bimprov\w*") is None
    assert opening(r"\b[lcs][1-8]\s+distribution\b") is None
    assert opening(r"\bl5\b") is None
    assert opening(r"\bpain") is None


WORDS = ["walk", "walks", "restrictions", "lifted", "without", "cane", "couldn", "t", "now", "5"]
MARKS = [" ", "-", "/", "_", ".", ", ", "%", "#", "'", "\u00e9", "", "&"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(MARKS)), max_size=10))
def test_a_sentence_with_a_match_holds_a_word_the_match_opens_with(
    pieces: list[tuple[str, str]],
) -> None:
    text = "".join(word + mark for word, mark in pieces)
    words = words_at_marks(normalize_phrase(text), frozenset(phrase_words(text)))
    for _, patterns in FINDINGS.patterns:
        for gated in patterns:
            if gated.opening is not None and gated.lowered.search(text.lower()):
                assert not gated.opening.isdisjoint(words)


def test_a_word_against_a_mark_is_also_a_word_of_its_own() -> None:
    marked = words_at_marks(" #walk 50% now ", frozenset(["#walk", "50%", "now"]))
    assert marked == {"#walk", "50%", "now", "walk", "50"}


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="aB z0.9.,;:!?&%#-/()\u00e9\n", max_size=60))
def test_a_span_spaced_once_gives_each_sentence_its_own_words(text: str) -> None:
    # The sentences of a summary or rationale are normalised from the span normalised once.
    spaced = phrase_characters(text)
    if spaced is None:
        assert "&" in text or not text.isascii()
        return
    assert len(spaced) == len(text)
    for sentence in _SENTENCE.finditer(text):
        assert spaced[sentence.start() : sentence.end()].split() == phrase_words(sentence[0])


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="a 0.9.-", max_size=30))
def test_a_lone_dot_is_found_where_a_dot_has_no_figure_on_one_side(text: str) -> None:
    # The expression starts with the dot, where "(?<![0-9])\.|\.(?![0-9])" did not.
    expected = [m.span() for m in re.finditer(r"(?<![0-9])\.|\.(?![0-9])", text)]
    assert [m.span() for m in _LONE_DOT.finditer(text)] == expected
