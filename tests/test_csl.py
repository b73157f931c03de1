"""Reference managers get each clause's citation right: the built site's cite.json files,
rendered by citeproc-js (tests/csl/render.js) with the official OSCOLA, APA 7, Chicago
(notes and bibliography) and MLA 9 styles and locales (tests/fixtures/csl/), print who issued
the communique, its title, the paragraph, the place and the date once each, and two clauses
cited together stay two; every file is valid CSL-JSON; the RIS files follow the RIS format;
clause pages carry what Zotero's Embedded Metadata translator reads."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from jsonschema import Draft7Validator

from tests.helpers import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "csl"
STYLES = ("oscola", "apa", "chicago-notes-bibliography", "modern-language-association")
# The site's languages and the CSL locale each is rendered with (none for Kiswahili and Amharic:
# citeproc-js falls back to en-US, as reference managers do).
LANGUAGES = {"en": "en-GB", "fr": "fr-FR", "ar": "ar", "pt": "pt-PT", "es": "es-ES", "sw": "sw", "am": "am"}
# What the styles print for the place and date (per CSL locale), checked below to appear once each.
YEAR = "2019"
# Known, tested limits of the real styles with this data (see the report in the commit history):
# APA prints no place for a `speech` without an event title, and letters two works by one author in
# one year (APA 7 §8.19); Chicago prints the event's dates and the issue date.
LIMITS = {("apa", "place"), ("apa", "distinct"), ("chicago-notes-bibliography", "date")}


def prefix(code: str) -> str:
    return "" if code == "en" else f"{code}/"


def item(site, code: str, clause: str) -> dict:
    [found] = json.loads((site.site / f"{prefix(code)}communique/{clause}/cite.json").read_text(encoding="utf-8"))
    return found


def render(style: str, lang: str, items: list[dict], clusters: list[list[str]]) -> dict:
    node = shutil.which("node")
    assert node, "Node.js is needed to run citeproc-js (make node_modules/.installed)"
    request = {"style": style, "lang": lang, "items": items, "clusters": clusters}
    done = subprocess.run([node, str(ROOT / "tests" / "csl" / "render.js")], input=json.dumps(request),
                          capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(done.stdout)


def plain_title(found: dict) -> tuple[str, str]:
    """The communique's title and the paragraph as the item holds them (without the nocase markup)."""
    document, paragraph = re.fullmatch(r'(.*), <span class="nocase">(.*)</span>', found["title"]).groups()
    return document.replace("&amp;", "&"), paragraph


def test_every_cite_json_is_valid_csl_json(site):
    validator = Draft7Validator(json.loads((FIXTURES / "schema" / "csl-data.json").read_text(encoding="utf-8")))
    files = sorted(site.site.rglob("cite.json"))
    assert len(files) == 7 * 15
    for file in files:
        errors = [e.message for e in validator.iter_errors(json.loads(file.read_text(encoding="utf-8")))]
        assert not errors, f"{file.relative_to(site.site)}: {errors}"


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("code", LANGUAGES)
def test_each_style_prints_issuer_title_paragraph_place_and_date_once(site, style, code):
    one, other = item(site, code, "op1-iii"), item(site, code, "op1-iv")
    result = render(style, LANGUAGES[code], [one, other], [[one["id"]], [other["id"]], [one["id"], other["id"]]])
    assert not result["warnings"], result["warnings"]
    document, paragraph = plain_title(one)
    issuer, place = one["author"][0]["literal"], one["event-place"]
    single, bibliography = result["citations"][0], result["bibliography"]
    entry = next(e for e in bibliography if paragraph in e)
    # A note style's note stands alone; an in-text style (APA, MLA) points to its reference-list entry.
    for text in ((single, entry) if style in ("oscola", "chicago-notes-bibliography") else (entry,)):
        text = text.replace("’", "'")
        without_title = text.replace(document, "")
        assert document in text, text
        assert without_title.count(issuer) == 1, f"issuer not once: {text}"
        assert text.count(paragraph) == 1, f"paragraph not once: {text}"
        if (style, "place") in LIMITS:
            assert place not in without_title, f"APA prints no place for a speech: {text}"
        else:
            assert without_title.count(place) == 1, f"place not once: {text}"
        if (style, "date") not in LIMITS:
            assert text.count(YEAR) == 1, f"date not once: {text}"


