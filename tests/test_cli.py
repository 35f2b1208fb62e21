"""The command line: exit codes, JSON shapes and one-line errors."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

from conftest import DATA, LIMIT_RULE, REPO, SHARED, needs_shared
from typer.testing import CliRunner

from cli import app
from engine.documents import read_letter_text

runner = CliRunner()
SEED = REPO / "cases" / "seed-003_a4e734c225be3e19" / "letter.txt"


def test_parse_json_shape() -> None:
    result = runner.invoke(app, ["parse", str(SEED), "--format", "json"])
    assert result.exit_code == 0, result.output
    (record,) = json.loads(result.stdout)
    assert set(record) >= {"source", "case_number", "dates", "reviewer", "items"}
    first = record["items"][0]
    assert set(first) >= {
        "index",
        "request",
        "original_request",
        "decision",
        "decision_source",
        "citations",
        "service",
        "regions",
        "quantity",
    }
    assert (first["index"], first["decision"], first["decision_source"]) == (
        1,
        "upheld",
        "conclusion",
    )
    assert first["quantity"]["visits"] == 12
    assert first["citations"][0]["pages"] == "8"


def test_parse_a_folder_of_cases_as_a_table() -> None:
    result = runner.invoke(app, ["parse", str(REPO / "cases")])
    assert result.exit_code == 0, result.output
    assert "Consult w/ Neurologist" in result.stdout


def test_parse_yaml() -> None:
    result = runner.invoke(app, ["parse", str(SEED), "--format", "yaml"])
    assert result.exit_code == 0
    assert "decision_source: conclusion" in result.stdout


def test_bad_files_are_reported_and_the_rest_still_parsed(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    not_letter = tmp_path / "note.txt"
    not_letter.write_text("Grocery list: milk, eggs.")
    truncated = tmp_path / "broken.pdf"
    truncated.write_bytes((DATA / "pdf" / "letter_aes.pdf").read_bytes()[:900])
    result = runner.invoke(
        app, ["parse", str(empty), str(SEED), str(not_letter), str(truncated), "--format", "json"]
    )
    assert result.exit_code == 2
    records = json.loads(result.stdout)
    assert [("error" in r) for r in records] == [True, False, True, True]
    errors = result.stderr.strip().splitlines()
    assert errors[0] == f"{empty}: error: empty file"
    assert errors[1].startswith(f"{not_letter}: error: not an IMR determination letter")
    assert errors[2].startswith(f"{truncated}: error: damaged or truncated PDF")
    assert "Traceback" not in result.output


def test_no_letters_in_a_folder(tmp_path: Path) -> None:
    result = runner.invoke(app, ["parse", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: no letter files")


def test_broken_vocabulary_is_a_configuration_error(tmp_path: Path) -> None:
    (tmp_path / "vocab").mkdir()
    result = runner.invoke(app, ["parse", str(SEED), "--rules", str(tmp_path)])
    assert result.exit_code == 2
    assert "vocab/services.yaml:1:1: error: vocabulary file is missing" in result.stderr


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("imrcheck ")


BAD_RULE = LIMIT_RULE.replace("request.visits > 10", "prior_visit > 10").replace(
    "request: {visits: 12}", "facts: {prior_visits: 12}"
)


def test_rules_validate_the_bundled_rules() -> None:
    result = runner.invoke(app, ["rules", "validate"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].endswith("rules valid, 0 warning(s)")


def test_rules_validate_reports_file_line_and_column(tmp_path: Path, monkeypatch) -> None:
    from conftest import rules_folder

    rules_folder(tmp_path, {"pt/limit.yaml": BAD_RULE})
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["rules", "validate", "rules"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "rules/pt/limit.yaml:9:11: error: unknown fact 'prior_visit' "
        "(did you mean 'prior_visits'?)",
        "1 error(s), 0 warning(s)",
    ]
    as_json = json.loads(runner.invoke(app, ["rules", "validate", "rules", "-f", "json"]).stdout)
    assert as_json["valid"] is False and len(as_json["errors"]) == 1
    # Any other command given broken rules stops with the same lines and exit code 2.
    listed = runner.invoke(app, ["rules", "list", "--rules", "rules"])
    assert listed.exit_code == 2
    assert "rules/pt/limit.yaml:9:11: error: unknown fact" in listed.stderr


def test_rules_test_runs_every_example() -> None:
    result = runner.invoke(app, ["rules", "test"])
    assert result.exit_code == 0, result.output
    assert re.fullmatch(r"\d+ passed, 0 failed", result.stdout.splitlines()[-1])
    only = runner.invoke(app, ["rules", "test", "-k", "acupuncture.indication"])
    assert re.fullmatch(r"[1-9]\d* passed, 0 failed", only.stdout.splitlines()[-1])
    # A pattern that selects nothing is a mistake, not a pass.
    nothing = runner.invoke(app, ["rules", "test", "-k", "no-such-rule"])
    assert nothing.exit_code == 2
    assert "no rule id or example name contains 'no-such-rule'" in nothing.stderr


def test_rules_test_names_a_failing_example(tmp_path: Path) -> None:
    from conftest import rules_folder

    folder = rules_folder(
        tmp_path,
        {
            "limit.yaml": BAD_RULE.replace("prior_visit >", "prior_visits >").replace(
                "prior_visits: 12}", "prior_visits: 9}"
            )
        },
    )
    result = runner.invoke(app, ["rules", "test", str(folder)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{folder / 'limit.yaml'}:2: FAIL mtus.test.limit: over: expected deny, got none",
        "0 passed, 1 failed",
    ]


def test_rules_list_and_show_as_json() -> None:
    listed = json.loads(runner.invoke(app, ["rules", "list", "--format", "json"]).stdout)
    first = listed[0]
    assert set(first) >= {"id", "tier", "effective", "confidence", "applies", "when", "origin"}
    shown = runner.invoke(app, ["rules", "show", first["id"], "--format", "json"])
    assert json.loads(shown.stdout) == first
    missing = runner.invoke(app, ["rules", "show", first["id"] + "x"])
    assert missing.exit_code == 2
    assert f"did you mean '{first['id']}'" in missing.stderr


def test_an_overlay_can_disable_a_bundled_rule(tmp_path: Path) -> None:
    listed = json.loads(runner.invoke(app, ["rules", "list", "-f", "json"]).stdout)
    victim = listed[0]["id"]
    (tmp_path / "off.yaml").write_text(f"disable: [{victim}]\n")
    after = runner.invoke(app, ["rules", "list", "-f", "json", "--overlay", str(tmp_path)])
    assert after.exit_code == 0, after.output
    assert [r["id"] for r in json.loads(after.stdout)] == [r["id"] for r in listed[1:]]


def test_facts_json_and_a_missing_item() -> None:
    letter = REPO / "cases" / "seed-001_fc764f7706b41fee" / "letter.txt"
    result = runner.invoke(app, ["facts", str(letter), "--format", "json"])
    assert result.exit_code == 0, result.output
    found = {f["name"]: f for f in json.loads(result.stdout)["facts"]}
    assert found["age_years"]["value"] == 47 and found["sex"]["value"] == "male"
    assert found["motor_deficit"]["value"] is True
    assert found["motor_deficit"]["evidence"]["source"] == "rationale"
    missing = runner.invoke(app, ["facts", str(letter), "--item", "9"])
    assert missing.exit_code == 2
    assert "no item 9 (it has 2)" in missing.stderr


def test_facts_from_a_clinical_note_with_a_facts_file(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(
        "The patient is a 52-year-old female with low back pain radiating to the left leg. "
        "Straight leg raise is positive on the left. Motor strength 5/5.\n"
    )
    written = tmp_path / "facts.yaml"
    written.write_text("facts:\n  functional_improvement: false\n  prior_pt_visits: 8\n")
    result = runner.invoke(app, ["facts", str(note), "--facts-file", str(written), "-f", "json"])
    assert result.exit_code == 0, result.output
    found = {f["name"]: f for f in json.loads(result.stdout)["facts"]}
    assert {n: found[n]["value"] for n in found} == {
        "age_years": 52,
        "sex": "female",
        "radiating_pain": True,
        "positive_straight_leg_raise": True,
        "motor_deficit": False,
        # The condition the opening sentence gives with the age.
        "diagnoses": ["lumbago_cervicalgia"],
        "functional_improvement": False,
        "prior_pt_visits": 8,
    }
    assert found["prior_pt_visits"]["evidence"] == {
        "source": "facts_file",
        "item": None,
        "span": None,
        "sentence": f"{written}:3",
    }
    written.write_text("facts:\n  prior_pt_visit: eight\n")
    bad = runner.invoke(app, ["facts", str(note), "--facts-file", str(written)])
    assert bad.exit_code == 2
    assert bad.stderr.splitlines() == [
        f"{written}:2:3: error: unknown fact 'prior_pt_visit' (did you mean 'prior_pt_visits'?)"
    ]


@needs_shared
def test_a_fact_withdrawn_for_an_item_says_so() -> None:
    # The thumb fracture is a red flag for the letter, not for the shoulder MRI of item 1.
    letter = SHARED / "corpus" / "dwc-2016" / "txt" / "CM16-0233794.txt"
    result = runner.invoke(app, ["facts", str(letter), "--item", "1"])
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines() if "red_flag_fracture" in line]
    assert any("not for this item" in row for row in rows), rows


def drawing_script():
    """tests/data/pdf/make_fixtures.py, which draws the PDF fixtures, as a module."""
    path = DATA / "pdf" / "make_fixtures.py"
    spec = importlib.util.spec_from_file_location("make_fixtures", path)
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    return script


VERDICT = re.compile(r"\bis(?:\s+not)?\s+(medically\s+necessary\s+and\s+appropriate)")


def test_parse_a_notice_pdf_whose_text_layer_glues_not_to_medically(tmp_path: Path) -> None:
    # As a real 2013 notice's PDF does: the page shows "is not medically necessary", its text
    # layer says "is notmedically necessary", and the parser once refused it as no IMR letter.
    draw = drawing_script()
    sample = (DATA / "layouts" / "notice2013_multi.txt").read_text(encoding="utf-8")
    every_item_denied = VERDICT.sub(
        lambda found: "is not" + draw.GAP_WITHOUT_SPACE + found[1], sample
    )
    pdf = tmp_path / "notice.pdf"
    pdf.write_bytes(draw.letter_pdf(every_item_denied.split("\n")))
    text_layer = read_letter_text(pdf)
    assert text_layer.count("is notmedically") == len(VERDICT.findall(sample))
    assert not re.search(r"is\s+not\s+medically", text_layer)

    result = runner.invoke(app, ["parse", str(pdf), "--format", "json"])
    assert result.exit_code == 0, result.output
    (record,) = json.loads(result.stdout)
    assert record["layout"] == "notice2013"
    assert [(item["decision"], item["decision_source"]) for item in record["items"]] == [
        ("upheld", "heading")
    ] * 3
    assert record["items"][0]["request"] == "MRI of the cervical spine without contrast"
