"""The English texts an entry has had, from git history: what a stale translation was made from."""

from __future__ import annotations

import subprocess
from functools import cached_property
from pathlib import Path

import yaml

from catalogue.domain.model import fingerprint


class EnglishHistory:
    """Every English text of each key of one English file in git history, by fingerprint.
    Each revision of the file is read once, however many keys are asked about."""

    def __init__(self, root: Path, rel: str) -> None:
        self.root, self.rel = root, rel

    @cached_property
    def _revisions(self) -> list[dict]:
        try:
            revisions = subprocess.run(["git", "log", "--format=%H", "--", self.rel], cwd=self.root,
                                       capture_output=True, text=True, check=True).stdout.split()
        except (OSError, subprocess.CalledProcessError):
            return []
        contents = []
        for revision in revisions:
            shown = subprocess.run(["git", "show", f"{revision}:{self.rel}"], cwd=self.root,
                                   capture_output=True, text=True)
            try:
                data = yaml.safe_load(shown.stdout)
            except yaml.YAMLError:
                continue
            if isinstance(data, dict):
                contents.append(data)
        return contents

    def text(self, key: str, print_: str | None) -> str | None:
        """The English text of `key` whose fingerprint is `print_`, if git history has it."""
        if not print_:
            return None
        for data in self._revisions:
            entry = data.get(key)
            text = entry.get("text") if isinstance(entry, dict) else entry
            if isinstance(text, str) and fingerprint(text) == print_:
                return text
        return None
