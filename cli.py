"""The `imrcheck` command line: the only module that prints or exits.

Exit codes: 0 fine; 1 findings (kept for rule validation and audits); 2 usage errors or input
that could not be used (every other input is still processed and reported first).
"""

from __future__ import annotations

import json
import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    help="Check California workers' compensation requests and IMR determinations against "
    "guideline criteria written as YAML rules.",
)

EXIT_INPUT_ERROR = 2


def show_version(value: bool) -> None:
    if value:
        from engine import __version__

        typer.echo(f"imrcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=show_version, is_eager=True, help="Show the version."),
    ] = None,
) -> None:
    """Check California workers' compensation requests and IMR determinations against guideline
    criteria written as YAML rules."""


class ParseFormat(StrEnum):
    table = "table"
    json = "json"
    yaml = "yaml"


RulesOption = Annotated[
    Path | None,
    typer.Option(
        "--rules",
        help="Rules folder to use instead of the bundled one (its vocab/ gives the vocabularies).",
        file_okay=False,
    ),
]


def fail(message: str, code: int = EXIT_INPUT_ERROR) -> None:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(code)


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files as given, folders walked for letter files in name order (hidden folders skipped)."""
    from engine.documents import is_letter_file

    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if is_letter_file(p)
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )
        else:
            found.append(path)
    return found


def load_vocabulary_or_exit(rules: Path | None) -> Any:
    from engine.errors import VocabularyError
    from engine.vocab import load_vocabulary

    try:
        return load_vocabulary(rules)
    except VocabularyError as exc:
        for problem in exc.problems:
            typer.echo(problem, err=True)
        raise typer.Exit(EXIT_INPUT_ERROR) from None


@app.command()
def parse(
    paths: Annotated[list[Path], typer.Argument(help="Letter files (text or PDF) or folders.")],
    output_format: Annotated[
        ParseFormat,
        typer.Option("--format", "-f", help="table for people; json or yaml for machines."),
    ] = ParseFormat.table,
    rules: RulesOption = None,
) -> None:
    """Parse IMR determination letters into structured cases: one case per file."""
    from engine.errors import InputError
    from engine.letters import parse_letter_file
    from engine.records import case_record, error_record

    vocabulary = load_vocabulary_or_exit(rules)
    files = expand_paths(paths)
    if not files:
        fail("no letter files (.txt or .pdf) found in " + ", ".join(map(str, paths)))
    records: list[dict[str, Any]] = []
    failures = 0
    for path in files:
        try:
            records.append(case_record(parse_letter_file(path, vocabulary)))
        except InputError as exc:
            failures += 1
            records.append(error_record(str(path), exc.message))
            typer.echo(str(exc), err=True)
    if output_format is ParseFormat.json:
        typer.echo(json.dumps(records, indent=2))
    elif output_format is ParseFormat.yaml:
        import yaml

        typer.echo(yaml.safe_dump(records, sort_keys=False, allow_unicode=True), nl=False)
    else:
        print_cases_table(records)
    if failures:
        raise typer.Exit(EXIT_INPUT_ERROR)


def describe_quantity(quantity: dict[str, Any]) -> str:
    parts = []
    if quantity.get("visits"):
        parts.append(f"{quantity['visits']} visits")
    if quantity.get("per_week") and quantity.get("weeks"):
        parts.append(f"{quantity['per_week']}x{quantity['weeks']}wk")
    elif quantity.get("per_week"):
        parts.append(f"{quantity['per_week']}/wk")
    for name in ("days", "months", "units"):
        if quantity.get(name):
            parts.append(f"{quantity[name]:g} {name}")
    if quantity.get("additional"):
        parts.append("additional")
    return ", ".join(parts)


def print_cases_table(records: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(no_color=bool(os.environ.get("NO_COLOR")) or None)
    if not console.is_terminal:
        console.width = 200  # piped output is read later, and wrapped cells are hard to grep
    table = Table(show_lines=False)
    for column in ("letter", "case", "#", "request", "decision", "service", "regions", "quantity"):
        table.add_column(column, overflow="fold", min_width=40 if column == "request" else None)
    for record in records:
        name = Path(record["source"]).name
        if "error" in record:
            table.add_row(name, "", "", f"error: {record['error']}", "", "", "", "")
            continue
        for item in record["items"]:
            service = item["service"]
            kind = "/".join(v for v in (service["category"], service["subtype"]) if v)
            if service.get("specialty"):
                kind += f" ({service['specialty']})"
            regions = ", ".join(
                f"{r['side']} {r['name']}" if r["side"] else r["name"] for r in item["regions"]
            )
            decision = item["decision"]
            if item["decision_source"] == "conclusion":
                decision += " (from rationale)"
            table.add_row(
                name,
                record["case_number"] or "",
                str(item["index"]),
                item["request"],
                decision,
                kind,
                regions,
                describe_quantity(item["quantity"]),
            )
    console.print(table)


if __name__ == "__main__":  # pragma: no cover - `python cli.py` as well as the console script
    app()
