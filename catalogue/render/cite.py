"""How an advocate cites a clause: the citation in the page's language, its permanent
link, the same as RIS and CSL-JSON for reference managers, and the tools that offer them.

Everything here is in the page without JavaScript; docs/assets/reader.js only adds the copy buttons.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import date

from catalogue.domain.model import Clause
from catalogue.render.text import Text
from catalogue.render.urls import clause_url, localised

_BREAKS = re.compile(r"[\x00-\x20\x7f-\x9f\u2028\u2029]+")  # no-break spaces stay


def one_line(text: str) -> str:
    """`text` with every run of whitespace, line breaks and control characters made one space:
    a field of a line-based format (RIS, CSV) cannot start a new line or record."""
    return _BREAKS.sub(" ", text).strip()


RIS = ("cite.ris", "application/x-research-info-systems", "RIS")
CSL_JSON = ("cite.json", "application/vnd.citationstyles.csl+json", "CSL-JSON")
# The site's languages the CSL locales repository has a locale for; the others' files are
# formatted with a reference manager's default (English) terms, which the page says.
CSL_LOCALES = {"en": "en-GB", "fr": "fr-FR", "ar": "ar", "pt": "pt-PT", "es": "es-ES"}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Citation:
    """One clause cited in one language."""

    clause: str
    lang: str
    issuer: str
    document: str
    place: str
    pinpoint: str
    url: str
    text: str
    start: date
    end: date
    note: str = ""

    @property
    def name(self) -> str:
        """The file name a download is saved under."""
        return f"addis-ababa-communique-2019-{self.clause}-{self.lang}"

    @property
    def title(self) -> str:
        """The communique's title as written, then the paragraph: styles print a title once,
        and two clauses cited together stay two distinct works."""
        return f"{self.document}, {self.pinpoint}"


def pinpoint(renderer: Text, clause: Clause) -> str:
    """Where in the communique, as a citation writes it: 'para. 1 (iii)'."""
    if clause.kind == "preamble":
        return renderer.t("cite-clause-preamble")
    if clause.kind == "preambular":
        return renderer.t("cite-clause-preambular", n=str(clause.ordinal))
    return renderer.t("cite-clause-operative", number=clause.cited or "")


def citation(renderer: Text, clause: Clause) -> Citation:
    catalogue = renderer.catalogue
    parts = {"issuer": renderer.t("cite-issuer"), "document": renderer.t("cite-document"), "place": renderer.t("cite-place"),
             "pinpoint": pinpoint(renderer, clause), "url": renderer.permalink(clause)}
    text = renderer.t("cite-template", dates=renderer.summit_dates(), clause=parts["pinpoint"],
                      document=parts["document"], place=parts["place"], url=parts["url"])
    note = "" if renderer.language.default else renderer.t("unofficial-translation")
    return Citation(clause.id, renderer.lang, text=one_line(text), start=catalogue.summit_start,
                    end=catalogue.summit_end, note=one_line(note), **{key: one_line(value) for key, value in parts.items()})


def ris(c: Citation) -> str:
    """The citation as an RIS record (CRLF lines, as the format asks). GOVDOC is the type
    Zotero's RIS import turns into a report with its author, place and date (GEN would
    become a journal article); the issuer is one corporate author (no comma)."""
    tags = [("TY", "GOVDOC"), ("AU", c.issuer), ("TI", c.title), ("CY", c.place), ("PY", str(c.end.year)),
            ("DA", c.end.strftime("%Y/%m/%d/")), ("UR", c.url), ("LA", c.lang), ("N1", c.note), ("ER", "")]
    return "".join(f"{tag}  - {_CONTROL.sub(' ', value)}\r\n" for tag, value in tags if value or tag == "ER")


def csl_json(c: Citation) -> str:
    """The citation as CSL-JSON (a list of one item), as Zotero and citeproc read it.

    Type `speech` (a text delivered at an event) is the one whose event-place and event-date
    OSCOLA, Chicago and MLA print once each; `document` makes OSCOLA drop both. The paragraph
    is in the title, protected from title-casing, because no style prints `section`.
    """
    item = {
        "id": c.name, "type": "speech", "author": [{"literal": c.issuer}],
        "title": f'{html.escape(c.document, quote=False)}, <span class="nocase">{html.escape(c.pinpoint, quote=False)}</span>',
        "event-place": c.place, "event-date": {"date-parts": [_parts(c.start), _parts(c.end)]},
        "issued": {"date-parts": [_parts(c.end)]}, "URL": c.url, "language": CSL_LOCALES.get(c.lang, c.lang),
    }
    if c.note:
        item["note"] = c.note
    return json.dumps([item], ensure_ascii=False, indent=1) + "\n"


def page_meta(renderer: Text, clause: Clause | None = None) -> list[tuple[str, str]]:
    """The <meta> names and values Zotero's "Embedded Metadata" translator reads from a page:
    Highwire `citation_*` and Dublin Core `DC.*`; `clause` None is the full text. DC.type names the
    Zotero item type (`presentation`, as cite.json's `speech` imports), since Highwire's
    `citation_title` alone makes a journal article."""
    issued = renderer.catalogue.summit_end
    if clause is None:
        title = renderer.t("cite-document")
        url = renderer.site_url + renderer.language.prefix + "communique/"
    else:
        c = citation(renderer, clause)
        title, url = c.title, c.url
    issuer = renderer.t("cite-issuer")
    return [("citation_title", title), ("citation_author", issuer), ("citation_date", issued.strftime("%Y/%m/%d")),
            ("citation_language", renderer.lang), ("citation_public_url", url),
            ("DC.title", title), ("DC.creator", issuer), ("DC.date", issued.isoformat()),
            ("DC.language", renderer.lang), ("DC.type", "presentation"), ("DC.identifier", url),
            ("DCTERMS.spatial", renderer.t("cite-place"))]


def files(renderer: Text) -> dict[str, str]:
    """Every clause's RIS and CSL-JSON files in this language, by path from the site root."""
    result = {}
    for clause in renderer.catalogue.clauses:
        c = citation(renderer, clause)
        folder = localised(renderer.language, clause_url(clause.id))
        result[folder + RIS[0]] = ris(c)
        result[folder + CSL_JSON[0]] = csl_json(c)
    return result


def tools(renderer: Text, clause: Clause, page_href: str) -> str:
    """The copy-link and cite buttons (shown by reader.js) and, for everyone, the citation itself.

    `page_href` is the clause's own page relative to the page being rendered ('./', 'op1-iii/').
    Search leaves it out: the same citation under every clause would match every query.
    """
    c = citation(renderer, clause)
    esc = html.escape
    box = f"cite-{clause.id}"

    def button(key: str, source: str, done: str, controls: str = "") -> str:
        extra = f' aria-controls="{controls}"' if controls else ""
        return (f'<button type="button" class="clause-tools__button" data-copy="{source}" '
                f'data-done="{esc(renderer.t(done))}"{extra}>{esc(renderer.t(key))}</button>')

    downloads = " · ".join(
        f'<a href="{page_href}{name}" download="{c.name}.{name.rsplit(".", 1)[1]}" type="{kind}">{label}</a>'
        for name, kind, label in (RIS, CSL_JSON))
    return (
        f'<div class="clause-tools" data-pagefind-ignore role="group" aria-label="{esc(renderer.label(clause))}">\n'
        f'{button("copy-link", ".cite__permalink", "link-copied")}\n'
        f'{button("cite-button", ".cite__text", "citation-copied", box)}\n'
        f'<span class="clause-tools__status" role="status"></span>\n'
        f'<details class="cite" id="{box}"><summary>{esc(renderer.t("cite-summary"))}</summary>\n'
        f'<p>{esc(renderer.t("permalink-label"))} <a class="cite__permalink" href="{esc(c.url)}">{esc(c.url)}</a></p>\n'
        f'<p>{esc(renderer.t("cite-text-label"))} <span class="cite__text">{_isolated(esc(c.text), esc(c.url))}</span></p>\n'
        f'<p>{esc(renderer.t("cite-downloads"))} {downloads}{_no_locale(renderer)}</p>\n'
        f"</details>\n</div>"
    )


def _no_locale(renderer: Text) -> str:
    """Beside the downloads, where CSL has no locale for the page's language."""
    if renderer.lang in CSL_LOCALES:
        return ""
    return f' <span class="cite__no-locale">{html.escape(renderer.t("cite-no-csl-locale"))}</span>'


def _isolated(text: str, url: str) -> str:
    """The citation with its address kept left-to-right inside right-to-left text."""
    return text.replace(url, f'<bdi dir="ltr">{url}</bdi>')


def _parts(value: date) -> list[int]:
    return [value.year, value.month, value.day]
