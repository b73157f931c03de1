"""What "Keep this language for offline reading" stores (docs/assets/offline.js): a list per language
of the same pages and files as its offline zip, as URLs from the site's root. Written at build time;
a reader's browser fetches it only when the reader chooses to keep the language."""

from __future__ import annotations

import json
from pathlib import Path

from catalogue.domain.model import Catalogue, Language
from catalogue.publish.offline import members_of, pages_of, written
from catalogue.render.urls import keep_path


def to_keep(files: set[str], language: Language) -> list[str]:
    """The language's pages (by their folder URLs, as readers open them) and the files its zip holds
    besides them; `files`: what the build wrote."""
    pages = pages_of(files, language)
    return sorted(rel.removesuffix("index.html") for rel in pages) + sorted(members_of(files, language) - set(pages))


def write_all(site: Path, catalogue: Catalogue) -> None:
    """Write every language's list into the built site."""
    files = written(site)
    for language in catalogue.languages:
        target = site / keep_path(language)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(to_keep(files, language), separators=(",", ":")), encoding="utf-8")
