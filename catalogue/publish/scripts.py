"""The site's own scripts as readers receive them: without comments and needless spaces (rjsmin),
written over the copies the engine made of docs/assets/ (the sources stay readable)."""

from __future__ import annotations

from pathlib import Path

import rjsmin

from catalogue.sources.files import ASSETS


def minified(source: bytes) -> bytes:
    """A script as it is published."""
    return rjsmin.jsmin(source.decode("utf-8")).encode("utf-8")


def write(site: Path) -> None:
    """Minify in `site` every script of the site's own assets."""
    for path in ASSETS:
        file = site / path
        if path.endswith(".js") and file.is_file() and not file.is_symlink():
            file.write_bytes(minified(file.read_bytes()))
