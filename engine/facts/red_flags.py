"""Red flags as of the complaint being judged. ACOEM's red flags (Tables 8-1 and 12-1, after
AHCPR 1994: "fracture: major trauma") are those of a complaint in its acute and subacute phases,
the chapters' own scope: a fall from a height or a high-speed collision is a red flag for a
fracture in the injury being assessed, and the reviewer of a request years later does not read
the mechanism of the original injury as one (verified-from-letters acoem2.ch8.red_flags,
acoem2.ch12.red_flags; digest ahcpr1994.red_flags). A fracture named, or a sign of one on the
examination, is left as it is read.
"""

from __future__ import annotations

import re
from datetime import date

from engine.facts.model import SITE, Fact
from engine.facts.sentences import Reading

FRACTURE = "red_flag_fracture"
_FRACTURE_SITE = f"{SITE}{FRACTURE}:"
# The end of the subacute phase: three months.
TRAUMA_RED_FLAG_WEEKS = 12
# The mention is the trauma told, not a fracture named: "fall from a ladder", "fell 6 feet off
# a scaffold", "high-speed collision", "major trauma".
_TRAUMA_TOLD = re.compile(r"\b(?:fell|falls?|falling|fallen|collision|trauma)\b", re.I | re.ASCII)
# A trauma the sentence tells as recent is a new one, whatever the claim's date of injury.
_RECENT_WORDS = frozenset(["recent", "recently", "yesterday", "today", "ago", "new", "again"])


def old_trauma_set_aside(
    read: list[Fact | Reading], settled: list[Fact | Reading], on: date | None
) -> list[Fact | Reading] | None:
    """The readings less those that take the trauma of an injury more than three months before
    `on` for a fracture's red flag, where the settled facts hold such a red flag; else None."""
    if on is None:
        return None
    by_name = {f.name: f for f in settled}
    flag = by_name.get(FRACTURE)
    injury = by_name.get("injury_date") or by_name.get("~injury_event_date")
    if flag is None or flag.value is not True or injury is None:
        return None
    if not isinstance(injury.value, date) or (on - injury.value).days <= TRAUMA_RED_FLAG_WEEKS * 7:
        return None
    kept = [r for r in read if not old_trauma(r)]
    return kept if len(kept) != len(read) else None


def old_trauma(reading: Fact | Reading) -> bool:
    """Whether a reading is a fracture's red flag read from the trauma told, not told as
    recent."""
    if not isinstance(reading, Reading) or reading.value is not True:
        return False
    if reading.name != FRACTURE and not reading.name.startswith(_FRACTURE_SITE):
        return False
    sentence = reading.sentence
    end = reading.end if reading.end is not None else len(sentence.text)
    return _TRAUMA_TOLD.search(
        sentence.text, reading.start, end
    ) is not None and sentence.words.isdisjoint(_RECENT_WORDS)
