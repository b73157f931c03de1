"""The real site, built once strictly: every clause in every language, lang/dir, hreflang (sitemap),
the English text as adopted, and the framework cross-references both ways."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.helpers import CLAUSES, CODES, FIXTURES, languages, prefix

LANGUAGES = languages()
SITEMAP = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
SEED = FIXTURES / "communique-en.txt"  # the communique's English as adopted



def test_the_seven_languages_are_configured():
    assert CODES == ["en", "fr", "ar", "pt", "es", "sw", "am"]


def test_strict_build_passes_with_zero_warnings(site):
    assert "WARNING" not in site.output
    assert "Traceback" not in site.output


@pytest.mark.parametrize("code", CODES)
def test_every_clause_is_an_anchor_on_the_full_text(site, code):
    page = site.html(f"{prefix(code)}communique/")
    for clause in CLAUSES:
        assert page.find(id=clause, class_="clause"), f"{code}: #{clause} missing on the full text"


@pytest.mark.parametrize("code", CODES)
def test_every_clause_has_its_own_page(site, code):
    for clause in CLAUSES:
        page = site.html(f"{prefix(code)}communique/{clause}/")
        block = page.find(id=clause, class_="clause")
        assert block and block.find(class_="clause__text").get_text(strip=True)
        links = {a.get("href") for a in page.select(".clause-pager a")}
        assert f"../#{clause}" in links, f"{code}/{clause}: no link back to the full text"


def test_clause_pages_link_to_previous_and_next(site):
    page = site.html("fr/communique/op1-iii/")
    assert page.select_one('.clause-pager a[rel="prev"]')["href"] == "../op1-ii/"
    assert page.select_one('.clause-pager a[rel="next"]')["href"] == "../op1-iv/"
    assert not site.html("communique/preamble/").select_one('.clause-pager a[rel="prev"]')
    assert not site.html("communique/op3/").select_one('.clause-pager a[rel="next"]')


def test_sub_item_pages_show_their_number_as_printed(site):
    assert site.html("communique/op1-iii/").h1.get_text(strip=True) == "Paragraph 1 (iii)"
    assert site.html("communique/pp2/").h1.get_text(strip=True) == "Preambular paragraph 2"


def _pages(site_dir: Path):
    for file in sorted(site_dir.rglob("*.html")):
        rel = file.relative_to(site_dir).as_posix()
        if rel.startswith(("assets/", "search/", "open-data/")) or "/open-data/" in rel and rel.endswith(".json"):
            continue
        yield rel, file


def test_every_page_declares_its_language(site):
    from bs4 import BeautifulSoup

    checked = 0
    for rel, file in _pages(site.site):
        first = rel.split("/", 1)[0]
        expected = first if first in CODES else "en"
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
        if soup.find("meta", attrs={"http-equiv": "refresh"}):
            continue
        assert soup.html.get("lang") == expected, rel
        direction = "rtl" if expected == "ar" else "ltr"
        assert soup.body.get("dir") == direction, rel
        checked += 1
    assert checked >= len(CODES) * (1 + 1 + len(CLAUSES) + 1 + 8 + 2)


def _sitemap(site) -> dict[str, dict[str, str]]:
    """Each URL of the sitemap → its hreflang alternates."""
    root = ElementTree.fromstring((site.site / "sitemap.xml").read_bytes())
    return {url.findtext("sm:loc", namespaces=SITEMAP): {link.get("hreflang"): link.get("href")
                                                       for link in url.findall("xhtml:link", SITEMAP)}
            for url in root.findall("sm:url", SITEMAP)}


@pytest.mark.parametrize("clause", CLAUSES)
def test_the_sitemap_gives_every_clause_page_its_hreflang_alternates(site, clause):
    entries = _sitemap(site)
    home = min(entries, key=len)
    for code in CODES:
        alternates = entries[f"{home}{prefix(code)}communique/{clause}/"]
        for other in CODES:
            assert alternates[other].endswith(f"/{prefix(other)}communique/{clause}/"), (code, other)
        assert alternates["x-default"] == alternates["en"]


def test_every_page_is_in_the_sitemap_and_no_page_head_lists_alternates(site):
    """hreflang lives in the sitemap only: Material fetches a sitemap.xml under each head alternate (404s)."""
    entries = _sitemap(site)
    pages = [path for path in site.site.rglob("index.html") if "offline" not in path.parts
             and 'content="noindex"' not in path.read_text(encoding="utf-8")]
    assert len(entries) == len(pages) > 200
    for path in pages:
        assert site.html(path.parent.relative_to(site.site).as_posix() + "/").select('link[rel="alternate"]') == []


def test_language_switcher_stays_on_the_same_clause(site):
    page = site.html("ar/communique/op1-iv/")
    links = {a["hreflang"]: a["href"] for a in page.select("a.md-select__link")}
    assert links["en"] == "../../../communique/op1-iv/"
    assert links["am"] == "../../../am/communique/op1-iv/"
    assert links["ar"] == "./"


def _seed_lines() -> dict[str, str]:
    """The seed's clause lines, without Markdown emphasis, keyed by clause id."""
    text = SEED.read_text(encoding="utf-8")
    plain = [re.sub(r"[*]", "", line).strip().lstrip("- ").strip() for line in text.splitlines()]
    lines = [line for line in plain if line]
    start = next(i for i, line in enumerate(lines) if line.startswith("WE,"))
    body = lines[start:]
    ids = ["preamble", "pp1", "pp2", "pp3", "op1"] + [f"op1-{n}" for n in
                                                       ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii"]] + ["op2", "op3"]
    assert len(body) == len(ids)
    return dict(zip(ids, body))


def _shown(block) -> str:
    text = block.find(class_="clause__text")
    for permalink in text.select(".clause__permalink"):
        permalink.decompose()
    return re.sub(r"\s+", " ", text.get_text(" ", strip=True)).replace(" ;", ";").replace(" :", ":").replace(" ,", ",")


def test_english_text_is_the_seed_word_for_word(site):
    page = site.html("communique/")
    for clause, line in _seed_lines().items():
        shown = _shown(page.find(id=clause, class_="clause"))
        assert re.sub(r"\s+", " ", shown) == re.sub(r"\s+", " ", line), clause
    header = page.select_one(".communique-header").get_text(" ", strip=True)
    for part in ("GLOBAL SUMMIT TO TACKLE ONLINE CHILD SEXUAL EXPLOITATION", "11-12 DECEMBER 2019",
                 "Protecting Children from Abuse in the Digital World"):
        assert part in header
    assert page.h1.get_text(strip=True) == "COMMUNIQUE OF THE GLOBAL SUMMIT TO TACKLE ONLINE CHILD SEXUAL EXPLOITATION"


@pytest.mark.parametrize("code", [c for c in CODES if c != "en"])
def test_translations_are_shown_and_labelled_unofficial(site, code):
    page = site.html(f"{prefix(code)}communique/")
    assert page.select_one(".translation-notice")
    english = site.html("communique/")
    for clause in CLAUSES:
        ours = page.find(id=clause, class_="clause")
        assert _shown(ours) != _shown(english.find(id=clause, class_="clause")), f"{code}/{clause} is not translated"
        assert ours.select_one(".clause__status--machine-draft, .clause__status--reviewed"), (code, clause)
        assert not ours.select('[lang="en"]'), f"{code}/{clause} falls back to English"


def test_home_page_in_every_language_leads_to_the_communique(site):
    for code in CODES:
        page = site.html(prefix(code) or ".")
        assert page.select_one('a[href="communique/"]'), code


def test_no_page_requests_anything_from_another_host(site):
    pattern = re.compile(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(https?:)?//(?!127\.0\.0\.1)', re.I)
    for rel, file in _pages(site.site):
        for match in pattern.finditer(file.read_text(encoding="utf-8")):
            tag = match.group(0)
            assert 'rel="alternate"' in tag or 'rel="canonical"' in tag, (rel, tag)
