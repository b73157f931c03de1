"""Everything one language build adds to the site: pages, open data, citations, redirects."""

from __future__ import annotations

from pathlib import Path

from catalogue.render import cite
from catalogue.render import opendata
from catalogue.render import parallel
from catalogue.render.frameworks import FrameworkRenderer
from catalogue.render.glossary import GlossaryRenderer
from catalogue.domain.model import Catalogue
from catalogue.render.core import Page, Renderer, redirects
from catalogue.render.statuspage import StatusRenderer

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"


def pages(catalogue: Catalogue, lang: str, site_url: str = "") -> list[Page]:
    """Every generated page of `lang`, by language-neutral path."""
    names = sorted(path.name for path in SCHEMAS.glob("*.schema.json"))
    renderer = Renderer(catalogue, lang, site_url)
    return (renderer.pages() + [parallel.page(renderer)] + FrameworkRenderer(catalogue, lang, site_url).pages()
            + [opendata.page(catalogue, lang, names), GlossaryRenderer(catalogue, lang, site_url).page(),
               StatusRenderer(catalogue, lang, site_url).page()])


def static_files(catalogue: Catalogue, lang: str, site_url: str = "") -> dict[str, str]:
    """Files copied as they are, by path from the site root (already prefixed where needed)."""
    schemas = {path.name: path.read_text(encoding="utf-8") for path in sorted(SCHEMAS.glob("*.schema.json"))}
    prefix = catalogue.language(lang).prefix
    result = {prefix + path: html for path, html in redirects(catalogue).items()}
    result.update(opendata.files(catalogue, lang, schemas))
    result.update(cite.files(Renderer(catalogue, lang, site_url)))
    return result
