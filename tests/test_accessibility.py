"""Accessibility of the built site (target: WCAG 2.2 AA), in Debian's headless Chromium.

axe-core (the copy bundled in axe-playwright-python, no download) must find nothing, best
practices included, on every kind of page in every language, also with the language menu,
the search dialog and the phone-width navigation drawer open; every element the keyboard
reaches shows a focus ring with 3:1 contrast; text in another language than its page says
which language and direction it is in.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import NavigableString

from tests.helpers import english_text, languages, prefix, publish_language, replace_block
from tests.sitebuild import build

LANGUAGES = languages()
LANGS = [language.code for language in LANGUAGES]
DIRECTION = {language.code: language.direction for language in LANGUAGES}
PREFIXES = {language.prefix for language in LANGUAGES if language.prefix}

AXE = Axe()
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}
# The kinds of page named in the brief; any other section of the site is found in the build.
KNOWN_KINDS = ("", "communique/", "communique/op1/", "communique/op1-iii/", "communique/parallel/", "frameworks/",
               "frameworks/crc/", "crosswalk/", "open-data/", "accessibility/", "404.html")
FOCUS_PROBE = (Path(__file__).parent / "focus_probe.js").read_text(encoding="utf-8")
NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"
PHONE = {"width": 390, "height": 800}
DESKTOP = {"width": 1280, "height": 800}


def page_kinds(site: Path) -> list[str]:
    """One page of each kind, by language-neutral path: the known kinds, then the first page of
    any other section (a section: a first path segment at one depth), so new pages are covered."""
    english = sorted(
        path for path in (file.relative_to(site).as_posix().removesuffix("index.html") for file in site.rglob("*.html"))
        if not any(path.startswith(prefix) for prefix in PREFIXES)
    )
    kinds = [kind for kind in KNOWN_KINDS if kind in english]
    shapes = {(kind.split("/")[0], kind.count("/")) for kind in kinds}
    for path in english:
        shape = (path.split("/")[0], path.count("/"))
        if shape not in shapes:
            shapes.add(shape)
            kinds.append(path)
    return kinds



def axe_violations(page, where: str) -> list[str]:
    """Every axe-core violation on the page as it is now, one line each: rule, element, page. The page is
    judged once its transitions have ended (a menu fades in, the drawer slides in: 250 ms in Material), as a
    reader sees it; mid-fade, colours are half-way and axe would judge those."""
    page.wait_for_function("() => document.getAnimations().every(animation => animation.playState !== 'running')")
    results = AXE.run(page, options=AXE_OPTIONS).response["violations"]
    return [f"{rule['id']} ({rule['impact']}): {' '.join(map(str, node['target']))} on {where}: {rule['help']}"
            for rule in results for node in rule["nodes"]]


def report(problems: list[str]) -> str:
    return f"{len(problems)} problem(s):\n" + "\n".join(problems)


def test_every_kind_of_page_is_checked(site):
    kinds = page_kinds(site.site)
    assert set(KNOWN_KINDS) <= set(kinds), f"a known kind of page is missing from the build: {set(KNOWN_KINDS) - set(kinds)}"


@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_nothing_on_any_kind_of_page(page, served, site, lang):
    problems = []
    for kind in page_kinds(site.site):
        page.goto(served + prefix(lang) + kind)
        problems += axe_violations(page, prefix(lang) + kind)
    assert not problems, report(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_nothing_with_the_language_menu_search_and_drawer_open(page, served, lang):
    home = served + prefix(lang)
    page.goto(home)
    page.focus(".md-select button")
    page.wait_for_selector(".md-select__inner", state="visible")
    problems = axe_violations(page, f"{prefix(lang)} with the language menu open")
    page.goto(home)
    page.fill(".md-search__input", "2019")
    page.wait_for_selector(".md-search-result__item")
    problems += axe_violations(page, f"{prefix(lang)} with search results")
    page.set_viewport_size(PHONE)
    page.goto(home)
    page.click('.md-header label[for="__drawer"]')
    page.wait_for_selector(".md-sidebar--primary .md-nav__link", state="visible")
    problems += axe_violations(page, f"{prefix(lang)} at phone width with the navigation drawer open")
    assert not problems, report(problems)


def focus_problems(page, where: str) -> list[str]:
    """Tab through the whole page; every stop must be on screen with a ring of 3:1 contrast."""
    page.add_style_tag(content=NO_MOTION)
    problems, seen = [], []
    while True:
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.md-search__input')"):
            page.wait_for_function("document.getElementById('__search').checked")
        stop = page.evaluate(FOCUS_PROBE)
        if stop is None:
            if seen:
                break
            continue
        if stop["element"] in seen[:1] or len(seen) > 1000:
            break
        seen.append(stop["element"])
        if not stop["onScreen"]:
            problems.append(f"{where}: focus out of sight on {stop['element']}")
        elif not stop["ring"] or stop["contrast"] < 3:
            problems.append(f"{where}: focus ring {'missing' if not stop['ring'] else stop['contrast']} on {stop['element']}")
    assert len(seen) > 3, f"{where}: the keyboard reached almost nothing: {seen}"
    return problems


@pytest.fixture
def still_page(browser):
    """A tab whose pages' CSP lets the test switch transitions off: focus is judged at rest."""
    context = browser.new_context(bypass_csp=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_keyboard_focus_is_visible_everywhere(still_page, served, site, lang, viewport):
    page = still_page
    page.set_viewport_size(viewport)
    problems = []
    for kind in page_kinds(site.site):
        page.goto(served + prefix(lang) + kind)
        problems += focus_problems(page, prefix(lang) + kind)
    assert not problems, report(problems)


# Text in another language than its page: Arabic or Ethiopic script, or English by its little words.
SCRIPTS = {"ar": re.compile("[\u0600-\u06ff]"), "am": re.compile("[\u1200-\u139f]")}
ENGLISH_WORDS = {"the", "of", "and", "to", "with", "is", "are", "this", "that", "for", "by", "from", "which", "not",
                 "yet", "its", "was", "has", "have", "been", "their", "shall", "on"}
NOT_TEXT = {"script", "style", "head", "title", "template"}


def language_of(text: str) -> str | None:
    """The language a text is evidently in, or None when it cannot be told."""
    for lang, script in SCRIPTS.items():
        if script.search(text):
            return lang
    words = re.findall(r"[a-z]+", text.lower())
    return "en" if len(set(words) & ENGLISH_WORDS) >= 2 else None


def lang_problems(soup, where: str) -> list[str]:
    page_lang = soup.html.get("lang")
    problems = []
    for element in soup.body.find_all(lang=True):
        if element["lang"] != page_lang and element.get("dir") != DIRECTION.get(element["lang"]):
            problems.append(f"{where}: lang={element['lang']} without dir={DIRECTION.get(element['lang'])}: {str(element)[:120]}")
    for text in soup.body.find_all(string=True):
        if not isinstance(text, NavigableString) or any(parent.name in NOT_TEXT for parent in text.parents):
            continue
        said = language_of(text)
        marked = next(parent["lang"] for parent in text.parents if parent.get("lang"))
        if said and said != marked:
            problems.append(f"{where}: {said} text marked as {marked}: {text.strip()[:100]!r}")
    return problems


def test_text_in_another_language_carries_its_lang_and_dir(site):
    problems = []
    for file in sorted(site.site.rglob("*.html")):
        where = file.relative_to(site.site).as_posix()
        problems += lang_problems(site.html(where), where)
    assert not problems, report(problems)


def test_english_fallback_on_a_right_to_left_page_is_marked_english_and_left_to_right(project_copy, tmp_path):
    publish_language(project_copy, "ar", published=False)
    replace_block(project_copy, "translations/ar/communique.yml", "op1-iii:", "")
    built = build(project_copy, tmp_path / "site")
    assert built.returncode == 0, built.output
    english = english_text(project_copy, "communique", "op1-iii")
    for path in ("ar/communique/", "ar/communique/op1-iii/"):
        soup = built.html(path)
        fallback = soup.body.find(string=lambda text: text and english in text)
        assert fallback is not None, f"{path}: the English fallback is not shown"
        assert (fallback.parent.get("lang"), fallback.parent.get("dir")) == ("en", "ltr"), f"{path}: {fallback.parent}"
        assert lang_problems(soup, path) == []


@pytest.mark.parametrize("lang", LANGS)
def test_language_names_in_the_switcher_carry_their_lang_and_dir(site, lang):
    entries = site.html(prefix(lang) + "communique/").select(".md-select__link")
    assert [(a["lang"], a["dir"]) for a in entries] == [(code, DIRECTION[code]) for code in LANGS]


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_links_to_the_accessibility_statement_in_its_language(site, lang):
    for kind in page_kinds(site.site):
        here = "http://site/" + prefix(lang) + kind
        links = [urljoin(here, a["href"]) for a in site.html(prefix(lang) + kind).select(".footer-links a")]
        assert f"http://site/{prefix(lang)}accessibility/" in links, f"{prefix(lang)}{kind}: the footer links to {links}"
