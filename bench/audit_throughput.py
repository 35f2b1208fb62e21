"""Measure audit throughput: letters/s from file to records, for text and for PDF, with 1 and 2
worker processes, and bare PDF text extraction of the same files (the engine's share as a ratio).

Beside them, the baseline: the same batches audited in this process, unprotected, as `--jobs 1`
did before every letter went to a worker process with a memory cap and a time limit. Each run
also shows the processor time it took per letter, this process's and its workers' together, so
that the cost of the hand-over shows even where a second core hides it: over the whole run
(workers' start-up included: an interpreter, its imports and the rules, about half a second
each), and after the first pass, read from /proc while the workers live.

Each run audits the corpus letters (155 text, 155 PDF in ../shared) repeated `--repeat` times, as
`imrcheck audit` does: read, parse, extract facts, judge every item. A run's first pass over the
letters pays the one-time start-up (worker processes started, rules loaded from the cache,
durable_rules rulesets registered on first use); the passes after it show the steady rate that an
archive of a million letters runs at. Both are printed, as the median of `--rounds` runs: this
machine's speed varies by a fifth from minute to minute, and a median of rounds taken in turn
keeps that out of the comparisons. Needs ../shared.

Usage: python bench/audit_throughput.py [--repeat N] [--rounds R] [--text-only]
"""

import argparse
import os
import resource
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from engine.audit import AuditSettings, LetterResult
from engine.documents import read_letter_text
from engine.runner import LETTERS_PER_BATCH, audit_files

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dwc-2016"


def bare_extraction(pdfs: list[Path]) -> float:
    """Seconds per letter to take the text out of the PDFs, and nothing else."""
    started = time.perf_counter()
    for path in pdfs:
        read_letter_text(path)
    return (time.perf_counter() - started) / len(pdfs)


# `jobs` of the baseline: the letters audited in this process.
IN_PROCESS = 0


def in_process(files: list[Path]) -> Iterator[LetterResult]:
    """The baseline: batches audited in this process, with no worker to protect the run."""
    auditor = AuditSettings().auditor()
    for first in range(0, len(files), LETTERS_PER_BATCH):
        yield from auditor.audit_batch(files[first : first + LETTERS_PER_BATCH])


def processor_seconds() -> float:
    """This process's processor time and that of its children collected so far (the workers of
    a run are collected when it ends)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def processor_now() -> tuple[float, float]:
    """This process's processor time, and that of its live children (the workers, mid-run)."""
    total = 0.0
    try:
        with open(f"/proc/self/task/{os.getpid()}/children") as listed:
            children = listed.read().split()
    except OSError:
        children = []
    for child in children:
        try:
            with open(f"/proc/{child}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime
    return time.process_time(), total


def results_of(files: list[Path], jobs: int) -> Iterator[LetterResult]:
    return in_process(files) if jobs == IN_PROCESS else audit_files(files, AuditSettings(), jobs)


def audit_run(
    letters: list[Path], repeat: int, jobs: int
) -> tuple[float, float, int, float, float, float]:
    """(seconds per letter over the whole run, and after the first pass; failures; processor
    seconds per letter over the whole run, and after the first pass, and the workers' share of
    that)."""
    files = letters * repeat
    processor_before = processor_seconds()
    started = time.perf_counter()
    failed = 0
    for number, result in enumerate(results_of(files, jobs), start=1):
        failed += result.error is not None
        if number == len(letters):
            first_pass_done, first_pass_processor = time.perf_counter(), processor_now()
        elif number == len(files):  # the workers still live, with all their work done
            own_now, workers_now = processor_now()
            own, workers = own_now - first_pass_processor[0], workers_now - first_pass_processor[1]
    ended = time.perf_counter()
    processor = processor_seconds() - processor_before
    steady_letters = len(files) - len(letters)
    return (
        (ended - started) / len(files),
        (ended - first_pass_done) / steady_letters,
        failed,
        processor / len(files),
        (own + workers) / steady_letters,
        workers / steady_letters,
    )


def rate(seconds_per_letter: float) -> str:
    return (
        f"{1 / seconds_per_letter:,.0f} letters/s ({seconds_per_letter * 1000:.2f} ms per letter)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--text-only", action="store_true", help="text letters only: more rounds in the time"
    )
    arguments = parser.parse_args()
    if arguments.repeat < 2:
        sys.exit("--repeat must be at least 2: the first pass is the start-up")
    kinds = {
        "text": sorted((CORPUS / "txt").glob("*.txt")),
        "pdf": sorted((CORPUS / "pdf").glob("*.pdf")),
    }
    if not all(kinds.values()):
        sys.exit(f"no letters in {CORPUS}")
    if arguments.text_only:
        del kinds["pdf"]
    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} cores; {len(kinds['text'])} letters "
        f"x {arguments.repeat}, median of {arguments.rounds} rounds"
    )
    bare: list[float] = []
    runs: dict[tuple[str, int], list[tuple[float, float, int, float, float, float]]] = {}
    # Rounds taken in turn, so that a slow minute of the machine falls on every configuration.
    for _ in range(arguments.rounds):
        if "pdf" in kinds:
            bare.append(bare_extraction(kinds["pdf"] * 2))
        for kind, letters in kinds.items():
            for jobs in (IN_PROCESS, 1, 2):
                runs.setdefault((kind, jobs), []).append(audit_run(letters, arguments.repeat, jobs))
    bare_per_letter = statistics.median(bare) if bare else 0.0
    if bare:
        print(f"bare PDF text extraction: {rate(bare_per_letter)}")
    for (kind, jobs), results in runs.items():
        whole = statistics.median(r[0] for r in results)
        steady = statistics.median(r[1] for r in results)
        failed = max(r[2] for r in results)
        processor = statistics.median(r[3] for r in results)
        steady_processor = statistics.median(r[4] for r in results)
        in_workers = statistics.median(r[5] for r in results)
        shown = "in process (baseline)" if jobs == IN_PROCESS else f"jobs {jobs}"
        spread = f"{1 / max(r[1] for r in results):,.0f} to {1 / min(r[1] for r in results):,.0f}"
        line = f"{kind:4} {shown}: steady {rate(steady)} ({spread}); whole run {rate(whole)}"
        if jobs > 1:
            line += f"; per process {1 / steady / jobs:,.0f} letters/s"
        if kind == "pdf" and jobs <= 1:
            line += f"; {steady / bare_per_letter:.2f}x bare extraction"
        line += f"; processor {steady_processor * 1000:.2f} ms per letter steady"
        if jobs != IN_PROCESS:
            line += f" ({in_workers * 1000:.2f} in the workers)"
        line += f", {processor * 1000:.2f} over the whole run"
        print(f"{line}; {failed} failed")


if __name__ == "__main__":
    main()
