"""Contributor mistakes, reported one line each, like a linter's."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Characters a message never prints as they are: controls (a newline would start a second line,
# in CI a forged annotation), bidirectional and other format characters (they reorder or hide
# what follows), separators, surrogates and private-use code points.
_HIDDEN = {"Cc", "Cf", "Cs", "Co", "Zl", "Zp"}
_MAYBE_HIDDEN = re.compile("[\\x00-\\x1f\\x7f-\\xa0\\xad]|[^\\x00-\\u05ff]")


def printable(text: str) -> str:
    """`text` as one safe line: each hidden character shown as an escape (\\n, \\u202e)."""
    def escape(match: re.Match) -> str:
        char = match.group()
        if unicodedata.category(char) not in _HIDDEN:
            return char
        code = ord(char)
        return "\\n" if char == "\n" else f"\\x{code:02x}" if code < 0x100 else \
            f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
    return _MAYBE_HIDDEN.sub(escape, text)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing a contributor must fix: where, which id, which language, what to do."""

    path: str
    line: int
    id: str
    lang: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        subject = f"{self.id}: " if self.id else ""
        lang = f"[{self.lang}] " if self.lang else ""
        return printable(f"{where}: {subject}{lang}{self.message}")
