"""The hosting files allow the site's one inline style by its hash: when a maintainer changes the
styles (docs/assets/site.css, the theme's version), the hash changes and the build says where."""

from __future__ import annotations

import re
from collections.abc import Mapping

from catalogue.domain.problems import Problem

_STYLE_SRC = re.compile(r"style-src ([^;\"]*)")


def csp_problems(files: Mapping[str, str], allowed: str) -> list[Problem]:
    """A problem for each file of `files` (path → text) whose Content-Security-Policy does not allow
    exactly the style source `allowed` (`'sha256-…'`) beside 'self'."""
    problems = []
    for path, text in files.items():
        lines = [(number, line) for number, line in enumerate(text.splitlines(), 1) if "Content-Security-Policy" in line]
        for number, line in lines or [(0, "")]:
            found = _STYLE_SRC.search(line)
            if not found or found.group(1).split() != ["'self'", allowed]:
                problems.append(Problem(path, number, "", "", f"the first-screen styles changed: the policy's style-src "
                                        f"must be \"'self' {allowed}\" (the hash of the inline style every page carries)"))
    return problems
