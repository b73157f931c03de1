"""Everything one language build adds to the site: pages, open data, citations, redirects."""

from __future__ import annotations

from catalogue.domain.model import Catalogue
from catalogue.render import akn, cite, opendata, parallel
from catalogue.render.core import Renderer, redirects
from catalogue.render.frameworks import FrameworkRenderer
from catalogue.render.glossary import GlossaryRenderer
from catalogue.render.markup import Page
from catalogue.render.statuspage import StatusRenderer
from catalogue.render.urls import localised


def pages(catalogue: Catalogue, lang: str, site_url: str = "") -> list[Page]:
    """Every generated page of `lang`, by language-neutral path."""
    names = sorted(catalogue.schemas)
    renderer = Renderer(catalogue, lang, site_url)
    return (renderer.pages() + [parallel.page(renderer)] + FrameworkRenderer(catalogue, lang, site_url).pages()
            + [opendata.page(catalogue, lang, names), GlossaryRenderer(catalogue, lang, site_url).page(),
               StatusRenderer(catalogue, lang, site_url).page()])


def static_files(catalogue: Catalogue, lang: str, site_url: str = "") -> dict[str, str | bytes]:
    """Files copied as they are, by path from the site root (already prefixed where needed)."""
    language = catalogue.language(lang)
    result = {localised(language, path): html for path, html in redirects(catalogue).items()}
    result.update(opendata.files(catalogue, lang, catalogue.schemas))
    result.update(akn.files(catalogue, lang))
    result.update(cite.files(Renderer(catalogue, lang, site_url)))
    return result
