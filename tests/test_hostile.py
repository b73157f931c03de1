"""Broken and hostile pull requests against the real strict build: each fails it with one
line naming file, line and id, never a traceback, and publishes none of its payload."""

from __future__ import annotations

from pathlib import Path

import pytest

from hostile_cases import CASES, PAYLOAD
from tests.sitebuild import build


def _leaks(folder: Path) -> list[str]:
    """The files under `folder` (if it exists) that contain the payload."""
    return [str(path.relative_to(folder)) for path in sorted(folder.rglob("*"))
            if path.is_file() and PAYLOAD.encode() in path.read_bytes()]


def test_the_corpus_is_large_enough():
    assert len({case.name for case in CASES}) == len(CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_contribution_fails_the_strict_build_in_one_line_and_publishes_nothing(project_copy, case):
    expected = case.apply(project_copy)
    built = build(project_copy, project_copy / "out")

    assert built.returncode != 0, built.output
    assert "Traceback" not in built.output, built.output
    assert any(line.startswith(f"WARNING -  {expected}") for line in built.output.splitlines()), built.output
    assert _leaks(built.site) == []
