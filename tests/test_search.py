"""Search in the browser: a word of a clause finds that clause in the reader's language, with
only that language's index fetched, and the search box works from the keyboard."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser import watch
from catalogue.validate.safety import plain
from tests.helpers import ROOT, languages, prefix

# A word of a clause in each language; in ar and am the word touches the script's own
# punctuation (؛ and ፤), which must not stick to it in the index.
WORDS = {
    "en": ("op1-iii", "practise"),
    "fr": ("op1-iii", "meilleures"),
    "ar": ("pp1", "الأمد"),
    "pt": ("op1-iii", "Partilhar"),
    "es": ("op1-iii", "Intercambiar"),
    "sw": ("op1-iii", "Kubadilishana"),
    "am": ("op1-i", "መፍጠር"),
}
PUNCTUATED = {"ar": "الأمد؛", "am": "መፍጠር፤"}
# Pagefind's per-language files: pagefind.<lang>_<hash>.pf_meta, index/<lang>_…, fragment/<lang>_…
INDEX_FILE = re.compile(r"/pagefind/(?:pagefind\.|index/|fragment/)([a-z-]+)_[0-9a-f]+\.pf_")
LANGS = [language.code for language in languages()]



def clause_text(lang: str, clause_id: str) -> str:
    import yaml

    entry = yaml.safe_load((ROOT / f"translations/{lang}/communique.yml").read_text(encoding="utf-8"))[clause_id]
    return plain(entry["text"] if isinstance(entry, dict) else entry)


def search(page, served, lang: str, word: str):
    """Open a clause page of `lang`, focus the search with the keyboard and type `word`."""
    page.goto(served + prefix(lang) + "communique/op1/", wait_until="networkidle")
    page.keyboard.press("/")
    page.keyboard.type(word)
    page.wait_for_selector(".md-search-result__item")
    page.wait_for_load_state("networkidle")


def test_every_language_has_a_search_word():
    assert sorted(WORDS) == sorted(LANGS)
    for lang, (clause_id, word) in WORDS.items():
        assert word in clause_text(lang, clause_id), f"{lang}: {word!r} is no longer in {clause_id}"
    for lang, punctuated in PUNCTUATED.items():
        assert punctuated in clause_text(lang, WORDS[lang][0])


@pytest.mark.parametrize("lang", LANGS)
def test_a_word_finds_its_clause_in_the_readers_language_only(page, served, lang):
    clause_id, word = WORDS[lang]
    traffic = watch(page)
    search(page, served, lang, word)
    links = page.locator(".md-search-result__link")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    target = f"/{prefix(lang)}communique/{clause_id}/"
    assert any(href.endswith(target) for href in hrefs), f"{lang}: {target} not among {hrefs}"
    result = links.nth([i for i, href in enumerate(hrefs) if href.endswith(target)][0])
    assert clause_text(lang, clause_id) in result.inner_text()
    assert all(href.startswith(f"/{prefix(lang)}") for href in hrefs), f"{lang}: results in another language: {hrefs}"
    fetched = {match.group(1) for url in traffic.urls if (match := INDEX_FILE.search(url))}
    assert fetched == {lang}, f"{lang}: fetched the index of {fetched}"
    assert traffic.external() == []


@pytest.mark.parametrize("lang", ["ar", "am"])
def test_a_word_typed_with_its_punctuation_still_finds_the_clause(page, served, lang):
    clause_id, _ = WORDS[lang]
    search(page, served, lang, PUNCTUATED[lang])
    hrefs = page.locator(".md-search-result__link").evaluate_all("links => links.map(a => a.href)")
    assert any(href.endswith(f"/{lang}/communique/{clause_id}/") for href in hrefs)


def test_nothing_of_the_search_index_loads_before_the_reader_searches(page, served):
    traffic = watch(page)
    page.goto(served + "communique/op1-iii/", wait_until="networkidle")
    assert [url for url in traffic.urls if "/pagefind/" in url or "search_index" in url] == []


def test_search_works_from_the_keyboard_and_has_an_accessible_name(page, served):
    page.goto(served + "fr/", wait_until="networkidle")
    box = page.get_by_role("search").get_by_role("textbox")
    assert box.get_attribute("aria-label") == "Rechercher"
    page.keyboard.press("/")
    assert box.evaluate("input => input === document.activeElement")
    page.keyboard.type(WORDS["fr"][1])
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("Tab")
    first = page.locator(".md-search-result__link").first
    assert first.evaluate("link => link === document.activeElement")
    target = first.evaluate("link => link.href")
    page.keyboard.press("Enter")
    page.wait_for_url(target)


def test_on_a_phone_the_search_button_opens_the_search_from_the_keyboard(browser, served):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(served + "am/communique/op1-i/", wait_until="networkidle")
    button = page.get_by_role("button", name=re.compile(r"\S"), exact=False).and_(page.locator("[data-search-open]"))
    button.focus()
    page.keyboard.press("Enter")
    box = page.get_by_role("search").get_by_role("textbox")
    assert box.evaluate("input => input === document.activeElement")
    expect(box).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    assert button.evaluate("b => b === document.activeElement")
    expect(button).to_have_attribute("aria-expanded", "false")
    assert not page.locator("#__search").is_checked()
    context.close()
