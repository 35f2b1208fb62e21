"""Worker processes under a budget, below the stages that use them: what one letter may take, how a
worker is started, capped and stopped, and why one died, in the words of the letter's failure.

Two users: `engine.runner` audits letters in workers, and `engine.extraction` reads PDFs in one.
Both run untrusted input through PDFium, which aborts its process when an allocation fails and may
loop or crash on a hostile file; what is here makes that cost one letter, never the run:

- a worker is a fresh interpreter (not a fork: durable_rules' engine must not be copied from a
  process that has used it), started with pipes of its own;
- once ready, it caps its address space (RLIMIT_AS) at what it holds plus what a letter may use,
  so an allocation past it fails instead of the machine swapping;
- the parent kills a worker past its time, and tells from the way a worker ended (exit code,
  signal, peak memory) what the letter's failure was.
"""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Self

# Real letters take a few milliseconds and a few MiB; these only stop what is not a letter.
DEFAULT_LETTER_MEMORY_MIB = 1024
DEFAULT_LETTER_SECONDS = 60.0
# Loading the rules takes about a second, compiling them anew a few; a worker that is not ready
# by then is stuck.
WORKER_START_SECONDS = 300.0
# Workers that stop before they are ready this many times in a row will not start at all.
START_FAILURES_ALLOWED = 3
# A worker that runs out of memory in Python says so by this exit code.
EXIT_OUT_OF_MEMORY = 3
# PDFium aborts the process when an allocation fails. A worker stopped by a signal after the
# letter's memory grew to this share of what it may use ran out of it: real letters use a few MiB.
RAN_OUT_SHARE = 0.75


@dataclass(frozen=True)
class LetterLimits:
    """What one letter may take: memory beyond what the worker holds when ready, and time."""

    memory_mib: int = DEFAULT_LETTER_MEMORY_MIB
    seconds: float = DEFAULT_LETTER_SECONDS

    def out_of_memory(self) -> str:
        return f"out of memory: the letter needs more than the {self.memory_mib} MiB it may use"

    def out_of_time(self) -> str:
        return f"timed out: the letter took longer than the {self.seconds:g} s it may take"


class RunnerError(Exception):
    """The worker processes cannot be started: one line, for the command line to show."""


# --- the parent's side --------------------------------------------------------------------------

ENGINE_ROOT = str(Path(__file__).resolve().parent.parent)


def worker_program(module: str, function: str) -> str:
    """A worker's whole program: `module.function(tasks, results)` on its two pipes. The folder
    this engine was imported from comes first on its path, so that it runs the same engine as the
    parent whatever the folder it starts in."""
    return (
        f"import sys; sys.path.insert(0, sys.argv[1]); from {module} import {function}; "
        f"{function}(int(sys.argv[2]), int(sys.argv[3]))"
    )


@dataclass
class WorkerProcess:
    """A worker process as the parent sees it: its pipes, when it started, and what it held in
    memory when it said it was ready."""

    process: subprocess.Popen[bytes]
    tasks: Connection
    results: Connection
    started: float
    ready: bool = False
    resident_when_ready_kib: int = 0

    @classmethod
    def start(cls, program: str, first: object) -> Self:
        """Start `program` (from `worker_program`) and send it `first`, what it needs to get
        ready. Raises `RunnerError` if no process can be started."""
        to_worker_read, to_worker_write = os.pipe()
        from_worker_read, from_worker_write = os.pipe()
        try:
            process = subprocess.Popen(
                [sys.executable, "-c", program, ENGINE_ROOT]
                + [str(to_worker_read), str(from_worker_write)],
                pass_fds=(to_worker_read, from_worker_write),
                # Workers never read the user's input, nor write into the command's output.
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
            )
        except OSError as exc:
            for descriptor in (
                to_worker_read,
                to_worker_write,
                from_worker_read,
                from_worker_write,
            ):
                os.close(descriptor)
            raise RunnerError(f"cannot start a worker process: {exc.strerror or exc}") from None
        # Only the worker holds its ends now, so its death ends the pipe the parent reads.
        os.close(to_worker_read)
        os.close(from_worker_write)
        worker = cls(
            process,
            Connection(to_worker_write, readable=False),
            Connection(from_worker_read, writable=False),
            started=time.monotonic(),
        )
        # Should it have stopped already, the end of its result pipe tells the parent so.
        with suppress(OSError):
            worker.tasks.send(first)
        return worker

    def became_ready(self, message: object) -> None:
        """Take the worker's first message: what it holds in memory, in KiB."""
        self.ready = True
        self.resident_when_ready_kib = int(message)  # type: ignore[call-overload]

    def stop(self, kill: bool) -> tuple[int, int]:
        """End the process (killed, or left to finish on its own) and collect it: its wait status
        and its peak memory in KiB."""
        self.tasks.close()
        self.results.close()
        # os.kill and os.wait4, not Popen's kill and wait: Popen.kill collects a process that has
        # died already, and wait4 also gives the peak memory it reached. The process is not
        # collected before this, so its id cannot have gone to another.
        if kill:
            os.kill(self.process.pid, signal.SIGKILL)
        patience = time.monotonic() + 5
        while True:
            pid, status, usage = os.wait4(self.process.pid, os.WNOHANG)
            if pid:
                self.process.returncode = os.waitstatus_to_exitcode(status)
                return status, usage.ru_maxrss
            if time.monotonic() > patience:
                # Its pipes are closed, but it has not stopped: make sure.
                os.kill(self.process.pid, signal.SIGKILL)
                patience = float("inf")
            time.sleep(0.01)

    def death_reason(
        self, status: int, peak_kib: int, limits: LetterLimits, timed_out: bool, doing: str
    ) -> str:
        """Why this worker stopped on a letter, from its wait status and peak memory."""
        grew_kib = peak_kib - self.resident_when_ready_kib
        return death_reason(status, grew_kib, limits, timed_out, doing)


