"""Every translation key the site uses, in one registry: the renderers build keys with these
functions and the checks require exactly the keys `expected` lists, so a key a page shows can
never be one the checks do not know (an MNR provision with `domain: 9` needs `mnr.domain-9`)."""

from __future__ import annotations

from catalogue.domain.model import Catalogue, Link

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
    "cited-whole-heading", "related-heading", "related-intro", "heading-official", "heading-own", "heading-official-note",
    "heading-own-note", "facts-launched", "facts-binds", "binds-treaty", "binds-none", "relations-heading",
    "relations-intro", "crosswalk-title", "crosswalk-intro", "crosswalk-clause", "crosswalk-total",
    "crosswalk-list-heading", "open-data-title", "open-data-intro", "open-data-catalogue", "open-data-catalogue-csv",
    "open-data-crosswalk", "open-data-schemas", "open-data-akn",
    # plain words, glossary, translation status, footer (render/glossary.py, render/statuspage.py)
    "plain-heading", "glossary-title", "glossary-intro", "glossary-avoid", "status-title", "status-intro",
    "status-language", "status-publication", "status-translated", "status-published", "status-draft",
    "status-progress", "status-human-draft", "status-state-human-draft", "status-state-reviewed",
    "status-state-machine-draft", "status-state-stale", "status-state-invalid", "status-state-missing",
    "status-by-clause", "status-by-clause-intro", "footer-label",
    # copy link, cite, parallel view and offline copy (render/cite.py, render/parallel.py, publish/offline.py)
    "cite-document", "cite-place", "cite-template", "cite-clause-preamble", "cite-clause-preambular",
    "cite-clause-operative", "copy-link", "cite-button", "link-copied", "citation-copied", "cite-summary",
    "permalink-label", "cite-text-label", "cite-downloads", "cite-issuer", "cite-no-csl-locale", "parallel-link", "parallel-title", "parallel-intro",
    "parallel-index-title", "parallel-index-intro", "offline-download",
    # keeping a language for offline reading (render/opendata.py), the offline zip (publish/offline.py)
    "offline-reading-heading", "offline-reading-intro", "offline-reading-trace", "offline-reading-keep",
    "offline-reading-remove", "offline-reading-kept", "offline-reading-removed", "offline-reading-failed", "offline-find",
)
# The interface strings the renderers fill in, and the {placeholders} each is given: an English
# string may use no other (a typo such as {numbr} would stop the build).
PLACEHOLDERS = {
    "label-preambular": {"n"}, "label-operative": {"number"}, "sub-item-context": {"number"},
    "permalink-title": {"label"}, "clause-page-link": {"label"}, "previous-clause": {"label"}, "next-clause": {"label"},
    "status-reviewed": {"name"}, "provision-article": {"number"}, "provision-capability": {"number"},
    "status-progress": {"percent"}, "cite-template": {"document", "place", "dates", "clause", "url"},
    "cite-clause-preambular": {"n"}, "cite-clause-operative": {"number"},
}
INSTRUMENT_PARTS = ("name", "short", "summary", "adopted-by")


def instrument(instrument_id: str, part: str) -> str:
    """The key of one of an instrument's texts (`part` in INSTRUMENT_PARTS): 'crc.name'."""
    return f"{instrument_id}.{part}"


def provision(instrument_id: str, provision_id: str) -> str:
    """The key of a provision's heading: 'crc.art-34'."""
    return f"{instrument_id}.{provision_id}"


def domain(instrument_id: str, number: int) -> str:
    """The key of the heading of a numbered group of provisions (the MNR's domains): 'mnr.domain-3'."""
    return f"{instrument_id}.domain-{number}"


def relation(name: str, reverse: bool = False) -> str:
    """The key of a relation as a clause states it ('relation.implements'), or as the provision's
    page states it back (`reverse`: 'relation.implements.reverse')."""
    return f"relation.{name}" + (".reverse" if reverse else "")


def definition(name: str) -> str:
    """The key of a relation's one-sentence definition, shown where the links are explained."""
    return f"relation.{name}.definition"


def rationale(link: Link) -> str:
    """The key of a link's rationale in links.yml: 'op1-iii/crc/art-34'."""
    return link.key


def expected(catalogue: Catalogue) -> dict[str, set[str] | None]:
    """The keys each English file must define."""
    frameworks = {relation(r, reverse) for r in catalogue.relations for reverse in (False, True)}
    frameworks |= {definition(r) for r in catalogue.relations}
    for item in catalogue.instruments:
        frameworks |= {instrument(item.id, part) for part in INSTRUMENT_PARTS}
        frameworks |= {provision(item.id, p.id) for p in item.provisions}
        frameworks |= {domain(item.id, p.domain) for p in item.provisions if p.domain is not None}
    source = catalogue.default.code
    return {
        "communique": {"title", *catalogue.header, *(c.id for c in catalogue.clauses)},
        "plain": {c.id for c in catalogue.clauses},
        "glossary": {k for (lang, d, k) in catalogue.strings if lang == source and d == "glossary"},
        "site": set(SITE_KEYS),
        "frameworks": frameworks,
        "links": {rationale(link) for link in catalogue.links},
    }
