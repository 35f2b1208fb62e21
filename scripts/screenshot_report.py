"""Open an HTML report in headless Chromium, save a screenshot, and check what the browser shows.

    python scripts/screenshot_report.py REPORT.html OUT.png [--chromium PATH] [--size W,H]

Two runs of Debian's `chromium`: one with `--screenshot` writes OUT.png, one with `--dump-dom`
prints the page as the browser built it. From that DOM the script checks that the summary heading
and its figures are there, that each of the three chart figures holds a drawn chart (an `svg` or an
`img`), and counts the disagreement rows. It prints what it found, one line per check, and exits 0
when everything is there, 1 when something is missing, 2 when Chromium cannot be run.

Chromium runs with a fresh, empty profile and with its background networking switched off, so it
neither needs a display nor reaches out to the network (on a closed network it fails otherwise).
"""

from __future__ import annotations

import argparse
import os
import shutil
import struct
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

CHARTS = ("chart-verdicts", "chart-agreement", "chart-confusion")
FIGURES = ("letters", "items", "compared", "agreement_rate", "balanced_accuracy", "kappa")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
TIMEOUT_SECONDS = 120


class ReportPage(HTMLParser):
    """What a rendered report holds: headings, summary figures, charts and disagreement rows."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[str] = []
        self.figures: dict[str, str] = {}
        self.chart_drawings: dict[str, int] = {}  # chart figure id -> svg and img elements in it
        self.disagreement_rows = 0
        self.chart: str | None = None
        self.figure_key: str | None = None
        self.heading: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "figure" and "chart" in classes:
            self.chart = attributes.get("id") or ""
            self.chart_drawings.setdefault(self.chart, 0)
        elif tag in ("svg", "img") and self.chart is not None:
            self.chart_drawings[self.chart] += 1
        elif tag == "td" and attributes.get("data-figure"):
            self.figure_key = attributes["data-figure"]
            self.figures[self.figure_key or ""] = ""
        elif tag == "tbody" and "disagreement" in classes:
            self.disagreement_rows += 1
        elif tag in ("h1", "h2"):
            self.heading = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "figure":
            self.chart = None
        elif tag == "td":
            self.figure_key = None
        elif tag in ("h1", "h2") and self.heading is not None:
            self.headings.append(" ".join("".join(self.heading).split()))
            self.heading = None

    def handle_data(self, data: str) -> None:
        if self.figure_key is not None:
            self.figures[self.figure_key] += data
        if self.heading is not None:
            self.heading.append(data)


def chromium_command(chromium: str, profile: str) -> list[str]:
    return [
        chromium,
        "--headless",
        "--no-sandbox",  # run as root in a container
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
    ]


def run_chromium(chromium: str, arguments: list[str]) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory(prefix="imrcheck-chromium-") as profile:
        return subprocess.run(
            chromium_command(chromium, profile) + arguments,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )


def png_size(path: Path) -> tuple[int, int] | None:
    """Width and height from a PNG's header, or None if the file is not a PNG."""
    head = path.read_bytes()[:24] if path.is_file() else b""
    if len(head) < 24 or not head.startswith(PNG_SIGNATURE) or head[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def check_page(page: ReportPage) -> list[tuple[bool, str]]:
    """Each check as (passed, what was found)."""
    results = [
        (
            "Summary" in page.headings,
            f"summary heading: {'found' if 'Summary' in page.headings else 'missing'}",
        ),
    ]
    title_found = any(h.endswith("audit report") for h in page.headings)
    results.append((title_found, f"title: {page.headings[0] if page.headings else 'missing'}"))
    for key in FIGURES:
        value = page.figures.get(key)
        results.append((bool(value), f"figure {key}: {value if value else 'missing'}"))
    for chart in CHARTS:
        drawings = page.chart_drawings.get(chart, 0)
        results.append((drawings > 0, f"chart {chart}: {drawings} svg/img element(s)"))
    results.append((True, f"disagreement rows: {page.disagreement_rows}"))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("report", type=Path, help="the HTML report")
    parser.add_argument("screenshot", type=Path, help="where to write the PNG")
    parser.add_argument(
        "--chromium",
        default=os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium",
        help="the browser (default: $CHROMIUM, else chromium on PATH)",
    )
    parser.add_argument("--size", default="1280,2400", help="window width,height in pixels")
    args = parser.parse_args(argv)

    if not args.report.is_file():
        print(f"Error: {args.report}: no such file", file=sys.stderr)
        return 2
    if not Path(args.chromium).is_file():
        print(
            f"Error: {args.chromium}: Chromium not found; install Debian's package with "
            "`apt-get install -y chromium`",
            file=sys.stderr,
        )
        return 2
    url = args.report.resolve().as_uri()
    args.screenshot.parent.mkdir(parents=True, exist_ok=True)
    args.screenshot.unlink(missing_ok=True)

    try:
        shot = run_chromium(
            args.chromium,
            [f"--screenshot={args.screenshot.resolve()}", f"--window-size={args.size}", url],
        )
        dom = run_chromium(args.chromium, ["--dump-dom", url])
    except (OSError, subprocess.TimeoutExpired) as exc:
        print(f"Error: could not run {args.chromium}: {exc}", file=sys.stderr)
        return 2
    for name, run in (("screenshot", shot), ("dump-dom", dom)):
        if run.returncode != 0:
            tail = "\n".join(run.stderr.splitlines()[-5:])
            print(f"Error: chromium {name} exited {run.returncode}:\n{tail}", file=sys.stderr)
            return 2

    size = png_size(args.screenshot)
    checks = [
        (
            size is not None,
            f"screenshot: {args.screenshot} "
            + (f"{size[0]}x{size[1]} PNG" if size else "missing or not a PNG"),
        ),
    ]
    page = ReportPage()
    page.feed(dom.stdout)
    page.close()
    checks += check_page(page)
    for passed, found in checks:
        print(f"{'ok  ' if passed else 'MISSING'} {found}")
    failed = sum(not passed for passed, _ in checks)
    print("page check passed" if not failed else f"page check failed: {failed} missing")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
