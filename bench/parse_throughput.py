"""Measure how fast the letter parser runs on the real letters, on one core.

- Text: every corpus txt letter is read into memory first, then `parse_letter(text, vocabulary)` is timed over
  all of them, in whole passes repeated until at least 3 s have run; prints letters/s and
  ms/letter, and whether the goal of 500 letters/s is met.
- PDF: `parse_letter_file(pdf, vocabulary)` (extraction included) over every corpus PDF, and bare text
  extraction (`read_letter_text`) over the same files; prints letters/s for each and the ratio of
  their times, i.e. how much parsing adds to extraction. Then both again as `imrcheck parse`,
  `facts` and `check --notes` read PDFs since step 7: through `engine.extraction.LetterReader`,
  each PDF read in one worker process under the letter budget (started before the timing, as a
  run's first PDF starts it), and what that adds per letter.
- The first `load_vocabulary()` call, timed in a fresh interpreter, and the Python version.

Usage: python bench/parse_throughput.py [--profile]
  --profile  also print the 15 most expensive calls (cumulative) of one text pass, by cProfile
"""

import argparse
import cProfile
import os
import pstats
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

from engine.documents import read_letter_text
from engine.extraction import LetterReader
from engine.letters import parse_letter, parse_letter_file
from engine.vocab import load_vocabulary

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "dwc-2016"
MIN_SECONDS = 3.0
TEXT_GOAL = 500  # letters per second
PROFILE_ENTRIES = 15


def pin_to_one_core():
    # One core, so the figures mean the same on a laptop and in a one-process-per-core pool.
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
        return True
    return False


def parse_texts(texts):
    vocabulary = load_vocabulary()
    for text in texts:
        parse_letter(text, vocabulary)


def time_text_parsing(texts):
    """Seconds per letter over whole passes of the texts, run for at least MIN_SECONDS."""
    # The first pass loads the vocabulary and compiles regexes; steady state is what is wanted.
    parse_texts(texts)
    passes, started = 0, time.perf_counter()
    while time.perf_counter() - started < MIN_SECONDS:
        parse_texts(texts)
        passes += 1
    elapsed = time.perf_counter() - started
    return elapsed / (passes * len(texts)), passes


def time_over_files(function, paths):
    """Seconds per file for one call of `function` on each path."""
    started = time.perf_counter()
    for path in paths:
        function(path)
    return (time.perf_counter() - started) / len(paths)


def time_vocabulary_load():
    """The first `load_vocabulary()` in a fresh interpreter, where nothing can have cached it."""
    command = [sys.executable, __file__, "--time-vocabulary"]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return float(result.stdout)


def run_vocabulary_load():
    started = time.perf_counter()
    load_vocabulary()
    return time.perf_counter() - started


def print_rate(label, seconds_per_letter):
    rate = 1 / seconds_per_letter
    print(f"  {label + ':':<18}{rate:6.0f} letters/s, {1000 * seconds_per_letter:6.2f} ms/letter")


def profile_text_parsing(texts):
    profiler = cProfile.Profile()
    profiler.runcall(parse_texts, texts)
    heading = f"one pass over {len(texts)} text letters, top {PROFILE_ENTRIES} by cumulative time"
    print(f"\nProfile of {heading}:")
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.sort_stats("cumulative").print_stats(PROFILE_ENTRIES)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", action="store_true", help="profile one pass of text parsing")
    parser.add_argument("--time-vocabulary", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.time_vocabulary:
        print(run_vocabulary_load())
        return
    txts = sorted((CORPUS / "txt").glob("*.txt"))
    pdfs = sorted((CORPUS / "pdf").glob("*.pdf"))
    if not txts or not pdfs:
        print(f"No corpus letters under {CORPUS}; nothing to measure.")
        return
    pinned = pin_to_one_core()
    core = "one core" if pinned else "cores not pinned (no sched_setaffinity)"
    print(f"Python {sys.version.split()[0]}, {core}")
    vocabulary_seconds = time_vocabulary_load()
    print(f"vocabulary load (first call, fresh interpreter): {1000 * vocabulary_seconds:.0f} ms")

    texts = [read_letter_text(path) for path in txts]
    per_letter, passes = time_text_parsing(texts)
    print(f"\ntext: {len(texts)} letters x {passes} passes")
    print_rate("parse from text", per_letter)
    met = 1 / per_letter >= TEXT_GOAL
    print(f"text goal >= {TEXT_GOAL} letters/s: {'met' if met else 'not met'}")

    # Warm PDFium up (its import is about 0.4 s) and the disk cache, so that neither loop below
    # pays for what the other one already paid.
    read_letter_text(pdfs[0])
    for path in pdfs:
        path.read_bytes()
    vocabulary = load_vocabulary()
    parse_seconds = time_over_files(lambda pdf: parse_letter_file(pdf, vocabulary), pdfs)
    extract_seconds = time_over_files(read_letter_text, pdfs)
    print(f"\nPDF: {len(pdfs)} letters, one pass each")
    print_rate("parse from PDF", parse_seconds)
    print_rate("bare extraction", extract_seconds)
    print(f"  time ratio parse-from-PDF / bare extraction: {parse_seconds / extract_seconds:.2f}")

    with closing(LetterReader()) as reader:
        reader.text(pdfs[0])  # the worker started and PDFium loaded in it, as on a run's first PDF
        guarded_parse_seconds = time_over_files(
            lambda pdf: parse_letter(reader.text(pdf), vocabulary, source=str(pdf)), pdfs
        )
        guarded_extract_seconds = time_over_files(reader.text, pdfs)
    print("PDF read in a guarded worker process (parse, facts, check since step 7):")
    print_rate("parse from PDF", guarded_parse_seconds)
    print_rate("bare extraction", guarded_extract_seconds)
    added = 1000 * (guarded_extract_seconds - extract_seconds)
    print(f"  the worker adds {added:.2f} ms/letter to extraction")

    if args.profile:
        profile_text_parsing(texts)


if __name__ == "__main__":
    main()
