"""Expressions that ignore case, run faster over lower-cased text (the letter and facts stages):
an expression compiled with IGNORECASE cannot skip ahead to the characters a match starts with,
so the engine tries it at every character of the text; the same expression for lower-cased text
can, and runs several times faster (a date over a sentence with none: 60 microseconds against
7). The sentence readers have each sentence lower-cased at hand.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from re import _compiler as re_compiler  # type: ignore[attr-defined]
from re import _parser as re_parser  # type: ignore[attr-defined]
from re._constants import (  # type: ignore[import-not-found]
    ASSERT,
    ASSERT_NOT,
    AT,
    AT_BOUNDARY,
    ATOMIC_GROUP,
    BRANCH,
    CATEGORY,
    CATEGORY_WORD,
    GROUPREF_EXISTS,
    IN,
    LITERAL,
    MAX_REPEAT,
    MIN_REPEAT,
    NOT_LITERAL,
    POSSESSIVE_REPEAT,
    RANGE,
    SUBPATTERN,
)
from typing import Any


def for_lowered(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same expression for text already lower-cased, compiled without IGNORECASE: its
    letters lower-cased, and each class given the lower-case letters of its upper-case ones.
    Over `text.lower()` of an ASCII text it matches at the same places as the expression over
    the text (its groups hold the lower-cased characters). An expression that ignores case
    cannot skip ahead to the characters a match starts with, so it is tried at every character;
    this one can, and runs several times faster."""
    if not pattern.flags & re.IGNORECASE:
        return pattern
    parsed = re_parser.parse(pattern.pattern, pattern.flags)
    lower_items(parsed)
    parsed.data = boundary_after_start(parsed.data, parsed.state)
    flags = pattern.flags & ~re.IGNORECASE
    parsed.state.flags &= ~re.IGNORECASE
    compiled: re.Pattern[str] = re_compiler.compile(parsed, flags)
    return compiled


_UPPER = range(ord("A"), ord("Z") + 1)
# The characters that are word characters (`\w`) with or without re.ASCII.
_WORD_CHARACTERS = frozenset(map(ord, "abcdefghijklmnopqrstuvwxyz0123456789_"))


def boundary_after_start(items: Any, state: Any) -> Any:
    """A parsed expression that starts with `\\b` and then plain letters ("\\binjur(?:y|ed)"),
    with the boundary tested after those letters instead, as a lookbehind that no word
    character stands before them (`injur(?<!\\winjur)`): the same matches, but the expression
    now starts with a fixed string, which the engine skips ahead to, where one starting with
    `\\b` is tried at every character of the sentence (a tenth of the cost over a sentence
    without the string). Anything else is left as it is."""
    if len(items) < 2 or items[0] != (AT, AT_BOUNDARY):
        return items
    moved = boundary_moved(list(items[1:]), state)
    return items if moved is None else moved


def boundary_moved(items: list[tuple[Any, Any]], state: Any) -> list[tuple[Any, Any]] | None:
    """`\\b` + `items` with the boundary after the letters `items` start with (inside a group
    they open), or None where they start otherwise."""
    if not items:
        return None
    op, argument = items[0]
    if op is SUBPATTERN:
        group, add_flags, del_flags, inner = argument
        moved = boundary_moved(list(inner), state) if not add_flags | del_flags else None
        if moved is None:
            return None
        return [(SUBPATTERN, (group, 0, 0, re_parser.SubPattern(state, moved))), *items[1:]]
    run = 0
    while run < len(items) and items[run][0] is LITERAL and items[run][1] in _WORD_CHARACTERS:
        run += 1
    if not run:
        return None
    # `\b` before a word character: none stands just before it (or the text starts there).
    before = re_parser.SubPattern(state, [(IN, [(CATEGORY, CATEGORY_WORD)]), *items[:run]])
    return [*items[:run], (ASSERT_NOT, (-1, before)), *items[run:]]


def lower_items(items: Any) -> None:
    """`for_lowered` on the items of a parsed expression, in place."""
    for index, (op, argument) in enumerate(items):
        if op in (LITERAL, NOT_LITERAL) and argument in _UPPER:
            items[index] = (op, argument + 32)
        elif op is IN:
            extra = []
            for kind, value in argument:
                if kind is LITERAL and value in _UPPER:
                    extra.append((LITERAL, value + 32))
                elif kind is RANGE:
                    low, high = max(value[0], _UPPER.start), min(value[1], _UPPER.stop - 1)
                    if low <= high:
                        extra.append((RANGE, (low + 32, high + 32)))
            items[index] = (IN, argument + extra)
        elif op is BRANCH:
            for branch in argument[1]:
                lower_items(branch)
        elif op is SUBPATTERN:
            if (argument[1] | argument[2]) & re.IGNORECASE:
                raise ValueError("an expression that turns case on or off inside is not lowered")
            lower_items(argument[3])
        elif op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT):
            lower_items(argument[2])
        elif op in (ASSERT, ASSERT_NOT):
            lower_items(argument[1])
        elif op is ATOMIC_GROUP:
            lower_items(argument)
        elif op is GROUPREF_EXISTS:
            lower_items(argument[1])
            if argument[2] is not None:
                lower_items(argument[2])


class Caseless:
    """An expression that ignores case, matched over an ASCII sentence as `for_lowered` over the
    sentence lower-cased, and as itself over any other: the places are the same, the groups
    lower-cased where the sentence is ASCII."""

    __slots__ = ("pattern", "lowered")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        if not pattern.flags & re.IGNORECASE:
            raise ValueError("an expression that minds case is matched over the text itself")
        self.pattern = pattern
        self.lowered = for_lowered(pattern)

    def search(
        self, text: str, lowered: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        """`re.Pattern.search` between `pos` and `endpos`: over an ASCII text, a place in the
        text is the same place in the lower-cased text."""
        if text.isascii():
            return self.lowered.search(lowered, pos, endpos)
        return self.pattern.search(text, pos, endpos)

    def finditer(self, text: str, lowered: str, pos: int = 0) -> Iterator[re.Match[str]]:
        if text.isascii():
            return self.lowered.finditer(lowered, pos)
        return self.pattern.finditer(text, pos)
