"""`imrcheck audit` and `imrcheck report`: records, agreement, the store across interrupted runs,
several processes, and bad input."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from conftest import REPO, SHARED, many_letters
from typer.testing import CliRunner

from cli import app
from engine.audit import AuditRecord, AuditSettings, procedure_fact
from engine.letters import parse_letter_file
from engine.store import Store
from engine.vocab import load_vocabulary

runner = CliRunner()
SEEDS = sorted((REPO / "cases").glob("seed-*/letter.txt"))
RECORD_FIELDS = {
    "letter",
    "case_number",
    "item",
    "request",
    "service",
    "reviewer_decision",
    "verdict",
    "agreement",
    "rules",
    "reasons",
    "citations",
    "supported_quantity",
    "missing",
}


def jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_the_bundled_cases_are_audited() -> None:
    result = runner.invoke(app, ["audit", str(REPO / "cases"), "--format", "jsonl", "-q"])
    assert result.exit_code == 0, result.output
    records = jsonl(result.stdout)
    assert len(records) == 10  # the five seed letters' items; corpus folders hold no letters
    for record in records:
        assert record.keys() >= RECORD_FIELDS
    # Each seed item's agreement is checked, with the reason where it disagrees, below.
    assert all(r["agreement"] != "not_compared" for r in records)
    pt = next(
        r
        for r in records
        if r["letter"].endswith("seed-000_f18e7f48dd75e927/letter.txt") and r["item"] == 2
    )
    assert pt["verdict"] == "deny" and pt["supported_quantity"]["visits"] == 10
    assert pt["date"] == "2014-06-20"


@pytest.fixture(scope="module")
def seed_records() -> dict[tuple[str, int], dict]:
    result = runner.invoke(app, ["audit", str(REPO / "cases"), "--format", "jsonl", "-q"])
    return {(Path(r["letter"]).parent.name, r["item"]): r for r in jsonl(result.stdout)}


def seed_item_params() -> list:
    params = []
    for seed in SEEDS:
        expected = yaml.safe_load((seed.parent / "expected.yaml").read_text())
        for item in expected["items"]:
            reason = item.get("audit", {}).get("disagrees_because")
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            params.append(
                pytest.param(
                    seed.parent.name,
                    item,
                    id=f"{seed.parent.name[:8]}-item{item['index']}",
                    marks=marks,
                )
            )
    return params


@pytest.mark.parametrize("seed, expected", seed_item_params())
def test_each_seed_item_agrees_with_its_reviewer(
    seed_records: dict[tuple[str, int], dict], seed: str, expected: dict
) -> None:
    """Every seed item agrees with the reviewer, or its expected.yaml says why not (a strict
    xfail: once it agrees, the reason must go)."""
    record = seed_records[(seed, expected["index"])]
    assert "audit" in expected, "expected.yaml gives no audit verdict for this item"
    assert record["verdict"] == expected["audit"]["verdict"]
    assert record["agreement"] == "agree", record["reasons"]


def test_the_table_ends_with_the_summary() -> None:
    result = runner.invoke(app, ["audit", *map(str, SEEDS[:2])])
    assert result.exit_code == 0, result.output
    assert "Cohen's kappa" in result.stdout and "letters audited" in result.stdout
    # The confusion matrix, overall, by service category and by rule.
    assert "reviewer \\ verdict" in result.stdout
    assert "service category" in result.stdout and "physical_therapy" in result.stdout
    assert "mtus.cp2009.physical-medicine" in result.stdout


def test_the_table_lists_the_disagreements(tmp_path: Path) -> None:
    result = runner.invoke(app, ["audit", str(flipped_copy(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "disagreement" in result.stdout and "overturned" in result.stdout


def test_a_long_list_of_disagreements_is_cut_and_says_how_many_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An archive can disagree tens of thousands of times: the summary lists the first ones.
    import cli

    two_flipped_copies(tmp_path)
    monkeypatch.setattr(cli, "LISTED_DISAGREEMENTS", 1)
    result = runner.invoke(app, ["audit", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "... and 1 more disagreements" in result.stdout


def test_csv_has_a_header_and_a_row_per_item() -> None:
    result = runner.invoke(app, ["audit", str(SEEDS[0]), "--format", "csv", "-q"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("letter,case_number,item,request,service,reviewer_decision,verdict")
    assert len(lines) == 1 + 2


def flipped_copy(tmp_path: Path) -> Path:
    """Seed 000 with its physical therapy decision turned round, so the rules disagree."""
    text = SEEDS[0].read_text()
    heading = "Physical Therapy 2 times per week for 6 weeks for cervical and lumbar spine:  Upheld"
    assert heading in text
    copy = tmp_path / "flipped.txt"
    copy.write_text(text.replace(heading, heading.replace("Upheld", "Overturned")))
    return copy


def two_flipped_copies(tmp_path: Path) -> None:
    """Two letters that each disagree once, in `tmp_path` and a folder below it."""
    first = flipped_copy(tmp_path)
    second = tmp_path / "more" / "flipped.txt"
    second.parent.mkdir()
    second.write_text(first.read_text() + "\n")


def test_fail_on_disagreement(tmp_path: Path) -> None:
    copy = flipped_copy(tmp_path)
    assert runner.invoke(app, ["audit", str(copy), "-q"]).exit_code == 0
    result = runner.invoke(app, ["audit", str(copy), "-q", "--fail-on-disagreement"])
    assert result.exit_code == 1
    assert runner.invoke(app, ["audit", str(SEEDS[0]), "--fail-on-disagreement"]).exit_code == 0


def test_a_broken_pdf_among_good_letters(tmp_path: Path) -> None:
    folder = tmp_path / "letters"
    folder.mkdir()
    for seed in SEEDS[:2]:
        shutil.copy(seed, folder / f"{seed.parent.name}.txt")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntruncated")
    result = runner.invoke(app, ["audit", str(folder), "--format", "jsonl", "-q"])
    assert result.exit_code == 2
    lines = jsonl(result.stdout)
    errors = [line for line in lines if "error" in line]
    assert [Path(e["letter"]).name for e in errors] == ["broken.pdf"]
    assert "PDF" in errors[0]["error"]
    assert len(lines) - len(errors) == 4  # both good letters' items
    assert "broken.pdf: error:" in result.stderr
    assert "Traceback" not in result.output


def test_a_batch_gives_each_letter_the_result_it_gets_alone(tmp_path: Path) -> None:
    """Letters audited in a batch (all texts taken out first) come out in order, each as it would
    alone, bad ones among them."""
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntruncated")
    (tmp_path / "not_a_letter.txt").write_text("Dear Sir, thank you for your letter.\n")
    pdfs = REPO / "tests" / "data" / "pdf"
    paths = [
        SEEDS[0],
        tmp_path / "empty.txt",
        pdfs / "letter_aes.pdf",
        tmp_path / "missing.txt",
        tmp_path / "broken.pdf",
        pdfs / "scanned.pdf",
        tmp_path / "not_a_letter.txt",
        SEEDS[1],
    ]
    auditor = AuditSettings().auditor()
    together = auditor.audit_batch(paths)
    assert together == [auditor.audit_file(path) for path in paths]
    failed = [Path(r.letter).name for r in together if r.error]
    assert failed == ["empty.txt", "missing.txt", "broken.pdf", "scanned.pdf", "not_a_letter.txt"]
    assert all(r.records for r in together if not r.error)


def test_no_letters_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["audit", str(tmp_path)])
    assert result.exit_code == 2
    assert "no letter files" in result.output


@pytest.mark.parametrize(
    "make, expected",
    [
        (lambda p: p.write_text("not a database\n" * 100), "not an SQLite database"),
        (lambda p: p.mkdir(), "is a folder"),
    ],
)
def test_an_unusable_database_is_one_line(tmp_path: Path, make, expected: str) -> None:
    db = tmp_path / "results.db"
    make(db)
    result = runner.invoke(app, ["audit", str(SEEDS[0]), "--db", str(db), "-q"])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and expected in lines[0] and "results.db" in lines[0], result.output


def test_a_locked_database_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "results.db"
    Store(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = runner.invoke(app, ["audit", str(SEEDS[0]), "--db", str(db), "-q"])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 2
    assert "locked" in result.output and len(result.output.strip().splitlines()) == 1


def test_a_rerun_takes_stored_results_and_reports_them(tmp_path: Path) -> None:
    db = tmp_path / "results.db"
    first = runner.invoke(app, ["audit", *map(str, SEEDS), "--db", str(db), "-f", "jsonl", "-q"])
    assert first.exit_code == 0, first.output
    with Store(db) as store:
        assert len(store.records()) == 10
    again = runner.invoke(app, ["audit", *map(str, SEEDS), "--db", str(db), "-f", "jsonl", "-q"])
    assert again.stdout == first.stdout
    with Store(db) as store:
        assert len(store.records()) == 10
    for fmt, marker in (("html", "<svg"), ("md", "# IMR audit report"), ("json", '"summary"')):
        report = runner.invoke(app, ["report", "--db", str(db), "--format", fmt])
        assert report.exit_code == 0, report.output
        assert marker in report.stdout
    out = tmp_path / "report.html"
    report = runner.invoke(app, ["report", "--db", str(db), "-o", str(out)])
    assert report.exit_code == 0 and out.read_text().startswith("<!DOCTYPE html>")


def test_the_report_read_record_by_record_is_the_report_of_all_the_records(
    tmp_path: Path,
) -> None:
    # `report` streams the store (an archive's is too big to hold); what it writes must be what
    # rendering every record at once gives. A flipped seed gives it a disagreement to show.
    from engine.report import render_html, render_json, render_markdown
    from engine.summary import summarize

    db = tmp_path / "results.db"
    letters = [*map(str, SEEDS), str(flipped_copy(tmp_path))]
    assert runner.invoke(app, ["audit", *letters, "--db", str(db), "-q"]).exit_code == 0
    with Store(db) as store:
        records, failures = store.records(), store.failures()
    summary = summarize(records, failures)
    assert summary.disagreed == 1
    for fmt, render in (("json", render_json), ("md", render_markdown), ("html", render_html)):
        out = tmp_path / f"report.{fmt}"
        report = runner.invoke(app, ["report", "--db", str(db), "-f", fmt, "-o", str(out)])
        assert report.exit_code == 0, report.output
        assert out.read_text(encoding="utf-8") == render(summary, records)
    assert not list(tmp_path.glob(".*.partial"))


def test_a_report_page_shows_the_first_disagreements_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cli

    two_flipped_copies(tmp_path)
    db = tmp_path / "results.db"
    assert runner.invoke(app, ["audit", str(tmp_path), "--db", str(db), "-q"]).exit_code == 0
    monkeypatch.setattr(cli, "REPORT_DISAGREEMENTS", 1)
    for fmt in ("html", "md"):
        page = runner.invoke(app, ["report", "--db", str(db), "-f", fmt])
        assert page.exit_code == 0, page.output
        assert "Disagreements (2)" in page.stdout
        assert "The first 1 of 2 are shown" in page.stdout
    document = json.loads(runner.invoke(app, ["report", "--db", str(db), "-f", "json"]).stdout)
    assert len(document["summary"]["disagreements"]) == 2


def test_report_without_a_store_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert "no such results file" in result.output


def real_letters_or_seeds() -> list[Path]:
    corpus = SHARED / "corpus" / "dwc-2016" / "txt"
    return [*SEEDS, *sorted(corpus.glob("*.txt"))[:40]] if corpus.is_dir() else SEEDS


def test_two_processes_give_the_same_records_as_one() -> None:
    letters = list(map(str, real_letters_or_seeds()))
    one = runner.invoke(app, ["audit", *letters, "-f", "jsonl", "-q", "--jobs", "1"])
    two = runner.invoke(app, ["audit", *letters, "-f", "jsonl", "-q", "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0, two.output
    assert one.stdout == two.stdout
    assert len(jsonl(one.stdout)) >= 10


def count_letters(db: Path) -> int:
    if not db.exists():
        return 0
    connection = sqlite3.connect(db, timeout=5)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        return (
            connection.execute("SELECT count(*) FROM letters").fetchone()[0]
            if "letters" in tables
            else 0
        )
    except sqlite3.OperationalError:
        return 0  # the run is still creating the file
    finally:
        connection.close()


def test_an_audit_killed_at_any_moment_ends_with_each_letter_once(tmp_path: Path) -> None:
    # Enough letters that each run is cut short: a few milliseconds a letter.
    letters = many_letters(tmp_path / "letters", 600)
    db = tmp_path / "results.db"
    command = [sys.executable, str(REPO / "cli.py"), "audit", str(tmp_path / "letters")]
    command += ["--db", str(db), "-q", "-f", "jsonl"]
    chooser = random.Random(20261122)
    kills = 0
    stored_so_far: list[int] = []
    for _ in range(6):
        process = subprocess.Popen(
            command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        # Each run is killed at a random moment after it has stored something new, whatever
        # its start-up costs on this machine.
        before = stored_so_far[-1] if stored_so_far else 0
        deadline = time.monotonic() + 60
        while process.poll() is None and count_letters(db) <= before:
            if time.monotonic() > deadline:
                break
            time.sleep(0.02)
        time.sleep(chooser.uniform(0.0, 0.4))
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            kills += 1
        process.wait()
        stored_so_far.append(count_letters(db))
    assert kills >= 3  # the run was really interrupted, more than once
    # ... part way: some letters stored, not all.
    assert any(0 < stored < len(letters) for stored in stored_so_far), stored_so_far
    final = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300)
    assert final.returncode == 0, final.stderr
    assert stored_so_far[-1] <= count_letters(db) == len(letters)
    connection = sqlite3.connect(db)
    try:
        letters_stored = connection.execute("SELECT count(*) FROM letters").fetchone()[0]
        per_letter = connection.execute(
            "SELECT letter_sha256, count(*) FROM records GROUP BY letter_sha256"
        ).fetchall()
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        connection.close()
    assert letters_stored == len(letters)
    items_of_seed = [len(parse_letter_file(seed, load_vocabulary()).items) for seed in SEEDS]
    expected = sorted(items_of_seed[n % len(SEEDS)] for n in range(len(letters)))
    assert sorted(count for _, count in per_letter) == expected
    assert len(jsonl(final.stdout)) == sum(expected)


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared is not present")
def test_every_real_letter_is_audited() -> None:
    corpus = SHARED / "corpus" / "dwc-2016" / "txt"
    result = runner.invoke(app, ["audit", str(REPO / "cases"), str(corpus), "-f", "jsonl", "-q"])
    assert result.exit_code == 0, result.output
    records = jsonl(result.stdout)
    assert not [r for r in records if "error" in r or r["verdict"] == "error"]
    assert len({r["letter"] for r in records}) == 160
    assert len(records) == 366  # every disputed item of the 160 letters (tests/test_letters.py)


SURGERY_DENIED = """
rules:
  - id: test.surgery.denied
    title: Every surgery is denied (for the test)
    citation: {document: test}
    tier: mtus
    effective: {}
    confidence: unconfirmed
    confidence_note: a stand-in for the surgery rules
    applies: {services: [surgery]}
    outcome: deny
    message: denied for the test
    examples:
      - name: any surgery
        request: {service: surgery}
        expect: deny
