""""Exit this page" (overrides/partials/header.html, docs/assets/exit.js), in Chromium.

Every page of every language carries one link, in its own language, to the one fixed neutral
website; a tap or Shift pressed three times leaves at once and replaces the page in the tab's
history, so Back does not return to it; on a 390 px phone the link stays on screen while the
reader scrolls. The neutral website is never contacted: the browser is answered locally.
"""

from __future__ import annotations

import re

import pytest
import yaml

from catalogue.render.site import EXIT_URL
from tests.helpers import ROOT, languages

LANGS = [lang.code for lang in languages()]
NEUTRAL = re.compile(r"^https://www\.google\.com/")
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def _label(lang: str, key: str = "exit-page") -> str:
    return yaml.safe_load((ROOT / f"translations/{lang}/site.yml").read_text(encoding="utf-8"))[key]["text"]


def _prefix(lang: str) -> str:
    return "" if lang == "en" else f"{lang}/"


@pytest.fixture
def tab(browser):
    """A tab whose requests to the neutral website are answered here, with a page that says where it is."""
    context = browser.new_context()
    context.route(NEUTRAL, lambda route: route.fulfill(status=200, content_type="text/html",
                                                       body="<!doctype html><title>neutral</title><p>neutral"))
    page = context.new_page()
    yield page
    context.close()


def test_every_page_has_one_exit_link_in_its_language_to_the_fixed_neutral_site(site):
    pages = sorted(site.site.rglob("*.html"))
    assert len(pages) > 100
    by_lang = {language.code: language.prefix for language in languages()}
    for path in pages:
        rel = path.relative_to(site.site).as_posix()
        lang = next((code for code, prefix in by_lang.items() if prefix and rel.startswith(prefix)), "en")
        links = re.findall(r'<a href="([^"]*)" class="exit-page" rel="nofollow noreferrer"[^>]*>([^<]*)</a>',
                           path.read_text(encoding="utf-8"))
        assert links == [(EXIT_URL.format(lang=lang), _label(lang))], rel


@pytest.mark.parametrize("lang", LANGS)
def test_a_tap_leaves_and_back_does_not_return_to_the_page(tab, served, lang):
    tab.goto(served + _prefix(lang))
    tab.goto(served + _prefix(lang) + "help/")
    length = tab.evaluate("history.length")
    link = tab.get_by_role("link", name=_label(lang), exact=True)
    with tab.expect_navigation(url=NEUTRAL):
        link.click()
    assert tab.title() == "neutral"
    assert tab.evaluate("history.length") == length, "the help page should be replaced, not added to"
    tab.go_back()
    assert tab.url == served + _prefix(lang), "Back should skip the page the reader left"


@pytest.mark.parametrize("lang", LANGS)
def test_shift_pressed_three_times_leaves_and_says_how_many_presses_are_left(tab, served, lang):
    tab.goto(served + _prefix(lang))
    tab.goto(served + _prefix(lang) + "communique/op1-iv/")
    status = tab.locator(".exit-page__status")
    tab.keyboard.press("Shift")
    assert status.text_content() == _label(lang, "exit-page-press-two")
    assert tab.locator(".exit-page").get_attribute("data-presses") == "1"
    tab.keyboard.press("Shift")
    assert status.text_content() == _label(lang, "exit-page-press-one")
    with tab.expect_navigation(url=NEUTRAL):
        tab.keyboard.press("Shift")
    tab.go_back()
    assert tab.url == served + _prefix(lang)


def test_shift_used_to_type_a_capital_or_another_key_between_does_not_count(tab, served):
    tab.goto(served + "help/")
    status = tab.locator(".exit-page__status")
    tab.keyboard.press("Shift+A")
    tab.keyboard.press("Shift+B")
    tab.keyboard.press("Shift")
    assert tab.locator(".exit-page").get_attribute("data-presses") == "1"
    tab.keyboard.press("a")
    assert tab.locator(".exit-page").get_attribute("data-presses") is None
    assert status.text_content() == _label("en", "exit-page-reset")
    tab.keyboard.press("Shift")
    tab.keyboard.press("Shift")
    assert tab.url == served + "help/", "two presses after a reset should not leave"


def test_the_link_is_reached_with_the_keyboard_and_shows_its_focus(tab, served):
    tab.goto(served + "help/")
    for _ in range(40):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.classList.contains('exit-page')"):
            break
    else:
        pytest.fail("Tab never reached the exit link")
    outline = tab.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    with tab.expect_navigation(url=NEUTRAL):
        tab.keyboard.press("Enter")


def test_without_javascript_the_link_still_leaves(browser, served):
    context = browser.new_context(java_script_enabled=False)
    context.route(NEUTRAL, lambda route: route.fulfill(status=200, content_type="text/html", body="<title>neutral</title>"))
    page = context.new_page()
    page.goto(served + "help/")
    with page.expect_navigation(url=NEUTRAL):
        page.get_by_role("link", name=_label("en"), exact=True).click()
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_on_a_390_px_phone_the_link_stays_on_screen_and_easy_to_tap(browser, served, lang):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(served + _prefix(lang) + "help/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the page is wider than the phone"
    for scroll in (0, 800, 100000):
        page.evaluate(f"window.scrollTo(0, {scroll})")
        box = page.locator(".exit-page").bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= 844, scroll
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        assert box["height"] >= 24 and box["width"] >= 200, "a target that is hard to hit"
        top = page.evaluate("(([x, y]) => document.elementFromPoint(x, y).closest('.exit-page') !== null)",
                            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
        assert top, "something covers the exit link"
    context.close()
