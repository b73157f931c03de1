"""Everything one language build adds to the site: pages, open data, redirects."""

from __future__ import annotations

from pathlib import Path

from catalogue import opendata
from catalogue.frameworks import FrameworkRenderer
from catalogue.glossary import GlossaryRenderer
from catalogue.model import Catalogue
from catalogue.render import Page, Renderer, redirects
from catalogue.statuspage import StatusRenderer

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


def pages(catalogue: Catalogue, lang: str) -> list[Page]:
    """Every generated page of `lang`, by language-neutral path."""
    names = sorted(path.name for path in SCHEMAS.glob("*.schema.json"))
    return (Renderer(catalogue, lang).pages() + FrameworkRenderer(catalogue, lang).pages()
            + [opendata.page(catalogue, lang, names), GlossaryRenderer(catalogue, lang).page(),
               StatusRenderer(catalogue, lang).page()])


def static_files(catalogue: Catalogue, lang: str) -> dict[str, str]:
    """Files copied as they are, by path from the site root (already prefixed where needed)."""
    schemas = {path.name: path.read_text(encoding="utf-8") for path in sorted(SCHEMAS.glob("*.schema.json"))}
    prefix = catalogue.language(lang).prefix
    result = {prefix + path: html for path, html in redirects(catalogue).items()}
    result.update(opendata.files(catalogue, lang, schemas))
    return result
