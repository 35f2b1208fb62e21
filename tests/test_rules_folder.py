"""`--rules DIR` supplies every vocabulary: the service synonyms a request is read with, the finding
phrases and the negation cues, in every command that reads them and in every process an audit
runs in. A copy of the bundled rules learns a made-up word of each kind; with `--rules COPY` the
commands read it, and without they do not."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO
from typer.testing import CliRunner

from cli import app

runner = CliRunner()
SEED = REPO / "cases" / "seed-003_a4e734c225be3e19" / "letter.txt"
# Sentences no bundled vocabulary reads as the copy does: a tumour only the copy's findings name,
# and an infection only the copy's negation cue denies.
MADE_UP_SENTENCES = (
    "Imaging showed a glorbic mass near the spine. There is nary infection of the wound."
)


def edited(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} no longer has {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the bundled rules whose vocabularies know "zorbitherapy" (physical therapy),
    "glorbic mass" (a tumour) and "nary" (a negation), and two letters and a note using them."""
    root = tmp_path_factory.mktemp("made-up-words")
    rules = root / "rules"
    shutil.copytree(REPO / "rules", rules)
    vocab = rules / "vocab"
    edited(
        vocab / "services.yaml",
        "phrases: [physical therapy,",
        "phrases: [zorbitherapy, physical therapy,",
    )
    edited(
        vocab / "findings.yaml",
        "phrases: [tumor, tumour,",
        "phrases: [glorbic mass, tumor, tumour,",
    )
    edited(vocab / "negation.yaml", 'pre_negation: ["no", not,', 'pre_negation: ["no", nary, not,')
    letter = SEED.read_text(encoding="utf-8")
    letter = letter.replace("Physical therapy 1 x 6:  Upheld", "Zorbitherapy 1 x 6:  Upheld", 1)
    letter = letter.replace(
        "There was one treatment", MADE_UP_SENTENCES + " There was one treatment", 1
    )
    assert "Zorbitherapy" in letter and "glorbic" in letter
    for name in ("first.txt", "second.txt"):
        (root / name).write_text(letter, encoding="utf-8")
    (root / "note.txt").write_text(f"Progress note. {MADE_UP_SENTENCES}", encoding="utf-8")
    return root


def rules_option(folder: Path, with_copy: bool) -> list[str]:
    return ["--rules", str(folder / "rules")] if with_copy else []


def made_up_facts(facts: list[dict[str, Any]]) -> dict[str, Any]:
    """What was read of the made-up tumour and infection."""
    wanted = ("red_flag_tumor", "red_flag_infection")
    return {f["name"]: f["value"] for f in facts if f["name"] in wanted}


# The copy's findings: the made-up phrase is a tumour, and "nary" denies the infection. The bundled
# ones know no such tumour and read the infection as present.
FACTS_WITH_COPY = {"red_flag_tumor": True, "red_flag_infection": False}
FACTS_WITHOUT = {"red_flag_infection": True}


@pytest.mark.parametrize("with_copy", [True, False], ids=["copy", "bundled"])
def test_parse_reads_requests_with_the_folders_services(folder: Path, with_copy: bool) -> None:
    command = ["parse", str(folder / "first.txt"), "-f", "json", *rules_option(folder, with_copy)]
    result = runner.invoke(app, command)
    assert result.exit_code == 0, result.output
    (case,) = json.loads(result.stdout)
    zorbitherapy = case["items"][1]
    assert zorbitherapy["request"] == "Zorbitherapy 1 x 6"
    expected = "physical_therapy" if with_copy else "other"
    assert zorbitherapy["service"]["category"] == expected


