"""The `imrcheck` command line: the only module that prints or exits.

Exit codes: 0 fine; 1 findings (kept for rule validation and audits); 2 usage errors or input
that could not be used (every other input is still processed and reported first).
"""

import gc
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    # Help is plain text: rich markup would swallow the "[dask]" of "imrcheck[dask]" and any
    # other bracketed word of a help string, and usage errors stay one "Error:" line.
    rich_markup_mode=None,
    help="Check California workers' compensation requests and IMR determinations against "
    "guideline criteria written as YAML rules.",
)

EXIT_INPUT_ERROR = 2
T = TypeVar("T")


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


# What one letter may take in the worker process that reads it (a PDF) or audits it. The defaults
# are engine.processes', written out so that the command line starts without importing the
# engine; a test keeps them equal.
LetterMemoryOption = Annotated[
    int,
    typer.Option(
        "--letter-memory-mib",
        min=1,
        max=1024 * 1024,
        help="Memory one letter may use, beyond what the worker process reading it holds; a "
        "letter that needs more fails with an error line.",
    ),
]
LetterSecondsOption = Annotated[
    float,
    typer.Option(
        "--letter-seconds",
        min=0.1,
        help="Time one letter may take; a letter that takes longer fails with an error line.",
    ),
]


def date_or_today(on: str | None) -> Any:
    """The `--date` given, else today; a date not written YYYY-MM-DD is one error line."""
    from datetime import date

    try:
        return date.fromisoformat(on) if on else date.today()
    except ValueError:
        fail(f"--date: '{on}' is not a date written YYYY-MM-DD")


def fail(message: str, code: int = EXIT_INPUT_ERROR) -> None:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(code)


def read_from_rules_or_exit(load: Callable[[Path | None], T], rules: Path | None) -> T:
    """What `load` reads from the rules folder (`--rules`, else the bundled one), for the
    commands that read letters without loading the rules; every problem of its files on stderr
    as path:line:col, then exit 2."""
    from engine.errors import VocabularyError

    try:
        return load(rules)
    except VocabularyError as exc:
        for problem in exc.problems:
            typer.echo(problem, err=True)
        raise typer.Exit(EXIT_INPUT_ERROR) from None


@app.command()
def parse(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Letter files (text or PDF) or folders; - reads standard input."),
    ],
    output_format: Annotated[
        ParseFormat,
        typer.Option("--format", "-f", help="table for people; json or yaml for machines."),
    ] = ParseFormat.table,
    rules: RulesOption = None,
    letter_memory_mib: LetterMemoryOption = 1024,
    letter_seconds: LetterSecondsOption = 60.0,
) -> None:
    """Parse IMR determination letters into structured cases: one case per file."""
    from contextlib import closing

    from engine.errors import InputError
    from engine.extraction import LetterReader
    from engine.letters import parse_letter
    from engine.processes import LetterLimits, RunnerError
    from engine.records import case_record, error_record
    from engine.vocab import load_vocabulary

    vocabulary = read_from_rules_or_exit(load_vocabulary, rules)
    from engine.documents import letter_files

    files = letter_files(paths)
    if not files:
        fail("no letter files (.txt or .pdf) found in " + ", ".join(map(str, paths)))
    records: list[dict[str, Any]] = []
    failures = 0
    # PDFs are read in a worker process: a PDF that PDFium cannot survive is one letter's error.
    with closing(LetterReader(LetterLimits(letter_memory_mib, letter_seconds))) as reader:
        for path in files:
            try:
                if isinstance(path, InputError):
                    raise path  # a folder the walk could not list
                text = reader.text(path)
                records.append(case_record(parse_letter(text, vocabulary, source=str(path))))
            except InputError as exc:
                failures += 1
                records.append(error_record(exc.path, exc.message))
                typer.echo(str(exc), err=True)
            except RunnerError as exc:
                fail(str(exc))
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
    def ranged(name: str) -> str:
        # A range stays visible: "3-6 visits" says more than the 6 it is judged on.
        least = quantity.get(f"{name}_min")
        return f"{least}-{quantity[name]}" if least else f"{quantity[name]}"

    parts = []
    if quantity.get("visits"):
        parts.append(f"{ranged('visits')} visits")
    if quantity.get("per_week") and quantity.get("weeks"):
        parts.append(f"{ranged('per_week')}x{ranged('weeks')}wk")
    elif quantity.get("per_week"):
        parts.append(f"{ranged('per_week')}/wk")
    elif quantity.get("weeks"):
        parts.append(f"{ranged('weeks')}wk")
    for name in ("days", "months", "units"):
        if quantity.get(name):
            parts.append(f"{quantity[name]:g} {name}")
    if quantity.get("additional"):
        parts.append("additional")
    return ", ".join(parts)


def print_cases_table(records: list[dict[str, Any]]) -> None:
    rows: list[tuple[str, ...]] = []
    for record in records:
        name = Path(record["source"]).name
        if "error" in record:
            rows.append((name, "", "", f"error: {record['error']}", "", "", "", ""))
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
            rows.append(
                (
                    name,
                    record["case_number"] or "",
                    str(item["index"]),
                    item["request"],
                    decision,
                    kind,
                    regions,
                    describe_quantity(item["quantity"]),
                )
            )
    columns = ("letter", "case", "#", "request", "decision", "service", "regions", "quantity")
    print_table(columns, rows, min_widths={"request": 40})


