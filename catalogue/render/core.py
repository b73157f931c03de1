"""Turn the catalogue into the Markdown of each generated page, in one language.

Pages are Markdown documents whose clause blocks are HTML built here from
validated strings, sanitised once more on the way out.
"""

from __future__ import annotations

import html

from catalogue.domain.model import Catalogue, Clause
from catalogue.render import akn, cite, pdf
from catalogue.render import markup
from catalogue.render.markup import Page
from catalogue.render.links import Links
from catalogue.render.urls import PARALLEL_URL, clause_url, relative
from catalogue.validate.safety import plain


class Renderer(Links):
    """Renders the communique's pages of one language: the full text and a page per clause."""

    def explanation(self, clause: Clause, page_url: str) -> str:
        """The clause 'in plain words', under the clause."""
        if (self.catalogue.default.code, "plain", clause.id) not in self.catalogue.usable:
            return ""
        return (f'<div class="clause__plain"><p class="clause__plain-heading">{self.ui("plain-heading")}</p>'
                f'<p>{self.prose("plain", clause.id, page_url)}</p></div>')

    def clause_block(self, clause: Clause, page_url: str, with_page_link: bool) -> str:
        label = html.escape(self.label(clause))
        number = {"operative": f"{clause.number}.", "sub-item": f"({clause.number})"}.get(clause.kind)
        number_html = f'<span class="clause__number">{html.escape(number)}</span> ' if number else ""
        anchor = relative(page_url, f"communique/#{clause.id}")
        permalink = html.escape(self.t("permalink-title", label=self.label(clause)))
        parts = [
            f'<div class="clause clause--{clause.kind}" id="{clause.id}" data-clause="{clause.id}">',
            f'<p class="clause__text">{number_html}{self.inline("communique", clause.id)} '
            f'<a class="clause__permalink" href="{anchor}" title="{permalink}" aria-label="{permalink}">¶</a></p>',
            self.explanation(clause, page_url),
            cite.tools(self, clause, relative(page_url, clause_url(clause.id))),
        ]
        if with_page_link:
            page = relative(page_url, clause_url(clause.id))
            parts.append(f'<p class="clause__links"><a href="{page}">'
                         f'{self.ui("clause-page-link", label=self.label(clause))}</a></p>')
            sources = " · ".join(f'<a href="{self.target_href(link, page_url)}">{self.target_label(link)}</a>'
                                 for link in self.catalogue.links_of(clause.id))
            if sources:
                parts.append(f'<p class="clause__sources">{self.labelled(self.ui("clause-sources-heading"), sources)}</p>')
        parts.append(self.status_note(clause.id))
        parts.append("</div>")
        return "\n".join(p for p in parts if p)

    def header(self) -> str:
        lines = [f'<p class="communique-header__line communique-header__line--{key}">'
                 f'{self.inline("communique", key)}</p>' for key in self.catalogue.header]
        return '<div class="communique-header">\n' + "\n".join(lines) + "\n</div>"

    def facts(self) -> str:
        dates = self.summit_dates()
        return (
            f'<dl class="summit-facts" aria-label="{html.escape(self.t("facts-heading"))}">\n'
            f'<dt>{self.ui("facts-dates")}</dt><dd>{html.escape(dates)}</dd>\n'
            f'<dt>{self.ui("facts-place")}</dt><dd>{self.ui("summit-place")}</dd>\n'
            f"</dl>"
        )

    def full_text(self) -> Page:
        url = "communique/"
        title = plain(self.catalogue.resolve(self.lang, "communique", "title").text)
        blocks = [
            markup.front_matter(self.t("full-text-title"), self.t("site-description"), citation=cite.page_meta(self)),
            f"# {markup.heading(title)} {{#communique}}",
            self.notice(), self.header(), self.facts(), self.parallel_link(url), self.pdf_link(url),
        ]
        groups = (("heading-preamble", ("preamble", "preambular")), ("heading-operative", ("operative",)))
        for heading_key, kinds in groups:
            blocks.append(f"## {markup.heading(self.t(heading_key))} {{#{heading_key.removeprefix('heading-')}-part}}")
            for clause in self.catalogue.clauses:
                if clause.kind not in kinds:
                    continue
                block = self.clause_block(clause, url, with_page_link=True)
                children = [self.clause_block(c, url, True) for c in self.catalogue.children(clause.id)]
                if children:
                    block = block.removesuffix("</div>") + '<div class="clause__items">\n' + \
                        "\n".join(children) + "\n</div>\n</div>"
                blocks.append(self._retired_anchors(clause.id) + block)
        return Page("communique/index.md", url, markup.join(blocks))

    def parallel_link(self, page_url: str) -> str:
        """The way from the full text to the parallel view (render/parallel.py)."""
        key = "parallel-index-title" if self.language.default else "parallel-link"
        return (f'<p class="parallel-link"><a href="{relative(page_url, PARALLEL_URL)}">'
                f'{html.escape(self.t(key))}</a></p>')

    def pdf_link(self, page_url: str) -> str:
        """The full text as a PDF, to print or keep (render/pdf.py, publish/pdfs.py)."""
        return f'<p class="pdf-link">{self.labelled(pdf.link(self, page_url), self.ui("pdf-download"))}</p>'

    def _retired_anchors(self, clause_id: str) -> str:
        olds = [old for old, new in self.catalogue.retired.items() if new == clause_id]
        return "".join(f'<span id="{old}" class="retired-anchor"></span>' for old in olds)

    def clause_page(self, index: int) -> Page:
        clauses = self.catalogue.clauses
        clause = clauses[index]
        url = clause_url(clause.id)
        label = self.label(clause)
        text = plain(self.catalogue.resolve(self.lang, "communique", clause.id).text)
        blocks = [
            markup.front_matter(label, text, self.jsonld(clause, label, text), citation=cite.page_meta(self, clause)),
            f"# {markup.heading(label)} {{#title}}",
            self.notice(),
        ]
        if clause.parent:
            parent = self.catalogue.clause(clause.parent)
            blocks.append(
                f'<div class="clause-context"><p>{self.ui("sub-item-context", number=parent.cited or "")}</p>\n'
                f'<blockquote><p><span class="clause__number">{html.escape(parent.number or "")}.</span> '
                f'{self.inline("communique", parent.id)}</p></blockquote></div>'
            )
        blocks.append(self.clause_block(clause, url, with_page_link=False))
        blocks.append(self.sources(clause, url))
        blocks.append(self.pager(index, url))
        return Page(f"communique/{clause.id}.md", url, markup.join(blocks))

    def jsonld(self, clause: Clause, label: str, text: str) -> dict:
        """schema.org description of a clause, for search engines and citation tools: where it lives,
        and the communique it is part of, by its name as written (not the heading's capitals),
        made at the African Union Headquarters in Addis Ababa (ET: Ethiopia); `encoding`: the clause in
        this language's Akoma Ntoso document (render/akn.py), at its component id."""
        resolved = self.catalogue.resolve(self.lang, "communique", clause.id)
        official = [i.url for i in (self.catalogue.instrument(link.instrument) for link in self.catalogue.links_of(clause.id))
                    if i is not None and i.url]
        whole = self.site_url + self.language.prefix + "communique/"
        place = {"@type": "Place", "name": self.t("summit-place"),
                 "address": {"@type": "PostalAddress", "addressLocality": self.t("cite-place"), "addressCountry": "ET"}}
        return {
            "@context": "https://schema.org", "@type": "CreativeWork", "@id": self.permalink(clause),
            "url": self.permalink(clause), "identifier": clause.id, "name": label, "text": text, "inLanguage": resolved.lang,
            "isPartOf": {"@type": "CreativeWork", "@id": whole, "url": whole, "name": self.t("cite-document"),
                         "dateCreated": self.catalogue.summit_end.isoformat(), "locationCreated": place},
            "citation": list(dict.fromkeys(official)),
            "encoding": {"@type": "MediaObject", "encodingFormat": akn.MEDIA_TYPE,
                         "contentUrl": self.site_url + akn.component_url(self.lang, clause.id, self.catalogue)},
        }

    def pager(self, index: int, page_url: str) -> str:
        clauses = self.catalogue.clauses
        parts = []
        if index > 0:
            previous = clauses[index - 1]
            parts.append(f'<a rel="prev" href="{relative(page_url, clause_url(previous.id))}">'
                         f'{self.ui("previous-clause", label=self.label(previous))}</a>')
        parts.append(f'<a class="clause-pager__full" href="{relative(page_url, "communique/#" + clauses[index].id)}">'
                     f'{self.ui("in-full-text")}</a>')
        if index + 1 < len(clauses):
            following = clauses[index + 1]
            parts.append(f'<a rel="next" href="{relative(page_url, clause_url(following.id))}">'
                         f'{self.ui("next-clause", label=self.label(following))}</a>')
        return '<nav class="clause-pager">\n' + "\n".join(parts) + "\n</nav>"

    def pages(self) -> list[Page]:
        """Every generated page of this language."""
        return [self.full_text()] + [self.clause_page(i) for i in range(len(self.catalogue.clauses))]


def redirects(catalogue: Catalogue) -> dict[str, str]:
    """Static redirect pages for retired clause ids: relative path → HTML, the same in every language."""
    pages = {}
    for old, new in catalogue.retired.items():
        target = f"../{new}/"
        pages[f"communique/{old}/index.html"] = (
            '<!doctype html><html><head><meta charset="utf-8">'
            f'<title>{html.escape(new)}</title><meta name="robots" content="noindex">'
            f'<link rel="canonical" href="{target}"><meta http-equiv="refresh" content="0; url={target}">'
            f'</head><body><p><a href="{target}">{html.escape(new)}</a></p></body></html>'
        )
    return pages
