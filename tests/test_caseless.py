"""An expression that ignores case, run over the lower-cased sentence (`Caseless`), finds exactly
what it finds over the sentence itself: the same places, the same groups but for their case."""

from __future__ import annotations

import importlib
import pkgutil
import re
import warnings
from re import _parser as re_parser  # type: ignore[attr-defined]
from re._constants import ASSERT_NOT, LITERAL  # type: ignore[import-not-found]

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import engine.facts
from engine.caseless import Caseless, boundary_after_start, factor_branches, for_lowered
from engine.facts.figures import (
    _NUMBER_WORD,
    _SPOKEN_DATE,
    DATE_AFTER,
    NUMBER_WORDS,
    holds_date,
    with_figures,
    with_spoken_dates,
)


def every_caseless() -> list[tuple[str, Caseless]]:
    """Every `Caseless` expression the letter (citations too), request and facts stages define, by
    module and name."""
    found = []
    modules = ["engine.letters", "engine.requests", "engine.citations"] + [
        f"engine.facts.{info.name}" for info in pkgutil.iter_modules(engine.facts.__path__)
    ]
    for module_name in modules:
        module = importlib.import_module(module_name)
        for name, value in vars(module).items():
            values = value if isinstance(value, tuple) else (value,)
            found += [(f"{module_name}.{name}", v) for v in values if isinstance(v, Caseless)]
    return found


CASELESS = every_caseless()
# Words and figures the expressions look for, in both cases, and what lies between them.
PIECES = [
    "On", "on", "ON", "12/3/2016", "4-25-12", "April", "APR.", "7,", "2014", "Utilization",
    "Review", "UR", "(UR)", "dated", "report", "RFA", "the", "he", "presented", "was", "seen",
    "DOI", "injury", "Injured", "in", "March", "56-year-old", "Male", "diagnosed", "Treated",
    "for", "sustained", "claim", "x", "(", ")", ".", ",", "é", "X-rays", "films", "Normal",
    "No", "MRI", "showed", "EMG", "NCV", "Pain", "7/10", "Neurologic", "exam", "intact", "If",
    "labral", "Tear", "suspected", "fracture", "Meniscus", "performed", "Physical", "therapy",
    "Medically", "NECESSARY", "necessity", "is", "not", "Supported", "upheld", "Overturned",
]  # fmt: skip
GLUE = [" ", "  ", "", "-", "/", ", ", "\n"]


def pieces_text(pieces: list[tuple[str, str]]) -> str:
    return "".join(piece + glue for piece, glue in pieces)


def lowered_groups(match: re.Match[str]) -> tuple[str | None, ...]:
    return tuple(group.lower() if group is not None else None for group in match.groups())


def test_the_facts_stage_has_caseless_expressions() -> None:
    assert len(CASELESS) >= 8


@pytest.mark.parametrize("name, caseless", CASELESS, ids=[name for name, _ in CASELESS])
@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(GLUE)), max_size=14))
def test_a_caseless_expression_matches_where_its_expression_does(
    name: str, caseless: Caseless, pieces: list[tuple[str, str]]
) -> None:
    text = pieces_text(pieces)
    expected = [(m.span(), lowered_groups(m)) for m in caseless.pattern.finditer(text)]
    found = [(m.span(), lowered_groups(m)) for m in caseless.finditer(text, text.lower())]
    assert found == expected
    first = caseless.search(text, text.lower())
    assert (first.span() if first else None) == (expected[0][0] if expected else None)


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet="aAbBzZ09 _-[]^.", max_size=12), st.text(alphabet="aAbByYzZ0 -_", max_size=20)
)
def test_an_expression_is_lowered_class_by_class(source: str, text: str) -> None:
    # Classes, ranges, negations and literals in any case, over ASCII text in any case.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # "possible nested set" of "[["
        try:
            pattern = re.compile(source, re.I | re.ASCII)
        except re.error:
            return
        lowered = for_lowered(pattern)
    assert not lowered.flags & re.IGNORECASE
    expected = [m.span() for m in pattern.finditer(text)]
    assert [m.span() for m in lowered.finditer(text.lower())] == expected


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet="aAbB_0 -()|?+", max_size=8),
    st.text(alphabet="aAbB_0 -.", max_size=20),
    st.integers(min_value=0, max_value=4),
)
def test_a_boundary_before_letters_is_tested_after_them(source: str, text: str, pos: int) -> None:
    # `\b` then letters (in a group or not) becomes the letters then a lookbehind: the same
    # matches, from any starting place (the lookbehind, like `\b`, sees the text before it).
    try:
        pattern = re.compile(r"\b" + source, re.I | re.ASCII)
    except re.error:
        return
    lowered = for_lowered(pattern)
    expected = [(m.span(), lowered_groups(m)) for m in pattern.finditer(text, pos)]
    assert [(m.span(), m.groups()) for m in lowered.finditer(text.lower(), pos)] == expected