@app.command()
def facts(
    path: Annotated[
        Path, typer.Argument(help="A letter file (text or PDF); - reads standard input.")
    ],
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
    letter_memory_mib: LetterMemoryOption = 1024,
    letter_seconds: LetterSecondsOption = 60.0,
) -> None:
    """The clinical facts a letter documents, each with its evidence."""
    from engine.errors import InputError, NotALetterError
    from engine.extraction import read_letter_text
    from engine.facts import (
        FactsFileError,
        extract_facts,
        extract_note_facts,
        read_facts_file,
        read_findings,
        with_overrides,
    )
    from engine.letters import parse_letter
    from engine.processes import LetterLimits, RunnerError
    from engine.vocab import default_rules_dir, load_vocabulary

    vocabulary = read_from_rules_or_exit(load_vocabulary, rules)
    # The findings take the drug and region names of the vocabulary just read, not a second read.
    findings = read_from_rules_or_exit(
        lambda folder: read_findings(folder or default_rules_dir(), vocabulary), rules
    )
    try:
        text = read_letter_text(path, LetterLimits(letter_memory_mib, letter_seconds))
        case = parse_letter(text, vocabulary, source=str(path))
        items = {i.index for i in case.items}
        found = extract_facts(case, findings, summary_only)
    except NotALetterError:
        # Not an IMR letter: a clinical note for a new request, read as a whole.
        items = set()
        found = extract_note_facts(text, findings, str(path))
    except (InputError, RunnerError) as exc:
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
    rows = [
        (
            fact.name,
            "" if fact.item is None else str(fact.item),
            shown_value(fact.model_dump(mode="json")["value"])
            # An item's fact without a value withdraws the letter's for that item.
            or ("not for this item" if fact.item is not None and fact.value is None else ""),
            fact.evidence.source,
            fact.evidence.sentence,
        )
        for fact in chosen
    ]
    print_table(("fact", "item", "value", "from", "evidence"), rows)


class AuditFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class Executor(StrEnum):
    local = "local"
    dask = "dask"


class FactsFrom(StrEnum):
    all = "all"
    summary = "summary"


# The CSV columns, in order: the record's fields, lists joined.
CSV_COLUMNS = (
    "letter",
    "case_number",
    "item",
    "request",
    "service",
    "reviewer_decision",
    "verdict",
    "agreement",
    "compared_as_upheld",
    "governing_tier",
    "reviewer_tier",
    "tier_differs",
    "rules",
    "reasons",
    "citations",
    "supported_quantity",
    "missing",
    "error",
)


