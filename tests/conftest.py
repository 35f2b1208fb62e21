"""Shared test fixtures. The real letters in ../shared are optional: tests that need them skip
cleanly where that folder is absent (a user's fresh clone)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS_TXT = SHARED / "corpus" / "dwc-2016" / "txt"
CORPUS_PDF = SHARED / "corpus" / "dwc-2016" / "pdf"
SEEDS = SHARED / "seeds"
DATA = REPO / "tests" / "data"


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


def real_letters() -> list[Path]:
    """The 160 real letters as text: 155 corpus letters and 5 seeds (empty where absent)."""
    if not CORPUS_TXT.is_dir():
        return []
    return sorted(CORPUS_TXT.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))


needs_shared = pytest.mark.skipif(
    not CORPUS_TXT.is_dir(), reason="the real letters in ../shared are not present"
)
