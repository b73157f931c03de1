"""Data and translation files held to their JSON Schemas (schemas/input/): each value of the wrong
kind is one problem at its line, named by the id it belongs to, and is removed from the parsed
data so that the loaders after the check only ever meet the shapes they expect."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from catalogue.domain.problems import Problem

_KINDS = {str: "text", bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "a mapping",
          type(None): "nothing (null)"}


def kind(value: Any) -> str:
    """What YAML made of a value, in a translator's words."""
    return next((name for cls, name in _KINDS.items() if isinstance(value, cls)), "a date")


def _line(data: Any, path: Sequence) -> int:
    """The line of the deepest value of `path` whose line is known."""
    line, node = getattr(data, "line", 1), data
    for step in path:
        lines = getattr(node, "lines", None)
        if isinstance(lines, dict) and step in lines:
            line = lines[step]
        elif isinstance(lines, list) and isinstance(step, int) and step < len(lines):
            line = lines[step]
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
    return line


def _subject(data: Any, path: Sequence, by_key: bool) -> tuple[str, str]:
    """The id a problem belongs to (an entry's key, else the nearest `id:`), and the field it is about."""
    field = next((str(step) for step in reversed(path) if isinstance(step, str)), "")
    if by_key:
        return (str(path[0]) if path else ""), field if len(path) > 1 else ""
    ident, node = "", data
    for step in path:
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            ident = node["id"] if not ident else f"{ident}/{node['id']}"
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
    return ident or (str(path[0]) if path and isinstance(path[0], str) else ""), field


def _reason(error: ValidationError) -> str:
    wanted = error.schema.get("description", "something else") if isinstance(error.schema, dict) else "something else"
    if error.validator in ("maxLength", "maxItems", "maxProperties"):
        return f"is too long (the limit is {error.validator_value:,}); split it or remove what does not belong"
    return f"must be {wanted}, not {kind(error.instance)}" if error.validator == "type" else f"must be {wanted}"


def check(data: Any, schema: dict, rel: str, lang: str = "", by_key: bool = False) -> tuple[Any, list[Problem]]:
    """`data` without the values that do not fit `schema`, and one problem for each. `by_key`: the
    file's top-level keys are its ids (translation files)."""
    errors = sorted(Draft202012Validator(schema).iter_errors(data), key=lambda e: [(isinstance(s, str), s) for s in e.absolute_path])
    problems = []
    doomed: list[list] = []
    for error in errors:
        path = list(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            known = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
            for key in [key for key in error.instance if key not in known]:
                where = [*path, key]
                ident = (str(where[0]) if by_key else _subject(data, where, False)[0]) or str(key)
                fields = f"; the fields are {', '.join(sorted(known))}" if 0 < len(known) <= 8 else "; check its spelling"
                label = "" if ident == key else f"`{key}:` "
                problems.append(Problem(rel, _line(data, where), ident, lang, f"{label}is not a field of this file{fields}"
                                        if not label else f"{label}is not a field here{fields}"))
                doomed.append(where)
            continue
        ident, field = _subject(data, path, by_key)
        label = f"`{field}:` " if field and field != ident else ""
        problems.append(Problem(rel, _line(data, path), ident, lang, label + _reason(error)))
        doomed.append(path)
    for path in sorted(doomed, key=lambda p: (len(p), [(isinstance(s, str), s) for s in p]), reverse=True):
        if not path:
            return None, problems
        _remove(data, path)
    return data, problems


def _remove(data: Any, path: list) -> None:
    node = data
    for step in path[:-1]:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return
    last = path[-1]
    if isinstance(node, dict) and last in node:
        del node[last]
    elif isinstance(node, list) and isinstance(last, int) and last < len(node):
        del node[last]
        lines = getattr(node, "lines", None)
        if isinstance(lines, list) and last < len(lines):
            del lines[last]
