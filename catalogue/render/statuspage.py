"""The translation status page: the same figures as `python -m catalogue status`, with progress bars."""

from __future__ import annotations

import html

from babel.numbers import format_decimal, format_percent

from catalogue.domain.model import Catalogue
from catalogue.domain.status import STATES, EntryState, entry_states, summary
from catalogue.render.text import Text
from catalogue.render import markup
from catalogue.render.markup import Page
from catalogue.render.urls import clause_url, relative

URL = "status/"


class StatusRenderer(Text):
    """The status page of one language (it shows every language)."""

    def __init__(self, catalogue: Catalogue, lang: str, site_url: str = "") -> None:
        super().__init__(catalogue, lang, site_url)
        self._states: dict[str, list[EntryState]] = {}

    def states(self, lang: str) -> list[EntryState]:
        """Every entry's state in `lang`, worked out once for the page's two tables."""
        if lang not in self._states:
            self._states[lang] = entry_states(self.catalogue, list(self.catalogue.problems), lang)
        return self._states[lang]

    def number(self, value: int) -> str:
        return format_decimal(value, locale=self.language.number_locale)

    def summary_table(self) -> str:
        head = "".join(f'<th scope="col">{self.ui("status-state-" + state)}</th>' for state in STATES)
        rows = []
        for language in self.catalogue.languages:
            counts = summary(self.states(language.code))
            share = counts["translated"] / counts["total"] if counts["total"] else 0
            percent = format_percent(share, locale=self.language.number_locale)
            label = self.ui("status-progress", percent=percent)
            cells = "".join(f'<td data-state="{state}">{self.number(counts[state])}</td>' for state in STATES)
            publication = self.ui("status-published" if language.published else "status-draft")
            rows.append(
                f'<tr data-lang="{language.code}"><th scope="row"><span lang="{language.code}" dir="{language.direction}">'
                f'{html.escape(language.name)}</span></th><td>{publication}</td>'
                f'<td><progress max="{counts["total"]}" value="{counts["translated"]}" aria-label="{html.escape(language.name)}">'
                f'</progress> <span class="status-percent">{label}</span></td>{cells}</tr>'
            )
        return (f'<div class="table-scroll" tabindex="0" role="region" aria-labelledby="status-summary-caption">'
                f'<table class="translation-status">\n<caption id="status-summary-caption">{self.ui("status-title")}'
                f'</caption>\n<thead><tr><th scope="col">{self.ui("status-language")}</th>'
                f'<th scope="col">{self.ui("status-publication")}</th><th scope="col">{self.ui("status-translated")}'
                f'</th>{head}</tr></thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody></table></div>")

    def clause_table(self, page_url: str) -> str:
        languages = [lang for lang in self.catalogue.languages if not lang.default]
        states = {lang.code: {s.key: s.state for s in self.states(lang.code)
                              if s.domain == "communique"} for lang in languages}
        head = "".join(f'<th scope="col" lang="{lang.code}" dir="{lang.direction}">{html.escape(lang.name)}</th>'
                       for lang in languages)
        rows = []
        for clause in self.catalogue.clauses:
            cells = "".join(
                f'<td data-lang="{lang.code}" data-state="{states[lang.code].get(clause.id, "missing")}">'
                f'{self.ui("status-state-" + states[lang.code].get(clause.id, "missing"))}</td>' for lang in languages)
            rows.append(f'<tr data-clause="{clause.id}"><th scope="row"><a href="{relative(page_url, clause_url(clause.id))}">'
                        f'{html.escape(self.label(clause))}</a></th>{cells}</tr>')
        return (f'<div class="table-scroll" tabindex="0" role="region" aria-labelledby="status-clauses-caption">'
                f'<table class="translation-status translation-status--clauses">\n'
                f'<caption id="status-clauses-caption">{self.ui("status-by-clause-intro")}</caption>\n'
                f'<thead><tr><th scope="col">{self.ui("crosswalk-clause")}</th>{head}</tr></thead>\n<tbody>\n'
                + "\n".join(rows) + "\n</tbody></table></div>")

    def page(self) -> Page:
        blocks = [
            markup.front_matter(self.t("status-title"), self.t("status-intro")),
            f"# {markup.heading(self.t('status-title'))} {{#title}}",
            f"<p>{self.ui('status-intro')}</p>",
            self.summary_table(),
            f"## {markup.heading(self.t('status-by-clause'))} {{#clauses}}",
            self.clause_table(URL),
        ]
        return Page("status/index.md", URL, markup.join(blocks))
