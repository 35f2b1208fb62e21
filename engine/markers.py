"""Shared by the letters stage's layouts: expressions for a letter's fixed wording (headings,
labels, decision phrases) that still match where a PDF's text layer has damaged it.

Takes the wording as printed ("Decision rationale:") and returns the source of a regular
expression, which a `Marker` compiles; it is searched for in the letter's text itself, so the
offsets of a match are offsets into the letter. A text layer breaks wording in ways a reader never
sees, and every expression built here allows all of them, between and inside words:

- words run together ("is notmedically necessary") or split by a stray space ("medi cally");
- a word hyphenated at a line end ("medi-\\ncally"; PDFium's U+FFFE becomes "-\\n" on reading),
  or with a soft hyphen;
- doubled spaces, and line breaks in the middle of a phrase;
- a page's header or footer, a line holding a page number, between two words of a phrase that a
  page break cut in two;
- letters in odd case ("Decision Rationale:", "DECISION RATIONALE:", small capitals);
- the ligatures "ff", "fi", "fl", "ffi", "ffl" as one character, and curly quotes for straight ones.

No-break and other spaces were made plain before (`vocab.plain_spaces`), one for one.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from functools import cached_property

# What a text layer puts inside a word or between two words where the printed page shows none or
# one space: spaces and line ends, a hyphen or soft hyphen before a line end, or nothing at all
# (glued words). One repeated class: it comes between every two characters of a phrase, so it is
# kept as cheap to compile as it can be.
_SEPARATOR_CHARACTER = r"[-\xad\s]"
INSIDE_WORD = rf"{_SEPARATOR_CHARACTER}*"

# A page header or footer that a page break left between two words: a line that holds a page
# number, "Page 2 of 5" with anything else beside it, or a number alone ("2", "- 2 -").
PAGE_FURNITURE = r"(?:[^\n]*?(?i:page)[ \t]*\d[^\n]*|[ \t-]*\d+[ \t-]*)"
BETWEEN_WORDS = rf"{INSIDE_WORD}(?:\n{PAGE_FURNITURE}\n{INSIDE_WORD})*"

_LIGATURES = {"ffi": "\ufb03", "ffl": "\ufb04", "ff": "\ufb00", "fi": "\ufb01", "fl": "\ufb02"}
_LONGEST_LIGATURE = max(map(len, _LIGATURES))
_QUOTES = {"'": "['\u2018\u2019]", '"': '["\u201c\u201d]'}


def phrase(wording: str) -> str:
    """The expression for `wording` as printed, in any case and with every artefact above.

    Spaces in `wording` separate words; everything else is matched literally. Used inside a
    larger expression; a marker that is searched for over a whole letter starts with `opening`.
    """
    words = wording.strip()
    return f"(?i:{_printed_or_spelled(words, _spelled(words))})"


def opening(wording: str) -> str:
    """As `phrase`, for the words a marker starts with: a capital first letter stays a capital.

    The search for an expression that starts with one fixed character skips ahead to that
    character; a first letter of either case makes it try every position, and a search over a
    whole letter several times slower. Headings and labels keep their first capital in text
    layers (small capitals keep their capitals), so little is lost.
    """
    words = wording.strip()
    if not words[:1].isupper():
        return phrase(words)
    rest = words[1:]
    if not rest.strip():
        return re.escape(words)
    gap = BETWEEN_WORDS if rest[0].isspace() else INSIDE_WORD
    return re.escape(words[0]) + f"(?i:{_printed_or_spelled(rest, gap + _spelled(rest))})"


def either(*wordings: str) -> str:
    """The expression for any one of several wordings, each as `phrase`."""
    return "(?:" + "|".join(phrase(wording) for wording in wordings) + ")"


_FURNITURE_LINE = re.compile(PAGE_FURNITURE, re.ASCII)


def is_page_furniture(line: str) -> bool:
    """Whether a whole line is a page header or footer, as `PAGE_FURNITURE` describes them."""
    # Most lines hold neither a page number nor "page": looking at their characters rules them
    # out at a tenth of the cost of the expression, which tries "page" at every position.
    bare = line.strip(" \t-")
    if bare.isdigit() and bare.isascii():
        return True
    return "page" in line.lower() and _FURNITURE_LINE.fullmatch(line) is not None


_NOT_A_LETTER = re.compile(r"[^a-z]+", re.ASCII)


def letters_of(found: str) -> str:
    """The letters of a matched wording in lower case: what it says, whatever broke it up."""
    return _NOT_A_LETTER.sub("", found.lower())


def _printed_or_spelled(wording: str, spelled: str) -> str:
    # Most letters are clean: the wording as printed, one space between words, is tried first.
    # Matched character for character it costs a tenth of the expression that allows for an
    # artefact after every character, which is tried only where the printed wording fails.
    printed = re.escape(re.sub(r"\s+", " ", wording))
    return f"(?:{printed}|{spelled})"


def _spelled(wording: str) -> str:
    pieces: list[str] = []
    for word in wording.split():
        if pieces:
            pieces.append(BETWEEN_WORDS)
        position = 0
        while position < len(word):
            if position:
                pieces.append(INSIDE_WORD)
            unit = _unit_at(word, position)
            pieces.append(_character_or_ligature(unit))
            position += len(unit)
    return "".join(pieces)


def _unit_at(word: str, position: int) -> str:
    """The letters at `position` that a text layer may give as one ligature, or one character."""
    # Ligatures are of lower-case letters only: a capital F is never part of one.
    for length in range(_LONGEST_LIGATURE, 1, -1):
        if word[position : position + length] in _LIGATURES:
            return word[position : position + length]
    return word[position]


def _character_or_ligature(unit: str) -> str:
    if len(unit) > 1:
        letters = INSIDE_WORD.join(re.escape(character) for character in unit)
        return f"(?:{letters}|{_LIGATURES[unit]})"
    return _QUOTES.get(unit) or re.escape(unit)


class Marker:
    """An expression for a piece of a letter's fixed wording, compiled (with re.ASCII) when first
    used. Its search methods are those of `re.Pattern`.

    Every character of a phrase brings the expression for the artefacts around it, so these are
    many times the size of plain expressions: compiling all of the letters stage's takes about
    38 ms (the plain ones they replaced took 5 ms), of which a DWC letter needs 13 ms.
    """

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = re.ASCII | flags

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        pattern = re.compile(self.source, self.flags)
        # From now on the compiled expression's own methods answer, at a plain expression's cost.
        vars(self).update(
            search=pattern.search,
            match=pattern.match,
            fullmatch=pattern.fullmatch,
            finditer=pattern.finditer,
        )
        return pattern

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.fullmatch(text, pos, endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text, pos, endpos)
