"""rules/README.md, the rule author's guide, stays true to the code: its examples load and pass,
and every field, operator, tier, outcome and request field the code knows is described."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import REPO, rules_folder

from engine.conditions import OPERATORS
from engine.evaluate import Evaluator, check_examples
from engine.rules import (
    CONFIDENCES,
    OUTCOMES,
    REQUEST_FIELDS,
    RULE_KEYS,
    SUPPORTED_QUANTITIES,
    TIERS,
    AppliesSpec,
    load_rulebook,
)

GUIDE = (REPO / "rules" / "README.md").read_text()
YAML_BLOCKS = re.findall(r"```yaml\n(.*?)```", GUIDE, re.DOTALL)


def section(title: str) -> str:
    match = re.search(rf"^#+ {re.escape(title)}\n(.*?)(?=^#+ |\Z)", GUIDE, re.M | re.S)
    assert match, f"no section '{title}' in rules/README.md"
    return match[1]


@pytest.mark.parametrize("block", YAML_BLOCKS, ids=[f"yaml-{i}" for i in range(len(YAML_BLOCKS))])
def test_the_guides_rule_files_load_and_their_examples_pass(block: str, tmp_path: Path) -> None:
    if block.startswith("tables:"):  # shown on its own; it shares the first file's defaults
        block = YAML_BLOCKS[0].split("\nrules:")[0] + "\n" + block
    rulebook = load_rulebook(rules_folder(tmp_path, {"guide/example.yaml": block}))
    assert rulebook.warnings == ()
    results = check_examples(Evaluator(rulebook, "reference"))
    assert results and all(r.passed for r in results), [r for r in results if not r.passed]


def test_there_are_two_example_files() -> None:
    assert len(YAML_BLOCKS) == 2


def test_every_rule_field_is_described() -> None:
    fields = set(re.findall(r"^\| `([a-z_]+)` \|", section("Fields"), re.M))
    assert fields == set(RULE_KEYS)
    applies = set(re.findall(r"^\| `([a-z_]+)` \|", section("applies"), re.M))
    assert applies == set(AppliesSpec.model_fields)
    for quantity in SUPPORTED_QUANTITIES:
        assert f"`{quantity}`" in section("Fields")


def test_every_operator_is_described() -> None:
    table = section("when: conditions")
    described = set()
    for cell in re.findall(r"^\| ((?:`[^`]+` ?)+) \|", table, re.M):
        described.update(re.findall(r"`([^`]+)`", cell))
    assert described == set(OPERATORS)


def test_tiers_are_listed_in_order_of_authority() -> None:
    listed = re.findall(r"^\d+\. `([a-z_]+)`", section("Tiers"), re.M)
    assert tuple(listed) == TIERS


def test_outcomes_and_confidences_are_described() -> None:
    for outcome in OUTCOMES:
        assert f"`{outcome}`" in section("Outcomes and the verdict")
    confidences = re.findall(r"^- `([a-z]+)`:", section("Confidence"), re.M)
    assert tuple(confidences) == CONFIDENCES


def test_the_request_fields_table_matches_the_code() -> None:
    rows = re.findall(r"^\| `(request\.[a-z_]+)` \| ([a-z ]+?)(?: \(.*\))? \|", GUIDE, re.M)
    documented = {name: kind.replace("text list", "text_list") for name, kind in rows}
    assert documented == {spec.name: spec.type.value for spec in REQUEST_FIELDS}


def test_the_commands_it_names_exist() -> None:
    from typer.main import get_command

    from cli import app

    rules_group = get_command(app).commands["rules"]  # type: ignore[attr-defined]
    named = set(re.findall(r"`imrcheck rules ([a-z]+)", GUIDE))
    assert named and named <= set(rules_group.commands)


def test_the_guides_default_loads_in_place_of_the_bundled_one(tmp_path: Path) -> None:
    (entry,) = re.findall(r"```yaml facts.yaml\n(.*?)```", GUIDE, re.DOTALL)
    facts = (REPO / "rules" / "facts.yaml").read_text()
    start = facts.index("  exceptional_factors:\n")
    end = re.compile(r"\n  (?=\S)").search(facts, start + 1).start() + 1
    folder = rules_folder(tmp_path, {"facts.yaml": facts[:start] + entry + facts[end:]})
    default = load_rulebook(folder).defaults["exceptional_factors"]
    assert default.value is False and default.when is None and default.why


def test_the_worked_example_for_a_licensed_criterion_runs_as_written(tmp_path: Path) -> None:
    """The overlay of 'Criteria from a licensed guideline' and its commands, as a user would."""
    import json
    import shlex

    from conftest import run_cli

    text = section("Criteria from a licensed guideline")
    ((name, rule_file),) = re.findall(r"```yaml overlay (\S+)\n(.*?)```", text, re.DOTALL)
    (commands,) = re.findall(r"```sh\n(.*?)```", text, re.DOTALL)
    overlay = tmp_path / "my-rules"
    (tmp_path / name).parent.mkdir(parents=True)
    (tmp_path / name).write_text(rule_file)
    outputs = []
    for line in commands.strip().splitlines():
        words = shlex.split(line.replace("my-rules", str(overlay)))
        assert words[0] == "imrcheck"
        code, out, err = run_cli(*words[1:], "--format", "json")
        assert code == 0, (line, out, err)
        outputs.append(json.loads(out))
    validated, tested, checked = outputs
    assert validated["valid"] and validated["warnings"] == []
    assert [r["passed"] for r in tested] == [True, True]
    assert checked["verdict"] == "deny"
    assert "my.acoem.low-back.acupuncture-sessions" in [r["rule_id"] for r in checked["reasons"]]
    assert checked["governs"][0]["era"] == "acoem-low-back-2016"
    # Outside its era the rule never applies.
    code, out, _ = run_cli(
        "check", "--overlay", str(overlay), "--date", "2026-12-05", "--format", "json",
        "--request", "Acupuncture x16 lumbar spine",
    )  # fmt: skip
    assert code == 0
    reasons = [r["rule_id"] for r in json.loads(out)["reasons"]]
    assert "my.acoem.low-back.acupuncture-sessions" not in reasons
