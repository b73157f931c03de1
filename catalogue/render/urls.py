"""Where pages are: every URL the renderers and the publishing steps write is made here. The site's
address is normalised by `site_root` only, and a language's folder is added by `localised` only."""

from __future__ import annotations

import posixpath
from functools import lru_cache

from catalogue.domain.model import Language, Target

PARALLEL_URL = "communique/parallel/"
OFFLINE = "offline/"


def site_root(site_url: str | None) -> str:
    """The site's address ending in exactly one '/' ('/' when it has none: a site served at any address)."""
    return (site_url or "/").rstrip("/") + "/"


def localised(language: Language, path: str) -> str:
    """A language-neutral path from the site root ('communique/op1-iii/') in a language's folder
    ('fr/communique/op1-iii/'; the default language has none)."""
    return language.prefix + path.lstrip("/")


def neutral(language: Language, url: str) -> str:
    """The language-neutral part of a page URL: 'fr/communique/op1-i/' → 'communique/op1-i/'."""
    url = url.lstrip("/")
    return url[len(language.prefix):] if language.prefix and url.startswith(language.prefix) else url


@lru_cache(maxsize=None)
def relative(from_url: str, to_url: str) -> str:
    """The link from one directory URL ('communique/op1-i/') to another ('communique/#op1-i')."""
    target, _, fragment = to_url.partition("#")
    path = posixpath.relpath(target or ".", from_url or ".")
    link = "./" if path == "." else path + "/"
    return link + ("#" + fragment if fragment else "")


def target_url(target: Target) -> str:
    """The language-neutral URL of an instrument's page, or of a provision on it ('frameworks/crc/#art-34')."""
    return f"frameworks/{target.instrument}/" + (f"#{target.provision}" if target.provision else "")


def clause_url(clause_id: str) -> str:
    """The language-neutral URL of a clause's own page."""
    return f"communique/{clause_id}/"


def keep_path(language: Language) -> str:
    """Where the list of what keeping a language for offline reading stores is published, from the site root."""
    return f"{OFFLINE}keep-{language.code}.json"


def zip_path(language: Language) -> str:
    """Where a language's offline copy is published, from the site root."""
    return f"{OFFLINE}addis-ababa-communique-{language.code}.zip"
