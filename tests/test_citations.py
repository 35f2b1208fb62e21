"""Guideline lines split into citations."""

from __future__ import annotations

from engine.citations import cites_evidence, parse_citations


def test_mtus_section_citation() -> None:
    (only,) = parse_citations(
        "Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment."
    )
    assert (only.document, only.year, only.section, only.mtus, only.source) == (
        "Chronic Pain Medical Treatment",
        2016,
        "Physical medicine treatment",
        True,
        "mtus",
    )


def test_pages_and_regulation() -> None:
    (only,) = parse_citations(
        "Decision based on MTUS Acupuncture Treatment Guidelines,Chronic Pain Treatment Guidelines "
        "9792.24.1 Page(s): 8."
    )
    assert (only.pages, only.section, only.mtus) == ("8", "9792.24.1", True)


def test_two_mtus_documents_in_one_line() -> None:
    found = parse_citations(
        "Decision based on MTUS Low Back Complaints 2004, Section(s): Physical Methods, and Chronic Pain "
        "Medical Treatment 2016, Section(s): TENS, chronic pain (transcutaneous electrical nerve stimulation)."
    )
    assert [(c.document, c.year) for c in found] == [
        ("Low Back Complaints", 2004),
        ("Chronic Pain Medical Treatment", 2016),
    ]


def test_non_mtus_acoem_with_edition_chapter_and_page() -> None:
    (only,) = parse_citations(
        "The Expert Reviewer did not base their decision on the MTUS. Decision based on Non-MTUS Citation "
        "American College of Occupational and Environmental Medicine (ACOEM), 2nd Edition, (2004) "
        "Chapter 7, page 127, Consult"
    )
    assert (only.mtus, only.source, only.edition, only.year, only.chapter, only.pages) == (
        False,
        "acoem",
        "2nd Edition",
        2004,
        "7",
        "127",
    )


def test_odg_after_mtus() -> None:
    found = parse_citations(
        "Decision based on MTUS Shoulder Complaints 2004, Section(s): Special Studies. Decision based on "
        "Non-MTUS Citation Official Disability Guidelines (ODG) MRI shoulder."
    )
    assert [(c.source, c.mtus, c.section) for c in found] == [
        ("mtus", True, "Special Studies"),
        ("odg", False, "MRI shoulder"),
    ]


def test_no_evidence_line() -> None:
    line = "The Expert Reviewer did not cite any medical evidence for its decision."
    assert not cites_evidence(line)
    assert parse_citations(line) == []


def test_a_title_with_and_in_it_is_one_document() -> None:
    # Real letters (CM16-0235991, CM17-0003284) cite the ACOEM forearm chapter this way.
    line = "Decision based on MTUS Forearm, Wrist, and Hand Complaints 2004, Section(s): Special Studies."
    (citation,) = parse_citations(line)
    assert (citation.document, citation.year, citation.section) == (
        "Forearm, Wrist, and Hand Complaints",
        2004,
        "Special Studies",
    )
