"""Where a page lives in every language, for the language switcher and the sitemap;
which pages the footer links to."""

from __future__ import annotations

from collections.abc import Mapping

from catalogue.domain.model import Catalogue
from catalogue.render import urls
from catalogue.render.urls import localised, relative

FOOTER_PAGES = ("help/", "glossary/", "contribute/", "status/", "accessibility/")


def neutral(catalogue: Catalogue, lang: str, url: str) -> str:
    """The language-neutral part of a page URL: 'fr/communique/op1-i/' → 'communique/op1-i/'."""
    return urls.neutral(catalogue.language(lang), url)


def alternates(catalogue: Catalogue, lang: str, url: str, base: str | None = None) -> list[dict]:
    """The same page in every language, for the language switcher: links relative to this page, or
    absolute under the site's address `base` for a page served at any address (the 404 page).
    (Search engines find the alternates in the sitemap, catalogue/publish/sitemap.py.)"""
    path = neutral(catalogue, lang, url)
    here = localised(catalogue.language(lang), path)
    root = None if base is None else urls.site_root(base)
    return [{"lang": language.code, "name": language.name, "dir": language.direction, "current": language.code == lang,
             "link": relative(here, localised(language, path)) if root is None else root + localised(language, path)}
            for language in catalogue.languages]


def footer_links(catalogue: Catalogue, lang: str, titles: Mapping[str, str]) -> list[dict]:
    """The footer's links to the help, glossary, contribute, status and accessibility pages of `lang`, those that exist
    (`titles`: page URL → title of every page of this language)."""
    language = catalogue.language(lang)
    return [{"url": localised(language, path), "title": titles[localised(language, path)]} for path in FOOTER_PAGES
            if localised(language, path) in titles]
