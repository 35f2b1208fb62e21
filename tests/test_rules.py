"""The rule loader: defaults, tables, overlays, message templates, and what `rules list` reads.
(Bad rule files and their exact error lines are in test_rule_errors.py.)"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import LIMIT_RULE, REPO, rules_folder, without_root_file_access

from engine.conditions import AllOf, Test, describe, parse_test
from engine.rules import RuleError, load_rulebook, render_message

ONE_RULE = LIMIT_RULE.replace(
    "message: over", 'message: "{request.visits} visits"\n    supports: {visits: 10}'
)
TABLE = """
defaults:
  tier: mtus
  citation: {document: Test guideline, section: Physical Medicine}
  effective: {from: 2009-07-18, until: 2016-07-28}
  confidence: confirmed
  applies: {services: [physical_therapy, occupational_therapy]}
tables:
  - columns: [diagnosis, visits, weeks]
    rows:
      - [myalgia, 10, 8]
      - [neuralgia, 10, 4]
    rule:
      id: mtus.test.${diagnosis}-limit
      title: ${diagnosis} is limited to ${visits} visits over ${weeks} weeks
      when:
        all:
          - diagnosis_group == ${diagnosis}
          - request.visits > ${visits}
      outcome: deny
      message: "up to {supports.visits} visits over {supports.weeks} weeks"
      supports: {visits: "${visits}", weeks: "${weeks}"}
      examples:
        - name: over
          request: {visits: 11}
          facts:
            diagnosis_group: ${diagnosis}
          expect: deny
