"""Shared test fixtures. The real letters in ../shared are optional: tests that need them skip
cleanly where that folder is absent (a user's fresh clone)."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS_TXT = SHARED / "corpus" / "dwc-2016" / "txt"
CORPUS_PDF = SHARED / "corpus" / "dwc-2016" / "pdf"
SEEDS = SHARED / "seeds"
DATA = REPO / "tests" / "data"
HOOKS = REPO / "tests" / "worker_hooks"


def pytest_configure(config: pytest.Config) -> None:
    # The rules cache of the run goes to a folder of its own, not the user's: tests load many
    # rule folders of their own, and a cache kept from before would hide a loader change.
    import os
    import tempfile

    if "IMRCHECK_CACHE_DIR" not in os.environ:
        os.environ["IMRCHECK_CACHE_DIR"] = tempfile.mkdtemp(prefix="imrcheck-test-cache-")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the parsed part of cases/*/expected.yaml from the current output",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def vocabulary():
    from engine.vocab import load_vocabulary

    return load_vocabulary()


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a local Dask cluster with two worker processes, for a module's tests (its
    dashboard on a free port: test processes run side by side)."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="session")
def findings():
    from engine.facts import load_findings

    return load_findings()


def real_letters() -> list[Path]:
    """The 160 real letters as text: 155 corpus letters and 5 seeds (empty where absent)."""
    if not CORPUS_TXT.is_dir():
        return []
    return sorted(CORPUS_TXT.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))


needs_shared = pytest.mark.skipif(
    not CORPUS_TXT.is_dir(), reason="the real letters in ../shared are not present"
)


def many_letters(folder: Path, count: int) -> list[Path]:
    """Copies of the seed letters, each made distinct by a line of its own, so each has its own
    content hash."""
    seeds = sorted((REPO / "cases").glob("seed-*/letter.txt"))
    folder.mkdir()
    made = []
    for n in range(count):
        seed = seeds[n % len(seeds)]
        path = folder / f"letter-{n:04d}.txt"
        path.write_text(seed.read_text() + f"\nCopy {n} of a seed letter.\n")
        made.append(path)
    return made


def without_root_file_access(locked: Path) -> Callable[[], None] | None:
    """What makes a process started as root meet permission bits as a user does: root's
    capabilities to read and search any file, dropped from its bounding set before it starts
    (a process of another user could not run the interpreter, which lives in root's home). None
    where the tests do not run as root. Skips the test where this system will not drop them."""
    if os.geteuid() != 0:
        return None
    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop, cap_dac_override, cap_dac_read_search = 24, 1, 2

    def drop() -> None:
        for capability in (cap_dac_override, cap_dac_read_search):
            if libc.prctl(pr_capbset_drop, capability, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")

    try:
        probe = subprocess.run(
            [sys.executable, "-c", f"import os; os.listdir({str(locked)!r})"],
            preexec_fn=drop,
            capture_output=True,
        )
    except subprocess.SubprocessError:
        pytest.skip("this system does not let root drop its file-access capabilities")
    if probe.returncode == 0:
        pytest.skip("root still reads a folder without permissions here")
    return drop


def rules_folder(root: Path, files: dict[str, str]) -> Path:
    """A rules folder with the bundled fact catalogue and vocabularies and the given rule files."""
    import shutil

    folder = root / "rules"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "rules" / "facts.yaml", folder / "facts.yaml")
    shutil.copytree(REPO / "rules" / "vocab", folder / "vocab", dirs_exist_ok=True)
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return folder


# A minimal valid rule file for tests that need one; tests adapt it with str.replace.
LIMIT_RULE = """rules:
  - id: mtus.test.limit
    title: limit
    citation: {document: Test guideline}
    tier: mtus
    effective: {from: 2009-07-18}
    confidence: confirmed
    applies: {services: [physical_therapy]}
    when: request.visits > 10
    outcome: deny
    message: over
    examples: [{name: over, request: {visits: 12}, expect: deny}]
"""


# --- commands in processes of their own ---------------------------------------------------------


def run_cli(
    *arguments: str,
    env: dict[str, str] | None = None,
    input: bytes | None = None,
    preexec_fn: Callable[[], None] | None = None,
) -> tuple[int, str, str]:
    """The command as people run it, in a process of its own: a run that hangs fails the test
    (after two minutes) instead of stopping the suite."""
    completed = subprocess.run(
        [sys.executable, str(REPO / "cli.py"), *arguments],
        cwd=REPO,
        env={**os.environ, **(env or {})},
        input=input,
        capture_output=True,
        timeout=120,
        preexec_fn=preexec_fn,
    )
    return completed.returncode, completed.stdout.decode(), completed.stderr.decode()


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ": error: " in line]


def hooked(**variables: str) -> dict[str, str]:
    """The environment that makes worker processes misbehave on the letters named
    (tests/worker_hooks, on PYTHONPATH, which the workers inherit)."""
    path = os.pathsep.join(filter(None, [str(HOOKS), os.environ.get("PYTHONPATH")]))
    return {"PYTHONPATH": path, **variables}


def note_values(
    note: str,
    findings: Any,
    vocabulary: Any,
    request: str | None = None,
    told_on: date | None = None,
) -> dict:
    """The facts a note gives, by name, read as `imrcheck check` reads them: for the request
    where one is written, else for none, and on the date it is checked where one is given."""
    from engine.facts import extract_note_facts
    from engine.requests import normalize_request

    asked = normalize_request(request, vocabulary) if request else None
    facts = extract_note_facts(note, findings, request=asked, note_date=told_on).facts
    return {f.name: f.value for f in facts}


def planted_in_rationale(letter: Path, planted: str, findings: Any, vocabulary: Any) -> tuple:
    """The letter's facts, and those it gives with `planted` put at the start of its first
    decision rationale, each as a set of (name, repr(value)); and the planted letter's facts."""
    from engine.facts import extract_facts
    from engine.letters import parse_letter

    text = letter.read_text()
    marker = "Decision rationale:"
    assert marker in text
    with_planted = text.replace(marker, marker + " " + planted, 1)
    before = extract_facts(parse_letter(text, vocabulary), findings).facts
    after = extract_facts(parse_letter(with_planted, vocabulary), findings).facts
    return (
        {(f.name, repr(f.value)) for f in before},
        {(f.name, repr(f.value)) for f in after},
        after,
    )
