"""The documents stage: bad files give one clear reason each, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import DATA, REPO

from engine.documents import MAX_LETTER_BYTES, letter_files, read_letter_text
from engine.errors import InputError

PDF_DIR = DATA / "pdf"


def reason(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        read_letter_text(path)
    assert caught.value.path == str(path)
    return caught.value.message


def test_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    assert reason(empty) == "empty file"


def test_binary_garbage(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(bytes(range(256)) * 4)
    assert reason(garbage) == "binary file, not a text letter or a PDF"


def test_text_that_is_not_utf8(tmp_path: Path) -> None:
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Patient was seen by Dr. Mu\u00f1oz".encode("latin-1"))
    assert reason(latin).startswith("not UTF-8 text (byte 0xf1 at offset 26)")


def test_file_over_the_size_cap(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written to disk
    assert reason(huge) == (
        f"file is 50.0 MiB; a letter file is at most {MAX_LETTER_BYTES // 2**20} MiB"
    )


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert reason(tmp_path / "nowhere.txt") == "no such file"
    assert reason(tmp_path) == "is a folder, not a letter file"


def test_state_style_aes_pdf_with_empty_password_opens() -> None:
    text = read_letter_text(PDF_DIR / "letter_aes.pdf")
    assert "IMR ISSUES, DECISIONS AND RATIONALES" in text
    assert "\r" not in text


def test_pdf_with_a_real_password() -> None:
    assert reason(PDF_DIR / "password.pdf") == "PDF is protected by a password"


def test_truncated_pdf(tmp_path: Path) -> None:
    data = (PDF_DIR / "letter_aes.pdf").read_bytes()
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(data[: len(data) // 2])
    assert reason(truncated) == "damaged or truncated PDF (Data format error)"


def test_pdf_without_a_text_layer() -> None:
    assert reason(PDF_DIR / "scanned.pdf") == (
        "PDF has no text layer (a scanned image?); OCR is not supported"
    )


def test_pdf_is_recognised_by_content_not_suffix(tmp_path: Path) -> None:
    renamed = tmp_path / "letter.txt"
    renamed.write_bytes((PDF_DIR / "letter_aes.pdf").read_bytes())
    assert "Case Number:" in read_letter_text(renamed)


def test_a_named_pipe_and_a_device_are_refused_unopened(tmp_path: Path) -> None:
    pipe = tmp_path / "letter.txt"
    os.mkfifo(pipe)  # opening it to read would wait for a writer for ever
    assert reason(pipe) == "not a regular file (a named pipe)"
    assert reason(Path("/dev/zero")) == "not a regular file (a character device)"


def walked_before(folder: Path) -> list[Path]:
    """What the walk gave when it was `Path.rglob`, for the order to stay the same."""
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and p.suffix.lower() in {".txt", ".text", ".pdf"}
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def test_a_folder_is_walked_in_the_order_it_always_was(tmp_path: Path) -> None:
    for name in ("b.txt", "a/z.PDF", "a.txt", "a/b/c.text", ".hidden/x.txt", "a/.x.txt", "n.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    (tmp_path / "linked").symlink_to(tmp_path / "a")  # a linked folder is not followed
    assert letter_files([tmp_path]) == walked_before(tmp_path)
    assert letter_files([REPO / "cases"]) == walked_before(REPO / "cases")


def test_a_folder_that_cannot_be_listed_stands_as_its_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As root, permission bits do not stop a listing; tests/test_runner.py runs the command
    # without root's override for the real thing.
    for name in ("a.txt", "locked/b.txt", "z.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    listing = os.scandir

    def refusing(path: str | Path) -> object:
        if Path(path) == tmp_path / "locked":
            raise PermissionError(13, "Permission denied")
        return listing(path)

    monkeypatch.setattr(os, "scandir", refusing)
    first, refused, last = letter_files([tmp_path])
    assert (first, last) == (tmp_path / "a.txt", tmp_path / "z.txt")
    assert isinstance(refused, InputError)
    assert (
        str(refused) == f"{tmp_path / 'locked'}: error: cannot read this folder: Permission denied"
    )
