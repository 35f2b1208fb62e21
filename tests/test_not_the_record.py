"""Text that is not the record gives no fact, whichever reader would read it.

For every fact type of the gold, the sentence of a real letter the gold quotes for it is planted
in a rationale of the seed letter four ways that are not the record: as a guideline's
indication, as the literature's finding, as the reviewer's own conclusion, and as what the
utilization review said and the reviewer refutes. None of them may give the letter that fact.
The gold's sentences are the readers' own wordings at their most tempting, so every reader is
tried on its own words.
"""

from __future__ import annotations

import pytest
import yaml
from conftest import REPO, planted_in_rationale

from engine.facts import load_findings
from engine.facts.derived import DERIVED_FACTS
from engine.vocab import load_vocabulary

VOCABULARY = load_vocabulary()
FINDINGS = load_findings()
SEED = REPO / "cases" / "seed-002_30e38b816172c555" / "letter.txt"


def gold_sentences() -> dict[str, str]:
    """A quoted sentence per fact type, from the gold of the letters (not the notes): the first
    that is one sentence whole, so planting it makes one sentence."""
    quotes: dict[str, str] = {}
    files = sorted((REPO / "cases").glob("seed-*/facts*.yaml")) + sorted(
        (REPO / "cases" / "corpus").glob("*/facts*.yaml")
    )
    for path in files:
        gold = yaml.safe_load(path.read_text())
        facts = list((gold.get("facts") or {}).items()) + [
            pair for item in gold.get("items") or [] for pair in (item.get("facts") or {}).items()
        ]
        for name, fact in facts:
            quote = " ".join(str(fact.get("evidence") or "").split()).rstrip(".")
            if name in DERIVED_FACTS or name in quotes or not quote or ". " in quote:
                continue
            quotes[name] = quote
    return quotes


def not_the_record(quote: str) -> dict[str, str]:
    said = quote[0].lower() + quote[1:]
    return {
        "guideline": f"The MTUS guidelines recommend this treatment when {said}.",
        "literature": f"In a randomized trial (Smith et al., 2010), {said}.",
        "conclusion": f"{quote}, so the request is medically necessary.",
        "refuted-ur": (
            f"The utilization review stated that {said}; however, the records do not support this."
        ),
    }


CASES = [
    pytest.param(name, kind, planted, id=f"{name}-{kind}")
    for name, quote in sorted(gold_sentences().items())
    for kind, planted in not_the_record(quote).items()
]


def test_every_fact_type_of_the_gold_is_tried() -> None:
    assert len({name for name, _, _ in (c.values for c in CASES)}) >= 60


@pytest.mark.parametrize(("name", "kind", "planted"), CASES)
def test_text_that_is_not_the_record_gives_no_fact(name: str, kind: str, planted: str) -> None:
    before, after, _ = planted_in_rationale(SEED, planted, FINDINGS, VOCABULARY)
    assert {fact for fact in after - before if fact[0] == name} == set(), planted


@pytest.mark.parametrize(
    "planted",
    [
        # UR's account the reviewer goes on from, not against: the record all the same.
        "The utilization review noted that Spurling's test was positive on the left; however, no "
        "imaging was submitted.",
        "Per the utilization review, Spurling's test was positive on the left.",
    ],
)
def test_what_the_review_reported_and_the_reviewer_kept_is_read(planted: str) -> None:
    before, after, _ = planted_in_rationale(SEED, planted, FINDINGS, VOCABULARY)
    assert ("positive_spurling", "True") in after - before


def test_what_the_review_said_and_the_next_sentence_refutes_is_not_read() -> None:
    planted = (
        "The utilization review stated that Spurling's test was positive on the left. This is "
        "incorrect: the examination of 03/02/2016 found it negative."
    )
    before, after, _ = planted_in_rationale(SEED, planted, FINDINGS, VOCABULARY)
    assert ("positive_spurling", "True") not in after - before


@pytest.mark.parametrize(
    "planted",
    [
        "This medication is only recommended for neuropathic pain and depression.",
        "Antidepressants are generally recommended as a first-line option for neuropathic pain.",
        "Topical analgesics are primarily recommended for neuropathic pain.",
    ],
)
def test_a_guidelines_hedged_recommendation_gives_no_fact(planted: str) -> None:
    before, after, _ = planted_in_rationale(SEED, planted, FINDINGS, VOCABULARY)
    assert {fact for fact in after - before if fact[0] == "neuropathic_pain"} == set()
