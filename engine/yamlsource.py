"""YAML files that people edit (rules, vocabularies, expected cases) -> plain data with positions.

Loads safely (no tags, no objects) and remembers the line and column of every value, so that a
problem found later, by pydantic or by our own checks, can be reported as `path:line:col: error: ...`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from engine.errors import InputError
from engine.files import read_regular_file

try:  # the C loader is about ten times faster on large vocabularies
    from yaml import CSafeLoader as SafeLoader

    # libyaml reads the text as UTF-8 and gives a bad character's position in bytes, not characters.
    _READER_COUNTS_BYTES = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader  # type: ignore[assignment]

    _READER_COUNTS_BYTES = False

# Real rule files nest about eight lists and mappings deep. The limit keeps `construct`'s recursion
# far from Python's own limit, and stops reading early: PyYAML's C composer crashes the process
# somewhere past 20,000 levels, and libyaml's scanner slows quadratically with open brackets.
MAX_DEPTH = 100
# Rule, vocabulary and facts files are tens of kilobytes; the cap only keeps a device or a stray
# disk image named by mistake from being read whole.
MAX_YAML_BYTES = 20 * 1024 * 1024
# Anchors and aliases let a few lines stand for millions of values ("billion laughs"). The largest
# bundled rule file, which reuses one table four times, comes to a few thousand.
MAX_VALUES = 200_000

Location = tuple[str | int, ...]


@dataclass
class YamlDocument:
    path: str
    data: Any
    positions: dict[Location, tuple[int, int]] = field(default_factory=dict)
    # Where a mapping's value starts, for problems inside the value (a condition line) rather
    # than with the key itself; `positions` holds the key's place for those.
    value_positions: dict[Location, tuple[int, int]] = field(default_factory=dict)

    def where(self, location: Location, value: bool = False) -> tuple[int, int]:
        """Line and column (from 1) of the key (or, with `value`, the value) at `location`, or of
        its nearest parent."""
        location = tuple(location)
        if value and location in self.value_positions:
            return self.value_positions[location]
        while location and location not in self.positions:
            location = location[:-1]
        return self.positions.get(location, (1, 1))

    def problem(
        self, location: Location, message: str, level: str = "error", value: bool = False
    ) -> str:
        line, column = self.where(location, value)
        return f"{self.path}:{line}:{column}: {level}: {message}"


class YamlSyntaxError(Exception):
    def __init__(self, line: str) -> None:
        super().__init__(line)
        self.line = line


class YamlProblem(ValueError):
    """What is wrong at one place in a document; `parse_yaml` turns it into a `YamlSyntaxError`."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message, line, column)
        self.message = message
        self.line = line
        self.column = column


