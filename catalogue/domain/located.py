"""Parsed data that remembers where it was written: the line a contributor must edit."""

from __future__ import annotations

from typing import Any


class Mapping(dict):
    """A dict that remembers the line of each key (1-based) and its own line."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.lines: dict[Any, int] = {}


class Sequence(list):
    """A list that remembers its line and the line of each item."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.lines: list[int] = []


def line_of(container: Any, key: Any) -> int:
    """The line of `key` in a parsed Mapping or Sequence (its own line when unknown, 0 for plain values)."""
    lines = getattr(container, "lines", None)
    if isinstance(lines, dict):
        return lines.get(key, getattr(container, "line", 0))
    if isinstance(lines, list) and isinstance(key, int) and key < len(lines):
        return lines[key]
    return getattr(container, "line", 0)
