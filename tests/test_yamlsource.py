"""The YAML loader on its own: every problem is one `path:line:col: error:` line, never a
traceback, a crash or minutes of work; and plain files load as before, with their positions."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from conftest import REPO

from engine.yamlsource import MAX_DEPTH, YamlSyntaxError, load_yaml, parse_yaml


def problem(text: str) -> str:
    with pytest.raises(YamlSyntaxError) as caught:
        parse_yaml(text, "f.yaml")
    line = caught.value.line
    assert re.fullmatch(r"f\.yaml:\d+:\d+: error: [^\n]+", line), line
    return line


def laughs(levels: int) -> str:
    """Each anchor lists the one before it ten times: 10**levels values once expanded."""
    lines = ["a: &a [" + ", ".join(["lol"] * 10) + "]"]
    for before, name in zip("abcdefghi", "bcdefghij"[: levels - 1], strict=False):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{before}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def test_plain_values_keep_their_types_and_positions() -> None:
    document = parse_yaml(
        "title: x\ncount: -12\nshare: 0.25\nbig: 1.5e+3\nok: true\nnone: ~\n"
        "date: 2017-11-30\ncodes: [97110, '010']\nwhen: request.visits > 10\n",
        "f.yaml",
    )
    assert document.data == {
        "title": "x",
        "count": -12,
        "share": 0.25,
        "big": 1500.0,
        "ok": True,
        "none": None,
        "date": datetime.date(2017, 11, 30),
        "codes": [97110, "010"],
        "when": "request.visits > 10",
    }
    assert document.where(("codes",)) == (8, 1)
    assert document.where(("codes",), value=True) == (8, 8)
    assert document.where(("codes", 1)) == (8, 16)


def test_duplicate_and_non_scalar_keys_are_still_refused() -> None:
    assert problem("a: 1\nb: 2\na: 3\n") == "f.yaml:3:1: error: duplicate key 'a'"
    assert problem("[1]: 2\n") == "f.yaml:1:1: error: a key must be a plain value"
    assert problem("? {a: 1}\n: 2\n") == "f.yaml:1:3: error: a key must be a plain value"


# 1. Control characters


def test_a_control_character_is_reported_where_it_is() -> None:
    assert problem("a: 1\nb: x\x07y\n") == (
        "f.yaml:2:5: error: invalid YAML: unacceptable character #x0007 "
        "(control characters are not allowed)"
    )


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("é😀: x\x07\n", "1:6"),  # libyaml counts in bytes; the column is in characters
        ("\ufeffa: b\x00\n", "1:5"),  # an editor does not show a byte-order mark
        ("a: x\r\nb: \x07\n", "2:4"),
        ("a: x\rb: \x07\n", "2:4"),
    ],
)
def test_a_control_character_column_counts_characters(text: str, place: str) -> None:
    assert problem(text).startswith(f"f.yaml:{place}: error: invalid YAML: unacceptable character")


def test_a_lone_surrogate_is_one_line() -> None:
    assert (
        problem("a: \ud800\n") == "f.yaml:1:4: error: invalid YAML: unacceptable character #xd800"
    )


# 2. Nesting


@pytest.mark.parametrize("levels", [MAX_DEPTH + 1, 800, 100_000])
def test_deep_brackets_are_refused_at_the_first_level_too_many(levels: int) -> None:
    # The C composer alone crashes the process somewhere past 20,000 levels.
    text = "a: " + "[" * levels + "]" * levels + "\n"
    column = len("a: ") + MAX_DEPTH  # the root mapping is the first level
    assert problem(text) == (
        f"f.yaml:1:{column}: error: nested too deeply: more than {MAX_DEPTH} levels of lists and "
        "mappings"
    )


def test_deep_block_lists_are_refused() -> None:
    assert problem("- " * 500 + "x\n") == (
        f"f.yaml:1:{2 * MAX_DEPTH + 1}: error: nested too deeply: more than {MAX_DEPTH} levels of "
        "lists and mappings"
    )


def test_nesting_up_to_the_limit_loads() -> None:
    depth = MAX_DEPTH - 1  # under the root mapping
    data = parse_yaml("a: " + "[" * depth + "1" + "]" * depth + "\n", "f.yaml").data
    for _ in range(depth + 1):
        data = data["a"] if isinstance(data, dict) else data[0]
    assert data == 1


def test_nesting_too_deep_only_once_an_alias_is_expanded_points_at_the_alias() -> None:
    half = MAX_DEPTH - 40
    text = f"a: &deep {'[' * half}{']' * half}\nb: {'[' * 50}*deep{']' * 50}\n"
    assert problem(text) == (
        "f.yaml:2:54: error: nested too deeply once its aliases (*deep) are expanded: more than "
        f"{MAX_DEPTH} levels of lists and mappings"
    )


# 3. Aliases


def test_aliases_still_stand_for_their_anchor_as_separate_copies() -> None:
    document = parse_yaml("a: &row [1, {x: 2}]\nb: *row\nc: [*row]\n", "f.yaml")
    assert document.data == {"a": [1, {"x": 2}], "b": [1, {"x": 2}], "c": [[1, {"x": 2}]]}
    assert document.data["b"] is not document.data["a"]
    # An alias's contents are where the anchor's are written.
    assert document.where(("b", 1, "x")) == document.where(("a", 1, "x")) == (1, 14)


def test_the_bundled_rule_file_with_anchors_loads() -> None:
    path = REPO / "rules" / "mtus" / "chronic-pain" / "physical-medicine.yaml"
    data = load_yaml(path).data
    # Four tables read the diagnosis rows anchored as &physmed-lines.
    shared = [table for table in data["tables"] if table["rows"] == data["tables"][0]["rows"]]
    assert len(shared) == 4


@pytest.mark.parametrize("levels", [6, 7, 9])
def test_billion_laughs_stop_at_the_alias_that_makes_it_too_large(levels: int) -> None:
    # 10**6 values took 5 s and 294 MB; 10**7 ran out of memory.
    assert problem(laughs(levels)) == (
        "f.yaml:6:8: error: this document is too large once its aliases (*e) are expanded: more "
        "than 200,000 values"
    )


def test_a_few_laughs_are_fine() -> None:
    assert len(parse_yaml(laughs(4), "f.yaml").data["d"]) == 10


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a: &x [1, *x]\n", "f.yaml:1:11: error: the alias *x is inside the value it stands for"),
        (
            "a: *nope\n",
            "f.yaml:1:4: error: invalid YAML: the alias *nope has no anchor &nope before it",
        ),
        (
            "a: &x 1\nb: &x 2\n",
            "f.yaml:2:4: error: the anchor &x is already used on line 1",
        ),
    ],
)
def test_alias_mistakes(text: str, line: str) -> None:
    assert problem(text) == line


# 4. Merge keys and tags


def test_merge_keys_are_refused() -> None:
    assert problem("base: &b {x: 1}\nc:\n  <<: *b\n  y: 2\n") == (
        "f.yaml:3:3: error: merge keys (<<) are not supported: write the fields out"
    )


def test_a_quoted_merge_key_or_a_merge_sign_as_a_value_is_text() -> None:
    assert parse_yaml("'<<': 1\na: <<\nb: =\n", "f.yaml").data == {"<<": 1, "a": "<<", "b": "="}


def test_a_tag_on_a_key_is_refused() -> None:
    assert problem("a: 1\n!!python/name:os.system x: 1\n") == (
        "f.yaml:2:1: error: the tag '!!python/name:os.system' is not allowed: these files are "
        "plain data"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: !!map x\n", "the tag '!!map' does not fit a single value"),
        ("a: !!str [1]\n", "the tag '!!str' does not fit a list"),
        ("a: !!bool maybe\n", "'maybe' cannot be read as !!bool"),
        ("a: !!timestamp soon\n", "'soon' cannot be read as !!timestamp"),
        ("a: !!int ''\n", "'' cannot be read as !!int"),
        ("a: !!set {x: 1}\n", "the tag '!!set' is not allowed: these files are plain data"),
    ],
)
def test_a_tag_must_fit_its_value(text: str, message: str) -> None:
    assert problem(text) == f"f.yaml:1:4: error: {message}"


def test_plain_tags_that_fit_still_load() -> None:
    data = parse_yaml("a: !!str 010\nb: !!float 1\nc: !!bool yes\n", "f.yaml").data
    assert data == {"a": "010", "b": 1.0, "c": True}


# 5. Numbers


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("010", "8"),
        ("00", "0"),
        ("1:30", "90"),
        ("-1:30", "-90"),
        ("0x1F", "31"),
        ("0b101", "5"),
        ("1_000", "1000"),
        ("+5", "5"),
        (".inf", "inf"),
        ("-.inf", "-inf"),
        (".nan", "nan"),
        ("1_0.5", "10.5"),
        ("1.", "1.0"),
        (".5", "0.5"),
    ],
)
def test_numbers_must_be_written_plainly(text: str, read: str) -> None:
    assert problem(f"a: {text}\n") == (
        f"f.yaml:1:4: error: write numbers plainly: '{text}' would be read as {read}"
    )


def test_a_number_key_must_be_written_plainly_too() -> None:
    assert (
        problem("010: x\n") == "f.yaml:1:1: error: write numbers plainly: '010' would be read as 8"
    )


def test_numbers_too_large_to_hold() -> None:
    assert problem("a: 1.0e+999\n") == "f.yaml:1:4: error: the number '1.0e+999' is too large"
    assert problem("a: " + "9" * 5000 + "\n") == (
        f"f.yaml:1:4: error: the number '{'9' * 20}...' is too large"
    )


def test_plain_numbers_load() -> None:
    data = parse_yaml("a: [0, -0, 7, -12, 0.5, -0.5, 10.0, 1.5e+3, 2.5E-2]\n", "f.yaml").data
    assert data == {"a": [0, 0, 7, -12, 0.5, -0.5, 10.0, 1500.0, 0.025]}


# 6. Not UTF-8


def test_a_byte_that_is_not_utf8_is_reported_where_it_is(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes("a: 1\nb: café\n".encode() + b"c: caf\xe9\n")
    with pytest.raises(YamlSyntaxError) as caught:
        load_yaml(path, "f.yaml")
    assert caught.value.line == (
        "f.yaml:3:7: error: not UTF-8 text (byte 0xe9); save the file as UTF-8"
    )


def test_a_bad_byte_far_into_a_file_is_counted_from_the_start(tmp_path: Path) -> None:
    # The text decoder works in chunks of a few kilobytes and counts its offset from the chunk.
    path = tmp_path / "f.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + b"a: 1\n" * 5000 + b"b: \xff\n")
    with pytest.raises(YamlSyntaxError) as caught:
        load_yaml(path, "f.yaml")
    assert caught.value.line == (
        "f.yaml:5001:4: error: not UTF-8 text (byte 0xff); save the file as UTF-8"
    )


# 7. Unclosed brackets and quotes


@pytest.mark.parametrize(
    ("text", "place", "bracket", "reason"),
    [
        ("a: [", "1:4", "[", "did not find expected node content"),
        ("a: [1,\n", "1:4", "[", "did not find expected node content"),
        ("a: {\n", "1:4", "{", "did not find expected node content"),
        ("a: [1, 2\nb: 3\n", "1:4", "[", "did not find expected ',' or ']'"),
        ("a: [1, {x: 2\n", "1:8", "{", "did not find expected ',' or '}'"),
        ("é: [x, y,\n", "1:4", "[", "did not find expected node content"),
    ],
)
def test_an_unclosed_bracket_is_reported_at_the_bracket(
    text: str, place: str, bracket: str, reason: str
) -> None:
    assert problem(text) == (
        f"f.yaml:{place}: error: invalid YAML: this '{bracket}' is never closed ({reason})"
    )


def test_a_bracket_closed_later_is_not_called_unclosed() -> None:
    assert problem("a: [1, [2]3]\n") == (
        "f.yaml:1:11: error: invalid YAML: did not find expected ',' or ']'"
    )


def test_an_unclosed_quote_is_reported_at_the_quote() -> None:
    assert problem("a: 1\nb: 'x\n\n") == (
        "f.yaml:2:4: error: invalid YAML: this quoted value is never closed (found unexpected "
        "end of stream)"
    )


def test_a_second_document_is_refused() -> None:
    assert problem("a: 1\n---\nb: 2\n") == (
        "f.yaml:2:1: error: a second document starts here; these files hold one"
    )


@pytest.mark.parametrize("text", ["", "# only a comment\n", "---\n", "---\n...\n"])
def test_an_empty_document_is_none(text: str) -> None:
    assert parse_yaml(text, "f.yaml").data is None
