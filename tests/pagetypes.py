"""Every kind of page in a built site, found from the files, so that tests of "every page type"
also cover the page types added after them."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import languages

PREFIXES = [language.prefix for language in languages()]


def page_type(rel: str) -> tuple[str, ...]:
    """What kind of page a file is, in any language: 'fr/communique/op1-iii/index.html' → ('communique', '*')."""
    parts = rel.split("/")
    if parts[0] + "/" in PREFIXES:
        parts = parts[1:]
    return tuple(parts[:1]) + ("*",) * (len(parts) - 2) if len(parts) > 1 else tuple(parts)


def representative_pages(site: Path) -> dict[str, list[Path]]:
    """By language prefix ('' for English): the first page of every page type (home, full text,
    clause, frameworks, instrument, crosswalk, open data, 404, and any added later)."""
    chosen: dict[str, dict[tuple[str, ...], Path]] = {prefix: {} for prefix in PREFIXES}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        prefix = next((prefix for prefix in PREFIXES if prefix and rel.startswith(prefix)), "")
        chosen[prefix].setdefault(page_type(rel), path)
    return {prefix: list(pages.values()) for prefix, pages in chosen.items()}
