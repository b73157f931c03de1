"""Where pages are: every URL the renderers and the publishing steps write is made here."""

from __future__ import annotations

import posixpath
from functools import lru_cache

from catalogue.domain.model import Language

PARALLEL_URL = "communique/parallel/"
OFFLINE = "offline/"


@lru_cache(maxsize=None)
def relative(from_url: str, to_url: str) -> str:
    """The link from one directory URL ('communique/op1-i/') to another ('communique/#op1-i')."""
    target, _, fragment = to_url.partition("#")
    path = posixpath.relpath(target or ".", from_url or ".")
    link = "./" if path == "." else path + "/"
    return link + ("#" + fragment if fragment else "")


def clause_url(clause_id: str) -> str:
    """The language-neutral URL of a clause's own page."""
    return f"communique/{clause_id}/"


def zip_path(language: Language) -> str:
    """Where a language's offline copy is published, from the site root."""
    return f"{OFFLINE}addis-ababa-communique-{language.code}.zip"
