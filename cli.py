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
    from rich.table import Table

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
    print_table(table)


@app.command()
def facts(
    path: Annotated[Path, typer.Argument(help="A letter file (text or PDF).")],
    item: Annotated[
        int | None, typer.Option("--item", help="Only this disputed item (from 1).")
    ] = None,
    summary_only: Annotated[
        bool, typer.Option("--summary-only", help="Read the clinical summary only.")
    ] = False,
    facts_file: Annotated[
        Path | None,
        typer.Option(
            "--facts-file",
            help="YAML or JSON facts written by hand ('facts: {name: value}', 'items: {N: ...}'), "
            "overriding and completing what is read.",
            dir_okay=False,
        ),
    ] = None,
    output_format: Annotated[
        ParseFormat, typer.Option("--format", "-f", help="table for people; json for machines.")
    ] = ParseFormat.table,
    rules: RulesOption = None,
) -> None:
    """The clinical facts a letter documents, each with its evidence."""
    from engine.documents import read_letter_text
    from engine.errors import InputError, NotALetterError
    from engine.facts import (
        FactsFileError,
        extract_facts,
        extract_note_facts,
        read_facts_file,
        with_overrides,
    )
    from engine.letters import parse_letter

    vocabulary = load_vocabulary_or_exit(rules)
    try:
        text = read_letter_text(path)
        case = parse_letter(text, source=str(path), vocabulary=vocabulary)
        items = {i.index for i in case.items}
        found = extract_facts(case, rules, summary_only)
    except NotALetterError:
        # Not an IMR letter: a clinical note for a new request, read as a whole.
        items = set()
        found = extract_note_facts(text, str(path), rules)
    except InputError as exc:
        fail(str(exc))
    if item is not None and item not in items:
        fail(f"{path}: no item {item} (it has {len(items)})")
    if facts_file is not None:
        rulebook = load_rules_or_exit(rules, None)
        try:
            found = with_overrides(found, read_facts_file(facts_file, rulebook.fields))
        except FactsFileError as exc:
            for line in exc.problems:
                typer.echo(line, err=True)
            raise typer.Exit(EXIT_INPUT_ERROR) from None
    chosen = [f for f in found.facts if item is None or f.item in (None, item)]
    records = [f.model_dump(mode="json") for f in chosen]
    if output_format is ParseFormat.json:
        typer.echo(json.dumps({"source": str(path), "facts": records}, indent=2))
        return
    if output_format is ParseFormat.yaml:
        import yaml

        typer.echo(yaml.safe_dump({"source": str(path), "facts": records}, sort_keys=False))
        return
    table = new_table(("fact", "item", "value", "from", "evidence"))
    for fact in chosen:
        table.add_row(
            fact.name,
            "" if fact.item is None else str(fact.item),
            shown_value(fact.model_dump(mode="json")["value"]),
            fact.evidence.source,
            fact.evidence.sentence,
        )
    print_table(table)


rules_app = typer.Typer(
    no_args_is_help=True,
    help="Validate, test, list and show the guideline rules.",
)
app.add_typer(rules_app, name="rules")

OverlayOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--overlay",
        help="A folder of your own rules laid over the rule set: same id replaces, new id adds, "
        "'disable: [ids]' removes. Repeatable; IMRCHECK_OVERLAY lists more (like PATH).",
        file_okay=False,
    ),
]
RulesDirArgument = Annotated[
    Path | None,
    typer.Argument(help="Rules folder (default: the bundled rules, or --rules).", file_okay=False),
]


class OutputFormat(StrEnum):
    table = "table"
    json = "json"


FormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="table for people; json for machines.")
]


def choose_rules_dir(argument: Path | None, option: Path | None) -> Path | None:
    if argument and option and argument.resolve() != option.resolve():
        fail(f"two rules folders given: {argument} and --rules {option}")
    return argument or option


def load_rules_or_exit(rules: Path | None, overlays: list[Path] | None) -> Any:
    from engine.rules import RuleError, environment_overlays, load_rulebook

    try:
        rulebook = load_rulebook(rules, [*(overlays or []), *environment_overlays()])
    except RuleError as exc:
        for line in [*exc.problems, *exc.warnings]:
            typer.echo(line, err=True)
        typer.echo(f"{len(exc.problems)} error(s) in the rules", err=True)
        raise typer.Exit(EXIT_INPUT_ERROR) from None
    for line in rulebook.warnings:
        typer.echo(line, err=True)
    return rulebook


