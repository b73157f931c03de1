"""Read one YAML file safely, keeping the line of every key.

PyYAML is used at the node level so that duplicate keys, which a plain
`safe_load` silently collapses, become problems, and so that every problem can
name the line a translator must edit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from catalogue.domain.located import Mapping, Sequence
from catalogue.domain.problems import Problem

MAX_BYTES = 1_000_000


@dataclass
class YamlFile:
    """A parsed file (or None when unreadable) and the problems found reading it."""

    rel: str
    data: Any = None
    problems: list[Problem] = field(default_factory=list)


_scalars = yaml.constructor.SafeConstructor()
_STR = "tag:yaml.org,2002:str"
_TOP_KEY = re.compile(r"^([^\s#:'\"{}\[\]-][^:#]*):(\s|$)")


class _Loader(yaml.SafeLoader):
    """Refuses aliases (*name): a catalogue never needs them, and a few lines of them can
    expand into billions of values."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, "found an alias (*name); write the value out in full",
                                              self.peek_event().start_mark)
        return super().compose_node(parent, index)


# libyaml (PyYAML's C parser) composes nodes ten times faster than the pure-Python reader, but it
# neither refuses aliases nor guards its recursion: it only reads a file that can hold neither an alias
# (no anchor or no alias mark) nor deep flow nesting. Whatever it rejects is read again by the
# pure-Python reader, whose messages are the ones contributors see.
_FAST = getattr(yaml, "CSafeLoader", None)
_MAX_FAST_BRACKETS = 200


def _compose(text: str) -> yaml.Node | None:
    if (_FAST is not None and ("&" not in text or "*" not in text)
            and text.count("[") + text.count("{") < _MAX_FAST_BRACKETS):
        try:
            return yaml.compose(text, Loader=_FAST)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=_Loader)


def _entry_at(text: str, line: int) -> str:
    """The top-level key whose block holds `line`: the entry a contributor must look at."""
    for candidate in reversed(text.splitlines()[:line]):
        match = _TOP_KEY.match(candidate)
        if match:
            return match.group(1).strip()
    return ""


def _convert(node: yaml.Node, rel: str, problems: list[Problem]) -> Any:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result = Mapping(line)
        for key_node, value_node in node.value:
            key = _convert(key_node, rel, problems)
            key_line = key_node.start_mark.line + 1
            if not isinstance(key, (str, int)):
                problems.append(Problem(rel, key_line, "", "", "a key must be a plain word; check the indentation"))
                continue
            key = str(key)
            if key in result:
                problems.append(Problem(
                    rel, key_line, key, "",
                    f"is given twice (first on line {result.lines[key]}); keep one entry",
                ))
                continue
            result[key] = _convert(value_node, rel, problems)
            result.lines[key] = key_line
        return result
    if isinstance(node, yaml.SequenceNode):
        result = Sequence(line)
        for item in node.value:
            result.append(_convert(item, rel, problems))
            result.lines.append(item.start_mark.line + 1)
        return result
    if node.tag == _STR:
        return node.value  # most scalars: no need for the constructor's machinery
    try:
        return _scalars.construct_object(node)
    except (ValueError, KeyError, AttributeError, TypeError) as error:
        kind = node.tag.rsplit(":", 1)[-1]
        raise yaml.constructor.ConstructorError(None, None, f"{node.value!r} is not a valid {kind}", node.start_mark) from error


def read(path: Path, rel: str) -> YamlFile:
    """Parse `path`; `rel` is the path shown to contributors (relative to the project)."""
    result = YamlFile(rel)
    try:
        raw = path.read_bytes()
    except OSError as error:
        result.problems.append(Problem(rel, 0, "", "", f"cannot be read ({error.strerror})"))
        return result
    if len(raw) > MAX_BYTES:
        result.problems.append(Problem(
            rel, 1, "", "", f"is {len(raw):,} bytes, over the limit of {MAX_BYTES:,}; split it or remove what does not belong",
        ))
        return result
    if raw.startswith(b"\xef\xbb\xbf"):
        result.problems.append(Problem(rel, 1, "", "", "starts with a byte-order mark; save it as UTF-8 without BOM"))
        return result
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        key = _entry_at(raw.decode("utf-8", errors="replace"), line)
        result.problems.append(Problem(rel, line, key, "", "is not valid UTF-8; save it with UTF-8 encoding"))
        return result
    return parse(text, rel, result)


def parse(text: str, rel: str, result: YamlFile | None = None, offset: int = 0) -> YamlFile:
    """Parse YAML `text` (of the file `rel`, starting `offset` lines into it, as front matter does)."""
    result = result or YamlFile(rel)
    text = "\n" * offset + text  # blank lines keep every line number the file's own
    try:
        node = _compose(text)
        result.data = None if node is None else _convert(node, rel, result.problems)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        column = f" at column {mark.column + 1}" if mark else ""
        reason = error.problem or "invalid YAML"
        result.problems.append(Problem(
            rel, line, _entry_at(text, line), "",
            f"is not valid YAML{column} ({reason}); check quotes, colons and indentation",
        ))
    except yaml.YAMLError as error:
        result.problems.append(Problem(rel, 0, "", "", f"is not valid YAML ({error})"))
    except RecursionError:
        result.problems.append(Problem(rel, 1, "", "", "is nested too deeply; a catalogue file is never more than a few levels deep"))
    return result