def load_yaml(path: str | Path, display_path: str | None = None) -> YamlDocument:
    """Load one YAML file. Raises `YamlSyntaxError` whose text is one `path:line:col:` line."""
    shown = display_path or str(path)
    try:
        raw = read_regular_file(path, MAX_YAML_BYTES, "YAML file")
    except InputError as exc:
        raise YamlSyntaxError(f"{shown}:1:1: error: {exc.message}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise YamlSyntaxError(_not_utf8(raw, exc, shown)) from None
    # Line ends folded as a file read as text folds them, so that lines count the same.
    return parse_yaml(text.replace("\r\n", "\n").replace("\r", "\n"), shown)


def _not_utf8(raw: bytes, exc: UnicodeDecodeError, shown: str) -> str:
    """The line for a file that is not UTF-8, at its first bad byte."""
    # Everything before the first bad byte is good UTF-8; a BOM is invisible in an editor.
    before = raw[: exc.start].decode("utf-8-sig")
    line, column = _line_column(before, len(before))
    return (
        f"{shown}:{line}:{column}: error: not UTF-8 text (byte 0x{raw[exc.start]:02x}); "
        "save the file as UTF-8"
    )


_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _line_column(text: str, index: int) -> tuple[int, int]:
    """Line and column (from 1) of `text[index]`, counting line breaks as YAML does."""
    line, start = 1, 0
    for match in _LINE_BREAK.finditer(text, 0, index):
        line, start = line + 1, match.end()
    if start == 0 and index > 0 and text.startswith("\ufeff"):
        start = 1  # an editor shows no byte-order mark, and YAML's own marks skip it
    return line, index - start + 1


def _place(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def parse_yaml(text: str, shown: str) -> YamlDocument:
    """Parse one document. Raises `YamlSyntaxError` whose text is one `path:line:col:` line."""
    document = YamlDocument(path=shown, data=None)
    try:
        node = compose(text)
        if node is not None:
            document.data = construct(node, (), document.positions, document.value_positions)
    except YamlProblem as exc:
        problem = exc
    except yaml.YAMLError as exc:
        problem = _problem_before(exc, text) or _syntax_problem(exc, text)
    except UnicodeEncodeError as exc:  # a lone surrogate, which no file read as UTF-8 holds
        problem = YamlProblem(
            f"invalid YAML: unacceptable character #x{ord(text[exc.start]):04x}",
            *_line_column(text, exc.start),
        )
    else:
        return document
    raise YamlSyntaxError(f"{shown}:{problem.line}:{problem.column}: error: {problem.message}")


def _problem_before(exc: yaml.YAMLError, text: str) -> YamlProblem | None:
    """Our own problem with the text before the place where PyYAML stopped, if there is one.

    Our checks run on the parser's events as they come, so they normally report the first problem
    in the document. But libyaml's scanner reads ahead inside brackets before it hands on a single
    token, and stops on its own limits there (PyYAML 6.0.4 refuses flow nesting past 1,000 levels);
    the text before that point is checked again, so the same document gets the same one line
    whichever PyYAML is installed."""
    mark = getattr(exc, "problem_mark", None)
    if mark is None or (mark.line == 0 and mark.column == 0):
        return None
    try:
        node = compose(text[: _index_of(text, mark.line, mark.column)])
        if node is not None:
            construct(node, (), {}, {})
    except YamlProblem as earlier:
        return earlier
    except yaml.YAMLError:
        pass  # the prefix ends in the middle of something: only our own problems count here
    return None


def _index_of(text: str, line: int, column: int) -> int:
    """The index in `text` of a 0-based line and column, counting line breaks as YAML does."""
    line_starts = [0, *(match.end() for match in _LINE_BREAK.finditer(text))]
    return min(line_starts[min(line, len(line_starts) - 1)] + column, len(text))


def _syntax_problem(exc: yaml.YAMLError, text: str) -> YamlProblem:
    """PyYAML's error, which spans several lines and may point past the mistake, as one problem."""
    if isinstance(exc, yaml.reader.ReaderError):
        index = exc.position
        if _READER_COUNTS_BYTES:
            index = len(text.encode("utf-8")[:index].decode("utf-8", "ignore"))
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return YamlProblem(
            f"invalid YAML: unacceptable character #x{code:04x} ({exc.reason})",
            *_line_column(text, index),
        )
    if not isinstance(exc, yaml.MarkedYAMLError):
        return YamlProblem(f"invalid YAML: {' '.join(str(exc).split())}", 1, 1)
    mark = exc.problem_mark or exc.context_mark
    reason = exc.problem or exc.context or "unreadable"
    context = exc.context or ""
    if context.startswith("while parsing a flow") and exc.problem_mark is not None:
        # PyYAML notices an unclosed [ or { only where something else follows (often the end of
        # the file) and its context mark may point there too; the fix is at the bracket.
        bracket = _unclosed_bracket(text, exc.problem_mark.index)
        if bracket is not None:
            mark = bracket.start_mark
            character = "[" if isinstance(bracket, yaml.FlowSequenceStartToken) else "{"
            reason = f"this '{character}' is never closed ({reason})"
    elif context.startswith("while scanning a quoted") and "end of stream" in reason:
        mark = exc.context_mark or mark
        reason = f"this quoted value is never closed ({reason})"
    return YamlProblem(f"invalid YAML: {reason}", *_place(mark))


_OPENING = (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)
_CLOSING = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)


def _unclosed_bracket(text: str, problem: int) -> yaml.Token | None:
    """The innermost bracket open where the parser gave up (`problem`, an index into `text`) that
    no later bracket closes, or None where each one is closed further on."""
    still_open: list[yaml.Token] = []
    at_problem: list[yaml.Token] | None = None
    try:
        for token in yaml.scan(text, Loader=SafeLoader):
            if at_problem is None and token.start_mark.index >= problem:
                at_problem = list(still_open)
            if isinstance(token, _OPENING):
                still_open.append(token)
                if len(still_open) > MAX_DEPTH:
                    break
            elif isinstance(token, _CLOSING) and still_open:
                still_open.pop()
    except yaml.YAMLError:
        pass  # a later mistake: brackets open up to it count as never closed
    for token in reversed(still_open if at_problem is None else at_problem):
        if any(token is other for other in still_open):
            return token
    return None


PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)
_YAML = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _TIMESTAMP = (f"{_YAML}{name}" for name in ("str", "int", "float", "timestamp"))
_MAP, _SEQ, _MERGE, _VALUE = (f"{_YAML}{name}" for name in ("map", "seq", "merge", "value"))

