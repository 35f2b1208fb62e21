"""The rules against the real reviewers: each seed item the rules cover, with the facts its letter
documents (tests/data/seed_facts.yaml), must get a verdict that agrees with the IMR decision.

Agreement: an upheld denial is matched by `deny` or `insufficient` (the record does not support the
request either way), an overturned one by `certify`. Where the engine honestly disagrees with the
reviewer, the entry carries `xfail: <reason>` and the test is a strict xfail, so a fix shows.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import yaml
from conftest import DATA, REPO

from engine.evaluate import Evaluator, Verdict, request_values
from engine.letters import parse_letter_file
from engine.models import Decision, Item
from engine.rules import load_rulebook
from engine.vocab import load_vocabulary

SEEDS: list[dict[str, Any]] = yaml.safe_load((DATA / "seed_facts.yaml").read_text())["seeds"]
AGREES = {Decision.UPHELD: {"deny", "insufficient"}, Decision.OVERTURNED: {"certify"}}


@pytest.fixture(scope="module")
def evaluator() -> Evaluator:
    # Compiling the rulebook for durable_rules is the costly part: once for the module.
    return Evaluator(load_rulebook(REPO / "rules"))


def item_of(seed: dict[str, Any]) -> Item:
    case = parse_letter_file(REPO / "cases" / seed["case"] / "letter.txt", load_vocabulary())
    item = next(i for i in case.items if i.index == seed["item"])
    # The entry names its request, so a change in the parser's item numbering cannot pair facts
    # with the wrong item unnoticed.
    assert item.request == seed["request"]
    return item


def verdict_of(evaluator: Evaluator, seed: dict[str, Any]) -> tuple[Item, Verdict]:
    item = item_of(seed)
    on = seed["date"]
    assert isinstance(on, date)
    values = {**request_values(item.normalized, on, evaluator.rulebook.formulary), **seed["facts"]}
    return item, evaluator.evaluate(values)


def seed_id(seed: dict[str, Any]) -> str:
    return f"{seed['case']}-item{seed['item']}"


def seed_params() -> list:
    params = []
    for seed in SEEDS:
        marks = [pytest.mark.xfail(strict=True, reason=seed["xfail"])] if "xfail" in seed else []
        params.append(pytest.param(seed, id=seed_id(seed), marks=marks))
    return params


def explain(verdict: Verdict) -> str:
    lines = [f"verdict {verdict.outcome} (tier {verdict.governing_tier})"]
    lines += [f"  {f.tier} {f.outcome}: {f.rule_id}" for f in verdict.findings]
    lines += [f"  missing: {words}" for words in verdict.missing]
    return "\n".join(lines)


@pytest.mark.parametrize("seed", seed_params())
def test_verdict_agrees_with_the_reviewer(evaluator: Evaluator, seed: dict[str, Any]) -> None:
    item, verdict = verdict_of(evaluator, seed)
    assert item.decision in AGREES, f"the letter's decision is {item.decision}"
    assert verdict.outcome in AGREES[item.decision], explain(verdict)


@pytest.mark.parametrize("seed", SEEDS, ids=seed_id)
def test_verdict_is_the_recorded_one(evaluator: Evaluator, seed: dict[str, Any]) -> None:
    # Within agreement, deny and insufficient differ: a rule change that turns one into the other
    # should be seen and the `engine` entry updated on purpose.
    _, verdict = verdict_of(evaluator, seed)
    assert verdict.outcome == seed["engine"], explain(verdict)


def test_every_seed_fact_is_sourced() -> None:
    for seed in SEEDS:
        assert set(seed["facts"]) | {"date"} == set(seed["sources"]), seed["case"]
        assert seed["note"].strip()
