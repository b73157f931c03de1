"""Reading offline: "Keep this language for offline reading" (a service worker and one cache, only
when the reader chooses it, under the site's CSP as nginx sends it), and the zip opened from disk,
which has no search box and says how to find text with the browser instead."""

from __future__ import annotations

import zipfile

import pytest
from playwright.sync_api import Error, expect

from catalogue import load
from catalogue.render.urls import zip_path
from tests.helpers import ROOT, languages

LANGUAGES = {language.code: language for language in languages()}
CATALOGUE = load(ROOT, list(LANGUAGES.values()))[0]


def _text(code: str, key: str) -> str:
    return CATALOGUE.text(code, "site", key)


def _stored(page) -> dict:
    return page.evaluate("""async () => ({
        caches: await caches.keys(),
        workers: (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope),
    })""")


@pytest.mark.parametrize("code", ["fr", "en"])
def test_keep_a_language_then_read_offline_then_remove_it(browser, host, code):
    prefix = LANGUAGES[code].prefix
    context = browser.new_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{host}{prefix}open-data/")
    keep = page.locator("[data-offline-keep]")
    expect(keep).to_be_visible()
    expect(page.locator("[data-offline-remove]")).to_be_visible()
    expect(page.locator(".offline-reading__trace")).to_have_text(_text(code, "offline-reading-trace"))
    # Before the reader chooses: nothing fetched for it, nothing stored.
    assert not [url for url in requests if "offline-sw.js" in url or "/offline/keep-" in url]
    assert _stored(page) == {"caches": [], "workers": []}

    keep.click()
    expect(page.locator(".offline-reading__status")).to_have_text(_text(code, "offline-reading-kept"))
    assert _stored(page) == {"caches": [f"offline-{code}"], "workers": [f"{host}{prefix}"]}

    context.set_offline(True)
    page.goto(f"{host}{prefix}communique/op1-iii/")
    expect(page.locator('.clause[id="op1-iii"]')).to_be_visible()
    page.goto(f"{host}{prefix}frameworks/crc/")
    expect(page.locator("#provisions")).to_be_visible()
    assert page.evaluate(r"[...document.styleSheets].some((sheet) => sheet.href && /assets\/stylesheets\/site\.[0-9a-f]{8}\.min\.css$/.test(sheet.href))")

    context.set_offline(False)
    page.goto(f"{host}{prefix}open-data/")
    page.click("[data-offline-remove]")
    expect(page.locator(".offline-reading__status")).to_have_text(_text(code, "offline-reading-removed"))
    assert _stored(page) == {"caches": [], "workers": []}
    context.set_offline(True)
    with pytest.raises(Error):
        page.goto(f"{host}{prefix}communique/op1-iii/")
    context.close()


def test_a_first_visit_loads_nothing_for_offline_reading(browser, host):
    context = browser.new_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    for path in ("", "communique/", "communique/op1-iii/", "ar/"):
        page.goto(host + path, wait_until="networkidle")
    assert not [url for url in requests if "offline" in url]
    assert _stored(page)["workers"] == []
    context.close()


@pytest.mark.parametrize("code", ["en", "ar"])
def test_the_zip_from_disk_shows_no_search_and_says_how_to_find_text(browser, site, tmp_path, code):
    language = LANGUAGES[code]
    with zipfile.ZipFile(site.site / zip_path(language)) as archive:
        archive.extractall(tmp_path)
    context = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    for path in ("index.html", "communique/op1-iii/index.html"):
        page.goto((tmp_path / language.prefix / path).as_uri())
        expect(page.locator(".offline-find")).to_have_text(_text(code, "offline-find"))
        expect(page.locator(".site-search__open")).to_be_hidden()
        expect(page.locator("[data-search]")).to_be_hidden()
        page.set_viewport_size({"width": 1280, "height": 800})
        expect(page.locator("[data-search]")).to_be_hidden()
        page.set_viewport_size({"width": 390, "height": 800})
    assert errors == []
    context.close()
