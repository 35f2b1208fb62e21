"""Load test: audit many synthetic letters in one run and show that memory stays flat and nothing
fails (the issue's "100,000 generated letters audited with flat memory and no error").

Writes N letters from `engine.synthetic` to a temporary folder (removed at the end), then audits
them as `imrcheck audit` does, through `engine.runner.audit_files`: read, hash, parse,
extract facts, judge every item. With `--stream` nothing is written and each letter's text goes straight
to `Auditor.audit_text`. With `--cli` the letters go through the command people run, `imrcheck
audit FOLDER --db ... --format jsonl --quiet`, as a separate process whose output is read as it
comes; its memory (and its workers') is the one shown, and `imrcheck report` of its store follows
in JSON and HTML, with their peak memory. At 1,000, 10,000, 50,000 and 100,000 letters (and at the end) it prints
letters/s, items, errors and the resident memory (VmRSS) of this process and, with `--jobs 2`,
of each worker (the first interval includes loading the rules). An error is a letter that could
not be audited or an item whose verdict is `error`; the run exits 1 if there is any.

The machine may be shared: run it under `nice`.

Usage: nice python bench/load_test.py [--letters N] [--jobs N] [--seed S] [--stream | --cli]
           [--rules DIR]
"""

import argparse
import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from engine.audit import AuditRecord, AuditSettings, LetterResult
from engine.errors import InputError
from engine.runner import audit_files
from engine.synthetic import make_letters, write_letters

CHECKPOINTS = (1_000, 10_000, 50_000, 100_000)
BYTES_PER_LETTER = 8_192  # a letter is about 4 KB; a file takes at least one 4 KB block


def rss_mib(pid: int | str = "self") -> float | None:
    """Resident memory of a process from /proc, None if it has gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


# The process whose memory is shown: this one, or with --cli the `imrcheck audit` it started.
watched: dict[str, int | None] = {"pid": None}
# With --cli, what `memory()` last read of that process: it may have ended by the last row.
last_reading: dict[str, str] = {}


def children_of(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as listed:
            return [int(child) for child in listed.read().split()]
    except OSError:
        return []


def memory() -> str:
    pid = watched["pid"]
    own = rss_mib() if pid is None else rss_mib(pid)
    # The audit's worker processes are the children of this process, or of the command's.
    workers = [rss_mib(child) for child in children_of(os.getpid() if pid is None else pid)]
    shown = [f"{w:.1f}" for w in workers if w is not None]
    if own is None:
        return last_reading.get("memory", "") + " (last read before it ended)"
    reading = f"{own:7.1f}" + (f"  workers {' '.join(shown)}" if shown else "")
    last_reading["memory"] = reading
    return reading


def through_cli(folder: str, jobs: int, rules: Path | None) -> Iterator[LetterResult]:
    """Each letter's result as `imrcheck audit --format jsonl` prints it, one letter's lines
    gathered into one result."""
    database = Path(folder) / "audit.sqlite"
    command = [
        str(Path(sys.executable).parent / "imrcheck"), "audit", folder, "--db", str(database),
        "--format", "jsonl", "--quiet", "--jobs", str(jobs),
    ]  # fmt: skip
    if rules:
        command += ["--rules", str(rules)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as process:
        watched["pid"] = process.pid
        assert process.stdout is not None
        letter: str | None = None
        records: list[AuditRecord] = []
        for number, line in enumerate(process.stdout):
            if number % 500 == 0:
                memory()  # keeps the last reading
            fields = json.loads(line)
            if letter is not None and fields["letter"] != letter:
                yield LetterResult(letter=letter, letter_sha256="", records=records)
                records = []
            letter = fields["letter"]
            if "error" in fields:
                yield LetterResult(letter=letter, letter_sha256="", error=fields["error"])
                letter = None
            else:
                records.append(AuditRecord.model_validate(fields))
        if letter is not None:
            yield LetterResult(letter=letter, letter_sha256="", records=records)
        if process.wait() not in (0, 1):
            print(f"imrcheck audit exited {process.returncode}")
    for report_format in ("json", "html"):
        report(command[0], database, report_format)


def report(program: str, database: Path, report_format: str) -> None:
    """`imrcheck report` of the run's store: its time and peak memory, the store being as big as
    the run."""
    output = database.with_suffix(f".{report_format}")
    started = time.perf_counter()
    process = subprocess.Popen(
        [program, "report", "--db", str(database), "-f", report_format, "-o", str(output)],
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    written = f"{output.stat().st_size / 2**20:,.1f} MiB written" if output.exists() else "no file"
    print(
        f"imrcheck report --format {report_format}: exit {process.returncode}, "
        f"{time.perf_counter() - started:.1f} s, peak RSS {usage.ru_maxrss / 1024:.1f} MiB, "
        f"{written}"
    )


def streamed(count: int, seed: int, settings: AuditSettings) -> Iterator[LetterResult]:
    """Each letter's text audited without touching the disk."""
    auditor = settings.auditor()
    for letter in make_letters(count, seed):
        data = letter.text.encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        try:
            records = auditor.audit_text(letter.text, letter.file_name, digest)
        except InputError as exc:
            yield LetterResult(letter=letter.file_name, letter_sha256=digest, error=exc.message)
        else:
            yield LetterResult(letter=letter.file_name, letter_sha256=digest, records=records)


