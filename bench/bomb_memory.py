"""Peak memory of `imrcheck audit` over good letters with a decompression bomb among them, beside
the same run without the bomb and the goal (under 1.5 GB for the whole run).

The bomb is a PDF of a few kilobytes whose page inflates to `--inflated-mib` MiB of drawing
operators (`engine.hostile`): PDFium needs many times that to read it (1.8 GB for 64 MiB), and
before the runner's memory cap it took the machine's memory until PDFium aborted the whole run. Each run is `imrcheck audit` as people run it, a process of its own; its
memory is the resident memory of it and its worker processes together, sampled every 10 ms from
/proc, and the largest any one of them reached (from the kernel, as wait4 reports it). The runs:
`--jobs 1`, `--jobs 2`, and `--db` twice, the second a resumed run that reports the bomb's failure
from the store instead of reading it again.

The good letters are the 155 corpus letters (text) in ../shared, or the bundled seed letters.

Usage: python bench/bomb_memory.py [--inflated-mib N] [--letter-memory-mib N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from engine.hostile import decompression_bomb_pdf

REPO = Path(__file__).resolve().parent.parent
CORPUS_TXT = REPO.parent / "shared" / "corpus" / "dwc-2016" / "txt"
GOAL_BYTES = 1.5e9


def tree_of(pid: int) -> list[int]:
    """A process and all its descendants."""
    found, unseen = [], [pid]
    while unseen:
        current = unseen.pop()
        found.append(current)
        try:
            with open(f"/proc/{current}/task/{current}/children") as listed:
                unseen.extend(int(child) for child in listed.read().split())
        except OSError:
            pass
    return found


def resident_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0  # gone between the listing and the reading


def measured_run(command: list[str]) -> tuple[int, float, int, int, str]:
    """(exit code, seconds, peak resident bytes of the process tree, largest single process's
    peak in bytes, error lines) of one run."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0]

    def sample() -> None:
        while process.returncode is None:
            peak[0] = max(peak[0], sum(resident_bytes(pid) for pid in tree_of(process.pid)))
            time.sleep(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stderr = process.stderr.read().decode() if process.stderr else ""
    # wait4: the kernel's peak for the command and every process of its it collected.
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    sampler.join()
    errors = "; ".join(line for line in stderr.splitlines() if ": error: " in line)
    return process.returncode, seconds, peak[0], usage.ru_maxrss * 1024, errors


def gigabytes(count: int) -> str:
    return f"{count / 1e9:.2f} GB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inflated-mib", type=int, default=256)
    parser.add_argument("--letter-memory-mib", type=int, default=None)
    arguments = parser.parse_args()
    good = sorted(CORPUS_TXT.glob("*.txt")) or sorted((REPO / "cases").glob("seed-*/letter.txt"))
    imrcheck = [sys.executable, str(REPO / "cli.py"), "audit", "-q", "-f", "jsonl"]
    if arguments.letter_memory_mib:
        imrcheck += ["--letter-memory-mib", str(arguments.letter_memory_mib)]
    with tempfile.TemporaryDirectory(prefix="imrcheck-bomb-") as folder:
        bomb = Path(folder) / "bomb.pdf"
        bomb.write_bytes(decompression_bomb_pdf(arguments.inflated_mib))
        half = len(good) // 2
        with_bomb = [*map(str, good[:half]), str(bomb), *map(str, good[half:])]
        print(
            f"{len(good)} good letters and a {bomb.stat().st_size / 1024:.1f} kB PDF inflating to "
            f"{arguments.inflated_mib} MiB; goal: under {gigabytes(int(GOAL_BYTES))} for the "
            "whole run"
        )
        db = ["--db", str(Path(folder) / "results.db")]
        runs = [
            ("jobs 1, good letters only (baseline)", [*imrcheck, *map(str, good)]),
            ("jobs 1, with the bomb", [*imrcheck, *with_bomb]),
            ("jobs 2, good letters only (baseline)", [*imrcheck, "-j", "2", *map(str, good)]),
            ("jobs 2, with the bomb", [*imrcheck, "-j", "2", *with_bomb]),
            ("jobs 2 --db, with the bomb", [*imrcheck, "-j", "2", *db, *with_bomb]),
            ("jobs 2 --db, resumed", [*imrcheck, "-j", "2", *db, *with_bomb]),
        ]
        for name, command in runs:
            code, seconds, peak, largest, errors = measured_run(command)
            verdict = "met" if peak < GOAL_BYTES else "MISSED"
            print(
                f"{name:38} peak {gigabytes(peak)} (goal {verdict}); largest process "
                f"{gigabytes(largest)}; {seconds:5.1f} s; exit {code}"
                + (f"; {errors}" if errors else "")
            )


if __name__ == "__main__":
    main()