def death_reason(
    status: int, grew_kib: int, limits: LetterLimits, timed_out: bool, doing: str = "auditing"
) -> str:
    """Why the worker on a letter stopped, in the words of the letter's failure. `grew_kib`: how
    far its resident memory grew past what it held when ready; `doing`: what the worker was
    doing with the letter ("auditing", "reading")."""
    if timed_out:
        return limits.out_of_time()
    if os.WIFEXITED(status) and os.WEXITSTATUS(status) == EXIT_OUT_OF_MEMORY:
        return limits.out_of_memory()
    if os.WIFSIGNALED(status) and grew_kib >= RAN_OUT_SHARE * limits.memory_mib * 1024:
        return f"{limits.out_of_memory()}; the process {doing} it was {how_it_ended(status)}"
    return f"the process {doing} it was {how_it_ended(status)}"


def start_failure(status: int, timed_out: bool) -> RunnerError:
    """The error for workers that would not start, from the way the last one ended."""
    how = f"not ready after {WORKER_START_SECONDS:g} s" if timed_out else how_it_ended(status)
    return RunnerError(f"worker processes do not start: the last one was {how}")


def how_it_ended(status: int) -> str:
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = "an unknown signal"
        return f"killed by signal {number} ({name})"
    return f"stopped with exit code {os.waitstatus_to_exitcode(status)}"


# --- a worker's side ----------------------------------------------------------------------------


def serve(
    tasks_descriptor: int,
    results_descriptor: int,
    prepare: Callable[[object], tuple[LetterLimits, Callable[[object], object]]],
) -> None:
    """A worker's life: take the first message, make from it (`prepare`) its limits and the
    handler of each task, cap the memory, say it is ready, then answer each task the parent sends
    with the handler's result until the parent closes the pipe."""
    # Ctrl-C reaches every process of the terminal's group: the parent decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    end_with_the_parent()
    tasks = Connection(tasks_descriptor, writable=False)
    results = Connection(results_descriptor, readable=False)
    try:
        limits, handle = prepare(tasks.recv())
        # The modules and what `prepare` loaded live as long as the worker: out of the
        # collector's sight, they are not walked again by every full collection.
        gc.freeze()
        results.send(cap_memory(limits.memory_mib))
        while True:
            try:
                task = tasks.recv()
            except EOFError:
                return
            results.send(handle(task))
    except MemoryError:
        os._exit(EXIT_OUT_OF_MEMORY)
    except (BrokenPipeError, EOFError):
        return  # the parent has gone


def end_with_the_parent() -> None:
    """Have the kernel kill this worker if the parent dies (Linux's PR_SET_PDEATHSIG). Without a
    parent, a worker stops as its pipes end, but one stuck on a letter would live on."""
    import ctypes

    with suppress(OSError, AttributeError):
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


PR_SET_PDEATHSIG = 1


def cap_memory(letter_mib: int) -> int:
    """Cap the address space at what the process holds now plus what a letter may use; return
    what it holds in memory now, in KiB (0 where the system does not say: then it is not capped)."""
    import resource

    try:
        with open("/proc/self/statm") as statm:
            mapped_pages, resident_pages = map(int, statm.read().split()[:2])
    except OSError:
        return 0
    page_bytes = os.sysconf("SC_PAGE_SIZE")
    cap = mapped_pages * page_bytes + letter_mib * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    return resident_pages * page_bytes // 1024
