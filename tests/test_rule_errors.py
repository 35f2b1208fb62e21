"""A catalogue of bad rule files, each with one mistake and the exact line the loader must print.

Each file in data/bad_rules opens with `# expect: {file}:line:col: error: ...`. Where the loader
is known to print something worse, the file also says `# xfail: why` and still expects the line it
should print, so the strict xfail turns into a failure the day the loader is fixed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA, rules_folder

from engine.rules import RuleError, load_rulebook

BAD = sorted((DATA / "bad_rules").glob("*.yaml"))


def header(path: Path, key: str) -> str | None:
    match = re.search(rf"^# {key}: (.+)$", path.read_text(), re.MULTILINE)
    return match[1] if match else None


def expected(path: Path) -> str:
    line = header(path, "expect")
    assert line, f"{path.name} has no '# expect:' line"
    return line.replace("{file}", f"rules/bad/{path.name}")


def problems_of(tmp_path: Path, paths: list[Path]) -> list[str]:
    folder = rules_folder(tmp_path, {f"bad/{p.name}": p.read_text() for p in paths})
    with pytest.raises(RuleError) as caught:
        load_rulebook(folder)
    return caught.value.problems


def case(path: Path) -> Any:
    reason = header(path, "xfail")
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(path, id=path.name, marks=marks)


@pytest.fixture(autouse=True)
def relative_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The loader shows paths relative to the working folder, as a user would type them.
    monkeypatch.chdir(tmp_path)


def test_catalogue_is_large_enough() -> None:
    assert len(BAD) >= 24


@pytest.mark.parametrize("path", [case(p) for p in BAD])
def test_bad_rule_file(path: Path, tmp_path: Path) -> None:
    assert problems_of(tmp_path, [path]) == [expected(path)]


def test_every_problem_in_one_run(tmp_path: Path) -> None:
    # Files with a known loader defect stay out: one crash would hide every other line. Each is
    # still checked on its own above, and joins here once its `# xfail:` line is removed.
    clean = [p for p in BAD if header(p, "xfail") is None]
    assert sorted(problems_of(tmp_path, clean)) == sorted(expected(p) for p in clean)


def test_the_command_line_prints_them_all_without_a_traceback(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from cli import app

    folder = rules_folder(tmp_path, {f"bad/{p.name}": p.read_text() for p in BAD})
    result = CliRunner().invoke(app, ["rules", "validate", str(folder.relative_to(tmp_path))])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    printed = result.stdout.splitlines()
    assert printed[-1] == f"{len(BAD)} error(s), 0 warning(s)"
    assert sorted(printed[:-1]) == sorted(expected(p) for p in BAD)
