"""Framework pages (one per instrument, with provision anchors and "cited by"),
their index, and the crosswalk of clauses × instruments."""

from __future__ import annotations

import html
from datetime import date

from catalogue.domain import keys
from catalogue.domain.model import Instrument, Link, Provision, Target
from catalogue.render.links import Links
from catalogue.render import markup
from catalogue.render.markup import Page
from catalogue.render.urls import clause_url, relative, target_url
from catalogue.validate.safety import plain


class FrameworkRenderer(Links):
    """Renders the framework side of the site in one language."""

    BINDING = ("treaty", "protocol")

    def facts(self, instrument: Instrument) -> str:
        binds = "binds-treaty" if instrument.kind in self.BINDING else "binds-none"
        rows = [
            ("facts-kind", self.ui(f"kind-{instrument.kind}")),
            ("facts-binds", self.ui(binds)),
            ("facts-adopted-by", self.inline("frameworks", keys.instrument(instrument.id, "adopted-by"))),
        ]
        if instrument.adopted is None and instrument.launched:
            rows.append(("facts-launched", html.escape(self.long_date(date(instrument.launched, 1, 1), "y"))))
        else:
            rows.append(("facts-adopted", html.escape(self.long_date(instrument.adopted)) if instrument.adopted
                         else self.ui("not-confirmed")))
        if instrument.in_force:
            rows.append(("facts-in-force", html.escape(self.long_date(instrument.in_force))))
        official = (f'<a href="{html.escape(instrument.url)}" rel="noopener noreferrer">'
                    f'{self.ui("official-text-link")}</a>') if instrument.url \
            else self.ui("no-official-text")
        rows.append(("facts-official-text", official))
        body = "\n".join(f"<dt>{self.ui(key)}</dt><dd>{value}</dd>" for key, value in rows)
        return f'<dl class="instrument-facts">\n{body}\n</dl>'

    def cited_by(self, links: list[Link], page_url: str) -> str:
        rows = []
        for link in links:
            clause = self.catalogue.clause(link.clause)
            href = relative(page_url, clause_url(clause.id) + "#sources")
            relation = self.inline("frameworks", keys.relation(link.relation, reverse=True))
            rows.append(f'<li class="backlink" data-clause="{clause.id}" data-relation="{link.relation}">'
                        f'<span class="backlink__relation">{relation}</span> '
                        f'<a href="{href}">{html.escape(self.label(clause))}</a>'
                        f'<p class="backlink__rationale">{self.prose("links", keys.rationale(link), page_url)}</p></li>')
        return (f'<div class="cited-by"><p class="cited-by__heading">{self.ui("cited-by")}</p>\n'
                f'<ul>\n' + "\n".join(rows) + "\n</ul></div>")

    def instrument_page(self, instrument: Instrument) -> Page:
        url = target_url(Target(instrument.id))
        name = plain(self.catalogue.resolve(self.lang, "frameworks", keys.instrument(instrument.id, "name")).text)
        summary = self.catalogue.resolve(self.lang, "frameworks", keys.instrument(instrument.id, "summary")).text
        blocks = [
            markup.front_matter(plain(self.catalogue.resolve(self.lang, "frameworks", keys.instrument(instrument.id, "short")).text),
                          plain(summary)),
            f"# {markup.heading(name)} {{#title}}",
            self.notice(),
            f'<p class="instrument-summary">{self.prose("frameworks", keys.instrument(instrument.id, "summary"), url)}</p>',
            self.facts(instrument),
        ]
        whole = [link for link in self.catalogue.links_to(instrument.id) if link.provision is None]
        if whole:
            blocks.append(f"## {markup.heading(self.t('cited-whole-heading'))} {{#whole}}")
            blocks.append(self.cited_by(whole, url))
        linked = [p for p in instrument.provisions if self.catalogue.links_to(instrument.id, p.id)]
        related = [p for p in instrument.provisions if p not in linked]
        if linked:
            blocks.append(f"## {markup.heading(self.t('provisions-heading'))} {{#provisions}}")
            blocks += self.provisions(instrument, linked, url, "")
        if related:
            blocks.append(f"## {markup.heading(self.t('related-heading'))} {{#related}}")
            blocks.append(f'<p class="related-intro">{self.ui("related-intro")}</p>')
            blocks += self.provisions(instrument, related, url, "related-")
        return Page(f"frameworks/{instrument.id}.md", url, markup.join(blocks))

    def provisions(self, instrument: Instrument, provisions: list[Provision], url: str, section: str) -> list[str]:
        """Each provision's heading (grouped by domain for the MNR: a domain's provisions together, under one
        heading, the domains in the order they first come), official link and the clauses linked to it."""
        first = {}
        for index, provision in enumerate(provisions):
            first.setdefault(provision.domain, index)
        provisions = sorted(provisions, key=lambda provision: first[provision.domain])  # stable: the order within a domain stays
        blocks, domain = [], None
        for provision in provisions:
            if provision.domain is not None and provision.domain != domain:
                domain = provision.domain
                title = plain(self.catalogue.resolve(self.lang, "frameworks", keys.domain(instrument.id, domain)).text)
                blocks.append(f"### {markup.heading(title)} {{#{section}domain-{domain}}}")
            level = "####" if provision.domain is not None else "###"
            label = self.provision_label(instrument.id, provision.id)
            heading = plain(self.catalogue.resolve(self.lang, "frameworks", keys.provision(instrument.id, provision.id)).text)
            kind = "official" if provision.official_heading else "own"
            blocks.append(f"{level} {markup.heading(self.t('label-value', label=label, value=heading))} {{#{provision.id}}}")
            blocks.append(f'<p class="provision-heading__kind provision-heading__kind--{kind}">'
                          f'{self.ui(f"heading-{kind}-note")}</p>')
            if provision.url:
                blocks.append(f'<p class="provision__official"><a href="{html.escape(provision.url)}" '
                              f'rel="noopener noreferrer">{self.ui("official-text-link")}</a></p>')
            links = self.catalogue.links_to(instrument.id, provision.id)
            if links:
                blocks.append(self.cited_by(links, url))
        return blocks

    def relations(self) -> str:
        """What each kind of link means, in one sentence each: the communique is a declaration, not a treaty."""
        rows = "\n".join(
            f'<dt id="relation-{relation}">{self.inline("frameworks", keys.relation(relation))}</dt>'
            f'<dd>{self.inline("frameworks", keys.definition(relation))}</dd>'
            for relation in self.catalogue.relations)
        return (f"## {markup.heading(self.t('relations-heading'))} {{#relations}}\n\n"
                f'<p>{self.ui("relations-intro")}</p>\n<dl class="relations">\n{rows}\n</dl>')

    def index_page(self) -> Page:
        url = "frameworks/"
        items = []
        for instrument in self.catalogue.instruments:
            href = relative(url, target_url(Target(instrument.id)))
            count = len(self.catalogue.links_to(instrument.id))
            items.append(f'<li><a href="{href}">{self.inline("frameworks", keys.instrument(instrument.id, "name"))}</a> '
                         f'<span class="instrument-kind">({self.ui(f"kind-{instrument.kind}")})</span> '
                         f'<span class="instrument-count" data-count="{count}"></span></li>')
        blocks = [
            *self.opening("frameworks"),
            '<ul class="instrument-list">\n' + "\n".join(items) + "\n</ul>",
            f'<p><a href="{relative(url, "crosswalk/")}">{self.ui("crosswalk-title")}</a> · '
            f'<a href="{relative(url, "open-data/")}">{self.ui("open-data-title")}</a></p>',
            self.relations(),
        ]
        return Page("frameworks/index.md", url, markup.join(blocks))

    def crosswalk_page(self) -> Page:
        url = "crosswalk/"
        instruments = self.catalogue.instruments
        head = "".join(
            f'<th scope="col"><a href="{relative(url, target_url(Target(i.id)))}">'
            f'{self.inline("frameworks", keys.instrument(i.id, "short"))}</a></th>' for i in instruments)
        rows = []
        for clause in self.catalogue.clauses:
            cells = []
            for instrument in instruments:
                count = sum(1 for link in self.catalogue.links_of(clause.id) if link.instrument == instrument.id)
                if count:
                    href = relative(url, clause_url(clause.id) + f"#sources-{instrument.id}")
                    key = f'<span class="crosswalk__key">{self.inline("frameworks", f"{instrument.id}.short")}</span> '
                    cells.append(f'<td data-count="{count}"><a href="{href}">{key}{count}</a></td>')
                else:
                    cells.append('<td data-count="0"><span aria-hidden="true">·</span>'
                                 '<span class="md-visually-hidden">0</span></td>')
            total = len(self.catalogue.links_of(clause.id))
            rows.append(f'<tr id="row-{clause.id}"><th scope="row">'
                        f'<a href="{relative(url, clause_url(clause.id))}">{html.escape(self.label(clause))}</a></th>'
                        f'{"".join(cells)}<td class="crosswalk__total">'
                        f'<span class="crosswalk__key">{self.ui("crosswalk-total")}</span> {total}</td></tr>')
        # Where the table has not the room (site.css), each row is a card of its non-zero cells, each
        # named by its framework (.crosswalk__key); the roles keep the table's semantics whatever the display.
        table = (f'<div class="crosswalk-scroll" tabindex="0" role="region" aria-labelledby="crosswalk-caption">'
                 f'<table class="crosswalk" role="table">\n<caption id="crosswalk-caption">{self.ui("crosswalk-intro")}'
                 f'</caption>\n<thead><tr><th scope="col">'
                 f'{self.ui("crosswalk-clause")}</th>{head}'
                 f'<th scope="col">{self.ui("crosswalk-total")}</th></tr></thead>\n'
                 f'<tbody>\n' + "\n".join(rows) + "\n</tbody></table></div>")
        listing = []
        for clause in self.catalogue.clauses:
            entries = "".join(
                f'<li>{self.inline("frameworks", keys.relation(link.relation))} '
                f'<a href="{self.target_href(link, url)}">{self.target_label(link)}</a></li>'
                for link in self.catalogue.links_of(clause.id))
            listing.append(f'<li><a href="{relative(url, clause_url(clause.id))}">{html.escape(self.label(clause))}</a>'
                           f'<ul>{entries}</ul></li>')
        blocks = [
            # The table needs the width of the table of contents' column (site.css).
            markup.front_matter(self.t("crosswalk-title"), self.t("crosswalk-intro"), extra=("hide: [toc]",)),
            f"# {markup.heading(self.t('crosswalk-title'))} {{#title}}",
            self.notice(), self.relations(), table,
            f"## {markup.heading(self.t('crosswalk-list-heading'))} {{#list}}",
            '<ul class="crosswalk-list">\n' + "\n".join(listing) + "\n</ul>",
        ]
        return Page("crosswalk/index.md", url, markup.join(blocks))

    def pages(self) -> list[Page]:
        return ([self.index_page(), self.crosswalk_page()]
                + [self.instrument_page(instrument) for instrument in self.catalogue.instruments])