@app.command()
def audit(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="IMR letters (text or PDF) or folders; - reads one from standard input."
        ),
    ],
    rules: RulesOption = None,
    overlay: OverlayOption = None,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            help="SQLite file to keep results in; letters already audited with the same content "
            "and rules are skipped, so an interrupted run can simply be started again.",
        ),
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Processes to use (same records as one).")
    ] = 1,
    retry_failed: Annotated[
        bool,
        typer.Option(
            "--retry-failed",
            help="With --db, audit again the letters it records as failed (by default they are "
            "reported from it, not tried again, unless their content changed).",
        ),
    ] = False,
    letter_memory_mib: LetterMemoryOption = 1024,
    letter_seconds: LetterSecondsOption = 60.0,
    output_format: Annotated[
        AuditFormat,
        typer.Option("--format", "-f", help="table for people; jsonl or csv for machines."),
    ] = AuditFormat.table,
    facts_from: Annotated[
        FactsFrom,
        typer.Option(
            "--facts-from",
            help="Read facts from the whole letter (summary and what rationales report) or the "
            "clinical summary only.",
        ),
    ] = FactsFrom.all,
    fail_on_disagreement: Annotated[
        bool,
        typer.Option("--fail-on-disagreement", help="Exit 1 if any verdict disagrees."),
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no summary on stderr.")
    ] = False,
    executor: Annotated[
        Executor,
        typer.Option(
            "--executor",
            help="local: this machine (--jobs processes); dask: a Dask cluster (--scheduler), "
            "with the optional extra imrcheck[dask].",
        ),
    ] = Executor.local,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="The Dask scheduler's address, e.g. tcp://host:8786."),
    ] = None,
) -> None:
    """Judge each disputed item of published IMR letters by the rules, and compare with the
    reviewer. Exit 2 if a letter could not be audited, 1 on disagreement with
    --fail-on-disagreement, else 0."""
    from engine.audit import AuditSettings, rules_version
    from engine.documents import letter_files
    from engine.errors import InputError
    from engine.processes import LetterLimits, RunnerError
    from engine.summary import InconsistentRecordError, Tally
    from engine.vocab import default_rules_dir

    if executor is Executor.dask:
        if not scheduler:
            fail("--executor dask needs --scheduler ADDRESS (e.g. tcp://scheduler:8786)")
        try:
            import distributed  # noqa: F401
        except ImportError:
            fail("--executor dask needs Dask: pip install 'imrcheck[dask]'")
    load_rules_or_exit(rules, overlay)
    files = letter_files(paths)
    if not files:
        fail("no letter files (.txt or .pdf) found in " + ", ".join(map(str, paths)))
    overlays = tuple(overlay_folders(overlay))
    settings = AuditSettings(rules, overlays, facts_from is FactsFrom.summary)
    version = rules_version([rules or default_rules_dir(), *overlays]) + (
        "-summary" if settings.summary_only else ""
    )
    store = None
    if db is not None:
        from engine.store import Store

        try:
            store = Store(db)
        except InputError as exc:
            fail(str(exc))
    tally = Tally(listed_disagreements=LISTED_DISAGREEMENTS)
    failures: list[Any] = []
    rows: list[tuple[str, ...]] = []  # the table's, kept small: a table is for runs people read
    writer = CsvRecords() if output_format is AuditFormat.csv else None
    try:
        on_cluster = scheduler if executor is Executor.dask else None
        limits = LetterLimits(letter_memory_mib, letter_seconds)
        for result in run_audit(
            files, settings, version, jobs, store, quiet, on_cluster, limits, retry_failed
        ):
            try:
                tally.add_result(result)
            except InconsistentRecordError as exc:
                fail(f"the results do not add up: {exc}")
            if result.error:
                failures.append(result)
            # Machine output goes out as it comes, so a long run can be followed or piped on.
            if output_format is AuditFormat.jsonl:
                for line in result_lines(result):
                    typer.echo(json.dumps(line))
            elif writer is not None:
                writer.write(result)
            else:
                rows.extend(table_row(record) for record in result.records)
    except (InputError, RunnerError) as exc:
        fail(str(exc))
    finally:
        if store:
            store.close()
    summary = tally.summary()
    if output_format is AuditFormat.table:
        print_audit_table(rows)
    for failure in failures:
        typer.echo(f"{failure.letter}: error: {failure.error}", err=True)
    if output_format is AuditFormat.table or not quiet:
        print_summary(summary, to_stderr=output_format is not AuditFormat.table)
    if failures:
        raise typer.Exit(EXIT_INPUT_ERROR)
    if fail_on_disagreement and summary.disagreed:
        raise typer.Exit(1)


def overlay_folders(overlay: list[Path] | None) -> list[Path]:
    """The overlays given with --overlay, then those IMRCHECK_OVERLAY names."""
    from engine.rules import environment_overlays

    return [*(overlay or []), *map(Path, environment_overlays())]


# The summary of a run lists this many disagreements (the first, by letter); all are counted, and
# every one is in the records. An archive can have tens of thousands.
LISTED_DISAGREEMENTS = 200
# An HTML or Markdown report shows this many disagreements in full (the first, by letter): a page
# of every disagreement of the archive would be too big to open.
REPORT_DISAGREEMENTS = 1000


def run_audit(
    files: list[Any],
    settings: Any,
    version: str,
    jobs: int,
    store: Any,
    quiet: bool,
    scheduler: str | None = None,
    limits: Any = None,
    retry_failed: bool = False,
) -> Iterator[Any]:
    """Every file's result in the files' order, as each comes: audited now, or taken from the
    store where the same content was audited under the same rules, or failed before (then
    reported again, not retried, unless `retry_failed` or the content changed). `files` are paths,
    and the reasons folders met in the walk could not be listed. Each new result is stored before
    the next. Nothing is kept once handed on, so an archive of any size runs in the same memory.
    With a Dask scheduler the letters are audited on its cluster."""
    from engine.audit import LetterResult, audit_files_on_dask, content_hash
    from engine.documents import STANDARD_INPUT, read_letter_bytes
    from engine.errors import InputError
    from engine.processes import LetterLimits
    from engine.runner import audit_files

    # Standard input can be read only once: its bytes serve the store's look and the audit.
    given: dict[str, bytes] = {}
    if any(str(entry) == STANDARD_INPUT for entry in files if isinstance(entry, Path)):
        try:
            given[STANDARD_INPUT] = read_letter_bytes(STANDARD_INPUT)
        except InputError as exc:
            files = [exc if str(entry) == STANDARD_INPUT else entry for entry in files]

    def digest_of(path: Path) -> str | None:
        try:
            return content_hash(given.get(str(path)) or read_letter_bytes(path))
        except InputError:
            return None  # the audit records why it cannot be read

    # What becomes of each file, one byte each, so that a resumed archive run holds no digest
    # per letter: audited now, taken from the store, failed before, or not read at all (a folder
    # the walk could not list, or standard input that could not be read).
    state = bytearray(len(files))
    for number, entry in enumerate(files):
        if isinstance(entry, InputError):
            state[number] = UNREAD
        elif store:
            digest = digest_of(entry)
            if digest is not None and store.has(digest, version):
                state[number] = STORED
            elif not retry_failed:
                failure = store.failure_of(str(entry), version)
                if failure and failure.letter_sha256 == (digest or ""):
                    state[number] = FAILED_BEFORE
    pending = [path for number, path in enumerate(files) if state[number] == TO_AUDIT]
    with progress_bar(len(pending), quiet) as advance:
        fresh = iter(
            audit_files_on_dask(pending, settings, scheduler, given=given)
            if scheduler
            else audit_files(pending, settings, jobs, limits or LetterLimits(), given)
        )
        for number, entry in enumerate(files):
            if state[number] == STORED:
                # Hashed again rather than kept: a resumed archive run holds no digest per letter.
                digest = digest_of(entry) or ""
                records = store.records_of(digest, version) or []
                yield LetterResult(letter=str(entry), letter_sha256=digest, records=records)
                continue
            if state[number] == FAILED_BEFORE:
                yield store.failure_of(str(entry), version)
                continue
            if state[number] == UNREAD:
                result = LetterResult(letter=entry.path, letter_sha256="", error=entry.message)
            else:
                result = next(fresh)
                advance(Path(result.letter).name)
            if store:
                store.save(result, version)  # raises InputError on a lock or a full disk
            yield result


