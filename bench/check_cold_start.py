"""Measure `imrcheck check` from a cold start: a new process each time, as an office's tool or an
EHR hook would start it.

Runs the installed `imrcheck check --request ... --notes ...` `--runs` times as a subprocess and
prints the wall time of each kind of start: the first with an empty rules cache (the rules are
loaded, checked and compiled, then kept), and the rest with the cache in place. Python's compiled
modules are kept as they are by default (PYTHONDONTWRITEBYTECODE is dropped for the runs). Also `imrcheck
--version`, the floor that Python, typer and pydantic set. Goal: check under 300 ms.

With `--instructions` it also counts the machine instructions of one cached check with Valgrind's
cachegrind: a figure that holds still from run to run (the time moves by a fifth on a shared
machine), for comparing two versions by a percent.

Usage: python bench/check_cold_start.py [--runs N] [--instructions]
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# A script beside this one (run as `python bench/...`, its folder comes first on the path).
from instructions import counted_instructions

NOTE = (
    "Progress note. The patient is a 45-year-old male with low back pain radiating to the left "
    "leg. Diagnosis: lumbar radiculopathy. He has completed 8 sessions of physical therapy with "
    "improved function and a reduction in work restrictions."
)


def timed(command: list[str], environment: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=environment, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--instructions", action="store_true", help="count them (needs valgrind)")
    arguments = parser.parse_args()
    runs = arguments.runs
    if arguments.instructions and shutil.which("valgrind") is None:
        sys.exit("--instructions needs valgrind (Debian: apt-get install valgrind)")
    program = shutil.which("imrcheck") or str(Path(sys.executable).parent / "imrcheck")
    with tempfile.TemporaryDirectory() as work:
        note = Path(work) / "note.txt"
        note.write_text(NOTE)
        environment = {**os.environ, "IMRCHECK_CACHE_DIR": str(Path(work) / "cache")}
        # Python keeps compiled modules unless told not to; with PYTHONDONTWRITEBYTECODE set (as
        # in some containers) every run compiles the source of every module changed since the
        # install, which no installed copy does. The first, uncached, run writes them.
        environment.pop("PYTHONDONTWRITEBYTECODE", None)
        check = [program, "check", "--request", "Physical therapy 2x4 lumbar spine"]
        check += ["--notes", str(note), "--date", "2017-01-15", "--format", "json"]
        floor = [timed([program, "--version"], environment) for _ in range(runs)]
        # What the required stack costs before any of imrcheck's own work: starting Python and
        # importing the libraries a check uses.
        stack = [sys.executable, "-c", "import typer, pydantic.main, yaml, durable.engine"]
        libraries = [timed(stack, environment) for _ in range(runs)]
        first = timed(check, environment)
        warm = [timed(check, environment) for _ in range(runs)]
        counted = counted_instructions(check, environment) if arguments.instructions else None
    print(f"Python {sys.version.split()[0]}, {runs} runs each")
    print(f"imrcheck --version:           median {statistics.median(floor) * 1000:.0f} ms")
    print(
        f"python importing typer, pydantic, yaml and durable_rules: median "
        f"{statistics.median(libraries) * 1000:.0f} ms"
    )
    print(f"check, rules not cached yet:  {first * 1000:.0f} ms")
    print(
        f"check, rules cached:          median {statistics.median(warm) * 1000:.0f} ms, "
        f"best {min(warm) * 1000:.0f} ms"
    )
    met = statistics.median(warm) < 0.300
    print(f"goal < 300 ms: {'met' if met else 'not met'} (median, rules cached)")
    if counted is not None:
        print(f"instructions of one cached check: {counted / 1e9:.3f} billion")


if __name__ == "__main__":
    main()
