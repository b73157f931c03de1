"""Readers and advocates in the browser: copy link, cite, the language switch keeping the
clause, the parallel view, print, the offline copy and the keyboard (Debian's Chromium)."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from catalogue.publish.offline import build, zip_path
from catalogue.render.cite import CSL_LOCALES
from tests.helpers import CLAUSES, ROOT, languages, prefix

LANGUAGES = languages()
LANGS = [lang.code for lang in LANGUAGES]
TRANSLATIONS = [lang for lang in LANGUAGES if not lang.default]
SWITCHER = ".md-header__option .md-select"



def site_url(site) -> str:
    """The site's configured address, as its pages declare it."""
    return site.html("").find("link", rel="canonical")["href"]


def permalink(site, code: str, clause: str) -> str:
    return f"{site_url(site)}{prefix(code)}communique/{clause}/"


def switch_language(page, code: str) -> None:
    page.hover(SWITCHER)
    page.click(f'a.md-select__link[hreflang="{code}"]')
    page.wait_for_load_state()


@pytest.mark.parametrize("start", LANGS)
def test_language_switch_keeps_the_clause_and_its_fragment(page, served, start):
    """Each language switches to the next one in the list (and the last to the first)."""
    target = LANGS[(LANGS.index(start) + 1) % len(LANGS)]
    page.goto(f"{served}{prefix(start)}communique/")
    page.click('.clause[id="op1-iii"] .clause__permalink')
    switch_language(page, target)
    assert page.url == f"{served}{prefix(target)}communique/#op1-iii"
    page.goto(f"{served}{prefix(start)}communique/op2/#sources")
    switch_language(page, target)
    assert page.url == f"{served}{prefix(target)}communique/op2/#sources"
    assert page.locator("html").get_attribute("lang") == target


def test_at_its_own_address_under_the_deployed_headers_switch_copy_and_cite_work(browser, host):
    """Served by nginx as deployed (its CSP and Permissions-Policy) at the site's configured address,
    where Material's "stay on page" script would take over the switcher and drop the fragment."""
    context = browser.new_context(permissions=["clipboard-write"])
    page = context.new_page()
    page.goto(f"{host}fr/communique/")
    page.click('.clause[id="op1-vi"] .clause__permalink')
    box = tools(page, "op1-vi")
    for button, done in ((0, "Lien copié."), (1, "Citation copiée.")):
        box.locator("button").nth(button).click()
        expect(box.locator('[role="status"]')).to_have_text(done)
    switch_language(page, "ar")
    assert page.url == f"{host}ar/communique/#op1-vi"
    context.close()


def tools(page, clause: str):
    return page.locator(f'.clause[id="{clause}"] > .clause-tools')


@pytest.mark.parametrize("code", LANGS)
def test_copy_link_puts_the_clauses_permanent_link_on_the_clipboard(page, served, site, code):
    for path in ("communique/", "communique/op1-iii/"):
        page.goto(f"{served}{prefix(code)}{path}")
        box = tools(page, "op1-iii")
        button = box.locator("button").nth(0)
        expect(button).to_have_accessible_name(re.compile(r"\S"))
        expect(box).to_have_accessible_name(page.locator("h1").inner_text() if path.endswith("iii/")
                                            else re.compile(r"\(iii\)"))
        button.click()
        expect(box.locator('[role="status"]')).to_have_text(button.get_attribute("data-done"))
        assert page.evaluate("navigator.clipboard.readText()") == permalink(site, code, "op1-iii")


EXPECTED_CITATIONS = {
    "en": "Communique of the Global Summit to Tackle Online Child Sexual Exploitation, Addis Ababa, "
          "11–12 December 2019, para. 1 (iii). {url}",
    "fr": "Communiqué du Sommet mondial sur la lutte contre l'exploitation sexuelle des enfants en ligne, "
          "Addis-Abeba, 11–12 décembre 2019, par. 1 (iii). {url}",
}


@pytest.mark.parametrize("code", LANGS)
def test_cite_puts_the_citation_in_the_pages_language_on_the_clipboard(page, served, site, code):
    page.goto(f"{served}{prefix(code)}communique/op1-iii/")
    box = tools(page, "op1-iii")
    box.locator("button").nth(1).click()
    expect(box.locator("details.cite")).to_have_attribute("open", "")
    copied = page.evaluate("navigator.clipboard.readText()")
    url = permalink(site, code, "op1-iii")
    assert copied == box.locator(".cite__text").inner_text()
    assert copied.endswith(url) and "2019" in copied and "1 (iii)" in copied
    if code in EXPECTED_CITATIONS:
        assert copied == EXPECTED_CITATIONS[code].format(url=url)


