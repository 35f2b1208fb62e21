"""A form's empty check box before an item that tells its own account. A box left empty denies
its item (the negation cues, rules/vocab/negation.yaml: "Adverse effects: [ ] sedation" is no
sedation), but an item that says itself it was stopped or not given is told, not denied: "Meds:
[ ] ibuprofen - stopped 10/2016, epigastric pain" tells ibuprofen stopped for its harm, and
"Tx: [ ] acupuncture (none to date)" no acupuncture yet. Such a box is taken out, its item set
apart from the items before it. A ticked box right after a heading's colon is taken out too, so
that the heading reads with its answer ("Acupuncture to date: [x] none"); and a line of boxes
ends its sentence, as a form's line does. Every other box is left to the negation cues.

Only for a note read whole: places in the text move.
"""

from __future__ import annotations

import re

# A form's check boxes, as written: ticked ("[x]", "[X]", "[v]", "[*]", "\u2611", "\u2612") or
# empty ("[ ]", "[]", "\u2610").
_TICKED = r"\[[ \t]*[xXvV*][ \t]*\]|\u2611|\u2612"
_EMPTY = r"\[[ \t]*\]|\u2610"
_BOX = rf"{_TICKED}|{_EMPTY}"
# An empty box and its item, up to the next box, a column's gap of two spaces or more, its
# sentence's end or the line's end.
_EMPTY_BOX_ITEM = re.compile(
    rf"(?:{_EMPTY})[ \t]*(?P<item>(?:(?!{_BOX}|\s{{2,}}|\.(?:\s|$))[^\n])+)"
)
# The item's own words that it was stopped or not given.
_ITS_OWN_ACCOUNT = re.compile(r"\b(?:stopped|discontinued|d/c|none|never)\b", re.I | re.ASCII)
# A ticked box right after a heading's colon: the heading's answer follows it ("Acupuncture to
# date: [x] none" is "Acupuncture to date: none").
_TICKED_AFTER_COLON = re.compile(rf":[ \t]*(?:{_TICKED})[ \t]*")
# A line of boxes ends its sentence where the line ends: "Aberrant behavior: [ ] early refills
# [x] none" then "CURES checked 06/30/2017" (the next line is not in the boxes' reach).
_BOX_LINE_END = re.compile(rf"^(?P<line>[^\n]*(?:{_BOX})[^\n]*?[^\s.;:!?])[ \t]*$", re.M)


def boxes_as_words(text: str) -> str:
    """The text with each empty box whose item tells its own account taken out, a ticked box
    after a heading's colon taken out, and each line of boxes ended (see the module's
    docstring). Text with no box comes back as it was."""
    if "[" not in text and not any(box in text for box in "\u2610\u2611\u2612"):
        return text
    text = _EMPTY_BOX_ITEM.sub(_told, text)
    text = _TICKED_AFTER_COLON.sub(": ", text)
    return _BOX_LINE_END.sub(r"\g<line>.", text)


def _told(box: re.Match[str]) -> str:
    """The box as it stays, or its item set apart where the item tells its own account."""
    if _ITS_OWN_ACCOUNT.search(box["item"]) is None:
        return box.group()
    # (Right after a heading's colon the colon sets it apart: "Meds: ibuprofen - stopped".)
    opens = box.string[: box.start()].rstrip().endswith(":")
    return box["item"] if opens else f"; {box['item']}"
