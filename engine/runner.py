"""Many letters through worker processes that may die: letter files in, each file's `LetterResult`
out, in the files' order, each exactly once.

Letters are always audited in worker processes (`engine.processes`: fresh interpreters, each
with its address space capped), with one job as with many, so that a letter that makes PDFium take
all memory, crash or loop costs one failed letter, never the run. Each worker compiles the rules
once. The parent kills a worker still on a batch when one letter's time is up. Letters take
milliseconds, so a whole batch overruns only where one letter is stuck, or all are slow; its
letters are then run again one at a time, each with that time, before any is failed for it.

The parent sees a worker die (its result pipe ends), and runs the letters of the batch it was on
again one at a time: the letter that stops its worker again is recorded as failed, with the reason
(signal, out of memory, time), and every other letter gets the result it gets anywhere.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path
from typing import TypeVar, cast

from engine.audit import Auditor, AuditSettings, LetterResult, content_hash, take_text
from engine.documents import read_letter_bytes
from engine.errors import InputError
from engine.processes import (
    START_FAILURES_ALLOWED,
    WORKER_START_SECONDS,
    LetterLimits,
    WorkerProcess,
    start_failure,
    worker_program,
)
from engine.processes import serve as serve_tasks

# Letters are audited in batches (`Auditor.audit_batch`), which also go to a worker whole: one at a
# time, the hand-over cost as much as the audit.
LETTERS_PER_BATCH = 8
# A worker has its next batch waiting in its pipe as it finishes one, so it never waits on the
# parent; the results of later batches wait for an earlier one for at most this many batches per
# worker, so a letter that runs long never lets results pile up.
BATCHES_QUEUED_PER_WORKER = 2
BATCHES_AHEAD_PER_WORKER = 4

Taken = TypeVar("Taken")


# --- the parent ---------------------------------------------------------------------------------


@dataclass
class Job:
    """Letters `first` to `first + count` of the files, all from one batch (a whole batch, or one
    letter of it run alone after its batch's worker died)."""

    batch: int
    first: int
    count: int


@dataclass
class Worker(WorkerProcess):
    """An audit's worker process as the parent sees it, with the jobs sent to it, the first of
    which it is on."""

    jobs: deque[Job] = field(default_factory=deque)
    # When the first job began: when the worker became ready or sent the job before it.
    on_job_since: float = 0.0

    def deadline(self, limits: LetterLimits) -> float | None:
        if not self.ready:
            return self.started + WORKER_START_SECONDS
        if not self.jobs:
            return None
        return self.on_job_since + limits.seconds


def audit_files(
    files: Sequence[Path],
    settings: AuditSettings,
    jobs: int = 1,
    limits: LetterLimits = LetterLimits(),
    given: Mapping[str, bytes] | None = None,
) -> Iterator[LetterResult]:
    """Each file's result, in the order given, exactly once, whatever the number of processes and
    whatever becomes of them. Results come as each batch is done, so a caller can store each one
    before the next. `given` holds the bytes of letters the parent has read already (standard
    input, named `-`), which the workers cannot read themselves.

    Raises `RunnerError` if worker processes cannot be started at all."""
    run = Run(files, settings, max(1, jobs), limits, given or {})
    try:
        yield from run.results()
    finally:
        run.stop_workers()


class Run:
    """One pass of `audit_files`: the batches, the workers, and the results waiting for their
    turn."""

    def __init__(
        self,
        files: Sequence[Path],
        settings: AuditSettings,
        jobs: int,
        limits: LetterLimits,
        given: Mapping[str, bytes],
    ) -> None:
        self.files = files
        self.settings = settings
        self.limits = limits
        self.given = given
        self.batch_count = -(-len(files) // LETTERS_PER_BATCH)
        self.worker_count = min(jobs, self.batch_count)
        self.workers: list[Worker] = []
        self.next_fresh_batch = 0
        self.again: deque[Job] = deque()  # jobs to run again, before any fresh batch
        self.done: dict[int, list[LetterResult | None]] = {}  # results by batch, in its order
        self.next_to_yield = 0
        self.start_failures = 0

    def results(self) -> Iterator[LetterResult]:
        while self.next_to_yield < self.batch_count:
            ready = self.done.get(self.next_to_yield)
            if ready is not None and all(result is not None for result in ready):
                del self.done[self.next_to_yield]
                self.next_to_yield += 1
                yield from ready  # type: ignore[misc]
                continue
            self.keep_workers()
            self.hand_out()
            self.wait_for_workers()

    # --- giving out work ---

    def keep_workers(self) -> None:
        """As many workers as asked for, while there is work not yet given out (one that died is
        replaced)."""
        while len(self.workers) < self.worker_count and (
            self.again or self.next_fresh_batch < self.batch_count
        ):
            self.workers.append(Worker.start(WORKER_MAIN, (self.settings, self.limits)))

    def hand_out(self) -> None:
        for worker in self.workers:
            while len(worker.jobs) < BATCHES_QUEUED_PER_WORKER:
                job = self.next_job(worker)
                if job is None:
                    break
                try:
                    worker.tasks.send(
                        [self.letter(n) for n in range(job.first, job.first + job.count)]
                    )
                except OSError:
                    self.again.appendleft(job)  # the worker died: `wait_for_workers` will see it
                    break
                if not worker.jobs:
                    worker.on_job_since = time.monotonic()
                worker.jobs.append(job)

    def next_job(self, worker: Worker) -> Job | None:
        if self.again:
            job = self.again[0]
        elif (
            self.next_fresh_batch < self.batch_count
            and self.next_fresh_batch
            < self.next_to_yield + BATCHES_AHEAD_PER_WORKER * len(self.workers)
        ):
            first = self.next_fresh_batch * LETTERS_PER_BATCH
            count = min(LETTERS_PER_BATCH, len(self.files) - first)
            job = Job(self.next_fresh_batch, first, count)
        else:
            return None
        # A letter's bytes can be more than a pipe holds: sent only to a worker that is waiting
        # for work, or the parent and a busy worker could each wait to write to the other.
        if (worker.jobs or not worker.ready) and self.carries_bytes(job):
            return None
        if self.again:
            self.again.popleft()
        else:
            self.next_fresh_batch += 1
            self.done[job.batch] = [None] * job.count
        return job

    def carries_bytes(self, job: Job) -> bool:
        return bool(self.given) and any(
            str(self.files[n]) in self.given for n in range(job.first, job.first + job.count)
        )

    def letter(self, number: int) -> tuple[str, bytes | None]:
        path = str(self.files[number])
        return path, self.given.get(path)

    # --- taking results in ---

    def wait_for_workers(self) -> None:
        now = time.monotonic()
        deadlines = [d for d in (w.deadline(self.limits) for w in self.workers) if d is not None]
        timeout = max(0.0, min(deadlines) - now) if deadlines else None
        for connection in wait([w.results for w in self.workers], timeout):
            worker = next(w for w in self.workers if w.results is connection)
            try:
                message = worker.results.recv()
            except (EOFError, OSError):
                self.worker_died(worker, timed_out=False)
                continue
            self.take(worker, message)
        now = time.monotonic()
        for worker in list(self.workers):
            deadline = worker.deadline(self.limits)
            if deadline is not None and now > deadline:
                self.worker_died(worker, timed_out=True)

    def take(self, worker: Worker, message: object) -> None:
        if not worker.ready:
            worker.became_ready(message)
            worker.on_job_since = time.monotonic()
            self.start_failures = 0
            return
        job = worker.jobs.popleft()
        worker.on_job_since = time.monotonic()
        slots = self.done[job.batch]
        offset = job.first - job.batch * LETTERS_PER_BATCH
        results = cast(list[LetterResult], message)
        slots[offset : offset + job.count] = results

    def worker_died(self, worker: Worker, timed_out: bool) -> None:
        """Collect a dead (or overdue) worker and give its jobs out again: the batch it was on
        letter by letter, or, if it was on one letter already, that letter's failure."""
        self.workers.remove(worker)
        status, peak_kib = worker.stop(kill=True)
        if not worker.ready:
            self.again.extendleft(reversed(worker.jobs))
            self.start_failures += 1
            if self.start_failures >= START_FAILURES_ALLOWED:
                raise start_failure(status, timed_out)
            return
        running, waiting = worker.jobs[0], list(worker.jobs)[1:]
        if running.count == 1:
            reason = worker.death_reason(status, peak_kib, self.limits, timed_out, "auditing")
            path = self.files[running.first]
            slots = self.done[running.batch]
            offset = running.first - running.batch * LETTERS_PER_BATCH
            slots[offset] = failed(path, reason, self.given.get(str(path)))
            alone: list[Job] = []
        else:
            alone = [
                Job(running.batch, n, 1)
                for n in range(running.first, running.first + running.count)
            ]
        self.again.extendleft(reversed(alone + waiting))

    def stop_workers(self) -> None:
        """At the end, or when the caller stops early: workers left with work are killed, idle
        ones end as their task pipe closes."""
        for worker in self.workers:
            worker.stop(kill=bool(worker.jobs) or not worker.ready)
        self.workers.clear()


def failed(path: str | Path, reason: str, data: bytes | None = None) -> LetterResult:
    """A letter's failure, with its content hash where it can be read (the store tells a letter
    that failed from the same file changed since by it)."""
    try:
        digest = content_hash(data if data is not None else read_letter_bytes(path))
    except InputError:
        digest = ""
    return LetterResult(letter=str(path), letter_sha256=digest, error=reason)


# --- a worker -----------------------------------------------------------------------------------

WORKER_MAIN = worker_program("engine.runner", "serve")


def serve(tasks_descriptor: int, results_descriptor: int) -> None:
    """An audit worker's life (`engine.processes.serve`): build the auditor from the settings
    the parent sends, then audit each list of letters the parent sends."""
    serve_tasks(tasks_descriptor, results_descriptor, ready_to_audit)


def ready_to_audit(
    first: object,
) -> tuple[LetterLimits, Callable[[object], object]]:
    settings, limits = cast(tuple[AuditSettings, LetterLimits], first)
    try:
        auditor: Auditor | str = settings.auditor()
    except Exception as exc:  # noqa: BLE001 - kept and given as each letter's reason
        auditor = f"the worker could not load the rules: {exc}"

    def audit(letters: object) -> object:
        return audit_letters(auditor, cast(list[tuple[str, bytes | None]], letters), limits)

    return limits, audit


def audit_letters(
    auditor: Auditor | str, letters: list[tuple[str, bytes | None]], limits: LetterLimits
) -> list[LetterResult]:
    """`Auditor.audit_batch` for letters given as paths and, where the parent read them, bytes;
    a letter that raises gets its own failure and the others go on."""
    if isinstance(auditor, str):
        return [LetterResult(letter=path, letter_sha256="", error=auditor) for path, _ in letters]
    taken = [guarded(path, data, limits, take_text, path, data) for path, data in letters]
    return [
        guarded(path, data, limits, auditor.audit_taken, path, its)
        for (path, data), its in zip(letters, taken, strict=True)
    ]


def guarded(
    path: str,
    data: bytes | None,
    limits: LetterLimits,
    step: Callable[..., Taken],
    *arguments: object,
) -> Taken | LetterResult:
    """`step(*arguments)`, or the letter's failure if it raises."""
    try:
        return step(*arguments)
    except MemoryError:
        return failed(path, limits.out_of_memory(), data)
    except Exception as exc:  # noqa: BLE001 - one letter's fault, reported as its failure
        return failed(
            path, f"could not be audited (an error in imrcheck): {type(exc).__name__}: {exc}", data
        )
