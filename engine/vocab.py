"""The vocabularies under `rules/vocab/`: service synonyms, body regions and sides, consultation
specialties and drug classes, as YAML that users extend without code.

Takes a folder, returns a validated `Vocabulary` whose phrases are already normalised for matching,
or raises `VocabularyError` listing every problem as `path:line:col: error: message`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from engine.errors import VocabularyError, did_you_mean

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")
VOCAB_FILES = ("services.yaml", "regions.yaml", "specialties.yaml", "drugs.yaml")


def default_rules_dir() -> Path:
    """The bundled rules, or the folder named by IMRCHECK_RULES."""
    configured = os.environ.get("IMRCHECK_RULES")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parent.parent / "rules"


class PerFolder(Generic[T]):
    """What was read from each rules folder, kept for the life of the process: the files of a
    folder are read once however often it is loaded (the tests load the bundled rules many
    times). The stages never call it: they are handed what it read."""

    def __init__(self, read: Callable[[Path], T]) -> None:
        self.read = read
        self.loaded: dict[Path, T] = {}

    def __call__(self, rules_dir: str | Path | None = None) -> T:
        folder = Path(rules_dir).absolute() if rules_dir else default_rules_dir().absolute()
        if folder not in self.loaded:
            self.loaded[folder] = self.read(folder)
        return self.loaded[folder]

    def cache_clear(self) -> None:
        self.loaded.clear()


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class ServiceEntry(Strict):
    category: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    subtype: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9_]*$")
    phrases: list[str] = Field(min_length=1)


class PerioperativeSection(Strict):
    qualifiers: list[str] = Field(default_factory=list)
    becomes: dict[str, str] = Field(default_factory=dict)


class VisitsWithSpecialistSection(Strict):
    specialist_words: list[str] = Field(default_factory=list)  # besides the specialties
    visits: dict[str, list[str]] = Field(default_factory=dict)  # category -> visit words


class ServicesFile(Strict):
    categories: list[str] = Field(min_length=1)
    # Categories whose subtype is read from the whole request (a surgery's procedure).
    subtype_anywhere: list[str] = Field(default_factory=list)
    perioperative: PerioperativeSection = Field(default_factory=PerioperativeSection)
    visits_with_specialist: VisitsWithSpecialistSection = Field(
        default_factory=VisitsWithSpecialistSection
    )
    services: list[ServiceEntry]


class RegionsFile(Strict):
    regions: dict[str, list[str]]
    sides: dict[str, list[str]]


class SpecialtiesFile(Strict):
    specialties: dict[str, list[str]]


class DrugsFile(Strict):
    classes: dict[str, list[str]]
    forms: dict[str, list[str]] = Field(default_factory=dict)
    topical_forms: list[str] = Field(default_factory=list)
    # Brand names with a generic equivalent on the market, by the generic's name.
    brands_with_generic: dict[str, list[str]] = Field(default_factory=dict)
    # The day a generic came to market, where that was after the formulary took effect: before
    # it, the brand had no generic to be weighed against.
    generic_since: dict[str, date] = Field(default_factory=dict)


class Phrase(Strict):
    """A normalised phrase with what it stands for."""

    text: str  # normalised, padded with spaces so that `in` matches whole words
    meaning: tuple[str, str | None]
    order: int  # position in its file: breaks ties between phrases found at the same place


class PhraseIndex(Strict):
    """Phrases keyed by their first word, so a text is scanned once, word by word, instead of
    once per phrase (the vocabulary has about a thousand). Unlike one expression of all the
    phrases, which took tens of milliseconds to compile, it is ready as soon as it is built."""

    by_first_word: dict[str, tuple[Phrase, ...]]  # longest first, then in listed order

    @classmethod
    def of(cls, phrases: Iterable[Phrase]) -> PhraseIndex:
        table: dict[str, list[Phrase]] = {}
        for phrase in phrases:
            table.setdefault(phrase.text.split()[0], []).append(phrase)
        return cls(
            by_first_word={
                word: tuple(sorted(group, key=lambda p: (-len(p.text), p.order)))
                for word, group in table.items()
            }
        )

    def matches(self, text: str) -> list[tuple[int, int, Phrase]]:
        """Every phrase in a normalised text, as `phrases_in` finds them."""
        return phrases_in(text, self.by_first_word, frozenset(text.split()))


class Padded(Protocol):
    @property
    def text(self) -> str: ...  # normalised, with a space on each side


P = TypeVar("P", bound=Padded)


def phrases_in(
    text: str, by_first_word: Mapping[str, Sequence[P]], words: frozenset[str]
) -> list[tuple[int, int, P]]:
    """Every phrase in a normalised text as (start, end, phrase), left to right, the spaces
    around it included: where several start at one word the longest wins (each group is
    ordered longest first), and none is taken inside another's words ("upper extremity" is not
    also "upper"). `words`: the text's words."""
    firsts = by_first_word.keys() & words
    if not firsts:
        return []
    # Only the places where a phrase's first word stands are tried: most words start none.
    longest: list[tuple[int, P]] = []
    for first in firsts:
        needle = f" {first} "
        at = text.find(needle)
        while at >= 0:
            for phrase in by_first_word[first]:
                if text.startswith(phrase.text, at):
                    longest.append((at, phrase))
                    break
            at = text.find(needle, at + 1)
    longest.sort(key=lambda found: found[0])
    found: list[tuple[int, int, P]] = []
    covered_until = 0
    for at, phrase in longest:
        if at >= covered_until - 1:
            covered_until = at + len(phrase.text)
            found.append((at, covered_until, phrase))
    return found


