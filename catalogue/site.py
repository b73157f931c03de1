"""Where a page lives in every language, for the language switcher and hreflang links."""

from __future__ import annotations

from catalogue.model import Catalogue
from catalogue.render import relative


def neutral(catalogue: Catalogue, lang: str, url: str) -> str:
    """The language-neutral part of a page URL: 'fr/communique/op1-i/' → 'communique/op1-i/'."""
    prefix = catalogue.language(lang).prefix
    url = url.lstrip("/")
    return url[len(prefix):] if prefix and url.startswith(prefix) else url


FOOTER = (("footer-help", "help/"), ("footer-glossary", "glossary/"), ("footer-contribute", "contribute/"),
          ("footer-status", "status/"))


def footer_links(catalogue: Catalogue, lang: str, url: str) -> list[dict]:
    """The footer's links from this page, each text in this language (or marked as English when it falls back)."""
    here = catalogue.language(lang).prefix + neutral(catalogue, lang, url)
    links = []
    for key, path in FOOTER:
        resolved = catalogue.resolve(lang, "site", key)
        fallback = catalogue.language(resolved.lang) if resolved.is_fallback(lang) else None
        links.append({"href": relative(here, catalogue.language(lang).prefix + path), "text": resolved.text,
                      "lang": fallback.code if fallback else "", "dir": fallback.direction if fallback else ""})
    return links


def alternates(catalogue: Catalogue, lang: str, url: str, site_url: str | None) -> tuple[list[dict], list[dict]]:
    """The same page in every language: links relative to this page (for the switcher),
    and absolute ones (for `<link rel="alternate" hreflang>`, with an x-default)."""
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