"""


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared is not present")
def test_services_that_go_with_a_denied_surgery_follow_it(tmp_path: Path) -> None:
    from engine.audit import Auditor
    from engine.rules import load_rulebook

    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "surgery.yaml").write_text(SURGERY_DENIED)
    auditor = Auditor(load_rulebook(REPO / "rules", [overlay]))
    # A shoulder arthroscopy with clearance, EKG, labs, slings, a cold unit and post-op therapy.
    result = auditor.audit_file(SHARED / "corpus" / "dwc-2016" / "txt" / "CM17-0014449.txt")
    surgery, *services = result.records
    assert surgery.verdict == "deny"
    linked = [r for r in services if "general.ancillary.follows-the-surgery" in r.rules]
    # All 14, the assistant surgeon and "Medical clearance" too, though not marked "pre-op".
    assert len(linked) == 14
    for record in linked:
        assert record.verdict == "deny"
        fact = next(f for f in record.facts if f.name == "procedure_certified")
        assert fact.value is False and fact.source == "audit" and "item 1" in fact.sentence


def surgery_record(item: int, verdict: str) -> AuditRecord:
    return AuditRecord(
        letter="l.txt",
        letter_sha256="",
        case_number=None,
        item=item,
        request=f"Surgery {item}",
        service="surgery",
        reviewer_decision="upheld",
        decision_source="heading",
        date=None,
        verdict=verdict,
        agreement="not_compared",
    )


@pytest.mark.parametrize(
    ("verdicts", "expected"),
    [
        (["deny"], False),
        (["deny", "deny"], False),
        (["certify"], True),
        (["deny", "certify"], True),
        # A surgery the record does not yet support is not a surgery found unnecessary: the
        # services that go with it are judged on their own criteria.
        (["insufficient"], None),
        (["deny", "insufficient"], None),
        (["no_rule"], None),
        (["error"], None),
        ([], None),
    ],
)
def test_services_follow_the_surgery_only_when_it_is_denied(
    verdicts: list[str], expected: bool | None
) -> None:
    fact = procedure_fact({n: surgery_record(n, v) for n, v in enumerate(verdicts, 1)})
    assert (fact.value if fact else None) is expected
