"""Report stage: a `Summary` and its audit records -> a JSON, Markdown or HTML document.

The last stage of the pipeline. It takes what `engine.summary.summarize` returns and the records it
summed (Markdown and HTML need only the disagreeing ones), and returns text, or for JSON the text
in pieces; it never writes files, prints or exits. The output depends only on its
input: the same store renders byte for byte the same report.

- JSON: `{"summary": Summary, "records": [AuditRecord, ...]}`, records sorted by letter and item.
- Markdown: the summary tables, then the disagreements with the rules behind each verdict.
- HTML: one self-contained page (inline CSS and inline SVG charts, no script, nothing fetched):
  the summary figures, three charts, the tables, and each disagreement with its facts and evidence.

Letters are untrusted input: every piece of text from a record is escaped for the format it goes
into. matplotlib draws the charts and is imported only when HTML is asked for.
"""

from __future__ import annotations

import html
import io
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from engine.audit import AuditRecord
from engine.evaluate import SupportedQuantity
from engine.summary import VERDICTS, GroupSummary, Summary, VerdictCounts

TITLE = "IMR audit report"
COMPARED_DECISIONS = ("upheld", "overturned")
# Which confusion cells are agreements and which disagreements; the rest are not compared.
CELL_AGREEMENT = {
    ("upheld", "deny"): "agree",
    ("upheld", "insufficient"): "agree",
    ("upheld", "certify"): "disagree",
    ("overturned", "certify"): "agree",
    ("overturned", "deny"): "disagree",
    ("overturned", "insufficient"): "disagree",
}
VERDICT_COLOURS = {
    "certify": "#2e7d32",
    "deny": "#c62828",
    "insufficient": "#ef8f00",
    "no_rule": "#9e9e9e",
    "error": "#37474f",
}
AGREE_COLOUR = "#2e7d32"
DISAGREE_COLOUR = "#c62828"
# A hostile or garbled service name must not stretch a chart's axis off the page.
MAX_LABEL = 40


def sorted_records(records: Iterable[AuditRecord]) -> list[AuditRecord]:
    return sorted(records, key=lambda r: (r.letter, r.item))


# --- wording shared by Markdown and HTML --------------------------------------------------------


def unlisted(summary: Summary) -> str:
    """What to say where the summary lists only the first disagreements."""
    shown = len(summary.disagreements)
    if shown == summary.disagreed:
        return ""
    return (
        f"The first {shown:,} of {summary.disagreed:,} are shown, in letter order; "
        "every record is in the JSON report."
    )


def percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.1f} %"


def ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def figures(summary: Summary) -> list[tuple[str, str, str]]:
    """The headline figures as (key, label, value), with the reason where a figure is undefined."""
    if not summary.compared:
        agreement = balanced = kappa = "n/a: no item was compared"
    else:
        agreement = percent(summary.agreement_rate)
        balanced = (
            ratio(summary.balanced_accuracy)
            if summary.balanced_accuracy is not None
            else "n/a: needs compared items the reviewer upheld and items they overturned"
        )
        kappa = (
            ratio(summary.kappa)
            if summary.kappa is not None
            else "n/a: the reviewer and the rules gave one and the same decision throughout"
        )
    # The figures that say whether the verdicts carry information first; the agreement rate
    # last, as upholding everything agrees with most reviewers.
    return [
        ("balanced_accuracy", "Balanced accuracy", balanced),
        ("kappa", "Cohen's kappa", kappa),
        ("overturned_recall", "Recall of overturned decisions", ratio(summary.overturned_recall)),
        ("upheld_recall", "Recall of upheld decisions", ratio(summary.upheld_recall)),
        (
            "agreed_on_insufficient",
            "Agreements where the rules found the record insufficient",
            str(summary.agreed_on_insufficient),
        ),
        ("letters", "Letters audited", str(summary.letters)),
        ("letters_failed", "Letters that could not be audited", str(summary.letters_failed)),
        ("items", "Disputed items", str(summary.items)),
        ("compared", "Items compared with the reviewer", str(summary.compared)),
        ("agreed", "Agreed", str(summary.agreed)),
        ("disagreed", "Disagreed", str(summary.disagreed)),
        ("agreement_rate", "Agreement rate", agreement),
        (
            "tier_differs",
            "Governing tier differs from the reviewer's",
            f"{summary.tier_differs} of {summary.tier_compared}",
        ),
    ]


