"""`imrcheck audit --executor dask`: the same per-letter work on a Dask cluster gives the same
records as a local run. The cluster here is a local one with two worker processes."""

from __future__ import annotations

from conftest import REPO, SHARED
from typer.testing import CliRunner

from cli import app

runner = CliRunner()


def letters() -> list[str]:
    """The 160 real letters where ../shared is present, else the five bundled ones."""
    paths = [str(REPO / "cases")]
    corpus = SHARED / "corpus" / "dwc-2016" / "txt"
    return [*paths, str(corpus)] if corpus.is_dir() else paths


def test_a_dask_run_writes_the_same_records_as_a_local_one(scheduler: str, tmp_path) -> None:
    local = runner.invoke(app, ["audit", *letters(), "-f", "jsonl", "-q"])
    assert local.exit_code == 0, local.output
    db = tmp_path / "results.db"
    command = ["audit", *letters(), "-f", "jsonl", "-q", "--db", str(db)]
    on_dask = runner.invoke(app, [*command, "--executor", "dask", "--scheduler", scheduler])
    assert on_dask.exit_code == 0, on_dask.output
    assert on_dask.stdout == local.stdout
    # The store took them as from any run: a local re-run reuses every one.
    again = runner.invoke(app, command)
    assert again.stdout == local.stdout


def test_dask_needs_a_scheduler() -> None:
    result = runner.invoke(app, ["audit", str(REPO / "cases"), "--executor", "dask"])
    assert result.exit_code == 2
    assert "--scheduler" in result.output