@pytest.mark.parametrize("code", LANGS)
def test_ris_and_csl_json_downloads_exist_and_parse(page, served, site, code):
    page.goto(f"{served}{prefix(code)}communique/")
    for clause in CLAUSES:
        links = tools(page, clause).locator("details.cite a[download]")
        assert links.count() == 2
        ris_url, csl_url = (served + f"{prefix(code)}communique/" + links.nth(i).get_attribute("href") for i in (0, 1))
        ris = page.request.get(ris_url)
        assert ris.ok, ris_url
        lines = ris.text().split("\r\n")
        assert lines[0] == "TY  - GOVDOC" and lines[-2] == "ER  - " and lines[-1] == ""
        assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in lines[:-1]), lines
        assert f"UR  - {permalink(site, code, clause)}" in lines and f"LA  - {code}" in lines
        csl = page.request.get(csl_url)
        assert csl.ok, csl_url
        [item] = json.loads(csl.text())
        assert item["URL"] == permalink(site, code, clause) and item["language"] == CSL_LOCALES.get(code, code)
        assert item["issued"] == {"date-parts": [[2019, 12, 12]]} and item["title"] and item["author"]
    with page.expect_download() as download:
        tools(page, "op2").locator("summary").click()
        tools(page, "op2").locator("a[download]").first.click()
    assert download.value.suggested_filename == f"addis-ababa-communique-2019-op2-{code}.ris"


@pytest.mark.parametrize("code", LANGS)
def test_without_javascript_the_permalink_and_citation_are_on_the_page(browser, served, site, code):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for path in ("communique/", "communique/pp2/"):
        page.goto(f"{served}{prefix(code)}{path}")
        box = tools(page, "pp2")
        expect(box.locator("button").first).to_be_hidden()
        box.locator("summary").click()
        link = box.locator(".cite__permalink")
        expect(link).to_be_visible()
        assert link.get_attribute("href") == link.inner_text() == permalink(site, code, "pp2")
        expect(box.locator(".cite__text")).to_contain_text(permalink(site, code, "pp2"))
    context.close()


@pytest.mark.parametrize("lang", TRANSLATIONS, ids=lambda lang: lang.code)
def test_parallel_view_aligns_every_clause_beside_the_english(page, served, lang):
    page.goto(f"{served}{lang.code}/communique/parallel/")
    rows = page.locator("table.parallel tbody tr")
    assert [rows.nth(i).get_attribute("id") for i in range(rows.count())] == CLAUSES
    for i in range(rows.count()):
        cells = rows.nth(i).locator("td")
        assert cells.count() == 2
        for cell, (code, direction) in zip((cells.nth(0), cells.nth(1)), ((lang.code, lang.direction), ("en", "ltr"))):
            assert (cell.get_attribute("lang"), cell.get_attribute("dir")) == (code, direction)
            assert cell.locator("p").first.inner_text().strip()
            align = cell.evaluate("cell => getComputedStyle(cell).textAlign")
            assert align == ("right" if direction == "rtl" else "left")
    first, second = rows.first.locator("td").nth(0).bounding_box(), rows.first.locator("td").nth(1).bounding_box()
    assert abs(first["y"] - second["y"]) < 1, "the two languages are not side by side"
    page.set_viewport_size({"width": 360, "height": 800})
    first, second = rows.first.locator("td").nth(0).bounding_box(), rows.first.locator("td").nth(1).bounding_box()
    assert second["y"] >= first["y"] + first["height"] - 1, "on a phone the two languages are not stacked"


def test_the_english_parallel_page_leads_to_every_pair(page, served):
    page.goto(f"{served}communique/parallel/")
    links = page.locator(".parallel-languages a")
    assert [links.nth(i).get_attribute("hreflang") for i in range(links.count())] == [t.code for t in TRANSLATIONS]
    links.nth(0).click()
    assert page.url == f"{served}{TRANSLATIONS[0].code}/communique/parallel/"


