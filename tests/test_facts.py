"""The facts stage: what it reads, what it must never read, and how it measures against the
hand-checked gold facts of 30 letters (cases/*/facts.yaml)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
import yaml
from conftest import REPO, SHARED

from engine.facts import CaseFacts, extract_facts
from engine.letters import parse_letter, parse_letter_file

SEED = REPO / "cases" / "seed-002_30e38b816172c555" / "letter.txt"
GOLD = sorted((REPO / "cases").glob("seed-*/facts.yaml")) + sorted(
    (REPO / "cases" / "corpus").glob("*/facts.yaml")
)


def letter_of(gold_path: Path, gold: dict) -> Path:
    if gold["letter"] == "letter.txt":
        return gold_path.parent / "letter.txt"
    return SHARED / gold["letter"]


def test_facts_carry_their_evidence() -> None:
    case = parse_letter_file(SEED)
    facts = extract_facts(case)
    assert facts.facts
    for fact in facts.facts:
        if fact.evidence.sentence == "(the letter's header)":
            continue
        quoted = " ".join(case.text[fact.evidence.span.start : fact.evidence.span.end].split())
        assert quoted and quoted.lower() in fact.evidence.sentence.lower(), fact


# Conclusion and guideline sentences that carry tempting facts. Put into a rationale, none of them
# may yield a fact: the audit checks the reviewer's conclusion against the facts, so the facts
# cannot come from it.
PLANTED = (
    "The patient has 4/5 weakness and radiating pain, so the request is medically necessary.",
    "Given 24 sessions of physical therapy, further therapy is not medically necessary.",
    "Guidelines recommend 10 visits of physical therapy for patients with radiculopathy.",
    "The MTUS supports imaging when there is a positive straight leg raise.",
    "Therefore the request for 8 sessions of acupuncture is not supported and is upheld.",
)


def test_conclusion_sentences_are_never_used() -> None:
    text = SEED.read_text()
    marker = "Decision rationale:"
    assert marker in text
    planted = text.replace(marker, marker + " " + " ".join(PLANTED), 1)
    before = {(f.name, f.value) for f in extract_facts(parse_letter(text)).facts}
    after = extract_facts(parse_letter(planted))
    added = {(f.name, f.value) for f in after.facts} - before
    assert added == set(), added
    assert not any(p.split(",")[0] in f.evidence.sentence for f in after.facts for p in PLANTED)


def test_derived_facts() -> None:
    facts = CaseFacts.model_validate(
        {
            "source": "x",
            "facts": [
                {
                    "name": n,
                    "value": v,
                    "evidence": {
                        "source": "summary",
                        "span": {"start": 0, "end": 0},
                        "sentence": "",
                    },
                }
                for n, v in (
                    ("injury_date", date(2016, 10, 1)),
                    ("motor_deficit", False),
                    ("sensory_deficit", True),
                    ("diagnoses", ["sprain_strain", "neuralgia"]),
                )
            ],
        }
    )
    values = facts.values(on=date(2016, 12, 31))
    assert values["weeks_since_injury"] == 13
    assert values["neurologic_deficit"] is True
    assert values["diagnosis_group"] == "neuralgia"
    assert "red_flags" not in values  # no red flag documented either way: unknown


def score() -> tuple[Counter, Counter, Counter]:
    """True positives, false positives and false negatives per fact type over the gold letters."""
    hit, extra, miss = Counter(), Counter(), Counter()
    for path in GOLD:
        gold = yaml.safe_load(path.read_text())
        case = parse_letter_file(letter_of(path, gold))
        found = {(f.name, f.item): f.value for f in extract_facts(case).facts}
        wanted = {(name, None): fact["value"] for name, fact in gold["facts"].items()}
        for item in gold["items"]:
            for name, fact in (item.get("facts") or {}).items():
                wanted[(name, item["index"])] = fact["value"]
        for key in found.keys() | wanted.keys():
            got, want = found.get(key), wanted.get(key)
            if isinstance(got, list | tuple) and isinstance(want, list):
                got, want = sorted(got), sorted(want)
            if key in found and key in wanted and got == want:
                hit[key[0]] += 1
                continue
            if key in found:
                extra[key[0]] += 1
            if key in wanted:
                miss[key[0]] += 1
    return hit, extra, miss


needs_corpus = pytest.mark.skipif(
    not (SHARED / "corpus").is_dir(), reason="the corpus letters in ../shared are not present"
)


@needs_corpus
def test_every_gold_letter_is_read() -> None:
    assert len(GOLD) >= 30
    hit, extra, miss = score()
    assert sum(hit.values()) > 0


@needs_corpus
@pytest.mark.xfail(
    strict=True,
    reason="step 3 in progress: overall precision 0.93 (goal met), recall 0.84 (goal 0.85) on the 30 gold letters; "
    "diagnoses, prior visits, surgery, imaging history and reasons are not extracted well yet",
)
def test_extraction_meets_the_quality_goal() -> None:
    hit, extra, miss = score()
    found, wanted = sum(hit.values()) + sum(extra.values()), sum(hit.values()) + sum(miss.values())
    precision, recall = sum(hit.values()) / found, sum(hit.values()) / wanted
    assert precision >= 0.90 and recall >= 0.85, (precision, recall)
