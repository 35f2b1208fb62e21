"""Measure `imrcheck check` from a cold start: a new process each time, as an office's tool or an
EHR hook would start it.

Runs the installed `imrcheck check --request ... --notes ...` `--runs` times as a subprocess and
prints the wall time of each kind of start: the first with an empty rules cache (the rules are
loaded, checked and compiled, then kept), and the rest with the cache in place. Python's compiled
modules are kept as they are by default (PYTHONDONTWRITEBYTECODE is dropped for the runs). Also `imrcheck
--version`, the floor that Python, typer and pydantic set. Goal: check under 300 ms.

Usage: python bench/check_cold_start.py [--runs N]
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
    runs = parser.parse_args().runs
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


if __name__ == "__main__":
    main()