@pytest.mark.parametrize("code", ["en", "ar"])
def test_print_shows_the_document_without_navigation(page, served, code):
    page.goto(f"{served}{prefix(code)}communique/#op1-iii")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".clause-tools button"):
        expect(page.locator(selector).first).to_be_hidden()
    expect(page.locator(".clause-tools").first).to_be_hidden()
    expect(page.locator(".md-content h1")).to_be_visible()
    before = page.locator('.clause[id="op1-iii"]').evaluate("el => getComputedStyle(el, '::before').content")
    assert before == '"#op1-iii"'
    page.goto(f"{served}{prefix(code)}frameworks/crc/")
    link = page.locator('.md-content a[href^="https://"]').first
    assert link.evaluate("el => getComputedStyle(el, '::after').content") == f'" <{link.get_attribute("href")}>"'


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_offline_copy_works_from_disk_without_a_request_leaving_it(browser, site, tmp_path, lang):
    with zipfile.ZipFile(site.site / zip_path(lang)) as archive:
        archive.extractall(tmp_path)
    context = browser.new_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((tmp_path / "index.html").as_uri())
    page.wait_for_url(f"**/{prefix(lang.code)}index.html")
    page.goto((tmp_path / prefix(lang.code) / "communique/op1-iii/index.html").as_uri())
    expect(page.locator(".clause-tools button").first).to_be_visible()
    page.click('.clause-pager a[rel="next"]')
    assert page.url.endswith(f"{prefix(lang.code)}communique/op1-iv/index.html")
    expect(page.locator('.clause[id="op1-iv"]')).to_be_visible()
    page.click(".clause-sources > li > a >> nth=0")
    assert re.search(r"/frameworks/[a-z-]+/index\.html$", page.url)
    expect(page.locator(".md-content h1")).to_be_visible()
    assert page.locator("link[rel=stylesheet]").evaluate_all("links => links.every(l => l.sheet !== null)")
    leaving = [url for url in requests if not url.startswith(("file://", "data:"))]
    assert leaving == []
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_offline_copy_holds_the_communique_clauses_frameworks_and_crosswalk_with_no_dead_link(site, lang):
    with zipfile.ZipFile(site.site / zip_path(lang)) as archive:
        names = set(archive.namelist())
        pages = {name: archive.read(name).decode("utf-8") for name in names if name.endswith(".html")}
    home = prefix(lang.code)
    for path in ["index.html", "communique/index.html", "communique/parallel/index.html", "frameworks/index.html",
                 "frameworks/crc/index.html", "crosswalk/index.html"] + [f"communique/{c}/index.html" for c in CLAUSES]:
        assert home + path in names, path
    for name, text in pages.items():
        for url in re.findall(r'\s(?:href|src)="([^"#][^"]*)"', text):
            if re.match(r"[a-z]+:", url):
                continue
            target = Path(name).parent / url.split("#")[0]
            assert target.as_posix().endswith((".html", ".css", ".js", ".svg", ".png", ".ris", ".json")), (name, url)
            assert Path("/", target).resolve().relative_to("/").as_posix() in names, (name, url)


def test_offline_copy_is_the_same_bytes_for_the_same_site(site):
    english = LANGUAGES[0]
    published = (site.site / zip_path(english)).read_bytes()
    assert build(site.site, english, site_url(site)) == published


@pytest.mark.parametrize("code", LANGS)
def test_open_data_page_offers_the_offline_copy(site, code):
    lang = next(lang for lang in LANGUAGES if lang.code == code)
    page = site.html(f"{prefix(code)}open-data/")
    assert page.find("a", href=re.compile(re.escape(zip_path(lang)) + "$"))


@pytest.mark.parametrize("code", ["en", "ar"])
def test_tab_reaches_every_copy_and_cite_button_with_a_visible_focus(page, served, code):
    page.goto(f"{served}{prefix(code)}communique/")
    buttons = page.locator(".clause-tools button")
    expected = buttons.count()
    assert expected == 2 * len(CLAUSES)
    reached = set()
    for _ in range(600):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => {
            const el = document.activeElement;
            if (!el.matches('.clause-tools button')) return null;
            const style = getComputedStyle(el);
            return [el.closest('.clause').id + ' ' + el.getAttribute('data-copy'), style.outlineStyle, style.outlineWidth];
        }""")
        if focused:
            name, style, width = focused
            assert style != "none" and width != "0px", f"{name}: no visible focus"
            reached.add(name)
        if len(reached) == expected:
            break
    assert len(reached) == expected
