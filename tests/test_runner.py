"""The runner: letters audited in worker processes that die, run out of memory or out of time, and
input that is not a regular file. Real processes, real PDFs, real SQLite.

Workers are made to die on a chosen letter through tests/worker_hooks (`conftest.hooked`), so the
product carries no test-only code.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import os
import shutil
import sqlite3
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from conftest import (
    REPO,
    error_lines,
    hooked,
    many_letters,
    run_cli,
    without_root_file_access,
)
from typer.testing import CliRunner

import cli
from cli import app
from engine.audit import AuditSettings
from engine.hostile import decompression_bomb_pdf
from engine.processes import (
    DEFAULT_LETTER_MEMORY_MIB,
    DEFAULT_LETTER_SECONDS,
    LetterLimits,
    RunnerError,
)
from engine.runner import audit_files

runner = CliRunner()
SEED = sorted((REPO / "cases").glob("seed-*/letter.txt"))[0]
# Small, so that a bomb is stopped in a second or two and the test stays light.
BOMB_MEMORY_MIB = 256


def jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def stored(db: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """The letters a store holds (each once, or the list shows it twice) and its failures."""
    with closing(sqlite3.connect(db)) as connection:
        letters = [row[0] for row in connection.execute("SELECT letter FROM letters")]
        failures = connection.execute("SELECT letter, reason FROM failures").fetchall()
    return sorted(letters), failures


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def audit(*arguments: str, **options: Any) -> tuple[int, str, str]:
    return run_cli("audit", "-q", "-f", "jsonl", *arguments, **options)


def good_lines(stdout: str) -> list[dict]:
    return [line for line in jsonl(stdout) if "error" not in line]


# --- a worker that dies -------------------------------------------------------------------------


def test_a_worker_killed_on_a_letter_costs_that_letter_only(tmp_path: Path) -> None:
    letters = many_letters(tmp_path / "letters", 20)  # two batches of 8 and one of 4
    victim = letters[9]
    code, clean, _ = audit(*(str(p) for p in letters if p != victim))
    assert code == 0
    folder, db = str(tmp_path / "letters"), str(tmp_path / "results.db")
    killing = hooked(IMRCHECK_TEST_KILL_AT=victim.name)
    runs = [
        audit(folder, "--jobs", "1", env=killing),
        audit(folder, "--jobs", "2", "--db", db, env=killing),
        # Resumed: the others come from the store, and the victim's failure too, unrun.
        audit(folder, "--jobs", "2", "--db", db, env=killing),
    ]
    reason = "the process auditing it was killed by signal 9 (SIGKILL)"
    for code, stdout, stderr in runs:
        assert code == 2, stderr
        assert error_lines(stderr) == [f"{victim}: error: {reason}"]
        failure = {"letter": str(victim), "letter_sha256": sha256_of(victim), "error": reason}
        assert [line for line in jsonl(stdout) if "error" in line] == [failure]
        # Every other letter's records, each once, in the files' order, as a run without it.
        assert good_lines(stdout) == jsonl(clean)
    assert runs[0][1] == runs[1][1] == runs[2][1]
    letters_stored, failures = stored(Path(db))
    assert letters_stored == sorted(str(p) for p in letters if p != victim)
    assert failures == [(str(victim), reason)]


def test_a_letter_past_its_time_is_failed_and_the_rest_go_on(tmp_path: Path) -> None:
    letters = many_letters(tmp_path / "letters", 10)
    slow = letters[3]
    code, stdout, stderr = audit(
        str(tmp_path / "letters"),
        *("--letter-seconds", "1"),
        env=hooked(IMRCHECK_TEST_SLEEP_AT=slow.name),
    )
    assert code == 2, stderr
    reason = "timed out: the letter took longer than the 1 s it may take"
    assert error_lines(stderr) == [f"{slow}: error: {reason}"]
    assert [line["letter"] for line in jsonl(stdout) if "error" in line] == [str(slow)]
    assert {line["letter"] for line in good_lines(stdout)} == {str(p) for p in letters if p != slow}


def test_workers_that_cannot_start_are_one_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "executable", "/bin/false")
    expected = "worker processes do not start: the last one was stopped with exit code 1"
    with pytest.raises(RunnerError, match=expected):
        list(audit_files([SEED], AuditSettings()))


def children() -> set[int]:
    with open(f"/proc/self/task/{os.getpid()}/children") as listed:
        return {int(pid) for pid in listed.read().split()}


def test_a_run_stopped_early_leaves_no_worker_behind() -> None:
    before = children()
    results = audit_files([SEED] * 40, AuditSettings(), jobs=2)
    assert next(results).records
    workers = children() - before
    assert len(workers) == 2
    results.close()
    assert not children() & workers  # killed and collected: not even a zombie is left


@pytest.mark.parametrize("command", [cli.audit, cli.parse, cli.facts, cli.check])
def test_the_command_line_defaults_are_the_runners(command: Callable[..., None]) -> None:
    parameters = inspect.signature(command).parameters
    assert parameters["letter_memory_mib"].default == DEFAULT_LETTER_MEMORY_MIB
    assert parameters["letter_seconds"].default == DEFAULT_LETTER_SECONDS
    assert LetterLimits() == LetterLimits(DEFAULT_LETTER_MEMORY_MIB, DEFAULT_LETTER_SECONDS)


# --- a decompression bomb -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def bomb_among_letters(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """A folder of six good letters and a PDF whose page inflates to 64 MiB of drawing (about
    1.8 GB to read); the good letters' records as audited without it."""
    folder = tmp_path_factory.mktemp("bomb") / "letters"
    letters = many_letters(folder, 6)
    bomb = folder / "letter-0002-bomb.pdf"
    bomb.write_bytes(decompression_bomb_pdf(64))
    code, clean, _ = audit(*map(str, letters))
    assert code == 0
    return folder, bomb, clean


