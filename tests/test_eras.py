"""The eras file (rules/eras.yaml): loaded and checked with file:line:col errors, referred to by
rules, and used to say what governs an item no rule decides, and to list coverage by date."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import LIMIT_RULE, REPO, error_lines, rules_folder, run_cli

from engine.eras import STATUSES, governing
from engine.rules import RuleError, load_rulebook

ERAS = (REPO / "rules" / "eras.yaml").read_text()
TODAY_LUMBAR_PT = {
    "request.date": date(2026, 12, 5),
    "request.service": "physical_therapy",
    "request.regions": ("lumbar_spine",),
    "request.perioperative": False,
}

ONE_ERA = """eras:
  - id: test-guide-2009
    document: Test guideline
    version: "2009"
    tier: mtus
    topic: test topic
    applies: {services: [physical_therapy]}
    from: 2009-07-18
    until: 2016-07-28
    status: VERIFIED
    sources: [a source]
  - id: test-guide-2016
    document: Test guideline
    version: "2016"
    tier: mtus
    topic: test topic
    applies: {services: [physical_therapy]}
    from: 2016-07-29
    status: PARTLY VERIFIED
    status_note: one source only
    sources: [a source]
"""


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(RuleError) as raised:
        load_rulebook(folder)
    return raised.value.problems


def test_the_bundled_eras_load_and_each_carries_a_status_and_sources() -> None:
    eras = load_rulebook().eras
    assert eras.path and eras.entries
    assert all(e.governs.status in STATUSES and e.sources for e in eras.entries)
    assert all(e.status_note for e in eras.entries if e.governs.status != "VERIFIED")


@pytest.mark.parametrize(
    ("on", "first"),
    [
        (date(2026, 12, 5), "acoem-low-back-2020"),
        (date(2020, 1, 1), "acoem-low-back-2019"),
        (date(2018, 6, 1), "acoem-low-back-2016"),
        (date(2016, 12, 5), "acoem2-low-back"),
    ],
)
def test_the_low_back_chapter_in_force_is_named_first(on: date, first: str) -> None:
    found = governing(load_rulebook().eras, {**TODAY_LUMBAR_PT, "request.date": on})
    assert found[0].id == first
    assert found[-1].governs.tier == "acoem_odg"  # ODG where the MTUS is silent comes last


def test_the_chronic_pain_guideline_follows_its_versions() -> None:
    values = {"request.service": "medication", "request.drug_class": "nsaid"}
    eras = load_rulebook().eras

    def chronic(on: date) -> list[str]:
        found = governing(eras, {**values, "request.date": on})
        return [e.id for e in found if e.topic == "9792.24.2 chronic pain"]

    assert chronic(date(2010, 1, 1)) == ["mtus-cpmtg-2009"]
    assert chronic(date(2016, 7, 29)) == ["mtus-cpmtg-2016"]
    assert chronic(date(2017, 12, 1)) == ["acoem-chronic-pain-2017"]


def test_an_opioid_era_needs_an_opioid() -> None:
    eras = load_rulebook().eras
    base = {"request.service": "medication", "request.date": date(2016, 12, 5)}
    opioid = [e.id for e in governing(eras, {**base, "request.drug_class": "opioid"})]
    nsaid = [e.id for e in governing(eras, {**base, "request.drug_class": "nsaid"})]
    assert "mtus-opioids-2016" in opioid and "mtus-opioids-2016" not in nsaid


def test_a_folder_without_an_eras_file_has_none(tmp_path: Path) -> None:
    assert load_rulebook(rules_folder(tmp_path, {"r.yaml": LIMIT_RULE})).eras.entries == ()


def test_an_overlap_in_a_topic_is_an_error_at_the_later_entry(tmp_path: Path) -> None:
    text = ONE_ERA.replace("until: 2016-07-28", "until: 2016-08-28")
    problems = problems_of(rules_folder(tmp_path, {"eras.yaml": text, "r.yaml": LIMIT_RULE}))
    line = text.splitlines().index("    from: 2016-07-29") + 1
    assert problems == [
        f"{tmp_path}/rules/eras.yaml:{line}:11: error: era 'test-guide-2016' from "
        "2016-07-29 overlaps 'test-guide-2009' (2009-07-18 until 2016-08-28) in topic 'test "
        "topic'; end 'test-guide-2009' on 2016-07-28"
    ]


def test_a_gap_in_a_topic_is_an_error(tmp_path: Path) -> None:
    text = ONE_ERA.replace("until: 2016-07-28", "until: 2016-06-30")
    (problem,) = problems_of(rules_folder(tmp_path, {"eras.yaml": text, "r.yaml": LIMIT_RULE}))
    assert "gap in topic 'test topic'" in problem
    assert "nothing governs from 2016-07-01 to 2016-07-28" in problem


def test_every_problem_of_an_entry_is_named_with_its_place(tmp_path: Path) -> None:
    text = (
        ONE_ERA.replace(
            "[physical_therapy]}\n    from: 2009", "[physical_therapie]}\n    from: 2009"
        )
        .replace(
            "status: PARTLY VERIFIED\n    status_note: one source only\n",
            "status: PARTLY VERIFIED\n",
        )
        .replace(
            "tier: mtus\n    topic: test topic\n    applies: {services: [physical_therapy]}\n    from: 2016",
            "tier: mtu\n    topic: test topic\n    applies: {services: [physical_therapy]}\n    from: 2016",
        )
    )
    problems = problems_of(rules_folder(tmp_path, {"eras.yaml": text, "r.yaml": LIMIT_RULE}))
    joined = "\n".join(problems)
    assert "unknown service 'physical_therapie' (did you mean 'physical_therapy'?)" in joined
    assert "unknown tier 'mtu' (did you mean 'mtus'?)" in joined
    assert "status 'PARTLY VERIFIED' needs a status_note" in joined
    assert all(p.startswith(f"{tmp_path}/rules/eras.yaml:") for p in problems), problems


def test_a_bad_eras_file_is_one_line_with_its_place_from_the_command(tmp_path: Path) -> None:
    folder = rules_folder(
        tmp_path, {"eras.yaml": ONE_ERA.replace("from: 2009-07-18", "from: 18 July 2009")}
    )
    shutil.copytree(REPO / "rules" / "mtus" / "acupuncture", folder / "mtus" / "acupuncture")
    code, out, err = run_cli("rules", "validate", str(folder))
    assert code == 1
    (line,) = [x for x in out.splitlines() if ": error: " in x]
    number = ONE_ERA.splitlines().index("    from: 2009-07-18") + 1
    assert line == (
        f"{folder}/eras.yaml:{number}:11: error: from: '18 July 2009' is not a date written "
        "YYYY-MM-DD"
    )
    assert "Traceback" not in out + err
    code, _, err = run_cli(
        "check", "--rules", str(folder), "--request", "Physical therapy 2x4 lumbar spine"
    )
    assert code == 2 and len(error_lines(err)) == 1 and "Traceback" not in err


# --- rules that take their dates from an era -----------------------------------------------------


def era_rule(effective: str) -> str:
    return LIMIT_RULE.replace("effective: {from: 2009-07-18}", f"effective: {effective}")


def test_a_rule_takes_its_dates_from_its_era(tmp_path: Path) -> None:
    folder = rules_folder(
        tmp_path, {"eras.yaml": ONE_ERA, "r.yaml": era_rule("{era: test-guide-2009}")}
    )
    (rule,) = load_rulebook(folder).rules
    assert (rule.effective_from, rule.effective_until) == (date(2009, 7, 18), date(2016, 7, 28))
    assert rule.eras == ("test-guide-2009",)
    assert rule.examples[0].on == date(2009, 7, 18)


def test_consecutive_eras_make_one_period_and_written_dates_narrow_it(tmp_path: Path) -> None:
    effective = "{era: [test-guide-2009, test-guide-2016], until: 2020-01-01}"
    folder = rules_folder(tmp_path, {"eras.yaml": ONE_ERA, "r.yaml": era_rule(effective)})
    (rule,) = load_rulebook(folder).rules
    assert (rule.effective_from, rule.effective_until) == (date(2009, 7, 18), date(2020, 1, 1))


@pytest.mark.parametrize(
    ("effective", "message"),
    [
        (
            "{era: test-guide-2010}",
            "unknown era 'test-guide-2010' (did you mean 'test-guide-2016'?)",
        ),
        (
            "{era: test-guide-2009, until: 2017-01-01}",
            "until 2017-01-01 lies outside the era's dates (2009-07-18 to 2016-07-28)",
        ),
        ("{era: []}", "'era' must be an era id, or a list of era ids"),
    ],
)
def test_a_bad_era_reference_is_named_at_its_place(
    tmp_path: Path, effective: str, message: str
) -> None:
    folder = rules_folder(tmp_path, {"eras.yaml": ONE_ERA, "r.yaml": era_rule(effective)})
    (problem,) = problems_of(folder)
    assert problem.startswith(f"{tmp_path}/rules/r.yaml:6:") and message in problem


# --- what governs an item no rule decides ---------------------------------------------------------


def test_check_says_in_words_what_governs_an_item_no_rule_decides() -> None:
    code, out, _ = run_cli(
        "check", "--request", "MRI of the lumbar spine", "--date", "2026-12-05",
        "--format", "json",
    )  # fmt: skip
    assert code == 0
    result = json.loads(out)
    # No bundled rule encodes ACOEM's current low back chapter (licensed text).
    assert result["verdict"] == "no_rule"
    assert result["no_rule_reason"].startswith("No rule in force on 2026-12-05 decides")
    assert "Low Back Disorders (2020-02-13)" in result["no_rule_reason"]
    assert "for services from 2021-11-23" in result["no_rule_reason"]
    assert result["governs"][0] == {
        "era": "acoem-low-back-2020",
        "document": "ACOEM Practice Guidelines",
        "chapter": "Low Back Disorders",
        "version": "2020-02-13",
        "section": "MTUS 8 CCR 9792.23.5",
        "tier": "mtus",
        "in_force_from": "2021-11-23",
        "in_force_until": None,
        "status": "VERIFIED",
    }


def test_check_opens_with_the_verdict_in_words_then_the_date_and_the_documents_in_force() -> None:
    code, out, _ = run_cli(
        "check", "--request", "Physical therapy 2x4 lumbar spine", "--date", "2016-12-05"
    )
    assert code == 0
    verdict, judged_by = out.splitlines()[:2]
    assert verdict.startswith("The request cannot be judged on the record given (rules in force")
    assert "functional improvement" in verdict
    assert judged_by.startswith("Judged by the rules in force on 2016-12-05, under ")
    assert "Low Back Complaints" in judged_by
    assert "Chronic Pain Medical Treatment Guidelines" in judged_by


def test_the_default_date_is_today() -> None:
    code, out, _ = run_cli("check", "--request", "Physical therapy 2x4 lumbar spine", "-f", "json")
    assert code == 0 and json.loads(out)["date"] == date.today().isoformat()


# --- coverage ---------------------------------------------------------------------------------


def test_coverage_lists_every_category_with_its_rules_and_what_governs() -> None:
    code, out, _ = run_cli("rules", "coverage", "--date", "2016-12-05", "--format", "json")
    assert code == 0
    result = json.loads(out)
    rows = {row["category"]: row for row in result["categories"]}
    assert result["date"] == "2016-12-05"
    assert set(rows) == set(load_rulebook().vocabulary.categories)
    therapy = rows["physical_therapy"]
    assert therapy["rules"] > 0 and sum(therapy["confidence"].values()) == therapy["rules"]
    assert "mtus-cpmtg-2016" in [g["era"] for g in therapy["governs"]]
    # The CPMTG 2016 rules on compounded drugs take their dates from the era.
    assert "mtus-cpmtg-2016" in rows["medication"]["encoded"]
    assert set(therapy["encoded"]) <= {g["era"] for g in therapy["governs"]}


def test_coverage_counts_only_rules_in_force(tmp_path: Path) -> None:
    folder = rules_folder(
        tmp_path, {"eras.yaml": ONE_ERA, "r.yaml": era_rule("{era: test-guide-2009}")}
    )
    counts = {}
    for day in ("2010-01-01", "2020-01-01"):
        code, out, _ = run_cli(
            "rules", "coverage", "--rules", str(folder), "--date", day, "-f", "json"
        )
        assert code == 0
        (row,) = [r for r in json.loads(out)["categories"] if r["category"] == "physical_therapy"]
        counts[day] = (row["rules"], [g["era"] for g in row["governs"]])
    assert counts == {
        "2010-01-01": (1, ["test-guide-2009"]),
        "2020-01-01": (0, ["test-guide-2016"]),
    }


def test_coverage_in_words_first() -> None:
    code, out, _ = run_cli("rules", "coverage", "--date", "2026-12-05")
    assert code == 0 and out.startswith("On 2026-12-05, rules in force speak to ")


def test_a_bad_coverage_date_is_one_line() -> None:
    code, _, err = run_cli("rules", "coverage", "--date", "5 December")
    assert (
        code == 2 and err.strip() == "Error: --date: '5 December' is not a date written YYYY-MM-DD"
    )


def test_an_audited_item_no_rule_decides_says_so_and_names_what_governs(tmp_path: Path) -> None:
    from engine.audit import Auditor

    # Only a rule on another service: every item of the letter is left without a rule.
    folder = rules_folder(
        tmp_path,
        {
            "eras.yaml": ERAS,
            "r.yaml": LIMIT_RULE.replace("[physical_therapy]", "[transportation]"),
        },
    )
    letter = next((REPO / "cases").glob("seed-000_*/letter.txt"))
    records = Auditor(load_rulebook(folder)).audit_file(letter).records
    assert records and all(r.verdict == "no_rule" for r in records)
    for record in records:
        (reason,) = record.reasons
        assert reason.startswith(f"No rule in force on {record.date} decides this request.")
        assert record.governs and all(
            g.era in reason or g.document in reason for g in record.governs
        )


def test_an_overlays_eras_file_is_not_read_and_says_so(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "eras.yaml").write_text(ONE_ERA)
    rulebook = load_rulebook(REPO / "rules", [overlay])
    assert rulebook.eras.get("test-guide-2009") is None
    (warning,) = rulebook.warnings
    assert "eras.yaml: warning: an overlay's eras file is not read" in warning
