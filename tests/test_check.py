"""`imrcheck check`: a new request before submission, with its notes and hand-written facts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import REPO
from typer.testing import CliRunner

from cli import app
from engine.check import SUMMARY_LIMIT, NothingToCheck, check_request, read_request
from engine.evaluate import Evaluator
from engine.rules import load_rulebook
from engine.vocab import load_vocabulary

runner = CliRunner()

NOTE_AFTER_TWELVE = (
    "Progress note. The patient is a 45-year-old male with low back pain. Diagnosis: lumbar "
    "myalgia. She has completed 12 sessions of physical therapy. There has been no functional "
    "improvement with physical therapy."
)


@pytest.fixture(scope="module")
def evaluator() -> Evaluator:
    return Evaluator(load_rulebook(REPO / "rules"))


def check(evaluator: Evaluator, request: str, notes: str | None = None, day: str = "2016-03-01"):
    from datetime import date

    return check_request(evaluator, request, date.fromisoformat(day), notes)


def test_too_many_visits_says_what_would_fit(evaluator: Evaluator) -> None:
    result = check(evaluator, "Physical therapy 2x6 lumbar spine")
    assert result.verdict == "deny"
    assert result.supported_quantity is not None and result.supported_quantity.visits == 10
    assert any(advice.startswith("ask for 10 visits rather than 12") for advice in result.to_pass)


def test_fewer_visits_that_pass_count_the_visits_already_given(evaluator: Evaluator) -> None:
    # The line is a whole course: after 6 visits with improvement, 4 more fit a line of 10, and
    # the rules themselves, asked again, say they would be certified.
    notes = (
        "Diagnosis: lumbar myalgia. She completed 6 PT visits and returned to modified duty, "
        "and she no longer needs naproxen."
    )
    result = check(evaluator, "Physical therapy 2x6 lumbar spine", notes)
    assert result.verdict == "deny"
    assert (result.passing_visits, result.passing_visits_verdict) == (4, "certify")
    assert result.to_pass[0].startswith("ask for 4 visits rather than 12")
    assert "Up to 4 visits would pass." in result.summary
    assert check(evaluator, "Physical therapy 4 visits lumbar spine", notes).verdict == "certify"


def test_no_fewer_visits_pass_once_the_course_is_used_without_improvement(
    evaluator: Evaluator,
) -> None:
    result = check(evaluator, "Physical therapy 2x3 lumbar spine", NOTE_AFTER_TWELVE)
    assert result.verdict == "deny" and result.passing_visits is None
    assert not any(advice.startswith("ask for") for advice in result.to_pass)
    assert "Fewer visits would not pass either." in result.summary


def test_a_first_course_within_the_limit_passes(evaluator: Evaluator) -> None:
    notes = "The patient has had no prior physical therapy. Diagnosis: lumbar myalgia."
    result = check(evaluator, "Physical therapy 2x3 lumbar spine", notes)
    assert result.verdict == "certify", result.reasons
    assert result.to_pass == []


def test_more_visits_without_improvement_asks_for_its_documentation(evaluator: Evaluator) -> None:
    result = check(evaluator, "Physical therapy 2x3 lumbar spine", NOTE_AFTER_TWELVE)
    assert result.verdict == "deny"
    facts = {f.name: f.value for f in result.facts}
    assert facts["prior_visits"] == 12 and facts["functional_improvement"] is False
    assert any("functional improvement" in advice for advice in result.to_pass)


def test_undocumented_history_is_insufficient_with_what_is_missing(evaluator: Evaluator) -> None:
    result = check(evaluator, "Physical therapy 2x3 lumbar spine")
    assert result.verdict == "insufficient"
    assert result.missing
    assert all(f"document {words}" in result.to_pass for words in result.missing)


def test_more_therapy_with_no_improvement_documented_is_read_as_none(
    evaluator: Evaluator,
) -> None:
    """A request for additional therapy says therapy was given; where nothing documents a gain
    from it, reviewers find none (the functional-improvement default), and the advice says what
    to document."""
    result = check(evaluator, "Additional physical therapy 2x3 lumbar spine")
    assert result.verdict == "deny"
    used = {f.name: (f.value, f.source) for f in result.facts}
    assert used["functional_improvement"] == (False, "default")
    assert any(
        advice.startswith("document objective functional improvement") for advice in result.to_pass
    )


def test_nothing_recognisable_is_refused() -> None:
    with pytest.raises(NothingToCheck, match="no service the rules know"):
        read_request("please approve the thing", load_vocabulary())


def test_cli_json_and_cds_hooks(tmp_path: Path) -> None:
    notes = tmp_path / "note.txt"
    notes.write_text(NOTE_AFTER_TWELVE)
    common = ["check", "--request", "Physical therapy 2x6 lumbar spine", "--date", "2016-03-01"]
    result = runner.invoke(app, [*common, "--notes", str(notes), "--format", "json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert set(body) >= {"request", "service", "verdict", "reasons", "supported_quantity"}
    assert set(body) >= {"to_pass", "missing", "facts", "date"}
    assert body["verdict"] == "deny"
    hooks = runner.invoke(app, [*common, "--notes", str(notes), "--format", "cds-hooks"])
    assert hooks.exit_code == 0, hooks.output
    (card,) = json.loads(hooks.stdout)["cards"]
    assert len(card["summary"]) <= SUMMARY_LIMIT
    assert card["indicator"] == "critical"
    assert card["source"]["label"].startswith("MTUS")
    assert "**To pass:**" in card["detail"]


def test_cli_facts_file_overrides_the_notes(tmp_path: Path) -> None:
    notes = tmp_path / "note.txt"
    notes.write_text(NOTE_AFTER_TWELVE)
    facts = tmp_path / "facts.yaml"
    facts.write_text("facts:\n  prior_visits: 4\n  functional_improvement: true\n")
    result = runner.invoke(
        app,
        ["check", "--request", "Physical therapy 2x3 lumbar spine", "--date", "2016-03-01"]
        + ["--notes", str(notes), "--facts", str(facts), "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    values = {f["name"]: f["value"] for f in body["facts"]}
    assert values["prior_visits"] == 4 and values["functional_improvement"] is True
    assert body["verdict"] == "certify", body["reasons"]


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["--request", "hello world"], "no service the rules know"),
        (["--request", "PT 2x6", "--date", "03/01/2016"], "YYYY-MM-DD"),
        (["--request", "PT 2x6", "--notes", "/no/such/note.txt"], "no such file"),
    ],
)
def test_cli_bad_input_is_one_line(arguments: list[str], message: str) -> None:
    result = runner.invoke(app, ["check", *arguments])
    assert result.exit_code == 2
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1, result.output


def test_cli_a_wrong_fact_in_the_facts_file_names_the_file(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text("facts:\n  prior_visit: 4\n")
    result = runner.invoke(app, ["check", "--request", "PT 2x6", "--facts", str(facts)])
    assert result.exit_code == 2
    assert "facts.yaml:2:3: error:" in result.output and "prior_visits" in result.output


NOT_AS_ASKED = """
rules:
  - id: mtus.test.no-more
    title: No more of it
    citation: {document: Test guideline, section: More}
    tier: mtus
    effective: {}
    confidence: confirmed
    applies: {services: [physical_therapy]}
    when: request.additional == true
    outcome: deny
    message: more is not supported
    examples: [{name: more, request: {additional: true}, expect: deny}]
