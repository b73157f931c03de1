"""The core of citing and reading offline, without a build: the citation, its RIS and
CSL-JSON, and how the offline copy rewrites links."""

from __future__ import annotations

import json

import pytest

from catalogue import load
from catalogue.render import cite
from catalogue.publish.offline import rewrite
from catalogue.render.core import Renderer
from tests.helpers import ROOT, languages

pytestmark = pytest.mark.core  # the engine-free core: no site is built (make test-fast)

SITE = "https://example.org/"


@pytest.fixture(scope="module")
def catalogue():
    found, problems = load(ROOT, languages())
    assert not problems
    return found


def test_english_citation_names_the_summit_place_dates_and_paragraph(catalogue):
    renderer = Renderer(catalogue, "en", SITE)
    citation = cite.citation(renderer, catalogue.clause("op1-iii"))
    assert citation.text == ("Communique of the Global Summit to Tackle Online Child Sexual Exploitation, Addis Ababa, "
                             "11–12 December 2019, para. 1 (iii). https://example.org/communique/op1-iii/")


@pytest.mark.parametrize("code, dates, pinpoint", [
    ("fr", "11–12 décembre 2019", "alinéa 2 du préambule"),
    ("es", "11–12 de diciembre de 2019", "párr. 2 del preámbulo"),
    ("am", "ዲሴምበር 11–12፣ 2019", "የመግቢያ አንቀጽ 2"),
])
def test_citation_is_in_the_pages_language_with_months_in_full(catalogue, code, dates, pinpoint):
    citation = cite.citation(Renderer(catalogue, code, SITE), catalogue.clause("pp2"))
    assert dates in citation.text and pinpoint in citation.text
    assert citation.text.endswith(f"https://example.org/{code}/communique/pp2/")


def test_ris_has_one_tag_per_crlf_line_from_ty_to_er(catalogue):
    record = cite.ris(cite.citation(Renderer(catalogue, "ar", SITE), catalogue.clause("op2")))
    lines = record.split("\r\n")
    assert lines[0] == "TY  - GOVDOC" and lines[-2:] == ["ER  - ", ""]
    assert "UR  - https://example.org/ar/communique/op2/" in lines and "LA  - ar" in lines
    assert any(line.startswith("N1  - ") for line in lines), "a translation is noted as unofficial"


def test_csl_json_is_one_item_by_the_summit_titled_with_its_paragraph_issued_on_the_last_day(catalogue):
    [item] = json.loads(cite.csl_json(cite.citation(Renderer(catalogue, "en", SITE), catalogue.clause("preamble"))))
    assert item["type"] == "speech" and "note" not in item
    assert item["author"] == [{"literal": "Global Summit to Tackle Online Child Sexual Exploitation"}]
    assert item["title"] == ('Communique of the Global Summit to Tackle Online Child Sexual Exploitation, '
                             '<span class="nocase">preamble</span>')
    assert item["event-place"] == "Addis Ababa" and item["language"] == "en-GB"
    assert item["issued"] == {"date-parts": [[2019, 12, 12]]}
    assert item["event-date"] == {"date-parts": [[2019, 12, 11], [2019, 12, 12]]}


PAGE = "fr/communique/op1-iii/index.html"
MEMBERS = {PAGE, "fr/communique/index.html", "fr/communique/op1-iv/index.html", "fr/index.html"}


@pytest.mark.parametrize("link, offline", [
    ("../op1-iv/", "../op1-iv/index.html"),
    ("../#op1-iii", "../index.html#op1-iii"),
    ("./", "./index.html"),
    ("../../", "../../index.html"),
    ("../../open-data/", "https://example.org/fr/open-data/"),
    ("../../../communique/op1-iii/", "https://example.org/communique/op1-iii/"),
    ("cite.ris", "cite.ris"),
    ("#sources", "#sources"),
    ("https://www.ohchr.org/", "https://www.ohchr.org/"),
])
def test_offline_links_open_index_html_and_pages_left_out_go_online(link, offline):
    html, _ = rewrite(f'<a href="{link}">x</a>', PAGE, MEMBERS, SITE)
    assert html == f'<a href="{offline}">x</a>'


def test_offline_redirects_of_retired_ids_lead_to_index_html():
    html, _ = rewrite('<meta http-equiv="refresh" content="0; url=../op1-iv/">', "fr/communique/op9/index.html",
                      MEMBERS, SITE)
    assert html == '<meta http-equiv="refresh" content="0; url=../op1-iv/index.html">'


def test_offline_pages_name_the_files_they_use_and_drop_alternate_links():
    html, used = rewrite('<link rel="alternate" href="https://example.org/ar/" hreflang="ar">'
                         '<script src="../../../assets/reader.js"></script>', PAGE, MEMBERS, SITE)
    assert used == {"assets/reader.js"}
    assert "alternate" not in html