def run(results: Iterable[LetterResult], count: int) -> int:
    """Count, time and report; return the number of errors."""
    marks = sorted({c for c in CHECKPOINTS if c < count} | {count})
    print(f"{'letters':>8} {'seconds':>8} {'letters/s':>9} {'(since last)':>12} {'items':>8} "
          f"{'errors':>6}  RSS MiB")  # fmt: skip
    print(f"{0:>8,} {0:>8.1f} {'':>9} {'':>12} {0:>8,} {0:>6}  {memory()}")
    started = last_time = time.perf_counter()
    items = errors = last_done = 0
    verdicts: Counter[str] = Counter()
    examples: list[str] = []
    for done, result in enumerate(results, start=1):
        items += len(result.records)
        failed = [result.error] if result.error else []
        for record in result.records:
            verdicts[record.verdict] += 1
            if record.verdict == "error":
                failed.append(f"item {record.item}: {'; '.join(record.reasons)}")
        errors += len(failed)
        examples += [f"{result.letter}: {reason}" for reason in failed][: 5 - len(examples)]
        if done in marks:
            now = time.perf_counter()
            print(
                f"{done:>8,} {now - started:>8.1f} {done / (now - started):>9.1f} "
                f"{(done - last_done) / (now - last_time):>12.1f} {items:>8,} {errors:>6}  "
                f"{memory()}",
                flush=True,
            )
            last_time, last_done = now, done
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {peak:.1f} MiB")
    print("verdicts: " + ", ".join(f"{name} {n:,}" for name, n in verdicts.most_common()))
    for example in examples:
        print(f"error: {example}")
    return errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    how = parser.add_mutually_exclusive_group()
    how.add_argument("--stream", action="store_true", help="audit text, write no files")
    how.add_argument("--cli", action="store_true", help="through `imrcheck audit --db`")
    parser.add_argument("--rules", type=Path, help="another rules folder, as for imrcheck audit")
    options = parser.parse_args()
    count = options.letters
    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, {count:,} letters from seed "
        f"{options.seed}, jobs {options.jobs}, "
        f"{'streamed' if options.stream else 'through imrcheck audit' if options.cli else 'files'}"
    )
    settings = AuditSettings(rules_dir=options.rules)
    if options.stream:
        if options.jobs != 1:
            sys.exit("--stream audits in this process only; leave out --jobs")
        sys.exit(1 if run(streamed(count, options.seed, settings), count) else 0)
    with tempfile.TemporaryDirectory(prefix="imrcheck-load-") as folder:
        free = shutil.disk_usage(folder).free
        if free < 2 * count * BYTES_PER_LETTER:
            sys.exit(f"{folder}: {free / 2**30:.1f} GiB free is too little for {count:,} letters")
        started = time.perf_counter()
        paths = write_letters(folder, count, options.seed)
        elapsed = time.perf_counter() - started
        size = sum(p.stat().st_size for p in paths)
        print(
            f"wrote {count:,} letters ({size / 2**20:,.0f} MiB) to {folder} in {elapsed:.1f} s "
            f"({count / elapsed:,.0f} letters/s); RSS {rss_mib():.1f} MiB"
        )
        results = (
            through_cli(folder, options.jobs, options.rules)
            if options.cli
            else audit_files(paths, settings, options.jobs)
        )
        errors = run(results, count)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
