"""What happens once every language of the site is built, in this order: each language's 404 page,
the site's own scripts minified, the stylesheet every page loads after its content (cut to what the pages use), the sitemap of every page
in every language and robots.txt, the search index (which reads the finished pages), each language's
offline copy (which packs them) and the list of what keeping it for offline reading stores."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from catalogue.domain.model import Catalogue
from catalogue.publish import offline, reading, scripts, search, sitemap, styles
from catalogue.render.urls import localised


def finish(site_dir: Path, catalogue: Catalogue, site_url: str | None, pages: Mapping[str, Iterable[str]],
           not_found: Mapping[str, str],
           check: Callable[[Mapping[str, bytes], Mapping[str, tuple[offline.Edit, ...]]], bool] | None = None
           ) -> tuple[list[str], dict[str, offline.Packed]]:
    """Complete the built site in `site_dir`. `pages`: the URLs built in each language (as the engine gives
    them, from the site root); `not_found`: each language's 404 page; `check`: the offline copies' members
    as they are packed, with the edits that made their pages (verify.members_check). Returns what failed, to
    report, and the offline copies whose members `check` passed (offline.write_all)."""
    site = Path(site_dir)
    write_not_found(site, catalogue, not_found)
    scripts.write(site)
    styles.write(site)
    sitemap.write(site, sitemap.sitemap(catalogue, pages, site_url))
    sitemap.write_robots(site, site_url)
    failure = search.index(site)
    packed = offline.write_all(site, catalogue, site_url, check)
    reading.write_all(site, catalogue)
    return [f"search index (Pagefind) failed: {failure}"] if failure else [], packed


def write_not_found(site: Path, catalogue: Catalogue, pages: Mapping[str, str]) -> None:
    """A 404 page per language in its folder, the default language's at the root (every language build
    writes the same root 404.html, so each is kept as it is rendered and written here at the end)."""
    for language in catalogue.languages:
        page = pages.get(language.code)
        if page is not None:
            (site / localised(language, "404.html")).write_text(page, encoding="utf-8")
