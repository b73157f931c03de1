"""Every page's share card, written into the built site beside the page (`<page>/card.png`).

A card is drawn once: it is kept in a cache folder outside the site (`.cache/cards/`), under a
name made of everything it depends on (its text, the fonts' bytes, card.py's own source and the
versions of Pillow's text libraries), so a rebuild with nothing changed draws none and a change
to any of them draws afresh.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

import PIL
from PIL import features

from catalogue.publish import card
from catalogue.domain.model import Catalogue
from catalogue.publish.card import HEIGHT, WIDTH, Card, draw

NAME = "card.png"


@dataclass(frozen=True)
class Written:
    drawn: int
    reused: int


def path_of(page_url: str) -> str:
    """Where a page's card is published, from the site root: 'fr/communique/op1-iii/card.png'."""
    return page_url.lstrip("/") + NAME


@lru_cache(maxsize=None)
def version() -> str:
    """What every card depends on besides its own text."""
    digest = hashlib.sha256(Path(card.__file__).read_bytes())
    digest.update(repr([PIL.__version__] + [features.version(name) for name in ("raqm", "fribidi", "harfbuzz", "freetype2")]).encode())
    for file in card.font_files():
        digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


def key(c: Card) -> str:
    return hashlib.sha256(json.dumps([version(), asdict(c)], ensure_ascii=False).encode("utf-8")).hexdigest()


def write_all(site: Path, cards: Mapping[str, Card], cache: Path) -> Written:
    """Each card at its path in the site, from the cache or drawn into it."""
    cache.mkdir(parents=True, exist_ok=True)
    drawn = 0
    for path, c in sorted(cards.items()):
        kept = cache / f"{key(c)}.png"
        if not kept.is_file():
            _keep(kept, draw(c, fonts=lambda family, weight: _kept_font(cache, family, weight)))
            drawn += 1
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(kept, target)
    return Written(drawn, len(cards) - drawn)


@lru_cache(maxsize=None)
def _kept_font(cache: Path, family: str, weight: str) -> bytes:
    """A merged font (seconds to make) kept beside the cards, so a rebuild that draws one card does not remake it."""
    if family == card.LATIN:
        return card.font_bytes(family, weight)
    kept = cache / f"font-{version()[:16]}-{family}-{weight}.ttf"
    if kept.is_file():
        return kept.read_bytes()
    data = card.font_bytes(family, weight)
    _keep(kept, data)
    return data


def _keep(path: Path, data: bytes) -> None:
    """Write whole or not at all, even with two builds at once."""
    partial = path.with_suffix(f".{os.getpid()}.part")
    partial.write_bytes(data)
    os.replace(partial, path)


def card_of(catalogue: Catalogue, lang: str, title: str, description: str, home: bool = False) -> Card:
    """A page's card: its title and description (a clause page's: the clause's number and words)
    under the site's name; the home page's is the site's name and description."""
    language = catalogue.language(lang)
    site = catalogue.text(lang, "site", "site-name")
    return Card("" if home else site, site if home else title, description, lang, language.direction)


def share(catalogue: Catalogue, lang: str, page_url: str, c: Card, site_url: str) -> dict:
    """What a page's head says for link previews: its card (absolute URL, size, alt text in the
    page's language) and its locale, with the site's other languages as alternates."""
    base = (site_url or "/").rstrip("/") + "/"
    alt = " — ".join(part for part in (c.title, c.text, c.site) if part)
    return {"image": base + path_of(page_url), "width": WIDTH, "height": HEIGHT, "alt": alt,
            "locale": catalogue.language(lang).og_locale,
            "alternates": [language.og_locale for language in catalogue.languages if language.code != lang]}
