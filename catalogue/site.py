"""Where a page lives in every language, for the language switcher and the sitemap;
which pages the footer links to."""

from __future__ import annotations

from collections.abc import Mapping

from catalogue.model import Catalogue
from catalogue.render import relative

FOOTER_PAGES = ("help/", "glossary/", "contribute/", "status/", "accessibility/")


def neutral(catalogue: Catalogue, lang: str, url: str) -> str:
    """The language-neutral part of a page URL: 'fr/communique/op1-i/' → 'communique/op1-i/'."""
    prefix = catalogue.language(lang).prefix
    url = url.lstrip("/")
    return url[len(prefix):] if prefix and url.startswith(prefix) else url


def alternates(catalogue: Catalogue, lang: str, url: str, site_url: str | None) -> tuple[list[dict], list[dict]]:
    """The same page in every language: links relative to this page (for the switcher),
    and absolute ones (with an x-default), for pages served at any address such as the 404 page."""
    path = neutral(catalogue, lang, url)
    here = catalogue.language(lang).prefix + path
    base = (site_url or "/").rstrip("/") + "/"
    switcher, head = [], []
    for language in catalogue.languages:
        target = language.prefix + path
        switcher.append({"lang": language.code, "name": language.name, "dir": language.direction,
                         "link": relative(here, target), "current": language.code == lang})
        head.append({"lang": language.code, "name": language.name, "link": base + target})
    head.append({"lang": "x-default", "name": catalogue.default.name, "link": base + path})
    return switcher, head


def footer_links(catalogue: Catalogue, lang: str, titles: Mapping[str, str]) -> list[dict]:
    """The footer's links to the help, glossary, contribute, status and accessibility pages of `lang`, those that exist
    (`titles`: page URL → title of every page of this language)."""
    prefix = catalogue.language(lang).prefix
    return [{"url": prefix + path, "title": titles[prefix + path]} for path in FOOTER_PAGES if prefix + path in titles]
