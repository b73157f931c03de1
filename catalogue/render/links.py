"""A clause's links to the frameworks as a page shows them: the sources under a clause, and the
labels and addresses of the instruments and provisions it links to."""

from __future__ import annotations

import html

from catalogue.domain import keys
from catalogue.domain.model import Clause, Link, Target
from catalogue.render import markup
from catalogue.render.text import Text
from catalogue.render.urls import relative, target_url


class Links(Text):
    """The strings of one language, with the links of clauses to instruments and provisions."""

    def provision_label(self, instrument_id: str, provision_id: str) -> str:
        instrument = self.catalogue.instrument(instrument_id)
        provision = instrument.provision(provision_id) if instrument else None
        kind = "capability" if provision_id.startswith("capability-") else "article"
        return self.t(f"provision-{kind}", number=provision.number if provision else provision_id)

    def provision_heading(self, instrument_id: str, provision_id: str) -> str:
        """A provision's heading, saying whether it is the instrument's official title or this site's description."""
        instrument = self.catalogue.instrument(instrument_id)
        provision = instrument.provision(provision_id) if instrument else None
        kind = "official" if provision and provision.official_heading else "own"
        return (f'<span class="provision-heading provision-heading--{kind}">'
                f'{self.inline("frameworks", keys.provision(instrument_id, provision_id))}</span> '
                f'<span class="provision-heading__kind">({self.ui(f"heading-{kind}")})</span>')

    def target_href(self, link: Link, page_url: str) -> str:
        return relative(page_url, target_url(link.target))

    def target_label(self, link: Link) -> str:
        short = self.inline("frameworks", keys.instrument(link.instrument, "short"))
        if not link.provision:
            return short
        return f"{short}{self.language.list_separator}{html.escape(self.provision_label(link.instrument, link.provision))}"

    def source_row(self, link: Link, page_url: str) -> str:
        relation = self.inline("frameworks", keys.relation(link.relation))
        rationale = self.prose("links", keys.rationale(link), page_url)
        if link.provision:
            href = self.target_href(link, page_url)
            label = html.escape(self.provision_label(link.instrument, link.provision))
            target = self.labelled(f'<a href="{href}">{label}</a>', self.provision_heading(link.instrument, link.provision))
        else:
            href = self.target_href(link, page_url)
            target = f'<a href="{href}">{self.inline("frameworks", keys.instrument(link.instrument, "short"))}</a>'
        return (f'<li class="source" data-relation="{link.relation}"><span class="source__relation">{relation}</span> '
                f'{target}<p class="source__rationale">{rationale}</p></li>')

    def sources(self, clause: Clause, page_url: str) -> str:
        links = self.catalogue.links_of(clause.id)
        if not links:
            return ""
        items = []
        for instrument_id in dict.fromkeys(link.instrument for link in links):
            name = self.inline("frameworks", keys.instrument(instrument_id, "name"))
            href = relative(page_url, target_url(Target(instrument_id)))
            rows = "\n".join(self.source_row(link, page_url) for link in links if link.instrument == instrument_id)
            items.append(f'<li id="sources-{instrument_id}"><a href="{href}">{name}</a>\n<ul>\n{rows}\n</ul></li>')
        heading = self.t("clause-sources-heading")
        return (f"## {markup.heading(heading)} {{#sources}}\n\n"
                f'<ul class="clause-sources">\n' + "\n".join(items) + "\n</ul>")
