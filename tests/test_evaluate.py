"""The verdict: tiers, the order of outcomes inside a tier, dates in force, unknown facts, the
supported quantity and the missing documentation."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import REPO, rules_folder

from engine.evaluate import Evaluator, FactError, deciding_findings, request_values
from engine.models import Quantity, Request, Service
from engine.rules import load_rulebook

HEAD = """
defaults:
  citation: {document: Test guideline, edition: "2009", section: Physical Medicine, pages: 98-99}
  confidence: confirmed
  applies: {services: [physical_therapy]}
rules:
"""
# Four rules over physical therapy, in two tiers, with different dates and outcomes.
RULES = (
    HEAD
    + """
  - id: mtus.test.limit
    title: MTUS limit of 10 visits
    tier: mtus
    effective: {from: 2009-07-18, until: 2017-11-30}
    when: request.visits > 10
    outcome: deny
    message: "{request.visits} visits; up to {supports.visits} supported"
    supports: {visits: 10, weeks: 8}
    examples: [{name: over, request: {visits: 12}, expect: deny}]
  - id: mtus.test.improvement
    title: Continuing therapy needs improving symptoms
    tier: mtus
    effective: {from: 2009-07-18, until: 2017-11-30}
    when: {all: [prior_visits > 0, symptoms_improving == false]}
    outcome: deny
    message: "{prior_visits} prior visits without improvement"
    examples: [{name: no gain, facts: {prior_visits: 6, symptoms_improving: false},
                expect: deny}]
  - id: mtus.test.certify
    title: Within the limit on a first course
    tier: mtus
    effective: {from: 2009-07-18, until: 2017-11-30}
    when: {all: [request.visits <= 10, prior_visits == 0]}
    outcome: certify
    message: "a first course of {request.visits} visits"
    examples: [{name: first, request: {visits: 8}, facts: {prior_visits: 0}, expect: certify}]
  - id: odg.test.trial
    title: ODG six-visit trial
    tier: acoem_odg
    effective: {from: 2005-01-01}
    when: {all: [prior_visits == 0, request.visits > 6]}
    outcome: deny
    message: "first course over {supports.visits} visits"
    supports: {visits: 6}
    examples: [{name: eight first, request: {visits: 8}, facts: {prior_visits: 0},
                expect: deny}]
