"""Contributor mistakes, reported one line each, like a linter's."""

from __future__ import annotations

from dataclasses import dataclass


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
        return f"{where}: {subject}{lang}{self.message}"