# The scalar constructors of SafeConstructor read only the node they are given (unlike
# construct_object, which caches by node), so one of each serves every document and thread.
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_RESOLVER = yaml.resolver.Resolver()


def _short_tag(tag: str) -> str:
    return tag.replace(_YAML, "!!")


class AliasNode(yaml.Node):
    """An alias (*name) where it is written, standing for the node its anchor (&name) marks; kept
    apart from that node so that a problem only its expansion causes is reported at the alias."""

    id = "alias"

    def __init__(self, name: str, target: yaml.Node, start_mark: Any, end_mark: Any) -> None:
        super().__init__(target.tag, target, start_mark, end_mark)
        self.name = name


@dataclass
class _Open:
    """A list or mapping whose end the parser has not reached yet."""

    node: yaml.SequenceNode | yaml.MappingNode
    anchor: str | None
    is_mapping: bool
    values: int = 1  # how many values it holds once aliases are expanded, itself included
    key: yaml.Node | None = None  # a mapping's key still waiting for its value


def compose(text: str) -> yaml.Node | None:
    """The single document in `text` as nodes, or None for an empty file.

    Built from the parser's events without recursion, since PyYAML's C composer recurses once per
    level and crashes the process on deep nesting; and refusing, while reading, nesting deeper than
    MAX_DEPTH, aliases with no anchor or inside their own anchor, and documents whose aliases
    expand to more than MAX_VALUES values."""
    root: yaml.Node | None = None
    documents = 0
    values = 0
    open_: list[_Open] = []
    # Each anchor's node and its size once expanded, None while the parser is still inside it.
    anchors: dict[str, tuple[yaml.Node, int | None]] = {}
    for event in yaml.parse(text, Loader=SafeLoader):
        node: yaml.Node
        if isinstance(event, yaml.ScalarEvent):
            parent = open_[-1] if open_ else None
            in_key = parent is not None and parent.key is None and parent.is_mapping
            node = yaml.ScalarNode(
                _scalar_tag(event, in_key), event.value, *_marks(event), style=event.style
            )
            size = 1
            values += 1
            if event.anchor is not None:
                _check_anchor(event, anchors)
                anchors[event.anchor] = (node, size)
        elif isinstance(event, yaml.CollectionStartEvent):
            if len(open_) >= MAX_DEPTH:
                raise YamlProblem(_too_deep(), *_place(event.start_mark))
            collection = _open_collection(event)
            open_.append(_Open(collection, event.anchor, isinstance(collection, yaml.MappingNode)))
            values += 1
            if event.anchor is not None:
                _check_anchor(event, anchors)
                anchors[event.anchor] = (collection, None)
            continue
        elif isinstance(event, yaml.CollectionEndEvent):
            done = open_.pop()
            done.node.end_mark = event.end_mark
            node, size = done.node, done.values
            if done.anchor is not None:
                anchors[done.anchor] = (node, size)
        elif isinstance(event, yaml.AliasEvent):
            node, size = _expand(event, anchors)
            values += size
            if values > MAX_VALUES:
                raise YamlProblem(
                    f"this document is too large once its aliases (*{event.anchor}) are expanded: "
                    f"more than {MAX_VALUES:,} values",
                    *_place(event.start_mark),
                )
        elif isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise YamlProblem(
                    "a second document starts here; these files hold one",
                    *_place(event.start_mark),
                )
            continue
        else:
            continue  # the start and end of the stream, the end of the document
        if not open_:
            root = node
            continue
        parent = open_[-1]
        parent.values += size
        if not parent.is_mapping:
            parent.node.value.append(node)
        elif parent.key is None:
            parent.key = node
        else:
            parent.node.value.append((parent.key, node))
            parent.key = None
    return root