class Vocabulary(Strict):
    categories: tuple[str, ...]
    service_index: PhraseIndex
    drug_index: PhraseIndex
    specialty_index: PhraseIndex
    # "Spine surgeon evaluation": the words that name a specialist (the specialties and words
    # such as "surgeon"), and the visits that, right after them, make the request a visit.
    specialist_index: PhraseIndex
    specialist_visit_index: PhraseIndex
    form_index: PhraseIndex
    region_index: PhraseIndex
    sides: tuple[Phrase, ...]
    perioperative_qualifiers: tuple[str, ...]  # normalised, longest first
    perioperative_becomes: dict[str, str]
    subtype_anywhere: frozenset[str]
    topical_forms: frozenset[str]
    generic_of_brand: dict[str, str]  # a brand name (normalised) -> its generic
    generic_since: dict[str, date]  # a generic -> the day it came to market, where listed


# The text stages match with ASCII classes (re.ASCII on every expression): the Unicode ones took a
# third of the time spent matching, and the letters are English. Spaces other than the ASCII ones
# (no-break, thin, ideographic, line separators) become plain ones wherever text comes in, one
# character for one so that places in the text stay put, and `\s` still finds every space.
# Found by an expression rather than `str.translate`, which looked up every character of a letter
# with one non-ASCII character in it (half a millisecond a letter).
_OTHER_LINE_ENDS = re.compile("[\x85\u2028\u2029]", re.ASCII)
_OTHER_SPACES = re.compile("[\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]", re.ASCII)


def plain_spaces(text: str) -> str:
    if text.isascii():
        return text
    return _OTHER_SPACES.sub(" ", _OTHER_LINE_ENDS.sub("\n", text))


# Symbols clinicians chart with, as the words they stand for: "sx no \u0394" (no change),
# "\u2193 2-pt discrimination", "no dose \u2191 in 2 yrs". (The arrow between two values, "7/10
# \u2192 4/10", is read as it is: `figures.ARROW`.)
_SYMBOL_WORDS = {
    "\u0394": "change",
    "\u2206": "change",
    "\u2191": "increased",
    "\u2193": "decreased",
}
_SYMBOL = re.compile("[ \t]*([\u0394\u2206\u2191\u2193])[ \t]*")


