"""MkDocs hooks: load the catalogue once per build, report its problems, add its pages.

Only MkDocs events live here; the work is done by the `catalogue` package.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from catalogue import load
from catalogue.publish import cards
from catalogue.publish.card import CardError, MissingGlyphs, family_for
from catalogue.publish.finish import finish
from catalogue.render.pages import pages, static_files
from catalogue.render.site import alternates, footer_links, neutral
from catalogue.render.theme import repair
from catalogue.render.urls import localised
from catalogue.sources.languages import from_entries

log = logging.getLogger("mkdocs.hooks.catalogue")
# `depth`: how many builds are running, one inside another (static-i18n builds each other language
# inside the default language's build, from its on_post_build): 0 when a whole site build starts or ends.
state: dict = {"depth": 0}


def _i18n(config):
    return config.plugins["i18n"]


@event_priority(-150)
def on_config(config):
    """Load and check everything once, in the first language's build; name the site in each language.

    A strict build stops here, before anything is written, when the catalogue has problems;
    `mkdocs serve` keeps going and shows the site with its fallbacks.
    """
    i18n = _i18n(config)
    if state["depth"] == 0:
        root = Path(config.config_file_path).parent
        catalogue, problems = load(root, from_entries(dict(entry) for entry in i18n.config.languages))
        # Drawn share cards are kept between builds (git-ignored); content-addressed, so copies of the project may share one.
        card_cache = Path(os.environ.get("CARD_CACHE") or root / ".cache" / "cards")
        state.update(catalogue=catalogue, urls={}, not_found={}, cards={}, card_cache=card_cache)
        for problem in problems:
            log.warning(str(problem))
        if problems and config.strict:
            count = f"{len(problems)} problem" + ("s" if len(problems) > 1 else "")
            raise Abort(f"Aborted: the catalogue has {count}, listed above; nothing was built.")
    state["depth"] += 1
    catalogue = state["catalogue"]
    lang = i18n.current_language
    config.site_name = catalogue.text(lang, "site", "site-name")
    config.site_description = catalogue.text(lang, "site", "site-description")
    return config


@event_priority(-200)
def on_files(files, config):
    """Add the communique, a page per clause, the framework pages and open data, in the language being built."""
    catalogue = state["catalogue"]
    language = catalogue.language(_i18n(config).current_language)
    for page in pages(catalogue, language.code, config.site_url):
        file = File.generated(config, page.src, content=page.markdown)
        file.dest_uri = localised(language, file.dest_uri)
        files.append(file)
    for path, content in static_files(catalogue, language.code, config.site_url).items():
        files.append(File.generated(config, path, content=content))
    state["files"] = files
    return files


def _footer_links(config):
    titles = {file.url: file.page.title for file in state["files"].documentation_pages() if file.page}
    return footer_links(state["catalogue"], _i18n(config).current_language, titles)


def on_page_context(context, page, config, nav):
    """Point the language switcher at this same page in every language; fill the footer; note
    the page for the sitemap (which carries the hreflang alternates) and its share card."""
    catalogue = state["catalogue"]
    lang = _i18n(config).current_language
    context["page_alternates"] = alternates(catalogue, lang, page.url)
    config.extra.alternate = []  # static-i18n's: Material would put them in the head (see catalogue/publish/sitemap.py)
    state["urls"].setdefault(lang, set()).add(page.url)
    meta = page.meta or {}
    card = cards.card_of(catalogue, lang, meta.get("title") or config.site_name,
                         meta.get("description") or config.site_description, home=not neutral(catalogue, lang, page.url))
    try:
        family_for(card)
        state["cards"][cards.path_of(page.url)] = card
    except MissingGlyphs as error:
        if config.strict:
            raise Abort(f"Aborted: {page.file.src_uri} ({lang}): {error}") from None
        log.warning(f"{page.file.src_uri} ({lang}): {error}")
    except CardError as error:
        raise Abort(f"Aborted: {error}") from None
    context["share"] = cards.share(catalogue, lang, page.url, card, config.site_url)
    context["footer_links"] = _footer_links(config)
    context["footer_label"] = catalogue.text(lang, "site", "footer-label")
    return context


def on_template_context(context, template_name, config):
    """Pages that are only a template (the 404 page, served at any depth): the language
    switcher goes to each language's home page, the footer links to the same pages; its share
    card is the home page's."""
    lang = _i18n(config).current_language
    catalogue = state["catalogue"]
    context["page_alternates"] = alternates(catalogue, lang, "", config.site_url or "/")
    config.extra.alternate = []
    home = cards.card_of(catalogue, lang, config.site_name, config.site_description, home=True)
    context["share"] = cards.share(catalogue, lang, catalogue.language(lang).prefix, home, config.site_url)
    context["footer_links"] = _footer_links(config)
    context["footer_label"] = state["catalogue"].text(lang, "site", "footer-label")
    return context


def on_post_page(output, page, config):
    """Valid HTML where Material's templates cannot be overridden."""
    return repair(output)


def on_post_template(output, template_name, config):
    """Keep each language's 404 page (valid, as every page): every language build writes the same root 404.html."""
    if template_name == "404.html":
        output = repair(output)
        state["not_found"][_i18n(config).current_language] = output
    return output


@event_priority(-200)
def on_post_build(config):
    """Once every language is built (the outermost build ends): the core finishes the site and
    writes every page's share card."""
    state["depth"] -= 1
    if state["depth"]:
        return
    for failure in finish(Path(config.site_dir), state["catalogue"], config.site_url, state["urls"],
                          state["not_found"]):
        log.error(failure)
    try:
        written = cards.write_all(Path(config.site_dir), state["cards"], state["card_cache"])
    except CardError as error:
        raise Abort(f"Aborted: {error}") from None
    log.info(f"share cards: {written.drawn} drawn, {written.reused} from the cache")


def on_build_error(error):
    """A failed build ends every build running inside it: the next one starts afresh (`mkdocs serve`)."""
    state["depth"] = 0
