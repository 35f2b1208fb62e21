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
from functools import lru_cache
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
    CATEGORY_NOT_WORD,
    CATEGORY_SPACE,
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
    return lowered_compiled(pattern.pattern, pattern.flags)


# As `re.compile` keeps what it compiled, so does this: the same source and flags always give
# the same expression, and a rules folder read again (each `load_rulebook` of a process: the
# rule author's tests, a server's reload) recompiles none of its finding phrases (a third of a
# second each time).
@lru_cache(maxsize=4096)
def lowered_compiled(source: str, flags: int) -> re.Pattern[str]:
    """`for_lowered` of the expression `source` compiled with `flags`."""
    parsed = re_parser.parse(source, flags)
    lower_items(parsed)
    parsed.data = boundary_after_start(parsed.data, parsed.state)
    factor_branches(parsed.data, parsed.state)
    flags = flags & ~re.IGNORECASE
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


def factor_branches(items: Any, state: Any) -> None:
    """The alternations of a parsed expression as trees of their first characters, in place:
    `twisted|fell|tripped|falls?` as `t(?:wisted|ripped)|f(?:ell|alls?)`. The engine tries an
    alternation's branches one after another, each at the cost of a test of its first
    character; an expression that opens with a list of words (`\\b(?:twisted|fell|...)`) tries
    every one at the start of every word. Branches that start with the same character are
    joined under it where only branches starting with other characters stand between them
    (none of which can match where they do), so the first branch that matches is the same."""
    for index, (op, argument) in enumerate(items):
        if op is BRANCH:
            for alternative in argument[1]:
                factor_branches(alternative, state)
            items[index] = (BRANCH, (None, factored([list(a) for a in argument[1]], state)))
        elif op is SUBPATTERN:
            factor_branches(argument[3], state)
        elif op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT):
            factor_branches(argument[2], state)
        elif op in (ASSERT, ASSERT_NOT):
            factor_branches(argument[1], state)
        elif op is ATOMIC_GROUP:
            factor_branches(argument, state)
        elif op is GROUPREF_EXISTS:
            factor_branches(argument[1], state)
            if argument[2] is not None:
                factor_branches(argument[2], state)


def factored(alternatives: list[list[Any]], state: Any) -> list[Any]:
    """An alternation's branches (lists of parsed items) with those that start with the same
    character joined under it (see `factor_branches`)."""
    groups: list[tuple[Any, list[list[Any]]]] = []  # (first item, or None: any other start)
    for alternative in alternatives:
        first = alternative[0] if alternative and alternative[0][0] is LITERAL else None
        joined = None
        if first is not None:
            for group in reversed(groups):
                if group[0] is None:
                    break  # a branch that may match where this one does: the order stays
                if group[0] == first:
                    joined = group
                    break
        if joined is None:
            groups.append((first, [alternative]))
        else:
            joined[1].append(alternative)
    branches = []
    for first, members in groups:
        if first is None or len(members) == 1:
            branches.extend(members)
            continue
        rest = factored([member[1:] for member in members], state)
        branches.append([first, *(rest[0] if len(rest) == 1 else [(BRANCH, (None, rest))])])
    return [re_parser.SubPattern(state, branch) for branch in branches]


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


def trie_pattern(phrases: list[str]) -> str:
    """One expression for many phrases, as a tree of their characters: at each place in the
    sentence it follows one branch instead of trying every phrase in turn. Greedy, so the
    longest phrase that ends at a word boundary wins, as with longest-first alternatives."""
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict[str, Any]) -> str:
        ends = "" in node
        paths = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        if not paths:
            return ""
        body = paths[0] if len(paths) == 1 and not ends else "(?:" + "|".join(paths) + ")"
        return body + "?" if ends else body

    return branch(trie)


# A requirement: strings one of which every match holds, lower-cased.
Requirement = tuple[str, ...]


