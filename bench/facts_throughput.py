"""Measure fact extraction throughput: letters per second on one core, from parsed letters.

Parses the 155 corpus letters (text) once, then times `extract_facts` over several passes, and
prints letters/s and ms per letter against the goal of 1,000 letters/s. Needs ../shared.

Usage: python bench/facts_throughput.py [--passes N]
"""

import argparse
import sys
import time
from pathlib import Path

from engine.facts import extract_facts, load_findings
from engine.letters import parse_letter_file

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dwc-2016" / "txt"
GOAL = 1_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=10)
    passes = parser.parse_args().passes
    letters = sorted(CORPUS.glob("*.txt"))
    if not letters:
        sys.exit(f"no letters in {CORPUS}")
    cases = [parse_letter_file(path) for path in letters]
    started = time.perf_counter()
    load_findings()
    print(f"Python {sys.version.split()[0]}, one core")
    print(f"vocabularies and cues load: {(time.perf_counter() - started) * 1000:.0f} ms")
    started = time.perf_counter()
    facts = 0
    for _ in range(passes):
        for case in cases:
            facts += len(extract_facts(case).facts)
    elapsed = time.perf_counter() - started
    count = passes * len(cases)
    print(
        f"{len(cases)} letters x {passes} passes: {count / elapsed:,.0f} letters/s, "
        f"{elapsed / count * 1000:.2f} ms/letter, {facts / count:.1f} facts per letter"
    )
    print(f"goal >= {GOAL:,} letters/s: {'met' if count / elapsed >= GOAL else 'not met'}")


if __name__ == "__main__":
    main()
