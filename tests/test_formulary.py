"""The drug formulary: the drug-list files, the gate for a requested drug and the CSV import."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from conftest import REPO
from typer.testing import CliRunner, Result

from cli import app
from engine.formulary import (
    DrugListError,
    Formulary,
    drug_key,
    drug_list_yaml,
    drug_status,
    import_csv,
    load_formulary,
)

TODAY = date(2026, 12, 5)


@pytest.fixture(scope="module")
def bundled() -> Formulary:
    problems: list[str] = []
    formulary = load_formulary(REPO / "rules", problems)
    assert problems == []
    return formulary


def test_every_opioid_needs_prospective_review(bundled: Formulary) -> None:
    for drug in ("tramadol", "Tramadol ER", "norco", "hydrocodone apap", "percocet"):
        status = drug_status(bundled, drug, "opioid", TODAY)
        assert status is not None and status.status == "non_exempt", drug
        assert status.prospective_review.startswith("needs prospective review")


def test_a_special_fill_keeps_its_days_and_its_doubt(bundled: Formulary) -> None:
    status = drug_status(bundled, "hydrocodone/APAP", "opioid", TODAY)
    assert status is not None and status.special_fill_days == 4
    assert status.confidence == "unconfirmed" and status.confidence_note
    assert "special fill of up to 4 days" in status.prospective_review


def test_the_formulary_starts_in_2018(bundled: Formulary) -> None:
    assert drug_status(bundled, "tramadol", "opioid", date(2017, 12, 31)) is None
    assert drug_status(bundled, "tramadol", "opioid", date(2018, 1, 1)) is not None


def test_a_status_holds_only_on_its_dates(bundled: Formulary) -> None:
    before = drug_status(bundled, "duloxetine", "antidepressant", date(2020, 10, 31))
    after = drug_status(bundled, "duloxetine", "antidepressant", date(2020, 11, 1))
    assert before is not None and before.status is None  # a partial list: unknown, not unlisted
    assert after is not None and after.status == "exempt"


def test_a_compound_always_needs_review(bundled: Formulary) -> None:
    status = drug_status(bundled, "flurbiprofen", "compounded", TODAY)
    assert status is not None and status.status == "compounded"
    assert status.citation == "8 CCR 9792.27.9"


def test_a_drug_missing_from_a_complete_list_is_unlisted() -> None:
    listed = import_csv("Drug,Status\nibuprofen,Exempt\n", "l.csv", "v1", date(2026, 1, 1), "s")
    formulary = Formulary((listed,))
    unlisted = drug_status(formulary, "gabapentin", "anticonvulsant", TODAY)
    assert unlisted is not None and unlisted.status == "unlisted"
    exempt = drug_status(formulary, "Ibuprofen", "nsaid", TODAY)
    assert exempt is not None and exempt.status == "exempt"


def test_the_newest_list_in_force_decides(tmp_path: Path) -> None:
    folder = tmp_path / "formulary"
    folder.mkdir()
    for version, day, status in (
        ("v1", "2019-01-01", "Exempt"),
        ("v2", "2025-01-01", "Non-Exempt"),
    ):
        listed = import_csv(
            f"drug,status\nfoo,{status}\n", "x.csv", version, date.fromisoformat(day), "s"
        )
        (folder / f"{version}.yaml").write_text(drug_list_yaml(listed), encoding="utf-8")
    problems: list[str] = []
    formulary = load_formulary(tmp_path, problems)
    assert problems == []
    assert drug_status(formulary, "foo", None, date(2024, 12, 31)).status == "exempt"  # type: ignore[union-attr]
    assert drug_status(formulary, "foo", None, date(2025, 1, 1)).status == "non_exempt"  # type: ignore[union-attr]
    assert drug_status(formulary, "foo", None, date(2018, 6, 1)) is None


def test_the_import_reads_the_states_headers_and_fill_days() -> None:
    text = (
        "Drug Ingredient,Exempt / Non-Exempt,Special Fill,Perioperative Fill,Drug Class\n"
        "Tramadol HCl,Non-Exempt,,,Opioid\n"
        "Hydrocodone/Acetaminophen,Non-Exempt,Up to 4 day supply,x,Opioid\n"
        "\n"
        "Ibuprofen,Exempt,,,NSAID\n"
    )
    listed = import_csv(text, "list.csv", "v14", date(2026, 2, 1), "DWC")
    assert [d.drug for d in listed.drugs] == [
        "Tramadol HCl",
        "Hydrocodone/Acetaminophen",
        "Ibuprofen",
    ]
    assert listed.drugs[1].special_fill_days == 4
    assert listed.drugs[1].perioperative_fill_days is None  # a mark without days gives none
    assert listed.complete


def test_every_bad_row_is_one_line_naming_file_and_line() -> None:
    text = "drug,status,special fill\nibuprofen,Exempt,\nfoo,Maybe,\n,Exempt,\nIbuprofen,Exempt,\nbar,Non-Exempt,many\n"
    with pytest.raises(DrugListError) as caught:
        import_csv(text, "bad.csv", "v1", TODAY, "s")
    assert caught.value.problems == [
        "bad.csv:3: error: status 'Maybe' for 'foo' is neither Exempt nor Non-Exempt",
        "bad.csv:4: error: no drug named",
        "bad.csv:5: error: 'Ibuprofen' is listed again (first on line 2)",
        "bad.csv:6: error: special fill 'many': expected a number of days, a mark (yes, x) or "
        "nothing",
    ]


def test_a_header_without_the_status_column() -> None:
    with pytest.raises(DrugListError) as caught:
        import_csv("Drug,Class\nibuprofen,NSAID\n", "h.csv", "v1", TODAY, "s")
    assert caught.value.problems == [
        "h.csv:1: error: no 'status' column; the header must name one of: status, "
        "exempt non exempt, exempt nonexempt, exempt or non exempt"
    ]


def test_a_bad_drug_list_file_names_line_and_column(tmp_path: Path) -> None:
    folder = tmp_path / "formulary"
    folder.mkdir()
    (folder / "list.yaml").write_text(
        "version: v1\neffective: 2026-01-01\ncomplete: true\nsource: s\ndrugs:\n"
        "  - drug: foo\n    status: maybe\n",
        encoding="utf-8",
    )
    problems: list[str] = []
    load_formulary(tmp_path, problems, str)
    assert len(problems) == 1
    assert problems[0].startswith(f"{folder / 'list.yaml'}:7:")
    assert "status" in problems[0]


def test_names_match_without_salts_or_release_forms() -> None:
    assert drug_key("Tramadol HCl ER") == drug_key("tramadol")
    assert drug_key("Hydrocodone Bitartrate/APAP") == drug_key("hydrocodone acetaminophen")


runner = CliRunner()


def import_v14(source: Path, out: Path) -> Result:
    arguments = ["--out", str(out), "--version", "v14", "--effective", "2026-02-01"]
    return runner.invoke(app, ["formulary", "import", str(source), *arguments])


def test_the_import_command_writes_a_list_the_rules_folder_reads(tmp_path: Path) -> None:
    source = tmp_path / "list.csv"
    source.write_text("Drug,Status\nibuprofen,Exempt\ntramadol,Non-Exempt\n", encoding="utf-8")
    out = tmp_path / "formulary" / "v14.yaml"
    out.parent.mkdir()
    result = import_v14(source, out)
    assert result.exit_code == 0, result.output
    assert result.output == f"2 drugs written to {out}\n"
    problems: list[str] = []
    formulary = load_formulary(tmp_path, problems)
    assert problems == []
    assert formulary.lists[0].title == "MTUS Drug List, v14 (effective 2026-02-01)"


def test_the_import_command_refuses_bad_rows_and_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "list.csv"
    source.write_text("Drug,Status\nibuprofen,Sometimes\n", encoding="utf-8")
    out = tmp_path / "v14.yaml"
    result = import_v14(source, out)
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"{source}:2: error: status 'Sometimes' for 'ibuprofen' is neither Exempt nor Non-Exempt"
    )
    assert not out.exists()


def test_check_shows_the_gate_beside_the_verdict(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Chronic low back pain, DOI 2021. Tramadol 50 mg BID.\n", encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "check",
            "--request",
            "Tramadol 50 mg #60",
            "--notes",
            str(notes),
            "--date",
            "2026-12-05",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    import json

    gate = json.loads(result.output)["formulary"]
    assert gate["status"] == "non_exempt"
    assert gate["prospective_review"] == "needs prospective review"


def test_the_guides_drug_list_loads(tmp_path: Path) -> None:
    guide = (REPO / "rules" / "README.md").read_text(encoding="utf-8")
    block = re.findall(r"```yaml formulary/mtus-drug-list.yaml\n(.*?)```", guide, re.DOTALL)
    assert len(block) == 1
    (tmp_path / "formulary").mkdir()
    (tmp_path / "formulary" / "list.yaml").write_text(block[0], encoding="utf-8")
    problems: list[str] = []
    formulary = load_formulary(tmp_path, problems)
    assert problems == []
    status = drug_status(formulary, "Norco", "opioid", TODAY)
    assert status is not None and status.special_fill_days == 4


@pytest.mark.parametrize("day, weighed", [("2018-06-01", False), ("2026-11-17", True)])
def test_a_brand_is_weighed_against_its_generic_only_once_there_is_one(
    bundled: Formulary, day: str, weighed: bool
) -> None:
    """Generic pregabalin came to market on 2019-07-19: brand Lyrica asked for before it had no
    generic to be weighed against."""
    from engine.evaluate import request_values
    from engine.requests import normalize_request
    from engine.vocab import load_vocabulary

    request = normalize_request(
        "Lyrica 75 mg BID #60, dispense as written", load_vocabulary(REPO / "rules")
    )
    values = request_values(request, date.fromisoformat(day), bundled)
    assert values["request.brand_with_generic"] is weighed