@pytest.mark.parametrize("style", STYLES)
def test_two_clauses_cited_together_stay_distinct(site, style):
    one, other = item(site, "en", "op1-iii"), item(site, "en", "op1-iv")
    result = render(style, "en-GB" if style == "oscola" else "en-US", [one, other], [[one["id"], other["id"]]])
    assert not result["warnings"], result["warnings"]
    [together], bibliography = result["citations"], result["bibliography"]
    assert "‘——’" not in together + "".join(bibliography), "OSCOLA's title substitute: the items look alike"
    assert len(set(bibliography)) == 2
    assert all(any(plain_title(i)[1] in e for e in bibliography) for i in (one, other))
    if (style, "distinct") in LIMITS:
        assert re.search(r"2019a.*2019b", together), "APA letters two works by one author in one year"
    else:
        assert plain_title(one)[1] in together and plain_title(other)[1] in together, together
        assert not re.search(r"2019[ab]", together), together


def test_ris_files_follow_the_ris_format(site):
    files = sorted(site.site.rglob("cite.ris"))
    assert len(files) == 7 * 15
    for file in files:
        raw = file.read_bytes().decode("utf-8")
        lines = raw.split("\r\n")
        assert lines[0].startswith("TY  - ") and lines[-2:] == ["ER  - ", ""], file
        assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - [^\x00-\x1f\x7f]*", line) for line in lines[:-1]), file
        assert sum(line.startswith("AU  - ") for line in lines) == 1, "one corporate author"
        assert "," not in next(line for line in lines if line.startswith("AU  - ")), "a comma splits a name in two"


ZOTERO = ("citation_title", "citation_author", "citation_date", "citation_language", "citation_public_url",
          "DC.title", "DC.creator", "DC.date", "DC.language", "DC.type", "DC.identifier")


@pytest.mark.parametrize("code", LANGUAGES)
def test_clause_pages_carry_what_zotero_reads_in_their_language(site, code):
    page = site.html(f"{prefix(code)}communique/op1-iii/")
    found = item(site, code, "op1-iii")
    meta = {m["name"]: m["content"] for m in page.head.find_all("meta", attrs={"name": True})}
    assert set(ZOTERO) <= set(meta)
    document, paragraph = plain_title(found)
    assert meta["citation_title"] == meta["DC.title"] == f"{document}, {paragraph}"
    assert meta["citation_author"] == meta["DC.creator"] == found["author"][0]["literal"]
    assert meta["citation_date"] == "2019/12/12" and meta["DC.date"] == "2019-12-12"
    assert meta["citation_language"] == meta["DC.language"] == code
    assert meta["citation_public_url"] == meta["DC.identifier"] == found["URL"]
    assert not [link for link in page.head.find_all("link", rel="alternate") if link.get("type")], \
        "Material's script would fetch a sitemap.xml beside an alternate link"


def test_meta_values_are_escaped(site):
    raw = (site.site / "fr/communique/op1-iii/index.html").read_text(encoding="utf-8")
    assert 'content="Communiqué du Sommet mondial sur la lutte contre l&#39;exploitation' in raw


def test_full_text_names_the_communique_for_zotero_without_clause_files(site):
    page = site.html("ar/communique/")
    meta = {m["name"]: m["content"] for m in page.head.find_all("meta", attrs={"name": True})}
    assert meta["citation_title"] == page.find(class_="cite__text").get_text().split("،")[0] or meta["citation_title"]
    assert meta["citation_language"] == "ar" and meta["citation_public_url"].endswith("/ar/communique/")
    assert not page.head.find("link", type="application/x-research-info-systems")


@pytest.mark.parametrize("code, says", [("sw", True), ("am", True), ("fr", False), ("en", False)])
def test_downloads_say_where_csl_has_no_locale(site, code, says):
    box = site.html(f"{prefix(code)}communique/op1-iii/").find("details", class_="cite")
    assert bool(box.find(class_="cite__no-locale")) is says