"""


def test_a_denial_nothing_can_change_says_so(tmp_path: Path) -> None:
    from conftest import rules_folder

    evaluator = Evaluator(load_rulebook(rules_folder(tmp_path, {"more.yaml": NOT_AS_ASKED})))
    result = check(evaluator, "Additional physical therapy 2x3 lumbar spine")
    assert result.verdict == "deny"
    assert result.to_pass == [
        "nothing the record could add changes this under Test guideline - More: the guideline "
        "does not support the request as asked"
    ]


# Red flags the guideline acts on at once: a plain note documenting one certifies the imaging,
# with no advice to document plain films or a failed course of care first.
RED_FLAG_NOTES = {
    "cauda equina": (
        "MRI of the lumbar spine",
        "Urgent visit for low back pain after a lifting injury. Since yesterday he reports new "
        "urinary incontinence and numbness in the saddle area. Exam: decreased sensation in the "
        "perineum, ankle dorsiflexion 3/5 bilaterally, absent Achilles reflexes.",
    ),
    "suspected fracture": (
        "CT scan of the lumbar spine",
        "Fell from a ladder about 8 feet onto his back two days ago. Severe midline tenderness at "
        "L1. Neuro exam intact. A compression fracture of L1 is suspected.",
    ),
    "progressive deficit": (
        "MRI of the lumbar spine",
        "Left foot dorsiflexion weakness has progressed from 4/5 three weeks ago to 3/5 today, "
        "with new numbness over the dorsum of the foot.",
    ),
}


@pytest.mark.parametrize("day", ["2016-06-01", "2026-06-01"])
@pytest.mark.parametrize("flag", list(RED_FLAG_NOTES))
def test_a_red_flag_certifies_imaging_from_a_plain_note(
    evaluator: Evaluator, flag: str, day: str
) -> None:
    # Today's MTUS as well: its imaging criteria are unconfirmed, but not their red flags.
    request, notes = RED_FLAG_NOTES[flag]
    result = check(evaluator, request, notes, day=day)
    assert result.verdict == "certify", (result.reasons, result.missing)
    assert result.to_pass == []


def test_today_a_spine_mri_without_a_red_flag_is_left_to_the_guideline(
    evaluator: Evaluator,
) -> None:
    notes = (
        "Low back pain after lifting a box 1/9/26, no radiation. Denies numbness, weakness, "
        "saddle anesthesia, bowel or bladder changes, fever, cancer history, wt loss."
    )
    result = check(evaluator, "MRI lumbar spine w/o contrast", notes, day="2026-01-20")
    assert result.verdict == "no_rule", result.reasons


def test_the_summary_says_the_verdict_and_its_reason_in_words(evaluator: Evaluator) -> None:
    denied = check(evaluator, "Physical therapy 2x6 lumbar spine")
    assert denied.summary.startswith("The request does not meet the guideline in force on 2016-03")
    assert (
        "Up to 10 visits could pass, with the documentation listed under 'to pass'"
        in denied.summary
    )
    notes = "The patient has had no prior physical therapy. Diagnosis: lumbar myalgia."
    first = check(evaluator, "Physical therapy 2x3 lumbar spine", notes)
    assert first.summary.startswith("The request meets the guideline in force on 2016-03-01: ")
    unknown = check(evaluator, "Physical therapy 2x4 lumbar spine")
    assert unknown.summary.startswith("The request cannot be judged on the record given (rules")
    assert ": it does not document the number of visits" in unknown.summary


def test_a_verdict_from_an_unconfirmed_rule_says_so_beside_it(evaluator: Evaluator) -> None:
    note = (
        "Chronic low back pain with L5 radiculopathy: positive straight leg raise and numbness "
        "in the L5 dermatome. Taut bands in the lumbar paraspinals."
    )
    result = check(evaluator, "Trigger point injections lumbar paraspinals x4", note, "2016-08-01")
    assert "unconfirmed" in {finding.confidence for finding in result.reasons}
    assert "The rule behind it is not fully confirmed (unconfirmed: " in result.summary
    out = runner.invoke(
        app, ["check", "--request", "Trigger point injections lumbar paraspinals x4",
              "--date", "2016-08-01", "--notes", "-"], input=note,
    ).output  # fmt: skip
    assert "rule confidence: unconfirmed" in out


# A surgery is judged by its procedure's own criteria from 2017-12-01 (notes written for this
# test, not taken from a letter or a scenario).
PROCEDURE_NOTES = {
    "meniscectomy certified": (
        "Left knee arthroscopy with partial lateral meniscectomy",
        "Left knee pain since a fall at work in 01/2026. The knee locks and gives way on stairs. "
        "MRI 03/2026 showed a tear of the posterior horn of the lateral meniscus. Failed eight "
        "PT visits and naproxen.",
        "certify",
    ),
    "meniscectomy without mechanical symptoms": (
        "Left knee arthroscopy with partial lateral meniscectomy",
        "Left knee pain since a fall at work in 01/2026. She denies locking or catching. MRI "
        "03/2026 showed a tear of the posterior horn of the lateral meniscus. Failed eight PT "
        "visits and naproxen.",
        "deny",
    ),
    "carpal tunnel release confirmed, care failed": (
        "Right carpal tunnel release",
        "Numbness of the right thumb and index finger for a year. NCS 02/2026 revealed moderate "
        "right carpal tunnel syndrome. Failed night splinting and a steroid injection.",
        "certify",
    ),
    "carpal tunnel release without a study": (
        "Right carpal tunnel release",
        "Numbness of the right thumb and index finger for a year, positive Phalen test. Failed "
        "night splinting.",
        "deny",
    ),
    "carpal tunnel release for thenar atrophy": (
        "Right carpal tunnel release",
        "Constant numbness of the right hand with thenar atrophy.",
        "certify",
    ),
}


@pytest.mark.parametrize("case", list(PROCEDURE_NOTES))
def test_a_procedure_is_judged_by_its_own_criteria(evaluator: Evaluator, case: str) -> None:
    request, notes, verdict = PROCEDURE_NOTES[case]
    result = check(evaluator, request, notes, day="2026-05-01")
    assert result.verdict == verdict, (result.reasons, result.missing)


def test_a_shoulder_decompression_is_not_the_lumbar_line(evaluator: Evaluator) -> None:
    note = "Post-op visit, 3 weeks after right shoulder subacromial decompression on 02/20/17."
    result = check(evaluator, "Post-op physical therapy 2x3 right shoulder", note, "2017-03-15")
    assert not any("lumbar" in reason.rule_id for reason in result.reasons)


# A surgery named as notes name it has its own postsurgical line: "L4-5 microdiscectomy" (the
# level is not kept with the surgery, and the lumbar line judges a discectomy that names no other
# region), a repair of a cuff tendon's tear, a subacromial decompression by its abbreviation.
POSTSURGICAL_LINES = {
    "discectomy by its level": (
        "Post-op physical therapy 2x3 lumbar spine",
        "Post-op visit, 5 weeks after L L4-5 microdiscectomy on 02/06/17. No post-op PT yet. "
        "Goals: sitting tolerance 2 h, lifting 35 lb.",
        "2017-03-15",
        "discectomy",
    ),
    "repair of a cuff tendon's tear": (
        "Post-op PT R shoulder 2x/wk x 6 wks",
        "S/p arthroscopic repair of a 2 cm full-thickness supraspinatus tear on 06/28/2017. No "
        "PT since surgery.",
        "2017-07-19",
        "rotator-cuff-repair",
    ),
    "subacromial decompression by its abbreviation": (
        "Post-op PT R shoulder 2x6 (12 visits)",
        "S/p R shoulder scope, SAD + distal clavicle excision 02/07/17. No post-op PT yet.",
        "2017-02-21",
        "shoulder-impingement-arthroscopic",
    ),
}


@pytest.mark.parametrize("case", list(POSTSURGICAL_LINES))
def test_a_surgery_named_as_notes_name_it_has_its_postsurgical_line(
    evaluator: Evaluator, case: str
) -> None:
    request, note, day, line = POSTSURGICAL_LINES[case]
    result = check(evaluator, request, note, day)
    assert result.verdict == "certify"
    assert any(line in reason.rule_id for reason in result.reasons)