def test_a_boundary_before_letters_moves_after_them() -> None:
    # The expression then starts with a fixed string, which the engine skips ahead to.
    parsed = re_parser.parse(r"\b(injur(?:y|ed))\s+on", re.ASCII)
    group = boundary_after_start(parsed.data, parsed.state)[0][1][3]
    assert [op for op, _ in group][:6] == [LITERAL] * 5 + [ASSERT_NOT]
    lowered = for_lowered(re.compile(r"\b(injur(?:y|ed))\s+on", re.I | re.ASCII))
    assert lowered.search("she was injured on 12/1") is not None
    assert lowered.search("noninjured on") is None


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.text(alphabet="abAB(?)|\\s", min_size=0, max_size=5), min_size=2, max_size=7),
    st.text(alphabet="aAbB .", max_size=16),
)
def test_an_alternation_joined_under_first_letters_finds_the_same(
    branches: list[str], text: str
) -> None:
    # Branches joined under the letter they start with ("ab|ba|aa?|b" as "a(?:b|a?)|b(?:a|)"),
    # empty branches, optional groups and branches in any order among them: the same matches,
    # the same groups.
    try:
        pattern = re.compile(r"(?:" + "|".join(branches) + r")(b)?", re.I | re.ASCII)
    except re.error:
        return
    lowered = for_lowered(pattern)
    expected = [(m.span(), lowered_groups(m)) for m in pattern.finditer(text)]
    assert [(m.span(), m.groups()) for m in lowered.finditer(text.lower())] == expected


def test_branches_are_joined_under_their_first_letter() -> None:
    parsed = re_parser.parse(r"twisted|fell|tripped|falls?|(?:was\s+)?struck|slip|trauma", re.ASCII)
    factor_branches(parsed.data, parsed.state)
    branches = parsed.data[0][1][1]
    # "tripped" joins "twisted" and "falls?" joins "fell"; "trauma" stays after the branch that
    # may start with "w" or "s", which it may not pass.
    firsts = [chr(b[0][1]) if b[0][0] is LITERAL else None for b in branches]
    assert firsts == ["t", "f", None, "s", "t"]
    lowered = for_lowered(re.compile(r"\b(?:twisted|fell|tripped|falls?)\b", re.I | re.ASCII))
    found = [m[0] for m in lowered.finditer("he fell, then tripped and falls")]
    assert found == ["fell", "tripped", "falls"]


def test_a_text_outside_ascii_is_matched_by_the_expression_itself() -> None:
    # "İ" lower-cases to two characters: the places of the lower-cased text are not the text's.
    caseless = Caseless(re.compile(r"\bon\s+(\d+)", re.I | re.ASCII))
    text = "İİ ON 12"
    match = caseless.search(text, text.lower())
    assert match is not None and match.span() == (3, 8) and match[0] == "ON 12"


def test_an_expression_that_minds_case_is_not_lowered() -> None:
    with pytest.raises(ValueError):
        for_lowered(re.compile(r"a(?-i:B)", re.I | re.ASCII))
    with pytest.raises(ValueError):
        Caseless(re.compile(r"DOI", re.ASCII))


NUMBER_PIECES = [
    "twelve", "Twelve", "(12)", "TWENTY-FOUR", "twenty", "four", "one", "none", "é", "Thirty",
    "six",
]  # fmt: skip
SPOKEN_PIECES = [
    "October", "may", "twenty", "sixth", "Twenty-First", "sixteen", "two", "thousand", "and",
    "of", "the", "oh", "nine", "nineteen", "ninety", "é",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(NUMBER_PIECES + PIECES), st.sampled_from(GLUE))))
def test_number_words_become_figures_as_the_expression_replaces_them(
    pieces: list[tuple[str, str]],
) -> None:
    text = pieces_text(pieces)
    expected = _NUMBER_WORD.sub(lambda m: str(NUMBER_WORDS[m[0].lower()]).ljust(len(m[0])), text)
    assert with_figures(text) == expected


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(PIECES + ["Sept", "5", "2016", "12-1"]), st.sampled_from(GLUE))
    )
)
def test_a_date_is_held_where_the_date_expression_finds_one(pieces: list[tuple[str, str]]) -> None:
    text = pieces_text(pieces)
    assert holds_date(text) == (DATE_AFTER.search(text) is not None)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(SPOKEN_PIECES), st.sampled_from([" ", ", ", "  ", "-"]))))
def test_spoken_dates_become_figures_in_place(pieces: list[tuple[str, str]]) -> None:
    # Found over the lower-cased text where the expression ignoring case finds them, and
    # rewritten at the same places: a spoken date's figures are padded to its words' length.
    text = pieces_text(pieces)
    spoken = with_spoken_dates(text)
    assert len(spoken) == len(text)
    if text.isascii():
        assert (spoken != text) == (_SPOKEN_DATE.search(text) is not None)
