"""Check the letter parser against counts taken independently from the real letters' raw text.

For every real letter (the DWC 2016 corpus as text plus the seed letters; then the same corpus as
PDF) this compares, per letter:

- the number of parsed items with the number of "Decision rationale:" markers in the text;
- each item's decision with the decision word of its heading, found by a whole-line regex that
  shares nothing with the parser (a line ending in ": Upheld" or ": Overturned", or holding just
  the word). A heading without a decision word expects its item to be decided by the rationale,
  with the verdict of the rationale's last "(not) medically necessary".

It prints a line for each letter that disagrees, then totals: letters, letters parsed, items,
decision headings, items whose decision matches, the share of items whose service category is not
"other" (goal >= 97%) and the items per category. For the PDFs it also counts the letters whose
decisions and categories equal those parsed from the txt file. It exits 0 even when something
disagrees: it is a report, not a test.

Usage: python bench/corpus_counts.py
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path

from engine.documents import read_letter_text
from engine.letters import parse_letter
from engine.vocab import load_vocabulary

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "dwc-2016"
SEEDS = SHARED / "seeds"
CATEGORY_GOAL = 0.97

# Deliberately plainer than the parser's patterns (a fixed marker, whole lines, exact case), so
# that agreement between the two says something.
RATIONALE_MARKER = "Decision rationale:"
DECISION_LINE = re.compile(r"^(?:.*:)?[ \t]*(Upheld|Overturned)[ \t]*$", re.M)
VERDICT = re.compile(r"\b(not\s+(?:be\s+)?)?medically\s+necessary\b", re.I)


@dataclass
class Tally:
    letters: int = 0
    parsed: int = 0
    items: int = 0
    headings: int = 0
    matching: int = 0
    decided_by_rationale: int = 0
    categories: Counter = field(default_factory=Counter)
    # letter name -> [(decision, category), ...], to compare the PDF and txt parses of a letter
    outcomes: dict = field(default_factory=dict)


def expect_decisions(text):
    """(source, decision) that each heading should give its item, in letter order.

    Splitting at the rationale markers leaves each heading in the piece before its own marker,
    after the previous item's rationale.
    """
    pieces = text.split(RATIONALE_MARKER)
    expected = []
    for index, piece in enumerate(pieces[:-1]):
        words = [word.lower() for word in DECISION_LINE.findall(piece)]
        if words:
            # More than one word means headings without a marker; the counts will show it.
            expected += [("heading", word) for word in words]
            continue
        rationale = pieces[index + 1]
        # The rationale ends before the next heading, whose decision line is the first one found.
        next_heading = DECISION_LINE.search(rationale)
        if next_heading:
            rationale = rationale[: next_heading.start()]
        verdicts = VERDICT.findall(rationale)
        if not verdicts:
            expected.append(("conclusion", "unknown"))
        else:
            expected.append(("conclusion", "upheld" if verdicts[-1] else "overturned"))
    return expected


def check_letter(path, tally):
    """Parse one letter, add it to the tally and return what disagrees (empty if nothing)."""
    tally.letters += 1
    try:
        text = read_letter_text(path)
        case = parse_letter(text, load_vocabulary(), source=str(path))
    except Exception as error:  # a report should count a letter the parser fails on, not stop
        return [f"not parsed: {type(error).__name__}: {error}"]
    tally.parsed += 1
    headings = text.count(RATIONALE_MARKER)
    tally.headings += headings
    tally.items += len(case.items)
    problems = []
    if len(case.items) != headings:
        problems.append(f"{len(case.items)} items, {headings} decision headings")

    expected = expect_decisions(text)
    for number, (item, wanted) in enumerate(zip_longest(case.items, expected), start=1):
        if item is None:
            problems.append(f"heading {number} ({wanted[1]}, {wanted[0]}) has no item")
            continue
        got = (item.decision_source.value, item.decision.value)
        if got == wanted:
            tally.matching += 1
        else:
            wanted_text = f"{wanted[1]} ({wanted[0]})" if wanted else "no heading"
            problems.append(f"item {number}: parsed {got[1]} ({got[0]}), text says {wanted_text}")
        tally.decided_by_rationale += item.decision_source.value == "conclusion"
        tally.categories[item.normalized.service.category] += 1
    tally.outcomes[path.stem] = [
        (item.decision.value, item.normalized.service.category) for item in case.items
    ]
    return problems


def check_letters(label, paths):
    print(f"== {label}: {len(paths)} letters")
    tally = Tally()
    for path in paths:
        problems = check_letter(path, tally)
        if problems:
            print(f"{path.name}: " + "; ".join(problems))
    return tally


def print_share(label, part, whole):
    share = part / whole if whole else 0.0
    print(f"{label:<28}{part}/{whole} ({share:.1%})")
    return share


def print_totals(tally):
    print(f"{'letters':<28}{tally.letters}")
    print(f"{'letters parsed':<28}{tally.parsed}")
    print(f"{'items':<28}{tally.items}")
    print(f"{'decision headings':<28}{tally.headings}")
    print_share("decisions matching", tally.matching, tally.items)
    print(f"{'decided by the rationale':<28}{tally.decided_by_rationale}")
    categorised = tally.items - tally.categories["other"]
    share = print_share("category other than 'other'", categorised, tally.items)
    print(f"{'category goal >= 97%':<28}{'met' if share >= CATEGORY_GOAL else 'not met'}")
    print("items per category:")
    for category, count in tally.categories.most_common():
        print(f"  {category:<26}{count}")


def count_same_as_txt(pdf_tally, txt_tally):
    """Letters whose PDF parse gives the same decisions and categories as their txt parse."""
    return sum(
        outcome == txt_tally.outcomes.get(name) for name, outcome in pdf_tally.outcomes.items()
    )


def main():
    if not SHARED.is_dir():
        print(f"No shared letters at {SHARED}; nothing to count.")
        return
    corpus_txt = sorted((CORPUS / "txt").glob("*.txt"))
    seeds = sorted(SEEDS.glob("*.txt"))
    txt_tally = check_letters(
        f"text ({len(corpus_txt)} corpus + {len(seeds)} seeds)", corpus_txt + seeds
    )
    print_totals(txt_tally)
    print()
    pdf_tally = check_letters("PDF (corpus)", sorted((CORPUS / "pdf").glob("*.pdf")))
    print_totals(pdf_tally)
    same = count_same_as_txt(pdf_tally, txt_tally)
    print(f"{'same outcome as the txt':<28}{same}/{pdf_tally.parsed}")


if __name__ == "__main__":
    main()
