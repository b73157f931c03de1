"""The parallel view: the communique in one language beside the English, one row per clause.

Each language's page holds that language first (its reading side: the right in Arabic) and
the English second; every cell carries its own lang and dir. The English page lists the pairs.
"""

from __future__ import annotations

import html

from catalogue.domain.model import Clause
from catalogue.render.core import Renderer
from catalogue.render import markup
from catalogue.render.markup import Page
from catalogue.render.urls import PARALLEL_URL, clause_url, localised, relative


def cell(renderer: Renderer, clause: Clause) -> str:
    """One clause in the renderer's language, with its explanation and translation status."""
    language = renderer.language
    return (f'<td lang="{language.code}" dir="{language.direction}" class="parallel__text">'
            f'<p>{renderer.inline("communique", clause.id)}</p>{renderer.explanation(clause, PARALLEL_URL)}'
            f'{renderer.status_note(clause.id)}</td>')


def pair_page(renderer: Renderer) -> Page:
    """The renderer's language beside the English, aligned clause by clause."""
    english = Renderer(renderer.catalogue, renderer.catalogue.default.code, renderer.site_url)
    columns = (renderer, english)
    head = "".join(f'<th scope="col" lang="{r.language.code}" dir="{r.language.direction}">'
                   f'{html.escape(r.language.name)}</th>' for r in columns)
    rows = []
    for clause in renderer.catalogue.clauses:
        label = (f'<th scope="row" class="parallel__label"><a href="{relative(PARALLEL_URL, clause_url(clause.id))}">'
                 f'{html.escape(renderer.label(clause))}</a></th>')
        rows.append(f'<tr id="{clause.id}" data-clause="{clause.id}" class="parallel__row parallel__row--{clause.kind}">'
                    f'{label}{"".join(cell(r, clause) for r in columns)}</tr>')
    table = (f'<table class="parallel">\n<thead><tr><th scope="col">{html.escape(renderer.t("crosswalk-clause"))}</th>'
             f'{head}</tr></thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody></table>")
    title = renderer.t("parallel-title")
    return Page("communique/parallel.md", PARALLEL_URL, markup.join([
        markup.front_matter(title, renderer.t("parallel-intro")),
        f"# {markup.heading(title)} {{#title}}",
        renderer.notice(),
        f'<p>{html.escape(renderer.t("parallel-intro"))}</p>',
        table,
    ]))


def index_page(renderer: Renderer) -> Page:
    """For the source language: the list of languages to read beside it."""
    here = localised(renderer.language, PARALLEL_URL)
    items = "\n".join(
        f'<li><a href="{relative(here, localised(language, PARALLEL_URL))}" hreflang="{language.code}" '
        f'lang="{language.code}" dir="{language.direction}">{html.escape(language.name)}</a></li>'
        for language in renderer.catalogue.languages if not language.default)
    title = renderer.t("parallel-index-title")
    return Page("communique/parallel.md", PARALLEL_URL, markup.join([
        markup.front_matter(title, renderer.t("parallel-index-intro")),
        f"# {markup.heading(title)} {{#title}}",
        f'<p>{html.escape(renderer.t("parallel-index-intro"))}</p>',
        f'<ul class="parallel-languages">\n{items}\n</ul>',
    ]))


def page(renderer: Renderer) -> Page:
    return index_page(renderer) if renderer.language.default else pair_page(renderer)
