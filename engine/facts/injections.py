"""Injections already given, per kind (epidural, facet or medial branch, trigger point): how
many, the relief the last gave in percent and in weeks, and whether pain medication went down
after it, which the criteria for repeating an injection ask (mtus.cp2009.esi.7_repeat: >= 50 %
relief with less medication for 6-8 weeks). Read as `~injection:KIND:FACT` and given to the items
asking for an injection of that kind (`item.request_facts`).
"""

from __future__ import annotations

import re

from engine.facts.figures import weeks_in, with_figures
from engine.facts.sentences import Reader

INJECTION = "~injection:"
# The request's subtype -> how the record names that kind of injection.
KINDS = {
    "epidural": re.compile(
        r"\b(?:epidurals?|esis?|tfesis?|transforaminal|interlaminar|caudal)\b", re.I | re.ASCII
    ),
    "facet": re.compile(r"\b(?:facet|medial\s+branch|mbbs?)\b", re.I | re.ASCII),
    "trigger_point": re.compile(r"\b(?:trigger\s+points?|tpis?)\b", re.I | re.ASCII),
}
_FIRST_WORDS = frozenset(
    ["epidural", "epidurals", "esi", "esis", "tfesi", "tfesis", "transforaminal", "interlaminar",
     "caudal", "facet", "medial", "mbb", "mbbs", "trigger", "tpi", "tpis"]
)  # fmt: skip
_INJECTED = re.compile(r"\b(?:injections?|blocks?|esis?|tfesis?|mbbs?|tpis?)\b", re.I | re.ASCII)
# "50% relief", "60-70 percent improvement": the upper figure of a range.
_RELIEF = re.compile(
    r"\b(\d{1,3})(?:\s*-\s*(\d{1,3}))?\s*(?:%|percent)\s*(?:of\s+)?(?:pain\s+)?"
    r"(?:relief|improvement|reduction|decrease|better)",
    re.I | re.ASCII,
)
# "for 6 weeks", "lasting two months", "x 3 weeks"
_LASTING = re.compile(
    r"\b(?:for|lasting|lasted|x)\s+(?:about\s+|approximately\s+|over\s+|nearly\s+)?(\d{1,2})\s*"
    r"(weeks?|months?|wks?)\b",
    re.I | re.ASCII,
)
_COUNT = re.compile(
    r"\b(\d{1,2})\s+(?:prior\s+|previous\s+)?(?:lumbar\s+|cervical\s+)?(?:epidural|esi|tfesi|"
    r"facet|medial\s+branch|trigger\s+point|tpi|mbb)",
    re.I | re.ASCII,
)
_MEDICATION_DOWN = re.compile(
    r"\b(?:reduc|decreas|lower|cut\s+down|less)\w*\b[^.;]{0,30}?\b(?:medications?|norco|opioids?|"
    r"narcotics?|analgesics?|tablets|pills)\b",
    re.I | re.ASCII,
)
# "No prior ESI", "has never had an epidural injection", "no previous injections".
_NONE = re.compile(
    r"\b(?:no|never\s+had|not\s+had)\s+(?:an?\s+|any\s+)?(?:prior\s+|previous\s+)?(?:\w+\s+)?"
    r"(?:injections?|blocks?|esis?|tfesis?|epidurals?|mbbs?|tpis?)\b",
    re.I | re.ASCII,
)


def injections_given(reader: Reader) -> None:
    """What a sentence says of injections given: never what is requested or planned."""
    words = reader.words
    if reader.asks or reader.planned:
        return
    if _FIRST_WORDS.isdisjoint(words):
        # "No prior injections": none of any kind.
        none = _NONE.search(reader.text) if "injections" in words else None
        if none:
            for kind in KINDS:
                reader.add(f"{INJECTION}{kind}:prior_injections", 0, *none.span())
        return
    text = with_figures(reader.text)
    for kind, named in KINDS.items():
        at = named.search(text)
        if at is None or not _INJECTED.search(text):
            continue
        if _NONE.search(text):
            reader.add(f"{INJECTION}{kind}:prior_injections", 0, *at.span())
            continue
        count = _COUNT.search(text)
        reader.add(f"{INJECTION}{kind}:prior_injections", int(count[1]) if count else 1, *at.span())
        relief = _RELIEF.search(text)
        if relief:
            percent = int(relief[2] or relief[1])
            if percent <= 100:
                reader.add(
                    f"{INJECTION}{kind}:prior_injection_relief_percent", percent, *relief.span()
                )
            lasting = _LASTING.search(text)
            if lasting:
                weeks = weeks_in(int(lasting[1]), lasting[2])
                reader.add(
                    f"{INJECTION}{kind}:prior_injection_relief_weeks", weeks, *lasting.span()
                )
        down = _MEDICATION_DOWN.search(text)
        if down:
            reader.add(f"{INJECTION}{kind}:medication_reduced_after_injection", True, *down.span())
