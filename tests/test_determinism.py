"""What is read and decided does not depend on Python's hash seed: the same letters give the same
readings, facts and records whatever order sets of strings iterate in."""

import os
import subprocess
import sys

from conftest import REPO, needs_shared


def fingerprint(seed: str) -> str:
    run = subprocess.run(
        [sys.executable, str(REPO / "bench" / "facts_fingerprint.py")],
        env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(REPO)},
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    return next(line for line in run.stdout.splitlines() if line.startswith("all:"))


@needs_shared
def test_the_readings_facts_and_records_are_the_same_under_two_hash_seeds() -> None:
    # Which body part's reading an item took first once followed a set's order.
    assert fingerprint("1") == fingerprint("2")
