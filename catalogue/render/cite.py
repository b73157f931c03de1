"""How an advocate cites a clause: the citation in the page's language, its permanent
link, the same as RIS and CSL-JSON for reference managers, and the tools that offer them.

Everything here is in the page without JavaScript; docs/assets/reader.js only adds the copy buttons.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from datetime import date

from catalogue.domain.model import Clause
from catalogue.render.text import Text

RIS = ("cite.ris", "application/x-research-info-systems", "RIS")
CSL_JSON = ("cite.json", "application/vnd.citationstyles.csl+json", "CSL-JSON")


@dataclass(frozen=True)
class Citation:
    """One clause cited in one language."""

    clause: str
    lang: str
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


def pinpoint(renderer: Text, clause: Clause) -> str:
    """Where in the communique, as a citation writes it: 'para. 1 (iii)'."""
    if clause.kind == "preamble":
        return renderer.t("cite-clause-preamble")
    if clause.kind == "preambular":
        return renderer.t("cite-clause-preambular", n=str(clause.ordinal))
    return renderer.t("cite-clause-operative", number=clause.cited or "")


def citation(renderer: Text, clause: Clause) -> Citation:
    catalogue = renderer.catalogue
    parts = {"document": renderer.t("cite-document"), "place": renderer.t("cite-place"),
             "pinpoint": pinpoint(renderer, clause), "url": renderer.permalink(clause)}
    text = renderer.t("cite-template", dates=renderer.summit_dates(), clause=parts["pinpoint"],
                      document=parts["document"], place=parts["place"], url=parts["url"])
    note = "" if renderer.language.default else renderer.t("unofficial-translation")
    return Citation(clause.id, renderer.lang, text=text, start=catalogue.summit_start, end=catalogue.summit_end,
                    note=note, **parts)


def ris(c: Citation) -> str:
    """The citation as an RIS record (CRLF lines, as the format asks)."""
    tags = [("TY", "GEN"), ("TI", c.document), ("SE", c.pinpoint), ("CY", c.place), ("PY", str(c.end.year)),
            ("DA", c.end.strftime("%Y/%m/%d/")), ("UR", c.url), ("LA", c.lang), ("N1", c.note), ("ER", "")]
    return "".join(f"{tag}  - {value}\r\n" for tag, value in tags if value or tag == "ER")


def csl_json(c: Citation) -> str:
    """The citation as CSL-JSON (a list of one item), as Zotero and citeproc read it."""
    item = {
        "id": c.name, "type": "document", "title": c.document, "section": c.pinpoint,
        "publisher-place": c.place, "event-place": c.place,
        "event-date": {"date-parts": [_parts(c.start), _parts(c.end)]},
        "issued": {"date-parts": [_parts(c.end)]}, "URL": c.url, "language": c.lang,
    }
    if c.note:
        item["note"] = c.note
    return json.dumps([item], ensure_ascii=False, indent=1) + "\n"


def files(renderer: Text) -> dict[str, str]:
    """Every clause's RIS and CSL-JSON files in this language, by path from the site root."""
    result = {}
    for clause in renderer.catalogue.clauses:
        c = citation(renderer, clause)
        folder = renderer.language.prefix + f"communique/{clause.id}/"
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
        f'<p>{esc(renderer.t("cite-downloads"))} {downloads}</p>\n'
        f"</details>\n</div>"
    )


def _isolated(text: str, url: str) -> str:
    """The citation with its address kept left-to-right inside right-to-left text."""
    return text.replace(url, f'<bdi dir="ltr">{url}</bdi>')


def _parts(value: date) -> list[int]:
    return [value.year, value.month, value.day]