# What `run_audit` does with each file.
TO_AUDIT, STORED, FAILED_BEFORE, UNREAD = range(4)


class progress_bar:
    """A progress bar on stderr for long runs; nothing when quiet or stderr is not a terminal."""

    def __init__(self, total: int, quiet: bool) -> None:
        import sys

        self.shown = not quiet and sys.stderr.isatty() and total > 1
        self.total = total

    def __enter__(self) -> Any:
        if not self.shown:
            return lambda name: None
        from rich.console import Console
        from rich.progress import Progress, TextColumn

        # The letter's name is shown as it is, not read as markup (rich's default column does).
        letter_column = TextColumn("{task.description}", markup=False, style="progress.description")
        columns = (letter_column, *Progress.get_default_columns()[1:])
        self.progress = Progress(*columns, console=Console(stderr=True), transient=True)
        self.progress.__enter__()
        task = self.progress.add_task("auditing", total=self.total)
        return lambda name: self.progress.update(task, advance=1, description=name)

    def __exit__(self, *exc: object) -> None:
        if self.shown:
            self.progress.__exit__(None, None, None)


def result_lines(result: Any) -> list[dict[str, Any]]:
    if result.error:
        return [
            {"letter": result.letter, "letter_sha256": result.letter_sha256, "error": result.error}
        ]
    return [record.model_dump(mode="json") for record in result.records]


class CsvRecords:
    """Records as CSV rows on standard output, the header first."""

    def __init__(self) -> None:
        import csv
        import sys

        self.writer = csv.DictWriter(
            sys.stdout, CSV_COLUMNS, extrasaction="ignore", lineterminator="\n"
        )
        self.writer.writeheader()

    def write(self, result: Any) -> None:
        for line in result_lines(result):
            row = {
                key: "; ".join(map(str, value)) if isinstance(value, list) else value
                for key, value in line.items()
            }
            quantity = line.get("supported_quantity")
            row["supported_quantity"] = describe_quantity(quantity) if quantity else ""
            self.writer.writerow(row)


def table_row(record: Any) -> tuple[str, ...]:
    verdict = record.verdict
    if record.supported_quantity:
        supported = describe_quantity(record.supported_quantity.model_dump())
        verdict += f" (supported: {supported})" if supported else ""
    agreement = record.agreement.replace("_", " ")
    if record.compared_as_upheld:
        agreement += " (insufficient as upheld)"
    return (
        record.letter,
        str(record.item),
        record.request,
        record.reviewer_decision,
        verdict,
        agreement,
        "\n".join(record.rules),
    )


def print_audit_table(rows: list[tuple[str, ...]]) -> None:
    # Letters are named from the folder they share, so that cases/x/letter.txt and
    # cases/y/letter.txt stay apart.
    folders = [str(Path(row[0]).parent) for row in rows]
    common = os.path.commonpath(folders) if folders else ""
    print_table(
        ("letter", "#", "request", "reviewer", "verdict", "agreement", "rules"),
        [
            (os.path.relpath(letter, common) if common else letter, *cells)
            for letter, *cells in rows
        ],
    )