COMPARISON_NOTE = (
    "certify is compared with overturned, deny with upheld, and insufficient is compared as upheld "
    "(the reviewer denies what the record does not document); no_rule, error and an unknown "
    "reviewer decision are not compared."
)


def plain(value: Any) -> str:
    """A fact's value as words."""
    if value is None:
        return "unknown"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return ", ".join(plain(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {plain(v)}" for k, v in value.items())
    return str(value)


def quantity_text(quantity: SupportedQuantity | None) -> str:
    if quantity is None:
        return "none stated"
    parts = [
        f"{value:g} {name.replace('_', ' ')}"
        for name, value in quantity.model_dump(exclude={"rule_id"}).items()
        if value is not None
    ]
    return f"{', '.join(parts) or 'no amount'} (rule {quantity.rule_id})"


# --- JSON ---------------------------------------------------------------------------------------


def render_json(summary: Summary, records: Iterable[AuditRecord]) -> str:
    """`{"summary": ..., "records": [...]}`: the `Summary` as its model dumps it and every record,
    sorted by letter and item, as `AuditRecord` dumps it. Fields may be added, never renamed or
    removed. Two-space indent, keys in model order, a final newline."""
    return "".join(json_parts(summary, sorted_records(records)))


def json_parts(summary: Summary, records: Iterable[AuditRecord]) -> Iterator[str]:
    """`render_json`'s text in pieces, a record at a time, for records already in order: a store
    of the whole archive is written out without being held."""

    def dumped(value: Any, depth: int) -> str:
        # A JSON string holds no raw line break, so indenting every line nests the value.
        return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + "  " * depth)

    yield '{\n  "summary": ' + dumped(summary.model_dump(mode="json"), 1) + ',\n  "records": ['
    first = True
    for record in records:
        yield ("\n    " if first else ",\n    ") + dumped(record.model_dump(mode="json"), 2)
        first = False
    yield ("]" if first else "\n  ]") + "\n}\n"


# --- Markdown -----------------------------------------------------------------------------------

MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]<>|#!~&])")


