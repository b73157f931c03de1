"""The catalogue as open data: JSON per language, a language-neutral crosswalk, CSV."""

from __future__ import annotations

import csv
import html
import io
import json

from catalogue.domain import keys
from catalogue.domain.model import Catalogue, Target
from catalogue.domain.status import shown_state
from catalogue.render.frameworks import FrameworkRenderer
from catalogue.render import akn, markup, pdf
from catalogue.render.markup import Page
from catalogue.render.urls import clause_url, keep_path, localised, target_url, zip_path
from catalogue.validate.safety import plain
from catalogue.render.cite import one_line

FILES = "open-data/"


def _plain(catalogue: Catalogue, lang: str, domain: str, key: str) -> str:
    return plain(catalogue.resolve(lang, domain, key).text)


def catalogue_json(catalogue: Catalogue, lang: str) -> dict:
    """Every clause, instrument and link with the text shown in `lang`."""
    renderer = FrameworkRenderer(catalogue, lang)
    language = catalogue.language(lang)
    clauses = []
    for clause in catalogue.clauses:
        resolved = catalogue.resolve(lang, "communique", clause.id)
        translation = resolved.translation
        clauses.append({
            "id": clause.id, "kind": clause.kind, "number": clause.cited, "label": renderer.label(clause),
            "text": plain(resolved.text), "text_language": resolved.lang, "url": localised(language, clause_url(clause.id)),
            "translation_status": shown_state(resolved, lang, catalogue.default.code),
            "reviewer": translation.reviewer if translation and not resolved.is_fallback(lang) else None,
            "sources": [{
                "instrument": link.instrument, "provision": link.provision, "relation": link.relation,
                "relation_label": _plain(catalogue, lang, "frameworks", keys.relation(link.relation)),
                "rationale": _plain(catalogue, lang, "links", keys.rationale(link)),
            } for link in catalogue.links_of(clause.id)],
        })
    instruments = [{
        "id": i.id, "kind": i.kind,
        "name": _plain(catalogue, lang, "frameworks", keys.instrument(i.id, "name")),
        "short": _plain(catalogue, lang, "frameworks", keys.instrument(i.id, "short")),
        "summary": _plain(catalogue, lang, "frameworks", keys.instrument(i.id, "summary")),
        "adopted": i.adopted.isoformat() if i.adopted else None,
        "in_force": i.in_force.isoformat() if i.in_force else None,
        "official_url": i.url, "url": localised(language, target_url(Target(i.id))),
        "provisions": [{
            "id": p.id, "number": p.number, "official_url": p.url,
            "heading": _plain(catalogue, lang, "frameworks", keys.provision(i.id, p.id)),
        } for p in i.provisions],
    } for i in catalogue.instruments]
    return {
        "language": lang,
        "title": _plain(catalogue, lang, "communique", "title"),
        "summit": {"start": catalogue.summit_start.isoformat(), "end": catalogue.summit_end.isoformat(),
                   "place": _plain(catalogue, lang, "site", "summit-place")},
        "clauses": clauses, "instruments": instruments,
    }


def crosswalk_json(catalogue: Catalogue) -> dict:
    """The links between clauses and instruments, with ids only: the same in every language."""
    return {
        "clauses": [c.id for c in catalogue.clauses],
        "instruments": [{"id": i.id, "provisions": [p.id for p in i.provisions]} for i in catalogue.instruments],
        "relations": list(catalogue.relations),
        "links": [{"clause": link.clause, "instrument": link.instrument, "provision": link.provision,
                   "relation": link.relation} for link in catalogue.links],
    }


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: str) -> str:
    """A CSV cell a spreadsheet shows as text: one that would start a formula gets a leading apostrophe
    (the usual guard, which spreadsheets hide); whitespace and control characters become one space."""
    value = one_line(value)
    return "'" + value if value.startswith(FORMULA_START) else value


def links_csv(catalogue: Catalogue, lang: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["clause", "clause_label", "instrument", "provision", "relation", "relation_label", "rationale"])
    for clause in catalogue_json(catalogue, lang)["clauses"]:
        for source in clause["sources"]:
            writer.writerow([cell(value) for value in (
                clause["id"], clause["label"], source["instrument"], source["provision"] or "",
                source["relation"], source["relation_label"], source["rationale"])])
    return out.getvalue()