"""
)
IN_2015 = date(2015, 3, 1)


def evaluator_of(rules: str, request: pytest.FixtureRequest, tmp: pytest.TempPathFactory):
    """An evaluator on a folder holding only these rules, on the backend the fixture names."""
    folder = rules_folder(tmp.mktemp("evaluate"), {"pt.yaml": rules})
    return Evaluator(load_rulebook(folder), request.param)


@pytest.fixture(scope="module", params=["durable", "reference"])
def evaluator(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    return evaluator_of(RULES, request, tmp_path_factory)


def pt(**values: object) -> dict:
    facts = {k: v for k, v in values.items() if not k.startswith("request_")}
    request = {
        f"request.{k.removeprefix('request_')}": v
        for k, v in values.items()
        if k.startswith("request_")
    }
    return {
        "request.service": "physical_therapy",
        "request.perioperative": False,
        "request.additional": False,
        "request.date": IN_2015,
        **request,
        **facts,
    }


def test_the_mtus_tier_decides_over_odg(evaluator: Evaluator) -> None:
    verdict = evaluator.evaluate(pt(request_visits=8, prior_visits=0))
    assert verdict.outcome == "certify"
    assert verdict.governing_tier == "mtus"
    # The ODG finding is still reported, only outranked.
    assert {(f.rule_id, f.outcome) for f in verdict.findings} == {
        ("mtus.test.certify", "certify"),
        ("odg.test.trial", "deny"),
    }
    assert verdict.supported is not None
    assert (verdict.supported.rule_id, verdict.supported.visits) == ("mtus.test.limit", 10)


def test_deny_beats_certify_inside_a_tier(evaluator: Evaluator) -> None:
    verdict = evaluator.evaluate(pt(request_visits=12, prior_visits=0))
    assert verdict.outcome == "deny"
    deny = next(f for f in verdict.findings if f.rule_id == "mtus.test.limit")
    assert deny.message == "12 visits; up to 10 supported"
    assert deny.facts_used == {"request.visits": 12}
    assert deny.citation == "Test guideline (2009) - Physical Medicine p. 98-99"


def test_an_unknown_fact_is_insufficient_not_false(evaluator: Evaluator) -> None:
    # Six prior visits, nothing said about improvement: the rule cannot be judged either way.
    verdict = evaluator.evaluate(pt(request_visits=8, prior_visits=6))
    assert verdict.outcome == "insufficient"
    finding = next(f for f in verdict.findings if f.rule_id == "mtus.test.improvement")
    assert finding.outcome == "insufficient"
    assert finding.facts_used == {"prior_visits": 6, "symptoms_improving": None}
    assert verdict.missing == [
        "whether the symptoms are improving with the conservative care under way"
    ]


def test_a_false_part_decides_an_all_even_with_unknowns(evaluator: Evaluator) -> None:
    # No prior visits: the improvement rule is false whatever the improvement, so it is silent.
    verdict = evaluator.evaluate(pt(request_visits=8, prior_visits=0))
    assert "mtus.test.improvement" not in {f.rule_id for f in verdict.findings}


def test_deny_beats_insufficient(evaluator: Evaluator) -> None:
    verdict = evaluator.evaluate(pt(request_visits=12, prior_visits=6))
    assert verdict.outcome == "deny"
    assert {f.outcome for f in verdict.findings} == {"deny", "insufficient"}
    # The undecided improvement rule would only deny too: the met limit settles it, so it is not
    # among the reasons (nor its documentation among what is missing).
    deciding = deciding_findings(verdict.findings, verdict.governing_tier)
    assert [(f.rule_id, f.outcome) for f in deciding] == [("mtus.test.limit", "deny")]
    assert verdict.missing == []


ALTERNATIVES = (
    HEAD
    + """
  - id: mtus.test.red-flag
    title: Imaging for a red flag
    tier: mtus
    effective: {}
    when: red_flags == true
    outcome: certify
    message: a red flag
    examples: [{name: flag, facts: {red_flags: true}, expect: certify}]
  - id: mtus.test.failed-care
    title: Imaging after failed conservative care
    tier: mtus
    effective: {}
    when: conservative_care_failed == true
    outcome: certify
    message: conservative care failed
    examples: [{name: failed, facts: {conservative_care_failed: true}, expect: certify}]
  - id: mtus.test.too-many
    title: At most 10 visits
    tier: mtus
    effective: {}
    when: request.visits > 10
    outcome: deny
    message: too many
    examples: [{name: over, request: {visits: 12}, expect: deny}]
