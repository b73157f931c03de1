"""What the English of an entry said before: its earlier texts in git history (for `make diff`)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import yaml

from catalogue.domain.model import fingerprint


def english_history(root: Path, rel: str, key: str) -> dict[str, str]:
    """Every English text `key` has had in git history, by fingerprint."""
    found: dict[str, str] = {}
    try:
        revisions = subprocess.run(["git", "log", "--format=%H", "--", rel], cwd=root,
                                   capture_output=True, text=True, check=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        return found
    for revision in revisions:
        shown = subprocess.run(["git", "show", f"{revision}:{rel}"], cwd=root, capture_output=True, text=True)
        try:
            entry = (yaml.safe_load(shown.stdout) or {}).get(key)
        except yaml.YAMLError:
            continue
        text = entry.get("text") if isinstance(entry, dict) else entry
        if isinstance(text, str):
            found.setdefault(fingerprint(text), text)
    return found
