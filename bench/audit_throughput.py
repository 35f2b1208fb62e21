"""Measure audit throughput: letters/s from file to records, for text and for PDF, with 1 and 2
processes, and bare PDF text extraction of the same files (the engine's share as a ratio).

Each run audits the corpus letters (155 text, 155 PDF in ../shared) repeated `--repeat` times, as
`imrcheck audit` does: read, parse, extract facts, judge every item. A run's first pass over the
letters pays the one-time start-up (worker processes started, rules loaded from the cache,
durable_rules rulesets registered on first use); the passes after it show the steady rate that an
archive of a million letters runs at. Both are printed, as the median of `--rounds` runs: this
machine's speed varies by a fifth from minute to minute, and a median of rounds taken in turn
keeps that out of the comparisons. Needs ../shared.

Usage: python bench/audit_throughput.py [--repeat N] [--rounds R]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

from engine.audit import AuditSettings, audit_files
from engine.documents import read_letter_text

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dwc-2016"


def bare_extraction(pdfs: list[Path]) -> float:
    """Seconds per letter to take the text out of the PDFs, and nothing else."""
    started = time.perf_counter()
    for path in pdfs:
        read_letter_text(path)
    return (time.perf_counter() - started) / len(pdfs)


def audit_run(letters: list[Path], repeat: int, jobs: int) -> tuple[float, float, int]:
    """(seconds per letter over the whole run, seconds per letter after the first pass, failures)."""
    files = letters * repeat
    started = time.perf_counter()
    first_pass_done = started
    failed = 0
    for number, result in enumerate(audit_files(files, AuditSettings(), jobs), start=1):
        failed += result.error is not None
        if number == len(letters):
            first_pass_done = time.perf_counter()
    ended = time.perf_counter()
    steady = (ended - first_pass_done) / (len(files) - len(letters))
    return (ended - started) / len(files), steady, failed


def rate(seconds_per_letter: float) -> str:
    return (
        f"{1 / seconds_per_letter:,.0f} letters/s ({seconds_per_letter * 1000:.2f} ms per letter)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    arguments = parser.parse_args()
    if arguments.repeat < 2:
        sys.exit("--repeat must be at least 2: the first pass is the start-up")
    kinds = {
        "text": sorted((CORPUS / "txt").glob("*.txt")),
        "pdf": sorted((CORPUS / "pdf").glob("*.pdf")),
    }
    if not all(kinds.values()):
        sys.exit(f"no letters in {CORPUS}")
    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} cores; {len(kinds['text'])} letters "
        f"x {arguments.repeat}, median of {arguments.rounds} rounds"
    )
    bare: list[float] = []
    runs: dict[tuple[str, int], list[tuple[float, float, int]]] = {}
    # Rounds taken in turn, so that a slow minute of the machine falls on every configuration.
    for _ in range(arguments.rounds):
        bare.append(bare_extraction(kinds["pdf"] * 2))
        for kind, letters in kinds.items():
            for jobs in (1, 2):
                runs.setdefault((kind, jobs), []).append(audit_run(letters, arguments.repeat, jobs))
    bare_per_letter = statistics.median(bare)
    print(f"bare PDF text extraction: {rate(bare_per_letter)}")
    for (kind, jobs), results in runs.items():
        whole = statistics.median(r[0] for r in results)
        steady = statistics.median(r[1] for r in results)
        failed = max(r[2] for r in results)
        line = f"{kind:4} jobs {jobs}: steady {rate(steady)}; whole run {rate(whole)}"
        if jobs > 1:
            line += f"; per process {1 / steady / jobs:,.0f} letters/s"
        if kind == "pdf" and jobs == 1:
            line += f"; {steady / bare_per_letter:.2f}x bare extraction"
        print(f"{line}; {failed} failed")


if __name__ == "__main__":
    main()
