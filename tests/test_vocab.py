"""Vocabularies: user-editable YAML, checked with file:line:col errors."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.errors import VocabularyError
from engine.requests import normalize_request
from engine.vocab import load_vocabulary, normalize_phrase


def copy_rules(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(REPO / "rules" / "vocab", target / "vocab")
    return target


def problems_of(rules: Path) -> list[str]:
    with pytest.raises(VocabularyError) as caught:
        load_vocabulary(rules)
    return caught.value.problems


def test_bundled_vocabularies_load() -> None:
    vocabulary = load_vocabulary(REPO / "rules")
    assert "physical_therapy" in vocabulary.categories


def test_a_user_adds_a_synonym_without_code(tmp_path: Path) -> None:
    rules = copy_rules(tmp_path)
    services = rules / "vocab" / "services.yaml"
    before = normalize_request("Zorbotherapy 2x6", load_vocabulary(rules))
    assert before.service.category == "other"
    services.write_text(
        services.read_text(encoding="utf-8").replace(
            "    phrases: [physical therapy,", "    phrases: [zorbotherapy, physical therapy,"
        ),
        encoding="utf-8",
    )
    load_vocabulary.cache_clear()
    after = normalize_request("Zorbotherapy 2x6", load_vocabulary(rules))
    assert (after.service.category, after.quantity.visits) == ("physical_therapy", 12)


def test_every_problem_is_reported_with_its_place(tmp_path: Path) -> None:
    rules = copy_rules(tmp_path)
    (rules / "vocab" / "regions.yaml").write_text(
        "regions:\n  knee: [knee]\nsides:\n  left: [left]\ncolour: blue\n", encoding="utf-8"
    )
    (rules / "vocab" / "specialties.yaml").write_text("specialties: [\n", encoding="utf-8")
    services = rules / "vocab" / "services.yaml"
    services.write_text(
        services.read_text(encoding="utf-8").replace(
            "  - category: acupuncture\n    subtype: electro",
            "  - category: acupunture\n    subtype: electro",
        ),
        encoding="utf-8",
    )
    found = problems_of(rules)
    regions = str(rules / "vocab" / "regions.yaml")
    specialties = str(rules / "vocab" / "specialties.yaml")
    assert f"{regions}:5:1: error: unknown field 'colour'" in found
    # The bracket left open is where the mistake is.
    assert any(p.startswith(f"{specialties}:1:14: error: invalid YAML: this '['") for p in found)
    assert any(
        p.startswith(str(services))
        and "unknown category 'acupunture' (did you mean 'acupuncture'?)" in p
        for p in found
    )
    assert len(found) == 3


@pytest.mark.parametrize(
    "written, wrong, known",
    [
        # A visit with a specialist, and a category whose subtype is read from the whole request.
        ("    consultation: [evaluation,", "consultaton", "consultation"),
        ("subtype_anywhere: [surgery, dme]", "surgey", "surgery"),
    ],
)
def test_every_category_services_yaml_names_is_a_known_one(
    tmp_path: Path, written: str, wrong: str, known: str
) -> None:
    rules = copy_rules(tmp_path)
    services = rules / "vocab" / "services.yaml"
    services.write_text(
        services.read_text(encoding="utf-8").replace(written, written.replace(known, wrong)),
        encoding="utf-8",
    )
    (problem,) = problems_of(rules)
    assert problem.startswith(f"{services}:")
    assert f"unknown category '{wrong}' (did you mean '{known}'?)" in problem


def test_missing_vocabulary_file(tmp_path: Path) -> None:
    rules = copy_rules(tmp_path)
    (rules / "vocab" / "drugs.yaml").unlink()
    assert problems_of(rules) == [
        f"{rules / 'vocab' / 'drugs.yaml'}:1:1: error: vocabulary file is missing"
    ]


def spelled_out_normalization(text: str) -> str:
    """What normalize_phrase means, written plainly: lower case, '&' as 'and', every character
    but letters, digits, '%', '#' and decimal points as a space, single spaces, padded."""
    lowered = text.lower().replace("&", " and ")
    spaced = re.sub(r"[^a-z0-9%#.]|(?<![0-9])\.|\.(?![0-9])", " ", lowered)
    return " " + " ".join(spaced.split()) + " "


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ09.. ,/&%#-é\t\n") + ["ß", "İ"]), max_size=40))
def test_the_fast_normalization_is_the_plain_one(text: str) -> None:
    assert normalize_phrase(text) == spelled_out_normalization(text)


@pytest.mark.parametrize(
    "text, normalized",
    [
        ("Post-op", " post op "),
        ("EMG/NCV", " emg ncv "),
        ("2.5 mg.", " 2.5 mg "),
        ("e.g. 3. 4", " e g 3 4 "),
        ("1..2", " 1 2 "),
        ("A&B", " a and b "),
        (".5", " 5 "),
    ],
)
def test_normalization_examples(text: str, normalized: str) -> None:
    assert normalize_phrase(text) == normalized
