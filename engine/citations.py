"""Part of the letters stage: a guideline line ("Decision based on MTUS ... Section(s): ...") ->
citations split into document, edition or year, chapter, section, pages, and MTUS or not.

Reviewers write these lines freely; this takes what is there and leaves the rest as `None`.
"""

from __future__ import annotations

import re

from engine.caseless import Caseless
from engine.models import Citation

# Every expression here is ASCII (re.ASCII), as in all the text stages: see `plain_spaces`.
NO_EVIDENCE = re.compile(r"did\s+not\s+cite\s+any\s+medical\s+evidence", re.I | re.ASCII)
DECISION_BASED_ON = re.compile(r"Decision\s+based\s+on\s+", re.I | re.ASCII)
# "MTUS Low Back Complaints 2004, Section(s): X, and Chronic Pain Medical Treatment 2016, ...":
# one "Decision based on" naming two MTUS documents.
SECOND_DOCUMENT = re.compile(
    r",?\s+and\s+(?=(?:Other\s+Medical\s+Treatment\s+Guidelines\b|[A-Z][A-Za-z,&/ ]{3,60}?\s(?:19|20)\d\d\b))",
    re.ASCII,
)
NON_MTUS_PREFIX = re.compile(
    r"^(?:Non-MTUS\s+Citation|Other\s+Medical\s+Treatment\s+Guidelines)\s*", re.I | re.ASCII
)
MTUS_PREFIX = re.compile(r"^MTUS\s*:?\s*", re.I | re.ASCII)
YEAR = re.compile(r"\(?\b((?:19|20)\d\d)\b\)?", re.ASCII)
# The expressions that ignore case are `Caseless`: matched over the citation lower-cased, several
# times faster; what they give is read from the citation itself, by place, in its own case.
# The word boundary before the number is tested after its first figure, as no word character
# before it: an expression that starts with a figure is tried at the figures only, one that
# starts with `\b` at every character.
EDITION = Caseless(
    re.compile(r"(\d(?<!\w\d)\d*(?:st|nd|rd|th)\s+Ed(?:ition|\.)?)", re.I | re.ASCII)
)
CHAPTER = Caseless(re.compile(r"\bChapter\s+(\d+)", re.I | re.ASCII))
PAGES = Caseless(
    re.compile(r"\bPages?(?:\(s\))?:?\s*(\d+(?:\s*[-\u2013,]\s*\d+)*)", re.I | re.ASCII)
)
SECTION = Caseless(re.compile(r"\bSection(?:\(s\))?:\s*(.+?)\s*\.?\s*$", re.I | re.S | re.ASCII))
# Its label alone: the section runs from the label to the end, less a last full stop and the
# whitespace about it, which is cut off the end at once (`section_of`) rather than tried for
# after every character of the section, as the lazy group of SECTION does.
SECTION_LABEL = Caseless(re.compile(r"\bSection(?:\(s\))?:\s*", re.I | re.ASCII))
# What `\s` is in an ASCII expression (`str.strip` would take other characters too).
WHITESPACE = " \t\n\r\x0b\x0c"
REGULATION = re.compile(r"\b(9792\.\d+(?:\.\d+)*)", re.ASCII)
ODG = re.compile(
    r"^(?:Official\s+Disability\s+Guidelines\s*(?:\(ODG\))?|ODG(?:\s+guidelines?)?)[\s,:]*",
    re.I | re.ASCII,
)
ODG_NAMED = Caseless(re.compile(r"\bODG\b|Official\s+Disability", re.I | re.ASCII))
ACOEM_CHAPTERS = Caseless(
    re.compile(
        r"ACOEM|American\s+College\s+of\s+Occupational|Complaints\b|General\s+Approaches",
        re.I | re.ASCII,
    )
)
MTUS_DOCUMENTS = Caseless(
    re.compile(
        r"Chronic\s+Pain|Acupuncture|Opioid|Postsurgical|Treatment\s+Guidelines|9792\.",
        re.I | re.ASCII,
    )
)


# Most lines and citations hold few of the parts below. Each expression runs only where a word it
# cannot match without is in the text (compared in lower case, as the expressions ignore case):
# the test of a word is several times cheaper than the search.


def cites_evidence(line: str) -> bool:
    return "cite" not in line.lower() or not NO_EVIDENCE.search(line)


def parse_citations(line: str) -> list[Citation]:
    """Every guideline named in one guideline line, in order."""
    if "decision" not in line.lower():
        return []
    chunks = [c.strip() for c in DECISION_BASED_ON.split(line)[1:] if c.strip()]
    found: list[Citation] = []
    for chunk in chunks:
        mtus = not non_mtus_prefix(chunk)
        for number, part in enumerate(documents_of(chunk)):
            part = part.strip(" .,;")
            if not part:
                continue
            # The second document of a chunk keeps the first one's MTUS status unless it is the
            # "Other Medical Treatment Guidelines" tail, which is never MTUS.
            part_mtus = mtus and not (number and non_mtus_prefix(part))
            found.append(parse_citation(part, part_mtus))
    return found


