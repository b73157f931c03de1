"""Build the real site once per test run (strictly, as the README does) and read it back."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
CARD_CACHE = ROOT / ".cache" / "cards"  # every build of a copy shares the real project's share cards (content-addressed)
PDF_CACHE = ROOT / ".cache" / "pdf"  # and its printed PDFs


@dataclass(frozen=True)
class Built:
    site: Path
    returncode: int
    output: str

    def html(self, path: str) -> BeautifulSoup:
        """A built page by its URL path ('fr/communique/op1-iii/')."""
        file = self.site / path / "index.html" if not path.endswith(".html") else self.site / path
        return BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")


def build(project: Path, site: Path, strict: bool = True, env: dict[str, str] | None = None,
          engine: str = "mkdocs") -> Built:
    """`mkdocs build --strict` of `project` into `site`, as a subprocess (the real CLI), with `env` added;
    `strict=False` builds as `mkdocs serve` does, going on past the catalogue's problems; `engine`:
    mkdocs or properdocs. Share cards and PDFs come from the real project's caches unless `env` names another CARD_CACHE or PDF_CACHE."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
           "CARD_CACHE": str(CARD_CACHE),
           "PDF_CACHE": str(PDF_CACHE), **(env or {})}
    mode = "--strict" if strict else "--no-strict"
    result = subprocess.run(
        [sys.executable, "-m", engine, "build", mode, "-f", "mkdocs.yml", "-d", str(site)],  # as the Makefile runs it
        capture_output=True, text=True, env=env, cwd=project,
    )
    return Built(site, result.returncode, result.stdout + result.stderr)
