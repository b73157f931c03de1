"""The translators' command line on the engine's own configuration: `python hooks/catalogue_cli.py
status|check|diff|accept|new-language|export|import|prepare-hosting` (what `make status`, `make check`, ... run).

MkDocs reads mkdocs.yml, with its `!ENV` tags and every rule of its own, and this adapter hands the
core what it needs: the configured languages, and where Material keeps its interface strings (a new
language gets a copy). The commands themselves are catalogue.tools.cli.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import material
from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError

from catalogue import Language
from catalogue.sources.languages import from_entries
from catalogue.tools.cli import Engine, main

THEME_STRINGS = Path(material.__file__).parent / "templates/partials/languages"


def languages(root: Path) -> list[Language]:
    """The languages the i18n plugin is configured with in `root`/mkdocs.yml, the default first."""
    try:
        config = load_config(str(root / "mkdocs.yml"))
    except ConfigurationError as error:
        raise SystemExit(f"mkdocs.yml: {error}") from None
    return from_entries(dict(entry) for entry in config.plugins["i18n"].config.languages)


if __name__ == "__main__":
    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # only the commands' own output
    sys.exit(main(sys.argv[1:], Engine(languages, THEME_STRINGS)))
