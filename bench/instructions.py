"""Count the machine instructions an audit spends per letter, with Valgrind's cachegrind: a figure
that stays the same from run to run, where the time moves by a fifth on a shared machine, so two
versions of the engine can be compared by a change of a percent.

Runs the audit of the corpus text letters twice under cachegrind, once warming up only and once
auditing `--letters` more, and prints the difference per letter: the steady state of a long run.
The warm-up (rules read, rulesets registered) is the whole corpus once, because a phrase list is
compiled only once it has been asked SCANS_BEFORE_COMPILING times (engine/facts/findings.py): on a
shorter warm-up, lists asked less often were compiled while measuring, which counted half a million
instructions per letter that a long run never spends again. A run without cachegrind then counts
the lists compiled while measuring, which should be none. Needs valgrind and ../shared; takes
about a minute.

With `--baseline DIR`, another checkout of the project (a worktree of main, or an export of a
commit: `git archive COMMIT | tar -x -C DIR`) is measured in the same run, with the same
interpreter and corpus, and both figures are printed side by side.

Usage: python bench/instructions.py [--letters N] [--baseline DIR]
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dwc-2016" / "txt"
# The whole corpus once: later, no list reached the compiling threshold within 155 letters.
WARM_UP_LETTERS = len(list(CORPUS.glob("*.txt")))

# The audited run itself, in a fresh interpreter: warm up, then audit `count` letters, going
# round the corpus. With a fourth argument it prints how many phrase lists were compiled while
# auditing the `count` letters (looking for them costs instructions, so only outside cachegrind).
RUN = """
import gc
import sys
from itertools import cycle, islice
from pathlib import Path
from engine.audit import AuditSettings
from engine.facts.findings import PhraseList
letters = cycle(sorted(Path(sys.argv[1]).glob("*.txt")))
auditor = AuditSettings().auditor()
for path in islice(letters, int(sys.argv[2])):
    auditor.audit_file(path)
counting = len(sys.argv) > 4
def compiled():
    return {id(o) for o in gc.get_objects() if isinstance(o, PhraseList) and o.pattern}
before = compiled() if counting else set()
for path in islice(letters, int(sys.argv[3])):
    auditor.audit_file(path)
if counting:
    print(len(compiled() - before))
"""


def run_command(count: int, *extra: str) -> list[str]:
    return [sys.executable, "-c", RUN, str(CORPUS), str(WARM_UP_LETTERS), str(count), *extra]


def code_environment(checkout: Path | None) -> dict[str, str] | None:
    """The environment that imports the engine from another checkout (None: this one's)."""
    if checkout is None:
        return None
    return {**os.environ, "PYTHONPATH": str(checkout.resolve())}


def instructions(count: int, checkout: Path | None = None) -> int:
    """Instructions of one interpreter run auditing `count` letters after the warm-up."""
    return counted_instructions(run_command(count), code_environment(checkout), checkout)


def compiled_while_measuring(count: int, checkout: Path | None = None) -> int:
    """Phrase lists compiled while auditing `count` letters after the warm-up."""
    finished = subprocess.run(
        run_command(count, "count compiles"),
        env=code_environment(checkout),
        cwd=checkout,
        capture_output=True,
        text=True,
        check=True,
    )
    return int(finished.stdout.split()[-1])


def counted_instructions(
    command: list[str], environment: dict[str, str] | None = None, cwd: Path | None = None
) -> int:
    """The machine instructions a command runs, as cachegrind counts them."""
    valgrind = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
    ]
    finished = subprocess.run(
        valgrind + command, env=environment, cwd=cwd, capture_output=True, text=True, check=True
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", finished.stderr)
    if found is None:
        sys.exit(f"cachegrind printed no instruction count:\n{finished.stderr[-500:]}")
    return int(found.group(1).replace(",", ""))


def per_letter(count: int, checkout: Path | None = None) -> float:
    """Instructions per letter of the steady state, with the engine of `checkout`."""
    # Once so that the rules cache is written: a cache miss would count in the first run only.
    instructions(0, checkout)
    base, audited = instructions(0, checkout), instructions(count, checkout)
    return (audited - base) / count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=155)
    parser.add_argument(
        "--baseline", type=Path, help="another checkout measured in the same run, for comparison"
    )
    arguments = parser.parse_args()
    count, baseline = arguments.letters, arguments.baseline
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is needed (Debian: apt-get install valgrind)")
    if not any(CORPUS.glob("*.txt")):
        sys.exit(f"no letters in {CORPUS}")
    if baseline is not None and not (baseline / "engine" / "audit.py").is_file():
        sys.exit(f"{baseline}: not a checkout of the project (no engine/audit.py)")
    measured = per_letter(count)
    ending = f"({count} corpus text letters, after a warm-up of {WARM_UP_LETTERS})"
    if baseline is None:
        print(f"{measured / 1e6:.3f} million instructions per letter {ending}")
    else:
        before = per_letter(count, baseline)
        change = (measured - before) / before * 100
        print(f"million instructions per letter {ending}:")
        print(f"  baseline {baseline}: {before / 1e6:.3f}")
        print(f"  this checkout: {measured / 1e6:.3f} ({change:+.1f}%)")
    compiled = [compiled_while_measuring(count)]
    if baseline is not None:
        compiled.append(compiled_while_measuring(count, baseline))
    shown = " and ".join(str(n) for n in compiled)
    print(f"phrase lists compiled while measuring: {shown} (0: the figure is the steady state)")


if __name__ == "__main__":
    main()
