"""Index the built site for search: Pagefind writes one index per language (from <html lang>),
split into small chunks, so a reader fetches only a little of their own language's index."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

# Repeated on many pages, so they would drown the clause a reader looks for.
NOT_INDEXED = (".clause__permalink", ".clause__status", ".clause-context", ".translation-notice")


def index(site: Path) -> str | None:
    """Write `site`/pagefind/ from the pages' `data-pagefind-body`; Pagefind's output if it failed."""
    command = [*_pagefind(), "--site", str(site), "--silent"]
    command += [argument for selector in NOT_INDEXED for argument in ("--exclude-selectors", selector)]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        return (result.stdout + result.stderr).strip()
    _sort_languages(site / "pagefind/pagefind-entry.json")
    return None


def _pagefind() -> list[str]:
    """Pagefind's binary from the pinned `pagefind_bin` wheel, run directly (its Python launcher
    would start a second interpreter for every build); the launcher if the binary is elsewhere."""
    try:
        from pagefind_bin import get_executable

        return [str(get_executable())]
    except (ImportError, FileNotFoundError):
        return [sys.executable, "-m", "pagefind"]


def _sort_languages(entry: Path) -> None:
    """Pagefind lists the languages of its entry file in a random order (a Rust HashMap):
    sorted, two builds of the same site are byte-identical."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["languages"] = dict(sorted(data["languages"].items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