"""
)


@pytest.fixture(scope="module", params=["durable", "reference"])
def alternatives(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    return evaluator_of(ALTERNATIVES, request, tmp_path_factory)


def test_a_met_rule_is_not_outweighed_by_an_undecided_one_of_the_same_outcome(
    alternatives: Evaluator,
) -> None:
    # Two ways to certify; the record documents one and is silent on the other.
    verdict = alternatives.evaluate(pt(request_visits=8, red_flags=True))
    assert verdict.outcome == "certify"
    deciding = deciding_findings(verdict.findings, verdict.governing_tier)
    assert [f.rule_id for f in deciding] == ["mtus.test.red-flag"]
    assert verdict.missing == []


def test_an_undecided_denial_still_holds_back_a_met_certification(alternatives: Evaluator) -> None:
    # The visits are not known: the limit might deny, so the certification waits on them.
    verdict = alternatives.evaluate(pt(red_flags=True))
    assert verdict.outcome == "insufficient"
    assert {(f.rule_id, f.outcome) for f in verdict.findings} >= {
        ("mtus.test.red-flag", "certify"),
        ("mtus.test.too-many", "insufficient"),
    }


def test_rules_out_of_force_do_not_count(evaluator: Evaluator) -> None:
    # In 2018 the MTUS rules here have ended; only the open-ended ODG rule remains.
    verdict = evaluator.evaluate(
        {**pt(request_visits=8, prior_visits=0), "request.date": date(2018, 1, 2)}
    )
    assert (verdict.outcome, verdict.governing_tier) == ("deny", "acoem_odg")
    assert verdict.supported is not None and verdict.supported.visits == 6


def test_the_last_day_in_force_counts(evaluator: Evaluator) -> None:
    verdict = evaluator.evaluate({**pt(request_visits=12), "request.date": date(2017, 11, 30)})
    assert "mtus.test.limit" in {f.rule_id for f in verdict.findings}


def test_no_rule_for_another_service(evaluator: Evaluator) -> None:
    verdict = evaluator.evaluate({**pt(request_visits=8), "request.service": "acupuncture"})
    assert (verdict.outcome, verdict.findings, verdict.supported) == ("no_rule", [], None)


def test_facts_are_type_checked_before_the_engine(evaluator: Evaluator) -> None:
    with pytest.raises(FactError, match="fact 'prior_visits' is integer, but '6' is not"):
        evaluator.evaluate(pt(request_visits=8, prior_visits="6"))
    with pytest.raises(FactError, match=r"unknown fact 'prior_visit' \(did you mean"):
        evaluator.evaluate(pt(request_visits=8, prior_visit=6))
    with pytest.raises(FactError, match="date"):
        evaluator.evaluate({"request.service": "physical_therapy"})


def test_repeating_an_evaluation_gives_the_same_verdict(evaluator: Evaluator) -> None:
    # durable_rules raises on an identical fact asserted twice unless it was retracted.
    values = pt(request_visits=12, prior_visits=0)
    first = evaluator.evaluate(values)
    assert all(evaluator.evaluate(values) == first for _ in range(5))


def test_request_values_from_a_parsed_request(evaluator: Evaluator) -> None:
    request = Request(
        text="Physical therapy 2x6 lumbar spine",
        service=Service(category="physical_therapy"),
        quantity=Quantity(visits=12, per_week=2, weeks=6),
    )
    values = request_values(request, IN_2015, evaluator.rulebook.formulary)
    assert values["request.visits"] == 12 and values["request.regions"] == ()
    assert evaluator.evaluate_request(request, IN_2015, {"prior_visits": 0}).outcome == "deny"


def test_changing_a_number_in_the_yaml_changes_the_verdict(tmp_path: Path) -> None:
    """No code change: copy the bundled rules, raise the physical medicine line for requests that
    name no diagnosis from 10 visits to 12, and a first request for 12 visits passes."""
    folder = tmp_path / "rules"
    shutil.copytree(REPO / "rules", folder)
    first_course = pt(request_visits=12, prior_visits=0)

    before = Evaluator(load_rulebook(folder)).evaluate(first_course)
    assert before.outcome == "deny"
    assert before.supported is not None and before.supported.visits == 10

    table = folder / "mtus" / "chronic-pain" / "physical-medicine.yaml"
    row = "mtus.cp2009.physmed.myalgia, 10, 8, 11, null, null"  # no diagnosis: visits, weeks, ...
    text = table.read_text()
    assert text.count(row) == 2  # the 2009 and 2016 rows
    table.write_text(text.replace(row, row.replace("10, 8, 11", "12, 8, 13")))

    after = Evaluator(load_rulebook(folder)).evaluate(first_course)
    assert after.outcome == "certify"
    assert after.supported is not None and after.supported.visits == 12


def deny_ids(evaluator: Evaluator, values: dict) -> set[str]:
    return {f.rule_id for f in evaluator.evaluate(values).findings if f.outcome == "deny"}


def test_names_outside_the_vocabulary_are_refused(evaluator: Evaluator) -> None:
    # A misspelt service would otherwise match no rule and read as `no_rule`.
    with pytest.raises(FactError, match=r"unknown value 'physical therapy' for 'request.service'"):
        evaluator.evaluate({**pt(request_visits=8), "request.service": "physical therapy"})
    with pytest.raises(FactError, match=r"'cervical spine' .* \(did you mean 'cervical_spine'"):
        evaluator.evaluate({**pt(request_visits=8), "request.regions": ["cervical spine"]})


def test_a_request_not_said_to_be_perioperative_is_not(evaluator: Evaluator) -> None:
    values = pt(request_visits=12, prior_visits=0)
    del values["request.perioperative"], values["request.additional"]
    assert evaluator.evaluate(values).outcome == "deny"


def test_an_undecided_rule_says_what_it_could_not_check(evaluator: Evaluator) -> None:
    verdict = evaluator.evaluate(pt(request_visits=8, prior_visits=6))
    finding = next(f for f in verdict.findings if f.rule_id == "mtus.test.improvement")
    assert finding.message == (
        "Cannot decide 'Continuing therapy needs improving symptoms': not documented: "
        "whether the symptoms are improving with the conservative care under way."
    )


def test_a_denial_lists_no_missing_documentation(evaluator: Evaluator) -> None:
    # Documenting the improvement could not turn the denial over the visit limit around.
    verdict = evaluator.evaluate(pt(request_visits=12, prior_visits=6))
    assert verdict.outcome == "deny" and verdict.missing == []


def test_the_mtus_number_is_the_supported_quantity_whoever_governs(evaluator: Evaluator) -> None:
    # Nothing fires (8 visits after 6 with improvement), yet both limits apply: MTUS's 10 counts.
    verdict = evaluator.evaluate(pt(request_visits=8, prior_visits=6, symptoms_improving=True))
    assert verdict.outcome == "no_rule"
    assert verdict.supported is not None
    assert (verdict.supported.rule_id, verdict.supported.visits) == ("mtus.test.limit", 10)


# --- stated defaults (facts.yaml `default:`) ---------------------------------------------------

DEFAULT_HOME_PROGRAM = """
    default:
      value: false
      when: neurologic_deficit exists
      why: an examination that records no home program has none
      source: test