def requirements(sequence: list[tuple[Any, Any]]) -> list[Requirement]:
    """What every match of a parsed expression's sequence holds: each run of plain ASCII
    characters, a group's and a repeated item's own (repeated at least once), and for an
    alternation, one string of each branch (the run before it joined to the branch's first
    characters), where every branch has one. Lookarounds, classes and the rest give nothing,
    and break a run: a requirement is only ever weaker than the expression."""
    found: list[Requirement] = []
    run = ""
    for op, argument in sequence:
        if op is LITERAL and argument < 128:
            run += chr(argument).lower()
            continue
        if op is BRANCH:
            branches = [branch_requirement(run, list(b)) for b in argument[1]]
            if all(branches):
                found.append(tuple(dict.fromkeys(text for b in branches if b for text in b)))
        elif op is SUBPATTERN:
            found.extend(requirements(list(argument[3])))
        elif op in (MAX_REPEAT, MIN_REPEAT) and argument[0] >= 1:
            found.extend(requirements(list(argument[2])))
        if run:
            found.append((run,))
        run = ""
    if run:
        found.append((run,))
    return found


def branch_requirement(before: str, branch: list[tuple[Any, Any]]) -> Requirement | None:
    """Strings one of which every match of one branch of an alternation holds: the characters
    before the alternation with the branch's first ones, or one of the branch's own
    requirements, whichever rules most sentences out (a branch that starts with a letter its
    neighbour shares, "o" of "otc|over the counter", and then "sleep aid", is told by "sleep";
    a branch that holds one of several words, by those words)."""
    lead = ""
    for op, argument in branch:
        if op is not LITERAL or argument >= 128:
            break
        lead += chr(argument).lower()
    candidates = [r for r in requirements(branch) if r]
    if before:
        candidates.append((before,))
    if before + lead and (lead or not branch):
        candidates.append((before + lead,))
    return min(candidates, key=strength) if candidates else None


def strength(requirement: Requirement) -> tuple[int, int]:
    """The order of a branch's requirements by how many sentences they rule out, most first: the
    shortest string the longest, then the fewest strings."""
    return -min(map(len, requirement)), len(requirement)


def test_cost(requirement: Requirement) -> tuple[float, int, int]:
    """The order requirements are tested in, the one that rules most sentences out for what its
    test costs first: a test looks for each string in turn (of 29 drug names, all 29 where none
    is there), and a longer string is rarer. The strings per character of the shortest."""
    shortest = min(map(len, requirement))
    return len(requirement) / shortest, -shortest, len(requirement)


def ordered_requirements(found: list[Requirement]) -> tuple[Requirement, ...]:
    """The requirements worth a test (no string shorter than two characters, none that another
    implies: "post" of "postop" or "postsurgical"), in the order of `test_cost`."""
    useful = list(dict.fromkeys(r for r in found if r and min(map(len, r)) >= 2))
    kept = [
        r
        for r in useful
        if not any(
            other != r and all(any(part in text for part in r) for text in other)
            for other in useful
        )
    ]
    return tuple(sorted(kept, key=test_cost))


def holds_every(lowered: str, needed: tuple[Requirement, ...]) -> bool:
    """Whether a lower-cased text holds one string of each requirement: where it does not, no
    match can be in it, and the expression is not tried. (Loops rather than any() of a
    generator, which cost a third more, or an expression of the strings as alternatives,
    tried at every character that starts one of them.)"""
    for requirement in needed:
        for text in requirement:
            if text in lowered:
                break
        else:
            return False
    return True


# The lower-case letters a whole word of `opening_words` is made of: no figure, which a word
# shares with the decimal point beside it ("2.5" is one word), and no other character.
_WORD_LETTERS = frozenset(range(ord("a"), ord("z") + 1))