def symbols_as_words(text: str) -> str:
    """A note's charting symbols as words, each set apart by one space: the words are what the
    readers know. Places in the text move, so only for text read whole (a note), not a letter
    whose places are kept."""
    if text.isascii():
        return text
    return _SYMBOL.sub(lambda m: f" {_SYMBOL_WORDS[m[1]]} ", text)


# Runs of punctuation, and dots that are not decimal points.
_NOT_IN_PHRASE = re.compile(r"[^a-z0-9%#.]+|(?<![0-9])\.|\.(?![0-9])", re.ASCII)
# The same for ASCII text, as a byte table: every sentence of every letter passes through here,
# and a table lookup is several times faster than the expression.
_PHRASE_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789%#.")
_PUNCTUATION_TO_SPACE = bytes(c if c in _PHRASE_BYTES else 32 for c in range(256))
# A dot where a figure is not before it or not after it: the expression starts with the dot, so
# that the engine goes from dot to dot instead of trying every character.
_LONE_DOT = re.compile(r"\.(?:(?<![0-9]\.)|(?![0-9]))", re.ASCII)


def normalize_phrase(text: str) -> str:
    """Lower case, punctuation to spaces (decimal points kept), one space between words, padded.

    Both the vocabulary and the request pass through this, so "Post-op" matches "post op" and
    "EMG/NCV" matches "emg ncv".
    """
    return padded(phrase_words(text))


def padded(words: list[str]) -> str:
    """Words as a normalised phrase: one space between them and one at each end."""
    return " " + " ".join(words) + " "


def phrase_words(text: str) -> list[str]:
    """The words of `normalize_phrase`, for a caller that needs both."""
    lowered = text.lower().replace("&", " and ")
    if not lowered.isascii():
        return _NOT_IN_PHRASE.sub(" ", lowered).split()
    return spaced_words(lowered.encode().translate(_PUNCTUATION_TO_SPACE).decode())


def phrase_characters(text: str) -> str | None:
    """A whole text as `phrase_words` spaces it before splitting it into words, character for
    character (lower case, punctuation and dots that are no decimal points as spaces), so that
    a text of many sentences is spaced once rather than once per sentence. A slice of it splits
    into the words of that slice of the text, unless the slice starts with a dot or ends with a
    dot that a figure follows (whose fate depends on the character outside): a sentence does
    neither (see `_SENTENCE` in engine/facts/sentences.py). None where a character is not one
    for one (an "&", which becomes " and ", or one outside ASCII)."""
    if "&" in text or not text.isascii():
        return None
    spaced = text.lower().encode().translate(_PUNCTUATION_TO_SPACE).decode()
    return _LONE_DOT.sub(" ", spaced) if "." in spaced else spaced


def spaced_words(spaced: str) -> list[str]:
    """The words of a text already lower-cased with its punctuation as spaces (all but dots)."""
    if "." in spaced:
        # A dot before a space or at the end is no decimal point; the rest are rare.
        spaced = spaced.replace(". ", "  ").removesuffix(".")
        if "." in spaced:
            spaced = _LONE_DOT.sub(" ", spaced)
    return spaced.split()


def load_vocabulary_file(path: Path, schema: type[M]) -> M:
    """One vocabulary file checked against its schema; every problem as a VocabularyError line."""
    # Imported here: a run that finds its rules cached reads no YAML.
    from engine.yamlsource import YamlSyntaxError, describe_validation_error, load_yaml

    try:
        document = load_yaml(path)
    except YamlSyntaxError as exc:
        raise VocabularyError([exc.line]) from None
    try:
        return schema.model_validate(document.data)
    except ValidationError as exc:
        raise VocabularyError(describe_validation_error(document, exc)) from None


