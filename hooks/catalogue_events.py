"""MkDocs hooks: load the catalogue once per build, report its problems, add its pages.

Only MkDocs events live here; the work is done by the `catalogue` package.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from jinja2 import ChoiceLoader, DictLoader
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from markupsafe import Markup

from catalogue import load
from catalogue.publish import cards, pdfs
from catalogue.publish.card import CardError, MissingGlyphs, family_for
from catalogue.publish.finish import finish
from catalogue.publish.verify import check_site, members_check
from catalogue.render.markup import script_json
from catalogue.render import material
from catalogue.render.pages import pages, static_files
from catalogue.render.pdf import documents
from catalogue.render.site import alternates, exit_control, footer_links, neutral
from catalogue.render.styles import csp_hash, first_screen
from catalogue.render.theme import compact, repair
from catalogue.render.urls import localised
from catalogue.sources import pages as handwritten
from catalogue.sources.files import refused
from catalogue.sources.deploy import policies
from catalogue.sources.languages import from_entries
from catalogue.sources.styles import own_stylesheet, theme_stylesheets
from catalogue.validate.allowlist import with_first_screen
from catalogue.validate.output import check_page, printable, problems
from catalogue.validate.styles import csp_problems

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
        root = Path(config.config_file_path).resolve().parent  # `-f mkdocs.yml` gives a relative path
        markdown = (list(config.markdown_extensions), dict(config.mdx_configs))
        catalogue, problems = load(root, from_entries(dict(entry) for entry in i18n.config.languages), markdown)
        # Drawn share cards are kept between builds (git-ignored); content-addressed, so copies of the project may share one.
        card_cache = Path(os.environ.get("CARD_CACHE") or root / ".cache" / "cards")
        pdf_cache = Path(os.environ.get("PDF_CACHE") or root / ".cache" / "pdf")  # printed PDFs, likewise
        left_out, in_english = refused(problems)
        state.update(catalogue=catalogue, urls={}, not_found={}, cards={}, card_cache=card_cache, pdf_cache=pdf_cache,
                     left_out=left_out, in_english=in_english, root=root, checked=set(),
                     styles=_first_screen(config, root))
        problems = [*problems, *csp_problems(policies(root), state["styles"]["style_hash"])]
        state["allow"] = with_first_screen(state["styles"]["style_hash"])
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
    for file in [file for file in files if _refused_file(file, config)]:
        files.remove(file)  # serve mode: a file the checks refuse is not published
    stand_ins = handwritten.stand_ins(Path(config.docs_dir), language, state["left_out"] | state["in_english"],
                                      catalogue.default)
    for src, markdown in [*stand_ins.items(), *((page.src, page.markdown) for page in pages(catalogue, language.code,
                                                                                      config.site_url))]:
        file = File.generated(config, src, content=markdown)
        file.dest_uri = localised(language, file.dest_uri)
        files.append(file)
    for path, content in static_files(catalogue, language.code, config.site_url).items():
        files.append(File.generated(config, path, content=content))
    state["files"] = files
    return files


def on_env(env, config, files):
    """Templates escape every value they print (Material's print some raw, such as the description).
    Material's interface strings of a language it does not ship, from translations/<lang>/material.yml:
    the partial it imports is made (escaped) from them and served from memory, never written to disk."""
    env.autoescape = True
    catalogue = state["catalogue"]
    language = catalogue.language(_i18n(config).current_language)
    strings = catalogue.material.get(language.code)
    if strings is not None:
        env.loader = ChoiceLoader([DictLoader({material.partial_name(language): material.partial(language, strings)}),
                                   env.loader])
    return env


def _docs_path(file, config) -> str | None:
    """A file's path relative to docs/, or None for a file the hooks generate."""
    if not file.abs_src_path:
        return None
    try:
        return Path(file.abs_src_path).relative_to(Path(config.docs_dir).resolve()).as_posix()
    except ValueError:
        return None


def _refused_file(file, config) -> bool:
    """A file the checks leave out: one that may not be there, or anything under such a folder (a symlink)."""
    rel = _docs_path(file, config)
    return rel is not None and any(rel == path or rel.startswith(path.rstrip("/") + "/") for path in state["left_out"])


def on_page_markdown(markdown, page, config, files):
    """Serve mode: a hand-written page that fails its checks shows the English page in its place
    (marked as English), with the English title and description; never its own content."""
    rel = _docs_path(page.file, config)
    if rel not in state["in_english"]:
        return markdown
    refused_pages = state["left_out"] | state["in_english"]
    page.meta, replacement = handwritten.fallback(Path(config.docs_dir), rel, refused_pages, state["catalogue"].default)
    return replacement


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


def on_page_content(html, page, config, files):
    """The page's body is HTML (checked when the page is written), not text to escape."""
    return Markup(html)


def on_page_context(context, page, config, nav):
    """Point the language switcher at this same page in every language; fill the footer and the
    "Exit this page" link; note the page for the sitemap (which carries the hreflang alternates) and
    its share card. Only generated pages carry JSON-LD, as a JSON data block that cannot end its <script>."""
    catalogue = state["catalogue"]
    if page.meta.get("jsonld"):
        generated = page.file.generated_by is not None  # by on_files (no plugin generates pages)
        page.meta["jsonld"] = Markup(script_json(json.loads(page.meta["jsonld"]))) if generated else None
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
    context["exit_page"] = exit_control(catalogue, lang)
    context["offline_find"] = catalogue.text(lang, "site", "offline-find")
    context.update(state["styles"])
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
    context["exit_page"] = exit_control(state["catalogue"], lang)
    context.update(state["styles"])
    return context


def _verified(output: str, dest: str, config, source: str | None) -> str:
    """`output` if it holds only what the site writes (catalogue/validate/allowlist.py); else each
    violation reported at the source line it came from, and nothing ("" is not written)."""
    lang = _i18n(config).current_language
    violations = check_page(output, dest, config.site_url or "/", state["catalogue"].allowed_domains, state["allow"])
    if not violations:
        state["checked"].add(dest)
        return output
    for problem in problems(violations, dest, lang, _sources(lang, source)):
        log.warning(str(problem))
    return ""


def _sources(lang: str, source: str | None):
    """Where a page's content may come from, most likely first: its Markdown file, or the catalogue."""
    root = state["root"]
    if source:
        if (root / source).is_file():
            yield source, (root / source).read_text(encoding="utf-8", errors="replace")
        return
    for folder in (f"translations/{lang}", "translations/en", "data"):
        for path in sorted((root / folder).glob("*.yml")):
            yield path.relative_to(root).as_posix(), path.read_text(encoding="utf-8", errors="replace")
    yield "mkdocs.yml", (root / "mkdocs.yml").read_text(encoding="utf-8", errors="replace")


def on_post_page(output, page, config):
    """Valid HTML where Material's templates cannot be overridden; then the page is verified."""
    written_by_hand = page.file.generated_by is None
    source = Path(config.docs_dir, page.file.src_uri).relative_to(state["root"]).as_posix() if written_by_hand else None
    return _verified(compact(repair(output)), page.file.dest_uri, config, source)


def on_post_template(output, template_name, config):
    """Keep each language's 404 page (valid and verified, as every page): every language build writes the same root 404.html."""
    if template_name == "404.html":
        lang = _i18n(config).current_language
        output = _verified(compact(repair(output)), state["catalogue"].language(lang).prefix + "404.html", config, None)
        state["not_found"][lang] = output
    return output


@event_priority(-200)
def on_post_build(config):
    """Once every language is built (the outermost build ends): the core finishes the site and
    writes every page's share card and every language's PDF."""
    state["depth"] -= 1
    if state["depth"]:
        return
    failures, state["packed"] = finish(Path(config.site_dir), state["catalogue"], config.site_url, state["urls"],
                                       state["not_found"], _members_check(config))
    for failure in failures:
        log.error(failure)
    try:
        written = cards.write_all(Path(config.site_dir), state["cards"], state["card_cache"])
    except CardError as error:
        raise Abort(f"Aborted: {error}") from None
    log.info(f"share cards: {written.drawn} drawn, {written.reused} from the cache")
    try:
        printed = pdfs.write_all(Path(config.site_dir), documents(state["catalogue"], config.site_url),
                                 state["pdf_cache"])
    except pdfs.PdfError as error:
        raise Abort(f"Aborted: {error}") from None
    log.info(f"pdf: {printed.rendered} rendered, {printed.reused} from the cache")
    _verify_site(config)


def _members_check(config):
    """The offline copies' members checked as they are packed (so `_verify_site` need not unpack them)."""
    return members_check(Path(config.site_dir), config.site_url or "/", state["catalogue"].allowed_domains,
                         state["checked"], state["allow"])


def _verify_site(config):
    """Every file written, against the allowlist; a file that does not conform is removed."""
    site, root = Path(config.site_dir), state["root"]
    theme = next(Path(d) for d in config.theme.dirs if (Path(d) / "assets/javascripts").is_dir())  # Material's
    for found in check_site(site, config.site_url or "/", state["catalogue"].allowed_domains, theme,
                            Path(config.docs_dir), frozenset(state["checked"]), state["allow"], state["packed"]):
        source = Path(config.docs_dir, found.path)  # a file copied from docs/ is named there
        where = source.relative_to(root).as_posix() if source.is_file() and root in source.parents else found.path
        log.warning(f"{where}: {printable(found.what)}; the file was removed "
                    "(catalogue/validate/allowlist.py lists what the site may hold)")
        (site / found.path).unlink(missing_ok=True)


def on_build_error(error):
    """A failed build ends every build running inside it: the next one starts afresh (`mkdocs serve`)."""
    state["depth"] = 0
