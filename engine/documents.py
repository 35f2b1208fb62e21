"""Stage 0, documents: a file on disk (plain text or the state's PDF) -> the letter's text.

Takes a path (`-` for standard input), returns text with line ends folded to "\\n", or raises
`InputError` with a reason a person can act on. Only regular files are read (`engine.files`). PDFs
are read with PDFium (pypdfium2); the state publishes them AES-encrypted with an empty user
password, which PDFium opens when given "" as the password.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from engine.errors import InputError
from engine.files import read_at_most, read_regular_file

# Real letters are 20-200 kB as PDF and under 40 kB as text. The cap keeps a stray archive or disk
# image from being read whole into memory; it is far above any letter.
MAX_LETTER_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text"}
PDF_MAGIC = b"%PDF-"


# Standard input, where a command takes a letter file: read whole, within the same cap.
STANDARD_INPUT = "-"


def is_letter_name(name: str) -> bool:
    """Whether a file found while walking a folder should be read as a letter."""
    return Path(name).suffix.lower() in TEXT_SUFFIXES | {".pdf"}


def letter_files(paths: Iterable[str | Path]) -> list[Path | InputError]:
    """Files as named, whatever they are; folders walked for letter files (.txt, .text, .pdf) in
    name order, hidden folders and files skipped, linked folders not followed. Other files in a
    folder (facts.yaml, expected.yaml) are not letters and are passed over. A folder that cannot
    be listed stands in its place as the `InputError` that says why, so that its letters are not
    missed without a word."""
    found: list[Path | InputError] = []
    for path in map(Path, paths):
        if str(path) == STANDARD_INPUT or not path.is_dir():
            found.append(path)
            continue
        within: list[Path | InputError] = []
        walk_letters(path, within)
        found.extend(sorted(within, key=place))
    return found


def place(entry: Path | InputError) -> Path:
    """Where a walk met a letter file, or a folder it could not list."""
    return Path(entry.path) if isinstance(entry, InputError) else entry


def walk_letters(folder: Path, found: list[Path | InputError]) -> None:
    """The letter files below `folder`, and a reason for each folder below it that cannot be
    listed. Anything with a letter's name that is not a folder is taken, a link to nowhere or a
    pipe as well: reading it gives the reason it is no letter."""
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError as exc:
        found.append(InputError(folder, f"cannot read this folder: {exc.strerror or exc}"))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_folder = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_folder = False  # then reading it says what is wrong
        if is_folder:
            walk_letters(Path(entry.path), found)
        elif is_letter_name(entry.name):
            found.append(Path(entry.path))


def read_letter_text(path: str | Path) -> str:
    """Return the text of a letter file, PDF or UTF-8 text, whatever its suffix says."""
    return text_of_letter(read_letter_bytes(path), path)


def read_letter_bytes(path: str | Path) -> bytes:
    """A letter file's bytes (standard input's for `-`), checked for kind, size and emptiness."""
    if str(path) == STANDARD_INPUT:
        data = read_standard_input(path)
    else:
        data = read_regular_file(path, MAX_LETTER_BYTES, "letter file")
    if not data.strip():
        raise InputError(path, "empty file")
    return data


def read_standard_input(name: str | Path) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError(name, "there is no standard input to read")
    try:
        return read_at_most(stream, name, MAX_LETTER_BYTES, "letter file")
    except OSError as exc:
        raise InputError(name, f"cannot read standard input: {exc.strerror or exc}") from None


def text_of_letter(data: bytes, path: str | Path) -> str:
    """The text of a letter's bytes, PDF or UTF-8 text."""
    path = Path(path)
    text = extract_pdf_text(path, data) if is_pdf(data) else decode_text(path, data)
    return fold_line_ends(text)


def is_pdf(data: bytes) -> bool:
    """Whether a letter's bytes are a PDF, whatever its name says."""
    return data.lstrip()[:5] == PDF_MAGIC


def decode_text(path: Path, data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise InputError(path, "binary file, not a text letter or a PDF")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            path,
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save the letter as UTF-8",
        ) from None


def extract_pdf_text(path: Path, data: bytes) -> str:
    # Imported here so that text-only runs and `imrcheck --help` never load PDFium (about 0.4 s).
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data, password="")
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium.raw.FPDF_ERR_PASSWORD:
            raise InputError(path, "PDF is protected by a password") from None
        raise InputError(path, f"damaged or truncated PDF ({pdfium_reason(exc)})") from None
    try:
        pages = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
    except pdfium.PdfiumError as exc:
        raise InputError(
            path, f"damaged PDF: cannot read its text ({pdfium_reason(exc)})"
        ) from None
    finally:
        document.close()
    text = "\n".join(pages)
    if not text.strip():
        raise InputError(path, "PDF has no text layer (a scanned image?); OCR is not supported")
    return text


def pdfium_reason(exc: Exception) -> str:
    """PDFium's own words ("Data format error") without the wrapper's repetition."""
    match = re.search(r"PDFium: ([^)]+)", str(exc))
    return match.group(1).strip() if match else str(exc).strip(" .")


def fold_line_ends(text: str) -> str:
    # PDFium marks a word hyphenated at a line end with U+FFFE and joins the lines; writing it back
    # as "-" and a line end gives the same lines as the state's own text exports.
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufffe", "-\n")
