"""The command line: exit codes, JSON shapes and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import DATA, REPO
from typer.testing import CliRunner

from cli import app

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
