"""engine.report: the JSON, Markdown and HTML reports, and the HTML as headless Chromium shows it.

The records come from the seed letters in cases/ (real letters kept in the repository). They all
agree with their reviewers, so one of them is copied with the reviewer's decision turned round to
give the disagreement table a real item, with real facts and evidence, to show.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO
from test_summary import record

from engine.audit import AuditRecord, LetterResult
from engine.evaluate import SupportedQuantity
from engine.facts import FactUsed
from engine.report import render_html, render_json, render_markdown
from engine.summary import Summary, summarize

SCRIPT = REPO / "scripts" / "screenshot_report.py"
CHROMIUM = "/usr/bin/chromium"
# Tags, an entity, Markdown markup, and `$...$`, which matplotlib would read as mathtext.
HOSTILE = '<script>alert("x")</script> &amp; <img src=x onerror=alert(1)> | `code` *a* $\\frac{1}{$'


@pytest.fixture(scope="module")
def seed_records() -> list[AuditRecord]:
    from engine.audit import Auditor
    from engine.rules import load_rulebook

    auditor = Auditor(load_rulebook(REPO / "rules"))
    letters = sorted((REPO / "cases").glob("seed-*/letter.txt"))
    records = [r for path in letters for r in auditor.audit_file(path).records]
    assert records, "the seed letters in cases/ give records"
    return records


@pytest.fixture(scope="module")
def report_records(seed_records: list[AuditRecord]) -> list[AuditRecord]:
    """The seed records that agree with their reviewers, plus one denied by the rules that the
    reviewer is made to overturn: exactly one disagreement, whatever the rules say of the seeds."""
    agreeing = [r for r in seed_records if r.agreement != "disagree"]
    denied = next(r for r in agreeing if r.verdict == "deny" and r.facts and r.rules)
    flipped = denied.model_copy(
        update={
            "letter": denied.letter + " (decision turned round)",
            "reviewer_decision": "overturned",
            "agreement": "disagree",
        }
    )
    return [*agreeing, flipped]


@pytest.fixture(scope="module")
def report_html(report_records: list[AuditRecord]) -> str:
    return render_html(summarize(report_records), report_records)


def hostile_record() -> AuditRecord:
    return record(
        verdict="certify",
        service=f"{HOSTILE}/mri",
        rules=("rule.<b>bold</b>",),
        letter=f"letters/{HOSTILE}.txt",
        reasons=[HOSTILE],
        citations=[HOSTILE],
        missing=[HOSTILE],
        facts=[FactUsed(name="pain_score", value=HOSTILE, source="summary", sentence=HOSTILE)],
        supported_quantity=SupportedQuantity(rule_id="rule.<b>bold</b>", visits=6, weeks=2),
    ).model_copy(update={"request": HOSTILE})


# --- HTML ---------------------------------------------------------------------------------------


def test_html_is_self_contained(report_html: str) -> None:
    assert not re.search(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", report_html, re.I)
    assert not re.search(r"url\(\s*['\"]?\s*(?:https?:)?//", report_html, re.I)
    assert "<script" not in report_html.lower()
    assert "<link" not in report_html.lower()
    assert "@import" not in report_html
    # The SVG's XML prologue and its DOCTYPE, which names a DTD on the web, are left out.
    assert "<?xml" not in report_html and "DTD SVG" not in report_html


def test_html_shows_the_summary_and_three_charts(report_html: str) -> None:
    assert "<h2>Summary</h2>" in report_html
    for key in ("letters", "items", "compared", "agreement_rate", "balanced_accuracy", "kappa"):
        assert f'data-figure="{key}"' in report_html
    charts = re.findall(r'<figure class="chart" id="chart-(\w+)"><svg\b', report_html)
    assert charts == ["verdicts", "agreement", "confusion"]
    assert report_html.count("</svg>") == 3
    # Each chart's ids carry its name, so no two charts share an id.
    ids = re.findall(r'\bid="([^"]+)"', report_html)
    assert len(ids) == len(set(ids))


def test_html_disagreement_table_shows_facts_evidence_and_rules(
    report_html: str, report_records: list[AuditRecord]
) -> None:
    flipped = report_records[-1]
    section = report_html[report_html.index('<section id="disagreements">') :]
    assert "<h2>Disagreements (1)</h2>" in section
    assert section.count('<tbody class="disagreement"') == 1
    for fact in flipped.facts:
        assert f"<code>{fact.name}</code>" in section
    for sentence in {f.sentence for f in flipped.facts}:
        assert html.escape(sentence) in section
    for rule in flipped.rules:
        assert f"<code>{rule}</code>" in section
    assert "Supported quantity" in section and "Missing documentation" in section
    assert "Citations" in section


def test_html_escapes_letter_text() -> None:
    records = [hostile_record(), record(verdict="deny")]
    page = render_html(summarize(records), records)
    assert "<script" not in page
    assert "<img" not in page
    assert "<b>bold</b>" not in page
    assert "&lt;script&gt;" in page
    assert "onerror" in page  # as text, inside an escaped tag


def test_html_is_byte_identical_when_rendered_again(report_records: list[AuditRecord]) -> None:
    summary = summarize(report_records)
    first = render_html(summary, report_records)
    again = render_html(summarize(report_records[::-1]), report_records[::-1])
    assert first == again


def test_html_with_nothing_to_show() -> None:
    page = render_html(summarize([]), [])
    assert page.count("</svg>") == 3
    assert "no items" in page
    assert "n/a: no item was compared" in page
    assert "<h2>Disagreements (0)</h2>" in page


def test_failed_letters_are_listed() -> None:
    failures = [LetterResult(letter="x.pdf", letter_sha256="", error="a PDF with <no> text")]
    summary = summarize([record()], failures)
    assert "a PDF with &lt;no&gt; text" in render_html(summary, [])
    assert "x.pdf: a PDF with \\<no\\> text" in render_markdown(summary, [])


def test_rendering_without_html_does_not_import_matplotlib() -> None:
    program = (
        "import sys\n"
        "from engine.report import render_json, render_markdown\n"
        "from engine.summary import summarize\n"
        "render_markdown(summarize([]), []); render_json(summarize([]), [])\n"
        "print('matplotlib' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


# --- Markdown -----------------------------------------------------------------------------------


def test_markdown_shape(report_records: list[AuditRecord]) -> None:
    summary = summarize(report_records)
    text = render_markdown(summary, report_records)
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == [
        "# IMR audit report",
        "## Summary",
        "## Verdicts and reviewer decisions",
        "## Confusion matrix",
        "## By service category",
        "## By rule",
        "## Disagreements (1)",
    ]
    assert f"| Disputed items | {summary.items} |" in text
    upheld = summary.confusion.upheld
    assert (
        f"| `upheld` | {upheld.certify} | {upheld.deny} | {upheld.insufficient} | "
        f"{upheld.no_rule} | {upheld.error} |"
    ) in text
    flipped = report_records[-1]
    assert f"item {flipped.item}" in text and "reviewer **overturned**, rules **deny**" in text
    assert all(f"rule `{rule}`" in text for rule in flipped.rules)
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_markdown_escapes_letter_text() -> None:
    records = [hostile_record()]
    text = render_markdown(summarize(records), records)
    # Every angle bracket is backslash-escaped, so no renderer sees a tag.
    assert not re.search(r"(?<!\\)[<>]", text)
    assert "\\<script\\>" in text
    # A pipe in a request would otherwise split the table row or the list line.
    assert "\\|" in text


# --- JSON ---------------------------------------------------------------------------------------


def test_json_shape(report_records: list[AuditRecord]) -> None:
    summary = summarize(report_records)
    document = json.loads(render_json(summary, report_records))
    assert list(document) == ["summary", "records"]
    assert Summary.model_validate(document["summary"]) == summary
    assert list(document["summary"])[:4] == ["letters", "letters_failed", "failures", "items"]
    records = [AuditRecord.model_validate(r) for r in document["records"]]
    assert sorted(records, key=lambda r: (r.letter, r.item)) == records
    assert len(records) == len(report_records)
    assert render_json(summary, report_records[::-1]) == render_json(summary, report_records)
    # Written a record at a time, it is still the document json.dumps would give.
    ordered = sorted(report_records, key=lambda r: (r.letter, r.item))
    whole = {
        "summary": summary.model_dump(mode="json"),
        "records": [r.model_dump(mode="json") for r in ordered],
    }
    assert (
        render_json(summary, report_records)
        == json.dumps(whole, indent=2, ensure_ascii=False) + "\n"
    )
    empty = {"summary": summarize([]).model_dump(mode="json"), "records": []}
    assert render_json(summarize([]), []) == json.dumps(empty, indent=2) + "\n"


# --- in a browser -------------------------------------------------------------------------------


def require_chromium() -> None:
    """The browser is a system package, not a Python one. CI installs Debian's chromium and sets
    IMRCHECK_REQUIRE_BROWSER=1, so there the check fails rather than skips without it; on a
    machine without it the test is skipped, as tests needing ../shared are."""
    if Path(CHROMIUM).is_file() or shutil.which("chromium"):
        return
    message = (
        "Chromium is needed to check the HTML report in a browser: install Debian's package "
        "with `apt-get install -y chromium`"
    )
    if os.environ.get("IMRCHECK_REQUIRE_BROWSER"):
        pytest.fail(message)
    pytest.skip(message)


def run_script(report: Path, screenshot: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(report), str(screenshot), *options],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_report_opens_in_headless_chromium(
    tmp_path: Path, report_records: list[AuditRecord]
) -> None:
    require_chromium()
    report = tmp_path / "report.html"
    report.write_text(render_html(summarize(report_records), report_records), encoding="utf-8")
    screenshot = tmp_path / "report.png"
    result = run_script(report, screenshot, "--size", "1280,2000")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "page check passed" in result.stdout
    for chart in ("chart-verdicts", "chart-agreement", "chart-confusion"):
        assert re.search(rf"ok +chart {chart}: [1-9]", result.stdout), result.stdout
    assert "disagreement rows: 1" in result.stdout

    data = screenshot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR"
    assert struct.unpack(">II", data[16:24]) == (1280, 2000)
    # A blank page compresses to a few kilobytes; text, tables and charts make far more.
    assert len(data) > 50_000


def test_the_page_check_fails_on_a_page_without_charts(tmp_path: Path) -> None:
    require_chromium()
    page = tmp_path / "plain.html"
    page.write_text("<!DOCTYPE html><h1>IMR audit report</h1><h2>Summary</h2>", encoding="utf-8")
    result = run_script(page, tmp_path / "plain.png")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "MISSING chart chart-confusion: 0 svg/img element(s)" in result.stdout
    assert "MISSING figure kappa: missing" in result.stdout


def test_the_screenshot_script_says_how_to_get_chromium(tmp_path: Path) -> None:
    page = tmp_path / "plain.html"
    page.write_text("<!DOCTYPE html>", encoding="utf-8")
    result = run_script(page, tmp_path / "plain.png", "--chromium", str(tmp_path / "no-browser"))
    assert result.returncode == 2
    assert "apt-get install -y chromium" in result.stderr
