"""The site's sitemap: every page in every language, each with its hreflang alternates.

The alternates live here rather than in each page's head: Material's script fetches a
sitemap.xml under every `<link rel="alternate">` of a page (seven requests per page, each
a 404), while search engines read hreflang from the sitemap just as well. No `lastmod`:
the build knows no true date of change, and two builds of the same sources give the same bytes.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Mapping
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from catalogue.domain.model import Catalogue
from catalogue.render.site import neutral
from catalogue.render.urls import site_root

HEADER = ('<?xml version="1.0" encoding="UTF-8"?>\n'
          '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n')


def sitemap(catalogue: Catalogue, pages: Mapping[str, Iterable[str]], site_url: str | None) -> str:
    """`pages`: the URLs of the pages built in each language (as MkDocs gives them, from the site root)."""
    base = site_root(site_url)
    where: dict[str, dict[str, str]] = {}  # language-neutral path → language → URL
    for language in catalogue.languages:
        for url in pages.get(language.code, ()):
            where.setdefault(neutral(catalogue, language.code, url), {})[language.code] = base + url.lstrip("/")
    order = [language.code for language in catalogue.languages]
    out = [HEADER]
    for path in sorted(where):
        versions = [(code, where[path][code]) for code in order if code in where[path]]
        links = "".join(f"    <xhtml:link rel=\"alternate\" hreflang=\"{code}\" href={quoteattr(url)}/>\n"
                        for code, url in versions)
        default = where[path].get(catalogue.default.code)
        if len(versions) > 1 and default:
            links += f"    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href={quoteattr(default)}/>\n"
        for _, url in versions:
            out.append(f"  <url>\n    <loc>{escape(url)}</loc>\n{links if len(versions) > 1 else ''}  </url>\n")
    out.append("</urlset>\n")
    return "".join(out)


def write(site: Path, text: str) -> None:
    """sitemap.xml at the root of the site (and its gzip, with no timestamp in it)."""
    data = text.encode("utf-8")
    (site / "sitemap.xml").write_bytes(data)
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(data, 9, mtime=0))


def robots(site_url: str | None) -> str:
    """robots.txt: everything may be crawled; the sitemap is at its absolute address."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {(site_url or '/').rstrip('/')}/sitemap.xml\n"


def write_robots(site: Path, site_url: str | None) -> None:
    (site / "robots.txt").write_text(robots(site_url), encoding="utf-8")
