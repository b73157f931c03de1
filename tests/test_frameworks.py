"""Cross-references on the built site: every clause → provision link lands on an anchor
that exists, every such link has its backlink, and the open data validates."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

import jsonschema
import pytest

from catalogue import load
from tests.helpers import CODES, ROOT, languages, prefix

CATALOGUE, _ = load(ROOT, languages())
INSTRUMENTS = ["crc", "opsc", "acrwc", "malabo", "mnr", "gsr", "statement-of-action", "luxembourg-guidelines"]


def _resolve(site_dir: Path, page_url: str, href: str) -> tuple[Path, str]:
    target = urljoin("/" + page_url, href)
    path, _, fragment = target.partition("#")
    return site_dir / path.lstrip("/") / "index.html", fragment


def test_every_instrument_has_a_page_in_every_language(site):
    assert [i.id for i in CATALOGUE.instruments] == INSTRUMENTS
    for code in CODES:
        index = site.html(f"{prefix(code)}frameworks/")
        for instrument in INSTRUMENTS:
            assert index.select_one(f'a[href="{instrument}/"]'), (code, instrument)
            page = site.html(f"{prefix(code)}frameworks/{instrument}/")
            assert page.h1.get_text(strip=True)


@pytest.mark.parametrize("code", CODES)
def test_every_source_link_of_a_clause_lands_on_an_existing_anchor(site, code):
    from bs4 import BeautifulSoup

    for clause in CATALOGUE.clauses:
        url = f"{prefix(code)}communique/{clause.id}/"
        page = site.html(url)
        links = page.select(".clause-sources .source > a")
        assert len(links) == len(CATALOGUE.links_of(clause.id)), (code, clause.id)
        for a in links:
            file, fragment = _resolve(site.site, url, a["href"])
            assert file.is_file(), (code, clause.id, a["href"])
            if fragment:
                target = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
                assert target.find(id=fragment), (code, clause.id, a["href"])


@pytest.mark.parametrize("code", CODES)
def test_every_link_has_its_backlink_on_the_framework_page(site, code):
    for link in CATALOGUE.links:
        page = site.html(f"{prefix(code)}frameworks/{link.instrument}/")
        scope = page.find(id=link.provision).find_next(class_="cited-by") if link.provision \
            else page.find(id="whole").find_next(class_="cited-by")
        backlinks = scope.select(f'li.backlink[data-clause="{link.clause}"][data-relation="{link.relation}"] a')
        assert backlinks, (code, link.key)
        file, fragment = _resolve(site.site, f"{prefix(code)}frameworks/{link.instrument}/", backlinks[0]["href"])
        assert file.is_file() and fragment == "sources"


@pytest.mark.parametrize("code", CODES)
def test_crosswalk_counts_every_link_and_each_cell_leads_to_the_detail(site, code):
    url = f"{prefix(code)}crosswalk/"
    page = site.html(url)
    table = page.select_one("table.crosswalk")
    assert table.select('thead th[scope="col"]')
    total = 0
    for cell in table.select("td[data-count]"):
        count = int(cell["data-count"])
        total += count
        if count:
            file, fragment = _resolve(site.site, url, cell.a["href"])
            assert file.is_file() and fragment.startswith("sources-")
    assert total == len(CATALOGUE.links)


def test_every_clause_cites_at_least_one_provision():
    for clause in CATALOGUE.clauses:
        assert any(link.provision for link in CATALOGUE.links_of(clause.id)), clause.id
    named = {"op1-viii": {"crc", "opsc", "acrwc"}, "op3": {"malabo", "mnr"}, "op2": {"statement-of-action"}}
    for clause, instruments in named.items():
        assert instruments <= {link.instrument for link in CATALOGUE.links_of(clause)}, clause


def test_published_json_validates_against_its_schema(site):
    schemas = ROOT / "schemas"
    catalogue_schema = json.loads((schemas / "catalogue.schema.json").read_text())
    for code in CODES:
        data = json.loads((site.site / "open-data" / f"catalogue.{code}.json").read_text(encoding="utf-8"))
        jsonschema.validate(data, catalogue_schema, format_checker=jsonschema.FormatChecker())
        assert data["language"] == code and len(data["clauses"]) == 15
        assert (site.site / "open-data" / f"links.{code}.csv").read_text(encoding="utf-8").count("\n") == \
            len(CATALOGUE.links) + 1
    crosswalk = json.loads((site.site / "open-data" / "crosswalk.json").read_text())
    jsonschema.validate(crosswalk, json.loads((schemas / "crosswalk.schema.json").read_text()))
    assert len(crosswalk["links"]) == len(CATALOGUE.links)


def test_clause_pages_carry_schema_org_data(site):
    page = site.html("fr/communique/op1-viii/")
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "CreativeWork" and data["identifier"] == "op1-viii" and data["inLanguage"] == "fr"
    assert "https://www.ohchr.org/en/instruments-mechanisms/instruments/convention-rights-child" in data["citation"]


@pytest.mark.parametrize("code", CODES)
def test_full_text_shows_each_clause_sources_with_working_anchors(site, code):
    from bs4 import BeautifulSoup

    url = f"{prefix(code)}communique/"
    page = site.html(url)
    for clause in CATALOGUE.clauses:
        links = page.find(id=clause.id, class_="clause").select(":scope > .clause__sources a")
        assert len(links) == len(CATALOGUE.links_of(clause.id)), (code, clause.id)
        for a in links:
            file, fragment = _resolve(site.site, url, a["href"])
            target = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
            assert not fragment or target.find(id=fragment), (code, clause.id, a["href"])


# --- The relation vocabulary of a political declaration ------------------------------------------

# The communique is a declaration of delegates, not a treaty: these are the only relations it can have.
DECLARATION_RELATIONS = ["names", "supports-implementation-of", "calls-for-endorsement-of",
                         "calls-for-reaffirmation-of", "echoes-duty-in", "draws-on", "relates-to", "uses-terms-of"]
REMOVED = {"gives-effect-to": ("Gives effect to", "Given effect by"), "applies": ("Applies", "Applied by")}


def test_the_relation_vocabulary_is_the_one_of_a_declaration():
    assert list(CATALOGUE.relations) == DECLARATION_RELATIONS
    assert set(CATALOGUE.removed_relations) == set(REMOVED)
    assert {link.relation for link in CATALOGUE.links} <= set(DECLARATION_RELATIONS)


def test_no_built_page_or_file_uses_a_removed_relation(site):
    pages = sorted(site.site.rglob("*.html")) + sorted(path for pattern in ("*.json", "*.csv")
                                                       for path in (site.site / "open-data").glob(pattern))
    assert len(pages) > 100
    for file in pages:
        text = file.read_text(encoding="utf-8")
        for relation, labels in REMOVED.items():
            assert f'data-relation="{relation}"' not in text and f'"{relation}"' not in text, (file, relation)
            assert f",{relation}," not in text, (file, relation)
            if file.suffix == ".html" and not file.relative_to(site.site).parts[0] in CODES[1:]:
                assert not any(f">{label} " in text or f">{label}<" in text for label in labels), (file, labels)


@pytest.mark.parametrize("code", CODES)
def test_every_link_on_the_site_uses_the_declaration_vocabulary(site, code):
    for clause in CATALOGUE.clauses:
        page = site.html(f"{prefix(code)}communique/{clause.id}/")
        relations = [row["data-relation"] for row in page.select(".clause-sources .source")]
        assert relations and set(relations) <= set(DECLARATION_RELATIONS), (code, clause.id)


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("path", ["crosswalk/", "frameworks/"])
def test_the_links_are_defined_in_one_sentence_each_where_they_are_explained(site, code, path):
    page = site.html(f"{prefix(code)}{path}")
    definitions = page.select_one("dl.relations")
    assert page.find(id="relations") and definitions, (code, path)
    for relation in DECLARATION_RELATIONS:
        term = definitions.find("dt", id=f"relation-{relation}")
        assert term and term.get_text(strip=True), (code, relation)
        definition = term.find_next_sibling("dd").get_text(strip=True)
        assert len(definition) > 10 and not term.find_next_sibling("dd").find(lang=True), (code, relation)


def test_the_definitions_say_a_declaration_does_not_carry_out_a_duty(site):
    definitions = site.html("crosswalk/").select_one("dl.relations")
    echoes = definitions.find(id="relation-echoes-duty-in").find_next_sibling("dd").get_text()
    assert "does not itself carry out" in echoes
    assert "cites no article" in site.html("crosswalk/").select_one("#relations + p").get_text()


# --- Framework pages: related provisions, official titles, what is known --------------------------

@pytest.mark.parametrize("code", CODES)
def test_provisions_no_clause_cites_are_listed_apart_as_related(site, code):
    for instrument in CATALOGUE.instruments:
        page = site.html(f"{prefix(code)}frameworks/{instrument.id}/")
        related = page.find(id="related")
        for provision in instrument.provisions:
            heading = page.find(id=provision.id)
            cited = bool(CATALOGUE.links_to(instrument.id, provision.id))
            after_related = related is not None and related in heading.find_all_previous("h2")
            assert after_related is not cited, (code, instrument.id, provision.id)
    assert site.html(f"{prefix(code)}frameworks/crc/").find(id="related")


@pytest.mark.parametrize("code", CODES)
def test_each_heading_says_whether_it_is_an_official_title(site, code):
    def kind(instrument: str, provision: str) -> str:
        page = site.html(f"{prefix(code)}frameworks/{instrument}/")
        note = page.find(id=provision).find_next(class_="provision-heading__kind")
        return next(c.rsplit("--", 1)[1] for c in note["class"] if "--" in c)

    assert kind("acrwc", "art-27") == kind("malabo", "art-28") == kind("mnr", "capability-14") == "official"
    assert kind("crc", "art-34") == kind("opsc", "art-3") == kind("malabo", "art-29-3-1-c") == "own"
    row = site.html(f"{prefix(code)}communique/pp1/").select_one('.source .provision-heading--official')
    assert row and row.find_next_sibling(class_="provision-heading__kind").get_text(strip=True)


def test_only_provisions_with_official_titles_are_marked_official():
    official = {f"{i.id}/{p.id}" for i in CATALOGUE.instruments for p in i.provisions if p.official_heading}
    assert {i for i in official if i.startswith(("crc/", "opsc/"))} == set()
    assert {f"acrwc/{p.id}" for p in CATALOGUE.instrument("acrwc").provisions} <= official
    assert "malabo/art-31" not in official and "malabo/art-29-3-1-a" not in official


def test_the_model_national_response_shows_its_launch_year_not_an_unconfirmed_adoption(site):
    facts = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True)
             for dt in site.html("frameworks/mnr/").select(".instrument-facts dt")}
    assert facts.get("Launched") == "2015" and "Adopted" not in facts
    assert facts["Binding force"] == "Not binding: it is not a treaty"
    assert "Not confirmed" not in site.html("frameworks/mnr/").select_one(".instrument-facts").get_text()


@pytest.mark.parametrize("instrument, binding", [("crc", True), ("opsc", True), ("malabo", True), ("mnr", False),
                                                 ("gsr", False), ("luxembourg-guidelines", False)])
def test_each_framework_page_says_whether_it_binds(site, instrument, binding):
    facts = site.html(f"frameworks/{instrument}/").select_one(".instrument-facts").get_text()
    assert ("Binds only the States that are party to it" in facts) is binding
    assert ("Not binding: it is not a treaty" in facts) is not binding


def test_amharic_gregorian_dates_carry_the_era_mark(site):
    facts = [dd.get_text(strip=True) for dd in site.html("am/frameworks/crc/").select(".instrument-facts dd")]
    assert "እ.ኤ.አ. 20 ኖቬምበር 1989" in facts
    assert "እ.ኤ.አ. 2015" in site.html("am/frameworks/mnr/").select_one(".instrument-facts").get_text()
    assert site.html("am/communique/").select_one(".summit-facts dd").get_text().startswith("እ.ኤ.አ. ")
    assert "እ.ኤ.አ." not in site.html("fr/frameworks/crc/").select_one(".instrument-facts").get_text()


# --- Links a specialist expects ------------------------------------------------------------------

@pytest.mark.parametrize("clause, target", [
    ("op1-iv", "crc/art-3"), ("op1-iv", "mnr/capability-14"), ("op1-viii", "acrwc/art-46"), ("pp3", "opsc/art-6")])
def test_links_a_specialist_expects_are_present(clause, target):
    assert target in {str(link.target) for link in CATALOGUE.links_of(clause)}


def test_the_optional_protocol_lists_its_articles_on_extradition_assistance_and_seizure():
    assert {"art-5", "art-6", "art-7"} <= {p.id for p in CATALOGUE.instrument("opsc").provisions}
