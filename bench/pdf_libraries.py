"""Benchmark PDF text-extraction libraries on the IMR letter corpus.

For pypdfium2, pypdf and pdfminer.six (whichever are installed) this measures, on one core:
letters opened, failures, pages, wall time, ms per letter, ms per page, letters per second, and
the cold cost of importing the library and extracting the first letter in a fresh process. It
also measures how close each library's text is to the corpus's txt files (to tell which library
made them), and prints each library's license and installed size on disk.

Usage: python bench/pdf_libraries.py [--corpus DIR] [--limit N]
"""

import argparse
import contextlib
import difflib
import importlib.metadata
import importlib.util
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "dwc-2016" / "pdf"
SIMILARITY_SAMPLE = 20
# The state's letters are AES-encrypted; pypdf cannot decrypt AES without cryptography, and
# pdfminer.six requires it outright, so their real footprint includes it (and what it pulls in).
CRYPTO_DISTS = ["cryptography", "cffi", "pycparser"]


def extract_pypdfium2(path):
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path), password="")
    try:
        return [page.get_textpage().get_text_range() for page in pdf]
    finally:
        pdf.close()


def extract_pypdf(path):
    import pypdf

    reader = pypdf.PdfReader(path)
    if reader.is_encrypted:
        reader.decrypt("")
    return [page.extract_text() for page in reader.pages]


def extract_pdfminer(path):
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer

    # Every letter sets the "no text extraction" permission; pdfminer logs a warning per letter.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    return [
        "".join(box.get_text() for box in page if isinstance(box, LTTextContainer))
        for page in extract_pages(path, password="")
    ]


# name -> (import name, distribution name, license, extractor, dependency distributions)
PDFMINER_DEPS = CRYPTO_DISTS + ["charset-normalizer"]
LIBRARIES = {
    "pypdfium2": ("pypdfium2", "pypdfium2", "Apache-2.0 or BSD-3-Clause", extract_pypdfium2, []),
    "pypdf": ("pypdf", "pypdf", "BSD-3-Clause", extract_pypdf, CRYPTO_DISTS),
    "pdfminer.six": ("pdfminer", "pdfminer.six", "MIT", extract_pdfminer, PDFMINER_DEPS),
}
SPEED_HEADERS = ["library", "version", "ok", "failed", "pages", "wall_s", "ms/letter", "ms/page"]
SPEED_HEADERS += ["letters/s", "cold_s"]
TEXT_HEADERS = ["library", "license", "MiB", "MiB+deps", "=txt_words", "=txt_bare", "word_ratio"]
TEXT_HEADERS += ["U+FFFE"]
NOTES = """\
cold_s: a fresh interpreter's import + first letter. MiB+deps: with what AES decryption needs.
=txt_words: letters equal to the txt file with whitespace collapsed; =txt_bare: with it removed.
word_ratio: mean difflib ratio of word lists. U+FFFE: letters with PDFium's line-end hyphen mark."""


def measure_installed_mib(dist_names):
    """Sum the on-disk size of the files the distributions installed into site-packages."""
    total = 0
    for name in dist_names:
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        for file in dist.files or []:
            # Entries starting with '..' are console scripts in bin/, not the package itself.
            if not str(file).startswith(".."):
                path = Path(dist.locate_file(file))
                total += path.stat().st_size if path.is_file() else 0
    return total / 2**20


def measure_cold_start(name, first_pdf):
    """Time import plus first letter in a fresh interpreter, so earlier imports cannot help."""
    command = [sys.executable, __file__, "--cold-start", name, str(first_pdf)]
    result = subprocess.run(command, capture_output=True, text=True)
    # A first letter the library cannot read is counted as a failure later; not a crash here.
    return float(result.stdout) if result.returncode == 0 else float("nan")


def run_cold_start(name, pdf):
    """Extract one letter; the extractors import lazily, so a first call includes the import."""
    started = time.perf_counter()
    LIBRARIES[name][3](Path(pdf))
    return time.perf_counter() - started


def extract_corpus(name, pdfs):
    """Extract every letter once; return timings and the texts (None for a failed letter)."""
    extract = LIBRARIES[name][3]
    texts, pages, errors = [], 0, []
    started = time.perf_counter()
    for pdf in pdfs:
        try:
            page_texts = extract(pdf)
        except Exception as error:  # a benchmark should count a broken letter, not stop on it
            errors.append(f"{pdf.name}: {type(error).__name__}: {error}")
            texts.append(None)
            continue
        pages += len(page_texts)
        texts.append("\n".join(page_texts))
    return time.perf_counter() - started, pages, errors, texts


