"""Load test: audit many synthetic letters in one run and show that memory stays flat and nothing
fails (the issue's "100,000 generated letters audited with flat memory and no error").

Writes N letters from `engine.synthetic` to a temporary folder (removed at the end), then audits
them as `imrcheck audit` does, through `engine.audit.audit_files`: read, hash, parse, extract
facts, judge every item. With `--stream` nothing is written and each letter's text goes straight
to `Auditor.audit_text`. At 1,000, 10,000, 50,000 and 100,000 letters (and at the end) it prints
letters/s, items, errors and the resident memory (VmRSS) of this process and, with `--jobs 2`,
of each worker (the first interval includes loading the rules). An error is a letter that could
not be audited or an item whose verdict is `error`; the run exits 1 if there is any.

The machine may be shared: run it under `nice`.

Usage: nice python bench/load_test.py [--letters N] [--jobs N] [--seed S] [--stream] [--rules DIR]
"""

import argparse
import hashlib
import multiprocessing
import os
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from engine.audit import AuditSettings, LetterResult, audit_files
from engine.errors import InputError
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


def memory() -> str:
    own = f"{rss_mib():7.1f}"
    workers = [rss_mib(child.pid) for child in multiprocessing.active_children()]
    shown = [f"{w:.1f}" for w in workers if w is not None]
    return own + (f"  workers {' '.join(shown)}" if shown else "")


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
    parser.add_argument("--stream", action="store_true", help="audit text, write no files")
    parser.add_argument("--rules", type=Path, help="another rules folder, as for imrcheck audit")
    options = parser.parse_args()
    count = options.letters
    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, {count:,} letters from seed "
        f"{options.seed}, jobs {options.jobs}, {'streamed' if options.stream else 'files'}"
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
        errors = run(audit_files(paths, settings, options.jobs), count)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
