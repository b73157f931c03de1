"""Lighthouse 12.2.3 (npm, pinned in package-lock.json) with Debian's Chromium, mobile preset."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


@dataclass(frozen=True)
class Report:
    scores: dict[str, int]
    failing: dict[str, list[str]]


def version() -> str:
    return subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True).stdout.strip()


def run(url: str) -> Report:
    """Scores (0–100) per category, and for each category the audits that cost it points."""
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "report.json"
        subprocess.run([str(LIGHTHOUSE), url, "--output=json", f"--output-path={output}", "--quiet",
                        "--chrome-flags=--headless --no-sandbox"],
                       env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}, check=True, capture_output=True)
        report = json.loads(output.read_text(encoding="utf-8"))
    scores, failing = {}, {}
    for name in CATEGORIES:
        category = report["categories"][name]
        scores[name] = round(100 * (category["score"] or 0))
        failing[name] = [
            f"{ref['id']}: {report['audits'][ref['id']]['title']}"
            for ref in category["auditRefs"]
            if ref.get("weight") and report["audits"][ref["id"]].get("score") is not None
            and report["audits"][ref["id"]]["score"] < 1
        ]
    return Report(scores, failing)
