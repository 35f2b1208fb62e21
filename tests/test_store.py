"""The results store: real SQLite files in tmp_path, and real processes to hold locks, to lack
write permission and to be killed mid-save."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from datetime import date
from multiprocessing.synchronize import Event as EventType
from pathlib import Path

import pytest
from conftest import REPO

from engine.audit import AuditRecord, LetterResult
from engine.errors import InputError
from engine.facts import FactUsed
from engine.store import SCHEMA_VERSION, Store, StoreError

RULES = "rules-a"
OTHER_RULES = "rules-b"


def fake_result(number: int, path: str | None = None) -> LetterResult:
    """A letter's result with three items, built by hand, its fact values all of JSON's own
    types."""
    sha = hashlib.sha256(f"letter {number}".encode()).hexdigest()
    letter = path or f"letters/{number:05d}.txt"
    records = [
        AuditRecord(
            letter=letter,
            letter_sha256=sha,
            case_number=f"CM16-{number:07d}",
            item=item,
            request=f"Physical therapy x{item + 5} for the lumbar spine",
            service="physical_therapy",
            reviewer_decision="upheld" if number % 2 else "overturned",
            decision_source="heading",
            date=date(2016, 1 + number % 12, 1 + item),
            verdict="deny" if item % 2 else "certify",
            agreement="agree" if (number + item) % 3 else "disagree",
            governing_tier="mtus",
            rules=["mtus.cp.physical-medicine.myalgia-visit-limit"],
            reasons=["9-10 visits over 8 weeks for myalgia; 12 asked"],
            citations=["MTUS Chronic Pain Medical Treatment Guidelines, p. 98-99"],
            facts=[
                FactUsed(
                    name="prior_pt_visits",
                    value=number % 20,
                    source="summary",
                    sentence="The injured worker has completed physical therapy. " * 8,
                ),
                FactUsed(name="diagnoses", value=["myalgia"], source="summary", sentence="Dx."),
            ],
        )
        for item in (1, 2, 3)
    ]
    return LetterResult(letter=letter, letter_sha256=sha, records=records)


def stored_rows(path: Path) -> tuple[int, int]:
    """How many letters and records the file holds, read past the store."""
    with closing(sqlite3.connect(path)) as db:
        letters = db.execute("SELECT count(*) FROM letters").fetchone()[0]
        records = db.execute("SELECT count(*) FROM records").fetchone()[0]
    return letters, records


# --- saving and reading --------------------------------------------------------------------------


def test_records_come_back_equal_in_letter_then_item_order(tmp_path: Path) -> None:
    results = [fake_result(n) for n in (7, 2, 11, 0)]
    with Store(tmp_path / "results.db") as store:
        for result in results:
            store.save(result, RULES)
        expected = sorted(
            (r for result in results for r in result.records), key=lambda r: (r.letter, r.item)
        )
        assert store.records(RULES) == expected
    with Store(tmp_path / "results.db") as reopened:
        assert reopened.records() == expected


def test_real_engine_records_come_back_as_the_same_json(tmp_path: Path) -> None:
    from engine.audit import Auditor
    from engine.rules import load_rulebook

    auditor = Auditor(load_rulebook())
    results = [auditor.audit_file(p) for p in sorted(REPO.glob("cases/seed-*/letter.txt"))]
    assert results and all(r.error is None and r.records for r in results)
    with Store(tmp_path / "results.db") as store:
        for result in results:
            store.save(result, RULES)
        stored = store.records(RULES)
    made = sorted(
        (r for result in results for r in result.records), key=lambda r: (r.letter, r.item)
    )
    assert [r.model_dump_json() for r in stored] == [r.model_dump_json() for r in made]


def test_a_date_fact_reads_back_equal(tmp_path: Path) -> None:
    result = fake_result(1)
    result.records[0].facts.append(
        FactUsed(name="injury_date", value=date(2014, 3, 2), source="summary", sentence="DOI.")
    )
    # A record holds its facts as JSON does, so what the store gives back is the same object.
    assert result.records[0].facts[-1].value == "2014-03-02"
    with Store(tmp_path / "results.db") as store:
        store.save(result, RULES)
        assert store.records(RULES) == result.records


def test_a_letter_saved_twice_is_stored_once(tmp_path: Path) -> None:
    db = tmp_path / "results.db"
    first = fake_result(3)
    same_content_elsewhere = fake_result(3, path="copies/again.txt")
    with Store(db) as store:
        store.save(first, RULES)
        store.save(first, RULES)
        store.save(same_content_elsewhere, RULES)
        assert store.audited(RULES) == {first.letter_sha256}
        assert store.audited(OTHER_RULES) == set()
        assert store.records(RULES) == first.records
        # One letter at a time, as a resumed run asks.
        assert store.has(first.letter_sha256, RULES)
        assert not store.has(first.letter_sha256, OTHER_RULES)
        assert store.records_of(first.letter_sha256, RULES) == first.records
        assert store.records_of(first.letter_sha256, OTHER_RULES) is None
    assert stored_rows(db) == (1, 3)


def test_each_rules_version_keeps_its_own_results(tmp_path: Path) -> None:
    with Store(tmp_path / "results.db") as store:
        assert store.rules_versions() == []
        assert store.records() == []
        store.save(fake_result(1), RULES)
        store.save(fake_result(2), OTHER_RULES)
        assert store.rules_versions() == [RULES, OTHER_RULES]
        assert [r.case_number for r in store.records()] == ["CM16-0000002"] * 3
        store.save(fake_result(1), RULES)  # back to the older rules: now the latest
        assert store.rules_versions() == [OTHER_RULES, RULES]
        assert [r.case_number for r in store.records()] == ["CM16-0000001"] * 3
        assert store.audited(OTHER_RULES) == {fake_result(2).letter_sha256}


def test_a_failure_is_kept_by_path_and_cleared_by_a_later_success(tmp_path: Path) -> None:
    good = fake_result(5)
    failed = LetterResult(letter=good.letter, letter_sha256="", error="no such file")
    with Store(tmp_path / "results.db") as store:
        assert store.failure_of(good.letter, RULES) is None
        store.save(failed, RULES)
        assert store.failures() == [failed]
        # Found by its path, under its rules; not done, so a run may try it again.
        assert store.failure_of(good.letter, RULES) == failed
        assert store.failure_of(good.letter, OTHER_RULES) is None
        assert store.audited(RULES) == set()
        assert store.records() == []
        store.save(failed.model_copy(update={"error": "a PDF with no text layer"}), RULES)
        assert [f.error for f in store.failures()] == ["a PDF with no text layer"]
        store.save(good, RULES)
        assert store.failures() == []
        assert store.failure_of(good.letter, RULES) is None
        assert store.audited(RULES) == {good.letter_sha256}
        assert store.records() == good.records


def test_records_of_another_letter_are_refused(tmp_path: Path) -> None:
    mixed = fake_result(1)
    mixed.records.append(fake_result(2).records[0])
    with Store(tmp_path / "results.db") as store, pytest.raises(ValueError):
        store.save(mixed, RULES)


# --- files that cannot be used -------------------------------------------------------------------


def assert_one_line(error: StoreError, path: Path, reason: str) -> None:
    assert isinstance(error, InputError)
    assert str(error) == f"{path}: error: {reason}"
    assert "\n" not in str(error)


def test_a_locked_database_fails_fast(tmp_path: Path) -> None:
    db = tmp_path / "results.db"
    Store(db).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys\n"
            "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "db.execute('BEGIN EXCLUSIVE')\n"
            "print('held', flush=True)\n"
            "sys.stdin.read()\n",
            str(db),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        started = time.monotonic()
        with pytest.raises(StoreError) as caught:
            Store(db)
        waited = time.monotonic() - started
    finally:
        holder.communicate("")
    assert_one_line(caught.value, db, "locked by another process (still locked after 2 s)")
    assert 1.5 < waited < 5
    with Store(db) as store:  # free again once the other process is gone
        assert store.audited(RULES) == set()


def test_a_text_file_is_not_an_sqlite_database(tmp_path: Path) -> None:
    notes = tmp_path / "results.db"
    notes.write_text("Grocery list: milk, eggs.\n")
    with pytest.raises(StoreError) as caught:
        Store(notes)
    assert_one_line(caught.value, notes, "not an SQLite database")
    assert notes.read_text() == "Grocery list: milk, eggs.\n"


def test_a_folder_or_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        Store(tmp_path)
    assert_one_line(caught.value, tmp_path, "is a folder, not a database file")
    nowhere = tmp_path / "nowhere" / "results.db"
    with pytest.raises(StoreError) as caught:
        Store(nowhere)
    assert_one_line(caught.value, nowhere, f"its folder {nowhere.parent} does not exist")


def test_a_named_pipe_is_refused_unopened(tmp_path: Path) -> None:
    pipe = tmp_path / "results.db"
    os.mkfifo(pipe)  # SQLite would open it, then wait on it for ever
    with pytest.raises(StoreError) as caught:
        Store(pipe)
    assert_one_line(caught.value, pipe, "not a regular file (a named pipe)")


def test_another_programs_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    other = tmp_path / "inventory.db"
    with closing(sqlite3.connect(other)) as db:
        db.execute("CREATE TABLE stock (item TEXT)")
        db.commit()
    before = other.read_bytes()
    with pytest.raises(StoreError) as caught:
        Store(other)
    assert_one_line(
        caught.value, other, "an SQLite database of another program, not imrcheck results"
    )
    assert other.read_bytes() == before


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "results.db"
    Store(db).close()
    with closing(sqlite3.connect(db)) as raw:
        raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError) as caught:
        Store(db)
    assert_one_line(
        caught.value,
        db,
        f"written by a newer imrcheck (results schema {SCHEMA_VERSION + 1}; "
        f"this version reads schema {SCHEMA_VERSION})",
    )


# Opens each database named and prints the outcome, one line each, after checking that the
# process really is held to file permissions.
OPENER = """
import sys
from engine.store import Store, StoreError
try:
    open(sys.argv[1], "r+b").close()
    print("privileged")
