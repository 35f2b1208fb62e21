"""Surgery: a surgery the record dates ("his surgery of 3/11/2014"), of which kind, and a surgery
that utilization review refused, whose ancillary services follow it.
"""

from __future__ import annotations

import re

from engine.facts.figures import DATE

_SURGERY_WORDS = frozenset(
    [
        "surgery",
        "fusion",
        "laminectomy",
        "discectomy",
        "microdiscectomy",
        "arthroscopy",
        "repair",
        "pinning",
        "arthroplasty",
        "replacement",
        "release",
        "decompression",
    ]
)
# A surgery UR refused outright ("non-certified by UR", "denied"); "modified" is not refused.
_SURGERY_REFUSED = re.compile(
    r"\b(?:non[\s-]?certified|not\s+certified|denied|not\s+approved|not\s+authorized"
    r"|non[\s-]?authorized)\b",
    re.ASCII,
)
# "his surgery of 3/11/2014", "pinning of the right distal radius fracture on 11-9-2016"
_SURGERY_ON = re.compile(
    rf"\b(?:{'|'.join(sorted(_SURGERY_WORDS))})\b[^.]{{0,60}}?\b(?:on|of|dated)\s+"
    rf"(?:{DATE})",
    re.I | re.ASCII,
)
_SITE_BEFORE = re.compile(
    r"(?:\b(?:lumbar|cervical|thoracic|lumbosacral|spinal|spine|knee|shoulder|hip|wrist|elbow|"
    r"ankle|hand|foot)\s+)+$",
    re.I | re.ASCII,
)
_LEVEL_AFTER = re.compile(r"\s+(?:at\s+)?[CLT]\d(?:\s*-\s*[CLTS]?\d)?\b", re.I | re.ASCII)


def named_with_site(text: str, start: int, end: int) -> tuple[str, int, int]:
    """A procedure's name with the body part before it and the spinal level after it:
    "lumbar laminectomy L5-S1"."""
    site = _SITE_BEFORE.search(text, 0, start)
    level = _LEVEL_AFTER.match(text, end)
    start = site.start() if site else start
    end = level.end() if level else end
    return " ".join(text[start:end].split()), start, end
