"""Facts stage: a parsed case -> the clinical facts it documents, each with its evidence.

Reads the clinical case summary and what each rationale reports of the record, sentence by
sentence, never the reviewer's conclusions or readings of the guidelines (`skip_sentences` in
`rules/vocab/findings.yaml`, and every sentence that states medical necessity), nor what
utilization review decided and why. Each finding's negation, uncertainty or history is decided by
`engine.negation`. Some facts take more than one sentence (conservative care tried in one, the
symptoms persisting in another) and are put together once the letter is read; others depend on
the item (a fracture is a red flag only for its own body part, a drug is in use or a first
prescription, a study repeats an earlier one, a pre-operative test has the condition it is for).
Returns `CaseFacts`, whose `values(item)` gives what the rules evaluate: letter facts, item facts
and derived facts.

One module per topic, all reading through the shared sentence reader (`sentences`): this module
only names what the other stages use, so that they import from `engine.facts` whatever the
layout inside.
"""

from engine.facts.derived import DERIVED_FACTS, READ_BY_CODE, derived, readable_facts, with_derived
from engine.facts.extract import extract_facts, extract_note_facts
from engine.facts.facts_file import FactsFileError, read_facts_file, with_overrides
from engine.facts.findings import Findings, FindingsFile, PhraseList, load_findings, read_findings
from engine.facts.model import CaseFacts, Evidence, Fact, FactUsed, Source

__all__ = [
    "DERIVED_FACTS",
    "READ_BY_CODE",
    "CaseFacts",
    "Evidence",
    "Fact",
    "FactUsed",
    "Findings",
    "FindingsFile",
    "FactsFileError",
    "PhraseList",
    "Source",
    "derived",
    "extract_facts",
    "extract_note_facts",
    "load_findings",
    "read_facts_file",
    "read_findings",
    "readable_facts",
    "with_derived",
    "with_overrides",
]