def out_of_memory(bomb: Path, memory_mib: int) -> str:
    return (
        f"{bomb}: error: out of memory: the letter needs more than the {memory_mib} MiB it may use"
    )


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_pdf_bomb_costs_one_failed_letter(
    bomb_among_letters: tuple[Path, Path, str], jobs: str
) -> None:
    folder, bomb, clean = bomb_among_letters
    memory = ("--letter-memory-mib", str(BOMB_MEMORY_MIB))
    code, stdout, stderr = audit(str(folder), "--jobs", jobs, *memory)
    assert code == 2, stderr
    [line] = error_lines(stderr)
    assert line.startswith(out_of_memory(bomb, BOMB_MEMORY_MIB)), line
    assert [line["letter"] for line in jsonl(stdout) if "error" in line] == [str(bomb)]
    assert good_lines(stdout) == jsonl(clean)
    assert "Traceback" not in stderr


def test_a_bomb_in_the_store_is_reported_again_not_retried(
    bomb_among_letters: tuple[Path, Path, str], tmp_path: Path
) -> None:
    folder, bomb, clean = bomb_among_letters
    db = ("--db", str(tmp_path / "results.db"))
    code, first, stderr = audit(str(folder), *db, "--jobs", "2", "--letter-memory-mib", "256")
    assert code == 2
    assert error_lines(stderr)[0].startswith(out_of_memory(bomb, 256))
    # Resumed with another budget: the stored failure is reported as it was, so it was not run.
    code, again, stderr = audit(str(folder), *db, "--letter-memory-mib", "200")
    assert code == 2
    [line] = error_lines(stderr)
    assert line.startswith(out_of_memory(bomb, 256)), line
    assert again == first
    # Asked to, it is tried again, and its failure recorded anew.
    code, retried, stderr = audit(str(folder), *db, "--letter-memory-mib", "200", "--retry-failed")
    assert code == 2
    assert error_lines(stderr)[0].startswith(out_of_memory(bomb, 200))
    assert good_lines(retried) == jsonl(clean)
    letters_stored, failures = stored(tmp_path / "results.db")
    assert len(letters_stored) == len(set(letters_stored)) == 6
    assert [letter for letter, _ in failures] == [str(bomb)]
    assert "200 MiB" in failures[0][1]


# --- what is not a regular file -----------------------------------------------------------------


