"""Index the built site for search: Pagefind writes one index per language (from <html lang>),
split into small chunks, so a reader fetches only a little of their own language's index."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# Repeated on many pages, so they would drown the clause a reader looks for.
NOT_INDEXED = (".clause__permalink", ".clause__status", ".clause-context", ".translation-notice")


def index(site: Path) -> str | None:
    """Write `site`/pagefind/ from the pages' `data-pagefind-body`; Pagefind's output if it failed."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--silent"]
    command += [argument for selector in NOT_INDEXED for argument in ("--exclude-selectors", selector)]
    result = subprocess.run(command, capture_output=True, text=True)
    return None if result.returncode == 0 else (result.stdout + result.stderr).strip()