@pytest.mark.parametrize("with_copy", [True, False], ids=["copy", "bundled"])
@pytest.mark.parametrize("read", ["first.txt", "note.txt"])
def test_facts_are_read_with_the_folders_findings_and_cues(
    folder: Path, with_copy: bool, read: str
) -> None:
    command = ["facts", str(folder / read), "-f", "json", *rules_option(folder, with_copy)]
    result = runner.invoke(app, command)
    assert result.exit_code == 0, result.output
    found = made_up_facts(json.loads(result.stdout)["facts"])
    assert found == (FACTS_WITH_COPY if with_copy else FACTS_WITHOUT)


@pytest.mark.parametrize("with_copy", [True, False], ids=["copy", "bundled"])
@pytest.mark.parametrize("runs_on", ["jobs-1", "jobs-2", "dask"])
def test_an_audit_reads_letters_with_the_folders_vocabularies_in_every_process(
    folder: Path, with_copy: bool, runs_on: str, request: pytest.FixtureRequest
) -> None:
    # Two letters: with one, `--jobs 2` audits in this process and starts no worker.
    letters = [str(folder / "first.txt"), str(folder / "second.txt")]
    where = {
        "jobs-1": ["--jobs", "1"],
        "jobs-2": ["--jobs", "2"],
        "dask": ["--executor", "dask", "--scheduler", request.getfixturevalue("scheduler")]
        if runs_on == "dask"
        else [],
    }[runs_on]
    command = ["audit", *letters, "-f", "jsonl", "-q", *where, *rules_option(folder, with_copy)]
    result = runner.invoke(app, command)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    zorbitherapy = [r for r in records if r["request"] == "Zorbitherapy 1 x 6"]
    assert len(zorbitherapy) == 2
    for record in zorbitherapy:
        assert record["service"] == ("physical_therapy" if with_copy else "other")
        found = made_up_facts(record["facts"])
        assert found == (FACTS_WITH_COPY if with_copy else FACTS_WITHOUT)


def test_check_reads_the_request_and_notes_with_the_folders_vocabularies(folder: Path) -> None:
    command = ["check", "--request", "Zorbitherapy 2x4 lumbar spine", "-f", "json"]
    command += ["--notes", str(folder / "note.txt"), "--date", "2017-01-15"]
    result = runner.invoke(app, [*command, *rules_option(folder, True)])
    assert result.exit_code == 0, result.output
    checked = json.loads(result.stdout)
    assert checked["service"] == "physical_therapy"
    assert made_up_facts(checked["facts"]) == FACTS_WITH_COPY
    bundled = runner.invoke(app, command)
    assert bundled.exit_code == 2
    assert "no service the rules know is named in 'Zorbitherapy 2x4 lumbar spine'" in bundled.stderr


def test_rules_validate_checks_the_finding_phrases_and_negation_cues(tmp_path: Path) -> None:
    # They are loaded with the rules, so a mistake in them is found before any letter is read.
    rules = tmp_path / "rules"
    shutil.copytree(REPO / "rules", rules)
    edited(rules / "vocab" / "negation.yaml", "window_before: 8", "window_before: eight")
    lines = (rules / "vocab" / "negation.yaml").read_text().splitlines()
    number = lines.index("window_before: eight") + 1
    result = runner.invoke(app, ["rules", "validate", str(rules)])
    assert result.exit_code == 1
    assert f"{rules / 'vocab' / 'negation.yaml'}:{number}:1: error: window_before:" in result.stdout


def test_validate_reports_a_fact_no_reader_gives(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    shutil.copytree(REPO / "rules", folder)
    facts = folder / "facts.yaml"
    facts.write_text(
        facts.read_text()
        + "  zorbic_index:\n    type: integer\n    documents: the zorbic index of the patient\n"
    )
    result = runner.invoke(app, ["rules", "validate", str(folder)])
    assert result.exit_code == 0, result.output
    notes = [line for line in result.stdout.splitlines() if "'zorbic_index'" in line]
    assert len(notes) == 1
    assert re.match(
        r"^\S*facts\.yaml:\d+:3: note: fact 'zorbic_index' has no reader and no default: the 0 "
        r"rule\(s\) testing it can only find it undocumented$",
        notes[0],
    )
