"""Where a page lives in every language, for the language switcher and the sitemap;
which pages the footer links to; where "Exit this page" leaves for."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote

from catalogue.domain.model import Catalogue
from catalogue.render import urls
from catalogue.render.urls import localised, relative

FOOTER_PAGES = ("help/", "glossary/", "contribute/", "status/", "accessibility/")

# Where "Exit this page" goes: fixed here, never taken from a translation. A search engine's
# home page shows nothing but a search box, is among the most visited pages on any phone (so it
# draws no attention in a history list), loads quickly on a slow connection, and shows its
# interface in the language of the page the reader left (hl=).
EXIT_URL = "https://www.google.com/?hl={lang}"
EXIT_STRINGS = {"label": "exit-page", "leaving": "exit-page-leaving", "press-two": "exit-page-press-two",
                "press-one": "exit-page-press-one", "reset": "exit-page-reset"}


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


def exit_control(catalogue: Catalogue, lang: str) -> dict[str, str]:
    """The "Exit this page" link of every page (overrides/partials/header.html): where it goes and
    its texts in `lang` (plain text; the template escapes them)."""
    texts = {name: catalogue.text(lang, "site", key) for name, key in EXIT_STRINGS.items()}
    return {"url": EXIT_URL.format(lang=quote(lang, safe="")), **texts}
