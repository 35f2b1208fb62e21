"""`imrcheck audit --executor dask`: the same per-letter work on a Dask cluster gives the same
records as a local run. The cluster here is a local one with two worker processes."""

from __future__ import annotations

import json
import os

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


def test_a_named_pipe_is_refused_before_it_goes_to_the_cluster(scheduler: str, tmp_path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)  # opening it to read its bytes would wait for a writer for ever
    seed = sorted((REPO / "cases").glob("seed-*/letter.txt"))[0]
    command = ["audit", str(pipe), str(seed), "-f", "jsonl", "-q"]
    result = runner.invoke(app, [*command, "--executor", "dask", "--scheduler", scheduler])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"{pipe}: error: not a regular file (a named pipe)"]
    failure, *records = [json.loads(line) for line in result.stdout.splitlines()]
    assert failure == {
        "letter": str(pipe),
        "letter_sha256": "",
        "error": "not a regular file (a named pipe)",
    }
    assert records and {record["letter"] for record in records} == {str(seed)}


def test_dask_needs_a_scheduler() -> None:
    result = runner.invoke(app, ["audit", str(REPO / "cases"), "--executor", "dask"])
    assert result.exit_code == 2
    assert "--scheduler" in result.output