"""
HOME_PROGRAM_RULES = (
    HEAD
    + """
  - id: mtus.test.no-surgery
    title: No therapy without a home program
    tier: mtus
    effective: {}
    when: home_exercise_program == false
    outcome: deny
    message: no home program
    examples: [{name: none, facts: {home_exercise_program: false}, expect: deny}]
"""
)


def with_default(tmp_path: Path, default: str) -> Path:
    facts = (REPO / "rules" / "facts.yaml").read_text()
    anchor = "  home_exercise_program:\n    type: boolean\n"
    start = facts.index(anchor) + len(anchor)
    end = re.compile(r"\n  (?=\S)").search(facts, start).start() + 1  # the next fact
    facts = facts[:end] + default.lstrip("\n") + facts[end:]
    return rules_folder(tmp_path, {"pt.yaml": HOME_PROGRAM_RULES, "facts.yaml": facts})


@pytest.mark.parametrize("engine", ["durable", "reference"])
def test_a_silent_record_takes_the_stated_default_where_its_condition_holds(
    tmp_path: Path, engine: str
) -> None:
    evaluator = Evaluator(load_rulebook(with_default(tmp_path, DEFAULT_HOME_PROGRAM)), engine)
    examined = evaluator.evaluate(pt(request_visits=8, neurologic_deficit=False))
    assert examined.outcome == "deny"
    assert examined.defaults == {"home_exercise_program": False}
    # Without an examination the condition does not hold: unknown stays unknown.
    silent = evaluator.evaluate(pt(request_visits=8))
    assert (silent.outcome, silent.defaults) == ("insufficient", {})
    # What the record says wins over the default.
    stated = evaluator.evaluate(
        pt(request_visits=8, neurologic_deficit=False, home_exercise_program=True)
    )
    assert (stated.outcome, stated.defaults) == ("no_rule", {})


def test_a_default_shows_among_the_facts_of_a_check(tmp_path: Path) -> None:
    from engine.check import check_request

    folder = with_default(tmp_path, DEFAULT_HOME_PROGRAM)
    evaluator = Evaluator(load_rulebook(folder))
    result = check_request(
        evaluator,
        "Physical therapy 2x4 lumbar spine",
        IN_2015,
        "Neurologic examination: strength 5/5, sensation intact, reflexes 2+ and symmetric.",
    )
    shown = {f.name: (f.value, f.source) for f in result.facts}
    assert shown["home_exercise_program"] == (False, "default")
    assert result.verdict == "deny"


@pytest.mark.parametrize(
    ("default", "problem"),
    [
        (
            DEFAULT_HOME_PROGRAM.replace("value: false", "value: 'no'"),
            "error: 'home_exercise_program' is boolean, but 'no' is not",
        ),
        (
            DEFAULT_HOME_PROGRAM.replace("neurologic_deficit exists", "neurologic_defict exists"),
            "error: unknown fact 'neurologic_defict' (did you mean 'neurologic_deficit'?)",
        ),
        (
            DEFAULT_HOME_PROGRAM.replace(
                "neurologic_deficit exists", "home_exercise_program exists"
            ),
            "error: a default of 'home_exercise_program' cannot depend on itself",
        ),
        (DEFAULT_HOME_PROGRAM.replace("      why: an", "      because: an"), "error:"),
    ],
)
def test_a_wrong_default_is_refused_with_its_place(
    tmp_path: Path, default: str, problem: str
) -> None:
    from engine.rules import RuleError

    with pytest.raises(RuleError) as caught:
        load_rulebook(with_default(tmp_path, default))
    lines = [line for line in caught.value.problems if "facts.yaml:" in line]
    assert lines and problem in lines[0], caught.value.problems
    assert re.match(r"^\S*facts\.yaml:\d+:\d+: error: ", lines[0])


WORDED = (
    HEAD
    + """
  - id: mtus.test.worded
    title: Continuing therapy needs improvement and no red flag
    tier: mtus
    effective: {from: 2009-07-18, until: 2017-11-30}
    when: {all: [radiating_pain != true, symptoms_improving != true, prior_visits > 0]}
    outcome: deny
    message: "no improvement"
    missing:
      radiating_pain: whether the pain radiates
      symptoms_improving: whether the therapy is helping
    examples: [{name: no gain, facts: {radiating_pain: false, symptoms_improving: false,
                prior_visits: 3}, expect: deny}]
  - id: mtus.test.needs-words
    title: A service a reviewer judges on its documentation
    tier: mtus
    effective: {from: 2009-07-18, until: 2017-11-30}
    when: request.visits > 30
    outcome: insufficient
    message: "judged on the record"
    missing: [why so many visits are needed]
    examples: [{name: many, request: {visits: 40}, expect: insufficient}]
