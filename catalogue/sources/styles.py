"""The stylesheets the site's styles are cut from: the theme's, as it ships them, and the site's own."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

OWN = "docs/assets/site.css"
# The theme's stylesheets, in the order its pages link them (their names carry a fingerprint).
THEME = ("assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css")


def theme_stylesheets(theme_dirs: Iterable[str | Path]) -> list[str]:
    """The theme's stylesheets, each found in the first of `theme_dirs` (the engine's search path) that has it."""
    found = []
    for pattern in THEME:
        for folder in map(Path, theme_dirs):
            matches = sorted(folder.glob(pattern))
            if matches:
                found.append(matches[0].read_text(encoding="utf-8"))
                break
    return found


def own_stylesheet(root: Path) -> str:
    return (Path(root) / OWN).read_text(encoding="utf-8")
