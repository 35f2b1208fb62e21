"""Measure audit throughput: letters/s from file to records, for text and for PDF, with 1 and 2
processes, and bare PDF text extraction of the same files (the engine's share as a ratio).

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
from engine.documents import read_letter_text

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
    pdfs = kinds["pdf"] * repeat
    started = time.perf_counter()
    for path in pdfs:
        read_letter_text(path)
    bare = time.perf_counter() - started
    print(
        f"bare PDF text extraction: {len(pdfs)} letters in {bare:.2f} s, "
        f"{len(pdfs) / bare:,.0f} letters/s ({bare / len(pdfs) * 1000:.2f} ms per letter)"
    )
    for kind, letters in kinds.items():
        files = letters * repeat
        for jobs in (1, 2):
            started = time.perf_counter()
            items = failed = 0
            for result in audit_files(files, AuditSettings(), jobs):
                items += len(result.records)
                failed += result.error is not None
            elapsed = time.perf_counter() - started
            ratio = (
                f", {elapsed / bare:.2f}x bare extraction" if kind == "pdf" and jobs == 1 else ""
            )
            print(
                f"{kind:4} jobs {jobs}: {len(files)} letters in {elapsed:.2f} s, "
                f"{len(files) / elapsed:,.0f} letters/s ({elapsed / len(files) * 1000:.2f} ms "
                f"per letter), {items} items, {failed} failed{ratio}"
            )


if __name__ == "__main__":
    main()
