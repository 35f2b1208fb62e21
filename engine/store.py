"""The results store, after the audit stage: `LetterResult`s in, `AuditRecord`s and failures out.

One SQLite file holds the audit results of many runs, so that `imrcheck audit --db FILE` can be
stopped at any moment, even by SIGKILL, and started again without auditing a letter twice or
losing one. A letter is known by its content hash (`letter_sha256`) under a rules version (a
string the caller passes, see `engine.audit.rules_version`): the same letter under other rules is
audited again, and a letter whose content changed is a new letter.

Each letter is saved in one transaction with all its records, so a letter is either wholly
stored or absent; the unique keys make a second copy impossible. A letter with the same content
at two paths is stored once, under the path saved first: its records are the same either way,
since a record depends only on the letter's content and the rules.

Letters that could not be audited are kept apart as failures, keyed by path, with their reason
and the content hash they had (empty where the file could not be read). They do not count as
done; whether a re-run tries one again is the caller's choice (`failure_of` finds it), and a
later success removes the entry.

Every problem with the file (locked by another process, read-only, not SQLite, a newer schema) is
raised as one `StoreError` whose message is a single line naming the file.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from engine.audit import AuditRecord, LetterResult
from engine.errors import InputError
from engine.files import not_regular_reason

# The version of the tables below, kept in `PRAGMA user_version`. A file with a version this code
# does not know is refused rather than read wrongly or altered.
SCHEMA_VERSION = 1

# `PRAGMA application_id`, "IMRC": marks the file as ours, so that another program's SQLite
# database given by mistake is refused instead of having tables added to it.
APPLICATION_ID = 0x494D5243

# Long enough to ride out another writer's short transaction, short enough that a file held by a
# stuck or long-running process is reported at once instead of hanging the audit.
BUSY_TIMEOUT_SECONDS = 2.0

SCHEMA = (
    # The rules versions saved under; `last_saved` orders them, so "the latest" is the one most
    # recently saved under, even when a run goes back to older rules.
    """CREATE TABLE rule_sets (
        rules_version TEXT PRIMARY KEY,
        last_saved INTEGER NOT NULL
    )""",
    # A letter audited under a rules version. Its presence means "done": it is written in the
    # same transaction as all its records.
    """CREATE TABLE letters (
        letter_sha256 TEXT NOT NULL,
        rules_version TEXT NOT NULL REFERENCES rule_sets,
        letter TEXT NOT NULL,
        PRIMARY KEY (letter_sha256, rules_version)
    ) WITHOUT ROWID""",
    # One row per disputed item: the whole record as JSON, and copies of the fields worth
    # querying with plain SQL.
    """CREATE TABLE records (
        letter_sha256 TEXT NOT NULL,
        rules_version TEXT NOT NULL,
        item INTEGER NOT NULL,
        letter TEXT NOT NULL,
        service TEXT NOT NULL,
        verdict TEXT NOT NULL,
        agreement TEXT NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (letter_sha256, rules_version, item),
        FOREIGN KEY (letter_sha256, rules_version) REFERENCES letters
    ) WITHOUT ROWID""",
    "CREATE INDEX records_in_order ON records (rules_version, letter, item)",
    # Letters that could not be audited. Keyed by path, as an unreadable file has no content hash.
    """CREATE TABLE failures (
        letter TEXT NOT NULL,
        rules_version TEXT NOT NULL REFERENCES rule_sets,
        letter_sha256 TEXT NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (letter, rules_version)
    ) WITHOUT ROWID""",
)


class StoreError(InputError):
    """The results database cannot be used: `results.db: error: not an SQLite database`."""


class Store:
    """An audit results database, opened or created at `path`. Use it as a context manager.

    Opening checks at once that the file can be written: it takes the write lock (waiting at most
    `busy_timeout` seconds), then creates or checks the tables, so that a locked, read-only or
    foreign file is reported before any letter is audited.
    """

    def __init__(self, path: str | Path, busy_timeout: float = BUSY_TIMEOUT_SECONDS) -> None:
        self.path = Path(path)
        self.busy_timeout = busy_timeout
        try:
            # SQLite would open a named pipe and then wait on it for ever.
            reason = not_regular_reason(os.stat(self.path).st_mode, "database file")
        except OSError:
            reason = None  # absent (it is created), or SQLite says what is wrong
        if reason:
            raise StoreError(self.path, reason)
        if not self.path.parent.is_dir():
            raise StoreError(self.path, f"its folder {self.path.parent} does not exist")
        try:
            # Transactions are begun and ended here, never implicitly by the sqlite3 module.
            self._db = sqlite3.connect(self.path, timeout=busy_timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        try:
            self._prepare()
        except BaseException:
            self._db.close()
            raise

    def _prepare(self) -> None:
        try:
            self._db.execute("PRAGMA foreign_keys = ON")
            # The schema is checked before anything else touches the file: another program's
            # database must be left exactly as it was found.
            with self._transaction():
                self._check_schema()
            # Write-ahead log: a commit appends the letter's pages and a checksummed commit frame
            # to the -wal file. A process killed mid-transaction leaves frames with no commit
            # frame, which the next opener ignores, so a letter is wholly there or absent (the
            # schema itself is created under the rollback journal, which is as atomic).
            # synchronous=NORMAL skips the fsync at each commit: SIGKILL cannot lose what
            # write() handed to the kernel, and a power cut can lose only the last letters,
            # never consistency; the re-run audits those again, as `audited()` no longer lists
            # them. WAL needs a local file system (processes share memory through the -shm file).
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    def _check_schema(self) -> None:
        application_id = self._db.execute("PRAGMA application_id").fetchone()[0]
        schema_version = self._db.execute("PRAGMA user_version").fetchone()[0]
        has_tables = self._db.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0] > 0
        if application_id == 0 and schema_version == 0 and not has_tables:
            for statement in SCHEMA:
                self._db.execute(statement)
            self._db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        elif application_id != APPLICATION_ID:
            raise StoreError(
                self.path, "an SQLite database of another program, not imrcheck results"
            )
        elif schema_version > SCHEMA_VERSION:
            raise StoreError(
                self.path,
                f"written by a newer imrcheck (results schema {schema_version}; "
                f"this version reads schema {SCHEMA_VERSION})",
            )
        elif schema_version != SCHEMA_VERSION:
            raise StoreError(
                self.path,
                f"unknown results schema {schema_version} (this version reads schema {SCHEMA_VERSION})",
            )
        else:
            # Taking the write lock succeeds even on a read-only file; only a write fails. This
            # one rewrites a value unchanged, so a read-only file is reported now, not at the
            # first letter.
            self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the file. The last connection to close folds the log back into the database."""
        try:
            self._db.close()
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    # --- writing --------------------------------------------------------------------------------

    def save(self, result: LetterResult, rules_version: str) -> None:
        """Store one letter's result in one transaction.

        A result with records marks its content as audited under `rules_version` and clears any
        failure recorded for its path; saving content already stored changes nothing else. A
        result with an error is recorded as that path's failure, replacing an older one.
        """
        if result.error is None:
            stray = [r.item for r in result.records if r.letter_sha256 != result.letter_sha256]
            items = [r.item for r in result.records]
            if stray or len(set(items)) != len(items):
                raise ValueError(f"{result.letter}: records of other letters or repeated items")
        with self._transaction():
            self._db.execute(
                """INSERT INTO rule_sets VALUES (
                    ?, (SELECT coalesce(max(last_saved), 0) + 1 FROM rule_sets))
                ON CONFLICT DO UPDATE SET last_saved = excluded.last_saved""",
                (rules_version,),
            )
            if result.error is not None:
                self._db.execute(
                    """INSERT INTO failures VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE
                    SET letter_sha256 = excluded.letter_sha256, reason = excluded.reason""",
                    (result.letter, rules_version, result.letter_sha256, result.error),
                )
                return
            first_copy = self._db.execute(
                "INSERT INTO letters VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                (result.letter_sha256, rules_version, result.letter),
            ).rowcount
            if first_copy:
                self._db.executemany(
                    "INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        (
                            r.letter_sha256,
                            rules_version,
                            r.item,
                            r.letter,
                            r.service,
                            r.verdict,
                            r.agreement,
                            r.model_dump_json(),
                        )
                        for r in result.records
                    ),
                )
            self._db.execute(
                "DELETE FROM failures WHERE letter = ? AND rules_version = ?",
                (result.letter, rules_version),
            )

    # --- reading --------------------------------------------------------------------------------

    def audited(self, rules_version: str) -> set[str]:
        """The content hashes of the letters already audited under `rules_version`."""
        rows = self._read(
            "SELECT letter_sha256 FROM letters WHERE rules_version = ?", (rules_version,)
        )
        return {sha for (sha,) in rows}

    def has(self, letter_sha256: str, rules_version: str) -> bool:
        """Whether a letter's content was audited under `rules_version`."""
        return bool(
            self._read(
                "SELECT 1 FROM letters WHERE letter_sha256 = ? AND rules_version = ?",
                (letter_sha256, rules_version),
            )
        )

    def failure_of(self, letter: str, rules_version: str) -> LetterResult | None:
        """The failure recorded for the letter at this path under `rules_version`, or None."""
        rows = self._read(
            "SELECT letter_sha256, reason FROM failures WHERE letter = ? AND rules_version = ?",
            (letter, rules_version),
        )
        return (
            LetterResult(letter=letter, letter_sha256=rows[0][0], error=rows[0][1])
            if rows
            else None
        )

    def records_of(self, letter_sha256: str, rules_version: str) -> list[AuditRecord] | None:
        """The stored records of one letter's content under `rules_version`, in item order; None
        if it was not audited under it. (One letter at a time, so that a run over an archive
        never holds every stored record at once.)"""
        if not self.has(letter_sha256, rules_version):
            return None
        rows = self._read(
            """SELECT record FROM records WHERE letter_sha256 = ? AND rules_version = ?
            ORDER BY item""",
            (letter_sha256, rules_version),
        )
        return [AuditRecord.model_validate_json(record) for (record,) in rows]

    def records(self, rules_version: str | None = None) -> list[AuditRecord]:
        """Every stored record under `rules_version` (by default the latest one), ordered by
        letter path, then item."""
        return list(self.each_record(rules_version))

    def each_record(
        self, rules_version: str | None = None, disagreeing: bool = False
    ) -> Iterator[AuditRecord]:
        """The records of `records`, one at a time (a store of the whole archive holds millions);
        only those that disagree with the reviewer if `disagreeing`."""
        version = rules_version if rules_version is not None else self._latest()
        only = " AND agreement = 'disagree'" if disagreeing else ""
        query = (
            f"SELECT record FROM records WHERE rules_version = ?{only} "
            "ORDER BY letter, item, letter_sha256"
        )
        try:
            for (record,) in self._db.execute(query, (version,)):
                yield AuditRecord.model_validate_json(record)
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    def failures(self, rules_version: str | None = None) -> list[LetterResult]:
        """The letters that could not be audited under `rules_version` (by default the latest),
        each with its reason, ordered by path."""
        version = rules_version if rules_version is not None else self._latest()
        rows = self._read(
            """SELECT letter, letter_sha256, reason FROM failures WHERE rules_version = ?
            ORDER BY letter""",
            (version,),
        )
        return [
            LetterResult(letter=letter, letter_sha256=sha, error=reason)
            for letter, sha, reason in rows
        ]

    def rules_versions(self) -> list[str]:
        """The rules versions with results, the one most recently saved under last."""
        rows = self._read("SELECT rules_version FROM rule_sets ORDER BY last_saved", ())
        return [version for (version,) in rows]

    def _latest(self) -> str | None:
        versions = self.rules_versions()
        return versions[-1] if versions else None

    # --- plumbing -------------------------------------------------------------------------------

    def _read(self, query: str, parameters: tuple[str | None, ...]) -> list[tuple[str, ...]]:
        try:
            return self._db.execute(query, parameters).fetchall()
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        try:
            # IMMEDIATE takes the write lock at once: a competing writer is met here, within the
            # busy timeout, not halfway through a letter.
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                if self._db.in_transaction:
                    self._db.rollback()
                raise
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    def _error(self, exc: sqlite3.Error) -> StoreError:
        return StoreError(self.path, reason_of(exc, self.busy_timeout))


def reason_of(exc: sqlite3.Error, busy_timeout: float) -> str:
    """SQLite's complaint in the user's words, on one line."""
    detailed = getattr(exc, "sqlite_errorcode", -1)
    code = detailed & 0xFF  # the primary code, without its detail
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return f"locked by another process (still locked after {busy_timeout:g} s)"
    if code == sqlite3.SQLITE_NOTADB:
        return "not an SQLite database"
    if detailed == sqlite3.SQLITE_READONLY_DIRECTORY:
        return "its folder is read-only (SQLite must create its journal files beside it)"
    if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM):
        return "read-only: results cannot be written to it"
    if code == sqlite3.SQLITE_CANTOPEN:
        return "cannot be opened or created (check the permissions of the file and its folder)"
    if code == sqlite3.SQLITE_CORRUPT:
        return "the SQLite database is damaged"
    if code == sqlite3.SQLITE_FULL:
        return "the disk is full"
    return " ".join(str(exc).split()) or type(exc).__name__
