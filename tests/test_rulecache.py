"""The compiled-rules cache: reused while the files are unchanged, never trusted when they are
not, and never in the way when it cannot be used."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO

from engine import rulecache
from engine.rulecache import load_rules
from engine.rules import RuleError


@pytest.fixture()
def rules_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(REPO / "rules", folder)
    return folder


def cache_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("rules-*.pickle"))


def test_the_second_load_comes_from_the_cache(
    rules_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IMRCHECK_CACHE_DIR", str(tmp_path / "cache"))
    first, compiled = load_rules(rules_copy)
    (kept,) = cache_files(tmp_path / "cache")

    def no_loading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the rules were loaded again")

    monkeypatch.setattr(rulecache, "load_rulebook", no_loading)
    again, compiled_again = load_rules(rules_copy)
    assert [r.id for r in again.rules] == [r.id for r in first.rules]
    assert compiled_again == compiled
    assert cache_files(tmp_path / "cache") == [kept]


def test_a_changed_rule_file_is_loaded_anew(
    rules_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IMRCHECK_CACHE_DIR", str(tmp_path / "cache"))
    load_rules(rules_copy)
    rule_file = rules_copy / "mtus" / "acupuncture" / "acupuncture.yaml"
    text = rule_file.read_text()
    assert "    title: Acupuncture is given 1 to 3 times a week" in text
    rule_file.write_text(text.replace("given 1 to 3 times a week", "given, changed", 1))
    rulebook, _ = load_rules(rules_copy)
    assert any(rule.title == "Acupuncture is given, changed" for rule in rulebook.rules)
    assert len(cache_files(tmp_path / "cache")) == 2


def test_broken_rules_are_reported_not_cached(
    rules_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IMRCHECK_CACHE_DIR", str(tmp_path / "cache"))
    (rules_copy / "broken.yaml").write_text("rules:\n  - id: x\n")
    with pytest.raises(RuleError):
        load_rules(rules_copy)
    assert cache_files(tmp_path / "cache") == []


def test_a_damaged_cache_file_is_replaced(
    rules_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IMRCHECK_CACHE_DIR", str(tmp_path / "cache"))
    load_rules(rules_copy)
    (kept,) = cache_files(tmp_path / "cache")
    kept.write_bytes(b"not a pickle")
    rulebook, _ = load_rules(rules_copy)
    assert rulebook.rules
    assert kept.read_bytes() != b"not a pickle"


@pytest.mark.parametrize("setting", ["off", "unusable"])
def test_no_cache_is_no_problem(
    rules_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setting: str
) -> None:
    if setting == "unusable":
        blocker = tmp_path / "a-file"
        blocker.write_text("")
        setting = str(blocker / "cache")  # a folder cannot be made under a file
    monkeypatch.setenv("IMRCHECK_CACHE_DIR", setting)
    rulebook, compiled = load_rules(rules_copy)
    assert rulebook.rules and compiled


def test_the_same_rules_in_another_folder_name_their_own_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IMRCHECK_CACHE_DIR", str(tmp_path / "cache"))
    first, second = tmp_path / "a", tmp_path / "b"
    shutil.copytree(REPO / "rules", first)
    shutil.copytree(REPO / "rules", second)
    load_rules(first)
    rulebook, _ = load_rules(second)
    assert all(str(rule.origin).startswith(str(second)) for rule in rulebook.rules)


def test_only_the_latest_rule_sets_are_kept(
    rules_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IMRCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(rulecache, "KEPT_FILES", 2)
    rule_file = rules_copy / "mtus" / "acupuncture" / "acupuncture.yaml"
    text = rule_file.read_text()
    for n in range(4):
        rule_file.write_text(text + f"\n# edit {n}\n")
        load_rules(rules_copy)
    assert len(cache_files(tmp_path / "cache")) == 2
