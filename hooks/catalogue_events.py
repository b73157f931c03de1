"""MkDocs hooks: load the catalogue once per build, report its problems, add its pages.

Only MkDocs events live here; the work is done by the `catalogue` package.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from catalogue import load
from catalogue.publish.finish import finish
from catalogue.render.pages import pages, static_files
from catalogue.render.site import alternates, footer_links
from catalogue.render.styles import csp_hash, first_screen
from catalogue.render.theme import repair
from catalogue.validate.styles import csp_problems
from catalogue.sources.deploy import policies
from catalogue.sources.languages import from_entries
from catalogue.sources.styles import own_stylesheet, theme_stylesheets

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
        state.update(catalogue=catalogue, urls={}, not_found={}, styles=_first_screen(config, root))
        problems = [*problems, *csp_problems(policies(root), state["styles"]["style_hash"])]
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
        file.dest_uri = language.prefix + file.dest_uri
        files.append(file)
    for path, content in static_files(catalogue, language.code, config.site_url).items():
        files.append(File.generated(config, path, content=content))
    state["files"] = files
    return files


def _first_screen(config, root):
    """The first-screen styles every page inlines, for the theme's palette, and their CSP hash."""
    palette = config.theme.get("palette") or {}
    palette = palette[0] if isinstance(palette, list) else palette
    colours = {(f"data-md-color-{name}", str(palette.get(name) or default).replace(" ", "-"))
               for name, default in (("scheme", "default"), ("primary", "indigo"), ("accent", "indigo"))}
    css = first_screen(theme_stylesheets(config.theme.dirs), own_stylesheet(root), colours)
    return {"first_screen_css": css, "style_hash": csp_hash(css)}


def _footer_links(config):
    titles = {file.url: file.page.title for file in state["files"].documentation_pages() if file.page}
    return footer_links(state["catalogue"], _i18n(config).current_language, titles)


def on_page_context(context, page, config, nav):
    """Point the language switcher at this same page in every language; fill the footer; note
    the page for the sitemap (which carries the hreflang alternates)."""
    catalogue = state["catalogue"]
    lang = _i18n(config).current_language
    context["page_alternates"] = alternates(catalogue, lang, page.url)
    config.extra.alternate = []  # static-i18n's: Material would put them in the head (see catalogue/publish/sitemap.py)
    state["urls"].setdefault(lang, set()).add(page.url)
    context["footer_links"] = _footer_links(config)
    context["footer_label"] = catalogue.text(lang, "site", "footer-label")
    context.update(state["styles"])
    return context


def on_template_context(context, template_name, config):
    """Pages that are only a template (the 404 page, served at any depth): the language
    switcher goes to each language's home page, the footer links to the same pages."""
    lang = _i18n(config).current_language
    context["page_alternates"] = alternates(state["catalogue"], lang, "", config.site_url or "/")
    config.extra.alternate = []
    context["footer_links"] = _footer_links(config)
    context["footer_label"] = state["catalogue"].text(lang, "site", "footer-label")
    context.update(state["styles"])
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
    """Once every language is built (the outermost build ends): the core finishes the site."""
    state["depth"] -= 1
    if state["depth"]:
        return
    for failure in finish(Path(config.site_dir), state["catalogue"], config.site_url, state["urls"],
                          state["not_found"]):
        log.error(failure)


def on_build_error(error):
    """A failed build ends every build running inside it: the next one starts afresh (`mkdocs serve`)."""
    state["depth"] = 0
