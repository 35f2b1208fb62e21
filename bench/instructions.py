"""Count the machine instructions an audit spends per letter, with Valgrind's cachegrind: a figure
that stays the same from run to run, where the time moves by a fifth on a shared machine, so two
versions of the engine can be compared by a change of a percent.

Runs the audit of the corpus text letters twice under cachegrind, once warming up only (rules read,
rulesets registered, phrase lists compiled on 40 letters) and once auditing `--letters` more, and
prints the difference per letter. Needs valgrind and ../shared; takes about half a minute.

Usage: python bench/instructions.py [--letters N]
"""

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dwc-2016" / "txt"
WARM_UP_LETTERS = 40

# The audited run itself, in a fresh interpreter: warm up, then audit `count` letters.
RUN = """
import sys
from pathlib import Path
from engine.audit import AuditSettings
letters = sorted(Path(sys.argv[1]).glob("*.txt"))
auditor = AuditSettings().auditor()
for path in letters[: int(sys.argv[2])]:
    auditor.audit_file(path)
count = int(sys.argv[3])
for path in (letters * (count // len(letters) + 1))[:count]:
    auditor.audit_file(path)
"""


def instructions(count: int) -> int:
    """Instructions of one interpreter run auditing `count` letters after the warm-up."""
    command = [sys.executable, "-c", RUN, str(CORPUS), str(WARM_UP_LETTERS), str(count)]
    return counted_instructions(command)


def counted_instructions(command: list[str], environment: dict[str, str] | None = None) -> int:
    """The machine instructions a command runs, as cachegrind counts them."""
    valgrind = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
    ]
    finished = subprocess.run(
        valgrind + command, env=environment, capture_output=True, text=True, check=True
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", finished.stderr)
    if found is None:
        sys.exit(f"cachegrind printed no instruction count:\n{finished.stderr[-500:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=155)
    count = parser.parse_args().letters
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is needed (Debian: apt-get install valgrind)")
    if not any(CORPUS.glob("*.txt")):
        sys.exit(f"no letters in {CORPUS}")
    # Once so that the rules cache is written: a cache miss would count in the first run only.
    instructions(0)
    base, audited = instructions(0), instructions(count)
    per_letter = (audited - base) / count
    print(f"{per_letter / 1e6:.3f} million instructions per letter ({count} corpus text letters)")


if __name__ == "__main__":
    main()
