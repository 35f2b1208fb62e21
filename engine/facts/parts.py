"""Facts of one body part: a finding read of the part its clause names, and given to an item
only where the item is about that part (films of the hip say nothing of an elbow MRI; a failed
cortisone injection of the shoulder says nothing of the knee). A finding whose clause names no
part is of the part at issue, and goes to every item.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from engine.facts.findings import Findings
from engine.facts.sentences import Reader, Reading
from engine.vocab import padded, phrase_words

# `~part:NAME:REGION`: read on the way to the item's fact; REGION is empty where none is named.
PART = "~part:"
# The facts read this way (imaging_indications, joint_injections, knee).
BY_PART = (
    "plain_films_nondiagnostic",
    "specific_lesion_suspected",
    "failed_steroid_injection",
    "knee_mechanical_symptoms",
    "meniscal_tear_on_imaging",
)
# Regions that count as one part for this: the spine's segments, and a limb with its joints (a
# wrist finding bears on an EMG of the upper extremity).
SPINE_REGIONS = frozenset(
    ["spine", "cervical_spine", "thoracic_spine", "lumbar_spine", "sacroiliac"]
)
_GROUPS = (
    SPINE_REGIONS,
    frozenset(["upper_extremity", "shoulder", "elbow", "forearm", "wrist", "hand"]),
    frozenset(["lower_extremity", "hip", "knee", "ankle", "foot"]),
)
_LIMBS = frozenset(["upper_extremity", "lower_extremity"])
# A region that names a whole part of several regions ("upper extremity" holds the wrist).
_WHOLE = {"spine": _GROUPS[0], "upper_extremity": _GROUPS[1], "lower_extremity": _GROUPS[2]}
# Regions that meet, whose names a record uses for one another's surgeries (a distal radius
# fracture's fixation is a wrist surgery).
_NEIGHBOURS = frozenset(
    frozenset(pair)
    for pair in (("wrist", "forearm"), ("wrist", "hand"), ("elbow", "forearm"), ("ankle", "foot"))
)
# A clause ends at a semicolon or a comma-and ("x-rays of the shoulder showed arthritis, and
# x-rays of the hip were normal").
_CLAUSE_START = re.compile(
    r"[;:(]|,\s*(?:and|but|while|whereas)\b|\band\b(?=\s+(?:an?\s+)?x-?rays?)", re.I | re.ASCII
)


# "Back" that is no body part: "then back to baseline", "pain came back", "back at work", "the
# back part of the inner meniscus".
_BACK_NOT_THE_SPINE = re.compile(
    r"\bback\s+(?=(?:to\s+(?:baseline|normal|work|full|regular|usual|pre)|at\s+work|"
    r"part|portion|half|of\s+the\s+(?:knee|thigh|leg|calf|heel|hand|arm|head|shoulder))\b)|"
    r"\b(?:came|come|comes|coming|went|go|goes|got|gets|get|bring|brought|bringing)\s+back\b"
    # (But "he gets back pain at night" is the back's.)
    r"(?!\s+(?:pain|ache|aches|spasms?|problems?|injury|surgery|brace))",
    re.I | re.ASCII,
)


def same_part(one: set[str] | frozenset[str], other: set[str] | frozenset[str]) -> bool:
    """Whether two sets of regions name the same part: a region in both, or a whole part in
    one and a region of it in the other (a wrist surgery is one of the upper extremity; not one
    of the shoulder, as a finding of the limb would be), or two regions that meet."""
    return (
        not one.isdisjoint(other)
        or any(
            (whole in one and not other.isdisjoint(held))
            or (whole in other and not one.isdisjoint(held))
            for whole, held in _WHOLE.items()
        )
        or any(frozenset((a, b)) in _NEIGHBOURS for a in one for b in other)
    )


def body_regions(findings: Findings, text: str) -> set[str]:
    """The body regions a text names."""
    words = phrase_words(_BACK_NOT_THE_SPINE.sub(" ", text))
    found = findings.regions.finditer(padded(words), frozenset(words))
    return {findings.region_of[m[1]] for m in found}


def clause_regions(reader: Reader, start: int, end: int) -> set[str]:
    """The body regions named in the clause of a finding (from `start` to `end`)."""
    text = reader.text
    # (The whole text is searched: a break's lookahead reads past `start`.)
    starts = [m.end() for m in _CLAUSE_START.finditer(text) if m.end() <= start]
    stop = _CLAUSE_START.search(text, end)
    return body_regions(
        reader.findings, text[starts[-1] if starts else 0 : stop.start() if stop else len(text)]
    )


def add_of_part(
    reader: Reader, name: str, value: Any, start: int, end: int, regions: set[str] | None = None
) -> None:
    """The letter's fact, and the same of each part the clause names."""
    reader.add(name, value, start, end)
    # In a fixed order: which part's reading an item takes first (`part_facts`) must not follow
    # the order a set of strings happens to iterate in, which moves with Python's hash seed.
    named = regions if regions is not None else clause_regions(reader, start, end)
    for region in sorted(named) or [""]:
        reader.add(f"{PART}{name}:{region}", value, start, end)


def part_facts(
    by_name: dict[str, Any], regions: list[str]
) -> Iterator[tuple[str, Any, Reading | Any]]:
    """For an item about these regions: each fact read of its part, as (name, value, source);
    where the letter's fact was read only of other parts, the item's is withdrawn (None)."""
    read = [key for key in by_name if key.startswith(PART)]
    if not read:
        return
    asked = set(regions)
    for group in _GROUPS:
        # The spine as a whole; a limb with its joints, a joint with its limb (not the limb's
        # other joints: the hip is not the knee).
        if asked & group and (group & _LIMBS == set() or asked & _LIMBS):
            asked |= group
        elif asked & group:
            asked |= group & _LIMBS
    for name in BY_PART:
        prefix = f"{PART}{name}:"
        mentions = [(key[len(prefix) :], by_name[key]) for key in read if key.startswith(prefix)]
        if not mentions:
            continue
        relevant = [f for site, f in mentions if not site or site in asked]
        letter = by_name.get(name)
        if relevant:
            chosen = next((f for f in relevant if f.value), relevant[0])
            if letter is None or letter.value != chosen.value:
                yield name, chosen.value, chosen
        elif letter is not None:
            yield name, None, letter