# The prefixes below are tried only on a text that starts with the letter each of their
# wordings starts with (in either case, as they ignore case): most texts start otherwise.


def non_mtus_prefix(text: str) -> re.Match[str] | None:
    return NON_MTUS_PREFIX.match(text) if text[:1] in "NnOo" else None


def without_prefix(text: str) -> str:
    """The citation without its "Non-MTUS Citation" or "MTUS" prefix, as written before."""
    prefix = non_mtus_prefix(text)
    if prefix:
        text = text[prefix.end() :]
    prefix = MTUS_PREFIX.match(text) if text[:1] in "Mm" else None
    return text[prefix.end() :] if prefix else text


def odg_title(text: str) -> re.Match[str] | None:
    return ODG.match(text) if text[:1] in "Oo" else None


def documents_of(chunk: str) -> list[str]:
    """The documents one "Decision based on" names. An "and" starts a second one only after a
    first that is complete, with its year: "Forearm, Wrist, and Hand Complaints 2004" is one."""
    if "and" not in chunk:
        return [chunk]
    parts: list[str] = []
    for part in SECOND_DOCUMENT.split(chunk):
        if parts and not has_year(parts[-1]) and not non_mtus_prefix(part.strip()):
            parts[-1] = f"{parts[-1]}, and {part.strip()}"
        else:
            parts.append(part)
    return parts


def has_year(text: str) -> bool:
    # A year starts "19" or "20": most texts hold neither, and the search is not needed.
    return ("19" in text or "20" in text) and YEAR.search(text) is not None


def parse_citation(text: str, mtus: bool) -> Citation:
    body = without_prefix(text).strip()
    lowered = body.lower()
    pages = PAGES.search(body, lowered) if "page" in lowered else None
    section = section_of(body, lowered) if "section" in lowered else None
    chapter = CHAPTER.search(body, lowered) if "chapter" in lowered else None
    edition = EDITION.search(body, lowered)
    regulation = REGULATION.search(body) if "9792." in body else None
    document_end = min(
        ([pages.start()] if pages else []) + ([section[0]] if section else []) + [len(body)]
    )
    document = body[:document_end]
    section_text = body[section[1] : section[2]] if section else None
    odg = odg_title(document)
    if odg:
        # ODG lines name the chapter and topic after the title: "ODG Low Back, Preoperative testing".
        section_text = section_text or (document[odg.end() :].strip(" .,;/()") or None)
        document = "Official Disability Guidelines (ODG)"
    elif regulation and not section_text:
        section_text = regulation.group(1)
    # The document split at its years, in one pass: the pieces between them are its name, the
    # first year (the first piece split off) its year.
    pieces = YEAR.split(document) if "19" in document or "20" in document else [document]
    year = int(pieces[1]) if len(pieces) > 1 else None
    clean_document = " ".join(" ".join(pieces[::2]).split()).strip(" ,.;:")
    return Citation(
        text=text,
        document=clean_document or body,
        mtus=mtus,
        source=family_of(body, mtus),
        edition=in_case(body, edition),
        year=year,
        chapter=chapter.group(1) if chapter else None,
        section=section_text.strip(" .") if section_text else None,
        pages="".join(pages.group(1).split()) if pages else None,
    )


def section_of(body: str, lowered: str) -> tuple[int, int, int] | None:
    """Where SECTION matches in a citation (`lowered`: the citation lower-cased): where its
    label starts, and where its group starts and ends."""
    label = SECTION_LABEL.search(body, lowered)
    if label is None:
        return None
    start = label.end()
    if start == len(body):
        # Nothing after the label: the expression itself, which may take a space of the label
        # or read on to a later one.
        match = SECTION.search(body, lowered)
        return (match.start(), match.start(1), match.end(1)) if match else None
    kept = body.rstrip(WHITESPACE)
    if kept.endswith("."):
        kept = kept[:-1].rstrip(WHITESPACE)
    # The group holds one character at least.
    return label.start(), start, max(start + 1, len(kept))


def in_case(text: str, match: re.Match[str] | None) -> str | None:
    """A `Caseless` match's group 1 as the text writes it (the match may be of the text
    lower-cased, at the same places)."""
    return text[match.start(1) : match.end(1)] if match else None


def family_of(text: str, mtus: bool) -> str:
    """Which guideline family a citation belongs to; MTUS-adopted ACOEM chapters count as MTUS."""
    lowered = text.lower()
    if odg_title(text) or (
        ("odg" in lowered or "official" in lowered) and ODG_NAMED.search(text, lowered)
    ):
        return "odg"
    if mtus and (MTUS_DOCUMENTS.search(text, lowered) or ACOEM_CHAPTERS.search(text, lowered)):
        return "mtus"
    if ACOEM_CHAPTERS.search(text, lowered):
        return "acoem"
    return "mtus" if mtus else "other"