def files(catalogue: Catalogue, lang: str, schemas: dict[str, str]) -> dict[str, str]:
    """The open-data files a language build writes, by path from the site root."""
    result = {
        f"{FILES}catalogue.{lang}.json": json.dumps(catalogue_json(catalogue, lang), ensure_ascii=False, indent=1),
        f"{FILES}links.{lang}.csv": links_csv(catalogue, lang),
    }
    if lang == catalogue.default.code:
        result[f"{FILES}crosswalk.json"] = json.dumps(crosswalk_json(catalogue), indent=1)
        result.update({f"{FILES}{name}": text for name, text in schemas.items()})
    return result


def keep_offline(renderer: FrameworkRenderer, up: str) -> list[str]:
    """The opt-in control that keeps this language's pages in the browser (docs/assets/offline.js),
    with what it leaves on a shared device; its buttons show once the script can work."""
    language = renderer.language
    data = {"list": up + keep_path(language), "worker": up + "offline-sw.js", "scope": up + language.prefix,
            "cache": f"offline-{language.code}", "kept": renderer.t("offline-reading-kept"),
            "removed": renderer.t("offline-reading-removed"), "failed": renderer.t("offline-reading-failed")}
    attributes = "".join(f' data-{name}="{html.escape(value)}"' for name, value in data.items())
    button = '<button type="button" class="offline-reading__button" data-offline-{}>{}</button>'
    return [
        f"## {markup.heading(renderer.t('offline-reading-heading'))} {{#offline-reading}}",
        f'<div class="offline-reading" data-offline-reading{attributes}>\n'
        f"<p>{renderer.ui('offline-reading-intro')}</p>\n"
        f'<p class="offline-reading__trace">{renderer.ui("offline-reading-trace")}</p>\n'
        f'<p class="offline-reading__controls">{button.format("keep", renderer.ui("offline-reading-keep"))} '
        f'{button.format("remove", renderer.ui("offline-reading-remove"))}</p>\n'
        f'<p class="offline-reading__status" role="status"></p>\n</div>',
    ]


def page(catalogue: Catalogue, lang: str, schema_names: list[str]) -> Page:
    """The page that lists the open-data files, in `lang`."""
    renderer = FrameworkRenderer(catalogue, lang)
    up = "../" * (catalogue.language(lang).prefix.count("/") + 1)
    items = [
        (f"{up}{FILES}catalogue.{lang}.json", renderer.t("open-data-catalogue")),
        (f"{up}{FILES}links.{lang}.csv", renderer.t("open-data-catalogue-csv")),
        (f"{up}{akn.path(lang)}", renderer.t("open-data-akn")),
        (f"{up}{FILES}crosswalk.json", renderer.t("open-data-crosswalk")),
        (f"{up}{zip_path(renderer.language)}", renderer.t("offline-download")),
    ]
    links = ((f'<a href="{href}">{html.escape(href.rsplit("/", 1)[1])}</a>', html.escape(text)) for href, text in items)
    listing = "\n".join(f"<li>{renderer.labelled(link, text)}</li>" for link, text in links)
    listing += f'\n<li>{renderer.labelled(pdf.link(renderer, "open-data/"), renderer.ui("pdf-download"))}</li>'  # render/pdf.py
    schemas = " ".join(f'<a href="{up}{FILES}{name}">{html.escape(name)}</a>' for name in schema_names)
    blocks = [
        # overrides/main.html adds the script of the offline-reading control (assets/offline.js)
        markup.front_matter(renderer.t("open-data-title"), renderer.t("open-data-intro"), extra=("offline_reading: true",)),
        f"# {markup.heading(renderer.t('open-data-title'))} {{#title}}",
        f"<p>{renderer.ui('open-data-intro')}</p>",
        f'<ul class="open-data">\n{listing}\n</ul>',
        f"<p>{renderer.ui('open-data-schemas')} {schemas}</p>",
        *keep_offline(renderer, up),
    ]
    return Page("open-data/index.md", "open-data/", markup.join(blocks))
