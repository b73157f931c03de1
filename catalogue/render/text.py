"""The strings of one language as a page shows them: interface text, catalogue strings as
safe inline HTML marked with their language when they fall back, clause labels, dates, notices."""

from __future__ import annotations

import html
import re
from functools import lru_cache

import nh3
from babel import Locale
from babel.dates import format_date

from catalogue.domain.model import Catalogue, Clause, Resolved
from catalogue.domain.status import shown_state
from catalogue.render import markup
from catalogue.render.terms import annotate, terms
from catalogue.render.urls import clause_url, localised, relative, site_root
from catalogue.validate.safety import to_html

_TAGS = {"strong", "em", "a", "code"}
_ATTRIBUTES = {"a": {"href", "title"}}


@lru_cache(maxsize=None)
def _clean(fragment: str) -> str:
    """Only the inline HTML a catalogue string may produce (the checks refuse the rest; this is the backstop)."""
    return nh3.clean(fragment, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes={"https"}, link_rel="noopener noreferrer")


class Text:
    """What one language's pages say, string by string."""

    def __init__(self, catalogue: Catalogue, lang: str, site_url: str = "") -> None:
        self.catalogue = catalogue
        self.lang = lang
        self.language = catalogue.language(lang)
        self._terms: tuple[tuple[str, str, str], ...] | None = None
        self.site_url = site_root(site_url)

    def t(self, key: str, **values: str) -> str:
        """An interface string as plain text (escape it before putting it in HTML)."""
        return self.catalogue.text(self.lang, "site", key, **values)

    def ui(self, key: str, **values: str) -> str:
        """An interface string as HTML text, marked with its language when it falls back (draft languages)."""
        resolved = self.catalogue.resolve(self.lang, "site", key)
        text = resolved.text.format(**values) if values else resolved.text
        return self._mark(resolved, html.escape(text))

    def labelled(self, label: str, value: str) -> str:
        """HTML `label` and HTML `value` joined as this language joins a label and its value (the
        `label-value` string: "Sources: …" in English, "Sources : …" with a no-break space in French,
        "ምንጮች፦ …" in Amharic)."""
        return html.escape(self.t("label-value")).format(label=label, value=value)

    def inline(self, domain: str, key: str) -> str:
        """A catalogue string as safe inline HTML, marked with its language when it falls back."""
        resolved = self.catalogue.resolve(self.lang, domain, key)
        return self._mark(resolved, _clean(to_html(resolved.text)))

    def prose(self, domain: str, key: str, page_url: str) -> str:
        """Our own copy as inline HTML, with the first use of each glossary term linked to its definition."""
        if self._terms is None:
            self._terms = terms(self.catalogue, self.lang)
        return annotate(self.inline(domain, key), self._terms, relative(page_url, "glossary/"))

    def _mark(self, resolved: Resolved, content: str) -> str:
        if not resolved.is_fallback(self.lang):
            return content
        source = self.catalogue.language(resolved.lang)
        return f'<span lang="{source.code}" dir="{source.direction}">{content}</span>'

    def label(self, clause: Clause) -> str:
        """What a clause is called in this language: 'Paragraph 1 (iii)', 'Preambular paragraph 2'."""
        if clause.kind == "preamble":
            return self.t("label-preamble")
        if clause.kind == "preambular":
            return self.t("label-preambular", n=str(clause.ordinal))
        return self.t("label-operative", number=clause.cited or "")

    def permalink(self, clause: Clause) -> str:
        """The absolute address of a clause's own page in this language, as advocates share it."""
        return self.site_url + localised(self.language, clause_url(clause.id))

    def summit_dates(self) -> str:
        """The summit's dates as this language writes them, months in full: '11–12 décembre 2019'.

        CLDR rarely has a full-month interval pattern; the abbreviated one is widened instead."""
        start, end = self.catalogue.summit_start, self.catalogue.summit_end
        locale = self.language.date_locale
        formats = Locale.parse(locale).interval_formats
        skeleton = "yMMMMd" if "yMMMMd" in formats else "yMMMd"
        field = "y" if start.year != end.year else "M" if start.month != end.month else "d"
        first, second = (re.sub(r"(?<!M)MMM(?!M)", "MMMM", part) for part in formats[skeleton][field])
        return format_date(start, self.language.gregorian(first), locale=locale) + format_date(end, second, locale=locale)

    def long_date(self, value, pattern: str | None = None) -> str:
        """A date as this language writes it in full ('20 November 1989'), or by a Babel `pattern` ('y')."""
        locale = self.language.date_locale
        pattern = pattern or Locale.parse(locale).date_formats["long"].pattern
        return format_date(value, self.language.gregorian(pattern), locale=locale)

    def notice(self) -> str:
        if self.language.default:
            return ""
        draft = "" if self.language.published else f' {self.ui("draft-notice")}'
        return (f'<p class="translation-notice" role="note">'
                f'{self.ui("unofficial-translation")}{draft}</p>')

    def opening(self, name: str) -> list[str]:
        """The start of a page named by its `<name>-title` and `<name>-intro` strings: metadata, heading,
        the translation notice and the introduction."""
        return [markup.front_matter(self.t(f"{name}-title"), self.t(f"{name}-intro")),
                f"# {markup.heading(self.t(f'{name}-title'))} {{#title}}", self.notice(), f"<p>{self.ui(f'{name}-intro')}</p>"]

    def status_note(self, clause_id: str) -> str:
        if self.language.default:
            return ""
        resolved = self.catalogue.resolve(self.lang, "communique", clause_id)
        state = shown_state(resolved, self.lang, self.catalogue.default.code)
        reviewer = resolved.translation.reviewer if resolved.translation else None
        text = self.t(f"status-{state}", **({"name": reviewer or ""} if state == "reviewed" else {}))
        return f'<p class="clause__status clause__status--{state}">{html.escape(text)}</p>'
