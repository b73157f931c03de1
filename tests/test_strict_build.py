"""The strict MkDocs build of a broken copy: it fails, says why in one line, and publishes nothing hostile."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import english_text, write_entry

PAYLOAD = "alert('catalogue-test-payload')"


def _strict_build(root: Path, out: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of the project at `root`, run from its root as `make build` does."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(out)],
        cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True, timeout=300,
    )


def test_strict_build_fails_on_a_script_with_one_line_and_publishes_none_of_it(project_copy):
    line = write_entry(project_copy, "fr", "communique", "op1-iii", f"Partager <script>{PAYLOAD}</script> ;")
    out = project_copy / "out"
    result = _strict_build(project_copy, out)
    output = result.stdout + result.stderr

    assert result.returncode != 0
    assert ("WARNING -  translations/fr/communique.yml:"
            f"{line}: op1-iii: [fr] contains a <script> element; remove it") in output
    assert "Traceback" not in output
    french_page = out / "fr/communique/op1-iii/index.html"
    assert french_page.is_file(), "the French pages were not built, so the check below would prove nothing"
    assert english_text(project_copy, "communique", "op1-iii") in french_page.read_text(encoding="utf-8")
    leaks = [str(path.relative_to(out)) for path in out.rglob("*")
             if path.is_file() and "catalogue-test-payload" in path.read_text(encoding="utf-8", errors="replace")]
    assert leaks == []