def read_vocabulary(folder: Path) -> Vocabulary:
    """Load and check the vocabularies of a rules folder."""
    from engine.yamlsource import YamlSyntaxError, describe_validation_error, load_yaml

    problems: list[str] = []
    models: dict[str, BaseModel] = {}
    schemas: dict[str, type[BaseModel]] = {
        "services.yaml": ServicesFile,
        "regions.yaml": RegionsFile,
        "specialties.yaml": SpecialtiesFile,
        "drugs.yaml": DrugsFile,
    }
    for name, schema in schemas.items():
        path = folder / "vocab" / name
        if not path.is_file():
            problems.append(f"{path}:1:1: error: vocabulary file is missing")
            continue
        try:
            document = load_yaml(path)
        except YamlSyntaxError as exc:
            problems.append(exc.line)
            continue
        try:
            models[name] = schema.model_validate(document.data)
        except ValidationError as exc:
            problems.extend(describe_validation_error(document, exc))
            continue
        if name == "services.yaml":
            services = models[name]
            assert isinstance(services, ServicesFile)
            known = set(services.categories)
            # Every place services.yaml names a category, with the category it names.
            named: list[tuple[tuple[str | int, ...], str]] = [
                (("services", index, "category"), entry.category)
                for index, entry in enumerate(services.services)
            ]
            named += [
                (("subtype_anywhere", index), category)
                for index, category in enumerate(services.subtype_anywhere)
            ]
            named += [
                (("perioperative", "becomes", key), key.split("/")[0])
                for key in services.perioperative.becomes
            ]
            named += [
                (("visits_with_specialist", "visits", category), category)
                for category in services.visits_with_specialist.visits
            ]
            for where, category in named:
                if category not in known:
                    problems.append(
                        document.problem(
                            where,
                            f"unknown category '{category}'"
                            f"{did_you_mean(category, known) or ' (not in categories)'}",
                        )
                    )
    if problems:
        raise VocabularyError(problems)
    services = models["services.yaml"]
    regions = models["regions.yaml"]
    specialties = models["specialties.yaml"]
    drugs = models["drugs.yaml"]
    assert isinstance(services, ServicesFile) and isinstance(regions, RegionsFile)
    assert isinstance(specialties, SpecialtiesFile) and isinstance(drugs, DrugsFile)
    service_phrases = tuple(
        Phrase(text=normalize_phrase(p), meaning=(entry.category, entry.subtype), order=i)
        for i, entry in enumerate(services.services)
        for p in entry.phrases
    )
    return Vocabulary(
        categories=tuple(services.categories),
        service_index=PhraseIndex.of(service_phrases),
        drug_index=PhraseIndex.of(phrases_of(drugs.classes)),
        specialty_index=PhraseIndex.of(phrases_of(specialties.specialties)),
        specialist_index=PhraseIndex.of(
            phrases_of(
                specialties.specialties
                | {"": services.visits_with_specialist.specialist_words}  # no specialty of its own
            )
        ),
        specialist_visit_index=PhraseIndex.of(phrases_of(services.visits_with_specialist.visits)),
        form_index=PhraseIndex.of(phrases_of(drugs.forms)),
        region_index=PhraseIndex.of(phrases_of(regions.regions)),
        perioperative_qualifiers=tuple(
            sorted(
                (normalize_phrase(q) for q in services.perioperative.qualifiers),
                key=len,
                reverse=True,
            )
        ),
        perioperative_becomes=dict(services.perioperative.becomes),
        subtype_anywhere=frozenset(services.subtype_anywhere),
        sides=phrases_of(regions.sides),
        topical_forms=frozenset(drugs.topical_forms),
        generic_of_brand={
            normalize_phrase(brand).strip(): generic
            for generic, brands in drugs.brands_with_generic.items()
            for brand in brands
        },
        generic_since=dict(drugs.generic_since),
    )


def phrases_of(table: dict[str, list[str]]) -> tuple[Phrase, ...]:
    return tuple(
        Phrase(text=normalize_phrase(p), meaning=(name, None), order=i)
        for i, (name, synonyms) in enumerate(table.items())
        for p in synonyms
    )


load_vocabulary = PerFolder(read_vocabulary)