def md(text: object) -> str:
    """Letter text made inert in Markdown: punctuation that could start markup or raw HTML is
    backslash-escaped, and line breaks, which would end a table row, become spaces."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", " ".join(str(text).split()))


IDENTIFIER = re.compile(r"[\w.:/+-]+")


def code(text: object) -> str:
    """A name (service, rule id, verdict) as a code span; anything that is not name-like is
    escaped as text instead, since a code span cannot hold a backtick or, in a table, a pipe."""
    text = str(text)
    return f"`{text}`" if IDENTIFIER.fullmatch(text) else md(text)


def md_table(header: Sequence[str], rows: Iterable[Sequence[str]], numeric_from: int = 1) -> str:
    align = ["---" if i < numeric_from else "---:" for i in range(len(header))]
    lines = [f"| {' | '.join(header)} |", f"| {' | '.join(align)} |"]
    lines += [f"| {' | '.join(row)} |" for row in rows]
    return "\n".join(lines)


def group_row(name: str, group: GroupSummary) -> list[str]:
    return [
        code(name),
        str(group.items),
        str(group.compared),
        str(group.agreed),
        percent(group.agreement_rate),
        *(str(getattr(group.verdicts, v)) for v in VERDICTS),
    ]


GROUP_HEADER = ("items", "compared", "agreed", "agreement", *VERDICTS)


def render_markdown(summary: Summary, records: Iterable[AuditRecord]) -> str:
    """The summary as Markdown tables (figures, verdicts, reviewer decisions, confusion matrix, by
    category, by rule), the letters that failed, and the disagreements, each with the rules,
    reasons, citations, supported quantity and missing documentation behind its verdict."""
    by_key = {(r.letter, r.item): r for r in records}
    out = [f"# {TITLE}", "", "## Summary", ""]
    out.append(md_table(("figure", "value"), ((label, md(v)) for _, label, v in figures(summary))))
    out += ["", f"Compared: {COMPARISON_NOTE}", "", "## Verdicts and reviewer decisions", ""]
    out.append(
        md_table(
            ("verdict", "items"), ((code(v), str(getattr(summary.verdicts, v))) for v in VERDICTS)
        )
    )
    out.append("")
    decisions = summary.reviewer_decisions.model_dump()
    out.append(
        md_table(("reviewer decision", "items"), ((code(k), str(n)) for k, n in decisions.items()))
    )
    out += [
        "",
        "## Confusion matrix",
        "",
        "Rows: the reviewer's decision; columns: the verdict of the rules.",
        "",
    ]
    out.append(
        md_table(
            ("reviewer \\\\ rules", *VERDICTS),
            (
                (code(d), *(str(getattr(getattr(summary.confusion, d), v)) for v in VERDICTS))
                for d in COMPARED_DECISIONS
            ),
        )
    )
    out += ["", "## By service category", ""]
    out.append(
        md_table(
            ("category", *GROUP_HEADER), (group_row(k, g) for k, g in summary.by_category.items())
        )
    )
    out += ["", "## By rule", "", "An item counts for every rule behind its verdict.", ""]
    if summary.by_rule:
        out.append(
            md_table(("rule", *GROUP_HEADER), (group_row(k, g) for k, g in summary.by_rule.items()))
        )
    else:
        out.append("No verdict rested on a rule.")
    if summary.failures:
        out += ["", "## Letters that could not be audited", ""]
        out += [f"- {md(f.letter)}: {md(f.reason)}" for f in summary.failures]
    out += ["", f"## Disagreements ({summary.disagreed})", ""]
    if unlisted(summary):
        out += [unlisted(summary), ""]
    if not summary.disagreements:
        out.append("None.")
    for number, d in enumerate(summary.disagreements, 1):
        case = md(d.case_number) if d.case_number else "no case number"
        out.append(
            f"{number}. **{case}**, item {d.item} ({md(d.letter)}): {md(d.request)} "
            f"({code(d.service)}): reviewer **{d.reviewer_decision}**, rules **{d.verdict}**"
            + (" (compared as upheld)" if d.compared_as_upheld else "")
        )
        record = by_key.get((d.letter, d.item))
        if record is None:
            out += [f"   - rule {code(rule)}" for rule in d.rules]
            continue
        for rule, reason in zip(record.rules, record.reasons, strict=False):
            out.append(f"   - rule {code(rule)}: {md(reason)}")
        out += [f"   - citation: {md(c)}" for c in record.citations]
        out.append(f"   - supported quantity: {md(quantity_text(record.supported_quantity))}")
        if record.missing:
            out.append(f"   - missing documentation: {md('; '.join(record.missing))}")
    return "\n".join(out) + "\n"


# --- HTML ---------------------------------------------------------------------------------------

CSS = """
body { font-family: system-ui, "DejaVu Sans", "Liberation Sans", sans-serif; color: #212121;
       margin: 0 auto; padding: 1.5rem 2rem 3rem; max-width: 72rem; line-height: 1.4; }
