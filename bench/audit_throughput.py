"""Measure audit throughput: letters/s from file to records, for text and for PDF, with 1 and 2
processes.

Each run audits the corpus letters (155 text, 155 PDF in ../shared) repeated `--repeat` times, as
`imrcheck audit` does: read, parse, extract facts, judge every item. Times include starting the
worker processes and compiling the rules in each, which a real run pays once; the repeat keeps that
from dominating. Prints letters/s and ms per letter per run. Needs ../shared.

Usage: python bench/audit_throughput.py [--repeat N]
"""

import argparse
import os
import sys
import time
from pathlib import Path

from engine.audit import AuditSettings, audit_files

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dwc-2016"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=4)
    repeat = parser.parse_args().repeat
    kinds = {
        "text": sorted((CORPUS / "txt").glob("*.txt")),
        "pdf": sorted((CORPUS / "pdf").glob("*.pdf")),
    }
    if not all(kinds.values()):
        sys.exit(f"no letters in {CORPUS}")
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    for kind, letters in kinds.items():
        files = letters * repeat
        for jobs in (1, 2):
            started = time.perf_counter()
            items = failed = 0
            for result in audit_files(files, AuditSettings(), jobs):
                items += len(result.records)
                failed += result.error is not None
            elapsed = time.perf_counter() - started
            print(
                f"{kind:4} jobs {jobs}: {len(files)} letters in {elapsed:.2f} s, "
                f"{len(files) / elapsed:,.0f} letters/s ({elapsed / len(files) * 1000:.2f} ms "
                f"per letter), {items} items, {failed} failed"
            )


if __name__ == "__main__":
    main()