@rules_app.command("validate")
def rules_validate(
    directory: RulesDirArgument = None,
    rules: RulesOption = None,
    overlay: OverlayOption = None,
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """Check every rule file; print each problem as path:line:col. Exit 1 if any."""
    from engine.rules import RuleError, environment_overlays, load_rulebook

    folder = choose_rules_dir(directory, rules)
    try:
        rulebook = load_rulebook(folder, [*(overlay or []), *environment_overlays()])
        problems, warnings, count = [], list(rulebook.warnings), len(rulebook.rules)
    except RuleError as exc:
        problems, warnings, count = exc.problems, exc.warnings, 0
    if output_format is OutputFormat.json:
        report = {"valid": not problems, "rules": count, "errors": problems, "warnings": warnings}
        typer.echo(json.dumps(report, indent=2))
    else:
        for line in [*problems, *warnings]:
            typer.echo(line)
        if problems:
            typer.echo(f"{len(problems)} error(s), {len(warnings)} warning(s)")
        else:
            typer.echo(f"{count} rules valid, {len(warnings)} warning(s)")
    if problems:
        raise typer.Exit(1)


@rules_app.command("test")
def rules_test(
    directory: RulesDirArgument = None,
    pattern: Annotated[
        str | None,
        typer.Option("-k", help="Only rules whose id, or examples whose name, contain this."),
    ] = None,
    rules: RulesOption = None,
    overlay: OverlayOption = None,
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """Run every rule's examples through the engine. Last line: N passed, N failed."""
    from engine.evaluate import Evaluator, check_examples

    rulebook = load_rules_or_exit(choose_rules_dir(directory, rules), overlay)
    results = check_examples(Evaluator(rulebook), pattern)
    if pattern and not results:
        fail(f"no rule id or example name contains '{pattern}'")
    failed = [r for r in results if not r.passed]
    if output_format is OutputFormat.json:
        typer.echo(json.dumps([r.model_dump() for r in results], indent=2))
    else:
        for result in failed:
            origin = rulebook.by_id[result.rule_id].origin
            reason = (
                f"marked todo ({result.todo}) but now gives '{result.got}': remove the todo"
                if result.todo
                else f"expected {result.expected}, got {result.got}"
            )
            typer.echo(f"{origin}: FAIL {result.rule_id}: {result.example}: {reason}")
        known = sum(1 for r in results if r.todo and r.passed)
        if known:
            typer.echo(f"{known} known miss(es) marked todo")
        typer.echo(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    if failed:
        raise typer.Exit(1)


@rules_app.command("list")
def rules_list(
    rules: RulesOption = None,
    overlay: OverlayOption = None,
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """List the rules: id, tier, effective dates, confidence and services."""
    from engine.records import rule_record

    rulebook = load_rules_or_exit(rules, overlay)
    records = [rule_record(rule) for rule in rulebook.rules]
    if output_format is OutputFormat.json:
        typer.echo(json.dumps(records, indent=2))
        return
    table = new_table(("id", "tier", "from", "until", "confidence", "services", "outcome"))
    for record in records:
        effective = record["effective"]
        table.add_row(
            record["id"] + (" (overlay)" if record["overlay"] else ""),
            record["tier"],
            effective["from"] or "-",
            effective["until"] or "open",
            record["confidence"],
            ", ".join(record["applies"]["services"]),
            record["outcome"],
        )
    print_table(table)


@rules_app.command("show")
def rules_show(
    rule_id: Annotated[str, typer.Argument(help="The rule's id.")],
    rules: RulesOption = None,
    overlay: OverlayOption = None,
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """Show one rule in full: citation, dates, confidence, applies, condition, outcome."""
    from engine.records import rule_record
    from engine.yamlsource import did_you_mean

    rulebook = load_rules_or_exit(rules, overlay)
    rule = rulebook.by_id.get(rule_id)
    if rule is None:
        fail(f"no rule '{rule_id}'{did_you_mean(rule_id, rulebook.by_id)}")
    record = rule_record(rule)
    if output_format is OutputFormat.json:
        typer.echo(json.dumps(record, indent=2))
        return
    table = new_table(("field", "value"))
    for key, value in record.items():
        table.add_row(key, shown_value(value))
    print_table(table)


def shown_value(value: Any) -> str:
    """A JSON value as people read it: lists joined, mappings as 'key: value' lines."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(shown_value(v) for v in value)
    if isinstance(value, dict):
        return "\n".join(
            f"{k}: {shown_value(v)}" for k, v in value.items() if v not in (None, [], "")
        )
    return str(value)


def new_table(columns: tuple[str, ...]) -> Any:
    from rich.table import Table

    table = Table(show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def print_table(table: Any) -> None:
    from rich.console import Console

    console = Console(no_color=bool(os.environ.get("NO_COLOR")) or None)
    if not console.is_terminal:
        console.width = 200  # piped output is read later, and wrapped cells are hard to grep
    console.print(table)


if __name__ == "__main__":  # pragma: no cover - `python cli.py` as well as the console script
    app()
