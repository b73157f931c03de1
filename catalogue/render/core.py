"""Turn the catalogue into the Markdown of each generated page, in one language.

Pages are Markdown documents whose clause blocks are HTML built here from
validated strings, sanitised once more on the way out.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache

import nh3
from babel import Locale
from babel.dates import format_date

from catalogue.render import cite
from catalogue.domain.model import Catalogue, Clause, Link, Resolved, Status
from catalogue.validate.safety import plain, to_html
from catalogue.render.terms import annotate, terms

SITE_KEYS = (
    "site-name", "site-description", "full-text-title", "heading-preamble", "heading-operative",
    "label-preamble", "label-preambular", "label-operative", "facts-heading", "facts-dates", "facts-place",
    "summit-place", "sub-item-context", "permalink-title", "clause-page-link", "in-full-text",
    "previous-clause", "next-clause", "clause-sources-heading", "unofficial-translation",
    "status-machine-draft", "status-reviewed", "status-untranslated", "provision-article", "provision-capability", "draft-notice",
    # framework pages, crosswalk and open data (render/frameworks.py, render/opendata.py)
    "frameworks-title", "frameworks-intro", "kind-treaty", "kind-protocol", "kind-framework", "kind-statement",
    "kind-guidelines", "facts-kind", "facts-adopted-by", "facts-adopted", "facts-in-force", "facts-official-text",
    "not-confirmed", "no-official-text", "official-text-link", "provisions-heading", "cited-by",
    "cited-whole-heading", "not-cited", "crosswalk-title", "crosswalk-intro", "crosswalk-clause", "crosswalk-total",
    "crosswalk-list-heading", "open-data-title", "open-data-intro", "open-data-catalogue", "open-data-catalogue-csv",
    "open-data-crosswalk", "open-data-schemas",
    # plain words, glossary, translation status, footer (render/glossary.py, render/statuspage.py)
    "plain-heading", "glossary-title", "glossary-intro", "glossary-avoid", "status-title", "status-intro",
    "status-language", "status-publication", "status-translated", "status-published", "status-draft",
    "status-progress", "status-human-draft", "status-state-human-draft", "status-state-reviewed",
    "status-state-machine-draft", "status-state-stale", "status-state-invalid", "status-state-missing",
    "status-by-clause", "status-by-clause-intro", "footer-label",
    # copy link, cite, parallel view and offline copy (render/cite.py, render/parallel.py, publish/offline.py)
    "cite-document", "cite-place", "cite-template", "cite-clause-preamble", "cite-clause-preambular",
    "cite-clause-operative", "copy-link", "cite-button", "link-copied", "citation-copied", "cite-summary",
    "permalink-label", "cite-text-label", "cite-downloads", "parallel-link", "parallel-title", "parallel-intro",
    "parallel-index-title", "parallel-index-intro", "offline-download",
    # keeping a language for offline reading (render/opendata.py), the offline zip (publish/offline.py)
    "offline-reading-heading", "offline-reading-intro", "offline-reading-trace", "offline-reading-keep",
    "offline-reading-remove", "offline-reading-kept", "offline-reading-removed", "offline-reading-failed", "offline-find",
)
_TAGS = {"strong", "em", "a", "code"}
_ATTRIBUTES = {"a": {"href", "title"}}


@lru_cache(maxsize=None)
def _clean(fragment: str) -> str:
    """Only the inline HTML a catalogue string may produce (the checks refuse the rest; this is the backstop)."""
    return nh3.clean(fragment, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes={"https"}, link_rel="noopener noreferrer")


@lru_cache(maxsize=None)
def relative(from_url: str, to_url: str) -> str:
    """The link from one directory URL ('communique/op1-i/') to another ('communique/#op1-i')."""
    target, _, fragment = to_url.partition("#")
    path = posixpath.relpath(target or ".", from_url or ".")
    link = "./" if path == "." else path + "/"
    return link + ("#" + fragment if fragment else "")


def clause_url(clause_id: str) -> str:
    return f"communique/{clause_id}/"


PARALLEL_URL = "communique/parallel/"


@dataclass
class Page:
    """One generated page: where it goes and its Markdown."""

    src: str
    url: str
    markdown: str


class Renderer:
    """Renders the pages of one language."""

    def __init__(self, catalogue: Catalogue, lang: str, site_url: str = "") -> None:
        self.catalogue = catalogue
        self.lang = lang
        self.language = catalogue.language(lang)
        self._terms: tuple[tuple[str, str, str], ...] | None = None
        self.site_url = (site_url or "/").rstrip("/") + "/"

    def t(self, key: str, **values: str) -> str:
        """An interface string as plain text (escape it before putting it in HTML)."""
        return self.catalogue.text(self.lang, "site", key, **values)

    def ui(self, key: str, **values: str) -> str:
        """An interface string as HTML text, marked with its language when it falls back (draft languages)."""
        resolved = self.catalogue.resolve(self.lang, "site", key)
        text = resolved.text.format(**values) if values else resolved.text
        return self._mark(resolved, html.escape(text))

    def prose(self, domain: str, key: str, page_url: str) -> str:
        """Our own copy as inline HTML, with the first use of each glossary term linked to its definition."""
        if self._terms is None:
            self._terms = terms(self.catalogue, self.lang)
        return annotate(self.inline(domain, key), self._terms, relative(page_url, "glossary/"))

    def explanation(self, clause: Clause, page_url: str) -> str:
        """The clause 'in plain words', under the clause."""
        if (self.catalogue.default.code, "plain", clause.id) not in self.catalogue.usable:
            return ""
        return (f'<div class="clause__plain"><p class="clause__plain-heading">{self.ui("plain-heading")}</p>'
                f'<p>{self.prose("plain", clause.id, page_url)}</p></div>')

    def inline(self, domain: str, key: str) -> str:
        """A catalogue string as safe inline HTML, marked with its language when it falls back."""
        resolved = self.catalogue.resolve(self.lang, domain, key)
        return self._mark(resolved, _clean(to_html(resolved.text)))

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
        return self.site_url + self.language.prefix + clause_url(clause.id)

    def status_note(self, clause_id: str) -> str:
        if self.language.default:
            return ""
        resolved = self.catalogue.resolve(self.lang, "communique", clause_id)
        if resolved.is_fallback(self.lang):
            text, state = self.t("status-untranslated"), "untranslated"
        elif resolved.translation and resolved.translation.status is Status.REVIEWED:
            text, state = self.t("status-reviewed", name=resolved.translation.reviewer or ""), "reviewed"
        elif resolved.translation and resolved.translation.status is Status.HUMAN_DRAFT:
            text, state = self.t("status-human-draft"), "human-draft"
        else:
            text, state = self.t("status-machine-draft"), "machine-draft"
        return f'<p class="clause__status clause__status--{state}">{html.escape(text)}</p>'

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
                parts.append(f'<p class="clause__sources">{self.ui("clause-sources-heading")}: {sources}</p>')
        parts.append(self.status_note(clause.id))
        parts.append("</div>")
        return "\n".join(p for p in parts if p)

    def opening(self, name: str) -> list[str]:
        """The start of a page named by its `<name>-title` and `<name>-intro` strings: metadata, heading,
        the translation notice and the introduction."""
        return [_front_matter(self.t(f"{name}-title"), self.t(f"{name}-intro")),
                f"# {_heading(self.t(f'{name}-title'))} {{#title}}", self.notice(), f"<p>{self.ui(f'{name}-intro')}</p>"]

    def notice(self) -> str:
        if self.language.default:
            return ""
        draft = "" if self.language.published else f' {self.ui("draft-notice")}'
        return (f'<p class="translation-notice" role="note">'
                f'{self.ui("unofficial-translation")}{draft}</p>')

    def header(self) -> str:
        lines = [f'<p class="communique-header__line communique-header__line--{key}">'
                 f'{self.inline("communique", key)}</p>' for key in self.catalogue.header]
        return '<div class="communique-header">\n' + "\n".join(lines) + "\n</div>"

    def summit_dates(self) -> str:
        """The summit's dates as this language writes them, months in full: '11–12 décembre 2019'.

        CLDR rarely has a full-month interval pattern; the abbreviated one is widened instead."""
        start, end = self.catalogue.summit_start, self.catalogue.summit_end
        locale = self.language.date_locale
        formats = Locale.parse(locale).interval_formats
        skeleton = "yMMMMd" if "yMMMMd" in formats else "yMMMd"
        field = "y" if start.year != end.year else "M" if start.month != end.month else "d"
        first, second = (re.sub(r"(?<!M)MMM(?!M)", "MMMM", part) for part in formats[skeleton][field])
        return format_date(start, first, locale=locale) + format_date(end, second, locale=locale)

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
            _front_matter(self.t("full-text-title"), self.t("site-description")),
            f"# {_heading(title)} {{#communique}}",
            self.notice(), self.header(), self.facts(), self.parallel_link(url),
        ]
        groups = (("heading-preamble", ("preamble", "preambular")), ("heading-operative", ("operative",)))
        for heading_key, kinds in groups:
            blocks.append(f"## {_heading(self.t(heading_key))} {{#{heading_key.removeprefix('heading-')}-part}}")
            for clause in self.catalogue.clauses:
                if clause.kind not in kinds:
                    continue
                block = self.clause_block(clause, url, with_page_link=True)
                children = [self.clause_block(c, url, True) for c in self.catalogue.children(clause.id)]
                if children:
                    block = block.removesuffix("</div>") + '<div class="clause__items">\n' + \
                        "\n".join(children) + "\n</div>\n</div>"
                blocks.append(self._retired_anchors(clause.id) + block)
        return Page("communique/index.md", url, _join(blocks))

    def parallel_link(self, page_url: str) -> str:
        """The way from the full text to the parallel view (render/parallel.py)."""
        key = "parallel-index-title" if self.language.default else "parallel-link"
        return (f'<p class="parallel-link"><a href="{relative(page_url, PARALLEL_URL)}">'
                f'{html.escape(self.t(key))}</a></p>')

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
            _front_matter(label, text, self.jsonld(clause, label, text)),
            f"# {_heading(label)} {{#title}}",
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
        return Page(f"communique/{clause.id}.md", url, _join(blocks))

    def jsonld(self, clause: Clause, label: str, text: str) -> dict:
        """schema.org description of a clause, for search engines and citation tools."""
        resolved = self.catalogue.resolve(self.lang, "communique", clause.id)
        official = [i.url for i in (self.catalogue.instrument(link.instrument) for link in self.catalogue.links_of(clause.id))
                    if i is not None and i.url]
        return {
            "@context": "https://schema.org", "@type": "CreativeWork", "identifier": clause.id,
            "name": label, "text": text, "inLanguage": resolved.lang,
            "isPartOf": {"@type": "CreativeWork", "name": plain(self.catalogue.resolve(self.lang, "communique", "title").text),
                         "dateCreated": self.catalogue.summit_end.isoformat(),
                         "locationCreated": self.t("summit-place")},
            "citation": list(dict.fromkeys(official)),
        }

    def sources(self, clause: Clause, page_url: str) -> str:
        links = self.catalogue.links_of(clause.id)
        if not links:
            return ""
        items = []
        for instrument_id in dict.fromkeys(link.instrument for link in links):
            name = self.inline("frameworks", f"{instrument_id}.name")
            href = relative(page_url, f"frameworks/{instrument_id}/")
            rows = "\n".join(self.source_row(link, page_url) for link in links if link.instrument == instrument_id)
            items.append(f'<li id="sources-{instrument_id}"><a href="{href}">{name}</a>\n<ul>\n{rows}\n</ul></li>')
        heading = self.t("clause-sources-heading")
        return (f"## {_heading(heading)} {{#sources}}\n\n"
                f'<ul class="clause-sources">\n' + "\n".join(items) + "\n</ul>")

    def provision_label(self, instrument_id: str, provision_id: str) -> str:
        instrument = self.catalogue.instrument(instrument_id)
        provision = instrument.provision(provision_id) if instrument else None
        kind = "capability" if provision_id.startswith("capability-") else "article"
        return self.t(f"provision-{kind}", number=provision.number if provision else provision_id)

    def source_row(self, link: Link, page_url: str) -> str:
        relation = self.inline("frameworks", f"relation.{link.relation}")
        rationale = self.prose("links", link.key, page_url)
        if link.provision:
            href = relative(page_url, f"frameworks/{link.instrument}/#{link.provision}")
            label = html.escape(self.provision_label(link.instrument, link.provision))
            heading = self.inline("frameworks", f"{link.instrument}.{link.provision}")
            target = f'<a href="{href}">{label}</a>: {heading}'
        else:
            href = relative(page_url, f"frameworks/{link.instrument}/")
            target = f'<a href="{href}">{self.inline("frameworks", f"{link.instrument}.short")}</a>'
        return (f'<li class="source" data-relation="{link.relation}"><span class="source__relation">{relation}</span> '
                f'{target}<p class="source__rationale">{rationale}</p></li>')

    def target_href(self, link: Link, page_url: str) -> str:
        fragment = f"#{link.provision}" if link.provision else ""
        return relative(page_url, f"frameworks/{link.instrument}/{fragment}")

    def target_label(self, link: Link) -> str:
        short = self.inline("frameworks", f"{link.instrument}.short")
        if not link.provision:
            return short
        label = html.escape(self.provision_label(link.instrument, link.provision))
        return f"{short}{self.language.list_separator}{label}"

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


def _heading(text: str) -> str:
    """Text safe inside a Markdown heading."""
    return re.sub(r"([\\`*_{}\[\]<>#|])", r"\\\1", text)


def _front_matter(title: str, description: str, jsonld: dict | None = None, extra: tuple[str, ...] = ()) -> str:
    """The page's metadata; `extra`: lines of the site's own settings (Material's `hide`, `offline_reading`)."""
    lines = [f"title: {json.dumps(title, ensure_ascii=False)}",
             f"description: {json.dumps(description, ensure_ascii=False)}", *extra]
    if jsonld:
        data = json.dumps(jsonld, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
        lines.append(f"jsonld: {json.dumps(data, ensure_ascii=False)}")
    return "---\n" + "\n".join(lines) + "\n---"


def _join(blocks: list[str]) -> str:
    return "\n\n".join(b for b in blocks if b) + "\n"
