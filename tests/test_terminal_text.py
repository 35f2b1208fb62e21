"""What the commands print for people shows bracketed text as it is written. rich reads "[word]" as
a style tag and drops it, and letters ("[sic]", "[name redacted]"), rule conditions ("not in
[neuralgia, crps]"), rules written by people and the help ("imrcheck[dask]") are full of it."""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
import typer.main
from conftest import LIMIT_RULE, REPO, rules_folder
from typer.testing import CliRunner

from cli import app, progress_bar

runner = CliRunner()
SEED = REPO / "cases" / "seed-003_a4e734c225be3e19" / "letter.txt"

# Each bracketed text in a sentence the facts stage reads a finding from, so each is the evidence
# of a fact.
SENTENCES = {
    "[sic]": "Imaging [sic] showed a tumor.",
    "['a', 'b']": "Cultures showed an infection ['a', 'b'].",
    "[name redacted]": "The [name redacted] examination found cauda equina signs.",
    "[bold]x[/bold]": "She reports bowel incontinence [bold]x[/bold].",
    "imrcheck[dask]": "A urine drug screen imrcheck[dask] was collected.",
}
PT_REQUEST = "Physical therapy [sic] 1 x 6"
CONSULT_REQUEST = "Consult w/ Neurologist ['a', 'b']"

# A rule whose every text for people holds brackets; its example fails on purpose, for the line
# `rules test` prints about it.
BRACKETED_RULE = (
    LIMIT_RULE.replace("title: limit", "title: \"limit [sic] ['a', 'b']\"")
    .replace("{document: Test guideline}", '{document: "Test guideline [name redacted]"}')
    .replace("message: over", 'message: "over [bold]x[/bold] imrcheck[dask]"')
    .replace("outcome: deny", "outcome: deny\n    supports: {visits: 10}")
    .replace("{name: over,", '{name: "too many [sic]",')
    .replace("expect: deny", "expect: certify")
)


def shown(output: str) -> str:
    """The output with its runs of spaces made one, as wrapped help and padded cells differ."""
    return " ".join(output.split())


@pytest.fixture()
def letter(tmp_path: Path) -> Path:
    """The seed letter with bracketed text in its summary, two requests and its file name; its
    consultation overturned, so that the audit lists a disagreement."""
    text = SEED.read_text(encoding="utf-8")
    for old, new in (
        ("There was one treatment", " ".join(SENTENCES.values()) + " There was one treatment"),
        ("Physical therapy 1 x 6:  Upheld", f"{PT_REQUEST}:  Upheld"),
        ("Consult w/ Neurologist :  Upheld", f"{CONSULT_REQUEST}:  Overturned"),
    ):
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / "letter [sic].txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def bracketed_rules(tmp_path: Path) -> Path:
    return rules_folder(tmp_path, {"test/bracketed.yaml": BRACKETED_RULE})


def test_parse(letter: Path) -> None:
    result = runner.invoke(app, ["parse", str(letter)])
    assert result.exit_code == 0, result.output
    for text in ("letter [sic].txt", PT_REQUEST, CONSULT_REQUEST):
        assert text in result.stdout


def test_facts(letter: Path) -> None:
    result = runner.invoke(app, ["facts", str(letter)])
    assert result.exit_code == 0, result.output
    for sentence in SENTENCES.values():
        assert sentence in result.stdout


def test_audit_and_its_report(letter: Path, tmp_path: Path) -> None:
    db = tmp_path / "results.db"
    result = runner.invoke(app, ["audit", str(letter), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "letter [sic].txt" in result.stdout
    assert PT_REQUEST in result.stdout
    # In the table of items and again in the summary's list of disagreements.
    assert result.stdout.count(CONSULT_REQUEST) == 2
    markdown = runner.invoke(app, ["report", "--db", str(db), "--format", "md"])
    assert markdown.exit_code == 0, markdown.output
    # Escaped for Markdown, which shows it as written.
    assert r"Consult w/ Neurologist \['a', 'b'\]" in markdown.stdout
    report = runner.invoke(app, ["report", "--db", str(db), "--format", "json"])
    assert report.exit_code == 0, report.output
    requests = {record["request"] for record in json.loads(report.stdout)["records"]}
    assert {PT_REQUEST, CONSULT_REQUEST} <= requests


def test_the_progress_bar_shows_a_letters_name(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stderr", Terminal())
    with progress_bar(2, quiet=False) as advance:
        advance("letter [sic].txt")
    assert "letter [sic].txt" in sys.stderr.getvalue()


def test_check(bracketed_rules: Path) -> None:
    request = "Physical therapy 2x6 lumbar spine [sic]"
    command = ["check", "--request", request, "--date", "2017-01-15"]
    result = runner.invoke(app, [*command, "--rules", str(bracketed_rules)])
    assert result.exit_code == 0, result.output
    printed = shown(result.stdout)
    assert request in printed
    assert "over [bold]x[/bold] imrcheck[dask] [Test guideline [name redacted]]" in printed
    assert "within 'limit [sic] ['a', 'b']'" in printed


def test_rules_show(bracketed_rules: Path) -> None:
    bundled = runner.invoke(
        app, ["rules", "show", "mtus.cp2016.physical-medicine.myalgia-visit-limit"]
    )
    assert bundled.exit_code == 0, bundled.output
    assert "diagnosis_group not in [neuralgia, crps]" in bundled.stdout
    written = runner.invoke(
        app, ["rules", "show", "mtus.test.limit", "--rules", str(bracketed_rules)]
    )
    assert written.exit_code == 0, written.output
    for text in (
        "limit [sic] ['a', 'b']",
        "document: Test guideline [name redacted]",
        "over [bold]x[/bold] imrcheck[dask]",
    ):
        assert text in written.stdout


def test_rules_test(bracketed_rules: Path) -> None:
    result = runner.invoke(app, ["rules", "test", str(bracketed_rules)])
    assert result.exit_code == 1
    assert "FAIL mtus.test.limit: too many [sic]: expected certify, got deny" in result.stdout


def test_rules_validate(bracketed_rules: Path) -> None:
    broken = BRACKETED_RULE.replace("[physical_therapy]", "['[sic]', \"['a', 'b']\"]")
    (bracketed_rules / "test" / "bracketed.yaml").write_text(broken, encoding="utf-8")
    result = runner.invoke(app, ["rules", "validate", str(bracketed_rules)])
    assert result.exit_code == 1
    assert "unknown service '[sic]'" in result.stdout
    assert "unknown service '['a', 'b']'" in result.stdout


def help_pages() -> Iterator[tuple[list[str], click.Command]]:
    """Every command's words and its click command, the top level first."""
    group = typer.main.get_command(app)
    yield [], group
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        yield [name], command
        for child, sub in getattr(command, "commands", {}).items():
            yield [name, child], sub


def test_help_shows_every_bracketed_word_as_written() -> None:
    seen: set[str] = set()
    for words, command in help_pages():
        written = " ".join(
            [command.help or "", *(getattr(p, "help", None) or "" for p in command.params)]
        )
        bracketed = re.findall(r"\S*\[[^\]]*\]", written)
        result = runner.invoke(app, [*words, "--help"])
        assert result.exit_code == 0, result.output
        for text in bracketed:
            assert shown(text) in shown(result.stdout), (words, text)
        seen.update(bracketed)
    # Guards the test itself: the help strings hold these, so the loop above checked them.
    assert {"imrcheck[dask]", "[ids]"} <= {word.strip("'.") for word in seen}
