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
