"""The core of citing and reading offline, without a build: the citation, its RIS and
CSL-JSON, and how the offline copy rewrites links."""

from __future__ import annotations

import io
import json
import zipfile

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
MEMBERS = {PAGE, "fr/communique/index.html", "fr/communique/op1-iv/index.html", "fr/index.html",
           "fr/communique/op1-iii/cite.ris", "assets/reader.js"}


@pytest.mark.parametrize("link, offline", [
    ("../op1-iv/", "../op1-iv/index.html"),
    ("../#op1-iii", "../index.html#op1-iii"),
    ("./", "./index.html"),
    ("../../", "../../index.html"),
    ("../../open-data/", "https://example.org/fr/open-data/"),
    ("../../../communique/op1-iii/", "https://example.org/communique/op1-iii/"),
    ("cite.ris", "cite.ris"),
    ("cite.json", "https://example.org/fr/communique/op1-iii/cite.json"),
    ("../../../../../../etc/passwd", "../../../../../../etc/passwd"),
    ("#sources", "#sources"),
    ("https://www.ohchr.org/", "https://www.ohchr.org/"),
])
def test_offline_links_open_index_html_and_pages_left_out_go_online(link, offline):
    html = rewrite(f'<a href="{link}">x</a>', PAGE, MEMBERS, SITE)
    assert html == f'<a href="{offline}">x</a>'


def test_offline_redirects_of_retired_ids_lead_to_index_html():
    html = rewrite('<meta http-equiv="refresh" content="0; url=../op1-iv/">', "fr/communique/op9/index.html",
                   MEMBERS, SITE)
    assert html == '<meta http-equiv="refresh" content="0; url=../op1-iv/index.html">'


def test_offline_pages_keep_links_to_members_and_drop_alternate_links():
    html = rewrite('<link rel="alternate" href="https://example.org/ar/" hreflang="ar">'
                   '<script src="../../../assets/reader.js"></script>', PAGE, MEMBERS, SITE)
    assert html == '<script src="../../../assets/reader.js"></script>'


def test_offline_copy_is_made_from_the_files_written_never_from_links_in_the_text(tmp_path):
    """A link in a page to a file outside the site (or to any file the copy does not hold) packs
    nothing: the members are the language's pages, citations and assets, named from the site root."""
    from catalogue.domain.model import Language
    from catalogue.publish.offline import build

    site = tmp_path / "site"
    (site / "fr/communique/op1-iii").mkdir(parents=True)
    (site / "assets").mkdir()
    (site / "assets/reader.js").write_text("// reader", encoding="utf-8")
    (site / "fr/communique/op1-iii/cite.ris").write_text("TY  - GEN\r\nER  - \r\n", encoding="utf-8")
    (site / "fr/communique/op1-iii/notes.txt").write_text("not a member", encoding="utf-8")
    (site / PAGE).write_text('<a href="../../../../../../../../etc/passwd">x</a> <a href="notes.txt">n</a>'
                             '<img src="/etc/hostname">', encoding="utf-8")
    (site / "fr/index.html").write_text("<p>home</p>", encoding="utf-8")
    language = Language(code="fr", name="Fran<b>çais</b>")
    with zipfile.ZipFile(io.BytesIO(build(site, language, SITE))) as archive:
        names = sorted(archive.namelist())
        start = archive.read("index.html").decode("utf-8")
    assert names == ["assets/reader.js", "fr/communique/op1-iii/cite.ris", PAGE, "fr/index.html", "index.html"]
    assert "<b>" not in start and "Fran&lt;b&gt;çais" in start
