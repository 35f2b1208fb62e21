"""Hostile input at the four entry points: the letter reader and parser, the request normalizer,
the facts extractor and the rule loader. Real letters are mutated and random bytes are fed; no
exception may escape but the documented one-line errors, and each input must finish.

The suite runs a short campaign. `python bench/fuzz_campaign.py` runs a long one through the same
properties (the `campaign` profile below) and prints how many inputs each took.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import REPO
from hypothesis import HealthCheck, example, settings
from hypothesis import given as given_inputs
from hypothesis import strategies as st

from engine.documents import text_of_letter
from engine.errors import InputError
from engine.facts import extract_facts, extract_note_facts, load_findings
from engine.letters import parse_letter
from engine.requests import normalize_request
from engine.rules import RuleError, load_rulebook
from engine.vocab import load_vocabulary

settings.register_profile("default-fuzz", max_examples=150, deadline=None)
settings.register_profile(
    "campaign",
    max_examples=int(os.environ.get("IMRCHECK_FUZZ_EXAMPLES", "25000")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
PROFILE_NAME = os.environ.get("IMRCHECK_FUZZ_PROFILE", "default-fuzz")
PROFILE = settings.get_profile(PROFILE_NAME)
# Each input to the rule loader reads a whole rules folder (a quarter of a second, a hundred times
# a letter's parse): the suite's short campaign gives it fewer inputs; the long one as many.
RULE_LOADER_PROFILE = (
    settings(PROFILE, max_examples=60) if PROFILE_NAME == "default-fuzz" else PROFILE
)
# A hang is a failure: no input may take this long (a letter takes milliseconds).
SECONDS_PER_INPUT = 10

SEED_TEXTS = [p.read_text() for p in sorted((REPO / "cases").glob("seed-*/letter.txt"))]
VOCABULARY = load_vocabulary()
FINDINGS = load_findings()
RULE_FILE = (REPO / "rules" / "mtus" / "acupuncture" / "acupuncture.yaml").read_text()
FACTS_FILE = (REPO / "rules" / "facts.yaml").read_text()


@contextmanager
def time_limit(seconds: int = SECONDS_PER_INPUT) -> Iterator[None]:
    def stop(signum: int, frame: object) -> None:
        raise TimeoutError(f"an input took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@st.composite
def mutated(draw: st.DrawFn, texts: list[str]) -> str:
    """A real text with a few edits: spans cut, repeated or moved, characters and lines put in."""
    text = draw(st.sampled_from(texts))
    for _ in range(draw(st.integers(0, 6))):
        if not text:
            break
        start = draw(st.integers(0, len(text)))
        end = min(len(text), start + draw(st.integers(0, 400)))
        edit = draw(st.sampled_from(["cut", "repeat", "insert", "move", "case"]))
        if edit == "cut":
            text = text[:start] + text[end:]
        elif edit == "repeat":
            text = text[:end] + text[start:end] * draw(st.integers(1, 50)) + text[end:]
        elif edit == "insert":
            text = text[:start] + draw(st.text(max_size=80)) + text[start:]
        elif edit == "move":
            text = text[:start] + text[end:] + text[start:end]
        else:
            text = text[:start] + text[start:end].upper() + text[end:]
    return text


letter_texts = st.one_of(mutated(SEED_TEXTS), st.text(max_size=2000))


@PROFILE
@given_inputs(st.one_of(letter_texts.map(str.encode), st.binary(max_size=4000)))
def test_the_letter_reader_and_parser(data: bytes) -> None:
    with time_limit():
        try:
            case = parse_letter(text_of_letter(data, "fuzz.pdf"), VOCABULARY, source="fuzz")
        except InputError as exc:
            assert str(exc).startswith("fuzz") and "\n" not in exc.message
            return
    assert all(item.index == n for n, item in enumerate(case.items, start=1))


@PROFILE
@given_inputs(
    st.one_of(
        st.text(max_size=200),
        mutated(
            [
                "Physical therapy 2x6 lumbar spine",
                "Norco 10/325mg #90",
                "MRI of the left knee",
                "Associated surgical service: cold therapy unit 30 day rental",
            ]
        ),
    )
)
# Found by the long campaign: a long run of digits with no unit after it took seconds.
@example("1" * 30_000)
@example("Norco " + "10/325" * 2_000)
def test_the_request_normalizer(text: str) -> None:
    with time_limit():
        request = normalize_request(text, VOCABULARY)
    assert request.service.category in VOCABULARY.categories


@PROFILE
@given_inputs(mutated(SEED_TEXTS))
# Found by a campaign: the reviewer's credentials opened many times and never ended took seconds.
@example(
    SEED_TEXTS[0].replace(
        "HOW THE IMR FINAL DETERMINATION WAS MADE",
        "HOW THE IMR FINAL DETERMINATION WAS MADE\n"
        + "The expert reviewer is Board Certified in Preventative Medicine, has a subspecialty in "
        "Occupational \n\n" * 300,
        1,
    )
)
def test_the_facts_extractor(text: str) -> None:
    with time_limit():
        try:
            case = parse_letter(text, VOCABULARY, source="fuzz")
        except InputError:
            case = None
        facts = extract_facts(case, FINDINGS) if case else extract_note_facts(text, FINDINGS)
    for fact in facts.facts:
        span = fact.evidence.span
        assert span is None or 0 <= span.start <= span.end <= len(text)


@pytest.fixture(scope="module")
def rules_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzzed-rules")
    (folder / "vocab").symlink_to(REPO / "rules" / "vocab")
    (folder / "facts.yaml").write_text(FACTS_FILE)
    return folder


@RULE_LOADER_PROFILE
@given_inputs(st.one_of(mutated([RULE_FILE]), st.text(max_size=500)))
def test_the_rule_loader(rules_dir: Path, text: str) -> None:
    rule_file = rules_dir / "fuzzed.yaml"
    rule_file.write_text(text, encoding="utf-8", errors="surrogatepass")
    with time_limit():
        try:
            load_rulebook(rules_dir)
        except RuleError as exc:
            assert exc.problems
            for problem in exc.problems:
                assert problem.startswith(str(rule_file)) and ": error: " in problem, problem