def print_summary(summary: Any, to_stderr: bool) -> None:
    rate = "" if summary.agreement_rate is None else f" ({summary.agreement_rate:.1%})"
    # The recalls are over compared items: no_rule and error verdicts are not compared.
    overturned = summary.confusion.overturned
    overturned_items = overturned.certify + overturned.deny + overturned.insufficient
    upheld = summary.confusion.upheld
    upheld_items = upheld.certify + upheld.deny + upheld.insufficient
    # The figures that say whether the verdicts carry information come first: the agreement
    # rate alone flatters, since upholding everything agrees with most reviewers.
    typer.echo(
        f"Balanced accuracy {fraction(summary.balanced_accuracy)}, Cohen's kappa "
        f"{fraction(summary.kappa)}: {overturned.certify} of {overturned_items} overturned items "
        f"certified; {summary.agreed_on_insufficient} of {summary.agreed} agreements rest on an "
        "insufficient verdict compared as upheld.",
        err=to_stderr,
    )
    figures = (
        ("balanced accuracy", fraction(summary.balanced_accuracy)),
        ("Cohen's kappa", fraction(summary.kappa)),
        (
            "overturned recall (certified of overturned)",
            f"{fraction(summary.overturned_recall)} ({overturned.certify} of {overturned_items})",
        ),
        (
            "upheld recall (deny or insufficient of upheld)",
            f"{fraction(summary.upheld_recall)} "
            f"({upheld.deny + upheld.insufficient} of {upheld_items})",
        ),
        ("agreements resting on insufficient", summary.agreed_on_insufficient),
        ("letters audited", summary.letters),
        ("letters that failed", summary.letters_failed),
        ("disputed items", summary.items),
        ("compared with the reviewer", summary.compared),
        ("agree", f"{summary.agreed}{rate}"),
        ("disagree", summary.disagreed),
        ("not compared (no rule, error, unknown decision)", summary.items - summary.compared),
    )
    print_table(("", "count"), [(label, str(value)) for label, value in figures], to_stderr)
    verdicts = ("certify", "deny", "insufficient", "no_rule", "error")
    print_table(
        ("reviewer \\ verdict", *verdicts),
        [
            (decision, *(str(getattr(getattr(summary.confusion, decision), v)) for v in verdicts))
            for decision in ("upheld", "overturned")
        ],
        to_stderr,
    )
    for title, groups in (("service category", summary.by_category), ("rule", summary.by_rule)):
        print_table(
            (title, "items", "compared", "agree", "rate", "upheld", "overturned"),
            [
                (
                    name,
                    str(group.items),
                    str(group.compared),
                    str(group.agreed),
                    "" if group.agreement_rate is None else f"{group.agreement_rate:.0%}",
                    verdict_counts(group.confusion.upheld),
                    verdict_counts(group.confusion.overturned),
                )
                for name, group in groups.items()
            ],
            to_stderr,
        )
    if summary.disagreements:
        print_table(
            ("disagreement", "#", "request", "reviewer", "verdict", "rules"),
            [
                (
                    d.case_number or d.letter,
                    str(d.item),
                    d.request,
                    d.reviewer_decision,
                    d.verdict,
                    "\n".join(d.rules),
                )
                for d in summary.disagreements
            ],
            to_stderr,
        )
        unlisted = summary.disagreed - len(summary.disagreements)
        if unlisted:
            typer.echo(
                f"... and {unlisted:,} more disagreements: every record is in --format jsonl "
                "or csv, and in `imrcheck report` of a --db run",
                err=to_stderr,
            )


def verdict_counts(row: Any) -> str:
    """A confusion row as 'certify 3, deny 1': the verdicts given to items of one decision."""
    counts = row.model_dump()
    return ", ".join(f"{verdict} {count}" for verdict, count in counts.items() if count)


def fraction(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


class ReportFormat(StrEnum):
    html = "html"
    md = "md"
    json = "json"


@app.command()
def report(
    db: Annotated[Path, typer.Option("--db", help="The SQLite file of `imrcheck audit --db`.")],
    output_format: Annotated[
        ReportFormat,
        typer.Option("--format", "-f", help="html: one self-contained page; md; json."),
    ] = ReportFormat.html,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file instead of standard output."),
    ] = None,
) -> None:
    """Render the audit results kept in a store: summary, charts and every disagreement."""
    import itertools

    from engine.errors import InputError
    from engine.report import json_parts, render_html, render_markdown
    from engine.store import Store
    from engine.summary import InconsistentRecordError, Tally

    if not db.exists():
        fail(f"{db}: error: no such results file (make one with `imrcheck audit --db {db} ...`)")
    # The store is read record by record, twice for JSON (the summary comes first), so that a
    # store of the whole archive is never held at once.
    try:
        with Store(db) as store, output_stream(output) as out:
            # A page lists the first disagreements in full; the JSON report has every record.
            listed = None if output_format is ReportFormat.json else REPORT_DISAGREEMENTS
            tally = Tally(listed_disagreements=listed)
            for record in store.each_record():
                tally.add_record(record)
            for failure in store.failures():
                tally.add_failure(failure)
            summary = tally.summary()
            if output_format is ReportFormat.json:
                for part in json_parts(summary, store.each_record()):
                    out.write(part)
            else:
                render = render_html if output_format is ReportFormat.html else render_markdown
                shown = itertools.islice(store.each_record(disagreeing=True), listed)
                out.write(render(summary, shown))
    except InconsistentRecordError as exc:
        fail(f"the results do not add up: {exc}")
    except InputError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{output}: error: cannot write: {exc.strerror or exc}")
    if output is not None:
        typer.echo(f"wrote {output}", err=True)


