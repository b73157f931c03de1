"""MkDocs hooks: load the catalogue once per build, report its problems, add its pages.

Only MkDocs events live here; the work is done by the `catalogue` package.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from markupsafe import Markup

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from catalogue import load  # noqa: E402
from catalogue.publish import offline  # noqa: E402
from catalogue.publish import search  # noqa: E402
from catalogue.publish import sitemap  # noqa: E402
from catalogue.sources.languages import from_entries  # noqa: E402
from catalogue.render.pages import pages, static_files  # noqa: E402
from catalogue.render.site import alternates, footer_links  # noqa: E402
from catalogue.render.core import script_json  # noqa: E402
from catalogue.render.theme import repair  # noqa: E402
from catalogue.validate import files as written  # noqa: E402
from catalogue.validate.output import check_page, printable, problems  # noqa: E402

log = logging.getLogger("mkdocs.hooks.catalogue")
state: dict = {}


def _i18n(config):
    return config.plugins["i18n"]


@event_priority(-150)
def on_config(config):
    """Load and check everything once, in the first language's build; name the site in each language.

    A strict build stops here, before anything is written, when the catalogue has problems;
    `mkdocs serve` keeps going and shows the site with its fallbacks.
    """
    i18n = _i18n(config)
    if not i18n.building:
        catalogue, problems = load(ROOT, from_entries(dict(entry) for entry in i18n.config.languages))
        state["catalogue"] = catalogue
        state["urls"] = {}
        for problem in problems:
            log.warning(str(problem))
        if problems and config.strict:
            count = f"{len(problems)} problem" + ("s" if len(problems) > 1 else "")
            raise Abort(f"Aborted: the catalogue has {count}, listed above; nothing was built.")
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


def _footer_links(config):
    titles = {file.url: file.page.title for file in state["files"].documentation_pages() if file.page}
    return footer_links(state["catalogue"], _i18n(config).current_language, titles)


def on_env(env, config, files):
    """Templates escape every value they print (Material's print some raw, such as the description)."""
    env.autoescape = True
    return env


def on_page_content(html, page, config, files):
    """The page's body is HTML (checked when the page is written), not text to escape."""
    return Markup(html)


def on_page_context(context, page, config, nav):
    """Point the language switcher at this same page in every language; fill the footer; note
    the page for the sitemap (which carries the hreflang alternates). Only generated pages carry
    JSON-LD, as a JSON data block that cannot end its <script>."""
    catalogue = state["catalogue"]
    if page.meta.get("jsonld"):
        generated = page.file.generated_by is not None  # by on_files (no plugin generates pages)
        page.meta["jsonld"] = Markup(script_json(json.loads(page.meta["jsonld"]))) if generated else None
    lang = _i18n(config).current_language
    context["page_alternates"] = alternates(catalogue, lang, page.url)
    config.extra.alternate = []  # static-i18n's: Material would put them in the head (see catalogue/publish/sitemap.py)
    state["urls"].setdefault(lang, set()).add(page.url)
    context["footer_links"] = _footer_links(config)
    context["footer_label"] = catalogue.text(lang, "site", "footer-label")
    return context


def on_template_context(context, template_name, config):
    """Pages that are only a template (the 404 page, served at any depth): the language
    switcher goes to each language's home page, the footer links to the same pages."""
    lang = _i18n(config).current_language
    context["page_alternates"] = alternates(state["catalogue"], lang, "", config.site_url or "/")
    config.extra.alternate = []
    context["footer_links"] = _footer_links(config)
    context["footer_label"] = state["catalogue"].text(lang, "site", "footer-label")
    return context


def _verified(output: str, dest: str, config, source: str | None) -> str:
    """`output` if it holds only what the site writes (catalogue/validate/allowlist.py); else each
    violation reported at the source line it came from, and nothing ("" is not written)."""
    lang = _i18n(config).current_language
    violations = check_page(output, dest, config.site_url or "/", state["catalogue"].allowed_domains)
    if not violations:
        state.setdefault("checked", set()).add(dest)
        return output
    for problem in problems(violations, dest, lang, _sources(lang, source)):
        log.warning(str(problem))
    return ""


def _sources(lang: str, source: str | None):
    """Where a page's content may come from, most likely first: its Markdown file, or the catalogue."""
    if source:
        if (ROOT / source).is_file():
            yield source, (ROOT / source).read_text(encoding="utf-8", errors="replace")
        return
    for folder in (f"translations/{lang}", "translations/en", "data"):
        for path in sorted((ROOT / folder).glob("*.yml")):
            yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")
    yield "mkdocs.yml", (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def on_post_page(output, page, config):
    """Valid HTML where Material's templates cannot be overridden; then the page is verified."""
    written_by_hand = page.file.generated_by is None
    source = Path(config.docs_dir, page.file.src_uri).relative_to(ROOT).as_posix() if written_by_hand else None
    return _verified(repair(output), page.file.dest_uri, config, source)


def on_post_template(output, template_name, config):
    """Keep each language's 404 page (valid and verified, as every page): every language build writes the same root 404.html."""
    if template_name == "404.html":
        prefix = state["catalogue"].language(_i18n(config).current_language).prefix
        output = _verified(repair(output), prefix + "404.html", config, None)
        state.setdefault("404", {})[_i18n(config).current_language] = output
    return output


@event_priority(-200)
def on_post_build(config):
    """Once every language is built: a 404 page per language, the default one at the root;
    the sitemap of every language's pages; the search index; each language's offline copy."""
    if _i18n(config).building:
        return
    catalogue = state["catalogue"]
    for language in catalogue.languages:
        page = state.get("404", {}).get(language.code)
        if page:
            target = Path(config.site_dir) / language.prefix / "404.html"
            target.write_text(page, encoding="utf-8")
    sitemap.write(Path(config.site_dir), sitemap.sitemap(catalogue, state["urls"], config.site_url))
    failure = search.index(Path(config.site_dir))
    if failure:
        log.error(f"search index (Pagefind) failed: {failure}")
    offline.write_all(Path(config.site_dir), catalogue, config.site_url)
    _verify_site(config)


def _verify_site(config):
    """Every file written, against the allowlist; a file that does not conform is removed."""
    site = Path(config.site_dir)
    theme = next(Path(d) for d in config.theme.dirs if (Path(d) / "assets/javascripts").is_dir())  # Material's
    for found in written.check_site(site, config.site_url or "/", state["catalogue"].allowed_domains, theme,
                                    Path(config.docs_dir), frozenset(state.get("checked", ()))):
        source = Path(config.docs_dir, found.path)  # a file copied from docs/ is named there
        where = source.relative_to(ROOT).as_posix() if source.is_file() and ROOT in source.parents else found.path
        log.warning(f"{where}: {printable(found.what)}; the file was removed "
                    "(catalogue/validate/allowlist.py lists what the site may hold)")
        (site / found.path).unlink(missing_ok=True)