def _check_anchor(event: yaml.NodeEvent, anchors: dict[str, tuple[yaml.Node, int | None]]) -> None:
    # YAML 1.2 lets an anchor be redefined, but in a file people edit the second one is a slip.
    if event.anchor in anchors:
        first = anchors[event.anchor][0].start_mark
        raise YamlProblem(
            f"the anchor &{event.anchor} is already used on line {_place(first)[0]}",
            *_place(event.start_mark),
        )


def _expand(
    event: yaml.AliasEvent, anchors: dict[str, tuple[yaml.Node, int | None]]
) -> tuple[AliasNode, int]:
    """The node for an alias, and how many values it stands for."""
    name = event.anchor or ""
    target, size = anchors.get(name, (None, None))
    if target is None:
        raise YamlProblem(
            f"invalid YAML: the alias *{name} has no anchor &{name} before it",
            *_place(event.start_mark),
        )
    if size is None:
        raise YamlProblem(
            f"the alias *{name} is inside the value it stands for", *_place(event.start_mark)
        )
    return AliasNode(name, target, *_marks(event)), size


def _scalar_tag(event: yaml.ScalarEvent, in_key: bool) -> str:
    if event.tag not in (None, "!"):
        return event.tag
    tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
    # `<<` means "merge" only as a key, and `=` means nothing in plain data: elsewhere both are text.
    if tag == _VALUE or (tag == _MERGE and not in_key):
        return _STR
    return tag


def _open_collection(event: yaml.CollectionStartEvent) -> yaml.SequenceNode | yaml.MappingNode:
    kind: type[yaml.SequenceNode] | type[yaml.MappingNode] = (
        yaml.SequenceNode if isinstance(event, yaml.SequenceStartEvent) else yaml.MappingNode
    )
    tag = event.tag
    if tag is None or tag == "!":
        tag = _RESOLVER.resolve(kind, None, event.implicit)
    return kind(tag, [], *_marks(event), flow_style=event.flow_style)


def _marks(event: yaml.Event) -> tuple[Any, Any]:
    # The C parser's marks are its own class, which the node constructors' stubs do not name.
    return event.start_mark, event.end_mark


def _too_deep(alias: AliasNode | None = None) -> str:
    expanded = f" once its aliases (*{alias.name}) are expanded" if alias else ""
    return f"nested too deeply{expanded}: more than {MAX_DEPTH} levels of lists and mappings"


