"""Read one data file as plain YAML, within limits: no file can exhaust memory or time.

Only plain JSON data comes out (texts, numbers, true/false, lists and mappings); what does not
fit, or is too large, too deep or has too many values, is refused with a message that names the
line where there is one (`UnreadableFile`). No MkDocs import; site_data.py names the file.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, Protocol

import yaml

from site_text import cyclic_gc_paused


class UnreadableFile(Exception):
    """Why a data file could not be read, in words for the person who edits it."""


# libyaml's parser when PyYAML has it (several times faster on large files), else pure Python.
# The type checker sees the pure-Python one: both offer what DataYamlLoader uses.
if TYPE_CHECKING:
    _SafeLoaderBase = yaml.SafeLoader
else:
    _SafeLoaderBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_YAML_TAG = "tag:yaml.org,2002:"
_TEXT_TAG = f"{_YAML_TAG}str"
_SEQUENCE_TAG = f"{_YAML_TAG}seq"
_MAPPING_TAG = f"{_YAML_TAG}map"
_ConstructorError = yaml.constructor.ConstructorError


class _Position(Protocol):
    """Where in a file (0-based): PyYAML's pure-Python marks and libyaml's alike."""

    line: int
    column: int


class _RefusedYaml(_ConstructorError):
    """Valid YAML that is not read: too many values, too deep, or not a mapping at the top."""

    def __init__(self, problem: str, position: _Position | None) -> None:
        super().__init__(problem=problem)
        self.position = position


# Limits on one data file, so that no file can exhaust memory or time (README: Editing the data).
# The largest file at 50 times today's data is 2.2 MB with 74,000 values, 8 levels deep.
MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_NODES = 1_000_000  # values (texts, numbers, lists, mappings, keys), each alias counted in full
TEXT_CHARS_PER_NODE = 100  # a longer text counts as one more value per this many characters
MAX_DEPTH = 50  # lists and mappings inside each other
# libyaml's composer recurses in C, with no check: about 100,000 nested brackets crash Python.
# A file that might nest deeper than this is first read as a flat stream of events (below).
_COMPOSER_SAFE_DEPTH = 2_000


class DataYamlLoader(_SafeLoaderBase):
    """Safe YAML that yields plain JSON data only. Dates stay text (the schema checks them).
    Refused, each with its line: duplicate keys, keys that are not text, NaN and infinity,
    a list or mapping that contains itself, tags such as !!set or !!binary, merge keys (<<),
    a top level that is not a mapping, more than MAX_NODES values (each alias counted in full,
    so that aliases cannot expand exponentially; long texts count per TEXT_CHARS_PER_NODE
    characters) and lists or mappings nested deeper than MAX_DEPTH."""

    def construct_document(self, node: yaml.Node) -> Any:
        # PyYAML's own constructor is built for general object graphs; plain data needs only a
        # walk down the tree, a quarter faster on large files. An alias (*name) gives the value
        # built for its anchor, as in PyYAML; it is counted against MAX_NODES as often as it is used.
        if not isinstance(node, yaml.MappingNode):
            if isinstance(node, yaml.SequenceNode):
                got = "a list"
            else:
                got = f"'{_shown_scalar(node)}'" if node.value else "nothing"
            raise _RefusedYaml(
                f"expected a mapping of fields ('name: value' lines) at the top, got {got}", node.start_mark
            )
        self._nodes_left = MAX_NODES
        return self._plain(node, {}, set())

    def _plain(self, node: yaml.Node, built: dict[int, tuple[Any, int]], open_nodes: set[int]) -> Any:
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _TEXT_TAG:  # most values: what PyYAML's str constructor returns, without its two calls
                if len(node.value) > TEXT_CHARS_PER_NODE:  # so that aliases of a long text cannot multiply it freely
                    self._count(len(node.value) // TEXT_CHARS_PER_NODE, node)
                return node.value
            construct = self.yaml_constructors.get(node.tag) or self.yaml_constructors[None]
            return construct(self, node)
        if id(node) in built:  # an alias of a list or mapping already built: count all it holds again
            value, size = built[id(node)]
            self._count(size, node)
            return value
        if id(node) in open_nodes:
            raise _ConstructorError(
                None, None, "this list or mapping contains itself through an alias", node.start_mark
            )
        if len(open_nodes) >= MAX_DEPTH:
            raise _RefusedYaml(f"has {_too_deep()}", node.start_mark)
        nodes_left = self._nodes_left
        open_nodes.add(id(node))
        if isinstance(node, yaml.SequenceNode) and node.tag == _SEQUENCE_TAG:
            self._count(len(node.value), node)
            value = [self._plain(item, built, open_nodes) for item in node.value]
        elif isinstance(node, yaml.MappingNode) and node.tag == _MAPPING_TAG:
            self._count(2 * len(node.value), node)
            value = self._plain_mapping(node, built, open_nodes)
        else:
            self.construct_undefined(node)  # raises: could not determine a constructor
        open_nodes.discard(id(node))
        built[id(node)] = value, nodes_left - self._nodes_left
        return value

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        # PyYAML's own resolve, without what these files never use (path resolvers, wildcard
        # resolvers): libyaml's composer calls it for every value, 230,000 times at 50x the data.
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in _IMPLICIT_RESOLVERS.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return _TEXT_TAG
        return _SEQUENCE_TAG if kind is yaml.SequenceNode else _MAPPING_TAG

    def _count(self, nodes: int, node: yaml.Node) -> None:
        self._nodes_left -= nodes
        if self._nodes_left < 0:
            raise _RefusedYaml(f"has {_too_many()}", node.start_mark)

    def _plain_mapping(
        self, node: yaml.MappingNode, built: dict[int, tuple[Any, int]], open_nodes: set[int]
    ) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self._plain(key_node, built, open_nodes)
            if not isinstance(key, str):
                raise _ConstructorError(
                    None, None, f"a mapping key must be text, not {key!r} (put it in quotes)", key_node.start_mark
                )
            if key in mapping:
                # PyYAML would silently keep the last of two equal keys; an edit would be lost.
                raise _ConstructorError(
                    None, None, f"duplicate key '{key}' (each key may appear once)", key_node.start_mark
                )
            mapping[key] = self._plain(value_node, built, open_nodes)
        return mapping


def _too_many() -> str:
    return (
        f"more than {MAX_NODES:,} values, aliases counted each time they are used and long texts "
        f"once per {TEXT_CHARS_PER_NODE} characters (at most {MAX_NODES:,} allowed)"
    )


def _too_deep() -> str:
    return f"lists or mappings nested more than {MAX_DEPTH} levels deep (at most {MAX_DEPTH} allowed)"


def _shown_scalar(node: yaml.Node) -> str:
    text = str(node.value)
    return text if len(text) <= 40 else text[:37] + "..."


def _refuse_merge(loader: DataYamlLoader, node: yaml.ScalarNode) -> None:
    # PyYAML merges the mappings before any value is counted: repeated merges of merges grow
    # exponentially. Plain data does not need them.
    raise _ConstructorError(None, None, "merge keys ('<<') are not supported; write the fields out", node.start_mark)


def _construct_finite_float(loader: DataYamlLoader, node: yaml.ScalarNode) -> float:
    number = loader.construct_yaml_float(node)
    if not math.isfinite(number):
        raise _ConstructorError(None, None, f"'{node.value}' is not a finite number", node.start_mark)
    return number


DataYamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != f"{_YAML_TAG}timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# By a plain value's first character ("" for an empty value), as resolve looks them up.
_IMPLICIT_RESOLVERS: dict[str, list[tuple[str, re.Pattern[str]]]] = DataYamlLoader.yaml_implicit_resolvers
assert None not in _IMPLICIT_RESOLVERS and not DataYamlLoader.yaml_path_resolvers, "resolve skips them"
# Scalars JSON has; any other tag, explicit or not, is "could not determine a constructor".
DataYamlLoader.yaml_constructors = {
    tag: construct
    for tag, construct in yaml.SafeLoader.yaml_constructors.items()
    if tag in {f"{_YAML_TAG}{name}" for name in ("null", "bool", "int", "str")} or tag is None
}
DataYamlLoader.add_constructor(f"{_YAML_TAG}float", _construct_finite_float)
DataYamlLoader.add_constructor(f"{_YAML_TAG}merge", _refuse_merge)


def read_data_file(path: Path) -> Any:
    """A data file's document; UnreadableFile says what stops it from being read. Memory and
    time stay bounded whatever the file holds: see MAX_FILE_BYTES, MAX_NODES and MAX_DEPTH."""

    def refused(message: str) -> NoReturn:
        raise UnreadableFile(message)

    try:
        with path.open("rb") as file:
            raw = file.read(MAX_FILE_BYTES + 1)  # never more: the size is checked before anything is parsed
    except FileNotFoundError:
        refused("file is missing")
    except OSError as err:
        refused(f"could not be read ({err.strerror or err})")
    if len(raw) > MAX_FILE_BYTES:
        refused(f"is larger than {MAX_FILE_BYTES:,} bytes, the most a data file may hold")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        refused(f"is not UTF-8 text ({err.reason} at line {line}, byte {err.start + 1} of the file)")
    try:
        with cyclic_gc_paused():
            if _might_overload_composer(text):
                _check_events(text)
            document = yaml.load(text, Loader=DataYamlLoader)
    except _RefusedYaml as err:
        position = err.position
        where = f" at line {position.line + 1}, column {position.column + 1}" if position else ""
        refused(f"{err.problem}{where}")
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        reason = err.problem or err.context or "unreadable"
        refused(f"is not valid YAML: {reason}{where}")
    except yaml.YAMLError as err:
        refused(f"is not valid YAML: {err}")
    except RecursionError:  # not expected past the checks above; still a message, not a traceback
        refused(f"has {_too_deep()}")
    if document is None:
        refused("is empty (nothing but blank lines or comments); expected a mapping of fields ('name: value' lines)")
    return document


_LINE_BREAKS = "\n\r\x85\u2028\u2029"


def _might_overload_composer(text: str) -> bool:
    """Whether `text` might nest deeper than libyaml's composer can take or hold more than
    MAX_NODES values (each needs memory before it is counted). Cheap upper bounds, not counts:
    block nesting needs a new column at least every second level, flow nesting a bracket;
    every value but the first starts after a line break or one of , : - ? [ { (at most two
    values at each: a mapping and its first key)."""
    widest = max(map(len, text.splitlines()), default=0)
    depth_bound = 2 * (widest + 1) + text.count("[") + text.count("{")
    node_bound = 2 * sum(text.count(mark) for mark in _LINE_BREAKS + ",:-?[{") + 2
    return depth_bound > _COMPOSER_SAFE_DEPTH or node_bound > MAX_NODES


def _check_events(text: str) -> None:
    """Refuse a file nested deeper than MAX_DEPTH or holding more than MAX_NODES values, reading
    it as a flat stream of events (libyaml's parser keeps its own stack: no recursion)."""
    depth = nodes = 0
    for event in yaml.parse(text, Loader=DataYamlLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise _RefusedYaml(f"has {_too_deep()}", event.start_mark)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
            continue
        elif not isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent)):
            continue
        nodes += 1
        if nodes > MAX_NODES:
            raise _RefusedYaml(f"has {_too_many()}", event.start_mark)
