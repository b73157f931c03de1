"""`make build` (the README's command) swaps in a new site only when the strict build passed."""

from __future__ import annotations

import shutil
import subprocess
import sys

from tests.helpers import ROOT, append_text


def test_failed_make_build_keeps_the_last_good_site(project_copy):
    """A build that fails late, after MkDocs has written pages, must still leave site/ as it was."""
    for name in ("Makefile", "requirements.txt", "pyproject.toml"):
        shutil.copy2(ROOT / name, project_copy / name)
    site = project_copy / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good site", encoding="utf-8")
    append_text(project_copy, "docs/en/index.md", "\n[A page that does not exist](missing.md)\n")

    result = subprocess.run(["make", "build", f"VENV={sys.prefix}"], cwd=project_copy,
                            capture_output=True, text=True)

    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "contains a link 'missing.md', but the target 'en/missing.md' is not found" in output
    assert any((project_copy / ".site-build").rglob("*.html")), "the build failed before writing pages: proves nothing"
    assert [path.name for path in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "the last good site"
