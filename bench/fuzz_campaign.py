"""Run a long fuzzing campaign over the four entry points (tests/test_fuzz.py under its `campaign`
profile) and print how many inputs each property ran, how long it took, and whether any failed.

Usage: python bench/fuzz_campaign.py [--per-entry N]   (default 25,000: 100,000 inputs in all)
"""

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-entry", type=int, default=25_000)
    per_entry = parser.parse_args().per_entry
    environment = {
        **os.environ,
        "IMRCHECK_FUZZ_PROFILE": "campaign",
        "IMRCHECK_FUZZ_EXAMPLES": str(per_entry),
    }
    started = time.perf_counter()
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/test_fuzz.py",
            "--hypothesis-show-statistics",
        ],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - started
    total = 0
    sections = re.findall(
        r"tests/test_fuzz\.py::(\w+):(.*?)(?=tests/test_fuzz\.py::|\Z)", run.stdout, re.S
    )
    for name, section in sections:
        passed = sum(int(n) for n in re.findall(r"(\d+) passing", section))
        failed = sum(int(n) for n in re.findall(r"(\d+) failing", section))
        total += passed + failed
        print(f"{name}: {passed:,} inputs passed, {failed} failed")
    print(f"{total:,} inputs in {elapsed / 60:.1f} min; pytest exit code {run.returncode}")
    print(run.stdout.strip().splitlines()[-1])
    if run.returncode:
        print(run.stdout[-5000:])
        sys.exit(1)


if __name__ == "__main__":
    main()
