"""Every kind of page in a built site, found from the files, so that tests of "every page type"
also cover the page types added after them."""

from __future__ import annotations

from pathlib import Path

from catalogue import load
from tests.helpers import ROOT, languages

PREFIXES = [language.prefix for language in languages()]


def _instance_ids() -> frozenset[str]:
    """Path segments that name one of many pages of a kind: clause and instrument ids."""
    catalogue, _ = load(ROOT, languages())
    return frozenset([clause.id for clause in catalogue.clauses] + [i.id for i in catalogue.instruments]
                     + list(catalogue.retired))


INSTANCE_IDS = _instance_ids()


def page_type(rel: str) -> tuple[str, ...]:
    """What kind of page a file is, in any language: 'fr/communique/op1-iii/index.html' →
    ('communique', '*', 'index.html'); 'fr/communique/parallel/index.html' keeps its name."""
    parts = rel.split("/")
    if parts[0] + "/" in PREFIXES:
        parts = parts[1:]
    return tuple("*" if part in INSTANCE_IDS else part for part in parts)


def representative_pages(site: Path) -> dict[str, list[Path]]:
    """By language prefix ('' for English): the first page of every page type (home, full text,
    clause, frameworks, instrument, crosswalk, open data, 404, and any added later)."""
    chosen: dict[str, dict[tuple[str, ...], Path]] = {prefix: {} for prefix in PREFIXES}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        prefix = next((prefix for prefix in PREFIXES if prefix and rel.startswith(prefix)), "")
        chosen[prefix].setdefault(page_type(rel), path)
    return {prefix: list(pages.values()) for prefix, pages in chosen.items()}