except PermissionError:
    for path in sys.argv[2:]:
        try:
            Store(path).close()
            print("opened")
        except StoreError as error:
            print(error)
"""


def without_permission_overrides() -> None:
    """Run in the child before exec: a root process keeps CAP_DAC_OVERRIDE, which lets it write
    any file whatever its mode. Dropping it from the bounding set leaves the exec'd process
    root, but held to the permission bits like any user."""
    import ctypes

    prctl = ctypes.CDLL(None, use_errno=True).prctl
    capbset_drop, dac_override, dac_read_search = 24, 1, 2
    for capability in (dac_override, dac_read_search):
        if prctl(capbset_drop, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def run_held_to_permissions(arguments: list[str]) -> subprocess.CompletedProcess[str]:
    """Run a child process that file permissions apply to, even when this one is root."""
    return subprocess.run(
        arguments,
        cwd=REPO,
        capture_output=True,
        text=True,
        preexec_fn=without_permission_overrides if os.geteuid() == 0 else None,
    )


def test_read_only_file_and_read_only_folder(tmp_path: Path) -> None:
    if os.geteuid() == 0 and sys.platform != "linux":
        pytest.skip("root ignores file permissions, and only on Linux can this test drop that")
    read_only_file = tmp_path / "results.db"
    Store(read_only_file).close()
    folder = tmp_path / "shelf"
    folder.mkdir()
    in_read_only_folder = folder / "results.db"
    Store(in_read_only_folder).close()
    new_in_read_only_folder = folder / "new.db"
    read_only_file.chmod(0o444)
    folder.chmod(0o555)
    try:
        run = run_held_to_permissions(
            [sys.executable, "-c", OPENER, str(read_only_file)]
            + [str(p) for p in (read_only_file, in_read_only_folder, new_in_read_only_folder)]
        )
    except subprocess.SubprocessError as error:
        pytest.skip(f"running as root, and cannot drop the right to ignore permissions: {error}")
    finally:
        folder.chmod(0o755)
        read_only_file.chmod(0o644)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        f"{read_only_file}: error: read-only: results cannot be written to it",
        f"{in_read_only_folder}: error: its folder is read-only "
        "(SQLite must create its journal files beside it)",
        f"{new_in_read_only_folder}: error: cannot be opened or created "
        "(check the permissions of the file and its folder)",
    ]


# --- killed mid-run ------------------------------------------------------------------------------

LETTERS = 1000


def save_letters(db: Path, ready: EventType) -> None:
    """A run of the audit as the command runs it: skip what is done, save the rest one by one."""
    with Store(db) as store:
        done = store.audited(RULES)
        ready.set()
        for number in range(LETTERS):
            result = fake_result(number)
            if result.letter_sha256 not in done:
                store.save(result, RULES)


def test_killed_at_random_moments_each_letter_ends_stored_once(tmp_path: Path) -> None:
    # Forked, not spawned: each run is a real process with its own connection, killed by
    # SIGKILL, without paying a fresh interpreter's imports six times. Nothing of SQLite's is
    # open in this process at the fork.
    processes = multiprocessing.get_context("fork")
    db = tmp_path / "results.db"
    # Saving takes most of each letter's time (0.45 of 0.55 ms here), so most kills land inside
    # a transaction. The delays add up to far less than the whole run, so the kills never let
    # a run finish.
    delays = random.Random(20261122).sample([0.0, 0.005, 0.01, 0.015, 0.02, 0.03], 5)
    # The first kill comes as the first run creates the file and its tables (measured here:
    # it leaves no file, an empty one, or an empty one with a rollback journal).
    opening = processes.Process(target=save_letters, args=(db, processes.Event()))
    opening.start()
    time.sleep(0.003)
    opening.kill()
    opening.join()
    assert opening.exitcode == -signal.SIGKILL
    stored_after_each_kill = []
    for delay in delays:
        ready = processes.Event()
        run = processes.Process(target=save_letters, args=(db, ready))
        run.start()
        assert ready.wait(10), "the run never opened the store"
        time.sleep(delay)
        run.kill()
        run.join()
        assert run.exitcode == -signal.SIGKILL
        stored_after_each_kill.append(stored_rows(db))
    assert 0 < stored_after_each_kill[-1][0] < LETTERS, "the kills did not interrupt the runs"
    # Between kills a letter is wholly there or absent: never some of its items.
    assert all(records == 3 * letters for letters, records in stored_after_each_kill)

    last = processes.Process(target=save_letters, args=(db, processes.Event()))
    last.start()
    last.join()
    assert last.exitcode == 0

    with closing(sqlite3.connect(db)) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert stored_rows(db) == (LETTERS, 3 * LETTERS)
    with Store(db) as store:
        assert store.records(RULES) == [r for n in range(LETTERS) for r in fake_result(n).records]
        assert store.failures(RULES) == []
