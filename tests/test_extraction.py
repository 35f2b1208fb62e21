"""Guarded extraction: the commands that read letters in their own process (parse, facts,
check --notes) read each PDF in a worker process, so a PDF that PDFium cannot survive is one
letter's error line. Real processes, a real decompression bomb, a small memory limit.
"""

from __future__ import annotations

import json
import shutil
from contextlib import closing
from pathlib import Path

import pytest
from conftest import DATA, REPO, error_lines, hooked, run_cli
from typer.testing import CliRunner

from cli import app
from engine import documents
from engine.errors import InputError
from engine.extraction import LetterReader
from engine.hostile import decompression_bomb_pdf
from engine.processes import LetterLimits

GOOD_PDF = DATA / "pdf" / "letter_aes.pdf"
SEED = sorted((REPO / "cases").glob("seed-*/letter.txt"))[0]
# Small, so that a bomb is stopped in a second or two and the test stays light.
MEMORY_MIB = 256
SMALL = ("--letter-memory-mib", str(MEMORY_MIB))


@pytest.fixture(scope="module")
def letters(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A text letter, a decompression bomb (its page inflates to 64 MiB of drawing, about 1.8 GB
    to read) and a good PDF, side by side."""
    folder = tmp_path_factory.mktemp("letters")
    shutil.copy(SEED, folder / "a.txt")
    (folder / "bomb.pdf").write_bytes(decompression_bomb_pdf(64))
    shutil.copy(GOOD_PDF, folder / "b.pdf")
    return {name: folder / name for name in ("a.txt", "bomb.pdf", "b.pdf")}


def out_of_memory(path: Path) -> str:
    return (
        f"{path}: error: out of memory: the letter needs more than the {MEMORY_MIB} MiB it may "
        "use; the process reading it was killed by signal 6 (SIGABRT)"
    )


def test_a_bomb_among_letters_to_parse_costs_one_error(letters: dict[str, Path]) -> None:
    a, bomb, b = letters["a.txt"], letters["bomb.pdf"], letters["b.pdf"]
    code, stdout, stderr = run_cli("parse", str(a), str(bomb), str(b), *SMALL, "-f", "json")
    assert code == 2, stderr
    assert error_lines(stderr) == [out_of_memory(bomb)]
    assert "Traceback" not in stderr
    records = json.loads(stdout)
    assert [r["source"] for r in records] == [str(a), str(bomb), str(b)]
    assert records[1] == {"source": str(bomb), "error": out_of_memory(bomb).split(": error: ")[1]}
    # The letters around it are parsed as they are without it.
    code, alone, _ = run_cli("parse", str(a), str(b), "-f", "json")
    assert code == 0
    assert [records[0], records[2]] == json.loads(alone)
    code, table, stderr = run_cli("parse", str(a), str(bomb), str(b), *SMALL)
    assert code == 2
    assert error_lines(stderr) == [out_of_memory(bomb)]
    assert "a.txt" in table and "b.pdf" in table and "CM16-9999001" in table


@pytest.mark.parametrize(
    "command",
    [["facts", "{bomb}"], ["check", "--request", "PT 2x6 lumbar", "--notes", "{bomb}"]],
)
def test_a_bomb_given_to_facts_or_check_is_one_error_line(
    letters: dict[str, Path], command: list[str]
) -> None:
    bomb = letters["bomb.pdf"]
    code, stdout, stderr = run_cli(*(part.format(bomb=bomb) for part in command), *SMALL)
    assert code == 2
    assert stderr.splitlines() == [f"Error: {out_of_memory(bomb)}"]
    assert stdout == ""


@pytest.mark.parametrize(
    "command",
    [
        ["parse", "{pdf}", "-f", "json"],
        ["facts", "{pdf}", "-f", "json"],
        ["check", "--request", "PT 2x6 lumbar", "--notes", "{pdf}", "-f", "json"],
    ],
)
def test_a_good_pdf_reads_as_it_does_in_process(
    command: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    arguments = [part.format(pdf=GOOD_PDF) for part in command]
    code, guarded, stderr = run_cli(*arguments)
    assert code == 0, stderr
    # The same command with the PDF read in its own process, as before the guard.
    monkeypatch.setattr(
        LetterReader, "pdf_text", lambda _, path, data: documents.text_of_letter(data, path)
    )
    unguarded = CliRunner().invoke(app, arguments)
    assert unguarded.exit_code == 0, unguarded.output
    assert json.loads(guarded) == json.loads(unguarded.stdout)
    assert json.loads(guarded)  # not empty on both sides


def test_a_reader_killed_or_stuck_on_a_pdf_costs_that_pdf_only(tmp_path: Path) -> None:
    names = ["one.pdf", "dies.pdf", "two.pdf", "stuck.pdf", "three.pdf"]
    for name in names:
        shutil.copy(GOOD_PDF, tmp_path / name)
    code, stdout, stderr = run_cli(
        "parse",
        *(str(tmp_path / name) for name in names),
        *("--letter-seconds", "1", "-f", "json"),
        env=hooked(IMRCHECK_TEST_KILL_AT="dies.pdf", IMRCHECK_TEST_SLEEP_AT="stuck.pdf"),
    )
    assert code == 2, stderr
    assert error_lines(stderr) == [
        f"{tmp_path / 'dies.pdf'}: error: the process reading it was killed by signal 9 (SIGKILL)",
        f"{tmp_path / 'stuck.pdf'}: error: timed out: the letter took longer than the 1 s it may "
        "take",
    ]
    records = json.loads(stdout)
    assert [r["source"] for r in records if "error" not in r] == [
        str(tmp_path / name) for name in ("one.pdf", "two.pdf", "three.pdf")
    ]


def test_one_worker_reads_every_pdf_and_text_needs_none(letters: dict[str, Path]) -> None:
    with closing(LetterReader(LetterLimits(MEMORY_MIB))) as reader:
        reader.text(letters["a.txt"])
        assert reader.worker is None  # plain text is read here, with no process started
        reader.text(letters["b.pdf"])
        assert reader.worker is not None
        first = reader.worker.process.pid
        reader.text(letters["b.pdf"])
        assert reader.worker.process.pid == first
        with pytest.raises(InputError, match="out of memory"):
            reader.text(letters["bomb.pdf"])
        assert reader.worker is None  # collected; the next PDF starts another
        assert reader.text(letters["b.pdf"]) == reader.text(letters["b.pdf"])
        assert reader.worker.process.pid != first
    assert reader.worker is None
