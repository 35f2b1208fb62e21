"""The compiler's output, checked without durable_rules: the durable conditions for TRUE, UNKNOWN
and APPLIES, and the flat fact an evaluation asserts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import rules_folder

from engine.compiler import MARKER, build_fact, compile_rules
from engine.rules import load_rulebook

RULE = """
rules:
  - id: mtus.test.improvement
    title: Continuing therapy needs functional improvement
    citation: {document: Test guideline}
    tier: mtus
    effective: {from: 2009-07-18, until: 2017-11-30}
    confidence: confirmed
    applies: {services: [physical_therapy, imaging/mri], regions: [lumbar_spine]}
    when:
      all:
        - prior_visits > 0
        - not: functional_improvement == true
    outcome: deny
    message: no gain
    supports: {visits: 10}
    examples: [{name: no gain, request: {regions: [lumbar_spine]},
                facts: {prior_visits: 6, functional_improvement: false}, expect: deny}]
"""


def test_compiled_conditions(tmp_path: Path) -> None:
    compiled = compile_rules(load_rulebook(rules_folder(tmp_path, {"r.yaml": RULE})))
    assert compiled.keys == {
        "request.service": "f0",
        "request.date": "f1",
        "prior_visits": "f2",
        "functional_improvement": "f3",
        "request.regions": "f4",
        "request.subtype": "f5",
    }
    head = [
        {"f0": "physical_therapy"},
        {MARKER: 1},
        {"$gte": {"f1": date(2009, 7, 18).toordinal()}},
        {"$lte": {"f1": date(2017, 11, 30).toordinal()}},
        {"d0": True},
    ]
    # TRUE: both parts true. FALSE: either part false. APPLIES: the head alone. A rule that
    # applies with neither TRUE nor FALSE is unknown; each alternative is its own durable rule.
    assert compiled.conditions["r0.T.0"] == {
        "$and": [*head, {"$gt": {"f2": 0}}, {"$neq": {"f3": True}}]
    }
    assert compiled.conditions["r0.F.1"] == {"$and": [*head, {"$lte": {"f2": 0}}]}
    assert compiled.conditions["r0.F.2"] == {"$and": [*head, {"f3": True}]}
    assert compiled.conditions["r0.A.3"] == {"$and": head}
    mri_head = [{"f0": "imaging"}, {MARKER: 1}, {"f5": "mri"}, *head[2:]]
    assert compiled.conditions["r0.T.4"] == {
        "$and": [*mri_head, {"$gt": {"f2": 0}}, {"$neq": {"f3": True}}]
    }
    assert len(compiled.conditions) == 8
    assert compiled.targets["r0.F.6"] == (0, "F")
    assert (compiled.uncertain, compiled.limits) == ({0}, {0})
    # One ruleset per service category, so that a request registers only its own.
    imaging, therapy = compiled.rulesets
    for ruleset in (imaging, therapy):
        assert ruleset.name.startswith("imrcheck_") and len(ruleset.name) == 29
    assert (imaging.services, therapy.services) == ({"imaging"}, {"physical_therapy"})
    assert set(imaging.conditions) | set(therapy.conditions) == set(compiled.conditions)


def test_the_fact_leaves_unknowns_out(tmp_path: Path) -> None:
    compiled = compile_rules(load_rulebook(rules_folder(tmp_path, {"r.yaml": RULE})))
    fact = build_fact(
        compiled,
        {
            "request.service": "physical_therapy",
            "request.date": date(2015, 1, 2),
            "request.regions": ("cervical_spine",),
            "prior_visits": 6,
            "functional_improvement": None,
        },
    )
    assert fact == {
        MARKER: 1,
        "f0": "physical_therapy",
        "f1": date(2015, 1, 2).toordinal(),
        "f2": 6,
        "f4": 1,
        "d0": False,
    }
    no_region = build_fact(compiled, {"request.service": "imaging", "request.regions": ()})
    assert "d0" not in no_region and "f2" not in no_region


def test_equal_rules_compile_to_the_same_name(tmp_path: Path) -> None:
    first = compile_rules(load_rulebook(rules_folder(tmp_path / "a", {"r.yaml": RULE})))
    second = compile_rules(load_rulebook(rules_folder(tmp_path / "b", {"r.yaml": RULE})))
    changed = compile_rules(
        load_rulebook(rules_folder(tmp_path / "c", {"r.yaml": RULE.replace("> 0", "> 1")}))
    )
    assert first.rulesets == second.rulesets != changed.rulesets


def test_numbers_go_to_the_engine_as_whole_millionths(tmp_path: Path) -> None:
    # durable_rules' JSON reader fails on floats Python writes as 1e-05; integers it reads.
    rule = (
        RULE.replace("request: {regions: [lumbar_spine]}", "request: {units: 180}")
        .replace("physical_therapy, imaging/mri], regions: [lumbar_spine]", "medication]")
        .replace("prior_visits > 0", "request.units > 120.5")
    )
    compiled = compile_rules(load_rulebook(rules_folder(tmp_path, {"r.yaml": rule})))
    units = compiled.keys["request.units"]
    assert {"$gt": {units: 120_500_000}} in compiled.conditions["r0.T.0"]["$and"]
    fact = build_fact(compiled, {"request.service": "medication", "request.units": 1e-05})
    assert fact[units] == 10
