"""Stage 0, documents, kept out of the caller's process: letter files -> their text, each PDF read
by PDFium in a worker process under the same budget as the audit's workers (`engine.processes`).

For the commands that read letters in their own process (`parse`, `facts`, `check --notes`): a
PDF that makes PDFium take all memory, crash or loop then costs that letter an `InputError` with
the reason (out of memory, timed out, killed by a signal), never the command. Plain text letters
are decoded in the caller's process as before: only a PDF goes to the worker. One worker serves a
whole run, started at its first PDF, and again only after one dies, so a batch of PDFs pays one
interpreter start, not one a letter.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import closing, suppress
from pathlib import Path
from typing import cast

from engine import documents
from engine.errors import InputError
from engine.processes import (
    START_FAILURES_ALLOWED,
    WORKER_START_SECONDS,
    LetterLimits,
    WorkerProcess,
    serve,
    start_failure,
    worker_program,
)


class LetterReader:
    """Reads letter files' text as `documents.read_letter_text` does, PDFs in a worker process.
    Close it when done (`contextlib.closing`): its worker ends then.

    Raises `engine.processes.RunnerError` when no worker process can be started."""

    def __init__(self, limits: LetterLimits = LetterLimits()) -> None:
        self.limits = limits
        self.worker: WorkerProcess | None = None

    def close(self) -> None:
        if self.worker is not None:
            # Killed rather than left to end as its pipe closes: it is idle, so nothing is lost,
            # and the command need not wait for its interpreter to shut down.
            self.worker.stop(kill=True)
            self.worker = None

    def text(self, path: str | Path) -> str:
        """The text of a letter file (`-`: standard input), or `InputError` with the reason it
        cannot be read, the worker's death on it included."""
        data = documents.read_letter_bytes(path)
        if not documents.is_pdf(data):
            return documents.text_of_letter(data, path)
        return self.pdf_text(str(path), data)

    def pdf_text(self, path: str, data: bytes) -> str:
        worker = self.ready_worker()
        # Should it have died while idle, its result pipe has ended, which the wait below sees.
        with suppress(OSError):
            worker.tasks.send((path, data))
        if not worker.results.poll(self.limits.seconds):
            raise self.lost(worker, path, timed_out=True)
        try:
            kind, said = worker.results.recv()
        except (EOFError, OSError):
            raise self.lost(worker, path, timed_out=False) from None
        if kind == "error":
            raise InputError(path, said)
        return cast(str, said)

    def lost(self, worker: WorkerProcess, path: str, timed_out: bool) -> InputError:
        """Collect a worker that died on a letter (or is killed for its time), and say why."""
        self.worker = None
        status, peak_kib = worker.stop(kill=True)
        return InputError(
            path, worker.death_reason(status, peak_kib, self.limits, timed_out, "reading")
        )

    def ready_worker(self) -> WorkerProcess:
        """The worker, started (again, if one died) and ready for a letter."""
        failures = 0
        while self.worker is None:
            worker = WorkerProcess.start(READER_MAIN, self.limits)
            deadline = worker.started + WORKER_START_SECONDS
            if worker.results.poll(max(0.0, deadline - time.monotonic())):
                try:
                    worker.became_ready(worker.results.recv())
                    self.worker = worker
                    break
                except (EOFError, OSError):
                    pass
            status, _ = worker.stop(kill=True)
            failures += 1
            if failures >= START_FAILURES_ALLOWED:
                raise start_failure(status, timed_out=time.monotonic() > deadline)
        return self.worker


def read_letter_text(path: str | Path, limits: LetterLimits = LetterLimits()) -> str:
    """`documents.read_letter_text` for one letter, a PDF read in a worker process of its own."""
    with closing(LetterReader(limits)) as reader:
        return reader.text(path)


# --- the worker ---------------------------------------------------------------------------------

READER_MAIN = worker_program("engine.extraction", "serve_reader")


def serve_reader(tasks_descriptor: int, results_descriptor: int) -> None:
    """The reader worker's life (`engine.processes.serve`): the parent sends the limits, then a
    PDF's path and bytes at a time, and gets ("text", its text) or ("error", why not)."""
    serve(tasks_descriptor, results_descriptor, ready_to_read)


def ready_to_read(first: object) -> tuple[LetterLimits, Callable[[object], object]]:
    # Loaded before the memory is capped, so that a letter's budget is its own, not spent on
    # loading PDFium; and loaded while the parent has other work, not with the first letter.
    import pypdfium2  # noqa: F401

    return cast(LetterLimits, first), read_one


def read_one(task: object) -> tuple[str, str]:
    path, data = cast(tuple[str, bytes], task)
    try:
        # Looked up on the module each time: tests put a wrapper there that misbehaves.
        return "text", documents.text_of_letter(data, path)
    except InputError as exc:
        return "error", exc.message
    except MemoryError:
        raise  # the worker ends with the exit code that says so
    except Exception as exc:  # noqa: BLE001 - one letter's fault, reported as its error
        return "error", f"could not be read (an error in imrcheck): {type(exc).__name__}: {exc}"