"""


def test_a_table_expands_into_one_rule_per_row(tmp_path: Path) -> None:
    rulebook = load_rulebook(rules_folder(tmp_path, {"pt.yaml": TABLE}))
    assert [r.id for r in rulebook.rules] == [
        "mtus.test.myalgia-limit",
        "mtus.test.neuralgia-limit",
    ]
    neuralgia = rulebook.by_id["mtus.test.neuralgia-limit"]
    assert neuralgia.title == "neuralgia is limited to 10 visits over 4 weeks"
    # A whole-cell value keeps the cell's type: the supported weeks are a number, not "4".
    assert neuralgia.supports == {"visits": 10, "weeks": 4}
    assert neuralgia.when == AllOf(
        (Test("diagnosis_group", "==", "neuralgia"), Test("request.visits", ">", 10))
    )
    assert neuralgia.services == (("physical_therapy", None), ("occupational_therapy", None))
    assert (neuralgia.effective_from, neuralgia.effective_until) == (
        date(2009, 7, 18),
        date(2016, 7, 28),
    )
    assert neuralgia.origin.endswith("pt.yaml:12")  # the row that made it


def test_a_problem_in_a_table_row_names_the_row(tmp_path: Path) -> None:
    broken = TABLE.replace("[neuralgia, 10, 4]", "[neuralgia, ten, 4]")
    with pytest.raises(RuleError) as caught:
        load_rulebook(rules_folder(tmp_path, {"pt.yaml": broken}))
    path = tmp_path / "rules" / "pt.yaml"
    # Both places the bad cell lands are reported in the one run.
    assert caught.value.problems == [
        f"{path}:22:26: error: supports.visits: Input should be a valid integer, not 'ten' "
        "(table row at line 12)",
        f"{path}:19:13: error: 'request.visits' is integer, but 'ten' is not "
        "(table row at line 12)",
    ]


def test_an_overlay_replaces_adds_and_disables(tmp_path: Path) -> None:
    base = rules_folder(tmp_path, {"pt.yaml": TABLE, "limit.yaml": ONE_RULE})
    overlay = tmp_path / "mine"
    overlay.mkdir()
    (overlay / "mine.yaml").write_text(
        ONE_RULE.replace("request.visits > 10", "request.visits > 12")
        .replace("supports: {visits: 10}", "supports: {visits: 12}")
        .replace("visits: 12}, expect", "visits: 13}, expect")
        + "disable: [mtus.test.myalgia-limit]\n"
    )
    (overlay / "extra.yaml").write_text(ONE_RULE.replace("mtus.test.limit", "mtus.test.extra"))
    rulebook = load_rulebook(base, [overlay])
    assert sorted(r.id for r in rulebook.rules) == [
        "mtus.test.extra",
        "mtus.test.limit",
        "mtus.test.neuralgia-limit",
    ]
    replaced = rulebook.by_id["mtus.test.limit"]
    assert replaced.overlay and replaced.supports == {"visits": 12}
    assert rulebook.disabled == ("mtus.test.myalgia-limit",)


def test_disabling_an_unknown_rule_is_an_error(tmp_path: Path) -> None:
    base = rules_folder(tmp_path, {"limit.yaml": ONE_RULE})
    overlay = tmp_path / "mine"
    overlay.mkdir()
    (overlay / "off.yaml").write_text("disable: [mtus.test.limt]\n")
    with pytest.raises(RuleError) as caught:
        load_rulebook(base, [overlay])
    assert caught.value.problems == [
        f"{overlay / 'off.yaml'}:1:11: error: cannot disable unknown rule 'mtus.test.limt' "
        "(did you mean 'mtus.test.limit'?)"
    ]


def test_the_same_id_twice_in_one_folder_is_an_error(tmp_path: Path) -> None:
    folder = rules_folder(tmp_path, {"a.yaml": ONE_RULE, "b.yaml": ONE_RULE})
    with pytest.raises(RuleError) as caught:
        load_rulebook(folder)
    (problem,) = caught.value.problems
    assert problem.startswith(f"{folder / 'b.yaml'}:2:9: error: duplicate rule id")
    assert problem.endswith(f"(first defined at {folder / 'a.yaml'}:2)")


def test_a_rule_whose_examples_never_show_its_outcome_gets_a_warning(tmp_path: Path) -> None:
    quiet = ONE_RULE.replace("visits: 12}, expect: deny", "visits: 9}, expect: none")
    rulebook = load_rulebook(rules_folder(tmp_path, {"limit.yaml": quiet}))
    assert [w.split(": ", 1)[1] for w in rulebook.warnings] == [
        "warning: no example expects 'deny', the rule's own outcome"
    ]


def test_messages_fill_names_only() -> None:
    values = {"request.visits": 12, "prior_visits": None, "functional_improvement": False}
    assert (
        render_message(
            "{request.visits} asked, {prior_visits} before, improved: {functional_improvement}; "
            "{{literal}} up to {supports.visits}",
            values,
            {"visits": 10.0},
        )
        == "12 asked, unknown before, improved: no; {literal} up to 10"
    )
    # Format-style attribute or index access is not a placeholder: it is left as written.
    assert render_message("{request.visits.__class__}", values, None) == "unknown"
    assert render_message("{0}", values, None) == "unknown"


@pytest.mark.parametrize(
    "line",
    [
        "request.visits > 10",
        "functional_improvement == false",
        "request.regions in [cervical_spine, lumbar_spine]",
        "surgery_date exists",
        "request.date >= 2017-12-01",
        'request.drug matches "^hydro"',
        "diagnosis_group not in [crps]",
    ],
)
def test_a_condition_reads_back_as_written(line: str) -> None:
    assert describe(parse_test(line)) == line


def test_the_bundled_rules_load_clean() -> None:
    rulebook = load_rulebook()
    assert rulebook.rules
    assert rulebook.warnings == ()
    for rule in rulebook.rules:
        assert rule.citation.document and rule.examples
        assert rule.confidence == "confirmed" or rule.confidence_note


def test_a_rules_folder_that_cannot_be_listed_is_an_error(tmp_path: Path) -> None:
    folder = rules_folder(tmp_path, {"more/limit.yaml": LIMIT_RULE})
    locked = folder / "more"
    locked.chmod(0)
    try:
        as_a_user = without_root_file_access(locked)
        validated = subprocess.run(
            [sys.executable, str(REPO / "cli.py"), "rules", "validate", str(folder)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=120,
            preexec_fn=as_a_user,
        )
    finally:
        locked.chmod(0o755)
    assert validated.returncode == 1
    assert f"{locked}: error: cannot read this folder: Permission denied" in validated.stdout
