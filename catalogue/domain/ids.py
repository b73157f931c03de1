"""The grammar of ids and printed numbers: ids become URLs, file names, anchors and HTML attributes."""

from __future__ import annotations

import re
from typing import Any

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
INVALID_ID = "is not a valid id; use lower-case letters, digits and hyphens"
_NUMBER = re.compile(r"^[0-9a-z]+(\([0-9a-z]+\))*$", re.IGNORECASE)


def valid_id(value: Any) -> bool:
    """Ids become URLs, file names and HTML attributes: lower-case letters, digits and hyphens only."""
    return isinstance(value, str) and bool(_ID.match(value))


def valid_number(number: str | None) -> bool:
    """A printed number is digits, letters and bracketed parts (3, iii, 29(3)(1)(a)), or absent."""
    return number is None or bool(_NUMBER.match(number))