class output_stream:
    """Standard output, or a file written whole or not at all: a report that fails halfway
    leaves no half-written file behind."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.temporary: Path | None = None

    def __enter__(self) -> Any:
        import sys

        if self.path is None:
            return sys.stdout
        self.temporary = self.path.with_name(f".{self.path.name}.partial")
        self.file = self.temporary.open("w", encoding="utf-8")
        return self.file

    def __exit__(self, kind: Any, error: Any, trace: Any) -> None:
        if self.temporary is None:
            return
        self.file.close()
        if kind is None:
            self.temporary.replace(self.path)  # type: ignore[arg-type]
        else:
            self.temporary.unlink(missing_ok=True)


class CheckFormat(StrEnum):
    table = "table"
    json = "json"
    cds_hooks = "cds-hooks"


@app.command()
def check(
    request: Annotated[
        str,
        typer.Option(
            "--request", help="The request as written, e.g. 'Physical therapy 2x6 lumbar spine'."
        ),
    ],
    notes: Annotated[
        Path | None,
        typer.Option(
            "--notes",
            help="The clinical notes (text or PDF) behind it; - reads standard input.",
            dir_okay=False,
        ),
    ] = None,
    facts_file: Annotated[
        Path | None,
        typer.Option(
            "--facts",
            help="YAML or JSON facts written by hand ('facts: {prior_pt_visits: 12}'), overriding "
            "and completing what the notes give.",
            dir_okay=False,
        ),
    ] = None,
    on: Annotated[
        str | None,
        typer.Option("--date", help="The request's date, YYYY-MM-DD (default: today)."),
    ] = None,
    output_format: Annotated[
        CheckFormat,
        typer.Option("--format", "-f", help="table; json; cds-hooks (a CDS Hooks response)."),
    ] = CheckFormat.table,
    rules: RulesOption = None,
    overlay: OverlayOption = None,
    letter_memory_mib: LetterMemoryOption = 1024,
    letter_seconds: LetterSecondsOption = 60.0,
) -> None:
    """Check a new request before it is submitted: verdict, reasons, the supported quantity and
    what would make it pass. Exit 0 whatever the verdict; 2 on unusable input."""

    from engine.check import NothingToCheck, cds_hooks_response, check_request
    from engine.errors import InputError
    from engine.evaluate import Evaluator, FactError
    from engine.extraction import read_letter_text
    from engine.facts import FactsFileError, read_facts_file
    from engine.processes import LetterLimits, RunnerError

    day = date_or_today(on)
    rulebook, compiled = load_compiled_rules_or_exit(rules, overlay)
    try:
        limits = LetterLimits(letter_memory_mib, letter_seconds)
        text = read_letter_text(notes, limits) if notes else None
        written = read_facts_file(facts_file, rulebook.fields) if facts_file else None
        evaluator = Evaluator(rulebook, compiled=compiled)
        result = check_request(evaluator, request, day, text, str(notes), written)
    except FactsFileError as exc:
        for line in exc.problems:
            typer.echo(line, err=True)
        raise typer.Exit(EXIT_INPUT_ERROR) from None
    except (InputError, NothingToCheck, RunnerError) as exc:
        fail(str(exc))
    except FactError as exc:
        fail(f"{facts_file or notes}: error: {exc}")
    if output_format is CheckFormat.json:
        typer.echo(result.model_dump_json(indent=2))
    elif output_format is CheckFormat.cds_hooks:
        typer.echo(json.dumps(cds_hooks_response(result), indent=2))
    else:
        print_check(result)


def print_check(result: Any) -> None:
    from engine.check import fewer_visits_words

    # Plain words first: the verdict and its main reason, then the date and documents it was
    # judged by (a no_rule sentence already names them), then the table.
    typer.echo(result.summary)
    if result.verdict != "no_rule":
        typer.echo(result.judged_by)
    supported = result.supported_quantity
    rows = [
        ("request", result.request),
        ("service", result.service),
        ("rules in force on", result.date.isoformat()),
        ("governed by", "\n".join(governs_line(g) for g in result.governs)),
        (
            "verdict",
            result.verdict
            + (f" ({result.governing_tier})" if result.governing_tier else "")
            + confidence_words(result.reasons),
        ),
        ("guideline line", describe_quantity(supported.model_dump()) if supported else ""),
        ("fewer visits", fewer_visits_words(result)),
        ("why", "\n".join(f"{f.message} [{f.citation}]" for f in result.reasons)),
        ("drug formulary", formulary_words(result.formulary)),
        ("to pass", "\n".join(result.to_pass)),
        ("missing", "\n".join(result.missing)),
        ("facts", "\n".join(f"{f.name}: {shown_value(f.value)}" for f in result.facts)),
    ]
    print_table(("", ""), [(label, value) for label, value in rows if value])


def confidence_words(reasons: list[Any]) -> str:
    """Beside a verdict: how sure the deciding rules are, where less than confirmed."""
    unsure = sorted({f.confidence for f in reasons if f.confidence != "confirmed"})
    return f"; rule confidence: {', '.join(unsure)}" if unsure else ""


def governs_line(governs: Any) -> str:
    """One governing document as a table cell shows it."""
    chapter = f", {governs.chapter}" if governs.chapter else ""
    until = governs.in_force_until.isoformat() if governs.in_force_until else "today"
    return (
        f"{governs.document}{chapter} ({governs.version}), {governs.tier}, "
        f"{governs.in_force_from.isoformat()} to {until}, {governs.status}"
    )


def formulary_words(status: Any) -> str:
    if status is None:
        return ""
    from engine.formulary import STATUS_WORDS

    shown = STATUS_WORDS[status.status] if status.status else "status unknown"
    line = f"{status.drug}: {shown} ({status.drug_list}): {status.prospective_review}"
    line += f" [{status.citation}]"
    if status.confidence != "confirmed":
        line += f" (confidence: {status.confidence}: {status.confidence_note})"
    return line


rules_app = typer.Typer(
    no_args_is_help=True,
    help="Validate, test, list and show the guideline rules.",
)
app.add_typer(rules_app, name="rules")


formulary_app = typer.Typer(
    no_args_is_help=True,
    help="The MTUS Drug List as data: import the list the state publishes.",
)
app.add_typer(formulary_app, name="formulary")
MAX_DRUG_LIST_BYTES = 20 * 1024 * 1024


@formulary_app.command("import")
def formulary_import(
    csv_file: Annotated[
        Path, typer.Argument(help="The MTUS Drug List saved as CSV.", dir_okay=False)
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            help="The drug-list file to write, e.g. rules/formulary/mtus-drug-list-v14.yaml.",
        ),
    ],
    version: Annotated[
        str, typer.Option("--version", help="The list's version, as the state names it.")
    ],
    effective: Annotated[
        str,
        typer.Option("--effective", help="The date the version takes effect, YYYY-MM-DD."),
    ],
    source: Annotated[
        str, typer.Option("--source", help="Where the list came from (its address or order).")
    ] = "MTUS Drug List published by the DWC (8 CCR 9792.27.15)",
    partial: Annotated[
        bool,
        typer.Option(
            "--partial",
            help="The file holds only part of the list: a drug missing from it has an unknown "
            "status rather than 'unlisted'.",
        ),
    ] = False,
) -> None:
    """Turn the drug list the state publishes (as CSV) into a drug-list file the rules folder
    reads; every bad row is one line naming the file and line. Exit 2 on bad input."""
    from datetime import date

    from engine.errors import InputError
    from engine.files import read_regular_file
    from engine.formulary import DrugListError, drug_list_yaml, import_csv

    try:
        day = date.fromisoformat(effective)
    except ValueError:
        fail(f"--effective: '{effective}' is not a date written YYYY-MM-DD")
    try:
        raw = read_regular_file(csv_file, MAX_DRUG_LIST_BYTES, "drug list")
    except InputError as exc:
        fail(str(exc))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        fail(f"{csv_file}: byte {exc.start + 1} is not UTF-8; save the list as UTF-8 CSV")
    try:
        drug_list = import_csv(text, str(csv_file), version, day, source, complete=not partial)
    except DrugListError as exc:
        for line in exc.problems:
            typer.echo(line, err=True)
        raise typer.Exit(EXIT_INPUT_ERROR) from None
    try:
        out.write_text(drug_list_yaml(drug_list), encoding="utf-8")
    except OSError as exc:
        fail(f"{out}: cannot write: {exc.strerror or exc}")
    typer.echo(f"{len(drug_list.drugs)} drugs written to {out}")


def choose_rules_dir(argument: Path | None, option: Path | None) -> Path | None:
    if argument and option and argument.resolve() != option.resolve():
        fail(f"two rules folders given: {argument} and --rules {option}")
    return argument or option


def load_rules_or_exit(rules: Path | None, overlays: list[Path] | None) -> Any:
    return load_compiled_rules_or_exit(rules, overlays)[0]


def load_compiled_rules_or_exit(rules: Path | None, overlays: list[Path] | None) -> Any:
    """The rulebook and its compiled form (from the cache where the rule files are unchanged)."""
    from engine.rulecache import load_rules
    from engine.rules import RuleError

    try:
        rulebook, compiled = load_rules(rules, overlay_folders(overlays))
    except RuleError as exc:
        for line in [*exc.problems, *exc.warnings]:
            typer.echo(line, err=True)
        typer.echo(f"{len(exc.problems)} error(s) in the rules", err=True)
        raise typer.Exit(EXIT_INPUT_ERROR) from None
    for line in rulebook.warnings:
        typer.echo(line, err=True)
    # The modules and the rules live until the command ends: out of the collector's sight, they
    # are not walked again by each collection (a twentieth of a cached `check` went on that).
    gc.freeze()
    return rulebook, compiled


@rules_app.command("validate")
def rules_validate(
    directory: RulesDirArgument = None,
    rules: RulesOption = None,
    overlay: OverlayOption = None,
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """Check every rule file; print each problem as path:line:col. Exit 1 if any."""
    from engine.rules import RuleError, load_rulebook, unread_fact_notes

    folder = choose_rules_dir(directory, rules)
    unread: list[str] = []
    try:
        rulebook = load_rulebook(folder, overlay_folders(overlay))
        problems, warnings, count = [], list(rulebook.warnings), len(rulebook.rules)
        unread = unread_fact_notes(rulebook)
    except RuleError as exc:
        problems, warnings, count = exc.problems, exc.warnings, 0
    if output_format is OutputFormat.json:
        report = {
            "valid": not problems,
            "rules": count,
            "errors": problems,
            "warnings": warnings,
            "unread_facts": unread,
        }
        typer.echo(json.dumps(report, indent=2))
    else:
        for line in [*problems, *warnings, *unread]:
            typer.echo(line)
        if unread:
            typer.echo(f"{len(unread)} fact(s) with no reader and no default")
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
    print_table(
        ("id", "tier", "from", "until", "confidence", "services", "outcome"),
        [
            (
                record["id"] + (" (overlay)" if record["overlay"] else ""),
                record["tier"],
                record["effective"]["from"] or "-",
                record["effective"]["until"] or "open",
                record["confidence"],
                ", ".join(record["applies"]["services"]),
                record["outcome"],
            )
            for record in records
        ],
    )


@rules_app.command("show")
def rules_show(
    rule_id: Annotated[str, typer.Argument(help="The rule's id.")],
    rules: RulesOption = None,
    overlay: OverlayOption = None,
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """Show one rule in full: citation, dates, confidence, applies, condition, outcome."""
    from engine.errors import did_you_mean
    from engine.records import rule_record

    rulebook = load_rules_or_exit(rules, overlay)
    rule = rulebook.by_id.get(rule_id)
    if rule is None:
        fail(f"no rule '{rule_id}'{did_you_mean(rule_id, rulebook.by_id)}")
    record = rule_record(rule)
    if output_format is OutputFormat.json:
        typer.echo(json.dumps(record, indent=2))
        return
    print_table(("field", "value"), [(key, shown_value(value)) for key, value in record.items()])


@rules_app.command("coverage")
def rules_coverage(
    on: Annotated[
        str | None,
        typer.Option("--date", help="The service date, YYYY-MM-DD (default: today)."),
    ] = None,
    rules: RulesOption = None,
    overlay: OverlayOption = None,
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """Per service category: whether rules in force on the date decide it, how many, at what
    confidence, and which documents govern it then (rules/eras.yaml)."""

    from engine.coverage import coverage

    day = date_or_today(on)
    rulebook = load_rules_or_exit(rules, overlay)
    result = coverage(rulebook, day)
    if output_format is OutputFormat.json:
        typer.echo(result.model_dump_json(indent=2))
        return
    rows = result.categories
    decided = [row.category for row in rows if row.rules]
    bare = [row.category for row in rows if not row.rules]
    chapters = {g.era: g for row in rows for g in row.governs if g.era in row.by_region}
    typer.echo(
        f"On {day.isoformat()}, rules in force speak to {len(decided)} of {len(rows)} service "
        "categories"
        + (f"; none speaks to {', '.join(bare)}." if bare else ".")
        + " A category with rules may still get no verdict where none of them applies to the "
        "request. 'governed by' is what the eras file says governs the category on that date, "
        "'(encoded)' where some of the rules take their dates from it"
        + (
            "; 'body-part chapters' are, for a request naming that body region: "
            + "; ".join(governs_name(g) for g in chapters.values())
            + "."
            if chapters
            else "."
        )
    )

    def governed(row: Any) -> str:
        marked = {
            g.era: governs_name(g) + (" (encoded)" if g.era in row.encoded else "")
            for g in row.governs
        }
        regional = [marked[era] for era in row.by_region]
        general = [name for era, name in marked.items() if era not in row.by_region]
        encoded = sum(1 for era in row.by_region if era in row.encoded)
        if regional:
            general.insert(
                0,
                f"body-part chapters ({len(regional)}"
                + (f", {encoded} encoded" if encoded else "")
                + ")",
            )
        return "; ".join(general) or "nothing in the eras file"

    print_table(
        ("category", "rules", "confidence", "rules cite", "governed by"),
        [
            (
                row.category,
                str(row.rules),
                ", ".join(f"{n} {c}" for c, n in row.confidence.items()) or "-",
                "; ".join(row.cited) or "-",
                governed(row),
            )
            for row in rows
        ],
    )


def governs_name(governs: Any) -> str:
    """A governing document in a few words: its chapter (or document), version and, unless
    verified, its status."""
    status = "" if governs.status == "VERIFIED" else f" [{governs.status}]"
    return f"{governs.chapter or governs.document} ({governs.version}){status}"


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


def print_table(
    columns: Sequence[str],
    rows: Iterable[Sequence[str]],
    to_stderr: bool = False,
    min_widths: Mapping[str, int] | None = None,
) -> None:
    """Every table the commands print goes through here. Headers and cells go in as
    `rich.text.Text`, never as strings: rich reads a string's "[word]" as a style tag and drops
    it, and letters and rules are full of them ("[sic]", "[name redacted]", "not in ['a']")."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=False)
    for column in columns:
        width = (min_widths or {}).get(column)
        table.add_column(Text(column), overflow="fold", min_width=width)
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    console = Console(no_color=bool(os.environ.get("NO_COLOR")) or None, stderr=to_stderr)
    if not console.is_terminal:
        console.width = 200  # piped output is read later, and wrapped cells are hard to grep
    console.print(table)


if __name__ == "__main__":  # pragma: no cover - `python cli.py` as well as the console script
    app()
