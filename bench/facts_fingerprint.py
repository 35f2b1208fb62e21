"""A fingerprint of everything the facts stage reads and the audit decides, on the development
material: for a change meant to leave the output alone (a faster reader, a refactor), the same
digest before and after shows that it did.

Dumps, as sorted JSON: for every corpus text letter, what each reported sentence gives (every
reading, those read on the way to other facts included, with its place), the facts the letter
documents (name, item, value, evidence) and the audit records; for every check scenario's notes,
the facts read with no service, with each service category the tests use, and for the scenario's
own request as `imrcheck check` reads it. Prints one SHA-256 per part and one for the whole;
`--out FILE` also writes the JSON, for a diff where the digests differ. Needs ../shared.

Usage: python bench/facts_fingerprint.py [--out FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import yaml

from engine.audit import AuditSettings, LetterResult, take_text
from engine.facts import CaseFacts, extract_facts, extract_note_facts
from engine.facts.extract import facts_in, readers_needed
from engine.facts.sentences import sentences_of
from engine.letters import parse_letter
from engine.requests import normalize_request

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
CORPUS = SHARED / "corpus" / "dwc-2016" / "txt"
SCENARIOS = SHARED / "check-scenarios" / "scenarios.yaml"
# The service categories the tests read the scenarios' notes with.
CATEGORIES = (None, "physical_therapy", "chiropractic", "acupuncture", "imaging", "surgery")


def facts_json(facts: CaseFacts) -> list[Any]:
    return sorted(
        (json.dumps(f.model_dump(mode="json"), sort_keys=True) for f in facts.facts),
    )


def letter_part(path: Path, auditor: Any) -> dict[str, Any]:
    rulebook = auditor.rulebook
    taken = take_text(path)
    assert not isinstance(taken, LetterResult), taken.error
    text = taken[1]
    case = parse_letter(text, rulebook.vocabulary, source=path.name)
    needs = readers_needed(case, rulebook.findings)
    readings = []
    for sentence in sentences_of(case, False, rulebook.findings):
        for reading in facts_in(sentence, rulebook.findings, needs):
            value = reading.value
            shown = value.isoformat() if hasattr(value, "isoformat") else value
            place = [sentence.source, sentence.item, sentence.start, reading.start, reading.end]
            readings.append(json.dumps([reading.name, shown, place], sort_keys=True))
    result = auditor.audit_file(path)
    return {
        "readings": readings,  # in reading order: `settle` depends on it
        "facts": facts_json(extract_facts(case, rulebook.findings)),
        "summary_facts": facts_json(extract_facts(case, rulebook.findings, summary_only=True)),
        # The letter's name for its path, so that two copies of the project compare.
        "audit": json.loads(
            result.model_dump_json().replace(json.dumps(str(path))[1:-1], path.name)
        ),
    }


def scenario_part(scenario: dict[str, Any], auditor: Any) -> dict[str, Any]:
    rulebook = auditor.rulebook
    notes = scenario["notes"]
    part: dict[str, Any] = {}
    for category in CATEGORIES:
        read = extract_note_facts(notes, rulebook.findings, service_category=category)
        part[str(category)] = facts_json(read)
    try:
        request = normalize_request(scenario["request"], rulebook.vocabulary)
    except Exception as exc:  # a request the vocabulary cannot read: say so, as output
        part["request"] = f"unreadable: {type(exc).__name__}"
    else:
        read = extract_note_facts(notes, rulebook.findings, request=request)
        part["request"] = facts_json(read)
    return part


def digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="also write the JSON here")
    arguments = parser.parse_args()
    letters = sorted(CORPUS.glob("*.txt"))
    if not letters or not SCENARIOS.is_file():
        sys.exit(f"no letters in {CORPUS} or no {SCENARIOS}")
    auditor = AuditSettings().auditor()
    dumped = {
        "letters": {path.name: letter_part(path, auditor) for path in letters},
        "scenarios": {
            scenario["id"]: scenario_part(scenario, auditor)
            for scenario in yaml.safe_load(SCENARIOS.read_text())
        },
    }
    if arguments.out:
        arguments.out.write_text(json.dumps(dumped, sort_keys=True, indent=1) + "\n")
    for part in ("readings", "facts", "summary_facts", "audit"):
        every = {name: letter[part] for name, letter in dumped["letters"].items()}
        print(f"letters {part}: {digest(every)}")
    print(f"scenarios: {digest(dumped['scenarios'])}")
    print(f"all: {digest(dumped)}  ({len(letters)} letters, {len(dumped['scenarios'])} scenarios)")


if __name__ == "__main__":
    main()
