"""The synthetic letter generator: deterministic, varied, and read back by the parser as it was
written. The generator states what each letter should parse to, so every letter is a test case of
`engine.letters`, of the facts stage for what the summary states, and of `imrcheck audit`."""

from __future__ import annotations

import hashlib
import random
import re
import subprocess
import sys
from collections import Counter
from functools import cache

import pytest
from conftest import REPO

from engine.audit import Auditor
from engine.facts import extract_facts, load_findings
from engine.letters import parse_letter
from engine.models import Case, Decision, Layout
from engine.rules import load_rulebook
from engine.synthetic import (
    SyntheticLetter,
    case_number_for,
    make_letter,
    make_letters,
    write_letters,
)
from engine.vocab import load_vocabulary

SEEDS = range(300)
VOCABULARY = load_vocabulary()
FINDINGS = load_findings()


@cache
def letter(seed: int) -> SyntheticLetter:
    return make_letter(seed)


@cache
def parsed(seed: int) -> Case:
    return parse_letter(letter(seed).text, VOCABULARY, source="<synthetic>")


# --- determinism --------------------------------------------------------------------------------


def test_the_same_seed_gives_the_same_letter() -> None:
    first = make_letter(7)
    random.seed(12345)  # the global generator must play no part
    random.random()
    assert make_letter(7) == first


def test_a_letter_does_not_depend_on_the_process() -> None:
    """String hashing differs between processes; a set iterated while writing would show it."""
    script = (
        "import hashlib; from engine.synthetic import make_letters; "
        "print(hashlib.sha256(''.join(e.text for e in make_letters(40)).encode()).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=REPO,
            env={"PYTHONHASHSEED": hash_seed, "PATH": ""},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for hash_seed in ("1", "2")
    }
    here = hashlib.sha256("".join(each.text for each in make_letters(40)).encode()).hexdigest()
    assert digests == {here}


def test_different_seeds_give_different_letters() -> None:
    texts = [letter(seed).text for seed in SEEDS]
    assert len(set(texts)) == len(texts)


def test_case_numbers_are_synthetic_and_distinct() -> None:
    numbers = {case_number_for(seed) for seed in range(200_000)}
    assert len(numbers) == 200_000
    assert all(re.fullmatch(r"CM99-\d{7}", number) for number in numbers)


def test_make_letters_counts_seeds_up_from_the_first() -> None:
    assert list(make_letters(3, seed=40)) == [make_letter(40), make_letter(41), make_letter(42)]


def test_write_letters_names_files_by_case_number(tmp_path) -> None:
    paths = write_letters(tmp_path / "letters", 5, seed=3)
    assert [p.name for p in paths] == [f"{make_letter(s).case_number}.txt" for s in range(3, 8)]
    assert paths[0].read_text(encoding="utf-8") == make_letter(3).text


# --- variety ------------------------------------------------------------------------------------


def test_the_letters_vary_as_the_module_says() -> None:
    letters = [letter(seed) for seed in SEEDS]
    items = [item for each in letters for item in each.items]
    layouts = Counter(each.layout for each in letters)
    assert layouts[Layout.DWC] > 0.7 * len(letters)
    assert layouts[Layout.NOTICE_2013] > 10 and layouts[Layout.PROFESSIONAL] > 10
    assert {len(each.items) for each in letters} == {1, 2, 3, 4, 5, 6}
    decisions = Counter(item.decision for item in items)
    assert 0.05 < decisions[Decision.OVERTURNED] / len(items) < 0.3
    categories = {item.category for item in items}
    assert {
        "physical_therapy",
        "chiropractic",
        "acupuncture",
        "imaging",
        "electrodiagnostics",
        "medication",
        "dme",
        "injection",
        "consultation",
        "surgery",
        "perioperative",
    } <= categories
    assert {"mri", "ct", "xray"} <= {item.subtype for item in items if item.category == "imaging"}
    phrasings = {item.phrasing for item in items}
    assert {"NxM", "per week", "word (n)", "n sessions", "#n", "xn", "none"} <= phrasings
    assert any(item.original_request for item in items)
    assert any(item.decision_source == "conclusion" for item in items)


# --- the parser reads what was written ----------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_the_parser_reads_the_letter_as_written(seed: int) -> None:
    expected, case = letter(seed), parsed(seed)
    assert case.layout == expected.layout
    assert case.case_number == expected.printed_case_number
    assert [item.request for item in case.items] == [item.request for item in expected.items]
    for got, want in zip(case.items, expected.items, strict=True):
        where = f"item {got.index}: {want.request!r}"
        assert got.decision == want.decision, where
        assert got.decision_source.value == want.decision_source, where
        assert got.rationale_conclusion == want.decision, where
        assert got.original_request == want.original_request, where
        assert got.authorized_request == want.authorized_request, where
        service = got.normalized.service
        assert service.category == want.category, where
        if want.subtype is not None:
            assert service.subtype == want.subtype, where
        assert got.normalized.perioperative == want.perioperative, where
        assert got.normalized.quantity == want.quantity, f"{where} ({want.phrasing})"


# --- the facts stage reads what the summary states ----------------------------------------------

# The facts the generator states, and that must not be read where it states none.
SUMMARY_FACTS = (
    "age_years",
    "prior_pt_visits",
    "motor_deficit",
    "sex",
    "injury_date",
    "pain_score",
    "work_status",
    "radiating_pain",
    "prior_chiropractic_visits",
    "prior_acupuncture_visits",
    "positive_straight_leg_raise",
    "positive_spurling",
    "sensory_deficit",
    "reflex_change",
)


@cache
def summary_facts(seed: int) -> dict:
    return extract_facts(parsed(seed), FINDINGS, summary_only=True).values()


@pytest.mark.parametrize("seed", SEEDS)
def test_the_facts_stage_reads_what_the_summary_states(seed: int) -> None:
    names = [name for name in SUMMARY_FACTS if name != "pain_score"]
    read = summary_facts(seed)
    assert {n: read.get(n) for n in names} == {n: letter(seed).facts.get(n) for n in names}


@pytest.mark.parametrize("seed", SEEDS)
def test_the_facts_stage_reads_the_pain_score(seed: int) -> None:
    # Dates such as "dated 8/10/2014" in the same sentence must not read as a pain score.
    assert summary_facts(seed).get("pain_score") == letter(seed).facts["pain_score"]


# --- audits -------------------------------------------------------------------------------------


def test_written_letters_audit_without_error(tmp_path) -> None:
    auditor = Auditor(load_rulebook(REPO / "rules"))
    paths = write_letters(tmp_path, 60, seed=1000)
    for expected, path in zip(make_letters(60, seed=1000), paths, strict=True):
        result = auditor.audit_file(path)
        assert result.error is None, f"{path.name}: {result.error}"
        assert len(result.records) == len(expected.items)
        # The professional layout prints none: the file name gives it.
        assert {r.case_number for r in result.records} == {expected.case_number}
        errors = [r for r in result.records if r.verdict == "error"]
        assert not errors, f"{path.name}: {[r.reasons for r in errors]}"
