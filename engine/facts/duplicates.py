"""A one-time service the record says was already approved: "The documentation indicated the
patient had been approved for a neurosurgeon evaluation for the low back and pelvis", "An MRI of
the right knee was previously certified on 10/04/2016". A request for the same service repeats
it (`item.item_facts`, duplicates_authorized; meta.duplicate_request, CONFIRMED: denied only
where the earlier authorization is documented).
"""

from __future__ import annotations

import re

from engine.facts.findings import Findings
from engine.facts.sentences import Reader
from engine.vocab import normalize_phrase, padded, phrase_words

APPROVED = "~approved:"
_APPROVED_WORDS = frozenset(["approved", "authorized", "certified"])
# The approval after the service: "had been approved for a neurosurgeon evaluation"; what was
# approved runs to the end of its clause.
_APPROVED_FOR = re.compile(
    r"\b(?:had\s+been|has\s+been|have\s+been|was\s+(?:previously|already)|were\s+(?:previously|"
    r"already)|(?:has|had|have)\s+(?:previously|already)\s+been)\s+(?:previously\s+|already\s+)?"
    r"(?:approved|authorized|certified)\s+for\s+(?:an?\s+|the\s+)?(?P<what>[a-z][a-z\s/-]{2,80}?)"
    r"\s*(?=[.;,(]|$|\b(?:on|in|by|and\s+(?:was|is|has|the))\b)",
    re.I | re.ASCII,
)
# The service first: "An MRI of the right knee was previously certified on 10/04/2016", "Spine
# surgery consult for the lumbar radiculopathy was authorized by UR", "EMG/NCV BUE already
# approved 05/02/17". Not one refused ("was not approved", "non-certified").
_SERVICE_APPROVED = re.compile(
    r"(?:^\W*|[.;:]\s*|\b(?:an?|the)\s+)(?P<what>[a-z][a-z0-9\s/-]{1,60}?)\s+"
    r"(?:was\s+|were\s+|has\s+been\s+|had\s+been\s+)?(?:already\s+|previously\s+)?"
    r"(?<!non-)(?<!non\s)(?<!not\s)(?:approved|authorized|certified)\b(?!\s+for\b)",
    re.I | re.ASCII,
)
# A service approved is the same as the one asked for where the words of one hold the words of
# the other, or where they share two words and name the same body parts.
_FILLER = frozenset(
    ["a", "an", "the", "of", "for", "to", "with", "and", "x", "1", "one", "his", "her", "this",
     "these", "that", "its", "without", "contrast", "request", "requested", "repeat"]
)  # fmt: skip


_USED = re.compile(
    # (Not "has not attended it", "never done".)
    r"(?<!not\s)(?<!never\s)(?<!yet\s)\b(?:completed|performed|done|attended|obtained|took\s+place|was\s+seen|were\s+seen|"
    r"underwent|showed|revealed)\b",
    re.I | re.ASCII,
)
_SIDES = frozenset(["left", "right", "bilateral", "both", "l", "r", "lt", "rt", "b", "bilat"])


def approved_before(reader: Reader) -> None:
    """A service the sentence says was approved before now, by its words."""
    if reader.words.isdisjoint(_APPROVED_WORDS):
        return
    for expression in (_APPROVED_FOR, _SERVICE_APPROVED):
        for found in expression.finditer(reader.text):
            what = normalize_phrase(found["what"]).strip()
            # An approval used ("authorized in 2016 and completed 07/2016") is spent: a request
            # now is for a need since, not a repeat.
            if what and not _USED.search(reader.text, found.end()):
                reader.add(f"{APPROVED}{what}", True, *found.span("what"))


# The same service in other words: a long form and its abbreviation, a noun and its short form.
_SAME_WORDS = (
    ("functional capacity evaluation", "fce"),
    ("nerve conduction velocity", "ncv"),
    ("nerve conduction studies", "ncv"),
    ("nerve conduction study", "ncv"),
    ("ncs", "ncv"),
    ("electromyography", "emg"),
    ("magnetic resonance imaging", "mri"),
    ("consultation", "consult"),
    ("consultations", "consult"),
    ("consults", "consult"),
)


def service_words(text: str) -> set[str]:
    """A service's own words, each long form as its short one."""
    padded_text = f" {normalize_phrase(text).strip()} "
    for long_form, short_form in _SAME_WORDS:
        padded_text = padded_text.replace(f" {long_form} ", f" {short_form} ")
    return set(padded_text.split()) - _FILLER


def same_service(approved: str, asked: str, findings: Findings) -> bool:
    """Whether a service approved (as the record names it) is the one asked for."""
    approved_words = service_words(approved)
    asked_words = service_words(asked)
    if not approved_words or not asked_words:
        return False
    if approved_words <= asked_words or asked_words <= approved_words:
        return len(approved_words | asked_words) >= 2
    # Two words of the service itself, not of where it is ("a left knee corticosteroid
    # injection" is not an MRI of the left knee).
    places = {word for phrase in findings.region_of for word in phrase.split()} | _SIDES
    shared = (approved_words & asked_words) - places
    # Where both name body parts, a part in common ("spine surgery consult for the lumbar
    # radiculopathy" and "spine surgery consultation").
    approved_regions, asked_regions = regions_of(approved, findings), regions_of(asked, findings)
    return len(shared) >= 2 and (
        not approved_regions or not asked_regions or bool(approved_regions & asked_regions)
    )


def regions_of(text: str, findings: Findings) -> set[str]:
    words = phrase_words(text)
    return {
        findings.region_of[m[1]] for m in findings.regions.finditer(padded(words), frozenset(words))
    }