def opening_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The whole words (letters only, lower-cased) one of which every match of an ASCII
    expression starts with, where it starts with a word boundary and a list of words each
    ended by a boundary or a character that no word holds: "walk" or "walks" of
    "\\b(?:walk|walks)\\b ...", "couldn" or "couldnt" of "\\bcouldn\\W?t". A text whose words
    hold none of them holds no match. None where the opening is anything else (a class, a
    figure, a repeated letter): then nothing is known of the words."""
    if not pattern.flags & re.ASCII:
        return None  # a word boundary of a Unicode expression is another one than the text's
    found = words_opening(list(re_parser.parse(pattern.pattern, pattern.flags)), "", False)
    return frozenset(found) if found else None


def words_opening(items: list[Any], word: str, bounded: bool) -> set[str] | None:
    """The first whole words of a sequence of parsed items, `word` the letters of it already
    met and `bounded` whether a word boundary lies before them; None where they are not known.
    Lookarounds match nothing and only ever rule matches out, so they are passed over."""
    for index, (op, argument) in enumerate(items):
        rest = items[index + 1 :]
        if op is LITERAL and argument < 128:
            letter = ord(chr(argument).lower())
            if letter in _WORD_LETTERS:
                if not (word or bounded):
                    return None  # the match may start inside a word
                word += chr(letter)
                continue
            if not is_mark(argument):
                return None
            if word:
                return {word}
            bounded = True
        elif op is AT and argument is AT_BOUNDARY:
            if word:
                return {word}
            bounded = True
        elif op in (ASSERT, ASSERT_NOT):
            if word and op is ASSERT_NOT and argument[0] == 1 and no_word_after(argument[1]):
                return {word}  # "(?!\\w)"
        elif op is SUBPATTERN:
            if argument[1] or argument[2]:
                return None
            return words_opening([*argument[3], *rest], word, bounded)
        elif op is BRANCH:
            found: set[str] = set()
            for alternative in argument[1]:
                words = words_opening([*alternative, *rest], word, bounded)
                if words is None:
                    return None
                found |= words
            return found
        elif op in (MAX_REPEAT, MIN_REPEAT) and is_no_word(argument[2]):
            if word and argument[0] >= 1:
                return {word}
            if argument[0] == 0:
                # The gap there or not: the word ends here, or its letters go on after it.
                absent = words_opening(rest, word, bounded)
                present = {word} if word else words_opening(rest, "", True)
                return None if absent is None or present is None else absent | present
            bounded = True
        elif op in (MAX_REPEAT, MIN_REPEAT) and argument[:2] == (0, 1):
            absent = words_opening(rest, word, bounded)
            present = words_opening([*argument[2], *rest], word, bounded)
            return None if absent is None or present is None else absent | present
        else:
            return None
    return None  # the match may end inside a word


def is_no_word(items: Any) -> bool:
    """Whether parsed items are one character that no word holds: a space, `\\W`, a mark."""
    if len(items) != 1:
        return False
    op, argument = items[0]
    if op is LITERAL:
        return is_mark(argument)
    if op is IN:
        return all(
            (kind is CATEGORY and value in (CATEGORY_SPACE, CATEGORY_NOT_WORD))
            or (kind is LITERAL and is_mark(value))
            for kind, value in argument
        )
    return False


def is_mark(character: int) -> bool:
    """Whether a character is ASCII and no word character (`\\W` of an ASCII expression)."""
    return character < 128 and ord(chr(character).lower()) not in _WORD_CHARACTERS


def no_word_after(items: Any) -> bool:
    """Whether a lookahead's items are `\\w` alone: "(?!\\w)" ends a word."""
    return list(items) == [(IN, [(CATEGORY, CATEGORY_WORD)])]


class Caseless:
    """An expression that ignores case, matched over an ASCII sentence as `for_lowered` over the
    sentence lower-cased, and as itself over any other: the places are the same, the groups
    lower-cased where the sentence is ASCII."""

    __slots__ = ("pattern", "lowered", "needed")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        if not pattern.flags & re.IGNORECASE:
            raise ValueError("an expression that minds case is matched over the text itself")
        self.pattern = pattern
        self.lowered = for_lowered(pattern)
        # What every match holds: most searches find nothing, and a few substring tests rule
        # most of them out at a fraction of a search's cost.
        parsed = re_parser.parse(pattern.pattern, pattern.flags)
        self.needed = ordered_requirements(requirements(list(parsed)))

    def search(
        self, text: str, lowered: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        """`re.Pattern.search` between `pos` and `endpos`: over an ASCII text, a place in the
        text is the same place in the lower-cased text."""
        if text.isascii():
            if not holds_every(lowered, self.needed):
                return None
            return self.lowered.search(lowered, pos, endpos)
        return self.pattern.search(text, pos, endpos)

    def finditer(self, text: str, lowered: str, pos: int = 0) -> Iterator[re.Match[str]]:
        if text.isascii():
            if not holds_every(lowered, self.needed):
                return iter(())
            return self.lowered.finditer(lowered, pos)
        return self.pattern.finditer(text, pos)
