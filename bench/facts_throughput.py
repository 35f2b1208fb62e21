"""Measure fact extraction throughput: letters per second on one core, from parsed letters.

Parses the 155 corpus letters (text) once, then times `extract_facts` over several passes, and
prints letters/s (best and median pass) and ms per letter against the goal of 1,000 letters/s. Needs ../shared.

Usage: python bench/facts_throughput.py [--passes N]
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

from engine.facts import extract_facts, load_findings
from engine.letters import parse_letter_file
from engine.vocab import load_vocabulary

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dwc-2016" / "txt"
GOAL = 1_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=20)
    passes = parser.parse_args().passes
    letters = sorted(CORPUS.glob("*.txt"))
    if not letters:
        sys.exit(f"no letters in {CORPUS}")
    cases = [parse_letter_file(path, load_vocabulary()) for path in letters]
    started = time.perf_counter()
    findings = load_findings()
    print(f"Python {sys.version.split()[0]}, one core")
    print(f"vocabularies and cues load: {(time.perf_counter() - started) * 1000:.0f} ms")
    # Each pass is timed on its own: the best pass is the figure least disturbed by other work
    # on the machine, the median the typical one.
    timings = []
    facts = 0
    for _ in range(passes):
        started = time.perf_counter()
        for case in cases:
            facts += len(extract_facts(case, findings).facts)
        timings.append(time.perf_counter() - started)
    best, median = min(timings), statistics.median(timings)
    print(
        f"{len(cases)} letters x {passes} passes: best {len(cases) / best:,.0f} letters/s "
        f"({best / len(cases) * 1000:.2f} ms/letter), median {len(cases) / median:,.0f} letters/s, "
        f"{facts / (passes * len(cases)):.1f} facts per letter"
    )
    print(
        f"goal >= {GOAL:,} letters/s: {'met' if len(cases) / median >= GOAL else 'not met'} (median)"
    )


if __name__ == "__main__":
    main()