"""
)


@pytest.fixture(scope="module", params=["durable", "reference"])
def worded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    return evaluator_of(WORDED, request, tmp_path_factory)


def test_missing_words_tied_to_a_fact_are_listed_only_while_it_is_unknown(
    worded: Evaluator,
) -> None:
    both = worded.evaluate(pt(request_visits=8, prior_visits=3))
    assert both.missing == ["whether the pain radiates", "whether the therapy is helping"]
    # The radiation is documented (none): asking for it again could not change the answer.
    one = worded.evaluate(pt(request_visits=8, prior_visits=3, radiating_pain=False))
    assert one.outcome == "insufficient"
    assert one.missing == ["whether the therapy is helping"]


def test_a_rule_that_finds_the_record_insufficient_says_what_it_needs(worded: Evaluator) -> None:
    verdict = worded.evaluate(pt(request_visits=40, prior_visits=0))
    assert verdict.outcome == "insufficient"
    assert verdict.missing == ["why so many visits are needed"]


SURGERY_RULES = """
defaults:
  citation: {document: Test guideline, edition: "2004", section: Surgical Considerations}
  confidence: confirmed
  tier: mtus
  effective: {from: 2007-06-15}
rules:
  - id: mtus.test.any-surgery
    title: Any surgery of the knee
    applies: {services: [surgery], regions: [knee]}
    when: surgical_lesion == false
    outcome: deny
    message: "no lesion"
    examples: [{name: no lesion, request: {regions: [knee]}, facts: {surgical_lesion: false},
                expect: deny}]
  - id: mtus.test.meniscectomy
    title: A meniscectomy
    applies: {services: [surgery/meniscectomy], regions: [knee]}
    when: surgical_lesion == true
    outcome: certify
    message: "a lesion"
    examples: [{name: lesion, request: {regions: [knee]}, facts: {surgical_lesion: true},
                expect: certify}]
"""


@pytest.mark.parametrize("backend", ["durable", "reference"])
def test_a_rule_for_a_category_applies_to_each_of_its_subtypes(
    backend: str, tmp_path: Path, vocabulary
) -> None:
    """A surgery's procedure is its subtype; a rule that names the category alone judges every
    procedure, and one that names a procedure only that one."""
    from engine.rules import subtypes_by_category

    evaluator = Evaluator(
        load_rulebook(rules_folder(tmp_path, {"surgery.yaml": SURGERY_RULES})), backend
    )
    subtypes = sorted(subtypes_by_category(vocabulary)["surgery"])
    assert {"carpal_tunnel_release", "meniscectomy", "debridement", "fusion"} <= set(subtypes)
    for subtype in [None, *subtypes]:
        values = {
            "request.service": "surgery",
            "request.subtype": subtype,
            "request.regions": ("knee",),
            "request.perioperative": False,
            "request.additional": False,
            "request.date": IN_2015,
        }
        denied = evaluator.evaluate({**values, "surgical_lesion": False})
        assert [f.rule_id for f in denied.findings] == ["mtus.test.any-surgery"], subtype
        certified = evaluator.evaluate({**values, "surgical_lesion": True})
        expected = ["mtus.test.meniscectomy"] if subtype == "meniscectomy" else []
        assert [f.rule_id for f in certified.findings] == expected, subtype
