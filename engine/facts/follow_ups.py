"""Readings of a sentence that speaks of something named just before it without naming it
again: "S/p L5-S1 TFESI on 08/09. Following the injection she decreased Norco"; "Chiropractor's
plan of care: spinal manipulation. Completed 6 visits 06/19-07/07". A reader gives such a
reading an unresolved name; here it takes the one thing of its kind named in one of the two
sentences before, in the same part of the record, or is dropped where none or several are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from engine.facts.sentences import Reading, Sentence

# How far back the thing spoken of may be named: the sentence before, or the one before that.
FOLLOW_UP_SENTENCES = 2


@dataclass(frozen=True)
class Anaphor:
    """One kind of follow-up: the prefix of its unresolved readings, what a sentence's readings
    name of the kind, and the resolved name of a reading given what it speaks of."""

    unresolved: str
    named_in: Callable[[list[Reading]], set[str]]
    resolved: Callable[[str, str], str]  # (what is spoken of, the rest of the name) -> name
    # What a follow-up is taken to speak of where nothing of its kind was named in the two
    # sentences before it in its part of the record (None: it is dropped). Several things named leave it
    # undecided, and dropped.
    unnamed: str | None = None


def resolve_follow_ups(
    read: list[tuple[Sentence, list[Reading]]], anaphors: Sequence[Anaphor]
) -> list[Reading]:
    """The readings of every sentence in order, the follow-ups given what they speak of."""
    found: list[Reading] = []
    # Per anaphor: what was last named, where, and how many sentences ago.
    last: list[tuple[set[str], tuple[str, int | None] | None, int]] = [
        (set(), None, 0) for _ in anaphors
    ]
    # Nearly every reading is of no anaphor: one test of its name against all their prefixes
    # passes it on, and only the rest look for theirs.
    prefixes = tuple(a.unresolved for a in anaphors)
    for sentence, readings in read:
        if not readings:
            # Nothing named here: what was named before is a sentence further back.
            last = [(named, place, since + 1) for named, place, since in last]
            continue
        here = (sentence.source, sentence.item)
        # A sentence that follows up on what was named keeps the account going: the next one
        # may follow up on it too ("At the follow-up ... 80% relief." "A report of 04/20 noted
        # the relief holding ..." "About 15 weeks after the injection the pain returned.").
        followed_up: set[int] = set()
        for reading in readings:
            if not reading.name.startswith(prefixes):
                found.append(reading)
                continue
            anaphor_at = next(i for i, p in enumerate(prefixes) if reading.name.startswith(p))
            anaphor, (named, place, since) = anaphors[anaphor_at], last[anaphor_at]
            if place == here and since <= FOLLOW_UP_SENTENCES and len(named) == 1:
                rest = reading.name[len(anaphor.unresolved) :]
                reading.name = anaphor.resolved(next(iter(named)), rest)
                found.append(reading)
                followed_up.add(anaphor_at)
            elif anaphor.unnamed is not None and (place != here or since > FOLLOW_UP_SENTENCES):
                # Nothing of its kind named close before it in its part of the record: as where
                # nothing was named at all.
                reading.name = anaphor.resolved(
                    anaphor.unnamed, reading.name[len(anaphor.unresolved) :]
                )
                found.append(reading)
        for at, anaphor in enumerate(anaphors):
            named = anaphor.named_in(readings)
            if named:
                last[at] = (named, here, 1)
            elif at in followed_up:
                last[at] = (last[at][0], here, 1)
            else:
                last[at] = (last[at][0], last[at][1], last[at][2] + 1)
    return found