def construct(
    node: yaml.Node,
    location: Location,
    positions: dict,
    value_positions: dict | None = None,
    depth: int = 0,
    alias: AliasNode | None = None,
) -> Any:
    """Plain data from `node`, noting where each location starts. `depth` counts the lists and
    mappings around `node`; `alias` is the outermost alias being expanded, if any."""
    if isinstance(node, AliasNode):
        return construct(node.value, location, positions, value_positions, depth, alias or node)
    positions[location] = _place(node.start_mark)
    if isinstance(node, yaml.ScalarNode):
        return scalar(node)
    _check_tag(node)
    if depth >= MAX_DEPTH:
        # Deeper than `compose` allows only through an alias: point at the alias, not inside its
        # anchor's value, where the text itself is fine.
        raise YamlProblem(_too_deep(alias), *_place((alias or node).start_mark))
    if isinstance(node, yaml.SequenceNode):
        return [
            construct(child, (*location, i), positions, value_positions, depth + 1, alias)
            for i, child in enumerate(node.value)
        ]
    result: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        # Where the key is written, even when it is an alias.
        key_place = _place(key_node.start_mark)
        if isinstance(key_node, AliasNode):
            key_node = key_node.value
        if not isinstance(key_node, yaml.ScalarNode):
            raise YamlProblem("a key must be a plain value", *key_place)
        if key_node.tag == _MERGE:
            raise YamlProblem("merge keys (<<) are not supported: write the fields out", *key_place)
        key = scalar(key_node)
        if key in result:
            raise YamlProblem(f"duplicate key '{key}'", *key_place)
        child = (*location, key)
        result[key] = construct(value_node, child, positions, value_positions, depth + 1, alias)
        if value_positions is not None:
            value_positions[child] = positions[child]
        # Keys point at themselves, so "unknown field" errors land on the key, not the value.
        positions[child] = key_place
    return result


def _check_tag(node: yaml.Node) -> None:
    if node.tag not in PLAIN_TAGS:
        # Plain data only: a tag such as !!python/object must never reach a constructor.
        raise YamlProblem(
            f"the tag '{_short_tag(node.tag)}' is not allowed: these files are plain data",
            *_place(node.start_mark),
        )
    if isinstance(node, yaml.SequenceNode):
        kind, fits = "a list", node.tag == _SEQ
    elif isinstance(node, yaml.MappingNode):
        kind, fits = "a mapping", node.tag == _MAP
    else:
        kind, fits = "a single value", node.tag not in (_SEQ, _MAP)
    if not fits:
        raise YamlProblem(
            f"the tag '{_short_tag(node.tag)}' does not fit {kind}", *_place(node.start_mark)
        )


_PLAIN_NUMBER = {
    _INT: re.compile(r"-?(?:0|[1-9][0-9]*)"),
    _FLOAT: re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?"),
}


def scalar(node: yaml.ScalarNode) -> Any:
    """A scalar's value as YAML types it (ints, dates, booleans), with numbers written plainly."""
    tag, text = node.tag, node.value
    if tag == _STR:
        return text
    _check_tag(node)
    where = _place(node.start_mark)
    plain = _PLAIN_NUMBER.get(tag)
    if plain is not None and plain.fullmatch(text):
        try:
            value: Any = int(text) if tag == _INT else float(text)
        except ValueError:  # more digits than Python converts
            value = math.inf
        if isinstance(value, float) and not math.isfinite(value):
            shown = text if len(text) <= 20 else f"{text[:20]}..."
            raise YamlProblem(f"the number '{shown}' is too large", *where)
        return value
    # An explicit tag must agree with what the text alone would be read as.
    if _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) != tag:
        raise YamlProblem(f"'{text}' cannot be read as {_short_tag(tag)}", *where)
    try:
        value = _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, node)
    except ValueError as exc:  # e.g. a date that does not exist: 2017-11-31
        kind = "date" if tag == _TIMESTAMP else "value"
        raise YamlProblem(f"invalid {kind} '{text}': {exc}", *where) from None
    if plain is not None:
        # YAML 1.1 reads 010 as 8, 1:30 as 90, 0x1F as 31 and 1_000 as 1000: nobody editing a
        # rule means that, so the text must say the number itself.
        raise YamlProblem(f"write numbers plainly: '{text}' would be read as {value!r}", *where)
    return value


def describe_validation_error(document: YamlDocument, error: Any, base: Location = ()) -> list[str]:
    """pydantic errors -> plain-words `path:line:col: error:` lines."""
    problems = []
    for detail in error.errors():
        location = (*base, *detail["loc"])
        kind = detail["type"]
        field_name = detail["loc"][-1] if detail["loc"] else ""
        if kind == "extra_forbidden":
            message = f"unknown field '{field_name}'"
        elif kind == "missing":
            message = f"missing field '{field_name}'"
        else:
            message = f"{'.'.join(str(p) for p in detail['loc'])}: {detail['msg']}".lstrip(": ")
        problems.append(document.problem(location, message))
    return problems