def compare_with_txt(pdfs, texts, txt_dir):
    """Table cells: share equal to the txt files, mean difflib ratio on a sample, U+FFFE count."""
    pairs = []
    for pdf, text in zip(pdfs, texts, strict=True):
        txt = txt_dir / (pdf.stem + ".txt")
        if text is not None and txt.is_file():
            pairs.append((text.split(), txt.read_text(encoding="utf-8", errors="replace").split()))
    # PDFium marks a hyphen at a line break with the non-character U+FFFE instead of "-";
    # the parser must map it back, or hyphenated words come out glued or unmatched.
    marked = sum("\ufffe" in text for text in texts if text)
    if not pairs:
        return ["n/a", "n/a", "n/a", marked]
    same_words = sum(ours == theirs for ours, theirs in pairs) / len(pairs)
    same_chars = sum("".join(ours) == "".join(theirs) for ours, theirs in pairs) / len(pairs)
    sample = pairs[:: max(1, len(pairs) // SIMILARITY_SAMPLE)][:SIMILARITY_SAMPLE]
    # Compare word lists, not characters: a character-level SequenceMatcher over 10 kB letters is
    # slow, and its autojunk heuristic would discard common letters and distort the ratio.
    ratios = [
        difflib.SequenceMatcher(None, ours, theirs, autojunk=False).ratio()
        for ours, theirs in sample
    ]
    mean_ratio = f"{sum(ratios) / len(ratios):.4f} (n={len(sample)})"
    return [f"{same_words:.1%}", f"{same_chars:.1%}", mean_ratio, marked]


def print_table(headers, rows):
    columns = zip(headers, *rows, strict=True)
    widths = [max(len(str(cell)) for cell in column) for column in columns]
    for row in [headers, ["-" * width for width in widths], *rows]:
        cells = (str(cell).ljust(width) for cell, width in zip(row, widths, strict=True))
        print("  ".join(cells).rstrip())


def benchmark_library(name, pdfs, txt_dir):
    """Measure one library; return its speed row, its text and footprint row, and its errors."""
    _, dist, license_name, _, deps = LIBRARIES[name]
    cold = measure_cold_start(name, pdfs[0])
    # Warm this process up so the loop times steady state; a failure here is counted below.
    with contextlib.suppress(Exception):
        run_cold_start(name, pdfs[0])
    wall, pages, errors, texts = extract_corpus(name, pdfs)
    version = importlib.metadata.version(dist)
    speed_row = [name, version, len(pdfs) - len(errors), len(errors), pages, f"{wall:.2f}"]
    speed_row += [f"{1000 * wall / len(pdfs):.1f}", f"{1000 * wall / max(pages, 1):.2f}"]
    speed_row += [f"{len(pdfs) / wall:.1f}", f"{cold:.2f}"]
    sizes = [f"{measure_installed_mib([dist]):.1f}", f"{measure_installed_mib([dist, *deps]):.1f}"]
    similarity = compare_with_txt(pdfs, texts, txt_dir)
    return speed_row, [name, license_name, *sizes, *similarity], errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus_help = "folder of PDFs; txt files are looked for in its sibling folder txt/"
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help=corpus_help)
    parser.add_argument("--limit", type=int, default=None, help="benchmark the first N letters")
    parser.add_argument("--cold-start", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.cold_start:
        print(run_cold_start(*args.cold_start))
        return
    pdfs = sorted(args.corpus.glob("*.pdf"))[: args.limit] if args.corpus.is_dir() else []
    if not pdfs:
        print(f"No PDF corpus at {args.corpus}; nothing to benchmark.")
        return
    # One core, so the numbers mean the same on a laptop and in a one-process-per-core pool.
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    txt_dir = args.corpus.parent / "txt"
    print(f"{len(pdfs)} letters from {args.corpus}, Python {sys.version.split()[0]}, one core\n")

    speed_rows, text_rows, failures = [], [], []
    for name in LIBRARIES:
        if importlib.util.find_spec(LIBRARIES[name][0]) is None:
            print(f"note: {name} is not installed; skipped")
            continue
        speed_row, text_row, errors = benchmark_library(name, pdfs, txt_dir)
        speed_rows.append(speed_row)
        text_rows.append(text_row)
        failures += [f"{name}: {error}" for error in errors[:3]]
    print_table(SPEED_HEADERS, speed_rows)
    print()
    print_table(TEXT_HEADERS, text_rows)
    print("\n" + NOTES)
    for line in failures:
        print("failure:", line)


if __name__ == "__main__":
    main()
