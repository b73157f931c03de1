"""What "Keep this language for offline reading" stores (docs/assets/offline.js): a list per language
of the same pages and files as its offline zip, as URLs from the site's root. Written at build time;
a reader's browser fetches it only when the reader chooses to keep the language."""

from __future__ import annotations

import json
from pathlib import Path

from catalogue.domain.model import Catalogue, Language
from catalogue.publish.offline import pages_of, rewrite
from catalogue.render.urls import keep_path


def to_keep(site: Path, language: Language) -> list[str]:
    """The language's pages (by their folder URLs, as readers open them) and the files they use."""
    pages = pages_of(site, language)
    files = set()
    for rel in pages:
        _, used = rewrite((site / rel).read_text(encoding="utf-8"), rel, set(pages), "/")
        files |= {path for path in used if (site / path).is_file()}
    return sorted(rel.removesuffix("index.html") for rel in pages) + sorted(files - set(pages))


def write_all(site: Path, catalogue: Catalogue) -> None:
    """Write every language's list into the built site."""
    for language in catalogue.languages:
        target = site / keep_path(language)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(to_keep(site, language), separators=(",", ":")), encoding="utf-8")