h1 { margin-bottom: 0.2rem; }
h2 { border-bottom: 2px solid #cfd8dc; padding-bottom: 0.2rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #cfd8dc; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #eceff1; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.note { color: #546e7a; font-size: 0.9rem; }
.figures td { min-width: 8rem; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; }
figure.chart { margin: 0; flex: 1 1 30rem; }
figure.chart svg { max-width: 100%; height: auto; }
figcaption { color: #546e7a; font-size: 0.9rem; }
td.agree { background: #e8f5e9; }
td.disagree { background: #ffebee; }
table.disagreements { width: 100%; }
tbody.disagreement > tr:first-child > td { border-top: 3px solid #90a4ae; background: #fafafa; }
.detail h4 { margin: 0.6rem 0 0.2rem; font-size: 0.95rem; }
.detail ul { margin: 0.2rem 0; padding-left: 1.2rem; }
table.facts { font-size: 0.9rem; width: 100%; }
code { font-size: 0.9em; overflow-wrap: anywhere; }
table.facts td:first-child code { white-space: nowrap; }
"""


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def html_table(
    header: Sequence[str],
    rows: Iterable[Sequence[tuple[str, str]]],
    css_class: str = "",
) -> str:
    """A table from escaped header labels and rows of (cell class, escaped cell HTML)."""
    parts = [f'<table class="{css_class}">' if css_class else "<table>"]
    parts.append("<thead><tr>" + "".join(f"<th>{h}</th>" for h in header) + "</tr></thead>")
    parts.append("<tbody>")
    for row in rows:
        cells = "".join(
            f'<td class="{cls}">{cell}</td>' if cls else f"<td>{cell}</td>" for cls, cell in row
        )
        parts.append(f"<tr>{cells}</tr>")
    parts.append("</tbody></table>")
    return "\n".join(parts)


def html_group_rows(groups: dict[str, GroupSummary]) -> list[list[tuple[str, str]]]:
    return [
        [
            ("", f"<code>{esc(name)}</code>"),
            ("n", str(g.items)),
            ("n", str(g.compared)),
            ("n", str(g.agreed)),
            ("n", percent(g.agreement_rate)),
            *(("n", str(getattr(g.verdicts, v))) for v in VERDICTS),
        ]
        for name, g in groups.items()
    ]


def html_summary(summary: Summary) -> str:
    rows = "\n".join(
        f'<tr><th>{esc(label)}</th><td class="n" data-figure="{key}">{esc(value)}</td></tr>'
        for key, label, value in figures(summary)
    )
    verdicts = " · ".join(f"{esc(v)} {getattr(summary.verdicts, v)}" for v in VERDICTS)
    decisions = " · ".join(
        f"{esc(k)} {n}" for k, n in summary.reviewer_decisions.model_dump().items()
    )
    return (
        '<section id="summary">\n<h2>Summary</h2>\n'
        f'<table class="figures">\n{rows}\n</table>\n'
        f"<p>Verdicts: {verdicts}.<br>Reviewer decisions: {decisions}.</p>\n"
        f'<p class="note">Compared: {esc(COMPARISON_NOTE)}</p>\n</section>'
    )


def html_confusion(summary: Summary) -> str:
    rows = []
    for decision in COMPARED_DECISIONS:
        counts: VerdictCounts = getattr(summary.confusion, decision)
        rows.append(
            [("", f"<b>{decision}</b>")]
            + [
                (f"n {CELL_AGREEMENT.get((decision, v), '')}".strip(), str(getattr(counts, v)))
                for v in VERDICTS
            ]
        )
    return (
        '<section id="confusion">\n<h2>Confusion matrix</h2>\n'
        '<p class="note">Rows: the reviewer\'s decision. Columns: the verdict of the rules. '
        "Green cells are agreements, red cells disagreements; the others are not compared.</p>\n"
        + html_table(("reviewer \\ rules", *VERDICTS), rows, "confusion")
        + "\n</section>"
    )


def html_fact_rows(record: AuditRecord) -> str:
    if not record.facts:
        return "<p>No fact was read from the letter.</p>"
    return html_table(
        ("fact", "value", "read from", "evidence"),
        (
            [
                ("", f"<code>{esc(f.name)}</code>"),
                ("", esc(plain(f.value))),
                ("", esc(f.source)),
                ("", esc(f.sentence)),
            ]
            for f in record.facts
        ),
        "facts",
    )


def html_detail(record: AuditRecord | None, rules: Sequence[str]) -> str:
    if record is None:
        items = "".join(f"<li><code>{esc(rule)}</code></li>" for rule in rules)
        return f"<h4>Rules behind the verdict</h4><ul>{items}</ul>"
    rule_items = "".join(
        f"<li><code>{esc(rule)}</code>: {esc(reason)}</li>"
        for rule, reason in zip(record.rules, record.reasons, strict=False)
    )
    citations = "".join(f"<li>{esc(c)}</li>" for c in record.citations)
    missing = "".join(f"<li>{esc(m)}</li>" for m in record.missing) or "<li>none</li>"
    tiers = (
        f"governing tier {esc(record.governing_tier or 'none')}, "
        f"reviewer cited {esc(record.reviewer_tier or 'none')}"
    )
    return (
        f"<h4>Rules behind the verdict ({tiers})</h4><ul>{rule_items or '<li>none</li>'}</ul>"
        f"<h4>Citations</h4><ul>{citations or '<li>none</li>'}</ul>"
        f"<h4>Supported quantity</h4><p>{esc(quantity_text(record.supported_quantity))}</p>"
        f"<h4>Missing documentation</h4><ul>{missing}</ul>"
        f"<h4>Facts and their evidence</h4>{html_fact_rows(record)}"
    )


def html_disagreements(summary: Summary, records: Iterable[AuditRecord]) -> str:
    by_key = {(r.letter, r.item): r for r in records}
    head = f'<section id="disagreements">\n<h2>Disagreements ({summary.disagreed})</h2>\n'
    if unlisted(summary):
        head += f'<p class="note">{esc(unlisted(summary))}</p>\n'
    if not summary.disagreements:
        return (
            head
            + "<p>None: the rules agreed with the reviewer on every item compared.</p>\n</section>"
        )
    columns = ("#", "case", "item", "request", "service", "reviewer", "verdict", "letter")
    parts = [
        head,
        '<table class="disagreements">',
        "<thead><tr>" + "".join(f"<th>{c}</th>" for c in columns) + "</tr></thead>",
    ]
    for number, d in enumerate(summary.disagreements, 1):
        verdict = esc(d.verdict) + (" (compared as upheld)" if d.compared_as_upheld else "")
        cells = (
            str(number),
            esc(d.case_number or "none"),
            str(d.item),
            esc(d.request),
            f"<code>{esc(d.service)}</code>",
            esc(d.reviewer_decision),
            verdict,
            f"<code>{esc(d.letter)}</code>",
        )
        detail = html_detail(by_key.get((d.letter, d.item)), d.rules)
        parts.append(
            f'<tbody class="disagreement" id="disagreement-{number}">'
            "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
            f'<tr><td colspan="{len(columns)}" class="detail">{detail}</td></tr></tbody>'
        )
    parts.append("</table>\n</section>")
    return "\n".join(parts)


def render_html(summary: Summary, records: Iterable[AuditRecord]) -> str:
    """One self-contained HTML page: summary figures, charts (verdict mix and agreement by service
    category, confusion heat map) as inline SVG, the confusion, category and rule tables, the
    letters that failed, and every disagreement with its rules, reasons, citations, supported
    quantity, missing documentation and facts with their evidence. No script, no external resource.
    """
    records = sorted_records(records)
    charts = draw_charts(summary)
    captions = {
        "verdicts": "Verdict of the rules by service category (items).",
        "agreement": "Agreement with the reviewer by service category (compared items).",
        "confusion": "Reviewer decision against the verdict of the rules (items).",
    }
    chart_html = "\n".join(
        f'<figure class="chart" id="chart-{name}">{svg}<figcaption>{esc(captions[name])}'
        "</figcaption></figure>"
        for name, svg in charts.items()
    )
    failures = ""
    if summary.failures:
        failures = (
            '<section id="failures">\n<h2>Letters that could not be audited</h2>\n'
            + html_table(
                ("letter", "reason"),
                (
                    [("", f"<code>{esc(f.letter)}</code>"), ("", esc(f.reason))]
                    for f in summary.failures
                ),
            )
            + "\n</section>"
        )
    by_rule = (
        html_table(("rule", *GROUP_HEADER), html_group_rows(summary.by_rule), "groups")
        if summary.by_rule
        else "<p>No verdict rested on a rule.</p>"
    )
    body = [
        f"<h1>{esc(TITLE)}</h1>",
        html_summary(summary),
        f'<section id="charts">\n<h2>Charts</h2>\n<div class="charts">\n{chart_html}\n</div>\n</section>',
        html_confusion(summary),
        '<section id="categories">\n<h2>By service category</h2>\n'
        + html_table(("category", *GROUP_HEADER), html_group_rows(summary.by_category), "groups")
        + "\n</section>",
        '<section id="rules">\n<h2>By rule</h2>\n'
        '<p class="note">An item counts for every rule behind its verdict.</p>\n'
        + by_rule
        + "\n</section>",
        failures,
        html_disagreements(summary, records),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(TITLE)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(part for part in body if part)
        + "\n</body>\n</html>\n"
    )


# --- charts -------------------------------------------------------------------------------------

SVG_PROLOGUE = re.compile(r"\A.*?(?=<svg\b)", re.S)


def label(name: str) -> str:
    return name if len(name) <= MAX_LABEL else name[: MAX_LABEL - 1] + "…"


def draw_charts(summary: Summary) -> dict[str, str]:
    """The three charts as inline SVG, keyed `verdicts`, `agreement`, `confusion`."""
    # Imported here: matplotlib takes about a second to import and only HTML needs it. Figures
    # are made with `Figure` rather than pyplot, so no interactive backend is ever chosen and no
    # global figure state is kept between calls.
    import matplotlib
    from matplotlib.figure import Figure

    # Most items first, so the categories that matter are at the top of both bar charts.
    categories = sorted(summary.by_category.items(), key=lambda kv: (-kv[1].items, kv[0]))
    # Fixed settings make the SVG the same on every run: the salt replaces a random one in the
    # ids matplotlib hashes, and text stays text (no glyph outlines with their own ids). `$` in a
    # letter's words must not be read as mathtext, which could also fail to parse.
    with matplotlib.rc_context(
        {
            "svg.hashsalt": "imrcheck-report",
            "svg.fonttype": "none",
            "text.parse_math": False,
            "font.size": 9,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    ):
        return {
            "verdicts": svg_of(verdict_chart(Figure, categories), "verdicts"),
            "agreement": svg_of(agreement_chart(Figure, categories), "agreement"),
            "confusion": svg_of(confusion_chart(Figure, summary), "confusion"),
        }


def bar_figure(figure_class: Any, count: int) -> Any:
    return figure_class(figsize=(6.4, 1.1 + 0.28 * max(count, 1)), layout="constrained")


def counting_ticks(most: int | None = None) -> Any:
    """Ticks at whole numbers only: the axes count items."""
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(nbins=most, integer=True) if most else MaxNLocator(integer=True)


def nothing_to_draw(axes: Any, message: str) -> None:
    axes.text(0.5, 0.5, message, ha="center", va="center", transform=axes.transAxes)
    axes.set_axis_off()


def category_bars(
    figure_class: Any, categories: list[tuple[str, GroupSummary]]
) -> tuple[Any, Any, list[str], list[int]]:
    """A figure with one bar row per service category: figure, axes, names and positions."""
    figure = bar_figure(figure_class, len(categories))
    axes = figure.add_subplot()
    if not categories:
        nothing_to_draw(axes, "no items")
    names = [label(name) for name, _ in categories]
    return figure, axes, names, list(range(len(names)))


def verdict_chart(figure_class: Any, categories: list[tuple[str, GroupSummary]]) -> Any:
    figure, axes, names, positions = category_bars(figure_class, categories)
    if not categories:
        return figure
    left = [0] * len(names)
    for verdict in VERDICTS:
        counts = [getattr(group.verdicts, verdict) for _, group in categories]
        axes.barh(
            positions, counts, left=left, color=VERDICT_COLOURS[verdict], label=verdict, height=0.7
        )
        left = [a + b for a, b in zip(left, counts, strict=True)]
    axes.set_yticks(positions, names)
    axes.invert_yaxis()
    axes.xaxis.set_major_locator(counting_ticks())
    axes.set_xlabel("items")
    axes.legend(
        loc="lower right", frameon=False, ncols=len(VERDICTS), bbox_to_anchor=(1, 1), fontsize=8
    )
    return figure


def agreement_chart(figure_class: Any, categories: list[tuple[str, GroupSummary]]) -> Any:
    figure, axes, names, positions = category_bars(figure_class, categories)
    if not categories:
        return figure
    agreed = [group.agreed for _, group in categories]
    disagreed = [group.compared - group.agreed for _, group in categories]
    axes.barh(positions, agreed, color=AGREE_COLOUR, label="agreed", height=0.7)
    axes.barh(
        positions, disagreed, left=agreed, color=DISAGREE_COLOUR, label="disagreed", height=0.7
    )
    widest = max((group.compared for _, group in categories), default=0) or 1
    for position, (_, group) in zip(positions, categories, strict=True):
        text = (
            f"{group.agreed}/{group.compared} ({percent(group.agreement_rate)})"
            if group.compared
            else "not compared"
        )
        axes.text(group.compared + widest * 0.01, position, text, va="center", fontsize=8)
    axes.set_xlim(0, widest * 1.3)
    axes.xaxis.set_major_locator(counting_ticks())
    axes.set_yticks(positions, names)
    axes.invert_yaxis()
    axes.set_xlabel("compared items")
    axes.legend(loc="lower right", frameon=False, ncols=2, bbox_to_anchor=(1, 1), fontsize=8)
    return figure


def confusion_chart(figure_class: Any, summary: Summary) -> Any:
    from matplotlib.colors import PowerNorm
    from matplotlib.patches import Rectangle

    matrix = [
        [getattr(getattr(summary.confusion, d), v) for v in VERDICTS] for d in COMPARED_DECISIONS
    ]
    largest = max(max(row) for row in matrix) or 1
    figure = figure_class(figsize=(6.4, 2.6), layout="constrained")
    axes = figure.add_subplot()
    # A square-root scale: `no_rule` counts dwarf the compared cells, which would all look blank.
    norm = PowerNorm(gamma=0.5, vmin=0, vmax=largest)
    mesh = axes.pcolormesh(matrix, cmap="Blues", norm=norm, edgecolors="white", linewidth=1)
    for row, decision in enumerate(COMPARED_DECISIONS):
        for column, verdict in enumerate(VERDICTS):
            count = matrix[row][column]
            dark = norm(count) > 0.6
            axes.text(
                column + 0.5,
                row + 0.5,
                str(count),
                ha="center",
                va="center",
                fontsize=11,
                color="white" if dark else "#212121",
            )
            kind = CELL_AGREEMENT.get((decision, verdict))
            if kind:
                colour = AGREE_COLOUR if kind == "agree" else DISAGREE_COLOUR
                axes.add_patch(
                    Rectangle(
                        (column + 0.04, row + 0.04),
                        0.92,
                        0.92,
                        fill=False,
                        edgecolor=colour,
                        linewidth=3,
                    )
                )
    axes.set_xticks([c + 0.5 for c in range(len(VERDICTS))], VERDICTS)
    axes.set_yticks([r + 0.5 for r in range(len(COMPARED_DECISIONS))], COMPARED_DECISIONS)
    axes.invert_yaxis()
    axes.xaxis.tick_top()
    axes.tick_params(length=0)
    axes.set_xlabel("verdict of the rules (green frame: agrees; red frame: disagrees)")
    axes.set_ylabel("reviewer")
    for spine in axes.spines.values():
        spine.set_visible(False)
    figure.colorbar(mesh, ax=axes, label="items", ticks=counting_ticks(4))
    return figure


def svg_of(figure: Any, prefix: str) -> str:
    """The figure as an `<svg>` element to put inside HTML: without the XML prologue and DOCTYPE
    (which names an external DTD), with no creation date, and with every id prefixed so the
    charts on one page do not share ids (their clip paths would then cross-refer)."""
    buffer = io.StringIO()
    figure.savefig(
        buffer, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None}
    )
    svg = SVG_PROLOGUE.sub("", buffer.getvalue())
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}-\1"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", rf"url(#{prefix}-\1)", svg)
    svg = re.sub(r'href="#([^"]+)"', rf'href="#{prefix}-\1"', svg)
    return svg.strip()