def test_pipes_and_devices_are_refused_in_one_line_each(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    folder = tmp_path / "letters"
    letters = many_letters(folder, 2)
    os.mkfifo(folder / "letter-0001-pipe.txt")  # met while walking the folder
    code, stdout, stderr = audit(str(pipe), "/dev/zero", str(folder))
    assert code == 2, stderr
    assert error_lines(stderr) == [
        f"{pipe}: error: not a regular file (a named pipe)",
        "/dev/zero: error: not a regular file (a character device)",
        f"{folder / 'letter-0001-pipe.txt'}: error: not a regular file (a named pipe)",
    ]
    assert {line["letter"] for line in good_lines(stdout)} == set(map(str, letters))
    with_store = audit(str(SEED), "/dev/zero", "--db", str(tmp_path / "results.db"))
    assert with_store[0] == 2
    assert error_lines(with_store[2]) == [
        "/dev/zero: error: not a regular file (a character device)"
    ]


@pytest.mark.parametrize(
    "command, shown",
    [
        (["parse", "{pipe}"], "{pipe}: error: "),
        (["facts", "{pipe}"], "Error: {pipe}: error: "),
        (["check", "--request", "PT 2x6 lumbar", "--notes", "{pipe}"], "Error: {pipe}: error: "),
        (["facts", str(SEED), "--facts-file", "{pipe}"], "{pipe}:1:1: error: "),
        (["check", "--request", "PT 2x6 lumbar", "--facts", "{pipe}"], "{pipe}:1:1: error: "),
        (["audit", str(SEED), "-q", "--db", "{pipe}"], "Error: {pipe}: error: "),
        (["report", "--db", "{pipe}"], "Error: {pipe}: error: "),
    ],
)
def test_a_named_pipe_is_refused_by_every_command(
    tmp_path: Path, command: list[str], shown: str
) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    code, _, stderr = run_cli(*(part.format(pipe=pipe) for part in command))
    assert code == 2
    assert stderr.splitlines() == [shown.format(pipe=pipe) + "not a regular file (a named pipe)"]


def test_an_unreadable_folder_is_reported_and_the_rest_audited(tmp_path: Path) -> None:
    folder = tmp_path / "letters"
    letters = many_letters(folder, 3)
    locked = folder / "letter-0001-locked"
    locked.mkdir()
    shutil.copy(SEED, locked / "letter.txt")
    locked.chmod(0)
    try:
        as_a_user = without_root_file_access(locked)
        expected = [f"{locked}: error: cannot read this folder: Permission denied"]
        db = tmp_path / "results.db"
        code, stdout, stderr = audit(str(folder), "--db", str(db), preexec_fn=as_a_user)
        assert code == 2, stderr
        assert error_lines(stderr) == expected
        assert {line["letter"] for line in good_lines(stdout)} == set(map(str, letters))
        assert [letter for letter, _ in stored(db)[1]] == [str(locked)]
        code, _, stderr = run_cli("parse", str(folder), "-f", "json", preexec_fn=as_a_user)
        assert code == 2
        assert error_lines(stderr) == expected
    finally:
        locked.chmod(0o755)


# --- standard input -----------------------------------------------------------------------------


def test_standard_input_is_a_letter_where_a_command_takes_one(tmp_path: Path) -> None:
    letter = SEED.read_bytes()
    parsed = runner.invoke(app, ["parse", "-", "-f", "json"], input=letter)
    assert parsed.exit_code == 0, parsed.output
    [case] = json.loads(parsed.stdout)
    assert case["source"] == "-" and case["items"]
    from_file = runner.invoke(app, ["audit", str(SEED), "-q", "-f", "jsonl"])
    db = ["--db", str(tmp_path / "results.db")]
    for _ in range(2):  # audited, then taken from the store by its content
        from_input = runner.invoke(app, ["audit", "-", "-q", "-f", "jsonl", *db], input=letter)
        assert from_input.exit_code == 0, from_input.output
        renamed = [{**line, "letter": str(SEED)} for line in jsonl(from_input.stdout)]
        assert {line["letter"] for line in jsonl(from_input.stdout)} == {"-"}
        assert renamed == jsonl(from_file.stdout)
    notes = b"Low back pain for 3 months. She has had 6 sessions of physical therapy.\n"
    checked = runner.invoke(
        app, ["check", "--request", "PT 2x6 lumbar", "--notes", "-"], input=notes
    )
    assert checked.exit_code == 0, checked.output
    facts = runner.invoke(app, ["facts", "-", "-f", "json"], input=letter)
    assert facts.exit_code == 0 and json.loads(facts.stdout)["source"] == "-"


def test_standard_input_is_read_within_the_letter_cap() -> None:
    from engine.documents import MAX_LETTER_BYTES

    too_much = b"x" * (MAX_LETTER_BYTES + 1)
    result = runner.invoke(app, ["audit", "-", "-q", "-f", "jsonl"], input=too_much)
    assert result.exit_code == 2
    assert error_lines(result.stderr) == [
        "-: error: more than 20 MiB; a letter file is at most 20 MiB"
    ]
    result = runner.invoke(app, ["parse", "-"], input=b"")
    assert result.exit_code == 2
    assert error_lines(result.stderr) == ["-: error: empty file"]
